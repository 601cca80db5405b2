"""Attach to each mention the qualifier written next to it ("près d’", "plus de", "ou plus")."""

import re
from functools import lru_cache

from pipeline.extract.lexicon import alternation, fold, load, phrase, typography
from pipeline.extract.mention import Candidate


def _variants(words: str) -> list[str]:
    """Regex sources for a qualifier and its elided form ("près de" → also "près d'")."""
    apos = typography()["apos"]
    out = [phrase(words)]
    for full, elided in ((" de", "d"), (" que", "qu")):
        if words.endswith(full):
            out.append(phrase(words[: -len(full)]) + rf"\s+{elided}{apos}")
    return out


# Qualifiers fall in three groups: `near` (approximately), `bound` (other hedges), `exact`.
# Dates, periods and years only take `near` ones ("vers le 20 juin", not "jusqu'à fin mai").
TIME_KINDS = {"date", "period", "year"}


def _group(entries: list[dict], group: str) -> str:
    def group_of(e: dict) -> str:
        return (
            "exact" if not e["approx"] else "near" if e["meaning"] == "approximately" else "bound"
        )

    chosen = sorted((e["words"] for e in entries if group_of(e) == group), key=len, reverse=True)
    return "|".join(v for words in chosen for v in _variants(words)) or "(?!)"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    hedges = load("hedges")
    before, after = hedges["before"], hedges["after"]
    apos = typography()["apos"]
    after_words = alternation(h["words"] for h in after)
    ends_after = r"(?!\w)(?!\s+(?:de\b|d['’]|\d))"
    return {
        "before": re.compile(
            rf"(?<![\w-])(?:(?P<near>{_group(before, 'near')})|(?P<bound>{_group(before, 'bound')})"
            rf"|(?P<exact>{_group(before, 'exact')}))"
            rf"(?:(?<={apos})\s*|\s+)\Z",
            re.I,
        ),
        "article": re.compile(rf"(?<!\w)(?:le|la|l{apos})\s*\Z", re.I),
        "after": re.compile(
            rf"[ \u00a0\u202f]*,?[ \u00a0\u202f]*(?P<bound>{after_words}){ends_after}", re.I
        ),
        "after_noun": re.compile(rf"\s+[^\W\d_]+\s+(?P<bound>{after_words}){ends_after}", re.I),
    }


@lru_cache(maxsize=1)
def _only() -> dict[str, set[str]]:
    """Qualifiers that apply to some kinds of mention only, by their words ("plus des")."""
    return {
        " ".join(fold(h["words"]).split()): set(h["only"])
        for h in load("hedges")["before"]
        if "only" in h
    }


def attach_hedges(text: str, candidates: list[Candidate], sentences: list[tuple[int, int]]) -> None:
    """Set qualifier offsets and approx in place; `sentences[i]` is candidate i's sentence."""
    p = _patterns()
    previous_end = 0
    for c, (s_start, s_end) in zip(candidates, sentences, strict=True):
        lo = max(s_start, previous_end, c.start - 60)
        previous_end = c.end
        if c.qualifier_start is not None:
            continue
        head = c.start
        if c.kind in TIME_KINDS:  # "vers le 20 juin": the article sits between
            article = p["article"].search(text, lo, c.start)
            head = article.start() if article else head
        m = p["before"].search(text, lo, head)
        if m is None and c.kind not in TIME_KINDS:
            m = p["after"].match(text, c.end, s_end)
            if m is None and c.kind == "count" and c.bare:
                m = p["after_noun"].match(text, c.end, s_end)
        if m is None or (c.kind in TIME_KINDS and m.lastgroup != "near"):
            continue
        only = _only().get(" ".join(fold(m.group(m.lastgroup)).split()))
        if only is not None and c.kind not in only:
            continue
        c.qualifier_start, c.qualifier_end = m.span(m.lastgroup)
        c.approx = c.approx or m.lastgroup != "exact"
