"""evaluate_claims: targets read from quotes, missing figures, units, output table."""

from pathlib import Path

import pandas as pd
import pytest
from derive_frames import obs_id, observations_frame

from pipeline.derive.claims import evaluate_claims, read_target
from pipeline.derive.lexicon import load_lexicon
from pipeline.draft import claim_template
from pipeline.extract import extract_mentions
from schemas.fact_claim import FactClaim


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize(
    "rule, quote, target",
    [
        ("nearly", "Près d’un quart (23%) des entreprises", 25.0),
        ("nearly", "près d'un quart", 25.0),
        ("nearly", "PRÈS D’UN TIERS", 100 / 3),
        ("nearly", "pre\u0300s d’un quart", 25.0),  # "è" written decomposed
        ("nearly", "près de la moitié des sondés", 50.0),
        ("nearly", "près de 40 % des sondés", 40.0),
        ("nearly", "près de 40\u00a0% des sondés", 40.0),
        ("nearly", "près de 40,5 % des sondés", 40.5),
        ("nearly", "près de quatre sur dix", 40.0),
        ("about", "environ 12 pour cent", 12.0),
        ("more_than", "plus d'un sur deux", 50.0),
        ("slightly_more_than", "un peu plus d’un tiers", 100 / 3),  # longest form wins
        ("nearly", "près de trois quarts", 75.0),  # not "trois" alone
        # A share with a noun between its numbers, as the extractor reads it.
        ("nearly", "près d'un Français sur quatre", 25.0),
        ("nearly", "presque trois exploitations sur quatre", 75.0),
        ("slightly_more_than", "un peu plus de 6 actifs sur 10", 60.0),
        ("nearly", "près de 2 sondés sur 3 (64 %)", 200 / 3),
        # "du" is "de" and "le": a unit fraction after it.
        ("nearly", "près du tiers des salariés", 100 / 3),
        ("more_than", "plus du quart des PME (27 %)", 25.0),
        ("less_than", "moins du cinquième d'entre eux", 20.0),
        ("slightly_more_than", "un peu plus du quart", 25.0),
        # Not read: no target at all, or a number that is no share.
        ("nearly", "près de 300 entreprises", None),
        ("nearly", "près de la cible", None),
        ("about", "environnement: 40 %", None),  # 'environ' only as a whole word
    ],
)
def test_read_target(rule, quote, target, lexicon):
    got = read_target(lexicon[rule], quote, lexicon)
    assert (got is None) if target is None else got[0] == pytest.approx(target)


def _claims(*rows) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "source_id": "src",
                "claim_id": cid,
                "quote": quote,
                "char_start": 0,
                "char_end": max(1, len(quote)),
                "rule": rule,
                "observation_ids": ids,
            }
            for cid, quote, rule, ids in rows
        ]
    )


OBS = observations_frame(
    [
        ("v", "a", "all", 53),
        ("v", "b", "all", 11),
        ("v", "b", "big", 22),
        ("v", "n", "all", 1600, {"unit": "count"}),
        ("v", "amb", "all", 60, {"ambiguity": "base unclear"}),
    ]
)


def test_unknown_rule_raises_naming_the_claim(lexicon):
    with pytest.raises(ValueError, match=r"src/c1: rule 'mojority'.*known: about"):
        evaluate_claims(_claims(("c1", "x", "mojority", [obs_id("v", "a", "all")])), OBS, lexicon)


@pytest.mark.parametrize(
    "rule, quote, ids, verdict, says",
    [
        ("majority", "Une majorité", [obs_id("v", "zz", "all")], "not checkable", "not published"),
        ("majority", "Une majorité", [], "not checkable", "names no observation"),
        (
            "majority",
            "Une majorité",
            [obs_id("v", "n", "all")],
            "not checkable",
            "not one",
        ),  # a count is not a percentage
        ("double", "double", [obs_id("v", "b", "all")], "not checkable", "2 observations"),
        (
            "double",
            "double",
            [obs_id("v", "b", "all"), obs_id("v", "n", "all")],
            "not checkable",
            "units differ",
        ),
        (
            "nearly",
            "près de la cible",
            [obs_id("v", "a", "all")],
            "not checkable",
            "no fraction or percentage follows",
        ),
        (
            "majority",
            "Une majorité",
            [obs_id("v", "amb", "all")],
            "supported",
            "flagged ambiguous: base unclear",
        ),
        ("majority", "Une majorité", f"{obs_id('v', 'a', 'all')}", "supported", "53%"),
        # A multiplier written in the quote, within its rounding: 22 / 11 is in [1.87, 2.14).
        (
            "times_as_much",
            "Les grandes sont 1,9 fois plus nombreuses",
            [obs_id("v", "b", "all"), obs_id("v", "b", "big")],
            "supported",
            "meets the allowed range [1.85, 1.95)",
        ),
        (
            "times_as_much",
            "Les grandes sont 2,3 fois plus nombreuses",
            [obs_id("v", "b", "all"), obs_id("v", "b", "big")],
            "contradicted",
            "misses the allowed range [2.25, 2.35)",
        ),
        (
            "times_as_much",
            "un risque multiplié par 2",
            [obs_id("v", "b", "all"), obs_id("v", "b", "big")],
            "supported",
            "meets the allowed range [1.5, 2.5)",
        ),
        # 11 / 22 is in [0.47, 0.54); "2,5 fois moins" allows (0.39, 0.41].
        (
            "times_less",
            "2 fois moins",
            [obs_id("v", "b", "big"), obs_id("v", "b", "all")],
            "supported",
            "meets the allowed range (0.4, 0.67]",
        ),
        (
            "times_less",
            "2,5 fois moins",
            [obs_id("v", "b", "big"), obs_id("v", "b", "all")],
            "contradicted",
            "misses the allowed range (0.39, 0.41]",
        ),
        (
            "times_as_much",
            "Les grandes sont plus nombreuses",
            [obs_id("v", "b", "all"), obs_id("v", "b", "big")],
            "not checkable",
            "no multiplier is written with «fois plus»",
        ),
        # every figure of a multi-figure claim must satisfy the rule
        (
            "majority",
            "la majorité",
            [obs_id("v", "a", "all"), obs_id("v", "b", "all")],
            "contradicted",
            "11% [10.5, 11.5) ∩ (50, ∞) is empty",
        ),
    ],
)
def test_verdicts(rule, quote, ids, verdict, says, lexicon):
    got = evaluate_claims(_claims(("c1", quote, rule, ids)), OBS, lexicon).iloc[0]
    assert got["verdict"] == verdict
    assert says in got["arithmetic"]


def test_output_is_a_valid_fact_claim(lexicon):
    claims = _claims(
        ("z_double", "double", "double", [obs_id("v", "b", "all"), obs_id("v", "b", "big")]),
        ("a_majority", "Une majorité (53%)", "majority", [obs_id("v", "a", "all")]),
        ("only", "seulement 11%", "only", [obs_id("v", "b", "all")]),
    )
    out = FactClaim.validate(evaluate_claims(claims, OBS, lexicon))
    assert list(out["claim_id"]) == ["a_majority", "only", "z_double"]
    assert list(out["rule_type"]) == ["threshold", "not_checkable", "ratio"]
    assert out.loc[2, "observation_ids"] == "cpme.v.b.all cpme.v.b.big"
    assert out.loc[0, "rule_description"] == (
        "majority («une majorité»): a majority, i.e. a value in (50, ∞)"
    )
    assert out.loc[2, "rule_description"] == (
        "double («double»): twice as much, i.e. the ratio compared / base = 2"
    )


def test_no_claims(lexicon):
    empty = pd.DataFrame(
        columns=[
            "source_id",
            "claim_id",
            "quote",
            "char_start",
            "char_end",
            "rule",
            "observation_ids",
        ]
    )
    out = evaluate_claims(empty, OBS, lexicon)
    assert out.empty and list(out.columns) == list(FactClaim.to_schema().columns)


GOLD_TEXTS = sorted((Path(__file__).parents[1] / "data" / "extraction_gold").glob("*.txt"))


@pytest.mark.parametrize("path", GOLD_TEXTS, ids=lambda p: p.stem)
def test_every_claim_the_draft_proposes_holds_for_the_share_it_states(path, lexicon):
    """A draft's claim, given the figure its own words state (rounded to a whole percent), or
    for a multiplier two figures in that ratio, is supported: its rule reads the words it
    quotes."""
    text = path.read_text(encoding="utf-8")
    for m in extract_mentions(text):
        claim = claim_template(m, text, lexicon)
        if claim is None:
            continue
        entry = lexicon[claim["rule"]]
        if entry.written_ratio:  # a base of 100 and the figure it writes compared with it
            factor = m.value if entry.params["value"] == "written" else 1 / m.value
            values = [100, round(100 * factor)]
        elif entry.type == "ratio":  # a base of 10 and the figure compared with it
            values = [10, round(10 * entry.params["value"])]
        else:
            values = [round(m.value)]
        ids = [obs_id("v", f"c{i}", "all") for i in range(len(values))]
        row = ("claim", claim["quote"], claim["rule"], ids)
        figures = observations_frame([("v", f"c{i}", "all", v) for i, v in enumerate(values)])
        (verdict,) = evaluate_claims(_claims(row), figures, lexicon)["verdict"]
        assert verdict == "supported", (claim, m.value)
