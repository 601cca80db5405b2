"""Choose one reading where candidates overlap: best priority first, then the longest."""

from bisect import bisect_right

from pipeline.extract.mention import Candidate


def _pick(cluster: list[Candidate]) -> list[Candidate]:
    starts: list[int] = []  # the chosen spans, kept sorted and disjoint
    ends: list[int] = []
    chosen: list[Candidate] = []
    for c in sorted(cluster, key=lambda c: (c.priority, c.start - c.end, c.start)):
        i = bisect_right(starts, c.start)
        if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    return chosen


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates sorted by start."""
    out: list[Candidate] = []
    cluster: list[Candidate] = []
    cluster_end = -1
    # Overlaps only happen inside runs of chained spans, so each run is decided on its own.
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if cluster and c.start >= cluster_end:
            out.extend(_pick(cluster))
            cluster, cluster_end = [], -1
        cluster.append(c)
        cluster_end = max(cluster_end, c.end)
    out.extend(_pick(cluster))
    return sorted(out, key=lambda c: c.start)
