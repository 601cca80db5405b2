"""fact_observation: one row per published figure."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.fields import fk, id_field, text_field
from schemas.units import NON_NEGATIVE, SHARES, UNITS


class FactObservation(pa.DataFrameModel):
    """Observations: one row per figure a survey published.

    Identified by survey, variable, category and base population (the dimensions); value,
    unit, precision, qualifier and ambiguity describe it. A percentage is a share of its
    base population, never of all respondents unless that is its base.
    """

    observation_id: Series[str] = pa.Field(
        description="Identifier: survey_id.variable_id.category_id.population_id.",
        str_matches=r"^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$",
    )
    survey_id: Series[str] = id_field("Survey that published the figure.")
    variable_id: Series[str] = id_field("Question or indicator the figure answers.")
    category_id: Series[str] = id_field("Answer option the figure counts.")
    population_id: Series[str] = id_field(
        "Base population the figure is computed on (the denominator of a percentage)."
    )
    value: Series[float] = pa.Field(
        description="The figure as published, in its unit: a percent as 53.0, a count as "
        "1600.0, an amount of '150 M€' as 150000000.0."
    )
    unit: Series[str] = text_field(
        "Unit of value: " + "; ".join(f"'{u}', {what}" for u, what in UNITS.items()) + ".",
        isin=list(UNITS),
    )
    decimals: Series[pd.Int64Dtype] = pa.Field(
        description="Number of decimals as published: 0 for '53%', 1 for '5,9 %'.", ge=0, le=6
    )
    value_low: Series[float] = pa.Field(
        description="Lower bound of the values the published rounding allows (inclusive): "
        "value − 0.5 × 10^−decimals × scale, where scale is that of the number's scale "
        "word or of its table's heading, else 1 ('1,5 million': 1,450,000; '37,5' under "
        "'(en milliers d'euros)': 37,450)."
    )
    value_high: Series[float] = pa.Field(
        description="Upper bound of the values the published rounding allows (exclusive): "
        "value + 0.5 × 10^−decimals × scale, where scale is that of the number's scale "
        "word or of its table's heading, else 1 ('1,5 million': 1,550,000; '37,5' under "
        "'(en milliers d'euros)': 37,550)."
    )
    qualifier: Series[str] = text_field(
        "Words the text attaches to the figure ('près d’un quart', 'la quasi-totalité'); "
        "null when none.",
        nullable=True,
    )
    ambiguity: Series[str] = text_field(
        "What in the wording leaves the base or the meaning open; null when the text is clear "
        "or another source states it clearly.",
        nullable=True,
    )
    settled_by_source_id: Series[str] = id_field(
        "Source whose clear wording settled a base that another source leaves open; null when "
        "no source needed settling.",
        nullable=True,
    )

    @pa.dataframe_check(
        description="A share in percent (of people or of a quantity) lies in [0, 100]."
    )
    def percent_in_range(cls, df: DataFrame) -> Series[bool]:
        return ~df["unit"].isin(SHARES) | df["value"].between(0, 100)

    @pa.dataframe_check(description="A percentage or a count is never negative.")
    def share_or_count_not_negative(cls, df: DataFrame) -> Series[bool]:
        return ~df["unit"].isin(NON_NEGATIVE) | (df["value"] >= 0)

    @pa.dataframe_check(description="value_low ≤ value < value_high.")
    def interval_contains_value(cls, df: DataFrame) -> Series[bool]:
        return (df["value_low"] <= df["value"]) & (df["value"] < df["value_high"])

    class Config:
        strict = True
        coerce = True
        unique = ["observation_id"]
        metadata = {
            "primary_key": ["observation_id"],
            "foreign_keys": [
                fk("survey_id", "dim_survey"),
                fk("variable_id,category_id", "dim_category", "variable_id,category_id"),
                fk("population_id", "dim_population"),
                fk("unit", "dim_unit"),
                fk("settled_by_source_id", "dim_source", "source_id"),
            ],
        }
