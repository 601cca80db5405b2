"""The units a published figure can have: fact_observation.unit and an annotation's `unit`."""

# unit → what a value in that unit is.
UNITS = {
    "percent": "a share of the base population in percent (53.0 for '53 %')",
    "count": "a number of people or things (1600.0 for '1 600 dirigeants')",
    "euro": "an amount in euros (2150.0 for '2 150 euros', 150000000.0 for '150 M€')",
    "percent_change": "a relative change in percent, signed by its wording (-38.0 for 'un "
    "recul de 38 %'), may be negative or above 100",
    "points": "percentage points: a balance of opinion or a change of a share, signed by its "
    "wording ('recul de 6 points' and '6 points de moins' are -6), may be negative",
    "number": "a number without unit: an index, a score or a mean, may be negative",
    "minutes": "a duration in minutes (41.0 for '41 minutes', 252.0 for '4 h 12')",
    "hours": "a duration in hours (5.0 for '5 heures' or '5 h')",
    "days": "a duration in days (80.0 for '80 jours')",
    "weeks": "a duration in weeks (6.0 for 'six semaines')",
    "months": "a duration in months (18.0 for '18 mois')",
    "years": "a duration or an age in years (52.0 for '52 ans')",
}
# Units of time: a figure in one of them is written with that unit ('41 minutes', '4 h 12'),
# and the words of each are in raw/lexicon/fr_numbers.yml (units: durations, clock).
DURATIONS = ("minutes", "hours", "days", "weeks", "months", "years")
# Units that measure one quantity, each as a multiple of the group's first: two sources that
# state a figure in two of them are compared after conversion ('4 heures', [210, 270) minutes,
# agrees with '4h12', 252 minutes). Days and months are not exact multiples of one another.
COMMENSURABLE = (
    {"minutes": 1, "hours": 60, "days": 1440, "weeks": 10080},
    {"months": 1, "years": 12},
)


def comparable(unit: str, low: float, high: float) -> tuple[str, float, float]:
    """An interval in `unit` as (unit, low, high) in the first unit of its group, for
    comparing figures stated in different units of one quantity; other units as they are."""
    for group in COMMENSURABLE:
        if unit in group:
            factor = group[unit]
            return next(iter(group)), low * factor, high * factor
    return unit, low, high


# The kinds of written number (fact_mention.kind) that can state a figure of each unit.
KINDS_FOR_UNIT = {
    "percent": {"percent", "ratio", "fraction"},
    "count": {"count"},
    "euro": {"money"},
    "percent_change": {"percent"},
    "points": {"points"},
    "number": {"count", "score"},
    **{unit: {"other"} for unit in DURATIONS},
}
# Units whose values are never negative.
NON_NEGATIVE = ("percent", "count")
# Units whose sign is in the words next to the number ("recul de 38 %", "5 points de moins"),
# which the mention of the number alone may not carry: a quote states such a figure when it
# states its size, and the number check reads its sign from those words.
SIGNED_BY_WORDING = ("percent_change", "points")
# How a value of each unit is written after its number in the release's texts.
SYMBOLS = {
    "percent": "%",
    "percent_change": "%",
    "euro": " €",
    "points": " pts",
    "minutes": " min",
    "hours": " h",
    "days": " days",
    "weeks": " weeks",
    "months": " months",
    "years": " years",
}


def with_unit(text: str, unit: str) -> str:
    """A number as text followed by its unit's symbol: '53%', '2150 €', '-6 pts', '1600'."""
    return text + SYMBOLS.get(unit, "")
