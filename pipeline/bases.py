"""The words of a sentence that may name the base population of a share: "Parmi ceux qui
sont en poste", "des répondants". The draft shows them beside each observation it proposes
(raw/lexicon/fr_bases.yml)."""

import re
from functools import lru_cache

from pipeline.extract import Mention
from pipeline.extract.lexicon import alternation, fold, function_words, load
from pipeline.extract.numerals import words_value

# How far before a number a phrase naming its base is looked for, in characters: a sentence
# of thousands of numbers is read in time linear in its length.
BEFORE_CHARS = 200
# Where a phrase before the number ends: a comma, a colon, a semicolon or a bracket.
END_OF_PHRASE = re.compile(r"[:;()]|(?<!\d),|,(?!\d)")  # not the comma of "5,8"
SHARE_KINDS = ("percent", "fraction", "ratio")
PHRASE_CHARS = 80  # how far the phrase of a pronoun after a share runs
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
SPACES = re.compile(r"[ \u00a0\u202f]*")
# The people a ratio counts: "jeunes" of "7 jeunes sur 10", "cycliste" of "Un cycliste sur cinq".
RATIO_NOUN = re.compile(r"\S+\s+(?P<noun>[^\W\d_][^\d]*?)\s+sur\s", re.I)
# A share in brackets after a ratio that names its people: "Huit sondés sur dix (81 %)".
RATIO_BEFORE = re.compile(r"(?<!\S)(?P<noun>[^\W\d_]+)\s+sur\s+\w+\s*\(\s*\Z", re.I)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    bases, fractions = load("bases"), load("fractions")
    fraction_words = [*fractions["shares"], *fractions["denominators"]]
    return {
        # "des 65 ans et plus", "des 18-24 ans", "des moins de 35 ans" (fr_bases: age_groups)
        "age": re.compile(_age_group(), re.I),
        # "de plus de 250 salariés", "de 10 à 49 salariés": a group bounded by a count
        "sized": re.compile(_sized_group(), re.I),
        "before": re.compile(
            "".join(rf"(?<!\b{re.escape(w)}\s)" for w in bases["before_not_after"])
            + rf"(?<![\w'’]){alternation(bases['before'])}(?![\w'’])",
            re.I,
        ),
        # "des plus aisées"; the second word of a negation after its verb ("ne partent pas")
        "superlative": re.compile(
            rf"{alternation(bases['superlatives'])}[ \u00a0\u202f]+(?=[^\W\d_])", re.I
        ),
        "negation": re.compile(
            rf"[ \u00a0\u202f]+{alternation(bases['negation']['after'])}(?![\w'’-])", re.I
        ),
        # "Dans le même temps, …": when or how, not who
        "not_group": re.compile(rf"{alternation(bases['not_groups'])}(?![\w'’])", re.I),
        # an opening that names a group itself may end its phrase: "94 % de la population."
        "after": re.compile(
            rf"\s+{alternation(bases['after'])}(?:(?<=['’])|\s+|(?=[^\w'’-]|\Z))", re.I
        ),
        "after_fraction": re.compile(
            rf"\s+{alternation(bases['after'] + bases['after_fraction'])}(?:(?<=['’])|\s+)", re.I
        ),
        # The word of a fraction said in words, right before a group: "majorité" of "Une large
        # majorité de cadres (71 %)".
        "fraction_word": re.compile(rf"(?<![\w'’]){alternation(fraction_words)}\Z", re.I),
        "whole": re.compile(rf"\s+{alternation(bases['after_whole'])}(?![\w'’])", re.I),
        "clause": re.compile(rf"\s+{alternation(bases['after_clause'])}(?![\w'’])", re.I),
        "pronoun": re.compile(
            rf"\s+{alternation(bases['after_pronoun'])}(?![\w'’])[^,:;()]{{0,{PHRASE_CHARS}}}",
            re.I,
        ),
        # "Les cadres sont 52 % à …": the clause before the verb, the verb, up to two words.
        "subject": re.compile(
            rf"(?:{alternation(bases['clause_openers'])}\s+)?(?P<subject>[^,:;()]+?)\s+"
            rf"(?:ne\s+|n['’])?{alternation(bases['subject_verbs'])}"
            rf"(?:\s+[^\W\d_]+){{0,2}}\s+\Z",
            re.I,
        ),
        "to": re.compile(r"\s+à\s"),
        "relative": re.compile(
            rf"\s*{alternation(bases['relative_pronouns'])}(?:(?<=['’])|\s+)", re.I
        ),
        # "… que les hommes (": the group compared, right before a share in brackets.
        "than": re.compile(
            rf"(?<![\w'’]){alternation(bases['than'])}\s*(?P<group>[^\W\d_][^(),;:\d]*?)"
            r"\s*\(\s*\Z",
            re.I,
        ),
        # "Les femmes sont plus nombreuses à télétravailler (", "Les parents sont plus
        # favorables (": the subject compared.
        "compared": re.compile(
            rf"(?:{alternation(bases['clause_openers'])}\s+)?(?P<subject>[^,:;()]+?)\s+"
            rf"(?:ne\s+|n['’])?{alternation(bases['subject_verbs'])}\s+"
            rf"{alternation(bases['comparatives'])}\s+[^\W\d_]+(?:\s+à\s+[^()]*?)?\s*\(\s*\Z",
            re.I,
        ),
        # Where a phrase naming a base opens: the sentence's start, or after punctuation and
        # maybe one of `clause_openers` ("Et parmi les jeunes, …", "En 2024, chez les cadres").
        "clause_start": re.compile(
            rf"(?:\A|[,:;()«»\"–—-])\s*(?:{alternation(bases['clause_openers'])}\s+)?\Z", re.I
        ),
        "bracket_group": _bracket_group(),
        "share_subject": _share_subject(),
        "contrast": re.compile(
            rf"(?<![\w'’]){alternation(load('numbers')['contrast_words'])}\s+\Z", re.I
        ),
    }


@lru_cache(maxsize=1)
def _negation_before() -> frozenset[str]:
    return frozenset(fold(w) for w in load("bases")["negation"]["before"])


@lru_cache(maxsize=1)
def _stops() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], int]:
    """The words a group stops before (function words, `verbs` and the verbs of change of
    fr_hedges.yml: "La moitié des ventes recule"), `verb_endings`, `verb_prefixes` and
    `max_words`."""
    bases, directions = load("bases"), load("hedges")["directions"]
    changes = {fold(w) for w in directions["up"] + directions["down"] if " " not in w}
    stops = function_words() | {fold(w) for w in bases["verbs"]} | changes
    prefixes = tuple(fold(w) for w in bases["verb_prefixes"])
    return stops, tuple(bases["verb_endings"]), prefixes, int(bases["max_words"])


def base_words(m: Mention, text: str) -> list[str]:
    """The phrases of `m`'s sentence that may name its base: one opened before the number by
    a word of `before` and set apart by a comma ("Parmi ceux qui sont en poste, 72 %"), and
    the group written right after a share ("des répondants"), in the order of the text."""
    found = []
    head = m.qualifier_start if m.qualifier_start is not None else m.start
    lo = max(m.sentence_start, head - BEFORE_CHARS)
    before = list(_patterns()["before"].finditer(text, lo, head))
    end = before and END_OF_PHRASE.search(text, before[-1].start(), head)
    bracket = BRACKET_BEFORE.search(text, lo, head)
    if end and bracket and end.start() != bracket.start():
        end = None  # a share in brackets restates the words right before it, not a phrase
        # closed earlier: "dans les Hauts-de-France (22,1 %) et dans le Grand Est (20,0 %)"
    fraction = m.kind == "fraction"
    after = _group_after(text, m.end, m.sentence_end, fraction) if m.kind in SHARE_KINDS else None
    if m.kind in SHARE_KINDS and not after and (closed := BRACKET_AFTER.match(text, m.end)):
        # "Plus de la moitié (52 %) des sondés": the group after the share in brackets
        after = _group_after(text, closed.end(), m.sentence_end, fraction)
    if end and after and _patterns()["contrast"].search(text, lo, head):
        end = None  # "…, 72 %, contre 38 % dans celles de moins de 50 salariés": its own group
    if end and after and _patterns()["pronoun"].match(text, m.end, m.sentence_end):
        end = None  # "Chez les cadres, …, mais 9 % chez ceux du RN": a group set against it
    if end:  # a phrase set apart by a comma: "Parmi ceux qui sont en poste, 72 %"
        first = len(before) - 1  # its opening: "Chez les ouvriers comme chez les cadres, …"
        while first and not END_OF_PHRASE.search(
            text, before[first - 1].end(), before[first].start()
        ):
            first -= 1
        opened = text[m.sentence_start : before[first].start()]
        if end.group(0) in ",;:" and not _patterns()["clause_start"].search(opened):
            end = None  # "La part du bio dans les achats … à 5,8 %, loin de …": mid-clause
    if end and _topic(text, before[first]):
        end = None  # "Côté solutions, 73 % des dirigeants …": a topic, not a group
    if end and _patterns()["not_group"].match(text, before[first].start()):
        end = None  # "Dans le même temps, 31 % …": when, not who
    if end:
        found.append(text[before[first].start() : end.start()].rstrip())
    elif m.kind in SHARE_KINDS and (subject := _subject(text, m, lo, head)):
        found.append(subject)  # "Les cadres sont 52 % à télétravailler"
    if m.kind == "ratio" and (noun := RATIO_NOUN.match(m.surface)):
        found.append(noun.group("noun"))  # "7 jeunes sur 10": seven young people in ten
    if after:
        found.append(after)
    if not found and bracket:
        found.extend(_group_before(text, lo, bracket.start()))  # "un tiers des sondés (33 %)"
    ratio = RATIO_BEFORE.search(text, lo, head) if bracket and not found else None
    if ratio and words_value(ratio.group("noun")) is None:  # a noun, not "six" of "six sur dix"
        found.append(ratio.group("noun"))  # "Huit sondés sur dix (81 %)"
    if not found and bracket:
        found.extend(_compared(text, m, lo, head))  # "… plus nombreuses (61 %) que les hommes"
    if not found and bracket and (group := _bracket_group_words(text, lo, head)):
        found.append(group)  # "les cadres (45 %), les employés (32 %)"
    said = (
        not found and m.kind in SHARE_KINDS and _patterns()["share_subject"].search(text, lo, head)
    )
    if said:
        found.append(said.group("phrase"))  # "La part des seniors en emploi s'établit à 58,4 %"
    return found


def _bracket_group_words(text: str, lo: int, head: int) -> str | None:
    """The group of people right before the bracket a share is written in, if no verb
    ends it: "les sympathisants LR (68 %)", not "ceux des services ralentissent (+3,0 %)"."""
    found = _patterns()["bracket_group"].search(text, lo, head)
    if found is None:
        return None
    stops, verb_endings, verb_prefixes, _ = _stops()
    for word in map(fold, found.group("tail").split()):
        if word in stops or word.endswith(verb_endings) or word.startswith(verb_prefixes):
            return None
    return found.group("group")


def _compared(text: str, m: Mention, lo: int, head: int) -> list[str]:
    """The group of a share in brackets in a comparison: "les hommes" of "… que les hommes
    (56 %)", "Les femmes" of "Les femmes sont plus nombreuses à télétravailler (61 %)"."""
    than = _patterns()["than"].search(text, lo, head)
    if than:
        return [than.group("group")]
    start = m.sentence_start
    for opening in END_OF_PHRASE.finditer(text, m.sentence_start, head):
        if opening.group() != "(":  # a clause starts after a comma, not inside brackets
            start = opening.end()
    said = _patterns()["compared"].match(text, SPACES.match(text, start).end(), head)
    if said is None or fold(subject := said.group("subject").strip()) in _pronouns():
        return []
    return [subject]


def _group_nouns() -> list[str]:
    """Nouns of people and of organisations that a group of a share names."""
    populations, lex = load("populations"), load("bases")["bracket_groups"]
    return [*populations["ages"]["groups"], *populations["sizes"]["groups"], *lex["people"]]


@lru_cache(maxsize=1)
def _topic_opener() -> tuple[frozenset[str], re.Pattern]:
    openers = frozenset(fold(w) for w in load("bases")["topic_openers"])
    return openers, re.compile(rf"\s*{alternation(_group_nouns())}(?![\w'’-])", re.I)


def _topic(text: str, opening: re.Match) -> bool:
    """Whether a phrase opened by `opening` names a topic rather than a group: one of
    `topic_openers` not followed by a noun of people or organisations."""
    openers, group = _topic_opener()
    return fold(opening.group(0)) in openers and group.match(text, opening.end()) is None


def _share_subject() -> re.Pattern:
    """The phrase naming a share right before it (fr_bases.yml: share_subjects)."""
    lex = load("bases")["share_subjects"]
    return re.compile(
        rf"(?<![\w'’-])(?P<phrase>{alternation(lex['determiners'])}\s+{alternation(lex['nouns'])}"
        rf"\s+(?:des|du|de|d['’])\s*[^,;:()\d]{{1,{int(lex['max_chars'])}}}?)"
        rf"\s+{alternation(lex['links'])}\s*\Z",
        re.I,
    )


@lru_cache(maxsize=1)
def _group_label() -> re.Pattern:
    nouns = alternation(_group_nouns())
    return re.compile(rf"(?:{_age_group()}|{nouns}(?![\w'’-])[^|\t\n]*)", re.I)


def names_a_group(label: str) -> bool:
    """Whether a label (of a table's row) names a group of people or organisations: an age
    group ("18-34 ans", "65 ans et plus", "Moins de 35 ans") or one of their nouns first
    ("Cadres", "PME de 10 à 49 salariés")."""
    return bool(_group_label().fullmatch(" ".join(label.split())))


def _sized_group() -> str:
    """A count's bound and the plural noun it counts, as a pattern: "plus de 250 salariés",
    "10 à 49 salariés", "moins de 500 habitants", "dix salariés ou plus" (fr_bases.yml:
    age_groups' bounds); a count in words is checked by `_sized`."""
    ages = load("bases")["age_groups"]
    count = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})*|[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*)"
    return (
        rf"(?:{alternation(ages['before'])}\s+)?(?P<count>{count})"
        rf"(?:\s*(?:[-–]|{alternation(ages['joiners'])})\s*{count})?"
        rf"\s+[^\W\d_][\w'’-]*[sx](?![\w'’-]|\s+sur\s)"  # not "2 entreprises sur 3"
        rf"(?:\s+{alternation(ages['after'])}(?![\w'’-]))?"
    )


def _sized(text: str, pos: int, end: int) -> re.Match | None:
    """The count-bounded group at `pos` ("plus de 250 salariés", "dix salariés ou plus"), its
    count written in digits or in words."""
    found = _patterns()["sized"].match(text, pos, end)
    if found is None:
        return None
    count = found.group("count")
    return found if count[0].isdigit() or words_value(count) is not None else None


def _age_group() -> str:
    """The words of an age group, as a pattern: "65 ans et plus", "18-24 ans", "moins de 35
    ans" (fr_bases.yml: age_groups)."""
    ages = load("bases")["age_groups"]
    return (
        rf"(?:{alternation(ages['before'])}\s+)?\d{{1,3}}"
        rf"(?:\s*(?:[-–]|{alternation(ages['joiners'])})\s*\d{{1,3}})?"
        rf"\s+{alternation(ages['years'])}(?:\s+{alternation(ages['after'])})?(?!\w)"
    )


def _bracket_group() -> re.Pattern:
    """A group of people right before the bracket of a share, or an age group (fr_bases.yml:
    bracket_groups, age_groups): "les sympathisants LR (68 %)", "les 65 ans et plus (19 %)"."""
    lex = load("bases")["bracket_groups"]
    people = _group_nouns()
    tail = rf"(?P<tail>(?:\s+[^\W\d_][\w'’-]*){{0,{int(lex['max_words'])}}})"
    return re.compile(
        rf"(?<![\w'’-])(?P<group>(?:{alternation(lex['openers'])}\s+"
        rf"(?:{alternation(people)}|{_age_group()})"
        rf"|{alternation(lex['pronouns'])}\s+{alternation(lex['pronoun_links'])}(?:(?<=['’])|\s+)"
        rf"[^\W\d_][\w'’-]*){tail})\s*\(\s*\Z",
        re.I,
    )


# A share in brackets after the words it restates: "Un tiers des sondés (33 %)".
BRACKET_BEFORE = re.compile(r"\([ \u00a0\u202f]*\Z")
# The end of the brackets a share is written in, or of a share in brackets after it: "(52 %)".
BRACKET_AFTER = re.compile(r"[ \u00a0\u202f]*(?:\)|\([^()]{0,20}\))")


def _group_before(text: str, lo: int, end: int) -> list[str]:
    """The group written right before `end` ("des sondés" of "Un tiers des sondés (", "de
    cadres" of "Une large majorité de cadres ("), if one is: the last opening of `after` (or
    of `after_fraction` after a fraction's word) whose group runs to `end`."""
    for opening in reversed(list(_patterns()["after_fraction"].finditer(text, lo, end))):
        fraction = bool(_patterns()["fraction_word"].search(text, lo, opening.start()))
        group = _group_after(text, opening.start(), end, fraction)
        if group and not text[opening.start() : end].strip().removeprefix(group).strip():
            return [group]
    return []


def _subject(text: str, m: Mention, lo: int, head: int) -> str | None:
    """ "Les cadres" of "Les cadres sont 52 % à télétravailler": the subject of the verb
    before a share followed by "à", from the start of its clause; None otherwise."""
    if not _patterns()["to"].match(text, m.end, m.sentence_end):
        return None
    ends = list(END_OF_PHRASE.finditer(text, lo, head))
    start = SPACES.match(text, ends[-1].end() if ends else lo).end()
    said = _patterns()["subject"].match(text, start, head)
    if said is None and len(ends) >= 2 and _patterns()["relative"].match(text, ends[-2].end()):
        # "Les boursiers, qui représentent 37 % des étudiants, sont 62 % à …": the subject
        # before the relative clause, the verb after it
        before = ends[-3].end() if len(ends) >= 3 else lo
        subject = text[before : ends[-2].start()] + text[ends[-1].end() : head]
        said = _patterns()["subject"].match(subject.lstrip())
    if said is None:
        return None
    subject = said.group("subject").strip()
    return None if fold(subject) in _pronouns() else subject


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    return frozenset(fold(w) for w in load("bases")["subject_pronouns"])


# A count of the group right after its opening, before its noun: "98 532" of "des 98 532
# électeurs inscrits".
COUNTED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})*[ \u00a0\u202f]+(?=[^\W\d_])")


def _group_after(text: str, end: int, sentence_end: int, fraction: bool = False) -> str | None:
    """ "des répondants" after "50 %": the words of `after` (or of `after_fraction` after a
    `fraction`) and the group's words that follow, up to a function word, a verb, a number or
    punctuation; None if no group is written."""
    whole = _patterns()["whole"].match(text, end, sentence_end)
    if whole:
        return whole.group().strip()
    pronoun = _patterns()["pronoun"].match(text, end, sentence_end)
    if pronoun:  # "dans celles de moins de 50 salariés"
        return pronoun.group().strip().rstrip(".!?…").rstrip()
    stops, verb_endings, verb_prefixes, max_words = _stops()
    clause = _patterns()["clause"].match(text, end, sentence_end)
    if clause:  # "de ceux qui utilisent …": the verb, then the group
        verb = WORD.match(text, SPACES.match(text, clause.end()).end(), sentence_end)
        negated = verb is not None and fold(verb.group()) in _negation_before()
        if negated:  # "de ceux qui ne partent pas"
            verb = WORD.match(text, SPACES.match(text, verb.end()).end(), sentence_end)
            negation = verb and _patterns()["negation"].match(text, verb.end(), sentence_end)
            verb = negation or verb
        if verb is None:
            return clause.group().strip()
        opening, pos, last = clause, SPACES.match(text, verb.end()).end(), verb.end()
    else:
        opening = _patterns()["after_fraction" if fraction else "after"].match(
            text, end, sentence_end
        )
        if opening is None:
            return None
        pos, last = opening.end(), None
        opened = opening.group().rstrip()
        if fold(opened.rpartition(" ")[2]) not in stops:  # "de la population": a group itself
            last = opening.start() + len(opened)
    plural_only = False
    if age := _patterns()["age"].match(text, pos, sentence_end):  # "des 65 ans et plus"
        last = age.end()
        pos = SPACES.match(text, last, sentence_end).end()
        plural_only = True  # "des 18-24 ans interrogés", not "des moins de 25 ans renonce"
    elif counted := COUNTED.match(text, pos, sentence_end):  # "des 98 532 électeurs inscrits"
        pos, plural_only = counted.end(), True
    elif superlative := _patterns()["superlative"].match(
        text, pos, sentence_end
    ):  # "des plus aisés"
        pos = superlative.end()
    for _ in range(max_words):
        word = WORD.match(text, pos, sentence_end)
        folded = fold(word.group()) if word else ""
        if folded == "de" and (acronym := _acronym_after(text, word.end(), sentence_end)):
            last = acronym  # "des dirigeants de PME"
            break
        if folded == "de" and (
            age := _patterns()["age"].match(
                text, SPACES.match(text, word.end()).end(), sentence_end
            )
            or _sized(text, SPACES.match(text, word.end()).end(), sentence_end)
        ):
            last = age.end()  # "parmi les dirigeants de plus de 55 ans", "de 10 à 49 salariés"
            break
        if (
            word is None
            or folded in stops
            or folded.endswith(verb_endings)
            or folded.startswith(verb_prefixes)
            or folded.rpartition("'")[2] in stops  # "d'au moins un smartphone"
            or (plural_only and not folded.endswith(("s", "x")))
        ):
            break
        last = word.end()
        pos = SPACES.match(text, last, sentence_end).end()  # no copy of the sentence's rest
    return text[opening.start() : last].strip() if last else None


def _acronym_after(text: str, pos: int, sentence_end: int) -> int | None:
    """End of an acronym or a proper name written after `pos` ("PME" of "de PME", "Vaud" of
    "du canton de Vaud", "La Poste"), if one is."""
    end = None
    for _ in range(NAME_WORDS):  # "de La Poste": every capitalised word of the name
        word = WORD.match(text, SPACES.match(text, end or pos).end(), sentence_end)
        written = word.group() if word else ""
        if len(written) < 2 or not written[0].isupper():
            break
        end = word.end()
    return end


# How many capitalised words a proper name after "de" in a group may have ("La Poste").
NAME_WORDS = 3


# Where a phrase in a heading ends: a bracket, a comma, a colon or a semicolon.
END_IN_HEADING = re.compile(r"[,:;()\[\]]|$", re.M)


def heading_base_words(text: str, line_start: int) -> list[str]:
    """The phrase of a table's heading line that names its rows' base: "parmi les certains
    d'aller voter" of "Intentions de vote (en %, parmi les certains d'aller voter)"."""
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    opening = _patterns()["before"].search(text, line_start, line_end)
    if opening is None:
        return []
    end = END_IN_HEADING.search(text, opening.end(), line_end)
    phrase = text[opening.start() : end.start() if end else line_end].strip()
    return [phrase] if phrase else []
