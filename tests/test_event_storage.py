"""The project's event log stores what Dagster's own SQLite event log stores, in fewer writes
and on kept connections; and a run over many sources shows each source's own check status in
its partition."""

import shutil
import warnings
from pathlib import Path

import dagster as dg
import pytest

from pipeline import event_storage
from pipeline.definitions import build_definitions
from pipeline.event_storage import OPEN_ENGINES, BatchingSqliteEventLogStorage
from pipeline.instance import write_settings
from pipeline.orchestrate import QUIET, run_build

from .conftest import SEED_ID

PARTS = dg.DynamicPartitionsDefinition(name="parts")
KEYS = [f"p{i:03d}" for i in range(60)]


warnings.filterwarnings("ignore", "Parameter `backfill_policy`", dg.BetaWarning)


@dg.asset(partitions_def=PARTS, backfill_policy=dg.BackfillPolicy.single_run())
def numbers(context: dg.AssetExecutionContext) -> None:
    for key in context.partition_keys:
        context.add_asset_metadata({"key": key, "n": int(key[1:])}, partition_key=key)


@dg.asset(deps=[numbers])
def total() -> None:
    """An unpartitioned asset downstream, as the release is."""


DEFS = dg.Definitions(
    assets=[numbers, total],
    jobs=[
        dg.define_asset_job("parts_job", selection=[numbers]),
        dg.define_asset_job("total_job", selection=[total]),
    ],
    executor=dg.in_process_executor,
)


def _run_twice(instance: dg.DagsterInstance) -> dict:
    """Materialize every partition (twice, as rebuilds do) and the downstream asset; read back
    what the UI shows."""
    instance.add_dynamic_partitions(PARTS.name, KEYS)
    tags = {
        "dagster/asset_partition_range_start": KEYS[0],
        "dagster/asset_partition_range_end": KEYS[-1],
    }
    runs = []
    for _ in range(2):
        result = DEFS.resolve_job_def("parts_job").execute_in_process(instance=instance, tags=tags)
        assert result.success
        runs.append(result.run_id)
    assert DEFS.resolve_job_def("total_job").execute_in_process(instance=instance).success
    key = dg.AssetKey("numbers")
    latest = instance.get_latest_materialization_event(key)
    per_partition = {
        r.partition_key: {m: v.value for m, v in r.asset_materialization.metadata.items()}
        for r in instance.fetch_materializations(key, limit=1000).records
        if r.run_id == runs[-1]
    }
    planned = instance.get_records_for_run(
        runs[-1], of_type=dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED
    ).records
    record = instance.get_asset_records([key])[0].asset_entry
    return {
        "materialized": sorted(instance.get_materialized_partitions(key)),
        "per_partition": per_partition,
        "planned": sorted(r.event_log_entry.dagster_event.partition for r in planned),
        "latest_run_is_last": latest.run_id == runs[-1],
        "last_run_id_is_last": record.last_run_id == runs[-1],
        "materializations": len(instance.fetch_materializations(key, limit=1000).records),
        "keys": sorted(k.to_user_string() for k in instance.all_asset_keys()),
    }


@pytest.fixture
def homes(tmp_path):
    stock = tmp_path / "stock"
    stock.mkdir()
    (stock / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return stock, write_settings(tmp_path / "batching")


def test_batching_storage_stores_what_dagster_stores(homes, monkeypatch):
    monkeypatch.delenv("DAGSTER_EVENT_BATCH_SIZE", raising=False)
    stock, batching = homes
    with dg.DagsterInstance.from_config(str(stock)) as instance:
        assert type(instance.event_log_storage).__name__ == "SqliteEventLogStorage"
        expected = _run_twice(instance)

    batches = []
    original = BatchingSqliteEventLogStorage.store_event_batch

    def counting(self, events):
        batches.append(len(events))
        return original(self, events)

    monkeypatch.setattr(BatchingSqliteEventLogStorage, "store_event_batch", counting)
    with dg.DagsterInstance.from_config(str(batching)) as instance:
        assert isinstance(instance.event_log_storage, BatchingSqliteEventLogStorage)
        got = _run_twice(instance)

    assert got == expected
    assert got["materialized"] == KEYS and got["materializations"] == 2 * len(KEYS)
    assert got["per_partition"]["p007"] == {"key": "p007", "n": 7}
    # Two runs × (planned + materialized) batches of 60 events, not 240 single writes.
    assert batches == [len(KEYS)] * 4


def test_each_source_partition_shows_its_own_checks(project, tmp_path):
    """One run over two sources: the broken one's partition says FAILED and names the entry;
    the other's says passed."""
    broken = "copie_incomplete"
    folder = project.raw / "sources" / broken
    shutil.copytree(project.raw / "sources" / SEED_ID, folder)
    for name in ("source.yml", "annotations.yml"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(SEED_ID, broken), "utf-8")
    ann = folder / "annotations.yml"
    text = ann.read_text(encoding="utf-8")
    start = text.index("  - id: measures_firewalls")
    end = text.index("# Survey, population and variable attributes")
    ann.write_text(text[:start] + text[end:], encoding="utf-8")  # its 66% is left unaccounted

    with dg.DagsterInstance.from_config(str(write_settings(tmp_path / "home"))) as instance:
        result = run_build(build_definitions(project), instance, project, run_config=QUIET)
        assert not result.success  # the release's blocking checks stop it
        key = dg.AssetKey("source_documents")
        metadata = {
            r.partition_key: r.asset_materialization.metadata
            for r in instance.fetch_materializations(key, limit=10).records
        }
    assert metadata[SEED_ID]["checks"].value == "passed"
    assert metadata[SEED_ID]["problems"].value == 0
    assert metadata[broken]["checks"].value == "FAILED"
    assert metadata[broken]["problems"].value == 1
    assert "mention '66%'" in metadata[broken]["failures"].value
    assert f"sources/{broken}/annotations.yml" in metadata[broken]["failures"].value


def test_engines_are_kept_per_database_and_renewed_when_the_file_goes(tmp_path, monkeypatch):
    """One engine per database for a whole run (not one per event); a run database removed
    behind the storage's back gets a new engine and file; at most OPEN_ENGINES stay open."""
    created = []
    real = event_storage.create_engine

    def counting(conn_string, **kwargs):
        created.append(conn_string.rsplit("/", 1)[-1])
        return real(conn_string, **kwargs)

    monkeypatch.setattr(event_storage, "create_engine", counting)
    with dg.DagsterInstance.from_config(str(write_settings(tmp_path / "home"))) as instance:
        storage = instance.event_log_storage
        job = DEFS.resolve_job_def("total_job")
        first = job.execute_in_process(instance=instance)
        events = instance.get_records_for_run(first.run_id).records
        assert first.success and len(events) > 10
        assert sorted(created) == sorted([f"{first.run_id}.db", "index.db"])

        created.clear()
        run_db = storage.path_for_shard(first.run_id)
        Path(run_db).unlink()  # e.g. another process wiping the event log
        storage.store_event(events[0].event_log_entry)
        assert created == [f"{first.run_id}.db"]
        assert len(instance.get_records_for_run(first.run_id).records) == 1

        for _ in range(OPEN_ENGINES + 2):
            assert job.execute_in_process(instance=instance).success
        assert len(storage._engines.engines) == OPEN_ENGINES
        assert storage.get_asset_records([dg.AssetKey("total")])[0].asset_entry.last_run_id
    assert storage._engines.engines == {}  # disposed with the instance


def test_commits_are_not_synced_one_by_one(tmp_path):
    """The run and index databases are in WAL mode with synchronous=NORMAL (1): a commit waits
    for no disk sync, and the events of a run are all read back."""
    with dg.DagsterInstance.from_config(str(write_settings(tmp_path / "home"))) as instance:
        storage = instance.event_log_storage
        result = DEFS.resolve_job_def("total_job").execute_in_process(instance=instance)
        assert result.success
        for shard in (result.run_id, "index"):
            with storage._connect(shard) as conn:
                modes = [conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in PRAGMAS]
            assert modes == ["wal", 1], shard
        assert len(instance.get_records_for_run(result.run_id).records) > 10


PRAGMAS = ("journal_mode", "synchronous")
