"""Time extract_mentions on the long degenerate inputs of tests/extract/test_extract_long_inputs.py
at two sizes: linear work takes about twice as long at twice the size, quadratic four times.
Then the draft add-source writes (`pipeline.draft.draft_entry` for every number found) on long
articles of one shape: a table of 1,000 rows, with bars or tabs, and one sentence of 200
shares.

    .venv/bin/python bench/degenerate_inputs.py [--repeat 3]
"""

import argparse
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.draft import draft_entry  # noqa: E402
from pipeline.extract import extract_mentions  # noqa: E402

NFD_LINE = unicodedata.normalize("NFD", "Près de 53 % des élèves, en décembre 2024. ")

# id → text at size n (the tests' size is n = 1)
INPUTS = {
    "run_of_number_words": lambda n: "un " * 20_000 * n,
    "blank_lines": lambda n: "53 %." + "\n" * 100_000 * n + "Fin.",
    "chained_ratios": lambda n: "1 a sur " * 20_000 * n + "2",
    "chained_ranges": lambda n: "1-" * 50_000 * n,
    "one_long_address": lambda n: "a.fr" * 30_000 * n,
    "repeated_qualifiers": lambda n: "près de " * 20_000 * n + "5 %",
    "decomposed_accents": lambda n: NFD_LINE * 5_000 * n,
}


# id → article at size n, for the draft
DRAFT_INPUTS = {
    "table_with_bars": lambda n: (
        "| Région | 2023 | 2024 |\n|---|---|---|\n"
        + "".join(f"| R{i} | {i % 90} % | {i * 7 % 90} % |\n" for i in range(1_000 * n))
    ),
    "table_with_tabs": lambda n: (
        "Région\t2023\t2024\n"
        + "".join(f"R{i}\t{i % 90}\t{i * 7 % 90}\n" for i in range(1_000 * n))
    ),
    "one_sentence_of_shares": lambda n: (
        "Parmi les ménages aux revenus inférieurs à 1 500 €, "
        + ", ".join(f"{i % 90} % pour le poste {i}" for i in range(200 * n))
        + "."
    ),
}


def best_of(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        extract_mentions(text)
        times.append(time.perf_counter() - start)
    return min(times)


def best_draft_of(text: str, repeat: int) -> float:
    """Seconds to draft every number of `text` (found once, outside the timing)."""
    mentions, times = extract_mentions(text), []
    for _ in range(repeat):
        start = time.perf_counter()
        for m in mentions:
            draft_entry(m, text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    extract_mentions("53 %")  # lexicons and patterns loaded before timing
    print("| input | size 1 s | size 2 s | growth (2 = linear, 4 = quadratic) |")
    print("|---|---:|---:|---:|")
    for name, make in INPUTS.items():
        one, two = best_of(make(1), args.repeat), best_of(make(2), args.repeat)
        print(f"| {name} | {one:.3f} | {two:.3f} | {two / one:.1f} |")
    print("\n| article drafted | size 1 s | size 2 s | growth (2 = linear, 4 = quadratic) |")
    print("|---|---:|---:|---:|")
    for name, make in DRAFT_INPUTS.items():
        one, two = best_draft_of(make(1), args.repeat), best_draft_of(make(2), args.repeat)
        print(f"| {name} | {one:.3f} | {two:.3f} | {two / one:.1f} |")


if __name__ == "__main__":
    main()
