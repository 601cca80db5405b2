"""Numbers that bound the population a figure is about ("les 18-24 ans", "âgés de 18 ans et
plus", "les entreprises de moins de 50 salariés"): who is counted, not what was found
(raw/lexicon/fr_populations.yml)."""

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.bases import SHARE_KINDS, base_words
from pipeline.extract import Mention
from pipeline.extract.lexicon import alternation, load, typography
from pipeline.extract.numerals import words_source
from pipeline.spans import holding


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    lex = load("populations")
    ages, sizes = lex["ages"], lex["sizes"]
    number = rf"(?:\d+(?:[ \u00a0\u202f.]\d{{3}})*(?:,\d+)?|{words_source()})"
    dash = rf"{typography()['dash']}|{typography()['hyphen']}"
    joint = rf"(?:\s*(?:{dash})\s*|\s+{alternation(lex['joiners'])}\s+)"
    opening = (
        rf"(?:{alternation(lex['open_bounds'] + lex['between'])}\s+"
        rf"|{alternation(lex['open_signs'])}\s*)"
    )
    bound = rf"{opening}?{number}(?:{joint}{number})?"
    # A class in brackets is open or a range: "(moins de 2 000 habitants)", "(18-24 ans)"; a
    # number alone there states a figure ("Saint-Nazaire (72 000 habitants)").
    class_bound = (
        rf"(?:{opening}{number}(?:{joint}{number})?"
        rf"|(?:{alternation(lex['range_from'])}\s*)?{number}{joint}{number})"
    )
    over = rf"(?:\s+{alternation(lex['and_over'])}(?![\w'’]))?"
    age_words, size_words = alternation(ages["words"]), alternation(sizes["words"])
    aged = (
        rf"{alternation(ages['before'])}|{alternation(ages['groups'])}\s+de"
        rf"|{alternation(ages['verbs'])}(?=\s+{alternation(lex['open_bounds'])}\s)"
    )
    bounds = re.compile(
        rf"(?<![\w'’])(?P<age>{aged})\s+{bound}\s+{age_words}(?![\w'’]){over}"
        rf"|(?<![\w'’]){alternation(sizes['groups'])}\s*{alternation(sizes['links'])}\s*{bound}"
        rf"\s+{size_words}(?![\w'’]){over}"
        rf"|(?<![\w'’,.]){number}\s+(?:{age_words}|{size_words})"
        rf"\s+{alternation(lex['and_over'])}(?![\w'’])"
        rf"|\(\s*{class_bound}\s+(?:{age_words}|{size_words})(?![\w'’]){over}\s*\)",
        re.I,
    )
    return bounds, re.compile(rf"(?<![\w'’]){alternation(ages['not_after'])}\s+\Z", re.I)


def population_bound(m: Mention, text: str) -> str | None:
    """The words around `m` that bound a population when `m` is one of its bounds, else
    None."""
    bounds, time = _patterns()
    for found in holding(bounds, m, text):
        if found.group("age") and time.search(text, m.sentence_start, found.start()):
            continue  # "dans les cinq ans": a time, not an age
        words = found.group(0)
        return words[1:-1].strip() if words.startswith("(") else words
    return None


COMPARED_CHARS = 40  # how far before a number its word of comparison is looked for


@lru_cache(maxsize=1)
def _compared() -> re.Pattern:
    return re.compile(rf"(?<![\w'’]){alternation(load('populations')['compared'])}\s*\Z", re.I)


def bound_of_a_base(m: Mention, text: str, mentions: Sequence[Mention]) -> str | None:
    """The words naming the base of a share of `m`'s sentence (one of `mentions`) that hold
    `m` right after a word of comparison, else None: "1 500 €" of "Parmi les ménages dont
    les revenus sont inférieurs à 1 500 € par mois, ils sont 78 %"."""
    lo = max(m.sentence_start, m.start - COMPARED_CHARS)
    if m.kind in SHARE_KINDS or not _compared().search(text, lo, m.start):
        return None
    for share in mentions:
        if share.kind not in SHARE_KINDS or share.sentence_start != m.sentence_start:
            continue
        for words in base_words(share, text):
            start = text.find(words, m.sentence_start, m.sentence_end)
            if 0 <= start <= m.start and m.end <= start + len(words):
                return words
    return None


CLAUSE_BREAK = re.compile(r"[,;:()«»\"–—]")


@lru_cache(maxsize=1)
def _category() -> tuple[re.Pattern, re.Pattern]:
    lex = load("populations")["category"]
    return (
        re.compile(rf"(?<![\w'’]){alternation(lex['bounds'])}\s*\Z", re.I),
        re.compile(rf"(?<![\w'’]){alternation(lex['not_between'])}(?![\w'’])", re.I),
    )


def category_bound(m: Mention, text: str, mentions: Sequence[Mention]) -> str | None:
    """The words of the bound `m` is, when it bounds the answer a share of a group written
    before it in its clause counts ("plus de 50 heures" of "61 % des répondants effectuent
    plus de 50 heures"), else None."""
    bound, not_between = _category()
    if m.kind in SHARE_KINDS or m.qualifier_start is None:
        return None
    opened = bound.search(text, max(m.sentence_start, m.qualifier_start - 1), m.start)
    if opened is None:
        return None
    before = [p for p in mentions if p.sentence_start == m.sentence_start and p.end <= m.start]
    if not before or before[-1].kind not in SHARE_KINDS:
        return None
    share = before[-1]
    between = text[share.end : opened.start()]
    if CLAUSE_BREAK.search(between) or not_between.search(between):
        return None
    words, rest = base_words(share, text), between.lstrip()
    if not (share.kind == "ratio" and words) and not any(rest.startswith(w) for w in words):
        return None  # "Seuls 12 % prennent plus de cinq semaines": whose answer, unsaid
    return text[opened.start() : m.end]


def category_reason(words: str) -> str:
    """The reason an ignore entry of the bound of a share's answer gives."""
    return load("populations")["category"]["reason"].format(words=" ".join(words.split()))


def bound_reason(words: str) -> str:
    """The reason an ignore entry of a population's bound gives."""
    return load("populations")["reason"].format(words=" ".join(words.split()))
