"""End to end: the seed article saved in decomposed Unicode (NFD: "é" as "e" + U+0301), as some
systems and PDF copies write it, annotated against that text, publishes the same figures,
each traced to the characters of the text as it is."""

import hashlib
import shutil
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipeline.resources import ProjectPaths

from .conftest import RAW, SEED_ID, build, query, report


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def decomposed(value, offset: list[int]):
    """An annotation document as written against the decomposed text: every string
    decomposed, every character offset moved past the combining marks before it."""
    if isinstance(value, dict):
        return {
            k: offset[v] if k in ("char_start", "char_end") else decomposed(v, offset)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [decomposed(v, offset) for v in value]
    return nfd(value) if isinstance(value, str) else value


def decompose_source(directory: Path) -> str:
    """Rewrite a source's text, annotations and metadata in decomposed form; returns the text."""
    text = (directory / "article.txt").read_text(encoding="utf-8")
    offset = [0]  # composed offset → decomposed offset
    for ch in text:
        offset.append(offset[-1] + len(nfd(ch)))
    new_text = nfd(text)
    assert len(new_text) == offset[-1] > len(text)
    (directory / "article.txt").write_bytes(new_text.encode("utf-8"))
    for name in ("annotations.yml", "source.yml"):
        doc = yaml.safe_load((directory / name).read_text(encoding="utf-8"))
        doc = decomposed(doc, offset)
        if name == "source.yml":
            doc["text_sha256"] = hashlib.sha256(new_text.encode("utf-8")).hexdigest()
        (directory / name).write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return new_text


@pytest.fixture(scope="module")
def decomposed_release(tmp_path_factory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("decomposed")
    shutil.copytree(RAW, root / "raw")
    text = decompose_source(root / "raw" / "sources" / SEED_ID)
    paths = ProjectPaths(raw_dir=str(root / "raw"), warehouse_dir=str(root / "warehouse"))
    result = build(paths)
    assert result.success, report(result)
    return root / "warehouse", text


def _table(release: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(release / f"{name}.parquet")


def _composed(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the text of every cell composed (NFC), each column of its own type."""
    out = frame.copy()
    for column, values in frame.items():
        if not pd.api.types.is_numeric_dtype(values):
            composed = values.map(lambda v: unicodedata.normalize("NFC", v), na_action="ignore")
            out[column] = composed.astype(values.dtype)
    return out


def _offsets(frame: pd.DataFrame) -> list[str]:
    """Columns that hold offsets in the text: they move past the combining marks."""
    return [
        c
        for c, values in frame.items()
        if c.endswith(("_start", "_end")) and pd.api.types.is_integer_dtype(values)
    ]


@pytest.mark.parametrize("name", ["fact_observation", "fact_derived", "fact_reconciliation"])
def test_same_figures_as_the_composed_text(decomposed_release, seed_release, name):
    release, _ = decomposed_release
    ours, theirs = _table(release, name), _table(seed_release, name)
    pd.testing.assert_frame_equal(_composed(ours), theirs)


@pytest.mark.parametrize("name", ["fact_evidence", "fact_mention", "fact_claim"])
def test_same_evidence_and_mentions_at_the_decomposed_offsets(
    decomposed_release, seed_release, name
):
    release, _ = decomposed_release
    ours, theirs = _table(release, name), _table(seed_release, name)
    assert len(ours) == len(theirs) > 0
    offsets = _offsets(ours)
    rest = [c for c in ours.columns if c not in offsets]
    pd.testing.assert_frame_equal(_composed(ours[rest]), theirs[rest])
    assert ours[offsets].ne(theirs[offsets]).any(axis=None)


def test_every_number_traces_to_the_decomposed_characters(decomposed_release):
    release, text = decomposed_release
    rows = query(release, "SELECT number_text, number_start, number_end FROM fact_evidence")
    assert rows and all(text[start:end] == written for written, start, end in rows)
    quotes = [q for (q,) in query(release, "SELECT quote FROM fact_evidence")]
    assert any(q != unicodedata.normalize("NFC", q) for q in quotes)
    mentions = query(release, "SELECT surface, char_start, char_end FROM fact_mention")
    assert all(text[start:end] == surface for surface, start, end in mentions)
