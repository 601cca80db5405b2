"""Every lexicon rule: a claim that holds, one that fails, and claims at the tolerance edge."""

import copy

import pandas as pd
import pytest
from derive_frames import obs_id, observations_frame

from pipeline.derive.claims import evaluate_claims
from pipeline.derive.lexicon import LEXICON_PATH, load_lexicon, parse_lexicon
from pipeline.errors import InputError

S, C, X = "supported", "contradicted", "not checkable"

# (rule, quote, figures, expected verdict, tag). A figure is a whole percentage (rounding
# interval [v − 0.5, v + 0.5)) or (value, decimals); a ratio claim lists [base, compared].
# tag: holds / fails / edge (at the tolerance: the first figure in or out of the rule).
CASES = [
    ("majority", "Une majorité (53%)", [53], S, "holds"),
    ("majority", "Une majorité (49%)", [49], C, "fails"),
    ("majority", "Une majorité (50%)", [50], S, "edge"),  # 50% may stand for 50.4%
    ("majority", "Une majorité (50,0%)", [(50.0, 1)], S, "edge"),
    ("majority", "Une majorité (49,9%)", [(49.9, 1)], C, "edge"),
    ("most", "la plupart (60%)", [60], S, "holds"),
    ("most", "la plupart (40%)", [40], C, "fails"),
    ("most", "la plupart (50%)", [50], S, "edge"),
    ("large_majority", "une large majorité (70%)", [70], S, "holds"),
    ("large_majority", "une large majorité (55%)", [55], C, "fails"),
    ("large_majority", "une large majorité (59%)", [59], C, "edge"),
    ("large_majority", "une large majorité (60%)", [60], S, "edge"),
    ("more_than_half", "plus de la moitié (51%)", [51], S, "holds"),
    ("more_than_half", "plus de la moitié (45%)", [45], C, "fails"),
    ("more_than_half", "plus de la moitié (50%)", [50], S, "edge"),
    ("less_than_half", "moins de la moitié (45%)", [45], S, "holds"),
    ("less_than_half", "moins de la moitié (52%)", [52], C, "fails"),
    ("less_than_half", "moins de la moitié (50%)", [50], S, "edge"),
    ("less_than_half", "moins de la moitié (51%)", [51], C, "edge"),
    ("minority", "une minorité (30%)", [30], S, "holds"),
    ("minority", "une minorité (60%)", [60], C, "fails"),
    ("minority", "une minorité (51%)", [51], C, "edge"),
    ("almost_all", "la quasi-totalité (95%)", [95], S, "holds"),
    ("almost_all", "la quasi-totalité (85%)", [85], C, "fails"),
    ("almost_all", "la quasi-totalité (90%)", [90], S, "edge"),
    ("almost_all", "la quasi-totalité (89%)", [89], C, "edge"),
    # Fractions: within 2.5 points (or 15% of the fraction when smaller), limits included.
    ("half", "la moitié (50%)", [50], S, "holds"),
    ("half", "la moitié (45%)", [45], C, "fails"),
    ("half", "la moitié (47%)", [47], C, "edge"),  # [46.5, 47.5) misses 47.5
    ("half", "la moitié (53%)", [53], S, "edge"),  # [52.5, 53.5) touches 52.5
    ("one_third", "un tiers (33%)", [33], S, "holds"),
    ("one_third", "un tiers (38%)", [38], C, "fails"),
    ("one_third", "un tiers (31%)", [31], S, "edge"),
    ("one_third", "un tiers (30%)", [30], C, "edge"),
    ("two_thirds", "deux tiers (67%)", [67], S, "holds"),
    ("two_thirds", "deux tiers (60%)", [60], C, "fails"),
    ("two_thirds", "deux tiers (69%)", [69], S, "edge"),
    ("two_thirds", "deux tiers (70%)", [70], C, "edge"),
    ("one_quarter", "un quart (25%)", [25], S, "holds"),
    ("one_quarter", "un quart (30%)", [30], C, "fails"),
    ("one_quarter", "un quart (22%)", [22], C, "edge"),
    ("one_quarter", "un quart (28%)", [28], S, "edge"),
    ("three_quarters", "trois quarts (75%)", [75], S, "holds"),
    ("three_quarters", "trois quarts (70%)", [70], C, "fails"),
    ("three_quarters", "trois quarts (72%)", [72], C, "edge"),
    ("three_quarters", "trois quarts (78%)", [78], S, "edge"),
    ("one_fifth", "un sur cinq (20%)", [20], S, "holds"),
    ("one_fifth", "un sur cinq (25%)", [25], C, "fails"),
    ("one_fifth", "un sur cinq (23%)", [23], S, "edge"),
    ("one_in_ten", "un sur dix (10%)", [10], S, "holds"),
    ("one_in_ten", "un sur dix (13%)", [13], C, "fails"),
    ("one_in_ten", "un sur dix (8%)", [8], C, "edge"),  # limit 8.5 (15% of 10)
    ("one_in_ten", "un sur dix (12%)", [12], S, "edge"),
    ("two_in_ten", "deux sur dix (20%)", [20], S, "holds"),
    ("two_in_ten", "deux sur dix (25%)", [25], C, "fails"),
    ("two_in_ten", "deux sur dix (17%)", [17], C, "edge"),
    ("three_in_ten", "trois sur dix (30%)", [30], S, "holds"),
    ("three_in_ten", "trois sur dix (35%)", [35], C, "fails"),
    ("three_in_ten", "trois sur dix (33%)", [33], S, "edge"),
    ("four_in_ten", "quatre sur dix (40%)", [40], S, "holds"),
    ("four_in_ten", "quatre sur dix (45%)", [45], C, "fails"),
    ("four_in_ten", "quatre sur dix (37%)", [37], C, "edge"),
    ("six_in_ten", "six sur dix (60%)", [60], S, "holds"),
    ("six_in_ten", "six sur dix (65%)", [65], C, "fails"),
    ("six_in_ten", "six sur dix (63%)", [63], S, "edge"),
    ("seven_in_ten", "sept sur dix (70%)", [70], S, "holds"),
    ("seven_in_ten", "sept sur dix (75%)", [75], C, "fails"),
    ("seven_in_ten", "sept sur dix (67%)", [67], C, "edge"),
    ("eight_in_ten", "huit sur dix (80%)", [80], S, "holds"),
    ("eight_in_ten", "huit sur dix (85%)", [85], C, "fails"),
    ("eight_in_ten", "huit sur dix (83%)", [83], S, "edge"),
    ("nine_in_ten", "neuf sur dix (90%)", [90], S, "holds"),
    ("nine_in_ten", "neuf sur dix (95%)", [95], C, "fails"),
    ("nine_in_ten", "neuf sur dix (87%)", [87], C, "edge"),
    # Relative to a target read from the quote.
    ("nearly", "Près d’un quart (23%)", [23], S, "holds"),  # allowed [22, 26]
    ("nearly", "Près d’un quart (20%)", [20], C, "fails"),
    ("nearly", "Près d’un quart (22%)", [22], S, "edge"),
    ("nearly", "Près d’un quart (21%)", [21], C, "edge"),
    ("nearly", "près de 40 % (38%)", [38], S, "holds"),  # allowed [37, 41]
    ("nearly", "près de 40 % (42%)", [42], C, "edge"),
    ("about", "environ un tiers (34%)", [34], S, "holds"),  # allowed [30.33, 36.33]
    ("about", "environ un tiers (40%)", [40], C, "fails"),
    ("about", "environ un tiers (30%)", [30], S, "edge"),
    ("about", "environ un tiers (29%)", [29], C, "edge"),
    ("about", "environ 10 % (12%)", [12], C, "edge"),  # ±1 point at this size
    ("slightly_more_than", "un peu plus d'un quart (26%)", [26], S, "holds"),  # (25, 28]
    ("slightly_more_than", "un peu plus d'un quart (24%)", [24], C, "fails"),
    ("slightly_more_than", "un peu plus d'un quart (25%)", [25], S, "edge"),
    ("slightly_more_than", "un peu plus d'un quart (29%)", [29], C, "edge"),
    ("slightly_less_than", "un peu moins de la moitié (48%)", [48], S, "holds"),  # [47, 50)
    ("slightly_less_than", "un peu moins de la moitié (51%)", [51], C, "fails"),
    ("slightly_less_than", "un peu moins de la moitié (50%)", [50], S, "edge"),
    ("slightly_less_than", "un peu moins de la moitié (46%)", [46], C, "edge"),
    ("more_than", "plus d'un tiers (40%)", [40], S, "holds"),
    ("more_than", "plus d'un tiers (30%)", [30], C, "fails"),
    ("more_than", "plus d'un tiers (33%)", [33], S, "edge"),  # 33.4 > 33.33
    ("more_than", "plus d'un tiers (32%)", [32], C, "edge"),
    ("less_than", "moins de 20 % (15%)", [15], S, "holds"),
    ("less_than", "moins de 20 % (25%)", [25], C, "fails"),
    ("less_than", "moins de 20 % (20%)", [20], S, "edge"),
    ("less_than", "moins de 20 % (21%)", [21], C, "edge"),
    ("at_least", "au moins 30 % (35%)", [35], S, "holds"),
    ("at_least", "au moins 30 % (25%)", [25], C, "fails"),
    ("at_least", "au moins 30 % (29%)", [29], C, "edge"),
    ("at_most", "au plus un quart (20%)", [20], S, "holds"),
    ("at_most", "au plus un quart (30%)", [30], C, "fails"),
    ("at_most", "au plus un quart (26%)", [26], C, "edge"),
    # Ratios [base, compared], within rounding only (tolerance 0).
    ("double", "double", [11, 22], S, "holds"),
    ("double", "double", [11, 30], C, "fails"),
    ("double", "double", [11, 20], C, "edge"),  # (1.70, 1.95)
    ("double", "double", [10, 21], S, "edge"),  # point ratio 2.1, (1.95, 2.26) holds 2
    ("triple", "triple", [10, 30], S, "holds"),
    ("triple", "triple", [10, 20], C, "fails"),
    ("triple", "triple", [10, 32], C, "edge"),  # (31.5/10.5, …) = (3, …): 3 excluded
    ("triple", "triple", [10, 31], S, "edge"),
    ("half_as_much", "deux fois moins", [40, 20], S, "holds"),
    ("half_as_much", "deux fois moins", [40, 30], C, "fails"),
    ("half_as_much", "deux fois moins", [41, 20], S, "edge"),
    ("half_as_much", "deux fois moins", [40, 19], C, "edge"),
    # A multiplier the quote writes, within its rounding: "2,3" is [2.25, 2.35).
    ("times_as_much", "2,3 fois plus", [10, 23], S, "holds"),  # [2.14, 2.47)
    ("times_as_much", "2,3 fois plus", [10, 30], C, "fails"),
    ("times_as_much", "1,5 fois plus", [40, 57], S, "edge"),  # (1.395, 1.456)
    ("times_as_much", "1,5 fois plus", [40, 56], C, "edge"),  # (1.370, 1.430)
    ("times_as_much", "un risque multiplié par 3", [10, 26], S, "holds"),  # [2.5, 3.5)
    ("times_less", "2,5 fois moins", [50, 20], S, "holds"),  # (0.392, 0.408]
    ("times_less", "2,5 fois moins", [50, 30], C, "fails"),
    ("times_less", "4 fois moins", [40, 9], S, "edge"),  # (0.210, 0.241) meets (0.222, 0.286]
    ("times_less", "4 fois moins", [40, 8], C, "edge"),  # (0.185, 0.215)
    # No numeric meaning.
    ("only", "seulement 11%", [11], X, "holds"),
    ("limited_to", "limitée à 22%", [22], X, "holds"),
    ("first_of_all", "avant tout des mots de passe (79%)", [79], X, "holds"),
]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _evaluate(rule, quote, values, lexicon):
    rows = []
    for i, v in enumerate(values):
        value, decimals = v if isinstance(v, tuple) else (v, 0)
        rows.append(("v", f"c{i}", "all", value, {"decimals": decimals}))
    claims = pd.DataFrame(
        [
            {
                "source_id": "src",
                "claim_id": "c",
                "quote": quote,
                "char_start": 0,
                "char_end": len(quote),
                "rule": rule,
                "observation_ids": [obs_id("v", f"c{i}", "all") for i in range(len(values))],
            }
        ]
    )
    return evaluate_claims(claims, observations_frame(rows), lexicon).iloc[0]


@pytest.mark.parametrize("rule, quote, values, verdict, tag", CASES)
def test_rule(rule, quote, values, verdict, tag, lexicon):
    got = _evaluate(rule, quote, values, lexicon)
    assert got["verdict"] == verdict, got["arithmetic"]


def test_every_entry_has_cases(lexicon):
    """A new lexicon entry needs its own rows in CASES: holding, failing and at the edge."""
    tags: dict[str, set] = {}
    for rule, _, _, _, tag in CASES:
        tags.setdefault(rule, set()).add(tag)
    for key, entry in lexicon.items():
        needed = {"holds"} if entry.type == "not_checkable" else {"holds", "fails", "edge"}
        assert needed <= tags.get(key, set()), key


def test_ratio_tolerance_is_optional(lexicon):
    loose = dict(lexicon)
    data = {
        "entries": {
            "double": {
                "forms": ["double"],
                "meaning_en": "twice as much",
                "type": "ratio",
                "params": {"value": 2, "tolerance": {"relative": 0.05}},
                "rationale": "looser",
            }
        }
    }
    loose["double"] = parse_lexicon(data, "test.yml")["double"]
    assert _evaluate("double", "double", [11, 20], lexicon)["verdict"] == C
    got = _evaluate("double", "double", [11, 20], loose)
    assert got["verdict"] == S and "[1.9, 2.1]" in got["arithmetic"]


VALID = {
    "entries": {
        "majority": {
            "forms": ["une majorité"],
            "meaning_en": "a majority",
            "type": "threshold",
            "params": {"op": ">", "value": 50},
            "rationale": "more than half",
        },
        "nearly": {
            "forms": ["près de"],
            "meaning_en": "nearly",
            "type": "relative_to_target",
            "params": {"below": {"points": 3}, "above": None},
            "rationale": "r",
        },
    }
}


def _broken(path: tuple, value):
    data = copy.deepcopy(VALID)
    node = data
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


@pytest.mark.parametrize(
    "path, value, entry, problem",
    [
        (("entries",), [], None, "no 'entries' mapping"),
        (("entries", "Majority"), VALID["entries"]["majority"], "entries.Majority", "not an id"),
        (("entries", "majority", "rationale"), KeyError, "entries.majority", "fields are"),
        (("entries", "majority", "rationale"), " ", "entries.majority", "rationale is empty"),
        (("entries", "majority", "type"), "vibe", "entries.majority", "unknown type"),
        (("entries", "majority", "forms"), [], "entries.majority", "forms must be"),
        (("entries", "majority", "params", "op"), "≥", "entries.majority", "params.op"),
        (("entries", "majority", "params", "value"), "50", "entries.majority", "params.value"),
        (("entries", "majority", "params", "extra"), 1, "entries.majority", "has params"),
        (
            ("entries", "nearly", "params", "below"),
            {"points": -1},
            "entries.nearly.params.below",
            "negative",
        ),
        (
            ("entries", "nearly", "params", "below"),
            {"inclusive": True},
            "entries.nearly.params.below",
            "missing",
        ),
        (("entries", "nearly", "forms"), ["une majorité"], "entries.nearly", "also in majority"),
    ],
)
def test_invalid_lexicon_names_file_and_entry(path, value, entry, problem):
    with pytest.raises(InputError) as err:
        parse_lexicon(_broken(path, value), "raw/lexicon/fr_claims.yml")
    assert err.value.path == "raw/lexicon/fr_claims.yml"
    assert err.value.entry == entry
    assert problem in str(err.value)


def test_ratio_tolerance_has_no_points():
    data = {
        "entries": {
            "double": {
                "forms": ["double"],
                "meaning_en": "twice",
                "type": "ratio",
                "params": {"value": 2, "tolerance": {"points": 1}},
                "rationale": "r",
            }
        }
    }
    with pytest.raises(InputError, match="entries.double.params.tolerance"):
        parse_lexicon(data, "x.yml")


def test_unparseable_file_is_an_input_error(tmp_path):
    bad = tmp_path / "fr_claims.yml"
    bad.write_text("entries: [unclosed", encoding="utf-8")
    with pytest.raises(InputError, match="fr_claims.yml"):
        load_lexicon(bad)


def test_a_written_multiplier_has_its_ratios_from_the_quote(lexicon):
    """A ratio read from the quote has no ratios of its own: asking for them is an error
    that says where they come from, and its rounding gives them ("2,5 fois moins")."""
    with pytest.raises(ValueError, match="times_less.*written_allowed"):
        lexicon["times_less"].allowed()
    assert str(lexicon["times_less"].written_allowed(2.45, 2.55)) == "(0.39, 0.41]"
    assert str(lexicon["times_as_much"].written_allowed(2.25, 2.35)) == "[2.25, 2.35)"


def test_shipped_lexicon_loads(lexicon):
    assert LEXICON_PATH.name == "fr_claims.yml"
    assert {
        "majority",
        "almost_all",
        "nearly",
        "double",
        "only",
        "one_in_ten",
        "one_third",
        "two_thirds",
        "one_quarter",
        "half",
        "more_than_half",
        "about",
        "slightly_more_than",
        "triple",
    } <= set(lexicon)
