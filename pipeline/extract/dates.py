"""Find dates and periods ("20 juin", "septembre 2019", "mi-octobre", "du 20 au 25 juin")."""

import calendar
import re
from functools import lru_cache

from pipeline.extract.lexicon import alternation, fold, load, typography
from pipeline.extract.mention import Candidate

DATE_PRIORITY = 0


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    return {fold(form): int(n) for n, forms in load("months")["months"].items() for form in forms}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    months, typo = load("months"), typography()
    month = alternation(_month_numbers()) + r"(?!\w)"
    day = rf"(?<![\w.,])(?:{alternation(months['first_day'])}|[0-3]?\d)(?![\w,]|\.\d)"
    weekday = rf"(?:{alternation(months['weekdays'])}\s+)?"  # "du lundi 3 au vendredi 7 mars"
    year = r"(?<![\w.,])\d{4}(?![\w]|[.,]?\d)"
    date = rf"{weekday}{day}\s+{month}(?:\s+{year})?"
    ordinals = alternation(months["year_part_ordinals"])
    parts = alternation(months["year_parts"])
    letters = "".join(months["year_part_abbreviations"])
    month_year = rf"{month}(?:\s+{year})?"
    opening = "|".join(alternation([pair[0]]) for pair in months["range_connectors"])
    closing = "|".join(alternation([pair[1]]) for pair in months["range_connectors"])
    article = rf"(?:(?:le|l{typo['apos']})\s*)?"
    apos = typo["apos"]
    return {
        "atom": re.compile(
            rf"{weekday}(?:(?P<day>{day})\s+)?(?P<month>{month})(?:\s+(?P<year>{year}))?"
            rf"|{weekday}(?P<day_only>{day})",
            re.I,
        ),
        "range": re.compile(
            rf"(?<![\w'’])(?P<open>{opening}|d{apos})(?:(?<={apos})\s*|\s+){article}"
            rf"(?P<x>{date}|{month_year}|{weekday}{day})\s+(?P<close>{closing})\s+{article}"
            rf"(?P<y>{date}|{month_year})",
            re.I,
        ),
        "month_dash": re.compile(  # "janvier-février 2025"
            rf"(?<![\w-])(?P<x>{month})\s*{typo['dash']}\s*(?P<y>{month_year})", re.I
        ),
        "year_part": re.compile(
            rf"(?<![\w'’-])(?:(?P<ordinal>{ordinals})\s+(?P<part>{parts})"
            rf"|(?-i:(?P<letter>[{letters}]))(?P<number>[1-4]))"
            rf"\s+(?:(?:de\s+|d{apos}\s*)(?:l{apos}\s*année\s+)?)?(?P<year>{year})",
            re.I,
        ),
        # A date or month-year is found from its month word, then the day before and year after.
        "month": re.compile(rf"(?<!\w){month}", re.I),
        "day_before": re.compile(rf"{day}\s+\Z", re.I),
        "year_after": re.compile(rf"\s+{year}"),
        "part": re.compile(
            rf"(?<![\w'’-])(?P<part>{alternation(months['parts'])})(?:\s*{typo['hyphen']}\s*|\s+)"
            rf"(?:(?P<month>{month})(?:\s+(?P<year>{year}))?|(?P<year_only>{year}))",
            re.I,
        ),
        "numeric": re.compile(
            r"(?<![\w./-])(?:(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
            r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2}))(?![\w/-]|[.,]?\d)"
        ),
    }


def _year_ok(year: int | None) -> bool:
    years = load("months")["years"]
    return year is None or years["min"] <= year <= years["max"]


def _atom(written: str) -> dict | None:
    """{"y", "m", "d"} of one written date, month or day (missing parts are None)."""
    m = _patterns()["atom"].fullmatch(written)
    if not m:
        return None
    day = m.group("day") or m.group("day_only")
    year = m.group("year")
    return {
        "y": int(year) if year else None,
        "m": _month_numbers()[fold(m.group("month"))] if m.group("month") else None,
        "d": (int(day) if day.isdigit() else 1) if day else None,
    }


def _iso(parts: dict) -> str | None:
    """ISO 8601 text of a date, month or year; None when it is not a real one."""
    y, m, d = parts["y"], parts["m"], parts["d"]
    if not _year_ok(y) or (m is not None and not 1 <= m <= 12):
        return None
    head = f"{y:04d}" if y is not None else "-"
    if m is None:
        return head if d is None and y is not None else None
    if d is None:
        return f"{head}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y if y is not None else 2000, m)[1]:
        return None
    return f"{head}-{m:02d}-{d:02d}"


def _span(x: dict, y: dict) -> str | None:
    """ISO interval "A/B"; a month or year missing on the first date is taken from the second."""
    x = dict(x)
    if x["m"] is None and x["d"] is not None:
        x["m"] = y["m"]
    if x["y"] is None and y["y"] is not None and x["m"] is not None and y["m"] is not None:
        x["y"] = y["y"] - (1 if x["m"] > y["m"] else 0)
    a, b = _iso(x), _iso(y)
    if a is None or b is None:
        return None
    return f"{a}/{b}"


def _ranges(text: str) -> list[Candidate]:
    pairs = {fold(a): fold(b) for a, b in load("months")["range_connectors"]}
    out = []
    for m in _patterns()["range"].finditer(text):
        opening = "de" if fold(m.group("open")) == "d'" else fold(m.group("open"))
        x, y = _atom(m.group("x")), _atom(m.group("y"))
        if pairs.get(opening) != fold(m.group("close")) or x is None or y is None:
            continue
        value = _span(x, y)
        if value is not None:
            out.append(Candidate(m.start(), m.end(), "period", value, DATE_PRIORITY))
    return out


def _part(m: re.Match) -> str | None:
    """The span a "début/mi/fin" month or year stands for (see fr_months.yml `parts`)."""
    rule = load("months")["parts"][fold(m.group("part"))]
    if m.group("year_only"):
        year = int(m.group("year_only"))
        first, last = rule["months"]
        if not _year_ok(year):
            return None
        return f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"
    year = int(m.group("year")) if m.group("year") else None
    month = _month_numbers()[fold(m.group("month"))]
    first, last = rule["days"]
    if last == "last":
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
    a, b = _iso({"y": year, "m": month, "d": first}), _iso({"y": year, "m": month, "d": last})
    return f"{a}/{b}" if a and b else None


def _month_ranges(text: str) -> list[Candidate]:
    """ "janvier-février 2025": the period from the first month to the second."""
    out = []
    for m in _patterns()["month_dash"].finditer(text):
        x, y = _atom(m.group("x")), _atom(m.group("y"))
        value = _span(x, y) if x and y and x["m"] != y["m"] else None
        if value is not None:
            out.append(Candidate(m.start(), m.end(), "period", value, DATE_PRIORITY))
    return out


def _year_parts(text: str) -> list[Candidate]:
    """ "au premier trimestre 2025", "T3 2024", "S2 2024": the period of that part's months."""
    months = load("months")
    ordinals = {fold(k): v for k, v in months["year_part_ordinals"].items()}
    out = []
    for m in _patterns()["year_part"].finditer(text):
        year = int(m.group("year"))
        if m.group("letter"):
            part, which = (
                months["year_part_abbreviations"][m.group("letter")],
                int(m.group("number")),
            )
        else:
            part, which = fold(m.group("part")), ordinals[fold(m.group("ordinal"))]
        length = months["year_parts"][part]
        if not _year_ok(year) or which * length > 12:
            continue
        first, last = (which - 1) * length + 1, which * length
        value = f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"
        out.append(Candidate(m.start(), m.end(), "period", value, DATE_PRIORITY))
    return out


def find_dates(text: str) -> list[Candidate]:
    """Date and period candidates in `text`."""
    out = _ranges(text) + _month_ranges(text) + _year_parts(text)
    p = _patterns()
    for m in p["month"].finditer(text):
        day = p["day_before"].search(text, max(0, m.start() - 16), m.start())
        year = p["year_after"].match(text, m.end())
        if day or year:
            start, end = day.start() if day else m.start(), year.end() if year else m.end()
            parts = _atom(text[start:end])
            value = _iso(parts) if parts else None
            if value is not None:
                kind = "date" if day else "period"
                out.append(Candidate(start, end, kind, value, DATE_PRIORITY))
    for m in _patterns()["part"].finditer(text):
        value = _part(m)
        if value is not None:
            out.append(Candidate(m.start(), m.end(), "period", value, DATE_PRIORITY))
    for m in _patterns()["numeric"].finditer(text):
        y, mo, d = (
            int(g)
            for g in (
                m.group("y") or m.group("y2"),
                m.group("m") or m.group("m2"),
                m.group("d") or m.group("d2"),
            )
        )
        value = _iso({"y": y, "m": mo, "d": d})
        if value is not None:
            out.append(Candidate(m.start(), m.end(), "date", value, DATE_PRIORITY))
    return out
