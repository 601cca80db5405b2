"""Hold the curated annotations against every number the extractor finds in the text."""

from collections import defaultdict

import pandas as pd

from pipeline.validate import problems
from pipeline.validate.provenance import KINDS_FOR_UNIT, TOLERANCE

# Several attributes may share one mention ("entre le 20 juin et le 12 juillet" states both
# fieldwork dates); any other double use of a number is a curation error.
SHAREABLE = {"attribute"}


def accounts(
    obs: pd.DataFrame, attrs: pd.DataFrame, claims: pd.DataFrame, ignores: pd.DataFrame
) -> pd.DataFrame:
    """Every annotation as a span that can account for mentions: source, span, kind, label."""
    rows = []
    for r in obs.itertuples(index=False):
        rows.append(
            (
                r.source_id,
                r.number_start,
                r.number_end,
                "observation",
                ".".join([r.survey_id, r.variable_id, r.category_id, r.population_id]),
                r.file,
                r.entry,
            )
        )
    for r in attrs.itertuples(index=False):
        rows.append(
            (
                r.source_id,
                r.number_start,
                r.number_end,
                "attribute",
                f"{r.entity}:{r.entity_id}.{r.attribute}",
                r.file,
                r.entry,
            )
        )
    for r in claims.itertuples(index=False):
        rows.append(
            (r.source_id, int(r.char_start), int(r.char_end), "claim", r.entry_id, r.file, r.entry)
        )
    for r in ignores.itertuples(index=False):
        rows.append(
            (r.source_id, int(r.char_start), int(r.char_end), "ignore", r.reason, r.file, r.entry)
        )
    return pd.DataFrame(
        rows, columns=["source_id", "start", "end", "category", "label", "file", "entry"]
    )


def account_for_mentions(
    mentions: pd.DataFrame, spans: pd.DataFrame, files: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mentions with accounted_by and annotation, problems).

    A mention is accounted for by the annotations whose span overlaps it; it must be exactly
    one kind of annotation (observation, attribute, claim or ignore). Ignore entries must
    match a mention.
    """
    by_source = defaultdict(list)
    for span in spans.itertuples(index=False):
        by_source[span.source_id].append(span)
    used: set[tuple] = set()
    accounted_by, labels, found = [], [], []
    for m in mentions.itertuples(index=False):
        hits = [s for s in by_source[m.source_id] if s.start < m.char_end and m.char_start < s.end]
        used.update((s.source_id, s.start, s.end, s.category) for s in hits)
        categories = sorted({s.category for s in hits})
        where = f"mention {m.surface!r} at [{m.char_start}, {m.char_end})"
        file = files.get(m.source_id, m.source_id)
        if not hits:
            found.append(
                {
                    "file": file,
                    "entry": where,
                    "problem": f"no annotation accounts for this {m.kind}",
                    "fix": "map it to an observation or attribute, quote it in a claim, "
                    "or add an ignore entry with the reason",
                }
            )
        elif len(categories) > 1 or (categories[0] not in SHAREABLE and len(hits) > 1):
            found.append(
                {
                    "file": file,
                    "entry": where,
                    "problem": "accounted for more than once: "
                    + "; ".join(f"{s.category} {s.entry}" for s in hits),
                    "fix": "keep exactly one annotation for this number",
                }
            )
        accounted_by.append(categories[0] if len(categories) == 1 else None)
        labels.append(" ".join(sorted({s.label for s in hits})) or None)
    for s in spans[spans["category"] == "ignore"].itertuples(index=False):
        if (s.source_id, s.start, s.end, s.category) not in used:
            found.append(
                {
                    "file": s.file,
                    "entry": s.entry,
                    "problem": "ignore entry matches no mention of the text",
                    "fix": "remove it, or correct its offsets",
                }
            )
    out = mentions.assign(accounted_by=accounted_by, annotation=labels)
    return out, problems(found)


def quote_value_problems(obs: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Every observation's quote contains a mention whose value is the observation's value."""
    by_source = defaultdict(list)
    for m in mentions[
        ["source_id", "char_start", "char_end", "kind", "value_number", "surface"]
    ].itertuples(index=False, name=None):
        by_source[m[0]].append(m[1:])
    found = []
    for r in obs.itertuples(index=False):
        kinds = KINDS_FOR_UNIT.get(r.unit, set())
        inside = [
            m
            for m in by_source[r.source_id]
            if m[0] >= r.char_start and m[1] <= r.char_end and m[2] in kinds
        ]
        if not any(m[3] is not None and abs(m[3] - float(r.value)) <= TOLERANCE for m in inside):
            seen = ", ".join(repr(m[4]) for m in inside) or "no number of that unit"
            found.append(
                {
                    "file": r.file,
                    "entry": r.entry,
                    "problem": f"the extractor finds no {r.unit} of value {r.value:g} in the quote "
                    f"(it finds {seen})",
                    "fix": "check the value and the quote; the number must be written in the quote",
                }
            )
    return problems(found)
