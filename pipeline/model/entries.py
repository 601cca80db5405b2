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
    # Rows as tuples: pandas infers the same columns as from dicts, without a dict per entry.
    defaults = [DEFAULTS.get(f) for f in fields]
    survey = fields.index("survey_id") if "survey_id" in fields else None
    rows = []
    for ann in annotations:
        file = str(ann.path)
        for i, item in enumerate(ann.sections[section]):
            ident = item.get("id", str(i))
            entry = f"{section}[{i}] (id: {ident})" if "id" in item else f"{section}[{i}]"
            cells = [item.get(f, d) for f, d in zip(fields, defaults, strict=True)]
            if survey is not None and cells[survey] is None:
                cells[survey] = ann.survey_id
            rows.append((file, entry, ann.source_id, ident, *cells))
    return pd.DataFrame(rows, columns=ENTRY_COLUMNS + fields)


def observation_entries(annotations: list[Annotations]) -> pd.DataFrame:
    return _rows(annotations, "observations", OBSERVATION_FIELDS)


def attribute_entries(annotations: list[Annotations]) -> pd.DataFrame:
    return _rows(annotations, "attributes", ATTRIBUTE_FIELDS)


def claim_entries(annotations: list[Annotations]) -> pd.DataFrame:
    return _rows(annotations, "claims", CLAIM_FIELDS)


def ignore_entries(annotations: list[Annotations]) -> pd.DataFrame:
    return _rows(annotations, "ignore", IGNORE_FIELDS)
