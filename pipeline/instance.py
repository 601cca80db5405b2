"""The project's own Dagster home, so run history survives between sessions."""

import json
import os
from pathlib import Path

from pipeline.resources import PROJECT_ROOT

DEFAULT_HOME = PROJECT_ROOT / ".dagster_home"


def settings(home: Path) -> str:
    """dagster.yaml for a home: no telemetry, no tour, and an event log that writes the
    events of a many-partition run in batches (pipeline/event_storage.py) where Dagster keeps
    its SQLite event log by default."""
    runs = (Path(home).resolve() / "history" / "runs").as_posix()
    return (
        "telemetry:\n  enabled: false\n"
        "nux:\n  enabled: false\n"
        "event_log_storage:\n"
        "  module: pipeline.event_storage\n"
        "  class: BatchingSqliteEventLogStorage\n"
        f"  config:\n    base_dir: {json.dumps(runs)}\n"
    )


def write_settings(home: Path) -> Path:
    """Create `home` with the project's dagster.yaml; returns the home."""
    home = Path(home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text(settings(home), encoding="utf-8")
    return home


def ensure_dagster_home() -> Path:
    """Use $DAGSTER_HOME, or the project's .dagster_home. A home without a dagster.yaml, and
    the project's own home, get the project's settings; another home's file is left as it is."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(DEFAULT_HOME))).resolve()
    os.environ["DAGSTER_HOME"] = str(home)
    config = home / "dagster.yaml"
    current = config.read_text(encoding="utf-8") if config.is_file() else None
    if current is None or (home == DEFAULT_HOME.resolve() and current != settings(home)):
        write_settings(home)
    return home
