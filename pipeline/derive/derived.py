"""fact_derived: every value computed from published figures, one row each."""

import pandas as pd

from pipeline.derive.complements import complement_rows
from pipeline.derive.counts import respondent_count_rows, wilson_rows
from pipeline.derive.intervals import fmt
from pipeline.derive.observed import ambiguity_note, by_key, figures
from pipeline.derive.populations import Populations, chain, chain_text
from pipeline.derive.table import figure_row, to_frame
from pipeline.memo import NOT_KEPT, SurveyMemo


def shares_of_parents(observations: pd.DataFrame, populations: pd.DataFrame) -> pd.DataFrame:
    """A conditional percentage restated as a share of each ancestor population it reaches.

    78% of AI users × 53% (AI users among all respondents) = 41.34% of all respondents. No
    row where the share defining a population was not published.
    """
    return to_frame(share_of_parent_rows(observations, populations))


def share_of_parent_rows(observations: pd.DataFrame, populations: pd.DataFrame) -> list[dict]:
    """The rows of shares_of_parents()."""
    figs, pops = figures(observations), Populations(populations)
    keyed = by_key(figs)
    rows = []
    for fig in sorted(figs.values(), key=lambda f: f.observation_id):
        if fig.unit != "percent":
            continue
        steps = pops.steps(fig.survey_id, fig.population_id, keyed)
        for depth in range(1, len(steps) + 1):
            used, target = steps[:depth], steps[depth - 1].parent_id
            value, interval = chain(fig, used)
            inputs = [s.defining for s in used]
            formula = (
                f"{chain_text(fig, used, pops)} = {fmt(value)}% {interval} of "
                f"'{pops.label(fig.survey_id, target)}'"
            )
            rows.append(
                figure_row(
                    fig,
                    "share_of_parent",
                    value,
                    interval,
                    formula,
                    inputs,
                    ambiguity_note([fig, *inputs]),
                    population_id=target,
                )
            )
    return rows


def fact_derived(
    observations: pd.DataFrame,
    populations: pd.DataFrame,
    surveys: pd.DataFrame,
    variables: pd.DataFrame,
    categories: pd.DataFrame,
    memo: SurveyMemo = NOT_KEPT,
) -> pd.DataFrame:
    """Every derived value: shares of parents, respondent counts, Wilson intervals and
    complements, sorted by derived_id. Each is computed from figures of one survey: surveys
    are derived apart, their rows kept by `memo`."""
    # The rows of the four parts, framed once: each column holds text or numbers only, so
    # pandas reads them as it reads the rows of the four frames.
    parts = memo.map(
        "fact_derived",
        derived_rows,
        (observations, populations, surveys),
        (variables, categories),
    )
    return to_frame([row for p in parts for row in p.result])


def derived_rows(
    observations: pd.DataFrame,
    populations: pd.DataFrame,
    surveys: pd.DataFrame,
    variables: pd.DataFrame,
    categories: pd.DataFrame,
) -> list[dict]:
    """The rows of fact_derived(), unsorted."""
    return [
        *share_of_parent_rows(observations, populations),
        *respondent_count_rows(observations, populations, surveys),
        *wilson_rows(observations, populations, surveys),
        *complement_rows(observations, populations, variables, categories),
    ]
