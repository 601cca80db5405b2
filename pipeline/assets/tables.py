"""What every published table's asset shares: name, description, column schema, schema check."""

import functools
from collections.abc import Callable

import dagster as dg
import pandas as pd
import pandera.pandas as pa

from pipeline.checks.results import rows_result, schema_failures
from schemas.spec import TableSpec, table_spec

PREVIEW_ROWS = 10


def column_schema(spec: TableSpec) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=c.name,
                type=c.type,
                description=c.description,
                constraints=dg.TableColumnConstraints(
                    nullable=c.nullable, unique=spec.primary_key == [c.name]
                ),
            )
            for c in spec.columns
        ]
    )


def table_output(df: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    """The frame with its row count and a Markdown preview of its first rows."""
    preview = df.head(PREVIEW_ROWS).astype(object).where(df.head(PREVIEW_ROWS).notna(), "")
    return dg.Output(
        df,
        metadata={
            "dagster/row_count": len(df),
            "preview": dg.MetadataValue.md(
                preview.to_markdown(index=False) + ("" if len(df) else "\n\n(no rows)")
            ),
        },
    )


def table_asset(model: type[pa.DataFrameModel], group_name: str = "core") -> Callable:
    """Decorate a function returning the table's frame as the table's asset."""
    spec = table_spec(model)

    def decorate(fn: Callable[..., pd.DataFrame]) -> dg.AssetsDefinition:
        @functools.wraps(fn)  # Dagster reads the inputs off fn's signature
        def compute(**inputs) -> dg.Output[pd.DataFrame]:
            return table_output(fn(**inputs))

        compute.__annotations__ = {**fn.__annotations__, "return": dg.Output[pd.DataFrame]}

        return dg.asset(
            name=spec.name,
            group_name=group_name,
            description=spec.description,
            kinds={"pandas"},
            metadata={
                "dagster/column_schema": column_schema(spec),
                "primary_key": ", ".join(spec.primary_key),
            },
        )(compute)

    return decorate


def schema_check(model: type[pa.DataFrameModel]) -> dg.AssetChecksDefinition:
    """A blocking check that validates the table against its Pandera model."""
    spec = table_spec(model)

    @dg.asset_check(
        asset=spec.name,
        name=f"{spec.name}_schema",
        blocking=True,
        description=f"Validates {spec.name} against schemas.{model.__name__}: "
        "types, nulls, ranges, allowed values, unique key.",
    )
    def _check(table: pd.DataFrame) -> dg.AssetCheckResult:
        return rows_result(schema_failures(model, table), f"schemas.{model.__name__}")

    return _check
