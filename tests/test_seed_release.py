"""End to end: the seed article built into Parquet and DuckDB, checked figure by figure."""

from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.publish.release import DUCKDB_NAME
from schemas import PUBLISHED, table_spec

from .conftest import RAW, SEED_ID
from .test_schemas import SINGLE_SOURCE_EMPTY

GOLDEN = Path(__file__).parent / "golden"
SEED_TEXT = (RAW / "sources" / SEED_ID / "article.txt").read_text(encoding="utf-8")

# The percentages the seed article states (issue #2), with their bases.
EXPECTED_PERCENTS = Counter(
    [53, 11, 78, 22, 20, 17, 77, 43, 33, 17, 41, 11, 22, 23, 6, 95, 79, 78, 76, 66]
)


def db(release: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(release / DUCKDB_NAME), read_only=True)


def test_every_table_is_published_in_parquet_and_duckdb(seed_release):
    con = db(seed_release)
    for model in PUBLISHED:
        spec = table_spec(model)
        table = pq.read_table(seed_release / f"{spec.name}.parquet")
        assert table.column_names == spec.column_names
        assert b"pandas" not in (table.schema.metadata or {})
        rows = con.execute(f'SELECT count(*) FROM "{spec.name}"').fetchone()[0]
        assert rows == table.num_rows, spec.name
        assert rows > 0 or spec.name in SINGLE_SOURCE_EMPTY, spec.name


def test_the_article_percentages_are_all_there(seed_release):
    facts = pd.read_parquet(seed_release / "fact_observation.parquet")
    percents = facts[facts["unit"] == "percent"]["value"]
    assert Counter(int(v) for v in percents) == EXPECTED_PERCENTS


def test_fact_observation_matches_golden(seed_release):
    facts = pd.read_parquet(seed_release / "fact_observation.parquet")
    golden = pd.read_csv(GOLDEN / "fact_observation.csv", keep_default_na=False)
    got = facts[golden.columns].fillna("").astype(str).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, golden.astype(str))


@pytest.mark.parametrize(
    ("variable", "category", "population", "value"),
    [
        ("ai_use", "used", "cpme_2024_all", 53.0),
        ("ai_purpose", "content_creation", "cpme_2024_ai_users", 78.0),
        ("nis2_awareness", "heard_of", "cpme_2024_all", 11.0),
        ("nis2_awareness", "heard_of", "cpme_2024_firms_50plus", 22.0),
        ("cyberattack_impact", "significant", "cpme_2024_attacked", 6.0),
        ("security_measures", "any_measure", "cpme_2024_all", 95.0),
    ],
)
def test_figures_point_at_their_base_population(
    seed_release, variable, category, population, value
):
    row = (
        db(seed_release)
        .execute(
            "SELECT value FROM fact_observation WHERE variable_id = ? AND category_id = ? "
            "AND population_id = ?",
            [variable, category, population],
        )
        .fetchall()
    )
    assert row == [(value,)]


def test_every_quote_is_the_text_at_its_offsets(seed_release):
    ev = pd.read_parquet(seed_release / "fact_evidence.parquet")
    attrs = pd.read_parquet(seed_release / "attribute_evidence.parquet")
    for frame in (ev, attrs):
        for row in frame.itertuples():
            assert SEED_TEXT[row.char_start : row.char_end] == row.quote
            assert SEED_TEXT[row.number_start : row.number_end] == row.number_text


def test_nothing_comes_from_the_subheading_or_the_related_link(seed_release):
    ev = pd.read_parquet(seed_release / "fact_evidence.parquet")
    heading = SEED_TEXT.index("Pare-feux La CPME")
    link = SEED_TEXT.index("A lire aussi")
    link_end = SEED_TEXT.index("assurance cyber") + len("assurance cyber")
    for row in ev.itertuples():
        assert not (row.char_start < heading + len("Pare-feux") and heading < row.char_end)
        assert not (row.char_start < link_end and link < row.char_end)


def test_ambiguous_bases_are_recorded(seed_release):
    facts = pd.read_parquet(seed_release / "fact_observation.parquet").set_index("category_id")
    assert "d’entre elles" in facts.loc["significant", "ambiguity"]
    assert "dirigeants interrogés" in facts.loc["has_difficulties", "ambiguity"]
    assert pd.isna(facts.loc["used", "ambiguity"])


def test_survey_and_source_record_what_is_known_and_unknown(seed_release):
    con = db(seed_release)
    survey = con.execute(
        "SELECT producer, sample_size, fieldwork_start, fieldwork_end, year, year_status, "
        "year_basis FROM dim_survey"
    ).fetchone()
    assert survey[:6] == (
        "CPME",
        1600,
        pd.Timestamp("2024-06-20").date(),
        pd.Timestamp("2024-07-12").date(),
        2024,
        "inferred",
    )
    assert "25 July 2024" in survey[6] and "17 October 2024" in survey[6]
    source = con.execute(
        "SELECT outlet, url, published_date, text_sha256 FROM dim_source"
    ).fetchone()
    assert source[:3] == (None, None, None)
    assert source[3] == "c2af6e465e47e99dd5ad7c448fe648ac4cb896b811b1e5b3a680979f2f924c6c"
    stated = dict(
        con.execute(
            "SELECT attribute, number_text FROM attribute_evidence WHERE entity = 'survey'"
        ).fetchall()
    )
    assert stated == {
        "sample_size": "1.600",
        "fieldwork_start": "20 juin",
        "fieldwork_end": "12 juillet",
    }


def test_duckdb_has_keys_comments_and_the_observations_view(seed_release):
    con = db(seed_release)
    fks = con.execute(
        "SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
    ).fetchone()[0]
    assert fks >= 8
    uncommented = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() "
        "WHERE NOT internal AND table_name NOT IN (SELECT view_name FROM duckdb_views()) "
        "AND (comment IS NULL OR comment = '')"
    ).fetchall()
    assert uncommented == []
    row = con.execute(
        "SELECT population_label_en, quote, value FROM observations "
        "WHERE variable_id = 'ai_purpose' AND category_id = 'content_creation'"
    ).fetchone()
    assert row[0] == "Leaders who have used an AI technology" or "AI" in row[0]
    assert "78%" in row[1] and row[2] == 78.0


def test_readme_query_share_of_all_respondents_for_content_creation(seed_release):
    # 78% of AI users × 53% of all leaders: the README's example query.
    share = (
        db(seed_release)
        .execute(
            """
        SELECT round(o.value * parent_share.value / 100, 1)
        FROM fact_observation o
        JOIN dim_population p USING (population_id)
        JOIN fact_observation parent_share
          ON parent_share.population_id = p.parent_population_id
         AND parent_share.variable_id = p.defined_by_variable_id
         AND parent_share.category_id = p.defined_by_category_id
        WHERE o.variable_id = 'ai_purpose' AND o.category_id = 'content_creation'
        """
        )
        .fetchone()[0]
    )
    assert share == 41.3


@pytest.mark.parametrize(
    ("claim_id", "verdict"),
    [
        ("majority_ai_use", "supported"),
        ("almost_all_measures", "supported"),
        ("nearly_quarter_attacked", "supported"),
        ("double_nis2", "supported"),
        ("only_nis2", "not checkable"),
    ],
)
def test_claim_verdicts(seed_release, claim_id, verdict):
    claims = pd.read_parquet(seed_release / "fact_claim.parquet").set_index("claim_id")
    assert claims.loc[claim_id, "verdict"] == verdict
    row = claims.loc[claim_id]
    assert SEED_TEXT[row.char_start : row.char_end] == row.quote


def test_double_is_checked_with_rounding_intervals(seed_release):
    claims = pd.read_parquet(seed_release / "fact_claim.parquet").set_index("claim_id")
    assert "(21.5/11.5, 22.5/10.5)" in claims.loc["double_nis2", "arithmetic"]
    assert claims.loc["double_nis2", "observation_ids"].split() == [
        "cpme_2024_ia_cyber.nis2_awareness.heard_of.cpme_2024_all",
        "cpme_2024_ia_cyber.nis2_awareness.heard_of.cpme_2024_firms_50plus",
    ]


@pytest.mark.parametrize(
    ("derived_id", "value", "low", "high"),
    [
        # 78% [77.5, 78.5) of AI users × 53% [52.5, 53.5) of all leaders
        (
            "cpme_2024_ia_cyber.ai_purpose.content_creation.cpme_2024_ai_users"
            "/share_of_parent/cpme_2024_all",
            41.34,
            40.6875,
            41.9975,
        ),
        # 53% [52.5, 53.5) of 1,600 respondents
        ("cpme_2024_ia_cyber.ai_use.used.cpme_2024_all/respondent_count", 848.0, 840.0, 856.0),
    ],
)
def test_derived_values(seed_release, derived_id, value, low, high):
    derived = pd.read_parquet(seed_release / "fact_derived.parquet").set_index("derived_id")
    row = derived.loc[derived_id]
    assert (row.value, row.value_low, row.value_high) == pytest.approx((value, low, high))


def test_wilson_interval_says_it_covers_sampling_error_only(seed_release):
    derived = pd.read_parquet(seed_release / "fact_derived.parquet")
    wilson = derived[derived["kind"] == "wilson_ci"]
    # every percent except the one on firms of 50+ employees, whose base size is unknown
    assert len(wilson) == 19
    assert not wilson["population_id"].eq("cpme_2024_firms_50plus").any()
    assert wilson["assumption"].str.contains("sampling error only").all()


def test_every_number_of_the_seed_is_accounted_for(seed_release):
    mentions = pd.read_parquet(seed_release / "fact_mention.parquet")
    assert mentions["accounted_by"].notna().all()
    assert Counter(mentions["accounted_by"]) == Counter(
        {"observation": 20, "attribute": 4, "claim": 4, "ignore": 2}
    )
    ignored = mentions[mentions["accounted_by"] == "ignore"]
    assert sorted(ignored["surface"]) == ["NIS 2", "mi-octobre"]
    for row in mentions.itertuples():
        assert SEED_TEXT[row.char_start : row.char_end] == row.surface


def test_claims_view_shows_each_verdict_with_its_figures(seed_release):
    rows = (
        db(seed_release)
        .execute(
            "SELECT value, population_label_en, verdict FROM claims "
            "WHERE claim_id = 'double_nis2' ORDER BY value"
        )
        .fetchall()
    )
    assert [(r[0], r[2]) for r in rows] == [(11.0, "supported"), (22.0, "supported")]


def test_duckdb_file_is_small(seed_release):
    assert (seed_release / DUCKDB_NAME).stat().st_size < 2_000_000
