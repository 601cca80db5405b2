"""A function over chunks of a list on every core gives what one call over the list gives."""

import os
import sys
import time

import pytest

from pipeline.load import cores
from pipeline.load.cores import map_chunks

PARENT = os.getpid()  # in a worker, which imports this module too, the worker's own id


def in_worker() -> bool:
    return sys.argv[0].endswith("read_worker.py")


def squares_by_pid(items: list[int]) -> list[tuple[int, int]]:
    """Each item squared, with the process that did it; slow enough for every process to
    take chunks."""
    time.sleep(0.003 * len(items))
    return [(x * x, os.getpid()) for x in items]


def fails_at_negative(items: list[int]) -> list[int] | ValueError:
    """Like reading in turn: the error of the first bad item, or every item."""
    time.sleep(0.002 * len(items))
    bad = [x for x in items if x < 0]
    return ValueError(bad[0]) if bad else items


def chatty(items: list[int]) -> list[int]:
    print("a line on standard output", items)
    os.write(1, b"and bytes written to file descriptor 1\n")
    return items


def dies_in_a_worker(items: list[int]) -> list[int]:
    time.sleep(0.003 * len(items))
    if in_worker() and 7 in items:
        os._exit(3)
    return items


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(cores, "PARALLEL_FROM", 2)
    monkeypatch.setattr(cores, "SMALLEST_CHUNK", 1)


def test_chunks_shrink_and_cover_the_list_once(monkeypatch):
    monkeypatch.setattr(cores, "SMALLEST_CHUNK", 100)
    plan = cores._Plan(10_000, 2)
    chunks = list(iter(plan.take, None))
    assert chunks[:4] == [(0, 2500), (2500, 4375), (4375, 5782), (5782, 6837)]
    assert [b for _, b in chunks[:-1]] == [a for a, _ in chunks[1:]]  # consecutive
    assert chunks[-1][1] == 10_000
    sizes = [b - a for a, b in chunks]
    assert sizes == sorted(sizes, reverse=True)
    assert min(sizes[:-1]) == 100  # the last one takes what is left
    assert len(chunks) < 30


@pytest.mark.parametrize(
    ("total", "processes", "smallest", "expected"),
    [
        (1, 2, 100, [(0, 1)]),
        (250, 2, 100, [(0, 100), (100, 200), (200, 250)]),
        (12, 3, 1, [(0, 2), (2, 4), (4, 6), (6, 7), (7, 8), (8, 9), (9, 10), (10, 11), (11, 12)]),
    ],
)
def test_chunk_plans(monkeypatch, total, processes, smallest, expected):
    monkeypatch.setattr(cores, "SMALLEST_CHUNK", smallest)
    plan = cores._Plan(total, processes)
    assert list(iter(plan.take, None)) == expected


def test_every_process_takes_chunks_and_results_come_in_order(small_chunks):
    items = list(range(400))
    chunks = map_chunks(squares_by_pid, items, workers=2)
    assert [v for chunk in chunks for v, _ in chunk] == [x * x for x in items]
    pids = {pid for chunk in chunks for _, pid in chunk}
    assert PARENT in pids
    assert len(pids) == 2  # a worker process took chunks too


def test_a_short_list_or_one_core_is_one_call_here():
    assert map_chunks(squares_by_pid, [1, 2, 3], workers=2) == [
        [(1, PARENT), (4, PARENT), (9, PARENT)]
    ]
    items = list(range(cores.PARALLEL_FROM))
    assert map_chunks(squares_by_pid, items, workers=1) == [squares_by_pid(items)]


@pytest.mark.parametrize("bad", [[0], [399], [150, 3], [398, 399, 12], [200, 201]])
def test_results_stop_at_the_first_failed_chunk_in_order(small_chunks, bad):
    items = [-i - 1 if i in bad else i for i in range(400)]
    chunks = map_chunks(fails_at_negative, items, workers=2)
    assert chunks[-1].args == (-min(bad) - 1,)  # the error of the first bad item
    done = [x for c in chunks[:-1] for x in c]
    assert done == items[: len(done)]  # every chunk before the failed one, in order


def test_what_a_worker_prints_does_not_mix_with_its_results(small_chunks):
    items = list(range(500))
    assert [x for c in map_chunks(chatty, items, workers=2) for x in c] == items


def test_a_worker_that_dies_is_reported(small_chunks):
    with pytest.raises(RuntimeError, match=r"exit 3"):
        map_chunks(dies_in_a_worker, [7] * 400, workers=2)


def test_an_error_here_stops_the_workers(small_chunks, monkeypatch):
    started = []
    popen = cores.subprocess.Popen

    def keep(args, **kwargs):
        started.append(popen(args, **kwargs))
        return started[-1]

    monkeypatch.setattr(cores.subprocess, "Popen", keep)
    with pytest.raises(ZeroDivisionError):
        map_chunks(divides_by_zero_here, list(range(400)), workers=2)
    assert started and all(p.poll() is not None for p in started)


def divides_by_zero_here(items: list[int]) -> list[float]:
    time.sleep(0.003 * len(items))
    if not in_worker():
        return [1 / 0]
    return [float(x) for x in items]
