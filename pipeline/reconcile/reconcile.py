"""reconcile(): settle the open bases of every source's entries, then compare the sources."""

import dataclasses
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from pipeline.reconcile.assertions import Assertion, assertions
from pipeline.reconcile.conflicts import base_conflicts
from pipeline.reconcile.populations import Bases
from pipeline.reconcile.published import publisher
from pipeline.reconcile.settle import settle_bases
from pipeline.reconcile.table import observation_id, reconciliation_table


@dataclass(frozen=True)
class Reconciled:
    """The entries with their bases settled, and the fact_reconciliation table."""

    entries: pd.DataFrame
    table: pd.DataFrame


def reconcile(entries: pd.DataFrame, populations: pd.DataFrame) -> Reconciled:
    """Settle ambiguous bases with clearer sources and compare what every source states.

    `entries` is stg_observation_entries; `populations` is dim_population (population_id,
    parent_population_id, label_en). The returned entries keep every input row and column,
    with population_id settled, and add stated_population_id (as annotated), observation_id,
    settled_by_source_id (the source whose clear wording settled this entry's open base, or
    None) and publishes (True on the one entry per observation whose value is published).
    """
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

    out = entries.copy()
    out["stated_population_id"] = entries["population_id"]
    out["population_id"] = [a.population_id for a in items]
    out["observation_id"] = [observation_id(a) for a in items]
    out["settled_by_source_id"] = pd.Series(
        [settled[a.row][1] if a.row in settled else None for a in items],
        index=entries.index,
        dtype=object,
    )
    publishing = {p.row for p in publishers.values()}
    out["publishes"] = [a.row in publishing for a in items]
    table = reconciliation_table(
        entries, stated, items, by_obs, publishers, settled, conflicts, bases
    )
    return Reconciled(entries=out, table=table)
