"""The synthetic corpus of bench/corpus.py: deterministic, every number accounted for, and
built end to end into a release that publishes exactly the generator's known figures."""

from pathlib import Path

import pandas as pd
import pytest

from bench.corpus import Corpus, generate, touch_source
from pipeline.extract import extract_mentions, parse_number
from pipeline.load.annotations import load_annotations
from pipeline.load.codelists import load_codelists
from pipeline.load.sources import load_source, load_sources, source_dirs
from pipeline.model import dims, entries
from pipeline.reconcile import reconcile
from pipeline.resources import ProjectPaths

from ..conftest import build, report, tree_digest

N_SOURCES = 30


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return generate(N_SOURCES, tmp_path_factory.mktemp("corpus") / "raw", seed=3)


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    a = generate(12, tmp_path / "a", seed=5)
    b = generate(12, tmp_path / "b", seed=5)
    generate(12, tmp_path / "c", seed=6)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert tree_digest(tmp_path / "a") != tree_digest(tmp_path / "c")
    assert a.known == b.known and a.expected == b.expected


def test_typography_is_varied(tmp_path):
    generate(100, tmp_path / "raw", seed=0)
    text = "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "raw" / "sources").glob("*/article.txt")
    )
    for written in [
        "\u00a0%",
        "\u202f%",
        " %",
        "pour cent",
        "Près d’un quart",
        "seulement",
        "la quasi-totalité",
        "NIS 2",
        "A lire aussi",
    ]:
        assert written in text, written
    for pattern in [
        r"\d%",
        r"\d,\d",
        r"[a-z] pour cent",
        r"\d\.\d{3} ",
        r"\d \d{3} ",
        r"\d\u00a0\d{3} ",
        r"\d\u202f\d{3} ",
    ]:
        assert pd.Series([text]).str.contains(pattern).all(), pattern


def test_quotes_sit_at_their_offsets_and_numbers_read_as_values(corpus):
    for directory in source_dirs(corpus.raw_dir):
        text = load_source(directory).text
        sections = load_annotations(directory).sections
        for section in ("observations", "attributes", "claims", "ignore"):
            for e in sections[section]:
                assert text[e["char_start"] : e["char_end"]] == e["quote"], (directory, e)
        for e in sections["observations"]:
            assert parse_number(e["number_text"]) == ("percent", float(e["value"])), e


def test_every_number_of_every_text_is_accounted_for(corpus):
    for directory in source_dirs(corpus.raw_dir):
        text = load_source(directory).text
        sections = load_annotations(directory).sections
        spans = [
            (e["char_start"], e["char_end"]) for s in ("claims", "ignore") for e in sections[s]
        ]
        for e in sections["observations"] + sections["attributes"]:
            at = e["char_start"] + e["quote"].index(e["number_text"])
            spans.append((at, at + len(e["number_text"])))
        for m in extract_mentions(text):
            assert any(s < m.end and m.start < e for s, e in spans), (directory.name, m)


def _reconciled(raw: Path):
    annotations = [load_annotations(d) for d in source_dirs(raw)]
    populations = dims.dim_population(load_codelists(raw))
    return reconcile(entries.observation_entries(annotations), populations)


def test_reconciliation_publishes_the_known_figures(corpus):
    result = _reconciled(corpus.raw_dir)
    published = result.entries[result.entries["publishes"]]
    assert (
        dict(zip(published["observation_id"], published["value"].astype(float), strict=True))
        == corpus.known
    )
    counts = result.table["status"].value_counts().to_dict()
    for status, expected in corpus.expected.items():
        assert counts.get(status, 0) == expected, status
    assert "base differs" not in counts
    assert counts["agrees"] > 0


def test_touch_source_changes_the_text_and_keeps_it_valid(tmp_path):
    corpus = generate(3, tmp_path / "raw", seed=1)
    before = tree_digest(tmp_path / "raw")
    touch_source(corpus.raw_dir, corpus.source_ids[1])
    after = tree_digest(tmp_path / "raw")
    changed = {k for k in after if before.get(k) != after[k]}
    assert changed == {f"sources/{corpus.source_ids[1]}/{f}" for f in ("article.txt", "source.yml")}
    assert len(load_sources(corpus.raw_dir)) == 3  # checksums still verify


@pytest.mark.slow
def test_corpus_builds_and_publishes_the_known_figures(corpus, tmp_path):
    paths = ProjectPaths(raw_dir=str(corpus.raw_dir), warehouse_dir=str(tmp_path / "wh"))
    result = build(paths)
    assert result.success, report(result)
    failed = [
        c
        for c in result.get_asset_check_evaluations()
        if not c.passed and c.check_name != "sources_agree"
    ]  # disagreements are data
    assert not failed, report(result)
    facts = pd.read_parquet(tmp_path / "wh" / "fact_observation.parquet")
    published = dict(zip(facts["observation_id"], facts["value"], strict=True))
    assert {oid: published.get(oid) for oid in corpus.known} == corpus.known
    extra = set(published) - set(corpus.known)
    if "settled_by_source_id" in facts.columns:  # reconciliation wired into fact_observation
        assert not extra
    else:  # before that, an open base is published where its source annotated it
        assert extra <= corpus.open_readings
