"""Attach to each mention the qualifier written next to it ("près d’", "plus de", "ou plus")."""

import re
from functools import lru_cache

from pipeline.extract.lexicon import alternation, char_class, fold, load, phrase, typography
from pipeline.extract.mention import Candidate


def _variants(words: str) -> list[str]:
    """Regex sources for a qualifier and its elided form ("près de" → also "près d'")."""
    apos = typography()["apos"]
    out = [phrase(words)]
    for full, elided in ((" de", "d"), (" que", "qu")):
        if words.endswith(full):
            out.append(phrase(words[: -len(full)]) + rf"\s+{elided}{apos}")
    return out


def _de(entries: list[dict]) -> list[dict]:
    """The qualifiers ending in "de", without it ("près de" → "près")."""
    return [{**e, "words": e["words"][:-3]} for e in entries if e["words"].endswith(" de")]


# Kinds of mention a qualifier before "du" applies to: "près du tiers", "plus du double".
DU_KINDS = {"fraction", "ratio"}
_DU = re.compile(r"du\s", re.I)


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
    idioms = alternation(hedges["idioms_after"])
    ends_after = rf"(?!\w)(?!\s+(?:de\b|d['’]|\d|{idioms}(?!\w)))"
    # A sign ("≈", ">") may be glued to the number, as an apostrophe is ("près d'un").
    signs = [h["words"] for h in before if not re.search(r"\w", h["words"])]
    glued = char_class(load("numbers")["typography"]["apostrophes"] + signs)
    return {
        "before": re.compile(
            rf"(?<![\w-])(?:(?P<near>{_group(before, 'near')})|(?P<bound>{_group(before, 'bound')})"
            rf"|(?P<exact>{_group(before, 'exact')}))"
            rf"(?:(?<={glued})\s*|\s+)\Z",
            re.I,
        ),
        "article": re.compile(rf"(?<!\w)(?:le|la|l{apos})\s*\Z", re.I),
        # "près du tiers", "plus du double": a qualifier ending in "de" before "du" (de + le).
        "before_du": re.compile(
            rf"(?<![\w-])(?:(?P<near>{_group(_de(before), 'near')})"
            rf"|(?P<bound>{_group(_de(before), 'bound')}))\s+(?P<du>du\s+)?\Z",
            re.I,
        ),
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
        if m is None and (c.kind in DU_KINDS or c.unit == "times"):
            m = _before_du(text, lo, c.start)
        if m is None and c.kind not in TIME_KINDS:
            m = p["after"].match(text, c.end, s_end)
            if m is None and c.kind == "count" and c.bare:
                m = p["after_noun"].match(text, c.end, s_end)
        if m is None:
            continue
        group = next(g for g in ("near", "bound", "exact") if m.groupdict().get(g))
        if c.kind in TIME_KINDS and group != "near":
            continue
        only = _only().get(" ".join(fold(m.group(group)).split()))
        if only is not None and c.kind not in only:
            continue
        c.qualifier_start = m.start(group)
        du = m.groupdict().get("du")  # "plus du double": the qualifier as written
        c.qualifier_end = m.start("du") + len("du") if du else m.end(group)
        c.approx = c.approx or group != "exact"


def _before_du(text: str, lo: int, start: int) -> re.Match | None:
    """A qualifier ending in "de" written before "du" and the mention ("plus du double"), or
    before a mention that starts with "du" ("près du tiers")."""
    m = _patterns()["before_du"].search(text, lo, start)
    if m is None:
        return None
    if m.group("du") is None and not _DU.match(text, start):
        return None  # "près tiers": no "du" on either side
    return m
