"""Figures in every unit an observation can have but durations and measures
(tests/test_durations.py, tests/test_measures.py), and the dim_unit table, from a business
barometer written for the tests: a percent, a count with a scale word, an amount in
euros, a relative change signed by its wording, percentage points (a balance of opinion and a
change over a year), an index and a score, four of them negative, and an interest rate (a
rate in percent that is no share of the leaders)."""

from pathlib import Path

import pytest
import yaml

from pipeline.draft import UNIT_OF_KIND
from pipeline.extract.lexicon import load
from pipeline.publish.page import survey_page
from pipeline.resources import PROJECT_ROOT as ROOT
from schemas.units import (
    COMMENSURABLE,
    CURRENCIES,
    DURATIONS,
    KINDS_FOR_UNIT,
    MEASURES,
    NON_NEGATIVE,
    SHARES,
    SYMBOLS,
    UNITS,
    WRITTEN,
)

from .conftest import query, release_with
from .release.test_release_files import errors_of, frictionless_report

DATA = Path(__file__).parent / "data" / "tpe_barometer"
SURVEY = "barometre_tpe_2025"
SOURCE = "tpe_moral_en_berne"

# observation id (without the survey) → value, unit, decimals, value_low, value_high
EXPECTED = {
    "tpe_confidence.confident.tpe_2025_all": (27.0, "percent", 0, 26.5, 27.5),
    "tpe_confidence_change.confident.tpe_2025_all": (-6.0, "points", 0, -6.5, -5.5),
    "tpe_confidence_index.index.tpe_2025_all": (-12.0, "number", 0, -12.5, -11.5),
    "tpe_staff_plans.reduce.tpe_2025_all": (20.0, "percent", 0, 19.5, 20.5),
    # "1,1 million": the last digit written is the hundred thousand.
    "tpe_firms_reducing_staff.reduce.tpe_2025_all": (
        1_100_000.0,
        "count",
        1,
        1_050_000.0,
        1_150_000.0,
    ),
    "tpe_hiring_salary.mean.tpe_2025_recruiting": (2150.0, "euro", 0, 2149.5, 2150.5),
    "tpe_activity_balance.balance.tpe_2025_all": (-8.0, "points", 0, -8.5, -7.5),
    "tpe_bank_rating.mean.tpe_2025_all": (6.4, "number", 1, 6.35, 6.45),
    "tpe_turnover_change.mean.tpe_2025_all": (-3.5, "percent_change", 1, -3.55, -3.45),
    "tpe_loan_rate.mean.tpe_2025_all": (4.1, "percent_rate", 1, 4.05, 4.15),
}


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_with(tmp_path_factory.mktemp("units"), DATA)


def test_every_unit_is_published_with_its_rounding_interval(release):
    rows = query(
        release,
        "SELECT observation_id, value, unit, decimals, value_low, value_high "
        "FROM fact_observation WHERE survey_id = ? ORDER BY observation_id",
        SURVEY,
    )
    assert {r[0]: r[1:] for r in rows} == {f"{SURVEY}.{k}": v for k, v in EXPECTED.items()}


def test_each_figure_traces_to_the_characters_that_state_it(release):
    text = (DATA / "sources" / SOURCE / "article.txt").read_text(encoding="utf-8")
    rows = query(
        release,
        "SELECT observation_id, number_start, number_end, number_text FROM fact_evidence "
        "WHERE source_id = ?",
        SOURCE,
    )
    assert len(rows) == len(EXPECTED)
    written = {oid.split(".", 1)[1]: text[start:end] for oid, start, end, _ in rows}
    assert written == {
        "tpe_confidence.confident.tpe_2025_all": "27 %",
        "tpe_confidence_change.confident.tpe_2025_all": "-6 points",
        "tpe_confidence_index.index.tpe_2025_all": "-12",
        "tpe_staff_plans.reduce.tpe_2025_all": "Un dirigeant sur cinq",
        "tpe_firms_reducing_staff.reduce.tpe_2025_all": "1,1 million",
        "tpe_hiring_salary.mean.tpe_2025_recruiting": "2 150 euros",
        "tpe_activity_balance.balance.tpe_2025_all": "-8 points",
        "tpe_bank_rating.mean.tpe_2025_all": "6,4/10",
        "tpe_turnover_change.mean.tpe_2025_all": "recul de 3,5 %",
        "tpe_loan_rate.mean.tpe_2025_all": "4,1 %",
    }
    assert all(text[start:end] == number for _, start, end, number in rows)


def test_fieldwork_dates_come_from_one_period(release):
    (survey,) = query(
        release,
        "SELECT sample_size, fieldwork_start, fieldwork_end FROM dim_survey WHERE survey_id = ?",
        SURVEY,
    )
    assert tuple(map(str, survey)) == ("1003", "2025-01-06", "2025-01-20")


def test_shares_alone_get_derived_values(release):
    inputs = query(
        release,
        "SELECT DISTINCT o.unit FROM fact_derived d JOIN fact_observation o "
        "ON list_contains(string_split(d.input_observation_ids, ' '), o.observation_id) "
        "WHERE d.survey_id = ?",
        SURVEY,
    )
    assert inputs == [("percent",)]


def test_the_page_writes_each_value_with_its_unit(release):
    page = (release / survey_page(SURVEY)).read_text(encoding="utf-8")
    for label in (
        "Mean: 2,150 €",
        "Index value: -12",
        "Confident: -6 pts",
        "Balance (positive minus negative answers): -8 pts",
        "Considering reducing staff: 1,100,000",
        "Confident: 27%",
        "Mean rating: 6.4",
        "Mean change reported: -3.5%",
        "Mean rate reported: 4.1%",
    ):
        assert f'aria-label="{label}"' in page


def test_the_data_package_lists_the_units(release):
    package = yaml.safe_load((release / "datapackage.json").read_text(encoding="utf-8"))
    (table,) = [r for r in package["resources"] if r["name"] == "fact_observation"]
    (unit,) = [f for f in table["schema"]["fields"] if f["name"] == "unit"]
    assert sorted(unit["constraints"]["enum"]) == sorted(UNITS)


def test_one_list_of_units_everywhere():
    schema = yaml.safe_load((ROOT / "schemas" / "inputs" / "annotations.schema.yml").read_text())
    observation = schema["properties"]["observations"]["items"]
    assert observation["properties"]["unit"]["enum"] == list(UNITS)
    bounded = {
        bound: rule["if"]["properties"]["unit"]["enum"]
        for rule in observation["allOf"]
        for bound in rule["then"]["properties"]["value"]
        if bound in ("minimum", "maximum")
    }
    assert bounded == {"minimum": list(NON_NEGATIVE), "maximum": list(SHARES)}
    assert list(KINDS_FOR_UNIT) == list(UNITS)
    # Every unit of time or measurement has its words in the lexicon and a symbol; every unit
    # compared with its kin is one of them, and every unit of time has kin.
    assert set(DURATIONS) <= set(load("numbers")["units"]["durations"])
    assert set(MEASURES) <= set(load("numbers")["units"]["measures"])
    assert WRITTEN == DURATIONS + MEASURES and set(WRITTEN) <= set(SYMBOLS)
    # So has every currency.
    assert list(load("numbers")["units"]["currencies"]) == list(CURRENCIES)
    assert set(CURRENCIES) <= set(SYMBOLS)
    grouped = [unit for group in COMMENSURABLE.values() for unit in group]
    assert len(grouped) == len(set(grouped)) and set(DURATIONS) <= set(grouped) <= set(WRITTEN)
    assert set(UNIT_OF_KIND.values()) <= set(UNITS)
    assert all(kind in KINDS_FOR_UNIT[unit] for kind, unit in UNIT_OF_KIND.items())


def test_frictionless_validates_a_release_with_every_unit(release):
    report = frictionless_report(release)
    assert report["valid"], errors_of(report)


def test_dim_unit_describes_and_converts_every_unit(release):
    rows = query(release, "SELECT unit, quantity, symbol, base_unit, factor_to_base FROM dim_unit")
    by_unit = {r[0]: r[1:] for r in rows}
    assert set(by_unit) == set(UNITS)
    assert by_unit["hectares"] == ("area", "ha", "square_metres", 10_000.0)
    assert by_unit["hours"] == ("duration", "h", "minutes", 60.0)
    assert by_unit["years"] == ("duration in months", "years", "months", 12.0)
    assert by_unit["count"] == ("count", None, "count", 1.0)
    assert by_unit["percent"] == ("share of a population", "%", "percent", 1.0)
    # Every base unit is a unit of the table, of the same quantity, and its own base.
    for quantity, _, base, _ in by_unit.values():
        assert by_unit[base][0] == quantity and by_unit[base][2:] == (base, 1.0)
