"""Fact tables from validated annotation entries."""

from itertools import groupby
from operator import itemgetter

import pandas as pd

from pipeline.model.dims import frame, frame_of_columns
from pipeline.model.precision import written_decimals, written_interval
from pipeline.rows import cells, column, records, tuples, values
from pipeline.validate.provenance import number_span
from schemas import table_spec
from schemas.attribute_evidence import AttributeEvidence
from schemas.fact_evidence import FactEvidence
from schemas.fact_observation import FactObservation

DIMENSIONS = ["survey_id", "variable_id", "category_id", "population_id"]
# The entry columns fact_observation reads besides the dimensions.
READ = [
    "value",
    "unit",
    "number_text",
    "qualifier",
    "ambiguity",
    "publishes",
    "settled_by_source_id",
]


def observation_ids(entries: pd.DataFrame) -> list[str]:
    """survey.variable.category.population of each entry: the same figure from two sources
    is one row."""
    return [".".join(map(str, dims)) for dims in cells(entries, DIMENSIONS)]


def _first(values):
    """The first value that is not missing (None or NaN), else None."""
    return next((v for v in values if not _missing(v)), None)


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def with_number_offsets(entries: pd.DataFrame) -> pd.DataFrame:
    """Add the absolute offsets of each entry's number_text."""
    out = entries.copy()
    if out.empty:
        return out.assign(
            number_start=pd.Series(dtype="Int64"), number_end=pd.Series(dtype="Int64")
        )
    spans = [
        number_span(q, n, int(k))
        for q, n, k in tuples(out, ["quote", "number_text", "number_occurrence"])
    ]
    starts = column(out["char_start"])
    out["number_start"] = [int(s) + span[0] for s, span in zip(starts, spans, strict=True)]
    out["number_end"] = [int(s) + span[1] for s, span in zip(starts, spans, strict=True)]
    return out


def fact_observation(entries: pd.DataFrame) -> pd.DataFrame:
    """One row per figure, from reconciled entries: the publishing source's value; an
    ambiguity only when no source states the figure clearly."""
    if entries.empty:
        return frame(FactObservation, [], ["observation_id"])
    ids = [".".join(map(str, dims)) for dims in tuples(entries, DIMENSIONS)]
    df = entries.assign(observation_id=ids)
    if "publishes" not in df:
        df = df.assign(publishes=~df.duplicated("observation_id"), settled_by_source_id=None)
    df = df[["observation_id", "source_id", "char_start", *DIMENSIONS, *READ]]
    df = df.sort_values(["observation_id", "source_id", "char_start"], kind="stable")
    rows = []  # plain records: one pass, no per-figure frame operations
    for oid, members in groupby(records(df), key=itemgetter("observation_id")):
        group = list(members)
        first = next((r for r in group if r["publishes"]), group[0])
        decimals = written_decimals(first["number_text"])
        low, high = written_interval(float(first["value"]), first["number_text"])
        clear = any(_missing(r["ambiguity"]) for r in group)
        rows.append(
            {
                "observation_id": oid,
                **{d: first[d] for d in DIMENSIONS},
                "value": float(first["value"]),
                "unit": first["unit"],
                "decimals": decimals,
                "value_low": low,
                "value_high": high,
                "qualifier": _first([first["qualifier"]] + [r["qualifier"] for r in group]),
                "ambiguity": None if clear else _first(r["ambiguity"] for r in group),
                "settled_by_source_id": _first(r["settled_by_source_id"] for r in group),
            }
        )
    return frame(FactObservation, rows, ["observation_id"])


def fact_evidence(entries: pd.DataFrame) -> pd.DataFrame:
    """One row per quote that states an observation."""
    df = with_number_offsets(entries)
    found = {c: values(df[c]) for c in table_spec(FactEvidence).column_names if c in df}
    found["observation_id"] = observation_ids(df)
    sort = ["observation_id", "source_id", "number_start"]
    return frame_of_columns(FactEvidence, found, len(df), sort)


def attribute_evidence(entries: pd.DataFrame) -> pd.DataFrame:
    """One row per quote that states a survey, population or variable attribute."""
    df = with_number_offsets(entries)
    found = {c: values(df[c]) for c in table_spec(AttributeEvidence).column_names if c in df}
    sort = ["source_id", "entity", "entity_id", "attribute", "number_start"]
    return frame_of_columns(AttributeEvidence, found, len(df), sort)
