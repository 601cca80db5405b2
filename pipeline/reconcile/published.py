"""The value the release publishes for an observation several sources state."""

from collections import Counter

from pipeline.reconcile.assertions import Assertion


def publisher(stated: list[Assertion]) -> Assertion:
    """The assertion whose value (and written precision) the release publishes.

    The value most sources state (same unit and value: '53%' and '53 %' count together); on
    a tie, the value of the first of the tied sources by source_id. Of the sources stating
    that value, the first by source_id provides its written precision.
    """
    ordered = sorted(stated, key=lambda a: (a.source_id, a.row))
    counts = Counter((a.unit, a.value) for a in ordered)
    best = max(counts.values())
    return next(a for a in ordered if counts[(a.unit, a.value)] == best)
