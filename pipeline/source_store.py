"""IO manager for per-source assets: one file per partition, written and read in bulk."""

import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import dagster as dg

from pipeline.atomic import write_whole
from pipeline.recent import Recent, stamp

# A build materializes the sources and then, in a second run of the same process, combines
# them: the combining run gets the very objects the first one stored instead of a second,
# unpickled copy (half the memory, none of the reading).
_RECENT = Recent()


class Prepickled(dict):
    """Values by partition, with the pickle of each already made (e.g. by the worker process
    that read it, see pipeline.load.checked): the store writes those bytes rather than
    pickling the values again, and lets go of them. Each pickle must load as its value."""

    def __init__(self, values: Iterable[tuple[str, Any]], pickled: Iterable[tuple[str, bytes]]):
        super().__init__(values)
        self.pickled = dict(pickled)


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
        pickled = obj.pickled if isinstance(obj, Prepickled) else {}
        Path(self.base_dir, *context.asset_key.path).mkdir(parents=True, exist_ok=True)
        for key in keys:
            path = self._path(context.asset_key, key)
            data = pickled.pop(key, None)  # written once: not kept with the run's outputs
            write_whole(
                path, pickle.dumps(obj[key], pickle.HIGHEST_PROTOCOL) if data is None else data
            )
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
                at = stamp(path)  # before reading: a later change is seen next time
                with open(path, "rb") as fh:
                    value = pickle.load(fh)
                _RECENT.put(self.base_dir, path, value, at)
            out[key] = value
        return out
