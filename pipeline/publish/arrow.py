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
# pandas dtypes whose values Arrow takes over as they are, by logical type (null: NaN, NA).
_NATIVE = {
    "number": ("float64",),
    "integer": ("int64", "Int64"),
    "boolean": ("bool", "boolean"),
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


def _native(series: pd.Series, logical: str) -> bool:
    if logical == "string":
        return isinstance(series.dtype, pd.StringDtype)
    return str(series.dtype) in _NATIVE.get(logical, ())


def _python_values(series: pd.Series, logical: str) -> list:
    values = series.astype(object).where(series.notna(), None).tolist()
    if logical == "date":
        return [None if v is None else pd.Timestamp(v).date() for v in values]
    return values


def column_array(series: pd.Series, logical: str, arrow_type: pa.DataType) -> pa.Array:
    """The column as one Arrow array: converted by Arrow when its dtype is the logical type's,
    value by value otherwise (object columns, dates written as text)."""
    if not _native(series, logical):
        return pa.array(_python_values(series, logical), type=arrow_type)
    array = pa.array(series, type=arrow_type, from_pandas=True)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def to_arrow(df: pd.DataFrame, spec: TableSpec) -> pa.Table:
    """Columns in schema order, no pandas index or pandas metadata."""
    schema = arrow_schema(spec)
    arrays = [column_array(df[c.name], c.type, schema.field(c.name).type) for c in spec.columns]
    return pa.Table.from_arrays(arrays, schema=schema)


def records(table: pa.Table, columns: list[str] | None = None) -> list[dict]:
    """The rows of `table` (only `columns`, when given) as dicts; null is None."""
    names = table.column_names if columns is None else columns
    values = [table.column(name).to_pylist() for name in names]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]
