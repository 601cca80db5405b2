"""Quotes sit at their offsets, outside non-reporting passages, and state the curated number."""

import unicodedata
from functools import partial

import pandas as pd

from pipeline.extract import parse_change, parse_in_quote, parse_number
from pipeline.extract.composed import compose, is_composed
from pipeline.extract.currencies import currency_units
from pipeline.extract.declared import declaration, scaled
from pipeline.extract.directions import written_with_sign
from pipeline.extract.durations import duration_unit
from pipeline.extract.measures import measure_unit, written_unit
from pipeline.extract.parse import currencies_in_quote, unit_in_quote
from pipeline.isodates import is_month
from pipeline.rows import rows
from pipeline.validate import problems
from schemas.units import (
    CURRENCIES,
    DURATIONS,
    KINDS_FOR_UNIT,
    MEASURES,
    SIGNED_BY_WORDING,
    STATED_BY_SIGNED_COUNT,
    WRITTEN,
    in_unit,
)

TOLERANCE = 1e-4
# The columns the number checks read.
NUMBER_COLUMNS = ["file", "entry", "value", "quote", "number_text", "number_occurrence"]


# Characters that join digits into one number: "1.600", "5,9", "1 600" (spaces of all widths),
# "1'600" (Swiss).
JOINERS = ". ,\u00a0\u202f\u2009'\u2019"


def _inside_a_number(quote: str, start: int, end: int) -> bool:
    """Whether quote[start:end] is part of a longer number ('53%' in '153%', '600' in '1.600');
    digits glued to letters before a space are a name's ('SP98 1,897 €'), not a number's."""
    if quote[start:end][:1].isdigit() and start > 0:
        before = quote[start - 1]
        if before.isdigit() or (
            before in JOINERS
            and quote[start - 2 : start - 1].isdigit()
            and not _of_a_name(quote, start - 2)
        ):
            return True
    if quote[start:end][-1:].isdigit() and end < len(quote):
        after = quote[end]
        if after.isdigit() or (after in JOINERS and quote[end + 1 : end + 2].isdigit()):
            return True
    return False


def _of_a_name(quote: str, last_digit: int) -> bool:
    """Whether the digits ending at `last_digit` are glued to the letters of a name ('SP98')."""
    i = last_digit
    while i >= 0 and quote[i].isdigit():
        i -= 1
    return i >= 0 and quote[i].isalpha()


def number_span(quote: str, number_text: str, occurrence: int) -> tuple[int, int] | None:
    """Offsets of the n-th occurrence of number_text within quote as a whole number, or None."""
    at, found = -1, 0
    while found < occurrence:
        at = quote.find(number_text, at + 1)
        if at < 0 or not number_text:
            return None
        found += not _inside_a_number(quote, at, at + len(number_text))
    return at, at + len(number_text)


def span_problems(
    entries: pd.DataFrame, texts: dict[str, str], excluded: dict[str, list[dict]]
) -> pd.DataFrame:
    """Each quote equals text[char_start:char_end] and overlaps no non-reporting passage."""
    out = []
    for row in rows(entries, ["file", "entry", "source_id", "quote", "char_start", "char_end"]):

        def bad(problem, fix, row=row):
            out.append({"file": row.file, "entry": row.entry, "problem": problem, "fix": fix})

        text = texts.get(row.source_id)
        if text is None:
            bad(f"no source {row.source_id!r} in raw/sources", "add the source or fix source_id")
            continue
        start, end = int(row.char_start), int(row.char_end)
        if not (0 <= start < end <= len(text)):
            bad(
                f"offsets [{start}, {end}) out of range: the text has {len(text)} characters",
                _where_is(text, row.quote),
            )
            continue
        if text[start:end] != row.quote:
            bad(
                f"quote is not the text at [{start}, {end}), which reads {text[start:end][:80]!r}",
                _where_is(text, row.quote),
            )
            continue
        for span in excluded.get(row.source_id, []):
            if start < span["char_end"] and span["char_start"] < end:
                bad(
                    f"quote overlaps a non-reporting passage ({span['reason']})",
                    "quote only the survey's reporting; nothing in that passage is a figure",
                )
    return problems(out)


# An accented letter is one character or two (the letter, then its accent): the same words
# written one way do not match the other.
OTHER_FORM = "writes its accented letters in another Unicode form (one character or two each)"


def _same_composed(part: str, whole: str) -> bool:
    """Whether `part` is in `whole` once both are composed (NFC), though not as written."""
    if not part or part in whole or (is_composed(part) and is_composed(whole)):
        return False
    nfc = partial(unicodedata.normalize, "NFC")
    return nfc(part) in nfc(whole)


def _where_is(text: str, quote: str) -> str:
    at = text.find(quote)
    if at >= 0:
        return f"the quote is found at char_start: {at}, char_end: {at + len(quote)}"
    if _same_composed(quote, text):
        composed, wanted = compose(text), unicodedata.normalize("NFC", quote)
        at = composed.text.find(wanted)
        if at >= 0:  # the same words, their accents written as separate marks in one of the two
            start, end = composed.start(at), composed.end(at + len(wanted))
            return (
                f"copy the quote from the text itself (draft.yml has it): the text {OTHER_FORM}; "
                f"it is at char_start: {start}, char_end: {end}"
            )
    return "copy the quote verbatim from the source text (same apostrophes and spaces)"


def _number_problem(row, expected_kinds: set[str] | None, expected_value) -> tuple | None:
    span = number_span(row.quote, row.number_text, int(row.number_occurrence))
    if span is None:
        other_form = _same_composed(row.number_text, row.quote)
        return (
            f"number_text {row.number_text!r} does not occur {row.number_occurrence} "
            "time(s) in the quote",
            "copy the number exactly as the quote writes it"
            + (f": the quote {OTHER_FORM}" if other_form else ""),
        )
    unit = getattr(row, "unit", None)  # attributes have none
    signed = unit in SIGNED_BY_WORDING
    parsed = (parse_change if signed else parse_number)(row.number_text)
    if parsed is None:
        return (
            f"number_text {row.number_text!r} is not a number that can be read",
            "give only the number as written, e.g. '53%' or '1.600'",
        )
    kind, value = parsed
    unit_problem = partial(_unit_problem, row.number_text, unit=unit, kinds=expected_kinds)
    found = unit_problem(kind) if expected_kinds is not None else None
    if found or _differs(value, expected_value):
        # Read with the words around it in the quote: "1,4" of "entre 1,4 et 3,1 points" is
        # points, "10,2 M" of "10,2 M de personnes" is 10200000 ("recul de 20" of "en recul de
        # 20-24 %" keeps the sign of its words).
        in_quote = parse_in_quote(row.quote, *span)
        if in_quote is not None and in_quote != (kind, value):
            kind, size = in_quote
            if signed and isinstance(size, float) and isinstance(value, float) and value < 0:
                size = -abs(size)
            value = size
            found = unit_problem(kind) if expected_kinds is not None else None
        if found and kind in ("other", "count"):
            written, scale = _stated_unit(row.quote, span, kind, unit)
            found = unit_problem(kind, written=written)
            if not found and isinstance(value, float):
                value = scaled(value, scale)  # "12,5" under "(en millions d'euros)"
    if not found and kind == "money" and unit in CURRENCIES:
        found = _currency_problem(row.number_text, unit, row.quote, span)
    if found:
        return found
    if isinstance(value, float) and isinstance(expected_value, float):
        if abs(value - expected_value) > TOLERANCE:
            return (
                f"value {expected_value:g} differs from the number written "
                f"{row.number_text!r} ({value:g})",
                "correct the value or the quote",
            )
    elif kind == "period" and str(expected_value) in str(value).split("/"):
        return None  # "du 6 au 20 janvier 2025" states a fieldwork start and end
    elif kind == "period" and _month_of(str(expected_value), str(value)):
        return None  # "fin mars 2025" states a fieldwork in March 2025
    elif str(value) != str(expected_value):
        fix = "correct the value or the quote"
        if kind == "period":
            fix += f" (a date of a period is its start or its end: {' or '.join(value.split('/'))})"
        return (
            f"value {expected_value!r} differs from the number written "
            f"{row.number_text!r} ({value!r})",
            fix,
        )
    return None


def _stated_unit(
    quote: str, span: tuple[int, int], kind: str, unit: str | None
) -> tuple[str | None, float]:
    """(unit, scale) the quote states for a number whose own words state none: a range's
    second bound for its first ("10" of "de 10 à 15 km"), a heading before a count ("63" after
    the "(en %)" of a table of shares, "12,5" after "(en millions d'euros)", counted in
    millions); `unit` when the heading may name several ("$"); (None, 1) if none."""
    if kind == "other":
        return unit_in_quote(quote, *span), 1.0
    found = declaration(quote, 0, span[0])
    if found is None:
        return None, 1.0
    return (unit if unit in found.units else found.units[0]), found.scale


def _currency_problem(
    number_text: str, unit: str, quote: str, span: tuple[int, int]
) -> tuple[str, str] | None:
    """(problem, fix) when an amount is written in another currency than `unit`: its own
    currency word ("300 $"), else that of the range it opens ("2" of "entre 2 et 3 M$")."""
    stated = currencies_in_quote(quote, *span)
    if not stated or unit in stated:
        return None
    return (
        f"{number_text!r} reads as an amount in {_either(stated)}, not an amount in {unit}",
        f"write unit: {_either(stated)}, or correct the number_text",
    )


def _either(units) -> str:
    """'a', 'a or b', 'a, b or c'."""
    units = list(units)
    return " or ".join([", ".join(units[:-1]), units[-1]] if len(units) > 1 else units)


def _month_of(month: str, period: str) -> bool:
    """Whether `month` ("2025-03", or "--03" without its year) is the month of the start or of
    the end of `period` ("2025-03-21/2025-03-31" of "fin mars 2025"; "2026-02-21/2026-03-10"
    of "entre fin février et début mars 2026" starts in February and ends in March)."""
    if not is_month(month):
        return False
    return any(bound.startswith(f"{month}-") for bound in period.split("/"))


def _differs(value, expected_value) -> bool:
    """Whether two numbers differ beyond TOLERANCE (other values are compared later)."""
    if isinstance(value, float) and isinstance(expected_value, float):
        return abs(value - expected_value) > TOLERANCE
    return False


def _read_as(number_text: str, kind: str, written: str | None = None) -> str:
    """What a number read as `kind` is, in words: 'a percent', 'a duration in days', 'a
    measure in hectares' (in the unit `written` in the quote, when the number_text has none)."""
    if kind == "money":
        currencies = currency_units(number_text)
        return f"an amount in {_either(currencies)}" if currencies else "an amount of money"
    if kind != "other":
        return f"a {kind}"
    if duration := duration_unit(number_text) or (written if written in DURATIONS else None):
        return f"a duration in {duration}"
    if measure := measure_unit(number_text) or (written if written in MEASURES else None):
        return f"a measure in {measure}"
    return "a measure, an ordinal or a name"


def _unit_problem(
    number_text: str, kind: str, unit: str, kinds: set[str], written: str | None = None
):
    """(problem, fix) when the number as written is not of `unit`, else None; `written` is the
    unit the quote states it in, when the number_text does not (see _stated_unit)."""
    if kind == "count" and unit in STATED_BY_SIGNED_COUNT and written_with_sign(number_text):
        return None  # "(27 %, +3)": a change of 3 points
    if kind == "count" and written is not None and written == unit:
        return None  # "63" under the heading "(en %)" of a table of shares
    if kind == "other":
        written = written_unit(number_text) or written
    if kind in kinds and (unit not in WRITTEN or written == unit):
        return None
    if kind == "other":
        units = [written] if written in WRITTEN else []
    else:
        units = [u for u, kinds in KINDS_FOR_UNIT.items() if kind in kinds]
        units += [written] if kind == "count" and written and written not in units else []
        if kind == "money":  # the currencies its words name
            units = [u for u in units if u in (currency_units(number_text) or units)]
    what = _read_as(number_text, kind, written)
    if units:
        fix = f"write unit: {_either(units)}, or correct the number_text"
    elif unit in DURATIONS:
        fix = (
            f"a duration's number_text ends with its unit ('41 minutes', '4 h 12'), "
            f"one of {', '.join(DURATIONS)}"
        )
    elif unit in MEASURES:
        fix = "a measure's number_text ends with its unit ('69 hectares', '13 km', '19 °C')"
    else:
        fix = f"correct the number_text: {what} is no figure of a survey"
    target = in_unit(unit) if unit in WRITTEN else f"a {unit}"
    return f"{number_text!r} reads as {what}, not {target}", fix


def _as_number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


def observation_number_problems(entries: pd.DataFrame) -> pd.DataFrame:
    """The number written in each observation's quote is its value, in its unit."""
    out = []
    for row in rows(entries, [*NUMBER_COLUMNS, "unit"]):
        found = _number_problem(row, KINDS_FOR_UNIT.get(row.unit), float(row.value))
        if found:
            out.append({"file": row.file, "entry": row.entry, "problem": found[0], "fix": found[1]})
    return problems(out)


def attribute_number_problems(entries: pd.DataFrame) -> pd.DataFrame:
    """The number, date or period written in each attribute's quote is its value."""
    out = []
    for row in rows(entries, NUMBER_COLUMNS):
        found = _number_problem(row, None, _as_number(row.value))
        if found:
            out.append({"file": row.file, "entry": row.entry, "problem": found[0], "fix": found[1]})
    return problems(out)
