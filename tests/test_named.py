"""A number that is part of a name is proposed as ignored with its reason; a count written
after a capitalised word is not (raw/lexicon/fr_numbers.yml: names)."""

import pytest

from pipeline.draft import draft_entry
from pipeline.extract import extract_mentions
from pipeline.named import name_of


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
