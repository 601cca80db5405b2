"""Rates per thousand, ten thousand and hundred thousand ("52,3 pour 100 000 habitants",
"1,4 décès pour 10 000 adolescents", "12,5 ‰") and shares written with a definite article
("Près du tiers", "le quart"), from two articles on a health survey written for the tests and
added as a curator adds them, built with Dagster beside the seed. The second article states
the first one's hospitalisation rate per ten thousand."""

from pathlib import Path

import pytest

from pipeline.draft import draft_entry
from pipeline.extract import extract_mentions
from pipeline.publish.page import survey_page

from .conftest import published_figures, query, refused_after_edit, release_with, traced_numbers
from .release.test_release_files import errors_of, frictionless_report

DATA = Path(__file__).parent / "data" / "health_rates"
SURVEY = "spf_gestes_2025"
SOURCE = "taux_hospitalisation_ados"
SECOND = "urgences_pedopsychiatrie"
RATE = f"{SURVEY}.self_harm_hospitalisation_rate.rate.spf_2025_adolescents"

# observation id (without the survey) → value, unit, decimals, value_low, value_high, as written
EXPECTED = {
    "self_harm_hospitalisation_rate.rate.spf_2025_adolescents": (
        52.3,
        "per_hundred_thousand",
        1,
        52.25,
        52.35,
        "52,3 pour 100 000",
    ),
    "self_harm_hospitalisation_rate.rate.spf_2025_girls": (
        147.8,
        "per_hundred_thousand",
        1,
        147.75,
        147.85,
        "147,8 cas pour 100 000",
    ),
    "suicide_mortality_rate.rate.spf_2025_adolescents": (
        1.4,
        "per_ten_thousand",
        1,
        1.35,
        1.45,
        "1,4 décès pour 10 000",
    ),
    "readmission_rate_within_year.rate.spf_2025_adolescents": (
        12.5,
        "per_thousand",
        1,
        12.45,
        12.55,
        "12,5 ‰",
    ),
    "child_psychiatry_bed_shortage.yes.spf_2025_all": (31.0, "percent", 0, 30.5, 31.5, "31 %"),
    "unit_closed_last_year.yes.spf_2025_all": (25.0, "percent", 0, 24.5, 25.5, "25 %"),
}


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_with(tmp_path_factory.mktemp("rates"), DATA)


def test_each_rate_is_published_in_the_unit_it_is_written_in(release):
    expected = {f"{SURVEY}.{k}": v for k, v in EXPECTED.items()}
    assert published_figures(release, SURVEY, SOURCE) == expected


def test_each_rate_traces_to_the_characters_that_state_it(release):
    assert sorted(traced_numbers(release, DATA, SOURCE)) == sorted(v[-1] for v in EXPECTED.values())


def test_every_number_of_both_texts_is_accounted_for(release):
    rows = query(
        release,
        "SELECT source_id, surface, kind, accounted_by FROM fact_mention "
        "WHERE source_id IN (?, ?) ORDER BY source_id, char_start",
        SOURCE,
        SECOND,
    )
    assert (SOURCE, "147,8 cas pour 100 000", "other", "observation") in rows
    assert (SOURCE, "du tiers", "fraction", "claim") in rows
    assert (SOURCE, "le quart", "fraction", "claim") in rows
    assert (SECOND, "5,2 pour 10 000", "other", "observation") in rows
    assert all(accounted for *_, accounted in rows)


def test_shares_with_a_definite_article_are_checked_as_claims(release):
    rows = query(
        release,
        "SELECT source_id, quote, rule, verdict FROM fact_claim WHERE source_id IN (?, ?) "
        "ORDER BY source_id, char_start",
        SOURCE,
        SECOND,
    )
    assert rows == [
        (SOURCE, "Près du tiers", "nearly", "supported"),  # 31 % is near a third
        (SOURCE, "le quart", "one_quarter", "supported"),
        (SECOND, "Le quart", "one_quarter", "supported"),
    ]


def test_a_rate_per_ten_thousand_agrees_with_the_same_rate_per_hundred_thousand(release):
    rows = query(
        release,
        "SELECT source_id, stated_value, stated_unit, status, published_value, published_unit "
        "FROM fact_reconciliation WHERE observation_id = ? ORDER BY source_id",
        RATE,
    )
    # 5,2 per 10,000 is [51.5, 52.5) per 100,000; 52,3 is [52.25, 52.35)
    assert rows == [
        (SOURCE, 52.3, "per_hundred_thousand", "agrees", 52.3, "per_hundred_thousand"),
        (SECOND, 5.2, "per_ten_thousand", "agrees", 52.3, "per_hundred_thousand"),
    ]
    converted = query(
        release,
        "SELECT r.source_id, round(r.stated_value * u.factor_to_base, 6), u.base_unit "
        "FROM fact_reconciliation r JOIN dim_unit u ON u.unit = r.stated_unit "
        "WHERE r.observation_id = ? ORDER BY r.source_id",
        RATE,
    )
    assert converted == [
        (SOURCE, 52.3, "per_hundred_thousand"),
        (SECOND, 52.0, "per_hundred_thousand"),
    ]


def test_no_respondent_count_or_interval_is_derived_from_a_rate(release):
    rows = query(
        release,
        "SELECT DISTINCT o.unit FROM fact_derived d JOIN fact_observation o "
        "ON o.observation_id = string_split(d.input_observation_ids, ' ')[1] "
        "WHERE d.survey_id = ?",
        SURVEY,
    )
    assert rows == [("percent",)]  # the two shares of establishments only


def test_the_page_writes_each_rate_with_its_symbol(release):
    page = (release / survey_page(SURVEY)).read_text(encoding="utf-8")
    for label in ("Rate: 52.3 per 100,000", "Rate: 1.4 per 10,000", "Rate: 12.5 ‰"):
        assert f'aria-label="{label}"' in page


def test_a_rate_in_another_unit_is_refused_with_the_unit_it_is_written_in(tmp_path):
    found = refused_after_edit(
        tmp_path,
        DATA,
        SECOND,
        "  value: 5.2\n  unit: per_ten_thousand\n",
        "  value: 52\n  unit: per_hundred_thousand\n",
    )
    assert "observations[0] (id: hospitalisation_rate)" in found
    assert "'5,2 pour 10 000' reads as a measure in per_ten_thousand" in found


def test_frictionless_validates_a_release_with_rates(release):
    report = frictionless_report(release)
    assert report["valid"], errors_of(report)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Il atteint 52,3 pour 100 000 habitants.", "52,3 pour 100 000", "per_hundred_thousand"),
        ("Soit 12,4 cas pour 100\u00a0000 habitants.", "12,4 cas pour 100\u00a0000", None),
        ("Soit 3,6 décès pour 1 000 naissances.", "3,6 décès pour 1 000", "per_thousand"),
        ("Soit 4,2 pour 10.000 habitants.", "4,2 pour 10.000", "per_ten_thousand"),
        ("Soit 5 cas pour mille.", "5 cas pour mille", "per_thousand"),
        ("Un taux de 3,6 ‰.", "3,6 ‰", "per_thousand"),
        # "par" as well as "pour"; a rate per million
        ("Soit 12,4 cas par 100 000 habitants.", "12,4 cas par 100 000", None),
        ("Soit 8 décès par 1 000 naissances.", "8 décès par 1 000", "per_thousand"),
        ("Soit 96 tués par million d'habitants.", "96 tués par million", "per_million"),
        ("Soit 5,2 décès pour un million de doses.", "5,2 décès pour un million", "per_million"),
        ("Un taux de 35 pour 1 000 000.", "35 pour 1 000 000", "per_million"),
    ],
)
def test_the_draft_proposes_a_rate_in_its_unit(text, surface, unit):
    (m,) = extract_mentions(text)
    assert m.surface == surface
    entry = draft_entry(m, text)
    assert entry["as_observation"]["unit"] == (unit or "per_hundred_thousand")
