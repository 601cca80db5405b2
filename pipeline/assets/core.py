"""Core layer: the published tables, each a thin call to a pure builder."""

import dagster as dg
import pandas as pd

from pipeline.assets.tables import table_asset
from pipeline.load.codelists import Codelists
from pipeline.load.sources import Source
from pipeline.model import dims, facts
from pipeline.reconcile import Reconciled
from schemas import (
    AttributeEvidence,
    DimCategory,
    DimPopulation,
    DimSource,
    DimSurvey,
    DimUnit,
    DimVariable,
    FactEvidence,
    FactObservation,
    FactReconciliation,
)


@table_asset(DimSource)
def dim_source(raw_sources: list[Source]) -> pd.DataFrame:
    return dims.dim_source(raw_sources)


@table_asset(DimSurvey)
def dim_survey(raw_codelists: Codelists) -> pd.DataFrame:
    return dims.dim_survey(raw_codelists)


@table_asset(DimVariable)
def dim_variable(raw_codelists: Codelists) -> pd.DataFrame:
    return dims.dim_variable(raw_codelists)


@table_asset(DimCategory)
def dim_category(raw_codelists: Codelists) -> pd.DataFrame:
    return dims.dim_category(raw_codelists)


@table_asset(DimPopulation)
def dim_population(raw_codelists: Codelists) -> pd.DataFrame:
    return dims.dim_population(raw_codelists)


@table_asset(DimUnit)
def dim_unit() -> pd.DataFrame:
    return dims.dim_unit()


@table_asset(FactObservation)
def fact_observation(stg_reconciliation: Reconciled) -> pd.DataFrame:
    return facts.fact_observation(stg_reconciliation.entries)


@table_asset(FactEvidence)
def fact_evidence(stg_reconciliation: Reconciled) -> pd.DataFrame:
    return facts.fact_evidence(stg_reconciliation.entries)


@table_asset(FactReconciliation)
def fact_reconciliation(stg_reconciliation: Reconciled) -> pd.DataFrame:
    return stg_reconciliation.table


@table_asset(AttributeEvidence)
def attribute_evidence(stg_attribute_entries: pd.DataFrame) -> pd.DataFrame:
    return facts.attribute_evidence(stg_attribute_entries)


CORE_TABLES: list[dg.AssetsDefinition] = [
    dim_source,
    dim_survey,
    dim_variable,
    dim_category,
    dim_population,
    dim_unit,
    fact_observation,
    fact_evidence,
    attribute_evidence,
    fact_reconciliation,
]
