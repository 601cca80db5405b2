"""Dagster's pickling filesystem IO manager, serving values this process just wrote from memory.

Every asset of the release job hands its value to the next steps through a pickle in the
Dagster home, written once and read again by each step and check that uses it: at 10,000
sources about a hundred reads of some 300 MB of pickles. Within one process the value just
written is the same value a read would give back, so it is given back directly (while its
file keeps the stamp it was written with). The files are still written, so that a step
materialized alone later, from the UI or another process, reads its inputs as before.
"""

import dataclasses
from typing import Any

import dagster as dg
import pandas as pd
from dagster._core.storage.fs_io_manager import PickledObjectFilesystemIOManager

from pipeline.recent import Recent

_RECENT = Recent()


def fresh(value: Any) -> Any:
    """The value to hand to a step in place of one unpickled afresh. Frames, and the frames
    of a dataclass such as `Reconciled`, are shallow copies: with pandas' copy-on-write, a step
    that changes its input frame changes only its own copy. Lists and dicts are new
    containers of the same items (source texts and annotations are shared as the source
    store shares them)."""
    if isinstance(value, pd.DataFrame):
        return value.copy(deep=False)
    if isinstance(value, list | dict):
        return value.copy()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        frames = {
            f.name: getattr(value, f.name).copy(deep=False)
            for f in dataclasses.fields(value)
            if f.init and isinstance(getattr(value, f.name), pd.DataFrame)
        }
        return dataclasses.replace(value, **frames) if frames else value
    return value


class _KeptPickles(PickledObjectFilesystemIOManager):
    def dump_to_path(self, context: dg.OutputContext, obj: Any, path) -> None:
        super().dump_to_path(context, obj, path)
        _RECENT.put(str(self._base_path), path, obj)

    def load_from_path(self, context: dg.InputContext, path) -> Any:
        known, value = _RECENT.get(str(self._base_path), path)
        return fresh(value) if known else super().load_from_path(context, path)


class KeptPicklesIOManager(dg.FilesystemIOManager):
    """`FilesystemIOManager` (pickles under the Dagster home's storage directory by default)
    whose reads of a value this process wrote are served from memory."""

    def create_io_manager(self, context) -> _KeptPickles:
        base_dir = self.base_dir or context.instance.storage_directory()
        return _KeptPickles(base_dir=base_dir)
