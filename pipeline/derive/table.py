"""Rows of fact_derived, with exactly the columns its schema declares."""

import pandas as pd

from pipeline.derive.intervals import Interval, snap
from pipeline.derive.observed import Figure, join_ids
from schemas.fact_derived import FactDerived
from schemas.spec import table_spec

COLUMNS = table_spec(FactDerived).column_names


NUMBERS = ("value", "value_low", "value_high")


def derived_row(**values) -> dict:
    """A fact_derived row from keyword values: the schema's columns, None where absent, and
    the numbers without the float error of the arithmetic that computed them."""
    row = {c: values.get(c) for c in COLUMNS}
    for c in NUMBERS:
        if row[c] is not None:
            row[c] = snap(row[c])
    return row


def figure_row(
    fig: Figure,
    kind: str,
    value: float,
    interval: Interval,
    formula: str,
    inputs: list[Figure],
    assumption: str | None,
    population_id: str | None = None,
    unit: str = "percent",
) -> dict:
    """A row derived from one published figure (plus the figures in `inputs`)."""
    population_id = population_id or fig.population_id
    suffix = f"/{population_id}" if kind == "share_of_parent" else ""
    return derived_row(
        derived_id=f"{fig.observation_id}/{kind}{suffix}",
        survey_id=fig.survey_id,
        kind=kind,
        variable_id=fig.variable_id,
        category_id=fig.category_id,
        population_id=population_id,
        value=value,
        value_low=interval.low,
        value_high=interval.high,
        bounds=interval.bounds,
        unit=unit,
        formula=formula,
        input_observation_ids=join_ids(f.observation_id for f in [fig, *inputs]),
        assumption=assumption,
    )


def join_notes(*parts: str | None) -> str | None:
    """Assumption texts joined with '; ', or None when there are none."""
    return "; ".join(p for p in parts if p) or None


def to_frame(rows: list[dict]) -> pd.DataFrame:
    """fact_derived rows as a frame sorted by derived_id."""
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.sort_values("derived_id", kind="stable").reset_index(drop=True)
