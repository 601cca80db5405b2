"""Numbers that bound the population a figure is about ("les 18-24 ans", "les communes de moins
de 500 habitants", raw/lexicon/fr_populations.yml), durations that place a figure in time ("en
deux ans", "il y a vingt ans", fr_periods.yml) and the confidence level of a margin of error
("19 fois sur 20", fr_methods.yml) are proposed as ignore entries with their reason, never as
figures."""

import pytest

from pipeline.bounds import population_bound
from pipeline.draft import draft_entry, not_a_figure
from pipeline.extract import extract_mentions
from pipeline.periods import reference_period


def _assert_reasons(text: str, expected: dict[str, str | None], reason: str) -> None:
    """The draft gives each number of `expected` that is no figure the `reason` with its
    words ("…, not a figure of the survey"), and the others none."""
    reasons = {m.surface: not_a_figure(m, text) for m in extract_mentions(text)}
    assert {surface: reasons[surface] for surface in expected} == {
        surface: words and f"{reason.format(words=words)}, not a figure of the survey"
        for surface, words in expected.items()
    }


def _bounds(text: str) -> dict[str, str | None]:
    return {m.surface: population_bound(m, text) for m in extract_mentions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ages after a determiner or "âgés de"
        (
            "Les 18-29 ans sont les plus inquiets : 42 % d'entre eux.",
            {"18": "Les 18-29 ans", "29 ans": "Les 18-29 ans", "42 %": None},
        ),
        (
            "Auprès de 1 527 Québécois âgés de 18 à 34 ans, 62 % hésitent.",
            {"1 527": None, "18": "âgés de 18 à 34 ans", "34 ans": "âgés de 18 à 34 ans"}
            | {"62 %": None},
        ),
        (
            "Représentatif de la population âgée de 18 ans et plus, 78 % approuvent.",
            {"18 ans": "âgée de 18 ans et plus", "78 %": None},
        ),
        (
            "Chez les 65 ans et plus, 58 % sont inquiets.",
            {"65 ans": "les 65 ans et plus"} | {"58 %": None},
        ),
        (
            "Chez les ≥ 50 ans, 22 %, contre 38 % chez les <30 ans.",
            {"50 ans": "les ≥ 50 ans", "22 %": None, "38 %": None, "30 ans": "les <30 ans"},
        ),
        (
            "La part des moins de 35 ans atteint 12 %.",
            {"35 ans": "des moins de 35 ans", "12 %": None},
        ),
        (
            "Auprès de 1 500 jeunes de 11 à 17 ans.",
            {"1 500": None, "11": "jeunes de 11 à 17 ans", "17 ans": "jeunes de 11 à 17 ans"},
        ),
        ("Des prêts de 10 à 15 ans.", {"10": None, "15 ans": None}),
        (
            "Il grimpe à 52 % parmi les dirigeants de plus de 55 ans.",
            {"52 %": None, "55 ans": "dirigeants de plus de 55 ans"},
        ),
        (
            "Un acheteur sur trois a moins de 35 ans.",
            {"Un acheteur sur trois": None, "35 ans": "a moins de 35 ans"},
        ),
        ("Le dirigeant type a 52 ans.", {"52 ans": None}),
        (
            "Les emprunteurs de moins de 35 ans représentent 48 % de la production.",
            {"35 ans": "emprunteurs de moins de 35 ans", "48 %": None},
        ),
        # sizes after a group and "de" or a bracket
        (
            "Dans les communes de moins de 500 habitants, la part est de 51 %.",
            {"500": "communes de moins de 500 habitants", "51 %": None},
        ),
        (
            "Auprès de 2 000 entreprises de 10 à 49 salariés.",
            {"2 000": None, "10": "entreprises de 10 à 49 salariés"}
            | {"49": "entreprises de 10 à 49 salariés"},
        ),
        (
            "Les TPE (moins de 10 salariés) sont 40 %.",
            {"10": "TPE (moins de 10 salariés", "40 %": None},
        ),
        (
            "Les entreprises d'au moins cinquante salariés.",
            {"cinquante": "entreprises d'au moins cinquante salariés"},
        ),
        ("Les foyers de 4 personnes et plus.", {"4": "foyers de 4 personnes et plus"}),
        (
            "Auprès de 1 003 dirigeants d'entreprises de moins de 20 salariés.",
            {"1 003": None, "20": "entreprises de moins de 20 salariés"},
        ),
        (
            "Elle s'applique aux collectivités de plus de 30 000 habitants.",
            {"30 000": "collectivités de plus de 30 000 habitants"},
        ),
        (
            "Elle grimpe à 72 %, contre 38 % dans celles de moins de 50 salariés.",
            {"72 %": None, "38 %": None, "50": "celles de moins de 50 salariés"},
        ),
        (
            "Les ménages de une ou deux personnes représentent 65 % des demandeurs.",
            {"deux": "ménages de une ou deux personnes", "65 %": None},
        ),
        # a class in brackets, open or a range, after any words
        (
            "Contre 1 068 € pour les villes de même strate (50 000 à 100 000 habitants).",
            {"1 068 €": None, "50 000": "50 000 à 100 000 habitants"}
            | {"100 000": "50 000 à 100 000 habitants"},
        ),
        (
            "Dans les communes rurales (moins de 2 000 habitants), 45 % sont satisfaits.",
            {"2 000": "moins de 2 000 habitants", "45 %": None},
        ),
        (
            "Les jeunes adultes (18-24 ans) sont 61 %.",
            {"18": "18-24 ans"} | {"24 ans": "18-24 ans"} | {"61 %": None},
        ),
        (
            "Les petites entreprises (de 10 à 49 salariés) recrutent.",
            {"10": "de 10 à 49 salariés", "49": "de 10 à 49 salariés"},
        ),
        # a class of dwellings by its rooms
        (
            "Le loyer d'un 3 pièces atteint 1 850 euros, celui des 5 pièces 2 976 euros.",
            {"3": "un 3 pièces", "1 850 euros": None, "5": "des 5 pièces", "2 976 euros": None},
        ),
        (
            "Les logements de 3 pièces ou plus, une maison de 5 pièces.",
            {"3": "logements de 3 pièces ou plus", "5": "maison de 5 pièces"},
        ),
        # a class of things bounded by a measure or a duration
        (
            "Les vols de moins de 2 h 30 seront interdits.",
            {"2 h 30": "Les vols de moins de 2 h 30"},
        ),
        (
            "Les logements de plus de 100 m² représentent 12 %.",
            {"100 m²": "Les logements de plus de 100 m²", "12 %": None},
        ),
        ("Des ventes de plus de 3 milliards d'euros.", {"3 milliards d'euros": None}),
        # a group named by its rank
        (
            "Pour les 20 % de ménages les plus modestes, la perte atteint 2,1 %.",
            {"20 %": "les 20 % de ménages les plus modestes", "2,1 %": None},
        ),
        (
            "Les 10 % les mieux payés perçoivent 4 200 euros.",
            {"10 %": "Les 10 % les mieux payés", "4 200 euros": None},
        ),
        ("45 % des salariés les plus jeunes hésitent.", {"45 %": None}),
        ("Parmi les 62 % qui ont renoncé, 40 % hésitent.", {"62 %": None, "40 %": None}),
        # a figure, or a time, is no bound
        ("Le musée expose 3 pièces rares.", {"3": None}),
        ("Saint-Nazaire (72 000 habitants) compte 12 écoles.", {"72 000": None, "12": None}),
        ("Le doyen (104 ans) a voté.", {"104 ans": None}),
        ("L'âge moyen est de 42 ans.", {"42 ans": None}),
        ("La commune compte 10 000 habitants.", {"10 000": None}),
        ("Ils envisagent d'arrêter dans les cinq ans.", {"cinq ans": None}),
        ("L'âge moyen recule d'un an tous les dix ans.", {"dix ans": None}),
        ("Le site existe depuis plus de 30 ans.", {"30 ans": None}),
        ("L'entreprise emploie 250 salariés, soit 12 % de plus.", {"250": None, "12 %": None}),
    ],
)
def test_population_bound(text, expected):
    assert _bounds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Parmi les ménages dont les revenus sont inférieurs à 1 500 € nets par mois, ils "
            "sont 78 %.",
            {
                "1 500 €": "Parmi les ménages dont les revenus sont inférieurs à 1 500 € nets "
                "par mois"
            }
            | {"78 %": None},
        ),
        (
            "Chez les salariés gagnant plus de 3 000 € par mois, 55 % sont satisfaits.",
            {"3 000 €": "Chez les salariés gagnant plus de 3 000 € par mois", "55 %": None},
        ),
        (
            "Dans les entreprises dont le chiffre d'affaires dépasse 50 millions d'euros, 64 % "
            "ont un RSSI.",
            {
                "50 millions d'euros": "Dans les entreprises dont le chiffre d'affaires "
                "dépasse 50 millions d'euros"
            }
            | {"64 %": None},
        ),
        # a share, or a number with no word of comparison before it, is no bound
        ("Parmi les 62 % qui ont renoncé, 40 % ont réduit leurs achats.", {"62 %": None}),
        ("Parmi les 1 200 salariés interrogés, 40 % télétravaillent.", {"1 200": None}),
        # nor is a number that names no share's base
        ("Le salaire médian est de 2 183 €, contre moins de 1 500 € en 2010.", {"1 500 €": None}),
    ],
)
def test_a_number_compared_in_the_words_of_a_base_bounds_its_group(text, expected):
    _assert_reasons(text, expected, "Bound of the population a figure is about ({words})")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'enquête montre que 61 % des répondants effectuent plus de 50 heures par semaine.",
            {"61 %": None, "50 heures": "plus de 50 heures"},
        ),
        (
            "10 % des collégiens déclarent avoir subi au moins cinq atteintes répétées.",
            {"10 %": None, "cinq": "au moins cinq"},
        ),
        (
            "35 % des télétravailleurs habitent à plus de 30 kilomètres de leur travail.",
            {"30 kilomètres": "plus de 30 kilomètres"},
        ),
        (
            "Un candidat sur cinq a obtenu une note inférieure à 8.",
            {"Un candidat sur cinq": None, "8": "inférieure à 8"},
        ),
        (
            "Et 30 % des ménages ont un revenu supérieur à 3 000 euros.",
            {"3 000 euros": "supérieur à 3 000 euros"},
        ),
        ("Le taux est inférieur à 5 %.", {"5 %": None}),
        (
            "Un salarié sur trois travaille plus de 45 heures.",
            {"Un salarié sur trois": None, "45 heures": "plus de 45 heures"},
        ),
        # a figure: no share before it, another clause, a restatement, a comparison
        ("Le délai moyen atteint plus de 42 jours.", {"42 jours": None}),
        (
            "45 % des ménages, soit plus de 12 millions de personnes, hésitent.",
            {"12 millions": None},
        ),
        ("45 % des sondés hésitent contre plus de 50 en 2022.", {"50": None}),
        ("Les ventes progressent de 12 % et dépassent plus de 3 milliards.", {"3 milliards": None}),
        ("La part passe de 30 % à plus de 40 %.", {"40 %": None}),
        # a fraction in words after its bound, of a quantity
        (
            "Selon l'enquête, 38 % consacrent plus du tiers de leur revenu au loyer.",
            {"38 %": None, "du tiers": "plus du tiers"},
        ),
        ("22 % y passent plus de la moitié de leur temps.", {"la moitié": "plus de la moitié"}),
        ("12 % y consacrent moins d'un quart.", {"un quart": "moins d'un quart"}),
        # ... not a range's end, nor a fraction after its group, nor near one
        ("La part passe de 30 % à plus de la moitié.", {"la moitié": None}),
        ("La part passe de 30 % à plus de 40.", {"40": None}),
        ("38 % des salariés, et plus de la moitié des cadres.", {"la moitié": None}),
        ("38 % des salariés en ont près de la moitié.", {"la moitié": None}),
        (
            "Seuls 12 % prennent plus de cinq semaines de congés.",
            {"cinq semaines": "plus de cinq semaines"},
        ),
        ("Ils sont 18 % à le faire trois jours ou plus.", {"trois jours": "trois jours ou plus"}),
        (
            "Un quart des jeunes (25 %) ont mis plus de six mois à trouver.",
            {"six mois": "plus de six mois"},
        ),
        (
            "Parmi les répondants, 44 % affirment avoir payé plus de 200 $ de plus par mois.",
            {"200 $": "plus de 200 $"},
        ),
        (
            "Le salaire médian est de 2 183 €, et 20 % gagnent moins de 1 500 €.",
            {"2 183 €": None, "1 500 €": "moins de 1 500 €"},
        ),
        # in brackets after the answer's words
        (
            "22 % des adultes dépassent les repères (pas plus de 10 verres par semaine et pas "
            "plus de 2 verres par jour).",
            {"22 %": None, "10": "plus de 10", "2": "plus de 2"},
        ),
        (
            "91,3 % des trains sont arrivés à l'heure (moins de 5 minutes de retard).",
            {"5 minutes": "moins de 5 minutes"},
        ),
        # another number between the share and the bound, out of brackets: no bound
        ("45 % des sondés citent 3 raisons, dont plus de 2 fiscales.", {"2": None}),
        # the group a figure is about, not a share of answers: a decile is a figure
        (
            "Les 10 % de salariés les mieux payés perçoivent plus de 4 200 euros.",
            {"4 200 euros": None},
        ),
    ],
)
def test_a_bound_of_the_answer_a_share_counts_is_no_figure(text, expected):
    _assert_reasons(text, expected, "Bound of the answer a share counts ({words})")


def test_the_draft_proposes_a_bound_as_ignored_with_its_reason():
    text = "Parmi les 18-24 ans, 45 % des sondés utilisent l'IA."
    drafted = {m.surface: draft_entry(m, text) for m in extract_mentions(text)}
    for surface in ("18", "24 ans"):
        assert "as_observation" not in drafted[surface]
        assert drafted[surface]["as_ignore"]["reason"] == (
            "Bound of the population a figure is about (les 18-24 ans), not a figure of the survey"
        )
    assert drafted["45 %"]["as_observation"]["unit"] == "percent"
    assert drafted["45 %"]["as_ignore"]["reason"].startswith("TODO")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La marge d'erreur est de plus ou moins 2,5 %, 19 fois sur 20.",
            {"2,5 %": None, "19 fois sur 20": "19 fois sur 20"},
        ),
        (
            "La marge d'erreur est de 3 points avec un niveau de confiance de 95 %.",
            {"3 points": None, "95 %": "niveau de confiance de 95 %"},
        ),
        (
            "La marge d'erreur est de 2 points dans 95 % des cas.",
            {"2 points": None} | {"95 %": "95 % des cas"},
        ),
        (
            "Au seuil de 95 %, l'intervalle de confiance est de ± 2 points.",
            {"95 %": "Au seuil de 95 %", "2 points": None},
        ),
        # without a margin of error in the sentence, a figure
        ("Dans 95 % des cas, les PME paient à temps.", {"95 %": None}),
        ("Un Français sur 20 hésite encore.", {"Un Français sur 20": None}),
        ("Il gagne 19 fois sur 20 au tirage.", {"19 fois sur 20": None}),
        # a confidence interval's level, abbreviated
        (
            "Le R est de 1,2 (IC 95 % : 1,1-1,3).",
            {"1,2": None, "95 %": "IC 95 %"} | {"1,1": None, "1,3": None},
        ),
        ("Un IC à 95 % de [1,1 ; 1,5].", {"95 %": "IC à 95 %", "1,1": None, "1,5": None}),
    ],
)
def test_confidence_level(text, expected):
    assert len(extract_mentions(text)) == len(expected)
    _assert_reasons(text, expected, "Confidence level of the margin of error ({words})")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a horizon, a rolling window, a distance in time
        (
            "28 % envisagent d'arrêter l'activité dans les cinq ans.",
            {"28 %": None, "cinq ans": "dans les cinq ans"},
        ),
        (
            "Envisagez-vous d'acheter une voiture électrique dans les cinq prochaines années ?",
            {"cinq prochaines années": "dans les cinq prochaines années"},
        ),
        (
            "Sur 12 mois glissants, les ventes reculent de 3 %.",
            {"12 mois": "Sur 12 mois glissants", "3 %": None},
        ),
        (
            "Ils représentent 21,5 % de la population, contre 16 % il y a vingt ans.",
            {"21,5 %": None, "16 %": None, "vingt ans": "il y a vingt ans"},
        ),
        (
            "Soit 18 minutes de plus qu'il y a deux ans.",
            {"18 minutes": None, "deux ans": "il y a deux ans"},
        ),
        (
            "Le thermostat est réglé à 19,2 °C, contre 20,1 °C deux ans plus tôt.",
            {"19,2 °C": None, "20,1 °C": None, "deux ans": "deux ans plus tôt"},
        ),
        (
            "Au cours des 12 derniers mois, 40 % ont voyagé.",
            {"12 derniers mois": "Au cours des 12 derniers mois", "40 %": None},
        ),
        ("Le chômage est au plus bas depuis dix ans.", {"dix ans": "depuis dix ans"}),
        (
            "Après deux années de recul, les ventes progressent de 1,5 %.",
            {"deux années": "deux années de recul", "1,5 %": None},
        ),
        ("Un recul de 19,2 % sur douze mois.", {"19,2 %": None, "douze mois": "sur douze mois"}),
        # "en" after a word of change or of multiplication in the sentence: its span
        (
            "La moyenne européenne a progressé de 2 points en deux ans.",
            {"progressé de 2 points": None, "deux ans": "en deux ans"},
        ),
        (
            "Le nombre d'apprentis a été multiplié par deux en cinq ans.",
            {"multiplié par deux": None, "cinq ans": "en cinq ans"},
        ),
        (
            "Elle recule de 11 % par rapport à la moyenne des cinq dernières années.",
            {"11 %": None, "cinq dernières années": "cinq dernières années"},
        ),
        (
            "La fréquentation a progressé de 8,4 % sur les six premiers mois de l'année.",
            {"8,4 %": None, "six premiers mois": "sur les six premiers mois"},
        ),
        (
            "Deux ans après l'abaissement, 52 % sont favorables.",
            {"Deux ans": "Deux ans après", "52 %": None},
        ),
        # how long something took or lasts, or the bound of a category: figures
        ("Un jeune diplômé trouve un emploi en six mois.", {"six mois": None}),
        ("La mise de fonds équivaut à 18 mois de salaire.", {"18 mois": None}),
        ("La durée moyenne des prêts est de 23 ans.", {"23 ans": None}),
        ("Des CDD de plus de six mois.", {"six mois": None}),
        ("Il part après 3 ans.", {"3 ans": None}),
        ("Les salariés présents depuis plus de 10 ans.", {"10 ans": None}),
        ("Ils dorment 6 h 42 par nuit, 3 jours sur 7.", {"6 h 42": None, "3 jours sur 7": None}),
    ],
)
def test_reference_period(text, expected):
    assert {m.surface: reference_period(m, text) for m in extract_mentions(text)} == expected


def test_the_draft_proposes_a_period_as_ignored_with_its_reason():
    text = "La part des ventes en ligne a progressé de 4 points en trois ans."
    drafted = {m.surface: draft_entry(m, text) for m in extract_mentions(text)}
    assert "as_observation" not in drafted["trois ans"]
    assert drafted["trois ans"]["as_ignore"]["reason"] == (
        "Period a figure is placed in (en trois ans), not a figure of the survey"
    )
    assert drafted["progressé de 4 points"]["as_observation"]["unit"] == "points"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time of day: after "à", "vers", "dès"…, or a range of them
        (
            "Les prévisions sont publiées la veille à 17 heures, le 12 mars à 18 h.",
            {"17 heures": "à 17 heures", "18 h": "à 18 h"},
        ),
        ("Le dernier départ est prévu à 22 h 47.", {"22 h 47": "à 22 h 47"}),
        ("Le train part à 5h45 de la gare de Lyon.", {"5h45": "à 5h45"}),
        (
            "Un pic vers 19 heures, dès 7 h 30.",
            {"19 heures": "vers 19 heures", "7 h 30": "dès 7 h 30"},
        ),
        ("Ouvert à partir de 10 h 30.", {"10 h 30": "à partir de 10 h 30"}),
        (
            "Un train sur trois de 6 h 30 à 9 h 30.",
            {
                "Un train sur trois": None,
                "6 h 30": "de 6 h 30 à 9 h 30",
                "9 h 30": "de 6 h 30 à 9 h 30",
            },
        ),
        ("Ouvert entre 8 h et 12 h.", {"8 h": "entre 8 h et 12 h", "12 h": "entre 8 h et 12 h"}),
        ("Il se réunit à vingt heures.", {"vingt heures": "à vingt heures"}),
        ("Le pic, le 14/05/2025 08h30, atteint 86 GW.", {"08h30": "08h30", "86 GW": None}),
        ("Le pic est survenu mercredi à 19 heures.", {"19 heures": "à 19 heures"}),
        # how long: after a word of duration, before "par", a noun, "de plus"…, or past 24 h
        ("Le temps passé passe à 3 h 10 par jour.", {"3 h 10": None}),
        ("Une attente limitée à 2 h.", {"2 h": None}),
        ("Ils estiment à 2 heures le temps raisonnable.", {"2 heures": None}),
        ("Ils y passent jusqu'à 5h30 le week-end.", {"5h30": None}),
        ("Après 3 heures de négociation.", {"3 heures": None}),
        ("Ils y passent entre 2 h et 3 h par jour.", {"2 h": None, "3 h": None}),
        ("La durée passe de 2 h 10 à 3 h 10.", {"2 h 10": None, "3 h 10": None}),
        ("Le passage à 35 heures.", {"35 heures": None}),
        ("Ils dorment 6 h 42 par nuit.", {"6 h 42": None}),
        ("Un record à 2 h 01 min 09 s.", {"2 h 01 min 09 s": None}),
    ],
)
def test_time_of_day(text, expected):
    _assert_reasons(text, expected, "Time of day ({words})")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Total supérieur à 100 %, plusieurs réponses possibles.",
            {"100 %": "Total supérieur à 100 %"},
        ),
        (
            "Le total des réponses dépasse 100 % : 52 % citent le prix.",
            {"100 %": "total des réponses dépasse 100 %", "52 %": None},
        ),
        # a share of 100 % stated as a figure
        ("La quasi-totalité, 100 % des sondés, approuvent.", {"100 %": None}),
        ("Le total des ventes atteint 100 000 €.", {"100 000 €": None}),
    ],
)
def test_note_on_the_total(text, expected):
    _assert_reasons(text, expected, "Note on the total of the answers ({words})")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le risque est multiplié par 3,4 (OR = 3,4 ; p < 0,001).", {"0,001": "p < 0,001"}),
        ("La différence est significative (p = 0,03).", {"0,03": "p = 0,03"}),
        ("La p-value de 0,04 est faible.", {"0,04": "p-value de 0,04"}),
        ("Le groupe P compte 12 personnes, soit 45 %.", {"12": None, "45 %": None}),
    ],
)
def test_p_value(text, expected):
    _assert_reasons(text, expected, "Significance of a statistical test ({words})")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La marge d'erreur est de 3,1 % en Wallonie et de 2,8 % en Flandre.",
            {"3,1 %": None, "2,8 %": "et de 2,8 % en Flandre"},
        ),
        (
            "La marge d'erreur est de 2,2 points pour l'ensemble et de 4,5 points pour les "
            "moins de 35 ans, 19 fois sur 20.",
            {"2,2 points": None, "4,5 points": "et de 4,5 points pour les moins de 35 ans"},
        ),
        # a range of margins, or a share after a margin, is no part's margin
        ("Les marges d'erreur vont de 1,5 à 3,5 points.", {"1,5": None, "3,5 points": None}),
        ("Marge d'erreur : 3 %, et 45 % des sondés approuvent.", {"3 %": None, "45 %": None}),
        ("La marge d'erreur est de 3 points et 45 % des sondés approuvent.", {"45 %": None}),
    ],
)
def test_part_margin(text, expected):
    _assert_reasons(text, expected, "Margin of error of a part of the sample ({words})")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Parmi eux, 59 % le font deux jours par semaine.",
            {"59 %": None, "deux jours": "deux jours par semaine"},
        ),
        (
            "Ils sont 18 % à télétravailler 3 jours chaque semaine.",
            {"3 jours": "3 jours chaque semaine"},
        ),
        # no share before, or a share cut off by a comma: how long, a figure
        ("Les salariés télétravaillent 2,3 jours par semaine.", {"2,3 jours": None}),
        ("Soit 45 %, et 2 jours par semaine en moyenne.", {"2 jours": None}),
        ("Ils sont 18 % à partir 3 jours.", {"3 jours": None}),
    ],
)
def test_the_answer_a_share_counts(text, expected):
    _assert_reasons(text, expected, "Answer a share counts ({words})")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La part plafonne à 5,8 %, loin de l'objectif de 20 % fixé par la loi.",
            {"5,8 %": None, "20 %": "objectif de 20 %"},
        ),
        ("Le gouvernement vise 50 % d'ici 2030.", {"50 %": "vise 50 %"}),
        (
            "Pour tenir l'objectif de 2 tonnes par habitant, il faut agir.",
            {"2 tonnes": "objectif de 2 tonnes"},
        ),
        ("L'objectif : 1 million de logements.", {"1 million": "objectif : 1 million"}),
        (
            "L'objectif est de tripler la part du vélo, pour atteindre 9 % des déplacements.",
            {"9 %": "pour atteindre 9 %"},
        ),
        ("L'objectif de l'OMS reste fixé à 75 %.", {"75 %": "fixé à 75 %"}),
        (
            "Elle a atteint 89,7 %, pour un objectif contractuel de 92 %.",
            {"89,7 %": None, "92 %": "objectif contractuel de 92 %"},
        ),
        ("L'objectif est de 50 % en 2030.", {"50 %": "objectif est de 50 %"}),
        ("L'objectif de la réforme est atteint par 45 % des entreprises.", {"45 %": None}),
        ("Le taux d'usure est fixé à 5,92 %.", {"5,92 %": None}),
        # what was reached is a figure
        ("Il a progressé de 1,8 %, pour atteindre 175 000 logements.", {"175 000": None}),
        ("Les objectifs sont atteints par 45 % des entreprises.", {"45 %": None}),
        ("Le taux a atteint 12 %, au-delà de l'objectif.", {"12 %": None}),
    ],
)
def test_target(text, expected):
    _assert_reasons(text, expected, "Target ({words})")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lille bat Lyon 3-1.", [("3", "3-1"), ("1", "3-1")]),
        ("Le PSG s'impose 3-1 dimanche.", [("3", "3-1"), ("1", "3-1")]),
        (
            "Il bat Zverev 6-3, 2-6, 7-6 (7-5).",
            [("6", "6-3"), ("3", "6-3"), ("2", "2-6"), ("6", "2-6")]
            + [("7", "7-6"), ("6", "7-6"), ("7", "7-5"), ("5", "7-5")],
        ),
        (
            "Les 18-24 ans gagnent le match 2 – 0.",
            [("18", None), ("24 ans", None), ("2", "2 – 0"), ("0", "2 – 0")],
        ),
        ("Victoire 98-95 après prolongation.", [("98", "98-95"), ("95", "98-95")]),
        # a match's sentence, but no score: a unit, a noun counted, a decimal, no dash
        ("Lors du match, 3-4 personnes.", [("3", None), ("4", None)]),
        ("Au match, 10-15 % des places.", [("10", None), ("15 %", None)]),
        ("Le match a réuni 1,5-2 millions.", [("1,5", None), ("2 millions", None)]),
        ("Le match a réuni 3 000 spectateurs et 2 buts.", [("3 000", None), ("2", None)]),
        # a dash between two numbers, but no match in the sentence
        (
            "Les classes comptent 25-30 élèves, 3-1 ailleurs.",
            [("25", None), ("30", None)] + [("3", None), ("1", None)],
        ),
    ],
)
def test_score(text, expected):
    reasons = [(m.surface, not_a_figure(m, text)) for m in extract_mentions(text)]
    reasons = [(s, r if r is None or r.startswith("Score") else None) for s, r in reasons]
    assert reasons == [
        (surface, score and f"Score of a match ({score}), not a figure of the survey")
        for surface, score in expected
    ]
