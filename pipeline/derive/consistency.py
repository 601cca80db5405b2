"""Consistency rules between published figures; each returns a frame of findings.

Every comparison uses rounding intervals: a rule passes when some values the published
rounding allows satisfy it. See findings.py for the columns.
"""

import pandas as pd

from pipeline.derive.findings import (
    can_be_at_most,
    exhaustive_variables,
    finding,
    findings_frame,
    net_categories,
    option_categories,
    percent_groups,
)
from pipeline.derive.intervals import exact, fmt, total
from pipeline.derive.lexicon import Entry
from pipeline.derive.observed import by_key, figures
from pipeline.derive.populations import Populations
from pipeline.derive.relations import claimed_relations
from pipeline.memo import NOT_KEPT, SurveyMemo
from pipeline.rows import records


def net_bounds(
    observations: pd.DataFrame, categories: pd.DataFrame, variables: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Rule 1: no option exceeds the net ('at least one') of its variable and population.

    When the variable's categories are exhaustive and all published, the net is also at
    most the sum of the options.
    """
    nets, listed = net_categories(categories), option_categories(categories)
    exhaustive = exhaustive_variables(variables)
    rows = []
    for (_, variable, _), figs in percent_groups(observations).items():
        options = [f for f in figs if (variable, f.category_id) not in nets]
        for n in (f for f in figs if (variable, f.category_id) in nets):
            for o in options:
                text = (
                    f"{o.category_id} {o.describe()} ≤ {n.category_id} {n.describe()}: lowest "
                    f"option value {fmt(o.interval.low)} vs highest net value "
                    f"{fmt(n.interval.high)}"
                )
                rows.append(
                    finding(
                        "option_within_net", can_be_at_most(o.interval, n.interval), [o, n], text
                    )
                )
            if variable in exhaustive and {o.category_id for o in options} == listed.get(variable):
                s = total([o.interval for o in options])
                terms = " + ".join(fmt(o.value) for o in options)
                text = (
                    f"{n.category_id} {n.describe()} ≤ {terms} = "
                    f"{fmt(sum(o.value for o in options))} {s} (exhaustive options)"
                )
                rows.append(
                    finding(
                        "net_within_sum_of_options",
                        can_be_at_most(n.interval, s),
                        [n, *options],
                        text,
                    )
                )
    return findings_frame(rows)


def subpopulation_bounds(observations: pd.DataFrame, populations: pd.DataFrame) -> pd.DataFrame:
    """Rule 2: a sub-population's figure, restated on the parent base, stays within bounds.

    - subpopulation_within_defining_share (basis: the figure's base is the sub-population,
      e.g. significant impact among attacked firms): figure × defining share ≤ defining
      share (impact and attacked are then on the same base, the parent).
    - subpopulation_within_parent_figure (basis: the same variable and category are
      published on the parent base): figure × defining share ≤ the parent's figure.
    Nothing is found when the defining share was not published.
    """
    figs = figures(observations)
    keyed, pops = by_key(figs), Populations(populations)
    rows = []
    for f in sorted(figs.values(), key=lambda f: f.observation_id):
        steps = pops.steps(f.survey_id, f.population_id, keyed) if f.unit == "percent" else []
        if not steps:
            continue
        d, parent = steps[0].defining, steps[0].parent_id
        child_label, parent_label = (pops.label(f.survey_id, p) for p in (f.population_id, parent))
        share = f.interval * d.interval / 100
        restated = (
            f"{f.describe()} of '{child_label}' × {d.describe()} = "
            f"{fmt(f.value * d.value / 100)}% {share} of '{parent_label}'"
        )
        rows.append(
            finding(
                "subpopulation_within_defining_share",
                can_be_at_most(share, d.interval),
                [f, d],
                f"{restated} ≤ {d.describe()}, the share of '{child_label}' in '{parent_label}' "
                f"(basis: the figure's base is the sub-population '{child_label}')",
            )
        )
        same = keyed.get((f.survey_id, f.variable_id, f.category_id, parent))
        if same is not None and same.unit == "percent":
            rows.append(
                finding(
                    "subpopulation_within_parent_figure",
                    can_be_at_most(share, same.interval),
                    [f, d, same],
                    f"{restated} ≤ {same.describe()}, the same answer on '{parent_label}' "
                    f"(basis: same variable and category on the parent base)",
                )
            )
    return findings_frame(rows)


def choice_sums(
    observations: pd.DataFrame, variables: pd.DataFrame, categories: pd.DataFrame
) -> pd.DataFrame:
    """Rule 3: single-choice shares of one base sum to ≤ 100 within rounding (n × 0.5).

    Exhaustive single-choice variables with every category published must reach 100;
    multi-choice variables are exempt and their finding says so. A lone figure of a
    non-exhaustive variable has nothing to add up and gets no finding.
    """
    meta = {r["variable_id"]: r for r in records(variables)}
    nets, listed = net_categories(categories), option_categories(categories)
    exhaustive = exhaustive_variables(variables)
    rows = []
    for (_, variable, _), figs in percent_groups(observations).items():
        figs = [f for f in figs if (variable, f.category_id) not in nets]
        complete = variable in exhaustive and {f.category_id for f in figs} == listed.get(variable)
        if variable not in meta or not figs or (len(figs) < 2 and not complete):
            continue
        s = total([f.interval for f in figs])
        terms = f"{' + '.join(fmt(f.value) for f in figs)} = {fmt(sum(f.value for f in figs))}"
        tolerance = f"rounding tolerance ±{fmt((s.high - s.low) / 2)}"
        if meta[variable].get("question_type") != "single":
            rule, ok = "multi_choice_exempt", True
            text = (
                f"{variable} is multi-choice: {terms} may exceed 100 (several answers "
                "per respondent); the sum rule does not apply"
            )
        elif complete:
            rule, ok = "single_choice_sum_exhaustive", s.contains(100)
            text = (
                f"{terms}; with {tolerance} the sum lies in {s}, which must contain 100 "
                "(exclusive and exhaustive categories, all published)"
            )
        else:
            rule, ok = "single_choice_sum", can_be_at_most(s, exact(100))
            text = (
                f"{terms}; with {tolerance} ({len(figs)} × 0.5 for whole percentages) "
                f"the sum lies in {s}, which must reach ≤ 100"
            )
        rows.append(finding(rule, ok, figs, text))
    return findings_frame(rows)


def consistency_findings(
    observations: pd.DataFrame,
    populations: pd.DataFrame,
    variables: pd.DataFrame,
    categories: pd.DataFrame,
    claims: pd.DataFrame | None = None,
    lexicon: dict[str, Entry] | None = None,
    memo: SurveyMemo = NOT_KEPT,
) -> pd.DataFrame:
    """All consistency rules; rule 4 runs only when claims and lexicon are given. Rules 1 to 3
    compare figures of one survey: they run survey by survey, their results kept by `memo`."""
    parts = memo.map(
        "consistency", _survey_rules, (observations, populations), (variables, categories)
    )
    rows = [r for p in parts for r in p.result]
    if claims is not None and lexicon is not None:
        rows += records(claimed_relations(claims, observations, lexicon, populations))
    return findings_frame(rows)


def _survey_rules(
    observations: pd.DataFrame,
    populations: pd.DataFrame,
    variables: pd.DataFrame,
    categories: pd.DataFrame,
) -> list[dict]:
    """The findings of rules 1 to 3, as rows."""
    parts = [
        net_bounds(observations, categories, variables),
        subpopulation_bounds(observations, populations),
        choice_sums(observations, variables, categories),
    ]
    return [r for p in parts for r in records(p)]
