"""Values this process last wrote or read, each kept with its file's stamp."""

import os
from pathlib import Path
from typing import Any


def stamp(path: str | os.PathLike) -> tuple[int, ...]:
    """Inode, times and size: a new file (os.replace) has a new inode; an edit, a new ctime."""
    stat = os.stat(path)
    return stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size


class Recent:
    """The values last written to or read from files under one base directory, by path.

    A value is given back only while its file still has the stamp it had when the value was
    written or read: a file changed on disk since (by another process, say) is read again.
    Only one base directory is remembered: values of another build are dropped.
    """

    def __init__(self) -> None:
        self.base: str | None = None
        self.items: dict[str, tuple[tuple[int, ...], Any]] = {}

    def _for(self, base: str) -> dict:
        if base != self.base:
            self.base, self.items = base, {}
        return self.items

    def put(self, base: str, path: str | Path, value: Any, at: tuple | None = None) -> None:
        self._for(base)[str(path)] = (at or stamp(path), value)

    def get(self, base: str, path: str | Path) -> tuple[bool, Any]:
        found = self._for(base).get(str(path))
        if found is not None and found[0] == stamp(path):
            return True, found[1]
        return False, None
