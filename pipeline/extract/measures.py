"""Measures: the words of each unit of measurement ("hectares", "km²", "kWh") and the unit a
written measure or duration is in."""

import re
import unicodedata
from functools import lru_cache

from pipeline.extract.durations import duration_unit
from pipeline.extract.lexicon import load

SPACES = "[ \u00a0\u202f\u2009]"


@lru_cache(maxsize=1)
def measure_words() -> dict[str, str]:
    """Each measure word of the lexicon ("ha", "km²") → its unit ("hectares",
    "square_kilometres"). Measure words are case-sensitive: "MW" is megawatts, "mW" nothing."""
    groups = load("numbers")["units"]["measures"]
    return {word: unit for unit, words in groups.items() for word in words}


def measure_pattern(units: list[str] | None = None) -> str:
    """Regex source for any measure word (of `units` only, if given), the longest first; a
    space in a word ("pour 100 000") is any space, as French typography writes it."""
    words = [w for w, unit in measure_words().items() if units is None or unit in units]
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", f"{SPACES}+").replace("'", "['’]") for w in ordered)


@lru_cache(maxsize=1)
def measure_scales() -> dict[str, int]:
    """Measure words that count their unit in a scale ("Mt" → 1000000: millions of tonnes)."""
    return dict(load("numbers")["units"].get("measure_scales", {}))


def _word(written: str) -> str:
    """A measure word as the lexicon writes it: spaces of any kind as one, "’" as "'"."""
    return re.sub(f"{SPACES}+", " ", written).replace("’", "'")


def measure_scale(surface: str) -> int:
    """The scale a written measure's word counts in: '26,3 Mt' → 1000000, '69 ha' → 1."""
    m = _written_measure().search(unicodedata.normalize("NFC", surface).rstrip())
    return measure_scales().get(_word(m.group("word")), 1) if m else 1


@lru_cache(maxsize=1)
def _written_measure() -> re.Pattern:
    return re.compile(rf"(?<![^\W\d_])(?P<word>{measure_pattern()})\Z")


def measure_unit(surface: str) -> str | None:
    """The unit of measurement a written measure ends with: '69 hectares' → 'hectares',
    '25,2 millions de tonnes' → 'tonnes', '19 °C' → 'degrees_celsius'; None if `surface` does
    not end with one."""
    m = _written_measure().search(unicodedata.normalize("NFC", surface).rstrip())
    return measure_words()[_word(m.group("word"))] if m else None


def written_unit(surface: str) -> str | None:
    """The unit a measure or a duration is written in ('69 hectares' → 'hectares', '4 h 12' →
    'minutes'), or None for a number written without one."""
    return duration_unit(surface) or measure_unit(surface)


# At most one number written: "45 minutes", "trois ans", not "4 h 12" or "4 heures et 12".
_ONE_NUMBER = re.compile(r"[^\d]*(?:\d[\d.,\s]*)?[^\d]*")


def compared_unit(surface: str) -> str | None:
    """The unit a bare number compared with this measure or duration is in ("287" of "412 cas
    pour 100 000, contre 287": per_hundred_thousand; "30" of "45 minutes, contre 30":
    minutes); None after a duration in hours and minutes ("4 h 12, contre 3" may be hours)."""
    measure = measure_unit(surface)
    if measure is not None:
        return measure
    return duration_unit(surface) if _ONE_NUMBER.fullmatch(surface) else None
