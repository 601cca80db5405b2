"""fact_claim: one row per verbal claim of a source, with its verdict."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from schemas.fields import fk, id_field, text_field

VERDICTS = ["supported", "contradicted", "not checkable"]
RULE_TYPES = ["threshold", "fraction", "relative_to_target", "ratio", "not_checkable"]


class FactClaim(pa.DataFrameModel):
    """Claims: words of a source that say something about its figures, checked.

    'Une majorité (53%)', 'près d'un quart (23%)', 'double': each claim names a rule of the
    claims lexicon (raw/lexicon/fr_claims.yml) and the figures it is about. A claim is
    supported when some value allowed by the figures' published rounding satisfies the rule.
    """

    source_id: Series[str] = id_field("Source whose text makes the claim.")
    claim_id: Series[str] = id_field("Identifier of the claim, unique within its source.")
    quote: Series[str] = text_field("The words of the claim, exactly as in the source text.")
    char_start: Series[pd.Int64Dtype] = pa.Field(
        description="Offset of the quote's first character in the source text (Python str index).",
        ge=0,
    )
    char_end: Series[pd.Int64Dtype] = pa.Field(
        description="Offset just past the quote's last character: "
        "text[char_start:char_end] == quote.",
        ge=0,
    )
    rule: Series[str] = id_field("Key of the claims lexicon entry the claim is checked against.")
    rule_type: Series[str] = text_field(
        "Kind of rule: threshold, fraction, relative_to_target (a target written after the "
        "words, as in 'près d'un quart'), ratio (between two figures) or not_checkable.",
        isin=RULE_TYPES,
    )
    observation_ids: Series[str] = pa.Field(
        description="Observations the claim is about, space-separated, in the claim's order "
        "(for a ratio: base first, then the figure compared with it).",
        str_matches=r"^\S*( \S+)*$",
    )
    verdict: Series[str] = text_field(
        "'supported' (some value the rounding allows satisfies the rule), 'contradicted' "
        "(none does) or 'not checkable' (no numeric meaning, or a figure is missing).",
        isin=VERDICTS,
    )
    arithmetic: Series[str] = text_field(
        "The check in words, with the intervals: e.g. '22 / 11: ratio interval "
        "(21.5/11.5, 22.5/10.5) = (1.87, 2.14) contains 2 → supported'."
    )
    rule_description: Series[str] = text_field(
        "The lexicon entry in words: its key, first French form, meaning and the values it allows."
    )

    @pa.dataframe_check(description="char_start < char_end.")
    def span_not_empty(cls, df: DataFrame) -> Series[bool]:
        return df["char_start"] < df["char_end"]

    class Config:
        strict = True
        coerce = True
        unique = ["source_id", "claim_id"]
        metadata = {
            "primary_key": ["source_id", "claim_id"],
            "foreign_keys": [fk("source_id", "dim_source")],
        }
