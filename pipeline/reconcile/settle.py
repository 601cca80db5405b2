"""Settle open bases: an entry whose wording leaves its base open takes the base that another
source states clearly for the same figure and the same value (within rounding)."""

from collections import defaultdict

from pipeline.reconcile.assertions import Assertion, overlap
from pipeline.reconcile.populations import Bases

# Assertion.key (unit, low, high): assertions with the same rounding interval agree with the
# same entries, so each distinct interval is compared once, however many sources state it.
Key = tuple[str, float, float]


def clear_statements(items: list[Assertion]) -> dict[tuple, dict[Key, list[str]]]:
    """Sources of the unambiguous assertions by (figure, population), then by interval."""
    out: dict[tuple, dict[Key, list[str]]] = defaultdict(lambda: defaultdict(list))
    for a in items:
        if not a.ambiguous:
            out[(a.figure, a.population_id)][a.key].append(a.source_id)
    return out


def _first_other(sources: dict[Key, list[str]], key: Key, source_id: str) -> str | None:
    found = [s for k, ids in sources.items() if overlap(k, key) for s in ids if s != source_id]
    return min(found) if found else None


def settle_bases(items: list[Assertion], bases: Bases) -> dict[int, tuple[str, str]]:
    """{row: (population_id, settled_by_source_id)} for every ambiguous entry that is settled.

    An ambiguous entry of source A is settled when the unambiguous entries of other sources
    that state its figure with an agreeing value, on its own base or on a nested one (a base
    that contains it or that it contains), all name one base P. A takes P (P may be its own
    base: the clearer source then confirms it) and the first such source by source_id is
    recorded as the one that settled it. Nothing is settled when those sources name several
    bases, or when A already states the figure on P in another entry.
    """
    clear = clear_statements(items)
    pops_of_figure: dict[tuple, list[str]] = defaultdict(list)
    for figure, pid in clear:
        pops_of_figure[figure].append(pid)
    stated = {(a.source_id, a.figure, a.population_id) for a in items}
    out = {}
    for a in items:
        if not a.ambiguous:
            continue
        key = a.key
        targets = {}
        for pid in pops_of_figure.get(a.figure, ()):
            if bases.nested(a.population_id, pid):
                first = _first_other(clear[(a.figure, pid)], key, a.source_id)
                if first is not None:
                    targets[pid] = first
        if len(targets) != 1:
            continue
        ((pid, settler),) = targets.items()
        if pid != a.population_id and (a.source_id, a.figure, pid) in stated:
            continue
        out[a.row] = (pid, settler)
    return out
