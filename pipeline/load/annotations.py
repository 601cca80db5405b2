"""Curated annotations of each source: observations, attributes, claims and ignored mentions."""

from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.load.structure import check_structure
from pipeline.yamlio import load_yaml

SECTIONS = ("observations", "attributes", "claims", "ignore")


@dataclass(frozen=True)
class Annotations:
    """One source's annotation file."""

    path: Path
    source_id: str
    survey_id: str
    sections: dict[str, list[dict]]


def load_annotations(source_dir: Path) -> Annotations:
    """Read and structurally check raw/sources/<id>/annotations.yml."""
    path = source_dir / "annotations.yml"
    doc = load_yaml(path)
    check_structure(doc, "annotations", path)
    if doc["source_id"] != source_dir.name:
        raise InputError(
            path,
            f"source_id: {doc['source_id']}",
            f"source_id differs from its directory name {source_dir.name!r}",
            "use the directory name as source_id",
        )
    seen: dict[str, str] = {}
    for section in ("observations", "attributes", "claims"):
        for i, entry in enumerate(doc.get(section) or []):
            where = f"{section}[{i}] (id: {entry['id']})"
            if entry["id"] in seen:
                raise InputError(
                    path,
                    where,
                    f"duplicate entry id (already used by {seen[entry['id']]})",
                    "give each entry of the file its own id",
                )
            seen[entry["id"]] = where
    return Annotations(
        path=path,
        source_id=doc["source_id"],
        survey_id=doc["survey_id"],
        sections={s: list(doc.get(s) or []) for s in SECTIONS},
    )
