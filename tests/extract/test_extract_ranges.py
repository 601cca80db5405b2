"""Ranges: two mentions for quantities, both of the range's kind; one period for dates."""

import pytest

from pipeline.extract import extract_mentions


def readings(text: str) -> list[tuple[str, str, object]]:
    return [(m.surface, m.kind, m.value) for m in extract_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entre 20-24 % des sondés.", [("20", "percent", 20.0), ("24 %", "percent", 24.0)]),
        ("Entre 20–24 % des sondés.", [("20", "percent", 20.0), ("24 %", "percent", 24.0)]),
        ("Soit entre 15 et 45 % des sondés.", [("15", "percent", 15.0), ("45 %", "percent", 45.0)]),
        ("Soit de 8 à 12 % des sondés.", [("8", "percent", 8.0), ("12 %", "percent", 12.0)]),
        ("Les PME de 10 à 249 salariés.", [("10", "count", 10.0), ("249", "count", 249.0)]),
        (
            "Soit entre 2 et 3 millions d'euros.",
            [("2", "money", 2000000.0), ("3 millions d'euros", "money", 3000000.0)],
        ),
        ("Entre 1,4 et 3,1 points.", [("1,4", "points", 1.4), ("3,1 points", "points", 3.1)]),
        ("Les 18-24 ans votent peu.", [("18", "other", 18.0), ("24 ans", "other", 24.0)]),
        # A measure's first bound is a measure too.
        ("Entre 20 et 25 m² en moyenne.", [("20", "other", 20.0), ("25 m²", "other", 25.0)]),
        ("Des trajets de 10 à 15 km.", [("10", "other", 10.0), ("15 km", "other", 15.0)]),
        # A margin's sign before the second bound.
        ("De ± 1,5 à ± 3,5 points.", [("1,5", "points", 1.5), ("3,5 points", "points", 3.5)]),
        ("De 1,5 à +/- 3 points.", [("1,5", "points", 1.5), ("3 points", "points", 3.0)]),
        ("De 2019 à 2023, rien.", [("2019", "year", 2019.0), ("2023", "year", 2023.0)]),
        ("Sur la période 2017-2019.", [("2017", "year", 2017.0), ("2019", "year", 2019.0)]),
        # The thousands a first bound leaves unwritten ("entre 10 et 15 000": 10 000 to 15 000),
        # for a plain first bound below the second bound's leading group.
        (
            "Entre 10 et 15 000 euros par an.",
            [("10", "money", 10000.0), ("15 000 euros", "money", 15000.0)],
        ),
        ("De 2 à 3 000 salariés.", [("2", "count", 2000.0), ("3 000", "count", 3000.0)]),
        ("De 15 à 20\u202f000 €.", [("15", "money", 15000.0), ("20\u202f000 €", "money", 20000.0)]),
        (
            "Entre 500 et 15 000 euros.",
            [("500", "money", 500.0), ("15 000 euros", "money", 15000.0)],
        ),
        (
            "Entre 10,5 et 15 000 euros.",
            [("10,5", "money", 10.5), ("15 000 euros", "money", 15000.0)],
        ),
        ("Entre 1 et 1 500 euros.", [("1", "money", 1.0), ("1 500 euros", "money", 1500.0)]),
        ("De 5 à 10 000 habitants.", [("5", "count", 5.0), ("10 000", "count", 10000.0)]),
        ("Soit 2 et 3 000 salariés.", [("2", "count", 2.0), ("3 000", "count", 3000.0)]),
        # "et" makes a range only after "entre".
        ("Soit 15 et 45 % des sondés.", [("15", "count", 15.0), ("45 %", "percent", 45.0)]),
        # Dates: one period covering the whole expression; its dates are not repeated.
        (
            "Entre le 20 juin et le 12 juillet.",
            [("Entre le 20 juin et le 12 juillet", "period", "--06-20/--07-12")],
        ),
        (
            "Entre septembre 2023 et septembre 2024.",
            [("Entre septembre 2023 et septembre 2024", "period", "2023-09/2024-09")],
        ),
        ("Du 1er au 24 décembre.", [("Du 1er au 24 décembre", "period", "--12-01/--12-24")]),
    ],
)
def test_range(text, expected):
    assert readings(text) == expected


def test_direction_signs_both_bounds_of_a_points_range():
    assert readings("Un recul de 10 à 15 points.") == [
        ("recul de 10", "points", -10.0),
        ("15 points", "points", -15.0),
    ]
