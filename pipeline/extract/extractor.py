"""Find every numeric mention in a French text: recognize, resolve overlaps, then read context."""

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.extract.composed import Composed, compose, is_plain
from pipeline.extract.dates import find_dates
from pipeline.extract.directions import sign_points
from pipeline.extract.durations import find_parts_of_hour
from pipeline.extract.hedges import attach_hedges
from pipeline.extract.lexical import find_lexical
from pipeline.extract.lexicon import load
from pipeline.extract.masks import masked_spans, outside
from pipeline.extract.mention import Candidate, Mention
from pipeline.extract.names import find_hyphenated, find_identifiers
from pipeline.extract.numerals import find_numerals
from pipeline.extract.quantities import find_quantities
from pipeline.extract.ranges import carry_contrasted_units, join_ranges
from pipeline.extract.resolve import resolve
from pipeline.extract.sentences import sentence_index, split_sentences


def _mention(text: str, c: Candidate, sentence: tuple[int, int]) -> Mention:
    has_qualifier = c.qualifier_start is not None
    return Mention(
        start=c.start,
        end=c.end,
        surface=text[c.start : c.end],
        kind=c.kind,
        value=c.value,
        approx=c.approx,
        qualifier=text[c.qualifier_start : c.qualifier_end] if has_qualifier else None,
        qualifier_start=c.qualifier_start,
        qualifier_end=c.qualifier_end,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
    )


def _inside(c: Candidate, span: tuple[int, int]) -> bool:
    return span[0] <= c.start and c.end <= span[1]


def extract_mentions(text: str) -> list[Mention]:
    """Numeric mentions in `text`, sorted by start, never overlapping.

    A text written in decomposed Unicode is read composed (NFC) and without its invisible
    characters (a soft hyphen, a zero-width space), and an apostrophe that is a letter to the
    regex engine ("dʼun", U+02BC) as the typographic one; offsets and surfaces are those of
    `text` as it is."""
    read = plain_apostrophes(text)
    if is_plain(read):
        mentions = _extract(read)
        same = Composed(read, read)  # one character for one: the offsets stay
        return mentions if read is text else [_in_original(same, m, text) for m in mentions]
    composed = compose(read)
    return [_in_original(composed, m, text) for m in _extract(composed.text)]


@lru_cache(maxsize=1)
def _letter_apostrophes() -> dict[int, str]:
    """The apostrophes of the lexicon that regexes read as letters (U+02BC), → '’'."""
    apostrophes = load("numbers")["typography"]["apostrophes"]
    return {ord(a): "’" for a in apostrophes if re.match(r"\w", a)}


def plain_apostrophes(text: str) -> str:
    """`text` with its letter-like apostrophes written '’': the same length, so the same
    offsets; `text` itself when it has none."""
    table = _letter_apostrophes()
    return text.translate(table) if any(chr(c) in text for c in table) else text


def _in_original(composed: Composed, m: Mention, original: str | None = None) -> Mention:
    start, end = composed.start(m.start), composed.end(m.end)
    has_qualifier = m.qualifier_start is not None
    q_start = composed.start(m.qualifier_start) if has_qualifier else None
    q_end = composed.end(m.qualifier_end) if has_qualifier else None
    text = composed.original if original is None else original
    return replace(
        m,
        start=start,
        end=end,
        surface=text[start:end],
        qualifier=text[q_start:q_end] if has_qualifier else None,
        qualifier_start=q_start,
        qualifier_end=q_end,
        sentence_start=composed.start(m.sentence_start),
        sentence_end=composed.end(m.sentence_end),
    )


def _extract(text: str) -> list[Mention]:
    sentences = split_sentences(text) or [(0, len(text))]
    starts = [s for s, _ in sentences]

    def sentence_of(c: Candidate) -> tuple[int, int]:
        return sentences[sentence_index(starts, c.start)]

    numerals = find_numerals(text)
    found = [
        *find_dates(text),
        *find_parts_of_hour(text),
        *find_lexical(text, numerals),
        *find_hyphenated(text),
        *find_identifiers(text),
        *find_quantities(text, numerals),
    ]
    masked = masked_spans(text)
    # A candidate that runs over a sentence end (a phrase matched across a line break) is dropped
    # before overlaps are decided, so that its parts can still be read.
    found = [c for c in found if _inside(c, sentence_of(c)) and outside(masked, c.start, c.end)]
    chosen = resolve(found)
    spans = [sentence_of(c) for c in chosen]
    join_ranges(text, chosen, [e for _, e in spans])
    carry_contrasted_units(text, chosen, [s for s, _ in spans])
    attach_hedges(text, chosen, spans)
    sign_points(text, chosen, spans)
    return [_mention(text, c, span) for c, span in zip(chosen, spans, strict=True)]
