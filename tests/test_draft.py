"""Case table: the observation a draft proposes for each kind of number, and that its number
reads back as its value in its unit (the check the build runs on annotations)."""

from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipeline.derive.lexicon import load_lexicon
from pipeline.draft import TODO, Quoted, draft_entry
from pipeline.extract import extract_mentions
from pipeline.validate.provenance import (
    attribute_number_problems,
    number_span,
    observation_number_problems,
)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize(
    ("text", "unit", "value", "number_text"),
    [
        ("Soit 53 % des dirigeants.", "percent", 53.0, "53 %"),
        ("Un dirigeant sur cinq le dit.", "percent", 20.0, "Un dirigeant sur cinq"),
        ("Les deux tiers des sondés.", "percent", 66.6667, "deux tiers"),
        ("Soit 1 600 dirigeants.", "count", 1600.0, "1 600"),
        ("Soit 1,5 million de visiteurs.", "count", 1_500_000.0, "1,5 million"),
        (
            "Soit 12,4 cas pour 100 000 habitants.",
            "per_hundred_thousand",
            12.4,
            "12,4 cas pour 100 000",
        ),
        ("Soit 12,4 pour 100 habitants.", "percent", 12.4, "12,4 pour 100"),
        ("Un budget moyen de 2 150 euros.", "euro", 2150.0, "2 150 euros"),
        ("Une enveloppe de 150 M€.", "euro", 150_000_000.0, "150 M€"),
        ("Le litre a augmenté de 15 centimes.", "euro", 0.15, "15 centimes"),
        ("Le kilowattheure passe à 21,39 c€.", "euro", 0.2139, "21,39 c€"),
        ("Un abonnement à 14,40 €TTC.", "euro", 14.4, "14,40 €TTC"),
        # An amount in another currency: the first its words may name.
        ("Un salaire de 55 000 $ par an.", "us_dollar", 55000.0, "55 000 $"),
        ("À Montréal, un loyer de 1 325 $.", "canadian_dollar", 1325.0, "1 325 $"),
        ("Un loyer de 1 200 $ CA.", "canadian_dollar", 1200.0, "1 200 $ CA"),
        ("Un prix de 12 CHF.", "swiss_franc", 12.0, "12 CHF"),
        ("Un billet à 11,90 fr. à Lausanne.", "swiss_franc", 11.9, "11,90 fr."),
        ("Soit 31,2 % de part d'audience.", "percent_of_quantity", 31.2, "31,2 %"),
        ("Le mètre carré atteint 13 500 dirhams.", "moroccan_dirham", 13500.0, "13 500 dirhams"),
        ("À Rabat, 11 800 DH le mètre carré.", "moroccan_dirham", 11800.0, "11 800 DH"),
        ("Un salaire de 45 000 DA par mois.", "algerian_dinar", 45000.0, "45 000 DA"),
        ("Un loyer de 450 dinars.", "algerian_dinar", 450.0, "450 dinars"),
        ("À Tunis, un loyer de 450 dinars.", "tunisian_dinar", 450.0, "450 dinars"),
        ("Un panier de 85 DT.", "tunisian_dinar", 85.0, "85 DT"),
        ("Le sac se vend 4 200 yens.", "japanese_yen", 4200.0, "4 200 yens"),
        ("Un prix de 4 200 ¥.", "japanese_yen", 4200.0, "4 200 ¥"),
        ("En Chine, un prix de 300 ¥.", "chinese_yuan", 300.0, "300 ¥"),
        ("Un salaire de 6 500 yuans.", "chinese_yuan", 6500.0, "6 500 yuans"),
        (
            "Un budget de 11 110 milliards de roupies.",
            "indian_rupee",
            11.11e12,
            "11 110 milliards de roupies",
        ),
        ("Un salaire de 783 roupies par jour.", "indian_rupee", 783.0, "783 roupies"),
        # francs of other countries than Switzerland
        ("Un loyer de 80 000 francs CFP.", "cfp_franc", 80000.0, "80 000 francs CFP"),
        ("Un litre à 3 500 francs congolais.", "congolese_franc", 3500.0, "3 500 francs congolais"),
        ("Un sac à 250 000 francs guinéens.", "guinean_franc", 250000.0, "250 000 francs guinéens"),
        ("Un ticket à 500 francs rwandais.", "rwandan_franc", 500.0, "500 francs rwandais"),
        ("Un salaire de 250 000 ariary.", "malagasy_ariary", 250000.0, "250 000 ariary"),
        (
            "Un repas à 1 500 gourdes haïtiennes.",
            "haitian_gourde",
            1500.0,
            "1 500 gourdes haïtiennes",
        ),
        ("Une puissance de 420 watts.", "watts", 420.0, "420 watts"),
        ("Un chargeur de 65 W.", "watts", 65.0, "65 W"),
        ("La sonde file à 7,9 km/s.", "kilometres_per_second", 7.9, "7,9 km/s"),
        ("Une bouteille de 75 cl.", "centilitres", 75.0, "75 cl"),
        ("Soit 250 ml de lait.", "millilitres", 250.0, "250 ml"),
        ("Un comprimé de 500 mg.", "milligrams", 500.0, "500 mg"),
        ("Une dose de 5 µg.", "micrograms", 5.0, "5 µg"),
        ("Un fichier de 300 ko.", "kilobytes", 300.0, "300 ko"),
        ("Il boit 2 L par jour.", "litres", 2.0, "2 L"),
        (
            "Les primes augmenteront en moyenne de 6 %.",
            "percent_change",
            6.0,
            "augmenteront en moyenne de 6 %",
        ),
        ("Soit 11,7 % du produit intérieur brut.", "percent_of_quantity", 11.7, "11,7 %"),
        ("Les paris représentent 55 % des mises.", "percent_of_quantity", 55.0, "55 %"),
        ("Et 45 % des aides-soignants.", "percent", 45.0, "45 %"),
        ("Le litre de SP98 1,897 € en moyenne.", "euro", 1.897, "1,897 €"),
        ("Un budget entre 2 et 3 M£.", "pound_sterling", 2_000_000.0, "2"),
        ("Soit -6 points sur un an.", "points", -6.0, "-6 points"),
        ("Un recul de 15 points.", "points", -15.0, "recul de 15 points"),
        ("Un niveau inférieur de 4 points à 2022.", "points", -4.0, "inférieur de 4 points"),
        ("Les prix reculent de 3 % sur un an.", "percent_change", -3.0, "reculent de 3 %"),
        ("Les ventes augmentent de 4 %.", "percent_change", 4.0, "augmentent de 4 %"),
        ("Le tarif augmentera de 10 %.", "percent_change", 10.0, "augmentera de 10 %"),
        ("Les ventes reculeraient de 2 %.", "percent_change", -2.0, "reculeraient de 2 %"),
        ("TotalEnergies gagnait 1,1 %.", "percent_change", 1.1, "gagnait 1,1 %"),
        ("Le Smic est revalorisé de 2 %.", "percent_change", 2.0, "revalorisé de 2 %"),
        # a word of change before the number's qualifier
        ("Une hausse de près de 10 %.", "percent_change", 10.0, "hausse de près de 10 %"),
        # a fraction after a word of change is one, not after a comparison
        ("Les ventes ont baissé d'un quart.", "percent_change", -25.0, "baissé d'un quart"),
        ("Le prix a augmenté d'un tiers.", "percent_change", 33.3333, "augmenté d'un tiers"),
        ("Dont un tiers supérieures à la moitié.", "percent", 33.3333, "un tiers"),
        ("Les prix ont reculé d'environ 3 %.", "percent_change", -3.0, "reculé d'environ 3 %"),
        (
            "Une revalorisation de 4,6 % des pensions.",
            "percent_change",
            4.6,
            "revalorisation de 4,6 %",
        ),
        ("Ce taux d'effort atteint 40 %.", "percent_of_quantity", 40.0, "40 %"),
        # in brackets, the words right before them give the unit
        ("L'inflation reste la première préoccupation citée (27 %).", "percent", 27.0, "27 %"),
        ("L'inflation (2,1 %) ralentit.", "percent_change", 2.1, "2,1 %"),
        # a pronoun subject stands for the rate of the sentence before
        (
            "Le taux d'intérêt moyen des crédits a encore baissé. Il s'établit à 3,4 %.",
            "percent_rate",
            3.4,
            "3,4 %",
        ),
        ("L'inflation ralentit encore. Elle s'établit à 1,3 %.", "percent_change", 1.3, "1,3 %"),
        ("L'inflation ralentit. Il y a 45 % d'inquiets.", "percent", 45.0, "45 %"),
        ("L'inflation ralentit. Elle touche 45 % des ménages.", "percent", 45.0, "45 %"),
        ("L'inflation ralentit. Les prix montent de 3 %.", "percent_change", 3.0, "montent de 3 %"),
        ("Les ventes reculaient de 2 %.", "percent_change", -2.0, "reculaient de 2 %"),
        ("L'indice s'effrite de 0,4 %.", "percent_change", -0.4, "s'effrite de 0,4 %"),
        ("Le Bund se replie de 0,2 %.", "percent_change", -0.2, "se replie de 0,2 %"),
        ("Le yen s'apprécie de 1,5 %.", "percent_change", 1.5, "s'apprécie de 1,5 %"),
        ("Les prix montent de 4 %.", "percent_change", 4.0, "montent de 4 %"),
        ("Le nombre bondit de 16,7 %.", "percent_change", 16.7, "bondit de 16,7 %"),
        ("La perte atteint 2,1 %.", "percent_change", -2.1, "perte atteint 2,1 %"),
        ("Le revenu devrait baisser de 40 %.", "percent_change", -40.0, "baisser de 40 %"),
        ("Les prix pourraient augmenter de 5 %.", "percent_change", 5.0, "augmenter de 5 %"),
        ("Les prix flambent de 12 %.", "percent_change", 12.0, "flambent de 12 %"),
        ("Le marché s'effondre de 30 %.", "percent_change", -30.0, "s'effondre de 30 %"),
        (
            "Le rythme de baisse doit atteindre 4,7 % par an.",
            "percent_change",
            -4.7,
            "baisse doit atteindre 4,7 %",
        ),
        ("L'usage monte à 74 % chez les jeunes.", "percent", 74.0, "74 %"),
        ("Des pluies déficitaires de 20 %.", "percent_change", -20.0, "déficitaires de 20 %"),
        ("Un risque accru de 30 %.", "percent_change", 30.0, "accru de 30 %"),
        ("Un délai réduit de 15 %.", "percent_change", -15.0, "réduit de 15 %"),
        ("Il a relevé 15 % d'erreurs.", "percent", 15.0, "15 %"),
        # A rate that is no share of people: after the words of a rate, or above 100.
        ("Le taux du livret A reste fixé à 3 %.", "percent_rate", 3.0, "3 %"),
        ("Une TVA à 20 % s'applique.", "percent_rate", 20.0, "20 %"),
        ("Le taux d'intérêt réel est de -1,2 %.", "percent_rate", -1.2, "-1,2 %"),
        ("Les prix varient de -1,2 %.", "percent_change", -1.2, "-1,2 %"),
        ("La dette publique atteint 110,6 % du PIB.", "percent_rate", 110.6, "110,6 %"),
        ("Une densité carcérale de 130,9 %.", "percent_rate", 130.9, "130,9 %"),
        ("Le taux de chômage atteint 7,4 %.", "percent", 7.4, "7,4 %"),
        # A growth or an inflation rate is a relative change; an indicator is no count.
        ("L'inflation devrait refluer à 1,6 %.", "percent_change", 1.6, "1,6 %"),
        ("Une croissance du PIB de 1,1 % en 2025.", "percent_change", 1.1, "1,1 %"),
        ("L'indicateur du climat des affaires s'établit à 96.", "number", 96.0, "96"),
        # Points above 100 are a score's, not percentage points.
        ("Un score moyen de 474 points.", "number", 474.0, "474 points"),
        # a game's or a league's points are no percentage points
        ("Il a inscrit 40 points et capté 20 rebonds.", "number", 40.0, "40 points"),
        ("Le PSG termine la saison avec 76 points.", "number", 76.0, "76 points"),
        ("Le RN gagne 3 points.", "points", 3.0, "gagne 3 points"),
        # a change, or points beside a percent, are a share's even in a match's words
        ("Lors de la finale, le oui gagne 2 points.", "points", 2.0, "gagne 2 points"),
        ("À 3 points du RN, la liste réalise un score de 31 %.", "points", 3.0, "3 points"),
        ("Un recul de 21 points.", "points", -21.0, "recul de 21 points"),
        # A share of a quantity after the words that say so, or before its noun.
        (
            "La part de marché des films français atteint 39,8 %.",
            "percent_of_quantity",
            39.8,
            "39,8 %",
        ),
        ("Soit 37,5 % des entrées.", "percent_of_quantity", 37.5, "37,5 %"),
        ("Soit 0,053 % des montants échangés.", "percent_of_quantity", 0.053, "0,053 %"),
        ("Le cognac pèse 28 % du total.", "percent_of_quantity", 28.0, "28 %"),
        ("Elles représentent 17 % du parc.", "percent_of_quantity", 17.0, "17 %"),
        (
            "La part du bio dans les achats des ménages tombe à 5,6 %.",
            "percent_of_quantity",
            5.6,
            "5,6 %",
        ),
        ("La part des femmes dans les effectifs atteint 45 %.", "percent", 45.0, "45 %"),
        ("Dans les achats en ligne, la part atteint 56 % des Français.", "percent", 56.0, "56 %"),
        (
            "Le taux d'usure, plafond légal au-delà duquel une banque ne peut prêter, est fixé "
            "à 5,92 %.",
            "percent_rate",
            5.92,
            "5,92 %",
        ),
        # a noun of change, the subject of a link before the number
        ("Sur un an, la hausse atteint 4,1 %.", "percent_change", 4.1, "hausse atteint 4,1 %"),
        (
            "La baisse des ventes est de 3 % sur un an.",
            "percent_change",
            -3.0,
            "baisse des ventes est de 3 %",
        ),
        ("Une hausse qui s'établit à 6 %.", "percent_change", 6.0, "hausse qui s'établit à 6 %"),
        (
            "L'augmentation médiane s'élève à 3,1%.",
            "percent_change",
            3.1,
            "augmentation médiane s'élève à 3,1%",
        ),
        ("La hausse des prix inquiète 45 % des Français.", "percent", 45.0, "45 %"),
        # adverbs between the word of change and "de"
        (
            "Les prix ne progressent plus que de 1,3 %.",
            "percent_change",
            1.3,
            "progressent plus que de 1,3 %",
        ),
        (
            "En Bretagne, la hausse atteint même 13 %.",
            "percent_change",
            13.0,
            "hausse atteint même 13 %",
        ),
        (
            "Le nombre de vols recule en revanche de 2 %.",
            "percent_change",
            -2.0,
            "recule en revanche de 2 %",
        ),
        (
            "En volume, elles reculent toutefois de 3,4 %.",
            "percent_change",
            -3.4,
            "reculent toutefois de 3,4 %",
        ),
        ("Des pluies excédentaires de 10 %.", "percent_change", 10.0, "excédentaires de 10 %"),
        ("Une note moyenne de 6,4/10.", "number", 6.4, "6,4/10"),
        # A percent after a word of increase or decrease is a change, signed by that word.
        ("Les ventes ont reculé de 2,4 % en un an.", "percent_change", -2.4, "reculé de 2,4 %"),
        ("Une hausse de 12 % des prix.", "percent_change", 12.0, "hausse de 12 %"),
        ("Soit 38 % de baisse en un an.", "percent_change", -38.0, "38 % de baisse"),
        ("Soit 38 % des hausses de prix.", "percent", 38.0, "38 %"),
        ("Un chiffre d'affaires à -3,5 % sur un an.", "percent_change", -3.5, "-3,5 %"),
        ("Un salaire en hausse sur un an (+4,5 %).", "percent_change", 4.5, "+4,5 %"),
        ("Les ventes, – 2 %, reculent.", "percent_change", -2.0, "– 2 %"),
        # Points after "de moins" or "de hausse" are a change signed by those words.
        ("Soit 5 points de moins qu'avant.", "points", -5.0, "5 points de moins"),
        ("Soit 6 points de hausse.", "points", 6.0, "6 points de hausse"),
        ("Soit 3 % de plus qu'avant.", "percent_change", 3.0, "3 % de plus"),
        ("Moins de 5 points les séparent.", "points", 5.0, "5 points"),
        # A duration is published in the unit it is written in.
        ("Ils y passent 4 h 12 par jour.", "minutes", 252.0, "4 h 12"),
        ("Il a bouclé le marathon en 2 h 05 min 33 s.", "seconds", 7533.0, "2 h 05 min 33 s"),
        ("Une ancienneté de 3 ans et 7 mois.", "months", 43.0, "3 ans et 7 mois"),
        ("La lecture occupe 41 minutes par jour.", "minutes", 41.0, "41 minutes"),
        ("Plus de 5 heures le week-end.", "hours", 5.0, "5 heures"),
        ("Un délai moyen de 80 jours.", "days", 80.0, "80 jours"),
        ("Un arrêt de six semaines.", "weeks", 6.0, "six semaines"),
        ("L'âge moyen atteint 52 ans.", "years", 52.0, "52 ans"),
        # So is a measure.
        ("Un trajet de 6,8 km.", "kilometres", 6.8, "6,8 km"),
        ("Une surface moyenne de 69 hectares.", "hectares", 69.0, "69 hectares"),
        ("Un logement de 68 m² en moyenne.", "square_metres", 68.0, "68 m²"),
        (
            "Une récolte de 25,2 millions de tonnes.",
            "tonnes",
            25_200_000.0,
            "25,2 millions de tonnes",
        ),
        ("Une récolte de 26,3 Mt.", "tonnes", 26_300_000.0, "26,3 Mt"),
        ("Un rendement de 62 q/ha.", "quintals_per_hectare", 62.0, "62 q/ha"),
        (
            "Les rendements plafonnent à 56 quintaux par hectare.",
            "quintals_per_hectare",
            56.0,
            "56 quintaux par hectare",
        ),
        ("Soit 7,3 tonnes à l’hectare.", "tonnes_per_hectare", 7.3, "7,3 tonnes à l’hectare"),
        ("Un rendement de 55 hl/ha.", "hectolitres_per_hectare", 55.0, "55 hl/ha"),
        ("Un débit moyen de 512 Mbit/s.", "megabits_per_second", 512.0, "512 Mbit/s"),
        ("Soit 1,2 Gb/s en pointe.", "gigabits_per_second", 1.2, "1,2 Gb/s"),
        ("Une moyenne de 25 µg/m³.", "micrograms_per_cubic_metre", 25.0, "25 µg/m³"),
        # Basis points are signed by their words, as points are.
        (
            "Le taux baisse de 25 points de base.",
            "basis_points",
            -25.0,
            "baisse de 25 points de base",
        ),
        ("Soit 10 pb de moins.", "basis_points", -10.0, "10 pb de moins"),
        ("Soit -15 pb sur un an.", "basis_points", -15.0, "-15 pb"),
        (
            "Une récolte de 42 millions d'hectolitres.",
            "hectolitres",
            42_000_000.0,
            "42 millions d'hectolitres",
        ),
        ("Une consommation de 4 500 kWh par an.", "kilowatt_hours", 4500.0, "4 500 kWh"),
        ("Un logement chauffé à 19 °C.", "degrees_celsius", 19.0, "19 °C"),
        # A range's first bound is in the unit of the second.
        ("Un trajet de 10 à 15 km par jour.", "kilometres", 10.0, "10"),
        ("Ils dorment entre 6 et 7 heures.", "hours", 6.0, "6"),
        ("Des pièces de 20 à 25 m².", "square_metres", 20.0, "20"),
    ],
)
def test_draft_observation(text, unit, value, number_text):
    _assert_drafted(extract_mentions(text)[0], text, unit, value, number_text)


@pytest.mark.parametrize(
    ("text", "unit", "value", "number_text"),
    [
        (
            "Soit 412 cas pour 100 000, contre 287 l'an dernier.",
            "per_hundred_thousand",
            287.0,
            "287",
        ),
        (
            "Soit 96 tués par million d'habitants, contre 49 pour l'ensemble.",
            "per_million",
            49.0,
            "49",
        ),
        (  # a number compared with a duration written with one number is in its unit
            "Soit 45 minutes d'attente, contre 30 il y a un an.",
            "minutes",
            30.0,
            "30",
        ),
        ("Un chargement de 2,5 secondes, contre 4 en 2023.", "seconds", 4.0, "4"),
        (
            "La liste recueillerait 34 % des suffrages exprimés au premier tour (-2 par rapport "
            "à janvier).",
            "points",
            -2.0,
            "-2",
        ),
        ("Le solde atteint 34 (-2 par rapport à janvier).", "number", -2.0, "-2"),
        ("Soit 3 ans, contre 5 chez les autres.", "years", 5.0, "5"),
        (  # after the words of a growth rate, with years between
            "Une croissance du PIB de 1,1 % en 2025, avant 1,3 % en 2026 et 1,5 % en 2027.",
            "percent_change",
            1.5,
            "1,5 %",
        ),
        (  # a percent compared with a rate is a rate
            "Le taux moyen des crédits est redescendu à 3,55 %, contre 4,2 % en 2023.",
            "percent_rate",
            4.2,
            "4,2 %",
        ),
        (
            "La récolte a chuté à 25,2 millions de tonnes, contre 35 millions en 2023.",
            "tonnes",
            35_000_000.0,
            "35 millions",
        ),
        ("Une surface de 69 hectares, contre 55 en 2010.", "hectares", 55.0, "55"),
        # a percent compared after "contre" with a rise, a rate or a share of a quantity is one
        (
            "Les loyers augmentent de 3 %, contre 2 % l'an dernier.",
            "percent_change",
            2.0,
            "2 %",
        ),
        (
            "L'inflation ralentit à 0,6 %, contre 15,2 % un an plus tôt.",
            "percent_change",
            15.2,
            "15,2 %",
        ),
        ("Un taux d'intérêt de 3,5 %, contre 4 % en 2023.", "percent_rate", 4.0, "4 %"),
        ("Les loyers augmentent de 3 %, contre 2 % des ménages.", "percent", 2.0, "2 %"),
        ("Les ventes reculent de 5 %, contre 3 % en 2022.", "percent", 3.0, "3 %"),
        (
            "La fréquentation a augmenté de 11 % en 2023, et de 37 % par rapport à 2019.",
            "percent_change",
            37.0,
            "37 %",
        ),
        ("Une hausse de 2 % des ventes et de 30 % des sondés.", "percent", 30.0, "30 %"),
        (
            "Les prix ont progressé de 0,8 % sur un an, après 1,4 % en septembre.",
            "percent_change",
            1.4,
            "1,4 %",
        ),
        ("Le taux directeur est de 3 %, après 3,5 % en mai.", "percent_rate", 3.5, "3,5 %"),
        ("Les prix ont augmenté de 2 %, après 25 % des ménages.", "percent", 25.0, "25 %"),
    ],
)
def test_a_number_compared_with_a_measure_is_drafted_in_its_unit(text, unit, value, number_text):
    (mention,) = [m for m in extract_mentions(text) if m.surface == number_text]
    _assert_drafted(mention, text, unit, value, number_text)


def _assert_drafted(mention, text, unit, value, number_text):
    """The draft proposes the mention in `unit`, and the number check accepts what it wrote."""
    proposed = draft_entry(mention, text)["as_observation"]
    assert (proposed["unit"], proposed["value"], proposed["number_text"]) == (
        unit,
        pytest.approx(value),
        number_text,
    )
    entries = pd.DataFrame([{"file": "a.yml", "entry": "e", "number_occurrence": 1, **proposed}])
    assert observation_number_problems(entries).empty


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Un loyer de 1 150 $ l'an dernier en moyenne, contre 990 avant.", "us_dollar"),
        ("Un budget de 2 150 euros, contre 1 900 avant.", "euro"),
        ("Un prix de 12 CHF, contre 10 avant.", "swiss_franc"),
    ],
)
def test_an_amount_compared_with_another_is_proposed_in_its_currency(text, unit):
    compared = extract_mentions(text)[1]
    proposed = draft_entry(compared, text)["as_observation"]
    assert proposed["unit"] == unit
    entries = pd.DataFrame([{"file": "a.yml", "entry": "e", "number_occurrence": 1, **proposed}])
    assert observation_number_problems(entries).empty


def test_a_number_written_twice_in_its_quote_is_proposed_with_its_occurrence():
    text = "Soit 12 % des cadres et 12 % des employés ; il gagne 3 points, puis 3 points."
    proposed = [draft_entry(m, text)["as_observation"] for m in extract_mentions(text)]
    assert [(p["number_text"], p.get("number_occurrence")) for p in proposed] == [
        ("12 %", None),
        ("12 %", 2),
        ("gagne 3 points", None),
        ("3 points", 2),
    ]
    entries = pd.DataFrame(
        [{"file": "a.yml", "entry": "e", "number_occurrence": 1, **p} for p in proposed]
    )
    assert observation_number_problems(entries).empty
    # The second "12 %" traces to its own characters, not to the first.
    quote, second = proposed[1]["quote"], proposed[1]
    assert number_span(quote, "12 %", second["number_occurrence"])[0] == quote.rindex("12 %")


TABLE = (
    "Confiance dans les institutions (en %)     2024   2025\n"
    "Le maire                                    63     61\n"
    "Le Parlement                                28     61\n"
    "Source : 12 instituts\n"
    "\n"
    "Soit 2 500 entreprises.\n"
)


def test_a_row_under_a_heading_in_percent_is_proposed_in_percent_from_the_heading():
    mentions = extract_mentions(TABLE)
    proposed = {(m.surface, m.start): draft_entry(m, TABLE).get("as_observation") for m in mentions}
    second_61 = proposed[("61", TABLE.rindex("61"))]
    assert (second_61["unit"], second_61["value"], second_61["number_occurrence"]) == (
        "percent",
        61.0,
        2,
    )
    assert second_61["quote"] == TABLE[: TABLE.index("\nSource")]
    assert second_61["char_start"] == 0
    # After the blank line the heading no longer applies: 2 500 is a count; so is a number
    # before a word, which is no cell of the table.
    assert proposed[("2 500", TABLE.index("2 500"))]["unit"] == "count"
    assert proposed[("12", TABLE.index("12"))]["unit"] == "count"
    entries = pd.DataFrame(
        [
            {"file": "a.yml", "entry": "e", "number_occurrence": 1, **p}
            for p in proposed.values()
            if p is not None
        ]
    )
    assert observation_number_problems(entries).empty


@pytest.mark.parametrize(
    ("text", "rule", "quote"),
    [
        ("Un tiers des sondés (33 %) le disent.", "one_third", "Un tiers"),
        (
            "Huit sondés sur dix (81 %) consultent leur téléphone.",
            "eight_in_ten",
            "Huit sondés sur dix",
        ),
        ("Trois personnes sur quatre le pensent.", "three_quarters", "Trois personnes sur quatre"),
        ("Près d’un quart (23 %) des PME ont été attaquées.", "nearly", "Près d’un quart"),
        # The modifier apostrophe (U+02BC), a letter to the regex engine, reads as the others.
        ("Près dʼun quart (23 %) des PME ont été attaquées.", "nearly", "Près dʼun quart"),
        ("Plus de la moitié des parents (52 %).", "more_than_half", "Plus de la moitié"),
        ("La quasi-totalité des PME le font.", "almost_all", "La quasi-totalité"),
        ("Une courte majorité (51 %) approuve.", "majority", "Une courte majorité"),
        ("Un dixième des sondés.", "one_in_ten", "Un dixième"),
        # "du" is "de" and "le": "près du" is the qualifier's form, "le tiers" the fraction's.
        ("Près du tiers des sondés.", "nearly", "Près du tiers"),
        ("Soit plus du quart des sondés.", "more_than", "plus du quart"),
        ("Le tiers des sondés.", "one_third", "Le tiers"),
        ("Le dixième des sondés.", "one_in_ten", "Le dixième"),
        ("Un coût de plus du double.", "double", "plus du double"),
        # A multiplier compares two figures: the curator names both, the base first.
        ("Le chiffre a doublé.", "double", "doublé"),
        ("Deux fois plus de femmes que d'hommes.", "double", "Deux fois plus"),
        ("Ils sont 2x plus nombreux.", "double", "2x"),
        ("Un risque x3 en un an.", "triple", "x3"),
        ("Les ventes ont été multipliées par 2.", "double", "multipliées par 2"),
        ("Les coûts sont divisés par 2.", "half_as_much", "divisés par 2"),
        # Another multiplier: the rule reads it from the quote.
        ("Elles sont 2,3 fois plus nombreuses.", "times_as_much", "2,3 fois plus"),
        ("Un risque multiplié par 1,5.", "times_as_much", "multiplié par 1,5"),
        ("Un coût quatre fois moins élevé.", "times_less", "quatre fois moins"),
        # No claim: no rule reads the share, or the number is no share in words.
        ("Deux sur sept le disent.", None, None),
        ("Soit 53 % des dirigeants.", None, None),
        ("Ils y sont restés trois ans.", None, None),
    ],
)
def test_a_share_in_words_is_proposed_as_a_claim_with_its_rule(text, rule, quote, lexicon):
    (m,) = [m for m in extract_mentions(text) if m.kind != "percent"] or extract_mentions(text)
    claim = draft_entry(m, text, lexicon).get("as_claim")
    if rule is None:
        assert claim is None
        return
    assert claim == {
        "id": f"todo_{m.start}",
        "quote": quote,
        "char_start": text.index(quote),
        "char_end": text.index(quote) + len(quote),
        "rule": rule,
        "observations": ["TODO: the base", "TODO: the figure compared with it"]
        if rule in ("double", "triple", "half_as_much", "times_as_much", "times_less")
        else ["TODO"],
    }
    assert "as_claim" not in draft_entry(m, text)  # no lexicon, no claim


@pytest.mark.parametrize(
    ("shares", "observations"),
    [
        ([Quoted("third", 0, 26)], ["third"]),  # its quote holds "Un tiers"
        ([Quoted("third", 0, 26), Quoted("other", 40, 60)], ["third"]),
        ([Quoted("other", 40, 60)], ["TODO"]),  # none holds it
        ([Quoted("third", 0, 26), Quoted("whole", 0, 60)], ["TODO"]),  # two do: the curator's call
        ([Quoted("part", 3, 26)], ["TODO"]),  # a quote that cuts the words
    ],
)
def test_a_claim_describes_the_one_curated_share_whose_quote_holds_it(
    shares, observations, lexicon
):
    text = "Un tiers des sondés (33 %) le disent, et 40 % le pensent."
    fraction = extract_mentions(text)[0]
    assert draft_entry(fraction, text, lexicon, shares)["as_claim"]["observations"] == observations


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        (
            "La liste recueille 27 % (+3), contre 14 %, -2. L'indice atteint -12, soit +4.",
            ["+3", "-2", "-12", "+4"],
        ),
        (  # a space after the sign
            "La liste recueille 27 % (+ 3), contre 14 %, – 2. L'indice atteint − 12, soit + 4.",
            ["+ 3", "– 2", "− 12", "+ 4"],
        ),
        (  # the next cell of a table's row, after a pipe or a tab
            "| A | 27 % | +3 |\n| B | 14 % | -2 |\n\nL'indice atteint -12, soit +4.",
            ["+3", "-2", "-12", "+4"],
        ),
        (
            "A\t27 %\t+3\nB\t14 %\t-2\n\nL'indice atteint -12, soit +4.",
            ["+3", "-2", "-12", "+4"],
        ),
    ],
)
def test_a_signed_number_after_a_percent_is_proposed_as_points(text, signed):
    proposed = [
        (m.surface, entry["as_observation"])
        for m in extract_mentions(text)
        if "as_observation" in (entry := draft_entry(m, text))
    ]
    plus3, minus2, minus12, plus4 = signed
    assert [(s, o["unit"], o["value"], o["number_text"]) for s, o in proposed] == [
        ("27 %", "percent", 27.0, "27 %"),
        (plus3, "points", 3.0, plus3),
        ("14 %", "percent", 14.0, "14 %"),
        (minus2, "points", -2.0, minus2),
        (minus12, "number", -12.0, minus12),
        (plus4, "number", 4.0, plus4),
    ]
    rows = [{"file": "a.yml", "entry": "e", "number_occurrence": 1, **o} for _, o in proposed]
    assert observation_number_problems(pd.DataFrame(rows)).empty


@pytest.mark.parametrize(
    "text",
    [
        "Le 20 juin 2024.",
        "Entre 2022 et 2024.",
        "La ligne 14 est fermée.",
        "La 5e édition.",
        "Deux fois plus exposées.",
        "Depuis deux décennies.",
        # A time of day is no duration.
        "Publié le 14/05/2025 à 08h30.",
        "Mis à jour le 14 mai 2025 à 18 h 05.",
        "Le pic est survenu mercredi à 19 heures.",
        "Il est attendu dimanche soir vers 20 h.",
    ],
)
def test_no_observation_for_dates_years_names_ordinals_and_unpublished_units(text):
    for mention in extract_mentions(text):
        assert "as_observation" not in draft_entry(mention, text)


def test_a_measure_after_a_year_and_a_is_no_time_of_day():
    text = "Les émissions ont baissé en 2023, à 373 Mt."
    (mention,) = [m for m in extract_mentions(text) if m.surface == "373 Mt"]
    _assert_drafted(mention, text, "tonnes", 373_000_000.0, "373 Mt")


DATA = Path(__file__).parent / "data"
GOLD_TEXTS = sorted((DATA / "extraction_gold").glob("*.txt"))
# Short articles of many kinds (road safety, exam results, climate, wages, fuel prices, company
# results, demography, tourism, polls, prisons, cinema, energy, interviews, tables…), written
# for the tests in our own words.
ARTICLES = sorted((DATA / "draft_articles").glob("*.txt"))


@pytest.mark.parametrize("path", GOLD_TEXTS + ARTICLES, ids=lambda p: p.stem)
def test_every_proposal_of_a_whole_article_passes_the_number_check(path):
    # Ranges, signed changes, durations and measures in context: a curator who copies a
    # proposal as it is gets no number problem.
    text = path.read_text(encoding="utf-8")
    proposed = [
        entry["as_observation"]
        for m in extract_mentions(text)
        if "as_observation" in (entry := draft_entry(m, text))
    ]
    rows = [{"file": "a.yml", "entry": o["id"], "number_occurrence": 1, **o} for o in proposed]
    assert len(rows) > 5
    found = observation_number_problems(pd.DataFrame(rows))
    assert list(zip(found["entry"], found["problem"], strict=True)) == []
    attributes = [
        {"file": "a.yml", "entry": a["id"], "number_occurrence": 1, **a}
        for m in extract_mentions(text)
        for a in draft_entry(m, text, survey_id="s").get("as_attributes", [])
    ]
    if attributes:
        found = attribute_number_problems(pd.DataFrame(attributes))
        assert list(zip(found["entry"], found["problem"], strict=True)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sample size: a count after the words that say people were asked, or before them.
        ("Enquête menée auprès de 2 004 actifs.", [("sample_size", "2004", "auprès de 2 004")]),
        (
            "Une étude portant sur 25 000 contrats.",
            [("sample_size", "25000", "portant sur 25 000")],
        ),
        (
            "Quelque 640 chefs d'entreprise ont participé à l'enquête.",
            [("sample_size", "640", "Quelque 640 chefs d'entreprise ont participé à l'enquête")],
        ),
        (
            "Sur les 4 012 actifs que nous avons interrogés en mars, 33 % hésitent.",
            [("sample_size", "4012", "4 012 actifs que nous avons interrogés")],
        ),
        (
            "L'évaluation a porté sur 4 800 élèves répartis dans 160 écoles.",
            [("sample_size", "4800", "a porté sur 4 800")],
        ),
        (
            "Réalisée auprès d'un échantillon de 1.002 personnes.",
            [("sample_size", "1002", "auprès d'un échantillon de 1.002")],
        ),
        (
            "L'Apec a interrogé 2 003 jeunes diplômés.",
            [("sample_size", "2003", "a interrogé 2 003")],
        ),
        (
            "Auprès de plus de 1 600 dirigeants.",
            [("sample_size", "1600", "Auprès de plus de 1 600")],
        ),
        (
            "Soit 1 015 personnes interrogées.",
            [("sample_size", "1015", "1 015 personnes interrogées")],
        ),
        ("Base : 812 répondants.", [("sample_size", "812", "Base : 812")]),
        (
            "Parmi les 1 600 dirigeants interrogés, la moitié.",
            [("sample_size", "1600", "1 600 dirigeants interrogés")],
        ),
        (
            "Sur 2 000 chefs d'entreprise sondés.",
            [("sample_size", "2000", "2 000 chefs d'entreprise sondés")],
        ),
        # Fieldwork: a date or period in a sentence that says the survey was made then.
        (
            "Enquête réalisée du 3 au 17 mars 2025.",
            [
                ("fieldwork_start", "2025-03-03", "du 3 au 17 mars 2025"),
                ("fieldwork_end", "2025-03-17", "du 3 au 17 mars 2025"),
            ],
        ),
        (
            "Sondage réalisé du 02/09/2024 au 16/09/2024.",
            [
                ("fieldwork_start", "2024-09-02", "du 02/09/2024 au 16/09/2024"),
                ("fieldwork_end", "2024-09-16", "du 02/09/2024 au 16/09/2024"),
            ],
        ),
        (
            "Les personnes ont été interrogées en janvier 2025.",
            [
                ("fieldwork_start", "2025-01", "janvier 2025"),
                ("fieldwork_end", "2025-01", "janvier 2025"),
            ],
        ),
        (  # a part of a month states the month, not the days the extractor spans it with
            "Enquête menée fin mars 2025.",
            [
                ("fieldwork_start", "2025-03", "fin mars 2025"),
                ("fieldwork_end", "2025-03", "fin mars 2025"),
            ],
        ),
        (
            "Sondage réalisé les 12-13 juin 2024.",
            [
                ("fieldwork_start", "2024-06-12", "12-13 juin 2024"),
                ("fieldwork_end", "2024-06-13", "12-13 juin 2024"),
            ],
        ),
        (  # parts of months: the months, as the text gives no day
            "Enquête réalisée entre fin février et début mars 2026.",
            [
                ("fieldwork_start", "2026-02", "entre fin février et début mars 2026"),
                ("fieldwork_end", "2026-03", "entre fin février et début mars 2026"),
            ],
        ),
        (
            "Enquête menée les 3, 4 et 5 juin 2026.",
            [
                ("fieldwork_start", "2026-06-03", "3, 4 et 5 juin 2026"),
                ("fieldwork_end", "2026-06-05", "3, 4 et 5 juin 2026"),
            ],
        ),
        (
            "Enquête conduite le 4 mars 2025.",
            [
                ("fieldwork_start", "2025-03-04", "4 mars 2025"),
                ("fieldwork_end", "2025-03-04", "4 mars 2025"),
            ],
        ),
        # Margin of error: points or a percent right after the words that say so.
        (
            "La marge d'erreur est de ± 2,2 points.",
            [("margin_of_error", "2.2", "marge d'erreur est de ± 2,2 points")],
        ),
        (
            "Le sondage a une marge d'erreur de plus ou moins 2,5 points.",
            [("margin_of_error", "2.5", "marge d'erreur de plus ou moins 2,5 points")],
        ),
        ("Marge d'erreur : 3 %.", [("margin_of_error", "3", "Marge d'erreur : 3 %")]),
        (
            "Une marge d'erreur maximale de 2 points.",
            [("margin_of_error", "2", "marge d'erreur maximale de 2 points")],
        ),
        (  # a range: its first bound is the smallest margin, its second the largest
            "Les marges d'erreur vont de ± 1,5 à ± 3,5 points selon les scores.",
            [
                ("margin_of_error_min", "1.5", "marges d'erreur vont de ± 1,5"),
                ("margin_of_error", "3.5", "marges d'erreur vont de ± 1,5 à ± 3,5 points"),
            ],
        ),
        (
            "La marge d'erreur est comprise entre 1,4 et 3,1 points.",
            [
                ("margin_of_error_min", "1.4", "marge d'erreur est comprise entre 1,4"),
                ("margin_of_error", "3.1", "marge d'erreur est comprise entre 1,4 et 3,1 points"),
            ],
        ),
        (  # set apart by a comma
            "Lus en tenant compte des marges d'erreur, comprises entre 1,5 et 3,5 points.",
            [
                ("margin_of_error_min", "1.5", "marges d'erreur, comprises entre 1,5"),
                (
                    "margin_of_error",
                    "3.5",
                    "marges d'erreur, comprises entre 1,5 et 3,5 points",
                ),
            ],
        ),
        (
            "La marge d'erreur, de 2 points, reste faible.",
            [("margin_of_error", "2", "marge d'erreur, de 2 points")],
        ),
        (  # the share the margin is given for is no margin
            "La marge d'erreur est de 3,1 points pour un résultat de 50 %.",
            [("margin_of_error", "3.1", "marge d'erreur est de 3,1 points")],
        ),
        (  # a share after a margin, however joined, is no range's bound
            "La marge d'erreur est de 3 points et 45 % des sondés approuvent.",
            [("margin_of_error", "3", "marge d'erreur est de 3 points")],
        ),
        (
            "La marge d'erreur est de 3 points et 4 % des sondés approuvent.",
            [("margin_of_error", "3", "marge d'erreur est de 3 points")],
        ),
        (  # the margin of a part is none of the survey's
            "La marge d'erreur est de 3,1 % en Wallonie et de 2,8 % en Flandre.",
            [("margin_of_error", "3.1", "marge d'erreur est de 3,1 %")],
        ),
        (  # a sample size written after "l'échantillon de"
            "Note : l'échantillon de 2 500 personnes garantit une marge d'erreur de 2 points.",
            [
                ("sample_size", "2500", "l'échantillon de 2 500"),
                ("margin_of_error", "2", "marge d'erreur de 2 points"),
            ],
        ),
    ],
)
def test_sample_sizes_fieldwork_dates_and_margins_are_proposed_as_survey_attributes(text, expected):
    entries = [draft_entry(m, text, survey_id="s") for m in extract_mentions(text)]
    proposed = [a for e in entries for a in e.get("as_attributes", [])]
    assert [(a["attribute"], a["value"], a["quote"]) for a in proposed] == expected
    assert {a["entity"] for a in proposed} == {"survey"} and {a["entity_id"] for a in proposed} == {
        "s"
    }
    for attribute in proposed:
        assert text[attribute["char_start"] : attribute["char_end"]] == attribute["quote"]
    # Taken as they are, they pass the number check.
    rows = [{"file": "a.yml", "entry": a["id"], "number_occurrence": 1, **a} for a in proposed]
    found = attribute_number_problems(pd.DataFrame(rows))
    assert list(zip(found["entry"], found["problem"], strict=True)) == []
    # A number that says how the survey was made is not proposed as a figure of it.
    assert not any("as_observation" in e for e in entries if "as_attributes" in e)


@pytest.mark.parametrize(
    "text",
    [
        "L'étude, publiée le 14 mai 2025, a été réalisée en ligne.",  # a publication date
        "Un sondage publié le 3 mars 2025 et réalisé par Ifop.",
        "Le 12 mars 2025, les prix ont reculé.",  # no word of fieldwork
        "Soit 2 500 entreprises.",
        "Les 300 salariés licenciés ont été reçus.",
        "Il s'est renseigné auprès de 3 experts.",  # too few to be a sample
        "Auprès de 40 % des salariés.",  # a share, not a count
        "Ils ont interrogé 2,5 personnes en moyenne.",  # no whole number of people
        # a figure after the margin's words in another clause or sentence is a figure
        "Compte tenu de la marge d'erreur, le oui l'emporterait avec 52 %.",
        "Compte tenu de la marge d'erreur, la part est de 52 %.",
        "La marge d'erreur. 52 % des sondés approuvent.",
        "Le oui progresse de 3 points.",
    ],
)
def test_no_survey_attribute_for_other_dates_and_counts(text):
    for m in extract_mentions(text):
        assert "as_attributes" not in draft_entry(m, text, survey_id="s")


ANNOTATED = sorted(
    [*(Path(__file__).parent / "data").glob("**/annotations.yml")]
    + [*(Path(__file__).parents[1] / "raw" / "sources").glob("*/annotations.yml")]
)
SURVEY_ATTRIBUTES = (
    *("sample_size", "fieldwork_start", "fieldwork_end"),
    *("margin_of_error", "margin_of_error_min"),
)


@pytest.mark.parametrize("path", ANNOTATED, ids=lambda p: p.parent.name)
def test_the_draft_proposes_every_curated_sample_size_fieldwork_date_and_margin(path):
    annotations = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (path.parent / "article.txt").read_text(encoding="utf-8-sig")
    proposed = [
        a
        for m in extract_mentions(text)
        for a in draft_entry(m, text, survey_id=annotations["survey_id"]).get("as_attributes", [])
    ]
    for curated in annotations.get("attributes") or []:
        if curated["attribute"] not in SURVEY_ATTRIBUTES:
            continue
        start, end = number_span(curated["quote"], curated["number_text"], 1)
        start, end = start + curated["char_start"], end + curated["char_start"]
        # The same value, from the same written number or a wider one ("entre le 20 juin et
        # le 12 juillet" for "20 juin"); an article of two surveys names the other's id.
        assert any(
            (a["attribute"], a["value"]) == (curated["attribute"], str(curated["value"]))
            and a["char_start"] <= start
            and end <= a["char_end"]
            and (
                a["entity_id"] == curated["entity_id"]
                or curated["entity_id"] != annotations["survey_id"]
            )
            for a in proposed
        ), curated["id"]


CAPTIONED = (
    "Usage de l'IA selon la taille (en %)\n"
    "\n"
    "| Taille | 2024 | 2025 |\n"
    "|---|---|---|\n"
    "| 1-9 salariés | 21 | 28 |\n"
    "| 50 salariés et plus | 52 | 60,5 |\n"
    "\n"
    "Soit 300 entreprises.\n"
)


def test_a_caption_over_its_table_declares_the_unit_of_its_cells():
    # A caption of one line, a blank line, then the table (Markdown writes it so); a row's
    # label ("1-9 salariés") is no cell but names what its row is about, and after the table it
    # no longer applies; "50 salariés et plus" bounds a population.
    drafted = {
        m.surface: draft_entry(m, CAPTIONED)
        for m in extract_mentions(CAPTIONED)
        if m.kind == "count"
    }
    proposed = {s: d["as_observation"] for s, d in drafted.items() if "as_observation" in d}
    assert drafted["50"]["as_ignore"]["reason"] == (
        "Bound of the population a figure is about (50 salariés et plus), "
        "not a figure of the survey"
    )
    assert drafted["9"]["as_ignore"]["reason"] == (
        "Number in the label of a table's row (1-9 salariés), which names what its figures are "
        "about, not a figure of the survey"
    )
    assert {s: o["unit"] for s, o in proposed.items()} == {
        "21": "percent",
        "28": "percent",
        "52": "percent",
        "60,5": "percent",
        "300": "count",
    }
    assert proposed["60,5"]["quote"].startswith("Usage de l'IA selon la taille (en %)\n\n|")
    rows = [
        {"file": "a.yml", "entry": o["id"], "number_occurrence": 1, **o} for o in proposed.values()
    ]
    found = observation_number_problems(pd.DataFrame(rows))
    assert list(zip(found["entry"], found["problem"], strict=True)) == []


def test_rows_of_a_label_and_a_number_under_a_heading_are_its_cells():
    text = "Répartition des intentions d'embauche (en %)\nIndustrie 34\nServices 41\nCommerce 25\n"
    proposed = [
        (m.surface, d["as_observation"]["unit"], d["as_observation"]["value"])
        for m in extract_mentions(text)
        for d in [draft_entry(m, text)]
    ]
    assert proposed == [("34", "percent", 34.0), ("41", "percent", 41.0), ("25", "percent", 25.0)]


@pytest.mark.parametrize(
    ("text", "surface", "reason"),
    [
        ("Soit 2,1 points de plus qu'en 2022.", "2022", "Date (2022), not a figure of the survey"),
        (
            "Depuis septembre 2023, 1 200 élèves ont changé d'école.",
            "septembre 2023",
            "Date (septembre 2023), not a figure of the survey",
        ),
        (
            "Le taux est remonté le 1er janvier.",
            "1er janvier",
            "Date (1er janvier), not a figure of the survey",
        ),
        # an ordinal is no date, and no figure either
        (
            "Elle arrive 15e du classement.",
            "15e",
            "Ordinal (15e), a rank or an order, not a figure of the survey",
        ),
        # a multiplier is neither: the curator says why
        (
            "Il est tombé deux fois la normale.",
            "deux fois",
            f"{TODO}: why this number is not a survey figure",
        ),
    ],
)
def test_a_date_is_proposed_as_ignored_with_its_reason(text, surface, reason):
    (m,) = [m for m in extract_mentions(text) if m.surface == surface]
    drafted = draft_entry(m, text)
    assert "as_observation" not in drafted
    assert drafted["as_ignore"]["reason"] == reason


def test_the_fieldwork_of_the_survey_is_no_date_to_ignore():
    text = "L'enquête a été menée du 3 au 14 mars 2025 auprès de 1 012 personnes."
    (m,) = [m for m in extract_mentions(text) if m.kind == "period"]
    drafted = draft_entry(m, text, survey_id="s")
    assert [a["attribute"] for a in drafted["as_attributes"]] == [
        "fieldwork_start",
        "fieldwork_end",
    ]
    assert drafted["as_ignore"]["reason"].startswith(TODO)


def test_base_words_wrapped_over_lines_are_shown_on_one():
    text = "Parmi les infirmiers installés depuis\nmoins de cinq ans, 44 % hésitent."
    (m,) = [m for m in extract_mentions(text) if m.surface == "44 %"]
    assert draft_entry(m, text)["base_words"] == [
        "Parmi les infirmiers installés depuis moins de cinq ans"
    ]


@pytest.mark.parametrize(
    ("text", "surface", "words"),
    [
        # a share compared after "contre" with no group of its own: the group it is compared in
        (
            "24 % des Français donnent du temps, contre 22 % en 2022.",
            "22 %",
            ["des Français"],
        ),
        (
            "58 % d'entre eux redoutent d'être victimes, contre 41 % de l'ensemble des Français.",
            "41 %",
            ["de l'ensemble des Français"],
        ),
        # a change compared is no share of a group
        ("Les loyers ont augmenté de 4,9 % en moyenne contre +2,3 %.", "+2,3 %", None),
        # a share restated after "soit": the group of the share it restates
        ("Un Français sur deux, soit 50 %, le pense.", "50 %", ["Français"]),
        ("Un quart des sondés, c'est-à-dire 25 %, y croient.", "25 %", ["des sondés"]),
    ],
)
def test_a_share_compared_takes_the_group_it_is_compared_in(text, surface, words):
    (m,) = [m for m in extract_mentions(text) if m.surface == surface]
    assert draft_entry(m, text).get("base_words") == words
