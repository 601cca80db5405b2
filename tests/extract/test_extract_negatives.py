"""What must not be read as a quantity: names, codes, addresses, articles, adjectives."""

import pytest

from pipeline.extract import extract_mentions


def readings(text: str) -> list[tuple[str, str, object]]:
    return [(m.surface, m.kind, m.value) for m in extract_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Le marché B2B progresse.",
        "Une puce x86 récente.",
        "Voir https://www.exemple.fr/2024/05/article-12 pour le détail.",
        "Écrire à contact2024@exemple.fr demain.",
        "Le numéro vert (0 800 130 000) est ouvert.",
        "Appelez le 01 23 45 67 89 ou le 06.12.34.56.78.",
        "Au +33 1 23 45 67 89.",
        "Par téléphone au 0123456789.",
        "La notice commission-des-sondages.fr/notices/2024-06-13-ifop.pdf est en ligne.",
        "Le réseau 5G arrive.",
        "Un film en 3D.",
        "La norme RE2020 s'applique.",
        "Un bac+5 en poche.",
        "La classe de CE1 ouvre.",
        "Ouvert 24/7.",
        "Ouvert 24 h/24, 7j/7, 24 heures sur 24 et 7 jours sur 7, 365 jours par an.",
        "Il est 10:30 déjà.",
        "La version 1.601.6000 corrige le défaut.",  # thousands by dots, then a dot decimal
        "La formule x=5 et le paramètre id=12.",
        "Sur un an, un mois plus tard, il en possède une.",
        "Au moins un dispositif est en place.",
        "Le prix du mètre carré neuf atteint un record.",
        "Le marché du neuf traverse une crise.",
        "Le film « Vingt Dieux » triomphe.",
        "Les deux-roues circulent.",
        "La liste de la majorité recule.",
        "Ils se sentent seuls « la plupart du temps », dans la plupart des cas.",
        "Il a plu sur la moitié nord, puis sur la moitié sud-est du pays.",
        "Un plan en juillet, puis en janvier.",
        "",
        "\ufeff",
        "Pas de chiffre ici.",
        # the numbers of a numbered list's items
        "Les raisons :\n1. le coût ;\n2) le manque d'information ;\n  3. la complexité.",
    ],
)
def test_nothing_is_read(text):
    assert readings(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number in a name is kind `other` (fr_numbers.yml `names.report`), never a count.
        ("Le CAC 40 recule.", [("CAC 40", "other", 40.0)]),
        ("La RN 7 est fermée.", [("RN 7", "other", 7.0)]),
        ("La ligne 14 jusqu'à l'aéroport.", [("ligne 14", "other", 14.0)]),
        ("Accès par l'A10 (sortie 26).", [("sortie 26", "other", 26.0)]),
        ("La salle 12 compte 40 places.", [("salle 12", "other", 12.0), ("40", "count", 40.0)]),
        ("Soit 3 voies de circulation.", [("3", "count", 3.0)]),
        ("Ils n'atteignent pas le niveau 2 en lecture.", [("niveau 2", "other", 2.0)]),
        ("Selon la vague 12 du baromètre.", [("vague 12", "other", 12.0)]),
        # "cent" of "pour cent" with no number before it is the percent's word, no hundred
        ("La baisse atteint une dizaine de pour cent.", [("une dizaine", "count", 10.0)]),
        ("Pour cent personnes, 45 répondent.", [("cent", "count", 100.0), ("45", "count", 45.0)]),
        (
            "Un indice de 94 (base 100 en 2015).",
            [("94", "count", 94.0), ("base 100", "other", 100.0), ("2015", "year", 2015.0)],
        ),
        # The number of an address, to its street word; streets in the plural are counted.
        ("Au 12 rue de la Paix.", [("12 rue", "other", 12.0)]),
        (
            "Au 3 bis, avenue Foch, au 5 Boulevard Haussmann.",
            [("3 bis, avenue", "other", 3.0), ("5 Boulevard", "other", 5.0)],
        ),
        ("Soit 12 rues piétonnes et 4 ruelles.", [("12", "count", 12.0), ("4", "count", 4.0)]),
        (
            "Sur Europe 1 et France 2, le débat.",
            [("Europe 1", "other", 1.0), ("France 2", "other", 2.0)],
        ),
        # A capitalised label and a number alone on their line, beside another such line, are
        # a table's row, not a name; one such line alone is a name.
        (
            "Intentions d'embauche (en %)\nIndustrie 34\n• Commerce 25 %\nWindows 11 de Microsoft.",
            [
                ("34", "count", 34.0),
                ("25 %", "percent", 25.0),
                ("Windows 11", "other", 11.0),
            ],
        ),
        ("Windows 11", [("Windows 11", "other", 11.0)]),
        ("Notes :\nWindows 11\nFin.", [("Windows 11", "other", 11.0)]),
        # "points de vente" are places, not percentage points.
        ("Il compte 120 points de vente.", [("120", "count", 120.0)]),
        # A sentence-initial number word is a number; "neuf" before a noun is one too.
        ("Neuf salariés sur dix le disent.", [("Neuf salariés sur dix", "ratio", 90.0)]),
        ("Les neuf salariés restent.", [("neuf", "count", 9.0)]),
        # A ratio's second number with a unit is a quantity, not a ratio.
        ("Un prêt sur vingt ans.", [("vingt ans", "other", 20.0)]),
        # A year followed by a noun is a count.
        ("Il y a 2000 salariés.", [("2000", "count", 2000.0)]),
        ("Il y a 2000 PME.", [("2000", "count", 2000.0)]),
        # A verb or a singular word after it leaves it a year.
        (
            "Le vote de 2022 avait vu 53 % d'abstention.",
            [("2022", "year", 2022.0), ("53 %", "percent", 53.0)],
        ),
        ("Et 2023 restera une année record.", [("2023", "year", 2023.0)]),
        ("De 2020 à 2024 inclus.", [("2020", "year", 2020.0), ("2024", "year", 2024.0)]),
        # A bullet dash is not a minus sign.
        ("Résultats :\n- 53 % oui", [("53 %", "percent", 53.0)]),
        # Glued before a share of a group at the start of a line, it is a bullet too; a
        # change stays signed.
        ("Résultats :\n-45 % des salariés", [("45 %", "percent", 45.0)]),
        ("Résultats :\n–28 % d'entre eux", [("28 %", "percent", 28.0)]),
        ("Ventes :\n-5 % sur un an", [("-5 %", "percent", -5.0)]),
        ("Bilan : -45 % des ventes.", [("-45 %", "percent", -45.0)]),
        # A minus sign glued to a number makes it negative, whatever its kind; a dash after
        # a number and a space is a range.
        ("L'indice s'établit à -12, son plus bas.", [("-12", "count", -12.0)]),
        ("Le solde passe de -3 à −8,5.", [("-3", "count", -3.0), ("−8,5", "count", -8.5)]),
        ("Il fait −5 °C ce matin.", [("−5 °C", "other", -5.0)]),
        ("Entre 12 -15 % selon les cas.", [("12", "percent", 12.0), ("15 %", "percent", 15.0)]),
        # ... and so is a dash between two numbers written with the same sign of unit
        ("Soit 70 %-80 % des cas.", [("70 %", "percent", 70.0), ("80 %", "percent", 80.0)]),
        ("Entre 10 €-15 € le repas.", [("10 €", "money", 10.0), ("15 €", "money", 15.0)]),
        ("Bilan : 45 % -3 points.", [("45 %", "percent", 45.0), ("-3 points", "points", -3.0)]),
        ("Ventes : 5 %, -3 % en mai.", [("5 %", "percent", 5.0), ("-3 %", "percent", -3.0)]),
        # ... but a tab or a line break between them parts two cells of a table
        (
            "B\t24\t22\t-2\nC\t14\t15\t+1",
            [("24", "count", 24.0), ("22", "count", 22.0)]
            + [("-2", "count", -2.0), ("14", "count", 14.0), ("15", "count", 15.0)]
            + [("+1", "count", 1.0)],
        ),
        ("Solde\n12\n-3", [("12", "count", 12.0), ("-3", "count", -3.0)]),
        # One space after a sign: the true minus sign is one anywhere; a dash or a plus only
        # after a bracket, a colon, a comma, "soit", "de" or "à" (elsewhere a dash opens an
        # aside or a range, and a plus adds).
        ("Les ventes baissent de − 2 %.", [("− 2 %", "percent", -2.0)]),
        ("Le solde x − 2 pèse.", [("− 2", "count", -2.0)]),
        ("Les ventes (– 5 %) reculent.", [("– 5 %", "percent", -5.0)]),
        ("Le taux recule, soit – 3 points.", [("– 3 points", "points", -3.0)]),
        ("Il passe à – 0,5 % en mai.", [("– 0,5 %", "percent", -0.5)]),
        ("Le score (27 %, + 3) monte.", [("27 %", "percent", 27.0), ("+ 3", "count", 3.0)]),
        ("Le taux – 85 % – recule.", [("85 %", "percent", 85.0)]),
        ("La liste A – 3 % recule.", [("3 %", "percent", 3.0)]),
        ("De 10 % – 15 % selon les cas.", [("10 %", "percent", 10.0), ("15 %", "percent", 15.0)]),
        ("Un bac + 3 en poche.", [("3", "count", 3.0)]),
        ("Résultats :\n– 53 % oui", [("53 %", "percent", 53.0)]),
        ("– 45 % des salariés", [("45 %", "percent", 45.0)]),
        # An invalid date is no date.
        ("Le 31 juin n'existe pas.", [("31", "count", 31.0)]),
        # A list item's number is no figure; the figures of the item are.
        (
            "Raisons :\n1. le coût (58 %) ;\n2. le délai (31 %).",
            [("58 %", "percent", 58.0), ("31 %", "percent", 31.0)],
        ),
        # Not at a line's start, or not followed by a space, or over two digits: a number.
        ("Soit 1. Puis 2.", [("1", "count", 1.0), ("2", "count", 2.0)]),
        ("Soit :\n2.5 % de plus.", [("2.5 %", "percent", 2.5)]),
        ("Soit :\n2024. Une année record.", [("2024", "year", 2024.0)]),
    ],
)
def test_read_as(text, expected):
    assert readings(text) == expected
