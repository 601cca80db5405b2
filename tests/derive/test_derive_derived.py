"""fact_derived on small frames: which rows exist, their values, intervals and notes."""

import pandas as pd
import pytest
from derive_frames import (
    ALL,
    SURVEY,
    USERS,
    categories_frame,
    obs_id,
    observations_frame,
    populations_frame,
    seed_frames,
    surveys_frame,
    variables_frame,
)

from pipeline.derive.complements import complements
from pipeline.derive.counts import respondent_counts, wilson_intervals
from pipeline.derive.derived import fact_derived, shares_of_parents
from pipeline.derive.wilson import wilson_interval
from schemas.fact_derived import FactDerived


def _derive(frames: dict) -> pd.DataFrame:
    return FactDerived.validate(
        fact_derived(
            frames["observations"],
            frames["populations"],
            frames["surveys"],
            frames["variables"],
            frames["categories"],
        )
    )


def test_seed_rows_are_valid_unique_and_deterministic():
    frames = seed_frames()
    first, second = _derive(frames), _derive(seed_frames())
    pd.testing.assert_frame_equal(first, second)
    assert first["derived_id"].is_unique
    counts = first["kind"].value_counts().to_dict()
    # 4 AI purposes + 1 impact restated on all respondents; 19 of 20 figures traced to the
    # 1,600 respondents (not the 50+ firms: their share was not published); complements of
    # the 5 single-choice (variable, population) pairs.
    assert counts == {
        "share_of_parent": 5,
        "respondent_count": 19,
        "wilson_ci": 19,
        "complement": 6,
    }


def test_depth_two_chain():
    obs = observations_frame(
        [
            ("q", "yes", "c", 50),  # 50% of c
            ("def_c", "in", "b", 40),  # c is 40% of b
            ("def_b", "in", ALL, 25),  # b is 25% of all
        ]
    )
    pops = populations_frame(
        [
            (ALL, None, None, None),
            ("b", ALL, "def_b", "in"),
            ("c", "b", "def_c", "in"),
        ]
    )
    shares = shares_of_parents(obs, pops).set_index("derived_id")
    q = obs_id("q", "yes", "c")
    assert shares.loc[f"{q}/share_of_parent/b", "value"] == pytest.approx(20.0)
    to_all = shares.loc[f"{q}/share_of_parent/{ALL}"]
    assert to_all["value"] == pytest.approx(5.0)
    assert (to_all["value_low"], to_all["value_high"]) == pytest.approx(
        (49.5 * 39.5 * 24.5 / 10_000, 50.5 * 40.5 * 25.5 / 10_000)
    )
    assert to_all["input_observation_ids"].split() == [
        q,
        obs_id("def_c", "in", "b"),
        obs_id("def_b", "in", ALL),
    ]
    counts = respondent_counts(obs, pops, surveys_frame(1000)).set_index("derived_id")
    assert counts.loc[f"{q}/respondent_count", "value"] == pytest.approx(50.0)
    wilson = wilson_intervals(obs, pops, surveys_frame(1000)).set_index("derived_id")
    assert "n = 100 is the estimated number of 'c'" in wilson.loc[f"{q}/wilson_ci", "assumption"]


def test_missing_defining_figure_gives_no_conditional_rows():
    frames = seed_frames()
    obs = frames["observations"]
    frames["observations"] = obs[obs["observation_id"] != obs_id("ai_use", "used", ALL)]
    out = _derive(frames)
    users = out[out["input_observation_ids"].str.contains(f".{USERS}", regex=False)]
    assert set(users["kind"]) == set()
    assert (
        not out["derived_id"].str.startswith(obs_id("ai_purpose", "content_creation", USERS)).any()
    )


def test_counts_need_a_sample_size_and_note_its_qualifier():
    obs = observations_frame([("q", "yes", ALL, 53)])
    pops = populations_frame([(ALL, None, None, None)])
    assert respondent_counts(obs, pops, surveys_frame(None)).empty
    assert wilson_intervals(obs, pops, surveys_frame(None)).empty
    row = respondent_counts(obs, pops, surveys_frame(1600, "plus de")).iloc[0]
    assert "sample size stated as 'plus de 1,600' and taken as 1,600" in row["assumption"]


def test_counts_ignore_count_figures():
    obs = observations_frame([("q", "n", ALL, 1600, {"unit": "count"})])
    pops = populations_frame([(ALL, None, None, None)])
    assert respondent_counts(obs, pops, surveys_frame()).empty
    assert shares_of_parents(obs, pops).empty


def test_no_wilson_for_an_empty_base():
    obs = observations_frame([("q", "yes", "b", 50), ("def_b", "in", ALL, 0)])
    pops = populations_frame([(ALL, None, None, None), ("b", ALL, "def_b", "in")])
    out = wilson_intervals(obs, pops, surveys_frame(100))
    assert list(out["derived_id"]) == [f"{obs_id('def_b', 'in', ALL)}/wilson_ci"]


def test_wilson_row():
    obs = observations_frame([("q", "yes", ALL, 50)])
    pops = populations_frame([(ALL, None, None, None)])
    row = wilson_intervals(obs, pops, surveys_frame(100)).iloc[0]
    assert row["value"] == 50.0 and row["unit"] == "percent" and row["bounds"] == "[)"
    assert row["value_low"] == pytest.approx(100 * wilson_interval(0.495, 100)[0])
    assert row["value_high"] == pytest.approx(100 * wilson_interval(0.505, 100)[1])
    assert "[40.38, 59.62] at 50%" in row["formula"]
    assert row["assumption"].startswith("sampling error only")


# (question_type, exhaustive, listed categories, published {category: value},
#  expected category_id (None = several answers), value, low, high, assumption contains)
COMPLEMENT_CASES = [
    ("single", True, ["yes", "no"], {"yes": 53}, "no", 47, 46.5, 47.5, None),
    (
        "single",
        True,
        ["a", "b", "c"],
        {"a": 53},
        None,
        47,
        46.5,
        47.5,
        "unpublished categories b, c together",
    ),
    (
        "single",
        False,
        ["a", "b"],
        {"a": 53},
        "b",
        47,
        46.5,
        47.5,
        "assuming the listed categories are exhaustive",
    ),
    (
        "single",
        False,
        ["used", "considering"],
        {"used": 53, "considering": 11},
        None,
        36,
        35,
        37,
        "every answer other than used, considering",
    ),
    ("single", True, ["yes", "no"], {"yes": 53, "no": 47}, "none", None, None, None, None),
    ("multi", True, ["a", "b"], {"a": 53}, "none", None, None, None, None),
    ("single", False, ["a", "b"], {"a": 60, "b": 45}, "none", None, None, None, None),
]


@pytest.mark.parametrize(
    "qtype, exhaustive, listed, published, category, value, low, high, note", COMPLEMENT_CASES
)
def test_complements(qtype, exhaustive, listed, published, category, value, low, high, note):
    obs = observations_frame([("q", c, ALL, v) for c, v in published.items()])
    out = complements(
        obs,
        populations_frame([(ALL, None, None, None)]),
        variables_frame([("q", qtype, exhaustive)]),
        categories_frame([("q", c) for c in listed]),
    )
    if category == "none":
        assert out.empty
        return
    row = FactDerived.validate(out).iloc[0]
    assert (None if pd.isna(row["category_id"]) else row["category_id"]) == category
    assert (row["value"], row["value_low"], row["value_high"]) == pytest.approx((value, low, high))
    assert row["bounds"] == "(]"
    assert row["derived_id"] == f"{SURVEY}.q.{category or '_rest'}.{ALL}/complement"
    if note is None:
        assert pd.isna(row["assumption"])
    else:
        assert note in row["assumption"]


def test_net_category_is_not_an_answer_of_the_complement():
    obs = observations_frame([("q", "any", ALL, 95), ("q", "a", ALL, 60)])
    out = complements(
        obs,
        populations_frame([(ALL, None, None, None)]),
        variables_frame([("q", "single", False)]),
        categories_frame([("q", "any", True), ("q", "a")]),
    )
    assert out.iloc[0]["input_observation_ids"] == obs_id("q", "a", ALL)


def test_a_category_stated_in_another_unit_is_not_the_remaining_answer():
    """'3,2 mois en moyenne' and '25 % ont mis plus de six mois': the 75 % left waited six
    months or less, not 'mean'."""
    obs = observations_frame([("q", "mean", ALL, 3.2, {"unit": "months"}), ("q", "over", ALL, 25)])
    out = complements(
        obs,
        populations_frame([(ALL, None, None, None)]),
        variables_frame([("q", "single", False)]),
        categories_frame([("q", "mean"), ("q", "over")]),
    )
    row = FactDerived.validate(out).iloc[0]
    assert (row["derived_id"], row["value"]) == (f"{SURVEY}.q._rest.{ALL}/complement", 75.0)
    assert pd.isna(row["category_id"])


def test_schema_rejects_a_value_outside_its_interval():
    row = _derive(seed_frames()).iloc[[0]].assign(value=1e9)
    with pytest.raises(Exception, match="interval_contains_value"):
        FactDerived.validate(row)


def test_a_complement_of_decimals_is_published_as_the_decimal_it_is():
    """100 − (58.4 + 31) is 10.599999999999994 in floats; the table says 10.6, (10.05, 11.15]."""
    obs = observations_frame([("q", "a", ALL, 58.4, {"decimals": 1}), ("q", "b", ALL, 31)])
    out = complements(
        obs,
        populations_frame([(ALL, None, None, None)]),
        variables_frame([("q", "single", False)]),
        categories_frame([("q", "a"), ("q", "b")]),
    )
    row = FactDerived.validate(out).iloc[0]
    assert (row["value"], row["value_low"], row["value_high"]) == (10.6, 10.05, 11.15)
    assert "= 10.6% (10.05, 11.15]" in row["formula"]
