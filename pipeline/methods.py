"""Numbers that say how a survey was made: its sample size ("auprès de 2 004 actifs"), its
fieldwork dates ("réalisée du 3 au 17 mars 2025") and its margin of error ("± 2,2 points").
The draft proposes them as attributes of the survey, and drafts a new survey's file with them;
the margin's confidence level ("19 fois sur 20") it proposes as ignored
(raw/lexicon/fr_methods.yml)."""

import re
from functools import lru_cache
from typing import NamedTuple

from pipeline.extract import Mention
from pipeline.extract.lexicon import alternation, fold, function_words, load, typography
from pipeline.extract.quantities import share_of_a_group
from pipeline.isodates import month_of

# How far before a date a word of `not_after` is looked for ("publiée le 14 mai 2025").
NOT_AFTER_CHARS = 30


# A day written in a date or period ("du 3 au 17 mars", "1er", "02/09/2024"): one or two digits
# apart from a year's four; "fin mars 2025" and "mi-octobre" write none.
DAY_WRITTEN = re.compile(r"(?<![\d/])\d{1,2}(?!\d)")


class Stated(NamedTuple):
    """A survey attribute a mention states, with the span of its quote."""

    attribute: str
    value: str
    char_start: int
    char_end: int
    qualifier: str | None = None  # "plus de" of "auprès de plus de 1 600 dirigeants"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    methods = load("methods")
    size, margin = methods["sample_size"], methods["margin_of_error"]
    sign = rf"(?:{typography()['plus_minus']}|{alternation(margin['signs'])})"
    unit, range_word = alternation(margin["units"]), alternation(margin["range_words"])
    return {
        "before": re.compile(
            rf"(?<![\w'’]){alternation(methods['sample_size']['before'])}\s*\Z", re.I
        ),
        "after": re.compile(
            rf"\s+(?:{alternation(size['after'])}"
            rf"|(?:[^\W\d_]+(?:['’][^\W\d_]+)?\s+){{1,{int(size['group_words'])}}}"
            rf"{alternation(size['after_group'])})(?![\w'’])",
            re.I,
        ),
        "cue": re.compile(
            rf"(?<![\w'’]){alternation(methods['fieldwork']['cues'])}(?![\w'’])", re.I
        ),
        "not_after": re.compile(
            rf"(?<![\w'’]){alternation(methods['fieldwork']['not_after'])}\s*(?:le\s+)?\Z", re.I
        ),
        "margin_cue": re.compile(rf"(?<![\w'’]){alternation(margin['cues'])}(?![\w'’])", re.I),
        # What may stand between the words and a single margin or a range's first bound.
        "margin_link": re.compile(
            rf"\A(?:[^,;.()]*(?<![\w'’]){alternation(margin['links'])}"
            rf"|\s*,\s*{alternation(margin['apposition_links'])})\s*{sign}?\s*\Z",
            re.I,
        ),
        # After a range's first bound: its unit, a range word, the second bound's sign.
        "range_next": re.compile(
            rf"\s*{unit}?\s*{range_word}\s*{sign}?\s*(?P<next>\d+(?:,\d+)?)(?![\d\s]*\d{{3}})"
            rf"\s*(?P<unit>{unit})?",
            re.I,
        ),
        # Before a range's second bound: the first bound (the only digits since the cue).
        "range_before": re.compile(rf"\A\D*\d[\d,.\s]*{unit}?\s*{range_word}\s*{sign}?\s*\Z", re.I),
        # Before the margin of a part: the first margin, the part it is of, then the words of
        # `part_links` ("… de 3,1 % en Wallonie et de 2,8 % en Flandre").
        "part_before": re.compile(
            rf"\A\D*\d[\d,.\s]*{unit}[^\d,;.()]{{1,{int(margin['part_gap'])}}}?"
            rf"(?P<link>{alternation(margin['part_links'])})(?:(?<=['’])|\s+){sign}?\s*\Z",
            re.I,
        ),
    }


def sample_size(m: Mention, text: str) -> Stated | None:
    """The sample size a count states: "auprès de 2 004 actifs", "1 002 personnes
    interrogées"; the quote runs from the words that say so to the number."""
    smallest = load("methods")["sample_size"]["smallest"]
    if m.kind != "count" or not isinstance(m.value, float) or m.value < smallest or m.value % 1:
        return None
    head = m.qualifier_start if m.qualifier_start is not None else m.start
    p = _patterns()
    before = p["before"].search(text, max(m.sentence_start, head - 60), head)
    after = p["after"].match(text, m.end, m.sentence_end)
    if before is None and after is None:
        return None
    start = before.start() if before else head
    end = after.end() if after and not before else m.end
    return Stated("sample_size", str(int(m.value)), start, end, m.qualifier)


# The word right after a sample size's number: what it counts ("612 éleveurs", "1 005
# Français").
COUNTED = re.compile(r"[ \u00a0\u202f]+([^\W\d_][\w'’-]*)")


def counted_noun(text: str, end: int) -> re.Match | None:
    """The word written right after a number that ends at `end` ("éleveurs" of "auprès de 612
    éleveurs"), unless it is a function word; group 1 is the word."""
    noun = COUNTED.match(text, end)
    if noun is None or fold(noun.group(1)) in function_words():
        return None
    return noun


def fieldwork_dates(m: Mention, text: str) -> list[Stated]:
    """The fieldwork start and end a date or period states in a sentence that says the survey
    was made then ("réalisée du 3 au 17 mars 2025", "interrogés en janvier 2025"): a period's
    bounds, or a day or a month as both."""
    if m.kind not in ("date", "period") or not isinstance(m.value, str):
        return []
    p = _patterns()
    if not p["cue"].search(text, m.sentence_start, m.sentence_end):
        return []
    if p["not_after"].search(text, max(m.sentence_start, m.start - NOT_AFTER_CHARS), m.start):
        return []
    first, _, last = m.value.partition("/")
    if not DAY_WRITTEN.search(m.surface):  # "fin mars 2025": a month, not the days it spans
        first, last = month_of(first), month_of(last or first)
    return [
        Stated("fieldwork_start", first, m.start, m.end),
        Stated("fieldwork_end", last or first, m.start, m.end),
    ]


def margin_of_error(m: Mention, text: str) -> Stated | None:
    """The margin of error a number of points or a percent states, in points, right after the
    words that say so ("La marge d'erreur est de ± 2,2 points"): margin_of_error, or of a
    range ("de ± 1,5 à ± 3,5 points") margin_of_error_min for its first bound; the quote runs
    from those words to the number."""
    largest = float(load("methods")["margin_of_error"]["largest"])
    if m.kind not in ("points", "percent") or not isinstance(m.value, float):
        return None
    if not 0 < m.value <= largest:
        return None  # "… de 3 points et 45 % des sondés approuvent": no margin of 45 points
    p, gap = _patterns(), load("methods")["margin_of_error"]["gap"]
    cues = list(p["margin_cue"].finditer(text, m.sentence_start, m.start))
    if not cues:
        return None
    head = m.qualifier_start if m.qualifier_start is not None else m.start
    between = text[cues[-1].end() : head]
    first_digit = next((i for i, c in enumerate(between) if c.isdigit()), None)
    if first_digit is None and len(between) <= gap and p["margin_link"].match(between):
        ranged = p["range_next"].match(text, m.end, m.sentence_end)
        if ranged and (
            float(ranged.group("next").replace(",", ".")) > largest
            or share_of_a_group(text, ranged.end())  # "… 3 points et 4 % des sondés …"
        ):
            ranged = None
        attribute = "margin_of_error_min" if ranged else "margin_of_error"
    elif (
        first_digit is not None
        and first_digit <= gap
        and p["range_before"].match(between)
        and not share_of_a_group(text, m.end)
    ):
        attribute = "margin_of_error"  # the second bound of a range: the largest margin
    else:
        return None
    return Stated(attribute, f"{m.value:g}", cues[-1].start(), m.end)


CLAUSE_END = re.compile(r"[,;:()]|[.!?…]\s*\Z")


def part_margin(m: Mention, text: str) -> str | None:
    """The words of a second margin of error in a sentence that states one, for a part of the
    sample ("… est de 3,1 % en Wallonie et de 2,8 % en Flandre": "et de 2,8 % en Flandre"),
    when `m` is it; else None."""
    largest = float(load("methods")["margin_of_error"]["largest"])
    if m.kind not in ("points", "percent") or not isinstance(m.value, float):
        return None
    if not 0 < m.value <= largest or share_of_a_group(text, m.end):
        return None
    if margin_of_error(m, text) is not None:
        return None
    p, gap = _patterns(), load("methods")["margin_of_error"]["gap"]
    cues = list(p["margin_cue"].finditer(text, m.sentence_start, m.start))
    if not cues:
        return None
    between = text[cues[-1].end() : m.start]
    first_digit = next((i for i, c in enumerate(between) if c.isdigit()), None)
    if first_digit is None or first_digit > gap or not (found := p["part_before"].match(between)):
        return None
    clause = CLAUSE_END.search(text, m.end, m.sentence_end)
    return text[cues[-1].end() + found.start("link") : clause.start() if clause else m.sentence_end]


def part_margin_reason(words: str) -> str:
    """The reason an ignore entry of a part's margin of error gives."""
    return load("methods")["margin_of_error"]["part_reason"].format(words=" ".join(words.split()))


@lru_cache(maxsize=1)
def _confidence() -> dict[str, re.Pattern]:
    methods = load("methods")
    level = methods["confidence_level"]
    cues = methods["margin_of_error"]["cues"] + level["cues"]
    return {
        "cue": re.compile(rf"(?<!\w){alternation(cues)}(?![\w'’])", re.I),  # "l'intervalle"
        "ratio": re.compile(rf"(?<![\w'’]){alternation(level['ratio_words'])}(?![\w'’])", re.I),
        "before": re.compile(rf"(?<![\w'’]){alternation(level['before'])}\s*\Z", re.I),
        "after": re.compile(rf"\s*{alternation(level['after'])}(?![\w'’])", re.I),
    }


def confidence_level(m: Mention, text: str) -> str | None:
    """The words of a confidence level `m` states in a sentence on a margin of error ("19 fois
    sur 20", "niveau de confiance de 95 %"), else None (fr_methods.yml: confidence_level)."""
    if m.kind not in ("ratio", "percent"):
        return None
    p = _confidence()
    if not p["cue"].search(text, m.sentence_start, m.sentence_end):
        return None
    if m.kind == "ratio":
        return m.surface if p["ratio"].search(m.surface) else None
    before = p["before"].search(text, max(m.sentence_start, m.start - 40), m.start)
    if before:
        return text[before.start() : m.end]
    after = p["after"].match(text, m.end, m.sentence_end)
    return text[m.start : after.end()] if after else None


@lru_cache(maxsize=1)
def _total_note() -> re.Pattern:
    before = alternation(load("methods")["total_note"]["before"])
    return re.compile(rf"(?<![\w'’]){before}\s*\Z", re.I)


def total_note(m: Mention, text: str) -> str | None:
    """The words of a note on the total of the answers that `m` is the percent of ("Total
    supérieur à 100 %"), else None (fr_methods.yml: total_note)."""
    if m.kind != "percent":
        return None
    found = _total_note().search(text, max(m.sentence_start, m.start - 60), m.start)
    return text[found.start() : m.end] if found else None


def total_reason(words: str) -> str:
    """The reason an ignore entry of a note on the total gives."""
    return load("methods")["total_note"]["reason"].format(words=" ".join(words.split()))


@lru_cache(maxsize=1)
def _p_value() -> re.Pattern:
    lex = load("methods")["p_value"]
    before, links = alternation(lex["before"]), alternation(lex["links"])
    return re.compile(rf"(?<![\w'’-]){before}\s*{links}\s*\Z", re.I)


def p_value(m: Mention, text: str) -> str | None:
    """The words of a test's significance that `m` is the number of ("p < 0,001"), else None
    (fr_methods.yml: p_value)."""
    found = _p_value().search(text, max(m.sentence_start, m.start - 20), m.start)
    return text[found.start() : m.end] if found else None


def p_value_reason(words: str) -> str:
    """The reason an ignore entry of a test's significance gives."""
    return load("methods")["p_value"]["reason"].format(words=" ".join(words.split()))


def confidence_reason(words: str) -> str:
    """The reason an ignore entry of a confidence level gives."""
    return load("methods")["confidence_level"]["reason"].format(words=" ".join(words.split()))


def stated_attributes(m: Mention, text: str) -> list[Stated]:
    """What `m` states of how its survey was made, if anything."""
    stated = sample_size(m, text) or margin_of_error(m, text)
    return [stated] if stated else fieldwork_dates(m, text)
