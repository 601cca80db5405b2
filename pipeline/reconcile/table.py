"""The fact_reconciliation rows: one per observation and source, with a status and a note."""

from collections import defaultdict

import pandas as pd

from pipeline.model.dims import frame
from pipeline.reconcile import notes
from pipeline.reconcile.assertions import Assertion
from pipeline.reconcile.conflicts import Conflicts
from pipeline.reconcile.populations import Bases
from schemas.fact_reconciliation import (
    AGREES,
    BASE_DIFFERS,
    BASE_SETTLED,
    SETTLES_BASE,
    VALUE_DIFFERS,
    FactReconciliation,
)


def observation_id(a: Assertion) -> str:
    """survey.variable.category.population, as pipeline.model.facts.observation_id."""
    return ".".join([*a.figure, a.population_id])


def comparison_ids(items: list[Assertion], conflicts: Conflicts) -> dict[str, str]:
    """Observations in a base conflict share one id per figure and group of nested bases."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for row, others in conflicts.items():
        a = items[row]
        for pid, _ in others:
            parent[find(".".join([*a.figure, pid]))] = find(observation_id(a))
    groups: dict[str, list[str]] = defaultdict(list)
    for oid in list(parent):
        groups[find(oid)].append(oid)
    out = {}
    for members in groups.values():
        figure = members[0].rsplit(".", 1)[0]
        name = f"{figure}:" + "+".join(sorted(m.rsplit(".", 1)[1] for m in members))
        out.update(dict.fromkeys(members, name))
    return out


def _status(a, group, pub, stated, settled, settled_of, conflicts, bases) -> tuple[str, str]:
    oid = observation_id(a)
    if a.row in settled:
        return BASE_SETTLED, notes.base_settled(a, stated[a.row].population_id,
                                                settled[a.row][1], bases)
    if (oid, a.source_id) in settled_of:
        return SETTLES_BASE, notes.settles_base(a, settled_of[(oid, a.source_id)], bases)
    if a.row in conflicts:
        return BASE_DIFFERS, notes.base_differs(a, conflicts[a.row], bases)
    if not a.agrees(pub):
        same = [b.source_id for b in group if (b.unit, b.value) == (pub.unit, pub.value)]
        return VALUE_DIFFERS, notes.value_differs(a, pub, same)
    return AGREES, notes.agrees(a, pub, sum(b.agrees(pub) for b in group), len(group))


def reconciliation_table(
    entries: pd.DataFrame,
    stated: list[Assertion],
    items: list[Assertion],
    by_obs: dict[str, list[Assertion]],
    publishers: dict[str, Assertion],
    settled: dict[int, tuple[str, str]],
    conflicts: Conflicts,
    bases: Bases,
) -> pd.DataFrame:
    """Rows of the observations stated by two sources or more or in a base conflict.

    `stated` and `items` are the assertions of `entries`, row by row, before and after their
    bases were settled; `by_obs` groups `items` by observation.
    """
    records = entries.to_dict("records")
    comparison = comparison_ids(items, conflicts)
    settled_of = defaultdict(list)  # (observation, settler) → [(source, annotated base)]
    for a in items:
        if a.row in settled:
            key = (observation_id(a), settled[a.row][1])
            settled_of[key].append((a.source_id, stated[a.row].population_id))
    rows = []
    for oid, group in by_obs.items():
        if len({a.source_id for a in group}) < 2 and oid not in comparison:
            continue
        pub = publishers[oid]
        for a in group:
            status, note = _status(a, group, pub, stated, settled, settled_of, conflicts, bases)
            rec = records[a.row]
            rows.append({
                "observation_id": oid,
                "source_id": a.source_id,
                "comparison_id": comparison.get(oid, oid),
                "stated_value": a.value,
                "stated_population_id": stated[a.row].population_id,
                "number_text": rec["number_text"],
                "quote": rec["quote"],
                "char_start": rec["char_start"],
                "char_end": rec["char_end"],
                "status": status,
                "published_value": pub.value,
                "note": note,
            })
    return frame(FactReconciliation, rows, ["observation_id", "source_id"])
