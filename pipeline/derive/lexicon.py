"""The claims lexicon (raw/lexicon/fr_claims.yml): loading, validation, allowed ranges."""

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pipeline.derive.intervals import Interval, at_least, at_most, fmt
from pipeline.errors import InputError
from pipeline.extract.lexicon import straighten
from pipeline.yamlio import load_yaml

LEXICON_PATH = Path(__file__).resolve().parents[2] / "raw" / "lexicon" / "fr_claims.yml"
KEY = re.compile(r"^[a-z0-9][a-z0-9_]{0,63}$")  # the id pattern claims use for `rule`
TYPES = ("threshold", "fraction", "relative_to_target", "ratio", "not_checkable")
OPS = (">", ">=", "<", "<=")
# A ratio's value may be read from the quote: the multiplier written there ("2,3 fois plus"),
# or its inverse ("2,5 fois moins": the compared figure is the base divided by 2.5).
WRITTEN, INVERSE_OF_WRITTEN = "written", "inverse of written"
ENTRY_FIELDS = {"forms", "meaning_en", "type", "params", "rationale"}
PARAMS = {
    "threshold": {"op", "value"},
    "fraction": {"numerator", "denominator", "tolerance"},
    "relative_to_target": {"below", "above"},
    "ratio": {"value", "tolerance"},
    "not_checkable": set(),
}


@dataclass(frozen=True)
class Distance:
    """How far from a target a figure may be: the smaller of `points` and `relative`×target."""

    points: float | None
    relative: float | None
    inclusive: bool = True

    def offset(self, target: float) -> float:
        limits = [self.points, None if self.relative is None else self.relative * abs(target)]
        return min(d for d in limits if d is not None)

    def limit(self, target: float, sign: int) -> tuple[float, bool]:
        """target − offset (sign −1) or + offset (sign +1), and whether it is allowed."""
        return target + sign * self.offset(target), self.inclusive


@dataclass(frozen=True)
class Entry:
    """One lexicon entry, validated."""

    key: str
    forms: tuple[str, ...]
    meaning_en: str
    type: str
    params: dict
    rationale: str

    @property
    def needs_target(self) -> bool:
        return self.type == "relative_to_target"

    @property
    def written_ratio(self) -> bool:
        """Whether the ratio is the multiplier the quote writes ("2,3 fois plus")."""
        return self.type == "ratio" and self.params["value"] in (WRITTEN, INVERSE_OF_WRITTEN)

    @property
    def fixed_target(self) -> float | None:
        """The number the entry itself names: a fraction as a percent, or a ratio."""
        if self.type == "fraction":
            return 100 * self.params["numerator"] / self.params["denominator"]
        return self.params["value"] if self.type == "ratio" and not self.written_ratio else None

    def written_allowed(self, low: float, high: float) -> Interval:
        """The ratios a multiplier written in [low, high) allows (its rounding interval, or
        the inverse of it), widened by the entry's relative tolerance."""
        allowed = Interval(low, high)
        if self.params["value"] == INVERSE_OF_WRITTEN:
            allowed = Interval(1 / high, 1 / low, False, True)
        widen = self.params["tolerance"].relative or 0.0
        return Interval(
            allowed.low * (1 - widen), allowed.high * (1 + widen), *_closed(allowed, widen)
        )

    def allowed(self, target: float | None = None) -> Interval:
        """The values (percent, or ratio for a ratio entry) that satisfy the entry."""
        p = self.params
        if self.type == "threshold":
            v = float(p["value"])
            return {
                ">": at_least(v, False),
                ">=": at_least(v),
                "<": at_most(v, False),
                "<=": at_most(v),
            }[p["op"]]
        if self.written_ratio:
            raise ValueError(
                f"lexicon entry {self.key!r} allows the ratios of the multiplier its quote "
                "writes: use written_allowed"
            )
        if self.type in ("fraction", "ratio"):
            target, below, above = self.fixed_target, p["tolerance"], p["tolerance"]
        else:
            if target is None:
                raise ValueError(f"lexicon entry {self.key!r} needs a target")
            below, above = p["below"], p["above"]
        low = (-math.inf, False) if below is None else below.limit(target, -1)
        high = (math.inf, False) if above is None else above.limit(target, +1)
        return Interval(low[0], high[0], low[1], high[1])

    def describe(
        self,
        target: float | None = None,
        target_text: str | None = None,
        written: Interval | None = None,
    ) -> str:
        """'majority («une majorité»): a majority, i.e. a value in (50, ∞)'; for a multiplier
        written in the quote, the ratios its rounding allows (`written`)."""
        head = f"{self.key} («{self.forms[0]}»): {self.meaning_en}"
        if self.type == "not_checkable":
            return f"{head}; no numeric meaning"
        if self.needs_target and target is None:
            return f"{head} a target read from the quote"
        if self.written_ratio:
            if written is None:
                return f"{head}; the multiplier read from the quote"
            return f"{head}: {target_text}, i.e. the ratio compared / base in {written}"
        what = "the ratio compared / base" if self.type == "ratio" else "a value"
        named = (
            f" {fmt(target)}" + (f" ({target_text})" if target_text else "")
            if self.needs_target
            else ""
        )
        allowed = self.allowed(target)
        where = f"= {fmt(allowed.low)}" if allowed.low == allowed.high else f"in {allowed}"
        return f"{head}{named}, i.e. {what} {where}"


def _distance(raw, where: str, path, ratio: bool = False) -> Distance | None:
    if raw is None:
        return None
    fix = "give {points: N} and/or {relative: R} (numbers ≥ 0), and optionally inclusive"
    if not isinstance(raw, dict) or not raw.keys() <= {"points", "relative", "inclusive"}:
        raise InputError(path, where, "a distance must be a mapping", fix)
    pts, rel = raw.get("points"), raw.get("relative")
    if ratio and pts is not None:
        raise InputError(path, where, "a ratio tolerance has no points", "use relative")
    numbers = [x for x in (pts, rel) if x is not None]
    if not numbers or any(not isinstance(x, int | float) or x < 0 for x in numbers):
        raise InputError(path, where, "points/relative missing or negative", fix)
    if not isinstance(raw.get("inclusive", True), bool):
        raise InputError(path, where, "inclusive must be true or false", fix)
    return Distance(pts, rel, raw.get("inclusive", True))


def _number(params: dict, name: str, where: str, path, positive: bool = False) -> float:
    x = params.get(name)
    if isinstance(x, bool) or not isinstance(x, int | float) or (positive and x <= 0):
        raise InputError(
            path,
            where,
            f"params.{name} must be a {'positive ' * positive}number",
            f"set params.{name}",
        )
    return float(x)


def _params(kind: str, raw, where: str, path) -> dict:
    if not isinstance(raw, dict) or set(raw) != PARAMS[kind]:
        raise InputError(
            path,
            where,
            f"a {kind} entry has params {sorted(PARAMS[kind])}",
            "give exactly these params",
        )
    if kind == "threshold":
        if raw["op"] not in OPS:
            raise InputError(path, where, f"params.op must be one of {OPS}", "fix op")
        return {"op": raw["op"], "value": _number(raw, "value", where, path)}
    if kind == "fraction":
        return {
            "numerator": _number(raw, "numerator", where, path, True),
            "denominator": _number(raw, "denominator", where, path, True),
            "tolerance": _distance(raw["tolerance"], f"{where}.params.tolerance", path),
        }
    if kind == "ratio":
        tol = _distance(raw["tolerance"], f"{where}.params.tolerance", path, ratio=True)
        if raw["value"] in (WRITTEN, INVERSE_OF_WRITTEN):
            return {"value": raw["value"], "tolerance": tol}
        return {"value": _number(raw, "value", where, path, True), "tolerance": tol}
    if kind == "relative_to_target":
        return {
            side: _distance(raw[side], f"{where}.params.{side}", path)
            for side in ("below", "above")
        }
    return {}


def _closed(interval: Interval, widen: float) -> tuple[bool, bool]:
    """Whether a widened interval keeps its bounds: a tolerance includes them."""
    return (interval.low_closed or widen > 0, interval.high_closed or widen > 0)


def parse_lexicon(data, path: Path | str) -> dict[str, Entry]:
    """Validate a parsed lexicon; errors name the file and the entry."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), dict):
        raise InputError(path, None, "no 'entries' mapping", "put the entries under entries:")
    out: dict[str, Entry] = {}
    seen_forms: dict[str, str] = {}
    for key, raw in data["entries"].items():
        where = f"entries.{key}"
        if not isinstance(key, str) or not KEY.match(key):
            raise InputError(path, where, "key is not an id", "use lower-case snake_case")
        if not isinstance(raw, dict) or set(raw) != ENTRY_FIELDS:
            got = sorted(raw) if isinstance(raw, dict) else type(raw).__name__
            raise InputError(
                path, where, f"fields are {got}", f"give exactly {sorted(ENTRY_FIELDS)}"
            )
        if raw["type"] not in TYPES:
            raise InputError(path, where, f"unknown type {raw['type']!r}", f"use one of {TYPES}")
        forms = raw["forms"]
        if (
            not isinstance(forms, list)
            or not forms
            or not all(isinstance(f, str) and f.strip() for f in forms)
        ):
            raise InputError(path, where, "forms must be a non-empty list of texts", "add forms")
        for form in forms:
            norm = normalize(form)
            if norm in seen_forms:
                raise InputError(
                    path,
                    where,
                    f"form {form!r} is also in {seen_forms[norm]}",
                    "keep each form in one entry",
                )
            seen_forms[norm] = key
        for text in ("meaning_en", "rationale"):
            if not isinstance(raw[text], str) or not raw[text].strip():
                raise InputError(path, where, f"{text} is empty", f"write the {text}")
        out[key] = Entry(
            key,
            tuple(forms),
            raw["meaning_en"].strip(),
            raw["type"],
            _params(raw["type"], raw["params"], where, path),
            " ".join(raw["rationale"].split()),
        )
    return out


def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, Entry]:
    """Read and validate the lexicon file (YAML safe loader)."""
    return parse_lexicon(load_yaml(Path(path)), path)


def normalize(text: str) -> str:
    """Composed (NFC), lower case, one kind of apostrophe and of space: for matching forms in
    quotes."""
    text = straighten(unicodedata.normalize("NFC", text))
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.casefold().split())


# Mentions that restate a share in words ("un tiers", "huit sur dix"): a claim may cite them,
# and so may a multiplier written as words of the lexicon ("deux fois plus", kind other).
SHARES_IN_WORDS = ("fraction", "ratio")


def claim_rule(
    surface: str, qualifier: str | None, kind: str, value: object, lexicon: dict[str, Entry]
) -> str | None:
    """The entry a claim citing a share or a multiplier written in words most likely names:
    the first entry with a form the mention is written as (see _phrases: "plus de la moitié"
    → more_than_half, "près d'" → nearly, "la quasi-totalité" → almost_all, "deux fois plus"
    → double), else for a share the fraction entry naming its value ("Huit sondés sur dix",
    80 → eight_in_ten). None for another kind of mention, or when no entry reads it."""
    if kind not in (*SHARES_IN_WORDS, "other"):
        return None
    for phrase in map(normalize, _phrases(surface, qualifier)):
        for key, entry in lexicon.items():
            if (kind != "other" or entry.type == "ratio") and phrase in map(normalize, entry.forms):
                return key
    if kind == "other":  # "2,3 fois plus", "multiplié par 1,5": a multiplier of the quote
        said = normalize(surface)
        for key, entry in lexicon.items():
            if entry.written_ratio and any(writes_multiplier(said, f) for f in entry.forms):
                return key
        return None
    for key, entry in lexicon.items():
        if entry.type == "fraction" and abs(entry.fixed_target - float(value)) < 0.01:
            return key
    return None


def writes_multiplier(surface: str, form: str) -> bool:
    """Whether a multiplier as the extractor reads it ('2,3 fois plus', 'multiplié par 1,5';
    normalized) is written with the form ('fois plus', 'multiplié par') and a number."""
    form = normalize(form)
    return surface.endswith(f" {form}") or surface.startswith(f"{form} ")


def _phrases(surface: str, qualifier: str | None) -> list[str]:
    """What a claim may quote of a mention, the most specific first: the mention with its
    qualifier before it ("plus de la moitié"), the qualifier ("près d'"; "près du" before "du
    tiers"), the mention alone."""
    if not qualifier:
        return [surface]
    du = surface[:3].lower() == "du "  # "près" of "près du tiers" is the form "près du"
    return [
        f"{qualifier}{surface}",
        f"{qualifier} {surface}",
        *([f"{qualifier} {surface[:2]}"] if du else []),
        qualifier,
        surface,
    ]
