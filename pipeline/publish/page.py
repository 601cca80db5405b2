"""index.html: the release as a page people can look at, self-contained (no network at view)."""

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pyarrow as pa
from markupsafe import Markup

from pipeline.model.fieldwork import described
from pipeline.publish.arrow import records
from pipeline.publish.changelog import Resolved
from pipeline.publish.charts import charts
from pipeline.publish.figures import figure_html
from pipeline.publish.metadata import ReleaseInfo
from schemas.spec import TableSpec

TEMPLATE = "page.html.j2"


@dataclass
class TableEntry:
    name: str
    title: str
    description: str
    rows: int
    files: list[tuple[str, str]]  # (file name, size as shown)


def human_size(n: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    raise AssertionError("unreachable")


def _rows(table: pa.Table) -> list[SimpleNamespace]:
    # Objects, not dicts: the template reads `row.field`, which on a dict first fails as an
    # attribute, and ten thousand sources made that failure a third of the rendering.
    return [SimpleNamespace(**row) for row in records(table)]


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def page_html(
    info: ReleaseInfo,
    version: Resolved,
    specs: list[TableSpec],
    tables: dict[str, pa.Table],
    sizes: dict[str, int],
    downloads: list[tuple[str, str]],
    db_name: str,
) -> str:
    """The page; `sizes` of the table files by name, `downloads` (file, what) of the others."""
    entries = [
        TableEntry(
            s.name,
            s.title,
            s.description,
            len(tables[s.name]),
            [
                (f"{s.name}.{ext}", human_size(sizes[f"{s.name}.{ext}"]))
                for ext in ("parquet", "csv")
            ],
        )
        for s in specs
    ]
    drawn = charts(tables)
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            info=info,
            version=version,
            tables=entries,
            charts=drawn,
            figures=[Markup(figure_html(c)) for c in drawn],
            sources=_rows(tables["dim_source"]),
            surveys=[
                SimpleNamespace(
                    **vars(s),
                    fieldwork=described(s.fieldwork_start, s.fieldwork_end, s.fieldwork_precision),
                )
                for s in _rows(tables["dim_survey"])
            ],
            downloads=downloads,
            db_name=db_name,
            formats={"parquet": "Parquet", "csv": "CSV"},
        )
    )
