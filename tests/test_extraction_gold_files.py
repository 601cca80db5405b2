"""Checks on the labelled gold set for numeric-mention extraction (not on the extractor).

The gold set is tests/data/extraction_gold/: NN_slug.txt texts and NN_slug.gold.yml mention lists,
with the labelling conventions in its README.md. The last tests also check that
bench/extraction_quality.py scores a perfect extractor at 100 % and counts errors correctly.
"""

from __future__ import annotations

import calendar
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from schemas.fact_mention import KINDS as MENTION_KINDS

GOLD_DIR = Path(__file__).parent / "data" / "extraction_gold"
BENCH_SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "extraction_quality.py"

KINDS = set(MENTION_KINDS)
KEYS = {"surface", "occurrence", "kind", "value", "approx"}
NBSP, NNBSP = "\u00a0", "\u202f"

TEXT_PATHS = sorted(GOLD_DIR.glob("*.txt"))
NAMES = [p.name[: -len(".txt")] for p in TEXT_PATHS]


def read_text(name: str) -> str:
    return (GOLD_DIR / f"{name}.txt").read_bytes().decode("utf-8")


def read_gold(name: str) -> list[dict]:
    return yaml.safe_load((GOLD_DIR / f"{name}.gold.yml").read_text(encoding="utf-8"))


def nth_occurrence(text: str, surface: str, n: int) -> int:
    """Start of the n-th (1-based, overlapping) occurrence of surface, or -1."""
    pos = text.find(surface)
    for _ in range(n - 1):
        if pos == -1:
            break
        pos = text.find(surface, pos + 1)
    return pos


def all_gold() -> list[tuple[str, dict]]:
    return [(name, g) for name in NAMES for g in read_gold(name)]


# ------------------------------------------------------------------ shape of the set


def test_gold_dir_has_readme_and_paired_files():
    assert (GOLD_DIR / "README.md").is_file()
    gold_names = sorted(p.name[: -len(".gold.yml")] for p in GOLD_DIR.glob("*.gold.yml"))
    assert gold_names == NAMES, "every NN_slug.txt needs a NN_slug.gold.yml and vice versa"
    for name in NAMES:
        assert re.fullmatch(r"\d{2}_[a-z0-9_]+", name), name


def test_at_least_ten_texts_and_180_mentions():
    assert len(NAMES) >= 10
    assert len(all_gold()) >= 180


def test_every_kind_is_represented():
    assert {g["kind"] for _, g in all_gold()} == KINDS


@pytest.mark.parametrize("name", NAMES)
def test_text_is_utf8_press_sized_with_consistent_line_endings(name):
    text = read_text(name)  # raises if not UTF-8
    assert "\ufeff" not in text, "no BOM"
    assert 150 <= len(text.split()) <= 400, "texts are 150-400 words"
    crlf = text.count("\r\n")
    assert text.count("\r") == crlf, "no bare CR"
    assert crlf == 0 or crlf == text.count("\n"), "a text uses either LF or CRLF, not both"


# ------------------------------------------------------------------ gold entries


@pytest.mark.parametrize("name", NAMES)
def test_gold_surfaces_resolve_in_reading_order(name):
    text, gold = read_text(name), read_gold(name)
    assert isinstance(gold, list) and gold
    previous_end = 0
    for i, g in enumerate(gold, 1):
        assert set(g) == KEYS, f"entry {i}: keys {sorted(g)}"
        surface, occurrence = g["surface"], g["occurrence"]
        assert isinstance(surface, str) and surface.strip() == surface != "", f"entry {i}"
        assert isinstance(occurrence, int) and not isinstance(occurrence, bool)
        assert occurrence >= 1
        start = nth_occurrence(text, surface, occurrence)
        assert start != -1, f"entry {i}: {surface!r} has no occurrence {occurrence} in {name}.txt"
        assert start >= previous_end, f"entry {i}: {surface!r} overlaps or precedes entry {i - 1}"
        previous_end = start + len(surface)


def _valid_partial_date(s: str) -> bool:
    """YYYY, YYYY-MM, YYYY-MM-DD, --MM or --MM-DD, with a real month and day."""
    m = re.fullmatch(r"(\d{4}|-)-(\d{2})(?:-(\d{2}))?|(\d{4})", s)
    if not m:
        return False
    if m.group(4):
        return True
    year = 2000 if m.group(1) == "-" else int(m.group(1))  # 2000 is leap: allows --02-29
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return False
    return m.group(3) is None or 1 <= int(m.group(3)) <= calendar.monthrange(year, month)[1]


@pytest.mark.parametrize(
    ("name", "entry"), all_gold(), ids=[f"{n}:{g['surface']}" for n, g in all_gold()]
)
def test_kind_and_value_type(name, entry):
    kind, value = entry["kind"], entry["value"]
    assert kind in KINDS
    assert isinstance(entry["approx"], bool)
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "date":
        assert isinstance(value, str) and re.fullmatch(r"(\d{4}|-)-\d{2}-\d{2}", value)
        assert _valid_partial_date(value)
    elif kind == "period":
        assert isinstance(value, str)
        parts = value.split("/")
        assert 1 <= len(parts) <= 2 and all(_valid_partial_date(p) for p in parts), value
        if len(parts) == 1:
            assert re.fullmatch(r"\d{4}-\d{2}", value), "a single period is a month: YYYY-MM"
        else:
            assert parts[0].startswith("--") == parts[1].startswith("--"), (
                "both ends with a year, or none"
            )
            if not parts[0].startswith("--"):
                assert parts[0] < parts[1], "a dated period must not end before it starts"
    elif kind == "other":
        assert value is None or is_number
    else:
        assert is_number, f"{kind} needs a number, got {value!r}"
        if kind == "year":
            assert float(value).is_integer() and 1000 <= value <= 2100
            assert entry["surface"] == str(int(value)), "a year's surface is the 4 digits"
        if kind in {"ratio", "fraction"}:
            assert 0 < value <= 100, "ratios and fractions are given as a percent equivalent"
        if kind == "percent":
            assert (
                "%" in entry["surface"]
                or "pour" in entry["surface"]
                or re.fullmatch(r"[\d,]+", entry["surface"])
            ), "percent surface or range lower bound"


# ------------------------------------------------------------------ typography coverage


def _texts() -> list[str]:
    return [read_text(n) for n in NAMES]


def _surfaces() -> list[str]:
    return [g["surface"] for _, g in all_gold()]


def test_crlf_nbsp_and_nnbsp_variants_are_present():
    texts, surfaces = _texts(), _surfaces()
    assert any("\r\n" in t for t in texts), "at least one text with CRLF line endings"
    assert any(t.count("\n") and "\r\n" not in t for t in texts), "and some with LF"
    for char in (NBSP, NNBSP):
        assert any(char + "%" in s for s in surfaces), f"percent with U+{ord(char):04X}"
        assert any(re.search(rf"\d{char}\d{{3}}", s) for s in surfaces), (
            f"thousands separated by U+{ord(char):04X}"
        )


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d%",
        r"\d %",
        r"\d,\d+ ?%",
        r"pour cent",
        r"pour 100",
        r"\d\.\d{3}\b",
        r"\d \d{3}\b",
        r"\d+€",
        r"\d \d{3} €",
        r"M€",
        r"un million d'euros",
        r"milliards d’euros",
        r"\bsur (dix|10|cinq|quatre|trois|deux)\b",
        r"\+\d+ pts?\b",
        r"\d+ points\b",
        r"\b1er \w+ \d{4}\b",
        r"\d{4}-\d{2}-\d{2}",
        r"\bmi-\w+",
        r"\d+ème\b",
        r"\d+e\b",
        r"\b(la moitié|un quart|un tiers|deux tiers|trois quarts)\b",
        r"\bdeux fois plus\b",
        r"\bdouble\b",
        r"\bquasi-totalité\b",
        r"’",
        r"'",
        r"https?://",
        r"\bB2B\b",
        r"\b(NIS 2|Windows 11|COVID-19|A7|RN 7)\b",
    ],
)
def test_required_phenomenon_is_present(pattern):
    assert any(re.search(pattern, t) for t in _texts()), pattern


# ------------------------------------------------------------------ the scoring script


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("extraction_quality", BENCH_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module through sys.modules
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


@dataclass
class FakeMention:
    start: int
    end: int
    surface: str
    kind: str
    value: object
    approx: bool


def test_bench_scores_a_perfect_extractor_at_100_percent(bench):
    gold_set = bench.load_gold_set(GOLD_DIR)
    by_text = {gt.text: gt.mentions for gt in gold_set}

    def oracle(text):
        return [
            FakeMention(m.start, m.end, m.surface, m.kind, m.value, m.approx) for m in by_text[text]
        ]

    summary = bench.summarise(bench.run(gold_set, oracle))
    assert summary["gold"] == len(all_gold())
    assert (summary["tp"], summary["fp"], summary["fn"]) == (summary["gold"], 0, 0)
    assert summary["kind_disagreements"] == summary["approx_disagreements"] == 0


def test_bench_counts_misses_false_positives_and_kind_disagreements(bench):
    gold_set = bench.load_gold_set(GOLD_DIR, only="04_")
    (gt,) = gold_set
    first, second, *rest = gt.mentions

    def extractor(text):
        assert text == gt.text and "\r\n" in text  # handed over byte-exact
        wrong_value = FakeMention(first.start, first.end, first.surface, first.kind, -1.0, False)
        other_kind = FakeMention(
            second.start, second.end, second.surface, "count", second.value, second.approx
        )
        return [wrong_value, other_kind] + [
            FakeMention(m.start, m.end, m.surface, m.kind, m.value, m.approx) for m in rest
        ]

    (result,) = bench.run(gold_set, extractor)
    assert (result.tp, result.fp, result.fn) == (len(gt.mentions) - 1, 1, 1)
    assert result.misses[0]["surface"] == first.surface
    assert [d["gold"]["surface"] for d in result.kind_disagreements] == [second.surface]


def test_bench_fails_clearly_without_extractor(bench, capsys):
    code = bench.main(["--extractor", "no_such_extractor_module:extract_mentions"])
    assert code == 2
    assert "does not exist yet" in capsys.readouterr().err
