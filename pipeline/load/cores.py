"""A function over consecutive chunks of a list, on every core: this process and one worker
process per other core each take the next chunk as soon as they are free."""

import contextlib
import math
import os
import pickle
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

# Below this many items, starting a worker process costs more than it saves.
PARALLEL_FROM = 400
# Chunks shrink as the list runs out, down to this size: the last ones end close together.
SMALLEST_CHUNK = 100
PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the directory holding `pipeline`
HEADER = struct.Struct("<QQ")  # a worker's result: the chunk's first index, the payload size


def map_chunks(fn: Callable[[list], Any], items: Sequence, workers: int | None = None) -> list:
    """`fn` of consecutive chunks of `items`, in order: `[fn(items)]` for a short list or one
    core, otherwise `fn` of each chunk on whichever process is free. A result that is an
    exception is the last one returned: the chunks after it are not needed (as when reading
    in turn stops at the first bad item). `fn` must be a module-level function whose results
    pickle."""
    workers = workers or len(os.sched_getaffinity(0))
    if workers < 2 or len(items) < PARALLEL_FROM:
        return [fn(list(items))]
    plan = _Plan(len(items), workers)
    with tempfile.TemporaryDirectory(prefix="chunks-") as tmp:
        job = Path(tmp, "job")
        job.write_bytes(pickle.dumps((f"{fn.__module__}:{fn.__qualname__}", list(items))))
        started = [_Worker(job, Path(tmp, f"{i}.err"), plan) for i in range(1, workers)]
        try:
            while (chunk := plan.take()) is not None:
                plan.done(*chunk, fn(list(items[chunk[0] : chunk[1]])))
        except BaseException:
            plan.stop()
            for worker in started:
                worker.kill()
            raise
        finally:
            for worker in started:
                worker.join()
        for worker in started:
            worker.check()
    return plan.in_order()


class _Plan:
    """Which chunk comes next, and the results so far; shared by this process's threads."""

    def __init__(self, total: int, processes: int) -> None:
        self.total, self.processes = total, processes
        self.next = 0
        self.results: dict[int, tuple[int, Any]] = {}
        self.lock = threading.Lock()

    def take(self) -> tuple[int, int] | None:
        """The next chunk, (start, stop): a share of what is left, no smaller than
        SMALLEST_CHUNK; None when none is left."""
        with self.lock:
            if self.next >= self.total:
                return None
            left = self.total - self.next
            start = self.next
            self.next += min(left, max(SMALLEST_CHUNK, math.ceil(left / (2 * self.processes))))
            return start, self.next

    def done(self, start: int, stop: int, result: Any) -> None:
        with self.lock:
            self.results[start] = (stop, result)
            if isinstance(result, BaseException):
                self.next = self.total  # the chunks after a failed one are not needed

    def stop(self) -> None:
        with self.lock:
            self.next = self.total

    def in_order(self) -> list:
        """The results from the first chunk up to the first failed one (or the last chunk)."""
        out, at = [], 0
        while at < self.total:
            stop, result = self.results[at]  # every chunk before a failed one was run
            out.append(result)
            if isinstance(result, BaseException):
                break
            at = stop
        return out


class _Worker:
    """A `python -m pipeline.load.read_worker` process (a plain process: no fork of a process
    running Dagster, no re-run of the caller's own script), and the thread in this process
    that hands it chunks and takes back their results."""

    def __init__(self, job: Path, err: Path, plan: _Plan) -> None:
        self.err, self.plan = err, plan
        self.pending: tuple[int, int] | None = None
        self.failure: BaseException | None = None
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                p for p in (str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")) if p
            ),
        }
        with open(err, "wb") as stderr:  # a file: a chatty worker never blocks on a full pipe
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "pipeline.load.read_worker", str(job)],
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
            )
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            self._send()
            while self.pending is not None:
                payload = _read_result(self.proc.stdout)
                if payload is None:
                    return  # the process ended early: `check` reports it
                start, data = payload
                stop = self.pending[1]
                if start != self.pending[0]:
                    raise RuntimeError(f"a worker answered chunk {start}, not {self.pending[0]}")
                self._send()  # the next chunk first: the worker is not kept waiting
                self.plan.done(start, stop, pickle.loads(data))
        except BaseException as err:  # reported by `check`, in the thread that called map_chunks
            self.failure = err
        finally:
            with contextlib.suppress(OSError):  # a worker that died has closed it already
                self.proc.stdin.close()  # no more chunks: the worker ends

    def _send(self) -> None:
        self.pending = self.plan.take()
        if self.pending is not None:
            self.proc.stdin.write(b"%d %d\n" % self.pending)
            self.proc.stdin.flush()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()

    def join(self) -> None:
        self.thread.join()
        self.proc.wait()
        self.proc.stdout.close()

    def check(self) -> None:
        """Raise if the worker failed or ended before answering every chunk it was handed."""
        if self.proc.returncode == 0 and self.failure is None and self.pending is None:
            return
        err = self.err.read_bytes().decode("utf-8", "replace")[-3000:]
        raise RuntimeError(
            f"a process reading sources failed (exit {self.proc.returncode}): {err}"
        ) from self.failure


def write_result(channel: BinaryIO, start: int, data: bytes) -> None:
    """Send one chunk's pickled result to the parent (the worker's side of `_read_result`)."""
    channel.write(HEADER.pack(start, len(data)))
    channel.write(data)
    channel.flush()


def _read_result(channel: BinaryIO) -> tuple[int, bytes] | None:
    header = channel.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    start, size = HEADER.unpack(header)
    data = channel.read(size)
    return (start, data) if len(data) == size else None
