"""Apply the steps of a bad-input fixture to a copy of raw/: replace, write, copy, edit a text."""

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

TEXT_SHA = re.compile(r"^text_sha256: .*$", re.M)


def _path(raw: Path, relative: str) -> Path:
    path = (raw / relative).resolve()
    assert path.is_relative_to(raw.resolve()), f"fixture writes outside raw/: {relative}"
    return path


def replace(raw: Path, file: str, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in a UTF-8 file; the fixture is stale if `old` is missing."""
    path = _path(raw, file)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture out of date: {old!r} not in {file}"
    path.write_text(text.replace(old, new, count), encoding="utf-8", newline="")


def write(
    raw: Path,
    file: str,
    text: str = "",
    encoding: str = "utf-8",
    bom: bool = False,
    repeat: int = 1,
) -> None:
    """Write `text` (repeated) in `encoding`, with a UTF-8 byte-order mark if asked."""
    path = _path(raw, file)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (text * repeat).encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def reencode(raw: Path, file: str, encoding: str = "utf-8", bom: bool = False) -> None:
    """Re-save a UTF-8 file in another encoding, or with a byte-order mark."""
    text = _path(raw, file).read_text(encoding="utf-8")
    write(raw, file, text, encoding=encoding, bom=bom)


def copy(raw: Path, source: str, to: str) -> None:
    src, dst = _path(raw, source), _path(raw, to)
    if src.is_dir():
        shutil.copytree(src, dst)
    else:
        shutil.copyfile(src, dst)


def delete(raw: Path, file: str) -> None:
    path = _path(raw, file)
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def symlink(raw: Path, file: str, target: str) -> None:
    """A symbolic link at `file` pointing to `target` (taken as written: it may leave raw/)."""
    path = _path(raw, file)
    if path.exists():
        path.unlink()
    path.symlink_to(target)


def rehash(raw: Path, source: str) -> None:
    """Record the current SHA-256 of a source's text in its source.yml."""
    meta = _path(raw, f"sources/{source}/source.yml")
    doc = yaml.safe_load(meta.read_text(encoding="utf-8"))
    data = (meta.parent / doc["text_file"]).read_bytes()
    text = meta.read_text(encoding="utf-8")
    meta.write_text(
        TEXT_SHA.sub(f"text_sha256: {hashlib.sha256(data).hexdigest()}", text), encoding="utf-8"
    )


def _shift(offset: int, edits: list[tuple[int, int, int]], end: bool) -> int:
    """An offset of the old text in the new one; edits are (position, old length, growth)."""
    moved = offset
    for at, length, growth in edits:
        if at + length <= offset if end else at < offset:
            moved += growth
    return moved


def _remap(node, text: str, edits: list, edit_number: Callable[[str], str]):
    if isinstance(node, list):
        return [_remap(n, text, edits, edit_number) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _remap(v, text, edits, edit_number) for k, v in node.items()}
    if {"char_start", "char_end", "quote"} <= out.keys():
        out["char_start"] = _shift(out["char_start"], edits, end=False)
        out["char_end"] = _shift(out["char_end"], edits, end=True)
        out["quote"] = text[out["char_start"] : out["char_end"]]
        if "number_text" in out:
            out["number_text"] = edit_number(out["number_text"])
    return out


def edit_text(raw: Path, source: str, old: str, new: str, count: int = -1) -> None:
    """Edit a source's text as its curator would: offsets, quotes and checksum follow the edit.

    Every occurrence (or the first `count`) of `old` becomes `new`; each quote is re-read at
    its moved offsets and each number_text gets the same edit.
    """
    directory = _path(raw, f"sources/{source}")
    meta = yaml.safe_load((directory / "source.yml").read_text(encoding="utf-8"))
    text_path = directory / meta["text_file"]
    text = text_path.read_bytes().decode("utf-8-sig")
    edits, at = [], text.find(old)
    while at >= 0 and (count < 0 or len(edits) < count):
        edits.append((at, len(old), len(new) - len(old)))
        at = text.find(old, at + len(old))
    assert edits, f"fixture out of date: {old!r} not in the text of {source}"
    pieces, last = [], 0
    for at, length, _ in edits:
        pieces += [text[last:at], new]
        last = at + length
    edited = "".join(pieces) + text[last:]
    text_path.write_bytes(edited.encode("utf-8"))

    def edit_number(number_text: str) -> str:
        return number_text.replace(old, new) if old in number_text else number_text

    for name in ("annotations.yml", "source.yml"):
        path = directory / name
        doc = _remap(yaml.safe_load(path.read_text(encoding="utf-8")), edited, edits, edit_number)
        path.write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=4096), encoding="utf-8"
        )
    rehash(raw, source)


STEPS: dict[str, Callable[..., None]] = {
    f.__name__: f for f in (replace, write, reencode, copy, delete, symlink, rehash, edit_text)
}


def apply_steps(raw: Path, steps: list[dict]) -> None:
    """Run each `{operation: {arguments}}` of a fixture, in order."""
    for step in steps:
        ((name, args),) = step.items()
        STEPS[name](raw, **args)
