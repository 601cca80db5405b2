"""Give a range's first bound the unit of its second bound ("20-24 %", "entre 2 et 3 M€"), and
the thousands it leaves unwritten ("entre 10 et 15 000 euros": 10,000 to 15,000); give a bare
number compared with a share or an amount their unit ("41 %, contre 35 en 2023")."""

import re
from decimal import Decimal
from functools import lru_cache

from pipeline.extract.lexicon import alternation, load, typography
from pipeline.extract.measures import compared_unit
from pipeline.extract.mention import Candidate
from pipeline.extract.quantities import followed_by_noun, followed_by_plural

# Units a bare first bound can take from the second one (not ordinals or names).
SHARED_UNITS = {"percent", "money", "points", "duration", "measure", "times", "scale"}
# Units a bare number compared with an earlier figure takes from it ("contre 35"); an
# amount or a measure only when written without a scale word ("2 150 euros, contre 1 900":
# "50 M€, contre 45" leaves open whether 45 is in millions). A measure also gives its unit to
# a number written with its own scale word ("25,2 millions de tonnes, contre 35 millions").
CONTRASTED_UNITS = {"percent", "points", "money", "measure", "duration"}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    return {
        "between": re.compile(
            rf"(?:\s*{typography()['dash']}\s*|\s+à\s+|\s+(?P<et>et)\s+)"
            rf"(?:(?:{typography()['plus_minus']})\s*)?",
            re.I,
        ),
        "entre": re.compile(r"(?<!\w)entre\s+\Z", re.I),
        "from": re.compile(r"(?<!\w)(?:entre|de|d['’]|du)\s*\Z", re.I),
        "contrast": re.compile(
            rf"(?<![\w'’]){alternation(load('numbers')['contrast_words'])}\s+\Z", re.I
        ),
        "elided": re.compile(rf"\s+[lLdD]{typography()['apos']}"),
        # "un an plus tôt", "une semaine avant": one period, in words (fr_periods.yml: words)
        "one_period": re.compile(
            rf"\s+(?:un|une)\s+{alternation(load('periods')['words'])}(?![\w'’])", re.I
        ),
        # "les douze derniers mois" (fr_periods.yml: adjectives): a period, not a figure
        "period": re.compile(
            rf"(?<![\w'’-]){alternation(load('periods')['adjectives'])}(?![\w'’-])", re.I
        ),
        # a count after one of fr_numbers.yml's governing_words is part of a phrase
        "governed": re.compile(
            rf"(?<![\w'’]){alternation(load('numbers')['governing_words'])}(?:(?<=['’])|\s+)\Z",
            re.I,
        ),
        "plain": re.compile(r"\d{1,3}"),
        "grouped": re.compile(r"(?P<lead>\d{1,3})(?:[ \u00a0\u202f.]\d{3})+(?![\d,])"),
    }


def _elided_thousands(text: str, first: Candidate, second: Candidate) -> Decimal:
    """The factor of the thousands a first bound leaves unwritten: 1000 for "10" in "entre 10
    et 15 000" (the French way of writing 10 000 to 15 000), else 1. Only a plain first bound
    with as many digits as the leading group of a second bound written in groups of three,
    and below it ("de 5 à 10 000 habitants" is left as written)."""
    p = _patterns()
    grouped = p["grouped"].match(text, second.start)
    if not p["plain"].fullmatch(text, first.start, first.end) or grouped is None:
        return Decimal(1)
    written, lead = text[first.start : first.end], grouped.group("lead")
    if len(written) != len(lead) or not Decimal(written) < Decimal(lead):
        return Decimal(1)
    groups = (grouped.end() - grouped.end("lead")) // 4
    return Decimal(1000) ** groups


def written_as_range(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the spans `first` and `second` of `text` are written as the bounds of one range
    ("10 à 15 km", "20-24 %", "entre 2 et 3 heures"; "15 et 45 %" only after "entre")."""
    between = _patterns()["between"].fullmatch(text, first[1], second[0])
    if between is None:
        return False
    return not between.group("et") or bool(
        _patterns()["entre"].search(text, max(0, first[0] - 12), first[0])
    )


def join_ranges(text: str, candidates: list[Candidate], sentence_ends: list[int]) -> None:
    """Mark ranges in place; `sentence_ends[i]` is the end of candidate i's sentence."""
    for i in range(len(candidates) - 1):
        first, second = candidates[i], candidates[i + 1]
        if not first.bare or second.start > sentence_ends[i]:
            continue
        between = _patterns()["between"].fullmatch(text, first.end, second.start)
        if between is None:
            continue
        if second.kind == "count" and second.bare and second.unit is None:
            # "de 2 à 3 000 salariés": two counts, the first without its thousands
            if _patterns()["from"].search(text, max(0, first.start - 8), first.start):
                first.value = float(
                    Decimal(repr(first.value)) * _elided_thousands(text, first, second)
                )
            continue
        if second.unit not in SHARED_UNITS:
            continue
        if not written_as_range(text, (first.start, first.end), (second.start, second.end)):
            continue  # "15 et 45 %" is a range only after "entre"
        first.kind = second.kind
        first.unit = second.unit
        scale = Decimal(repr(second.scale)) * _elided_thousands(text, first, second)
        first.value = float(Decimal(repr(first.value)) * scale)
        first.scale = second.scale
        first.bare = False
        second.joined_to_previous = True


def carry_contrasted_units(
    text: str, candidates: list[Candidate], sentence_starts: list[int]
) -> None:
    """Give a bare number written after "contre" the unit of the share, points, amount or
    measure before it in its sentence, in place ("41 %, contre 35 en 2023", "412 cas pour
    100 000, contre 287"; "contre 9 salariés" stays a count)."""
    unit, kind, scaled = None, None, False
    for i, c in enumerate(candidates):
        if i and sentence_starts[i] != sentence_starts[i - 1]:
            unit = None
        if c.unit == "duration" and _patterns()["period"].search(text, c.start, c.end):
            continue  # "17 livres au cours des douze derniers mois, contre 21": not compared
        if c.unit in CONTRASTED_UNITS:
            unit, kind, scaled = c.unit, c.kind, c.scale != 1
            if unit == "duration" and compared_unit(text[c.start : c.end]) is None:
                unit = None  # "4 h 12, contre 3": three hours, or three minutes?
            continue
        if _counts_things(text, c):
            unit = None  # "71 % …, 8 aces, contre 11": 11 is compared with the 8 aces
            continue
        bare = c.bare and c.kind == "count" and c.unit is None and not scaled
        with_scale = c.unit == "scale" and unit == "measure"  # "contre 35 millions"
        if not (unit and (bare or with_scale)) or not contrasted(text, c.start):
            continue
        # "contre 9 salariés" and "contre 2 024 PME" count; "contre 35 l'an dernier", "contre 40
        # deux ans plus tôt" and "contre 2 300 un an plus tôt" (a period right after) do not
        then = candidates[i + 1] if i + 1 < len(candidates) else None
        timed = (
            then is not None and then.unit == "duration" and not text[c.end : then.start].strip()
        ) or _patterns()["one_period"].match(text, c.end)
        if not timed and (
            followed_by_plural(text, c.end)
            or (followed_by_noun(text, c.end) and not _patterns()["elided"].match(text, c.end))
        ):
            continue
        c.kind, c.unit = kind, unit
        c.bare = False


def _counts_things(text: str, c: Candidate) -> bool:
    """Whether `c` is a count of its own that the next number after "contre" may be compared
    with: followed by the plural noun it counts, not compared itself, and not part of a phrase
    ("45 % des 1 200 salariés", "700 euros pour 3 pièces")."""
    return (
        c.kind == "count"
        and c.unit is None
        and followed_by_plural(text, c.end)
        and not contrasted(text, c.start)
        and _patterns()["governed"].search(text, max(0, c.start - 8), c.start) is None
    )


def contrasted(text: str, start: int) -> bool:
    """Whether a word of contrast ("contre", "face à") is written right before `start`."""
    return _patterns()["contrast"].search(text, max(0, start - 12), start) is not None
