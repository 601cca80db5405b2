"""A published table's name, description, columns and keys, read off its Pandera model."""

import re
from dataclasses import dataclass
from functools import cache

import pandera.pandas as pa

# Logical column types, and how each is written to Arrow and DuckDB.
ARROW_TYPES = {
    "string": "string",
    "number": "float64",
    "integer": "int64",
    "boolean": "bool",
    "date": "date32",
}
DUCKDB_TYPES = {
    "string": "VARCHAR",
    "number": "DOUBLE",
    "integer": "BIGINT",
    "boolean": "BOOLEAN",
    "date": "DATE",
}
_DTYPE_TYPES = {
    "str": "string",
    "string": "string",
    "float64": "number",
    "Float64": "number",
    "Int64": "integer",
    "int64": "integer",
    "bool": "boolean",
    "boolean": "boolean",
}


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str
    nullable: bool
    description: str
    constraints: dict


@dataclass(frozen=True)
class TableSpec:
    name: str
    title: str
    description: str
    columns: list[ColumnSpec]
    primary_key: list[str]
    foreign_keys: list[dict]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def table_name(model: type[pa.DataFrameModel]) -> str:
    """`FactObservation` → `fact_observation`: one name from schema class to file."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def _constraints(column: pa.Column) -> dict:
    out: dict = {}
    for check in column.checks:
        stats = check.statistics or {}
        if check.name == "greater_than_or_equal_to":
            out["minimum"] = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            out["maximum"] = stats["max_value"]
        elif check.name == "isin":
            out["enum"] = sorted(stats["allowed_values"])
        elif check.name == "str_matches":
            out["pattern"] = stats["pattern"]
    return out


@cache
def table_spec(model: type[pa.DataFrameModel]) -> TableSpec:
    """Everything the writers need to know about a published table."""
    schema = model.to_schema()
    meta = getattr(model.__config__, "metadata", None) or {}
    columns = []
    for name, column in schema.columns.items():
        col_meta = column.metadata or {}
        logical = col_meta.get("type") or _DTYPE_TYPES[str(column.dtype).split("[")[0]]
        if not column.description:
            raise ValueError(f"{model.__name__}.{name} has no description")
        columns.append(
            ColumnSpec(name, logical, column.nullable, column.description, _constraints(column))
        )
    doc = (model.__doc__ or "").strip()
    title, _, rest = doc.partition("\n")
    return TableSpec(
        name=table_name(model),
        title=title.strip().rstrip("."),
        description=" ".join((title + " " + rest).split()),
        columns=columns,
        primary_key=list(meta.get("primary_key", [])),
        foreign_keys=list(meta.get("foreign_keys", [])),
    )
