"""Replace a directory by another in one atomic step, so readers see one release or the other."""

import ctypes
import errno
import os
import shutil
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_libc = ctypes.CDLL(None, use_errno=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False when the system cannot."""
    fn = getattr(_libc, "renameat2", None)
    if fn is None:
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _fsync_tree(root: Path) -> None:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())
    fd = os.open(root, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def staging_dir(target: Path) -> Path:
    """A fresh empty directory beside `target`, on the same file system."""
    target.parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=f"{target.name}.new-", dir=target.parent))
    path.chmod(0o755)  # mkdtemp makes it private; a release is meant to be read
    return path


def replace_dir(new: Path, target: Path) -> None:
    """Make `new` the content of `target`. At every instant `target` is the old or the new tree."""
    _fsync_tree(new)
    if not target.exists():
        os.rename(new, target)
    elif _exchange(new, target):
        shutil.rmtree(new)  # `new` now holds the previous release
    else:
        old = Path(tempfile.mkdtemp(prefix=f"{target.name}.old-", dir=target.parent))
        os.rename(target, old / "tree")
        os.rename(new, target)
        shutil.rmtree(old)
    fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_leftovers(target: Path) -> None:
    """Delete staging trees that an interrupted build left beside `target`."""
    for path in target.parent.glob(f"{target.name}.new-*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in target.parent.glob(f"{target.name}.old-*"):
        shutil.rmtree(path, ignore_errors=True)
