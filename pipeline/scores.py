"""Numbers of a match's score ("Lille s'impose 3-1 à Lyon", "6-3, 2-6, 7-6 (7-5)"): who won,
not a figure; and points of a game or a league, no percentage points (raw/lexicon/
fr_numbers.yml: scores)."""

import re
from functools import lru_cache

from pipeline.extract import Mention
from pipeline.extract.lexicon import alternation, load
from pipeline.extract.numerals import words_value
from pipeline.extract.quantities import followed_by_plural


@lru_cache(maxsize=1)
def _game() -> re.Pattern:
    lex = load("numbers")["scores"]
    return re.compile(
        rf"(?<![\w'’-]){alternation(lex['words'] + lex['game_points'])}(?![\w-])", re.I
    )


def game_points(m: Mention, text: str, mentions: tuple[Mention, ...]) -> bool:
    """Whether points `m` are a game's or a league's ("40 points et 20 rebonds", "termine la
    saison avec 76 points"): written as a number and its unit alone, in a sentence that speaks
    of a match, a player or a league and states no percent. A change ("en hausse de 3
    points", "4 points de plus") or points beside a percent ("un score de 31 %, … 3 points")
    are a share's, in percentage points."""
    if m.kind != "points" or not _bare_points(m.surface):
        return False
    if any(c.kind == "percent" and m.sentence_start <= c.start < m.sentence_end for c in mentions):
        return False
    return _game().search(text, m.sentence_start, m.sentence_end) is not None


@lru_cache(maxsize=1)
def _points_unit() -> re.Pattern:
    return re.compile(rf"[ \u00a0\u202f]*{alternation(load('numbers')['units']['points'])}\Z")


def _bare_points(surface: str) -> bool:
    """Whether a points mention is written as its number and unit only ("40 points", "deux
    points"), with no word of change or sign ("hausse de 3 points", "+2 pts")."""
    unit = _points_unit().search(surface)
    number = surface[: unit.start()] if unit else ""
    return bool(re.fullmatch(r"\d[\d \u00a0\u202f.,]*", number)) or words_value(number) is not None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    lex = load("numbers")["scores"]
    digits = rf"\d{{1,{int(lex['max_digits'])}}}"
    score = re.compile(
        rf"(?<![\w/-])(?<!\d[.,]){digits}[ \u00a0]?[-‐‑–][ \u00a0]?{digits}(?![\w/%‰-]|[.,]\d)"
    )
    words = re.compile(rf"(?<![\w'’-]){alternation(lex['words'])}(?![\w-])", re.I)
    return score, words


def score_of(m: Mention, text: str, mentions: tuple[Mention, ...]) -> str | None:
    """The score `m` is a number of, when its sentence speaks of a match, both numbers of the
    score are bare numbers (no unit, no percent) and no noun they count follows ("3-4
    personnes"); else None."""
    if m.kind != "count":
        return None
    score, words = _patterns()
    if not words.search(text, m.sentence_start, m.sentence_end):
        return None
    for found in score.finditer(text, m.sentence_start, m.sentence_end):
        if (
            found.start() < m.end <= found.end()
            and _bare(found, mentions)
            and not followed_by_plural(text, found.end())
        ):
            return found.group()
    return None


def _bare(found: re.Match, mentions: tuple[Mention, ...]) -> bool:
    """Whether every mention over the score's characters is a count written in digits alone."""
    inside = [c for c in mentions if c.start < found.end() and found.start() < c.end]
    return bool(inside) and all(
        c.kind == "count"
        and c.surface.isdigit()
        and found.start() <= c.start <= c.end <= found.end()
        for c in inside
    )


def score_reason(score: str) -> str:
    """The reason an ignore entry of a score gives."""
    return load("numbers")["scores"]["reason"].format(score=score)
