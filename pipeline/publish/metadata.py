"""The dataset's release metadata, read from raw/release.yml: what it is and its versions."""

from dataclasses import dataclass
from pathlib import Path

from pipeline.load.structure import check_structure
from pipeline.yamlio import load_yaml

RELEASE_FILE = "release.yml"


@dataclass(frozen=True)
class Version:
    version: str
    date: str
    data_digest: str
    changes: list[str]


@dataclass(frozen=True)
class ReleaseInfo:
    """Everything in raw/release.yml; `versions` newest first."""

    name: str
    title: str
    description: str
    keywords: list[str]
    language: list[str]
    licenses: list[dict]
    quotations: str
    contributors: list[dict]
    versions: list[Version]
    path: str

    @property
    def latest(self) -> Version:
        return self.versions[0]


def load_release_info(raw_dir: Path) -> ReleaseInfo:
    """Read and check raw/release.yml against schemas/inputs/release.schema.yml."""
    path = raw_dir / RELEASE_FILE
    doc = load_yaml(path)
    check_structure(doc, "release", path)
    return ReleaseInfo(
        name=doc["name"],
        title=doc["title"],
        description=doc["description"],
        keywords=list(doc.get("keywords", [])),
        language=list(doc.get("language", [])),
        licenses=doc["licenses"],
        quotations=doc["quotations"],
        contributors=doc["contributors"],
        versions=[Version(**v) for v in doc["versions"]],
        path=str(path),
    )
