"""Case table: the unit a heading declares for the bare numbers written after it."""

import pytest

from pipeline.extract.declared import declaration, declared_units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Confiance dans les institutions (en %)   2024   2025", ("percent", 33, 37)),
        ("Part des ménages (%) : 45", ("percent", 17, 20)),
        ("Résultats en pourcentage des répondants", ("percent", 10, 24)),
        ("Écart, en points : 5", ("points", 7, 16)),
        ("Évolution en points de pourcentage", ("points", 10, 34)),
        ("(en %) puis, en points, les écarts", ("points", 13, 22)),  # the last one counts
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
    assert declaration(text, 0, text.index("63")) == ("percent", 1, 5)
    assert declaration(text, 0, text.index("écart")) == ("points", 22, 31)
    assert declaration(text, 7) == ("points", 22, 31)


def test_declared_units_are_units_of_the_release():
    from schemas.units import UNITS

    assert set(declared_units()) == {"percent", "points"} <= set(UNITS)
