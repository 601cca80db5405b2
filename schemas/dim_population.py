"""dim_population: the bases that figures are computed on."""

import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import fk, id_field, text_field


class DimPopulation(pa.DataFrameModel):
    """Populations (bases) of survey figures.

    One row per universe a percentage is computed on: all respondents of a survey, or a
    sub-population such as the leaders who have used AI. A sub-population names its parent
    and, when membership is itself a survey answer, the variable and category defining it.
    """

    population_id: Series[str] = id_field("Identifier of the population.")
    survey_id: Series[str] = id_field("Survey whose respondents this population is part of.")
    label_fr: Series[str] = text_field("Name of the population, in French.")
    label_en: Series[str] = text_field("Name of the population, in English.")
    parent_population_id: Series[str] = id_field(
        "Population this one is a subset of; null for all respondents of the survey.",
        nullable=True,
    )
    condition_fr: Series[str] = text_field("Condition that defines membership, in French.")
    condition_en: Series[str] = text_field("Condition that defines membership, in English.")
    defined_by_variable_id: Series[str] = id_field(
        "Variable whose answer defines membership (measured on the parent); null otherwise.",
        nullable=True,
    )
    defined_by_category_id: Series[str] = id_field(
        "Answer of defined_by_variable_id that defines membership; null otherwise.",
        nullable=True,
    )

    class Config:
        strict = True
        coerce = True
        unique = ["population_id"]
        metadata = {
            "primary_key": ["population_id"],
            "foreign_keys": [
                fk("survey_id", "dim_survey"),
                fk("parent_population_id", "dim_population", "population_id"),
                fk(
                    "defined_by_variable_id,defined_by_category_id",
                    "dim_category",
                    "variable_id,category_id",
                ),
            ],
        }
