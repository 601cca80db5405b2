"""Every id an annotation or codelist names must exist, in the right survey."""

import pandas as pd

from pipeline.isodates import is_day, is_month
from pipeline.load.codelists import Codelists
from pipeline.load.sources import Source
from pipeline.model.fieldwork import first_day
from pipeline.rows import rows, tuples
from pipeline.validate import problems

ATTRIBUTE_TARGETS = {"survey": "surveys", "population": "populations", "variable": "variables"}
# One observation entry per figure and source.
KEYS = ["source_id", "survey_id", "variable_id", "category_id", "population_id"]
ID_KEYS = {"surveys": "survey_id", "populations": "population_id", "variables": "variable_id"}


def _choices(ids) -> str:
    ids = sorted(ids)
    shown = ", ".join(ids[:8]) + (", …" if len(ids) > 8 else "")
    return shown or "none defined"


def codelist_problems(codelists: Codelists) -> pd.DataFrame:
    """Populations: parents exist, stay in their survey, never loop; defining answers exist."""
    out = []
    pops = {p["population_id"]: p for p in codelists.populations}
    cats = {
        (v["variable_id"], c["category_id"]) for v in codelists.variables for c in v["categories"]
    }
    for pid, pop in pops.items():
        entry = f"populations (population_id: {pid})"
        parent = pop.get("parent_population_id")
        if parent is not None and parent not in pops:
            out.append(
                {
                    "file": str(pop["_file"]),
                    "entry": entry,
                    "problem": f"unknown parent_population_id {parent!r}",
                    "fix": f"use one of: {_choices(pops)}",
                }
            )
        elif parent is not None and pops[parent]["survey_id"] != pop["survey_id"]:
            out.append(
                {
                    "file": str(pop["_file"]),
                    "entry": entry,
                    "problem": f"parent {parent!r} belongs to survey {pops[parent]['survey_id']!r}",
                    "fix": "choose a parent population of the same survey",
                }
            )
        seen, node = {pid}, parent
        while node is not None and node in pops:
            if node in seen:
                out.append(
                    {
                        "file": str(pop["_file"]),
                        "entry": entry,
                        "problem": f"parent chain loops back to {node!r}",
                        "fix": "make the chain end at a population with no parent",
                    }
                )
                break
            seen.add(node)
            node = pops[node].get("parent_population_id")
        defined = pop.get("defined_by")
        if defined and (defined["variable_id"], defined["category_id"]) not in cats:
            out.append(
                {
                    "file": str(pop["_file"]),
                    "entry": entry,
                    "problem": f"defined_by names unknown category "
                    f"{defined['variable_id']}/{defined['category_id']}",
                    "fix": "use a variable and category of raw/codelists/variables.yml",
                }
            )
        if defined and parent is None:
            out.append(
                {
                    "file": str(pop["_file"]),
                    "entry": entry,
                    "problem": "defined_by needs a parent population to be measured on",
                    "fix": "set parent_population_id",
                }
            )
    return problems(out)


def publication_problems(
    entries: pd.DataFrame, codelists: Codelists, sources: list[Source]
) -> pd.DataFrame:
    """Each source is published on or after the first day of the fieldwork of every survey
    it reports: an earlier date is a typo in the one or the other."""
    starts = {
        s["survey_id"]: (first_day(s.get("fieldwork_start")), s["_file"]) for s in codelists.surveys
    }
    published = {s.source_id: (s.meta.get("published_date"), s.directory) for s in sources}
    out = []
    pairs = entries.drop_duplicates(["source_id", "survey_id"])
    for source_id, survey_id in tuples(pairs, ["source_id", "survey_id"]):
        date, directory = published.get(source_id, (None, None))
        start, survey_file = starts.get(survey_id, (None, None))
        if date and start and str(date) < start:
            out.append(
                {
                    "file": str(directory / "source.yml"),
                    "entry": "published_date",
                    "problem": f"published on {date}, before the fieldwork of survey "
                    f"{survey_id!r} starts ({start}, {survey_file})",
                    "fix": "correct published_date, or the survey's fieldwork_start",
                }
            )
    return problems(out)


def observation_reference_problems(entries: pd.DataFrame, codelists: Codelists) -> pd.DataFrame:
    """Survey, variable, category and population of each observation entry exist and agree."""
    surveys = {s["survey_id"] for s in codelists.surveys}
    pops = {p["population_id"]: p for p in codelists.populations}
    variables = {v["variable_id"]: v for v in codelists.variables}
    out = []
    for row in rows(entries, ["file", "entry", *KEYS[1:]]):

        def bad(problem, fix, row=row):
            out.append({"file": row.file, "entry": row.entry, "problem": problem, "fix": fix})

        if row.survey_id not in surveys:
            bad(
                f"unknown survey_id {row.survey_id!r}",
                f"use one of: {_choices(surveys)} (raw/surveys/), or add the survey",
            )
        if row.variable_id not in variables:
            bad(
                f"unknown variable_id {row.variable_id!r}",
                f"use one of: {_choices(variables)} (raw/codelists/variables.yml), or add it",
            )
        else:
            cats = {c["category_id"] for c in variables[row.variable_id]["categories"]}
            if row.category_id not in cats:
                bad(
                    f"unknown category_id {row.category_id!r} of variable {row.variable_id!r}",
                    f"use one of: {_choices(cats)}, or add it to the variable's categories",
                )
        if row.population_id not in pops:
            bad(
                f"unknown population_id {row.population_id!r}",
                f"use one of: {_choices(pops)} (raw/surveys/), or add the population",
            )
        elif pops[row.population_id]["survey_id"] != row.survey_id:
            bad(
                f"population {row.population_id!r} belongs to survey "
                f"{pops[row.population_id]['survey_id']!r}, not {row.survey_id!r}",
                "use a population of the observation's survey",
            )
    dup = entries[entries.duplicated(KEYS, keep="first")]
    for row in rows(dup, ["file", "entry"]):
        out.append(
            {
                "file": row.file,
                "entry": row.entry,
                "problem": "same survey, variable, category and population as an earlier "
                "entry of this source",
                "fix": "keep one entry per figure, or correct the dimensions",
            }
        )
    return problems(out)


def attribute_reference_problems(entries: pd.DataFrame, codelists: Codelists) -> pd.DataFrame:
    """The entity an attribute entry describes exists."""
    out = []
    ids_of = {
        kind: {e[ID_KEYS[kind]] for e in getattr(codelists, kind)}
        for kind in set(ATTRIBUTE_TARGETS.values())
    }
    for row in rows(entries, ["file", "entry", "entity", "entity_id"]):
        ids = ids_of[ATTRIBUTE_TARGETS[row.entity]]
        if row.entity_id not in ids:
            out.append(
                {
                    "file": row.file,
                    "entry": row.entry,
                    "problem": f"unknown {row.entity} id {row.entity_id!r}",
                    "fix": f"use one of: {_choices(ids)}",
                }
            )
    return problems(out)


def claim_reference_problems(claims: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """A claim's observations are entries of the same file."""
    out = []
    known = set(tuples(observations, ["file", "entry_id"]))
    for row in rows(claims, ["file", "entry", "observations"]):
        for ident in row.observations:
            if (row.file, ident) not in known:
                out.append(
                    {
                        "file": row.file,
                        "entry": row.entry,
                        "problem": f"claim refers to unknown observation entry {ident!r}",
                        "fix": "use the id of an observation entry of this file",
                    }
                )
    return problems(out)


def _agrees(stated: str, recorded) -> bool:
    """A value read from the text against the codelist's: numbers equal, dates by day."""
    if isinstance(recorded, str) and is_month(stated, with_year=False):
        return recorded[4:5] == "-" and recorded[5:7] == stated[2:]  # '--01': the month only
    if isinstance(recorded, str) and stated.startswith("--"):
        return recorded.endswith(stated[1:])  # '--06-20' states month and day only
    if (
        isinstance(recorded, str)
        and is_month(stated, with_year=True)
        and recorded.startswith(stated)
    ):
        return True  # 'janvier 2025' states the month of a day another source gives
    try:
        return float(stated) == float(recorded)
    except (TypeError, ValueError):
        return str(stated) == str(recorded)


def attribute_value_problems(entries: pd.DataFrame, codelists: Codelists) -> pd.DataFrame:
    """Numbers and dates the text states agree with the codelist's value of that attribute.

    Attributes that are not numeric or date fields of the entity (e.g. a population's
    condition, stated in words) are traced but not compared.
    """
    out = []
    by_id = {}  # (kind, id) → the first codelist entry with that id
    for kind in set(ATTRIBUTE_TARGETS.values()):
        for e in getattr(codelists, kind):
            by_id.setdefault((kind, e[ID_KEYS[kind]]), e)
    for row in rows(entries, ["file", "entry", "entity", "entity_id", "attribute", "value"]):
        entry = by_id.get((ATTRIBUTE_TARGETS[row.entity], row.entity_id))
        if entry is None or row.attribute not in entry:
            continue
        recorded = entry[row.attribute]
        if recorded is None or isinstance(recorded, bool):
            continue
        if isinstance(recorded, str) and not (
            is_day(recorded, with_year=True) or is_month(recorded, with_year=True)
        ):
            continue  # words are traced, not compared
        if not _agrees(str(row.value), recorded):
            out.append(
                {
                    "file": row.file,
                    "entry": row.entry,
                    "problem": f"the text states {row.attribute} = {row.value!r} but "
                    f"{entry['_file']} records {recorded!r}",
                    "fix": "correct the codelist or the annotation",
                }
            )
    return problems(out)
