"""Throughput of the French numeric-mention extractor against a plain digit-run regex.

Usage (from the repository root)::

    .venv/bin/python bench/extract_throughput.py [--mb 10] [--seed 7] [--repeat 3]

Builds a deterministic corpus of French press-style articles (numbers in every typography the
extractor reads: spaces, no-break and narrow no-break spaces, dot thousands, decimal commas,
"pour cent", number words, dates, hedges, ranges, names, URLs, CRLF), then times, on the same
articles in the same run:

- extractor: ``pipeline.extract.extract_mentions`` on each article;
- baseline:  one compiled ``re`` pattern finding digit runs (``\\d+``) on each article.

Prints MB/s for both (best of --repeat runs, MB = 10**6 bytes of UTF-8) and their ratio.
"""

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.extract import extract_mentions  # noqa: E402

NBSP, NNBSP = "\u00a0", "\u202f"
SUBJECTS = [
    "des dirigeants",
    "des salariés",
    "des Français",
    "des ménages",
    "des PME",
    "des sondés",
    "des communes",
    "des élèves",
    "des clients",
    "des agriculteurs",
]
VERBS = [
    "estiment que la situation s'améliore",
    "envisagent d'investir",
    "ont recruté",
    "déclarent des difficultés",
    "utilisent déjà l’IA",
    "ont subi une cyberattaque",
]
FILLER = [
    "La fédération appelle les pouvoirs publics à agir rapidement.",
    "Selon M. Dupont, la tendance devrait se confirmer dans les prochains mois.",
    "L’organisation représentative clame que la sécurité « ne doit pas être un luxe ».",
    "Le détail est publié sur https://www.exemple.fr/etudes/2024/rapport-12.pdf pour les curieux.",
    "Le marché B2B et les processeurs x86 ne sont pas concernés par la directive NIS 2.",
    "Depuis la crise du COVID-19, les habitudes ont changé.",
]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WORDS = ["douze", "cinquante", "trois", "vingt et un", "quatre-vingt-dix", "deux cents"]
HEDGES = [
    "près de ",
    "près d’",
    "environ ",
    "plus de ",
    "un peu plus de ",
    "moins de ",
    "seulement ",
]


def number(rng: random.Random, decimals: bool = True) -> str:
    """A number in one of the French typographies."""
    whole = rng.choice([rng.randint(0, 99), rng.randint(100, 999), rng.randint(1000, 999_999)])
    group = rng.choice(["", " ", NBSP, NNBSP, "."]) if whole >= 1000 else ""
    text = f"{whole:,}".replace(",", group)
    if decimals and rng.random() < 0.3:
        text += "," + str(rng.randint(1, 99))
    return text


def percent(rng: random.Random) -> str:
    value = f"{rng.randint(1, 99)}" + (f",{rng.randint(1, 9)}" if rng.random() < 0.3 else "")
    return value + rng.choice(["%", " %", f"{NBSP}%", f"{NNBSP}%", " pour cent"])


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(12)
    subject, verb = rng.choice(SUBJECTS), rng.choice(VERBS)
    hedge = rng.choice(HEDGES) if rng.random() < 0.3 else ""
    if kind == 0:
        return f"{hedge.capitalize()}{percent(rng)} {subject} {verb}."
    if kind == 1:
        return f"L’enquête a été menée auprès de {number(rng, False)} {subject[4:]}."
    if kind == 2:
        d1, d2 = rng.randint(1, 28), rng.randint(1, 28)
        m1, m2 = rng.sample(MONTHS, 2)
        return f"Elle s’est déroulée entre le {d1} {m1} et le {d2} {m2} {rng.randint(2015, 2025)}."
    if kind == 3:
        word = rng.choice(WORDS[:3])
        return f"{rng.randint(1, 9)} {subject[4:]} sur 10 {verb}, contre un sur {word}."
    if kind == 4:
        frac = rng.choice(
            ["la moitié", "un quart", "deux tiers", "la quasi-totalité", "une majorité"]
        )
        return f"{hedge.capitalize()}{frac} ({percent(rng)}) {subject} {verb}."
    if kind == 5:
        money = number(rng) + rng.choice(
            ["€", " €", " M€", f"{NBSP}k€", " millions d’euros", " euros"]
        )
        return f"Le budget atteint {money} en {rng.randint(2000, 2030)}."
    if kind == 6:
        direction = rng.choice(["hausse", "recul", "baisse", "progression"])
        a, b = rng.randint(1, 20), rng.randint(1, 9)
        return f"C’est une {direction} de {a} points sur un an (+{b} pts)."
    if kind == 7:
        a, b = rng.randint(5, 30), rng.randint(31, 60)
        return f"Entre {a} et {b} % {subject} sont concernés, de 10 à 249 salariés."
    if kind == 8:
        word, month = rng.choice(WORDS), rng.choice(MONTHS)
        return f"Au cours des {word} derniers mois, la part a doublé d’ici mi-{month}."
    if kind == 9:
        word, times = rng.choice(WORDS), rng.randint(2, 4)
        return f"Les entreprises de {word} salariés ou plus sont {times} fois plus exposées."
    if kind == 10:
        rank, day, month = rng.randint(1, 9), rng.randint(1, 28), rng.randint(1, 12)
        return f"Le {rank}ème baromètre, publié le {day}/{month:02d}/2024."
    return rng.choice(FILLER)


def article(rng: random.Random) -> str:
    title = f"Baromètre {rng.randint(2018, 2025)} : les PME face au numérique"
    paragraphs = [
        " ".join(sentence(rng) for _ in range(rng.randint(3, 7))) for _ in range(rng.randint(3, 6))
    ]
    newline = "\r\n" if rng.random() < 0.2 else "\n"
    return (newline * 2).join([title, *paragraphs])


def corpus(megabytes: float, seed: int) -> list[str]:
    """Articles adding up to about `megabytes` MB of UTF-8, always the same for a seed."""
    rng, out, size = random.Random(seed), [], 0
    while size < megabytes * 1e6:
        out.append(article(rng))
        size += len(out[-1].encode("utf-8"))
    return out


def best_time(fn, articles: list[str], repeat: int) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = sum(len(fn(a)) for a in articles)
        best = min(best, time.perf_counter() - start)
    return best, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure; the best counts")
    args = parser.parse_args(argv)

    articles = corpus(args.mb, args.seed)
    mb = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    extract_mentions(
        "Chauffe : 53 % le 20 juin."
    )  # lexicons and patterns load once, outside timing
    digits = re.compile(r"\d+")
    base_s, runs = best_time(digits.findall, articles, args.repeat)
    ext_s, mentions = best_time(extract_mentions, articles, args.repeat)

    print(
        f"corpus: {len(articles)} articles, {mb:.2f} MB (seed {args.seed}), best of {args.repeat}"
    )
    print(
        f"baseline  re \\d+ findall : {mb / base_s:9.2f} MB/s  ({base_s:.3f} s, {runs} digit runs)"
    )
    print(
        f"extractor extract_mentions: {mb / ext_s:9.2f} MB/s  ({ext_s:.3f} s, {mentions} mentions)"
    )
    print(f"ratio baseline/extractor  : {ext_s / base_s:9.1f}x slower")
    return 0


if __name__ == "__main__":
    sys.exit(main())
