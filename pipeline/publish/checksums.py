"""SHA256SUMS: the checksum of every file of a release, and checking a release against it."""

import hashlib
from pathlib import Path

SUMS_NAME = "SHA256SUMS"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sums_line(name: str, sha256: str) -> str:
    """One line in the format of coreutils' sha256sum (two spaces: text mode)."""
    return f"{sha256}  {name}\n"


def release_files(directory: Path) -> list[str]:
    """Every file of the release but SHA256SUMS itself, as sorted relative POSIX paths."""
    return sorted(
        p.relative_to(directory).as_posix()
        for p in directory.rglob("*")
        if p.is_file() and p.name != SUMS_NAME
    )


def write_hashed(path: Path, data: bytes) -> str:
    """Write `data` to `path` and return its SHA-256, taken from the bytes in memory."""
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def write_sums(directory: Path, known: dict[str, str] | None = None) -> Path:
    """Write SHA256SUMS for every other file in `directory`; `sha256sum -c` can check it.

    `known` gives the SHA-256 of files hashed as they were written; they are not read again.
    """
    known = known or {}
    path = directory / SUMS_NAME
    text = "".join(
        sums_line(n, known[n] if n in known else sha256_file(directory / n))
        for n in release_files(directory)
    )
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def read_sums(path: Path) -> dict[str, str]:
    """File name → SHA-256 as listed in a SHA256SUMS file."""
    out = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64:
            raise ValueError(f"{path.name} line {number}: not '<sha256>  <file>'")
        name = name.removeprefix("*")
        if name.startswith("/") or ".." in name.split("/"):
            raise ValueError(f"{path.name} line {number}: {name!r} is outside the release")
        out[name] = digest
    return out


def verify(directory: Path) -> list[str]:
    """Problems of the release in `directory`, one per file: changed, missing or extra."""
    sums = directory / SUMS_NAME
    if not sums.is_file():
        return [f"missing  {SUMS_NAME}"]
    try:
        listed = read_sums(sums)
    except ValueError as err:
        return [f"unreadable  {err}"]
    present = set(release_files(directory))
    problems = []
    for name in sorted(listed.keys() | present):
        if name not in present:
            problems.append(f"missing  {name}")
        elif name not in listed:
            problems.append(f"extra    {name}")
        elif sha256_file(directory / name) != listed[name]:
            problems.append(f"changed  {name}")
    return problems
