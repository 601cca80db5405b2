"""Asset-check results whose metadata lists the failing rows."""

import dagster as dg
import pandas as pd
import pandera.pandas as pa

MAX_ROWS_SHOWN = 50


def _markdown(df: pd.DataFrame) -> str:
    shown = df.head(MAX_ROWS_SHOWN).astype(str)
    header = "| " + " | ".join(shown.columns) + " |"
    rule = "|" + "---|" * len(shown.columns)
    body = [
        "| " + " | ".join(v.replace("|", "\\|").replace("\n", " ") for v in row) + " |"
        for row in shown.itertuples(index=False)
    ]
    more = [f"\n… and {len(df) - MAX_ROWS_SHOWN} more"] if len(df) > MAX_ROWS_SHOWN else []
    return "\n".join([header, rule, *body, *more])


def rows_result(
    failing: pd.DataFrame,
    description: str,
    severity: dg.AssetCheckSeverity = dg.AssetCheckSeverity.ERROR,
    check_name: str | None = None,
    **extra,
) -> dg.AssetCheckResult:
    """Passed when `failing` is empty; otherwise its rows become the check's metadata."""
    metadata = {"failing_rows": len(failing), "rule": description, **extra}
    if len(failing):
        metadata["failures"] = dg.MetadataValue.md(_markdown(failing))
        metadata["failures_json"] = dg.MetadataValue.json(
            failing.head(MAX_ROWS_SHOWN).astype(str).to_dict("records")
        )
    return dg.AssetCheckResult(
        passed=failing.empty, severity=severity, metadata=metadata, check_name=check_name
    )


def schema_failures(model: type[pa.DataFrameModel], df: pd.DataFrame) -> pd.DataFrame:
    """Rows and columns that fail the Pandera model, one row per failure."""
    try:
        model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        keep = [c for c in ("column", "check", "failure_case", "index") if c in cases.columns]
        return cases[keep].reset_index(drop=True)
    return pd.DataFrame(columns=["column", "check", "failure_case", "index"])
