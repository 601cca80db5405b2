"""Fact tables from validated annotation entries."""

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


def _first(series: pd.Series):
    present = series.dropna()
    return present.iloc[0] if len(present) else None


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
    df = entries.assign(observation_id=entries.apply(observation_id, axis=1))
    if "publishes" not in df:
        df = df.assign(publishes=~df.duplicated("observation_id"), settled_by_source_id=None)
    df = df.sort_values(["observation_id", "source_id", "char_start"], kind="stable")
    rows = []
    for oid, group in df.groupby("observation_id", sort=True):
        first = group[group["publishes"]].iloc[0] if group["publishes"].any() else group.iloc[0]
        decimals = written_decimals(first["number_text"])
        low, high = rounding_interval(float(first["value"]), decimals)
        clear = group["ambiguity"].isna().any()
        rows.append(
            {
                "observation_id": oid,
                **{d: first[d] for d in DIMENSIONS},
                "value": float(first["value"]),
                "unit": first["unit"],
                "decimals": decimals,
                "value_low": low,
                "value_high": high,
                "qualifier": first["qualifier"]
                if pd.notna(first["qualifier"])
                else _first(group["qualifier"]),
                "ambiguity": None if clear else _first(group["ambiguity"]),
                "settled_by_source_id": _first(group["settled_by_source_id"]),
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
