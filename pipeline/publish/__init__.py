"""Writers of the release: Parquet, DuckDB, and the atomic swap of warehouse/."""
