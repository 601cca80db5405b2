"""Files written whole or not at all: a reader sees the old file or the new one, never a part."""

import os
import threading
from pathlib import Path


def write_whole(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: a temporary file of this thread, then a rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        with open(os.open(tmp, flags, 0o600), "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
