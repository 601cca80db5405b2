"""Durations that place a figure in time ("en deux ans", "sur douze mois glissants", "dans les
cinq ans", "il y a vingt ans"), dates and times of day ("à 17 heures"): when a figure holds,
not what was found (raw/lexicon/fr_periods.yml)."""

import re
from functools import lru_cache

from pipeline.extract import Mention
from pipeline.extract.lexicon import alternation, load
from pipeline.extract.numerals import words_source
from pipeline.spans import holding


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    lex = load("periods")
    number = rf"(?:\d+(?:[ \u00a0\u202f.]\d{{3}})*(?:,\d+)?|{words_source()})"
    adjective = rf"(?:{alternation(lex['adjectives'])}\s+)?"
    span = rf"{number}\s+{adjective}{alternation(lex['words'])}(?![\w'’])"
    after = rf"\s+{alternation(lex['adjectives'])}(?![\w'’])"
    directions = load("hedges")["directions"]
    nouns = alternation(directions["as_subject"]["up"] + directions["as_subject"]["down"])
    periods = re.compile(
        rf"(?<![\w-])(?:(?P<cue>{alternation(lex['before'])})"  # "qu'il y a deux ans" too
        rf"|(?P<change>{alternation(lex['after_a_change'])}))\s+{adjective}{span}(?:{after})?"
        rf"|(?<![\w'’,.]){span}(?:{after})?\s+{alternation(lex['after'])}(?![\w'’])"
        rf"|(?<![\w'’,.]){span}\s+(?:de\s+|d['’]\s*){nouns}(?![\w'’])"
        rf"|(?<![\w'’,.]){number}\s+{alternation(lex['adjectives'])}\s+"
        rf"{alternation(lex['words'])}(?![\w'’])",
        re.I,
    )
    change_words = [
        *directions["up"],
        *directions["down"],
        *directions["before_de"]["up"],
        *directions["before_de"]["down"],
        *load("numbers")["multiplier_words"],
        *lex["multiplied"],
    ]
    change = re.compile(rf"(?<![\w'’-]){alternation(change_words)}(?![\w'’-])", re.I)
    return periods, change


def reference_period(m: Mention, text: str) -> str | None:
    """The words around `m` that place a figure in time when `m` is their duration, else
    None."""
    periods, change = _patterns()
    for found in holding(periods, m, text):
        if found.group("change") and not change.search(text, m.sentence_start, found.start()):
            continue  # "trouvé en six mois": how long it took, a figure
        return found.group(0)
    return None


def period_reason(words: str) -> str:
    """The reason an ignore entry of a period gives."""
    return load("periods")["reason"].format(words=" ".join(words.split()))


def date_reason(m: Mention) -> str | None:
    """The reason an ignore entry of a date gives, if `m` is one (fr_periods.yml:
    date_kinds)."""
    lex = load("periods")
    if m.kind not in lex["date_kinds"]:
        return None
    return lex["date_reason"].format(words=" ".join(m.surface.split()))


@lru_cache(maxsize=1)
def _clock_patterns() -> dict[str, re.Pattern]:
    lex = load("periods")["times_of_day"]
    number = rf"(?:\d{{1,2}}|{words_source()})"
    clock = rf"{number}\s*{alternation(lex['hours'])}(?:\s*[0-5]\d)?"  # "2 h 01 min" is a duration
    durations = rf"(?<![\w'’-]){alternation(lex['durations'])}\s+"
    ends = r"(?:(?<=['’])|(?![\w-]))"  # a word ends; "d'" before a word too
    return {
        "clock": re.compile(rf"{clock}(?![\w'’])", re.I),
        "before": re.compile(
            rf"(?<![\w'’-])(?P<cue>{alternation(lex['before'])}"
            rf"|(?:de|entre)\s+{clock}\s+(?:à|et))\s*\Z",  # "de 6 h à", "entre 8 h et"
            re.I,
        ),
        "after_duration": re.compile(rf"{durations}(?:de\s+|entre\s+)?(?:{clock}\s+)?\Z", re.I),
        "per": re.compile(
            rf"\s*(?!{alternation(lex['not_per'])}{ends})(?:{alternation(lex['per'])}{ends})",
            re.I,
        ),
        "first": re.compile(r"(?<![\w'’-])(?:de|entre)\s+\Z", re.I),
        "second": re.compile(rf"\s+(?:à|et)\s+{clock}(?![\w'’])", re.I),
    }


def _clock_value(surface: str) -> bool:
    """Whether `surface` is a time a day has (hours at most 24, written in figures or words)."""
    p = _clock_patterns()
    if p["clock"].fullmatch(" ".join(surface.split())) is None:
        return False
    hours = re.match(r"\d+", surface)
    return hours is None or int(hours.group(0)) <= 24


def time_of_day(m: Mention, text: str) -> str | None:
    """The words that make `m` a time of day ("à 22 h 47", "vers 19 heures", "de 6 h 30 à
    9 h 30"), else None."""
    if m.kind != "other" or not _clock_value(m.surface):
        return None
    if re.match(r"0\d", m.surface):  # "publié le 14/05/2025 08h30": no duration has a 0 before
        return m.surface
    p = _clock_patterns()
    before = text[m.sentence_start : m.start]
    if p["per"].match(text, m.end, m.sentence_end):
        return None
    if (cue := p["before"].search(before)) and not p["after_duration"].search(
        before, 0, cue.start()
    ):
        return text[m.sentence_start + cue.start() : m.end]
    second = p["second"].match(text, m.end, m.sentence_end)
    if (
        (first := p["first"].search(before))
        and second
        and not p["per"].match(text, second.end(), m.sentence_end)
        and not p["after_duration"].search(before, 0, first.start())
    ):
        return text[m.sentence_start + first.start() : second.end()]
    return None


def time_reason(words: str) -> str:
    """The reason an ignore entry of a time of day gives."""
    return load("periods")["times_of_day"]["reason"].format(words=" ".join(words.split()))
