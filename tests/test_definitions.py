"""The Dagster definitions load; every asset has a group and a description; graph snapshot."""

import json
import os
from pathlib import Path

import dagster as dg

from pipeline.definitions import build_definitions
from schemas import PUBLISHED, table_spec

WARNING_CHECKS = {"claim_verdicts", "sources_agree"}
SNAPSHOT = Path(__file__).parent / "golden" / "definitions.json"


def snapshot(defs: dg.Definitions) -> dict:
    graph = defs.resolve_asset_graph()
    assets = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        assets[key.to_user_string()] = {
            "group": node.group_name,
            "description": (node.description or "").split("\n")[0],
            "kinds": sorted(node.kinds),
            "deps": sorted(k.to_user_string() for k in node.parent_keys),
        }
    checks = sorted(f"{k.asset_key.to_user_string()}:{k.name}" for k in graph.asset_check_keys)
    return {"assets": assets, "checks": checks}


def test_definitions_match_snapshot():
    got = snapshot(build_definitions())
    if os.environ.get("UPDATE_GOLDEN"):
        SNAPSHOT.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_every_asset_has_group_and_description():
    graph = build_definitions().resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.group_name in {"raw", "staging", "core", "derived", "warehouse"}, key
        assert node.description and len(node.description) > 20, key


def test_every_published_table_has_an_asset_with_its_column_schema():
    graph = build_definitions().resolve_asset_graph()
    for model in PUBLISHED:
        spec = table_spec(model)
        node = graph.get(dg.AssetKey(spec.name))
        columns = node.metadata["dagster/column_schema"].columns
        assert [c.name for c in columns] == spec.column_names


def test_every_foreign_key_and_schema_has_a_blocking_check():
    graph = build_definitions().resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    for model in PUBLISHED:
        spec = table_spec(model)
        assert (spec.name, f"{spec.name}_schema") in checks
        if spec.foreign_keys:
            assert (spec.name, f"{spec.name}_foreign_keys") in checks
    for key in graph.asset_check_keys:
        # Only checks whose failure is a finding about a source, not bad data, may warn.
        assert graph.get_check_spec(key).blocking or key.name in WARNING_CHECKS, key


def test_uses_the_in_process_executor():
    assert build_definitions().executor is dg.in_process_executor
