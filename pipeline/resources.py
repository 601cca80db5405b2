"""Where the pipeline reads its inputs and writes its release."""

import os
from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class ProjectPaths(dg.ConfigurableResource):
    """Input and output directories; tests point them at temporary copies."""

    raw_dir: str = str(PROJECT_ROOT / "raw")
    warehouse_dir: str = str(PROJECT_ROOT / "warehouse")
    store_dir: str = ""  # per-source intermediate results; default: .source_store beside warehouse

    @property
    def raw(self) -> Path:
        return Path(self.raw_dir)

    @property
    def warehouse(self) -> Path:
        return Path(self.warehouse_dir)

    @property
    def store(self) -> Path:
        return Path(self.store_dir) if self.store_dir else self.warehouse.parent / ".source_store"

    @classmethod
    def from_env(cls) -> "ProjectPaths":
        """Defaults, overridden by SURVEY_FIGURES_RAW_DIR / _WAREHOUSE_DIR / _STORE_DIR."""
        return cls(
            store_dir=os.environ.get("SURVEY_FIGURES_STORE_DIR", ""),
            raw_dir=os.environ.get("SURVEY_FIGURES_RAW_DIR", str(PROJECT_ROOT / "raw")),
            warehouse_dir=os.environ.get(
                "SURVEY_FIGURES_WAREHOUSE_DIR", str(PROJECT_ROOT / "warehouse")
            ),
        )
