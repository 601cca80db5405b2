"""The charts of the survey pages: one per survey question and base population, bars from the
tables."""

from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.publish.arrow import records
from schemas.units import SHARES, with_unit

# Derived kinds drawn as bars of their own; a Wilson interval is drawn on its published bar.
DERIVED_BARS = ("share_of_parent", "complement")
WILSON = "wilson_ci"


@dataclass
class Bar:
    label: str
    value: float
    text: str  # the value as shown
    low: float  # the interval the published rounding allows
    high: float
    derived: bool
    tooltip: str  # the quote, or the formula of a derived value
    notes: list[tuple[str, str]] = field(default_factory=list)
    ci: tuple[float, float] | None = None


@dataclass
class Chart:
    id: str
    survey_id: str
    title: str
    subtitle: str
    note: str
    unit: str
    scale: float
    bars: list[Bar]

    @property
    def has_ci(self) -> bool:
        return any(b.ci for b in self.bars)


def _number(value: float, unit: str, decimals: int | None) -> str:
    """'53%', '5.9%', '1,600', '2,150 €', '-6 pts': a whole number without decimals."""
    places = decimals if decimals is not None else 1
    if abs(value) >= 1000 and float(value).is_integer():
        places = 0  # '1,5 million' is 1,500,000, not 1,500,000.0
    return with_unit(f"{value:,.{places}f}", unit)


def _published(obs: dict, quotes: list[dict], category: dict, sources: dict) -> Bar:
    notes = [
        ("Quote", f"« {q['quote']} » — {sources.get(q['source_id'], q['source_id'])}")
        for q in quotes
    ]
    notes += [(k.capitalize(), obs[k]) for k in ("qualifier", "ambiguity") if obs[k]]
    notes.append(("Rounding", f"the wording allows [{obs['value_low']}, {obs['value_high']})"))
    return Bar(
        label=category["label_en"],
        value=obs["value"],
        text=_number(obs["value"], obs["unit"], obs["decimals"]),
        low=obs["value_low"],
        high=obs["value_high"],
        derived=False,
        tooltip=" / ".join(q["quote"] for q in quotes) or "no quote",
        notes=notes,
    )


def _derived(row: dict, categories: dict) -> Bar:
    category = categories.get((row["variable_id"], row["category_id"]))
    label = category["label_en"] if category else "All other answers"
    notes = [
        ("Derived", row["kind"].replace("_", " ")),
        ("Formula", row["formula"]),
        ("Computed from", row["input_observation_ids"]),
    ]
    if row["assumption"]:
        notes.append(("Assumes", row["assumption"]))
    return Bar(
        label=label,
        value=row["value"],
        text="≈ " + _number(row["value"], row["unit"], None),
        low=row["value_low"],
        high=row["value_high"],
        derived=True,
        tooltip=f"Derived: {row['formula']}",
        notes=notes,
    )


def _drawn(fact_derived: pa.Table) -> list[dict]:
    """The derived values a chart draws: its own bars and Wilson intervals."""
    kinds = pa.array([WILSON, *DERIVED_BARS])
    return records(fact_derived.filter(pc.is_in(fact_derived["kind"], value_set=kinds)))


def charts(tables: dict[str, pa.Table]) -> list[Chart]:
    """Charts of fact_observation, with fact_derived's values when that table is published."""
    obs = records(tables["fact_observation"])
    derived = _drawn(tables["fact_derived"]) if "fact_derived" in tables else []
    evidence: dict[str, list[dict]] = {}
    for q in records(tables["fact_evidence"], ["observation_id", "source_id", "quote"]):
        evidence.setdefault(q["observation_id"], []).append(q)
    categories = {(c["variable_id"], c["category_id"]): c for c in records(tables["dim_category"])}
    variables = {v["variable_id"]: v for v in records(tables["dim_variable"])}
    populations = {p["population_id"]: p for p in records(tables["dim_population"])}
    surveys = {s["survey_id"]: s for s in records(tables["dim_survey"])}
    sources = {
        s["source_id"]: s["title"] for s in records(tables["dim_source"], ["source_id", "title"])
    }

    groups: dict[tuple, list[tuple[float, Bar]]] = {}
    by_obs: dict[str, Bar] = {}
    for o in obs:
        key = (o["survey_id"], o["variable_id"], o["population_id"], o["unit"])
        category = categories[(o["variable_id"], o["category_id"])]
        bar = _published(o, evidence.get(o["observation_id"], []), category, sources)
        by_obs[o["observation_id"]] = bar
        groups.setdefault(key, []).append((category["position"], bar))
    for d in derived:
        if d["kind"] == WILSON:
            measured = by_obs.get(d["input_observation_ids"].split(None, 1)[0])
            if measured is not None:
                measured.ci = (d["value_low"], d["value_high"])
        elif d["kind"] in DERIVED_BARS:
            key = (d["survey_id"], d["variable_id"], d["population_id"], d["unit"])
            category = categories.get((d["variable_id"], d["category_id"]))
            position = category["position"] if category else 10_000
            groups.setdefault(key, []).append((position + 0.5, _derived(d, categories)))

    def order(key: tuple) -> tuple:
        # A question's published figures first, then the bases only derived values reach.
        survey, variable, population, unit = key
        derived_only = all(bar.derived for _, bar in groups[key])
        return (
            survey,
            variable,
            derived_only,
            populations[population]["parent_population_id"] is not None,
            population,
            unit,
        )

    out = []
    for key in sorted(groups, key=order):
        survey_id, variable_id, population_id, unit = key
        survey, variable = surveys[survey_id], variables[variable_id]
        bars = [bar for _, bar in sorted(groups[key], key=lambda pb: (pb[0], pb[1].derived))]
        sample = f", {survey['sample_size']:,} respondents in all" if survey["sample_size"] else ""
        multi = variable["question_type"] == "multi"
        out.append(
            Chart(
                id=f"{variable_id}--{population_id}--{unit}",
                survey_id=survey_id,
                title=variable["label_en"],
                subtitle=f"Base: {populations[population_id]['label_en']}. Survey: "
                f"{survey['producer']} {survey['year']}{sample}.",
                note="Several answers allowed: shares may sum to more than 100%." if multi else "",
                unit=unit,
                scale=100.0
                if unit in SHARES
                else max(max(abs(b.low), abs(b.high)) for b in bars) or 1.0,
                bars=bars,
            )
        )
    return out
