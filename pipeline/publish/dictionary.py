"""DATA_DICTIONARY.md: every table and column with its type, description and an example."""

from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.publish.changelog import Resolved
from pipeline.publish.csv_file import FORMULA_TRIGGERS, NEUTRALISER
from pipeline.publish.metadata import ReleaseInfo
from schemas.spec import ARROW_TYPES, DUCKDB_TYPES, ColumnSpec, TableSpec

EXAMPLE_CHARS = 60
_CSV_FORM = {
    "string": '`"in quotes"`',
    "number": "`53.0`, `0.25`",
    "integer": "`1600`",
    "boolean": "`true`, `false`",
    "date": "`2024-06-20`",
}
_TYPE_MEANING = {
    "string": "text",
    "number": "decimal number (64-bit float)",
    "integer": "whole number (64-bit)",
    "boolean": "true or false",
    "date": "calendar date, ISO 8601",
}
_TRIGGER_NAMES = {"\t": "a tab", "\r": "a carriage return"}


def example_values(table: pa.Table) -> dict[str, object]:
    """The first non-null value of each column (rows sorted by key), in its JSON form."""
    out = {}
    for name in table.column_names:
        column = table.column(name)
        first = pc.index(column.is_valid(), True).as_py()
        value = None if first == -1 else column[first].as_py()
        out[name] = value.isoformat() if isinstance(value, date) else value
    return out


def _code(value: object) -> str:
    text = " ".join(str(value).split())
    if len(text) > EXAMPLE_CHARS:
        text = text[: EXAMPLE_CHARS - 1] + "…"
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}".replace("|", "\\|")


def _rows(n: int) -> str:
    return f"{n} row" if n == 1 else f"{n} rows"


def _text(value: str) -> str:
    return " ".join(value.split()).replace("|", "\\|")


def _rules(col: ColumnSpec) -> str:
    rules = []
    c = col.constraints
    if "enum" in c:
        rules.append("one of " + ", ".join(_code(v) for v in c["enum"]))
    if "minimum" in c:
        rules.append(f"≥ {c['minimum']}")
    if "maximum" in c:
        rules.append(f"≤ {c['maximum']}")
    if "pattern" in c and col.type == "string":
        rules.append(f"matches {_code(c['pattern'])}")
    return "; ".join(rules)


def _fk_text(spec: TableSpec) -> str:
    parts = [
        f"`{', '.join(fk['fields'])}` → `{fk['reference']['resource']}"
        f"({', '.join(fk['reference']['fields'])})`"
        for fk in spec.foreign_keys
    ]
    return "; ".join(parts) if parts else "none"


def table_section(spec: TableSpec, rows: int, examples: dict[str, object], db_name: str) -> str:
    lines = [
        f"## `{spec.name}` — {spec.title}",
        "",
        _text(spec.description),
        "",
        f"- Rows: {rows}",
        f"- Primary key: `{', '.join(spec.primary_key)}`"
        if spec.primary_key
        else "- Primary key: none",
        f"- Foreign keys: {_fk_text(spec)}",
        f"- Files: [`{spec.name}.parquet`]({spec.name}.parquet), [`{spec.name}.csv`]"
        f"({spec.name}.csv), table `{spec.name}` of `{db_name}`",
        "",
        "| column | type | null | description | rules | example |",
        "|---|---|---|---|---|---|",
    ]
    none = "*(no rows in this release)*" if rows == 0 else "*(null in every row)*"
    for c in spec.columns:
        example = examples.get(c.name)
        lines.append(
            f"| `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | "
            f"{_text(c.description)} | {_rules(c)} | "
            f"{none if example is None else _code(example)} |"
        )
    return "\n".join(lines) + "\n"


def conventions(db_name: str) -> str:
    triggers = ", ".join(_TRIGGER_NAMES.get(t, f"`{t}`") for t in FORMULA_TRIGGERS)
    types = "\n".join(
        f"| {t} | {_TYPE_MEANING[t]} | {ARROW_TYPES[t]} | {DUCKDB_TYPES[t]} | {_CSV_FORM[t]} |"
        for t in _TYPE_MEANING
    )
    return f"""## Reading the files

Every table is published three ways: a Parquet file (`<table>.parquet`), a CSV file
(`<table>.csv`) and a table of the DuckDB database `{db_name}`. They hold the same rows,
sorted by primary key. `datapackage.json` describes them as a Frictionless Data Package (v2).

| type | meaning | Parquet | DuckDB | CSV |
|---|---|---|---|---|
{types}

- **Null** is null in Parquet and DuckDB, and an empty cell in CSV.
- **CSV** files are UTF-8 without byte-order mark, comma-separated, as RFC 4180 says: the
  first line names the columns and lines end with CRLF. Every text cell is enclosed in
  double quotes (a double quote inside it is doubled); numbers, booleans and dates are not.
  Numbers use "." as decimal mark and no thousands separator; dates are ISO 8601. In a
  spreadsheet, import them as UTF-8, separated by commas, with English (USA) number formats,
  and keep quoted fields as text (LibreOffice: "Format quoted field as text"; Excel: Data ›
  From Text/CSV, then set those columns to Text), or a quote's number such as `1.600` is
  read as 1.6.
- **Formulas are neutralised in CSV**: a text cell that begins with one of
  {triggers}, or with an apostrophe, is written with an apostrophe (`{NEUTRALISER}`) in
  front, so that a spreadsheet shows it as text instead of running it as a formula. To get
  the value back, remove the first character of any text cell that begins with an
  apostrophe. Parquet and DuckDB hold the values unchanged.
- **Integrity**: `SHA256SUMS` lists the SHA-256 of every file; check a download with
  `sha256sum -c SHA256SUMS`, or `python -m pipeline verify DIR` in the project.
"""


def dictionary_md(
    info: ReleaseInfo, version: Resolved, tables: list[tuple[TableSpec, int, dict]], db_name: str
) -> str:
    """The whole dictionary; `tables` gives each spec with its row count and examples."""
    licences = ", ".join(f"[{lic['title']}]({lic['path']})" for lic in info.licenses)
    index = "\n".join(f"- `{s.name}` — {s.title} ({_rows(n)})" for s, n, _ in tables)
    head = (
        f"# Data dictionary — {info.title}\n\n"
        f"Version {version.version} of {version.date}. {_text(info.description)}\n\n"
        f"Licence: {licences}. {_text(info.quotations)}\n\n"
        f"## Tables\n\n{index}\n\n"
    )
    sections = [table_section(s, rows, ex, db_name) for s, rows, ex in tables]
    return head + conventions(db_name) + "\n" + "\n".join(sections)
