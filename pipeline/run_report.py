"""Summarise a Dagster run for the command line: failed steps and every failed check."""

import dagster as dg

from pipeline.errors import InputError

ERROR = dg.AssetCheckSeverity.ERROR


def check_lines(result: dg.ExecuteInProcessResult) -> tuple[list[str], int]:
    """One line per check evaluation (failures with their rows); the number of failed errors."""
    lines, failed = [], 0
    for ev in result.get_asset_check_evaluations():
        key = f"{ev.asset_key.to_user_string()}:{ev.check_name}"
        if ev.passed:
            lines.append(f"  ok    {key}")
            continue
        level = "ERROR" if ev.severity == ERROR else "WARN "
        failed += ev.severity == ERROR
        lines.append(f"  {level} {key}")
        failures = ev.metadata.get("failures")
        if failures is not None:
            lines.extend("        " + line for line in str(failures.value).splitlines())
    return lines, failed


def step_failures(result: dg.ExecuteInProcessResult) -> list[str]:
    """The error message of every failed step: bad input raises with file, entry and fix; any
    other error (a fault of the pipeline) comes with where it was raised."""
    out = []
    for event in result.all_events:
        if event.event_type == dg.DagsterEventType.STEP_FAILURE:
            error = event.step_failure_data.error
            cause = error
            while cause.cause is not None:
                cause = cause.cause
            message = cause.message.strip()
            if cause.cls_name == InputError.__name__:
                message = message.removeprefix(f"{InputError.__module__}.{InputError.__name__}: ")
            out.append(f"  step {event.step_key} failed: {message}")
            if cause.cls_name != InputError.__name__:
                stack = "".join(cause.stack).rstrip().splitlines()
                out.extend(f"    {line}" for line in stack)
    return out


def not_materialized(result: dg.ExecuteInProcessResult, planned: set[dg.AssetKey]) -> list[str]:
    """Assets not materialized because a blocking check or an upstream step failed."""
    done = {e.asset_key for e in result.get_asset_materialization_events()}
    return sorted(k.to_user_string() for k in planned - done)
