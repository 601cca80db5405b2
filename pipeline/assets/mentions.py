"""fact_mention: every number of every text, held against the curated annotations."""

import dagster as dg
import pandas as pd

from pipeline.assets.tables import column_schema, table_output
from pipeline.checks.results import rows_result
from pipeline.derive.lexicon import Entry
from pipeline.load.annotations import Annotations
from pipeline.model.facts import with_number_offsets
from pipeline.reconcile import Reconciled
from pipeline.validate.coverage import account_for_mentions, accounts, quote_value_problems
from schemas import FactMention, table_spec

SPEC = table_spec(FactMention)


@dg.asset(
    name=SPEC.name,
    group_name="core",
    description=SPEC.description,
    kinds={"pandas"},
    metadata={
        "dagster/column_schema": column_schema(SPEC),
        "primary_key": ", ".join(SPEC.primary_key),
    },
    check_specs=[
        dg.AssetCheckSpec(
            "mention_coverage",
            asset=SPEC.name,
            blocking=True,
            description="Every mention is accounted for by exactly one kind of annotation "
            "(observation, attribute, claim, ignore with a reason); every ignore matches one.",
        ),
        dg.AssetCheckSpec(
            "quotes_state_their_value",
            asset=SPEC.name,
            blocking=True,
            description="Every observation's quote contains a mention whose value is the "
            "observation's value, in its unit.",
        ),
    ],
)
def fact_mention(
    stg_mentions: pd.DataFrame,
    stg_reconciliation: Reconciled,
    stg_attribute_entries: pd.DataFrame,
    stg_claim_entries: pd.DataFrame,
    stg_ignore_entries: pd.DataFrame,
    raw_annotations: list[Annotations],
    raw_claims_lexicon: dict[str, Entry],
):
    obs = with_number_offsets(stg_reconciliation.entries)
    spans = accounts(
        obs, with_number_offsets(stg_attribute_entries), stg_claim_entries, stg_ignore_entries
    )
    files = {a.source_id: str(a.path) for a in raw_annotations}
    mentions, gaps = account_for_mentions(stg_mentions, spans, files, raw_claims_lexicon)
    yield table_output(mentions)
    counts = mentions["accounted_by"].value_counts(dropna=False)
    yield rows_result(
        gaps,
        "one kind of annotation per mention; ignore entries match a mention",
        check_name="mention_coverage",
        mentions=len(mentions),
        coverage=dg.MetadataValue.float(
            float(mentions["accounted_by"].notna().mean()) if len(mentions) else 1.0
        ),
        by_annotation=dg.MetadataValue.json({str(k): int(v) for k, v in counts.items()}),
    )
    yield rows_result(
        quote_value_problems(obs, stg_mentions),
        "the quote contains a mention of the observation's value and unit",
        check_name="quotes_state_their_value",
    )
