"""The CPME article (raw/sources, shared seed 000): the figures a reader sees, and qualifiers."""

from pathlib import Path

import pytest

from pipeline.extract import extract_mentions, parse_number

ROOT = Path(__file__).resolve().parents[2]
# The article as published, in raw/; shared/seeds/000_d2ce8ddfe2aec431.txt is the same file.
ARTICLE = ROOT / "raw" / "sources" / "petites_entreprises_part_ia" / "article.txt"


def seed_text() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"{ARTICLE} is not in this checkout")
    return ARTICLE.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def mentions():
    text = seed_text()
    return text, extract_mentions(text)


def test_expected_mentions_in_reading_order(mentions):
    _, found = mentions
    got = [(m.surface, m.kind, m.value, m.approx, m.qualifier) for m in found]
    expected = [
        ("1.600", "count", 1600.0, False, None),
        ("entre le 20 juin et le 12 juillet", "period", "--06-20/--07-12", False, None),
        ("Une majorité", "fraction", 50.0, True, None),
        ("53%", "percent", 53.0, False, None),
        ("11%", "percent", 11.0, False, None),
    ]
    assert got[: len(expected)] == expected
    assert ("11%", "percent", 11.0, False, "seulement") in got
    assert ("NIS 2", "other", 2.0, False, None) in got
    assert ("mi-octobre", "period", "--10-11/--10-20", False, None) in got
    assert ("double", "other", 2.0, False, None) in got
    assert ("cinquante", "count", 50.0, True, "ou plus") in got
    assert ("un quart", "fraction", 25.0, True, "Près d’") in got
    assert ("23%", "percent", 23.0, False, None) in got
    assert ("douze derniers mois", "other", 12.0, False, None) in got
    assert ("la quasi-totalité", "fraction", 100.0, True, "quasi-") in got
    assert ("95%", "percent", 95.0, False, None) in got


def test_every_percent_of_the_article_is_found(mentions):
    text, found = mentions
    written = {w.rstrip(").,") for w in text.split() if w.rstrip(").,").endswith("%")}
    assert {m.surface for m in found if m.kind == "percent"} == {w.lstrip("(") for w in written}


def test_surfaces_read_back_alone(mentions):
    _, found = mentions
    for m in found:
        assert parse_number(m.surface) == (m.kind, m.value), m.surface
