"""Draft annotations for a new source: one pre-filled entry per number nobody has mapped yet."""

import re
from typing import NamedTuple

from pipeline.derive.lexicon import Entry, claim_rule
from pipeline.extract import Mention
from pipeline.extract.directions import direction_after, direction_before, written_with_sign
from pipeline.extract.measures import written_unit
from pipeline.extract.parse import unit_in_quote
from schemas.units import WRITTEN

# Written where a curator has to decide; the build refuses a file that still holds it.
TODO = "TODO"
# The unit a mention of each kind most likely has; "number" (an index, a score) is the
# curator's call on a bare number, and so is a count.
UNIT_OF_KIND = {
    "percent": "percent",
    "ratio": "percent",
    "fraction": "percent",
    "count": "count",
    "money": "euro",
    "points": "points",
    "score": "number",
}


class Quoted(NamedTuple):
    """A curated observation and the span of its quote."""

    entry_id: str
    char_start: int
    char_end: int


# Characters before and after a number read with it for its unit: "entre " before a range's
# first bound, the second bound and its unit after it ("10" of "entre 10 et 15 kilomètres").
AROUND = (12, 60)

# A signed number right after a percent ("27 %, +3", "34 % (-2"): a change in points.
AFTER_A_PERCENT = re.compile(r"%\s*[,;(]?\s*\Z")

# The unit of a change of each kind of mention, signed by a word next to it ("recul de 38 %",
# "5 points de moins"); points before a word of change are signed by the extractor.
CHANGES = {"percent": "percent_change", "points": "points"}


def proposed_unit(m: Mention, text: str) -> str | None:
    """The unit an observation of this mention most likely has: by its kind, or for a
    duration or a measure ("41 minutes", "4 h 12", "69 hectares") the unit it is written in,
    by the range's second bound for a first one ("10" of "de 10 à 15 km"); None if it has
    none."""
    if m.kind == "other":
        written = written_unit(m.surface)
        if written is None:  # read with the words around it, within its sentence
            lo = max(m.sentence_start, m.start - AROUND[0])
            hi = min(m.sentence_end, m.end + AROUND[1])
            written = unit_in_quote(text[lo:hi], m.start - lo, m.end - lo)
        return written if written in WRITTEN else None
    return UNIT_OF_KIND.get(m.kind)


def _observation_template(m: Mention, text: str, unit: str) -> dict:
    value, number_text = m.value, m.surface
    before = direction_before(text, m.start) if m.kind == "percent" else None
    after = direction_after(text, m.end) if m.kind in CHANGES and not before else None
    if m.kind == "percent" and m.value < 0:  # "-3,5 %" is no share
        unit = "percent_change"
    elif m.kind == "count" and written_with_sign(m.surface):  # no count is written "+3"
        unit = "points" if AFTER_A_PERCENT.search(text, max(0, m.start - 12), m.start) else "number"
    elif before or after:  # "recul de 38 %", "38 % de baisse": a change, signed by its word
        sign, start, end = (*before, m.end) if before else (after[0], m.start, after[1])
        unit, value, number_text = CHANGES[m.kind], sign * abs(m.value), text[start:end]
    return {
        "id": f"todo_{m.start}",
        "variable_id": TODO,
        "category_id": TODO,
        "population_id": TODO,
        "value": value,
        "unit": unit,
        "quote": text[m.sentence_start : m.sentence_end],
        "char_start": m.sentence_start,
        "char_end": m.sentence_end,
        "number_text": number_text,
        **({"qualifier": m.qualifier} if m.qualifier else {}),
    }


def claim_template(
    m: Mention, text: str, lexicon: dict[str, Entry], shares: list[Quoted] = ()
) -> dict | None:
    """A claim citing a share written in words ("Un tiers (33 %)", "Près d'un quart"), with
    the lexicon rule that reads it; None for another kind of mention or without a rule.

    It describes the one curated share (`shares`: percent observations and their quotes)
    whose quote holds the words, if exactly one does; else the curator names it (TODO)."""
    rule = claim_rule(m.surface, m.qualifier, m.kind, m.value, lexicon)
    if rule is None:
        return None
    start = m.start if m.qualifier_start is None else min(m.start, m.qualifier_start)
    holding = [q.entry_id for q in shares if q.char_start <= start and m.end <= q.char_end]
    return {
        "id": f"todo_{m.start}",
        "quote": text[start : m.end],
        "char_start": start,
        "char_end": m.end,
        "rule": rule,
        "observations": holding if len(holding) == 1 else [TODO],
    }


def draft_entry(
    m: Mention, text: str, lexicon: dict[str, Entry] | None = None, shares: list[Quoted] = ()
) -> dict:
    """What the extractor knows of one mention, and a template of the annotation it needs:
    an observation, a claim (with the claims `lexicon`, describing one of the curated
    `shares`) or an ignore entry."""
    entry = {
        "surface": m.surface,
        "kind": m.kind,
        "value": m.value,
        "approx": m.approx,
        "qualifier": m.qualifier,
        "char_start": m.start,
        "char_end": m.end,
        "sentence": text[m.sentence_start : m.sentence_end],
    }
    unit = proposed_unit(m, text)
    if unit is not None and isinstance(m.value, float):
        entry["as_observation"] = _observation_template(m, text, unit)
    claim = claim_template(m, text, lexicon, shares) if lexicon else None
    if claim is not None:
        entry["as_claim"] = claim
    entry["as_ignore"] = {
        "quote": m.surface,
        "char_start": m.start,
        "char_end": m.end,
        "reason": f"{TODO}: why this number is not a survey figure",
    }
    return entry


def unaccounted(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions that no annotated span (observation number, attribute, claim, ignore) overlaps."""
    return [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]
