"""reconcile(): settle the open bases of every source's entries, then compare the sources."""

import dataclasses
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from pipeline.memo import NOT_KEPT, SurveyMemo, in_input_order
from pipeline.reconcile.assertions import Assertion, assertions
from pipeline.reconcile.conflicts import base_conflicts
from pipeline.reconcile.populations import Bases
from pipeline.reconcile.published import publisher
from pipeline.reconcile.settle import settle_bases
from pipeline.reconcile.table import observation_id, reconciliation_rows, table_frame


@dataclass(frozen=True)
class Reconciled:
    """The entries with their bases settled, and the fact_reconciliation table."""

    entries: pd.DataFrame
    table: pd.DataFrame


def reconcile(
    entries: pd.DataFrame, populations: pd.DataFrame, memo: SurveyMemo = NOT_KEPT
) -> Reconciled:
    """Settle ambiguous bases with clearer sources and compare what every source states.

    `entries` is stg_observation_entries; `populations` is dim_population (population_id,
    parent_population_id, label_en). The returned entries keep every input row and column,
    with population_id settled, and add stated_population_id (as annotated), observation_id,
    settled_by_source_id (the source whose clear wording settled this entry's open base, or
    None) and publishes (True on the one entry per observation whose value is published).
    Surveys are reconciled apart (a figure belongs to one survey), their results kept by `memo`.
    """
    parts = memo.map("reconcile", _survey, (entries, populations))
    out = entries.copy()
    out["stated_population_id"] = entries["population_id"]
    for column in ("population_id", "observation_id"):
        out[column] = in_input_order(parts, lambda r, c=column: r.columns[c])
    out["settled_by_source_id"] = pd.Series(
        in_input_order(parts, lambda r: r.columns["settled_by_source_id"]),
        index=entries.index,
        dtype=object,
    )
    out["publishes"] = in_input_order(parts, lambda r: r.columns["publishes"])
    table = table_frame([row for p in parts for row in p.result.table_rows])
    return Reconciled(entries=out, table=table)


@dataclass(frozen=True)
class _SurveyResult:
    """What reconciling some surveys' entries adds to each entry, and their table rows."""

    columns: dict[str, list]
    table_rows: list[tuple]


def _survey(entries: pd.DataFrame, populations: pd.DataFrame) -> _SurveyResult:
    """reconcile() of entries numbered from 0, as lists: one value per entry, one tuple per
    row of fact_reconciliation."""
    bases = Bases(populations)
    stated = assertions(entries)
    settled = settle_bases(stated, bases)
    items = [
        dataclasses.replace(a, population_id=settled[a.row][0]) if a.row in settled else a
        for a in stated
    ]
    by_obs: dict[str, list[Assertion]] = defaultdict(list)
    for a in items:
        by_obs[observation_id(a)].append(a)
    publishers = {oid: publisher(group) for oid, group in by_obs.items()}
    conflicts = base_conflicts(items, bases)
    publishing = {p.row for p in publishers.values()}
    columns = {
        "population_id": [a.population_id for a in items],
        "observation_id": [observation_id(a) for a in items],
        "settled_by_source_id": [settled[a.row][1] if a.row in settled else None for a in items],
        "publishes": [a.row in publishing for a in items],
    }
    rows = reconciliation_rows(
        entries, stated, items, by_obs, publishers, settled, conflicts, bases
    )
    return _SurveyResult(columns, rows)
