"""Each kind of mention, read from a sentence: surface, kind and value (case tables)."""

import pytest

from pipeline.extract import extract_mentions, parse_number

NBSP, NNBSP = "\u00a0", "\u202f"


def readings(text: str) -> list[tuple[str, str, object]]:
    return [(m.surface, m.kind, m.value) for m in extract_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # percent, in every spacing and spelling
        ("Ils sont 53% à le dire.", [("53%", "percent", 53.0)]),
        ("Ils sont 37 % à le dire.", [("37 %", "percent", 37.0)]),
        (f"Ils sont 37{NBSP}% à le dire.", [(f"37{NBSP}%", "percent", 37.0)]),
        (f"Ils sont 37{NNBSP}% à le dire.", [(f"37{NNBSP}%", "percent", 37.0)]),
        ("Le taux est de 5,9 % cette année.", [("5,9 %", "percent", 5.9)]),
        ("Soit 12,5 pour cent des ventes.", [("12,5 pour cent", "percent", 12.5)]),
        ("Soit 45 pour-cent des ventes.", [("45 pour-cent", "percent", 45.0)]),
        # Belgian press: "pc", as written only ("45 PC" are computers).
        ("Soit 45 pc des ménages.", [("45 pc", "percent", 45.0)]),
        ("Ils ont acheté 45 PC.", [("45", "count", 45.0)]),
        ("Soit 53 pour 100 des ventes.", [("53 pour 100", "percent", 53.0)]),
        ("Soit cinquante pour cent des ventes.", [("cinquante pour cent", "percent", 50.0)]),
        ("Une baisse de -1,5 % en un an.", [("-1,5 %", "percent", -1.5)]),
        ("Une hausse de +3,5 % en un an.", [("+3,5 %", "percent", 3.5)]),
        # count: digits in French typography and number words
        ("Auprès de 1.600 dirigeants.", [("1.600", "count", 1600.0)]),
        ("Auprès de 1 600 dirigeants.", [("1 600", "count", 1600.0)]),
        (f"Auprès de 1{NBSP}600 dirigeants.", [(f"1{NBSP}600", "count", 1600.0)]),
        (f"Auprès de 1{NNBSP}600 dirigeants.", [(f"1{NNBSP}600", "count", 1600.0)]),
        ("Il y a 11 000 salariés.", [("11 000", "count", 11000.0)]),
        ("Il y a 601 salariés.", [("601", "count", 601.0)]),
        ("Il y a 1.600.000 salariés.", [("1.600.000", "count", 1600000.0)]),
        # Swiss typography: thousands grouped by an apostrophe, decimals after a dot.
        ("Auprès de 1'600 personnes.", [("1'600", "count", 1600.0)]),
        ("Soit 1’234’567 habitants.", [("1’234’567", "count", 1234567.0)]),
        ("Un salaire de 6'500 francs.", [("6'500 francs", "money", 6500.0)]),
        ("Soit CHF 1'234.50 par mois.", [("CHF 1'234.50", "money", 1234.5)]),
        ("Un prix de 5 000 FCFA.", [("5 000 FCFA", "money", 5000.0)]),
        (
            "Un PIB de 18 000 milliards de FCFA.",
            [("18 000 milliards de FCFA", "money", 18_000_000_000_000.0)],
        ),
        # A sample size after "n=" ("(n=1 502)"): "=" before other numbers is a formula.
        ("Un échantillon (n=1 502).", [("1 502", "count", 1502.0)]),
        ("Base : répondants (N=802).", [("802", "count", 802.0)]),
        ("Un total de 1 600,5 tonnes de CO2.", [("1 600,5 tonnes", "other", 1600.5)]),
        ("Ils étaient douze à partir.", [("douze", "count", 12.0)]),
        ("Les entreprises de cinquante salariés.", [("cinquante", "count", 50.0)]),
        ("Il y a quatre-vingt-dix-sept sites.", [("quatre-vingt-dix-sept", "count", 97.0)]),
        ("Il y a vingt et un sites.", [("vingt et un", "count", 21.0)]),
        ("Il y a 5,6 millions de foyers.", [("5,6 millions", "count", 5600000.0)]),
        ("Il y a un million de foyers.", [("un million", "count", 1000000.0)]),
        ("Une quarantaine de salariés.", [("Une quarantaine", "count", 40.0)]),
        # ratio
        ("6 dirigeants sur 10 le disent.", [("6 dirigeants sur 10", "ratio", 60.0)]),
        ("Un dirigeant sur dix le dit.", [("Un dirigeant sur dix", "ratio", 10.0)]),
        ("Un Français sur trois le dit.", [("Un Français sur trois", "ratio", 33.3333)]),
        # to 4 decimals, and a share below 1 % to 6 significant digits, never 0
        ("Un foyer sur 300 est touché.", [("Un foyer sur 300", "ratio", 0.333333)]),
        ("Un risque sur 3 000.", [("Un risque sur 3 000", "ratio", 0.0333333)]),
        ("Une chance sur 19 068 840.", [("Une chance sur 19 068 840", "ratio", 5.24416e-06)]),
        ("Un sur 100 000.", [("Un sur 100 000", "ratio", 0.001)]),
        ("Deux sur trois.", [("Deux sur trois", "ratio", 66.6667)]),
        # fraction
        ("C'est la moitié des sondés.", [("la moitié", "fraction", 50.0)]),
        ("C'est un quart des sondés.", [("un quart", "fraction", 25.0)]),
        ("C'est deux tiers des sondés.", [("deux tiers", "fraction", 66.6667)]),
        ("C'est un tiers des sondés.", [("un tiers", "fraction", 33.3333)]),
        ("C'est les trois quarts des sondés.", [("trois quarts", "fraction", 75.0)]),
        ("C'est deux-tiers des sondés.", [("deux-tiers", "fraction", 66.6667)]),
        # A unit fraction after "le" or "du", before what it is a share of (or alone).
        ("C'est le tiers des sondés.", [("le tiers", "fraction", 33.3333)]),
        ("Soit le quart d'entre eux.", [("le quart", "fraction", 25.0)]),
        ("Loin du cinquième de leurs clients.", [("du cinquième", "fraction", 20.0)]),
        ("Le dixième de l'effectif.", [("Le dixième", "fraction", 10.0)]),
        ("Soit le quart (26 %).", [("le quart", "fraction", 25.0), ("26 %", "percent", 26.0)]),
        (
            "Le quart d'heure, le tiers payant, le quart de finale.",
            [("quart d'heure", "other", 15.0)],  # a duration in minutes
        ),
        ("Pour la quasi-totalité des patrons.", [("la quasi-totalité", "fraction", 100.0)]),
        ("Les 3/4 des sondés.", [("3/4", "fraction", 75.0)]),
        ("Plus d'une entreprise sur deux.", [("une entreprise sur deux", "ratio", 50.0)]),
        ("Une majorité le pense.", [("Une majorité", "fraction", 50.0)]),
        ("La majorité des patrons le pense.", [("La majorité", "fraction", 50.0)]),
        ("La plupart d'entre eux le pensent.", [("La plupart", "fraction", 50.0)]),
        ("La moitié est favorable.", [("La moitié", "fraction", 50.0)]),
        ("Une note de 4,3 étoiles sur 5.", [("4,3 étoiles sur 5", "score", 4.3)]),
        # score: decimals over a denominator, or a whole number after a cue; else a share
        ("La note est de 6,4/10.", [("6,4/10", "score", 6.4)]),
        ("Une note de 6,4 sur 10.", [("6,4 sur 10", "score", 6.4)]),
        ("Contre 7,1 sur 10 en 2019.", [("7,1 sur 10", "score", 7.1), ("2019", "year", 2019.0)]),
        ("La moyenne au bac est de 12,5 / 20.", [("12,5 / 20", "score", 12.5)]),
        ("Les clients le notent 3,8/5.", [("3,8/5", "score", 3.8)]),
        ("Une note de 7/10.", [("7/10", "score", 7.0)]),
        ("Noté 8 sur 10 par ses clients.", [("8 sur 10", "score", 8.0)]),
        (
            "Ils notent 8 sur 10 le maire. 7 sur 10 le disent.",
            [("8 sur 10", "score", 8.0), ("7 sur 10", "ratio", 70.0)],
        ),
        ("7 sur 10 le disent.", [("7 sur 10", "ratio", 70.0)]),
        # points over a score's denominator: a score, with or without a cue
        ("L'index atteint 88 points sur 100.", [("88 points sur 100", "score", 88.0)]),
        ("Soit 7 pts sur 10.", [("7 pts sur 10", "score", 7.0)]),
        ("Sept jeunes sur dix hésitent.", [("Sept jeunes sur dix", "ratio", 70.0)]),
        # "un point": a change of one point next to a word of change, else no number
        ("Soit un point de plus qu'en mars.", [("un point de plus", "points", 1.0)]),
        ("Un point de moins qu'en mars.", [("Un point de moins", "points", -1.0)]),
        ("La part est en hausse d'un point.", [("hausse d'un point", "points", 1.0)]),
        ("Le taux recule d'un demi-point.", [("recule d'un demi-point", "points", -0.5)]),
        ("C'est un point important.", []),
        ("Un point de vente sur deux.", [("Un point de vente sur deux", "ratio", 50.0)]),
        (
            "Elle est notée 7/10, et 4 sur 5 la recommandent.",
            [("7/10", "score", 7.0), ("4 sur 5", "ratio", 80.0)],
        ),
        (
            "Une note de 7 sur 10, contre 6 sur 10 en 2020.",
            [("7 sur 10", "score", 7.0), ("6 sur 10", "score", 6.0), ("2020", "year", 2020.0)],
        ),
        ("Les 7/10 des sondés.", [("7/10", "fraction", 70.0)]),
        # A split of a hundred is read (as its first part), never skipped.
        ("Les avis sont partagés à 50/50.", [("50/50", "other", 50.0)]),
        ("Un partage 60/40 des voix.", [("60/40", "other", 60.0)]),
        # an idiom of "at all times" is no number; a duration alone is one
        ("Ouvert 24h/24, soit 24 h de plus.", [("24 h", "other", 24.0)]),
        # points, signed by the wording
        ("Soit +6 pts sur un an.", [("+6 pts", "points", 6.0)]),
        ("Soit une hausse de 8 points.", [("hausse de 8 points", "points", 8.0)]),
        ("Soit un recul de 15 points.", [("recul de 15 points", "points", -15.0)]),
        ("Un niveau inférieur de 4 points.", [("inférieur de 4 points", "points", -4.0)]),
        ("Le recul atteint 1,2 point.", [("recul atteint 1,2 point", "points", -1.2)]),
        (
            "Le taux recule légèrement de 0,1 point.",
            [("recule légèrement de 0,1 point", "points", -0.1)],
        ),
        ("Le recul atteint même 1,2 point.", [("recul atteint même 1,2 point", "points", -1.2)]),
        (
            "Le taux recule toutefois de 0,2 point.",
            [("recule toutefois de 0,2 point", "points", -0.2)],
        ),
        (
            "La baisse du chômage est de 0,3 point.",
            [("baisse du chômage est de 0,3 point", "points", -0.3)],
        ),
        # a participle is a change only before "de": "relevé 15 %" notes a share
        ("Un risque réduit de 2 points.", [("réduit de 2 points", "points", -2.0)]),
        ("Un écart accru de 3 points.", [("accru de 3 points", "points", 3.0)]),
        ("Il a relevé 2 points d'écart.", [("2 points", "points", 2.0)]),
        ("Une part supérieure de 2 points.", [("supérieure de 2 points", "points", 2.0)]),
        ("Un taux inférieur à 4 points.", [("4 points", "points", 4.0)]),
        ("Soit -2 points sur un an.", [("-2 points", "points", -2.0)]),
        # ... or by the words after it, which the surface then holds, as "un point de moins"
        ("Soit 1,2 point de plus.", [("1,2 point de plus", "points", 1.2)]),
        (
            "Soit 6 points de moins qu'en 2023.",
            [("6 points de moins", "points", -6.0), ("2023", "year", 2023.0)],
        ),
        ("Soit 3 points de baisse.", [("3 points de baisse", "points", -3.0)]),
        ("Soit 4 points en recul.", [("4 points en recul", "points", -4.0)]),
        ("En recul de 2 points de plus.", [("recul de 2 points", "points", -2.0)]),
        (
            "De 3 à 5 points de moins.",
            [("3", "points", -3.0), ("5 points de moins", "points", -5.0)],
        ),
        (
            "Soit 5 points, moins qu'en 2023.",
            [("5 points", "points", 5.0), ("2023", "year", 2023.0)],
        ),
        ("Un écart de 3 points de pourcentage.", [("3 points de pourcentage", "points", 3.0)]),
        # Basis points are no percentage points: a measure, as written.
        ("Une baisse de 25 points de base.", [("25 points de base", "other", 25.0)]),
        ("Soit -15 pb, puis 10 bps.", [("-15 pb", "other", -15.0), ("10 bps", "other", 10.0)]),
        # money
        ("Un budget de 1000€ par an.", [("1000€", "money", 1000.0)]),
        ("Un budget de 2 500 € par an.", [("2 500 €", "money", 2500.0)]),
        ("Un budget de 50 M€ par an.", [("50 M€", "money", 50000000.0)]),
        # With the tax it includes or not, glued or not.
        ("Soit 12 € HT, 14,40 €TTC.", [("12 € HT", "money", 12.0), ("14,40 €TTC", "money", 14.4)]),
        ("Un budget de 50 M€HT, en HTML.", [("50 M€HT", "money", 50000000.0)]),
        # An abbreviated scale before "de" and a lowercase word; not before a name.
        ("Soit 10,2 M de personnes.", [("10,2 M", "count", 10200000.0)]),
        ("Soit 2 M d'habitants.", [("2 M", "count", 2000000.0)]),
        ("Soit 2,5 M de tonnes.", [("2,5 M de tonnes", "other", 2500000.0)]),
        ("Le modèle 3 M de Tesla.", [("3", "count", 3.0)]),
        # Cents are hundredths of a euro, a range of them too.
        ("Le litre a augmenté de 15 centimes.", [("15 centimes", "money", 0.15)]),
        ("De 25,16 c€ à 21,39c€.", [("25,16 c€", "money", 0.2516), ("21,39c€", "money", 0.2139)]),
        ("Soit 12 cts de plus, 5 contacts.", [("12 cts", "money", 0.12), ("5", "count", 5.0)]),
        ("Soit 1 centime d'euro.", [("1 centime d'euro", "money", 0.01)]),
        ("Entre 10 et 15 centimes.", [("10", "money", 0.1), ("15 centimes", "money", 0.15)]),
        ("Un budget de 45\u00a0k€ par an.", [("45\u00a0k€", "money", 45000.0)]),
        ("Un budget de 1,2 Md€ par an.", [("1,2 Md€", "money", 1200000000.0)]),
        # Swiss scales
        ("Un budget de 2,3 mia de francs.", [("2,3 mia de francs", "money", 2300000000.0)]),
        ("Une perte de 3 Mio CHF.", [("3 Mio CHF", "money", 3000000.0)]),
        ("Soit 450 mio de personnes.", [("450 mio", "count", 450000000.0)]),
        ("Le secteur pèse 19 mds €.", [("19 mds €", "money", 19000000000.0)]),
        # Other currencies are amounts too; the currency is read from the surface.
        ("Un salaire de 55 000 $ par an.", [("55 000 $", "money", 55000.0)]),
        ("Il coûte 300$.", [("300$", "money", 300.0)]),
        ("Budget : 45 000 $US.", [("45 000 $US", "money", 45000.0)]),
        ("Un loyer de 1 200 $ CA.", [("1 200 $ CA", "money", 1200.0)]),
        ("Soit 1 300 milliards de dollars.", [("1 300 milliards de dollars", "money", 1.3e12)]),
        ("Un budget de 2,5 Md$.", [("2,5 Md$", "money", 2500000000.0)]),
        ("Il vaut 2,5 M£.", [("2,5 M£", "money", 2500000.0)]),
        ("Il gagne 40 000 livres sterling.", [("40 000 livres sterling", "money", 40000.0)]),
        ("Un prix de 12 CHF.", [("12 CHF", "money", 12.0)]),
        ("Il a lu 12 livres.", [("12", "count", 12.0)]),  # books
        ("Ils sont 12 francs-maçons.", [("12", "count", 12.0)]),  # a compound word
        # A currency symbol may come first.
        ("Il coûte $300.", [("$300", "money", 300.0)]),
        ("Un budget de €2,5 millions.", [("€2,5 millions", "money", 2500000.0)]),
        ("Un prix de CHF 12.", [("CHF 12", "money", 12.0)]),
        ("Soit US$ 40 milliards.", [("US$ 40 milliards", "money", 40000000000.0)]),
        ("Il pèse 2,5 mrd d'euros.", [("2,5 mrd d'euros", "money", 2500000000.0)]),
        ("Un budget d'un million d'euros.", [("un million d'euros", "money", 1000000.0)]),
        ("Un budget de 3,5 milliards d’euros.", [("3,5 milliards d’euros", "money", 3.5e9)]),
        ("Un budget de 300 euros.", [("300 euros", "money", 300.0)]),
        (f"Un panier de 1{NNBSP}426,30 €.", [(f"1{NNBSP}426,30 €", "money", 1426.3)]),
        # date
        ("Rendez-vous le 20 juin.", [("20 juin", "date", "--06-20")]),
        ("Rendez-vous le 1er mars 2023.", [("1er mars 2023", "date", "2023-03-01")]),
        ("Rendez-vous le 3 sept. 2020.", [("3 sept. 2020", "date", "2020-09-03")]),
        ("Publié le 15/03/2024.", [("15/03/2024", "date", "2024-03-15")]),
        ("Le 14 juillet 1789.", [("14 juillet 1789", "date", "1789-07-14")]),
        ("Publié le 2023-05-04.", [("2023-05-04", "date", "2023-05-04")]),
        # period
        ("Depuis septembre 2019, rien.", [("septembre 2019", "period", "2019-09")]),
        (
            "Menée entre le 20 juin et le 12 juillet auprès de tous.",
            [("entre le 20 juin et le 12 juillet", "period", "--06-20/--07-12")],
        ),
        ("Du 10 au 12 juin 2024.", [("Du 10 au 12 juin 2024", "period", "2024-06-10/2024-06-12")]),
        (
            "Entre le 3 et le 21 avril.",
            [("Entre le 3 et le 21 avril", "period", "--04-03/--04-21")],
        ),
        ("Entre septembre et novembre.", [("Entre septembre et novembre", "period", "--09/--11")]),
        (
            "Réalisée les 4 et 5 septembre 2025 auprès de 1 015 personnes.",
            [
                ("les 4 et 5 septembre 2025", "period", "2025-09-04/2025-09-05"),
                ("1 015", "count", 1015.0),
            ],
        ),
        ("Menée les 30 et 31 mai.", [("les 30 et 31 mai", "period", "--05-30/--05-31")]),
        ("Chez les 18 et 24 ans.", [("18", "count", 18.0), ("24 ans", "other", 24.0)]),
        (
            "Du 20 décembre au 5 janvier 2024.",
            [("Du 20 décembre au 5 janvier 2024", "period", "2023-12-20/2024-01-05")],
        ),
        ("D'ici mi-octobre.", [("mi-octobre", "period", "--10-11/--10-20")]),
        ("Dès début juin.", [("début juin", "period", "--06-01/--06-10")]),
        ("Jusqu'à fin février 2024.", [("fin février 2024", "period", "2024-02-21/2024-02-29")]),
        ("Prévu fin 2023.", [("fin 2023", "period", "2023-09/2023-12")]),
        # Weekdays before the days of a range; two months joined by a dash.
        (
            "Du lundi 3 au vendredi 7 mars 2025.",
            [("Du lundi 3 au vendredi 7 mars 2025", "period", "2025-03-03/2025-03-07")],
        ),
        (
            "Réalisée en janvier-février 2025.",
            [("janvier-février 2025", "period", "2025-01/2025-02")],
        ),
        ("En décembre–janvier 2025.", [("décembre–janvier 2025", "period", "2024-12/2025-01")]),
        # Days joined by a dash before their month; a range between two dates in figures.
        ("Sondage des 12-13 juin 2024.", [("12-13 juin 2024", "period", "2024-06-12/2024-06-13")]),
        # A list of days, from the first to the last; a list that goes back is no period.
        (
            "Menée les 3, 4 et 5 juin 2026.",
            [("3, 4 et 5 juin 2026", "period", "2026-06-03/2026-06-05")],
        ),
        ("Les 1er, 2 et 3 mars.", [("1er, 2 et 3 mars", "period", "--03-01/--03-03")]),
        # A range whose bounds are parts of months: from the first day of one to the last of
        # the other, the year of the second taken back over a new year.
        (
            "Menée entre fin février et début mars 2026.",
            [("entre fin février et début mars 2026", "period", "2026-02-21/2026-03-10")],
        ),
        (
            "Menée de fin décembre à mi-janvier 2026.",
            [("de fin décembre à mi-janvier 2026", "period", "2025-12-21/2026-01-20")],
        ),
        # ... or of years: from the first month of one part to the last of the other
        (
            "Entre fin 2024 et début 2025, les prix reculent.",
            [("Entre fin 2024 et début 2025", "period", "2024-09/2025-04")],
        ),
        (
            "Menée entre début 2024 et mars 2025.",
            [("entre début 2024 et mars 2025", "period", "2024-01/2025-03")],
        ),
        (
            "Entre février et mars 2026.",
            [("Entre février et mars 2026", "period", "2026-02/2026-03")],
        ),
        (
            "Soit 12, 3 et 5 juin.",
            [("12", "count", 12.0), ("3", "count", 3.0), ("5 juin", "date", "--06-05")],
        ),
        ("Réalisé les 3–5 mars.", [("3–5 mars", "period", "--03-03/--03-05")]),
        ("Le 15-12 mai.", [("15", "count", 15.0), ("12 mai", "date", "--05-12")]),
        (
            "Réalisé du 30/11/2024 au 02/12/2024.",
            [("du 30/11/2024 au 02/12/2024", "period", "2024-11-30/2024-12-02")],
        ),
        (
            "Entre le 02/09/2024 et le 16/09/2024.",
            [("Entre le 02/09/2024 et le 16/09/2024", "period", "2024-09-02/2024-09-16")],
        ),
        (
            "Du 5/09/2024 au 16 septembre 2024.",
            [("Du 5/09/2024 au 16 septembre 2024", "period", "2024-09-05/2024-09-16")],
        ),
        # A quarter or a half of a year whose year is written.
        ("Au premier trimestre 2025.", [("premier trimestre 2025", "period", "2025-01/2025-03")]),
        ("Au 3e trimestre 2024, il recule.", [("3e trimestre 2024", "period", "2024-07/2024-09")]),
        ("Au T4 2024.", [("T4 2024", "period", "2024-10/2024-12")]),
        ("Au second semestre 2024.", [("second semestre 2024", "period", "2024-07/2024-12")]),
        ("En S1 2025.", [("S1 2025", "period", "2025-01/2025-06")]),
        ("Au 5e trimestre 2024.", [("5e", "other", 5.0), ("2024", "year", 2024.0)]),
        # A season of a written year; winter spans two years and stays a year.
        ("Réalisée à l'automne 2024.", [("automne 2024", "period", "2024-09/2024-12")]),
        ("Au printemps 2025.", [("printemps 2025", "period", "2025-03/2025-06")]),
        ("L'été 2024 a été chaud.", [("été 2024", "period", "2024-06/2024-09")]),
        ("L'hiver 2024 fut froid.", [("2024", "year", 2024.0)]),
        # A letter whose lower case is longer ("İ") before it moves no offset.
        ("À İstanbul, à l'automne 2024.", [("automne 2024", "period", "2024-09/2024-12")]),
        # year
        ("Le marché en 2024.", [("2024", "year", 2024.0)]),
        ("Depuis 2008, il croît.", [("2008", "year", 2008.0)]),
        # other: ordinals, names, durations, measures, multipliers
        ("Il est 4ème du classement.", [("4ème", "other", 4.0)]),
        ("Il est 2e du classement.", [("2e", "other", 2.0)]),
        ("Le 1er du classement.", [("1er", "other", 1.0)]),
        ("Selon l'article 49.3 du rapport.", [("article 49.3", "other", 49.3)]),
        ("Selon l’article 12 du code.", [("article 12", "other", 12.0)]),
        ("La France est n°1 en Europe.", [("n°1", "other", 1.0)]),
        # A bare number compared with a share or points takes their unit, unless it counts
        # a noun.
        (
            "Soit 41 %, contre 35 en 2023.",
            [("41 %", "percent", 41.0), ("35", "percent", 35.0), ("2023", "year", 2023.0)],
        ),
        (
            "À -18 points, contre -9 avant.",
            [("-18 points", "points", -18.0), ("-9", "points", -9.0)],
        ),
        ("Soit 12 % face à 8 l'an dernier.", [("12 %", "percent", 12.0), ("8", "percent", 8.0)]),
        ("Soit 41 % contre 9 salariés.", [("41 %", "percent", 41.0), ("9", "count", 9.0)]),
        (
            "Il valait 2 780 euros, contre 2 300 un an plus tôt.",
            [("2 780 euros", "money", 2780.0), ("2 300", "money", 2300.0)],
        ),
        (
            "Soit 45 %, contre 40 deux ans plus tôt.",
            [("45 %", "percent", 45.0), ("40", "percent", 40.0), ("deux ans", "other", 2.0)],
        ),
        # compared with the count of things nearer to it, not with the share before
        (
            "Soit 71 % de réussite et 8 aces, contre 11 pour lui.",
            [("71 %", "percent", 71.0), ("8", "count", 8.0), ("11", "count", 11.0)],
        ),
        (
            "Soit 45 % des 1 200 salariés, contre 35 en 2023.",
            [("45 %", "percent", 45.0), ("1 200", "count", 1200.0), ("35", "percent", 35.0)]
            + [("2023", "year", 2023.0)],
        ),
        (
            "Un loyer de 700 euros pour 3 pièces, contre 650 avant.",
            [("700 euros", "money", 700.0), ("3", "count", 3.0), ("650", "money", 650.0)],
        ),
        ("Soit 53 % contre 2 024 PME.", [("53 %", "percent", 53.0), ("2 024", "count", 2024.0)]),
        ("Soit 30 %. Contre 20 hier.", [("30 %", "percent", 30.0), ("20", "count", 20.0)]),
        (
            "Avec 1 600 patrons, contre 1 400.",
            [("1 600", "count", 1600.0), ("1 400", "count", 1400.0)],
        ),
        # an amount too, unless a scale word leaves its size open ("50 M€, contre 45")
        (
            "Soit 2 150 euros, contre 1 900 avant.",
            [("2 150 euros", "money", 2150.0), ("1 900", "money", 1900.0)],
        ),
        ("Soit 50 M€, contre 45 avant.", [("50 M€", "money", 50_000_000.0), ("45", "count", 45.0)]),
        # a measure or a rate too, and a number with its own scale word after a measure
        (
            "Soit 412 cas pour 100 000, contre 287.",
            [("412 cas pour 100 000", "other", 412.0), ("287", "other", 287.0)],
        ),
        # a duration written with one number; after hours and minutes, no unit is carried
        (
            "Soit 45 minutes, contre 30 en 2020.",
            [("45 minutes", "other", 45.0), ("30", "other", 30.0), ("2020", "year", 2020.0)],
        ),
        (
            "Soit 4 h 12 par jour, contre 3 en 2020.",
            [("4 h 12", "other", 252.0), ("3", "count", 3.0), ("2020", "year", 2020.0)],
        ),
        # a period is not what is compared: the figure before it is
        (
            "Soit 17 livres au cours des douze derniers mois, contre 21 en 2019.",
            [("17", "count", 17.0), ("douze derniers mois", "other", 12.0)]
            + [("21", "count", 21.0), ("2019", "year", 2019.0)],
        ),
        (
            "Soit 41 % au cours des 12 derniers mois, contre 35 en 2022.",
            [("41 %", "percent", 41.0), ("12 derniers mois", "other", 12.0)]
            + [("35", "percent", 35.0), ("2022", "year", 2022.0)],
        ),
        (
            "Soit 25,2 millions de tonnes, contre 35 millions.",
            [("25,2 millions de tonnes", "other", 25_200_000.0), ("35 millions", "other", 35e6)],
        ),
        (
            "Soit 25,2 millions de tonnes, contre 35 millions d'habitants.",
            [("25,2 millions de tonnes", "other", 25_200_000.0), ("35 millions", "count", 35e6)],
        ),
        (
            "Soit 2 millions de tonnes, contre 3.",
            [("2 millions de tonnes", "other", 2e6), ("3", "count", 3.0)],
        ),
        (
            "Soit 69 hectares, contre 55 exploitants.",
            [("69 hectares", "other", 69.0), ("55", "count", 55.0)],
        ),
        # A verb before its subject is no noun: the four-digit number before it stays a year.
        ("Les Jeux de Paris 2024 ont-ils aidé ?", [("2024", "year", 2024.0)]),
        ("En 2023 a-t-on vu mieux ?", [("2023", "year", 2023.0)]),
        # A capitalised word before a four-digit count of an acronym is no name.
        ("Chez Windows 2024 PME l'utilisent.", [("2024", "count", 2024.0)]),
        ("Ligne N°14 et n° 7.", [("N°14", "other", 14.0), ("n° 7", "other", 7.0)]),
        ("Soit 52.5 salariés.", [("52.5", "count", 52.5)]),
        (
            "Soit 10 20 30 sites.",
            [("10", "count", 10.0), ("20", "count", 20.0), ("30", "count", 30.0)],
        ),
        ("La directive NIS 2 (sécurité).", [("NIS 2", "other", 2.0)]),
        ("Sous Windows 11 comme avant.", [("Windows 11", "other", 11.0)]),
        ("Le top 3 des motifs.", [("top 3", "other", 3.0)]),
        # a brand with a capital inside names, whatever follows
        ("Smartphones : l'iPhone 16 reste en tête.", [("iPhone 16", "other", 16.0)]),
        ("La PlayStation 5 coûte cher.", [("PlayStation 5", "other", 5.0)]),
        ("Selon Opinionway 12 salariés.", [("12", "count", 12.0)]),
        # a capitalised word before a score's or a range's first number names nothing
        ("Lille bat Lyon 3-1.", [("3", "count", 3.0), ("1", "count", 1.0)]),
        ("Il bat Zverev 6 – 3.", [("6", "count", 6.0), ("3", "count", 3.0)]),
        ("Le CAC 40-50 ans.", [("CAC 40", "other", 40.0), ("50 ans", "other", 50.0)]),
        # an acronym or a name word before a year-like number makes a name
        ("Les JO 2024 ont coûté cher.", [("JO 2024", "other", 2024.0)]),
        ("La directive NIS 2024 salariés.", [("NIS 2024", "other", 2024.0)]),
        (
            "Depuis 2024, la saison 2024 salariés.",
            [("2024", "year", 2024.0), ("saison 2024", "other", 2024.0)],
        ),
        ("Après le COVID-19, tout change.", [("COVID-19", "other", 19.0)]),
        # a year by its cue is no range's first bound
        (
            "La part passe de 57 % en 2023 à 61 % en 2024.",
            [("57 %", "percent", 57.0), ("2023", "year", 2023.0)]
            + [("61 %", "percent", 61.0), ("2024", "year", 2024.0)],
        ),
        # a year before the next cell or row of a table, whatever its first word
        (
            "Taille\t2022\t2023\nTPE\t18\t23",
            [("2022", "year", 2022.0), ("2023", "year", 2023.0)]
            + [("18", "count", 18.0), ("23", "count", 23.0)],
        ),
        # "sur" after a verb says what is studied: no ratio
        ("Une étude portant sur 25 000 contrats.", [("25 000", "count", 25000.0)]),
        ("Un enfant sur cinq.", [("Un enfant sur cinq", "ratio", 20.0)]),
        # digits after a slash are no number ("€/kg"), nor is any group of theirs
        ("Payé 452 €/1 000 l en 2023.", [("452 €", "money", 452.0), ("2023", "year", 2023.0)]),
        ("Soit 4 €/1 000 000 de visites.", [("4 €", "money", 4.0)]),
        ("Vendu 3,20 €/kg, contre 3 €.", [("3,20 €", "money", 3.2), ("3 €", "money", 3.0)]),
        # an identifier in several numbers after a name word or a code's letter: one name
        ("Le décret n° 2024-123 s'applique.", [("n° 2024-123", "other", 2024.0)]),
        ("La loi n°2023-1196 change.", [("n°2023-1196", "other", 2023.0)]),
        ("Le décret numéro 2024/45 paraît.", [("numéro 2024/45", "other", 2024.0)]),
        ("Le n° 02/09/2024 paraît.", [("n° 02/09/2024", "other", 2.0)]),  # not a date
        ("Le n° 02/09/2024-février paraît.", [("n° 02/09/2024", "other", 2.0)]),
        ("Selon l'article L. 1234-5 du code.", [("L. 1234-5", "other", 1234.0)]),
        ("Selon l'article R.4121-1 du code.", [("R.4121-1", "other", 4121.0)]),
        (
            "La saison 2023-2024 compte 38 matchs.",
            [("saison 2023-2024", "other", 2023.0), ("38", "count", 38.0)],
        ),
        ("Soit 3-4 jours par semaine.", [("3", "other", 3.0), ("4 jours", "other", 4.0)]),
        ("Au cours des douze derniers mois.", [("douze derniers mois", "other", 12.0)]),
        ("Depuis trois ans déjà.", [("trois ans", "other", 3.0)]),
        ("Un séjour de 4,5 jours.", [("4,5 jours", "other", 4.5)]),
        # hours and minutes after digits: with both, the value is in minutes
        ("Ils y passent 4 h 12 par jour.", [("4 h 12", "other", 252.0)]),
        ("Contre 3h45 il y a deux ans.", [("3h45", "other", 225.0), ("deux ans", "other", 2.0)]),
        ("Rendez-vous à 14h30.", [("14h30", "other", 870.0)]),
        ("Soit 2 h 30 min de trajet.", [("2 h 30 min", "other", 150.0)]),
        (
            "Un trajet de 45 min, 10 mn. au plus.",
            [("45 min", "other", 45.0), ("10 mn", "other", 10.0)],
        ),
        ("Plus de 5 h le week-end.", [("5 h", "other", 5.0)]),
        ("Il faut 45 min.", [("45 min", "other", 45.0)]),
        # with seconds after a word of minutes, the value is in seconds
        ("En 2 h 05 min 33 s.", [("2 h 05 min 33 s", "other", 7533.0)]),
        (
            "En 2 h 20 min 2 s, puis 1 min 12 s.",
            [("2 h 20 min 2 s", "other", 8402.0)] + [("1 min 12 s", "other", 72.0)],
        ),
        ("Il court 3 min 5 secondes.", [("3 min 5 secondes", "other", 185.0)]),
        ("Soit 2 h 05 min 33 salariés.", [("2 h 05 min", "other", 125.0), ("33", "count", 33.0)]),
        (
            "Un délai de 3 min 30 ou de 4 h 12 s.",
            [("3 min", "other", 3.0), ("30", "count", 30.0)] + [("4 h 12", "other", 252.0)],
        ),
        # a half in words after a duration or a scale word
        ("Soit 2 heures et demie.", [("2 heures et demie", "other", 2.5)]),
        ("Au bout d'un an et demi.", [("un an et demi", "other", 1.5)]),
        ("Pendant une heure et demie.", [("une heure et demie", "other", 1.5)]),
        ("Sur un an, un tarif et demi.", []),
        ("Un an et demi-tarif.", []),
        ("Un million et demi de clients.", [("Un million et demi", "count", 1_500_000.0)]),
        (
            "Soit 2 millions et demi d'euros.",
            [("2 millions et demi d'euros", "money", 2_500_000.0)],
        ),
        # parts of an hour in words, in minutes
        (
            "Une demi-heure de plus, un quart d’heure, trois quarts d'heure.",
            [
                ("Une demi-heure", "other", 30.0),
                ("un quart d’heure", "other", 15.0),
                ("trois quarts d'heure", "other", 45.0),
            ],
        ),
        (
            "Chaque demi-heure, un quart des jeunes.",
            [("demi-heure", "other", 30.0), ("un quart", "fraction", 25.0)],
        ),
        # fractions written as one character
        (
            "½ des jeunes et ¾ des seniors, ⅓ des autres.",
            [("½", "fraction", 50.0), ("¾", "fraction", 75.0), ("⅓", "fraction", 33.3333)],
        ),
        ("Soit 1½ tour et x¼ ici.", [("1½", "count", 1.5)]),
        ("Ils y passent 4 heures 12 par jour.", [("4 heures 12", "other", 252.0)]),
        ("Soit 4 heures et 12 minutes.", [("4 heures et 12 minutes", "other", 252.0)]),
        # years and months: in months
        ("Soit 3 ans et 7 mois de travail.", [("3 ans et 7 mois", "other", 43.0)]),
        ("Entre 3 ans et 15 mois.", [("3 ans", "other", 3.0), ("15 mois", "other", 15.0)]),
        ("Il faut 2 heures 30 min.", [("2 heures 30 min", "other", 150.0)]),
        (
            "Pendant 4 heures 12 salariés ont attendu.",
            [("4 heures", "other", 4.0), ("12", "count", 12.0)],
        ),
        ("Durant 3 heures et 5 élèves.", [("3 heures", "other", 3.0), ("5", "count", 5.0)]),
        ("Une réunion de 1,5 h.", [("1,5 h", "other", 1.5)]),
        ("Un service 24h/24 en 7 jours sur 10.", [("7 jours sur 10", "ratio", 70.0)]),
        ("Une surface de 5 ha, à 4 h du matin.", [("5 ha", "other", 5.0), ("4 h", "other", 4.0)]),
        ("Le 4 H de la bande, un 5 hamacs.", [("4", "count", 4.0), ("5", "count", 5.0)]),
        ("Les 4h60 et 7h123 sont des codes.", []),
        ("Une production de 361 TWh.", [("361 TWh", "other", 361.0)]),
        ("Un logement de 70 m² au centre.", [("70 m²", "other", 70.0)]),
        ("Il fait 40 °C à l'ombre.", [("40 °C", "other", 40.0)]),
        ("Un taux de 0,5 ‰, et 3‰ ailleurs.", [("0,5 ‰", "other", 0.5), ("3‰", "other", 3.0)]),
        ("Soit 25,2 millions de tonnes.", [("25,2 millions de tonnes", "other", 25200000.0)]),
        ("Un demi-million de visiteurs.", [("Un demi-million", "count", 500_000.0)]),
        ("Soit un demi-milliard d'euros.", [("un demi-milliard d'euros", "money", 5e8)]),
        # "et" joins number words only in "vingt et un" and the like.
        (
            "Soit soixante-dix-huit pour cent et quatre-vingt-dix pour cent.",
            [
                ("soixante-dix-huit pour cent", "percent", 78.0),
                ("quatre-vingt-dix pour cent", "percent", 90.0),
            ],
        ),
        (
            "Soixante et onze ans, trente et une fois.",
            [("Soixante et onze ans", "other", 71.0), ("trente et une fois", "other", 31.0)],
        ),
        # A measure word may count its unit in a scale: "Mt", millions of tonnes.
        ("Soit 26,3 Mt de blé.", [("26,3 Mt", "other", 26300000.0)]),
        ("Soit 450 kt de CO2.", [("450 kt", "other", 450000.0)]),
        ("Soit 12 t et 3 M de tonnes.", [("12 t", "other", 12.0), ("3 M de tonnes", "other", 3e6)]),
        # Yields, per hectare: the surface runs to the hectare.
        ("Un rendement de 62 q/ha.", [("62 q/ha", "other", 62.0)]),
        # Data rates, concentrations in the air.
        ("Soit 512 Mbit/s, 35 Mb/s.", [("512 Mbit/s", "other", 512.0), ("35 Mb/s", "other", 35.0)]),
        ("Soit 25 µg/m³ de PM10.", [("25 µg/m³", "other", 25.0)]),
        ("Soit 56 quintaux par hectare.", [("56 quintaux par hectare", "other", 56.0)]),
        ("Soit 7,3 tonnes à l’hectare.", [("7,3 tonnes à l’hectare", "other", 7.3)]),
        ("Soit 55 hl/ha, 42 hL en tout.", [("55 hl/ha", "other", 55.0), ("42 hL", "other", 42.0)]),
        (
            "Sur 56 quintaux, 3 hectares.",
            [("56 quintaux", "other", 56.0), ("3 hectares", "other", 3.0)],
        ),
        ("C'est deux fois plus qu'avant.", [("deux fois plus", "other", 2.0)]),
        ("Il a été multiplié par 2,5 en un an.", [("multiplié par 2,5", "other", 2.5)]),
        ("Les ventes ont fait ×2,5 en un an.", [("×2,5", "other", 2.5)]),
        ("Soit x 4 en un an (x4).", [("x 4", "other", 4.0), ("x4", "other", 4.0)]),
        ("Un écran 1920x1080, le modèle X3, une 4x4, une puce x64.", []),
        # The sign after the digits; a size "3 x 4" keeps its two numbers.
        ("Ils sont 2x plus nombreux.", [("2x", "other", 2.0)]),
        (
            "Un risque 3 × plus élevé, 2,5x moins cher.",
            [("3 ×", "other", 3.0), ("2,5x", "other", 2.5)],
        ),
        ("Une pièce de 3 x 4 m.", [("3", "count", 3.0), ("x 4", "other", 4.0)]),
        ("Les coûts sont divisés par deux.", [("divisés par deux", "other", 2.0)]),
        ("Une part multipliée par 3 %.", [("3 %", "percent", 3.0)]),
        ("La part double en un an.", [("double", "other", 2.0)]),
    ],
)
def test_kind_and_value(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("53%", ("percent", 53.0)),
        ("1.600", ("count", 1600.0)),
        ("5,9 %", ("percent", 5.9)),
        ("20 juin", ("date", "--06-20")),
        ("un quart", ("fraction", 25.0)),
        ("septembre 2019", ("period", "2019-09")),
        ("2024", ("year", 2024.0)),
        ("près de 53 %", ("percent", 53.0)),
        ("un", ("count", 1.0)),
        ("neuf", ("count", 9.0)),
        ("recul de 15 points", ("points", -15.0)),
        ("entre le 20 juin et le 12 juillet", ("period", "--06-20/--07-12")),
    ],
)
def test_parse_number(surface, expected):
    assert parse_number(surface) == expected


@pytest.mark.parametrize("surface", ["", "   ", "bonjour", "53 % et 47 %", "B2B", "20-24 %", "x86"])
def test_parse_number_refuses_what_is_not_one_number(surface):
    assert parse_number(surface) is None
