"""Long degenerate inputs stay fast: each once took minutes (quadratic or worse) before a fix."""

import time

import pytest

from pipeline.extract import extract_mentions

# Each case runs well under a second; the bound only catches a return of super-linear work.
SECONDS = 20


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("un " * 20_000, id="run_of_number_words"),  # text2num on every sub-run
        pytest.param("53 %." + "\n" * 100_000 + "Fin.", id="blank_lines"),  # rescanning blanks
        pytest.param("1 a sur " * 20_000 + "2", id="chained_ratios"),  # overlap resolution
        pytest.param("1-" * 50_000, id="chained_ranges"),
        pytest.param("a.fr" * 30_000, id="one_long_address"),
        pytest.param("près de " * 20_000 + "5 %", id="repeated_qualifiers"),
    ],
)
def test_degenerate_input_is_fast(text):
    start = time.perf_counter()
    mentions = extract_mentions(text)
    assert time.perf_counter() - start < SECONDS
    assert all(text[m.start : m.end] == m.surface for m in mentions)
