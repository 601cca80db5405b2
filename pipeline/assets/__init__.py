"""Dagster assets by layer: raw → staging → core → warehouse."""
