"""One article reporting figures of two surveys, written for the tests and added as a curator
adds it: the annotation file's survey_id is the default, and the entries of the second survey
name their own. Each figure is published under its own survey, on that survey's bases, with
that survey's sample size and fieldwork dates."""

from pathlib import Path

import pytest

from .conftest import published_figures, query, refused_after_edit, release_with, traced_numbers

DATA = Path(__file__).parent / "data" / "two_surveys"
SOURCE = "teletravail_deux_enquetes"
APEC, MALAKOFF = "apec_cadres_2025", "malakoff_teletravail_2025"


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_with(tmp_path_factory.mktemp("two_surveys"), DATA)


def test_each_figure_is_published_under_its_own_survey_and_base(release):
    assert published_figures(release, APEC, SOURCE) == {
        f"{APEC}.remote_work_weekly.yes.apec_2025_managers": (
            61.0,
            "percent",
            0,
            60.5,
            61.5,
            "61 %",
        ),
        f"{APEC}.remote_work_three_days.yes.apec_2025_managers": (
            18.0,
            "percent",
            0,
            17.5,
            18.5,
            "18 %",
        ),
    }
    assert published_figures(release, MALAKOFF, SOURCE) == {
        f"{MALAKOFF}.remote_work_regular.yes.malakoff_2025_employees": (
            34.0,
            "percent",
            0,
            33.5,
            34.5,
            "34 %",
        ),
        f"{MALAKOFF}.remote_work_quality_of_life.yes.malakoff_2025_regular_remote": (
            72.0,
            "percent",
            0,
            71.5,
            72.5,
            "72 %",
        ),
    }


def test_each_survey_has_its_own_sample_and_fieldwork(release):
    rows = query(
        release,
        "SELECT survey_id, sample_size, fieldwork_start, fieldwork_end FROM dim_survey "
        "WHERE survey_id IN (?, ?) ORDER BY survey_id",
        APEC,
        MALAKOFF,
    )
    assert [(s, n, str(a), str(b)) for s, n, a, b in rows] == [
        (APEC, 1500, "2025-05-02", "2025-05-16"),
        (MALAKOFF, 2003, "2025-06-03", "2025-06-24"),
    ]
    # The respondents behind a share are counted on its own survey's sample.
    counts = query(
        release,
        "SELECT input_observation_ids, value FROM fact_derived WHERE kind = 'respondent_count' "
        "AND survey_id IN (?, ?) ORDER BY 1",
        APEC,
        MALAKOFF,
    )
    assert [(ids.split(".")[0], round(v, 2)) for ids, v in counts] == [
        (APEC, 270.0),  # three days or more: 18 % of 1,500
        (APEC, 915.0),  # weekly: 61 % of 1,500
        (MALAKOFF, 681.02),  # regular: 34 % of 2,003
    ]


def test_both_surveys_trace_to_the_one_article(release):
    assert traced_numbers(release, DATA, SOURCE) == ["61 %", "18 %", "34 %", "72 %"]
    sources = query(
        release,
        "SELECT DISTINCT o.survey_id FROM fact_evidence e JOIN fact_observation o "
        "USING (observation_id) WHERE e.source_id = ? ORDER BY 1",
        SOURCE,
    )
    assert sources == [(APEC,), (MALAKOFF,)]


def test_a_base_of_the_other_survey_is_refused(tmp_path):
    report = refused_after_edit(
        tmp_path,
        DATA,
        SOURCE,
        "population_id: malakoff_2025_regular_remote",
        "population_id: apec_2025_managers",
    )
    assert (
        "| observations[3] (id: quality_of_life) | population 'apec_2025_managers' belongs to "
        f"survey '{APEC}', not '{MALAKOFF}' | use a population of the observation's survey |"
    ) in report
