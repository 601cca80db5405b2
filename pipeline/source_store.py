"""IO manager for per-source assets: one file per partition, written and read in bulk."""

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import dagster as dg


class _Recent:
    """The values this process last wrote or read, by file and the file's inode, times and size.

    A build materializes the sources and then, in a second run of the same process, combines
    them: the combining run gets the very objects the first one stored instead of a second,
    unpickled copy (half the memory, none of the reading). A file changed on disk since then
    no longer matches its stamp and is read again. Only one store directory is remembered.
    """

    def __init__(self) -> None:
        self.base: str | None = None
        self.items: dict[Path, tuple[tuple[int, ...], Any]] = {}

    def _for(self, base: str) -> dict:
        if base != self.base:
            self.base, self.items = base, {}
        return self.items

    def put(self, base: str, path: Path, value: Any, stamp: tuple | None = None) -> None:
        self._for(base)[path] = (stamp or _stamp(path), value)

    def get(self, base: str, path: Path) -> tuple[bool, Any]:
        found = self._for(base).get(path)
        if found is not None and found[0] == _stamp(path):
            return True, found[1]
        return False, None


def _stamp(path: Path) -> tuple[int, ...]:
    stat = path.stat()  # a new file (os.replace) has a new inode; an edit, a new ctime
    return stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size


_RECENT = _Recent()


class SourceStore(dg.ConfigurableIOManager):
    """Pickles each partition of a per-source asset to `<base_dir>/<asset>/<source_id>.pkl`.

    Unlike Dagster's default, it accepts a single run over many partitions (a dict keyed by
    partition), so a full rebuild is one run, and it loads every partition for the assets
    that combine them.
    """

    base_dir: str

    def _path(self, asset_key: dg.AssetKey, partition: str) -> Path:
        return Path(self.base_dir, *asset_key.path, f"{partition}.pkl")

    def handle_output(self, context: dg.OutputContext, obj: dict[str, Any]) -> None:
        keys = context.asset_partition_keys
        if len(keys) == 1 and set(obj) != set(keys):
            obj = {keys[0]: obj}
        missing = sorted(set(keys) - set(obj))
        if missing:
            raise dg.DagsterInvariantViolationError(f"no output for partitions {missing[:5]}")
        for key in keys:
            path = self._path(context.asset_key, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{key}.")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(obj[key], fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            _RECENT.put(self.base_dir, path, obj[key])

    def load_input(self, context: dg.InputContext) -> dict[str, Any]:
        out = {}
        for key in context.asset_partition_keys:
            path = self._path(context.asset_key, key)
            if not path.exists():
                raise dg.DagsterInvariantViolationError(
                    f"source {key!r} has never been materialized ({path} missing): "
                    "materialize its partition of source_documents first"
                )
            known, value = _RECENT.get(self.base_dir, path)
            if not known:
                stamp = _stamp(path)  # before reading: a later change is seen next time
                with open(path, "rb") as fh:
                    value = pickle.load(fh)
                _RECENT.put(self.base_dir, path, value, stamp)
            out[key] = value
        return out
