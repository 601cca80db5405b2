"""Findings of consistency rules: their columns and the helpers the rules share.

A finding names the rule, its status ('passed' or 'failed'), the observations involved
(space-separated) and the arithmetic in words, for use as asset-check metadata.
"""

import pandas as pd

from pipeline.derive.intervals import Interval, at_most
from pipeline.derive.observed import Figure, ambiguity_note, figures, flag, join_ids
from pipeline.rows import records

FINDING_COLUMNS = ["finding_id", "rule", "status", "survey_id", "observation_ids", "arithmetic"]


def finding(rule: str, ok: bool, figs: list[Figure], arithmetic: str) -> dict:
    """One finding; the arithmetic gets the status and any ambiguity of the figures."""
    ids = [f.observation_id for f in figs]
    status = "passed" if ok else "failed"
    note = ambiguity_note(figs)
    return {
        "finding_id": f"{rule}:{','.join(ids)}",
        "rule": rule,
        "status": status,
        "survey_id": figs[0].survey_id,
        "observation_ids": join_ids(ids),
        "arithmetic": f"{arithmetic} → {status}" + (f" (note: {note})" if note else ""),
    }


def findings_frame(rows: list[dict]) -> pd.DataFrame:
    """Findings as a frame sorted by finding_id."""
    df = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    return df.sort_values("finding_id", kind="stable").reset_index(drop=True)


def can_be_at_most(a: Interval, b: Interval) -> bool:
    """Some value of a is ≤ some value of b."""
    return a.intersects(at_most(b.high, b.high_closed))


def percent_groups(observations: pd.DataFrame) -> dict[tuple[str, str, str], list[Figure]]:
    """Percentages by (survey, variable, population), each list sorted by observation_id."""
    out: dict[tuple[str, str, str], list[Figure]] = {}
    for f in sorted(figures(observations).values(), key=lambda f: f.observation_id):
        if f.unit == "percent":
            out.setdefault((f.survey_id, f.variable_id, f.population_id), []).append(f)
    return out


def net_categories(categories: pd.DataFrame) -> set[tuple[str, str]]:
    """(variable_id, category_id) of every net category ('at least one of the others')."""
    return {
        (r["variable_id"], r["category_id"]) for r in records(categories) if flag(r.get("is_net"))
    }


def option_categories(categories: pd.DataFrame) -> dict[str, set[str]]:
    """Listed non-net categories of each variable."""
    net = net_categories(categories)
    out: dict[str, set[str]] = {}
    for r in records(categories):
        if (r["variable_id"], r["category_id"]) not in net:
            out.setdefault(r["variable_id"], set()).add(r["category_id"])
    return out


def exhaustive_variables(variables: pd.DataFrame | None) -> set[str]:
    """Variables whose listed categories cover every answer."""
    if variables is None:
        return set()
    return {r["variable_id"] for r in records(variables) if flag(r.get("categories_exhaustive"))}
