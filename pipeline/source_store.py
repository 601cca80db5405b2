"""IO manager for per-source assets: one file per partition, written and read in bulk."""

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import dagster as dg
from pydantic import PrivateAttr


class SourceStore(dg.ConfigurableIOManager):
    """Pickles each partition of a per-source asset to `<base_dir>/<asset>/<source_id>.pkl`.

    Unlike Dagster's default, it accepts a single run over many partitions (a dict keyed by
    partition), so a full rebuild is one run, and it loads every partition for the assets
    that combine them.
    """

    base_dir: str
    # Several assets of one run read the same partitions: each file is unpickled once a run.
    _loaded: dict = PrivateAttr(default_factory=dict)

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

    def load_input(self, context: dg.InputContext) -> dict[str, Any]:
        out = {}
        for key in context.asset_partition_keys:
            path = self._path(context.asset_key, key)
            if not path.exists():
                raise dg.DagsterInvariantViolationError(
                    f"source {key!r} has never been materialized ({path} missing): "
                    "materialize its partition of source_documents first"
                )
            stamp = path.stat()
            cached = self._loaded.get(path)
            if cached is None or cached[0] != (stamp.st_mtime_ns, stamp.st_size):
                with open(path, "rb") as fh:
                    cached = ((stamp.st_mtime_ns, stamp.st_size), pickle.load(fh))
                self._loaded[path] = cached
            out[key] = cached[1]
        return out
