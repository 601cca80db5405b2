"""An article in the manner of a Quebec daily, written for the tests and added as a curator
adds it: its amounts are written "1 150 $" and are Canadian dollars. A dollar sign may name the
US or the Canadian dollar, so the draft proposes the one the article's words hint at ("Québec")
or else the first, and the number check accepts either; an amount published in a currency its
words do not name is refused."""

from pathlib import Path

import pytest

from pipeline.draft import draft_entry
from pipeline.extract import extract_mentions
from pipeline.publish.page import survey_page

from .conftest import published_figures, query, refused_after_edit, release_with, traced_numbers
from .release.chromium import Chromium

DATA = Path(__file__).parent / "data" / "quebec_rents"
SURVEY = "leger_locataires_2025"
SOURCE = "loyers_quebec_leger"
TEXT = (DATA / "sources" / SOURCE / "article.txt").read_text(encoding="utf-8")

# observation id (without the survey) → value, unit, decimals, value_low, value_high, as written
EXPECTED = {
    "monthly_rent.median.leger_2025_all": (
        *(1150.0, "canadian_dollar", 0, 1149.5, 1150.5),
        "1 150 $",
    ),
    "monthly_rent.median.leger_2025_montreal": (
        *(1325.0, "canadian_dollar", 0, 1324.5, 1325.5),
        "1 325 $",
    ),
    "rent_over_half_income.yes.leger_2025_all": (31.0, "percent", 0, 30.5, 31.5, "31 %"),
    "rent_increase_after_moving.over_200.leger_2025_movers": (
        *(44.0, "percent", 0, 43.5, 44.5),
        "44 %",
    ),
    "household_income.median.leger_2025_all": (
        *(52000.0, "canadian_dollar", 0, 51999.5, 52000.5),
        "52 000 $",
    ),
    "wants_rent_registry.yes.leger_2025_all": (68.0, "percent", 0, 67.5, 68.5, "68 %"),
}


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_with(tmp_path_factory.mktemp("quebec"), DATA)


def test_amounts_are_published_in_the_currency_they_are_in(release):
    expected = {f"{SURVEY}.{k}": v for k, v in EXPECTED.items()}
    assert published_figures(release, SURVEY, SOURCE) == expected


def test_each_amount_traces_to_its_digits_and_sign(release):
    in_text_order = sorted(EXPECTED.values(), key=lambda v: TEXT.index(v[-1]))
    assert traced_numbers(release, DATA, SOURCE) == [v[-1] for v in in_text_order]


def test_analysts_read_the_currency_beside_the_value(release):
    rows = query(
        release,
        "SELECT value, unit_symbol, base_unit FROM observations "
        "WHERE observation_id = ? AND source_id = ?",
        f"{SURVEY}.monthly_rent.median.leger_2025_all",
        SOURCE,
    )
    assert rows == [(1150.0, "$ CA", "canadian_dollar")]
    ((quantity,),) = query(release, "SELECT quantity FROM dim_unit WHERE unit = 'us_dollar'")
    assert quantity == "amount of money"


@pytest.mark.parametrize(
    ("number", "unit"),
    [
        ("1 150 $", "canadian_dollar"),
        ("52 000 $", "canadian_dollar"),
        ("2 100 £", "pound_sterling"),
    ],
)
def test_the_draft_proposes_the_currency_the_article_hints_at(number, unit):
    """ "$" may be either dollar; the article writes "Québec" and "Montréal", hint words of the
    Canadian dollar (fr_numbers.yml: currency_hints)."""
    (mention,) = [m for m in extract_mentions(TEXT) if m.surface == number]
    assert draft_entry(mention, TEXT)["as_observation"]["unit"] == unit


def test_an_amount_in_a_currency_its_words_do_not_name_is_refused(tmp_path):
    report = refused_after_edit(
        tmp_path,
        DATA,
        SOURCE,
        "value: 1325\n  unit: canadian_dollar",
        "value: 1325\n  unit: euro",
    )
    assert (
        "| observations[1] (id: rent_montreal) | '1 325 $' reads as an amount in us_dollar or "
        "canadian_dollar, not an amount in euro | write unit: us_dollar or canadian_dollar, or "
        "correct the number_text |"
    ) in report


VALUES = """[...document.querySelectorAll('figure.chart')].map(f => ({
  lines: [...f.querySelectorAll('.value')].map(v =>
    Math.round(v.getBoundingClientRect().height / parseFloat(getComputedStyle(v).lineHeight))),
  tracks: [...new Set([...f.querySelectorAll('.track')].map(t =>
    Math.round(t.getBoundingClientRect().width)))].length}))"""


@pytest.mark.slow
def test_the_page_writes_each_amount_on_one_line(release):
    """'1 150 $ CA' is wider than a percent: its chart's value column widens to it, and all
    the bars of a chart keep one track."""
    with Chromium(1100, 900) as browser:
        page = browser.page()
        page.goto((release / survey_page(SURVEY)).as_uri())
        page.wait_until("document.readyState === 'complete'")
        charts = page.evaluate(VALUES)
        page.close()
    assert charts and all(c["lines"] and set(c["lines"]) == {1} for c in charts)
    assert all(c["tracks"] == 1 for c in charts)
