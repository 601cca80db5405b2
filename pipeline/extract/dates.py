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
    listed = rf"(?<![\w.,])(?:{alternation(months['first_day'])}|[0-3]?\d)(?!\w|\.\d)"
    weekday = rf"(?:{alternation(months['weekdays'])}\s+)?"  # "du lundi 3 au vendredi 7 mars"
    year = r"(?<![\w.,])\d{4}(?![\w]|[.,]?\d)"
    date = rf"{weekday}{day}\s+{month}(?:\s+{year})?"
    numeric = r"(?<![\w./-])\d{1,2}/\d{1,2}/\d{4}(?![\w/-]|[.,]?\d)"  # "02/09/2024"
    ordinals = alternation(months["year_part_ordinals"])
    parts = alternation(months["year_parts"])
    letters = "".join(months["year_part_abbreviations"])
    month_year = rf"{month}(?:\s+{year})?"
    opening = "|".join(alternation([pair[0]]) for pair in months["range_connectors"])
    closing = "|".join(alternation([pair[1]]) for pair in months["range_connectors"])
    article = rf"(?:(?:le|l{typo['apos']})\s*)?"
    apos = typo["apos"]
    part_month = rf"(?:{alternation(months['parts'])})(?:\s*{typo['hyphen']}\s*|\s+){month_year}"
    part_year = rf"(?:{alternation(months['parts'])})(?:\s*{typo['hyphen']}\s*|\s+){year}"
    return {
        "atom": re.compile(
            rf"{weekday}(?:(?P<day>{day})\s+)?(?P<month>{month})(?:\s+(?P<year>{year}))?"
            rf"|{weekday}(?P<day_only>{day})"
            r"|(?P<nd>\d{1,2})/(?P<nm>\d{1,2})/(?P<ny>\d{4})",
            re.I,
        ),
        "range": re.compile(
            rf"(?<![\w'’])(?P<open>{opening}|d{apos})(?:(?<={apos})\s*|\s+){article}"
            rf"(?P<x>{date}|{month_year}|{numeric}|{weekday}{day})\s+(?P<close>{closing})\s+"
            rf"{article}(?P<y>{date}|{month_year}|{numeric})",
            re.I,
        ),
        # After a month word: "-février 2025" of "janvier-février 2025".
        "dash_month": re.compile(rf"\s*{typo['dash']}\s*(?P<y>{month_year})", re.I),
        # Found from the part word, then the ordinal before it; or from the abbreviation.
        "year_part": re.compile(
            rf"(?<![\w-])(?P<part>{parts})"
            rf"\s+(?:(?:de\s+|d{apos}\s*)(?:l{apos}\s*année\s+)?)?(?P<year>{year})",
            re.I,
        ),
        "ordinal_before": re.compile(rf"(?<![\w'’-])(?P<ordinal>{ordinals})\s+\Z", re.I),
        "season": re.compile(
            rf"(?<![\w-])(?P<season>{alternation(months['seasons'])})"
            rf"\s+(?:(?:de\s+|d{apos}\s*)(?:l{apos}\s*année\s+)?)?(?P<year>{year})",
            re.I,
        ),
        "year_part_letter": re.compile(
            rf"(?P<letter>[{letters}])(?P<number>[1-4])\s+(?P<year>{year})"
        ),
        # A date or month-year is found from its month word, then the day before and year after.
        "month": re.compile(rf"(?<!\w){month}", re.I),
        "day_before": re.compile(rf"{day}\s+\Z", re.I),
        # "12-13 juin 2024": two days joined by a dash before a month; "3, 4 et 5 juin
        # 2026": a list of days, from the first to the last.
        "days_before": re.compile(
            rf"(?P<first>{listed})(?:\s*{typo['dash']}\s*|(?:\s*,\s*{listed})*\s*,?\s+et\s+)"
            rf"(?P<last>{day})\s+\Z",
            re.I,
        ),
        "year_after": re.compile(rf"\s+{year}"),
        "part": re.compile(
            rf"(?<![\w'’-])(?P<part>{alternation(months['parts'])})(?:\s*{typo['hyphen']}\s*|\s+)"
            rf"(?:(?P<month>{month})(?:\s+(?P<year>{year}))?|(?P<year_only>{year}))",
            re.I,
        ),
        # "entre fin février et début mars 2026", "entre fin 2024 et début 2025": a range whose
        # bounds are parts of months or of years.
        "part_range": re.compile(
            rf"(?<![\w'’])(?P<open>{opening})\s+(?P<x>{part_year}|{part_month}|{month_year})"
            rf"\s+(?P<close>{closing})\s+(?P<y>{part_year}|{part_month}|{month_year})",
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
    if m.group("nd"):  # "02/09/2024"
        return {"y": int(m.group("ny")), "m": int(m.group("nm")), "d": int(m.group("nd"))}
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


def _part_ranges(text: str) -> list[Candidate]:
    """ "entre fin février et début mars 2026": from the first day the first part stands for
    to the last day of the second (a year missing on the first taken from the second)."""
    pairs = {fold(a): fold(b) for a, b in load("months")["range_connectors"]}
    out = []
    for m in _patterns()["part_range"].finditer(text):
        if pairs.get(fold(m.group("open"))) != fold(m.group("close")):
            continue
        x, y = _spanned(m.group("x")), _spanned(m.group("y"))
        if x is None or y is None or (x[2] is False and y[2] is False):
            continue  # no part: "entre février et mars 2026" is a range of months
        value = _span(x[0], y[1])
        if value is not None:
            out.append(Candidate(m.start(), m.end(), "period", value, DATE_PRIORITY))
    return out


def _spanned(written: str) -> tuple[dict, dict, bool] | None:
    """(first day, last day, written as a part) of "fin février", "début mars 2026", or of a
    month ("mars 2026": its first and last days unknown, the month itself)."""
    part = _patterns()["part"].fullmatch(written)
    if part is None:
        atom = _atom(written)
        return None if atom is None else (atom, atom, False)
    return (*_part_bounds(part), True)


def _part(m: re.Match) -> str | None:
    """The span a "début/mi/fin" month or year stands for (see fr_months.yml `parts`)."""
    first, last = _part_bounds(m)
    a, b = _iso(first), _iso(last)
    return f"{a}/{b}" if a and b else None


def _part_bounds(m: re.Match) -> tuple[dict, dict]:
    """The first and last {"y", "m", "d"} a "début/mi/fin" month or year stands for: the
    days of a month ("fin février": 21 to 28 or 29), the months of a year ("fin 2024")."""
    rule = load("months")["parts"][fold(m.group("part"))]
    if m.group("year_only"):
        year = int(m.group("year_only"))
        first, last = rule["months"]
        return {"y": year, "m": first, "d": None}, {"y": year, "m": last, "d": None}
    year = int(m.group("year")) if m.group("year") else None
    month = _month_numbers()[fold(m.group("month"))]
    first, last = rule["days"]
    if last == "last":
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return {"y": year, "m": month, "d": first}, {"y": year, "m": month, "d": last}


def _month_range(text: str, month: re.Match) -> Candidate | None:
    """ "janvier-février 2025", "décembre-janvier 2025" from the first month word: the period
    from the first month to the second (in the year before it when the first comes later in
    a year); None when no dash and month follow it."""
    if month.start() > 0 and text[month.start() - 1] == "-":
        return None
    m = _patterns()["dash_month"].match(text, month.end())
    if m is None:
        return None
    x, y = _atom(month.group()), _atom(m.group("y"))
    value = _span(x, y) if x and y and x["m"] != y["m"] else None
    return Candidate(month.start(), m.end(), "period", value, DATE_PRIORITY) if value else None


@lru_cache(maxsize=1)
def _days_range(text: str, month: re.Match, year: re.Match | None) -> Candidate | None:
    """ "12-13 juin 2024", "3, 4 et 5 juin 2026": the days before `month`, joined by a dash
    or listed, as one period from the first to the last."""
    days = _patterns()["days_before"].search(text, max(0, month.start() - 40), month.start())
    if days is None:
        return None
    end = year.end() if year else month.end()
    last = _atom(text[days.start("last") : end])
    first = _atom(days.group("first"))
    value = _span(first, last) if first and last else None
    if value is None or value.split("/")[0] >= value.split("/")[1]:
        return None
    return Candidate(days.start(), end, "period", value, DATE_PRIORITY)


def _year_part_words() -> tuple[dict[str, int], tuple[str, ...]]:
    """The ordinals of a part of a year, as looked up, and the part words ("trimestre")."""
    months = load("months")
    ordinals = {fold(k): v for k, v in months["year_part_ordinals"].items()}
    return ordinals, tuple(fold(part) for part in months["year_parts"])


def _year_parts(text: str) -> list[Candidate]:
    """ "au premier trimestre 2025", "T3 2024", "S2 2024": the period of that part's months."""
    months, p = load("months"), _patterns()
    ordinals, parts = _year_part_words()
    found = []
    lowered = text.lower()
    words = p["year_part"].finditer(text) if any(w in lowered for w in parts) else ()
    for m in words:
        ordinal = p["ordinal_before"].search(text, max(0, m.start() - 16), m.start())
        if ordinal:
            part, which = fold(m.group("part")), ordinals[fold(ordinal.group("ordinal"))]
            found.append((ordinal.start(), m.end(), part, which, int(m.group("year"))))
    for m in p["year_part_letter"].finditer(text):
        if m.start() > 0 and re.match(r"[\w'’-]", text[m.start() - 1]):
            continue  # inside a word or a code ("ST1 2024")
        part = months["year_part_abbreviations"][m.group("letter")]
        found.append((m.start(), m.end(), part, int(m.group("number")), int(m.group("year"))))
    out = _seasons(text)
    for start, end, part, which, year in found:
        length = months["year_parts"][part]
        if _year_ok(year) and which * length <= 12:
            first, last = (which - 1) * length + 1, which * length
            value = f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"
            out.append(Candidate(start, end, "period", value, DATE_PRIORITY))
    return out


@lru_cache(maxsize=1)
def _season_months() -> dict[str, tuple[int, int]]:
    """Each season word, as looked up → (first month, last month)."""
    return {fold(k): tuple(v) for k, v in load("months")["seasons"].items()}


def _seasons(text: str) -> list[Candidate]:
    """ "au printemps 2025", "l'été 2024": the period of that season's months. Each season
    word is matched where it is written ("été" is a word of many sentences)."""
    seasons, lowered, out = _season_months(), text.lower(), []
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): scan it all
        found = _patterns()["season"].finditer(text)
    else:
        found = (m for word in seasons for m in _matches_at(text, lowered, word))
    for m in found:
        first, last = seasons[fold(m.group("season"))]
        if _year_ok(year := int(m.group("year"))):
            value = f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"
            out.append(Candidate(m.start(), m.end(), "period", value, DATE_PRIORITY))
    return out


def _matches_at(text: str, lowered: str, word: str):
    """The season pattern's matches where `word` is written (`lowered`: `text` in lower case,
    of the same length)."""
    at = lowered.find(word)
    while at >= 0:
        m = _patterns()["season"].match(text, at)
        if m is not None:
            yield m
        at = lowered.find(word, at + 1)


def find_dates(text: str) -> list[Candidate]:
    """Date and period candidates in `text`."""
    out = _ranges(text) + _part_ranges(text) + _year_parts(text)
    p = _patterns()
    for m in p["month"].finditer(text):
        if (dashed := _month_range(text, m)) is not None:
            out.append(dashed)
        day = p["day_before"].search(text, max(0, m.start() - 16), m.start())
        year = p["year_after"].match(text, m.end())
        if (days := _days_range(text, m, year)) is not None:
            out.append(days)
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
