"""Reading raw/: sources, codelists and annotations, each checked on the way in."""
