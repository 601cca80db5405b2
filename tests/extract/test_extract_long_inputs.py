"""Long degenerate inputs: each once took minutes (quadratic or worse) before a fix. Here, what
they read; how long they take, at two sizes, is bench/degenerate_inputs.py's to measure."""

import unicodedata

import pytest

from pipeline.extract import extract_mentions

NFD_LINE = unicodedata.normalize("NFD", "Près de 53 % des élèves, en décembre 2024. ")

# id → (text, number of mentions, kind of the last mention)
CASES = {
    "run_of_number_words": ("un " * 20_000, 0, None),  # text2num on every sub-run
    "blank_lines": ("53 %." + "\n" * 100_000 + "Fin.", 1, "percent"),  # rescanning blanks
    "chained_ratios": ("1 a sur " * 20_000 + "2", 10_001, "count"),  # a numeral search per ratio
    "chained_ranges": ("1-" * 50_000, 50_000, "count"),
    "one_long_address": ("a.fr" * 30_000, 0, None),
    "repeated_qualifiers": ("près de " * 20_000 + "5 %", 1, "percent"),
    # an offset per character once took 170 bytes a character, 1.7 GB for 10 MB of text
    "decomposed_accents": (NFD_LINE * 5_000, 10_000, "period"),
}


@pytest.mark.parametrize(("text", "count", "last"), list(CASES.values()), ids=list(CASES))
def test_degenerate_input_reads_exactly(text, count, last):
    mentions = extract_mentions(text)
    assert len(mentions) == count
    assert (mentions[-1].kind if mentions else None) == last
    assert all(text[m.start : m.end] == m.surface for m in mentions)
