"""Case table: the words of a table written in the text (cells split by "|" or tabs) that may
name the group of a number in one of its cells (pipeline/table_cells.py)."""

import pytest

from pipeline.draft import draft_entry
from pipeline.extract import extract_mentions
from pipeline.table_cells import Cell, cell_base_words, cell_of, heading_cell, row_label

CROSS_TAB = (
    "Question : « Envisagez-vous d'acheter une voiture électrique ? »\n"
    "\n"
    "| Réponse | Ensemble | Moins de 35 ans | 65 ans et plus |\n"
    "|---|---|---|---|\n"
    "| Oui | 31 % | 45 % | 17 % |\n"
    "| Non | 69 % | 55 % | 83 % |\n"
)
BY_YEAR = "Taille\t2022\t2023\nTPE\t18\t23\nPME\t31\t38\n"
MEASURES = (
    "| Candidat | Intentions de vote | Évolution |\n| A | 31,5 % | +1,5 |\n| B | 22 % | -2 |\n"
)
NO_OUTER_BARS = "Région | T3 2024 | T3 2025\nBretagne | 12 % | 14 %\n"


def _words(text: str) -> dict[str, list[str]]:
    return {m.surface: cell_base_words(m, text) for m in extract_mentions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the column's heading names the group
        (
            CROSS_TAB,
            {"35 ans": [], "65 ans": []}  # the heading's own numbers
            | {"31 %": ["Ensemble"], "45 %": ["Moins de 35 ans"], "17 %": ["65 ans et plus"]}
            | {"69 %": ["Ensemble"], "55 %": ["Moins de 35 ans"], "83 %": ["65 ans et plus"]},
        ),
        # under a period, the row's label
        (
            BY_YEAR,
            {"2022": [], "2023": [], "18": ["TPE"], "23": ["TPE"], "31": ["PME"], "38": ["PME"]},
        ),
        (NO_OUTER_BARS, {"T3 2024": [], "T3 2025": [], "12 %": ["Bretagne"], "14 %": ["Bretagne"]}),
        # a row's label that names a group of people names it; the columns are answers
        (
            "| Âge | Favorables | Opposés |\n| 18-34 ans | 52 | 48 |\n| 65 ans et plus | 39 | 61 |",
            {"18": [], "34 ans": [], "52": ["18-34 ans"], "48": ["18-34 ans"]}
            | {"65 ans": [], "39": ["65 ans et plus"], "61": ["65 ans et plus"]},
        ),
        (
            "| Catégorie | Oui | Non |\n| Cadres | 61 | 39 |\n"
            "| PME de 10 à 49 salariés | 44 | 56 |",
            {"61": ["Cadres"], "39": ["Cadres"], "10": [], "49": []}
            | {"44": ["PME de 10 à 49 salariés"], "56": ["PME de 10 à 49 salariés"]},
        ),
        # under a measure's heading, neither: the row may be a category
        (MEASURES, {"31,5 %": [], "+1,5": [], "22 %": [], "-2": []}),
        # no table: prose, a single bar, a heading of another width
        ("Ventes : 45 % des magasins.", {"45 %": []}),
        ("Oui | 45 %", {"45 %": []}),
        ("| A | B |\n| Oui | 45 % | 12 % |\n", {"45 %": [], "12 %": []}),
    ],
)
def test_cell_base_words(text, expected):
    assert _words(text) == expected


def test_cell_of_gives_the_row_label_and_the_column_heading():
    (m,) = [m for m in extract_mentions(CROSS_TAB) if m.surface == "55 %"]
    assert cell_of(m, CROSS_TAB) == Cell("Non", "Moins de 35 ans")


def test_the_draft_shows_a_cells_group_as_base_words():
    (m,) = [m for m in extract_mentions(CROSS_TAB) if m.surface == "45 %"]
    drafted = draft_entry(m, CROSS_TAB)
    assert drafted["base_words"] == ["Moins de 35 ans"]
    assert drafted["as_observation"]["unit"] == "percent"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number in a group's heading bounds that group
        (CROSS_TAB, {"35 ans": "Moins de 35 ans", "65 ans": "65 ans et plus"}),
        (
            "\tMoins de 25 ans\t25-49 ans\nOui\t40 %\t35 %\n",
            {"25 ans": "Moins de 25 ans", "25": "25-49 ans", "49 ans": "25-49 ans"}
            | {"40 %": None, "35 %": None},
        ),
        # a period, a measure, a row, a line with no row under it: none
        (BY_YEAR, {"2022": None, "2023": None, "18": None}),
        ("| Taux | Part en % |\n| 12 | 45 % |\n", {"12": None, "45 %": None}),
        ("| Moins de 35 ans | 12 |\n", {"35 ans": None, "12": None}),
        # the first row of a table with no heading: its cells are numbers alone
        ("| A | 27 % | 35 ans |\n| B | 14 % | 40 ans |\n", {"27 %": None, "35 ans": None}),
    ],
)
def test_heading_cell(text, expected):
    found = {m.surface: heading_cell(m, text) for m in extract_mentions(text)}
    assert {k: found[k] for k in expected} == expected


BAROMETER = (
    "Confiance dans les institutions (en %)\n"
    "Base : ensemble (n = 2 105)\n"
    "\n"
    "Les hôpitaux : 76 (+2)\n"
    "Les médias : 29 (-3)\n"
)
POLL = (
    "Question : « Pour qui voteriez-vous ? » Base : inscrits certains d'aller voter (n=743).\n"
    "\n"
    "| Candidat | Intentions de vote | Évolution |\n"
    "| A | 31,5 % | +1,5 |\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label in a table's caption names the base of its rows; a signed cell is a change
        (
            BAROMETER,
            {
                "76": ("percent", 76.0, ["ensemble"]),
                "+2": ("points", 2.0, ["ensemble"]),
                "29": ("percent", 29.0, ["ensemble"]),
                "-3": ("points", -3.0, ["ensemble"]),
            },
        ),
        (
            POLL,
            {
                "31,5 %": ("percent", 31.5, ["inscrits certains d'aller voter"]),
                "+1,5": ("points", 1.5, ["inscrits certains d'aller voter"]),
            },
        ),
        # a label elsewhere than over a table names no base of a sentence's figure
        ("Base : ensemble.\n\nSelon l'étude, 45 % hésitent.\n", {"45 %": ("percent", 45.0, None)}),
    ],
)
def test_a_label_over_a_table_names_the_base_of_its_rows(text, expected):
    drafted = {m.surface: draft_entry(m, text) for m in extract_mentions(text)}
    assert {
        s: (
            drafted[s]["as_observation"]["unit"],
            drafted[s]["as_observation"]["value"],
            drafted[s].get("base_words"),
        )
        for s in expected
    } == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the size of a part of the sample is no sample size
        (
            "Question : « Pour qui ? » Base : inscrits certains d'aller voter (n=743).",
            {
                "743": "Number of respondents of a part of the sample (inscrits certains "
                "d'aller voter, n = 743), not a figure of the survey"
            },
        ),
        # so is that of a group opened before the bracket
        (
            "Sondage auprès de 1 011 personnes. Chez les actifs (n=612), le rejet atteint 71 %.",
            {
                "1 011": "sample_size",
                "612": "Number of respondents of a part of the sample (Chez les actifs, "
                "n = 612), not a figure of the survey",
            },
        ),
        (
            "Il est minoritaire chez les retraités (n = 287), à 46 %.",
            {
                "287": "Number of respondents of a part of the sample (chez les retraités, "
                "n = 287), not a figure of the survey"
            },
        ),
        # every respondent's is
        ("Base : ensemble (n = 2 105)\n", {"2 105": "sample_size"}),
        ("Base : l'ensemble des répondants (n = 1 001).", {"1 001": "sample_size"}),
    ],
)
def test_the_size_after_a_label_is_the_samples_when_it_names_everyone(text, expected):
    drafted = {m.surface: draft_entry(m, text, survey_id="s") for m in extract_mentions(text)}
    assert {
        s: drafted[s]["as_attributes"][0]["attribute"]
        if "as_attributes" in drafted[s]
        else drafted[s]["as_ignore"]["reason"]
        for s in expected
    } == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the label of a row names what its figures are about
        (
            "| Âge | Favorables |\n| 18-34 ans | 48 |\n| 65 ans et plus | 71 |\n",
            {"18": "18-34 ans", "34 ans": "18-34 ans", "48": None, "71": None},
        ),
        (
            "Revenu\tPart\nMoins de 1 000 €\t12\nPlus de 3 000 €\t31\n",
            {"1 000 €": "Moins de 1 000 €", "12": None, "3 000 €": "Plus de 3 000 €"}
            | {"31": None},
        ),
        # not the heading line, nor a row with no number, nor a table with no labels
        ("| 2 pièces | 3 pièces |\n| 480 € | 610 € |\n", {"480 €": None, "610 €": None}),
        ("| Ville | Note |\n| 12 villes | bonne |\n", {"12": None}),
        ("| A | B |\n| 12 | 31 |\n", {"12": None, "31": None}),
        # nor a number of a sentence
        ("Les 18-34 ans sont 48 %.", {"48 %": None}),
    ],
)
def test_row_label(text, expected):
    found = {m.surface: row_label(m, text) for m in extract_mentions(text)}
    assert {surface: found[surface] for surface in expected} == expected


def test_the_draft_proposes_a_number_of_a_row_label_as_ignored_with_its_reason():
    text = "| Âge | Favorables |\n| 18-34 ans | 48 |\n"
    drafted = {m.surface: draft_entry(m, text) for m in extract_mentions(text)}
    assert "as_observation" not in drafted["18"]
    assert drafted["18"]["as_ignore"]["reason"] == (
        "Number in the label of a table's row (18-34 ans), which names what its figures are "
        "about, not a figure of the survey"
    )
    assert drafted["48"]["as_observation"]["unit"] == "count"
