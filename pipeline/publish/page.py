"""The release as pages people can look at, self-contained (no network at view): index.html,
the release and its downloads, and one page per survey with the charts of its figures.

A page per survey keeps every page small whatever the size of the release (one page of ten
thousand sources' charts was 55 MB, a minute for a browser to open)."""

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pyarrow as pa
from markupsafe import Markup

from pipeline.model.fieldwork import described
from pipeline.publish.arrow import records
from pipeline.publish.changelog import Resolved
from pipeline.publish.charts import Chart, charts
from pipeline.publish.figures import figure_html
from pipeline.publish.metadata import ReleaseInfo
from schemas.spec import TableSpec

INDEX = "index.html"
SURVEYS_DIR = "surveys"


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


def survey_page(survey_id: str) -> str:
    """The path of a survey's page in the release (ids are lower-case letters, digits, "_")."""
    return f"{SURVEYS_DIR}/{survey_id}.html"


def _rows(table: pa.Table, columns: list[str] | None = None) -> list[SimpleNamespace]:
    # Objects, not dicts: the template reads `row.field`, which on a dict first fails as an
    # attribute, and ten thousand sources made that failure a third of the rendering.
    return [SimpleNamespace(**row) for row in records(table, columns)]


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _sources_of_surveys(tables: dict[str, pa.Table]) -> dict[str, list[str]]:
    """The ids of the sources that state a figure or an attribute of each survey, in order."""
    survey_of = {
        o["observation_id"]: o["survey_id"]
        for o in records(tables["fact_observation"], ["observation_id", "survey_id"])
    }
    found: dict[str, set[str]] = {}
    for e in records(tables["fact_evidence"], ["observation_id", "source_id"]):
        found.setdefault(survey_of[e["observation_id"]], set()).add(e["source_id"])
    attributes = records(tables["attribute_evidence"], ["entity", "entity_id", "source_id"])
    for a in attributes:
        if a["entity"] == "survey":
            found.setdefault(a["entity_id"], set()).add(a["source_id"])
    return {survey: sorted(ids) for survey, ids in found.items()}


def _summary(s: SimpleNamespace) -> str:
    """A survey in one line, as the index and its page show it: who ran it, whom it asked,
    how many answered and when."""
    sample = f", {s.sample_size:,} respondents" if s.sample_size else ""
    fieldwork = described(s.fieldwork_start, s.fieldwork_end, s.fieldwork_precision)
    when = f", fieldwork {fieldwork}" if fieldwork else ""
    return f"{s.producer_name or s.producer}; {s.target_population_en.lower()}{sample}{when}" + (
        _margin(s.margin_of_error, s.margin_of_error_min) + "."
    )


def _margin(high: float | None, low: float | None) -> str:
    """', margin of error ±2.2 points', ', margins of error ±1.5 to ±3.5 points' or ''."""
    if high is None or high != high:  # null, or NaN from a float column
        return ""
    if low is None or low != low:
        return f", margin of error ±{high:g} points"
    return f", margins of error ±{low:g} to ±{high:g} points"


def _surveys(tables: dict[str, pa.Table]) -> list[SimpleNamespace]:
    """Every survey with its one-line summary, its page, figures and sources."""
    figures: dict[str, int] = {}
    for o in records(tables["fact_observation"], ["survey_id"]):
        figures[o["survey_id"]] = figures.get(o["survey_id"], 0) + 1
    sources = _sources_of_surveys(tables)
    return [
        SimpleNamespace(
            **vars(s),
            summary=_summary(s),
            page=survey_page(s.survey_id),
            figures=figures.get(s.survey_id, 0),
            sources=sources.get(s.survey_id, []),
        )
        for s in _rows(tables["dim_survey"])
    ]


def pages_html(
    info: ReleaseInfo,
    version: Resolved,
    specs: list[TableSpec],
    tables: dict[str, pa.Table],
    sizes: dict[str, int],
    downloads: list[tuple[str, str]],
    db_name: str,
) -> dict[str, str]:
    """index.html and every survey's page, by path in the release; `sizes` of the table files
    by name, `downloads` (file, what) of the others."""
    surveys = _surveys(tables)
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
    environment = _environment()
    pages = {
        INDEX: environment.get_template("index.html.j2").render(
            info=info,
            version=version,
            tables=entries,
            surveys=surveys,
            source_count=len(tables["dim_source"]),
            downloads=downloads,
            db_name=db_name,
            formats={"parquet": "Parquet", "csv": "CSV"},
        )
    }
    by_survey: dict[str, list[Chart]] = {}
    for chart in charts(tables):
        by_survey.setdefault(chart.survey_id, []).append(chart)
    sources = {s.source_id: s for s in _rows(tables["dim_source"])}
    template = environment.get_template("survey.html.j2")
    for survey in surveys:
        drawn = by_survey.get(survey.survey_id, [])
        pages[survey.page] = template.render(
            info=info,
            survey=survey,
            sources=[sources[i] for i in survey.sources],
            charts=drawn,
            figures=[Markup(figure_html(c)) for c in drawn],
        )
    return pages
