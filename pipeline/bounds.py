"""Numbers that bound the population a figure is about ("les 18-24 ans", "âgés de 18 ans et
plus", "les entreprises de moins de 50 salariés"): who is counted, not what was found
(raw/lexicon/fr_populations.yml)."""

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.bases import SHARE_KINDS, base_words
from pipeline.extract import Mention
from pipeline.extract.directions import direction_before
from pipeline.extract.lexicon import alternation, load, typography
from pipeline.extract.numerals import words_source
from pipeline.spans import before_in_sentence, holding


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    lex = load("populations")
    ages, sizes, classes, quantiles = lex["ages"], lex["sizes"], lex["classes"], lex["quantiles"]
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
        rf"|(?<![\w-]){alternation(sizes['groups'])}\s*{alternation(sizes['links'])}\s*{bound}"
        rf"\s+{size_words}(?![\w'’]){over}"
        rf"|(?<![\w'’,.]){number}\s+(?:{age_words}|{size_words})"
        rf"\s+{alternation(lex['and_over'])}(?![\w'’])"
        rf"|\(\s*{class_bound}\s+(?:{age_words}|{size_words})(?![\w'’]){over}\s*\)"
        rf"|(?<![\w-]){alternation(classes['before'])}\s+{number}\s+"  # "d'un 3 pièces"
        rf"{alternation(classes['words'])}(?![\w'’])"
        rf"|(?<![\w'’-]){alternation(quantiles['before'])}\s+{number}\s*%"  # "les 20 % de
        rf"(?:\s+[^\W\d_][\w'’-]*){{0,2}}\s+{alternation(quantiles['superlatives'])}"  # …
        rf"\s+[^\W\d_]+",  # ménages les plus modestes"
        re.I,
    )
    return bounds, re.compile(rf"(?<![\w'’]){alternation(ages['not_after'])}\s+\Z", re.I)


def population_bound(m: Mention, text: str) -> str | None:
    """The words around `m` that bound a population when `m` is one of its bounds (or a class
    of things, "Les vols de moins de 2 h 30"), else None."""
    bounds, time = _patterns()
    for found in holding(bounds, m, text):
        if found.group("age") and time.search(text, m.sentence_start, found.start()):
            continue  # "dans les cinq ans": a time, not an age
        words = found.group(0)
        return words[1:-1].strip() if words.startswith("(") else words
    return _measured_class(m, text)


@lru_cache(maxsize=1)
def _measured() -> re.Pattern:
    lex = load("populations")
    measured = lex["measured_classes"]
    return re.compile(
        rf"(?<![\w'’-]){alternation(measured['determiners'])}\s+[^\W\d_][\w'’-]*[sx]"
        rf"\s+(?:de\s+|d['’]\s*){alternation(lex['open_bounds'])}(?:\s+|(?<=['’]))\Z",
        re.I,
    )


def _measured_class(m: Mention, text: str) -> str | None:
    """The words of a class of things bounded by a measure or a duration, when `m` is that
    bound ("Les vols de moins de 2 h 30", "les logements de plus de 100 m²"), else None
    (fr_populations.yml: measured_classes)."""
    if m.kind != "other":
        return None
    head = m.qualifier_start if m.qualifier_start is not None else m.start
    lo = max(m.sentence_start, head - COMPARED_CHARS)
    found = _measured().search(text, lo, m.start)
    return text[found.start() : m.end] if found else None


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
CLOSING = re.compile(r"[ \u00a0\u202f]*\)")  # the end of the brackets a share is written in
RANGE_TO = re.compile(r"\s*à\s*")  # "passe de 30 % à plus de la moitié": a range's end


@lru_cache(maxsize=1)
def _category() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    lex = load("populations")
    category = lex["category"]
    return (
        re.compile(rf"(?<![\w'’]){alternation(category['bounds'])}\s*\Z", re.I),
        re.compile(rf"{alternation(category['fraction_bounds'])}\s*", re.I),
        re.compile(rf"\s+{alternation(lex['and_over'])}(?![\w'’])", re.I),
        re.compile(rf"(?<![\w'’]){alternation(category['not_between'])}(?![\w'’])", re.I),
        re.compile(rf"(?<![\w'’]){alternation(category['group_determiners'])}\s+\Z", re.I),
    )


def category_bound(m: Mention, text: str, mentions: Sequence[Mention]) -> str | None:
    """The words of the bound `m` is, when it bounds the answer a share written before it in
    its clause counts ("plus de 50 heures" of "61 % des répondants effectuent plus de 50
    heures", "trois jours ou plus" of "Ils sont 18 % à le faire trois jours ou plus", "plus du
    tiers" of "38 % consacrent plus du tiers de leur revenu au loyer"), else None."""
    bound, fraction_bound, and_over, not_between, determiner = _category()
    if m.kind == "fraction" and m.qualifier_start is not None:
        # "38 % consacrent plus du tiers de leur revenu": a fraction of a quantity after its
        # bound, which the extractor read as its qualifier
        opened = fraction_bound.fullmatch(text, m.qualifier_start, m.start)
    elif m.kind in SHARE_KINDS:
        return None
    else:
        opened = bound.search(text, max(m.sentence_start, m.start - 20), m.start)
    over = None if opened else and_over.match(text, m.end, m.sentence_end)
    if opened is None and over is None:
        return None
    start = opened.start() if opened else m.start
    return _answer_of_a_share(m, text, mentions, start, over.end() if over else m.end)


def answer_frequency(m: Mention, text: str, mentions: Sequence[Mention]) -> str | None:
    """The words of the answer a share written before `m` in its clause counts, when `m` is a
    duration that names how often ("deux jours par semaine" of "59 % le font deux jours par
    semaine"), else None (fr_populations.yml: category.frequencies)."""
    if m.kind != "other":
        return None
    often = _frequency().match(text, m.end, m.sentence_end)
    return often and _answer_of_a_share(m, text, mentions, m.start, often.end())


@lru_cache(maxsize=1)
def _frequency() -> re.Pattern:
    frequencies = load("populations")["category"]["frequencies"]
    return re.compile(rf"\s+{alternation(frequencies)}(?![\w'’])", re.I)


def _answer_of_a_share(
    m: Mention, text: str, mentions: Sequence[Mention], start: int, end: int
) -> str | None:
    """text[start:end], the words of an answer around `m`, when a share of a group is written
    before them in their clause with nothing between that breaks it off; else None."""
    _, _, _, not_between, determiner = _category()
    before = before_in_sentence(m, mentions)
    shares = [p for p in before if p.kind in SHARE_KINDS]
    if not shares:
        return None
    share = shares[-1]
    between = text[share.end : start]
    opening = between.rfind("(")
    inside = opening >= 0 and ")" not in between[opening:]
    if inside:
        # "22 % dépassent les repères (pas plus de 10 verres par semaine et pas plus de 2
        # verres par jour)": the bounds that define the answer, in brackets after its words
        between = between[:opening]
    others = [p for p in before if p.start >= share.end]
    if others and not (inside and all(p.start > share.end + opening for p in others)):
        return None  # another number between the share and `m`, not in those brackets
    if closing := CLOSING.match(between):  # "Un quart des jeunes (25 %) ont mis plus de six mois"
        between = between[closing.end() :]
    if CLAUSE_BREAK.search(between) or not_between.search(between) or RANGE_TO.fullmatch(between):
        return None
    if direction_before(text, share.start):
        return None  # "progressent de 12 % et dépassent …": a change, no share of a group
    head = share.qualifier_start if share.qualifier_start is not None else share.start
    if determiner.search(text, max(share.sentence_start, head - 8), head):
        return None  # "Les 10 % de salariés les mieux payés": the group, not its answer
    return text[start:end]


def category_reason(words: str) -> str:
    """The reason an ignore entry of the bound of a share's answer gives."""
    return load("populations")["category"]["reason"].format(words=" ".join(words.split()))


def answer_reason(words: str) -> str:
    """The reason an ignore entry of a share's answer gives."""
    category = load("populations")["category"]
    return category["answer_reason"].format(words=" ".join(words.split()))


def bound_reason(words: str) -> str:
    """The reason an ignore entry of a population's bound gives."""
    return load("populations")["reason"].format(words=" ".join(words.split()))
