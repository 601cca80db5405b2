"""Published figures as rounding intervals, looked up by id or by their four dimensions."""

import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from pipeline.derive.intervals import Interval, exact, fmt, rounding
from pipeline.derive.same import same_cells
from pipeline.rows import records
from schemas.units import SHARES, with_unit

# Separator of id lists in text columns: ids never contain whitespace, and DuckDB splits
# them with string_split(col, ' ').
ID_SEPARATOR = " "


@dataclass(frozen=True)
class Figure:
    """One observation: its identity, its published value and the interval it stands for."""

    observation_id: str
    survey_id: str
    variable_id: str
    category_id: str
    population_id: str
    value: float
    unit: str
    interval: Interval
    ambiguity: str | None

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.survey_id, self.variable_id, self.category_id, self.population_id)

    def describe(self) -> str:
        """'53% [52.5, 53.5)' for a percentage, '1,600 [1,600, 1,600]' for a count."""
        return f"{with_unit(fmt(self.value), self.unit)} {self.interval}"


def _missing(x) -> bool:
    if type(x) is float:  # the usual cell: NaN is the only missing float
        return x != x
    return x is None or (not isinstance(x, str | list | tuple) and pd.isna(x))


def flag(x) -> bool:
    """A boolean cell (bool, numpy bool, 0/1) as a bool; null is False."""
    return not _missing(x) and bool(x)


def figure_interval(row: dict) -> Interval:
    """The row's value_low/value_high, else the rounding of value at decimals, else exact.

    Percentages are clipped to [0, 100]: 100% stands for [99.5, 100], 0% for [0, 0.5).
    """
    value = float(row["value"])
    if not _missing(row.get("value_low")) and not _missing(row.get("value_high")):
        interval = Interval(float(row["value_low"]), float(row["value_high"]))
    elif not _missing(row.get("decimals")):
        interval = rounding(value, int(row["decimals"]))
    else:
        interval = exact(value)
    return interval.clip(0.0, 100.0) if row.get("unit") in SHARES else interval


# figures() of the frames still alive, by id(): the release's derivations and checks each
# read the same fact_observation frame (frames are never modified in place here).
_FIGURES: dict[int, tuple[weakref.ref, dict[str, Figure]]] = {}
# The last frame read and its figures: the steps of one run may each be handed their own
# copy of fact_observation, with the same cells.
_LAST: list[tuple[pd.DataFrame, dict[str, Figure]]] = []


def figures(observations: pd.DataFrame) -> dict[str, Figure]:
    """fact_observation rows as Figures, by observation_id (computed once per frame, and once
    for frames with the same cells one after the other)."""
    key = id(observations)
    cached = _FIGURES.get(key)
    if cached is not None and cached[0]() is observations:
        return dict(cached[1])
    if _LAST and same_cells(_LAST[0][0], observations):
        out = _LAST[0][1]
    else:
        out = _figures(observations)
        # A shallow copy: with pandas' copy-on-write it keeps these cells if the frame changes.
        _LAST[:] = [(observations.copy(deep=False), out)]
    _FIGURES[key] = (weakref.ref(observations, lambda _, k=key: _FIGURES.pop(k, None)), out)
    return dict(out)


def _figures(observations: pd.DataFrame) -> dict[str, Figure]:
    out = {}
    for row in records(observations):
        ambiguity = row.get("ambiguity")
        out[row["observation_id"]] = Figure(
            observation_id=row["observation_id"],
            survey_id=row["survey_id"],
            variable_id=row["variable_id"],
            category_id=row["category_id"],
            population_id=row["population_id"],
            value=float(row["value"]),
            unit=row["unit"],
            interval=figure_interval(row),
            ambiguity=None if _missing(ambiguity) else str(ambiguity),
        )
    return out


def by_key(figs: dict[str, Figure]) -> dict[tuple[str, str, str, str], Figure]:
    """Figures by (survey_id, variable_id, category_id, population_id)."""
    return {f.key: f for f in figs.values()}


def join_ids(ids: Iterable[str]) -> str:
    return ID_SEPARATOR.join(ids)


def split_ids(value) -> list[str]:
    """A list of ids from a list/array, or from a string separated by spaces, ';' or ','."""
    if _missing(value):
        return []
    if isinstance(value, str):
        return value.replace(";", " ").replace(",", " ").split()
    return [str(v) for v in value]


def ambiguity_note(figs: Iterable[Figure]) -> str | None:
    """'<id> is flagged ambiguous: <why>' for each ambiguous input, or None."""
    notes = [f"{f.observation_id} is flagged ambiguous: {f.ambiguity}" for f in figs if f.ambiguity]
    return "; ".join(notes) or None
