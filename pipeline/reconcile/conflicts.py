"""Base conflicts: two sources state the same value for a figure on two nested bases, each
clearly enough that neither is settled, and neither source states the other's base."""

from collections import defaultdict

from pipeline.reconcile.assertions import Assertion, overlap
from pipeline.reconcile.populations import Bases

# row → [(other base, sources stating the same value on it)]
Conflicts = dict[int, list[tuple[str, list[str]]]]


def _by_base(items: list[Assertion]) -> dict[tuple, dict[str, dict[tuple, list[Assertion]]]]:
    """figure → population → Assertion.key (unit, low, high) → assertions."""
    out: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for a in items:
        out[a.figure][a.population_id][a.key].append(a)
    return out


def base_conflicts(items: list[Assertion], bases: Bases) -> Conflicts:
    """Rows in a base conflict, each with the other bases and the sources stating them.

    Same figure, agreeing values (overlapping rounding intervals), nested bases P1 ≠ P2: a
    source X on P1 conflicts with a source Y on P2 when X states nothing on P2 and Y nothing
    on P1. When both sources state both bases, the two figures are simply two results of the
    survey, and nothing is reported.
    """
    out: Conflicts = defaultdict(list)
    for pops in _by_base(items).values():
        sources = {p: {a.source_id for k in ks.values() for a in k} for p, ks in pops.items()}
        ordered = sorted(pops)
        for i, p1 in enumerate(ordered):
            for p2 in ordered[i + 1 :]:
                if not bases.nested(p1, p2):
                    continue
                for k1, side1 in pops[p1].items():
                    for k2, side2 in pops[p2].items():
                        if not overlap(k1, k2):
                            continue
                        xs = [a for a in side1 if a.source_id not in sources[p2]]
                        ys = [a for a in side2 if a.source_id not in sources[p1]]
                        if xs and ys:
                            for mine, other, theirs in ((xs, p2, ys), (ys, p1, xs)):
                                names = sorted({a.source_id for a in theirs})
                                for a in mine:
                                    out[a.row].append((other, names))
    return dict(out)
