"""Case tables: mentions held against annotations."""

import pandas as pd
import pytest

from pipeline.derive.lexicon import load_lexicon
from pipeline.model.mentions import MENTION_COLUMNS
from pipeline.validate.coverage import account_for_mentions, quote_value_problems

SPAN_COLUMNS = ["source_id", "start", "end", "category", "label", "file", "entry"]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def mention(start, end, surface="53%", kind="percent", value=53.0, qualifier=None):
    return {
        "source_id": "s",
        "char_start": start,
        "char_end": end,
        "surface": surface,
        "kind": kind,
        "value": str(value),
        "value_number": value,
        "approx": False,
        "qualifier": qualifier,
        "sentence_start": 0,
        "sentence_end": 100,
    }


def span(start, end, category, label="x", entry="e"):
    return ("s", start, end, category, label, "a.yml", entry)


@pytest.mark.parametrize(
    ("spans", "accounted_by", "problem"),
    [
        ([span(10, 13, "observation")], "observation", None),
        ([span(5, 20, "claim")], "claim", None),
        ([span(10, 13, "ignore")], "ignore", None),
        ([span(10, 12, "attribute"), span(12, 13, "attribute")], "attribute", None),
        ([], None, "no annotation accounts for this percent"),
        ([span(10, 13, "observation"), span(10, 13, "ignore")], None, "more than once"),
        (
            [span(10, 13, "observation", entry="a"), span(10, 13, "observation", entry="b")],
            "observation",
            "more than once",
        ),
        ([span(0, 10, "observation")], None, "no annotation accounts"),  # touching, not overlapping
    ],
)
def test_account_for_mentions(spans, accounted_by, problem):
    mentions = pd.DataFrame([mention(10, 13)], columns=MENTION_COLUMNS)
    out, found = account_for_mentions(
        mentions, pd.DataFrame(spans, columns=SPAN_COLUMNS), {"s": "raw/sources/s/annotations.yml"}
    )
    assert out["accounted_by"].tolist() == [accounted_by]
    if problem is None:
        assert found.empty
    else:
        assert len(found) == 1 and problem in found.loc[0, "problem"]
        assert found.loc[0, "entry"] == "mention '53%' at [10, 13)"


def test_an_ignore_that_matches_nothing_is_reported():
    mentions = pd.DataFrame([mention(10, 13)], columns=MENTION_COLUMNS)
    spans = pd.DataFrame(
        [span(10, 13, "observation"), span(40, 45, "ignore", entry="ignore[0]")],
        columns=SPAN_COLUMNS,
    )
    _, found = account_for_mentions(mentions, spans, {})
    assert found[["entry", "problem"]].values.tolist() == [
        ["ignore[0]", "ignore entry matches no mention of the text"]
    ]


@pytest.mark.parametrize(
    ("surface", "kind", "value", "qualifier", "claim"),
    [
        ("Un tiers", "fraction", 33.3333, None, "quote it in a claim (rule: one_third)"),
        ("Huit sondés sur dix", "ratio", 80.0, None, "quote it in a claim (rule: eight_in_ten)"),
        ("un quart", "fraction", 25.0, "Près d’", "quote it in a claim (rule: nearly)"),
        ("la moitié", "fraction", 50.0, "Plus de", "quote it in a claim (rule: more_than_half)"),
        ("deux sur sept", "ratio", 28.5714, None, "quote it in a claim,"),  # no rule reads it
        ("deux fois plus", "other", 2.0, None, "quote it in a claim (rule: double)"),
        ("trois ans", "other", 3.0, None, "quote it in a claim,"),
        ("53 %", "percent", 53.0, "environ", "quote it in a claim,"),  # a figure, not words
    ],
)
def test_an_unaccounted_share_in_words_is_named_with_its_claim_rule(
    surface, kind, value, qualifier, claim, lexicon
):
    mentions = pd.DataFrame(
        [mention(10, 10 + len(surface), surface, kind, value, qualifier)], columns=MENTION_COLUMNS
    )
    _, found = account_for_mentions(mentions, pd.DataFrame([], columns=SPAN_COLUMNS), {}, lexicon)
    assert found["fix"].tolist() == [
        f"map it to an observation or attribute, {claim.rstrip(',')}, or add an ignore entry "
        "with the reason"
    ]


@pytest.mark.parametrize(
    ("value", "unit", "ok"),
    [(53.0, "percent", True), (35.0, "percent", False), (53.0, "count", False)],
)
def test_quote_value(value, unit, ok):
    mentions = pd.DataFrame([mention(10, 13)], columns=MENTION_COLUMNS)
    obs = pd.DataFrame(
        [
            {
                "file": "a.yml",
                "entry": "observations[0]",
                "source_id": "s",
                "char_start": 0,
                "char_end": 30,
                "value": value,
                "unit": unit,
                "number_text": "53 %",
                "quote": "x" * 30,
            }
        ]
    )
    assert quote_value_problems(obs, mentions).empty is ok
