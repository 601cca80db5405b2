"""Fieldwork dates as a survey file gives them: to the day ("2025-01-06") or, when the sources
say only the month ("réalisée en janvier 2025"), to the month ("2025-01")."""

import calendar
from typing import NamedTuple

from pipeline.isodates import is_month

DAY, MONTH = "day", "month"


class Fieldwork(NamedTuple):
    """The first and last days fieldwork may have taken, and how precisely they are known."""

    start: str | None
    end: str | None
    precision: str | None  # DAY, MONTH (either bound known to its month only) or None


def _is_month(value: str | None) -> bool:
    return is_month(value, with_year=True)


def first_day(value: str | None) -> str | None:
    """'2025-01' → '2025-01-01'; a day stays itself."""
    return f"{value}-01" if _is_month(value) else value


def last_day(value: str | None) -> str | None:
    """'2025-02' → '2025-02-28'; a day stays itself."""
    if not _is_month(value):
        return value
    year, month = int(value[:4]), int(value[5:])
    return f"{value}-{calendar.monthrange(year, month)[1]:02d}"


def fieldwork(start: str | None, end: str | None) -> Fieldwork:
    """The days `start` and `end` (each a day, a month or None) stand for: a month opens on its
    first day and closes on its last."""
    if start is None and end is None:
        return Fieldwork(None, None, None)
    precision = MONTH if _is_month(start) or _is_month(end) else DAY
    return Fieldwork(first_day(start), last_day(end), precision)


def described(start, end, precision: str | None) -> str | None:
    """Published fieldwork dates (ISO text or dates) as a reader says them: '2024-06-20 to
    2024-07-12', '2025-01' (month only), 'from 2025-03-04'; None when no source dates it."""
    start, end = (None if d is None else str(d) for d in (start, end))
    if precision == MONTH:
        start, end = start and start[:7], end and end[:7]
    if start and end:
        return start if start == end else f"{start} to {end}"
    return f"from {start}" if start else f"until {end}" if end else None
