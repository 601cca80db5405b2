"""Dimension tables from source metadata and codelists."""

import pandas as pd

from pipeline.load.codelists import Codelists
from pipeline.load.sources import Source
from pipeline.model.fieldwork import fieldwork
from schemas import table_spec
from schemas.dim_category import DimCategory
from schemas.dim_population import DimPopulation
from schemas.dim_source import DimSource
from schemas.dim_survey import DimSurvey
from schemas.dim_unit import DimUnit
from schemas.dim_variable import DimVariable
from schemas.units import SYMBOLS, UNITS, quantity_of


def frame(model, rows: list[dict], sort: list[str]) -> pd.DataFrame:
    """A frame with exactly the model's columns, in order, sorted by its key."""
    columns = table_spec(model).column_names
    df = pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns)
    return df.sort_values(sort, kind="stable").reset_index(drop=True)


def frame_of_columns(model, cells: dict[str, list], length: int, sort: list[str]) -> pd.DataFrame:
    """frame() of the `length` rows whose cells are given column by column (None in a column
    not given), without a dict per row: pandas infers the same columns from rows as tuples."""
    columns = table_spec(model).column_names
    data = [cells[c] if c in cells else [None] * length for c in columns]
    df = pd.DataFrame(list(zip(*data, strict=True)), columns=columns)
    return df.sort_values(sort, kind="stable").reset_index(drop=True)


def dim_source(sources: list[Source]) -> pd.DataFrame:
    rows = [{**s.meta, "text_chars": len(s.text)} for s in sources]
    return frame(DimSource, rows, ["source_id"])


def dim_survey(codelists: Codelists) -> pd.DataFrame:
    rows = []
    for s in codelists.surveys:
        days = fieldwork(s.get("fieldwork_start"), s.get("fieldwork_end"))
        rows.append(
            {
                **s,
                "fieldwork_start": days.start,
                "fieldwork_end": days.end,
                "fieldwork_precision": days.precision,
            }
        )
    return frame(DimSurvey, rows, ["survey_id"])


def dim_population(codelists: Codelists) -> pd.DataFrame:
    rows = []
    for p in codelists.populations:
        defined_by = p.get("defined_by") or {}
        rows.append(
            {
                **p,
                "defined_by_variable_id": defined_by.get("variable_id"),
                "defined_by_category_id": defined_by.get("category_id"),
            }
        )
    return frame(DimPopulation, rows, ["population_id"])


def dim_variable(codelists: Codelists) -> pd.DataFrame:
    return frame(DimVariable, codelists.variables, ["variable_id"])


def dim_category(codelists: Codelists) -> pd.DataFrame:
    rows = [
        {
            "variable_id": v["variable_id"],
            **c,
            "position": i,
            "is_net": bool(c.get("is_net", False)),
        }
        for v in codelists.variables
        for i, c in enumerate(v["categories"], start=1)
    ]
    return frame(DimCategory, rows, ["variable_id", "category_id"])


def dim_unit() -> pd.DataFrame:
    """Every unit of schemas/units.py: what it measures, its symbol and its conversion."""
    rows = []
    for unit, description in UNITS.items():
        quantity, base, factor = quantity_of(unit)
        symbol = SYMBOLS.get(unit, "").strip() or None
        rows.append(
            {
                "unit": unit,
                "quantity": quantity,
                "symbol": symbol,
                "base_unit": base,
                "factor_to_base": factor,
                "description": description,
            }
        )
    return frame(DimUnit, rows, ["unit"])
