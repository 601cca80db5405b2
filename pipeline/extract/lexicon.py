"""Load the French lexicons (raw/lexicon/fr_*.yml) and turn their phrases into regex sources."""

import re
from functools import cache, lru_cache
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).resolve().parents[2] / "raw" / "lexicon"


@cache
def load(name: str) -> dict:
    """The parsed `raw/lexicon/fr_{name}.yml`."""
    return yaml.safe_load((LEXICON_DIR / f"fr_{name}.yml").read_text(encoding="utf-8"))


def char_class(chars: list[str]) -> str:
    """A regex character class matching any of `chars`."""
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@lru_cache(maxsize=1)
def typography() -> dict[str, str]:
    """Character classes for spaces, apostrophes, hyphens, dashes and signs; the alternation of
    the signs of a margin ("±")."""
    typo = load("numbers")["typography"]
    return {
        "group": char_class(typo["group_separators"]),
        "apos": char_class(typo["apostrophes"]),
        "hyphen": char_class(typo["hyphens"]),
        "dash": char_class(typo["range_dashes"]),
        "plus": char_class(typo["plus_signs"]),
        "minus": char_class(typo["minus_signs"]),
        "sign": char_class(typo["plus_signs"] + typo["minus_signs"]),
        "plus_minus": "|".join(
            map(re.escape, sorted(typo["plus_minus_signs"], key=len, reverse=True))
        ),
    }


def phrase(words: str) -> str:
    """Regex source for a written phrase: any spacing, either apostrophe, any hyphen."""
    typo = typography()
    out = []
    for ch in words:
        if ch == " ":
            out.append(r"\s+")
        elif re.fullmatch(typo["apos"], ch):
            out.append(typo["apos"] + r"\s*")
        elif re.fullmatch(typo["hyphen"], ch):
            out.append(typo["hyphen"])
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alternation(phrases) -> str:
    """Regex source matching any of `phrases`, longest first so the longest written one wins."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase(p) for p in ordered) + ")"


@lru_cache(maxsize=1)
def _apostrophes() -> dict[int, str]:
    return {ord(ch): "'" for ch in load("numbers")["typography"]["apostrophes"]}


def straighten(text: str) -> str:
    """`text` with every apostrophe of the lexicon ("’", "ʼ"…) written "'"."""
    return text.translate(_apostrophes())


def fold(word: str) -> str:
    """A word as looked up in the lexicons: lowercase, straight apostrophe."""
    return straighten(word.lower())


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The function words of fr_numbers.yml, folded: articles, prepositions, conjunctions."""
    return frozenset(fold(w) for w in load("numbers")["function_words"])


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word the lexicons give a role to: such a word before a number is not a name."""
    numbers, months, fractions, hedges = (
        load(n) for n in ("numbers", "months", "fractions", "hedges")
    )
    phrases = [
        *numbers["words"],
        *numbers["function_words"],
        *numbers["years"]["cues"],
        *(w for words in numbers["units"]["durations"].values() for w in words),
        *numbers["multiplier_words"],
        *(form for forms in months["months"].values() for form in forms),
        *months["parts"],
        *fractions["shares"],
        *fractions["determiners"],
        *(h["words"] for section in ("before", "after", "adjectives") for h in hedges[section]),
        *hedges["directions"]["up"],
        *hedges["directions"]["down"],
    ]
    return frozenset(fold(w) for p in phrases for w in re.split(r"[\s']+", str(p)) if w)
