"""Score the French numeric-mention extractor against the labelled gold set.

Usage (from the repository root)::

    .venv/bin/python bench/extraction_quality.py            # human-readable report
    .venv/bin/python bench/extraction_quality.py --json     # machine-readable report

The gold set lives in ``tests/data/extraction_gold/`` (one ``NN_slug.txt`` per text and its
``NN_slug.gold.yml``; the labelling conventions are in its README.md). Gold offsets are resolved
from ``surface`` + ``occurrence`` (the n-th, 1-based, possibly overlapping, occurrence of the exact
substring in the text). Texts are read byte-exact (CRLF, no-break spaces) and handed to the
extractor unchanged.

The extractor is ``pipeline.extract.extract_mentions(text)`` by default; it must return objects
with the attributes ``start``, ``end``, ``surface``, ``kind``, ``value`` and ``approx``.
``--extractor module:function`` scores another callable with the same API.

A prediction matches a gold mention when their spans overlap AND their values are equal (numbers
within 1e-3, strings exactly equal, null only with null). Matching is one-to-one and maximises
the number of matches; among candidates, same-kind and larger-overlap predictions are preferred.
Kind and approx disagreements among matches are reported separately and do not affect
recall/precision.

Exit status: 0 once the report is printed, whatever the scores; 1 if the extractor raised an
exception on some text (reported; that text is scored with no predictions); 2 if the extractor
cannot be imported or the gold set is invalid.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import numbers
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from schemas.fact_mention import KINDS as MENTION_KINDS

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD_DIR = REPO_ROOT / "tests" / "data" / "extraction_gold"
DEFAULT_EXTRACTOR = "pipeline.extract:extract_mentions"

KINDS = tuple(MENTION_KINDS)
STRING_KINDS = frozenset({"date", "period"})
VALUE_TOLERANCE = 1e-3
GOLD_KEYS = frozenset({"surface", "occurrence", "kind", "value", "approx"})

EXIT_OK, EXIT_EXTRACTOR_RAISED, EXIT_SETUP_ERROR = 0, 1, 2


class SetupError(Exception):
    """The gold set is invalid or the extractor cannot be loaded."""


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    kind: str | None
    value: Any
    approx: bool | None


@dataclass
class GoldText:
    name: str
    text: str
    mentions: list[Mention]


@dataclass
class TextResult:
    name: str
    gold: int
    predicted: int
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    kind_disagreements: list[dict] = field(default_factory=list)
    approx_disagreements: list[dict] = field(default_factory=list)
    offset_warnings: list[dict] = field(default_factory=list)
    matched_gold_kinds: list[str] = field(default_factory=list)
    missed_gold_kinds: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


# --------------------------------------------------------------------------- gold set


def read_text(path: Path) -> str:
    """Exact text content: no newline translation, so CRLF offsets stay right."""
    return path.read_bytes().decode("utf-8")


def find_occurrence(text: str, surface: str, occurrence: int) -> int | None:
    """Start offset of the ``occurrence``-th (1-based, overlapping) match of ``surface``."""
    if not surface or occurrence < 1:
        return None
    pos = text.find(surface)
    for _ in range(occurrence - 1):
        if pos == -1:
            return None
        pos = text.find(surface, pos + 1)
    return None if pos == -1 else pos


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def load_gold_text(txt_path: Path) -> GoldText:
    gold_path = txt_path.with_name(txt_path.name[: -len(".txt")] + ".gold.yml")
    if not gold_path.exists():
        raise SetupError(f"{txt_path.name}: missing gold file {gold_path.name}")
    text = read_text(txt_path)
    entries = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise SetupError(f"{gold_path.name}: expected a YAML list of mentions")
    mentions = []
    for i, entry in enumerate(entries, 1):
        where = f"{gold_path.name} entry {i}"
        if not isinstance(entry, dict) or set(entry) != GOLD_KEYS:
            raise SetupError(f"{where}: expected exactly the keys {sorted(GOLD_KEYS)}: {entry!r}")
        surface, occurrence, kind = entry["surface"], entry["occurrence"], entry["kind"]
        value, approx = entry["value"], entry["approx"]
        if kind not in KINDS:
            raise SetupError(f"{where}: unknown kind {kind!r}")
        if not isinstance(surface, str) or not isinstance(occurrence, int):
            raise SetupError(f"{where}: surface must be a string and occurrence an integer")
        if kind in STRING_KINDS and not isinstance(value, str):
            raise SetupError(f"{where}: a {kind} value must be an ISO string, got {value!r}")
        if kind not in STRING_KINDS and not (
            _is_number(value) or (kind == "other" and value is None)
        ):
            raise SetupError(f"{where}: a {kind} value must be a number, got {value!r}")
        if not isinstance(approx, bool):
            raise SetupError(f"{where}: approx must be true or false")
        start = find_occurrence(text, surface, occurrence)
        if start is None:
            raise SetupError(
                f"{where}: surface {show(surface)} has no occurrence {occurrence} "
                f"in {txt_path.name}"
            )
        if not isinstance(value, str) and value is not None:
            value = float(value)
        mentions.append(Mention(start, start + len(surface), surface, kind, value, approx))
    return GoldText(txt_path.name[: -len(".txt")], text, mentions)


def load_gold_set(gold_dir: Path = DEFAULT_GOLD_DIR, only: str | None = None) -> list[GoldText]:
    if not gold_dir.is_dir():
        raise SetupError(f"gold directory not found: {gold_dir}")
    txt_paths = sorted(gold_dir.glob("*.txt"))
    for gold_path in sorted(gold_dir.glob("*.gold.yml")):
        if not gold_path.with_name(gold_path.name[: -len(".gold.yml")] + ".txt").exists():
            raise SetupError(f"{gold_path.name}: no matching .txt file")
    if only:
        txt_paths = [p for p in txt_paths if only in p.name]
    if not txt_paths:
        raise SetupError(f"no texts in {gold_dir}" + (f" matching {only!r}" if only else ""))
    return [load_gold_text(p) for p in txt_paths]


# --------------------------------------------------------------------------- extractor


def load_extractor(spec: str = DEFAULT_EXTRACTOR) -> Callable[[str], Sequence[Any]]:
    module_name, _, func_name = spec.partition(":")
    func_name = func_name or "extract_mentions"
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if missing and (module_name == missing or module_name.startswith(missing + ".")):
            raise SetupError(
                f"extractor module {module_name!r} not found: the extractor does not exist yet "
                f"(expected {module_name}.{func_name}(text) -> list of mentions with start, end, "
                f"surface, kind, value, approx). Nothing to score."
            ) from exc
        raise SetupError(f"importing {module_name!r} failed: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - any import-time failure is a setup error here
        raise SetupError(f"importing {module_name!r} failed: {exc!r}") from exc
    func = getattr(module, func_name, None)
    if not callable(func):
        raise SetupError(
            f"{module_name!r} has no callable {func_name!r}: the extractor is not written (or not "
            f"exported) yet. Nothing to score."
        )
    return func


def normalise_prediction(pred: Any) -> Mention:
    value = getattr(pred, "value", None)
    if _is_number(value):
        value = float(value)
    approx = getattr(pred, "approx", None)
    return Mention(
        start=int(pred.start),
        end=int(pred.end),
        surface=str(getattr(pred, "surface", "")),
        kind=getattr(pred, "kind", None),
        value=value,
        approx=None if approx is None else bool(approx),
    )


# --------------------------------------------------------------------------- matching


def values_equal(gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if isinstance(gold, str) or isinstance(pred, str):
        return isinstance(gold, str) and isinstance(pred, str) and gold == pred
    if _is_number(gold) and _is_number(pred):
        g, p = float(gold), float(pred)
        return math.isfinite(p) and abs(g - p) <= VALUE_TOLERANCE
    return False


def overlap(a: Mention, b: Mention) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: Sequence[Mention], preds: Sequence[Mention]) -> dict[int, int]:
    """Maximum one-to-one matching (Kuhn's augmenting paths); returns {gold index: pred index}."""
    candidates = []
    for g in gold:
        cands = [
            i for i, p in enumerate(preds) if overlap(g, p) > 0 and values_equal(g.value, p.value)
        ]
        cands.sort(
            key=lambda i: (
                preds[i].kind != g.kind,
                -overlap(g, preds[i]),
                abs(preds[i].start - g.start),
            )
        )
        candidates.append(cands)
    pred_to_gold: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in candidates[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in pred_to_gold or augment(pred_to_gold[pi], seen):
                pred_to_gold[pi] = gi
                return True
        return False

    for gi in range(len(gold)):
        augment(gi, set())
    return {gi: pi for pi, gi in pred_to_gold.items()}


def describe(m: Mention) -> dict:
    return {
        "surface": m.surface,
        "start": m.start,
        "end": m.end,
        "kind": m.kind,
        "value": m.value,
        "approx": m.approx,
    }


def score_text(
    gold_text: GoldText, preds: Sequence[Mention], error: str | None = None
) -> TextResult:
    gold = gold_text.mentions
    res = TextResult(gold_text.name, gold=len(gold), predicted=len(preds), error=error)
    text = gold_text.text
    for p in preds:
        if not (0 <= p.start <= p.end <= len(text)) or text[p.start : p.end] != p.surface:
            actual = text[p.start : p.end] if 0 <= p.start <= p.end <= len(text) else None
            res.offset_warnings.append({**describe(p), "text_at_offsets": actual})
    pairs = match(gold, preds)
    matched_preds = set(pairs.values())
    for gi, g in enumerate(gold):
        if gi not in pairs:
            res.misses.append(describe(g))
            res.missed_gold_kinds.append(g.kind)
            continue
        p = preds[pairs[gi]]
        res.matched_gold_kinds.append(g.kind)
        if p.kind != g.kind:
            res.kind_disagreements.append({"gold": describe(g), "predicted": describe(p)})
        if p.approx != g.approx:
            res.approx_disagreements.append({"gold": describe(g), "predicted": describe(p)})
    res.false_positives = [describe(p) for i, p in enumerate(preds) if i not in matched_preds]
    res.tp, res.fn, res.fp = len(pairs), len(res.misses), len(res.false_positives)
    return res


def run(gold_set: Sequence[GoldText], extract: Callable[[str], Sequence[Any]]) -> list[TextResult]:
    results = []
    for gt in gold_set:
        try:
            preds = [normalise_prediction(p) for p in extract(gt.text)]
            error = None
        except Exception:  # noqa: BLE001 - reported, the other texts are still scored
            preds, error = [], traceback.format_exc(limit=5)
        results.append(score_text(gt, preds, error))
    return results


def summarise(results: Sequence[TextResult]) -> dict:
    tp, fp, fn = (sum(getattr(r, a) for r in results) for a in ("tp", "fp", "fn"))
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision and recall
        else (0.0 if precision is not None and recall is not None else None)
    )
    found = Counter(k for r in results for k in r.matched_gold_kinds)
    missed = Counter(k for r in results for k in r.missed_gold_kinds)
    fp_kinds = Counter(str(fp_["kind"]) for r in results for fp_ in r.false_positives)
    n_kind = sum(len(r.kind_disagreements) for r in results)
    n_approx = sum(len(r.approx_disagreements) for r in results)
    return {
        "texts": len(results),
        "gold": sum(r.gold for r in results),
        "predicted": sum(r.predicted for r in results),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "kind_agreement": ratio(tp - n_kind, tp),
        "approx_agreement": ratio(tp - n_approx, tp),
        "kind_disagreements": n_kind,
        "approx_disagreements": n_approx,
        "per_gold_kind": {
            k: {
                "gold": found[k] + missed[k],
                "tp": found[k],
                "fn": missed[k],
                "recall": ratio(found[k], found[k] + missed[k]),
            }
            for k in KINDS
            if found[k] + missed[k]
        },
        "false_positives_per_predicted_kind": dict(sorted(fp_kinds.items())),
        "extractor_errors": sum(r.error is not None for r in results),
    }


# --------------------------------------------------------------------------- reporting


def show(s: Any) -> str:
    """Quoted string with invisible characters made visible (NBSP, NNBSP, CR, LF)."""
    if not isinstance(s, str):
        return repr(s)
    out = json.dumps(s, ensure_ascii=False)
    return out.replace("\u00a0", "\\u00a0").replace("\u202f", "\\u202f")


def fmt_pct(x: float | None) -> str:
    return "   n/a" if x is None else f"{100 * x:5.1f}%"


def fmt_mention(m: dict) -> str:
    approx = {True: " ~approx", False: "", None: " approx=?"}[m["approx"]]
    return f"{show(m['surface'])} [{m['start']}:{m['end']}] {m['kind']} {show(m['value'])}{approx}"


def print_report(
    results: Sequence[TextResult], summary: dict, extractor: str, gold_dir: Path
) -> None:
    p = print
    p(f"Extraction quality: extractor {extractor}")
    p(f"gold set: {gold_dir} ({summary['texts']} texts, {summary['gold']} gold mentions)")
    p(f"match = span overlap AND equal value (numbers within {VALUE_TOLERANCE:g})\n")
    width = max(len(r.name) for r in results)
    p(f"{'text':<{width}}  gold  pred    TP    FP    FN  recall  precision")
    for r in results:
        flag = "  (extractor raised)" if r.error else ""
        p(
            f"{r.name:<{width}}  {r.gold:4d}  {r.predicted:4d}  {r.tp:4d}  {r.fp:4d}  {r.fn:4d}"
            f"  {fmt_pct(r.recall)}  {fmt_pct(r.precision)}{flag}"
        )
    s = summary
    p(
        f"{'TOTAL':<{width}}  {s['gold']:4d}  {s['predicted']:4d}  {s['tp']:4d}  {s['fp']:4d}"
        f"  {s['fn']:4d}  {fmt_pct(s['recall'])}  {fmt_pct(s['precision'])}"
    )
    p(
        f"\nF1 {fmt_pct(s['f1'])}; among matches: kind agreement {fmt_pct(s['kind_agreement'])}, "
        f"approx agreement {fmt_pct(s['approx_agreement'])}"
    )
    p("\nRecall per gold kind:")
    for kind, k in s["per_gold_kind"].items():
        p(f"  {kind:<9} {k['tp']:4d}/{k['gold']:<4d} {fmt_pct(k['recall'])}")
    if s["false_positives_per_predicted_kind"]:
        p(
            "False positives per predicted kind: "
            + ", ".join(f"{k} {n}" for k, n in s["false_positives_per_predicted_kind"].items())
        )

    def section(title: str, rows: list[str]) -> None:
        p(f"\n{title} ({len(rows)})")
        for row in rows:
            p(row)
        if not rows:
            p("  none")

    section(
        "Misses (false negatives)",
        [f"  {r.name}  {fmt_mention(m)}" for r in results for m in r.misses],
    )
    section(
        "False positives",
        [f"  {r.name}  {fmt_mention(m)}" for r in results for m in r.false_positives],
    )
    section(
        "Kind disagreements among matches",
        [
            f"  {r.name}  gold {fmt_mention(d['gold'])}  <- predicted {d['predicted']['kind']}"
            f" {show(d['predicted']['surface'])} [{d['predicted']['start']}:"
            f"{d['predicted']['end']}]"
            for r in results
            for d in r.kind_disagreements
        ],
    )
    section(
        "Approx disagreements among matches",
        [
            f"  {r.name}  gold {fmt_mention(d['gold'])}  <- predicted approx="
            f"{d['predicted']['approx']}"
            for r in results
            for d in r.approx_disagreements
        ],
    )
    warnings = [
        f"  {r.name}  {fmt_mention(w)} but text at offsets is {show(w['text_at_offsets'])}"
        for r in results
        for w in r.offset_warnings
    ]
    if warnings:
        section("Predictions whose surface differs from the text at their offsets", warnings)
    errors = [r for r in results if r.error]
    if errors:
        p(f"\nExtractor raised on {len(errors)} text(s) (scored with no predictions):")
        for r in errors:
            p(f"--- {r.name}\n{r.error}")


def result_to_json(r: TextResult) -> dict:
    d = asdict(r)
    d.pop("matched_gold_kinds")
    d.pop("missed_gold_kinds")
    d["recall"], d["precision"] = r.recall, r.precision
    return d


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print a machine-readable report")
    parser.add_argument(
        "--gold-dir",
        type=Path,
        default=DEFAULT_GOLD_DIR,
        help="directory with NN_slug.txt + NN_slug.gold.yml (default: %(default)s)",
    )
    parser.add_argument(
        "--extractor",
        default=DEFAULT_EXTRACTOR,
        help="module:function to score (default: %(default)s)",
    )
    parser.add_argument(
        "--only",
        metavar="SUBSTRING",
        help="score only the texts whose file name contains SUBSTRING",
    )
    args = parser.parse_args(argv)
    try:
        gold_set = load_gold_set(args.gold_dir, args.only)
        extract = load_extractor(args.extractor)
    except SetupError as exc:
        print(f"extraction_quality: error: {exc}", file=sys.stderr)
        return EXIT_SETUP_ERROR
    results = run(gold_set, extract)
    summary = summarise(results)
    if args.json:
        payload = {
            "extractor": args.extractor,
            "gold_dir": str(args.gold_dir),
            "value_tolerance": VALUE_TOLERANCE,
            "overall": summary,
            "texts": [result_to_json(r) for r in results],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print_report(results, summary, args.extractor, args.gold_dir)
    return EXIT_EXTRACTOR_RAISED if summary["extractor_errors"] else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
