"""Per-source partitions: one partition per directory of raw/sources, keyed by source id."""

import dagster as dg

SOURCES = dg.DynamicPartitionsDefinition(name="sources")
