"""Assertions: each source's observation entry, with its figure key and rounding interval."""

from dataclasses import dataclass

import pandas as pd

from pipeline.model.precision import written_interval
from schemas.units import comparable

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

    @property
    def key(self) -> tuple[str, float, float]:
        """(unit, low, high) of its rounding interval, a duration or a measure in the first
        unit of its group (schemas.units.comparable): what agreement compares."""
        return comparable(self.unit, self.low, self.high)

    def agrees(self, other: "Assertion") -> bool:
        """Same unit (or one quantity) and overlapping rounding intervals [low, high): 53 ~
        53,0; 53 ≁ 52; '4 heures' ~ '4h12' (252 minutes); '0,7 km²' ~ '69 ha'."""
        return overlap(self.key, other.key)

    @property
    def interval(self) -> str:
        return f"[{self.low:g}, {self.high:g})"


def overlap(a: tuple[str, float, float], b: tuple[str, float, float]) -> bool:
    """Whether two (unit, low, high) keys are in one unit and their intervals overlap."""
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _text(value) -> str | None:
    """A non-empty string, or None for null, NaN and blank cells."""
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return None
    text = str(value).strip()
    return text or None


def columns(entries: pd.DataFrame, names: list[str]) -> list[tuple]:
    """The rows of some columns as tuples: much faster than to_dict on Arrow strings."""
    return list(zip(*(entries[c].tolist() for c in names), strict=True))


def assertions(entries: pd.DataFrame) -> list[Assertion]:
    """One Assertion per row of stg_observation_entries, `row` being its position."""
    names = [
        "source_id",
        *FIGURE,
        "population_id",
        "value",
        "unit",
        "number_text",
        "ambiguity",
        "qualifier",
    ]
    out = []
    for i, (
        source,
        survey,
        variable,
        category,
        population,
        value,
        unit,
        number_text,
        ambiguity,
        qualifier,
    ) in enumerate(columns(entries, names)):
        value = float(value)
        low, high = written_interval(value, str(number_text))
        out.append(
            Assertion(
                row=i,
                source_id=source,
                figure=(survey, variable, category),
                population_id=population,
                value=value,
                unit=unit,
                low=low,
                high=high,
                ambiguous=_text(ambiguity) is not None,
                qualifier=_text(qualifier),
            )
        )
    return out
