"""Articles saved as HTML rather than text: markup found, and the text it holds.

An article pasted from a web page's source keeps its tags and entities ("53&nbsp;%",
"l&rsquo;IA"): the extractor would read "53" without its percent sign and "1&#160;600" as
two numbers. add-source refuses such a file, or with --html stores the text it holds."""

import re
from html.parser import HTMLParser

# Tags an article's HTML is made of, and entities (named, decimal or hexadecimal).
TAG = re.compile(
    r"</?(?:p|br|div|span|h[1-6]|li|ul|ol|table|thead|tbody|tr|td|th|a|strong|em|b|i|u|"
    r"blockquote|section|article|header|footer|figure|figcaption|sup|sub|hr)\b[^<>]*>",
    re.I,
)
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Tags after which the text goes on on a new line (a paragraph, a heading, a list item, a row).
BLOCKS = frozenset(
    {
        *("p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "hr"),
        *("table", "blockquote", "section", "article", "header", "footer"),
        *("figure", "figcaption"),
    }
)
SKIPPED = frozenset({"script", "style", "head", "title", "noscript", "template", "svg"})
# A web page's own parts around the article: its menus, forms and asides ("À lire aussi").
AROUND = frozenset({"nav", "aside", "form", "button", "iframe"})
# Where a page holds its article: when it has one of these, only the text inside it (and the
# page's first-level heading, written above it on some sites) is the article's; the page's
# header and footer around it are not.
CONTENT = frozenset({"article", "main"})
CONTENT_TAG = re.compile(r"<(?:article|main)\b", re.I)
# A table's row is a line of cells between bars, "| Oui | 31 % | 45 % |", as the text of an
# article written with a table shows it (pipeline/table_cells.py): the cells of a row, glued
# together, would read "Oui31 %45 %".
CELLS = frozenset({"td", "th"})


# The encoding a page declares in its head: <meta charset="windows-1252">, or <meta
# http-equiv="Content-Type" content="text/html; charset=iso-8859-1">.
CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
CHARSET_BYTES = 4096  # a page declares it in its head, near its start


def declared_charset(data: bytes) -> str | None:
    """The encoding a web page's bytes declare in a <meta> tag near their start, or None."""
    found = CHARSET.search(data, 0, CHARSET_BYTES)
    return found.group(1).decode("ascii") if found else None


def html_markup(text: str) -> tuple[int, str] | None:
    """(line number, the markup) of the first tag or entity of `text`, or None."""
    found = [m for m in (TAG.search(text), ENTITY.search(text)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return text.count("\n", 0, first.start()) + 1, first.group()


class _Text(HTMLParser):
    def __init__(self, content_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.tables = 0  # depth of tables, and of cells, the parser is in
        self.cells = 0
        # Outside the article's element (when the page has one), text is kept only in h1.
        self.outside = content_only
        self.content = 0
        self.heading = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in CONTENT:
            self.content += 1
        self.heading += tag == "h1"
        if tag in SKIPPED or tag in AROUND:
            self.skipping += 1
        elif tag == "tr":  # on a line of its own, with no blank line after the previous row
            self.parts.append("|" if self.parts and self.parts[-1].endswith("\n") else "\n|")
        elif tag in CELLS:
            self.cells += 1
            self.parts.append(" ")
        elif tag in BLOCKS:
            self.tables += tag == "table"
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in CONTENT:
            self.content = max(0, self.content - 1)
        if tag == "h1":
            self.heading = max(0, self.heading - 1)
        if tag in SKIPPED or tag in AROUND:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "tr":
            self.parts.append("\n")
        elif tag in CELLS:
            self.cells = max(0, self.cells - 1)
            self.parts.append(" |")
        elif tag in BLOCKS:
            self.tables = max(0, self.tables - (tag == "table"))
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping or (self.outside and not self.content and not self.heading):
            return
        if self.cells:  # a cell is one line, its spaces as the page shows them
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))
        elif not self.tables or data.strip():  # not the layout between a table's rows
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text of an HTML article: tags dropped (a block's end ends its line), entities
    decoded ("&nbsp;" is a no-break space, as the page shows it), one blank line at most
    between paragraphs, no space at the ends of lines; the page's menus, forms and asides
    dropped, and when the page marks its article (<article>, <main>), all but its text and
    the page's <h1>."""
    parser = _Text(content_only=CONTENT_TAG.search(html) is not None)
    parser.feed(html)
    parser.close()
    lines = [line.strip(" \t\r") for line in "".join(parser.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"
