"""Case table: the precision a number was written with, and its rounding interval."""

import pytest

from pipeline.model.precision import (
    rounding_interval,
    written_decimals,
    written_interval,
    written_scale,
)


@pytest.mark.parametrize(
    ("written", "decimals"),
    [
        ("53%", 0),
        ("53 %", 0),
        ("5,9 %", 1),
        ("5,9\u202f%", 1),
        ("12,25 pour cent", 2),
        ("12.5%", 1),
        ("1.600", 0),
        ("1 600", 0),
        ("11\u00a0000", 0),
        ("1.234,5", 1),
        ("douze", 0),
        ("20 juin", 0),
        # A half in words is one decimal, as '1,5' is.
        ("1 million et demi", 1),
        ("un an et demi", 1),
        ("2 heures et demie", 1),
        ("2 heures et demi-tarif", 0),
        # Swiss grouping by apostrophes, decimals after a dot.
        ("1'600", 0),
        ("1’234.50", 2),
    ],
)
def test_written_decimals(written, decimals):
    assert written_decimals(written) == decimals


@pytest.mark.parametrize(
    ("value", "decimals", "interval"),
    [
        (53.0, 0, (52.5, 53.5)),
        (5.9, 1, (5.85, 5.95)),
        (0.0, 0, (-0.5, 0.5)),
        (100.0, 0, (99.5, 100.5)),
        (12.25, 2, (12.245, 12.255)),
    ],
)
def test_rounding_interval(value, decimals, interval):
    assert rounding_interval(value, decimals) == pytest.approx(interval)


@pytest.mark.parametrize(
    ("value", "written", "scale", "interval"),
    [
        (1_500_000.0, "1,5 million", 1_000_000, (1_450_000.0, 1_550_000.0)),
        (3_000_000.0, "3 millions de ménages", 1_000_000, (2_500_000.0, 3_500_000.0)),
        (150_000_000.0, "150 M€", 1_000_000, (149_500_000.0, 150_500_000.0)),
        (0.15, "15 centimes", 1, (0.145, 0.155)),
        (0.025, "2,5 centimes", 1, (0.0245, 0.0255)),
        (10_200_000.0, "10,2 M", 1_000_000, (10_150_000.0, 10_250_000.0)),
        (2_000_000.0, "2 M d'habitants", 1_000_000, (1_500_000.0, 2_500_000.0)),
        (2.5e9, "2,5 milliards d'euros", 1_000_000_000, (2.45e9, 2.55e9)),
        (1.2e9, "1,2\u00a0Md€", 1_000_000_000, (1.15e9, 1.25e9)),
        (45_000.0, "45\u202fk€", 1_000, (44_500.0, 45_500.0)),
        # An abbreviated scale before any currency.
        (2.5e9, "2,5 Md$", 1_000_000_000, (2.45e9, 2.55e9)),
        (2.5e6, "2,5 M£", 1_000_000, (2.45e6, 2.55e6)),
        (10_000.0, "10 mille", 1_000, (9_500.0, 10_500.0)),
        (2_300_000.0, "2,3 Millions", 1_000_000, (2_250_000.0, 2_350_000.0)),
        (500_000.0, "un demi-million", 500_000, (250_000.0, 750_000.0)),
        # A measure word that counts in a scale: millions, thousands of tonnes.
        (26_300_000.0, "26,3 Mt", 1_000_000, (26_250_000.0, 26_350_000.0)),
        (450_000.0, "450\u00a0kt", 1_000, (449_500.0, 450_500.0)),
        (0.2516, "25,16 c€", 1, (0.25155, 0.25165)),
        (1_500_000.0, "1 million et demi", 1_000_000, (1_450_000.0, 1_550_000.0)),
        (2.5e6, "2 millions et demi d'euros", 1_000_000, (2.45e6, 2.55e6)),
        # In words, the last scale word after a number word: "un million" is as round as
        # "1 million".
        (1_000_000.0, "un million", 1_000_000, (500_000.0, 1_500_000.0)),
        (2_000_000.0, "deux millions de Français", 1_000_000, (1_500_000.0, 2_500_000.0)),
        (200_000.0, "deux cent mille", 1_000, (199_500.0, 200_500.0)),
        (1_500_000.0, "un million et demi", 1_000_000, (1_450_000.0, 1_550_000.0)),
        # No scale word: digits alone, number words without one, a currency, an abbreviation
        # not before €, a scale word after no number word ("un sur mille" is a ratio).
        (1_600.0, "1 600", 1, (1_599.5, 1_600.5)),
        (23.0, "vingt-trois", 1, (22.5, 23.5)),
        (0.1, "un sur mille", 1, (-0.4, 0.6)),
        (53.0, "53 %", 1, (52.5, 53.5)),
        (2_150.0, "2 150 euros", 1, (2_149.5, 2_150.5)),
        (12.0, "12 Mo", 1, (11.5, 12.5)),
        (4.0, "4 milliardaires", 1, (3.5, 4.5)),
    ],
)
def test_written_interval(value, written, scale, interval):
    assert written_scale(written) == scale
    assert written_interval(value, written) == pytest.approx(interval)


@pytest.mark.parametrize(
    ("value", "written", "interval"),
    [
        # A number a table's heading counts in thousands or millions ("(en milliers
        # d'euros)"): the number check published it scaled, and its rounding is scaled too.
        (37_500.0, "37,5", (37_450.0, 37_550.0)),
        (31_000.0, "31", (30_500.0, 31_500.0)),
        (12_500_000.0, "12,5", (12_450_000.0, 12_550_000.0)),
        # Values that are no such multiple keep the number's own rounding.
        (37.5, "37,5", (37.45, 37.55)),
        (-3.0, "3", (-3.5, -2.5)),
        (1_600.0, "1'600", (1_599.5, 1_600.5)),
    ],
)
def test_a_heading_scale_scales_the_rounding(value, written, interval):
    assert written_interval(value, written) == pytest.approx(interval)
