"""The per-source store writes each partition whole (the given pickle, or its own), and gives
back the values it last wrote while their files are unchanged."""

import os
import pickle
from types import SimpleNamespace

import dagster as dg
import pytest

from pipeline import atomic
from pipeline.source_store import Prepickled, SourceStore

ASSET = dg.AssetKey("source_documents")


def _context(*keys: str) -> SimpleNamespace:
    """What the store reads of Dagster's output and input contexts."""
    return SimpleNamespace(asset_key=ASSET, asset_partition_keys=list(keys))


@pytest.fixture
def store(tmp_path) -> SourceStore:
    return SourceStore(base_dir=str(tmp_path / "store"))


def _files(store: SourceStore) -> list[str]:
    return sorted(os.listdir(os.path.join(store.base_dir, "source_documents")))


def test_given_pickles_are_written_as_they_are(store):
    # Protocol 2 marks the given bytes: the store's own pickles use the highest protocol.
    given = {"a": pickle.dumps(["a", 1], protocol=2), "b": pickle.dumps({"b": 2}, protocol=2)}
    values = Prepickled([("a", ["a", 1]), ("b", {"b": 2})], given.items())
    store.handle_output(_context("a", "b"), values)
    for key, data in given.items():
        assert (store._path(ASSET, key)).read_bytes() == data
    assert values.pickled == {}  # the run keeps its outputs: not a second copy of each
    assert _files(store) == ["a.pkl", "b.pkl"]


@pytest.mark.parametrize(
    "obj",
    [
        {"a": ["a", 1], "b": {"b": 2}},
        Prepickled([("a", ["a", 1]), ("b", {"b": 2})], [("b", pickle.dumps({"b": 2}, 2))]),
    ],
    ids=["plain", "partly-given"],
)
def test_values_without_a_pickle_are_pickled_here(store, obj):
    store.handle_output(_context("a", "b"), obj)
    data = store._path(ASSET, "a").read_bytes()
    assert data == pickle.dumps(["a", 1], pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(store._path(ASSET, "b").read_bytes()) == {"b": 2}


def test_one_partition_may_be_given_bare(store):
    store.handle_output(_context("a"), ["a", 1])
    assert pickle.loads(store._path(ASSET, "a").read_bytes()) == ["a", 1]


def test_a_missing_partition_is_refused(store):
    with pytest.raises(
        dg.DagsterInvariantViolationError, match=r"no output for partitions \['b'\]"
    ):
        store.handle_output(_context("a", "b"), {"a": 1, "c": 3})


def test_a_file_is_replaced_whole_and_a_failed_write_keeps_the_old_one(store, monkeypatch):
    store.handle_output(_context("a"), {"a": "old"})
    path = store._path(ASSET, "a")
    inode = path.stat().st_ino
    store.handle_output(_context("a"), {"a": "new"})
    assert path.stat().st_ino != inode  # a new file renamed over the old one, not an edit
    assert pickle.loads(path.read_bytes()) == "new"

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        store.handle_output(_context("a"), Prepickled([("a", "newer")], [("a", b"\x80")]))
    assert pickle.loads(path.read_bytes()) == "new"
    assert _files(store) == ["a.pkl"]  # no temporary file left behind


def test_the_values_written_are_given_back_until_their_file_changes(store):
    values = Prepickled([("a", ["a"]), ("b", ["b"])], [("a", pickle.dumps(["a"]))])
    store.handle_output(_context("a", "b"), values)
    loaded = store.load_input(_context("a", "b"))
    assert loaded["a"] is values["a"] and loaded["b"] is values["b"]  # no second copy

    path = store._path(ASSET, "a")
    path.write_bytes(pickle.dumps(["edited"]))
    again = store.load_input(_context("a", "b"))
    assert again["a"] == ["edited"]
    assert again["b"] is values["b"]


def test_a_partition_never_written_is_named(store):
    store.handle_output(_context("a"), {"a": 1})
    with pytest.raises(dg.DagsterInvariantViolationError, match="'z' has never been materialized"):
        store.load_input(_context("a", "z"))
