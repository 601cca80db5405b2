"""Survey figures quoted in French press articles, as validated open datasets."""
