"""fact_evidence: where each figure is stated, to the character."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.fields import fk, id_field, text_field


class FactEvidence(pa.DataFrameModel):
    """Evidence: the exact characters of a source that state an observation.

    One row per quote. Offsets are Python string offsets (Unicode code points) into the
    source text decoded from UTF-8 without a byte-order mark, line endings as stored.
    """

    observation_id: Series[str] = text_field("Observation the quote states.")
    source_id: Series[str] = id_field("Source document the quote is taken from.")
    quote: Series[str] = text_field(
        "Verbatim passage of the source that states the figure: text[char_start:char_end]."
    )
    char_start: Series[pd.Int64Dtype] = pa.Field(
        description="Offset of the first character of the quote in the source text.", ge=0
    )
    char_end: Series[pd.Int64Dtype] = pa.Field(
        description="Offset just past the last character of the quote.", ge=1
    )
    number_text: Series[str] = text_field("The number as written in the quote, e.g. '53%'.")
    number_start: Series[pd.Int64Dtype] = pa.Field(
        description="Offset of the number's first character in the source text.", ge=0
    )
    number_end: Series[pd.Int64Dtype] = pa.Field(
        description="Offset just past the number's last character in the source text.", ge=1
    )

    @pa.dataframe_check(description="The number lies inside the quote.")
    def number_inside_quote(cls, df: DataFrame) -> Series[bool]:
        return (df["char_start"] <= df["number_start"]) & (df["number_end"] <= df["char_end"])

    class Config:
        strict = True
        coerce = True
        unique = ["observation_id", "source_id", "number_start"]
        metadata = {
            "primary_key": ["observation_id", "source_id", "number_start"],
            "foreign_keys": [
                fk("observation_id", "fact_observation"),
                fk("source_id", "dim_source"),
            ],
        }
