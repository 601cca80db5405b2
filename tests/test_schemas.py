"""Each table schema accepts the frame built from raw/ and rejects each bad fixture."""

import pandas as pd
import pytest

from pipeline.checks.results import schema_failures
from schemas import PUBLISHED, table_spec
from schemas.spec import table_name

# Tables that stay empty while raw/ holds a single source (nothing to reconcile).
SINGLE_SOURCE_EMPTY = {"fact_reconciliation"}


@pytest.fixture(scope="module")
def tables(seed_run) -> dict[str, pd.DataFrame]:
    """Every published table as the seed build's assets returned it."""
    result, _ = seed_run
    return {table_name(m): result.asset_value(table_name(m)) for m in PUBLISHED}


@pytest.mark.parametrize("model", PUBLISHED, ids=table_name)
def test_schema_accepts_the_built_table(tables, model):
    df = tables[table_name(model)]
    assert len(df) > 0 or table_name(model) in SINGLE_SOURCE_EMPTY
    assert schema_failures(model, df).empty


def _set(column, value, row=0):
    def mutate(df):
        df = df.copy()
        df[column] = df[column].astype(object)
        df.loc[row, column] = value
        return df

    return mutate


def _duplicate_first(df):
    return pd.concat([df, df.head(1)], ignore_index=True)


BAD = [
    ("dim_source", _set("source_id", "Bad Id"), "source_id"),
    ("dim_source", _set("text_sha256", "abc"), "text_sha256"),
    ("dim_source", _set("published_date", "25/07/2024"), "published_date"),
    ("dim_survey", _set("year_status", "guessed"), "year_status"),
    ("dim_survey", _set("sample_size", 0), "sample_size"),
    ("dim_variable", _set("question_type", "open"), "question_type"),
    ("dim_variable", _set("reference_period", "12 months"), "reference_period"),
    ("dim_category", _duplicate_first, "variable_id"),
    ("dim_population", _set("label_en", None), "label_en"),
    ("fact_observation", _set("value", 101.0), "percent_in_range"),
    ("fact_observation", _set("value", -1.0), "value"),
    ("fact_observation", _set("unit", "euros"), "unit"),
    ("fact_observation", _set("value_high", 10.0), "interval_contains_value"),
    ("fact_observation", _duplicate_first, "observation_id"),
    ("fact_evidence", _set("number_start", 0), "number_inside_quote"),
    ("fact_evidence", _set("char_start", -3), "char_start"),
    ("attribute_evidence", _set("entity", "outlet"), "entity"),
    ("fact_derived", _set("kind", "guess"), "kind"),
    ("fact_derived", _set("value_low", 1e9), "interval_contains_value"),
    ("fact_claim", _set("verdict", "plausible"), "verdict"),
]


@pytest.mark.parametrize(("table", "mutate", "where"), BAD, ids=[f"{t}-{w}" for t, _, w in BAD])
def test_schema_rejects_bad_fixture(tables, table, mutate, where):
    model = next(m for m in PUBLISHED if table_name(m) == table)
    failures = schema_failures(model, mutate(tables[table]))
    assert not failures.empty
    assert where in " ".join(map(str, failures.to_numpy().ravel()))


@pytest.mark.parametrize("model", PUBLISHED, ids=table_name)
def test_every_column_is_described(model):
    spec = table_spec(model)
    assert spec.description and spec.title
    assert all(len(c.description) > 15 for c in spec.columns)
