"""reconcile() on small frames: agreement within rounding, published value, settled bases."""

import pytest

from pipeline.checks.results import schema_failures
from pipeline.reconcile import reconcile
from schemas.fact_reconciliation import FactReconciliation

from .frames import POPULATIONS, entries, entry, oid

OPEN = "the base may be all respondents or AI users"


def statuses(table) -> dict[tuple[str, str], str]:
    return {(r.observation_id, r.source_id): r.status for r in table.itertuples()}


# (case, entries, expected {(observation, source): status}, expected published value by obs)
CASES = [
    (
        "same value twice",
        [entry("a", 53), entry("b", 53)],
        {(oid(), "a"): "agrees", (oid(), "b"): "agrees"},
        {oid(): 53},
    ),
    (
        "53 and 53,0 agree",
        [entry("a", 53), entry("b", 53.0, number_text="53,0 %")],
        {(oid(), "a"): "agrees", (oid(), "b"): "agrees"},
        {oid(): 53},
    ),
    (
        "53,2 and 53 agree",
        [entry("a", 53.2, number_text="53,2 %"), entry("b", 53)],
        {(oid(), "a"): "agrees", (oid(), "b"): "agrees"},
        {oid(): 53.2},
    ),
    (
        "53 and 52 differ; tie goes to the first source",
        [entry("a", 53), entry("b", 52)],
        {(oid(), "a"): "agrees", (oid(), "b"): "value differs"},
        {oid(): 53},
    ),
    (
        "tie goes to the first source by id, not the first row",
        [entry("b", 53), entry("a", 52)],
        {(oid(), "a"): "agrees", (oid(), "b"): "value differs"},
        {oid(): 52},
    ),
    (
        "the value most sources state is published",
        [entry("a", 52), entry("b", 53), entry("c", 53)],
        {(oid(), "a"): "value differs", (oid(), "b"): "agrees", (oid(), "c"): "agrees"},
        {oid(): 53},
    ),
    (
        "a duration agrees in another unit of time: 4 hours is [210, 270) minutes",
        [
            entry("a", 252, unit="minutes", number_text="4h12"),
            entry("b", 4, unit="hours", number_text="plus de 4 heures"),
        ],
        {(oid(), "a"): "agrees", (oid(), "b"): "agrees"},
        {oid(): 252},
    ),
    (
        "3 hours is no 4h12, and a year is twelve months",
        [
            entry("a", 252, unit="minutes", number_text="4h12"),
            entry("b", 3, unit="hours", number_text="3 heures"),
            entry("c", 1.5, unit="years", number_text="1,5 an", category="d"),
            entry("d", 18, unit="months", number_text="18 mois", category="d"),
        ],
        {
            (oid(), "a"): "agrees",
            (oid(), "b"): "value differs",
            (oid(category="d"), "c"): "agrees",
            (oid(category="d"), "d"): "agrees",
        },
        {oid(): 252, oid(category="d"): 1.5},
    ),
    (
        "negative changes agree and differ like any value",
        [
            entry("a", -6, unit="points", number_text="-6 points"),
            entry("b", -6, unit="points", number_text="recul de 6 points"),
            entry("c", -3.5, unit="percent_change", number_text="recul de 3,5 %", category="d"),
            entry("d", -5, unit="percent_change", number_text="-5 %", category="d"),
        ],
        {
            (oid(), "a"): "agrees",
            (oid(), "b"): "agrees",
            (oid(category="d"), "c"): "agrees",
            (oid(category="d"), "d"): "value differs",
        },
        {oid(): -6, oid(category="d"): -3.5},
    ),
    (
        "days and months are not compared: 30 days is no month",
        [
            entry("a", 30, unit="days", number_text="30 jours"),
            entry("b", 1, unit="months", number_text="un mois"),
        ],
        {(oid(), "a"): "agrees", (oid(), "b"): "value differs"},
        {oid(): 30},
    ),
    (
        "a count never agrees with a percent",
        [entry("a", 53), entry("b", 53, unit="count", number_text="53")],
        {(oid(), "a"): "agrees", (oid(), "b"): "value differs"},
        {oid(): 53},
    ),
    ("a single source is not reconciled", [entry("a", 53)], {}, {oid(): 53}),
    (
        "different figures of one source are not compared",
        [entry("a", 53), entry("a", 53, "users")],
        {},
        {oid(): 53, oid("users"): 53},
    ),
    (
        "clear source settles an open base on a sub-population",
        [entry("a", 41, ambiguity=OPEN), entry("b", 41, "users")],
        {
            (oid("users"), "a"): "base settled by another source",
            (oid("users"), "b"): "settles the base",
        },
        {oid("users"): 41},
    ),
    (
        "clear source settles an open base on a parent population",
        [entry("a", 41, "users", ambiguity=OPEN), entry("b", 41, "all")],
        {(oid(), "a"): "base settled by another source", (oid(), "b"): "settles the base"},
        {oid(): 41},
    ),
    (
        "clear source confirms an open base",
        [entry("a", 41, ambiguity=OPEN), entry("b", 41)],
        {(oid(), "a"): "base settled by another source", (oid(), "b"): "settles the base"},
        {oid(): 41},
    ),
    (
        "a different value settles nothing",
        [entry("a", 41, ambiguity=OPEN), entry("b", 52, "users")],
        {},
        {oid(): 41, oid("users"): 52},
    ),
    (
        "an ambiguous source settles nothing",
        [entry("a", 41, ambiguity=OPEN), entry("b", 41, "users", ambiguity=OPEN)],
        {(oid(), "a"): "base differs", (oid("users"), "b"): "base differs"},
        {oid(): 41, oid("users"): 41},
    ),
    (
        "a sibling base settles nothing and is no conflict",
        [entry("a", 41, "users", ambiguity=OPEN), entry("b", 41, "big_firms")],
        {},
        {oid("users"): 41, oid("big_firms"): 41},
    ),
    (
        "two clear sources on two bases: not settled, bases differ",
        [entry("a", 41, ambiguity=OPEN), entry("b", 41, "users"), entry("c", 41, "heavy_users")],
        {
            (oid(), "a"): "base differs",
            (oid("users"), "b"): "base differs",
            (oid("heavy_users"), "c"): "base differs",
        },
        {oid(): 41, oid("users"): 41, oid("heavy_users"): 41},
    ),
    (
        "same value on nested bases, both clear: bases differ",
        [entry("a", 41), entry("b", 41, "users")],
        {(oid(), "a"): "base differs", (oid("users"), "b"): "base differs"},
        {oid(): 41, oid("users"): 41},
    ),
    (
        "both sources state both bases: two results, no conflict",
        [entry("a", 41), entry("a", 41, "users"), entry("b", 41), entry("b", 41, "users")],
        {
            (oid(), "a"): "agrees",
            (oid(), "b"): "agrees",
            (oid("users"), "a"): "agrees",
            (oid("users"), "b"): "agrees",
        },
        {oid(): 41, oid("users"): 41},
    ),
    (
        "an open base is not moved onto a base its own source states",
        [entry("a", 41, ambiguity=OPEN), entry("a", 41, "users"), entry("b", 41, "users")],
        {(oid("users"), "a"): "agrees", (oid("users"), "b"): "agrees"},
        {oid(): 41, oid("users"): 41},
    ),
    (
        "other variables are other figures",
        [entry("a", 41, ambiguity=OPEN), entry("b", 41, "users", variable="w")],
        {},
        {oid(): 41, oid("users", "w"): 41},
    ),
]


@pytest.mark.parametrize(
    ("rows", "expected", "published"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_statuses_and_published_values(rows, expected, published):
    result = reconcile(entries(*rows), POPULATIONS)
    assert statuses(result.table) == expected
    got = result.entries[result.entries["publishes"]]
    assert dict(zip(got["observation_id"], got["value"].astype(float), strict=True)) == published
    assert schema_failures(FactReconciliation, result.table).empty
    for row in result.table.itertuples():
        assert row.published_value == published[row.observation_id]


def test_settled_entry_takes_the_clear_base_and_names_its_settler():
    result = reconcile(
        entries(entry("a", 41, ambiguity=OPEN), entry("b", 41, "users"), entry("c", 41, "users")),
        POPULATIONS,
    )
    a = result.entries.set_index("source_id").loc["a"]
    assert (a["population_id"], a["stated_population_id"]) == ("users", "all")
    assert a["observation_id"] == oid("users")
    assert a["settled_by_source_id"] == "b"  # the first of the settling sources by id
    assert (
        result.entries.set_index("source_id")["settled_by_source_id"].isna().loc[["b", "c"]].all()
    )
    row = result.table.set_index("source_id").loc["a"]
    assert row["stated_population_id"] == "all"
    assert "b states the same value 41 % on 'AI users' (users)" in row["note"]


def test_entries_keep_every_row_and_one_entry_publishes_each_observation():
    rows = [
        entry("a", 53),
        entry("b", 52),
        entry("c", 41, ambiguity=OPEN),
        entry("d", 41, "users"),
        entry("a", 10, variable="w"),
    ]
    result = reconcile(entries(*rows), POPULATIONS)
    assert len(result.entries) == len(rows)
    assert list(result.entries["source_id"]) == ["a", "b", "c", "d", "a"]
    assert result.entries.groupby("observation_id")["publishes"].sum().eq(1).all()


def test_value_differs_note_gives_both_intervals():
    table = reconcile(
        entries(entry("a", 53), entry("b", 52, number_text="52 %")), POPULATIONS
    ).table
    note = table.set_index("source_id").loc["b", "note"]
    assert note == (
        "States 52 % [51.5, 52.5) where the release publishes 53 % [52.5, 53.5), "
        "stated by a: the rounding intervals do not overlap."
    )


@pytest.mark.parametrize(
    ("unit", "number_text", "stated"),
    [
        ("percent_of_quantity", "38 %", "38 % in unit percent_of_quantity"),
        ("us_dollar", "38 $", "38 $ in unit us_dollar"),
    ],
)
def test_value_differs_note_names_units_that_are_not_compared(unit, number_text, stated):
    table = reconcile(
        entries(entry("a", 38), entry("b", 38, unit=unit, number_text=number_text)), POPULATIONS
    ).table
    assert table.set_index("source_id").loc["b", "note"] == (
        f"States {stated} where the release publishes 38 % in unit percent, stated by a: "
        "the units measure different things, so the figures are not compared."
    )


def test_bases_that_differ_share_a_comparison_id():
    table = reconcile(
        entries(entry("a", 41), entry("b", 41, "users"), entry("c", 7)), POPULATIONS
    ).table
    assert set(table["comparison_id"]) == {"s.v.c:all+users"}
    assert set(table["observation_id"]) == {oid(), oid("users")}
    # c states another value on all: compared, and it differs from the published 41
    assert table.set_index("source_id").loc["c", "status"] == "value differs"


def test_no_entries():
    result = reconcile(entries(), POPULATIONS)
    assert result.entries.empty and result.table.empty
    assert schema_failures(FactReconciliation, result.table).empty
