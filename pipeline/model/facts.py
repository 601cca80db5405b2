"""Fact tables from validated annotation entries."""

from itertools import groupby
from operator import itemgetter

import pandas as pd

from pipeline.model.dims import frame
from pipeline.model.precision import rounding_interval, written_decimals
from pipeline.validate.provenance import number_span
from schemas.attribute_evidence import AttributeEvidence
from schemas.fact_evidence import FactEvidence
from schemas.fact_observation import FactObservation

DIMENSIONS = ["survey_id", "variable_id", "category_id", "population_id"]


def observation_id(row) -> str:
    """survey.variable.category.population: the same figure from two sources is one row."""
    return ".".join(str(row[d]) for d in DIMENSIONS)


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
        for q, n, k in zip(out["quote"], out["number_text"], out["number_occurrence"], strict=True)
    ]
    out["number_start"] = [
        int(s) + span[0] for s, span in zip(out["char_start"], spans, strict=True)
    ]
    out["number_end"] = [int(s) + span[1] for s, span in zip(out["char_start"], spans, strict=True)]
    return out


def fact_observation(entries: pd.DataFrame) -> pd.DataFrame:
    """One row per figure, from reconciled entries: the publishing source's value; an
    ambiguity only when no source states the figure clearly."""
    if entries.empty:
        return frame(FactObservation, [], ["observation_id"])
    ids = [".".join(map(str, dims)) for dims in zip(*(entries[d] for d in DIMENSIONS), strict=True)]
    df = entries.assign(observation_id=ids)
    if "publishes" not in df:
        df = df.assign(publishes=~df.duplicated("observation_id"), settled_by_source_id=None)
    df = df.sort_values(["observation_id", "source_id", "char_start"], kind="stable")
    rows = []  # plain records: one pass, no per-figure frame operations
    for oid, members in groupby(df.to_dict("records"), key=itemgetter("observation_id")):
        group = list(members)
        first = next((r for r in group if r["publishes"]), group[0])
        decimals = written_decimals(first["number_text"])
        low, high = rounding_interval(float(first["value"]), decimals)
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
    rows = [{**row, "observation_id": observation_id(row)} for row in df.to_dict("records")]
    return frame(FactEvidence, rows, ["observation_id", "source_id", "number_start"])


def attribute_evidence(entries: pd.DataFrame) -> pd.DataFrame:
    """One row per quote that states a survey, population or variable attribute."""
    df = with_number_offsets(entries)
    return frame(
        AttributeEvidence, df.to_dict("records"), ["source_id", "entity", "entity_id", "attribute"]
    )
