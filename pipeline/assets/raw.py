"""Raw layer: sources, codelists and annotations read from raw/, verified on the way in."""

import dagster as dg

from pipeline.derive.lexicon import Entry, load_lexicon
from pipeline.load.annotations import Annotations, load_annotations
from pipeline.load.codelists import Codelists, load_codelists
from pipeline.load.sources import Source, load_sources, source_dirs
from pipeline.resources import ProjectPaths


@dg.asset(group_name="raw", kinds={"text", "yaml"})
def raw_sources(paths: ProjectPaths) -> dg.Output[list[Source]]:
    """Source texts with their metadata; each text's SHA-256 is checked against source.yml."""
    sources = load_sources(paths.raw)
    return dg.Output(
        sources,
        metadata={
            "sources": len(sources),
            "characters": sum(len(s.text) for s in sources),
            "source_ids": dg.MetadataValue.json([s.source_id for s in sources]),
        },
    )


@dg.asset(group_name="raw", kinds={"yaml"})
def raw_codelists(paths: ProjectPaths) -> dg.Output[Codelists]:
    """Shared codelists: surveys with their populations (raw/surveys), variables and categories."""
    codelists = load_codelists(paths.raw)
    return dg.Output(
        codelists,
        metadata={
            "surveys": len(codelists.surveys),
            "populations": len(codelists.populations),
            "variables": len(codelists.variables),
        },
    )


@dg.asset(group_name="raw", kinds={"yaml"})
def raw_annotations(paths: ProjectPaths) -> dg.Output[list[Annotations]]:
    """Curated annotation files, one per source: figures, attributes, claims, ignored numbers."""
    annotations = [load_annotations(d) for d in source_dirs(paths.raw)]
    return dg.Output(
        annotations,
        metadata={
            s: sum(len(a.sections[s]) for a in annotations)
            for s in ("observations", "attributes", "claims", "ignore")
        },
    )


@dg.asset(group_name="raw", kinds={"yaml"})
def raw_claims_lexicon(paths: ProjectPaths) -> dg.Output[dict[str, Entry]]:
    """The lexicon of French quantitative qualifiers and what each means numerically."""
    lexicon = load_lexicon(paths.raw / "lexicon" / "fr_claims.yml")
    return dg.Output(lexicon, metadata={"entries": len(lexicon)})
