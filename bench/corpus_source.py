"""One synthetic source: its article, source.yml and annotations.yml, with exact offsets.

Every number the article writes is accounted for: an observation, an attribute, a claim or
an `ignore` entry with its reason.
"""

import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus_text import NBSP, NNBSP, Article, count_text, occurrence, percent_text


@dataclass(frozen=True)
class Statement:
    """A figure as one source states it: which figure, the value written, and how."""

    figure: dict
    value: float
    mode: str  # clear | open (base left open, annotated on the parent base) | altered


@dataclass
class Annotations:
    observations: list[dict] = field(default_factory=list)
    attributes: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    ignore: list[dict] = field(default_factory=list)


def _fill(template: str, words: dict[str, str]) -> str:
    for key, value in words.items():
        template = template.replace("{" + key + "}", value)
    return template


def _render(template: str, slot: str, number: str) -> tuple[str, str, int]:
    """(lead, body, offset of the number in body); a sentence without lead is capitalised."""
    lead, _, body = template.rpartition("|")
    at = body.index(slot)
    body = body.replace(slot, number, 1)
    if not lead:
        body = body[0].upper() + body[1:]
    return lead, body, at


def _num(value: float) -> int | float:
    return int(value) if value == int(value) else value


class SourceWriter:
    """Compose one article and its annotations from the statements of its source."""

    def __init__(self, source_id: str, survey: dict, phrases: dict, rng: random.Random) -> None:
        self.source_id, self.survey, self.phrases, self.rng = source_id, survey, phrases, rng
        topic = survey["topic"]
        self.words = {
            "tool": topic["tool"],
            "Tool": topic["Tool"],
            "reg": topic["reg"],
            "incident": topic["incident"],
            "big": phrases["big"],
            "producer_name": survey["producer_name"],
        }
        self.article = Article(_fill(rng.choice(phrases["titles"]), self.words))
        self.ann = Annotations()
        self.non_reporting: list[dict] = []
        self._big_traced = False

    def _span(self, start: int, text: str) -> dict:
        return {"quote": text, "char_start": start, "char_end": start + len(text)}

    def attribute(self, ident, entity, entity_id, attribute, value, quote_at, quote, number):
        at = quote.index(number)
        self.ann.attributes.append(
            {
                "id": ident,
                "entity": entity,
                "entity_id": entity_id,
                "attribute": attribute,
                "value": value,
                **self._span(quote_at, quote),
                "number_text": number,
                **({"number_occurrence": n} if (n := occurrence(quote, number, at)) > 1 else {}),
            }
        )

    def intro(self) -> None:
        sv, rng = self.survey, self.rng
        self.article.sentence("", _fill(self.phrases["intro"], self.words))
        if rng.random() < 0.8:
            count = count_text(sv["sample_size"], rng)
            lead, body, _ = _render(rng.choice(self.phrases["sample_phrases"]), "{count}", count)
            at = self.article.sentence(lead, body)
            self.attribute(
                "sample_size",
                "survey",
                sv["survey_id"],
                "sample_size",
                str(sv["sample_size"]),
                at,
                body,
                count,
            )
        if rng.random() < 0.5:
            months = self.phrases["months"]
            start, end = sv["fieldwork_start"], sv["fieldwork_end"]
            d1, d2 = (f"{d.day} {months[d.month - 1]}" for d in (start, end))
            lead, body = self.phrases["fieldwork_phrase"].split("|")
            body = body.replace("{start}", d1).replace("{end}", d2)
            at = self.article.sentence(lead, body)
            for ident, day, written in (("fieldwork_start", start, d1), ("fieldwork_end", end, d2)):
                self.attribute(
                    ident,
                    "survey",
                    sv["survey_id"],
                    ident,
                    f"--{day.month:02d}-{day.day:02d}",
                    at,
                    body,
                    written,
                )

    def statement(self, st: Statement) -> None:
        fig, rng = st.figure, self.rng
        words = {**self.words, "label": fig.get("label", "")}
        number = percent_text(st.value, rng)
        # A claim is checked against the published value: only a source that states it
        # may carry one, or the claim would be contradicted by the release.
        claims = [
            c
            for c in fig.get("claims", [])
            if st.mode == "clear" and c["min"] <= st.value <= c["max"]
        ]
        if st.mode == "open":
            template, claim = rng.choice(fig["open"]), None
        elif claims and rng.random() < 0.5:
            claim = rng.choice(claims)
            template = claim["text"]
        else:
            template, claim = rng.choice(fig["clear"]), None
        lead, body, at = _render(_fill(template, words), "{n}", number)
        start = self.article.sentence(lead, body)
        written = body[at : at + len(number)]
        base = "all" if st.mode == "open" else fig["base"]
        ident = f"{fig['variable']}_{fig['category']}_{fig['base']}"
        entry = {
            "id": ident,
            "variable_id": fig["variable"],
            "category_id": fig["category"],
            "population_id": f"{self.survey['survey_id']}_{base}",
            "value": _num(st.value),
            "unit": "percent",
            **self._span(start, body),
            "number_text": written,
        }
        if (n := occurrence(body, written, at)) > 1:
            entry["number_occurrence"] = n
        if claim:
            entry["qualifier"] = claim["words"]
            self.ann.claims.append(
                {
                    "id": f"{claim['rule']}_{ident}",
                    **self._span(start + body.index(claim["words"]), claim["words"]),
                    "rule": claim["rule"],
                    "observations": [ident],
                }
            )
        if st.mode == "open":
            entry["ambiguity"] = " ".join(self.phrases["ambiguity"].split())
        self.ann.observations.append(entry)
        self._extras(start, body)

    def _extras(self, start: int, body: str) -> None:
        """Trace the other numbers a figure's sentence writes: a threshold, a period."""
        big, number = self.phrases["big"], self.phrases["big_number"]
        if big in body:
            at = start + body.index(big)
            if not self._big_traced:
                self.attribute(
                    "big_threshold",
                    "population",
                    f"{self.survey['survey_id']}_big",
                    "condition_fr",
                    "50",
                    at,
                    big,
                    number,
                )
                self._big_traced = True
            else:
                self.ann.ignore.append(
                    {
                        **self._span(at + big.index(number), number),
                        "reason": "Threshold of the big-firm base, already "
                        "traced by the attribute big_threshold.",
                    }
                )
        period = "au cours des douze derniers mois"
        if period in body:
            self.attribute(
                "incident_period",
                "variable",
                "incident",
                "reference_period",
                "12",
                start + body.index(period),
                period,
                "douze",
            )

    def filler(self) -> None:
        self.article.sentence("", self.rng.choice(self.phrases["fillers"]).rstrip("."))

    def related_link(self) -> None:
        text = self.phrases["related_link"]
        at = self.article.line(text)
        self.non_reporting.append(
            {**self._span(at, text), "reason": "Related-link insert pointing to another article."}
        )

    def finish(self) -> str:
        """The text, with an ignore entry for every name that carries a digit."""
        text = self.article.text + "\n"
        for name in self.survey["topic"]["ignore"]:
            at = text.find(name)
            while at >= 0:
                self.ann.ignore.append(
                    {**self._span(at, name), "reason": "Name of a regulation, not a figure."}
                )
                at = text.find(name, at + 1)
        return text

    def write(self, directory: Path, outlet: str, published: str) -> str:
        text = self.finish()
        directory.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (directory / "article.txt").write_bytes(data)
        title = text.split("\n", 1)[0]
        meta = [
            f"source_id: {self.source_id}",
            f"title: {_q(title)}",
            "language: fr",
            "text_file: article.txt",
            f"text_sha256: {hashlib.sha256(data).hexdigest()}",
            f"outlet: {_q(outlet)}",
            "url: null",
            f"published_date: {_q(published)}",
            "published_date_note: null",
            "rights_note: Synthetic article written by bench/corpus.py; no third-party text.",
            "received_as: synthetic corpus (bench/corpus.py)",
        ]
        if self.non_reporting:
            meta.append("non_reporting:")
            meta += [_item(e) for e in self.non_reporting]
        (directory / "source.yml").write_text("\n".join(meta) + "\n", encoding="utf-8")
        doc = [f"source_id: {self.source_id}", f"survey_id: {self.survey['survey_id']}"]
        for section in ("observations", "attributes", "claims", "ignore"):
            entries = getattr(self.ann, section)
            doc.append(f"{section}:" + ("" if entries else " []"))
            doc += [_item(e) for e in entries]
        (directory / "annotations.yml").write_text("\n".join(doc) + "\n", encoding="utf-8")
        return text


def _q(value) -> str:
    """A YAML scalar: JSON strings are YAML; no-break spaces written as escapes."""
    if isinstance(value, list):
        return "[" + ", ".join(_q(v) for v in value) + "]"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text.replace(NBSP, "\\u00a0").replace(NNBSP, "\\u202f")
    return json.dumps(value)


def _item(entry: dict) -> str:
    lines = [f"{key}: {_q(value)}" for key, value in entry.items()]
    return "  - " + "\n    ".join(lines)
