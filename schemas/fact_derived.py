"""fact_derived: one row per value computed from published figures."""

import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.fields import fk, id_field, text_field

KINDS = ["share_of_parent", "respondent_count", "wilson_ci", "complement"]
BOUNDS = ["[)", "(]", "()", "[]"]


class FactDerived(pa.DataFrameModel):
    """Derived values: figures computed from published ones, with their intervals.

    Shares of a parent population from a conditional base, estimated respondent counts,
    95% Wilson intervals and complements of single-choice questions. Every row carries the
    interval propagated from the published rounding, the formula with its numbers, the
    observations it was computed from and the assumptions it rests on.
    """

    derived_id: Series[str] = pa.Field(
        description="Identifier, stable across runs: '<observation_id>/<kind>' "
        "('/<population_id>' added for share_of_parent); for a complement "
        "'<survey_id>.<variable_id>.<category_id or _rest>.<population_id>/complement'.",
        str_matches=r"^\S+$",
    )
    survey_id: Series[str] = id_field("Survey whose figures the value is computed from.")
    kind: Series[str] = text_field(
        "What was computed: 'share_of_parent' (a conditional share restated as a share of an "
        "ancestor population), 'respondent_count' (estimated number of respondents), "
        "'wilson_ci' (95% Wilson interval of a published percentage) or 'complement' "
        "(100 minus the published shares of a single-choice question).",
        isin=KINDS,
    )
    variable_id: Series[str] = id_field("Question the value is about.")
    category_id: Series[str] = id_field(
        "Answer the value is about; null for a complement that covers several answers "
        "(see assumption).",
        nullable=True,
    )
    population_id: Series[str] = id_field(
        "Population the value is about: for share_of_parent the ancestor population it is a "
        "share of; otherwise the base of the published figure."
    )
    value: Series[float] = pa.Field(
        description="The derived value, computed from the published figures: a percent as "
        "41.34, a count as 848.0 (not rounded, without the float error of the arithmetic: "
        "100 − (58.4 + 31) is 10.6). For wilson_ci, the published percentage."
    )
    value_low: Series[float] = pa.Field(
        description="Lower bound: the smallest value the published rounding allows (for "
        "wilson_ci, the Wilson lower bound at the smallest such percentage). Whether it is "
        "included is given by bounds."
    )
    value_high: Series[float] = pa.Field(
        description="Upper bound: the largest value the published rounding allows (for "
        "wilson_ci, the Wilson upper bound at the largest such percentage). Whether it is "
        "included is given by bounds."
    )
    bounds: Series[str] = text_field(
        "Which bounds belong to the interval, in interval notation: '[)' for "
        "value_low ≤ x < value_high (a product of rounding intervals), '(]' for a complement "
        "100 − [lo, hi), '()' or '[]'.",
        isin=BOUNDS,
    )
    unit: Series[str] = text_field(
        "Unit of value: 'percent' or 'count'.", isin=["percent", "count"]
    )
    formula: Series[str] = text_field(
        "The computation in words, with each input's value and rounding interval."
    )
    input_observation_ids: Series[str] = pa.Field(
        description="Observations the value was computed from, space-separated, the main "
        "figure first (split in DuckDB with string_split(input_observation_ids, ' ')).",
        str_matches=r"^\S+( \S+)*$",
    )
    assumption: Series[str] = text_field(
        "What the value assumes beyond the published figures (sampling model, exhaustive "
        "categories, sample size, ambiguous inputs); null when nothing.",
        nullable=True,
    )

    @pa.dataframe_check(description="value_low ≤ value ≤ value_high.")
    def interval_contains_value(cls, df: DataFrame) -> Series[bool]:
        return (df["value_low"] <= df["value"]) & (df["value"] <= df["value_high"])

    class Config:
        strict = True
        coerce = True
        unique = ["derived_id"]
        metadata = {
            "primary_key": ["derived_id"],
            "foreign_keys": [
                fk("survey_id", "dim_survey"),
                fk("population_id", "dim_population"),
                fk("variable_id", "dim_variable"),
            ],
        }
