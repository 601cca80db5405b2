"""Case table: the unit a heading declares for the bare numbers written after it."""

import pytest

from pipeline.extract.declared import declaration, declared_units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Confiance dans les institutions (en %)   2024   2025", (("percent",), 33, 37, 1.0)),
        ("Part des ménages (%) : 45", (("percent",), 17, 20, 1.0)),
        ("Résultats en pourcentage des répondants", (("percent",), 10, 24, 1.0)),
        ("Écart, en points : 5", (("points",), 7, 16, 1.0)),
        ("Évolution en points de pourcentage", (("points",), 10, 34, 1.0)),
        ("(en %) puis, en points, les écarts", (("points",), 13, 22, 1.0)),  # the last counts
        # Amounts: a currency, counted in a scale, ending the heading.
        ("Chiffre d'affaires (en millions d'euros)", (("euro",), 23, 39, 1e6)),
        ("Budget (M€) : 12", (("euro",), 8, 10, 1e6)),
        ("Salaire (en €)", (("euro",), 12, 13, 1.0)),
        ("Ventes en milliers de dollars", (("us_dollar", "canadian_dollar"), 10, 29, 1e3)),
        ("Montant (en Mds €)", (("euro",), 12, 17, 1e9)),
        ("Les ventes en euros courants", None),  # "euros" does not end a heading here
        # Not a heading: a percent written with its number, or the words inside another word.
        ("Soit 12 % et 15 % des sondés", None),
        ("Le maire   63", None),
        ("les agents en pointsvente", None),
    ],
)
def test_declaration(text, expected):
    assert declaration(text) == expected


def test_declaration_within_bounds():
    text = "(en %) Le maire 63 | (en points) écart 5"
    assert declaration(text, 0, text.index("63")) == (("percent",), 1, 5, 1.0)
    assert declaration(text, 0, text.index("écart")) == (("points",), 22, 31, 1.0)
    assert declaration(text, 7) == (("points",), 22, 31, 1.0)


def test_declared_units_are_units_of_the_release():
    from schemas.units import CURRENCIES, UNITS

    assert set(declared_units()) == {"percent", "points", *CURRENCIES} <= set(UNITS)
