"""Raw layer: sources, codelists and annotations read from raw/, verified on the way in."""

import warnings

import dagster as dg
import pandas as pd

from pipeline.derive.lexicon import Entry, load_lexicon
from pipeline.errors import InputError, line
from pipeline.load.annotations import Annotations
from pipeline.load.checked import read_checked
from pipeline.load.codelists import Codelists, load_codelists
from pipeline.load.documents import FORMAT, SourceDocument, is_current, reading_version
from pipeline.load.sources import Source
from pipeline.load.structure import MAX_PROBLEMS
from pipeline.model.shared import shared_strings
from pipeline.partitions import SOURCES, add_partition_metadata
from pipeline.resources import ProjectPaths
from pipeline.source_store import Prepickled
from pipeline.validate import problems

# The single-run backfill policy makes a build over every source one run (README, "One article
# at a time"); Dagster marks that parameter beta and would say so at every command.
warnings.filterwarnings("ignore", "Parameter `backfill_policy`", dg.BetaWarning)


@dg.asset(
    group_name="raw",
    kinds={"text", "yaml"},
    partitions_def=SOURCES,
    backfill_policy=dg.BackfillPolicy.single_run(),
    io_manager_key="source_store",
)
def source_documents(
    context: dg.AssetExecutionContext, paths: ProjectPaths
) -> dict[str, SourceDocument]:
    """One partition per source: its text (SHA-256 verified), metadata, annotations and the
    numbers the extractor finds in it. Materialize one partition to check one new article."""
    keys = context.partition_keys
    read = read_checked([paths.raw / "sources" / k for k in keys])
    passed = problems([])
    add_partition_metadata(
        context,
        {
            key: _source_metadata(doc, read.problems.get(key, passed))
            for key, doc in zip(keys, read.docs, strict=True)
        },
    )
    return Prepickled(zip(keys, read.docs, strict=True), zip(keys, read.pickled, strict=True))


def _source_metadata(doc: SourceDocument, found: pd.DataFrame) -> dict:
    """What a source's partition shows in the UI: its size and whether its checks pass."""
    return {
        "observations": len(doc.annotations.sections["observations"]),
        "mentions": len(doc.mentions),
        "problems": len(found),
        "checks": "passed" if found.empty else "FAILED",
        **({"failures": dg.MetadataValue.md(found.to_markdown(index=False))} if len(found) else {}),
    }


def in_order(source_documents: dict[str, SourceDocument]) -> list[SourceDocument]:
    return [source_documents[k] for k in sorted(source_documents)]


def _current(docs: list[SourceDocument]) -> list[SourceDocument]:
    """The documents, each checked to be as current as the files in raw/ and as the code that
    reads them; every stale one is named (up to MAX_PROBLEMS), in one error."""
    current, stale = reading_version(), []
    for doc in docs:
        if getattr(doc, "format", None) != FORMAT or getattr(doc, "code", None) != current:
            why = (
                "this source's partition was materialized by another version of the pipeline "
                "(its code or its lexicons)"
            )
        elif not is_current(doc):
            why = "the files changed after this source's partition was materialized"
        else:
            continue
        stale.append((doc.source.directory, f"source_id: {doc.source.source_id}", why))
    if not stale:
        return docs
    again = "materialize its partition of source_documents again (make run does it)"
    also = [line(path, entry, why, again) for path, entry, why in stale[1:MAX_PROBLEMS]]
    if len(stale) > MAX_PROBLEMS:
        more = f"{len(stale) - MAX_PROBLEMS} more source(s) of the same kind"
        also.append(line("raw/sources", None, more, "make run reads every source again"))
    raise InputError(*stale[0], again, also=tuple(also))


@dg.asset(group_name="raw", kinds={"text"})
def raw_sources(source_documents: dict[str, SourceDocument]) -> dg.Output[list[Source]]:
    """Every source text with its metadata, in id order, checked to be as current as raw/."""
    sources = [d.source for d in _current(in_order(source_documents))]
    return dg.Output(
        sources,
        metadata={
            "sources": len(sources),
            "characters": sum(len(s.text) for s in sources),
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


@dg.asset(group_name="raw", kinds={"yaml"}, deps=["raw_sources"])
def raw_annotations(source_documents: dict[str, SourceDocument]) -> dg.Output[list[Annotations]]:
    """Curated annotation files, one per source: figures, attributes, claims, ignored numbers."""
    annotations = shared_strings([d.annotations for d in in_order(source_documents)])
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
