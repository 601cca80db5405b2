"""Check metadata tables: pipeline.checks.markdown writes what to_markdown(index=False) writes."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks import markdown as md
from pipeline.checks.markdown import markdown, markdown_head

PIECES = ["1", "53", "1,600", "2.5", "-", "+", "e", "inf", "NaN", "0x1F", " ", ",", "."]
PIECES += ["True", "False", "", "a", "→", "passed", "\x1b[31m", "\x1b[0m", "١٢", "|", "\n"]
CELLS = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=4).map("".join),
    st.none(),
    st.integers(-5, 5),
    st.floats(allow_nan=True),
)


@st.composite
def tables(draw) -> pd.DataFrame:
    n = draw(st.integers(0, 5))
    k = draw(st.integers(1, 4))
    columns = {f"c{i}": draw(st.lists(CELLS, min_size=n, max_size=n)) for i in range(k)}
    return pd.DataFrame({c: pd.Series(v, dtype=object) for c, v in columns.items()})


@settings(max_examples=500, deadline=None)
@given(tables())
def test_markdown_is_to_markdown(df):
    assert markdown(df) == df.to_markdown(index=False)


@pytest.mark.parametrize(
    "cells",
    [
        ["1,600", "2", "x"],  # numbers then text: a text column
        ["1,600", "2"],  # numbers only: right-aligned numbers
        ["True", "False"],
        ["", None, "53"],
        ["\x1b[31m42\x1b[0m", "7"],  # ANSI codes are stripped: numbers
        ["١٢", "3"],  # digits of other scripts read as numbers
        ["option_within_net", "a → passed"],
    ],
)
def test_markdown_cases(cells):
    df = pd.DataFrame({"x": pd.Series(cells, dtype="str"), "y": pd.Series(cells, dtype=object)})
    assert markdown(df) == df.to_markdown(index=False)


@pytest.mark.parametrize(
    ("statuses", "limit", "shown", "last_line"),
    [
        (["passed", "failed", "passed"], 5, ["failed", "passed", "passed"], None),
        (["passed"] * 3 + ["failed"], 2, ["failed", "passed"], "… and 2 more rows"),
        (["passed"] * 1203, 3, ["passed"] * 3, "… and 1,200 more rows"),
        (["failed"] * 2, 2, ["failed", "failed"], None),
    ],
)
def test_markdown_head_shows_the_first_rows_first(monkeypatch, statuses, limit, shown, last_line):
    monkeypatch.setattr(md, "METADATA_ROWS", limit)
    df = pd.DataFrame({"status": statuses, "n": range(len(statuses))})
    text = markdown_head(df, first="status", value="failed")
    table, _, rest = text.partition("\n\n")
    rows = table.splitlines()[2:]
    assert [r.split("|")[1].strip() for r in rows] == shown
    assert (rest or None) == last_line
    failed_first = df.sort_values("status", key=lambda c: c.ne("failed"), kind="stable")
    assert table == markdown(failed_first.head(limit))
