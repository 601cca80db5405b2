"""dim_survey: one row per survey."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import date_field, id_field, text_field


class DimSurvey(pa.DataFrameModel):
    """Surveys whose results the sources report.

    One row per survey: who ran it, whom it asked, how many answered and when. Fieldwork
    dates carry the survey year, which may be inferred (see year_status and year_basis).
    """

    survey_id: Series[str] = id_field("Identifier of the survey.")
    producer: Series[str] = text_field("Short name of the organisation that ran the survey.")
    producer_name: Series[str] = text_field(
        "Full name of the organisation that ran the survey.", nullable=True
    )
    title_fr: Series[str] = text_field("Title of the survey, in French.")
    title_en: Series[str] = text_field("Title of the survey, in English.")
    target_population_fr: Series[str] = text_field("Population the survey targets, in French.")
    target_population_en: Series[str] = text_field("Population the survey targets, in English.")
    sample_size: Series[pd.Int64Dtype] = pa.Field(
        description="Number of respondents as stated by the sources; null when not stated.",
        nullable=True,
        ge=1,
    )
    sample_size_qualifier: Series[str] = text_field(
        "Words that bound or hedge the stated sample size (e.g. 'plus de'); null when exact.",
        nullable=True,
    )
    fieldwork_start: Series[str] = date_field(
        "First day of fieldwork (ISO 8601); the first day of its month when the sources give "
        "only the month (see fieldwork_precision)."
    )
    fieldwork_end: Series[str] = date_field(
        "Last day of fieldwork (ISO 8601); the last day of its month when the sources give "
        "only the month (see fieldwork_precision)."
    )
    fieldwork_precision: Series[str] = text_field(
        "'day' when the sources date fieldwork to the day; 'month' when they give only the "
        "month of its start or end ('réalisée en janvier 2025'), so that the dates are the "
        "bounds of that month; null when no source dates it.",
        nullable=True,
        isin=["day", "month"],
    )
    year: Series[pd.Int64Dtype] = pa.Field(description="Year of the fieldwork.", ge=1900, le=2100)
    year_status: Series[str] = text_field(
        "'stated' when a source gives the year, 'inferred' when it was established otherwise.",
        isin=["stated", "inferred"],
    )
    year_basis: Series[str] = text_field(
        "How the year was established when it is inferred.", nullable=True
    )
    collection_mode: Series[str] = text_field(
        "How answers were collected (e.g. online questionnaire); null when no source says.",
        nullable=True,
    )
    margin_of_error: Series[float] = pa.Field(
        description="Sampling margin of error the sources state, in percentage points ('± 2,2 "
        "points' is 2.2); of a range of margins, the largest. Null when no source states one.",
        nullable=True,
        gt=0,
        le=50,
    )
    margin_of_error_min: Series[float] = pa.Field(
        description="Smallest margin of error of a range the sources state ('de ± 1,5 à ± 3,5 "
        "points' is 1.5), in percentage points; null when they state one margin or none.",
        nullable=True,
        gt=0,
        le=50,
    )

    class Config:
        strict = True
        coerce = True
        unique = ["survey_id"]
        metadata = {"primary_key": ["survey_id"]}
