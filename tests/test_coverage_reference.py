"""The coverage checks give exactly what their row-by-row definition gives: same columns,
dtypes, index and rows, the same problems with the same texts. The reference is that
definition, one annotation and one mention at a time."""

import re
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.declared import declaration
from pipeline.model.entries import (
    ATTRIBUTE_FIELDS,
    CLAIM_FIELDS,
    ENTRY_COLUMNS,
    IGNORE_FIELDS,
    OBSERVATION_FIELDS,
)
from pipeline.model.mentions import MENTION_COLUMNS
from pipeline.validate import problems
from pipeline.validate.coverage import (
    SHAREABLE,
    SPAN_COLUMNS,
    account_for_mentions,
    accounts,
    quote_value_problems,
)
from pipeline.validate.provenance import TOLERANCE
from schemas.units import KINDS_FOR_UNIT, SIGNED_BY_WORDING, STATED_BY_SIGNED_COUNT


def reference_accounts(obs, attrs, claims, ignores):
    rows = []
    for r in obs.itertuples(index=False):
        label = ".".join([r.survey_id, r.variable_id, r.category_id, r.population_id])
        rows.append(
            (r.source_id, r.number_start, r.number_end, "observation", label, r.file, r.entry)
        )
    for r in attrs.itertuples(index=False):
        label = f"{r.entity}:{r.entity_id}.{r.attribute}"
        rows.append(
            (r.source_id, r.number_start, r.number_end, "attribute", label, r.file, r.entry)
        )
    for r in claims.itertuples(index=False):
        rows.append(
            (r.source_id, int(r.char_start), int(r.char_end), "claim", r.entry_id, r.file, r.entry)
        )
    for r in ignores.itertuples(index=False):
        rows.append(
            (r.source_id, int(r.char_start), int(r.char_end), "ignore", r.reason, r.file, r.entry)
        )
    return pd.DataFrame(rows, columns=SPAN_COLUMNS)


def reference_account_for_mentions(mentions, spans, files):
    by_source = defaultdict(list)
    for span in spans.itertuples(index=False):
        by_source[span.source_id].append(span)
    used: set[tuple] = set()
    accounted_by, labels, found = [], [], []
    for m in mentions.itertuples(index=False):
        hits = [s for s in by_source[m.source_id] if s.start < m.char_end and m.char_start < s.end]
        used.update((s.source_id, s.start, s.end, s.category) for s in hits)
        categories = sorted({s.category for s in hits})
        where = f"mention {m.surface!r} at [{m.char_start}, {m.char_end})"
        file = files.get(m.source_id, m.source_id)
        if not hits:
            found.append(
                {
                    "file": file,
                    "entry": where,
                    "problem": f"no annotation accounts for this {m.kind}",
                    "fix": "map it to an observation or attribute, quote it in a claim, "
                    "or add an ignore entry with the reason",
                }
            )
        elif len(categories) > 1 or (categories[0] not in SHAREABLE and len(hits) > 1):
            found.append(
                {
                    "file": file,
                    "entry": where,
                    "problem": "accounted for more than once: "
                    + "; ".join(f"{s.category} {s.entry}" for s in hits),
                    "fix": "keep exactly one annotation for this number",
                }
            )
        accounted_by.append(categories[0] if len(categories) == 1 else None)
        labels.append(" ".join(sorted({s.label for s in hits})) or None)
    for s in spans[spans["category"] == "ignore"].itertuples(index=False):
        if (s.source_id, s.start, s.end, s.category) not in used:
            found.append(
                {
                    "file": s.file,
                    "entry": s.entry,
                    "problem": "ignore entry matches no mention of the text",
                    "fix": "remove it, or correct its offsets",
                }
            )
    out = mentions.assign(accounted_by=accounted_by, annotation=labels)
    return out, problems(found)


def reference_quote_value_problems(obs, mentions):
    by_source = defaultdict(list)
    for m in mentions[
        ["source_id", "char_start", "char_end", "kind", "value_number", "surface"]
    ].itertuples(index=False, name=None):
        by_source[m[0]].append(m[1:])
    found = []
    for r in obs.itertuples(index=False):
        kinds = set(KINDS_FOR_UNIT.get(r.unit, set()))
        text = getattr(r, "number_text", None)
        if (
            r.unit in STATED_BY_SIGNED_COUNT
            and isinstance(text, str)
            and re.match(r"[+\-−–]\d", text)
        ):
            kinds.add("count")  # "(27 %, +3)"
        inside = [
            m
            for m in by_source[r.source_id]
            if m[0] >= r.char_start and m[1] <= r.char_end and m[2] in kinds
        ]
        size = abs if r.unit in SIGNED_BY_WORDING else float
        under_heading = [  # a count after a heading of the quote that declares the unit,
            (m, heading.scale)  # counted in the heading's scale ("(en millions d'euros)")
            for m in by_source[r.source_id]
            if m[0] >= r.char_start
            and m[1] <= r.char_end
            and m[2] == "count"
            and (heading := declaration(r.quote, 0, m[0] - r.char_start)) is not None
            and r.unit in heading.units
        ]
        if not any(
            m[3] is not None
            and m[3] == m[3]
            and abs(size(m[3]) - size(float(r.value))) <= TOLERANCE
            for m in inside
        ) and not any(
            m[3] is not None and m[3] == m[3] and abs(m[3] * scale - float(r.value)) <= TOLERANCE
            for m, scale in under_heading
        ):
            seen = ", ".join(repr(m[4]) for m in inside) or "no number of that unit"
            found.append(
                {
                    "file": r.file,
                    "entry": r.entry,
                    "problem": f"the extractor finds no {r.unit} of value {r.value:g} in the quote "
                    f"(it finds {seen})",
                    "fix": "check the value and the quote; the number must be written in the quote",
                }
            )
    return problems(found)


def assert_same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Same columns, dtypes (string storage included), index and values."""
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert [(repr(d), getattr(d, "storage", None)) for d in got.dtypes] == [
        (repr(d), getattr(d, "storage", None)) for d in expected.dtypes
    ]


def check_all(mentions, spans, obs, files):
    got, expected = (
        account_for_mentions(mentions, spans, files),
        reference_account_for_mentions(mentions, spans, files),
    )
    assert_same(got[0], expected[0])
    assert_same(got[1], expected[1])
    assert_same(quote_value_problems(obs, mentions), reference_quote_value_problems(obs, mentions))


# Frames as the pipeline makes them -------------------------------------------------------


def mention(source, start, end, kind="percent", value=53.0, surface="53 %"):
    return (source, start, end, surface, kind, str(value), value, False, None, 0, 99)


def span(source, start, end, category, label="x", entry="e"):
    return (source, start, end, category, label, f"{source}/annotations.yml", entry)


def observation(
    source,
    start,
    end,
    value=53.0,
    unit="percent",
    entry="observations[0]",
    number_text="53 %",
    heading="",
):
    """An observation whose quote is `heading` padded with spaces to the quote's length (a
    heading the quote cannot hold is cut)."""
    return {
        "file": f"{source}/annotations.yml",
        "entry": entry,
        "source_id": source,
        "char_start": start,
        "char_end": end,
        "value": value,
        "unit": unit,
        "number_text": number_text,
        "quote": heading.ljust(end - start)[: max(0, end - start)],
    }


def frames(mention_rows, span_rows, obs_rows):
    return (
        pd.DataFrame(mention_rows, columns=MENTION_COLUMNS),
        pd.DataFrame(span_rows, columns=SPAN_COLUMNS),
        pd.DataFrame(
            obs_rows, columns=["file", "entry", "source_id", "char_start", "char_end", "quote"]
        )
        if not obs_rows
        else pd.DataFrame(obs_rows),
    )


CASES = {
    "one observation each": (
        [mention("s", 10, 13), mention("s", 20, 23, value=35.0, surface="35 %")],
        [span("s", 10, 13, "observation", "a"), span("s", 20, 23, "observation", "b")],
        [observation("s", 0, 30), observation("s", 15, 25, value=35.0)],
    ),
    "overlapping spans of several kinds": (
        [mention("s", 10, 13), mention("s", 14, 16, "count", 12.0, "12")],
        [
            span("s", 5, 14, "claim", "c", "claims[0]"),
            span("s", 10, 13, "observation", "o", "observations[0]"),
            span("s", 12, 20, "ignore", "why", "ignore[0]"),
        ],
        [observation("s", 0, 30, value=12.0, unit="count")],
    ),
    "shareable attributes on one mention": (
        [mention("s", 10, 30, "period", None, "entre le 18 mai et le 12 juin")],
        [
            span("s", 19, 25, "attribute", "survey:x.fieldwork_start", "attributes[0]"),
            span("s", 10, 30, "attribute", "survey:x.fieldwork_end", "attributes[1]"),
            span("s", 12, 14, "attribute", "survey:x.fieldwork_end", "attributes[2]"),
        ],
        [],
    ),
    "two observations on one mention": (
        [mention("s", 10, 13)],
        [span("s", 10, 13, "observation", "b", "o[1]"), span("s", 9, 11, "observation", "a")],
        [observation("s", 10, 13)],
    ),
    "ignores that match nothing, one twice": (
        [mention("s", 10, 13)],
        [
            span("s", 10, 13, "observation"),
            span("s", 40, 45, "ignore", "r", "ignore[0]"),
            span("s", 40, 45, "ignore", "r", "ignore[1]"),
            span("t", 10, 13, "ignore", "r", "ignore[0]"),
        ],
        [],
    ),
    "an ignore that matches, and its twin": (
        [mention("s", 10, 13)],
        [span("s", 10, 13, "ignore", "r", "ignore[0]"), span("s", 10, 13, "ignore", "r", "i[1]")],
        [],
    ),
    "a source with no spans": (
        [mention("s", 10, 13), mention("t", 1, 4), mention("t", 8, 9, "count", 3.0, "3")],
        [span("s", 10, 13, "observation")],
        [observation("t", 0, 10, value=3.0, unit="count"), observation("u", 0, 10)],
    ),
    "no spans at all": ([mention("s", 10, 13)], [], [observation("s", 0, 5)]),
    "no mentions at all": (
        [],
        [span("s", 1, 2, "ignore", "r", "ignore[0]")],
        [observation("s", 0, 5)],
    ),
    "nothing at all": ([], [], []),
    "values that are no number": (
        [mention("s", 10, 13, value=None), mention("s", 14, 18, value=float("nan"))],
        [span("s", 10, 18, "claim", "c", "claims[0]")],
        [observation("s", 0, 30), observation("s", 0, 30, value=53.00001), observation("s", 0, 9)],
    ),
    "units and kinds": (
        [
            mention("s", 1, 3, "ratio", 50.0, "1 sur 2"),
            mention("s", 4, 6, "fraction", 25.0, "un quart"),
            mention("s", 7, 9, "count", 25.0, "25"),
            mention("s", 10, 12, "date", 25.0, "25 mai"),
        ],
        [span("s", 0, 20, "claim")],
        [
            observation("s", 0, 20, value=25.0),
            observation("s", 0, 20, value=50.0),
            observation("s", 0, 20, value=25.0, unit="count"),
            observation("s", 0, 8, value=25.0, unit="count"),
            observation("s", 0, 20, value=25.0, unit="people"),
        ],
    ),
    "changes signed by their wording": (
        [
            mention("s", 1, 5, "percent", 38.0, "38 %"),
            mention("s", 6, 10, "percent", -3.5, "-3,5 %"),
            mention("s", 11, 13, "points", -6.0, "recul de 6 points"),
        ],
        [span("s", 0, 20, "claim")],
        [
            observation("s", 0, 5, value=-38.0, unit="percent_change"),
            observation("s", 0, 5, value=38.0, unit="percent_change"),
            observation("s", 5, 10, value=3.5, unit="percent_change"),
            observation("s", 0, 5, value=-38.0),
            observation("s", 10, 14, value=6.0, unit="points"),
            observation("s", 10, 14, value=-6.0, unit="points"),
        ],
    ),
    "points stated by a signed count": (
        [
            mention("s", 1, 3, "count", 3.0, "+3"),
            mention("s", 6, 8, "count", -2.0, "-2"),
            mention("s", 11, 12, "count", 4.0, "4"),
        ],
        [span("s", 0, 20, "claim")],
        [
            observation("s", 0, 5, value=3.0, unit="points", number_text="+3"),
            observation("s", 5, 10, value=-2.0, unit="points", number_text="-2"),
            observation("s", 10, 14, value=4.0, unit="points", number_text="4"),
            observation("s", 0, 5, value=3.0, unit="percent_change", number_text="+3"),
        ],
    ),
    "an empty label": (
        [mention("s", 10, 13), mention("s", 20, 23)],
        [
            span("s", 10, 13, "claim", ""),
            span("s", 20, 23, "claim", ""),
            span("s", 20, 23, "claim"),
        ],
        [],
    ),
    "touching, not overlapping": (
        [mention("s", 10, 13)],
        [span("s", 0, 10, "observation"), span("s", 13, 20, "claim")],
        [observation("s", 10, 12), observation("s", 11, 13)],
    ),
    "counts under a heading that declares their unit": (
        [
            mention("s", 110, 112, "count", 63.0, "63"),
            mention("s", 115, 117, "count", 61.0, "61"),
            mention("s", 90, 92, "count", 61.0, "61"),
        ],
        [span("s", 0, 200, "claim")],
        [
            observation("s", 100, 120, value=61.0, heading="(en %)"),  # 61 after the heading
            observation("s", 100, 120, value=63.0, heading="en %"),
            observation("s", 100, 120, value=62.0, heading="(en %)"),  # no 62 written
            observation("s", 100, 120, value=61.0, unit="points", heading="(en %)"),
            observation("s", 100, 120, value=61.0, unit="points", heading="en points"),
            observation("s", 100, 120, value=61.0),  # no heading
            observation("s", 85, 100, value=61.0, heading="(en %)".rjust(15)),  # 61 before it
            # An amount counted in the heading's scale, in its currency.
            observation("s", 100, 120, value=61e6, unit="euro", heading="(en M€)"),
            observation("s", 100, 120, value=61.0, unit="euro", heading="(en M€)"),
            observation("s", 100, 120, value=63.0, unit="canadian_dollar", heading="(en $)"),
            observation("s", 100, 120, value=63.0, unit="euro", heading="(en $)"),
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_case_table(case):
    mentions, spans, obs = frames(*CASES[case])
    check_all(mentions, spans, obs, {"s": "raw/sources/s/annotations.yml"})


def test_value_number_none_in_an_object_column():
    mentions, spans, obs = frames(*CASES["values that are no number"])
    mentions["value_number"] = pd.Series([None, 53.0], dtype=object)
    check_all(mentions, spans, obs, {})


def test_index_of_a_filtered_frame():
    mentions, spans, obs = frames(*CASES["overlapping spans of several kinds"])
    mentions.index, spans.index, obs.index = [7, 3], [10, 2, 5], [4]
    check_all(mentions, spans, obs, {})


def test_expected_outcomes():
    """What the case table holds both implementations to, on two cases."""
    mentions, spans, _ = frames(*CASES["overlapping spans of several kinds"])
    out, found = account_for_mentions(mentions, spans, {"s": "a.yml"})
    assert out["accounted_by"].fillna("-").tolist() == ["-", "ignore"]
    assert out["annotation"].tolist() == ["c o why", "why"]
    assert found["problem"].tolist() == [
        "accounted for more than once: claim claims[0]; observation observations[0]; "
        "ignore ignore[0]"
    ]
    mentions, spans, _ = frames(*CASES["shareable attributes on one mention"])
    out, found = account_for_mentions(mentions, spans, {})
    assert out["accounted_by"].tolist() == ["attribute"]
    assert out["annotation"].tolist() == ["survey:x.fieldwork_end survey:x.fieldwork_start"]
    assert found.empty


def test_a_change_is_stated_by_its_size():
    mentions, _, obs = frames(*CASES["changes signed by their wording"])
    obs["entry"] = [f"observations[{i}]" for i in range(len(obs))]
    found = quote_value_problems(obs, mentions)
    # -38 as a share is no percent written. A change in percent or in points is stated by its
    # size ("5 points de moins" states -5); its sign is the number check's, which reads the
    # words of change (tests/test_provenance_numbers.py).
    assert found["entry"].tolist() == ["observations[3]"]


def test_a_count_under_a_heading_states_the_unit_the_heading_declares():
    mentions, _, obs = frames(*CASES["counts under a heading that declares their unit"])
    obs["entry"] = [f"observations[{i}]" for i in range(len(obs))]
    found = quote_value_problems(obs, mentions)
    # Stated: 61 and 63 after "(en %)" or "en %", 61 points after "en points", 61 000 000
    # euros after "(en M€)", 63 Canadian dollars after "(en $)". Not stated: no 62 written, a
    # heading of percents for points, no heading, a count before the heading, 61 euros after
    # "(en M€)", euros after "(en $)".
    assert sorted(found["entry"]) == sorted(f"observations[{i}]" for i in (2, 3, 5, 6, 8, 10))


def test_points_are_stated_by_a_count_written_with_its_sign():
    mentions, _, obs = frames(*CASES["points stated by a signed count"])
    obs["entry"] = [f"observations[{i}]" for i in range(len(obs))]
    found = quote_value_problems(obs, mentions)
    # "+3" and "-2" after a poll score state points; a count without its sign does not, and a
    # signed count states no relative change.
    assert found["entry"].tolist() == ["observations[2]", "observations[3]"]


# Any frames ------------------------------------------------------------------------------

SOURCES = ["s", "t", "u"]
offsets = st.integers(0, 12)
lengths = st.integers(0, 4)
mentions_st = st.lists(
    st.tuples(
        st.sampled_from(SOURCES),
        offsets,
        lengths,
        st.sampled_from(["percent", "count", "ratio", "fraction", "date", "period"]),
        st.sampled_from([None, 12.0, 53.0, 53.00005, 53.001, -53.0, -12.0]),
        st.sampled_from(["53 %", "12", "douze", "l'un d'eux"]),
    ).map(lambda t: mention(t[0], t[1], t[1] + t[2], t[3], t[4], t[5])),
    max_size=12,
)
spans_st = st.lists(
    st.tuples(
        st.sampled_from(SOURCES),
        offsets,
        lengths,
        st.sampled_from(["observation", "attribute", "claim", "ignore"]),
        st.sampled_from(["x", "y", "a.b", "", "x y"]),
        st.sampled_from(["e0", "e1", "ignore[0]"]),
    ).map(lambda t: span(t[0], t[1], t[1] + t[2], t[3], t[4], t[5])),
    max_size=12,
)
obs_st = st.lists(
    st.tuples(
        st.sampled_from(SOURCES),
        offsets,
        st.integers(0, 8),
        st.sampled_from([12.0, 53.0, 3.0, -53.0]),
        st.sampled_from(["percent", "count", "people", "percent_change", "points"]),
        st.sampled_from(["observations[0]", "observations[1]"]),
        st.sampled_from(["53 %", "+3", "-53", "12", "recul de 53 %"]),
        st.sampled_from(["", "(en %)", "en points", "(%)"]),
    ).map(lambda t: observation(t[0], t[1], t[1] + t[2], t[3], t[4], t[5], t[6], t[7])),
    max_size=8,
)
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(
    mentions_st,
    spans_st,
    obs_st,
    st.dictionaries(st.sampled_from(SOURCES), st.just("annotations.yml")),
    st.booleans(),
)
def test_same_as_row_by_row(mention_rows, span_rows, obs_rows, files, shuffled_index):
    mentions, spans, obs = frames(mention_rows, span_rows, obs_rows)
    if shuffled_index:
        mentions.index = np.arange(len(mentions))[::-1] * 3 + 1
        spans.index = np.arange(len(spans)) * 2 + 5
    check_all(mentions, spans, obs, files)


def entry_frame(rows, fields, offsets_of_number):
    frame = pd.DataFrame(rows, columns=ENTRY_COLUMNS + fields)
    if offsets_of_number:  # as with_number_offsets adds them
        if frame.empty:
            return frame.assign(
                number_start=pd.Series(dtype="Int64"), number_end=pd.Series(dtype="Int64")
            )
        return frame.assign(number_start=frame["char_start"] + 1, number_end=frame["char_end"])
    return frame


def entry(source, i, start, length, **fields):
    base = {"file": f"{source}/annotations.yml", "entry": f"x[{i}]", "source_id": source}
    return base | {"entry_id": f"id_{i}", "char_start": start, "char_end": start + length} | fields


OBS_IDS = {"survey_id": "sv", "variable_id": "v", "population_id": "p"}
annotation_rows = st.lists(st.tuples(st.sampled_from(SOURCES), offsets, lengths), max_size=5)


@PROPERTY
@given(annotation_rows, annotation_rows, annotation_rows, annotation_rows, mentions_st)
def test_accounts_same_as_row_by_row(obs_rows, attr_rows, claim_rows, ignore_rows, mention_rows):
    obs = entry_frame(
        [
            entry(s, i, a, n, value=53.0, unit="percent", **OBS_IDS, category_id=f"c{i}", quote="x")
            for i, (s, a, n) in enumerate(obs_rows)
        ],
        OBSERVATION_FIELDS,
        True,
    )
    attrs = entry_frame(
        [
            entry(s, i, a, n, entity="survey", entity_id="sv", attribute=f"at{i % 2}")
            for i, (s, a, n) in enumerate(attr_rows)
        ],
        ATTRIBUTE_FIELDS,
        True,
    )
    claims = entry_frame(
        [entry(s, i, a, n) for i, (s, a, n) in enumerate(claim_rows)], CLAIM_FIELDS, False
    )
    ignores = entry_frame(
        [entry(s, i, a, n, reason=f"reason {i % 2}") for i, (s, a, n) in enumerate(ignore_rows)],
        IGNORE_FIELDS,
        False,
    )
    spans = accounts(obs, attrs, claims, ignores)
    assert_same(spans, reference_accounts(obs, attrs, claims, ignores))
    mentions = pd.DataFrame(mention_rows, columns=MENTION_COLUMNS)
    check_all(mentions, spans, obs, {})
