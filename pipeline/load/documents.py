"""A source directory read whole: text, metadata, annotations and the numbers in the text."""

import functools
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.extract.lexicon import LEXICON_DIR
from pipeline.load.annotations import Annotations, load_annotations
from pipeline.load.sources import Source, load_source
from pipeline.memo import code_version
from pipeline.model.mentions import mention_rows

INPUT_FILES = ("source.yml", "annotations.yml")
# Bumped whenever SourceDocument changes shape: documents stored by an older pipeline are
# read again from raw/ rather than trusted.
FORMAT = 3


@functools.cache
def reading_version() -> str:
    """SHA-256 over the pipeline's code (memo.code_version) and the extractor's lexicons: a
    document read by other code or lexicons may hold other mentions or have passed other
    checks, so it is read again rather than published."""
    h = hashlib.sha256(code_version().encode())
    for path in sorted(LEXICON_DIR.glob("*.yml")):
        h.update(f"{path.name}\0".encode() + path.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class SourceDocument:
    """Everything one source contributes, and a digest of the files it was read from."""

    source: Source
    annotations: Annotations
    mentions: tuple[tuple, ...]  # pipeline.model.mentions.MENTION_COLUMNS
    digest: str
    stats: tuple = ()  # input_stats() of the files, taken with their digest
    format: int = FORMAT
    code: str = ""  # reading_version() of the process that read it


def input_digest(directory: Path, text_file: str = "article.txt") -> str:
    """SHA-256 over the source's metadata, annotations and text, in that order."""
    h = hashlib.sha256()
    for name in (*INPUT_FILES, text_file):
        path = directory / name
        h.update(name.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"(missing)")
    return h.hexdigest()


def input_stats(directory: Path, text_file: str) -> tuple:
    """Size, modification and change times and inode of each input file (None if missing):
    while none of them changes, neither do the bytes that `input_digest` reads."""
    stats, base = [], os.fspath(directory)
    for name in (*INPUT_FILES, text_file):
        try:  # a string path: a Path per file cost more than the stat (30,000 per sensor tick)
            st = os.stat(os.path.join(base, name))
        except OSError:
            stats.append(None)
            continue
        stats.append((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return tuple(stats)


def is_current(doc: SourceDocument) -> bool:
    """Whether the files of `doc`'s directory still hold what it was read from: their stats
    are unchanged, or else their digest is."""
    directory, text_file = doc.source.directory, doc.source.meta["text_file"]
    if doc.stats and input_stats(directory, text_file) == doc.stats:
        return True
    return input_digest(directory, text_file) == doc.digest


def load_document(directory: Path) -> SourceDocument:
    """Read, verify and extract one source directory."""
    source = load_source(directory)
    annotations = load_annotations(directory)
    text_file = source.meta["text_file"]
    return SourceDocument(
        source=source,
        annotations=annotations,
        mentions=mention_rows(source),
        stats=input_stats(directory, text_file),
        digest=input_digest(directory, text_file),
        code=reading_version(),
    )


def read_block(directories: list[Path]) -> list[SourceDocument] | InputError:
    """The documents of `directories`, or the InputError of the first bad one."""
    try:
        return [load_document(d) for d in directories]
    except InputError as err:
        return err
