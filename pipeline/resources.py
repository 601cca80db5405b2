"""Where the pipeline reads its inputs and writes its release."""

import os
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg

if TYPE_CHECKING:
    from pipeline.memo import SurveyMemo

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

    @property
    def memo(self) -> "SurveyMemo":
        """Results kept between builds for work done survey by survey."""
        from pipeline.memo import SurveyMemo

        return SurveyMemo(self.store / "by_survey")

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
