"""ISO 8601 dates as the extractor reads them and the input files hold them: a day or a month,
with its year ("2025-03-21", "2025-03") or without it ("--03-21", "--03")."""

import re

_YEAR = r"(?P<year>\d{4}|-)"
DAY = re.compile(rf"{_YEAR}-\d{{2}}-\d{{2}}")
MONTH = re.compile(rf"{_YEAR}-\d{{2}}")


def _match(pattern: re.Pattern, value) -> re.Match | None:
    return pattern.fullmatch(value) if isinstance(value, str) else None


def is_day(value, with_year: bool | None = None) -> bool:
    """Whether `value` is a day ("2025-03-21"; "--03-21" unless `with_year`)."""
    m = _match(DAY, value)
    return bool(m) and (with_year is None or (m["year"] != "-") == with_year)


def is_month(value, with_year: bool | None = None) -> bool:
    """Whether `value` is a month ("2025-03"; "--03" unless `with_year`)."""
    m = _match(MONTH, value)
    return bool(m) and (with_year is None or (m["year"] != "-") == with_year)


def month_of(value: str) -> str:
    """The month of a day, or the month itself: "2025-03-21" → "2025-03", "--03-21" → "--03"."""
    return value[:-3] if is_day(value) else value
