"""The units a published figure can have: fact_observation.unit and an annotation's `unit`."""

# unit → what a value in that unit is.
UNITS = {
    "percent": "a share of the base population in percent (53.0 for '53 %')",
    "percent_of_quantity": "a share of a quantity in percent, not of people: of sales, "
    "income, a market or a budget (35.6 for '35,6 % des ventes'); no respondent count or "
    "sampling interval is derived from it",
    "percent_rate": "a rate or a ratio in percent that is no share of the people of a base: an "
    "interest or tax rate (3.18 for 'un taux de 3,18 %', 20.0 for 'une TVA à 20 %') or a ratio "
    "to a quantity, which may exceed 100 (110.6 for 'une dette de 110,6 % du PIB', 130.9 for "
    "'une densité carcérale de 130,9 %'); may be negative (a real interest rate)",
    "count": "a number of people or things (1600.0 for '1 600 dirigeants')",
    "euro": "an amount in euros (2150.0 for '2 150 euros', 150000000.0 for '150 M€')",
    "us_dollar": "an amount in US dollars (1300000000000.0 for '1 300 milliards de dollars')",
    "canadian_dollar": "an amount in Canadian dollars (55000.0 for '55 000 $' in a Quebec "
    "daily, '55 000 $ CA')",
    "pound_sterling": "an amount in pounds sterling (40000.0 for '40 000 £')",
    "swiss_franc": "an amount in Swiss francs (12.0 for '12 CHF' or '12 francs')",
    "cfa_franc": "an amount in CFA francs (5000.0 for '5 000 FCFA')",
    "moroccan_dirham": "an amount in Moroccan dirhams (13500.0 for '13 500 dirhams' or "
    "'13 500 DH')",
    "algerian_dinar": "an amount in Algerian dinars (20000.0 for '20 000 DA')",
    "tunisian_dinar": "an amount in Tunisian dinars (450.0 for '450 DT')",
    "japanese_yen": "an amount in Japanese yen (4200.0 for '4 200 yens')",
    "chinese_yuan": "an amount in Chinese yuan (2500.0 for '2 500 yuans')",
    "indian_rupee": "an amount in Indian rupees (783.0 for '783 roupies')",
    "cfp_franc": "an amount in CFP francs, of New Caledonia, French Polynesia and Wallis and "
    "Futuna (80000.0 for '80 000 francs CFP' or '80 000 XPF')",
    "congolese_franc": "an amount in Congolese francs (3500.0 for '3 500 francs congolais')",
    "guinean_franc": "an amount in Guinean francs (250000.0 for '250 000 francs guinéens')",
    "rwandan_franc": "an amount in Rwandan francs (500.0 for '500 francs rwandais')",
    "burundian_franc": "an amount in Burundian francs (2000.0 for '2 000 francs burundais')",
    "malagasy_ariary": "an amount in Malagasy ariary (250000.0 for '250 000 ariary')",
    "haitian_gourde": "an amount in Haitian gourdes (1500.0 for '1 500 gourdes haïtiennes' or "
    "'1 500 HTG')",
    "percent_change": "a relative change in percent, signed by its wording (-38.0 for 'un "
    "recul de 38 %'), may be negative or above 100",
    "points": "percentage points: a balance of opinion or a change of a share, signed by its "
    "wording ('recul de 6 points' and '6 points de moins' are -6) or by the sign written after "
    "a poll score ('27 % (+3)' is 3), may be negative",
    "number": "a number without unit: an index, a score or a mean, may be negative; a score "
    "written in points is one too (474.0 for 'un score moyen de 474 points')",
    "seconds": "a duration in seconds (2.5 for '2,5 secondes')",
    "minutes": "a duration in minutes (41.0 for '41 minutes', 252.0 for '4 h 12')",
    "hours": "a duration in hours (5.0 for '5 heures' or '5 h')",
    "days": "a duration in days (80.0 for '80 jours')",
    "weeks": "a duration in weeks (6.0 for 'six semaines')",
    "months": "a duration in months (18.0 for '18 mois')",
    "years": "a duration or an age in years (52.0 for '52 ans')",
    "millimetres": "a length in millimetres (8.0 for '8 mm')",
    "centimetres": "a length in centimetres (172.0 for '172 cm')",
    "metres": "a length in metres (150.0 for '150 mètres')",
    "kilometres": "a distance in kilometres (13.0 for '13 km')",
    "square_metres": "an area in square metres (68.0 for '68 m²')",
    "hectares": "an area in hectares (69.0 for '69 hectares')",
    "square_kilometres": "an area in square kilometres (105.4 for '105,4 km²')",
    "millilitres": "a volume in millilitres (250.0 for '250 ml')",
    "centilitres": "a volume in centilitres (75.0 for '75 cl')",
    "litres": "a volume in litres (148.0 for '148 litres')",
    "hectolitres": "a volume in hectolitres (42000000.0 for '42 millions d'hectolitres')",
    "cubic_metres": "a volume in cubic metres (54.0 for '54 m³')",
    "micrograms": "a mass in micrograms (5.0 for '5 µg')",
    "milligrams": "a mass in milligrams (500.0 for '500 mg')",
    "grams": "a mass in grams (250.0 for '250 g')",
    "kilograms": "a mass in kilograms (8.5 for '8,5 kg')",
    "quintals": "a mass in quintals of 100 kg (72.0 for '72 quintaux')",
    "tonnes": "a mass in tonnes (25200000.0 for '25,2 millions de tonnes' or '25,2 Mt')",
    "quintals_per_hectare": "a yield in quintals of 100 kg per hectare (62.0 for '62 q/ha' or "
    "'62 quintaux par hectare')",
    "tonnes_per_hectare": "a yield in tonnes per hectare (7.3 for '7,3 t/ha')",
    "hectolitres_per_hectare": "a yield in hectolitres per hectare (55.0 for '55 hl/ha')",
    "kilowatt_hours": "an energy in kilowatt-hours (4500.0 for '4 500 kWh')",
    "megawatt_hours": "an energy in megawatt-hours (12.0 for '12 MWh')",
    "gigawatt_hours": "an energy in gigawatt-hours (800.0 for '800 GWh')",
    "terawatt_hours": "an energy in terawatt-hours (361.0 for '361 TWh')",
    "watts": "a power in watts (420.0 for '420 watts' or '420 W')",
    "kilowatts": "a power in kilowatts (9.0 for '9 kW')",
    "megawatts": "a power in megawatts (50.0 for '50 MW')",
    "gigawatts": "a power in gigawatts (1.6 for '1,6 GW')",
    "degrees_celsius": "a temperature in degrees Celsius (19.0 for '19 °C'), may be negative",
    "kilometres_per_hour": "a speed in kilometres per hour (80.0 for '80 km/h')",
    "kilometres_per_second": "a speed in kilometres per second (7.9 for '7,9 km/s')",
    "kilobytes": "an amount of data in kilobytes (300.0 for '300 ko')",
    "megabytes": "an amount of data in megabytes (500.0 for '500 Mo')",
    "gigabytes": "an amount of data in gigabytes (15.0 for '15 Go')",
    "terabytes": "an amount of data in terabytes (2.0 for '2 To')",
    "kilobits_per_second": "a data rate in kilobits per second (512.0 for '512 kbit/s')",
    "megabits_per_second": "a data rate in megabits per second (512.0 for '512 Mbit/s')",
    "gigabits_per_second": "a data rate in gigabits per second (1.0 for '1 Gbit/s')",
    "micrograms_per_cubic_metre": "a concentration in the air in micrograms per cubic metre "
    "(25.0 for '25 µg/m³')",
    "basis_points": "a change of a rate in basis points, hundredths of a percentage point, "
    "signed by its wording (-25.0 for 'une baisse de 25 points de base')",
    "per_thousand": "a rate per thousand (10.9 for '10,9 pour 1 000 habitants', 3.6 for '3,6 ‰')",
    "per_ten_thousand": "a rate per ten thousand (4.2 for '4,2 pour 10 000 habitants')",
    "per_hundred_thousand": "a rate per hundred thousand (52.3 for '52,3 pour 100 000 habitants')",
    "per_million": "a rate per million (96.0 for '96 tués par million d'habitants')",
}
# Units of time: a figure in one of them is written with that unit ('41 minutes', '4 h 12'),
# and the words of each are in raw/lexicon/fr_numbers.yml (units: durations, clock).
DURATIONS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years")
# Currencies: a figure in one of them is written with its currency ('35 000 €', '300 $'), and
# the words of each are in raw/lexicon/fr_numbers.yml (units: currencies).
CURRENCIES = (
    *("euro", "us_dollar", "canadian_dollar", "pound_sterling", "swiss_franc", "cfa_franc"),
    *("moroccan_dirham", "algerian_dinar", "tunisian_dinar"),
    *("japanese_yen", "chinese_yuan", "indian_rupee"),
    *("cfp_franc", "congolese_franc", "guinean_franc", "rwandan_franc", "burundian_franc"),
    *("malagasy_ariary", "haitian_gourde"),
)
# Units of measurement: a figure in one of them is written with that unit ('69 hectares',
# '4 500 kWh'), and the words of each are in raw/lexicon/fr_numbers.yml (units: measures).
MEASURES = (
    *("millimetres", "centimetres", "metres", "kilometres"),
    *("square_metres", "hectares", "square_kilometres"),
    *("millilitres", "centilitres", "litres", "hectolitres", "cubic_metres"),
    *("micrograms", "milligrams", "grams", "kilograms", "quintals", "tonnes"),
    *("quintals_per_hectare", "tonnes_per_hectare", "hectolitres_per_hectare"),
    *("kilowatt_hours", "megawatt_hours", "gigawatt_hours", "terawatt_hours"),
    *("watts", "kilowatts", "megawatts", "gigawatts", "degrees_celsius"),
    *("kilometres_per_hour", "kilometres_per_second"),
    *("kilobytes", "megabytes", "gigabytes", "terabytes"),
    *("kilobits_per_second", "megabits_per_second", "gigabits_per_second"),
    "micrograms_per_cubic_metre",
    "basis_points",
    *("per_thousand", "per_ten_thousand", "per_hundred_thousand", "per_million"),
)
# Units written after their number, in words or symbols: the number check reads the unit of
# such a figure from its number_text.
WRITTEN = DURATIONS + MEASURES
# Units that measure one quantity, by quantity, each as a multiple of the quantity's first
# (its base unit): two sources that state a figure in two of them are compared after
# conversion ('4 heures', [210, 270) minutes, agrees with '4h12', 252 minutes). Days and
# months are not exact multiples of one another.
COMMENSURABLE = {
    "duration": {"minutes": 1, "hours": 60, "days": 1440, "weeks": 10080, "seconds": 1 / 60},
    "duration in months": {"months": 1, "years": 12},
    "length": {"millimetres": 1, "centimetres": 10, "metres": 1000, "kilometres": 1_000_000},
    "area": {"square_metres": 1, "hectares": 10_000, "square_kilometres": 1_000_000},
    "volume": {
        "litres": 1,
        "hectolitres": 100,
        "cubic_metres": 1000,
        "centilitres": 0.01,
        "millilitres": 0.001,
    },
    "mass": {
        "grams": 1,
        "kilograms": 1000,
        "quintals": 100_000,
        "tonnes": 1_000_000,
        "milligrams": 0.001,
        "micrograms": 1e-6,
    },
    # 7.3 tonnes per hectare is 73 quintals per hectare.
    "yield": {"quintals_per_hectare": 1, "tonnes_per_hectare": 10},
    "energy": {
        "kilowatt_hours": 1,
        "megawatt_hours": 1e3,
        "gigawatt_hours": 1e6,
        "terawatt_hours": 1e9,
    },
    "power": {"kilowatts": 1, "megawatts": 1000, "gigawatts": 1_000_000, "watts": 1e-3},
    "speed": {"kilometres_per_hour": 1, "kilometres_per_second": 3600},
    "amount of data": {
        "megabytes": 1,
        "gigabytes": 1000,
        "terabytes": 1_000_000,
        "kilobytes": 0.001,
    },
    "data rate": {
        "kilobits_per_second": 1,
        "megabits_per_second": 1000,
        "gigabits_per_second": 1e6,
    },
    # 10.9 per thousand is 1,090 per hundred thousand; 96 per million, 9.6.
    "rate": {
        "per_hundred_thousand": 1,
        "per_ten_thousand": 10,
        "per_thousand": 100,
        "per_million": 0.1,
    },
}
# What each other unit measures: it converts to no other unit.
QUANTITIES = {
    "percent": "share of a population",
    "percent_of_quantity": "share of a quantity",
    "percent_rate": "rate or ratio in percent",
    "count": "count",
    **{currency: "amount of money" for currency in CURRENCIES},
    "percent_change": "relative change",
    "points": "percentage points",
    "number": "index, score or mean",
    "degrees_celsius": "temperature",
    "hectolitres_per_hectare": "yield in volume",
    "micrograms_per_cubic_metre": "concentration in the air",
    "basis_points": "change of a rate in basis points",
}


def quantity_of(unit: str) -> tuple[str, str, float]:
    """(quantity, base unit, factor to the base unit) of a unit: ('area', 'square_metres',
    10000.0) for hectares, ('count', 'count', 1.0) for a unit that converts to no other."""
    for quantity, group in COMMENSURABLE.items():
        if unit in group:
            return quantity, next(iter(group)), float(group[unit])
    return QUANTITIES[unit], unit, 1.0


def comparable(unit: str, low: float, high: float) -> tuple[str, float, float]:
    """An interval in `unit` as (unit, low, high) in the first unit of its group, for
    comparing figures stated in different units of one quantity; other units as they are."""
    for group in COMMENSURABLE.values():
        if unit in group:
            factor = group[unit]
            return next(iter(group)), low * factor, high * factor
    return unit, low, high


# Units of a share in percent, between 0 and 100: of the people of the base, or of a quantity.
SHARES = ("percent", "percent_of_quantity")
# The kinds of written number (fact_mention.kind) that can state a figure of each unit.
KINDS_FOR_UNIT = {
    **{unit: {"percent", "ratio", "fraction"} for unit in SHARES},
    "percent_rate": {"percent"},
    "count": {"count"},
    **{currency: {"money"} for currency in CURRENCIES},
    "percent_change": {"percent", "fraction"},  # "a baissé d'un quart" is -25
    "points": {"points"},
    "number": {"count", "score", "points"},
    **{unit: {"other"} for unit in WRITTEN},
}
# Units whose values are never negative.
NON_NEGATIVE = (*SHARES, "count")
# Units whose sign is in the words next to the number ("recul de 38 %", "5 points de moins"),
# which the mention of the number alone may not carry: a quote states such a figure when it
# states its size, and the number check reads its sign from those words.
SIGNED_BY_WORDING = ("percent_change", "points", "basis_points")
# Units a bare number written with its sign may state: after a poll score, the "+3" of
# "27 % (+3)" is a change of 3 points, which the extractor reads as a count.
STATED_BY_SIGNED_COUNT = ("points",)
# How a value of each unit is written after its number in the release's texts.
SYMBOLS = {
    "percent": "%",
    "percent_of_quantity": "%",
    "percent_rate": "%",
    "percent_change": "%",
    "euro": " €",
    "us_dollar": " $",
    "canadian_dollar": " $ CA",
    "pound_sterling": " £",
    "swiss_franc": " CHF",
    "cfa_franc": " FCFA",
    "moroccan_dirham": " MAD",
    "algerian_dinar": " DA",
    "tunisian_dinar": " DT",
    "japanese_yen": " JPY",
    "chinese_yuan": " CNY",
    "indian_rupee": " INR",
    "cfp_franc": " XPF",
    "congolese_franc": " CDF",
    "guinean_franc": " GNF",
    "rwandan_franc": " RWF",
    "burundian_franc": " BIF",
    "malagasy_ariary": " MGA",
    "haitian_gourde": " HTG",
    "points": " pts",
    "seconds": " s",
    "minutes": " min",
    "hours": " h",
    "days": " days",
    "weeks": " weeks",
    "months": " months",
    "years": " years",
    "millimetres": " mm",
    "centimetres": " cm",
    "metres": " m",
    "kilometres": " km",
    "square_metres": " m²",
    "hectares": " ha",
    "square_kilometres": " km²",
    "millilitres": " mL",
    "centilitres": " cL",
    "litres": " L",
    "hectolitres": " hL",
    "cubic_metres": " m³",
    "micrograms": " µg",
    "milligrams": " mg",
    "grams": " g",
    "kilograms": " kg",
    "quintals": " q",
    "tonnes": " t",
    "quintals_per_hectare": " q/ha",
    "tonnes_per_hectare": " t/ha",
    "hectolitres_per_hectare": " hL/ha",
    "kilowatt_hours": " kWh",
    "megawatt_hours": " MWh",
    "gigawatt_hours": " GWh",
    "terawatt_hours": " TWh",
    "watts": " W",
    "kilowatts": " kW",
    "megawatts": " MW",
    "gigawatts": " GW",
    "degrees_celsius": " °C",
    "kilometres_per_hour": " km/h",
    "kilometres_per_second": " km/s",
    "kilobytes": " kB",
    "megabytes": " MB",
    "gigabytes": " GB",
    "terabytes": " TB",
    "kilobits_per_second": " kbit/s",
    "megabits_per_second": " Mbit/s",
    "gigabits_per_second": " Gbit/s",
    "micrograms_per_cubic_metre": " µg/m³",
    "basis_points": " bp",
    "per_thousand": " ‰",
    "per_ten_thousand": " per 10,000",
    "per_hundred_thousand": " per 100,000",
    "per_million": " per million",
}


def in_unit(unit: str) -> str:
    """A unit written after its number, in words: 'a duration in minutes', 'a measure in
    hectares'."""
    return f"a {'duration' if unit in DURATIONS else 'measure'} in {unit}"


def with_unit(text: str, unit: str) -> str:
    """A number as text followed by its unit's symbol: '53%', '2150 €', '-6 pts', '1600'."""
    return text + SYMBOLS.get(unit, "")
