"""Reading many sources with one process per core gives what reading them in turn gives, and a
stored document knows whether its files changed since."""

import os
import shutil
import subprocess
import sys

import pytest

from bench.corpus import generate
from pipeline.errors import InputError
from pipeline.load import cores
from pipeline.load.checked import read_checked
from pipeline.load.documents import input_digest, is_current, load_document


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
    parallel = read_checked(corpus, workers=3).docs
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
        read_checked(copies, workers=3)
    assert raised.value.path == str(copies[min(bad)] / "annotations.yml")
    assert raised.value.entry.startswith("line ")
    assert raised.value.fix


def test_a_script_without_a_main_guard_can_read_in_parallel(corpus, tmp_path):
    """Worker processes never re-run the caller's script (as `spawn` would, top to bottom)."""
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from pathlib import Path\n"
        "from pipeline.load import checked, cores\n"
        "cores.PARALLEL_FROM = 2\n"
        "cores.SMALLEST_CHUNK = 1\n"
        f"dirs = sorted(Path({str(corpus[0].parent)!r}).iterdir())\n"
        "print('read', len(checked.read_checked(dirs, workers=2).docs))\n",
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


def test_a_document_is_current_while_its_files_are_untouched(corpus, monkeypatch):
    """Unchanged stats answer without reading the files again."""
    doc = load_document(corpus[0])
    monkeypatch.setattr(
        "pipeline.load.documents.input_digest",
        lambda *a: pytest.fail("read the files although their stats are unchanged"),
    )
    assert is_current(doc)


@pytest.mark.parametrize(
    ("change", "current"),
    [
        ("touch", True),  # new times, same bytes: the digest decides
        ("same_size_old_times", False),  # one byte replaced, times restored: ctime moves
        ("append", False),
        ("remove", False),
        ("replace_by_copy", True),  # new inode, same bytes
    ],
)
@pytest.mark.parametrize("name", ["source.yml", "annotations.yml", "article.txt"])
def test_a_document_is_current_when_its_bytes_are(corpus, tmp_path, name, change, current):
    directory = tmp_path / corpus[0].name
    shutil.copytree(corpus[0], directory)
    doc = load_document(directory)
    path = directory / name
    st, data = path.stat(), path.read_bytes()
    if change == "touch":
        os.utime(path, ns=(st.st_atime_ns + 10**9, st.st_mtime_ns + 10**9))
    elif change == "same_size_old_times":
        path.write_bytes(data[:-2] + (b"x" if data[-2:-1] != b"x" else b"y") + data[-1:])
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    elif change == "append":
        path.write_bytes(data + b"\n")
    elif change == "remove":
        path.unlink()
    else:
        shutil.copy2(path, tmp_path / "copy")
        path.unlink()
        shutil.move(tmp_path / "copy", path)
    assert is_current(doc) is current
    assert (input_digest(directory, "article.txt") == doc.digest) is current
