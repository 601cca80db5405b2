"""Durations that place a figure in time ("en deux ans", "sur douze mois glissants", "dans les
cinq ans", "il y a vingt ans"): when a figure holds, not what was found
(raw/lexicon/fr_periods.yml)."""

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
        rf"|(?<![\w'’,.]){span}\s+(?:de\s+|d['’]\s*){nouns}(?![\w'’])",
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
