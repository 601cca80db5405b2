"""Hold the curated annotations against every number the extractor finds in the text."""

from itertools import groupby
from operator import itemgetter

import numpy as np
import pandas as pd

from pipeline.derive.lexicon import Entry, claim_rule
from pipeline.extract.declared import declaration, declared_units
from pipeline.extract.directions import written_with_sign
from pipeline.validate import problems
from pipeline.validate.pairs import distinct_per_run, same_key_pairs, text_column
from pipeline.validate.provenance import TOLERANCE
from schemas.units import KINDS_FOR_UNIT, SIGNED_BY_WORDING, STATED_BY_SIGNED_COUNT

# Several attributes may share one mention ("entre le 20 juin et le 12 juillet" states both
# fieldwork dates); any other double use of a number is a curation error.
SHAREABLE = {"attribute"}
SPAN_COLUMNS = ["source_id", "start", "end", "category", "label", "file", "entry"]


def accounts(
    obs: pd.DataFrame, attrs: pd.DataFrame, claims: pd.DataFrame, ignores: pd.DataFrame
) -> pd.DataFrame:
    """Every annotation as a span that can account for mentions: source, span, kind, label."""
    parts = []
    if len(obs):
        label = obs["survey_id"] + "." + obs["variable_id"] + "."
        label += obs["category_id"] + "." + obs["population_id"]
        parts.append(_spans(obs, "number_start", "number_end", "observation", label))
    if len(attrs):
        label = attrs["entity"] + ":" + attrs["entity_id"] + "." + attrs["attribute"]
        parts.append(_spans(attrs, "number_start", "number_end", "attribute", label))
    if len(claims):
        parts.append(_spans(claims, "char_start", "char_end", "claim", claims["entry_id"]))
    if len(ignores):
        parts.append(_spans(ignores, "char_start", "char_end", "ignore", ignores["reason"]))
    if not parts:
        return pd.DataFrame([], columns=SPAN_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    return out.astype({c: "int64" if c in ("start", "end") else "str" for c in SPAN_COLUMNS})


def _spans(
    frame: pd.DataFrame, start: str, end: str, category: str, label: pd.Series
) -> pd.DataFrame:
    columns = {"source_id": frame["source_id"], "start": frame[start], "end": frame[end]}
    columns |= {"category": category, "label": label}
    return pd.DataFrame(columns | {"file": frame["file"], "entry": frame["entry"]})


def account_for_mentions(
    mentions: pd.DataFrame,
    spans: pd.DataFrame,
    files: dict[str, str],
    lexicon: dict[str, Entry] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mentions with accounted_by and annotation, problems).

    A mention is accounted for by the annotations whose span overlaps it; it must be exactly
    one kind of annotation (observation, attribute, claim or ignore). Ignore entries must
    match a mention. A share written in words that nothing accounts for is named with the
    rule of the claims `lexicon` that reads it.
    """
    mi, si = same_key_pairs(mentions["source_id"], spans["source_id"])
    m_start, m_end = mentions["char_start"].to_numpy(), mentions["char_end"].to_numpy()
    s_start, s_end = spans["start"].to_numpy(), spans["end"].to_numpy()
    overlap = (s_start[si] < m_end[mi]) & (m_start[mi] < s_end[si])
    mi, si = mi[overlap], si[overlap]  # every (mention, span) hit, by mention then span
    hits = np.bincount(mi, minlength=len(mentions))
    run = np.cumsum(hits) - hits  # the hits of mention i are si[run[i] : run[i] + hits[i]]
    first = np.where(hits > 0, si[np.minimum(run, len(si) - 1)], -1) if len(si) else run - 1
    n_kinds = distinct_per_run(mi, spans["category"].take(si), hits)
    n_labels = distinct_per_run(mi, spans["label"].take(si), hits)

    category = spans["category"].astype("str").array
    accounted_by = category.take(np.where(n_kinds == 1, first, -1), allow_fill=True)
    annotation = _annotations(mi, si, first, n_labels, spans["label"].astype("str"))

    shared = pd.Series(accounted_by).isin(SHAREABLE).to_numpy()
    twice = (n_kinds > 1) | ((n_kinds == 1) & ~shared & (hits > 1))
    found = []
    for i in np.flatnonzero((hits == 0) | twice):
        hit = spans.iloc[si[run[i] : run[i] + hits[i]]]
        found.append(_mention_problem(mentions.iloc[i].to_dict(), hit, files, lexicon or {}))
    # Spans with the same source and offsets hit the same mentions: an ignore matches a
    # mention exactly when some mention hit it.
    matched = np.zeros(len(spans), dtype=bool)
    matched[si] = True
    unmatched = spans[(spans["category"] == "ignore").to_numpy() & ~matched]
    for file, entry in zip(unmatched["file"], unmatched["entry"], strict=True):
        found.append(
            {
                "file": file,
                "entry": entry,
                "problem": "ignore entry matches no mention of the text",
                "fix": "remove it, or correct its offsets",
            }
        )
    out = mentions.assign(
        accounted_by=text_column(accounted_by), annotation=text_column(annotation)
    )
    return out, problems(found)


def _annotations(
    mi: np.ndarray, si: np.ndarray, first: np.ndarray, n_labels: np.ndarray, label: pd.Series
) -> pd.api.extensions.ExtensionArray:
    """The labels of the spans that hit each mention, distinct, sorted and joined by spaces."""
    out = pd.Series(label.array.take(np.where(n_labels == 1, first, -1), allow_fill=True))
    several = (n_labels > 1)[mi]
    if several.any():
        hit_labels = zip(mi[several].tolist(), label.take(si[several]).tolist(), strict=True)
        joined = {
            i: " ".join(sorted({name for _, name in group}))
            for i, group in groupby(hit_labels, itemgetter(0))
        }
        out.iloc[list(joined)] = list(joined.values())
    return out.mask(out == "").array


def _mention_problem(
    m: dict, hit: pd.DataFrame, files: dict[str, str], lexicon: dict[str, Entry]
) -> dict:
    """The problem of a mention that no annotation, or more than one, accounts for."""
    found = {
        "file": files.get(m["source_id"], m["source_id"]),
        "entry": f"mention {m['surface']!r} at [{m['char_start']}, {m['char_end']})",
    }
    if hit.empty:
        qualifier = m["qualifier"] if isinstance(m["qualifier"], str) else None
        rule = claim_rule(m["surface"], qualifier, m["kind"], m["value_number"], lexicon)
        claim = f"quote it in a claim (rule: {rule})" if rule else "quote it in a claim"
        return found | {
            "problem": f"no annotation accounts for this {m['kind']}",
            "fix": f"map it to an observation or attribute, {claim}, "
            "or add an ignore entry with the reason",
        }
    used = zip(hit["category"], hit["entry"], strict=True)
    return found | {
        "problem": "accounted for more than once: " + "; ".join(f"{c} {e}" for c, e in used),
        "fix": "keep exactly one annotation for this number",
    }


def quote_value_problems(obs: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Every observation's quote contains a mention whose value is the observation's value (its
    size, for a unit signed by its wording: "38 %" states the -38 of "recul de 38 %")."""
    if obs.empty:
        return problems([])
    oi, mi = same_key_pairs(obs["source_id"], mentions["source_id"])
    units, unit_names = pd.factorize(obs["unit"], use_na_sentinel=False)
    kinds, kind_names = pd.factorize(mentions["kind"], use_na_sentinel=False)
    of_unit = np.array(
        [[k in KINDS_FOR_UNIT.get(u, set()) for k in kind_names] for u in unit_names], dtype=bool
    ).reshape(len(unit_names), len(kind_names))
    # "(27 %, +3)": a number_text written with its sign states points by a count
    by_signed_count = obs["unit"].isin(STATED_BY_SIGNED_COUNT).to_numpy(dtype=bool, copy=True)
    by_signed_count[by_signed_count] = [
        isinstance(t, str) and written_with_sign(t)
        for t in obs["number_text"].to_numpy()[by_signed_count]
    ]
    counts = (mentions["kind"] == "count").to_numpy(dtype=bool)
    inside = (
        (mentions["char_start"].to_numpy()[mi] >= obs["char_start"].to_numpy()[oi])
        & (mentions["char_end"].to_numpy()[mi] <= obs["char_end"].to_numpy()[oi])
        & (of_unit[units[oi], kinds[mi]] | (by_signed_count[oi] & counts[mi]))
    )
    oi, mi = oi[inside], mi[inside]  # every (observation, mention of its unit in its quote)
    # value_number is NaN (or None) where the mention is no number: it then states nothing.
    value = obs["value"].astype("float64").to_numpy()
    number = mentions["value_number"].astype("float64").to_numpy()
    signed = obs["unit"].isin(SIGNED_BY_WORDING).to_numpy()
    value = np.where(signed, np.abs(value), value)
    number_of_pair = np.where(signed[oi], np.abs(number[mi]), number[mi])
    stated = np.zeros(len(obs), dtype=bool)
    stated[oi[np.abs(number_of_pair - value[oi]) <= TOLERANCE]] = True
    stated |= _stated_under_a_heading(obs, mentions, ~stated)
    surface = mentions["surface"]
    found = []
    for i in np.flatnonzero(~stated):
        r = obs.iloc[i].to_dict()
        inside_quote = mi[np.searchsorted(oi, i, "left") : np.searchsorted(oi, i, "right")]
        seen = ", ".join(repr(surface.iat[m]) for m in inside_quote) or "no number of that unit"
        found.append(
            {
                "file": r["file"],
                "entry": r["entry"],
                "problem": f"the extractor finds no {r['unit']} of value {r['value']:g} in the "
                f"quote (it finds {seen})",
                "fix": "check the value and the quote; the number must be written in the quote",
            }
        )
    return problems(found)


def _stated_under_a_heading(
    obs: pd.DataFrame, mentions: pd.DataFrame, candidates: np.ndarray
) -> np.ndarray:
    """Which of the `candidates` observations are stated by a count of their value written in
    their quote after a heading that declares their unit ("Le maire   63" after "Confiance
    (en %)"; "12,5" after "(en millions d'euros)" is 12 500 000), as the number check reads
    it."""
    out = np.zeros(len(obs), dtype=bool)
    rows = np.flatnonzero(candidates & obs["unit"].isin(declared_units()).to_numpy())
    if not len(rows):
        return out
    sub = obs.iloc[rows]
    oi, mi = same_key_pairs(sub["source_id"], mentions["source_id"])
    quote_start = sub["char_start"].to_numpy(dtype=np.int64)[oi]
    start = mentions["char_start"].to_numpy(dtype=np.int64)[mi]
    number = mentions["value_number"].astype("float64").to_numpy()[mi]
    counts = (
        (start >= quote_start)
        & (mentions["char_end"].to_numpy(dtype=np.int64)[mi] <= sub["char_end"].to_numpy()[oi])
        & (mentions["kind"].to_numpy()[mi] == "count")
    )
    quotes, units = sub["quote"].to_numpy(), sub["unit"].to_numpy()
    values = sub["value"].astype("float64").to_numpy()
    for o, at, n in zip(oi[counts], (start - quote_start)[counts], number[counts], strict=True):
        heading = declaration(quotes[o], 0, int(at))
        if (
            heading is not None
            and units[o] in heading.units
            and abs(n * heading.scale - values[o]) <= TOLERANCE
        ):
            out[rows[o]] = True
    return out
