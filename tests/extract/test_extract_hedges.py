"""Qualifiers: which mention they attach to, their exact wording and offsets, and approx."""

import pytest

from pipeline.extract import extract_mentions


def hedged(text: str) -> list[tuple[str, bool, str | None]]:
    return [(m.surface, m.approx, m.qualifier) for m in extract_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Près de 40 % des sondés.", [("40 %", True, "Près de")]),
        ("Près d’un quart des sondés.", [("un quart", True, "Près d’")]),
        ("Près d'un quart des sondés.", [("un quart", True, "Près d'")]),
        ("Environ 300 salariés.", [("300", True, "Environ")]),
        ("Env. 300 salariés, soit env. 12 %.", [("300", True, "Env."), ("12 %", True, "env.")]),
        ("Soit plus de 20 % des sondés.", [("20 %", True, "plus de")]),
        ("Soit un peu plus de 20 % des sondés.", [("20 %", True, "un peu plus de")]),
        ("Soit moins de 10 000 habitants.", [("10 000", True, "moins de")]),
        ("Soit un peu moins de 10 % des sondés.", [("10 %", True, "un peu moins de")]),
        ("Soit au moins 5 sites.", [("5", True, "au moins")]),
        ("La quasi-totalité des patrons.", [("La quasi-totalité", True, "quasi-")]),
        ("La quasi totalité des patrons.", [("La quasi totalité", True, "quasi")]),
        ("Une large majorité des patrons.", [("Une large majorité", True, "large")]),
        ("Un gros tiers des patrons.", [("Un gros tiers", True, "gros")]),
        (
            "Soit un petit quart, un bon tiers.",
            [("un petit quart", True, "petit"), ("un bon tiers", True, "bon")],
        ),
        ("Soit presque 30 % des sondés.", [("30 %", True, "presque")]),
        ("Soit autour de 30 % des sondés.", [("30 %", True, "autour de")]),
        ("Soit jusqu’à 30 % des sondés.", [("30 %", True, "jusqu’à")]),
        ("Soit pas moins de 30 % des sondés.", [("30 %", True, "pas moins de")]),
        ("Soit quelque 300 salariés.", [("300", True, "quelque")]),
        ("Soit 30 % environ des sondés.", [("30 %", True, "environ")]),
        ("Les entreprises de cinquante salariés ou plus.", [("cinquante", True, "ou plus")]),
        ("Soit 15 % au plus.", [("15 %", True, "au plus")]),
        ("Contre 15,9 % au plus fort de la crise.", [("15,9 %", False, None)]),  # the peak
        # signs, spaced or glued; "+" glued after a count, never a signed number's
        ("Soit ≈ 30 % des actifs.", [("30 %", True, "≈")]),
        ("Soit ~45 min par jour.", [("45 min", True, "~")]),
        ("Et > 50 % le souhaitent, < 5 % le refusent.", [("50 %", True, ">"), ("5 %", True, "<")]),
        ("Chez les ≥50 ans, ≤ 10 % des cas.", [("50 ans", True, "≥"), ("10 %", True, "≤")]),
        ("Des économies de 10 000+ par poste.", [("10 000", True, "+")]),
        ("Soit 45 % +3 pts.", [("45 %", False, None), ("+3 pts", False, None)]),
        ("Un total de 10 000 + 5 000 salariés.", [("10 000", False, None), ("5 000", False, None)]),
        # "des" (de + les) before a share; before a count it bounds nothing.
        ("Plus des deux tiers (68 %).", [("deux tiers", True, "Plus des"), ("68 %", False, None)]),
        ("Près des trois quarts des patrons.", [("trois quarts", True, "Près des")]),
        ("Un peu moins des 3/4 des sondés.", [("3/4", True, "Un peu moins des")]),
        ("Près des 9 patrons sur 10.", [("9 patrons sur 10", True, "Près des")]),
        ("Il parle des deux tiers restants.", [("deux tiers", False, None)]),
        ("Plus des 2 000 salariés du site.", [("2 000", False, None)]),
        # A qualifier ending in "de" before "du" (de + le): a share's, a multiplier's.
        ("Près du tiers des salariés.", [("du tiers", True, "Près")]),
        ("Soit plus du quart (27 %).", [("du quart", True, "plus"), ("27 %", False, None)]),
        ("Un peu moins du cinquième d'entre eux.", [("du cinquième", True, "Un peu moins")]),
        ("Un budget de plus du double.", [("double", True, "plus du")]),
        ("Un coût de près du triple.", [("triple", True, "près du")]),
        ("Le prix du 1er lot, plus du 2 000.", [("1er", False, None), ("2 000", False, None)]),
        ("Près du tiers payant.", []),
        # A qualifier before the article of a ratio ("d'un … sur deux") is the ratio's.
        ("Un peu moins d'un salarié sur deux.", [("un salarié sur deux", True, "Un peu moins d'")]),
        (
            "Un peu plus d'un Français sur trois.",
            [("un Français sur trois", True, "Un peu plus d'")],
        ),
        # Non-hedging qualifiers are recorded but keep approx false.
        ("Alors que seulement 11% le savent.", [("11%", False, "seulement")]),
        ("Alors qu'à peine 11% le savent.", [("11%", False, "à peine")]),
        ("Seuls 41 pour cent d'entre eux.", [("41 pour cent", False, "Seuls")]),
        ("Seules 12 % des PME sont prêtes.", [("12 %", False, "Seules")]),
        ("Seul un dirigeant sur cinq le sait.", [("un dirigeant sur cinq", False, "Seul")]),
        ("Les seuls 3 % restants.", [("3 %", False, "seuls")]),
        # Words that are not qualifiers.
        ("Auprès de 1.600 dirigeants.", [("1.600", False, None)]),
        ("Une majorité (53%) des personnes.", [("Une majorité", True, None), ("53%", False, None)]),
        # The qualifier goes to the nearest mention on its right, not to the figure in brackets.
        (
            "Près d’un quart (23%) des entreprises.",
            [("un quart", True, "Près d’"), ("23%", False, None)],
        ),
        (
            "Plus de la moitié (52 %) des sondés.",
            [("la moitié", True, "Plus de"), ("52 %", False, None)],
        ),
        # Only "approximately" qualifiers apply to dates.
        ("Vers le 20 juin, tout change.", [("20 juin", True, "Vers")]),
        ("Jusqu'à fin mai, tout change.", [("fin mai", False, None)]),
        # A qualifier does not reach over another mention.
        ("Près de 40 % et 30 % des sondés.", [("40 %", True, "Près de"), ("30 %", False, None)]),
    ],
)
def test_qualifier(text, expected):
    assert hedged(text) == expected


def test_qualifier_offsets_point_at_the_words():
    text = "En effet, près d’un quart des sondés."
    (m,) = extract_mentions(text)
    assert text[m.qualifier_start : m.qualifier_end] == m.qualifier == "près d’"
    assert m.qualifier_end == m.start


def test_quasi_prefix_offsets_are_inside_the_surface():
    text = "Pour la quasi-totalité des patrons."
    (m,) = extract_mentions(text)
    assert m.start < m.qualifier_start < m.qualifier_end < m.end
    assert text[m.qualifier_start : m.qualifier_end] == "quasi-"
