"""Values handed between steps: served from memory in the process that wrote them, read from
their pickle otherwise, and a step that changes its input changes only its own copy."""

import dataclasses
import pickle

import dagster as dg
import pandas as pd
import pytest
from dagster._core.storage.fs_io_manager import PickledObjectFilesystemIOManager

from pipeline.io_manager import KeptPicklesIOManager, fresh


@dataclasses.dataclass(frozen=True)
class Pair:
    frame: pd.DataFrame
    label: str


@dg.asset
def numbers() -> pd.DataFrame:
    return pd.DataFrame({"a": [1, 2, 3], "name": ["x", "y", "z"]})


@dg.asset
def pair(numbers: pd.DataFrame) -> Pair:
    return Pair(numbers, "p")


@dg.asset
def changes_its_input(numbers: pd.DataFrame, pair: Pair) -> int:
    numbers["a"] = 0  # in place, on its own input
    pair.frame.loc[0, "name"] = "changed"
    return int(numbers["a"].sum())


@dg.asset(deps=[changes_its_input])
def reads_after(numbers: pd.DataFrame, pair: Pair) -> list:
    return [int(numbers["a"].sum()), pair.frame.loc[0, "name"], pair.label]


DEFS = dg.Definitions(
    assets=[numbers, pair, changes_its_input, reads_after],
    resources={"io_manager": KeptPicklesIOManager()},
    executor=dg.in_process_executor,
)


@pytest.fixture
def disk_reads(monkeypatch):
    reads = []
    original = PickledObjectFilesystemIOManager.load_from_path

    def counting(self, context, path):
        reads.append(path.name)
        return original(self, context, path)

    monkeypatch.setattr(PickledObjectFilesystemIOManager, "load_from_path", counting)
    return reads


def test_values_written_in_this_process_are_not_read_back(tmp_path, disk_reads):
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        result = DEFS.resolve_job_def("__ASSET_JOB").execute_in_process(instance=instance)
    assert result.success
    assert disk_reads == []
    # The step that changed its inputs in place changed its own copies only.
    assert result.output_for_node("changes_its_input") == 0
    assert result.output_for_node("reads_after") == [6, "x", "p"]


def test_a_file_rewritten_elsewhere_is_read_again(tmp_path, disk_reads):
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        job = DEFS.resolve_job_def("__ASSET_JOB")
        assert job.execute_in_process(instance=instance).success
        # Another process materializes `numbers` again: its pickle changes under this one.
        path = tmp_path / "storage" / "numbers"
        assert path.is_file()
        path.write_bytes(pickle.dumps(pd.DataFrame({"a": [10, 20], "name": ["u", "v"]})))
        later = job.execute_in_process(
            instance=instance, asset_selection=[dg.AssetKey("reads_after")]
        )
    assert later.success
    assert disk_reads == ["numbers"]  # `pair` did not change: still served from memory
    assert later.output_for_node("reads_after") == [30, "x", "p"]


@pytest.mark.parametrize(
    ("value", "same_object"),
    [
        (pd.DataFrame({"a": [1]}), False),
        ([1, 2], False),
        ({"k": 1}, False),
        (Pair(pd.DataFrame({"a": [1]}), "p"), False),
        ("text", True),
        (3, True),
    ],
)
def test_fresh_gives_equal_values(value, same_object):
    got = fresh(value)
    assert (got is value) == same_object
    if isinstance(value, pd.DataFrame):
        pd.testing.assert_frame_equal(got, value)
    elif isinstance(value, Pair):
        pd.testing.assert_frame_equal(got.frame, value.frame)
        assert got.frame is not value.frame and got.label == value.label
    else:
        assert got == value
