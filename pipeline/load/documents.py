"""A source directory read whole: text, metadata, annotations and the numbers in the text."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.load.annotations import Annotations, load_annotations
from pipeline.load.cores import map_chunks
from pipeline.load.sources import Source, load_source
from pipeline.model.mentions import mention_rows

INPUT_FILES = ("source.yml", "annotations.yml")
# Bumped whenever SourceDocument changes shape: documents stored by an older pipeline are
# read again from raw/ rather than trusted.
FORMAT = 2


@dataclass(frozen=True)
class SourceDocument:
    """Everything one source contributes, and a digest of the files it was read from."""

    source: Source
    annotations: Annotations
    mentions: tuple[tuple, ...]  # pipeline.model.mentions.MENTION_COLUMNS
    digest: str
    format: int = FORMAT


def input_digest(directory: Path, text_file: str = "article.txt") -> str:
    """SHA-256 over the source's metadata, annotations and text, in that order."""
    h = hashlib.sha256()
    for name in (*INPUT_FILES, text_file):
        path = directory / name
        h.update(name.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"(missing)")
    return h.hexdigest()


def load_document(directory: Path) -> SourceDocument:
    """Read, verify and extract one source directory."""
    source = load_source(directory)
    return SourceDocument(
        source=source,
        annotations=load_annotations(directory),
        mentions=mention_rows(source),
        digest=input_digest(directory, source.meta["text_file"]),
    )


def load_documents(directories: list[Path], workers: int | None = None) -> list[SourceDocument]:
    """`load_document` of every directory, in order, on every core for many sources (each
    source is independent); the first bad source in order raises its InputError, as reading
    them one by one would."""
    docs: list[SourceDocument] = []
    for outcome in map_chunks(read_block, directories, workers):
        if isinstance(outcome, InputError):
            raise outcome
        docs += outcome
    return docs


def read_block(directories: list[Path]) -> list[SourceDocument] | InputError:
    """The documents of `directories`, or the InputError of the first bad one."""
    try:
        return [load_document(d) for d in directories]
    except InputError as err:
        return err
