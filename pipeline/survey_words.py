"""What an article says of how a survey was made in words rather than numbers: who ran it ("un
sondage Ifop pour …"), how it collected the answers ("menée en ligne") and what its sample
counts ("auprès de 1 020 personnes": personnes). add-source writes them into a new survey's
draft (raw/lexicon/fr_methods.yml)."""

import re
from functools import lru_cache

from pipeline.extract.lexicon import alternation, fold, load
from pipeline.methods import Stated

# A word of a name: capitalised, maybe with hyphens and an apostrophe ("Harris-Interactive",
# "L'Observatoire"), or an acronym with an ampersand ("R&D").
_CAPITALISED = r"(?:[A-ZÀ-Ý][\w'’&-]*)"
_LOWER = r"(?:[a-zà-ÿ][\w'’-]*)"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    methods = load("methods")
    producer, mode = methods["producer"], methods["collection_mode"]
    return {
        "producer": re.compile(
            rf"(?<!\w){alternation(producer['before'])}\s+"
            rf"(?:{alternation(producer['articles'])}(?:(?<=['’])|\s+))?"
            rf"(?-i:(?P<name>{_CAPITALISED}(?:\s+(?:{_LOWER}\s+)?{_CAPITALISED})*))",
            re.I,
        ),
        "modes": {
            name: re.compile(
                rf"(?<!\w){alternation(mode['cues'])}(?:\s+[^\s,;:.()]+){{0,{mode['gap']}}}?"
                rf"\s+{alternation(phrases)}(?![\w'’])",
                re.I,
            )
            for name, phrases in mode["modes"].items()
        },
    }


def producer(text: str) -> str | None:
    """The name of who ran the survey, where the text writes it after a word of a survey, the
    first time it does ("Sondage réalisé par YouGov pour …": YouGov); None if it does not."""
    lex = load("methods")["producer"]
    function_words = {fold(w) for w in load("numbers")["function_words"]}
    not_names = {fold(n) for n in lex["not_names"]}
    for found in _patterns()["producer"].finditer(text):
        words = found.group("name").split()
        # a lowercase word joins two capitalised ones, never a function word ("Ifop pour Le
        # Monde" is Ifop)
        for i, word in enumerate(words):
            if fold(word) in function_words:
                words = words[:i]
                break
        name = " ".join(words[: int(lex["max_words"])])
        acronym = _ACRONYM.match(text, found.end("name"))
        if acronym:  # "du Syndicat neutre pour indépendants (SNI)": SNI
            return acronym.group(1)
        if name and fold(name) not in not_names:
            return name
    return None


def collection_mode(text: str) -> str | None:
    """How the survey collected its answers, when the text says it once ("L'enquête a été
    menée en ligne": online); None when it says nothing or several modes."""
    found = {name for name, pattern in _patterns()["modes"].items() if pattern.search(text)}
    return found.pop() if len(found) == 1 else None


def sample_unit(text: str, stated: list[Stated]) -> str | None:
    """The noun the sample size counts, written right after its number ("auprès de 1 020
    personnes", "1 600 dirigeants interrogés": personnes, dirigeants), when the text states
    one sample size with one such noun."""
    function_words = {fold(w) for w in load("numbers")["function_words"]}
    units = set()
    for size in (s for s in stated if s.attribute == "sample_size"):
        numbers = list(_NUMBER.finditer(text, size.char_start, size.char_end))
        noun = numbers and _NOUN_AFTER.match(text, numbers[-1].end())  # the size is the last
        if noun and fold(noun.group(1)) not in function_words:
            units.add(noun.group(1))
    return units.pop() if len(units) == 1 else None


# The acronym in brackets after a name, with up to five lowercase words between:
# "Observatoire de la vie étudiante (OVE)".
_ACRONYM = re.compile(r"(?:\s+[a-zà-ÿ'’-]+){0,5}\s*\(([A-Z][A-Z0-9&-]{1,9})\)")
_NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f .'’]*\d)?")
_NOUN_AFTER = re.compile(r"[ \u00a0\u202f]+([a-zà-ÿ][\w'’-]*)")
