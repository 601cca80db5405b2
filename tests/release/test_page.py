"""index.html and the survey pages in headless Chromium: tables, surveys, charts and bars
render, the index links every survey's page, nothing is fetched, and no console error."""

import shutil

import pyarrow.parquet as pq
import pytest

from pipeline.publish.bundle import PAGE
from pipeline.publish.charts import DERIVED_BARS
from pipeline.publish.page import survey_page
from schemas import PUBLISHED, table_spec

from .chromium import Chromium, screenshot_path

SPECS = [table_spec(m) for m in PUBLISHED]

BARS = """[...document.querySelectorAll('#figures li')].map(li => {
  const fill = li.querySelector('.fill'), track = li.querySelector('.track');
  return {derived: li.classList.contains('derived'),
          share: fill.getBoundingClientRect().width / track.getBoundingClientRect().width,
          value: li.querySelector('.value').textContent,
          tooltip: li.querySelector('summary').title,
          background: getComputedStyle(fill).backgroundImage
            + getComputedStyle(fill).backgroundColor,
          details: li.querySelector('dl.evidence').textContent};
})"""
TABLES = """[...document.querySelectorAll('table.tables tbody tr')].map(tr => ({
  name: tr.querySelector('code').textContent,
  rows: Number(tr.querySelector('td.rows').textContent),
  links: [...tr.querySelectorAll('a')].map(a => a.getAttribute('href')),
  visible: tr.getBoundingClientRect().height > 0}))"""
CHARTS = """[...document.querySelectorAll('figure.chart')].map(f => ({
  subtitle: f.querySelector('.subtitle').textContent,
  bars: f.querySelectorAll('li').length,
  height: f.getBoundingClientRect().height}))"""
SURVEYS = """[...document.querySelectorAll('table.surveys tbody tr')].map(tr => ({
  id: tr.id, page: tr.querySelector('a').getAttribute('href'),
  figures: Number(tr.querySelector('td.rows').textContent),
  visible: tr.getBoundingClientRect().height > 0}))"""


def _render(browser, path, shot=None) -> dict:
    page = browser.page()
    page.goto(path.as_uri())
    page.wait_until("document.readyState === 'complete'")
    out = {
        "title": page.evaluate("document.title"),
        "charts": page.evaluate(CHARTS),
        "bars": page.evaluate(BARS),
        "tables": page.evaluate(TABLES),
        "surveys": page.evaluate(SURVEYS),
        "screenshot": page.screenshot(shot) if shot else None,
        "errors": page.console_errors(),
        "requests": page.requests(),
    }
    page.close()
    return out


@pytest.fixture(scope="module")
def rendered(seed_release, tmp_path_factory):
    """The index as Chromium renders it, and each survey's page, by survey id."""
    shots = tmp_path_factory.mktemp("shots")
    surveys = [r["survey_id"] for r in _rows(seed_release, "dim_survey")]
    with Chromium() as browser:
        return {
            "index": _render(browser, seed_release / PAGE, screenshot_path(shots, "index.png")),
            "surveys": {
                s: _render(
                    browser, seed_release / survey_page(s), screenshot_path(shots, f"{s}.png")
                )
                for s in surveys
            },
        }


def _bars(rendered) -> list[dict]:
    return [b for page in rendered["surveys"].values() for b in page["bars"]]


def _rows(release, name):
    return pq.read_table(release / f"{name}.parquet").to_pylist()


@pytest.mark.slow
def test_pages_load_nothing_and_log_no_error(rendered, seed_release):
    pages = {PAGE: rendered["index"]} | {survey_page(s): r for s, r in rendered["surveys"].items()}
    for path, page in pages.items():
        assert page["errors"] == [], path
        assert page["requests"] == [(seed_release / path).as_uri()], path
        assert page["screenshot"].stat().st_size > 20_000, path


@pytest.mark.slow
def test_every_table_is_listed_with_rows_and_downloads(rendered, seed_release):
    tables = rendered["index"]["tables"]
    assert [t["name"] for t in tables] == [s.name for s in SPECS]
    for t in tables:
        assert t["visible"]
        assert t["rows"] == pq.read_metadata(seed_release / f"{t['name']}.parquet").num_rows
        assert t["links"] == [f"{t['name']}.parquet", f"{t['name']}.csv", "survey_figures.duckdb"]


@pytest.mark.slow
def test_the_index_links_every_survey_page_and_draws_no_chart(rendered, seed_release):
    facts = _rows(seed_release, "fact_observation")
    listed = rendered["index"]["surveys"]
    assert [r["id"] for r in listed] == [f"survey-{s}" for s in rendered["surveys"]]
    for row in listed:
        survey = row["id"].removeprefix("survey-")
        assert row["visible"] and row["page"] == survey_page(survey)
        assert row["figures"] == sum(f["survey_id"] == survey for f in facts)
        assert (seed_release / row["page"]).is_file()
    assert rendered["index"]["charts"] == [] and rendered["index"]["bars"] == []


@pytest.mark.slow
def test_every_published_figure_is_a_bar_with_its_quote(rendered, seed_release):
    facts = _rows(seed_release, "fact_observation")
    quotes = {q["quote"] for q in _rows(seed_release, "fact_evidence")}
    published = [b for b in _bars(rendered) if not b["derived"]]
    assert len(published) == len(facts)
    for bar in published:
        assert bar["tooltip"] in quotes and bar["tooltip"] in bar["details"]
        value = float(bar["value"].rstrip("%"))
        assert bar["share"] == pytest.approx(value / 100, abs=0.005)
    charts = [c for page in rendered["surveys"].values() for c in page["charts"]]
    assert charts and all(
        c["subtitle"].startswith("Base: ") and c["bars"] and c["height"] > 50 for c in charts
    )


@pytest.mark.slow
def test_derived_values_are_drawn_distinct(rendered, seed_release):
    if "fact_derived" not in [s.name for s in SPECS]:
        pytest.skip("fact_derived is not published")
    derived = [r for r in _rows(seed_release, "fact_derived") if r["kind"] in DERIVED_BARS]
    bars = [b for b in _bars(rendered) if b["derived"]]
    assert len(bars) == len(derived) > 0
    published_look = {b["background"] for b in _bars(rendered) if not b["derived"]}
    assert {b["background"] for b in bars}.isdisjoint(published_look)
    assert all(b["value"].startswith("≈") and "Formula" in b["details"] for b in bars)


@pytest.mark.slow
def test_console_errors_are_caught(seed_release, tmp_path):
    # The detector itself: a script error, console.error, and a script the page's policy
    # refuses must all be reported.
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><title>x</title><script>console.error('boom');missingFunction();</script>",
        encoding="utf-8",
    )
    copy = tmp_path / "release"
    shutil.copytree(seed_release, copy)
    page_html = (copy / PAGE).read_text(encoding="utf-8")
    (copy / PAGE).write_text(page_html.replace("</body>", "<script>1</script></body>"))
    with Chromium() as browser:
        page = browser.page()
        page.goto(broken.as_uri())
        errors = page.console_errors()
        page.goto((copy / PAGE).as_uri())
        policy_errors = page.console_errors()[len(errors) :]
        page.close()
    assert any("boom" in e for e in errors), errors
    assert any("missingFunction" in e for e in errors), errors
    assert any("Content Security Policy" in e for e in policy_errors), policy_errors
