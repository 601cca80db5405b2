"""The seed and a second article on the same CPME survey: one figure differs (52 % for 53%),
and the second article's clear base settles the seed's ambiguous "41% des dirigeants"."""

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from pipeline.checks.results import schema_failures
from pipeline.load.annotations import load_annotations
from pipeline.load.codelists import load_codelists
from pipeline.load.sources import load_source
from pipeline.model import dims, entries
from pipeline.reconcile import reconcile
from pipeline.resources import ProjectPaths
from schemas.fact_reconciliation import FactReconciliation

from ..conftest import RAW, SEED_ID, build, report

SECOND_ROOT = Path(__file__).parents[1] / "data" / "second_source"
SECOND_ID = "pme_ia_cyber_prudence"
VIEW_SQL = Path(__file__).parents[2] / "pipeline" / "publish" / "views.sql"
SURVEY = "cpme_2024_ia_cyber"


def obs(variable: str, category: str, population: str) -> str:
    return f"{SURVEY}.{variable}.{category}.{population}"


USED = obs("ai_use", "used", "cpme_2024_all")
DIFFICULTIES_USERS = obs("ai_difficulty", "has_difficulties", "cpme_2024_ai_users")
DIFFICULTIES_ALL = obs("ai_difficulty", "has_difficulties", "cpme_2024_all")

# (observation, source) → (status, stated value, stated base, published value)
EXPECTED = {
    (USED, SEED_ID): ("agrees", 53, "cpme_2024_all", 53),
    (USED, SECOND_ID): ("value differs", 52, "cpme_2024_all", 53),
    (DIFFICULTIES_USERS, SEED_ID): ("base settled by another source", 41, "cpme_2024_all", 41),
    (DIFFICULTIES_USERS, SECOND_ID): ("settles the base", 41, "cpme_2024_ai_users", 41),
    **{
        (obs(*figure), source): ("agrees", value, figure[2], value)
        for figure, value in [
            (("ai_purpose", "content_creation", "cpme_2024_ai_users"), 78),
            (("cyberattack", "attacked", "cpme_2024_all"), 23),
            (("security_measures", "any_measure", "cpme_2024_all"), 95),
            (("nis2_awareness", "heard_of", "cpme_2024_all"), 11),
        ]
        for source in (SEED_ID, SECOND_ID)
    },
}


@pytest.fixture(scope="module")
def populations() -> pd.DataFrame:
    return dims.dim_population(load_codelists(RAW))


@pytest.fixture(scope="module")
def reconciled(populations):
    annotations = [
        load_annotations(RAW / "sources" / SEED_ID),
        load_annotations(SECOND_ROOT / "sources" / SECOND_ID),
    ]
    return reconcile(entries.observation_entries(annotations), populations)


def test_second_source_quotes_sit_at_their_offsets():
    directory = SECOND_ROOT / "sources" / SECOND_ID
    text = load_source(directory).text  # also checks the SHA-256
    assert 120 <= len(text.split()) <= 250
    sections = load_annotations(directory).sections
    spans = [e for s in ("observations", "attributes", "claims", "ignore") for e in sections[s]]
    assert spans
    for e in spans:
        assert text[e["char_start"] : e["char_end"]] == e["quote"]


def test_statuses_values_and_published_values(reconciled):
    got = {
        (r.observation_id, r.source_id): (
            r.status,
            r.stated_value,
            r.stated_population_id,
            r.published_value,
        )
        for r in reconciled.table.itertuples()
    }
    assert got == EXPECTED
    assert schema_failures(FactReconciliation, reconciled.table).empty


def test_seed_ambiguous_base_is_settled_by_the_second_source(reconciled):
    e = reconciled.entries.set_index(["source_id", "entry_id"])
    seed = e.loc[(SEED_ID, "difficulties")]
    assert seed["stated_population_id"] == "cpme_2024_all"
    assert seed["population_id"] == "cpme_2024_ai_users"
    assert seed["settled_by_source_id"] == SECOND_ID
    assert DIFFICULTIES_ALL not in set(reconciled.entries["observation_id"])
    # the other ambiguous figures of the seed (benefits) are stated by no other source
    assert e.loc[(SEED_ID, "benefit_time"), "settled_by_source_id"] is None
    assert e.loc[(SECOND_ID, "difficulties"), "settled_by_source_id"] is None


def test_the_seed_publishes_53_and_the_first_source_wins_ties(reconciled):
    published = reconciled.entries[reconciled.entries["publishes"]]
    assert published.groupby("observation_id").size().eq(1).all()
    row = published.set_index("observation_id").loc[USED]
    assert (row["source_id"], row["value"]) == (SEED_ID, 53)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed and the second source built into a real release."""
    root = tmp_path_factory.mktemp("two_sources")
    shutil.copytree(RAW, root / "raw")
    shutil.copytree(SECOND_ROOT / "sources" / SECOND_ID, root / "raw" / "sources" / SECOND_ID)
    paths = ProjectPaths(raw_dir=str(root / "raw"), warehouse_dir=str(root / "wh"))
    result = build(paths)
    assert result.success, report(result)
    return result, root / "wh"


@pytest.mark.slow
def test_view_shows_differing_quotes_side_by_side(built):
    _, warehouse = built
    con = duckdb.connect(str(warehouse / "survey_figures.duckdb"), read_only=True)
    rows = con.execute(
        "SELECT comparison_id, source_id_a, source_id_b, value_a, value_b, status_a, status_b, "
        "quote_a, quote_b FROM reconciliation ORDER BY comparison_id"
    ).fetchall()
    assert [r[:7] for r in rows] == [
        (
            DIFFICULTIES_USERS,
            SEED_ID,
            SECOND_ID,
            41.0,
            41.0,
            "base settled by another source",
            "settles the base",
        ),
        (USED, SEED_ID, SECOND_ID, 53.0, 52.0, "agrees", "value differs"),
    ]
    assert rows[0][7].startswith("41% des dirigeants interrogés")
    assert rows[0][8].startswith("41 % des utilisateurs de l’IA")
    assert rows[1][8].startswith("52\u00a0% d’entre eux")


@pytest.mark.slow
def test_release_records_the_settled_base_and_warns_of_the_disagreement(built):
    result, warehouse = built
    facts = pd.read_parquet(warehouse / "fact_observation.parquet").set_index("observation_id")
    assert facts.loc[DIFFICULTIES_USERS, "settled_by_source_id"] == SECOND_ID
    assert pd.isna(facts.loc[DIFFICULTIES_USERS, "ambiguity"])
    assert DIFFICULTIES_ALL not in facts.index
    assert facts.loc[USED, "value"] == 53.0
    evidence = pd.read_parquet(warehouse / "fact_evidence.parquet")
    assert sorted(evidence[evidence["observation_id"] == DIFFICULTIES_USERS]["source_id"]) == [
        SEED_ID,
        SECOND_ID,
    ]
    failed = {c.check_name: c for c in result.get_asset_check_evaluations() if not c.passed}
    assert set(failed) == {"sources_agree"}  # a disagreement is data, reported as a warning
    assert failed["sources_agree"].severity == dg.AssetCheckSeverity.WARN
