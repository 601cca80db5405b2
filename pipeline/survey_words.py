"""What an article says of how a survey was made in words rather than numbers: who ran it ("un
sondage Ifop pour …"), whom it asked ("représentatif de la population française âgée de 18 ans
et plus"), how it collected the answers ("menée en ligne") and what its sample counts ("auprès
de 1 020 personnes": personnes). add-source writes them into a new survey's draft
(raw/lexicon/fr_methods.yml)."""

import re
from functools import lru_cache

from pipeline.extract import extract_mentions
from pipeline.extract.lexicon import alternation, fold, function_words, load
from pipeline.extract.sentences import split_sentences
from pipeline.methods import Stated, counted_noun

# A word of a name: capitalised, maybe with hyphens and an apostrophe ("Harris-Interactive",
# "L'Observatoire"), or an acronym with an ampersand ("R&D").
_CAPITALISED = r"(?:[A-ZÀ-Ý][\w'’&-]*)"
_LOWER = r"(?:[a-zà-ÿ][\w'’-]*)"
# The spaces between the words of a name, on one line ("un sondage Ipsos\nUn Français …").
_GAP = r"[ \u00a0\u202f]+"
# The acronym in brackets after a name, with up to twelve lowercase words between:
# "Observatoire de la vie étudiante (OVE)", "Club des experts de la sécurité … (Cesin)".
_ACRONYM = re.compile(r"(?:\s+[a-zà-ÿ'’-]+){0,12}\s*\(([A-Z][A-Za-z0-9&-]{1,9})\)")
# A number in digits, and one at the start of words.
_NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f .'’]*\d)?")
_LEADING_NUMBER = re.compile(r"\A\s*\d[\d\u00a0\u202f .]*")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    methods = load("methods")
    producer, mode = methods["producer"], methods["collection_mode"]
    verb = alternation(load("bases")["verb_prefixes"])  # "s'établit", "n'a", "qu'il"
    return {
        "producer": re.compile(
            rf"(?<!\w){alternation(producer['before'])}\s+"
            rf"(?:{alternation(producer['adjectives'])}\s+)?"  # "l'étude annuelle de …"
            rf"(?:{alternation(producer['articles'])}(?:(?<=['’])|\s+))?"
            rf"(?-i:(?P<name>{_CAPITALISED}(?:{_GAP}(?:{_LOWER}{_GAP})?{_CAPITALISED})*))",
            re.I,
        ),
        "institution": re.compile(
            rf"(?:{_GAP}(?!{verb})[\w'’-]+){{0,{int(producer['institution_words'])}}}?"
            rf"(?={_GAP}{alternation(producer['institution_ends'])}(?![\w'’])"
            rf"|{_GAP}{verb}|\s*[,.;:()\n]|\Z)"  # not "… de l'énergie s'établit"
        ),
        "of_producer": re.compile(
            rf"{_GAP}{alternation(producer['of_producer'])}(?:(?<=['’])|{_GAP})"
            rf"(?P<name>{_CAPITALISED}(?:{_GAP}{_CAPITALISED})*)"
        ),
        "target": re.compile(
            rf"(?<!\w){alternation(methods['target_population']['before'])}(?![\w'’])", re.I
        ),
        "stop": re.compile(
            rf"(?<![\w'’]){alternation(methods['target_population']['stop_words'])}(?![\w'’])",
            re.I,
        ),
        "second_sample": re.compile(
            rf"\s+{alternation(methods['target_population']['second_sample'])}"
            rf"(?:(?<=['’])|\s+)\d"
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
    not_names = {fold(n) for n in lex["not_names"]}
    for found in _patterns()["producer"].finditer(text):
        words = found.group("name").split()
        if any(c.isdigit() for c in words[0]):
            continue  # "Baromètre T3 2024": a quarter, no name
        # a lowercase word joins two capitalised ones, never a function word ("Ifop pour Le
        # Monde" is Ifop)
        for i, word in enumerate(words):
            if fold(word) in function_words():
                words = words[:i]
                break
        name = " ".join(words[: int(lex["max_words"])])
        acronym = _ACRONYM.match(text, found.end("name"))
        if acronym:  # "du Syndicat neutre pour indépendants (SNI)": SNI
            return acronym.group(1)
        if of := _patterns()["of_producer"].match(text, found.end("name")):
            name = of.group("name")  # "l'enquête Emploi de l'Insee": Insee
        elif words and words[0] in lex["institutions"]:  # "du Centre national du livre"
            rest = _patterns()["institution"].match(text, found.start("name") + len(words[0]))
            name = words[0] + (rest.group() if rest else "")
        if name and fold(name) not in not_names:
            return name
    return None


def target_population(text: str, stated: list[Stated]) -> str | None:
    """The words that say whom the survey asked, in the sentence of its sample size: after
    "représentatif de" ("la population française âgée de 18 ans et plus"), else after the
    sample size's number ("salariés de la métropole" of "auprès de 1 204 salariés de la
    métropole, …"); None when the text says neither."""
    sentences = split_sentences(text)
    for size in (s for s in stated if s.attribute == "sample_size"):
        start, end = next(((a, b) for a, b in sentences if a <= size.char_start < b), (0, 0))
        found = _patterns()["target"].search(text, start, end)
        numbers = list(_NUMBER.finditer(text, size.char_start, size.char_end))
        after = found.end() if found else numbers[-1].end() if numbers else None
        if after is not None and (phrase := _phrase(text, after, end)):
            return phrase
    return None


def _phrase(text: str, start: int, end: int) -> str | None:
    """The words from `start` to the next comma, full stop, bracket, colon, stop word or date,
    without a number at their start ("1 005 Français âgés de 18 ans": Français …)."""
    limit = min(end, start + int(load("methods")["target_population"]["max_chars"]))
    words = re.match(r"[^,.;:()\n]*", text[start:limit]).group()
    stop = _patterns()["stop"].search(words)
    words = words[: stop.start()] if stop else words
    dates = [m.start for m in extract_mentions(words) if m.kind in ("date", "period")]
    words = words[: dates[0]] if dates else words  # "dirigeants entre le 20 juin et …"
    second = _patterns()["second_sample"].search(words)
    words = words[: second.start()] if second else words  # "… du privé et de 402 dirigeants"
    words = _LEADING_NUMBER.sub("", words).strip().split()
    trailing = {fold(w) for w in load("methods")["target_population"]["trailing"]}
    while words and fold(words[-1]) in trailing:  # "… d'information en [décembre 2024]"
        words.pop()
    return " ".join(words) or None


def collection_mode(text: str) -> str | None:
    """How the survey collected its answers, when the text says it once ("L'enquête a été
    menée en ligne": online); None when it says nothing or several modes."""
    found = {name for name, pattern in _patterns()["modes"].items() if pattern.search(text)}
    return found.pop() if len(found) == 1 else None


def sample_unit(text: str, stated: list[Stated]) -> str | None:
    """The noun the sample size counts, written right after its number ("auprès de 1 020
    personnes", "1 600 dirigeants interrogés": personnes, dirigeants), when the text states
    one sample size with one such noun."""
    units = set()
    for size in (s for s in stated if s.attribute == "sample_size"):
        numbers = list(_NUMBER.finditer(text, size.char_start, size.char_end))
        noun = numbers and counted_noun(text, numbers[-1].end())  # the size is the last
        if noun:
            units.add(noun.group(1))
    return units.pop() if len(units) == 1 else None
