"""datapackage.json: a Frictionless Data Package (v2) describing every file of the release."""

import json

from pipeline.publish.changelog import Resolved
from pipeline.publish.metadata import ReleaseInfo
from schemas.spec import ColumnSpec, TableSpec

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
FORMATS = {
    "parquet": {"format": "parquet", "mediatype": "application/vnd.apache.parquet"},
    "csv": {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8"},
}


def resource_name(table: str, fmt: str) -> str:
    """The Parquet resource takes the table's name; its CSV copy adds '_csv'."""
    return table if fmt == "parquet" else f"{table}_csv"


def _pattern(regex: str) -> str:
    # Table Schema patterns are implicitly anchored (XML Schema regular expressions).
    return regex.removeprefix("^").removesuffix("$")


# Bounds a Parquet resource's nullable numbers do not carry: frictionless reads a null number
# of a Parquet file as NaN and checks it against them, so that a null is refused as out of
# bounds. The CSV copy of the table carries them (a null there is an empty cell).
UNBOUNDED_IN_PARQUET = ("minimum", "maximum")


def field(col: ColumnSpec, example: object, fmt: str = "csv") -> dict:
    constraints = {"required": True} if not col.nullable else {}
    for key, value in col.constraints.items():
        if key == "pattern":
            if col.type == "string":
                constraints["pattern"] = _pattern(value)
        elif not (
            fmt == "parquet"
            and col.nullable
            and col.type in ("number", "integer")
            and key in UNBOUNDED_IN_PARQUET
        ):
            constraints[key] = value
    out = {"name": col.name, "type": col.type, "description": col.description}
    if example is not None:
        out["example"] = example
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(spec: TableSpec, fmt: str, examples: dict[str, object]) -> dict:
    schema: dict = {
        "fields": [field(c, examples.get(c.name), fmt) for c in spec.columns],
        "missingValues": [""],
    }
    if spec.primary_key:
        schema["primaryKey"] = list(spec.primary_key)
    fks = []
    for fk in spec.foreign_keys:
        ref = {"fields": list(fk["reference"]["fields"])}
        if fk["reference"]["resource"] != spec.name:  # v2: no resource means this one
            ref = {"resource": resource_name(fk["reference"]["resource"], fmt), **ref}
        fks.append({"fields": list(fk["fields"]), "reference": ref})
    if fks:
        schema["foreignKeys"] = fks
    return schema


def resource(spec: TableSpec, fmt: str, examples: dict, stats: tuple[int, str] | None) -> dict:
    """A table in one format; `stats` (bytes, sha256) is given for files Frictionless hashes."""
    out = {
        "name": resource_name(spec.name, fmt),
        "type": "table",
        "path": f"{spec.name}.{fmt}",
        "title": spec.title if fmt == "parquet" else f"{spec.title} (CSV)",
        "description": spec.description,
        **FORMATS[fmt],
    }
    if stats is not None:
        out["bytes"], out["hash"] = stats[0], f"sha256:{stats[1]}"
    out["schema"] = table_schema(spec, fmt, examples)
    return out


def datapackage(
    info: ReleaseInfo,
    version: Resolved,
    tables: list[tuple[TableSpec, dict]],
    csv_stats: dict[str, tuple[int, str]],
    sources: list[dict],
) -> dict:
    """The descriptor. `tables` pairs each spec with its examples; `csv_stats` is by file name.

    Parquet resources carry no bytes or hash: Frictionless reads Parquet without its byte
    stream and would report them as mismatched. SHA256SUMS covers every file.
    """
    resources = []
    for spec, examples in tables:
        resources.append(resource(spec, "parquet", examples, None))
        resources.append(resource(spec, "csv", examples, csv_stats[f"{spec.name}.csv"]))
    return {
        "$schema": PROFILE,
        "name": info.name,
        "title": info.title,
        "description": " ".join(info.description.split())
        + "\n\nQuotations: "
        + " ".join(info.quotations.split()),
        "version": version.version,
        "created": f"{version.date}T00:00:00Z",
        "keywords": info.keywords,
        "licenses": info.licenses,
        "contributors": info.contributors,
        "sources": sources,
        "resources": resources,
    }


def datapackage_json(descriptor: dict) -> str:
    """The text of datapackage.json."""
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
