"""The extractor's lexicons (raw/lexicon/fr_*.yml) hold what the code expects."""

import pytest
import yaml

from pipeline.extract.lexicon import LEXICON_DIR, load

OWNED = ["numbers", "months", "fractions", "hedges", "sentences"]
MEANINGS = {"approximately", "more_than", "less_than", "at_least", "at_most", "emphasis"}


# The only keys whose values are true/false; anywhere else a boolean is a word YAML misread.
FLAGS = {"approx", "report", "sign_points", "partitive"}


def _leaves(node, key=None):
    if isinstance(node, dict):
        for k, value in node.items():
            yield from _leaves(value, k)
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value, key)
    else:
        yield key, node


@pytest.mark.parametrize("name", OWNED)
def test_yaml_1_1_booleans_do_not_slip_into_word_lists(name):
    # YAML 1.1 reads unquoted `on`, `no`, `y` as booleans ("y" and "on" are function words).
    doc = yaml.safe_load((LEXICON_DIR / f"fr_{name}.yml").read_text(encoding="utf-8"))
    for key, leaf in _leaves(doc):
        assert not isinstance(leaf, bool) or key in FLAGS, (name, key, leaf)
        assert leaf is not None, (name, key)


def test_every_month_has_names():
    months = load("months")["months"]
    assert sorted(months) == list(range(1, 13))
    assert all(months[n] and all(isinstance(f, str) for f in months[n]) for n in months)


@pytest.mark.parametrize("section", ["before", "after", "prefixes", "adjectives"])
def test_qualifiers_say_what_they_mean(section):
    for entry in load("hedges")[section]:
        assert isinstance(entry["words"], str) and entry["words"].strip() == entry["words"]
        assert entry["meaning"] in MEANINGS, entry
        assert isinstance(entry["approx"], bool), entry
        assert entry["approx"] == (entry["meaning"] != "emphasis"), entry


def test_scales_and_shares_are_numbers():
    numbers, fractions = load("numbers"), load("fractions")
    for table in (
        numbers["scales"],
        numbers["scale_abbreviations"],
        numbers["approximate_counts"],
        numbers["multiplier_words"],
        fractions["denominators"],
    ):
        assert all(isinstance(v, int) and v > 0 for v in table.values())
    assert all(0 < share["value"] <= 100 for share in fractions["shares"].values())
