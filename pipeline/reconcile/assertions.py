"""Assertions: each source's observation entry, with its figure key and rounding interval."""

from dataclasses import dataclass

import pandas as pd

from pipeline.model.precision import rounding_interval, written_decimals

FIGURE = ["survey_id", "variable_id", "category_id"]


@dataclass(frozen=True)
class Assertion:
    """What one entry of one source states: a value, in a unit, on a base, as written."""

    row: int
    source_id: str
    figure: tuple[str, str, str]
    population_id: str
    value: float
    unit: str
    low: float
    high: float
    ambiguous: bool
    qualifier: str | None

    def agrees(self, other: "Assertion") -> bool:
        """Same unit and overlapping rounding intervals [low, high): 53 ~ 53,0; 53 ≁ 52."""
        return self.unit == other.unit and self.low < other.high and other.low < self.high

    @property
    def interval(self) -> str:
        return f"[{self.low:g}, {self.high:g})"


def _text(value) -> str | None:
    """A non-empty string, or None for null, NaN and blank cells."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def assertions(entries: pd.DataFrame) -> list[Assertion]:
    """One Assertion per row of stg_observation_entries, `row` being its position."""
    out = []
    for i, rec in enumerate(entries.to_dict("records")):
        value = float(rec["value"])
        low, high = rounding_interval(value, written_decimals(str(rec["number_text"])))
        out.append(Assertion(
            row=i,
            source_id=rec["source_id"],
            figure=tuple(rec[c] for c in FIGURE),
            population_id=rec["population_id"],
            value=value,
            unit=rec["unit"],
            low=low,
            high=high,
            ambiguous=_text(rec["ambiguity"]) is not None,
            qualifier=_text(rec["qualifier"]),
        ))
    return out
