"""Durations: the words of each time unit, hours and minutes after digits ("4 h 12"), and the
unit a written duration is in."""

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from pipeline.extract.lexicon import alternation, fold, load
from pipeline.extract.mention import Candidate
from pipeline.extract.numerals import words_value

_SPACE = "[ \u00a0\u202f]"
PART_PRIORITY = 1  # a phrase: "un quart d'heure" is no share "un quart"


@lru_cache(maxsize=1)
def duration_words() -> dict[str, str]:
    """Each duration word of the lexicon ("ans", "mois") → its unit ("years", "months")."""
    groups = load("numbers")["units"]["durations"]
    return {word: unit for unit, words in groups.items() for word in words}


@lru_cache(maxsize=1)
def clock_source() -> str:
    """Regex source of hours and/or minutes right after digits: 'h', ' h 12', 'h30 min', ' min',
    maybe with seconds after a word of minutes: ' h 05 min 33 s', ' min 12 s'.

    Group `minutes` holds the minutes written after the hours, if any; `seconds` (after hours
    and minutes) or `more_seconds` (after minutes alone) the seconds."""
    clock = load("numbers")["units"]["clock"]
    hours, minutes = alternation(clock["hours"]), alternation(clock["minutes"])

    def seconds(group: str) -> str:
        word = alternation(clock["seconds"])
        return rf"(?:{_SPACE}?(?P<{group}>[0-5]?\d)(?!\d){_SPACE}?(?:{word}))?"

    return (
        rf"{_SPACE}?(?-i:(?:{hours})(?:{_SPACE}?(?P<minutes>[0-5]\d)(?!\d)"
        rf"(?:{_SPACE}?(?:{minutes}){seconds('seconds')})?)?"
        rf"|(?:{minutes}){seconds('more_seconds')})(?!\w)"
    )


@lru_cache(maxsize=1)
def _clock() -> re.Pattern:
    return re.compile(clock_source())


def clock_after(text: str, pos: int, number: Decimal) -> tuple[int, Decimal] | None:
    """(end, value) of hours or minutes written at `pos` after the digits of `number`, else
    None; the value in the smallest unit written: "5 h" 5, "4 h 12" 252 (minutes), "2 h 05
    min 33 s" 7533 and "4 min 12 s" 252 (seconds)."""
    m = _clock().match(text, pos)
    if m is None:
        return None
    value = number
    if m.group("minutes"):
        value = value * 60 + int(m.group("minutes"))
    if seconds := m.group("seconds") or m.group("more_seconds"):
        value = value * 60 + int(seconds)
    return m.end(), value


@lru_cache(maxsize=1)
def _parts_of_hour() -> dict[str, re.Pattern]:
    numbers = load("numbers")
    count = rf"(?:(?P<digits>\d{{1,2}})|(?P<words>{alternation(numbers['words'])})){_SPACE}+\Z"
    return {
        "part": re.compile(
            rf"(?<![\w'’-]){alternation(numbers['units']['parts_of_hour'])}(?![\w-])",
            re.IGNORECASE,
        ),
        # The number before a part, searched for only where a part is written.
        "count": re.compile(rf"(?<![\w'’-]){count}", re.IGNORECASE),
    }


def find_parts_of_hour(text: str) -> list[Candidate]:
    """Parts of an hour written in words, in minutes: "une demi-heure" (30.0), "trois quarts
    d'heure" (45.0), "demi-heure" (30.0)."""
    parts = {fold(k): v for k, v in load("numbers")["units"]["parts_of_hour"].items()}
    patterns, out = _parts_of_hour(), []
    for m in patterns["part"].finditer(text):
        start, count = m.start(), Decimal(1)
        before = patterns["count"].search(text, max(0, start - 40), start)
        if before:
            start = before.start()
            if before.group("digits"):
                count = Decimal(before.group("digits"))
            else:
                count = words_value(before.group("words")) or Decimal(1)
        value = float(count * parts[fold(m.group())])
        out.append(Candidate(start, m.end(), "other", value, PART_PRIORITY, unit="duration"))
    return out


@lru_cache(maxsize=1)
def _minutes_after_hours() -> re.Pattern:
    units = load("numbers")["units"]
    minute = alternation([*units["durations"]["minutes"], *units["clock"]["minutes"]])
    return re.compile(
        rf"{_SPACE}+(?P<et>et{_SPACE}+)?(?P<minutes>[0-5]?\d)(?![\d,.]\d|\d)"
        rf"(?P<word>{_SPACE}+(?:{minute})(?!\w))?"
    )


def minutes_after_hours(
    text: str, pos: int, noun_after: Callable[[str, int], bool]
) -> tuple[int, int] | None:
    """(end, minutes) of the minutes written after a number of hours that ends at `pos`:
    "4 heures 12", "4 heures et 12 minutes", "2 heures 30 min"; None otherwise. Without a word
    of minutes, two digits that no noun follows: "4 heures 12 salariés" is no duration."""
    m = _minutes_after_hours().match(text, pos)
    if m is None:
        return None
    if m.group("word") or (
        not m.group("et") and len(m.group("minutes")) == 2 and not noun_after(text, m.end())
    ):
        return m.end(), int(m.group("minutes"))
    return None


@lru_cache(maxsize=1)
def _months_after_years() -> re.Pattern:
    months = alternation(load("numbers")["units"]["durations"]["months"])
    return re.compile(
        rf"{_SPACE}+et{_SPACE}+(?P<months>\d{{1,2}})(?![\d,.]\d|\d){_SPACE}+(?:{months})(?!\w)",
        re.IGNORECASE,
    )


def months_after_years(text: str, pos: int) -> tuple[int, int] | None:
    """(end, months) of the months written after a number of years that ends at `pos`: "3
    ans et 7 mois"; None otherwise, and for 12 months or more."""
    m = _months_after_years().match(text, pos)
    if m is None or int(m.group("months")) >= 12:
        return None
    return m.end(), int(m.group("months"))


def smaller_unit_after(
    text: str, word: str, pos: int, noun_after: Callable[[str, int], bool]
) -> tuple[int, int, int] | None:
    """(end, how many make one, how many) of a smaller unit written after a number of hours
    or years whose `word` ends at `pos`: minutes after hours ("4 heures 12": 60, 12), months
    after years ("3 ans et 7 mois": 12, 7); None otherwise."""
    unit = duration_words().get(word.lower())
    if unit == "hours":
        minutes = minutes_after_hours(text, pos, noun_after)
        return minutes and (minutes[0], 60, minutes[1])
    if unit == "years":
        months = months_after_years(text, pos)
        return months and (months[0], 12, months[1])
    return None


@lru_cache(maxsize=1)
def _written_unit() -> re.Pattern:
    groups = load("numbers")["units"]
    words = alternation([w for ws in groups["durations"].values() for w in ws])
    return re.compile(
        rf"\d(?P<clock>{clock_source()})\Z|(?<!\w)(?P<word>{words})\Z",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _half() -> re.Pattern:
    return re.compile(rf"\s+{alternation(load('numbers')['and_a_half'])}\Z", re.IGNORECASE)


@lru_cache(maxsize=1)
def _hours_then_minutes() -> re.Pattern:
    hours = alternation(load("numbers")["units"]["durations"]["hours"])
    return re.compile(rf"\d{_SPACE}+(?:{hours}){_SPACE}+[0-5]\d\Z", re.IGNORECASE)


def duration_unit(surface: str) -> str | None:
    """The time unit a written duration ends with: '41 minutes' → 'minutes', 'trois ans'
    and 'un an et demi' → 'years', '5 h' → 'hours', '4 h 12' and '4 heures 12' → 'minutes'
    (the value is in minutes), '2 h 05 min 33 s' → 'seconds'; None if `surface` does not end
    with one."""
    surface = unicodedata.normalize("NFC", surface).rstrip()  # its words read composed
    surface = _half().sub("", surface)  # "un an et demi" is in years
    if _parts_of_hour()["part"].search(surface):
        return "minutes"  # "une demi-heure" is 30 minutes
    m = _written_unit().search(surface)
    if m is None:
        hours = _hours_then_minutes().search(surface)
        return "minutes" if hours else None
    if m.group("word"):
        return duration_words().get(m.group("word").lower())
    clock = load("numbers")["units"]["clock"]
    if m.group("seconds") or m.group("more_seconds"):
        return "seconds"
    if m.group("minutes") or m.group("clock").strip() in clock["minutes"]:
        return "minutes"
    return "hours"
