"""Golden: what the draft proposes for every number of the whole test articles
(tests/data/draft_articles), one row a mention, so that a change of the extractor, the draft or
their lexicons shows each proposal it changes. After a change that is meant, review the
difference and rewrite the file with `UPDATE_GOLDEN=1 .venv/bin/python -m pytest
tests/test_draft_golden.py`."""

import csv
import io
import os
from pathlib import Path

from pipeline.draft import TODO, draft_entry
from pipeline.extract import extract_mentions

ARTICLES = sorted((Path(__file__).parent / "data" / "draft_articles").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden" / "draft_articles.csv"
COLUMNS = ["article", "char_start", "surface", "kind", "proposal", "base_words"]


def _proposal(entry: dict) -> str:
    """One line for what the draft proposes: attributes, an observation, or an ignore entry
    with its reason (empty when the curator has to write it)."""
    if "as_attributes" in entry:
        return "; ".join(f"{a['attribute']} = {a['value']}" for a in entry["as_attributes"])
    if "as_observation" in entry:
        o = entry["as_observation"]
        qualifier = f" ({o['qualifier']})" if o.get("qualifier") else ""
        return f"{o['unit']} {o['value']:g} from {o['number_text']!r}{qualifier}"
    reason = entry["as_ignore"]["reason"]
    return "ignore" if reason.startswith(TODO) else f"ignore: {reason}"


def drafted_rows() -> list[dict]:
    rows = []
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        for m in extract_mentions(text):
            entry = draft_entry(m, text, survey_id="s")
            rows.append(
                {
                    "article": path.stem,
                    "char_start": str(m.start),
                    "surface": m.surface,
                    "kind": m.kind,
                    "proposal": _proposal(entry),
                    "base_words": " | ".join(entry.get("base_words", [])),
                }
            )
    return rows


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _key(row: dict) -> tuple[str, int, str]:
    return row["article"], int(row["char_start"]), row["surface"]


def test_the_draft_of_every_test_article_matches_its_golden():
    got = drafted_rows()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(_csv(got), encoding="utf-8")
    golden = list(csv.DictReader(io.StringIO(GOLDEN.read_text(encoding="utf-8"))))
    was, now = {_key(r): r for r in golden}, {_key(r): r for r in got}
    changed = [
        f"{k}: {was.get(k, {}).get('proposal')!r} [{was.get(k, {}).get('base_words')}]"
        f" -> {now.get(k, {}).get('proposal')!r} [{now.get(k, {}).get('base_words')}]"
        for k in sorted(was.keys() | now.keys())
        if was.get(k) != now.get(k)
    ]
    assert changed == [], "\n".join(changed)
    assert {r["article"] for r in golden} == {p.stem for p in ARTICLES}
