"""Check a parsed YAML document against its JSON Schema in schemas/inputs/."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from pipeline.errors import InputError

INPUT_SCHEMAS = Path(__file__).resolve().parents[2] / "schemas" / "inputs"


@cache
def _validator(name: str) -> Draft202012Validator:
    resources = []
    for path in sorted(INPUT_SCHEMAS.glob("*.schema.yml")):
        contents = yaml.safe_load(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    registry = Registry().with_resources(resources)
    schema = registry.contents(f"{name}.schema.yml")
    # Formats are annotations unless asserted: without the checker 2024-02-30 is a "date".
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def entry_label(doc: Any, path: list) -> str:
    """Human name of the entry at a JSON path, e.g. `observations[3] (id: ai_used).value`."""
    parts: list[str] = []
    node = doc
    for key in path:
        if isinstance(key, int):
            label = f"[{key}]"
            try:
                node = node[key]
            except (IndexError, KeyError, TypeError):
                parts.append(label)
                continue
            ident = _entry_id(node)
            parts.append(f"{label} ({ident})" if ident else label)
        else:
            parts.append(f".{key}" if parts else str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return "".join(parts) or "top level"


def _entry_id(node: Any) -> str | None:
    if not isinstance(node, dict):
        return None
    for key in ("id", "source_id", "survey_id", "variable_id", "category_id", "population_id"):
        if isinstance(node.get(key), str):
            return f"{key}: {node[key]}"
    return None


def _meant(err: ValidationError) -> ValidationError:
    """For a value matching none of oneOf/anyOf, the error of the one branch of its type."""
    branches: dict[int, list[ValidationError]] = {}
    for sub in err.context or []:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    meant = [subs for subs in branches.values() if all(s.validator != "type" for s in subs)]
    return meant[0][0] if len(meant) == 1 else err


def check_structure(doc: Any, schema: str, path: Path) -> None:
    """Raise InputError naming the first misplaced entry of `doc`, if any."""
    errors = sorted(_validator(schema).iter_errors(doc), key=lambda e: list(map(str, e.path)))
    if not errors:
        return
    err = _meant(errors[0])
    more = f" ({len(errors) - 1} more problem(s) after this one)" if len(errors) > 1 else ""
    # The rule's own description says what a value must be better than its regex or bound.
    rule = err.schema.get("description") if isinstance(err.schema, dict) else None
    raise InputError(
        path,
        entry_label(doc, list(err.absolute_path)),
        f"{err.message}{more}",
        f"make the entry match {INPUT_SCHEMAS.parent.name}/{INPUT_SCHEMAS.name}/{schema}.schema.yml"
        + (f" ({rule.rstrip('.')})" if rule else ""),
    )
