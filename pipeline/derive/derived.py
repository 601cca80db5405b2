"""fact_derived: shares of parent populations, respondent counts and Wilson intervals."""

import pandas as pd

from pipeline.derive.complements import complements
from pipeline.derive.intervals import Interval, exact, fmt
from pipeline.derive.observed import Figure, ambiguity_note, by_key, figures, join_ids
from pipeline.derive.populations import Populations, Step
from pipeline.derive.wilson import Z95, wilson_interval, wilson_over
from schemas.fact_derived import FactDerived
from schemas.spec import table_spec

SAMPLING_ONLY = (
    "sampling error only, as if the respondents were a simple random sample of {n}; "
    "self-selection, quotas, weighting and non-response add errors this interval does not "
    "cover"
)
WHOLE_BASE = "every respondent of the base answered the question (no item non-response)"


def derived_row(**values) -> dict:
    """A fact_derived row from keyword values: the schema's columns, None where absent."""
    return {c: values.get(c) for c in table_spec(FactDerived).column_names}


def to_frame(rows: list[dict]) -> pd.DataFrame:
    columns = table_spec(FactDerived).column_names
    df = pd.DataFrame(rows, columns=columns)
    return df.sort_values("derived_id", kind="stable").reset_index(drop=True)


def _percent_figures(observations: pd.DataFrame) -> list[Figure]:
    return sorted(
        (f for f in figures(observations).values() if f.unit == "percent"),
        key=lambda f: f.observation_id,
    )


def _chain_text(fig: Figure, steps: list[Step], pops: Populations) -> str:
    """'78% [77.5, 78.5) of 'A' × 53% [52.5, 53.5) (share of 'A' in 'B')'."""
    text = f"{fig.describe()} of '{pops.label(fig.survey_id, fig.population_id)}'"
    child = fig.population_id
    for step in steps:
        text += (
            f" × {step.defining.describe()} (share of '{pops.label(fig.survey_id, child)}' in "
            f"'{pops.label(fig.survey_id, step.parent_id)}')"
        )
        child = step.parent_id
    return text


def _chain(fig: Figure, steps: list[Step]) -> tuple[float, Interval]:
    value, interval = fig.value, fig.interval
    for step in steps:
        value = value * step.defining.value / 100
        interval = interval * step.defining.interval / 100
    return value, interval


def shares_of_parents(observations: pd.DataFrame, populations: pd.DataFrame) -> pd.DataFrame:
    """A conditional percentage restated as a share of each ancestor population it reaches."""
    keyed, pops = by_key(figures(observations)), Populations(populations)
    rows = []
    for fig in _percent_figures(observations):
        steps = pops.steps(fig.survey_id, fig.population_id, keyed)
        for depth in range(1, len(steps) + 1):
            used, target = steps[:depth], steps[depth - 1].parent_id
            value, interval = _chain(fig, used)
            rows.append(derived_row(
                derived_id=f"{fig.observation_id}/share_of_parent/{target}",
                survey_id=fig.survey_id, kind="share_of_parent",
                variable_id=fig.variable_id, category_id=fig.category_id, population_id=target,
                value=value, value_low=interval.low, value_high=interval.high,
                bounds=interval.bounds, unit="percent",
                formula=f"{_chain_text(fig, used, pops)} = {fmt(value)}% {interval} of "
                f"'{pops.label(fig.survey_id, target)}'",
                input_observation_ids=join_ids(
                    [fig.observation_id] + [s.defining.observation_id for s in used]
                ),
                assumption=ambiguity_note([fig] + [s.defining for s in used]),
            ))
    return to_frame(rows)


def _sample_sizes(surveys: pd.DataFrame) -> dict[str, tuple[float, str | None]]:
    out = {}
    for row in surveys.to_dict("records"):
        size, qualifier = row.get("sample_size"), row.get("sample_size_qualifier")
        if size is not None and not pd.isna(size):
            out[row["survey_id"]] = (float(size), None if pd.isna(qualifier) else qualifier)
    return out


def _size_note(size: float, qualifier: str | None) -> str:
    if qualifier:
        return (f"sample size stated as '{qualifier} {fmt(size)}' and taken as {fmt(size)}: "
                "counts are then low estimates and intervals wide")
    return f"sample size of {fmt(size)} taken as exact"


def _join(*parts: str | None) -> str | None:
    return "; ".join(p for p in parts if p) or None


def respondent_counts(
    observations: pd.DataFrame, populations: pd.DataFrame, surveys: pd.DataFrame
) -> pd.DataFrame:
    """Estimated number of respondents behind a percentage, from the survey's sample size."""
    keyed, pops, sizes = by_key(figures(observations)), Populations(populations), \
        _sample_sizes(surveys)
    rows = []
    for fig in _percent_figures(observations):
        steps = pops.steps(fig.survey_id, fig.population_id, keyed)
        if fig.survey_id not in sizes or not pops.reaches_root(
            fig.survey_id, fig.population_id, steps
        ):
            continue
        size, qualifier = sizes[fig.survey_id]
        value, share = _chain(fig, steps)
        count, interval = value * size / 100, share * exact(size) / 100
        rows.append(derived_row(
            derived_id=f"{fig.observation_id}/respondent_count", survey_id=fig.survey_id,
            kind="respondent_count", variable_id=fig.variable_id, category_id=fig.category_id,
            population_id=fig.population_id, value=count, value_low=interval.low,
            value_high=interval.high, bounds=interval.bounds, unit="count",
            formula=f"{_chain_text(fig, steps, pops)} × {fmt(size)} respondents = "
            f"{fmt(count)} {interval} respondents",
            input_observation_ids=join_ids(
                [fig.observation_id] + [s.defining.observation_id for s in steps]
            ),
            assumption=_join(_size_note(size, qualifier), WHOLE_BASE,
                             ambiguity_note([fig] + [s.defining for s in steps])),
        ))
    return to_frame(rows)


def wilson_intervals(
    observations: pd.DataFrame, populations: pd.DataFrame, surveys: pd.DataFrame
) -> pd.DataFrame:
    """95% Wilson intervals, widened to cover every value the published rounding allows."""
    keyed, pops, sizes = by_key(figures(observations)), Populations(populations), \
        _sample_sizes(surveys)
    rows = []
    for fig in _percent_figures(observations):
        steps = pops.steps(fig.survey_id, fig.population_id, keyed)
        if fig.survey_id not in sizes or not pops.reaches_root(
            fig.survey_id, fig.population_id, steps
        ):
            continue
        size, qualifier = sizes[fig.survey_id]
        base_value, base = _chain(steps[0].defining, steps[1:]) if steps else (100.0, exact(100))
        n = size * base_value / 100
        base_note = None
        if steps:
            base_note = (
                f"n = {fmt(n)} is the estimated number of "
                f"'{pops.label(fig.survey_id, fig.population_id)}' "
                f"({_chain_text(steps[0].defining, steps[1:], pops)} × {fmt(size)} = "
                f"{base * exact(size) / 100}), used as if known exactly"
            )
        at_value = wilson_interval(fig.value / 100, n)
        interval = wilson_over(fig.interval, n)
        rows.append(derived_row(
            derived_id=f"{fig.observation_id}/wilson_ci", survey_id=fig.survey_id,
            kind="wilson_ci", variable_id=fig.variable_id, category_id=fig.category_id,
            population_id=fig.population_id, value=fig.value, value_low=interval.low,
            value_high=interval.high, bounds=interval.bounds, unit="percent",
            formula=f"95% Wilson score interval (z = {round(Z95, 2)}) with n = {fmt(n)}: "
            f"[{fmt(100 * at_value[0])}, {fmt(100 * at_value[1])}] at {fmt(fig.value)}%; "
            f"over the rounding interval {fig.interval}: {interval}",
            input_observation_ids=join_ids(
                [fig.observation_id] + [s.defining.observation_id for s in steps]
            ),
            assumption=_join(SAMPLING_ONLY.format(n=fmt(n)), base_note,
                             _size_note(size, qualifier), ambiguity_note([fig])),
        ))
    return to_frame(rows)


def fact_derived(
    observations: pd.DataFrame,
    populations: pd.DataFrame,
    surveys: pd.DataFrame,
    variables: pd.DataFrame,
    categories: pd.DataFrame,
) -> pd.DataFrame:
    """Every derived value, one row each, sorted by derived_id."""
    parts = [
        shares_of_parents(observations, populations),
        respondent_counts(observations, populations, surveys),
        wilson_intervals(observations, populations, surveys),
        complements(observations, populations, variables, categories),
    ]
    rows = [r for p in parts for r in p.to_dict("records")]
    return to_frame(rows)
