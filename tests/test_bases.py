"""Case table: the words of a sentence the draft shows as naming a figure's base population
(raw/lexicon/fr_bases.yml)."""

import pytest

from pipeline.bases import base_words
from pipeline.draft import draft_entry
from pipeline.extract import extract_mentions


@pytest.mark.parametrize(
    ("text", "number", "words"),
    [
        # A phrase set apart before the number.
        (
            "Parmi ceux qui sont en poste, 72 % ont signé un CDI.",
            "72 %",
            ["Parmi ceux qui sont en poste"],
        ),
        (
            "Chez les diplômés d'écoles d'ingénieurs, cette part grimpe à 86 %.",
            "86 %",
            ["Chez les diplômés d'écoles d'ingénieurs"],
        ),
        ("Chez les 25-34 ans, l'inquiétude atteint 78 %.", "78 %", ["Chez les 25-34 ans"]),
        ("Au sein des PME : 41 % ont été attaquées.", "41 %", ["Au sein des PME"]),
        (  # a phrase in the middle of a clause names no group, before a colon too
            "Les pertes dans les réseaux restent élevées : près d'un litre sur cinq se perd.",
            "un litre sur cinq",
            ["litre"],
        ),
        # a group named by its opening alone, to the end of the phrase
        ("Les services desservent 94 % de la population.", "94 %", ["de la population"]),
        ("Soit 12 % de la population active occupée.", "12 %", ["de la population active occupée"]),
        ("Et 30 % du personnel soignant.", "30 %", ["du personnel soignant"]),
        ("Et 45 % des.", "45 %", []),
        # a count of the group between its opening and its noun
        (
            "Seuls 28,4 % des 98 532 électeurs inscrits se sont déplacés.",
            "28,4 %",
            ["des 98 532 électeurs inscrits"],
        ),
        ("Soit 45 % des 12 ont voté.", "45 %", []),
        # a verb in the conditional ends the group
        ("Une réduction de 20 % des émissions éviterait 4 800 morts.", "20 %", ["des émissions"]),
        ("Et 30 % des cadres choisiraient de partir.", "30 %", ["des cadres"]),
        ("Et 30 % des cadres pourraient partir.", "30 %", ["des cadres"]),
        # a proper name after "de" ends a group
        ("Soit 7,8 % dans le canton de Vaud.", "7,8 %", ["dans le canton de Vaud"]),
        ("Et 45 % des salariés de La Poste estiment.", "45 %", ["des salariés de La Poste"]),
        # a group bounded by a count, or named by a superlative
        (
            "Soit 38 % des entreprises de plus de 250 salariés.",
            "38 %",
            ["des entreprises de plus de 250 salariés"],
        ),
        ("Et 21 % pour celles de 10 à 49 salariés.", "21 %", ["pour celles de 10 à 49 salariés"]),
        ("Soit 45 % des dirigeants de 2 entreprises sur 3.", "45 %", ["des dirigeants"]),
        ("Contre 17,3 % des plus aisées.", "17,3 %", ["des plus aisées"]),
        ("Et 12 % des moins diplômés.", "12 %", ["des moins diplômés"]),
        ("Et 12 % des plus.", "12 %", []),
        (
            "Soit 22% au sein des entreprises de cinquante salariés ou plus qui sont concernées.",
            "22%",
            ["au sein des entreprises de cinquante salariés ou plus"],
        ),
        ("Soit 26% des entreprises de grandes tailles.", "26%", ["des entreprises"]),
        ("Et 12 % des 65 ans ou plus.", "12 %", ["des 65 ans ou plus"]),
        # a verb of change ends a group
        ("La moitié des ventes recule.", "La moitié", ["des ventes"]),
        # a phrase that says when or how, not who
        ("Dans le même temps, 31 % des patrons disent oui.", "31 %", ["des patrons"]),
        ("Dans le détail, 38 % souhaitent un retour.", "38 %", []),
        # a negated verb of a relative clause, with its negation
        (
            "Pour 54 % de ceux qui ne partent pas, la raison est financière.",
            "54 %",
            ["de ceux qui ne partent pas"],
        ),
        ("Et 30 % de ceux qui ne savent.", "30 %", ["de ceux qui ne savent"]),
        # a group named by a pronoun after the share is set against the phrase before
        (
            "Chez les sympathisants Renaissance, la satisfaction reste majoritaire (81 %), "
            "mais elle n'atteint que 9 % chez ceux du RN.",
            "9 %",
            ["chez ceux du RN"],
        ),
        # an age group before the bracket of its share
        (
            "Les jeunes partent plus (45 %), loin devant les 65 ans et plus (19 %).",
            "19 %",
            ["les 65 ans et plus"],
        ),
        (  # two openings in one phrase: the phrase from the first
            "Chez les ouvriers comme chez les cadres, la proportion dépasse 60 %.",
            "60 %",
            ["Chez les ouvriers comme chez les cadres"],
        ),
        (  # a phrase set apart before is not part of this one
            "Chez les cadres, 40 %; parmi les ouvriers, 20 %.",
            "20 %",
            ["parmi les ouvriers"],
        ),
        (  # after a conjunction or another phrase, a phrase still opens its clause
            "En 2024, et parmi les jeunes, la part atteint 61 %.",
            "61 %",
            ["parmi les jeunes"],
        ),
        (  # "dans" inside a clause opens no phrase; the comma of "5,8" ends none
            "La part du bio dans les achats des ménages plafonne à 5,8 %, loin de l'objectif "
            "de 20 % fixé par la loi.",
            "20 %",
            [],
        ),
        # The group right after a share, up to a function word or a verb.
        ("Enfin, la moitié des répondants envisagent de partir.", "la moitié", ["des répondants"]),
        ("45 % des salariés interrogés estiment que oui.", "45 %", ["des salariés interrogés"]),
        # "de" and an acronym continue the group.
        ("53 % des dirigeants de PME utilisent l'IA.", "53 %", ["des dirigeants de PME"]),
        ("53 % des dirigeants de grandes PME.", "53 %", ["des dirigeants"]),
        # A relative clause keeps its verb.
        (
            "45 % de ceux qui utilisent l'IA la jugent utile.",
            "45 %",
            ["de ceux qui utilisent l'IA"],
        ),
        ("Soit 45 % de celles ayant un enfant.", "45 %", ["de celles ayant un enfant"]),
        # The subject of "sont … à", from the start of its clause; a pronoun names nothing.
        (
            "Les utilisateurs d'IA sont 60 % à en être satisfaits.",
            "60 %",
            ["Les utilisateurs d'IA"],
        ),
        ("Selon l'étude, les femmes sont 30 % à le dire.", "30 %", ["les femmes"]),
        (
            "Les jeunes ne sont que 12 % à voter, et les retraités sont désormais 70 % à le faire.",
            "70 %",
            ["les retraités"],
        ),
        (
            "Les cadres sont 52 % à télétravailler, contre 21 % des ouvriers.",
            "52 %",
            ["Les cadres"],
        ),
        # a relative clause between the subject and its verb is left out
        (
            "Les boursiers, qui représentent 37 % des étudiants, sont 62 % à juger leur "
            "situation difficile.",
            "62 %",
            ["Les boursiers"],
        ),
        ("Ils sont 45 % à le penser.", "45 %", []),
        ("Les cadres sont 52 % en télétravail.", "52 %", []),
        ("Dans le secteur industriel, 41 % recrutent.", "41 %", ["Dans le secteur industriel"]),
        ("Un tiers d'entre eux hésite.", "Un tiers", ["d'entre eux"]),
        ("Soit 29 % dans les autres régions.", "29 %", ["dans les autres régions"]),
        ("Ils sont 40 % chez les cadres et 20 % parmi les ouvriers.", "40 %", ["chez les cadres"]),
        # The phrase after another number is not this one's: it is set apart by no comma.
        (
            "Ils sont 40 % chez les cadres et 20 % parmi les ouvriers.",
            "20 %",
            ["parmi les ouvriers"],
        ),
        # Both, in the order of the text.
        (
            "Parmi les cadres, 61 % des femmes télétravaillent.",
            "61 %",
            ["Parmi les cadres", "des femmes"],
        ),
        # An age group after a share; the people a ratio counts.
        ("Contre 81 % des 65 ans et plus.", "81 %", ["des 65 ans et plus"]),
        ("Soit 62 % des 18-24 ans interrogés.", "62 %", ["des 18-24 ans interrogés"]),
        ("Soit 40 % des moins de 35 ans.", "40 %", ["des moins de 35 ans"]),
        ("Enfin, 7 jeunes sur 10 estiment que non.", "7 jeunes sur 10", ["jeunes"]),
        ("Un cycliste sur cinq parcourt 15 km.", "Un cycliste sur cinq", ["cycliste"]),
        (
            "Près de 2 répondants sur 3 des grandes villes le jugent grave.",
            "2 répondants sur 3",
            ["répondants", "des grandes villes"],
        ),
        ("Soit deux sur trois.", "deux sur trois", []),
        # A share in brackets restates the words before it: their group is its base.
        ("Près d'un tiers des moins de 30 ans (31 %) le pensent.", "31 %", ["des moins de 30 ans"]),
        ("La moitié des salariés interrogés (51 %) hésitent.", "51 %", ["des salariés interrogés"]),
        ("Un tiers des sondés (près de 33 %) le disent.", "33 %", ["des sondés"]),
        ("Selon l'étude (33 %), ils hésitent.", "33 %", []),
        ("Huit sondés sur dix (81 %) sont satisfaits.", "81 %", ["sondés"]),
        ("Un salarié sur quatre (25 %) n'a jamais essayé.", "25 %", ["salarié"]),
        ("Six sur dix (60 %) le pensent.", "60 %", []),
        (  # a phrase closed by an earlier bracket is not this share's
            "Elle est plus fréquente dans les Hauts-de-France (22,1 %) et dans le Grand Est "
            "(20,0 %) qu'en Pays de la Loire (14,2 %).",
            "22,1 %",
            ["dans les Hauts-de-France"],
        ),
        (
            "Elle est plus fréquente dans les Hauts-de-France (22,1 %) et dans le Morbihan "
            "(20,0 %) qu'en Pays de la Loire (14,2 %).",
            "20,0 %",
            ["dans le Morbihan"],
        ),
        ("Soit 29 % dans le secteur public.", "29 %", ["dans le secteur public"]),
        (
            "Elle est plus fréquente dans les Hauts-de-France (22,1 %) et dans les Vosges "
            "(20,0 %) qu'en Pays de la Loire (14,2 %).",
            "14,2 %",
            ["en Pays de la Loire"],  # the group compared, after "qu'"
        ),
        # A share contrasted with another has the group written after it, not the phrase
        # set apart before the first; without a group, the phrase (the same base, another
        # year).
        (
            "Dans les entreprises de plus de 1 000 salariés, la proportion grimpe à 72 %, "
            "contre 38 % dans celles de moins de 50 salariés.",
            "38 %",
            ["dans celles de moins de 50 salariés"],
        ),
        (
            "Dans les entreprises de plus de 1 000 salariés, la proportion grimpe à 72 %, "
            "contre 38 % dans celles de moins de 50 salariés.",
            "72 %",
            ["Dans les entreprises de plus de 1 000 salariés"],
        ),
        (
            "Chez les cadres, la proportion grimpe à 72 %, contre 65 % en 2023.",
            "65 %",
            ["Chez les cadres"],
        ),
        ("Soit 40 % chez ceux qui ont un enfant.", "40 %", ["chez ceux qui ont un enfant"]),
        (
            "Chez les 18-24 ans, elle atteint 19 %, contre 12 % pour l'ensemble de la population.",
            "12 %",
            ["pour l'ensemble de la population"],
        ),
        # or everyone, in words that name no group
        (
            "Chez les managers, 42 % d'entre eux y songent, contre 27 % en moyenne.",
            "27 %",
            ["en moyenne"],
        ),
        ("Le taux atteint 31 % tous secteurs confondus.", "31 %", ["tous secteurs confondus"]),
        ("Auprès de 612 éleveurs, 44 % des jeunes hésitent.", "44 %", ["des jeunes"]),
        ("L'Insee, de son côté, estime qu'il a reculé de 0,4 %.", "0,4 %", []),  # an idiom
        ("Côté salariés, 45 % approuvent.", "45 %", ["Côté salariés"]),
        ("Du côté des entreprises, 38 % recrutent.", "38 %", ["Du côté des entreprises"]),
        # a topic is no group
        (
            "Côté solutions, 73 % des dirigeants misent sur la formation.",
            "73 %",
            ["des dirigeants"],
        ),
        ("Côté prix, 61 % jugent les tarifs trop élevés.", "61 %", []),
        (
            "Chez les 18-24 ans, 26 % sont anxieux, contre 15 % en population générale.",
            "15 %",
            ["en population générale"],
        ),
        # Two groups compared, each share in brackets after its own.
        (
            "Les femmes cadres sont plus nombreuses à télétravailler (61 %) que les hommes (56 %).",
            "61 %",
            ["Les femmes cadres"],
        ),
        (
            "Les femmes cadres sont plus nombreuses à télétravailler (61 %) que les hommes (56 %).",
            "56 %",
            ["les hommes"],
        ),
        (
            "Les parents du primaire sont plus favorables (62 %) que ceux du collège (51 %).",
            "62 %",
            ["Les parents du primaire"],
        ),
        (
            "Les femmes sont davantage concernées (45 %) que les hommes (30 %).",
            "45 %",
            ["Les femmes"],
        ),
        (
            "Selon l'étude, les jeunes sont moins nombreux à voter (45 %) qu'en 2019 (52 %).",
            "45 %",
            ["les jeunes"],
        ),
        ("Ils sont plus nombreux à le dire (61 %) qu'en 2019 (52 %).", "61 %", []),
        (
            "Les salariés du privé sont les plus enthousiastes (71 %), devant les "
            "fonctionnaires (62 %).",
            "71 %",
            ["Les salariés du privé"],
        ),
        ("Les jeunes citent les transports (41 %), devant le logement (33 %).", "33 %", []),
        ("Soit 56 % des partants resteront en France.", "56 %", ["des partants"]),
        # a group ends at a verb after an age group
        ("Un quart des moins de 25 ans renonce aux soins.", "Un quart", ["des moins de 25 ans"]),
        (
            "Soit 71 % des 15-34 ans présents devant la télévision.",
            "71 %",
            ["des 15-34 ans présents"],
        ),
        # the phrase naming a share, as the subject of its link
        (
            "La part des seniors en emploi s'établit à 58,4 %.",
            "58,4 %",
            ["La part des seniors en emploi"],
        ),
        (
            "Le taux de chômage des diplômés du supérieur atteint 38 %.",
            "38 %",
            ["Le taux de chômage des diplômés du supérieur"],
        ),
        ("La part des femmes atteint 52 % des effectifs.", "52 %", ["des effectifs"]),
        ("La part des femmes, en hausse, atteint 52 %.", "52 %", []),
        # the whole sample
        (
            "Les utilisateurs d'IA, qui représentent 27 % de l'échantillon, sont satisfaits.",
            "27 %",
            ["de l'échantillon"],
        ),
        # a share in brackets right after a group of people
        ("Les cadres (45 %), les employés (32 %) et les ouvriers (28 %).", "45 %", ["Les cadres"]),
        (
            "Les cadres (45 %), les employés (32 %) et les ouvriers (28 %).",
            "28 %",
            ["les ouvriers"],
        ),
        ("Les sympathisants LR (68 %) sont les plus favorables.", "68 %", ["Les sympathisants LR"]),
        ("Ils sont devant ceux du RN (55 %).", "55 %", ["ceux du RN"]),
        ("Les PME (45 %) devancent les ETI (38 %).", "38 %", ["les ETI"]),
        ("Les jeunes citent les transports (41 %).", "41 %", []),
        (
            "Les prix de l'énergie accélèrent, ceux des services ralentissent (+3,0 %).",
            "+3,0 %",
            [],
        ),
        ("Les salariés s'inquiètent (45 %).", "45 %", []),
        # A group ends before a verb: one of the plural's ending, or one of the lexicon's.
        ("Enfin, un tiers des sondés craint pour son poste.", "un tiers", ["des sondés"]),
        (
            "La quasi-totalité des déconversions concerne l'élevage laitier.",
            "La quasi-totalité",
            ["des déconversions"],
        ),
        ("Et 12 % des cadres s'inquiètent.", "12 %", ["des cadres"]),
        ("Et 58 % des répondants n'en ont jamais entendu parler.", "58 %", ["des répondants"]),
        ("Dans le bâtiment, la proportion atteint même 82 %.", "82 %", ["Dans le bâtiment"]),
        # "de" opens the group of a fraction said in words, not of a percent
        (
            "Une large majorité de cadres (71 %) y sont favorables.",
            "Une large majorité",
            ["de cadres"],
        ),
        ("Une large majorité de cadres (71 %) y sont favorables.", "71 %", ["de cadres"]),
        ("La moitié de ses salariés télétravaillent.", "La moitié", ["de ses salariés"]),
        ("L'entreprise compte 45 % de cadres.", "45 %", []),
        ("Soit 94 % des foyers équipés d'au moins un smartphone.", "94 %", ["des foyers équipés"]),
        (
            "Quant aux agriculteurs, ils ne sont que 9 % à l'envisager.",
            "9 %",
            ["Quant aux agriculteurs"],
        ),
        # a share in brackets between a share and its group
        ("Plus de la moitié (52 %) des sondés hésitent.", "la moitié", ["des sondés"]),
        ("Plus de la moitié (52 %) des sondés hésitent.", "52 %", ["des sondés"]),
        ("Elles sont plus nombreuses (61 %) que les hommes.", "61 %", []),
        (
            "Ce chiffre grimpe à 52 % parmi les dirigeants de plus de 55 ans.",
            "52 %",
            ["parmi les dirigeants de plus de 55 ans"],
        ),
        ("Soit 18 % des salariés de 18-24 ans.", "18 %", ["des salariés de 18-24 ans"]),
        ("Le parti obtient 34 % des intentions de vote.", "34 %", ["des intentions de vote"]),
        # A phrase before a semicolon names a base only when it opens its clause.
        (
            "Un sur quatre envisage de vendre dans les deux ans ; 38 % d'entre eux citent le PEB.",
            "38 %",
            ["d'entre eux"],
        ),
        ("Dans les PME ; 38 % recrutent.", "38 %", ["Dans les PME"]),
        # Nothing names a base.
        ("Le salaire médian atteint 35 000 €.", "35 000 €", []),
        ("Selon l'étude, 64 % estiment que leur emploi correspond.", "64 %", []),
        ("Le chiffre progresse de 12 % chez Renault.", "12 %", ["chez Renault"]),
    ],
)
def test_base_words(text, number, words):
    (mention,) = [m for m in extract_mentions(text) if m.surface == number]
    assert base_words(mention, text) == words


def test_the_draft_shows_the_base_words_beside_the_observation():
    text = "Parmi ceux qui sont en poste, 72 % ont signé un CDI."
    (mention,) = extract_mentions(text)
    entry = draft_entry(mention, text)
    assert entry["base_words"] == ["Parmi ceux qui sont en poste"]
    assert "base_words" not in entry["as_observation"]  # the template stays an annotation


def test_no_base_words_for_a_number_that_is_no_figure():
    text = "Parmi les sondés, publié le 20 juin 2024."
    assert all("base_words" not in draft_entry(m, text) for m in extract_mentions(text))


@pytest.mark.parametrize(
    ("text", "number", "words"),
    [
        (
            "Intentions de vote (en %, parmi les certains d'aller voter)\n"
            "• Jordan Bardella : 35\n• Édouard Philippe : 19,5\n",
            "19,5",
            ["parmi les certains d'aller voter"],
        ),
        (
            "Chez les cadres (en %)\nTélétravail     41\n",
            "41",
            ["Chez les cadres"],
        ),
        ("Confiance (en %)\nLe maire     63\n", "63", []),
    ],
)
def test_a_row_of_a_table_takes_the_base_its_heading_names(text, number, words):
    (mention,) = [m for m in extract_mentions(text) if m.surface == number]
    assert draft_entry(mention, text).get("base_words", []) == words


@pytest.mark.parametrize(
    ("text", "number", "words"),
    [
        # a share that names no group: the survey's sample stated before it in its sentence
        (
            "Selon une enquête menée auprès de 612 éleveurs, 44 % envisagent d'arrêter.",
            "44 %",
            ["auprès de 612 éleveurs"],
        ),
        (
            "Sur 1 002 personnes interrogées, 41 % hésitent.",
            "41 %",
            ["1 002 personnes interrogées"],
        ),
        ("Auprès de 612 éleveurs, 44 % des jeunes hésitent.", "44 %", ["des jeunes"]),
        ("Il a 612 vaches et 44 % sont malades.", "44 %", []),  # no sample
    ],
)
def test_the_draft_takes_the_sample_for_a_share_that_names_no_group(text, number, words):
    (mention,) = [m for m in extract_mentions(text) if m.surface == number]
    assert draft_entry(mention, text).get("base_words", []) == words
