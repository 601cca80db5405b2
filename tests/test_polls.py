"""A voting-intention poll written for the tests and added as a curator adds it: the scores'
changes since the previous wave are written as signed numbers after them ("(27 %, +3)",
"(-2 par rapport à janvier)") and published as changes in points, on the base the article
names (valid votes)."""

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

DATA = Path(__file__).parent / "data" / "municipal_poll"
SURVEY = "ifop_lyon_2026"
SOURCE = "lyon_municipales_ifop"
BASE = "lyon_2026_expressed"

# observation id (without the survey and base) → value, unit, decimals, value_low, value_high,
# as written
EXPECTED = {
    "lyon_first_round_intention.incumbent_list": (34.0, "percent", 0, 33.5, 34.5, "34 %"),
    "lyon_first_round_intention.union_right_list": (27.0, "percent", 0, 26.5, 27.5, "27 %"),
    "lyon_first_round_intention.rn_list": (14.0, "percent", 0, 13.5, 14.5, "14 %"),
    "lyon_first_round_intention_change.incumbent_list": (-2.0, "points", 0, -2.5, -1.5, "-2"),
    "lyon_first_round_intention_change.union_right_list": (3.0, "points", 0, 2.5, 3.5, "+3"),
}


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_with(tmp_path_factory.mktemp("polls"), DATA)


def test_scores_and_their_signed_changes_are_published(release):
    expected = {f"{SURVEY}.{k}.{BASE}": v for k, v in EXPECTED.items()}
    assert published_figures(release, SURVEY, SOURCE) == expected


def test_each_change_traces_to_its_sign_and_digits(release):
    assert traced_numbers(release, DATA, SOURCE) == ["34 %", "-2", "27 %", "+3", "14 %"]


def test_every_number_of_the_text_is_accounted_for(release):
    rows = query(
        release,
        "SELECT surface, kind, value_number, accounted_by FROM fact_mention "
        "WHERE source_id = ? ORDER BY char_start",
        SOURCE,
    )
    assert ("+3", "count", 3.0, "observation") in rows
    assert ("-2", "count", -2.0, "observation") in rows
    assert ("1,5", "points", 1.5, "attribute") in rows  # "de ± 1,5 à ± 3,5 points"
    assert all(accounted for *_, accounted in rows)


def test_the_margins_of_error_are_published_with_the_survey_and_their_quote(release):
    assert query(
        release,
        "SELECT margin_of_error_min, margin_of_error FROM dim_survey WHERE survey_id = ?",
        SURVEY,
    ) == [(1.5, 3.5)]
    assert query(
        release,
        "SELECT attribute, value, quote FROM attribute_evidence "
        "WHERE entity_id = ? AND attribute LIKE 'margin%' ORDER BY attribute",
        SURVEY,
    ) == [
        ("margin_of_error", "3.5", "marges d'erreur vont de ± 1,5 à ± 3,5 points"),
        ("margin_of_error_min", "1.5", "marges d'erreur vont de ± 1,5"),
    ]
    page = (release / survey_page(SURVEY)).read_text(encoding="utf-8")
    assert "margins of error ±1.5 to ±3.5 points." in page
    # beside every figure of the survey in the analysts' view
    assert query(
        release,
        "SELECT DISTINCT survey_margin_of_error FROM observations WHERE survey_id = ?",
        SURVEY,
    ) == [(3.5,)]


def test_frictionless_validates_a_release_with_margins_of_error(release):
    report = frictionless_report(release)
    assert report["valid"], errors_of(report)


def test_a_margin_of_error_the_survey_file_does_not_record_is_refused(tmp_path):
    found = refused_after_edit(
        tmp_path,
        DATA,
        SOURCE,
        "    value: '3.5'\n",
        "    value: '3'\n",
    )
    assert "the text states margin_of_error = '3' but" in found


def test_the_base_of_every_score_is_the_valid_votes(release):
    rows = query(
        release,
        "SELECT DISTINCT population_id, population_label_en FROM observations WHERE survey_id = ?",
        SURVEY,
    )
    assert rows == [(BASE, "Registered voters stating a first-round voting intention")]


def test_a_signed_count_is_no_relative_change(tmp_path):
    found = refused_after_edit(
        tmp_path,
        DATA,
        SOURCE,
        "    value: 3\n    unit: points\n",
        "    value: 3\n    unit: percent_change\n",
    )
    assert "observations[3] (id: union_right_change)" in found
    assert "'+3' reads as a count, not a percent_change" in found
