"""Rule 4: a segment figure against the overall figure where a claim relates them."""

import pandas as pd

from pipeline.derive.claims import evaluate_claims
from pipeline.derive.findings import finding, findings_frame
from pipeline.derive.lexicon import Entry
from pipeline.derive.observed import figures
from pipeline.derive.populations import Populations
from pipeline.rows import records


def claimed_relations(
    claims: pd.DataFrame,
    observations: pd.DataFrame,
    lexicon: dict[str, Entry],
    populations: pd.DataFrame,
) -> pd.DataFrame:
    """Rule 4: a segment figure against the overall figure where a claim relates them."""
    if claims.empty:
        return findings_frame([])
    ratio_rules = {k for k, e in lexicon.items() if e.type == "ratio"}
    checked = evaluate_claims(claims[claims["rule"].isin(ratio_rules)], observations, lexicon)
    figs, pops = figures(observations), Populations(populations)
    rows = []
    for c in records(checked[checked["verdict"] != "not checkable"]):
        base, segment = (figs[i] for i in c["observation_ids"].split())
        same = (base.variable_id, base.category_id) == (segment.variable_id, segment.category_id)
        scope = (
            f"'{pops.label(segment.survey_id, segment.population_id)}' against "
            f"'{pops.label(base.survey_id, base.population_id)}'"
            + ("" if same else "; caution: the two figures answer different questions")
        )
        rows.append(
            finding(
                "claimed_ratio",
                c["verdict"] == "supported",
                [base, segment],
                f"claim {c['source_id']}/{c['claim_id']} «{c['quote']}» "
                f"({c['rule']}): {c['arithmetic'].rsplit(' → ', 1)[0]}; {scope}",
            )
        )
    return findings_frame(rows)
