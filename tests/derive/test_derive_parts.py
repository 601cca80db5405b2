"""fact_derived frames the rows of its four parts once: the frame is the one built from the
records of the four part frames, as long as each column holds text or numbers only (the
schema's string and number columns)."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.derive.table import COLUMNS, to_frame
from pipeline.rows import records
from schemas.fact_derived import FactDerived
from schemas.spec import table_spec
from tests.test_rows import same

NUMBERS = {c.name for c in table_spec(FactDerived).columns if c.type == "number"}
TEXT = st.one_of(st.none(), st.sampled_from(["a", "b", "[)", "", "nan"]))
NUMBER = st.one_of(st.none(), st.floats(), st.integers(-3, 3))


@st.composite
def parts(draw) -> list[list[dict]]:
    out = []
    for p in range(draw(st.integers(1, 4))):
        rows = []
        for i in range(draw(st.integers(0, 4))):
            row = {c: draw(NUMBER if c in NUMBERS else TEXT) for c in COLUMNS}
            row["derived_id"] = draw(st.sampled_from("xyz")) + f"{p}.{i}"
            rows.append(row)
        out.append(rows)
    return out


@settings(max_examples=1000, deadline=None)
@given(parts())
def test_rows_framed_once_are_the_records_of_the_part_frames(given_parts):
    by_part = to_frame([r for p in given_parts for r in records(to_frame(p))])
    at_once = to_frame([r for p in given_parts for r in p])
    pd.testing.assert_frame_equal(at_once, by_part, check_exact=True)
    assert same(records(at_once), records(by_part))
