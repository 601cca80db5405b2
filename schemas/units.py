"""The units a published figure can have: fact_observation.unit and an annotation's `unit`."""

# unit → what a value in that unit is.
UNITS = {
    "percent": "a share of the base population in percent (53.0 for '53 %')",
    "count": "a number of people or things (1600.0 for '1 600 dirigeants')",
    "euro": "an amount in euros (2150.0 for '2 150 euros', 150000000.0 for '150 M€')",
    "percent_change": "a relative change in percent, signed by its wording (-38.0 for 'un "
    "recul de 38 %'), may be negative or above 100",
    "points": "percentage points: a balance of opinion or a change of a share, may be negative",
    "number": "a number without unit: an index, a score or a mean, may be negative",
}
# The kinds of written number (fact_mention.kind) that can state a figure of each unit.
KINDS_FOR_UNIT = {
    "percent": {"percent", "ratio", "fraction"},
    "count": {"count"},
    "euro": {"money"},
    "percent_change": {"percent"},
    "points": {"points"},
    "number": {"count", "score"},
}
# Units whose values are never negative.
NON_NEGATIVE = ("percent", "count")
# Units whose sign is in the words before the number ("recul de 38 %"), which the mention of
# the number alone does not carry: a quote states such a figure when it states its size.
SIGNED_BY_WORDING = ("percent_change",)
# How a value of each unit is written after its number in the release's texts.
SYMBOLS = {"percent": "%", "percent_change": "%", "euro": " €", "points": " pts"}


def with_unit(text: str, unit: str) -> str:
    """A number as text followed by its unit's symbol: '53%', '2150 €', '-6 pts', '1600'."""
    return text + SYMBOLS.get(unit, "")
