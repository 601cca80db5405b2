"""A source directory read whole: text, metadata, annotations and the numbers in the text."""

import hashlib
import math
import os
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.load.annotations import Annotations, load_annotations
from pipeline.load.sources import Source, load_source
from pipeline.model.mentions import mention_rows

INPUT_FILES = ("source.yml", "annotations.yml")
# Bumped whenever SourceDocument changes shape: documents stored by an older pipeline are
# read again from raw/ rather than trusted.
FORMAT = 2


@dataclass(frozen=True)
class SourceDocument:
    """Everything one source contributes, and a digest of the files it was read from."""

    source: Source
    annotations: Annotations
    mentions: tuple[tuple, ...]  # pipeline.model.mentions.MENTION_COLUMNS
    digest: str
    format: int = FORMAT


def input_digest(directory: Path, text_file: str = "article.txt") -> str:
    """SHA-256 over the source's metadata, annotations and text, in that order."""
    h = hashlib.sha256()
    for name in (*INPUT_FILES, text_file):
        path = directory / name
        h.update(name.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"(missing)")
    return h.hexdigest()


def load_document(directory: Path) -> SourceDocument:
    """Read, verify and extract one source directory."""
    source = load_source(directory)
    return SourceDocument(
        source=source,
        annotations=load_annotations(directory),
        mentions=mention_rows(source),
        digest=input_digest(directory, source.meta["text_file"]),
    )


# Below this many sources, starting a worker process costs more than it saves.
PARALLEL_FROM = 400
PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the directory holding `pipeline`


def load_documents(directories: list[Path], workers: int | None = None) -> list[SourceDocument]:
    """`load_document` of every directory, in order. Many sources are read on every core:
    this process reads the first block and one worker process per other core reads each next
    block (each source is independent); the first bad source in order raises its InputError,
    as reading them one by one would."""
    workers = workers or len(os.sched_getaffinity(0))
    if workers < 2 or len(directories) < PARALLEL_FROM:
        return [load_document(d) for d in directories]
    size = math.ceil(len(directories) / workers)
    blocks = [directories[i : i + size] for i in range(0, len(directories), size)]
    with tempfile.TemporaryDirectory(prefix="read-sources-") as tmp:
        started = [_start_worker(b, Path(tmp) / str(i)) for i, b in enumerate(blocks[1:], 1)]
        try:
            outcomes = [read_block(blocks[0])]
            for worker in started:  # in order, up to the first block with a bad source
                if isinstance(outcomes[-1], InputError):
                    break
                outcomes.append(_result(*worker))
        finally:
            for proc, _ in started:
                if proc.poll() is None:
                    proc.kill()
                proc.wait()
    docs: list[SourceDocument] = []
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            raise outcome
        docs += outcome
    return docs


def read_block(directories: list[Path]) -> list[SourceDocument] | InputError:
    """The documents of `directories`, or the InputError of the first bad one."""
    try:
        return [load_document(d) for d in directories]
    except InputError as err:
        return err


def _start_worker(block: list[Path], stem: Path) -> tuple[subprocess.Popen, Path]:
    """A `python -m pipeline.load.read_worker` process reading `block` (a plain process: no
    fork of a process running Dagster, no re-run of the caller's own script)."""
    job, out = stem.with_suffix(".job"), stem.with_suffix(".out")
    job.write_bytes(pickle.dumps([str(d) for d in block]))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")) if p
        ),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.load.read_worker", str(job), str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return proc, out


def _result(proc: subprocess.Popen, out: Path) -> list[SourceDocument] | InputError:
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(
            f"a process reading sources failed (exit {proc.returncode}): "
            + err.decode("utf-8", "replace")[-3000:]
        )
    return pickle.loads(out.read_bytes())
