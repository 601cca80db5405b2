"""Reading many sources with one process per core gives what reading them in turn gives."""

import shutil

import pytest

from bench.corpus import generate
from pipeline.errors import InputError
from pipeline.load import documents
from pipeline.load.documents import load_document, load_documents


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    raw = tmp_path_factory.mktemp("corpus") / "raw"
    generate(12, raw, seed=3)
    return sorted((raw / "sources").iterdir())


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(documents, "PARALLEL_FROM", 2)
    monkeypatch.setattr(documents, "CHUNK", 5)


def test_worker_processes_read_what_one_process_reads(corpus, small_chunks):
    one_by_one = [load_document(d) for d in corpus]
    parallel = load_documents(corpus, workers=2)
    assert [d.source.source_id for d in parallel] == [d.name for d in corpus]
    assert parallel == one_by_one  # text, metadata, annotations, mentions and digest


def test_the_first_bad_source_in_order_is_reported(corpus, small_chunks, tmp_path):
    copies = []
    for d in corpus:
        shutil.copytree(d, tmp_path / d.name)
        copies.append(tmp_path / d.name)
    for bad in (copies[7], copies[3]):  # two bad sources, in two different chunks
        (bad / "annotations.yml").write_text("source_id: [\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_documents(copies, workers=2)
    assert raised.value.path == str(copies[3] / "annotations.yml")
    assert raised.value.entry.startswith("line ")
    assert raised.value.fix
