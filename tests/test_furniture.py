"""Numbers on the lines of the web page around an article (related links, reading time,
comments, credits) are proposed as ignore entries with their reason, never as figures
(raw/lexicon/fr_page.yml)."""

import pytest

from pipeline.draft import draft_entry
from pipeline.extract import extract_mentions

PAGE = (
    "Par Jean Dupont\n"
    "Temps de lecture : 3 min\n"
    "\n"
    "Selon l'enquête, 53 % des salariés sont satisfaits.\n"
    "Crédit immobilier : 45 % des ménages hésitent.\n"
    "Partager ses données : 40 % des Français refusent.\n"
    "Les commentaires négatifs représentent 12 % des avis.\n"
    "Le journal compte 120 000 abonnés.\n"
    "\n"
    "Lire aussi : Emploi : 120 000 postes à pourvoir\n"
    "À lire aussi – 7 jeunes sur 10 inquiets\n"
    "Partager · 12 commentaires\n"
    "Vous avez aimé cet article ? Abonnez-vous dès 1 € le premier mois.\n"
    "Page 3 / 12\n"
)


def _drafted() -> list[tuple[str, int, str | None, str]]:
    return [
        (m.surface, m.start, d.get("as_observation", {}).get("unit"), d["as_ignore"]["reason"])
        for m in extract_mentions(PAGE)
        for d in [draft_entry(m, PAGE)]
    ]


@pytest.mark.parametrize(
    ("surface", "line"),
    [
        ("3 min", "Temps de lecture : 3 min"),
        ("120 000", "Lire aussi : Emploi : 120 000 postes à pourvoir"),
        ("7 jeunes sur 10", "À lire aussi – 7 jeunes sur 10 inquiets"),
        ("12", "Partager · 12 commentaires"),
        ("1 €", "Vous avez aimé cet article ? Abonnez-vous dès 1 € le premier mois."),
        ("Page 3", "Page 3 / 12"),
    ],
)
def test_a_number_of_the_page_around_the_article_is_proposed_as_ignored(surface, line):
    (found,) = [d for d in _drafted() if d[0] == surface and d[1] >= PAGE.index(line)][:1]
    assert found[2] is None  # no observation proposed
    assert found[3] == f"Page furniture around the article ({line}), not a figure of the survey"


@pytest.mark.parametrize(
    ("surface", "unit"),
    [("53 %", "percent"), ("45 %", "percent"), ("40 %", "percent"), ("12 %", "percent")],
)
def test_a_figure_of_the_article_is_proposed_whatever_its_line_starts_with(surface, unit):
    (found,) = [d for d in _drafted() if d[0] == surface]
    assert found[2] == unit
    assert found[3].startswith("TODO")


def test_a_count_of_the_article_is_no_furniture():
    first = PAGE.index("120 000")
    (found,) = [d for d in _drafted() if d[1] == first]
    assert found[2] == "count"


NOTED = (
    "• 74 % des Français se disent inquiets (1)\n"
    "• 28 % ont renoncé à l'avion [2].\n"
    "Les villes les plus touchées : Paris (12), Lyon (8).\n"
    "\n"
    "(1) Sondage réalisé auprès de 1 000 personnes.\n"
    "[2] Au cours de l'année.\n"
)


def test_the_marks_of_notes_are_proposed_as_ignored():
    drafted = {
        (m.surface, m.start): (d.get("as_observation", {}).get("unit"), d["as_ignore"]["reason"])
        for m in extract_mentions(NOTED)
        for d in [draft_entry(m, NOTED)]
    }
    marks = {k: v for k, v in drafted.items() if k[0] in ("1", "2")}
    assert sorted(marks.values()) == [
        (None, "Mark of the note (1), not a figure of the survey"),
        (None, "Mark of the note (1), not a figure of the survey"),
        (None, "Mark of the note [2], not a figure of the survey"),
        (None, "Mark of the note [2], not a figure of the survey"),
    ]
    # figures, and counts in brackets with no note of that mark, stay observations
    assert {k[0]: v[0] for k, v in drafted.items() if k[0] not in ("1", "2")} == {
        "74 %": "percent",
        "28 %": "percent",
        "12": "count",
        "8": "count",
        "1 000": None,  # the sample size: an attribute of the survey
    }


HEADLINED = (
    "Publié le 12/03/2025\n"
    "\n"
    "Écrans : les adolescents passent 4 h 12 par jour sur leur téléphone, 58 % en 2024\n"
    "\n"
    "Selon l'enquête, les 15-17 ans passent 4h12 par jour sur leur téléphone en semaine. "
    "Ils sont 61 % à le consulter la nuit.\n"
)


@pytest.mark.parametrize(
    ("surface", "reason"),
    [
        # stated again after the headline: annotated there, with its base
        (
            "4 h 12",
            "Headline repeating a number the text states again (Écrans : les adolescents "
            "passent 4 h 12 par jour sur leur téléphone, 58 % en 2024), not a figure of its own",
        ),
        # stated in the headline alone: a figure
        ("58 %", None),
        # a date keeps its own reason; the text's own numbers are figures
        ("2024", "Date (2024), not a figure of the survey"),
        ("4h12", None),
    ],
)
def test_a_headline_number_the_text_states_again_is_proposed_as_ignored(surface, reason):
    (m,) = [m for m in extract_mentions(HEADLINED) if m.surface == surface]
    drafted = draft_entry(m, HEADLINED)
    if reason is None:
        assert "as_observation" in drafted
    else:
        assert "as_observation" not in drafted
        assert drafted["as_ignore"]["reason"] == reason


def test_a_headline_drops_the_hedge_of_the_number_it_repeats():
    text = (
        "Tempête : des rafales à 150 km/h, 120 000 foyers privés d'électricité\n\n"
        "Des rafales jusqu'à 150 km/h ont balayé la côte ; quelque 120 000 foyers étaient "
        "privés d'électricité, et 200 000 la veille.\n"
    )
    reasons = {
        (m.surface, m.start < 70): draft_entry(m, text)["as_ignore"]["reason"]
        for m in extract_mentions(text)
    }
    headline = "Tempête : des rafales à 150 km/h, 120 000 foyers privés d'électricité"
    repeat = (
        f"Headline repeating a number the text states again ({headline}), not a figure of its own"
    )
    assert reasons[("150 km/h", True)] == repeat
    assert reasons[("120 000", True)] == repeat
    assert reasons[("150 km/h", False)].startswith("TODO")
