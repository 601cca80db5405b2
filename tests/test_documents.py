"""Reading many sources with one process per core gives what reading them in turn gives."""

import os
import shutil
import subprocess
import sys

import pytest

from bench.corpus import generate
from pipeline.errors import InputError
from pipeline.load import cores
from pipeline.load.documents import load_document, load_documents


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    raw = tmp_path_factory.mktemp("corpus") / "raw"
    generate(12, raw, seed=3)
    return sorted((raw / "sources").iterdir())


@pytest.fixture
def parallel_from_two(monkeypatch):
    """Workers from two sources on, in chunks of one source or more."""
    monkeypatch.setattr(cores, "PARALLEL_FROM", 2)
    monkeypatch.setattr(cores, "SMALLEST_CHUNK", 1)


def test_worker_processes_read_what_one_process_reads(corpus, parallel_from_two, monkeypatch):
    one_by_one = [load_document(d) for d in corpus]
    started = []
    popen = subprocess.Popen

    def counting(args, **kwargs):
        started.append(args)
        return popen(args, **kwargs)

    monkeypatch.setattr(cores.subprocess, "Popen", counting)
    parallel = load_documents(corpus, workers=3)
    assert len(started) == 2  # this process reads chunks, and one worker per other core
    assert [d.source.source_id for d in parallel] == [d.name for d in corpus]
    assert parallel == one_by_one  # text, metadata, annotations, mentions and digest


# 12 sources, 3 readers taking chunks of 2, 2, 2, 1... as they are free: whoever reads the
# bad sources, the first one in order is reported.
@pytest.mark.parametrize(
    "bad",
    [(9, 5), (9, 1), (2, 6), (0,), (11,), (10, 11)],
    ids=["9-5", "9-1", "2-6", "0", "11", "10-11"],
)
def test_the_first_bad_source_in_order_is_reported(corpus, parallel_from_two, tmp_path, bad):
    copies = []
    for d in corpus:
        shutil.copytree(d, tmp_path / d.name)
        copies.append(tmp_path / d.name)
    for i in bad:
        (copies[i] / "annotations.yml").write_text("source_id: [\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_documents(copies, workers=3)
    assert raised.value.path == str(copies[min(bad)] / "annotations.yml")
    assert raised.value.entry.startswith("line ")
    assert raised.value.fix


def test_a_script_without_a_main_guard_can_read_in_parallel(corpus, tmp_path):
    """Worker processes never re-run the caller's script (as `spawn` would, top to bottom)."""
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from pathlib import Path\n"
        "from pipeline.load import cores, documents\n"
        "cores.PARALLEL_FROM = 2\n"
        "cores.SMALLEST_CHUNK = 1\n"
        f"dirs = sorted(Path({str(corpus[0].parent)!r}).iterdir())\n"
        "print('read', len(documents.load_documents(dirs, workers=2)))\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(cores.PACKAGE_ROOT)},  # this code, not another copy
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines() == [f"read {len(corpus)}"]
