"""A barometer article with a table, written for the tests and added as a curator adds it: the
table's heading gives its unit once ("Confiance dans les institutions (en %)") over rows of
bare numbers, and its 2024 column is the previous wave. Each cell is published in percent,
under the survey of its wave, traced to its own characters."""

from pathlib import Path

import pytest

from .conftest import published_figures, query, refused_after_edit, release_with, traced_numbers

DATA = Path(__file__).parent / "data" / "trust_barometer"
SOURCE = "cevipof_confiance_vague16"
WAVE, PREVIOUS = "cevipof_confiance_2025", "cevipof_confiance_2024"


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_with(tmp_path_factory.mktemp("tables"), DATA)


def test_each_cell_is_published_in_percent_under_its_wave(release):
    institutions = {
        k: v
        for k, v in published_figures(release, WAVE, SOURCE).items()
        if ".trust_in_institution." in k
    }
    assert institutions == {
        f"{WAVE}.trust_in_institution.mayor.cevipof_2025_all": (
            61.0,
            "percent",
            0,
            60.5,
            61.5,
            "61",
        ),
        f"{WAVE}.trust_in_institution.parliament.cevipof_2025_all": (
            24.0,
            "percent",
            0,
            23.5,
            24.5,
            "24",
        ),
        f"{WAVE}.trust_in_institution.government.cevipof_2025_all": (
            22.0,
            "percent",
            0,
            21.5,
            22.5,
            "22",
        ),
    }
    assert published_figures(release, PREVIOUS, SOURCE) == {
        f"{PREVIOUS}.trust_in_institution.mayor.cevipof_2024_all": (
            63.0,
            "percent",
            0,
            62.5,
            63.5,
            "63",
        ),
        f"{PREVIOUS}.trust_in_institution.parliament.cevipof_2024_all": (
            28.0,
            "percent",
            0,
            27.5,
            28.5,
            "28",
        ),
        f"{PREVIOUS}.trust_in_institution.government.cevipof_2024_all": (
            27.0,
            "percent",
            0,
            26.5,
            27.5,
            "27",
        ),
    }


def test_each_cell_traces_to_its_row_and_column(release):
    text = (DATA / "sources" / SOURCE / "article.txt").read_text(encoding="utf-8")
    rows = query(
        release,
        "SELECT o.survey_id, o.category_id, e.number_start FROM fact_observation o "
        "JOIN fact_evidence e USING (observation_id) WHERE e.source_id = ? "
        "AND o.variable_id = 'trust_in_institution' ORDER BY e.number_start",
        SOURCE,
    )
    lines = {"mayor": "Le maire", "parliament": "Le Parlement", "government": "Le gouvernement"}
    for survey, category, start in rows:
        line = text[text.rfind("\n", 0, start) + 1 : text.find("\n", start)]
        assert line.startswith(lines[category])
        first, second = line.split()[-2:]  # the 2024 column, then the 2025 one
        written = first if survey == PREVIOUS else second
        assert text[start : start + len(written)] == written
    assert traced_numbers(release, DATA, SOURCE)[:6] == ["63", "61", "28", "24", "27", "22"]


def test_the_claim_on_a_share_in_words_is_checked(release):
    assert query(
        release, "SELECT quote, rule, verdict FROM fact_claim WHERE source_id = ?", SOURCE
    ) == [("Près de quatre Français sur dix", "nearly", "supported")]


def test_a_cell_published_in_another_unit_than_the_heading_is_refused(tmp_path):
    report = refused_after_edit(
        tmp_path,
        DATA,
        SOURCE,
        "  value: 61.0\n  unit: percent",
        "  value: 61.0\n  unit: points",
    )
    assert "'61' reads as a count, not a points" in report
    assert "write unit: count, number or percent" in report
