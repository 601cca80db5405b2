"""The fact_reconciliation rows: one per observation and source, with a status and a note."""

from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from pipeline.reconcile import notes
from pipeline.reconcile.assertions import Assertion, columns
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
from schemas.spec import table_spec

COLUMNS = table_spec(FactReconciliation).column_names


def observation_id(a: Assertion) -> str:
    """survey.variable.category.population, as pipeline.model.facts.observation_ids."""
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


@dataclass(frozen=True)
class _Found:
    """What the comparison found, row by row, for the notes."""

    stated: list[Assertion]
    settled: dict[int, tuple[str, str]]
    settled_of: dict[tuple[str, str], list[tuple[str, str]]]
    conflicts: Conflicts
    bases: Bases


def _statuses(oid: str, group: list[Assertion], pub: Assertion, found: _Found):
    """(assertion, status, note) for every statement of one observation."""
    agree = [b.agrees(pub) for b in group]
    agreeing = sum(agree)
    same = [b.source_id for b in group if (b.unit, b.value) == (pub.unit, pub.value)]
    for a, agreed in zip(group, agree, strict=True):
        if a.row in found.settled:
            stated_base, settler = found.stated[a.row].population_id, found.settled[a.row][1]
            yield a, BASE_SETTLED, notes.base_settled(a, stated_base, settler, found.bases)
        elif (oid, a.source_id) in found.settled_of:
            yield (
                a,
                SETTLES_BASE,
                notes.settles_base(a, found.settled_of[(oid, a.source_id)], found.bases),
            )
        elif a.row in found.conflicts:
            yield a, BASE_DIFFERS, notes.base_differs(a, found.conflicts[a.row], found.bases)
        elif not agreed:
            yield a, VALUE_DIFFERS, notes.value_differs(a, pub, same)
        else:
            yield a, AGREES, notes.agrees(a, pub, agreeing, len(group))


def reconciliation_rows(
    entries: pd.DataFrame,
    stated: list[Assertion],
    items: list[Assertion],
    by_obs: dict[str, list[Assertion]],
    publishers: dict[str, Assertion],
    settled: dict[int, tuple[str, str]],
    conflicts: Conflicts,
    bases: Bases,
) -> list[tuple]:
    """Rows of the observations stated by two sources or more or in a base conflict, as
    tuples of COLUMNS.

    `stated` and `items` are the assertions of `entries`, row by row, before and after their
    bases were settled; `by_obs` groups `items` by observation.
    """
    quoted = columns(entries, ["number_text", "quote", "char_start", "char_end"])
    comparison = comparison_ids(items, conflicts)
    settled_of = defaultdict(list)  # (observation, settler) → [(source, annotated base)]
    for row, (_, settler) in settled.items():
        key = (observation_id(items[row]), settler)
        settled_of[key].append((items[row].source_id, stated[row].population_id))
    found = _Found(stated, settled, settled_of, conflicts, bases)
    rows = []
    for oid, group in by_obs.items():
        if len({a.source_id for a in group}) < 2 and oid not in comparison:
            continue
        pub = publishers[oid]
        for a, status, note in _statuses(oid, group, pub, found):
            rows.append(
                (
                    oid,
                    a.source_id,
                    comparison.get(oid, oid),
                    a.value,
                    a.unit,
                    stated[a.row].population_id,
                    *quoted[a.row],
                    status,
                    pub.value,
                    pub.unit,
                    note,
                )
            )
    return rows


def table_frame(rows: list[tuple]) -> pd.DataFrame:
    """fact_reconciliation's rows as a frame sorted by observation and source."""
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.sort_values(["observation_id", "source_id"], kind="stable").reset_index(drop=True)
