"""Articles saved as HTML: add-source names the markup, or with --html stores the text it
holds, whose numbers then read as the page shows them."""

import subprocess
from pathlib import Path

import pytest
import yaml

from pipeline.plain_text import declared_charset, html_markup, html_to_text

from .conftest import run_add_source

HTML = Path(__file__).parent / "data" / "new_article.html"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("<p>Soit 53 %.</p>", (1, "<p>")),
        ("Titre\n\nSoit 53&nbsp;% des sondés.", (3, "&nbsp;")),
        ("Soit 1&#160;600 répondants.", (1, "&#160;")),
        ("Soit l&#x2019;IA.", (1, "&#x2019;")),
        ("Une ligne<br/>puis une autre.", (1, "<br/>")),
        # French text without markup: a comparison, an ampersand, a less-than sign
        ("L'effet est significatif (p < 0,05) chez Procter & Gamble.", None),
        ("Soit 53 % des sondés ; R&D en hausse.", None),
    ],
)
def test_html_markup_is_found_where_it_is_written(text, found):
    assert html_markup(text) == found


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Soit 53&nbsp;% des sondés.</p>", "Soit 53\u00a0% des sondés.\n"),
        ("<h1>Titre</h1><p>Un.</p><p>Deux.</p>", "Titre\n\nUn.\n\nDeux.\n"),
        (
            "<p>l&rsquo;IA et 1&#160;600 <em>répondants</em></p>",
            "l\u2019IA et 1\u00a0600 répondants\n",
        ),
        ("<p>Un<br>deux</p>", "Un\ndeux\n"),
        ("<style>p {}</style><script>var x = 12;</script><p>Soit 3 %.</p>", "Soit 3 %.\n"),
        (  # a table: a line of cells between bars a row, the page's layout dropped
            "<p>Vote</p>\n<table>\n  <tr><th></th><th>Ensemble</th><th>Moins de\n 35 ans</th></tr>"
            "\n  <tr>\n    <td>Oui</td>\n    <td>31&nbsp;%</td>\n    <td>45 %</td>\n  </tr>\n"
            "</table><p>Fin.</p>",
            "Vote\n\n|  | Ensemble | Moins de 35 ans |\n| Oui | 31\u00a0% | 45 % |\n\nFin.\n",
        ),
        (  # words of a cell in inline elements keep their spaces
            "<table><tr><th>Moins de <em>35 ans</em></th></tr><tr><td>31&nbsp;<b>%</b></td></tr>"
            "</table>",
            "| Moins de 35 ans |\n| 31\u00a0% |\n",
        ),
        # a page's menus, forms and asides are not the article
        (
            "<nav><ul><li>Accueil</li><li>Abonnez-vous pour 1 €</li></ul></nav>"
            "<p>Soit 53 %.</p><aside><p>À lire aussi : 3 scénarios</p></aside>"
            "<form><button>Envoyer</button></form>",
            "Soit 53 %.\n",
        ),
        # where the page marks its article, only its text and the page's h1 are kept
        (
            "<header><p>Le Quotidien, 12 pages</p></header><h1>62 % des Français</h1>"
            "<main><article><header><p>Par J. M.</p></header><p>Soit 62 %.</p></article></main>"
            "<footer><p>© 2025, 1 abonné</p></footer>",
            "62 % des Français\n\nPar J. M.\n\nSoit 62 %.\n",
        ),
        # without one, the whole page is
        (
            "<header><p>Le Quotidien</p></header><p>Soit 62 %.</p><footer><p>© 2025</p></footer>",
            "Le Quotidien\n\nSoit 62 %.\n\n© 2025\n",
        ),
    ],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def add_source(raw: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_add_source(HTML, "pme_ia_html", "cpme_2024_ia_cyber", raw, *extra)


def test_add_source_names_the_markup_of_an_html_file_and_writes_nothing(project):
    done = add_source(project.raw)
    assert done.returncode == 2
    assert done.stderr == (
        f"error: {HTML}: line 1: the text holds HTML markup (<article>): the numbers would be "
        "read with it. Fix: pass --html to store the text it holds (tags dropped, entities "
        "decoded), or save the article as plain text\n"
    )
    assert not (project.raw / "sources" / "pme_ia_html").exists()


def test_add_source_stores_the_text_of_an_html_file_and_reads_its_numbers(project):
    done = add_source(project.raw, "--html")
    assert done.returncode == 0, done.stderr
    folder = project.raw / "sources" / "pme_ia_html"
    text = (folder / "article.txt").read_text(encoding="utf-8")
    assert text.startswith("Les PME et l\u2019IA\n\nSelon la CPME, 53\u00a0% des dirigeants")
    assert "<" not in text and "&" not in text and "var x" not in text
    draft = yaml.safe_load((folder / "draft.yml").read_text(encoding="utf-8"))["mentions"]
    assert [(m["surface"], m["kind"], m["value"]) for m in draft] == [
        ("53\u00a0%", "percent", 53.0),
        ("un quart", "fraction", 25.0),
        ("23\u00a0%", "percent", 23.0),
        ("douze derniers mois", "other", 12.0),
    ]
    meta = yaml.safe_load((folder / "source.yml").read_text(encoding="utf-8"))
    assert meta["received_as"] == "new_article.html (HTML, stored as the text it holds)"
    # Run again (to refresh the draft), the same page gives the same text: nothing refused.
    assert add_source(project.raw, "--html").returncode == 0


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        ('<meta charset="windows-1252">', "windows-1252"),
        ("<meta charset=ISO-8859-1 />", "ISO-8859-1"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "iso-8859-1"),
        ('<meta name="description" content="Sondage">', None),
        ("", None),
    ],
)
def test_the_encoding_a_page_declares(head, charset):
    assert declared_charset(f"<html><head>{head}</head><body></body></html>".encode()) == charset


def test_add_source_reads_a_page_in_the_encoding_it_declares(project, tmp_path):
    page = tmp_path / "latin.html"
    page.write_bytes(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body><article><h1>Sondage : 45 % des salariés</h1><p>Selon un sondage "
        "réalisé auprès de 1 000 personnes, 45 % des salariés sont déçus.</p></article>"
        "</body></html>".encode("latin-1")
    )
    done = run_add_source(page, "page_latine", "cpme_2024_ia_cyber", project.raw, "--html")
    assert done.returncode == 0, done.stderr
    folder = project.raw / "sources" / "page_latine"
    assert (folder / "article.txt").read_text(encoding="utf-8") == (
        "Sondage : 45 % des salariés\n\nSelon un sondage réalisé auprès de 1 000 personnes, "
        "45 % des salariés sont déçus.\n"
    )
    # A page saved again by a browser is in UTF-8, whatever its head still declares.
    page.write_bytes('<meta charset="windows-1252"><p>Soit 45 % des salariés.</p>'.encode())
    done = run_add_source(page, "page_resauvee", "cpme_2024_ia_cyber", project.raw, "--html")
    assert done.returncode == 0, done.stderr
    saved = folder.parent / "page_resauvee" / "article.txt"
    assert saved.read_text(encoding="utf-8") == "Soit 45 % des salariés.\n"
    # A page whose bytes are not in the encoding it declares is refused, nothing written.
    page.write_bytes('<meta charset="ascii"><p>Soit 45 % des salariés.</p>'.encode("latin-1"))
    done = run_add_source(page, "page_fausse", "cpme_2024_ia_cyber", project.raw, "--html")
    assert done.returncode == 2
    assert "the page declares the encoding ascii, which its bytes are not in" in done.stderr
    assert not (folder.parent / "page_fausse").exists()
