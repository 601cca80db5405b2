"""Read the kind and value of one written number, as `extract_mentions` reads it in a text."""

import unicodedata
from functools import lru_cache

from pipeline.extract.currencies import currency_units
from pipeline.extract.directions import direction_after, direction_before
from pipeline.extract.extractor import extract_mentions
from pipeline.extract.measures import compared_unit, written_unit
from pipeline.extract.numerals import words_value
from pipeline.extract.ranges import contrasted, written_as_range


@lru_cache(maxsize=65536)  # the same few written numbers ("53 %", "1 600") recur in every file
def parse_number(surface: str) -> tuple[str, float | str | None] | None:
    """(kind, value) of a single written number ("53%", "1.600", "20 juin"); None if not one.

    Any surface `extract_mentions` returns reads back to the same kind and value, except where
    the kind comes from words outside the surface: the first bound of a range ("20" in
    "20-24 %" is a percent, alone a count; "2" in "entre 2 et 3 M€" is 2000000.0 and "10" in
    "entre 10 et 15 000 euros" 10000.0, alone 2.0 and 10.0),
    a four-digit number before a noun ("2024 salariés" is a count, "2024" alone a year),
    and an abbreviated scale, which counts before "de" and a word only ("10,2 M de
    personnes" is 10200000.0, "10,2 M" alone 10.2).
    """
    mentions = extract_mentions(surface)
    if len(mentions) == 1:
        m = mentions[0]
        # Words around the number ("des salariés", a qualifier) are allowed; other digits are not.
        rest = surface[: min(m.start, m.qualifier_start or m.start)] + surface[m.end :]
        if not any(ch.isdigit() for ch in rest):
            return m.kind, m.value
        return None
    if not mentions and surface.strip() and not any(ch.isdigit() for ch in surface):
        # Number words that are no mention on their own ("un", "neuf") still read as a count.
        value = words_value(surface.strip())
        if value is not None:
            return "count", float(value)
    return None


def parse_in_quote(quote: str, start: int, end: int) -> tuple[str, float | str | None] | None:
    """(kind, value) of the one mention of `quote` written within [start, end), as read with
    the words around it: the first bound of a range takes the unit and scale of the second ("1,4"
    in "entre 1,4 et 3,1 points" is 1.4 points); None unless exactly one mention is there."""
    inside = [m for m in extract_mentions(quote) if start <= m.start and m.end <= end]
    return (inside[0].kind, inside[0].value) if len(inside) == 1 else None


def unit_in_quote(quote: str, start: int, end: int) -> str | None:
    """The unit a measure or a duration written within [start, end) of `quote` is in: its
    own ("15 km"), else that of the second bound of the range it opens ("10" of "de 10 à 15
    km" is in kilometres, of "entre 2 et 3 heures" in hours), else that of the measure it is
    compared with ("287" of "412 cas pour 100 000, contre 287"); None if none writes one."""
    mentions = extract_mentions(quote)
    for i, m in enumerate(mentions):
        if not (start <= m.start and m.end <= end):
            continue
        own = written_unit(m.surface)
        if own is not None or m.kind != "other":
            return own
        second = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            second is not None
            and second.kind == "other"
            and written_as_range(quote, (m.start, m.end), (second.start, second.end))
        ):
            return written_unit(second.surface)
        if i and contrasted(quote, m.start) and mentions[i - 1].kind == "other":
            return compared_unit(mentions[i - 1].surface)
        return None
    return None


def currencies_in_quote(quote: str, start: int, end: int) -> tuple[str, ...]:
    """The currencies an amount written within [start, end) of `quote` may be in: those its
    own words name ("300 $"), else those of the range it opens ("2" of "entre 2 et 3 M$"),
    else those of the amount it is compared with ("250" of "300 $, contre 250"); () if none
    names one."""
    own = currency_units(quote[start:end])
    if own:
        return own
    amounts = [m for m in extract_mentions(quote) if m.kind == "money"]
    after = (currency_units(m.surface) for m in amounts if m.start >= start)
    before = (currency_units(m.surface) for m in reversed(amounts) if m.end <= start)
    return next(filter(None, after), ()) or next(filter(None, before), ())


@lru_cache(maxsize=4096)
def parse_change(surface: str) -> tuple[str, float | str | None] | None:
    """parse_number's reading of a written change, signed by the word of increase or decrease
    right before or after its number: "recul de 38 %" → ("percent", -38.0), "38 % de baisse"
    → -38.0, "hausse de 12 %" → 12.0, "-3,5 %" → -3.5 (a sign next to the number wins)."""
    surface = unicodedata.normalize("NFC", surface)  # its words are read composed
    parsed = parse_number(surface)
    mentions = extract_mentions(surface)
    if parsed is None or not isinstance(parsed[1], float) or len(mentions) != 1:
        return parsed
    kind, value = parsed
    m = mentions[0]
    head = m.qualifier_start if m.qualifier_start is not None else m.start  # "de près de 10 %"
    direction = direction_before(surface, head) or direction_after(surface, m.end)
    return kind, (value if direction is None or value < 0 else direction[0] * value)
