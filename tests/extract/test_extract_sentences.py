"""Sentence boundaries: French punctuation, abbreviations, numbers and line breaks."""

import pytest

from pipeline.extract import extract_mentions
from pipeline.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une phrase. Une autre.", ["Une phrase.", "Une autre."]),
        ("Auprès de 1.600 dirigeants. Ensuite.", ["Auprès de 1.600 dirigeants.", "Ensuite."]),
        ("M. Dupont et Mme Durand. Fin.", ["M. Dupont et Mme Durand.", "Fin."]),
        ("Selon J. Martin, oui. Fin.", ["Selon J. Martin, oui.", "Fin."]),
        ("Vraiment ? Oui !", ["Vraiment ?", "Oui !"]),
        ("« Pourquoi ? » Parce que.", ["« Pourquoi ? »", "Parce que."]),
        ("Titre sans point\n\nLe texte suit.", ["Titre sans point", "Le texte suit."]),
        ("Titre\r\nLe texte suit.\r\n", ["Titre", "Le texte suit."]),
        # a lone carriage return breaks a line too (old Mac files)
        ("Titre\rLe texte suit.\r\rFin", ["Titre", "Le texte suit.", "Fin"]),
        ("Une ligne\r\ncoupée au milieu.", ["Une ligne\r\ncoupée au milieu."]),
        ("Une ligne\rcoupée au milieu.", ["Une ligne\rcoupée au milieu."]),
        ("Une ligne\ncoupée au milieu.", ["Une ligne\ncoupée au milieu."]),
        ("Le taux est de 5.9 ici. Et là.", ["Le taux est de 5.9 ici.", "Et là."]),
        ("\ufeffAvec BOM. Fin.", ["Avec BOM.", "Fin."]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


def test_mention_knows_its_sentence():
    text = "Premier point. Ensuite, 53 % des sondés. Fin."
    (m,) = extract_mentions(text)
    assert text[m.sentence_start : m.sentence_end] == "Ensuite, 53 % des sondés."
    assert m.to_dict(text)["sentence"] == "Ensuite, 53 % des sondés."
