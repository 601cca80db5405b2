"""Give each numeral its kind from the words around it: percent, money, points, count, year…"""

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from pipeline.extract import currencies, durations, names
from pipeline.extract.lexicon import alternation, fold, function_words, load, typography
from pipeline.extract.measures import measure_pattern, measure_scale
from pipeline.extract.mention import Candidate
from pipeline.extract.numerals import Numeral

UNIT_PRIORITY, BARE_PRIORITY = 2, 3
HALF = Decimal("0.5")
_DOTTED = re.compile(r"\d+(?:\.\d+)+")  # digits and dots: a decimal, or a numbered article


def _longest_first(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    numbers = load("numbers")
    units, typo = numbers["units"], typography()
    currency = alternation(w for words in units["currencies"].values() for w in words)
    # Not the first group of a longer number: "pour 1 000" of "pour 1 000 000".
    measure = rf"(?-i:{measure_pattern()})(?![\w²³/])(?![ \u00a0\u202f.]\d)"
    rate = measure_pattern(units["after_a_noun"])
    spelled_percent = alternation(p for p in units["percent"] if p[0].isalpha())
    spelled_percent += f"|(?-i:{alternation(units['percent_as_written'])})"
    unit = (
        r"\s*(?P<percent>%|％)"
        rf"|\s*(?P<money>(?-i:{alternation(currencies.symbols())}))(?![^\W\d_])"
        rf"|\s*(?P<cents>{alternation(units['cents'])})(?!\w)"
        rf"|\s+(?P<money_word>{currency})(?![\w-])"
        rf"|\s+(?P<percent_word>{spelled_percent})(?![\w.,]?\d)(?![ \u00a0\u202f]\d)(?!\w)"
        rf"|\s*(?P<points>{alternation(units['points'])})(?!\w)"
        rf"(?!\s+{alternation(units['points_not_after'])})"
        rf"|\s+(?P<duration>(?:{alternation(units['duration_adjectives'])}\s+)?"
        rf"{alternation(durations.duration_words())})(?!\w)"
        rf"|\s+(?P<times>{alternation(units['times'])})(?!\w)"
        rf"|(?P<ordinal>{_longest_first(units['ordinal_suffixes'])})(?!\w)"
        rf"|[ \u00a0\u202f]*(?P<measure>{measure})"
    )
    return {
        "scale": re.compile(rf"\s*(?P<scale>{alternation(numbers['scales'])})(?!\w)", re.I),
        "abbreviation": re.compile(
            rf"\s*(?P<scale>{_longest_first(numbers['scale_abbreviations'])})(?=\s*(?:€|{currency}(?!\w)))"
        ),
        "abbreviation_de": re.compile(
            rf"\s*(?P<scale>{_longest_first(numbers['scale_abbreviations_before_de'])})"
            rf"(?=\s+(?:de\s+|d{typo['apos']}\s*)[a-zà-ÿœæ])"
        ),
        "unit": re.compile(unit, re.I),
        "times_before": re.compile(
            rf"(?<![\w'’])(?:{alternation(units['times_before'])})\s+\Z", re.I
        ),
        # "12,4 cas pour 100 000": one or two words, then a rate's words.
        "measure_after_noun": re.compile(
            rf"(?:\s+[^\W\d_]+){{1,2}}[ \u00a0\u202f]+(?-i:{rate})(?![\w/])(?![ \u00a0\u202f.]\d)"
        ),
        "scaled_measure": re.compile(rf"\s+(?:de\s+|d{typo['apos']}\s*)(?P<measure>{measure})"),
        "cue": re.compile(rf"(?<![\w'’]){alternation(numbers['years']['cues'])}\s+\Z", re.I),
        "next_word": re.compile(r"\s+([^\W\d_]+(?:['’-][^\W\d_]+)*)"),
        "sign": re.compile(rf"(?:(?P<plus>{typo['plus']})|(?P<minus>{typo['minus']}))\Z"),
        "currency_before": re.compile(
            rf"(?<!\w)(?-i:{alternation(currencies.symbols())})[ \u00a0\u202f]?\Z"
        ),
        "spaced_sign": re.compile(
            rf"(?:(?P<plus>{typo['plus']})|(?P<minus>{typo['minus']}))[ \u00a0\u202f\u2009]\Z"
        ),
        "spaced_sign_after": re.compile(rf"(?:\A|{_spaced_sign_after()})[ \u00a0\u202f\u2009]*\Z"),
        "half": re.compile(rf"\s+{alternation(numbers['and_a_half'])}(?![\w-])", re.I),
        "share_of": re.compile(rf"\s+{alternation(numbers['share_of'])}(?:(?<=['’])|(?!\w))", re.I),
    }


@lru_cache(maxsize=1)
def _inverted_subjects() -> tuple[str, ...]:
    return tuple("-" + fold(w) for w in load("numbers")["inverted_subjects"])


def followed_by_noun(text: str, pos: int) -> bool:
    """Whether a lowercase word that is not a function word, nor a verb before its subject
    ("ont-ils"), comes right after `pos`."""
    m = _patterns()["next_word"].match(text, pos)
    if not m or not m.group(1)[0].islower():
        return False
    word = fold(m.group(1))
    return word not in function_words() and not word.endswith(_inverted_subjects())


def followed_by_plural(text: str, pos: int) -> bool:
    """Whether a noun in the plural comes right after `pos`: a lowercase word that is not a
    function word and ends like a plural ("salariés", "prix"), or an acronym on the same line
    ("PME")."""
    m = _patterns()["next_word"].match(text, pos)
    if not m:
        return False
    word = m.group(1)
    if word.isupper() and len(word) > 1:
        # an acronym on the same line: "2000 PME"; not the next cell or row of a table
        return not any(c in "\n\t" for c in text[pos : m.start(1)])
    endings = tuple(load("numbers")["years"]["plural_endings"])
    return followed_by_noun(text, pos) and word.lower().endswith(endings)


def unit_after(text: str, pos: int) -> str | None:
    """Name of the unit written right after `pos` (percent, money, duration, measure…), if any."""
    m = _patterns()["unit"].match(text, pos)
    return m.lastgroup.removesuffix("_word") if m else None


# A number written with its sign of unit, right before a dash: "70 %-80 %", "10 €-15 €".
UNIT_END = re.compile(r"\d[ \u00a0\u202f]?(?P<unit>[%‰€$£])\Z")
NUMBER_THEN = re.compile(r"\d[\d \u00a0\u202f.,]*?[ \u00a0\u202f]?(?P<unit>[%‰€$£])")


def _same_unit(before: str, text: str, start: int) -> bool:
    """Whether the number before a dash and the one at `start` are written with the same sign
    of unit ("70 %-80 %": a range; "45 % -3 points": a change)."""
    written = UNIT_END.search(before)
    after = written and NUMBER_THEN.match(text, start, start + 30)
    return bool(after) and after.group("unit") == written.group("unit")


def _sign(text: str, start: int) -> tuple[int, int]:
    """(sign, start of the sign) for a sign glued before `start` or one space before it ("−
    2 %", "(– 3 points)"), else (1, start)."""
    m = _patterns()["sign"].search(text, max(0, start - 1), start) or _spaced_sign(text, start)
    if not m or (m.start() > 0 and text[m.start() - 1].isalnum()):
        return 1, start
    before = text[: m.start()].rstrip()
    cells = any(c in "\t\n" for c in text[len(before) : m.start()])  # "22\t-2": two cells
    if (
        m.group("minus")
        and not cells
        and (before[-1:].isdigit() or _same_unit(before, text, start))
    ):
        return 1, start  # "12 -15", "70 %-80 %": a range written with a dash, not a minus
    return (-1 if m.group("minus") else 1), m.start()


def _spaced_sign(text: str, start: int) -> re.Match | None:
    """The sign written one space before `start`: the true minus sign anywhere, another sign
    only after the words and marks of `spaced_sign_after`; None if there is none."""
    if start < 2 or text[start - 2] not in _sign_characters():
        return None  # most numbers: no sign two characters before
    m = _patterns()["spaced_sign"].search(text, start - 2, start)
    if m is None or text[m.start()] in _spaced_signs_anywhere():
        return m
    return (
        m
        if _patterns()["spaced_sign_after"].search(text, max(0, m.start() - 12), m.start())
        else None
    )


@lru_cache(maxsize=1)
def _sign_characters() -> frozenset[str]:
    typo = load("numbers")["typography"]
    return frozenset(typo["plus_signs"] + typo["minus_signs"])


@lru_cache(maxsize=1)
def _symbol_characters() -> frozenset[str]:
    """The last characters of the currency symbols ("$", "€", "F" of "CHF")."""
    return frozenset(symbol[-1] for symbol in currencies.symbols())


@lru_cache(maxsize=1)
def _spaced_signs_anywhere() -> frozenset[str]:
    return frozenset(load("numbers")["typography"]["spaced_signs_anywhere"])


def _spaced_sign_after() -> str:
    """Regex source for the words and marks after which a spaced sign is a sign."""
    after = load("numbers")["typography"]["spaced_sign_after"]
    words = [w for w in after if w[0].isalpha()]
    marks = [re.escape(m) for m in after if m not in words]
    return "|".join([rf"(?<![\w'’]){alternation(words)}", *marks])


def _symbol_before(text: str, start: int) -> bool:
    """Whether the last character of a currency symbol is written right before `start`, or
    one space before it: most numbers have none, and need no further look."""
    last = text[start - 1 : start]
    if last in (" ", "\u00a0", "\u202f"):
        last = text[start - 2 : start - 1]
    return last != "" and last in _symbol_characters()


def _bullet(text: str, sign_start: int, end: int) -> bool:
    """Whether the dash at `sign_start` begins a line and the percent ending at `end` is a
    share of a group ("-45 % des salariés"): a list's bullet, not a minus."""
    before = sign_start
    while before > 0 and text[before - 1] in " \t\u00a0\u202f":
        before -= 1
    at_line_start = before == 0 or text[before - 1] in "\n\r"
    return at_line_start and share_of_a_group(text, end)


def share_of_a_group(text: str, end: int) -> bool:
    """Whether the words after a percent ending at `end` make it a share of a group ("45 %
    des salariés", "28 % d'entre eux"; fr_numbers.yml: share_of)."""
    return _patterns()["share_of"].match(text, end) is not None


def _scale(text: str, n: Numeral) -> tuple[Decimal, int, bool]:
    """(scale, end of the scale word, abbreviated before a currency) for "3 millions", "50 M€",
    "10,2 M de personnes", else (1, end)."""
    for key, table in (
        ("scale", "scales"),
        ("abbreviation", "scale_abbreviations"),
        ("abbreviation_de", "scale_abbreviations"),
    ):
        m = _patterns()[key].match(text, n.end)
        if m:
            factors = load("numbers")[table]
            word = m.group("scale")
            factor = factors.get(word, factors.get(word.lower()))
            return Decimal(factor), m.end(), key == "abbreviation"
    return Decimal(1), n.end, False


def _bare(text: str, n: Numeral) -> Candidate | None:
    """A numeral with no unit: a year, a number in a name ("Windows 11"), or a count."""
    if names.is_not_a_number(text, n):
        return None
    sign, start = (1, n.start) if n.words else _sign(text, n.start)
    if start < n.start:  # "l'indice s'établit à -12", "(27 %, +3)": a count, never a year
        return Candidate(start, n.end, "count", sign * float(n.value), BARE_PRIORITY, bare=True)
    value, noun_after = float(n.value), followed_by_noun(text, n.end)
    years = load("numbers")["years"]
    a_year = n.plain and n.end - n.start == 4 and years["min"] <= n.value <= years["max"]
    name = names.strong_name_start(text, n.start) if a_year and names.reported() else None
    if name is not None:  # "NIS 2024", "JO 2024": a name, whatever follows
        return Candidate(name, n.end, "other", value, names.NAME_PRIORITY, unit="name")
    cued = a_year and _patterns()["cue"].search(text, max(0, n.start - 20), n.start)
    if a_year and (cued or not followed_by_plural(text, n.end)):
        # a year by its cue takes no unit from a range's bound: "de 57 % en 2023 à 61 %"
        return Candidate(n.start, n.end, "year", value, BARE_PRIORITY, bare=not cued)
    street = names.street_end(text, n.end) if n.plain and not n.words else None
    if street is not None:  # "au 12 rue de la Paix": the number of an address
        if not names.reported():
            return None
        return Candidate(n.start, street, "other", value, names.NAME_PRIORITY, unit="name")
    if n.plain or _DOTTED.fullmatch(text, n.start, n.end):  # "ligne 14", "article 49.3"
        # A four-digit number counts what follows it when that made it no year: "2024 PME".
        noun_after = noun_after or (a_year and followed_by_plural(text, n.end))
        start = names.name_start(text, n.start, noun_after, n.end)
        if start is not None:
            if not names.reported():
                return None
            return Candidate(start, n.end, "other", value, names.NAME_PRIORITY, unit="name")
    return Candidate(n.start, n.end, "count", value, BARE_PRIORITY, bare=True)


def _scaled(text: str, n: Numeral, scale: Decimal, pos: int) -> Candidate:
    """A numeral with a scale word and no currency: a count, or a measure ("de tonnes")."""
    value = float(n.value * scale)
    measure = _patterns()["scaled_measure"].match(text, pos)
    if measure:
        return Candidate(
            n.start,
            measure.end(),
            "other",
            value,
            UNIT_PRIORITY,
            scale=float(scale),
            unit="measure",
        )
    return Candidate(n.start, pos, "count", value, UNIT_PRIORITY, scale=float(scale), unit="scale")


def _and_a_half(text: str, n: Numeral, pos: int) -> tuple[Numeral, int]:
    """The numeral half a unit more, and the end of "et demi(e)", when it is written at `pos`
    ("un million et demi", "deux heures et demie"); else the numeral and `pos` unchanged."""
    half = _patterns()["half"].match(text, pos)
    if half is None:
        return n, pos
    return replace(n, value=n.value + HALF, article=False), half.end()


def classify(text: str, n: Numeral) -> Candidate | None:
    """The candidate mention a numeral makes with the words right after it, if any."""
    scale, pos, abbreviated = _scale(text, n)
    if scale != 1:
        n, pos = _and_a_half(text, n, pos)  # "1 million et demi de clients"
    match = _patterns()["unit"].match(text, pos)
    unit = match.lastgroup.removesuffix("_word") if match else None
    if unit == "duration" and scale == 1:
        n, end = _and_a_half(text, n, match.end())  # "un an et demi", "deux heures et demie"
        if end != match.end():
            return Candidate(n.start, end, "other", float(n.value), UNIT_PRIORITY, unit=unit)
    if unit == "ordinal" and (n.words or pos != n.end):
        unit = None  # "1er" is glued to digits; "un er" is nothing
    if unit is None and not n.words and scale == 1:
        clock = durations.clock_after(text, n.end, n.value)
        if clock is not None:  # "4 h 12", "14h30", "5 h", "45 min", "2 h 05 min 33 s"
            end, value = clock
            return Candidate(n.start, end, "other", float(value), UNIT_PRIORITY, unit="duration")
    if unit is None and not n.words and pos == n.end and text[pos : pos + 1].isalnum():
        return None  # digits glued to letters: "5G", "3D", "B2B"
    if (n.article and scale == 1) or (abbreviated and unit != "money"):
        return None
    if unit is None and not n.words and _symbol_before(text, n.start):
        before = _patterns()["currency_before"].search(text, max(0, n.start - 6), n.start)
        if before:  # "$300", "€2,5 millions", "CHF 12": the currency written first
            value = float(n.value * scale)
            return Candidate(
                before.start(), pos, "money", value, UNIT_PRIORITY, scale=float(scale), unit="money"
            )
    if scale != 1 and unit != "money":
        return _scaled(text, n, scale, pos)
    if unit is None:
        times = _patterns()["times_before"].search(text, max(0, n.start - 24), n.start)
        if times:
            return Candidate(
                times.start(), n.end, "other", float(n.value), UNIT_PRIORITY, unit="times"
            )
        after_noun = _patterns()["measure_after_noun"].match(text, n.end)
        if after_noun and not n.words:
            return Candidate(
                n.start, after_noun.end(), "other", float(n.value), UNIT_PRIORITY, unit="measure"
            )
        return _bare(text, n)
    sign, start = (1, n.start) if n.words else _sign(text, n.start)
    if unit == "percent" and sign < 0 and _bullet(text, start, match.end()):
        sign, start = 1, n.start  # "\n-45 % des salariés": a list's dash before a share
    if unit in ("percent", "points"):
        return Candidate(start, match.end(), unit, float(sign * n.value), UNIT_PRIORITY, unit=unit)
    if unit == "cents":  # "15 centimes": 0.15 €
        value = float(sign * n.value * scale / 100)
        return Candidate(
            start, match.end(), "money", value, UNIT_PRIORITY, scale=0.01, unit="money"
        )
    if unit == "money":
        value = float(sign * n.value * scale)
        return Candidate(
            start, match.end(), "money", value, UNIT_PRIORITY, scale=float(scale), unit=unit
        )
    if unit == "measure":  # "-5 °C", "26,3 Mt" (26 300 000 tonnes)
        scale = measure_scale(match.group(unit))
        value = float(sign * n.value * scale)
        return Candidate(
            start, match.end(), "other", value, UNIT_PRIORITY, scale=float(scale), unit=unit
        )
    if unit == "duration" and not n.words:
        word = match.group(unit).split()[-1]
        smaller = durations.smaller_unit_after(text, word, match.end(), followed_by_noun)
        if smaller is not None:  # "4 heures 12" in minutes, "3 ans et 7 mois" in months
            end, per, count = smaller
            value = float(n.value * per + count)
            return Candidate(n.start, end, "other", value, UNIT_PRIORITY, unit=unit)
    return Candidate(n.start, match.end(), "other", float(n.value), UNIT_PRIORITY, unit=unit)


def find_quantities(text: str, numerals: list[Numeral]) -> list[Candidate]:
    """Candidates for the numerals of `text` (from `numerals.find_numerals`)."""
    return [c for n in numerals if (c := classify(text, n)) is not None]
