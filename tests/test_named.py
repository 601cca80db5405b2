"""A number that is part of a name, or an ordinal, is proposed as ignored with its reason; a
count written after a capitalised word is not (raw/lexicon/fr_numbers.yml: names,
ordinal_reason)."""

import pytest

from pipeline.draft import draft_entry
from pipeline.extract import extract_mentions
from pipeline.named import department_of, name_of, ordinal_of, rule_of


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Seules 8 % des PME connaissent la directive NIS 2.", "NIS 2", "NIS 2"),
        ("Le CAC 40 a reculé de 1,8 %.", "CAC 40", "CAC 40"),
        ("Le COVID-19 circule encore.", "COVID-19", "COVID-19"),
        ("La ligne 14 transporte 1 million de voyageurs.", "ligne 14", "ligne 14"),
        ("Le numéro 3018 a reçu 43 000 appels.", "numéro 3018", "numéro 3018"),
        ("Le siège, situé au 12, avenue Foch, a coûté cher.", "12, avenue", "12, avenue"),
        ("Au 3 bis rue de la Paix.", "3 bis rue", "3 bis rue"),
        ("Les résultats de PIRLS 2021 sont publiés.", "PIRLS 2021", "PIRLS 2021"),
        # figures, not names
        ("Seuls 11 salariés ont répondu.", "11", None),
        ("Le chiffre a été multiplié par 3,4.", "multiplié par 3,4", None),
        ("Elle arrive 15e du classement.", "15e", None),
        ("Un effort de deux fois plus.", "deux fois plus", None),
        ("Les 12 rues piétonnes.", "12", None),
    ],
)
def test_name_of(text, surface, name):
    (m,) = [m for m in extract_mentions(text) if m.surface == surface]
    assert name_of(m, text) == name


def test_a_number_of_a_name_is_proposed_as_ignored_with_its_reason():
    text = "Seules 8 % des PME connaissent la directive NIS 2."
    drafted = {m.surface: draft_entry(m, text) for m in extract_mentions(text)}
    assert "as_observation" not in drafted["NIS 2"]
    assert drafted["NIS 2"]["as_ignore"]["reason"] == (
        "Number of a name (NIS 2), not a figure of the survey"
    )
    assert drafted["8 %"]["as_observation"]["unit"] == "percent"


@pytest.mark.parametrize(
    ("text", "surface", "ordinal"),
    [
        ("Elle se classe 12e du classement.", "12e", "12e"),
        ("Harvard conserve la 1re place, devant Stanford (2e).", "1re", "1re"),
        ("La 5ème édition, le 2nd tour.", "5ème", "5ème"),
        ("Au 1er trimestre, le 2nd tour.", "2nd", "2nd"),
        # a count, a name, an hour: no ordinal
        ("Les 12 rues piétonnes.", "12", None),
        ("La ligne 14 est fermée.", "ligne 14", None),
        ("Ouvert de 9 h à 21 h.", "9 h", None),
    ],
)
def test_ordinal_of(text, surface, ordinal):
    (m,) = [m for m in extract_mentions(text) if m.surface == surface]
    assert ordinal_of(m) == ordinal


def test_an_ordinal_is_proposed_as_ignored_with_its_reason():
    text = "L'université PSL arrive au 33e rang, avec 27 % d'étudiants étrangers."
    drafted = {m.surface: draft_entry(m, text) for m in extract_mentions(text)}
    assert "as_observation" not in drafted["33e"]
    assert drafted["33e"]["as_ignore"]["reason"] == (
        "Ordinal (33e), a rank or an order, not a figure of the survey"
    )
    assert drafted["27 %"]["as_observation"]["unit"] == "percent"


@pytest.mark.parametrize(
    ("text", "surface", "department"),
    [
        ("Nantes (44) : le tramway transporte 320 000 voyageurs.", "44", "Nantes (44)"),
        ("À Saint-Herblain (44), la station a ouvert.", "44", "Saint-Herblain (44)"),
        ("Selon la mairie de Bourg-en-Bresse (01), 12 écoles.", "01", "Bourg-en-Bresse (01)"),
        ("Saint-Denis (974) accueille 150 000 habitants.", "974", "Saint-Denis (974)"),
        # a list of places with counts, a number too large, a number after a lowercase word
        ("Les villes les plus touchées : Paris (12), Lyon (8).", "12", None),
        ("Les villes les plus touchées : Paris (12), Lyon (8).", "8", None),
        ("Le siège de Lille (128) ferme.", "128", None),
        ("Le score (45) reste bas.", "45", None),
        ("Saint-Nazaire (72 000 habitants) grandit.", "72 000", None),
    ],
)
def test_department_of(text, surface, department):
    (m,) = [m for m in extract_mentions(text) if m.surface == surface]
    assert department_of(m, text) == department


@pytest.mark.parametrize(
    ("text", "surface", "rule"),
    [
        (
            "34 % sont favorables à la semaine de quatre jours.",
            "quatre jours",
            "semaine de quatre jours",
        ),
        ("La retraite à 64 ans est rejetée par 68 %.", "64 ans", "retraite à 64 ans"),
        ("Le passage à la semaine des 4 jours avance.", "4 jours", "semaine des 4 jours"),
        (
            "Vers la semaine de\u00a0quatre\njours.",
            "quatre\njours",
            "semaine de\u00a0quatre\njours",
        ),
        # how long or how old, not a rule's name
        ("Ils travaillent 4 jours par semaine.", "4 jours", None),
        ("L'âge moyen de départ est de 62,7 ans.", "62,7 ans", None),
    ],
)
def test_rule_of(text, surface, rule):
    (m,) = [m for m in extract_mentions(text) if m.surface == surface]
    assert rule_of(m, text) == rule
