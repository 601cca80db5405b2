"""Case tables: what a new survey's draft reads in the words of its article — who ran the
survey, whom it asked, how it collected the answers, what its sample counts
(pipeline/survey_words.py, raw/lexicon/fr_methods.yml)."""

import pytest

from pipeline.extract import extract_mentions
from pipeline.methods import stated_attributes
from pipeline.survey_words import collection_mode, producer, sample_unit, target_population


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon un sondage Ifop pour une association, 78 % approuvent.", "Ifop"),
        ("Sondage réalisé par YouGov pour notre journal, du 14 au 15 mars 2024.", "YouGov"),
        ("Selon une étude réalisée par l'institut CSA pour une banque.", "CSA"),
        ("D'après une enquête du Cevipof pour l'Association des maires de France.", "Cevipof"),
        ("Selon l'enquête de Santé publique France menée en 2024.", "Santé publique France"),
        ("Le baromètre politique réalisé par Elabe pour une chaîne.", "Elabe"),
        ("Un sondage Ifop pour Le Monde.", "Ifop"),  # not "Ifop pour Le Monde"
        # the acronym in brackets after the name is its short name
        ("Une enquête du Syndicat neutre pour indépendants (SNI), menée en ligne.", "SNI"),
        (
            "D'après le baromètre du Club des experts de la sécurité de l'information et du "
            "numérique (Cesin), 38 %.",
            "Cesin",
        ),
        # an institution's name runs over its lowercase words
        (
            "Selon le baromètre du Centre national du livre, réalisé en ligne.",
            "Centre national du livre",
        ),
        (
            "Le prix publié par la Commission de régulation de l'énergie s'établit à 129 euros.",
            "Commission de régulation de l'énergie",
        ),
        # a survey's own name, then its producer's
        ("Selon l'enquête Emploi de l'Insee, 26,6 % des femmes.", "Insee"),
        # a name on one line; an adjective of frequency
        ("Sondage : un sondage Ipsos\nUn Français sur trois part.", "Ipsos"),
        (
            "Selon notre sondage quotidien Ifop-Fiducial, la liste conduite par Jordan Bardella.",
            "Ifop-Fiducial",
        ),
        ("L'indicateur calculé par l'Insee gagne un point.", "Insee"),
        ("Une enquête de l'Observatoire de la vie étudiante (OVE) révèle que…", "OVE"),
        # no name after the words of a survey
        ("Selon une enquête menée en ligne auprès de 1 000 personnes.", None),
        ("Le sondage montre que les Français hésitent.", None),
        ("Les prix ont baissé de 3 % selon l'Insee.", None),
        # a quarter is no name: the next survey word's name is
        ("Baromètre T3 2024. Une enquête de l'Apec menée auprès de 11 000 firmes.", "Apec"),
        # an adjective between
        ("Selon l'étude annuelle de Médiamétrie publiée ce mercredi.", "Médiamétrie"),
        ("Le baromètre mensuel d'Odoxa pour une radio.", "Odoxa"),
        ("Une enquête nationale menée auprès de 2 000 personnes.", None),
        # nor the acronym of a topic
        ("Baromètre RH : l'engagement des salariés au plus bas.", None),
        ("Le baromètre IA des PME, réalisé par Ipsos.", "Ipsos"),
    ],
)
def test_producer(text, expected):
    assert producer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'enquête a été menée en ligne selon la méthode des quotas.", "online"),
        ("Réalisé par questionnaire auto-administré en ligne du 7 au 8 septembre.", "online"),
        ("Méthodologie : questionnaire en ligne, mars 2025.", "online"),
        ("Les salariés ont été interrogés par téléphone du 3 au 5 mai.", "telephone"),
        ("Enquête réalisée en face-à-face auprès de 1 000 personnes.", "face-to-face"),
        # "en ligne" that says nothing of the survey, or two modes
        ("Selon l'enquête, 77,5 % des internautes ont acheté en ligne cette année.", None),
        ("Enquête menée en ligne et par téléphone.", None),
        ("Aucune méthode n'est précisée.", None),
    ],
)
def test_collection_mode(text, expected):
    assert collection_mode(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enquête menée auprès de 1 020 personnes en mars.", "personnes"),
        ("Réalisée auprès de plus de 1 600 dirigeants de PME.", "dirigeants"),
        ("Au total, 1 002 salariés interrogés en mai.", "salariés"),
        ("Un sondage mené auprès de 1 005 Français en mai.", "Français"),
        ("Sondage réalisé (n=1 502) en mai.", None),  # no noun after the number
        ("Auprès de 1 000 personnes, puis auprès de 500 cadres.", None),  # two samples
    ],
)
def test_sample_unit(text, expected):
    stated = [a for m in extract_mentions(text) for a in stated_attributes(m, text)]
    assert sample_unit(text, stated) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sondage réalisé sur un échantillon de 1 020 personnes représentatif de la population"
            " française âgée de 18 ans et plus (méthode des quotas).",
            "la population française âgée de 18 ans et plus",
        ),
        (
            "Auprès d'un échantillon représentatif de 1 005 Français âgés de 18 ans et plus.",
            "Français âgés de 18 ans et plus",
        ),
        (
            "Menée auprès de 1 204 salariés de la métropole, elle montre que…",
            "salariés de la métropole",
        ),
        ("Une enquête auprès de 48 500 étudiants révèle que le loyer pèse.", "étudiants"),
        ("Interrogés auprès de 1 600 dirigeants entre le 20 juin et le 12 juillet.", "dirigeants"),
        # a second sample, a season, a dangling preposition end the words
        (
            "Étude réalisée auprès de 3 504 salariés du secteur privé et de 402 dirigeants.",
            "salariés du secteur privé",
        ),
        ("L'OVE, qui a interrogé 60 000 étudiants au printemps, publie.", "étudiants"),
        (
            "Enquête auprès de 394 responsables des systèmes d'information en décembre 2024.",
            "responsables des systèmes d'information",
        ),
        ("Auprès de 2 450 Belges de 18 ans et plus.", "Belges de 18 ans et plus"),
        # "représentatif" away from the sample size names no one asked
        ("L'organisation représentative des PME clame que la sécurité compte.", None),
    ],
)
def test_target_population(text, expected):
    stated = [a for m in extract_mentions(text) for a in stated_attributes(m, text)]
    assert target_population(text, stated) == expected
