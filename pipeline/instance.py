"""The project's own Dagster home, so run history survives between sessions."""

import os
from pathlib import Path

from pipeline.resources import PROJECT_ROOT

DEFAULT_HOME = PROJECT_ROOT / ".dagster_home"
SETTINGS = "telemetry:\n  enabled: false\nnux:\n  enabled: false\n"


def ensure_dagster_home() -> Path:
    """Use $DAGSTER_HOME, or the project's .dagster_home; create it with its dagster.yaml."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(DEFAULT_HOME))).resolve()
    os.environ["DAGSTER_HOME"] = str(home)
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(SETTINGS, encoding="utf-8")
    return home
