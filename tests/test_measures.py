"""Measures published in the unit they are written in ("69 hectares", "410 000 litres", "18 °C"),
from two articles on a farm survey written for the tests and added as a curator adds them (a
survey file, variables, source directories), built with Dagster beside the seed. The second
article states the same measures in other units: square kilometres and cubic metres."""

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
from .release.test_release_files import errors_of, frictionless_report

DATA = Path(__file__).parent / "data" / "farm_survey"
SURVEY = "msa_exploitants_2025"
SOURCE = "exploitations_msa"
SECOND = "fermes_surface"

# observation id (without the survey) → value, unit, decimals, value_low, value_high, as written
EXPECTED = {
    "farm_area.mean.msa_2025_all": (69.0, "hectares", 0, 68.5, 69.5, "69 hectares"),
    "farm_area_change_10y.mean.msa_2025_all": (
        25.0,
        "percent_change",
        0,
        24.5,
        25.5,
        "hausse de 25 %",
    ),
    "farmer_age.mean.msa_2025_all": (51.4, "years", 1, 51.35, 51.45, "51,4 ans"),
    "weekly_working_hours.mean.msa_2025_all": (55.0, "hours", 0, 54.5, 55.5, "55 heures"),
    "days_off_in_year.none.msa_2025_all": (60.0, "percent", 0, 59.5, 60.5, "6 exploitants sur 10"),
    "annual_milk_output.mean.msa_2025_dairy": (
        410_000.0,
        "litres",
        0,
        409_999.5,
        410_000.5,
        "410 000 litres",
    ),
    "greenhouse_winter_temperature.typical.msa_2025_greenhouses": (
        18.0,
        "degrees_celsius",
        0,
        17.5,
        18.5,
        "18 °C",
    ),
    "wheat_yield.mean.msa_2025_all": (
        7.3,
        "tonnes_per_hectare",
        1,
        7.25,
        7.35,
        "7,3 tonnes à l'hectare",
    ),
}


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_with(tmp_path_factory.mktemp("measures"), DATA)


def test_each_measure_is_published_in_its_written_unit(release):
    expected = {f"{SURVEY}.{k}": v for k, v in EXPECTED.items()}
    assert published_figures(release, SURVEY, SOURCE) == expected


def test_each_measure_traces_to_the_characters_that_state_it(release):
    assert sorted(traced_numbers(release, DATA, SOURCE)) == sorted(v[-1] for v in EXPECTED.values())


def test_every_number_of_both_texts_is_accounted_for(release):
    rows = query(
        release,
        "SELECT source_id, surface, kind, accounted_by FROM fact_mention "
        "WHERE source_id IN (?, ?) ORDER BY source_id, char_start",
        SOURCE,
        SECOND,
    )
    assert (SOURCE, "410 000 litres", "other", "observation") in rows
    assert (SECOND, "0,7 km²", "other", "observation") in rows
    assert (SOURCE, "dix ans", "other", "ignore") in rows
    assert (SOURCE, "26,3 Mt", "other", "ignore") in rows
    assert (SECOND, "73 q/ha", "other", "observation") in rows
    assert all(accounted for *_, accounted in rows)


def test_the_page_writes_each_measure_with_its_symbol(release):
    page = (release / survey_page(SURVEY)).read_text(encoding="utf-8")
    labels = ("Mean: 69 ha", "Mean: 410,000 L", "Usual temperature: 18 °C", "Mean: 55 h")
    for label in (*labels, "Mean: 7.3 t/ha"):
        assert f'aria-label="{label}"' in page


def test_sources_are_reconciled_across_units_of_measurement(release):
    rows = query(
        release,
        "SELECT observation_id, source_id, stated_value, stated_unit, status, published_value, "
        "published_unit, note FROM fact_reconciliation WHERE observation_id LIKE ? "
        "ORDER BY observation_id, source_id",
        f"{SURVEY}.%",
    )
    area, milk = f"{SURVEY}.farm_area.mean.msa_2025_all", f"{SURVEY}.annual_milk_output"
    age, hours = f"{SURVEY}.farmer_age.mean.msa_2025_all", f"{SURVEY}.weekly_working_hours"
    wheat = f"{SURVEY}.wheat_yield.mean.msa_2025_all"
    assert [r[:7] for r in rows] == [
        (f"{milk}.mean.msa_2025_dairy", SOURCE, 410_000.0, "litres", "agrees", 410_000.0, "litres"),
        (
            f"{milk}.mean.msa_2025_dairy",
            SECOND,
            410.0,
            "cubic_metres",
            "agrees",
            410_000.0,
            "litres",
        ),
        (area, SOURCE, 69.0, "hectares", "agrees", 69.0, "hectares"),
        # 0,7 km² is [650,000, 750,000) m², 69 ha is [685,000, 695,000) m²
        (area, SECOND, 0.7, "square_kilometres", "agrees", 69.0, "hectares"),
        (age, SOURCE, 51.4, "years", "agrees", 51.4, "years"),
        (age, SECOND, 51.0, "years", "agrees", 51.4, "years"),
        (f"{hours}.mean.msa_2025_all", SOURCE, 55.0, "hours", "agrees", 55.0, "hours"),
        (f"{hours}.mean.msa_2025_all", SECOND, 52.0, "hours", "value differs", 55.0, "hours"),
        (wheat, SOURCE, 7.3, "tonnes_per_hectare", "agrees", 7.3, "tonnes_per_hectare"),
        # 73 q/ha is [72.5, 73.5) q/ha, 7,3 t/ha is [72.5, 73.5) q/ha
        (wheat, SECOND, 73.0, "quintals_per_hectare", "agrees", 7.3, "tonnes_per_hectare"),
    ]
    notes = {(r[0], r[1]): r[7] for r in rows}
    assert notes[(area, SECOND)].startswith(
        "States 0.7 km², which agrees within rounding with the published 69 ha"
    )
    assert notes[(f"{hours}.mean.msa_2025_all", SECOND)].startswith(
        "States 52 h [51.5, 52.5) where the release publishes 55 h [54.5, 55.5)"
    )


def test_a_measure_in_another_unit_is_refused_with_the_unit_it_is_written_in(tmp_path):
    found = refused_after_edit(
        tmp_path,
        DATA,
        SECOND,
        "    value: 0.7\n    unit: square_kilometres\n",
        "    value: 70\n    unit: hectares\n",
    )
    assert "observations[0] (id: farm_area)" in found
    assert "'0,7 km²' reads as a measure in square_kilometres, not a measure in hectares" in found
    assert "write unit: square_kilometres, or correct the number_text" in found


def test_frictionless_validates_a_release_with_measures(release):
    report = frictionless_report(release)
    assert report["valid"], errors_of(report)


def test_analysts_convert_units_with_dim_unit(release):
    area = f"{SURVEY}.farm_area.mean.msa_2025_all"
    rows = query(
        release,
        "SELECT r.source_id, r.stated_value * u.factor_to_base, u.base_unit, u.quantity "
        "FROM fact_reconciliation r JOIN dim_unit u ON u.unit = r.stated_unit "
        "WHERE r.observation_id = ? ORDER BY r.source_id",
        area,
    )
    assert rows == [
        (SOURCE, 690_000.0, "square_metres", "area"),
        (SECOND, 700_000.0, "square_metres", "area"),
    ]
    (row,) = query(
        release,
        "SELECT DISTINCT value, unit, unit_symbol, base_unit, value_in_base_unit FROM observations "
        "WHERE observation_id = ?",
        f"{SURVEY}.annual_milk_output.mean.msa_2025_dairy",
    )
    assert row == (410_000.0, "litres", "L", "litres", 410_000.0)
