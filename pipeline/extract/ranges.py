"""Give a range's first bound the unit of its second bound ("20-24 %", "entre 2 et 3 M€")."""

import re
from decimal import Decimal
from functools import lru_cache

from pipeline.extract.lexicon import typography
from pipeline.extract.mention import Candidate

# Units a bare first bound can take from the second one (not ordinals or names).
SHARED_UNITS = {"percent", "money", "points", "duration", "times", "scale"}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    return {
        "between": re.compile(rf"\s*{typography()['dash']}\s*|\s+à\s+|\s+(?P<et>et)\s+", re.I),
        "entre": re.compile(r"(?<!\w)entre\s+\Z", re.I),
    }


def join_ranges(text: str, candidates: list[Candidate], sentence_ends: list[int]) -> None:
    """Mark ranges in place; `sentence_ends[i]` is the end of candidate i's sentence."""
    for i in range(len(candidates) - 1):
        first, second = candidates[i], candidates[i + 1]
        if not first.bare or second.unit not in SHARED_UNITS or second.start > sentence_ends[i]:
            continue
        between = _patterns()["between"].fullmatch(text, first.end, second.start)
        if between is None:
            continue
        if between.group("et") and not _patterns()["entre"].search(
            text, max(0, first.start - 12), first.start
        ):
            continue  # "15 et 45 %" is a range only after "entre"
        first.kind = second.kind
        first.unit = second.unit
        first.value = float(Decimal(repr(first.value)) * Decimal(repr(second.scale)))
        first.scale = second.scale
        first.bare = False
        second.joined_to_previous = True
