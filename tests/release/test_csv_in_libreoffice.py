"""The CSV files open in LibreOffice Calc with the right columns, characters and types, and
no formula."""

import math
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.publish.csv_file import csv_bytes, restore
from schemas import PUBLISHED, table_spec

from .libreoffice import Cell, open_in_calc, read_cells

SPECS = {s.name: s for s in map(table_spec, PUBLISHED)}
FORMULA_LIKE = [
    "=1+1",
    "+2+3",
    "-4+5",
    "@SUM(1,2)",
    "\t=6+7",
    "\r=8+9",
    "'=10",
    "--06-20",
    '=HYPERLINK("http://example.invalid")',
    "« guillemets », d’apostrophe",
]


@pytest.fixture(scope="module")
def calc(seed_release, tmp_path_factory) -> dict[str, list[list[Cell]]]:
    """Every CSV of the release as Calc reads it, by table name."""
    out = tmp_path_factory.mktemp("calc")
    files = open_in_calc([seed_release / f"{name}.csv" for name in SPECS], out)
    return {path.stem: read_cells(path) for path in files}


def as_calc_shows(text: str) -> str:
    """A spreadsheet cell has one kind of line break: CR and CRLF show as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def expected_cell(value: object, logical: str, cell: Cell) -> bool:
    if value is None:
        return cell.type == "" and cell.text == ""
    if logical == "string":
        return (
            cell.type == "string"
            and cell.formula is None
            and restore(cell.text) == as_calc_shows(value)
        )
    if logical in ("number", "integer"):
        return cell.type == "float" and math.isclose(float(cell.value), value, rel_tol=1e-12)
    if logical == "boolean":
        return cell.type == "boolean" and cell.value == str(value).lower()
    if logical == "date":
        return cell.type == "date" and cell.value == value.isoformat()
    raise AssertionError(logical)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SPECS))
def test_table_opens_with_its_columns_characters_and_types(calc, seed_release, name):
    spec, rows = SPECS[name], calc[name]
    table = pq.read_table(seed_release / f"{name}.parquet")
    assert [c.text for c in rows[0]] == spec.column_names
    assert len(rows) - 1 == table.num_rows
    for column_index, column in enumerate(spec.columns):
        values = table.column(column.name).to_pylist()
        for row_index, value in enumerate(values, start=1):
            row = rows[row_index]
            cell = row[column_index] if column_index < len(row) else Cell("", None, "", None)
            assert expected_cell(value, column.type, cell), (
                name,
                row_index,
                column.name,
                value,
                cell,
            )


def _open(tmp_path: Path, data: bytes, quoted_as_text: bool = True) -> list[list[Cell]]:
    path = tmp_path / "cells.csv"
    path.write_bytes(data)
    return read_cells(open_in_calc([path], tmp_path, quoted_as_text=quoted_as_text)[0])


@pytest.mark.slow
@pytest.mark.parametrize("quoted_as_text", [True, False])
def test_neutralised_formulas_stay_text(tmp_path, quoted_as_text):
    # Whether or not the reader keeps quoted fields as text, no cell becomes a formula.
    table = pa.table({"text": FORMULA_LIKE, "day": [date(2024, 6, 20)] * len(FORMULA_LIKE)})
    rows = _open(tmp_path, csv_bytes(table), quoted_as_text)[1:]
    assert [r[0].formula for r in rows] == [None] * len(FORMULA_LIKE)
    assert [(r[0].type, restore(r[0].text)) for r in rows] == [
        ("string", as_calc_shows(v)) for v in FORMULA_LIKE
    ]
    assert {(r[1].type, r[1].value) for r in rows} == {("date", "2024-06-20")}


@pytest.mark.slow
def test_calc_would_run_unneutralised_formulas(tmp_path):
    # The control: cells written naively do become formulas, so the test above would notice
    # if neutralising stopped working. (Calc runs '=' cells; Excel also runs '+', '-', '@'.)
    data = b'text\r\n=1+1\r\n"=2*3"\r\n'
    rows = _open(tmp_path, data, quoted_as_text=False)[1:]
    assert [(r[0].formula, r[0].value) for r in rows] == [("of:=1+1", "2"), ("of:=2*3", "6")]
