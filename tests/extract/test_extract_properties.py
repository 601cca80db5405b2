"""Properties: any str is safe, offsets are exact, and every French number format reads back.

Quick by default; HYPOTHESIS_PROFILE=long runs 100 000 examples per test (see conftest.py here).
"""

import re
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.extract import extract_mentions, parse_number
from pipeline.extract.lexicon import alternation, load
from pipeline.extract.ranges import CONTRASTED_UNITS
from schemas.fact_mention import KINDS as MENTION_KINDS

# The kinds a number compared with an earlier figure may take: a measure's or a duration's is
# "other".
CONTRASTED_KINDS = {
    "other" if unit in ("measure", "duration") else unit for unit in CONTRASTED_UNITS
}
KINDS = set(MENTION_KINDS)
NBSP, NNBSP = "\u00a0", "\u202f"

# Pieces of French press text that reach every recognizer, for texts more useful than noise.
PIECES = [
    "53",
    "1.600",
    "1 600",
    f"1{NBSP}600",
    f"2{NNBSP}314",
    "5,9",
    "2024",
    "1er",
    "4ème",
    "0",
    "%",
    " %",
    f"{NBSP}%",
    "€",
    " M€",
    " pour cent",
    " points",
    " pts",
    " sur ",
    " ans",
    "douze",
    "cinquante",
    "un",
    "une",
    "neuf",
    "vingt et un",
    "quart",
    "tiers",
    "moitié",
    "la",
    "quasi-",
    "totalité",
    "majorité",
    "juin",
    "mi-",
    "octobre",
    "entre le",
    " et le ",
    "du",
    " au ",
    "de",
    " à ",
    "-",
    "–",
    "+",
    "près d’",
    "plus de",
    "environ",
    "seulement",
    "recul de",
    "hausse de",
    "fois",
    "double",
    "NIS",
    "COVID-",
    "millions",
    "d'euros",
    "$",
    "£",
    "CHF",
    " dollars",
    "−",
    "soit ",
    "2022",
    " avait",
    " PME",
    "l'été ",
    "automne ",
    "T3 ",
    "-février",
    "İ",
    "/",
    "02/09/2024",
    "x",
    "×",
    "n°",
    " pc",
    "50/50",
    "12-13 ",
    "notée ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\n\n",
    ". ",
    ", ",
    "(",
    ")",
    "« ",
    " »",
    "'",
    "’",
    "\ufeff",
    "B2B",
    "https://x.fr/2024",
    "M.",
    "salariés",
    "Les",
    "Windows",
    "le ",
    "près du ",
    " des",
    " d'entre",
    " ont-ils",
    " pour 100 000",
    " par million",
    " n° ",
    " L. ",
    " réduit de ",
    " secondes",
    "\n1. ",
    " minutes, contre ",
    " fr.",
    "-1",
    " pour 1 000",
    " cas",
    "‰",
    "contre ",
    " l'an",
    " c€",
    "c€",
    " Mt",
    " kt",
    " q/ha",
    " tonnes à l’hectare",
    " hl",
    " fois plus",
    "inférieur de ",
    " reculent de ",
    " et ",
    "soixante",
    "cent",
    " gros ",
    " points de base",
    " rue",
    "€HT",
    ", contre ",
    "/1 000",
    "/",
    "\t",
    "la hausse atteint ",
    "L'augmentation s'élève à ",
    " au plus fort",
    " portant sur ",
    " niveau ",
    "base ",
    "en ",
    " ans et ",
    " mois",
    " de pour cent",
    "≈ ",
    "~",
    ">",
    "≤ ",
    "+ ",
    "+",
    " toutefois de ",
    "\u00ad",
    "\u200b",
    "la hausse atteint même ",
    "un point",
    " de plus",
    " de moins",
    "en hausse d'",
    "un demi-point",
    " points sur ",
    " de baisse",
    " en recul",
    " h ",
    " min ",
    "min",
    " s",
    " secondes",
    " %-",
    " €-",
    "Env. ",
    " de FCFA",
    " baisser de ",
    "la plupart",
    " du temps",
    " yens",
    " DH",
    " DA",
    " dinars",
    "¥",
    " watts",
    " W",
    " Lyon ",
    " aces",
    " étoiles sur ",
    "la moitié",
    " nord",
    " sud-est",
    "24h/24",
    " 7 jours sur 7",
    " iPhone ",
    " mio de ",
    " mia",
    " cl",
    " mg",
    " µg",
    " ko",
    " L",
    " francs CFP",
    " francs congolais",
    " ariary",
    " un an plus tôt",
]
french_like = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
CONTRAST = load("numbers")["contrast_words"]
# Characters that show nothing, which the extractor reads through ("contre \u00ad53").
INVISIBLE = dict.fromkeys(map(ord, load("numbers")["typography"]["invisible"]))
any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None, categories=None)),  # lone surrogates too
    french_like,
)


def _check_invariants(text: str) -> list:
    mentions = extract_mentions(text)
    previous_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.surface != ""
        assert m.start >= previous_end, "sorted and never overlapping"
        previous_end = m.end
        assert m.kind in KINDS
        assert m.sentence_start <= m.start < m.end <= m.sentence_end <= len(text)
        if m.kind in ("date", "period"):
            assert isinstance(m.value, str)
        else:
            assert isinstance(m.value, float)
        if m.qualifier is None:
            assert m.qualifier_start is None and m.qualifier_end is None
        else:
            assert text[m.qualifier_start : m.qualifier_end] == m.qualifier
    return mentions


@given(any_text)
@example("")
@example("\ufeff")
@example("\r\n\r\n")
@example("1.600.")
def test_any_text_gives_exact_nonoverlapping_mentions(text):
    _check_invariants(text)


DIGIT_PIECES = ["1", "6", "0", "00", "000", "601", ".", ",", " ", NBSP, NNBSP, "-", "%", "'", "’"]


@given(st.lists(st.sampled_from(DIGIT_PIECES), max_size=24).map("".join))
@example("1.601.6000")  # "1.601" grouped by a dot, then ".6000": once a crash
@example("1 601.6000,5")
@example("1'601'000.5")  # grouped by apostrophes (Swiss), then a dot decimal
def test_any_run_of_digits_and_separators_reads_or_is_left(text):
    for m in _check_invariants(text):
        assert m.value == m.value  # a number, never NaN


def _in_range(text: str, mentions: list, i: int) -> bool:
    """Whether mention i is joined to a neighbour by a range connector ("20-24 %", "de 10 à 12")."""
    joint = re.compile(r"\s*[-‐‑–—]\s*|\s+(?:à|et)\s+", re.I)
    left = i > 0 and joint.fullmatch(text[mentions[i - 1].end : mentions[i].start])
    right = i + 1 < len(mentions) and joint.fullmatch(text[mentions[i].end : mentions[i + 1].start])
    return bool(left or right)


@given(french_like)
@example("5 € contre 3")  # an amount compared with another, in its currency
@example("53 q/ha, contre 53")  # a measure compared with another: found by the long fuzz
@example("53%contre 2024 PME")  # a count of an acronym after "contre": found by the long fuzz
@example("NIS 2024 points53")  # an acronym and a year-like number: a name, alone or not
@example("$CHF 53")  # a currency symbol after another: found by the long fuzz
@example("Lesnotée 2024 PME")  # a capitalised word, then a count of an acronym: the same
@example("53 PMEautomne 53")  # a name alone on its line is no row of a table: the long fuzz
@example(" n° 02/09/2024-février")  # an identifier written like a date: the long fuzz
@example("53 minutes, contre \u00ad53")  # read through a soft hyphen: the long fuzz
@example("un point reculent de un point")  # a word of change between two: the long fuzz
@example("53 mio de  pour cent")  # an abbreviated scale before "de": the long fuzz
@example("un mio de  pour cent")  # the same, of a number in words: the long fuzz
@example("2024 mio de  pour cent")  # the same, of a year-like number: the long fuzz
def test_every_surface_reads_back_alone(text):
    mentions = _check_invariants(text)
    for i, m in enumerate(mentions):
        parsed = parse_number(m.surface)
        if _in_range(text, mentions, i):
            continue  # a range bound takes its kind (and scale) from the other bound
        if _scaled_before_de(text, m):
            # "10,2 M de personnes": an abbreviated scale counts before "de" and a word only;
            # alone the number reads as it is written ("2024" a year, "un" no number)
            continue
        assert parsed is not None, m.surface
        if parsed == ("count", m.value) and m.kind in CONTRASTED_KINDS:
            # "41 %, contre 35": a number compared with a share takes the share's unit, and
            # "53 q/ha, contre 53" the measure's.
            before = text[: m.start].translate(INVISIBLE)
            assert re.search(rf"{alternation(CONTRAST)}\s+\Z", before, re.I), m
            continue
        if parsed != (m.kind, m.value):
            # A four-digit number is a year alone and a count before a noun ("2024 salariés").
            assert (m.kind, parsed[0], m.value) == ("count", "year", parsed[1]), (m, parsed)


SCALE_BEFORE_DE = alternation(load("numbers")["scale_abbreviations_before_de"])


def _scaled_before_de(text: str, m) -> bool:
    """Whether `m` ends with an abbreviated scale that counts only before "de" or "d'" and a
    word ("10,2 M de personnes", "450 mio de francs"), and "de" follows it."""
    return bool(
        re.search(rf"(?-i:{SCALE_BEFORE_DE})\Z", m.surface)
        and re.match(r"\s+(?:de\s+|d['’]\s*)", text[m.end :])
    )


def render(value: Decimal, group: str, suffix: str) -> str:
    """`value` written the French way: `group` between thousands, a decimal comma."""
    whole, _, frac = f"{value:f}".partition(".")
    if group:
        whole = f"{int(whole):,}".replace(",", group)
    return whole + ("," + frac if frac else "") + suffix


amounts = st.builds(
    lambda units, cents, places: (
        Decimal(units) + Decimal(cents) / 100 if places else Decimal(units)
    ),
    st.integers(0, 10**9),
    st.integers(1, 99),
    st.booleans(),
)
groups = st.sampled_from(["", " ", NBSP, NNBSP, "\u2009", "."])
percent_suffixes = st.sampled_from(["%", " %", f"{NBSP}%", f"{NNBSP}%", " pour cent", " pour 100"])


@given(amounts, groups, percent_suffixes)
@example(Decimal("5.9"), "", f"{NNBSP}%")
@example(Decimal("1600"), ".", " %")
def test_percent_in_any_typography_reads_back(value, group, suffix):
    written = render(value, group, suffix)
    text = f"Selon l’enquête, {written} des sondés le pensent."
    (m,) = extract_mentions(text)
    assert (m.surface, m.kind, m.value) == (written, "percent", float(value))
    assert parse_number(written) == ("percent", float(value))


@given(amounts, groups)
@example(Decimal("1600"), ".")
@example(Decimal("2024"), "")
def test_count_in_any_typography_reads_back(value, group):
    written = render(value, group, "")
    text = f"Auprès de {written} dirigeants interrogés."
    (m,) = extract_mentions(text)
    assert (m.surface, m.kind, m.value) == (written, "count", float(value))
    kind, parsed = parse_number(written)
    assert parsed == float(value) and kind in ("count", "year")


@given(
    amounts, groups, st.sampled_from(["€", " €", f"{NBSP}€", " euros", " M€", " millions d’euros"])
)
def test_money_in_any_typography_reads_back(value, group, suffix):
    written = render(value, group, suffix)
    scale = 10**6 if "M" in suffix or "million" in suffix else 1
    (m,) = extract_mentions(f"Un budget de {written} par an.")
    assert (m.surface, m.kind) == (written, "money")
    assert m.value == float(value * scale)
