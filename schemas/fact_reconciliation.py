"""fact_reconciliation: what each source says about a figure that several sources report."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.fields import fk, id_field, text_field
from schemas.units import UNITS

AGREES = "agrees"
VALUE_DIFFERS = "value differs"
BASE_DIFFERS = "base differs"
BASE_SETTLED = "base settled by another source"
SETTLES_BASE = "settles the base"
STATUSES = [AGREES, VALUE_DIFFERS, BASE_DIFFERS, BASE_SETTLED, SETTLES_BASE]


class FactReconciliation(pa.DataFrameModel):
    """Reconciliation: each source's statement of a figure that more than one source reports.

    One row per observation and source, for every observation stated by two sources or more,
    settled by another source, or stated by another source on a different base. Values agree
    when their rounding intervals overlap (53 and 53,0 agree; 53 and 52 do not). A
    disagreement is a finding about the sources, reported as a warning, not an error.
    """

    observation_id: Series[str] = pa.Field(
        description="Observation the source states, once any ambiguous base is settled: "
        "survey_id.variable_id.category_id.population_id.",
        str_matches=r"^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$",
    )
    source_id: Series[str] = id_field("Source whose statement this row records.")
    comparison_id: Series[str] = pa.Field(
        description="Rows compared side by side share it: the observation_id, or for a figure "
        "that sources state on different bases, 'survey.variable.category:' followed by the "
        "bases compared, joined by '+'.",
        str_matches=r"^\S+$",
    )
    stated_value: Series[float] = pa.Field(
        description="The value as this source states it, in stated_unit: a percent as 52.0, "
        "a count as 1600.0, '4 heures' as 4.0 hours."
    )
    stated_unit: Series[str] = text_field(
        "Unit of stated_value (as fact_observation.unit). Durations or measures in different "
        "units of one quantity are compared after conversion: '4 heures' agrees with '4h12' "
        "(252 minutes), '0,7 km²' with '69 hectares'.",
        isin=list(UNITS),
    )
    stated_population_id: Series[str] = id_field(
        "Base population as annotated for this source's wording, before any settling."
    )
    number_text: Series[str] = text_field("The number as this source writes it, e.g. '52 %'.")
    quote: Series[str] = text_field("This source's passage that states the figure.")
    char_start: Series[pd.Int64Dtype] = pa.Field(
        description="Offset of the quote's first character in the source text.", ge=0
    )
    char_end: Series[pd.Int64Dtype] = pa.Field(
        description="Offset just past the quote's last character: "
        "text[char_start:char_end] == quote.",
        ge=1,
    )
    status: Series[str] = text_field(
        "'agrees' (the stated value rounds like the published one), 'value differs' (it does "
        "not), 'base differs' (another source states the same value on a base that contains "
        "or is contained in this one, both clearly), 'base settled by another source' (this "
        "source's wording left the base open and a clearer source fixed it), 'settles the "
        "base' (this source's clear wording fixed another source's open base).",
        isin=STATUSES,
    )
    published_value: Series[float] = pa.Field(
        description="The value the release publishes for the observation, in published_unit: "
        "the value most sources state; on a tie, the value of the first of the tied sources "
        "by source_id."
    )
    published_unit: Series[str] = text_field(
        "Unit of published_value: fact_observation.unit of the observation.", isin=list(UNITS)
    )
    note: Series[str] = text_field("What differs, or what was settled and by whom, in words.")

    @pa.dataframe_check(description="char_start < char_end.")
    def span_not_empty(cls, df: DataFrame) -> Series[bool]:
        return df["char_start"] < df["char_end"]

    class Config:
        strict = True
        coerce = True
        unique = ["observation_id", "source_id"]
        metadata = {
            "primary_key": ["observation_id", "source_id"],
            "foreign_keys": [
                fk("observation_id", "fact_observation"),
                fk("source_id", "dim_source"),
                fk("stated_population_id", "dim_population", "population_id"),
                fk("stated_unit", "dim_unit", "unit"),
                fk("published_unit", "dim_unit", "unit"),
            ],
        }
