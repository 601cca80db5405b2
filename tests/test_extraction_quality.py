"""The extractor against the labelled set: recall and precision stay above the targets."""

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / "bench" / "extraction_quality.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("extraction_quality", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_recall_and_precision_on_the_labelled_set():
    q = _scorer()
    summary = q.summarise(q.run(q.load_gold_set(), q.load_extractor()))
    assert summary["texts"] >= 8 and summary["gold"] >= 150
    assert summary["extractor_errors"] == 0
    assert summary["recall"] >= 0.98, summary
    assert summary["precision"] >= 0.95, summary
