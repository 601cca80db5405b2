"""Consistency rules on small frames: passing and failing cases, and what findings say."""

import pandas as pd
import pytest
from derive_frames import (
    ALL,
    categories_frame,
    obs_id,
    observations_frame,
    populations_frame,
    variables_frame,
)

from pipeline.derive.consistency import (
    choice_sums,
    consistency_findings,
    net_bounds,
    subpopulation_bounds,
)
from pipeline.derive.findings import FINDING_COLUMNS
from pipeline.derive.lexicon import load_lexicon
from pipeline.derive.relations import claimed_relations

MEASURES = categories_frame([("m", "any", True), ("m", "a"), ("m", "b")])


@pytest.mark.parametrize(
    "net, option, status",
    [
        (95, 79, "passed"),
        (95, 95, "passed"),
        (95, 96, "failed"),  # option ≥ 95.5 while net < 95.5
        (95, 97, "failed"),
        ((95.0, 1), (95.1, 1), "failed"),
        ((95, 0), (95.4, 1), "passed"),
    ],
)
def test_option_within_net(net, option, status):
    n, nd = net if isinstance(net, tuple) else (net, 0)
    o, od = option if isinstance(option, tuple) else (option, 0)
    obs = observations_frame(
        [("m", "any", ALL, n, {"decimals": nd}), ("m", "a", ALL, o, {"decimals": od})]
    )
    out = net_bounds(obs, MEASURES)
    assert list(out["rule"]) == ["option_within_net"]
    assert out.iloc[0]["status"] == status
    assert out.iloc[0]["observation_ids"] == f"{obs_id('m', 'a', ALL)} {obs_id('m', 'any', ALL)}"


@pytest.mark.parametrize("a, b, status", [(60, 40, "passed"), (30, 20, "failed")])
def test_net_within_sum_of_exhaustive_options(a, b, status):
    obs = observations_frame([("m", "any", ALL, 95), ("m", "a", ALL, a), ("m", "b", ALL, b)])
    out = net_bounds(obs, MEASURES, variables_frame([("m", "multi", True)]))
    row = out[out["rule"] == "net_within_sum_of_options"].iloc[0]
    assert row["status"] == status
    assert (
        not net_bounds(obs, MEASURES, variables_frame([("m", "multi", False)]))["rule"]
        .eq("net_within_sum_of_options")
        .any()
    )


SINGLE = variables_frame([("s", "single", False), ("e", "single", True), ("m", "multi", False)])
SINGLE_CATS = categories_frame(
    [("s", "a"), ("s", "b"), ("s", "c"), ("e", "yes"), ("e", "no"), ("m", "a"), ("m", "b")]
)


@pytest.mark.parametrize(
    "variable, values, rule, status",
    [
        ("s", [53, 11], "single_choice_sum", "passed"),
        ("s", [60, 41], "single_choice_sum", "passed"),  # 101: within 2 × 0.5
        ("s", [60, 42], "single_choice_sum", "failed"),  # 102: [101, 103)
        ("s", [34, 34, 33], "single_choice_sum", "passed"),  # 101 ≤ 100 + 1.5
        ("s", [34, 34, 34], "single_choice_sum", "failed"),  # 102: [100.5, 103.5)
        ("e", [60, 40], "single_choice_sum_exhaustive", "passed"),
        ("e", [60, 41], "single_choice_sum_exhaustive", "passed"),  # [100, 102) holds 100
        ("e", [60, 39], "single_choice_sum_exhaustive", "failed"),  # [98, 100) misses 100
        ("m", [78, 60], "multi_choice_exempt", "passed"),
    ],
)
def test_choice_sums(variable, values, rule, status):
    cats = {"s": ["a", "b", "c"], "e": ["yes", "no"], "m": ["a", "b"]}[variable]
    obs = observations_frame([(variable, c, ALL, v) for c, v in zip(cats, values, strict=False)])
    out = choice_sums(obs, SINGLE, SINGLE_CATS)
    assert list(out["rule"]) == [rule]
    assert out.iloc[0]["status"] == status
    assert out.iloc[0]["arithmetic"].endswith(status)


def test_a_lone_single_choice_figure_has_nothing_to_add_up():
    obs = observations_frame([("s", "a", ALL, 41)])
    assert choice_sums(obs, SINGLE, SINGLE_CATS).empty


POPS = populations_frame(
    [(ALL, None, None, None), ("big", ALL, "size", "big"), ("attacked", ALL, "attack", "yes")]
)


@pytest.mark.parametrize(
    "rows, rule, status, says",
    [
        # The figure's base is the sub-population: 6% of attacked, attacked = 23% of all.
        (
            [("impact", "sig", "attacked", 6), ("attack", "yes", ALL, 23)],
            "subpopulation_within_defining_share",
            "passed",
            "basis: the figure's base is the sub-population 'attacked'",
        ),
        # Same answer on the parent base: 22% of big firms × 40% ≤ 11% of all.
        (
            [("nis2", "heard", "big", 22), ("size", "big", ALL, 40), ("nis2", "heard", ALL, 11)],
            "subpopulation_within_parent_figure",
            "passed",
            "basis: same variable and category on the parent base",
        ),
        (
            [("nis2", "heard", "big", 22), ("size", "big", ALL, 60), ("nis2", "heard", ALL, 11)],
            "subpopulation_within_parent_figure",
            "failed",
            "13.2% [12.79, 13.61) of 'all' ≤ 11% [10.5, 11.5)",
        ),
    ],
)
def test_subpopulation_bounds(rows, rule, status, says):
    out = subpopulation_bounds(observations_frame(rows), POPS)
    row = out[out["rule"] == rule].iloc[0]
    assert row["status"] == status
    assert says in row["arithmetic"]


def test_no_subpopulation_finding_without_the_defining_share():
    obs = observations_frame([("nis2", "heard", "big", 22), ("nis2", "heard", ALL, 11)])
    assert subpopulation_bounds(obs, POPS).empty


def _ratio_claim(rule, base, compared, quote="double"):
    return pd.DataFrame(
        [
            {
                "source_id": "src",
                "claim_id": "c1",
                "quote": quote,
                "char_start": 0,
                "char_end": len(quote),
                "rule": rule,
                "observation_ids": [base, compared],
            }
        ]
    )


@pytest.mark.parametrize("big, status", [(22, "passed"), (30, "failed")])
def test_claimed_ratio(big, status):
    obs = observations_frame([("nis2", "heard", ALL, 11), ("nis2", "heard", "big", big)])
    claims = _ratio_claim("double", obs_id("nis2", "heard", ALL), obs_id("nis2", "heard", "big"))
    out = claimed_relations(claims, obs, load_lexicon(), POPS)
    assert list(out["rule"]) == ["claimed_ratio"] and out.iloc[0]["status"] == status
    assert "'big' against 'all'" in out.iloc[0]["arithmetic"]


@pytest.mark.parametrize("big, status", [(25, "passed"), (22, "failed")])
def test_claimed_ratio_written_in_the_quote(big, status):
    """'2,3 fois plus': 25 / 11 is in [2.17, 2.38), which meets [2.25, 2.35); 22 / 11 not."""
    obs = observations_frame([("nis2", "heard", ALL, 11), ("nis2", "heard", "big", big)])
    base, compared = obs_id("nis2", "heard", ALL), obs_id("nis2", "heard", "big")
    claims = _ratio_claim("times_as_much", base, compared, "2,3 fois plus souvent")
    out = claimed_relations(claims, obs, load_lexicon(), POPS)
    assert list(out["rule"]) == ["claimed_ratio"] and out.iloc[0]["status"] == status
    assert "allowed range [2.25, 2.35)" in out.iloc[0]["arithmetic"]


def test_claimed_ratio_between_different_questions_is_flagged():
    obs = observations_frame([("a", "x", ALL, 11), ("b", "y", ALL, 22)])
    claims = _ratio_claim("double", obs_id("a", "x", ALL), obs_id("b", "y", ALL))
    out = claimed_relations(claims, obs, load_lexicon(), POPS)
    assert "caution: the two figures answer different questions" in out.iloc[0]["arithmetic"]


def test_findings_frame_shape_and_optional_claims():
    obs = observations_frame([("s", "a", ALL, 60), ("s", "b", ALL, 42)])
    out = consistency_findings(obs, POPS, SINGLE, SINGLE_CATS)
    assert list(out.columns) == FINDING_COLUMNS
    assert list(out["status"]) == ["failed"]
    assert out["finding_id"].is_unique
