"""Numbers said with words around them: fractions, ratios, scores ("6,4/10"), "une vingtaine",
"double"."""

import re
from bisect import bisect_right
from decimal import Decimal
from functools import lru_cache

from pipeline.extract.directions import direction_after, direction_before
from pipeline.extract.lexicon import alternation, char_class, fold, load, typography
from pipeline.extract.mention import Candidate
from pipeline.extract.numerals import Numeral
from pipeline.extract.quantities import unit_after

PHRASE_PRIORITY, WORD_PRIORITY = 1, 2
# A ratio's second number followed by one of these units is a quantity ("sur vingt ans").
NOT_RATIO_UNITS = {"percent", "money", "cents", "duration", "measure", "points"}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    fractions, hedges, numbers = load("fractions"), load("hedges"), load("numbers")
    typo = typography()
    prefixes = "|".join(
        alternation([h["words"][:-1]]) + typo["hyphen"]
        if h["words"].endswith("-")
        else alternation([h["words"]]) + r"\s+"
        for h in hedges["prefixes"]
    )
    adjectives = alternation(h["words"] for h in hedges["adjectives"])
    score_denominators = "|".join(
        sorted(map(str, fractions["scores"]["denominators"]), key=len, reverse=True)
    )
    # These follow a numeral found by numerals.find_numerals (matched at its end).
    return {
        "share": re.compile(
            rf"(?<![\w'’])(?P<det>{alternation(fractions['determiners'])})\s*"
            rf"(?:(?P<adj>{adjectives})\s+)?(?P<prefix>{prefixes})?"
            rf"(?P<word>{alternation(fractions['shares'])})(?!\w)",
            re.I,
        ),
        "definite": re.compile(
            rf"(?<![\w'’])(?P<det>{alternation(fractions['definite']['determiners'])})\s+"
            rf"(?P<den>{alternation(fractions['definite']['denominators'])})"
            rf"(?=\s+{alternation(fractions['definite']['of'])}(?:(?<=['’])|(?!\w))|\s*(?:\(|\Z))",
            re.I,
        ),
        # "\Z": a share written alone (as parse_number receives it) reads as one.
        "partitive": re.compile(rf"\s*(?:\(|(?:de|des|du)\b|d{typo['apos']}|\Z)", re.I),
        "denominator": re.compile(
            rf"(?:\s+(?P<adj>{adjectives})\s+|\s+|{typo['hyphen']})"
            rf"(?P<den>{alternation(fractions['denominators'])})(?![\w-])",
            re.I,
        ),
        "ratio_middle": re.compile(
            rf"(?:\s+(?!sur\b)(?!{alternation(fractions['verbs_before_sur'])}\s+sur\b)"
            r"[^\W\d_]+(?:['’][^\W\d_]+)*){0,4}\s+sur\s+",
            re.I,
        ),
        "approximate": re.compile(
            rf"\s+(?P<word>{alternation(numbers['approximate_counts'])})s?"
            rf"(?=\s+de\s|\s*d{typo['apos']}|\s*\Z)",
            re.I,
        ),
        # "un point" after an elided "d'" too: "en hausse d'un point" (fr_numbers.yml: one_point)
        "one_point": re.compile(
            rf"(?<![\w-])(?P<words>{alternation(numbers['one_point'])})(?![\w'’-])", re.I
        ),
        # A fraction character, searched alone: an optional prefix would be tried at every
        # position of every text. Digits glued before it make a number: "1½" is 1.5.
        "vulgar": re.compile(rf"{char_class(list(fractions['vulgar']))}(?!\d)"),
        "whole": re.compile(r"(?<![\w.,])\d{1,3}\Z"),
        "slash": re.compile(r"(?<![\w/.,])(?P<a>\d{1,2})/(?P<b>\d{1,3})(?![\w/]|[.,]?\d)"),
        # "6,4/10", "12,5 / 20": a number with decimals over a denominator.
        "score_slash": re.compile(
            rf"(?<![\w/.,])(?P<a>\d{{1,3}}[.,]\d{{1,2}})\s*/\s*(?P<b>{score_denominators})"
            r"(?![\w/]|[.,]?\d)"
        ),
        "score_over": re.compile(rf"\s*(?:/|sur)\s*(?P<b>{score_denominators})(?![\w/]|[.,]?\d)"),
        "score_cue": re.compile(
            rf"(?<![\w'’]){alternation(fractions['scores']['cues'])}(?!\w)[^.!?;\n]*\Z", re.I
        ),
        "score_between": re.compile(r"\d\s*(?:/|sur\s)\s*(?P<b>\d+)"),
        "multiplier_sign": re.compile(
            rf"(?<![\w.,])(?:{'|'.join(map(re.escape, numbers['multiplier_signs']))})"
            r"[ \u00a0\u202f]?(?P<n>\d{1,3}(?:[.,]\d{1,2})?)(?![\w.,]?\d|\w)"
        ),
        # The sign after the digits: "2x plus", "3 × moins", but not "3 x 4 m" (a size).
        "multiplier_sign_after": re.compile(
            r"(?<![\w.,])(?P<n>\d{1,3}(?:[.,]\d{1,2})?)[ \u00a0\u202f]?"
            rf"(?:{'|'.join(map(re.escape, numbers['multiplier_signs']))})"
            r"(?!\w|[ \u00a0\u202f]*\d)"
        ),
        "multiplier": re.compile(
            rf"(?<![\w-])(?P<word>{alternation(numbers['multiplier_words'])})(?![\w-])", re.I
        ),
    }


@lru_cache(maxsize=8)
def _idiom(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"\s+{alternation(words)}(?![\w'’-])", re.I)


def _shares(text: str) -> list[Candidate]:
    out = []
    for m in _patterns()["share"].finditer(text):
        entry = load("fractions")["shares"][fold(m.group("word"))]
        definite = fold(m.group("det")) in ("la", "l'")
        if (
            entry.get("partitive")
            and definite
            and not _patterns()["partitive"].match(text, m.end())
        ):
            continue  # "la liste de la majorité": a political majority, not a share
        if entry.get("not_before") and _idiom(tuple(entry["not_before"])).match(text, m.end()):
            continue  # "la plupart du temps": an idiom, not a share
        group = "prefix" if m.group("prefix") else "adj" if m.group("adj") else None
        c = Candidate(
            m.start(),
            m.end(),
            "fraction",
            float(entry["value"]),
            PHRASE_PRIORITY,
            approx=bool(entry.get("approx")) or group is not None,
        )
        if group:
            c.qualifier_start = m.start(group)
            c.qualifier_end = m.start(group) + len(m.group(group).rstrip())
        out.append(c)
    return out


def _definite(text: str) -> list[Candidate]:
    """Unit fractions after a definite article: "le tiers des salariés", "du quart de leurs
    clients"."""
    denominators = load("fractions")["denominators"]
    return [
        Candidate(
            m.start(),
            m.end(),
            "fraction",
            _percent_of(Decimal(1), Decimal(denominators[fold(m.group("den"))])),
            PHRASE_PRIORITY,
        )
        for m in _patterns()["definite"].finditer(text)
    ]


def _percent_of(a: Decimal, b: Decimal) -> float | None:
    """`a` in `b` as a percent, to 4 decimals ("deux tiers": 66.6667); below 1 % to 6
    significant digits, so that "une chance sur 19 068 840" is 5.24416e-06, not 0."""
    if not b or not 0 <= a <= b:
        return None
    share = a * 100 / b
    return float(f"{share:.6g}") if share < 1 else round(float(share), 4)


def _score_cue_before(text: str, start: int, denominator: str) -> bool:
    """Whether a score cue ("note", "moyenne"…) is written shortly before `start`, in its
    sentence: "une note de 7 sur 10" is a score, "7 sur 10 le disent" a ratio. A score over
    another denominator between them keeps the cue: "notée 7/10, et 4 sur 5 la recommandent"
    is a score and a ratio, "une note de 7 sur 10, contre 6 sur 10" two scores."""
    window = load("fractions")["scores"]["cue_window"]
    cue = _patterns()["score_cue"].search(text, max(0, start - window), start)
    if cue is None:
        return False
    between = _patterns()["score_between"].finditer(text, cue.start(), start)
    return all(m.group("b") == denominator for m in between)


def _score(text: str, start: int, end: int, value: Decimal) -> Candidate:
    return Candidate(start, end, "score", float(value), PHRASE_PRIORITY, unit="score")


def _numeral_between(starts: list[int], start: int, end: int) -> bool:
    """Whether a numeral starts strictly between `start` and `end` (`starts` sorted)."""
    i = bisect_right(starts, start)
    return i < len(starts) and starts[i] < end


def _score_unit_between(text: str, start: int, end: int, second: Numeral) -> bool:
    """Whether a ratio's words between its numbers are one of the score units, over a score's
    denominator: "88 points sur 100"."""
    scores = load("fractions")["scores"]
    middle = text[start:end].split()[:-1]  # the words before "sur"
    return (
        len(middle) == 1
        and fold(middle[0]) in scores["units"]
        and not second.words
        and second.value in scores["denominators"]
    )


def _after_numeral(
    text: str, n: Numeral, by_start: dict[int, Numeral], starts: list[int]
) -> list[Candidate]:
    """Fraction ("deux tiers"), ratio ("6 sur 10"), score ("6,4 sur 10", "une note de 7 sur
    10") or approximate count starting at numeral n."""
    p, out = _patterns(), []
    m = p["score_over"].match(text, n.end)
    if m and not n.words and (n.value % 1 or _score_cue_before(text, n.start, m.group("b"))):
        return [_score(text, n.start, m.end(), n.value)]
    m = p["denominator"].match(text, n.end)
    if m:
        share = _percent_of(
            n.value, Decimal(load("fractions")["denominators"][fold(m.group("den"))])
        )
        if share and m.group("adj"):  # "un gros tiers": about a third
            c = Candidate(n.start, m.end(), "fraction", share, PHRASE_PRIORITY, approx=True)
            c.qualifier_start, c.qualifier_end = m.start("adj"), m.end("adj")
            out.append(c)
        elif share:
            out.append(Candidate(n.start, m.end(), "fraction", share, PHRASE_PRIORITY))
    m = p["ratio_middle"].match(text, n.end)
    second = by_start.get(m.end()) if m else None
    if second is not None and _numeral_between(starts, n.end, m.end()):
        second = None  # "un peu moins d'un salarié sur deux": the ratio starts at the later "un"
    if second is not None and _score_unit_between(text, n.end, m.end(), second):
        return [_score(text, n.start, second.end, n.value)]  # "88 points sur 100"
    if second is not None and unit_after(text, second.end) not in NOT_RATIO_UNITS:
        share = _percent_of(n.value, second.value)
        if share is not None:
            out.append(Candidate(n.start, second.end, "ratio", share, PHRASE_PRIORITY))
    m = p["approximate"].match(text, n.end)
    if m and n.value:
        value = float(n.value * load("numbers")["approximate_counts"][fold(m.group("word"))])
        out.append(Candidate(n.start, m.end(), "count", value, PHRASE_PRIORITY, approx=True))
    return out


def _one_point(text: str) -> list[Candidate]:
    """ "un point" where it is a change of one point, its surface running over the word of
    change before or after it and signed by it: "hausse d'un point" (1), "recule d'un point"
    (-1), "un point de plus" (1), "un point de moins" (-1); not "un point important"."""
    values = {fold(k): float(v) for k, v in load("numbers")["one_point"].items()}
    out = []
    for m in _patterns()["one_point"].finditer(text):
        value = values[fold(m.group("words"))]
        if before := direction_before(text, m.start()):
            sign, start = before
            out.append(Candidate(start, m.end(), "points", sign * value, PHRASE_PRIORITY))
        elif after := direction_after(text, m.end()):
            sign, end = after
            out.append(Candidate(m.start(), end, "points", sign * value, PHRASE_PRIORITY))
    return out


def find_lexical(text: str, numerals: list[Numeral]) -> list[Candidate]:
    """Fraction, ratio, approximate-count, multiplier-word and "un point" candidates."""
    out = _shares(text) + _definite(text) + _one_point(text)
    by_start = {n.start: n for n in numerals}
    starts = sorted(by_start)
    for n in numerals:
        out.extend(_after_numeral(text, n, by_start, starts))
    most = load("fractions")["slash_max_denominator"]
    denominators = load("fractions")["scores"]["denominators"]
    for m in _patterns()["slash"].finditer(text):
        a, b = Decimal(m.group("a")), Decimal(m.group("b"))
        if b in denominators and _score_cue_before(text, m.start(), str(b)):
            out.append(_score(text, m.start(), m.end(), a))  # "une note de 7/10"
            continue
        share = _percent_of(a, b) if b <= most else None
        if share:
            out.append(Candidate(m.start(), m.end(), "fraction", share, PHRASE_PRIORITY))
        elif a + b == 100:  # "partagés à 60/40": a split of a hundred, its first part
            out.append(Candidate(m.start(), m.end(), "other", float(a), PHRASE_PRIORITY))
    vulgar = load("fractions")["vulgar"]
    for m in _patterns()["vulgar"].finditer(text):  # "½ des jeunes"; "1½" is one and a half
        a, b = map(Decimal, vulgar[m.group()])
        whole = _patterns()["whole"].search(text, max(0, m.start() - 3), m.start())
        if whole:
            value = float(Decimal(whole.group()) + a / b)
            out.append(Candidate(whole.start(), m.end(), "count", value, PHRASE_PRIORITY))
        elif not (m.start() and re.match(r"[\w.,]", text[m.start() - 1])):  # "x½": a name
            share = _percent_of(a, b)
            out.append(Candidate(m.start(), m.end(), "fraction", share, PHRASE_PRIORITY))
    for m in _patterns()["score_slash"].finditer(text):
        out.append(_score(text, m.start(), m.end(), Decimal(m.group("a").replace(",", "."))))
    signs = [*_patterns()["multiplier_sign"].finditer(text)]
    signs += _patterns()["multiplier_sign_after"].finditer(text)
    for m in signs:  # "(x3)", "× 2,5", "2x plus"
        value = float(m.group("n").replace(",", "."))
        if value <= load("numbers")["multiplier_sign_max"]:
            out.append(Candidate(m.start(), m.end(), "other", value, WORD_PRIORITY, unit="times"))
    multipliers = load("numbers")["multiplier_words"]
    for m in _patterns()["multiplier"].finditer(text):
        value = float(multipliers[fold(m.group("word"))])
        out.append(Candidate(m.start(), m.end(), "other", value, WORD_PRIORITY, unit="times"))
    return out
