"""Derived layer: values computed from the published figures, and the article's claims checked."""

import dagster as dg
import pandas as pd

from pipeline.assets.tables import table_asset
from pipeline.checks.markdown import markdown_head
from pipeline.checks.results import rows_result
from pipeline.derive.claims import CONTRADICTED, NOT_CHECKABLE, evaluate_claims
from pipeline.derive.consistency import consistency_findings
from pipeline.derive.derived import fact_derived as build_fact_derived
from pipeline.derive.lexicon import Entry
from pipeline.model.claims import claims_frame
from pipeline.reconcile import Reconciled
from pipeline.resources import ProjectPaths
from schemas import FactClaim, FactDerived
from schemas.fact_reconciliation import BASE_DIFFERS, SETTLES_BASE, VALUE_DIFFERS

DISAGREEMENTS = [VALUE_DIFFERS, BASE_DIFFERS]


@table_asset(FactDerived, group_name="derived")
def fact_derived(
    fact_observation: pd.DataFrame,
    dim_population: pd.DataFrame,
    dim_survey: pd.DataFrame,
    dim_variable: pd.DataFrame,
    dim_category: pd.DataFrame,
    paths: ProjectPaths,
) -> pd.DataFrame:
    return build_fact_derived(
        fact_observation, dim_population, dim_survey, dim_variable, dim_category, paths.memo
    )


@table_asset(FactClaim, group_name="derived")
def fact_claim(
    stg_claim_entries: pd.DataFrame,
    stg_reconciliation: Reconciled,
    fact_observation: pd.DataFrame,
    raw_claims_lexicon: dict[str, Entry],
) -> pd.DataFrame:
    claims = claims_frame(stg_claim_entries, stg_reconciliation.entries)
    return evaluate_claims(claims, fact_observation, raw_claims_lexicon)


@dg.asset_check(
    asset="fact_observation",
    blocking=True,
    additional_ins={n: dg.AssetIn() for n in ("dim_population", "dim_variable", "dim_category")},
)
def observation_consistency(
    fact_observation: pd.DataFrame,
    dim_population: pd.DataFrame,
    dim_variable: pd.DataFrame,
    dim_category: pd.DataFrame,
    paths: ProjectPaths,
) -> dg.AssetCheckResult:
    """Figures are arithmetically possible together: an option never exceeds its net category,
    a sub-population's share fits its parent, single-choice shares sum to at most 100."""
    findings = consistency_findings(
        fact_observation, dim_population, dim_variable, dim_category, memo=paths.memo
    )
    failed = findings[findings["status"] == "failed"]
    return rows_result(
        failed,
        "option ≤ net; sub-population ≤ parent; single-choice sum ≤ 100 + rounding "
        "(multi-choice exempt)",
        findings=dg.MetadataValue.md(_findings_md(findings)),
        rules_applied=dg.MetadataValue.json(sorted(set(findings["rule"]))),
    )


@dg.asset_check(asset="fact_claim", blocking=False)
def claim_verdicts(fact_claim: pd.DataFrame) -> dg.AssetCheckResult:
    """The article's verbal claims agree with its figures (a contradiction is reported as a
    warning: it is a finding about the article, not an error in the data)."""
    contradicted = fact_claim[fact_claim["verdict"] == CONTRADICTED]
    counts = fact_claim["verdict"].value_counts()
    return rows_result(
        contradicted[["source_id", "claim_id", "quote", "arithmetic"]],
        "a claim is supported when some value the rounding allows satisfies its rule",
        severity=dg.AssetCheckSeverity.WARN,
        verdicts=dg.MetadataValue.md(
            markdown_head(
                fact_claim[["claim_id", "quote", "rule", "verdict", "arithmetic"]],
                first="verdict",
                value=CONTRADICTED,
            )
        ),
        supported=int(counts.get("supported", 0)),
        contradicted=int(counts.get(CONTRADICTED, 0)),
        not_checkable=int(counts.get(NOT_CHECKABLE, 0)),
    )


def _findings_md(findings: pd.DataFrame) -> str:
    if findings.empty:
        return "(no rule applies)"
    return markdown_head(
        findings[["rule", "status", "observation_ids", "arithmetic"]],
        first="status",
        value="failed",
    )


@dg.asset_check(asset="fact_reconciliation", blocking=False)
def sources_agree(fact_reconciliation: pd.DataFrame) -> dg.AssetCheckResult:
    """Sources that report the same figure agree on its value and base (a disagreement is
    data, reported as a warning with both quotes, not a failure)."""
    differs = fact_reconciliation[fact_reconciliation["status"].isin(DISAGREEMENTS)]
    return rows_result(
        differs[
            [
                "observation_id",
                "source_id",
                "status",
                "stated_value",
                "stated_unit",
                "published_value",
                "published_unit",
                "quote",
                "note",
            ]
        ],
        "every source states the published value on the same base",
        severity=dg.AssetCheckSeverity.WARN,
        settled_bases=int(fact_reconciliation["status"].eq(SETTLES_BASE).sum()),
    )


DERIVED_CHECKS = [observation_consistency, claim_verdicts, sources_agree]
