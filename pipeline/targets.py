"""Numbers of a target ("loin de l'objectif de 20 % fixé par la loi", "le gouvernement vise
50 %"): what someone aims at, not what was found (raw/lexicon/fr_numbers.yml: targets)."""

import re
from functools import lru_cache

from pipeline.extract import Mention
from pipeline.extract.lexicon import alternation, load

# How far before a number the words of its target are looked for, in characters.
BEFORE_CHARS = 40


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lex = load("numbers")["targets"]

    def right_before(words: list[str]) -> re.Pattern:  # "l'objectif de " too
        return re.compile(rf"(?<![\w-]){alternation(words)}(?:(?<=['’])|\s+)\Z", re.I)

    return {
        "before": right_before(lex["before"]),
        "reach": right_before(lex["reach"]),
        "aims": re.compile(rf"(?<![\w-]){alternation(lex['aims'])}(?![\w-])", re.I),
        "noun": re.compile(
            rf"(?<![\w-]){alternation(lex['nouns'])}(?:\s+[^\W\d_][\w-]*){{1,{int(lex['gap_words'])}}}"
            rf"\s+(?:de\s+|d['’]\s*)\Z",
            re.I,
        ),
    }


def target_of(m: Mention, text: str) -> str | None:
    """The words that make `m` a target, from them to the number, else None."""
    p = _patterns()
    head = m.qualifier_start if m.qualifier_start is not None else m.start
    lo = max(m.sentence_start, head - BEFORE_CHARS)
    if found := p["before"].search(text, lo, head) or p["noun"].search(text, lo, head):
        return text[found.start() : m.end]
    reach = p["reach"].search(text, lo, head)
    if reach and p["aims"].search(text, m.sentence_start, reach.start()):
        return text[reach.start() : m.end]
    return None


def target_reason(words: str) -> str:
    """The reason an ignore entry of a target gives."""
    return load("numbers")["targets"]["reason"].format(words=" ".join(words.split()))
