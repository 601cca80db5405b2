"""Durations published in the unit they are written in ("4h12" in minutes, "5 heures" in hours,
"18 mois" in months), from two articles on one survey written for the tests and added as a
curator adds them (a survey file, variables, source directories), built with Dagster beside
the seed. The second article states the same durations in other units of time."""

import re
from pathlib import Path

import pytest

from pipeline.publish.page import survey_page

from .conftest import (
    published_figures,
    query,
    refused_after_edit,
    release_with,
    traced_numbers,
)

DATA = Path(__file__).parent / "data" / "screen_time"
SURVEY = "generation_connectee_2025"
SOURCE = "ecrans_ados"
SECOND = "ecrans_weekend"

# observation id (without the survey) → value, unit, decimals, value_low, value_high, as written
EXPECTED = {
    "screen_time_daily.weekday.gc_2025_all": (252.0, "minutes", 0, 251.5, 252.5, "4h12"),
    "screen_time_change_2y.weekday.gc_2025_all": (27.0, "minutes", 0, 26.5, 27.5, "27 minutes"),
    "screen_time_daily.weekend.gc_2025_all": (5.0, "hours", 0, 4.5, 5.5, "5 heures"),
    "wait_before_telling.mean.gc_2025_all": (18.0, "months", 0, 17.5, 18.5, "18 mois"),
    "phone_in_bed.yes.gc_2025_15_17": (79.0, "percent", 0, 78.5, 79.5, "79 %"),
    "phone_in_bed_change_1y.yes.gc_2025_15_17": (6.0, "points", 0, 5.5, 6.5, "hausse de 6 points"),
    "subscription_budget.mean.gc_2025_all": (23.5, "euro", 2, 23.495, 23.505, "23,50 €"),
}


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_with(tmp_path_factory.mktemp("durations"), DATA)


def test_each_duration_is_published_in_its_written_unit(release):
    expected = {f"{SURVEY}.{k}": v for k, v in EXPECTED.items()}
    assert published_figures(release, SURVEY, SOURCE) == expected


def test_each_duration_traces_to_the_characters_that_state_it(release):
    assert sorted(traced_numbers(release, DATA, SOURCE)) == sorted(v[-1] for v in EXPECTED.values())


def test_every_number_of_the_text_is_accounted_for(release):
    rows = query(
        release,
        "SELECT surface, kind, value_number, accounted_by FROM fact_mention "
        "WHERE source_id = ? ORDER BY char_start",
        SOURCE,
    )
    assert ("4 h 12", "other", 252.0, "ignore") in rows  # the headline repeats the figure
    assert ("4h12", "other", 252.0, "observation") in rows
    assert all(accounted for *_, accounted in rows)


def test_the_page_draws_each_unit_in_a_chart_of_its_own(release):
    page = (release / survey_page(SURVEY)).read_text(encoding="utf-8")
    for label in (
        "On a weekday: 252 min",
        "On a weekend day: 5 h",
        "On a weekday: 27 min",
        "Mean: 18 months",
        "Mean: 23.50 €",
    ):
        assert f'aria-label="{label}"' in page
    ids = re.findall(r'<figure class="chart" id="([^"]+)"', page)
    assert "chart-screen_time_daily--gc_2025_all--minutes" in ids
    assert "chart-screen_time_daily--gc_2025_all--hours" in ids
    assert len(ids) == len(set(ids))


def test_sources_are_reconciled_across_units_of_time(release):
    rows = query(
        release,
        "SELECT observation_id, source_id, stated_value, status, published_value, note "
        "FROM fact_reconciliation WHERE observation_id LIKE ? ORDER BY observation_id, source_id",
        f"{SURVEY}.%",
    )
    daily, wait = f"{SURVEY}.screen_time_daily", f"{SURVEY}.wait_before_telling.mean.gc_2025_all"
    assert [r[:5] for r in rows] == [
        (f"{daily}.weekday.gc_2025_all", SOURCE, 252.0, "agrees", 252.0),
        (f"{daily}.weekday.gc_2025_all", SECOND, 4.0, "agrees", 252.0),
        (f"{daily}.weekend.gc_2025_all", SOURCE, 5.0, "agrees", 5.0),
        (f"{daily}.weekend.gc_2025_all", SECOND, 6.0, "value differs", 5.0),
        (wait, SOURCE, 18.0, "agrees", 18.0),
        (wait, SECOND, 1.5, "agrees", 18.0),
    ]
    notes = {(r[0].split(".")[2], r[1]): r[5] for r in rows}
    assert notes[("weekday", SECOND)].startswith(
        "States 4 h, which agrees within rounding with the published 252 min"
    )
    assert notes[("weekend", SECOND)].startswith(
        "States 6 h [5.5, 6.5) where the release publishes 5 h [4.5, 5.5)"
    )
    assert notes[("mean", SECOND)].startswith(
        "States 1.5 years, which agrees within rounding with the published 18 months"
    )


def test_a_duration_in_another_unit_is_refused_with_the_unit_it_is_written_in(tmp_path):
    found = refused_after_edit(
        tmp_path,
        DATA,
        SOURCE,
        "    value: 252\n    unit: minutes\n",
        "    value: 4.2\n    unit: hours\n",
    )
    assert "observations[0] (id: weekday_time)" in found
    assert "'4h12' reads as a duration in minutes, not a duration in hours" in found
    assert "write unit: minutes, or correct the number_text" in found
