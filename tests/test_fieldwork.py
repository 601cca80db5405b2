"""Fieldwork dates given to the day or, when the sources say only the month, to the month."""

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.isodates import is_day, is_month, month_of
from pipeline.load.codelists import _check_fieldwork
from pipeline.model.fieldwork import described, fieldwork
from pipeline.validate.references import _agrees


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2024-06-20", "2024-07-12", ("2024-06-20", "2024-07-12", "day")),
        ("2025-01", "2025-01", ("2025-01-01", "2025-01-31", "month")),
        ("2024-02", "2024-02", ("2024-02-01", "2024-02-29", "month")),  # a leap year
        ("2025-02", "2025-02", ("2025-02-01", "2025-02-28", "month")),
        ("2025-01", "2025-02-10", ("2025-01-01", "2025-02-10", "month")),
        ("2025-03-04", None, ("2025-03-04", None, "day")),
        (None, "2025-12", (None, "2025-12-31", "month")),
        (None, None, (None, None, None)),
    ],
)
def test_a_month_stands_for_its_first_and_last_days(start, end, expected):
    assert tuple(fieldwork(start, end)) == expected


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2024-06-20", "2024-07-12", "2024-06-20 to 2024-07-12"),
        ("2025-01", "2025-01", "2025-01"),
        ("2025-01", "2025-02", "2025-01 to 2025-02"),
        ("2025-03-04", None, "from 2025-03-04"),
        (None, "2025-03-04", "until 2025-03-04"),
        ("2025-03-04", "2025-03-04", "2025-03-04"),
        (None, None, None),
    ],
)
def test_the_page_says_the_dates_as_precisely_as_they_are_known(start, end, text):
    assert described(*fieldwork(start, end)) == text


@pytest.mark.parametrize(
    ("start", "end", "refused"),
    [
        ("2025-01", "2025-01-20", False),  # ends within the month it starts in
        ("2025-01-20", "2025-01", False),
        ("2025-01", "2025-01", False),
        ("2025-02", "2025-01-31", True),
        ("2025-02-01", "2025-01", True),
        ("2024-06-20", "2023-07-12", True),
    ],
)
def test_fieldwork_ends_after_it_starts_month_or_day(start, end, refused):
    problem = f"fieldwork_end {end} is before fieldwork_start {start}"
    _checked({"fieldwork_start": start, "fieldwork_end": end}, problem if refused else None)


def _checked(fields: dict, problem: str | None) -> None:
    """Check a survey of `fields`: refused with `problem`, or taken when it is None."""
    survey = {"survey_id": "s", **fields, "_file": Path("raw/surveys/s.yml")}
    if problem is None:
        _check_fieldwork(survey)
        return
    with pytest.raises(InputError, match=problem):
        _check_fieldwork(survey)


@pytest.mark.parametrize(
    ("stated", "recorded", "agrees"),
    [
        ("2025-01", "2025-01", True),  # "réalisée en janvier 2025", recorded to the month
        ("2025-01", "2025-01-06", True),  # another source gives the day
        ("2025-01-06", "2025-01", False),  # the text is more precise: record the day
        ("2025-02", "2025-01-06", False),
        ("--01", "2025-01", True),  # "en janvier", the year unwritten
        ("--06-20", "2024-06-20", True),
        ("1600", 1600, True),
    ],
)
def test_a_stated_date_agrees_with_the_survey_file(stated, recorded, agrees):
    assert _agrees(stated, recorded) is agrees


@pytest.mark.parametrize(
    ("start", "end", "year", "refused"),
    [
        ("2025-03-03", "2025-03-17", 2025, False),
        ("2024-12-20", "2025-01-05", 2024, False),  # either year of a fieldwork across two
        ("2024-12-20", "2025-01-05", 2025, False),
        ("2025-03", None, 2025, False),
        (None, None, 2023, False),  # no date: nothing to hold the year to
        ("2025-03-03", "2025-03-17", 2024, True),  # a typo in the year
        (None, "2023-01", 2024, True),
    ],
)
def test_the_year_is_a_year_of_the_fieldwork(start, end, year, refused):
    problem = f"year {year} is not a year of its fieldwork"
    _checked(
        {"fieldwork_start": start, "fieldwork_end": end, "year": year},
        problem if refused else None,
    )


@pytest.mark.parametrize(
    ("value", "day", "month", "month_of_it"),
    [
        ("2025-03-21", (True, True, False), (False, False, False), "2025-03"),
        ("--03-21", (True, False, True), (False, False, False), "--03"),
        ("2025-03", (False, False, False), (True, True, False), "2025-03"),
        ("--03", (False, False, False), (True, False, True), "--03"),
        ("2025", (False, False, False), (False, False, False), "2025"),
    ],
)
def test_iso_days_and_months_with_or_without_their_year(value, day, month, month_of_it):
    # (any, with its year, without it)
    assert tuple(is_day(value, y) for y in (None, True, False)) == day
    assert tuple(is_month(value, y) for y in (None, True, False)) == month
    assert month_of(value) == month_of_it
