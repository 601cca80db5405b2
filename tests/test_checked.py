"""Sources read and checked in chunks, on every core, give the documents, the per-source
problems and the partitions' metadata that reading them in turn and checking them all at
once gives."""

import pickle
import re

import dagster as dg
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.corpus import generate
from pipeline.assets.raw import _source_metadata
from pipeline.definitions import build_definitions
from pipeline.load import cores
from pipeline.load.checked import CheckedSources, check_chunk, read_checked
from pipeline.load.documents import load_document
from pipeline.orchestrate import QUIET, sync_partitions
from pipeline.resources import ProjectPaths
from pipeline.validate.source_report import source_problems


def _shift_quote(ann: dict, text: str) -> None:
    ann["observations"][0]["char_start"] += 1


def _wrong_value(ann: dict, text: str) -> None:
    ann["observations"][-1]["value"] += 1


def _drop_figure(ann: dict, text: str) -> None:
    del ann["observations"][1]


def _ignore_a_word(ann: dict, text: str) -> None:
    word = re.search(r"[^\W\d]{6,}", text)
    ignore = {"quote": word.group(), "char_start": word.start(), "char_end": word.end()}
    ann["ignore"] = [*(ann.get("ignore") or []), {**ignore, "reason": "not a number"}]


def _all_three(ann: dict, text: str) -> None:
    _wrong_value(ann, text)
    _drop_figure(ann, text)
    _shift_quote(ann, text)


# Source number -> what is wrong in its annotations (problems, not unreadable files).
BROKEN = {
    1: _shift_quote,
    4: _wrong_value,
    5: _drop_figure,
    6: _drop_figure,
    8: _ignore_a_word,
    11: _all_three,
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list:
    raw = tmp_path_factory.mktemp("checked") / "raw"
    generate(14, raw, seed=5)
    dirs = sorted((raw / "sources").iterdir())
    for i, breaks in BROKEN.items():
        path = dirs[i] / "annotations.yml"
        ann = yaml.safe_load(path.read_text(encoding="utf-8"))
        breaks(ann, (dirs[i] / "article.txt").read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(ann, allow_unicode=True, sort_keys=False), "utf-8")
    return dirs


@pytest.fixture(scope="module")
def docs(corpus) -> list:
    return [load_document(d) for d in corpus]


@pytest.fixture(scope="module")
def all_at_once(docs) -> dict:
    """The problems of every source, checked in one batch, for the sources that have any."""
    found = source_problems(docs)
    return {key: frame for key, frame in found.items() if len(frame)}


def _same_problems(got: dict, expected: dict) -> None:
    assert list(got) == list(expected)
    for key, frame in expected.items():
        assert got[key].equals(frame), key
        assert list(got[key].dtypes) == list(frame.dtypes)


def test_the_broken_sources_have_problems_of_each_kind(corpus, all_at_once):
    assert sorted(all_at_once) == sorted(corpus[i].name for i in BROKEN)
    texts = " ".join(t for f in all_at_once.values() for t in f["problem"])
    for kind in (
        "quote is not the text",
        "differs from the number written",
        "no annotation accounts for this percent",
        "ignore entry matches no mention",
    ):
        assert kind in texts
    assert len(all_at_once[corpus[11].name]) == 2  # coverage is checked on sound sources only


def test_read_and_checked_on_every_core_equals_in_turn(corpus, docs, all_at_once, monkeypatch):
    monkeypatch.setattr(cores, "PARALLEL_FROM", 2)
    monkeypatch.setattr(cores, "SMALLEST_CHUNK", 1)
    got = read_checked(corpus, workers=2)
    assert got.docs == docs
    assert [pickle.loads(b) for b in got.pickled] == docs
    _same_problems(got.problems, all_at_once)


def test_read_and_checked_here_equals_in_turn(corpus, docs, all_at_once):
    got = read_checked(corpus, workers=1)
    assert got.docs == docs
    assert [pickle.loads(b) for b in got.pickled] == docs
    _same_problems(got.problems, all_at_once)


def test_a_checked_chunk_travels_as_its_documents_pickles(corpus, docs):
    chunk = check_chunk(corpus[:6])
    sent = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
    received = pickle.loads(sent)
    assert isinstance(received, CheckedSources)
    assert received.docs == docs[:6]
    assert received.pickled == chunk.pickled  # the bytes the store writes, unchanged
    _same_problems(received.problems, chunk.problems)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cuts=st.sets(st.integers(1, 13), max_size=8))
def test_problems_of_any_chunking_are_the_problems_of_the_whole(docs, cuts):
    """A source's problems depend on that source alone, so any split into chunks gives the
    same problems, filed under the same source, in the same order."""
    bounds = [0, *sorted(cuts), len(docs)]
    got = {}
    for start, stop in zip(bounds, bounds[1:], strict=False):
        got.update(source_problems(docs[start:stop]))
    _same_problems(got, source_problems(docs))


def _values(metadata: dict) -> dict:
    return {key: getattr(value, "value", value) for key, value in metadata.items()}


def test_the_source_run_shows_each_partitions_checks(corpus, docs, tmp_path, monkeypatch):
    """Run over every source, read and checked on every core: each partition's metadata is
    what checking every source at once in this process gives, and each document is stored."""
    monkeypatch.setattr(cores, "PARALLEL_FROM", 2)
    monkeypatch.setattr(cores, "SMALLEST_CHUNK", 1)
    store = tmp_path / "store"
    paths = ProjectPaths(
        raw_dir=str(corpus[0].parents[1]), warehouse_dir=str(tmp_path / "wh"), store_dir=str(store)
    )
    with dg.DagsterInstance.ephemeral() as instance:
        keys = sync_partitions(instance, paths)
        result = (
            build_definitions(paths)
            .resolve_job_def("source_job")
            .execute_in_process(
                instance=instance,
                tags={
                    "dagster/asset_partition_range_start": keys[0],
                    "dagster/asset_partition_range_end": keys[-1],
                },
                run_config=QUIET,
            )
        )
    shown = {
        e.partition: _values(e.materialization.metadata)
        for e in result.get_asset_materialization_events()
    }
    found = source_problems(docs)
    assert shown == {
        d.source.source_id: _values(_source_metadata(d, found[d.source.source_id])) for d in docs
    }
    assert sum(m["checks"] == "FAILED" for m in shown.values()) == len(BROKEN)
    stored = store / "source_documents"
    assert sorted(p.name for p in stored.iterdir()) == [f"{d.name}.pkl" for d in corpus]
    assert [pickle.loads((stored / f"{d.name}.pkl").read_bytes()) for d in corpus] == docs
