"""fact_mention: every number the extractor finds in every source, and what accounts for it."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.fields import fk, id_field, text_field

KINDS = [
    "percent",
    "count",
    "ratio",
    "fraction",
    "score",
    "points",
    "money",
    "date",
    "period",
    "year",
    "other",
]
ACCOUNTED_BY = ["observation", "attribute", "claim", "ignore"]


class FactMention(pa.DataFrameModel):
    """Mentions: every number written in a source, found by the extractor, and its use.

    One row per numeric mention (percent, count, ratio, fraction, score, points, money, date,
    period, year, other). Each is accounted for by exactly one kind of curated annotation: the
    evidence of an observation, a survey/population/variable attribute, a verbal claim, or
    an ignore entry with its reason. A mention nothing accounts for is a gap in the dataset.
    """

    source_id: Series[str] = id_field("Source document the mention is found in.")
    char_start: Series[pd.Int64Dtype] = pa.Field(
        description="Offset of the mention's first character in the source text.", ge=0
    )
    char_end: Series[pd.Int64Dtype] = pa.Field(
        description="Offset just past the mention's last character: text[char_start:char_end] "
        "== surface.",
        ge=1,
    )
    surface: Series[str] = text_field("The mention exactly as written, e.g. '53%' or '1.600'.")
    kind: Series[str] = text_field(
        "What the number is: percent, count, ratio, fraction, score ('6,4/10'), points, money, "
        "date, period, year or other (ordinals, names such as 'NIS 2', durations and measures, "
        "multipliers; hours and minutes such as '4 h 12' are read in minutes, 252).",
        isin=KINDS,
    )
    value: Series[str] = text_field(
        "The value read: a number (ratios and fractions as percent equivalents, e.g. '25' for "
        "'un quart'; a score as its points, '6.4' for '6,4/10'), or an ISO 8601 date or period "
        "('--06-20', '--06-20/--07-12').",
        nullable=True,
    )
    value_number: Series[float] = pa.Field(
        description="The value as a number when it is one; null for dates and periods.",
        nullable=True,
    )
    approx: Series[bool] = pa.Field(
        description="True when the text hedges or bounds the number ('près de', 'plus de', "
        "'environ', 'quasi-')."
    )
    qualifier: Series[str] = text_field(
        "The hedging or qualifying words attached to the mention, as written.", nullable=True
    )
    sentence_start: Series[pd.Int64Dtype] = pa.Field(
        description="Offset of the first character of the sentence the mention is in.", ge=0
    )
    sentence_end: Series[pd.Int64Dtype] = pa.Field(
        description="Offset just past the sentence the mention is in.", ge=1
    )
    accounted_by: Series[str] = text_field(
        "Kind of annotation that accounts for the mention: observation, attribute, claim or "
        "ignore.",
        isin=ACCOUNTED_BY,
    )
    annotation: Series[str] = text_field(
        "What accounts for it: observation id(s), 'entity:id.attribute', the claim id, or the "
        "reason the mention is ignored."
    )

    @pa.dataframe_check(description="char_start < char_end.")
    def span_is_not_empty(cls, df: DataFrame) -> Series[bool]:
        return df["char_start"] < df["char_end"]

    class Config:
        strict = True
        coerce = True
        unique = ["source_id", "char_start"]
        metadata = {
            "primary_key": ["source_id", "char_start"],
            "foreign_keys": [fk("source_id", "dim_source")],
        }
