"""French typography of synthetic figures, and an article built sentence by sentence with the
exact offsets of every quote and number."""

import random

NBSP, NNBSP = "\u00a0", "\u202f"
PERCENT_SIGNS = [" %", NBSP + "%", NNBSP + "%", "%"]
GROUPS = [" ", NBSP, NNBSP, ".", ""]

_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def french_words(n: int) -> str:
    """2 ≤ n ≤ 99 in French words: 'vingt et un', 'soixante-douze', 'quatre-vingt-dix'."""
    if n <= 16:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        word = _TENS[tens * 10]
        return word if unit == 0 else word + (" et un" if unit == 1 else "-" + _UNITS[unit])
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + french_words(n - 60)
    return "quatre-vingts" if n == 80 else "quatre-vingt-" + french_words(n - 80)


def percent_text(value: float, rng: random.Random) -> str:
    """A percentage as a French article may write it: '53 %' (any space), '53%', '5,9 %',
    '53 pour cent', 'cinquante-trois pour cent', '53,0 %'."""
    if value != int(value):
        return f"{value:.1f}".replace(".", ",") + rng.choice(PERCENT_SIGNS)
    n, r = int(value), rng.random()
    if r < 0.06 and n >= 2:
        return french_words(n) + " pour cent"
    if r < 0.11:
        return f"{n} pour cent"
    if r < 0.15:
        return f"{n},0" + rng.choice(PERCENT_SIGNS)
    return f"{n}" + rng.choice(PERCENT_SIGNS)


def count_text(n: int, rng: random.Random) -> str:
    """A count with French thousands grouping: '1 600', '1 600', '1 600', '1.600', '1600'."""
    return f"{n:,}".replace(",", rng.choice(GROUPS)) if n >= 1000 else str(n)


def occurrence(quote: str, number_text: str, at: int) -> int:
    """Which occurrence (1-based, overlapping) of number_text in quote starts at `at`."""
    count, pos = 0, quote.find(number_text)
    while 0 <= pos < at:
        count += 1
        pos = quote.find(number_text, pos + 1)
    if pos != at:
        raise ValueError(f"{number_text!r} does not start at {at} in {quote!r}")
    return count + 1


class Article:
    """A text built sentence by sentence; `sentence` returns where its quote starts."""

    def __init__(self, title: str) -> None:
        self.text = title
        self._open = False

    def paragraph(self) -> None:
        """The next sentence starts a new paragraph."""
        self._open = False

    def line(self, text: str) -> int:
        """A line of its own (a related-link insert); returns its offset."""
        self.text += "\n\n"
        start = len(self.text)
        self.text += text
        self._open = False
        return start

    def sentence(self, lead: str, body: str) -> int:
        """Append `lead + body + '.'`; returns the offset of body in the text."""
        self.text += " " if self._open else "\n\n"
        self._open = True
        start = len(self.text) + len(lead)
        self.text += lead + body + "."
        return start
