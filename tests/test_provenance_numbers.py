"""Case tables: the number written in a quote reads as the entry's value, in its unit."""

import pandas as pd
import pytest

from pipeline.validate.provenance import (
    attribute_number_problems,
    number_span,
    observation_number_problems,
)


def _entries(**row) -> pd.DataFrame:
    return pd.DataFrame([{"file": "annotations.yml", "entry": "e", "number_occurrence": 1, **row}])


def _problems(found: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(found["problem"], found["fix"], strict=True))


@pytest.mark.parametrize(
    ("value", "unit", "quote", "number_text"),
    [
        (53.0, "percent", "Une majorité (53%) des dirigeants", "53%"),
        (20.0, "percent", "Un dirigeant sur cinq envisage", "Un dirigeant sur cinq"),
        (1600.0, "count", "auprès de 1 600 dirigeants", "1 600"),
        (1_100_000.0, "count", "soit 1,1 million d'entreprises", "1,1 million"),
        (2150.0, "euro", "atteint 2 150 euros brut", "2 150 euros"),
        (150_000_000.0, "euro", "une enveloppe de 150 M€", "150 M€"),
        (0.15, "euro", "le litre a augmenté de 15 centimes", "15 centimes"),
        (55000.0, "us_dollar", "un salaire de 55 000 $ par an", "55 000 $"),
        (55000.0, "canadian_dollar", "un salaire de 55 000 $ par an", "55 000 $"),
        (1200.0, "canadian_dollar", "un loyer de 1 200 $ CA", "1 200 $ CA"),
        (1.3e12, "us_dollar", "soit 1 300 milliards de dollars", "1 300 milliards de dollars"),
        (40000.0, "pound_sterling", "il gagne 40 000 £", "40 000 £"),
        (12.0, "swiss_franc", "un prix de 12 CHF", "12 CHF"),
        (6500.0, "swiss_franc", "un salaire de 6'500 francs par mois", "6'500 francs"),
        (1600.0, "count", "auprès de 1'600 personnes", "1'600"),
        (5000.0, "cfa_franc", "un prix de 5 000 FCFA", "5 000 FCFA"),
        (13500.0, "moroccan_dirham", "le mètre carré à 13 500 DH", "13 500 DH"),
        (450.0, "algerian_dinar", "un loyer de 450 dinars", "450 dinars"),
        (450.0, "tunisian_dinar", "un loyer de 450 dinars", "450 dinars"),
        (4200.0, "japanese_yen", "le sac se vend 4 200 yens", "4 200 yens"),
        (300.0, "chinese_yuan", "un prix de 300 ¥", "300 ¥"),
        (300.0, "japanese_yen", "un prix de 300 ¥", "300 ¥"),
        (783.0, "indian_rupee", "un salaire de 783 roupies", "783 roupies"),
        (80000.0, "cfp_franc", "un loyer de 80 000 francs CFP", "80 000 francs CFP"),
        (420.0, "watts", "une puissance de 420 watts", "420 watts"),
        (2_000_000.0, "us_dollar", "un budget entre 2 et 3 M$", "2"),
        (300.0, "us_dollar", "il coûte $300", "$300"),
        (2_500_000.0, "euro", "un budget de €2,5 millions", "€2,5 millions"),
        (-6.0, "points", "soit -6 points sur un an", "-6 points"),
        (-8.0, "points", "un recul de 8 points", "recul de 8 points"),
        (6.4, "number", "une note moyenne de 6,4/10", "6,4/10"),
        (-38.0, "percent_change", "soit un recul de 38 % sur un an", "recul de 38 %"),
        (-2.4, "percent_change", "les ventes ont reculé de 2,4%", "reculé de 2,4%"),
        (12.0, "percent_change", "une hausse de 12 % des prix", "hausse de 12 %"),
        (-3.5, "percent_change", "un chiffre d'affaires à -3,5 %", "-3,5 %"),
        (150.0, "percent_change", "en progression de 150 %", "progression de 150 %"),
        (-3.0, "percent_change", "les prix ont reculé d'environ 3 %", "reculé d'environ 3 %"),
        (-25.0, "percent_change", "les ventes ont baissé d'un quart", "baissé d'un quart"),
        (-38.0, "percent_change", "soit 38 % de baisse en un an", "38 % de baisse"),
        (-38.0, "percent_change", "les ventes, 38 % en recul", "38 % en recul"),
        (-12.0, "number", "l'indice s'établit à -12", "-12"),
        (-5.0, "points", "soit 5 points de moins qu'en 2019", "5 points de moins"),
        (6.0, "points", "soit 6 points de plus qu'en 2019", "6 points de plus"),
        (-38.0, "percent_change", "soit 38 % de moins en un an", "38 % de moins"),
        (6.4, "number", "une note moyenne de 6,4", "6,4"),
        (252.0, "minutes", "ils y passent 4 h 12 par jour", "4 h 12"),
        (225.0, "minutes", "contre 3h45 il y a deux ans", "3h45"),
        (41.0, "minutes", "la lecture occupe 41 minutes par jour", "41 minutes"),
        (45.0, "minutes", "un trajet de 45 min en moyenne", "45 min"),
        (252.0, "minutes", "soit 4 heures et 12 minutes par jour", "4 heures et 12 minutes"),
        (43.0, "months", "soit 3 ans et 7 mois de travail", "3 ans et 7 mois"),
        (18.0, "months", "au bout d'un an et demi, soit 18 mois", "18 mois"),
        (1.5, "years", "au bout de 1,5 an", "1,5 an"),
        (1.5, "years", "au bout d'un an et demi", "un an et demi"),
        (2.5, "hours", "soit 2 heures et demie par jour", "2 heures et demie"),
        (30.0, "minutes", "une demi-heure de plus", "une demi-heure"),
        (45.0, "minutes", "en trois quarts d'heure", "trois quarts d'heure"),
        (1_500_000.0, "count", "un million et demi de clients", "un million et demi"),
        (50.0, "percent", "½ des jeunes le disent", "½"),
        (5.0, "hours", "plus de 5 heures le week-end", "5 heures"),
        (1.5, "hours", "une réunion dure 1,5 h", "1,5 h"),
        (80.0, "days", "un délai moyen de 80 jours", "80 jours"),
        (6.0, "weeks", "un délai de six semaines", "six semaines"),
        (18.0, "months", "au bout de 18 mois", "18 mois"),
        (52.0, "years", "l'âge moyen atteint 52 ans", "52 ans"),
        # A range's first bound is read with the unit and scale of the second.
        (1.4, "points", "une marge d'erreur comprise entre 1,4 et 3,1 points", "1,4"),
        (20.0, "percent", "entre 20-24 % des sondés", "20"),
        (2_000_000.0, "euro", "soit entre 2 et 3 millions d'euros", "2"),
        (-20.0, "percent_change", "des rendements en recul de 20-24 %", "recul de 20"),
        (10_000.0, "euro", "entre 10 et 15 000 euros par an", "10"),
        (10.0, "kilometres", "un trajet de 10 à 15 km", "10"),
        (20.0, "square_metres", "des pièces de 20 à 25 m²", "20"),
        (2.0, "hours", "entre 2 et 3 heures par jour", "2"),
        (10.0, "minutes", "de 10 à 15 minutes d'attente", "10"),
        # An abbreviated scale before "de" and a noun.
        (10_200_000.0, "count", "soit 10,2 M de personnes", "10,2 M"),
        (10_200_000.0, "count", "soit 10,2 M de personnes", "10,2 M de personnes"),
        # A bare number compared with a share or points has their unit.
        (35.0, "percent", "soit 41 %, contre 35 en 2023", "35"),
        (-9.0, "points", "à -18 points, contre -9 au trimestre précédent", "-9"),
        (
            12.4,
            "per_hundred_thousand",
            "soit 12,4 cas pour 100 000 habitants",
            "12,4 cas pour 100 000",
        ),
        (3.6, "per_thousand", "un taux de 3,6 ‰", "3,6 ‰"),
        (96.0, "per_million", "soit 96 tués par million d'habitants", "96 tués par million"),
        # After a poll score, a signed number is a change in points.
        (3.0, "points", "la liste d'union (27 %, +3)", "+3"),
        (-2.0, "points", "la liste sortante recueille 34 % (-2)", "-2"),
        (69.0, "hectares", "une surface moyenne de 69 hectares", "69 hectares"),
        (1.5, "hectares", "un jardin de 1,5 ha", "1,5 ha"),
        (68.0, "square_metres", "un logement de 68 m² en moyenne", "68 m²"),
        (70.0, "square_metres", "un logement de 70 mètres carrés", "70 mètres carrés"),
        (13.0, "kilometres", "un trajet de 13 km", "13 km"),
        (8.5, "kilograms", "un cartable de 8,5 kg", "8,5 kg"),
        (25_200_000.0, "tonnes", "soit 25,2 millions de tonnes", "25,2 millions de tonnes"),
        (26_300_000.0, "tonnes", "soit 26,3 Mt de blé", "26,3 Mt"),
        (62.0, "quintals_per_hectare", "un rendement de 62 q/ha", "62 q/ha"),
        (7.3, "tonnes_per_hectare", "soit 7,3 tonnes à l’hectare", "7,3 tonnes à l’hectare"),
        (4500.0, "kilowatt_hours", "une consommation de 4 500 kWh par an", "4 500 kWh"),
        (19.0, "degrees_celsius", "un logement chauffé à 19 °C", "19 °C"),
        (-5.0, "degrees_celsius", "des nuits à -5 °C", "-5 °C"),
        (80.0, "kilometres_per_hour", "limitée à 80 km/h", "80 km/h"),
        (15.0, "gigabytes", "une consommation de 15 Go par mois", "15 Go"),
        # Words written decomposed ("e" then its accent) read as composed.
        (10.0, "percent", "un dixie\u0300me des sondés", "un dixie\u0300me"),
        (70.0, "square_metres", "70 me\u0300tres carre\u0301s", "70 me\u0300tres carre\u0301s"),
        (-2.4, "percent_change", "les ventes ont recule\u0301 de 2,4 %", "recule\u0301 de 2,4 %"),
        (3.0, "years", "trois anne\u0301es plus tard", "trois anne\u0301es"),
        # A table's heading declares the unit of the bare numbers under it.
        (61.0, "percent", "Confiance (en %)   2024   2025\nLe maire   63   61", "61"),
        (5.0, "points", "Écart en points\nHommes / femmes   5", "5"),
    ],
)
def test_observation_number_reads_as_its_value(value, unit, quote, number_text):
    found = observation_number_problems(
        _entries(value=value, unit=unit, quote=quote, number_text=number_text)
    )
    assert _problems(found) == []


@pytest.mark.parametrize(
    ("value", "unit", "number_text", "problem", "fix"),
    [
        (2150.0, "percent", "2 150 euros", "an amount in euro, not a percent", "unit: euro,"),
        # An amount in another currency than its words name.
        (
            55000.0,
            "euro",
            "55 000 $",
            "amount in us_dollar or canadian_dollar, not an amount in euro",
            "unit: us_dollar or canadian_dollar,",
        ),
        (
            1200.0,
            "us_dollar",
            "1 200 $ CA",
            "in canadian_dollar, not an amount in us_dollar",
            "unit: canadian_dollar,",
        ),
        (12.0, "euro", "12 CHF", "in swiss_franc, not an amount in euro", "unit: swiss_franc,"),
        (
            3500.0,
            "swiss_franc",
            "3 500 francs congolais",
            "in congolese_franc, not an amount in swiss_franc",
            "unit: congolese_franc,",
        ),
        (
            4200.0,
            "count",
            "4 200 yens",
            "an amount in japanese_yen, not a count",
            "unit: japanese_yen,",
        ),
        (
            450.0,
            "euro",
            "450 dinars",
            "amount in algerian_dinar or tunisian_dinar, not an amount in euro",
            "unit: algerian_dinar or tunisian_dinar,",
        ),
        (0.15, "us_dollar", "15 centimes", "in euro, not an amount in us_dollar", "unit: euro,"),
        (
            12.0,
            "percent",
            "12 CHF",
            "an amount in swiss_franc, not a percent",
            "unit: swiss_franc,",
        ),
        (6.0, "euro", "-6 points", "reads as a points, not a euro", "unit: points or number,"),
        (
            53.0,
            "number",
            "53 %",
            "reads as a percent, not a number",
            "percent, percent_of_quantity, percent_rate or percent_change,",
        ),
        (6.4, "percent", "6,4/10", "reads as a score, not a percent", "unit: number,"),
        (12.0, "count", "-12", "value 12 differs", "correct the value"),
        (38.0, "percent_change", "recul de 38 %", "value 38 differs", "correct the value"),
        (-38.0, "percent_change", "38 %", "value -38 differs", "correct the value"),
        (-38.0, "percent", "recul de 38 %", "value -38 differs", "correct the value"),
        (1.1, "count", "1,1 million", "value 1.1 differs", "correct the value"),
        (5.0, "points", "5 points de moins", "value 5 differs", "correct the value"),
        (20.0, "count", "20 juin", "reads as a date, not a count", "a date is no figure"),
        (4.0, "hours", "4 h 12", "in minutes, not a duration in hours", "unit: minutes,"),
        (80.0, "count", "80 jours", "duration in days, not a count", "unit: days,"),
        (52.0, "months", "52 ans", "in years, not a duration in months", "unit: years,"),
        (6.8, "minutes", "6,8 km", "in kilometres, not a duration in minutes", "kilometres,"),
        (6.0, "minutes", "6e", "as a measure, an ordinal or a name", "'41 minutes'"),
        (
            41.0,
            "minutes",
            "41 %",
            "reads as a percent, not a duration",
            "unit: percent, percent_of_quantity, percent_rate or",
        ),
        (
            2.0,
            "years",
            "deux décennies",
            "in decades, not a duration in years",
            "one of seconds, minutes",
        ),
        (251.0, "minutes", "4 h 12", "value 251 differs", "correct the value"),
        (3.0, "points", "3", "reads as a count, not a points", "unit: count or number,"),
        (2.0, "euro", "2", "reads as a count, not a euro", "unit: count or number,"),
        (10.2, "count", "10,2 M de personnes", "value 10.2 differs", "correct the value"),
        (3.0, "percent_change", "+3", "reads as a count, not a percent_change", "count or number"),
        (2.0, "points", "-2", "value 2 differs", "correct the value"),
        (69.0, "number", "69 hectares", "a measure in hectares, not a number", "unit: hectares,"),
        (6.9, "square_kilometres", "690 hectares", "in hectares, not a measure in square_k", ""),
        (13.0, "kilometres", "13 %", "reads as a percent, not a measure in kilometres", ""),
        (13.0, "kilometres", "13 ans", "a duration in years, not a measure", "unit: years,"),
        (41.0, "minutes", "41 km", "in kilometres, not a duration in minutes", "unit: kilo"),
        (5.0, "kilograms", "5e", "ordinal or a name, not a measure", "'69 hectares'"),
        # A yield is no mass; "Mt" counts millions of tonnes.
        (62.0, "quintals", "62 q/ha", "in quintals_per_hectare, not a measure in quintals", ""),
        (26.3, "tonnes", "26,3 Mt", "value 26.3 differs", "correct the value"),
        (25.0, "basis_points", "baisse de 25 points de base", "value 25 differs", "correct the"),
        (-25.0, "basis_points", "25 points de base", "value -25 differs", "correct the value"),
        (25.0, "points", "25 points de base", "basis_points, not a points", "basis_points,"),
        (25.16, "euro", "25,16 c€", "value 25.16 differs", "correct the value"),
    ],
)
def test_observation_number_of_another_unit_or_value_is_refused(
    value, unit, number_text, problem, fix
):
    entry = _entries(
        value=value, unit=unit, quote=f"soit {number_text} ici", number_text=number_text
    )
    found = _problems(observation_number_problems(entry))
    assert len(found) == 1 and problem in found[0][0] and fix in found[0][1]


@pytest.mark.parametrize(
    ("unit", "quote", "problem", "fix"),
    [
        (
            "hectares",
            "un trajet de 10 à 15 km",
            "'10' reads as a measure in kilometres, not a measure in hectares",
            "write unit: kilometres, or correct the number_text",
        ),
        (
            "minutes",
            "entre 10 et 15 heures",
            "'10' reads as a duration in hours, not a duration in minutes",
            "write unit: hours, or correct the number_text",
        ),
        (
            "euro",
            "un budget de 10 à 15 M$",
            "'10' reads as an amount in us_dollar or canadian_dollar, not an amount in euro",
            "write unit: us_dollar or canadian_dollar, or correct the number_text",
        ),
        # Not a range: "10" and "15 km" are joined by no range's words.
        (
            "kilometres",
            "10 salariés et 15 km",
            "'10' reads as a count, not a measure in kilometres",
            "write unit: count or number, or correct the number_text",
        ),
    ],
)
def test_a_range_first_bound_in_another_unit_is_refused(unit, quote, problem, fix):
    entry = _entries(value=10.0, unit=unit, quote=quote, number_text="10")
    assert _problems(observation_number_problems(entry)) == [(problem, fix)]


@pytest.mark.parametrize(
    ("unit", "quote", "fix"),
    [
        # The heading declares percent: points are refused, percent is named in the fix.
        ("points", "Confiance (en %)\nLe maire   10", "write unit: count, number or percent,"),
        # A heading after the number declares nothing for it.
        ("percent", "Le maire   10\nConfiance (en %)", "write unit: count or number,"),
    ],
)
def test_a_count_under_no_heading_of_its_unit_is_refused(unit, quote, fix):
    entry = _entries(value=10.0, unit=unit, quote=quote, number_text="10")
    ((problem, found_fix),) = _problems(observation_number_problems(entry))
    assert problem == f"'10' reads as a count, not a {unit}" and found_fix.startswith(fix)


def test_number_text_in_another_unicode_form_than_its_quote_says_so():
    entry = _entries(
        value=10.0, unit="percent", quote="un dixie\u0300me des sondés", number_text="un dixième"
    )
    ((problem, fix),) = _problems(observation_number_problems(entry))
    assert problem == "number_text 'un dixième' does not occur 1 time(s) in the quote"
    assert fix == (
        "copy the number exactly as the quote writes it: the quote writes its accented letters "
        "in another Unicode form (one character or two each)"
    )


@pytest.mark.parametrize(
    ("value", "quote", "number_text"),
    [
        ("1600", "auprès de 1.600 dirigeants", "1.600"),
        ("--06-20", "entre le 20 juin et le 12 juillet", "20 juin"),
        # A date of a period is its start or its end, whatever the wording leaves unwritten
        # next to the first day ("du 6 au 20 janvier 2025": the month and year of the 6).
        ("2025-01-06", "du 6 au 20 janvier 2025", "du 6 au 20 janvier 2025"),
        ("2025-01-20", "du 6 au 20 janvier 2025", "du 6 au 20 janvier 2025"),
        ("2025-09-04", "les 4 et 5 septembre 2025", "les 4 et 5 septembre 2025"),
        ("--06-20", "entre le 20 juin et le 12 juillet", "entre le 20 juin et le 12 juillet"),
        # A month of a period written in parts of months is the month it starts or ends in.
        ("2025-03", "fin mars 2025", "fin mars 2025"),
        ("2026-02", "entre fin février et début mars 2026", "entre fin février et début mars 2026"),
        ("2026-03", "entre fin février et début mars 2026", "entre fin février et début mars 2026"),
    ],
)
def test_attribute_number_reads_as_its_value(value, quote, number_text):
    found = attribute_number_problems(_entries(value=value, quote=quote, number_text=number_text))
    assert _problems(found) == []


@pytest.mark.parametrize(
    ("value", "quote", "number_text", "problem", "fix"),
    [
        (
            "2025-01-06",
            "du 6 au 20 janvier 2025",
            "6",
            "value '2025-01-06' differs from the number written '6' (6.0)",
            "correct the value or the quote",
        ),
        (
            "2025-01-10",
            "du 6 au 20 janvier 2025",
            "du 6 au 20 janvier 2025",
            "value '2025-01-10' differs from the number written 'du 6 au 20 janvier 2025' "
            "('2025-01-06/2025-01-20')",
            "correct the value or the quote (a date of a period is its start or its end: "
            "2025-01-06 or 2025-01-20)",
        ),
        (
            "2026-04",
            "entre fin février et début mars 2026",
            "entre fin février et début mars 2026",
            "value '2026-04' differs from the number written 'entre fin février et début mars "
            "2026' ('2026-02-21/2026-03-10')",
            "correct the value or the quote (a date of a period is its start or its end: "
            "2026-02-21 or 2026-03-10)",
        ),
    ],
)
def test_attribute_number_that_is_not_its_value(value, quote, number_text, problem, fix):
    found = attribute_number_problems(_entries(value=value, quote=quote, number_text=number_text))
    assert _problems(found) == [(problem, fix)]


@pytest.mark.parametrize(
    ("quote", "number_text", "span"),
    [
        ("soit 53% ici", "53%", (5, 8)),
        ("soit 153% ici", "53%", None),  # part of a longer number
        ("soit 1.600 ici", "600", None),
        ("soit 1 600 ici", "600", None),
        ("soit 1'600 ici", "600", None),  # Swiss grouping
        ("soit 1’600 ici", "1", None),
        ("l'an 600 ici", "600", (5, 8)),  # an elision is no grouping
        ("le SP98 1,897 € ici", "1,897 €", (8, 15)),  # a name's digits, then a number
        ("le SP 98 1,897 € ici", "1,897 €", None),  # (apart, they would be one number)
    ],
)
def test_number_span_is_a_whole_number(quote, number_text, span):
    assert number_span(quote, number_text, 1) == span
