"""Source documents: metadata from source.yml and the text, checked against its SHA-256."""

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError
from pipeline.load.structure import check_structure
from pipeline.yamlio import load_yaml

MAX_TEXT_BYTES = 20_000_000


@dataclass(frozen=True)
class Source:
    """One source document: its metadata and its text, decoded exactly as stored."""

    source_id: str
    meta: dict
    text: str = field(repr=False)
    directory: Path

    @property
    def text_path(self) -> Path:
        return self.directory / self.meta["text_file"]


def _outside(path: Path, root: Path) -> InputError | None:
    """The error for a path that a symbolic link takes out of `root`, if it does."""
    target = path.resolve()
    if target.is_relative_to(root.resolve()):
        return None
    return InputError(
        path,
        None,
        f"is a link to {target}, outside raw/sources",
        f"copy the {'source directory' if path.is_dir() else 'file'} into raw/sources "
        "instead of linking to it",
    )


def source_dirs(raw_dir: Path) -> list[Path]:
    """Every source directory under raw/sources, in id order; at least one, none outside."""
    root = raw_dir / "sources"
    if not root.is_dir():
        raise InputError(root, None, "no sources directory", "create raw/sources/<source_id>/")
    with os.scandir(root) as entries:  # one directory read, no stat for plain directories
        found = sorted(
            (e.name, e.is_symlink()) for e in entries if not e.name.startswith(".") and e.is_dir()
        )
    dirs = [root / name for name, _ in found]
    if not dirs:
        # An empty release would replace the published one.
        raise InputError(
            root,
            None,
            "no source directory",
            "add raw/sources/<source_id>/ with source.yml, the text and annotations.yml",
        )
    for directory, (_, link) in zip(dirs, found, strict=True):
        # Only a link can lead outside: a plain directory of root resolves inside it.
        if link and (err := _outside(directory, root)) is not None:
            raise err
    return dirs


def decode_text(data: bytes, path: Path, then: str = "then update text_sha256") -> str:
    """UTF-8 text with a leading byte-order mark dropped and line endings kept as stored;
    `then` ends the fix an error gives.

    Offsets in annotations count characters of this string: CRLF counts two.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        # A byte-order mark of UTF-16 names the encoding; else Windows' is the likely one.
        encoding = "UTF-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "WINDOWS-1252"
        raise InputError(
            path,
            f"byte {err.start}",
            "text is not valid UTF-8" + (" (it is UTF-16)" if encoding == "UTF-16" else ""),
            f"convert the file to UTF-8 (e.g. iconv -f {encoding} -t UTF-8), {then}",
        ) from None


def load_source(directory: Path) -> Source:
    """Read and verify one source directory."""
    meta_path = directory / "source.yml"
    meta = load_yaml(meta_path)
    check_structure(meta, "source", meta_path)
    if meta["source_id"] != directory.name:
        raise InputError(
            meta_path,
            f"source_id: {meta['source_id']}",
            f"source_id differs from its directory name {directory.name!r}",
            "rename the directory or the source_id so that they match",
        )
    text_path = directory / meta["text_file"]
    if not text_path.is_file():
        raise InputError(
            meta_path,
            "text_file",
            f"{text_path.name} not found beside source.yml",
            "put the text file in the source directory",
        )
    if (err := _outside(text_path, directory.parent)) is not None:
        raise err
    size = text_path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InputError(
            text_path,
            None,
            f"text is {size} bytes, above the limit of {MAX_TEXT_BYTES}",
            "split the document or raise MAX_TEXT_BYTES after measuring memory",
        )
    data = text_path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != meta["text_sha256"]:
        raise InputError(
            meta_path,
            "text_sha256",
            f"{text_path.name} has SHA-256 {digest}, not the recorded {meta['text_sha256']}",
            "restore the original text; if the new text is intended, re-check every "
            "annotation offset and record the new checksum",
        )
    text = decode_text(data, text_path)
    if not text.strip():
        raise InputError(text_path, None, "text is empty", "add the article text")
    return Source(source_id=meta["source_id"], meta=meta, text=text, directory=directory)


def load_sources(raw_dir: Path) -> list[Source]:
    """All sources under raw/sources, verified."""
    return [load_source(d) for d in source_dirs(raw_dir)]
