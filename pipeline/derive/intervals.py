"""Interval arithmetic for published figures, tracking whether each bound is attained.

A figure printed as 53% stands for every value that rounds to it, [52.5, 53.5). Sums,
products, quotients and complements of such intervals keep track of which bounds are
included, so that a claim sitting exactly on a bound gets the right verdict.
"""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Interval:
    """A real interval; `low_closed`/`high_closed` say whether each bound belongs to it."""

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = False

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(f"not an interval: low={self.low}, high={self.high}")

    @property
    def bounds(self) -> str:
        """The bracket pair: '[)', '(]', '()' or '[]'."""
        return ("[" if self.low_closed else "(") + ("]" if self.high_closed else ")")

    def __str__(self) -> str:
        return f"{self.bounds[0]}{fmt(self.low)}, {fmt(self.high)}{self.bounds[1]}"

    def is_empty(self) -> bool:
        return self.low == self.high and not (self.low_closed and self.high_closed)

    def contains(self, x: float) -> bool:
        above = x > self.low or (x == self.low and self.low_closed)
        below = x < self.high or (x == self.high and self.high_closed)
        return above and below

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(
            self.low + other.low,
            self.high + other.high,
            self.low_closed and other.low_closed,
            self.high_closed and other.high_closed,
        )

    def __mul__(self, other: "Interval | float") -> "Interval":
        """Product of non-negative intervals (or by a non-negative number, kept exact)."""
        other = _as_interval(other)
        if self.low < 0 or other.low < 0:
            raise ValueError("interval products are defined here for non-negative intervals")
        low_closed = (self.low_closed and other.low_closed) or _closed_zero(self, other)
        high_closed = self.high_closed and other.high_closed
        return Interval(self.low * other.low, self.high * other.high, low_closed, high_closed)

    def __truediv__(self, other: "Interval | float") -> "Interval":
        """Quotient of a non-negative interval by a positive one (or by a positive number)."""
        other = _as_interval(other)
        if self.low < 0 or other.low < 0 or (other.low == 0 and other.high == 0):
            raise ValueError("interval quotients need a non-negative numerator, positive divisor")
        low_closed = (self.low_closed and other.high_closed) or (self.low == 0 and self.low_closed)
        if other.low == 0:  # the divisor comes arbitrarily close to 0: no upper bound
            return Interval(self.low / other.high, math.inf, low_closed, False)
        high_closed = self.high_closed and other.low_closed
        return Interval(self.low / other.high, self.high / other.low, low_closed, high_closed)

    def complement(self, total: float = 100.0) -> "Interval":
        """total − [lo, hi) = (total − hi, total − lo]: the bounds swap their closedness."""
        return Interval(total - self.high, total - self.low, self.high_closed, self.low_closed)

    def intersection(self, other: "Interval") -> "Interval | None":
        """The common part, or None when the intervals share no value."""
        low, low_closed = max(
            (self.low, self.low_closed),
            (other.low, other.low_closed),
            key=lambda b: (b[0], not b[1]),
        )
        high, high_closed = min(
            (self.high, self.high_closed),
            (other.high, other.high_closed),
            key=lambda b: (b[0], b[1]),
        )
        if low > high:
            return None
        out = Interval(low, high, low_closed, high_closed)
        return None if out.is_empty() else out

    def intersects(self, other: "Interval") -> bool:
        return self.intersection(other) is not None

    def clip(self, low: float, high: float) -> "Interval":
        """Restrict to [low, high], e.g. a percentage to [0, 100]."""
        clipped = self.intersection(Interval(low, high, True, True))
        if clipped is None:
            raise ValueError(f"{self} lies outside [{low}, {high}]")
        return clipped


def exact(x: float) -> Interval:
    """A number known exactly, e.g. a stated sample size."""
    return Interval(x, x, True, True)


def rounding(value: float, decimals: int) -> Interval:
    """[value − ½·10^−decimals, value + ½·10^−decimals): the values printed as `value`."""
    half = 0.5 * 10.0 ** (-decimals)
    return Interval(round(value - half, decimals + 1), round(value + half, decimals + 1))


def total(intervals: list[Interval]) -> Interval:
    """Sum of intervals (the empty sum is exactly 0)."""
    out = exact(0.0)
    for i in intervals:
        out = out + i
    return out


def at_least(x: float, inclusive: bool = True) -> Interval:
    return Interval(x, math.inf, inclusive, False)


def at_most(x: float, inclusive: bool = True) -> Interval:
    return Interval(-math.inf, x, False, inclusive)


def fmt(x: float) -> str:
    """A number for the arithmetic texts: integers exact ('1,600'), others to 2 decimals."""
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{round(x, 2):,}"


# A few operations on floats leave their result a few units in the last place from the
# decimal they compute: 100 − (58.4 + 31) is 10.599999999999994, not 10.6.
SNAP_ULPS = 64
SNAP_DIGITS = 12


def snap(x: float) -> float:
    """`x`, or the number of SNAP_DIGITS significant digits it lies within SNAP_ULPS units in
    the last place of: the decimal that sums and products of published decimals stand for.
    Values that are not such a decimal (a Wilson bound) are far from any and kept as they are."""
    if not math.isfinite(x) or x == 0:
        return x
    near = float(f"{x:.{SNAP_DIGITS}g}")
    return near if abs(near - x) <= SNAP_ULPS * math.ulp(x) else x


def _as_interval(x: "Interval | float") -> Interval:
    return x if isinstance(x, Interval) else exact(float(x))


def _closed_zero(a: Interval, b: Interval) -> bool:
    """0 is attained by a product as soon as one factor attains 0."""
    return (a.low == 0 and a.low_closed) or (b.low == 0 and b.low_closed)
