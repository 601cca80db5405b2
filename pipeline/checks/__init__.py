"""Turning validation outcomes into Dagster asset-check results."""
