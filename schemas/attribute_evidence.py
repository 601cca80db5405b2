"""attribute_evidence: where survey, population and variable attributes are stated."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import id_field, text_field


class AttributeEvidence(pa.DataFrameModel):
    """Attribute evidence: the characters of a source that state a descriptive attribute.

    Sample sizes, fieldwork dates, reference periods and population thresholds are numbers
    too; each row traces one of them to its quote, as fact_evidence does for observations. A
    source that states an attribute twice (in its lead and in its methodology note) has a row
    for each statement.
    """

    source_id: Series[str] = id_field("Source document the quote is taken from.")
    entity: Series[str] = text_field(
        "Kind of thing described: 'survey', 'population' or 'variable'.",
        isin=["survey", "population", "variable"],
    )
    entity_id: Series[str] = id_field("Identifier of the survey, population or variable.")
    attribute: Series[str] = text_field(
        "Attribute stated, usually a column of the entity's table (e.g. sample_size)."
    )
    value: Series[str] = text_field(
        "The value as read from the text: a number, or an ISO 8601 date, --MM-DD or duration."
    )
    quote: Series[str] = text_field("Verbatim passage: text[char_start:char_end].")
    char_start: Series[pd.Int64Dtype] = pa.Field(
        description="Offset of the first character of the quote in the source text.", ge=0
    )
    char_end: Series[pd.Int64Dtype] = pa.Field(
        description="Offset just past the last character of the quote.", ge=1
    )
    number_text: Series[str] = text_field("The number, date or period as written.")
    number_start: Series[pd.Int64Dtype] = pa.Field(
        description="Offset of the number's first character in the source text.", ge=0
    )
    number_end: Series[pd.Int64Dtype] = pa.Field(
        description="Offset just past the number's last character in the source text.", ge=1
    )

    class Config:
        strict = True
        coerce = True
        unique = ["source_id", "entity", "entity_id", "attribute", "number_start"]
        metadata = {
            "primary_key": ["source_id", "entity", "entity_id", "attribute", "number_start"],
            "foreign_keys": [
                {
                    "fields": ["source_id"],
                    "reference": {"resource": "dim_source", "fields": ["source_id"]},
                }
            ],
        }
