"""Walk a population up its parents through the figures that define membership."""

from dataclasses import dataclass

import pandas as pd

from pipeline.derive.intervals import Interval
from pipeline.derive.observed import Figure
from pipeline.rows import records

PopKey = tuple[str, str]  # (survey_id, population_id)


@dataclass(frozen=True)
class Step:
    """One level up: `defining` is the child population's share of `parent_id`."""

    parent_id: str
    defining: Figure


def _present(x) -> bool:
    return x is not None and not (isinstance(x, float) and x != x) and x is not pd.NA


class Populations:
    """dim_population rows by (survey_id, population_id), with their labels."""

    def __init__(self, populations: pd.DataFrame):
        self.rows: dict[PopKey, dict] = {
            (r["survey_id"], r["population_id"]): r for r in records(populations)
        }

    def label(self, survey_id: str, population_id: str) -> str:
        row = self.rows.get((survey_id, population_id))
        return str(row["label_en"]) if row and _present(row.get("label_en")) else population_id

    def is_root(self, survey_id: str, population_id: str) -> bool:
        """All respondents of the survey: a known population with no parent."""
        row = self.rows.get((survey_id, population_id))
        return row is not None and not _present(row.get("parent_population_id"))

    def steps(self, survey_id: str, population_id: str, figs: dict[tuple, Figure]) -> list[Step]:
        """Parents reachable from the population, nearest first.

        The walk stops at the first population whose parent is unknown, whose membership is
        not defined by a variable and category, or whose defining figure was not published
        (or is not a percentage).
        """
        out: list[Step] = []
        seen = {population_id}
        current = population_id
        while True:
            row = self.rows.get((survey_id, current))
            if row is None or not _present(row.get("parent_population_id")):
                return out
            parent = row["parent_population_id"]
            var, cat = row.get("defined_by_variable_id"), row.get("defined_by_category_id")
            if parent in seen or not (_present(var) and _present(cat)):
                return out
            defining = figs.get((survey_id, var, cat, parent))
            if defining is None or defining.unit != "percent":
                return out
            out.append(Step(parent, defining))
            seen.add(parent)
            current = parent

    def reaches_root(self, survey_id: str, population_id: str, steps: list[Step]) -> bool:
        top = steps[-1].parent_id if steps else population_id
        return self.is_root(survey_id, top)


def chain(fig: Figure, steps: list[Step]) -> tuple[float, Interval]:
    """The figure as a share of the last step's parent: value and interval (percent)."""
    value, interval = fig.value, fig.interval
    for step in steps:
        value = value * step.defining.value / 100
        interval = interval * step.defining.interval / 100
    return value, interval


def chain_text(fig: Figure, steps: list[Step], pops: Populations) -> str:
    """ "78% [77.5, 78.5) of 'A' × 53% [52.5, 53.5) (share of 'A' in 'B')"."""
    text = f"{fig.describe()} of '{pops.label(fig.survey_id, fig.population_id)}'"
    child = fig.population_id
    for step in steps:
        text += (
            f" × {step.defining.describe()} (share of '{pops.label(fig.survey_id, child)}' in "
            f"'{pops.label(fig.survey_id, step.parent_id)}')"
        )
        child = step.parent_id
    return text
