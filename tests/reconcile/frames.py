"""Small frames for the reconciliation tests: entries as stg_observation_entries, populations."""

import pandas as pd

from pipeline.model.entries import ENTRY_COLUMNS, OBSERVATION_FIELDS

SURVEY = "s"

# all ⊃ users ⊃ heavy_users; all ⊃ big_firms (a sibling of users)
POPULATIONS = pd.DataFrame(
    [
        {
            "population_id": "all",
            "survey_id": SURVEY,
            "parent_population_id": None,
            "label_en": "All respondents",
        },
        {
            "population_id": "users",
            "survey_id": SURVEY,
            "parent_population_id": "all",
            "label_en": "AI users",
        },
        {
            "population_id": "heavy_users",
            "survey_id": SURVEY,
            "parent_population_id": "users",
            "label_en": "Daily AI users",
        },
        {
            "population_id": "big_firms",
            "survey_id": SURVEY,
            "parent_population_id": "all",
            "label_en": "Firms of 50 employees or more",
        },
    ]
)


def entry(
    source: str,
    value: float,
    population: str = "all",
    *,
    number_text: str | None = None,
    variable: str = "v",
    category: str = "c",
    unit: str = "percent",
    ambiguity: str | None = None,
    qualifier: str | None = None,
) -> dict:
    """One observation entry of `source`; the quote is the number as written."""
    text = number_text or f"{value:g}%"
    return {
        "file": f"raw/sources/{source}/annotations.yml",
        "entry": "observations[0]",
        "source_id": source,
        "entry_id": f"{variable}_{category}_{population}",
        "survey_id": SURVEY,
        "variable_id": variable,
        "category_id": category,
        "population_id": population,
        "value": value,
        "unit": unit,
        "quote": text,
        "char_start": 10,
        "char_end": 10 + len(text),
        "number_text": text,
        "number_occurrence": 1,
        "qualifier": qualifier,
        "ambiguity": ambiguity,
    }


def entries(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=ENTRY_COLUMNS + OBSERVATION_FIELDS)


def oid(population: str = "all", variable: str = "v", category: str = "c") -> str:
    return f"{SURVEY}.{variable}.{category}.{population}"
