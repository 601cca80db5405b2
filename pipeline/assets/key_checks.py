"""Blocking checks that every foreign key of a published table resolves."""

import dagster as dg
import pandas as pd

from pipeline.checks.results import rows_result
from pipeline.validate.keys import foreign_key_failures
from schemas import table_spec
from schemas.attribute_evidence import AttributeEvidence
from schemas.dim_category import DimCategory
from schemas.dim_population import DimPopulation
from schemas.fact_claim import FactClaim
from schemas.fact_derived import FactDerived
from schemas.fact_evidence import FactEvidence
from schemas.fact_mention import FactMention
from schemas.fact_observation import FactObservation
from schemas.fact_reconciliation import FactReconciliation


def _result(model, table: pd.DataFrame, **referenced: pd.DataFrame) -> dg.AssetCheckResult:
    spec = table_spec(model)
    failures = foreign_key_failures(table, spec, {spec.name: table, **referenced})
    rule = "; ".join(
        f"({', '.join(fk['fields'])}) → {fk['reference']['resource']}" for fk in spec.foreign_keys
    )
    return rows_result(failures, rule)


def _ins(*names: str) -> dict[str, dg.AssetIn]:
    return {n: dg.AssetIn() for n in names}


@dg.asset_check(asset="dim_category", blocking=True, additional_ins=_ins("dim_variable"))
def dim_category_foreign_keys(dim_category, dim_variable) -> dg.AssetCheckResult:
    """Every category belongs to a variable of dim_variable."""
    return _result(DimCategory, dim_category, dim_variable=dim_variable)


@dg.asset_check(
    asset="dim_population", blocking=True, additional_ins=_ins("dim_survey", "dim_category")
)
def dim_population_foreign_keys(dim_population, dim_survey, dim_category) -> dg.AssetCheckResult:
    """Survey, parent population and defining answer of every population exist."""
    return _result(DimPopulation, dim_population, dim_survey=dim_survey, dim_category=dim_category)


@dg.asset_check(
    asset="fact_observation",
    blocking=True,
    additional_ins=_ins("dim_survey", "dim_category", "dim_population", "dim_source", "dim_unit"),
)
def fact_observation_foreign_keys(
    fact_observation, dim_survey, dim_category, dim_population, dim_source, dim_unit
) -> dg.AssetCheckResult:
    """Survey, variable/category, base population, unit and settling source of every
    observation exist."""
    return _result(
        FactObservation,
        fact_observation,
        dim_survey=dim_survey,
        dim_category=dim_category,
        dim_population=dim_population,
        dim_source=dim_source,
        dim_unit=dim_unit,
    )


@dg.asset_check(
    asset="fact_evidence", blocking=True, additional_ins=_ins("fact_observation", "dim_source")
)
def fact_evidence_foreign_keys(fact_evidence, fact_observation, dim_source) -> dg.AssetCheckResult:
    """Every quote states an existing observation and comes from an existing source."""
    return _result(
        FactEvidence, fact_evidence, fact_observation=fact_observation, dim_source=dim_source
    )


@dg.asset_check(asset="attribute_evidence", blocking=True, additional_ins=_ins("dim_source"))
def attribute_evidence_foreign_keys(attribute_evidence, dim_source) -> dg.AssetCheckResult:
    """Every attribute quote comes from an existing source."""
    return _result(AttributeEvidence, attribute_evidence, dim_source=dim_source)


@dg.asset_check(
    asset="fact_derived",
    blocking=True,
    additional_ins=_ins("dim_survey", "dim_population", "dim_variable"),
)
def fact_derived_foreign_keys(
    fact_derived, dim_survey, dim_population, dim_variable
) -> dg.AssetCheckResult:
    """Survey, population and variable of every derived value exist."""
    return _result(
        FactDerived,
        fact_derived,
        dim_survey=dim_survey,
        dim_population=dim_population,
        dim_variable=dim_variable,
    )


@dg.asset_check(asset="fact_claim", blocking=True, additional_ins=_ins("dim_source"))
def fact_claim_foreign_keys(fact_claim, dim_source) -> dg.AssetCheckResult:
    """Every claim comes from an existing source."""
    return _result(FactClaim, fact_claim, dim_source=dim_source)


@dg.asset_check(asset="fact_mention", blocking=True, additional_ins=_ins("dim_source"))
def fact_mention_foreign_keys(fact_mention, dim_source) -> dg.AssetCheckResult:
    """Every mention comes from an existing source."""
    return _result(FactMention, fact_mention, dim_source=dim_source)


@dg.asset_check(
    asset="fact_reconciliation",
    blocking=True,
    additional_ins=_ins("fact_observation", "dim_source", "dim_population", "dim_unit"),
)
def fact_reconciliation_foreign_keys(
    fact_reconciliation, fact_observation, dim_source, dim_population, dim_unit
) -> dg.AssetCheckResult:
    """Every compared statement names an existing observation, source, population and
    units."""
    return _result(
        FactReconciliation,
        fact_reconciliation,
        fact_observation=fact_observation,
        dim_source=dim_source,
        dim_population=dim_population,
        dim_unit=dim_unit,
    )


KEY_CHECKS = [
    dim_category_foreign_keys,
    dim_population_foreign_keys,
    fact_observation_foreign_keys,
    fact_evidence_foreign_keys,
    attribute_evidence_foreign_keys,
    fact_derived_foreign_keys,
    fact_claim_foreign_keys,
    fact_mention_foreign_keys,
    fact_reconciliation_foreign_keys,
]
