"""Flatten annotation files into staging frames, one row per entry, keeping file and entry."""

import pandas as pd

from pipeline.load.annotations import Annotations

ENTRY_COLUMNS = ["file", "entry", "source_id", "entry_id"]
OBSERVATION_FIELDS = [
    "survey_id",
    "variable_id",
    "category_id",
    "population_id",
    "value",
    "unit",
    "quote",
    "char_start",
    "char_end",
    "number_text",
    "number_occurrence",
    "qualifier",
    "ambiguity",
]
ATTRIBUTE_FIELDS = [
    "entity",
    "entity_id",
    "attribute",
    "value",
    "quote",
    "char_start",
    "char_end",
    "number_text",
    "number_occurrence",
]
CLAIM_FIELDS = ["quote", "char_start", "char_end", "rule", "observations"]
IGNORE_FIELDS = ["quote", "char_start", "char_end", "reason"]

DEFAULTS = {"number_occurrence": 1}


def _rows(annotations: list[Annotations], section: str, fields: list[str]) -> pd.DataFrame:
    rows = []
    for ann in annotations:
        for i, item in enumerate(ann.sections[section]):
            ident = item.get("id", str(i))
            row = {
                "file": str(ann.path),
                "entry": f"{section}[{i}] (id: {ident})" if "id" in item else f"{section}[{i}]",
                "source_id": ann.source_id,
                "entry_id": ident,
            }
            for f in fields:
                row[f] = item.get(f, DEFAULTS.get(f))
            if "survey_id" in fields and row["survey_id"] is None:
                row["survey_id"] = ann.survey_id
            rows.append(row)
    return pd.DataFrame(rows, columns=ENTRY_COLUMNS + fields)


def observation_entries(annotations: list[Annotations]) -> pd.DataFrame:
    return _rows(annotations, "observations", OBSERVATION_FIELDS)


def attribute_entries(annotations: list[Annotations]) -> pd.DataFrame:
    return _rows(annotations, "attributes", ATTRIBUTE_FIELDS)


def claim_entries(annotations: list[Annotations]) -> pd.DataFrame:
    return _rows(annotations, "claims", CLAIM_FIELDS)


def ignore_entries(annotations: list[Annotations]) -> pd.DataFrame:
    return _rows(annotations, "ignore", IGNORE_FIELDS)
