"""A published frame as an Arrow table typed and described by its schema."""

import json

import pandas as pd
import pyarrow as pa

from schemas.spec import ARROW_TYPES, TableSpec

_ARROW = {
    "string": pa.string(),
    "float64": pa.float64(),
    "int64": pa.int64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
}


def arrow_schema(spec: TableSpec) -> pa.Schema:
    fields = [
        pa.field(
            c.name,
            _ARROW[ARROW_TYPES[c.type]],
            nullable=c.nullable,
            metadata={"description": c.description},
        )
        for c in spec.columns
    ]
    meta = {
        "name": spec.name,
        "description": spec.description,
        "primary_key": json.dumps(spec.primary_key),
    }
    return pa.schema(fields, metadata=meta)


def _column(series: pd.Series, logical: str) -> list:
    values = series.astype(object).where(series.notna(), None).tolist()
    if logical == "date":
        return [None if v is None else pd.Timestamp(v).date() for v in values]
    return values


def to_arrow(df: pd.DataFrame, spec: TableSpec) -> pa.Table:
    """Columns in schema order, no pandas index or pandas metadata."""
    schema = arrow_schema(spec)
    arrays = [
        pa.array(_column(df[c.name], c.type), type=schema.field(c.name).type) for c in spec.columns
    ]
    return pa.Table.from_arrays(arrays, schema=schema)
