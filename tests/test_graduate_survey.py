"""A survey of young graduates, written for the tests and added as a curator adds it. Beside
shares of graduates it states shares of their income ("38 % de leurs revenus"): those are
published in unit percent_of_quantity, and no respondent count or sampling interval is derived
from them. Its changes are written with a sign one space before their number ("– 3 points")
or glued to it ("(+4,5 %)"). A table's heading counts its salaries in thousands of euros
("(en milliers d'euros)" over "Master   37,5")."""

from pathlib import Path

import pytest

from pipeline.draft import draft_entry
from pipeline.extract import extract_mentions

from .conftest import published_figures, query, release_with, traced_numbers

DATA = Path(__file__).parent / "data" / "graduate_survey"
SURVEY = "apec_jeunes_diplomes_2024"
SOURCE = "apec_jeunes_diplomes"
TEXT = (DATA / "sources" / SOURCE / "article.txt").read_text(encoding="utf-8")

# observation id (without the survey) → value, unit, decimals, value_low, value_high, as written
EXPECTED = {
    "graduate_employment_rate.employed.apec_2024_all": (85.0, "percent", 0, 84.5, 85.5, "85 %"),
    "graduate_employment_rate_change.employed.apec_2024_all": (
        *(-3.0, "points", 0, -3.5, -2.5),
        "– 3 points",
    ),
    "starting_salary.median.apec_2024_employed": (
        *(35000.0, "euro", 0, 34999.5, 35000.5),
        "35 000 €",
    ),
    "starting_salary_change.median.apec_2024_employed": (
        *(4.5, "percent_change", 1, 4.45, 4.55),
        "+4,5 %",
    ),
    "job_matches_qualification.yes.apec_2024_employed": (64.0, "percent", 0, 63.5, 64.5, "64 %"),
    "permanent_contract.yes.apec_2024_employed": (72.0, "percent", 0, 71.5, 72.5, "72 %"),
    "permanent_contract.yes.apec_2024_employed_engineers": (
        *(86.0, "percent", 0, 85.5, 86.5),
        "86 %",
    ),
    "job_search_duration.mean.apec_2024_all": (3.2, "months", 1, 3.15, 3.25, "3,2 mois"),
    "job_search_duration.over_six_months.apec_2024_all": (
        *(25.0, "percent", 0, 24.5, 25.5),
        "25 %",
    ),
    "graduate_employment_rate.employed.apec_2024_age_25_29": (
        *(88.0, "percent", 0, 87.5, 88.5),
        "88 %",
    ),
    "graduate_employment_rate.employed.apec_2024_under_25": (
        *(81.0, "percent", 0, 80.5, 81.5),
        "81 %",
    ),
    "remote_work_weekly.yes.apec_2024_employed": (
        *(40.0, "percent", 0, 39.5, 40.5),
        "4 jeunes cadres sur 10",
    ),
    "housing_cost_share_of_income.mean.apec_2024_idf": (
        *(38.0, "percent_of_quantity", 0, 37.5, 38.5),
        "38 %",
    ),
    "housing_cost_share_of_income.mean.apec_2024_other_regions": (
        *(29.0, "percent_of_quantity", 0, 28.5, 29.5),
        "29 %",
    ),
    "transport_cost_share_of_income.mean.apec_2024_all": (
        *(9.0, "percent_of_quantity", 0, 8.5, 9.5),
        "9 %",
    ),
    "plans_to_change_employer.yes.apec_2024_all": (50.0, "percent", 0, 49.5, 50.5, "la moitié"),
    # A table whose heading counts the salaries in thousands of euros.
    "starting_salary.median.apec_2024_employed_master": (
        *(37500.0, "euro", 1, 37450.0, 37550.0),
        "37,5",
    ),
    "starting_salary.median.apec_2024_employed_licence": (
        *(31000.0, "euro", 0, 30500.0, 31500.0),
        "31",
    ),
}
SHARES_OF_INCOME = [
    f"{SURVEY}.housing_cost_share_of_income.mean.apec_2024_idf",
    f"{SURVEY}.housing_cost_share_of_income.mean.apec_2024_other_regions",
    f"{SURVEY}.transport_cost_share_of_income.mean.apec_2024_all",
]


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_with(tmp_path_factory.mktemp("graduates"), DATA)


def test_every_figure_is_published_with_its_unit(release):
    expected = {f"{SURVEY}.{k}": v for k, v in EXPECTED.items()}
    assert published_figures(release, SURVEY, SOURCE) == expected


def test_each_figure_traces_to_its_sign_and_digits(release):
    in_text_order = sorted(EXPECTED.values(), key=lambda v: TEXT.index(v[-1]))
    assert traced_numbers(release, DATA, SOURCE) == [v[-1] for v in in_text_order]


def test_no_count_or_interval_is_derived_from_a_share_of_income(release):
    derived = query(
        release,
        "SELECT kind, input_observation_ids FROM fact_derived WHERE survey_id = ?",
        SURVEY,
    )
    assert not [row for row in derived if any(oid in row[1] for oid in SHARES_OF_INCOME)]
    # A share of all the graduates on the same base gets both.
    rate = f"{SURVEY}.graduate_employment_rate.employed.apec_2024_all"
    assert {kind for kind, inputs in derived if inputs == rate} == {
        "respondent_count",
        "wilson_ci",
        "complement",
    }


def test_the_unit_table_says_what_a_share_of_a_quantity_is(release):
    ((quantity, symbol),) = query(
        release,
        "SELECT quantity, symbol FROM dim_unit WHERE unit = 'percent_of_quantity'",
    )
    assert (quantity, symbol) == ("share of a quantity", "%")


def test_the_remainder_of_a_question_with_a_mean_is_no_category(release):
    """'3,2 mois en moyenne' and '25 % ont mis plus de six mois': the 75 % left are graduates
    who searched six months or less, not the category 'mean'."""
    rows = query(
        release,
        "SELECT category_id, value FROM fact_derived WHERE kind = 'complement' "
        "AND variable_id = 'job_search_duration'",
    )
    assert rows == [(None, 75.0)]


def test_the_claims_in_words_are_supported(release):
    rows = query(
        release, "SELECT quote, verdict FROM fact_claim WHERE source_id = ? ORDER BY 1", SOURCE
    )
    assert rows == [("Près de deux jeunes sur trois", "supported"), ("Un quart", "supported")]


@pytest.mark.parametrize(
    ("number", "unit", "value"),
    [
        ("38 %", "percent_of_quantity", 38.0),  # "38 % de leurs revenus"
        ("9 %", "percent_of_quantity", 9.0),  # "9 % de leurs revenus"
        # "contre 29 % dans les autres régions", compared with 38 % of their income: as curated
        ("29 %", "percent_of_quantity", 29.0),
        ("72 %", "percent", 72.0),  # "72 % ont signé un CDI"
        ("+4,5 %", "percent_change", 4.5),
        ("– 3 points", "points", -3.0),
        ("37,5", "euro", 37500.0),  # under "(en milliers d'euros)"
        ("31", "euro", 31000.0),
    ],
)
def test_the_draft_proposes_the_unit_of_each_share_and_change(number, unit, value):
    (mention,) = [m for m in extract_mentions(TEXT) if m.surface == number]
    proposed = draft_entry(mention, TEXT)["as_observation"]
    assert (proposed["unit"], proposed["value"]) == (unit, value)
