"""The Mention record returned to callers, and the Candidate the recognizers build it from."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """One number written in a text, with its kind, value, qualifier and sentence."""

    start: int
    end: int
    surface: str
    kind: str
    value: float | str | None
    approx: bool
    qualifier: str | None
    qualifier_start: int | None
    qualifier_end: int | None
    sentence_start: int
    sentence_end: int

    def to_dict(self, text: str | None = None) -> dict:
        """JSON-ready fields; with `text`, also the sentence the mention is in."""
        out = {
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "kind": self.kind,
            "value": self.value,
            "approx": self.approx,
            "qualifier": self.qualifier,
            "qualifier_start": self.qualifier_start,
            "qualifier_end": self.qualifier_end,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
        }
        if text is not None:
            out["sentence"] = text[self.sentence_start : self.sentence_end]
        return out


@dataclass(slots=True)
class Candidate:
    """A possible mention; recognizers propose them, later passes refine the chosen ones."""

    start: int
    end: int
    kind: str
    value: float | str | None
    priority: int  # lower wins an overlap: dates 0, word phrases 1, units 2, bare numbers 3
    bare: bool = False  # a number without unit: the second bound of a range may give it one
    scale: float = 1.0  # the scale word it carries ("millions"), passed to a range's first bound
    unit: str | None = None  # percent|money|points|duration|times|ordinal|scale: what gave the kind
    approx: bool = False
    qualifier_start: int | None = None
    qualifier_end: int | None = None
    joined_to_previous: bool = False  # second bound of a range
