"""One Pandera DataFrameModel per published table: the one home of table and column descriptions."""

from schemas.attribute_evidence import AttributeEvidence
from schemas.dim_category import DimCategory
from schemas.dim_population import DimPopulation
from schemas.dim_source import DimSource
from schemas.dim_survey import DimSurvey
from schemas.dim_unit import DimUnit
from schemas.dim_variable import DimVariable
from schemas.fact_claim import FactClaim
from schemas.fact_derived import FactDerived
from schemas.fact_evidence import FactEvidence
from schemas.fact_mention import FactMention
from schemas.fact_observation import FactObservation
from schemas.fact_reconciliation import FactReconciliation
from schemas.spec import TableSpec, table_spec

# Published tables, in dependency order (a table's foreign keys point to earlier tables).
PUBLISHED = [
    DimSource,
    DimSurvey,
    DimVariable,
    DimCategory,
    DimPopulation,
    DimUnit,
    FactObservation,
    FactEvidence,
    AttributeEvidence,
    FactMention,
    FactReconciliation,
    FactDerived,
    FactClaim,
]

__all__ = [
    "PUBLISHED",
    "TableSpec",
    "table_spec",
    "AttributeEvidence",
    "DimCategory",
    "DimPopulation",
    "DimSource",
    "DimSurvey",
    "DimUnit",
    "DimVariable",
    "FactClaim",
    "FactDerived",
    "FactEvidence",
    "FactMention",
    "FactObservation",
]
