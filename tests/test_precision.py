"""Case table: the precision a number was written with, and its rounding interval."""

import pytest

from pipeline.model.precision import rounding_interval, written_decimals


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
