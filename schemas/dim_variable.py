"""dim_variable: one row per question or indicator."""

import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import id_field, text_field


class DimVariable(pa.DataFrameModel):
    """Variables: the questions or indicators that figures answer.

    Shared across surveys and sources. The question type says whether a respondent gives one
    answer (shares of its categories can be summed) or several (they cannot).
    """

    variable_id: Series[str] = id_field("Identifier of the variable.")
    label_fr: Series[str] = text_field("Name of the variable, in French.")
    label_en: Series[str] = text_field("Name of the variable, in English.")
    question_type: Series[str] = text_field(
        "'single': one answer per respondent, categories exclusive; 'multi': several answers "
        "allowed, shares may sum to more than 100.",
        isin=["single", "multi"],
    )
    categories_exhaustive: Series[bool] = pa.Field(
        description="True when the listed categories cover every possible answer."
    )
    question_type_basis: Series[str] = text_field(
        "Why the question type is believed, and whether it is an assumption.", nullable=True
    )
    reference_period: Series[str] = text_field(
        "Period the question covers, as an ISO 8601 duration (e.g. P12M); null when not given.",
        nullable=True,
        str_matches=r"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$",
    )
    reference_period_fr: Series[str] = text_field(
        "The reference period as the text words it.", nullable=True
    )

    class Config:
        strict = True
        coerce = True
        unique = ["variable_id"]
        metadata = {"primary_key": ["variable_id"]}
