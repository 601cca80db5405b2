"""Sign percentage-point changes by the word before them ("recul de 15 points" → -15), and
find the words of change next to a number ("recul de 38 %", "38 % de baisse") and the sign
written before it ("+3")."""

import re
from functools import lru_cache

from pipeline.extract.composed import compose, is_plain
from pipeline.extract.lexicon import alternation, load, typography
from pipeline.extract.mention import Candidate


def _either(up: list[str], down: list[str]) -> str:
    return rf"(?:(?P<up>{alternation(up)})|(?P<down>{alternation(down)}))"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    directions, apos = load("hedges")["directions"], typography()["apos"]
    word = _either(directions["up"], directions["down"])
    after_de = _either(directions["after_de"]["up"], directions["after_de"]["down"])
    only_de = _either(directions["before_de"]["up"], directions["before_de"]["down"])
    subject = directions["as_subject"]
    noun, link = _either(subject["up"], subject["down"]), alternation(subject["links"])
    adverbs = rf"(?:\s+{alternation(directions['adverbs'])})*"
    return {  # "recul de ", "hausse d'" before a number; " de baisse", " en recul" after one
        "before": re.compile(
            rf"(?<![\w'’-]){word}(?:{adverbs}\s+de\s+|{adverbs}\s+d{apos}\s*|\s+)\Z", re.I
        ),
        "before_de": re.compile(rf"(?<![\w'’-]){only_de}(?:\s+de\s+|\s+d{apos}\s*)\Z", re.I),
        "after": re.compile(rf"\s+(?:de\s+|d{apos}\s*|en\s+)?{word}(?![\w'’-])", re.I),
        "after_de": re.compile(rf"\s+de\s+{after_de}(?![\w'’-])", re.I),  # " de moins"
        # "la hausse des ventes atteint ": a noun of change, the subject of a link
        "subject": re.compile(
            rf"(?<![\w-]){noun}(?![\w'’-])[^\d,;:.()!?]{{0,{int(subject['gap'])}}}?"
            rf"(?<![\w'’-]){link}{adverbs}\s*\Z",
            re.I,
        ),
    }


def written_with_sign(number_text: str) -> bool:
    """Whether a number is written with its sign before it: '+3', '-2', '−1,5 %', '+ 3'."""
    return re.match(rf"\s*{typography()['sign']}[ \u00a0\u202f\u2009]?\d", number_text) is not None


# How far from a number its word of change is looked for, in characters.
BEFORE, AFTER = 40, 60


def direction_after(text: str, end: int) -> tuple[int, int] | None:
    """(sign, end of the word) of a word of decrease or increase written right after `end`
    ("38 % de baisse", "5 points de moins": -1); None when there is none. Words written in
    decomposed Unicode are read composed."""
    if not is_plain(window := text[end : end + AFTER]):
        composed = compose(window)
        found = _after(composed.text, 0)
        return found and (found[0], end + composed.end(found[1]))
    return _after(text, end)


def _after(text: str, end: int) -> tuple[int, int] | None:
    m = _patterns()["after"].match(text, end) or _patterns()["after_de"].match(text, end)
    if m is None:
        return None
    return (-1 if m.group("down") else 1), m.end()


def direction_before(text: str, start: int) -> tuple[int, int] | None:
    """(sign, start of the word) of a word of decrease ("recul de": -1) or increase ("hausse
    de": 1) written right before `start`; None when there is none."""
    lo = max(0, start - BEFORE)
    if not is_plain(window := text[lo:start]):
        composed = compose(window)
        found = _before(composed.text, 0, len(composed.text))
        return found and (found[0], lo + composed.start(found[1]))
    return _before(text, lo, start)


def _word_before(text: str, lo: int, start: int) -> re.Match | None:
    """The word of change ending right before `start` ("recul de ", "réduit de ", "la hausse
    atteint "), if any."""
    p = _patterns()
    return (
        p["before"].search(text, lo, start)
        or p["before_de"].search(text, lo, start)
        or p["subject"].search(text, lo, start)
    )


def _before(text: str, lo: int, start: int) -> tuple[int, int] | None:
    m = _word_before(text, lo, start)
    if m is None:
        return None
    return (-1 if m.group("down") else 1), m.start()


def sign_points(text: str, candidates: list[Candidate], sentences: list[tuple[int, int]]) -> None:
    """Negate and widen, in place, points mentions preceded by a word of decrease or increase
    ("recul de 15 points") or followed by one ("6 points de moins", "3 points de baisse")."""
    if not load("hedges")["sign_points"]:
        return
    signs = typography()["sign"]
    for i, c in enumerate(candidates):
        if c.kind != "points" or c.joined_to_previous or re.match(signs, text[c.start]):
            continue
        head = (
            c.qualifier_start
            if c.qualifier_start is not None and c.qualifier_start < c.start
            else c.start
        )
        partner = candidates[i + 1] if i + 1 < len(candidates) else None
        if partner is not None and not partner.joined_to_previous:
            partner = None
        last = partner or c  # the words after a range follow its second number
        after_last = i + 2 if partner else i + 1
        limit = candidates[after_last].start if after_last < len(candidates) else len(text)
        limit = min(limit, sentences[i][1])
        lo = max(sentences[i][0], candidates[i - 1].end if i else 0, head - 40)
        if m := _word_before(text, lo, head):
            c.start, sign = m.start(), (-1 if m.group("down") else 1)
        elif (after := direction_after(text, last.end)) and after[1] <= limit:
            sign, last.end = after
        else:
            continue
        for signed in (c, partner) if partner else (c,):
            signed.value = sign * abs(signed.value)
