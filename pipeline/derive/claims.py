"""fact_claim: verbal claims ('une majorité', 'double'…) checked against the lexicon."""

import re

import pandas as pd

from pipeline.derive.intervals import Interval, fmt
from pipeline.derive.lexicon import Entry, normalize, writes_multiplier
from pipeline.derive.observed import Figure, ambiguity_note, figures, join_ids, split_ids
from pipeline.extract import extract_mentions
from pipeline.model.precision import written_interval
from pipeline.rows import records
from schemas.fact_claim import FactClaim
from schemas.spec import table_spec
from schemas.units import SHARES as SHARE_UNITS

SUPPORTED, CONTRADICTED, NOT_CHECKABLE = "supported", "contradicted", "not checkable"
CLAIM_COLUMNS = ("source_id", "claim_id", "quote", "char_start", "char_end", "rule")
_PERCENT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:%|pour\s?cent)")
# A share read after a form: in words ("trois exploitations sur quatre") or in digits.
SHARES = ("fraction", "ratio", "percent")
SHARE_CHARS = 80  # how far after the form a share is read


def _form_pattern(form: str) -> re.Pattern:
    """A form as a whole word or phrase ('près d'' may run into the next word)."""
    tail = "" if form.endswith("'") else r"(?!\w)"
    return re.compile(r"(?<!\w)" + re.escape(normalize(form)) + tail)


def read_target(entry: Entry, quote: str, lexicon: dict[str, Entry]) -> tuple[float, str] | None:
    """The target written right after one of the entry's forms in the quote.

    A fraction form of the lexicon ("près d'un quart" → 25, 'un quart'; "près du tiers" →
    33.3, 'le tiers'), a percentage
    ("environ 40 %" → 40, '40 %') or a share the extractor reads there, a noun between its
    numbers ("presque trois exploitations sur quatre" → 75, 'trois exploitations sur
    quatre'); None when none follows the form.
    """
    text = normalize(quote)
    fractions = sorted(
        ((normalize(f), e) for e in lexicon.values() if e.type == "fraction" for f in e.forms),
        key=lambda fe: -len(fe[0]),
    )
    for form in sorted(entry.forms, key=len, reverse=True):
        for match in _form_pattern(form).finditer(text):
            rest = text[match.end() :].lstrip()
            if form.endswith(" du"):  # "près du tiers": "du" is "de" and "le"
                rest = "le " + rest
            for fraction_form, fraction in fractions:
                if re.match(re.escape(fraction_form) + r"(?!\w)", rest):
                    return fraction.fixed_target, fraction_form
            number = _PERCENT.match(rest)
            if number:
                return float(number.group(1).replace(",", ".")), number.group(0)
            share = _share_at_start(rest)
            if share is not None:
                return share
    return None


def _share_at_start(text: str) -> tuple[float, str] | None:
    """(value, surface) of a share in words or digits that `text` starts with."""
    mentions = extract_mentions(text[:SHARE_CHARS])
    first = mentions[0] if mentions else None
    if first is None or first.start != 0 or first.kind not in SHARES:
        return None
    return float(first.value), first.surface


def _verdict(ok: bool) -> str:
    return SUPPORTED if ok else CONTRADICTED


def read_multiplier(entry: Entry, quote: str) -> tuple[Interval, str] | None:
    """The ratios a multiplier written in the quote with one of the entry's forms allows, and
    how it is written: '2,3 fois plus' → [2.25, 2.35) (its rounding), '2,5 fois moins' →
    (1/2.55, 1/2.45]; None when the quote writes none."""
    for m in extract_mentions(quote):
        said = normalize(m.surface)
        if m.kind == "other" and any(writes_multiplier(said, f) for f in entry.forms):
            low, high = written_interval(float(m.value), m.surface)
            if low > 0:
                return entry.written_allowed(low, high), m.surface
    return None


def _check_ratio(entry: Entry, figs: list[Figure], allowed: Interval) -> tuple[str, str]:
    if len(figs) != 2:
        return NOT_CHECKABLE, f"a ratio needs 2 observations [base, compared], not {len(figs)}"
    base, compared = figs
    if base.unit != compared.unit:
        return NOT_CHECKABLE, f"units differ ({base.unit}, {compared.unit})"
    b, c = base.interval, compared.interval
    ratio = c / b
    ok = ratio.intersects(allowed)
    if allowed.low == allowed.high:
        relation = f"{'contains' if ok else 'does not contain'} {fmt(allowed.low)}"
    else:
        relation = f"{'meets' if ok else 'misses'} the allowed range {allowed}"
    spelled = (
        f"{ratio.bounds[0]}{fmt(c.low)}/{fmt(b.high)}, {fmt(c.high)}/{fmt(b.low)}{ratio.bounds[1]}"
    )
    return _verdict(ok), (
        f"{fmt(compared.value)} / {fmt(base.value)}: ratio interval {spelled} = {ratio} "
        f"{relation} → {_verdict(ok)}"
    )


def _check_values(entry: Entry, figs: list[Figure], allowed: Interval) -> tuple[str, str]:
    if any(f.unit not in SHARE_UNITS for f in figs):
        return NOT_CHECKABLE, "the rule is about percentages; an observation is not one"
    parts, ok_all = [], True
    for f in figs:
        common = f.interval.intersection(allowed)
        ok_all &= common is not None
        parts.append(
            f"{f.describe()} ∩ {allowed} = {common}"
            if common
            else f"{f.describe()} ∩ {allowed} is empty"
        )
    return _verdict(ok_all), f"{'; '.join(parts)} → {_verdict(ok_all)}"


def check_claim(
    entry: Entry, quote: str, figs: list[Figure], lexicon: dict[str, Entry]
) -> tuple[str, str, str]:
    """(verdict, arithmetic, rule_description) for one claim whose figures were all found."""
    if entry.type == "not_checkable":
        shown = ", ".join(f.describe() for f in figs)
        return (
            NOT_CHECKABLE,
            f"{shown}: «{entry.forms[0]}» has no numeric meaning → {NOT_CHECKABLE}",
            entry.describe(),
        )
    if entry.written_ratio:
        written = read_multiplier(entry, quote)
        if written is None:
            return (
                NOT_CHECKABLE,
                f"no multiplier is written with «{'», «'.join(entry.forms)}» in the quote → "
                f"{NOT_CHECKABLE}",
                entry.describe(),
            )
        allowed, text = written
        return (*_check_ratio(entry, figs, allowed), entry.describe(None, text, allowed))
    if entry.type == "ratio":
        return (*_check_ratio(entry, figs, entry.allowed()), entry.describe())
    target = read_target(entry, quote, lexicon) if entry.needs_target else None
    if entry.needs_target and target is None:
        return (
            NOT_CHECKABLE,
            "no fraction or percentage follows "
            f"«{'», «'.join(entry.forms)}» in the quote → {NOT_CHECKABLE}",
            entry.describe(),
        )
    value, text = target if target else (None, None)
    verdict, arithmetic = _check_values(entry, figs, entry.allowed(value))
    if target:
        arithmetic = f"target {fmt(value)} ({text}); {arithmetic}"
    return verdict, arithmetic, entry.describe(value, text)


def evaluate_claims(
    claims: pd.DataFrame, observations: pd.DataFrame, lexicon: dict[str, Entry]
) -> pd.DataFrame:
    """One fact_claim row per claim: its verdict and the arithmetic behind it.

    `claims` has source_id, claim_id, quote, char_start, char_end, rule (a lexicon key) and
    observation_ids (a list, or ids separated by spaces). Raises ValueError on a rule that
    is not in the lexicon: that is an annotation error, not a verdict.
    """
    figs = figures(observations)
    rows = []
    for claim in records(claims):
        entry = lexicon.get(claim["rule"])
        if entry is None:
            raise ValueError(
                f"claim {claim['source_id']}/{claim['claim_id']}: rule {claim['rule']!r} is "
                f"not in the claims lexicon (known: {', '.join(sorted(lexicon))})"
            )
        ids = split_ids(claim["observation_ids"])
        missing = [i for i in ids if i not in figs]
        if missing or not ids:
            why = (
                f"observation(s) {', '.join(missing)} not published"
                if ids
                else ("the claim names no observation")
            )
            verdict, arithmetic = NOT_CHECKABLE, f"{why} → {NOT_CHECKABLE}"
            description = entry.describe()
        else:
            found = [figs[i] for i in ids]
            verdict, arithmetic, description = check_claim(entry, claim["quote"], found, lexicon)
            note = ambiguity_note(found)
            arithmetic += f" (note: {note})" if note else ""
        rows.append(
            {
                **{k: claim[k] for k in CLAIM_COLUMNS},
                "rule_type": entry.type,
                "observation_ids": join_ids(ids),
                "verdict": verdict,
                "arithmetic": arithmetic,
                "rule_description": description,
            }
        )
    columns = table_spec(FactClaim).column_names
    df = pd.DataFrame(rows, columns=columns)
    return df.sort_values(["source_id", "claim_id"], kind="stable").reset_index(drop=True)
