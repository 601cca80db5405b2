"""The seed article's figures (CPME 2024, 1,600 SME leaders) through every pure function."""

import pandas as pd
import pytest
from derive_frames import ALL, ATTACKED, BIG, SURVEY, USERS, obs_id, seed_frames

from pipeline.derive.claims import evaluate_claims
from pipeline.derive.consistency import consistency_findings
from pipeline.derive.derived import fact_derived
from pipeline.derive.lexicon import load_lexicon
from schemas.fact_claim import FactClaim
from schemas.fact_derived import FactDerived

USED = obs_id("ai_use", "used", ALL)
CONTENT = obs_id("ai_purpose", "content_creation", USERS)
NIS2_ALL, NIS2_BIG = (
    obs_id("nis2_awareness", "heard_of", ALL),
    obs_id("nis2_awareness", "heard_of", BIG),
)
ANY_MEASURE = obs_id("security_measures", "any_measure", ALL)
ATTACKED_ALL = obs_id("cyberattack", "attacked", ALL)

# The article's claims, with the rule an annotator would pick for each.
SEED_CLAIMS = [
    ("majority", "Une majorité (53%)", "majority", [USED], "supported"),
    ("almost_all", "la quasi-totalité des patrons (95%)", "almost_all", [ANY_MEASURE], "supported"),
    ("quarter", "Près d’un quart (23%)", "nearly", [ATTACKED_ALL], "supported"),
    (
        "double",
        "La part de dirigeants au courant double",
        "double",
        [NIS2_ALL, NIS2_BIG],
        "supported",
    ),
    ("only", "seulement 11%", "only", [NIS2_ALL], "not checkable"),
]


@pytest.fixture(scope="module")
def frames():
    return seed_frames()


@pytest.fixture(scope="module")
def derived(frames):
    return FactDerived.validate(
        fact_derived(
            frames["observations"],
            frames["populations"],
            frames["surveys"],
            frames["variables"],
            frames["categories"],
        )
    ).set_index("derived_id")


@pytest.fixture(scope="module")
def claims():
    return pd.DataFrame(
        [
            {
                "source_id": "petites_entreprises_part_ia",
                "claim_id": cid,
                "quote": quote,
                "char_start": 0,
                "char_end": len(quote),
                "rule": rule,
                "observation_ids": ids,
            }
            for cid, quote, rule, ids, _ in SEED_CLAIMS
        ]
    )


def test_content_creation_as_a_share_of_all_respondents(derived):
    row = derived.loc[f"{CONTENT}/share_of_parent/{ALL}"]
    assert row["population_id"] == ALL
    assert row["value"] == pytest.approx(41.34)
    assert row["value_low"] == pytest.approx(40.6875)  # 77.5 × 52.5 / 100 → 40.69
    assert row["value_high"] == pytest.approx(41.9975)  # 78.5 × 53.5 / 100 → 42.0
    assert row["bounds"] == "[)"
    assert row["formula"].startswith("78% [77.5, 78.5) of 'ai users' × 53% [52.5, 53.5)")
    assert row["formula"].endswith("= 41.34% [40.69, 42.0) of 'all'")
    assert row["input_observation_ids"] == f"{CONTENT} {USED}"


def test_ai_users_counted_from_the_sample(derived):
    row = derived.loc[f"{USED}/respondent_count"]
    assert (row["value"], row["value_low"], row["value_high"]) == (848, 840, 856)
    assert row["unit"] == "count" and row["bounds"] == "[)"
    assert (
        row["formula"] == "53% [52.5, 53.5) of 'all' × 1,600 respondents = 848 [840, 856) "
        "respondents"
    )


def test_conditional_count_and_wilson_use_the_estimated_base(derived):
    count = derived.loc[f"{CONTENT}/respondent_count"]
    assert count["value"] == pytest.approx(661.44)
    assert (count["value_low"], count["value_high"]) == pytest.approx((651.0, 671.96))
    wilson = derived.loc[f"{CONTENT}/wilson_ci"]
    assert "with n = 848:" in wilson["formula"]
    assert "n = 848 is the estimated number of 'ai users'" in wilson["assumption"]
    assert "[840, 856)" in wilson["assumption"]


def test_ambiguous_impact_keeps_its_note(derived):
    row = derived.loc[
        f"{obs_id('cyberattack_impact', 'significant', ATTACKED)}/share_of_parent/{ALL}"
    ]
    assert row["value"] == pytest.approx(1.38)
    assert "flagged ambiguous" in row["assumption"]


def test_no_base_count_for_firms_of_fifty_or_more(derived):
    assert f"{NIS2_BIG}/respondent_count" not in derived.index
    assert f"{NIS2_BIG}/wilson_ci" not in derived.index


def test_ai_use_remainder(derived):
    row = derived.loc[f"{SURVEY}.ai_use._rest.{ALL}/complement"]
    assert (row["value"], row["value_low"], row["value_high"], row["bounds"]) == (36, 35, 37, "(]")


@pytest.mark.parametrize("claim_id, verdict", [(c[0], c[4]) for c in SEED_CLAIMS])
def test_claims(claim_id, verdict, claims, frames):
    out = FactClaim.validate(evaluate_claims(claims, frames["observations"], load_lexicon()))
    assert out.set_index("claim_id").loc[claim_id, "verdict"] == verdict


def test_double_arithmetic(claims, frames):
    out = evaluate_claims(claims, frames["observations"], load_lexicon()).set_index("claim_id")
    assert out.loc["double", "arithmetic"] == (
        "22 / 11: ratio interval (21.5/11.5, 22.5/10.5) = (1.87, 2.14) contains 2 → supported"
    )


def test_seed_is_consistent(claims, frames):
    out = consistency_findings(
        frames["observations"],
        frames["populations"],
        frames["variables"],
        frames["categories"],
        claims,
        load_lexicon(),
    )
    assert (out["status"] == "passed").all(), out[out["status"] != "passed"]
    assert set(out["rule"]) == {
        "option_within_net",
        "subpopulation_within_defining_share",
        "single_choice_sum",
        "multi_choice_exempt",
        "claimed_ratio",
    }
