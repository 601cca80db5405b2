"""Complements of single-choice variables: 100 − the published categories of one base."""

import pandas as pd

from pipeline.derive.intervals import Interval, fmt, total
from pipeline.derive.observed import ambiguity_note, figures, flag, join_ids
from pipeline.derive.populations import Populations
from pipeline.derive.table import derived_row, join_notes, to_frame
from pipeline.rows import records


def _listed(categories: pd.DataFrame) -> dict[str, list[str]]:
    """Non-net categories of each variable, in codelist order (`position` when given)."""
    if "position" in categories.columns:
        categories = categories.sort_values(["variable_id", "position"], kind="stable")
    out: dict[str, list[str]] = {}
    for row in records(categories):
        if not flag(row.get("is_net")):
            out.setdefault(row["variable_id"], []).append(row["category_id"])
    return out


def _assumption(exhaustive: bool, missing: list[str], observed: list[str], basis) -> str | None:
    basis_note = f"single-choice question ({basis})" if isinstance(basis, str) else None
    if exhaustive and len(missing) == 1:
        scope = None
    elif exhaustive:
        scope = f"the remainder covers the unpublished categories {', '.join(missing)} together"
    elif len(missing) == 1:
        scope = (
            f"the remainder is taken as '{missing[0]}', assuming the listed categories are "
            "exhaustive (the codelist does not say so): it may also hold unlisted answers and "
            "non-response"
        )
    else:
        scope = (
            f"the remainder is every answer other than {', '.join(observed)}, including "
            "unlisted answers and non-response"
        )
    return join_notes(scope, basis_note)


def complements(
    observations: pd.DataFrame,
    populations: pd.DataFrame,
    variables: pd.DataFrame,
    categories: pd.DataFrame,
) -> pd.DataFrame:
    """100 − Σ published shares of a single-choice variable within one population.

    The row names the remaining category when exactly one listed category is unpublished;
    otherwise category_id is null and the assumption says what the remainder covers.
    Multi-choice variables get no complement (their shares overlap). Nothing is derived
    when an exhaustive variable has every category published: that sum is a consistency
    rule, not a new figure.
    """
    return to_frame(complement_rows(observations, populations, variables, categories))


def complement_rows(
    observations: pd.DataFrame,
    populations: pd.DataFrame,
    variables: pd.DataFrame,
    categories: pd.DataFrame,
) -> list[dict]:
    """The rows of complements()."""
    pops = Populations(populations)
    listed = _listed(categories)
    meta = {r["variable_id"]: r for r in records(variables)}
    groups: dict[tuple[str, str, str], list] = {}
    # A category stated in another unit in a base is a statistic of the question there (the
    # mean duration beside the share who waited over six months), not one of its answers.
    statistics = {
        (f.survey_id, f.variable_id, f.population_id, f.category_id)
        for f in figures(observations).values()
        if f.unit != "percent"
    }
    for fig in figures(observations).values():
        var = meta.get(fig.variable_id)
        if fig.unit != "percent" or var is None or var.get("question_type") != "single":
            continue
        if fig.category_id not in listed.get(fig.variable_id, [fig.category_id]):
            continue  # a net category is not one of the exclusive answers
        groups.setdefault((fig.survey_id, fig.variable_id, fig.population_id), []).append(fig)

    rows = []
    for (survey_id, variable_id, population_id), figs in sorted(groups.items()):
        order = listed.get(variable_id, [])
        figs = sorted(
            figs,
            key=lambda f: (
                (order.index(f.category_id), f.category_id)
                if f.category_id in order
                else (len(order), f.category_id)
            ),
        )
        observed = [f.category_id for f in figs]
        missing = [
            c
            for c in order
            if c not in observed and (survey_id, variable_id, population_id, c) not in statistics
        ]
        exhaustive = flag(meta[variable_id].get("categories_exhaustive"))
        rest = (
            total([f.interval for f in figs])
            .complement(100)
            .intersection(Interval(0, 100, True, True))
        )
        if (exhaustive and not missing) or rest is None:
            continue  # nothing left to derive, or the shares exceed 100 (a consistency rule)
        value = max(0.0, 100 - sum(f.value for f in figs))
        category = missing[0] if len(missing) == 1 else None
        answered = category or "none of " + ", ".join(observed)
        formula = (
            f"100 − ({' + '.join(f.describe() for f in figs)}) = {fmt(value)}% {rest} "
            f"of '{pops.label(survey_id, population_id)}' answered {answered}"
        )
        basis = meta[variable_id].get("question_type_basis")
        rows.append(
            derived_row(
                derived_id=f"{survey_id}.{variable_id}.{category or '_rest'}.{population_id}"
                "/complement",
                survey_id=survey_id,
                kind="complement",
                variable_id=variable_id,
                category_id=category,
                population_id=population_id,
                value=value,
                value_low=rest.low,
                value_high=rest.high,
                bounds=rest.bounds,
                unit="percent",
                formula=formula,
                input_observation_ids=join_ids(f.observation_id for f in figs),
                assumption=join_notes(
                    _assumption(exhaustive, missing, observed, basis), ambiguity_note(figs)
                ),
            )
        )
    return rows
