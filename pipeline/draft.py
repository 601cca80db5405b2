"""Draft annotations for a new source: one pre-filled entry per number nobody has mapped yet."""

import re
from functools import lru_cache
from typing import NamedTuple

from pipeline.bases import SHARE_KINDS, base_words, heading_base_words
from pipeline.bounds import (
    answer_frequency,
    answer_reason,
    bound_of_a_base,
    bound_reason,
    category_bound,
    category_reason,
    population_bound,
)
from pipeline.derive.lexicon import Entry, claim_rule
from pipeline.extract import Mention, extract_mentions
from pipeline.extract.declared import declaration, scaled
from pipeline.extract.directions import direction_after, direction_before, written_with_sign
from pipeline.extract.lexicon import alternation, load
from pipeline.extract.measures import written_unit
from pipeline.extract.parse import currencies_in_quote, unit_in_quote
from pipeline.extract.quantities import share_of_a_group
from pipeline.extract.ranges import contrasted
from pipeline.extract.sentences import split_sentences
from pipeline.furniture import (
    furniture_line,
    furniture_reason,
    headline_reason,
    headline_repeat,
    note_mark,
    note_reason,
)
from pipeline.methods import (
    confidence_level,
    confidence_reason,
    counted_noun,
    p_value,
    p_value_reason,
    part_margin,
    part_margin_reason,
    sample_size,
    stated_attributes,
    total_note,
    total_reason,
)
from pipeline.named import (
    department_of,
    name_of,
    name_reason,
    ordinal_of,
    ordinal_reason,
    rule_of,
)
from pipeline.periods import (
    date_reason,
    period_reason,
    reference_period,
    time_of_day,
    time_reason,
)
from pipeline.scores import game_points, score_of, score_reason
from pipeline.spans import before_in_sentence
from pipeline.table_cells import (
    block_and_above,
    caption_base_words,
    cell_base_words,
    cell_of,
    heading_cell,
    part_size,
    part_size_reason,
    row_label,
    row_label_reason,
)
from pipeline.targets import target_of, target_reason
from pipeline.validate.provenance import number_span
from schemas.units import SHARES, SIGNED_BY_WORDING, WRITTEN

# Written where a curator has to decide; the build refuses a file that still holds it.
TODO = "TODO"
# The unit a mention of each kind most likely has; "number" (an index, a score) is the
# curator's call on a bare number, and so is a count.
UNIT_OF_KIND = {
    "percent": "percent",
    "ratio": "percent",
    "fraction": "percent",
    "count": "count",
    "money": "euro",
    "points": "points",
    "score": "number",
}


class Quoted(NamedTuple):
    """A curated observation and the span of its quote."""

    entry_id: str
    char_start: int
    char_end: int


# Characters before and after a number read with it for its unit: "entre " before a range's
# first bound, the second bound and its unit after it ("10" of "entre 10 et 15 kilomètres"),
# the measure a number is compared with before it ("412 cas pour 100 000, contre 287").
AROUND = (160, 60)

# A table's heading declares the unit of the counts in the lines of its block, a number with
# no word after it (pipeline/table_cells.py: block_and_above).
BEFORE_A_WORD = re.compile(r"[ \t\u00a0\u202f]*[^\W\d_]")  # a word after the number, on its line
# Or a range whose second bound a word follows: the row label "1-9 salariés" is no cell.
RANGE_BEFORE_A_WORD = re.compile(
    r"[ \u00a0\u202f]*[-–][ \u00a0\u202f]*\d+(?:[.,]\d+)?[ \t\u00a0\u202f]*[^\W\d_]"
)

# A signed number right after a percent ("27 %, +3", "34 % (-2", the next cell of a table's
# row "| 31,5 % | +1,5 |"): a change in points.
AFTER_A_PERCENT = re.compile(r"%\s*[,;(|]?\s*\Z")
# Or in brackets after the words of that percent's group, with no other number between: "34 %
# des suffrages exprimés au premier tour (-2 par rapport à janvier)".
BRACKET_AFTER_WORDS = re.compile(r"[^()\d.;:!?]{0,80}\(\s*\Z")


def _after_a_percent(m: Mention, text: str) -> bool:
    """Whether signed `m` follows a percent as its change in points."""
    if AFTER_A_PERCENT.search(text, max(0, m.start - 12), m.start):
        return True
    before = before_in_sentence(m, _mentions(text))
    return bool(
        before
        and before[-1].kind == "percent"
        and BRACKET_AFTER_WORDS.fullmatch(text, before[-1].end, m.start)
    )


@lru_cache(maxsize=1)
def _of_a_quantity() -> re.Pattern:
    numbers = load("numbers")
    of, nouns = alternation(numbers["quantity_of"]), alternation(numbers["quantity_nouns"])
    phrases = alternation(numbers["quantity_phrases"])
    return re.compile(rf"\s+(?:{of}(?:(?<=['’])|\s+){nouns}|{phrases})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _part_of_a_quantity() -> re.Pattern:
    numbers = load("numbers")
    part, inside = alternation(numbers["quantity_parts"]), alternation(numbers["quantity_in"])
    nouns = alternation(numbers["quantity_nouns"])
    return re.compile(
        rf"(?<![\w'’-]){part}\s+(?:de|des|du|d['’])\s*[^,;:()\d]{{1,60}}?\s+{inside}"
        rf"(?:(?<=['’])|\s+){nouns}(?![\w-])",
        re.I,
    )


def part_of_a_quantity(m: Mention, text: str) -> bool:
    """Whether a share's sentence names it, before it, as the part of something in a quantity
    ("La part du bio dans les achats … tombe à 5,6 %"; fr_numbers.yml: quantity_parts), and no
    group follows it ("… 45 % des Français")."""
    head = m.qualifier_start if m.qualifier_start is not None else m.start
    if share_of_a_group(text, m.end):
        return False
    return (
        _part_of_a_quantity().search(text, max(m.sentence_start, head - WORDS_BEFORE), head)
        is not None
    )


def of_a_quantity(text: str, end: int) -> bool:
    """Whether a share ending at `end` is of a quantity rather than of people: "35,6 % des
    ventes", "38 % de leurs revenus" (fr_numbers.yml: quantity_of, quantity_nouns and
    quantity_phrases)."""
    return _of_a_quantity().match(text, end) is not None


# How far before a percent the words that give its unit are looked for, in characters.
WORDS_BEFORE = 100


# The words before a percent or a count that give it another unit (fr_numbers.yml).
WORDS_BEFORE_KIND = {"percent": "percent_words_before", "count": "count_words_before"}


@lru_cache(maxsize=2)
def _words_before(kind: str) -> dict[str, re.Pattern]:
    # Between the words and the number, no number but years and other percents ("Le taux de
    # TVA passe de 5,5 % à 10 %", "à 3,55 %, contre 4,2 %", "1,3 % en 2026 et 1,5 % en 2027"):
    # a percent compared with a rate is one.
    between = rf"(?:[^\d;:]|\d[\d.,\s]*+%|(?<!\d)(?:19|20)\d\d(?!\d)){{0,{WORDS_BEFORE}}}"
    return {
        unit: re.compile(rf"(?<![\w-]){alternation(words)}(?![\w'’]){between}\Z", re.I)
        for unit, words in load("numbers")[WORDS_BEFORE_KIND[kind]].items()
    }


# A number in brackets after words, and how far before the bracket the words that give it a
# unit are looked for.
BRACKETED = re.compile(r"\([ \u00a0\u202f]*\Z")
BRACKETED_WORDS_CHARS = 30


def unit_by_words(m: Mention, text: str) -> str | None:
    """The unit the words before a percent or a count give it in its sentence ("un taux
    d'intérêt de 3,18 %": percent_rate; "la part de marché s'établit à 39,8 %":
    percent_of_quantity; "l'indicateur s'établit à 96": number), with no number but years
    and percents between (fr_numbers.yml: percent_words_before, count_words_before). A number
    in brackets restates the phrase right before them: "L'inflation reste la première
    préoccupation citée (27 %)" is a share of people, "le taux d'usure (5,92 %)" a rate. A
    sentence opened by a pronoun subject takes the words of the sentence before ("Le taux
    moyen des crédits a baissé. Il s'établit à 3,4 %"), unless the number names its group."""
    if m.kind not in WORDS_BEFORE_KIND:
        return None
    head = m.qualifier_start if m.qualifier_start is not None else m.start
    lo = m.sentence_start
    if bracket := BRACKETED.search(text, lo, head):  # "… (27 %)": the words right before
        lo = max(lo, bracket.start() - BRACKETED_WORDS_CHARS)
    for unit, words in _words_before(m.kind).items():
        if words.search(text, lo, head):
            return unit
    previous = not share_of_a_group(text, m.end) and _previous_subject(m, text)
    if previous:  # "… des crédits a baissé. Il s'établit à 3,4 %"
        for unit, words in _words_before(m.kind).items():
            if words.search(text, previous[0], previous[1]):
                return unit
    return None


# How far back the sentence a pronoun subject stands for a noun of is read, in characters.
PREVIOUS_SENTENCE_CHARS = 300


@lru_cache(maxsize=1)
def _pronoun_subject() -> re.Pattern:
    lex = load("numbers")
    words, impersonal = alternation(lex["pronoun_subjects"]), alternation(lex["impersonal"])
    return re.compile(rf"{words}(?![\w'’-])(?!\s+{impersonal}(?![\w'’-]))")


def _previous_subject(m: Mention, text: str) -> tuple[int, int] | None:
    """The span of the sentence before `m`'s (its last PREVIOUS_SENTENCE_CHARS at most) when
    `m`'s sentence opens with a pronoun standing for a noun of it ("Le taux moyen des crédits a
    baissé. Il s'établit à 3,4 %"; fr_numbers.yml: pronoun_subjects); else None."""
    if m.sentence_start == 0 or not _pronoun_subject().match(text, m.sentence_start):
        return None
    lo = max(0, m.sentence_start - PREVIOUS_SENTENCE_CHARS)
    sentences = split_sentences(text[lo : m.sentence_start])
    return (lo + sentences[-1][0], m.sentence_start) if sentences else None


# The unit of a change of each kind of mention, signed by a word next to it ("recul de 38 %",
# "5 points de moins"); points before a word of change are signed by the extractor.
CHANGES = {"percent": "percent_change", "points": "points", "fraction": "percent_change"}


def proposed_unit(m: Mention, text: str) -> str | None:
    """The unit an observation of this mention most likely has: by its kind, or for a
    duration or a measure ("41 minutes", "4 h 12", "69 hectares") the unit it is written in,
    by the range's second bound for a first one ("10" of "de 10 à 15 km"); None if it has
    none."""
    if m.kind == "other":
        written = written_unit(m.surface)
        if written is None:  # read with the words around it, within its sentence
            lo = max(m.sentence_start, m.start - AROUND[0])
            hi = min(m.sentence_end, m.end + AROUND[1])
            written = unit_in_quote(text[lo:hi], m.start - lo, m.end - lo)
        return written if written in WRITTEN else None
    if m.kind == "money":  # its currency, that of its range or of the amount it follows
        lo, hi = m.sentence_start, min(m.sentence_end, m.end + AROUND[1])
        named = currencies_in_quote(text[lo:hi], m.start - lo, m.end - lo) or ("euro",)
        hinted = [unit for unit in named if unit in _hinted_currencies(text)]
        return (hinted or named)[0]
    if m.kind == "count" and m.value % 1 and not re.search(r"[^\W\d_]", m.surface):
        return "number"  # "12,4 cas pour 100 000 habitants": no count has decimals
    return UNIT_OF_KIND.get(m.kind)


@lru_cache(maxsize=4)  # one article at a time, read for each of its amounts
def _hinted_currencies(text: str) -> frozenset[str]:
    """The currencies whose hint words the article writes ("Montréal": canadian_dollar), which
    the draft proposes first for a sign of several ("$"; fr_numbers.yml: currency_hints)."""
    hints = load("numbers")["units"]["currency_hints"]
    return frozenset(
        unit
        for unit, words in hints.items()
        if re.search(rf"(?<!\w){alternation(words)}(?!\w)", text)
    )


def heading(m: Mention, text: str) -> tuple[str, int, float] | None:
    """(unit, start of its line, scale) of the heading that declares the unit of the count
    `m`, in the block of lines `m` is in: "Confiance dans les institutions (en %)" over the
    line "Le maire   63   61", "(en millions d'euros)" over "2024   12,5" (counted in
    millions); None if there is none."""
    if m.kind != "count" or any(p.match(text, m.end) for p in (BEFORE_A_WORD, RANGE_BEFORE_A_WORD)):
        return None
    block, above, short = block_and_above(m, text)
    found = declaration(text, block, m.start)
    if found is None and short:  # a caption: a paragraph of a few short lines over its table
        found = declaration(text, *above)
    if found is None:
        return None
    return found.units[0], text.rfind("\n", 0, found.start) + 1, found.scale


def _observation_template(
    m: Mention, text: str, unit: str, declared: tuple[str, int, float] | None
) -> dict:
    """An observation of `m` in `unit`, or in the unit of the table heading that `declared`
    (heading(m, text)) found over it."""
    value, number_text = m.value, m.surface
    quote_start = m.sentence_start
    signed_measure = m.kind == "other" and unit in SIGNED_BY_WORDING  # "25 points de base"
    changes = {**CHANGES, "other": unit} if signed_measure else CHANGES
    head = m.qualifier_start if m.qualifier_start is not None else m.start  # "de près de 10 %"
    changing = m.kind in ("percent", "fraction") or signed_measure  # "baissé d'un quart" too
    before = direction_before(text, head) if changing else None
    # a fraction is a change only after its word: "dont un tiers supérieures à la moitié" is none
    after_kinds = set(changes) - {"fraction"}
    after = direction_after(text, m.end) if m.kind in after_kinds and not before else None
    if m.kind == "percent" and written_with_sign(m.surface):  # "-3,5 %", "+4 %": no share
        # but a rate's own sign: "un taux d'intérêt réel de -1,2 %"
        unit = "percent_rate" if unit_by_words(m, text) == "percent_rate" else "percent_change"
    elif m.kind == "count" and written_with_sign(m.surface):  # no count is written "+3"
        in_percent = declared is not None and declared[0] == "percent"  # "76 (+2)" under "(en %)"
        unit = "points" if _after_a_percent(m, text) or in_percent else "number"
    elif before or after:  # "recul de 38 %", "38 % de baisse": a change, signed by its word
        sign, start, end = (*before, m.end) if before else (after[0], m.start, after[1])
        unit, value, number_text = changes[m.kind], sign * abs(m.value), text[start:end]
    elif declared:  # a row of a table whose heading says "(en %)"
        unit, quote_start, value = (
            declared[0],
            min(declared[1], m.sentence_start),
            scaled(value, declared[2]),
        )
    elif unit == "percent" and m.value > 100:  # "une dette de 110,6 % du PIB"
        unit = "percent_rate"
    elif unit == "points" and (abs(m.value) > 100 or game_points(m, text, _mentions(text))):
        unit = "number"  # "un score de 474 points", "40 points et 20 rebonds": no share's
    elif unit in ("percent", "count") and (by_words := unit_by_words(m, text)):
        unit = by_words  # "un taux de 3,18 %", "l'indicateur s'établit à 96"
    elif unit == "percent" and (of_a_quantity(text, m.end) or part_of_a_quantity(m, text)):
        unit = "percent_of_quantity"  # "35,6 % des ventes", "La part du bio dans les achats …"
    elif unit == "percent" and (compared := _compared_unit(m, text)):
        unit = compared  # "en hausse de 5 %, contre 3 % en 2022", "et de 37 % depuis 2019"
    quote = text[quote_start : m.sentence_end]
    at = text.find(number_text, min(m.start, before[1]) if before else m.start) - quote_start
    occurrence = _occurrence(quote, number_text, at)
    return {
        "id": f"todo_{m.start}",
        "variable_id": TODO,
        "category_id": TODO,
        "population_id": TODO,
        "value": value,
        "unit": unit,
        "quote": quote,
        "char_start": quote_start,
        "char_end": m.sentence_end,
        "number_text": number_text,
        **({"number_occurrence": occurrence} if occurrence > 1 else {}),
        **({"qualifier": m.qualifier} if m.qualifier else {}),
    }


# Units of a percent that is no share of people, which a percent compared with it ("contre
# 2 %") or repeating it ("et de 37 %") shares.
NOT_SHARES = {"percent_change", "percent_rate", "percent_of_quantity"}


@lru_cache(maxsize=2)
def _mentions(text: str) -> tuple[Mention, ...]:
    return tuple(extract_mentions(text))


@lru_cache(maxsize=1)
def _coordinated() -> re.Pattern:
    words = alternation(load("numbers")["coordinated_words"])
    return re.compile(rf"(?<![\w'’]){words}(?:(?<=['’])|\s+)\Z", re.I)


def _compared_unit(m: Mention, text: str) -> str | None:
    """The unit of the percent before `m` in its sentence, when `m` is written after a word of
    contrast or of coordination and that percent is a rise, a rate or a share of a quantity
    ("les loyers augmentent de 3 %, contre 2 % l'an dernier", "de 11 % en 2023, et de 37 %
    depuis 2019": a change too); None otherwise, and for a share of a group ("contre 2 % des
    ménages"). A fall is left to the curator: "en baisse de 5 %, contre 3 %" may compare it
    with a rise, and "et de 6 %" would need its word of decrease in its number_text."""
    head = m.qualifier_start if m.qualifier_start is not None else m.start
    compared = contrasted(text, head) or _coordinated().search(text, max(0, head - 12), head)
    if not compared or share_of_a_group(text, m.end):
        return None  # "contre 2 % des ménages" names its own group
    before = [
        p
        for p in _mentions(text)
        if p.kind == "percent" and m.sentence_start <= p.start and p.end <= head
    ]
    if not before:
        return None
    first = before[-1]
    proposed = _observation_template(first, text, "percent", heading(first, text))
    unit, value = proposed["unit"], proposed["value"]
    return unit if unit in NOT_SHARES and value >= 0 else None


def _compared_share_words(m: Mention, text: str) -> list[str]:
    """The base words of the share before `m` in its sentence, when `m` is written after a word
    of contrast or of restatement and names no group of its own: "des Français" for "22 %" of
    "24 % des Français donnent du temps, contre 22 % en 2022", "Français" for "50 %" of "Un
    Français sur deux, soit 50 %" (fr_numbers.yml: contrast_words, restating_words)."""
    head = m.qualifier_start if m.qualifier_start is not None else m.start
    if not contrasted(text, head) and not _restating().search(text, max(0, head - 20), head):
        return []
    shares = [c for c in before_in_sentence(m, _mentions(text)) if c.kind in SHARE_KINDS]
    return base_words(shares[-1], text) if shares else []


@lru_cache(maxsize=1)
def _restating() -> re.Pattern:
    words = alternation(load("numbers")["restating_words"])
    return re.compile(rf"(?<![\w'’]){words},?\s+\Z", re.I)


def _sample_words(m: Mention, text: str) -> list[str]:
    """The survey's sample stated before a share in its sentence, with the noun it counts
    ("auprès de 612 éleveurs" of "menée auprès de 612 éleveurs, 44 % envisagent …"): the
    words that may name the base of a share that names none."""
    for c in reversed(before_in_sentence(m, _mentions(text))):
        size = sample_size(c, text)
        if size is not None:
            noun = counted_noun(text, c.end)
            return [text[size.char_start : max(size.char_end, noun.end() if noun else 0)]]
    return []


def _occurrence(quote: str, number_text: str, at: int) -> int:
    """Which occurrence of `number_text` in the quote, as the number check counts them, is the
    one written at offset `at` ("12 %" twice in one sentence: the second is 2)."""
    k = 1
    while (span := number_span(quote, number_text, k)) is not None:
        if span[0] == at:
            return k
        k += 1
    return 1


def claim_template(
    m: Mention, text: str, lexicon: dict[str, Entry], shares: list[Quoted] = ()
) -> dict | None:
    """A claim citing a share written in words ("Un tiers (33 %)", "Près d'un quart") or a
    multiplier ("deux fois plus"), with the lexicon rule that reads it; None for another kind
    of mention or without a rule.

    A share describes the one curated share (`shares`: percent observations and their quotes)
    whose quote holds the words, if exactly one does; else the curator names it (TODO). A
    multiplier compares two figures, which the curator names, the base first."""
    rule = claim_rule(m.surface, m.qualifier, m.kind, m.value, lexicon)
    if rule is None:
        return None
    start = m.start if m.qualifier_start is None else min(m.start, m.qualifier_start)
    holding = [q.entry_id for q in shares if q.char_start <= start and m.end <= q.char_end]
    if lexicon[rule].type == "ratio":  # "deux fois plus": a figure compared with a base
        observations = [f"{TODO}: the base", f"{TODO}: the figure compared with it"]
    else:
        observations = holding if len(holding) == 1 else [TODO]
    return {
        "id": f"todo_{m.start}",
        "quote": text[start : m.end],
        "char_start": start,
        "char_end": m.end,
        "rule": rule,
        "observations": observations,
    }


def attribute_templates(m: Mention, text: str, survey_id: str | None) -> list[dict]:
    """Attributes of the survey `m` states ("auprès de 2 004 actifs": its sample size; "du 3
    au 17 mars 2025": its fieldwork start and end), ready to paste; none for another number."""
    return [
        {
            "id": f"{stated.attribute}_{m.start}",
            "entity": "survey",
            "entity_id": survey_id or TODO,
            "attribute": stated.attribute,
            "value": stated.value,
            "quote": text[stated.char_start : stated.char_end],
            "char_start": stated.char_start,
            "char_end": stated.char_end,
            "number_text": m.surface,
        }
        for stated in stated_attributes(m, text)
    ]


def not_a_figure(m: Mention, text: str) -> str | None:
    """Why `m` is no figure of the survey, when the text says so: a number of the page around
    the article, the mark of a note, a match's score, a number of a name, an ordinal, a
    headline's number the text states again, a bound of the population a figure is about or
    of the answer a share counts, a number in a table row's label, the period a figure is
    placed in, a time of day, a target, a margin's confidence level, a note on the total of
    the answers, the size or the margin of error of a part of the sample, a test's
    significance."""
    if furniture := furniture_line(m, text):
        return furniture_reason(furniture)
    if mark := note_mark(m, text):
        return note_reason(mark)
    if score := score_of(m, text, _mentions(text)):
        return score_reason(score)
    if name := name_of(m, text) or department_of(m, text) or rule_of(m, text):
        return name_reason(name)
    if ordinal := ordinal_of(m):
        return ordinal_reason(ordinal)
    if headline := headline_repeat(m, text, _mentions(text)):
        return headline_reason(headline)
    if bound := (
        population_bound(m, text)
        or bound_of_a_base(m, text, _mentions(text))
        or heading_cell(m, text)
    ):
        return bound_reason(bound)
    if answer := category_bound(m, text, _mentions(text)):
        return category_reason(answer)
    if answer := answer_frequency(m, text, _mentions(text)):
        return answer_reason(answer)
    if label := row_label(m, text):
        return row_label_reason(label)
    if period := reference_period(m, text):
        return period_reason(period)
    if time := time_of_day(m, text):
        return time_reason(time)
    if target := target_of(m, text):
        return target_reason(target)
    if level := confidence_level(m, text):
        return confidence_reason(level)
    if total := total_note(m, text):
        return total_reason(total)
    if part := part_size(m, text):
        return part_size_reason(part)
    if margin := part_margin(m, text):
        return part_margin_reason(margin)
    if test := p_value(m, text):
        return p_value_reason(test)
    return None


def draft_entry(
    m: Mention,
    text: str,
    lexicon: dict[str, Entry] | None = None,
    shares: list[Quoted] = (),
    survey_id: str | None = None,
) -> dict:
    """What the extractor knows of one mention, and a template of the annotation it needs:
    an observation, attributes of the survey `survey_id` (its sample size or fieldwork
    dates), a claim (with the claims `lexicon`, describing one of the curated `shares`) or an
    ignore entry."""
    entry = {
        "surface": m.surface,
        "kind": m.kind,
        "value": m.value,
        "approx": m.approx,
        "qualifier": m.qualifier,
        "char_start": m.start,
        "char_end": m.end,
        "sentence": text[m.sentence_start : m.sentence_end],
    }
    reason = not_a_figure(m, text)
    attributes = attribute_templates(m, text, survey_id) if reason is None else []
    unit = proposed_unit(m, text) if reason is None else None
    if attributes:  # how the survey was made, not what it found
        entry["as_attributes"] = attributes
    elif unit is not None and isinstance(m.value, float):
        declared = heading(m, text)
        observation = _observation_template(m, text, unit, declared)
        words = base_words(m, text)  # what the text says the figure is a share of
        if not words:  # a cell of a table: its column's heading, or its row's label
            words = cell_base_words(m, text)
        if not words and (declared or cell_of(m, text)):  # "Base : ensemble" over a table
            words = caption_base_words(m, text)
        if not words and declared:  # a row of a table: the base its heading names
            words = heading_base_words(text, declared[1])
        if not words and observation["unit"] in SHARES:  # "24 % des Français, contre 22 %"
            words = _compared_share_words(m, text)
        if not words and m.kind in SHARE_KINDS:  # "menée auprès de 612 éleveurs, 44 % …"
            words = _sample_words(m, text)
        if words:
            entry["base_words"] = [" ".join(w.split()) for w in words]  # one line each
        entry["as_observation"] = observation
    if reason is None and not attributes and "as_observation" not in entry:
        reason = date_reason(m)  # "contre 19 % en 2022": when, not how much
    claim = claim_template(m, text, lexicon, shares) if lexicon else None
    if claim is not None:
        entry["as_claim"] = claim
    entry["as_ignore"] = {
        "quote": m.surface,
        "char_start": m.start,
        "char_end": m.end,
        "reason": reason or f"{TODO}: why this number is not a survey figure",
    }
    return entry


def unaccounted(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions that no annotated span (observation number, attribute, claim, ignore) overlaps."""
    return [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]
