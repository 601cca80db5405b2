"""Wilson score interval for a proportion, and its widening over a rounding interval."""

import math
from statistics import NormalDist

from pipeline.derive.intervals import Interval

Z95 = NormalDist().inv_cdf(0.975)  # 1.959963984540054


def wilson_interval(p: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval (proportions in [0, 1]) for an observed share p of n trials."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be a proportion in [0, 1], got {p}")
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def wilson_over(percent: Interval, n: float, z: float = Z95) -> Interval:
    """Union of the Wilson intervals of every percentage in `percent` (both bounds rise with p).

    Percent in, percent out: [52.5, 53.5) with n = 1600 → [50.05, 55.93).
    """
    low, _ = wilson_interval(percent.low / 100, n, z)
    _, high = wilson_interval(percent.high / 100, n, z)
    return Interval(100 * low, 100 * high, percent.low_closed, percent.high_closed)
