"""Open CSV files the way LibreOffice Calc does (headless convert) and read back its cells."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "apt-get install -y libreoffice-calc-nogui (.ci/run installs it)"
NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _filter(evaluate_formulas: bool, quoted_as_text: bool) -> str:
    # CSV import options, in order: separator ",", text delimiter '"', UTF-8, from line 1,
    # standard column formats, English (USA) locale, "format quoted field as text" (as the
    # data dictionary advises), detect special numbers (dates), three export-only options,
    # all sheets, then "evaluate formulas", which the test turns on: the worst case.
    quoted, formulas = str(quoted_as_text).lower(), str(evaluate_formulas).lower()
    return f"CSV:44,34,76,1,,1033,{quoted},true,false,false,false,-1,{formulas}"


@dataclass(frozen=True)
class Cell:
    type: str  # office:value-type: string, float, date, ...
    value: str | None  # office:value / office:date-value
    text: str  # what Calc displays
    formula: str | None


def soffice_binary() -> str:
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    raise RuntimeError(f"no LibreOffice on PATH: {INSTALL_HINT}")


def open_in_calc(
    csv_files: list[Path],
    out_dir: Path,
    evaluate_formulas: bool = True,
    quoted_as_text: bool = True,
) -> list[Path]:
    """Import each CSV in LibreOffice Calc and save it as flat ODS (XML) in `out_dir`."""
    profile = out_dir / "lo-profile"
    argv = [
        soffice_binary(),
        "--headless",
        "--norestore",
        "--nolockcheck",
        f"-env:UserInstallation={profile.as_uri()}",
        f"--infilter={_filter(evaluate_formulas, quoted_as_text)}",
        "--convert-to",
        "fods",
        "--outdir",
        str(out_dir),
        *map(str, csv_files),
    ]
    subprocess.run(argv, check=True, capture_output=True, timeout=300, start_new_session=True)
    out = [out_dir / f"{p.stem}.fods" for p in csv_files]
    missing = [p.name for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no {missing}")
    return out


def _attr(el: ET.Element, ns: str, name: str) -> str | None:
    return el.get(f"{{{NS[ns]}}}{name}")


def _text(el: ET.Element) -> str:
    """A paragraph's text, with ODF's encoded spaces, tabs and line breaks put back."""
    out = [el.text or ""]
    for child in el:
        name = child.tag.rsplit("}", 1)[1]
        if name == "s":
            out.append(" " * int(_attr(child, "text", "c") or 1))
        elif name == "tab":
            out.append("\t")
        elif name == "line-break":
            out.append("\n")
        else:
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)


def read_cells(fods: Path) -> list[list[Cell]]:
    """The first sheet's rows of cells, trailing empty cells and rows dropped."""
    sheet = ET.parse(fods).getroot().find(".//table:table", NS)
    rows = []
    for row in sheet.iter(f"{{{NS['table']}}}table-row"):
        cells = []
        for el in row:
            if el.tag not in (
                f"{{{NS['table']}}}table-cell",
                f"{{{NS['table']}}}covered-table-cell",
            ):
                continue
            text = "\n".join(_text(p) for p in el.findall("text:p", NS))
            cell = Cell(
                type=_attr(el, "office", "value-type") or "",
                value=(
                    _attr(el, "office", "value")
                    or _attr(el, "office", "date-value")
                    or _attr(el, "office", "boolean-value")
                ),
                text=text,
                formula=_attr(el, "table", "formula"),
            )
            cells += [cell] * int(_attr(el, "table", "number-columns-repeated") or 1)
        while cells and not cells[-1].type and not cells[-1].text:
            cells.pop()
        if cells:
            rows.append(cells)
    return rows
