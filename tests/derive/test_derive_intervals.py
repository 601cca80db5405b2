"""Case tables for rounding-interval arithmetic, with the closedness of every bound."""

import math

import pytest

from pipeline.derive.intervals import (
    Interval,
    at_least,
    at_most,
    exact,
    fmt,
    rounding,
    snap,
    total,
)


def iv(text: str) -> Interval:
    """'[52.5, 53.5)' → Interval(52.5, 53.5, True, False)."""
    low, high = text[1:-1].split(",")
    return Interval(float(low), float(high), text[0] == "[", text[-1] == "]")


def close(a: Interval, b: Interval) -> bool:
    return (
        math.isclose(a.low, b.low, abs_tol=1e-9)
        and math.isclose(a.high, b.high, abs_tol=1e-9)
        and a.bounds == b.bounds
    )


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (53, 0, "[52.5, 53.5)"),
        (5.9, 1, "[5.85, 5.95)"),
        (0, 0, "[-0.5, 0.5)"),
        (12.25, 2, "[12.245, 12.255)"),
    ],
)
def test_rounding(value, decimals, expected):
    assert close(rounding(value, decimals), iv(expected))


@pytest.mark.parametrize(
    "a, b, expected",
    [
        # 78% of AI users × 53% of all (in percent × percent; /100 in the seed test)
        ("[77.5, 78.5)", "[52.5, 53.5)", "[4068.75, 4199.75)"),
        ("[52.5, 53.5)", "[1600, 1600]", "[84000, 85600)"),
        ("(35, 37]", "[1, 2)", "(35, 74)"),  # a bound is attained only if both factors' are
        ("(35, 37]", "[1, 2]", "(35, 74]"),
        ("[0, 0.5)", "(3, 4)", "[0, 2)"),  # 0 is attained as soon as one factor attains it
    ],
)
def test_product(a, b, expected):
    assert close(iv(a) * iv(b), iv(expected))


def test_product_by_number_and_division_by_number():
    assert close(iv("[52.5, 53.5)") * 1600 / 100, iv("[840, 856)"))


@pytest.mark.parametrize(
    "a, b, expected",
    [
        # 22% against 11%: both ends open (a/d and b/c are not attained)
        ("[21.5, 22.5)", "[10.5, 11.5)", f"({21.5 / 11.5}, {22.5 / 10.5})"),
        ("[21.5, 22.5]", "[10.5, 11.5]", f"[{21.5 / 11.5}, {22.5 / 10.5}]"),
        ("[0, 0.5)", "[10.5, 11.5)", f"[0, {0.5 / 10.5})"),
        ("[1, 2)", "[0, 0.5)", "(2, inf)"),  # the divisor comes close to 0
    ],
)
def test_quotient(a, b, expected):
    assert close(iv(a) / iv(b), iv(expected))


@pytest.mark.parametrize(
    "a, expected",
    [
        ("[52.5, 53.5)", "(46.5, 47.5]"),
        ("[63, 65)", "(35, 37]"),
        ("(35, 37]", "[63, 65)"),
        ("[99.5, 100]", "[0, 0.5]"),
    ],
)
def test_complement_swaps_closedness(a, expected):
    assert close(iv(a).complement(100), iv(expected))


def test_total():
    assert close(total([iv("[52.5, 53.5)"), iv("[10.5, 11.5)")]), iv("[63, 65)"))
    assert close(total([]), exact(0))


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("[52.5, 53.5)", "(50, inf)", "[52.5, 53.5)"),
        ("[49.5, 50.5)", "(50, inf)", "(50, 50.5)"),
        ("[48.5, 49.5)", "(50, inf)", None),
        ("[89.5, 90.5)", "[90, inf)", "[90, 90.5)"),
        ("[89, 90)", "[90, inf)", None),  # touching at 90, which [89, 90) excludes
        ("[89, 90]", "[90, inf)", "[90, 90]"),  # a single shared point
        ("[27.5, 28.5)", "[22.5, 27.5]", "[27.5, 27.5]"),
        ("[21.5, 22.5)", "[22.5, 27.5]", None),
        ("(1.8, 2)", "[2, 2]", None),  # ratio interval open exactly at 2
        ("(1.8, 2]", "[2, 2]", "[2, 2]"),
    ],
)
def test_intersection_at_the_bounds(a, b, expected):
    got = iv(a).intersection(iv(b))
    assert (got is None) if expected is None else close(got, iv(expected))
    assert iv(a).intersects(iv(b)) is (expected is not None)


@pytest.mark.parametrize(
    "a, x, inside",
    [
        ("[52.5, 53.5)", 52.5, True),
        ("[52.5, 53.5)", 53.5, False),
        ("(35, 37]", 35, False),
        ("(35, 37]", 37, True),
    ],
)
def test_contains(a, x, inside):
    assert iv(a).contains(x) is inside


def test_clip_percentages():
    assert close(iv("[99.5, 100.5)").clip(0, 100), iv("[99.5, 100]"))
    assert close(iv("[-0.5, 0.5)").clip(0, 100), iv("[0, 0.5)"))
    with pytest.raises(ValueError, match="outside"):
        iv("[100.5, 101.5)").clip(0, 100)


def test_half_lines():
    assert at_least(50, inclusive=False).bounds == "()"
    assert at_most(50).contains(50) and not at_most(50, inclusive=False).contains(50)


@pytest.mark.parametrize(
    "bad",
    [
        lambda: Interval(2, 1),
        lambda: Interval(float("nan"), 1),
        lambda: iv("[-1, 2)") * iv("[1, 2)"),
        lambda: iv("[1, 2)") / iv("[0, 0]"),
    ],
)
def test_invalid(bad):
    with pytest.raises(ValueError):
        bad()


@pytest.mark.parametrize(
    "x, text",
    [
        (1600, "1,600"),
        (848.0, "848"),
        (41.9975, "42.0"),
        (40.6875, "40.69"),
        (math.inf, "∞"),
        (-math.inf, "−∞"),
    ],
)
def test_fmt(x, text):
    assert fmt(x) == text


def test_str():
    assert str(iv("[40.6875, 41.9975)")) == "[40.69, 42.0)"
    assert str(iv("(35, 37]")) == "(35, 37]"


@pytest.mark.parametrize(
    ("computed", "published"),
    [
        (100 - (58.4 + 31), 10.6),  # a complement: 10.599999999999994 as computed
        (100 - (58.45 + 31.5), 10.05),
        (100 - (58.35 + 30.5), 11.15),
        (0.1 + 0.2, 0.3),
        (77.5 * 52.5 / 100, 40.6875),  # exact already
        (58.4 * 2003 / 100, 1169.752),
        (14.761894848364754, 14.761894848364754),  # a Wilson bound: no decimal near it
        (100 / 3, 100 / 3),
        (2 / 3 * 1e6, 2 / 3 * 1e6),
        (1e-20, 1e-20),
        (0.0, 0.0),
        (math.inf, math.inf),
        (-math.inf, -math.inf),
    ],
)
def test_snap_drops_float_error_only(computed, published):
    assert snap(computed) == published
    assert snap(snap(computed)) == snap(computed)


def test_snap_keeps_nan():
    assert math.isnan(snap(math.nan))
