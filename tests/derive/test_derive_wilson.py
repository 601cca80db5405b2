"""Wilson score intervals against known values."""

import pytest

from pipeline.derive.intervals import Interval
from pipeline.derive.wilson import Z95, wilson_interval, wilson_over


@pytest.mark.parametrize(
    "p, n, low, high",
    [
        (0.5, 100, 0.4038, 0.5962),  # textbook value
        (0.0, 10, 0.0, 0.2775),  # no success: the interval still has width
        (1.0, 10, 0.7225, 1.0),
        (0.53, 1600, 0.5055, 0.5544),  # seed: 53% of 1,600 leaders
        (0.1, 50, 0.0435, 0.2136),
    ],
)
def test_known_values(p, n, low, high):
    got = wilson_interval(p, n)
    assert got == pytest.approx((low, high), abs=1e-4)


def test_z_is_the_two_sided_95_quantile():
    assert abs(Z95 - 1.959964) < 1e-6


@pytest.mark.parametrize("p, n", [(-0.1, 10), (1.1, 10), (0.5, 0)])
def test_invalid(p, n):
    with pytest.raises(ValueError):
        wilson_interval(p, n)


def test_widened_over_the_rounding_interval():
    got = wilson_over(Interval(52.5, 53.5), 1600)
    assert got.low == pytest.approx(100 * wilson_interval(0.525, 1600)[0])
    assert got.high == pytest.approx(100 * wilson_interval(0.535, 1600)[1])
    assert got.low < 100 * wilson_interval(0.53, 1600)[0]
    assert got.bounds == "[)"
