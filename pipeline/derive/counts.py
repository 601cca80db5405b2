"""Respondent counts and Wilson intervals: figures scaled by the survey's sample size."""

import pandas as pd

from pipeline.derive.intervals import exact, fmt
from pipeline.derive.observed import Figure, ambiguity_note, by_key, figures
from pipeline.derive.populations import Populations, Step, chain, chain_text
from pipeline.derive.table import figure_row, join_notes, to_frame
from pipeline.derive.wilson import Z95, wilson_interval, wilson_over
from pipeline.rows import records

SAMPLING_ONLY = (
    "sampling error only, as if the respondents were a simple random sample of {n}; "
    "self-selection, quotas, weighting and non-response add errors this interval does not "
    "cover"
)
WHOLE_BASE = "every respondent of the base answered the question (no item non-response)"


def _sample_sizes(surveys: pd.DataFrame) -> dict[str, tuple[float, str | None]]:
    out = {}
    for row in records(surveys):
        size, qualifier = row.get("sample_size"), row.get("sample_size_qualifier")
        if size is not None and not pd.isna(size):
            out[row["survey_id"]] = (float(size), None if pd.isna(qualifier) else qualifier)
    return out


def _size_note(size: float, qualifier: str | None) -> str:
    if qualifier:
        return (
            f"sample size stated as '{qualifier} {fmt(size)}' and taken as {fmt(size)}: "
            "counts are then low estimates and intervals wide"
        )
    return f"sample size of {fmt(size)} taken as exact"


def _rooted(observations, populations, surveys):
    """(figure, steps to all respondents, sample size, qualifier, populations) per figure
    whose base can be traced to all respondents of a survey with a known sample size."""
    keyed, pops, sizes = (
        by_key(figures(observations)),
        Populations(populations),
        _sample_sizes(surveys),
    )
    for fig in sorted(figures(observations).values(), key=lambda f: f.observation_id):
        if fig.unit != "percent" or fig.survey_id not in sizes:
            continue
        steps = pops.steps(fig.survey_id, fig.population_id, keyed)
        if pops.reaches_root(fig.survey_id, fig.population_id, steps):
            yield fig, steps, *sizes[fig.survey_id], pops


def _inputs(steps: list[Step]) -> list[Figure]:
    return [s.defining for s in steps]


def respondent_counts(
    observations: pd.DataFrame, populations: pd.DataFrame, surveys: pd.DataFrame
) -> pd.DataFrame:
    """Estimated number of respondents behind a percentage, from the survey's sample size."""
    return to_frame(respondent_count_rows(observations, populations, surveys))


def respondent_count_rows(
    observations: pd.DataFrame, populations: pd.DataFrame, surveys: pd.DataFrame
) -> list[dict]:
    """The rows of respondent_counts()."""
    rows = []
    for fig, steps, size, qualifier, pops in _rooted(observations, populations, surveys):
        value, share = chain(fig, steps)
        count, interval = value * size / 100, share * exact(size) / 100
        formula = (
            f"{chain_text(fig, steps, pops)} × {fmt(size)} respondents = "
            f"{fmt(count)} {interval} respondents"
        )
        assumption = join_notes(
            _size_note(size, qualifier), WHOLE_BASE, ambiguity_note([fig, *_inputs(steps)])
        )
        rows.append(
            figure_row(
                fig,
                "respondent_count",
                count,
                interval,
                formula,
                _inputs(steps),
                assumption,
                unit="count",
            )
        )
    return rows


def wilson_intervals(
    observations: pd.DataFrame, populations: pd.DataFrame, surveys: pd.DataFrame
) -> pd.DataFrame:
    """95% Wilson intervals, widened to cover every value the published rounding allows.

    For a sub-population, n is its estimated size (defining share × sample size), used as
    if known exactly; the assumption says so.
    """
    return to_frame(wilson_rows(observations, populations, surveys))


def wilson_rows(
    observations: pd.DataFrame, populations: pd.DataFrame, surveys: pd.DataFrame
) -> list[dict]:
    """The rows of wilson_intervals()."""
    rows = []
    for fig, steps, size, qualifier, pops in _rooted(observations, populations, surveys):
        n, base_note = size, None
        if steps:
            base_value, base = chain(steps[0].defining, steps[1:])
            n = size * base_value / 100
            base_note = (
                f"n = {fmt(n)} is the estimated number of "
                f"'{pops.label(fig.survey_id, fig.population_id)}' "
                f"({chain_text(steps[0].defining, steps[1:], pops)} × {fmt(size)} = "
                f"{base * exact(size) / 100}), used as if known exactly"
            )
        if n < 1:
            continue  # the base was published as (about) 0%: no one to sample
        low, high = wilson_interval(fig.value / 100, n)
        interval = wilson_over(fig.interval, n)
        formula = (
            f"95% Wilson score interval (z = {round(Z95, 2)}) with n = {fmt(n)}: "
            f"[{fmt(100 * low)}, {fmt(100 * high)}] at {fmt(fig.value)}%; "
            f"over the rounding interval {fig.interval}: {interval}"
        )
        assumption = join_notes(
            SAMPLING_ONLY.format(n=fmt(n)),
            base_note,
            _size_note(size, qualifier),
            ambiguity_note([fig]),
        )
        rows.append(
            figure_row(fig, "wilson_ci", fig.value, interval, formula, _inputs(steps), assumption)
        )
    return rows
