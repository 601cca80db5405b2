"""Per-source partitions: the sensor registers sources, one source is rebuilt alone, and a
source changed since its partition was materialized is never published."""

import dataclasses
import json
import os
import pickle
import shutil

import dagster as dg
import pytest

from pipeline import sensors
from pipeline.assets import raw as raw_assets
from pipeline.definitions import build_definitions
from pipeline.errors import InputError
from pipeline.load.documents import FORMAT, input_digest, reading_version
from pipeline.orchestrate import QUIET, run_build
from pipeline.partitions import SOURCES
from pipeline.sensors import STATE_DIR, raw_sources_sensor, state_file

from .conftest import SEED_ID, report

NEW_ID = "pme_ia_copy"


def add_copy_of_seed(raw, new_id=NEW_ID):
    """A second source: the seed's files under another id (same figures, same quotes)."""
    folder = raw / "sources" / new_id
    shutil.copytree(raw / "sources" / SEED_ID, folder)
    for name in ("source.yml", "annotations.yml"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(SEED_ID, new_id), encoding="utf-8")


def test_sensor_registers_new_sources_and_requests_changed_ones(project):
    with dg.DagsterInstance.ephemeral() as instance:
        context = dg.build_sensor_context(instance=instance, resources={"paths": project})
        first = raw_sources_sensor(context)
        assert [r.partition_key for r in first.run_requests] == [SEED_ID]
        assert first.dynamic_partitions_requests[0].partition_keys == [SEED_ID]
        instance.add_dynamic_partitions(SOURCES.name, [SEED_ID])

        add_copy_of_seed(project.raw)
        context = dg.build_sensor_context(
            instance=instance, resources={"paths": project}, cursor=context.cursor
        )
        second = raw_sources_sensor(context)
        assert [r.partition_key for r in second.run_requests] == [NEW_ID]
        assert second.dynamic_partitions_requests[0].partition_keys == [NEW_ID]

        shutil.rmtree(project.raw / "sources" / NEW_ID)
        context = dg.build_sensor_context(
            instance=instance, resources={"paths": project}, cursor=context.cursor
        )
        third = raw_sources_sensor(context)
        assert third.run_requests == []
        assert third.dynamic_partitions_requests[1].partition_keys == []


def _requested(request: dg.RunRequest) -> str:
    """The partition a run request reads, or "first..last" for one run over a range."""
    if request.partition_key is not None:
        return request.partition_key
    return f"{request.partition_key_range.start}..{request.partition_key_range.end}"


def _evaluate(instance, project, cursor):
    context = dg.build_sensor_context(
        instance=instance, resources={"paths": project}, cursor=cursor
    )
    result = raw_sources_sensor(context)
    return [_requested(r) for r in result.run_requests], context.cursor


def _state_files(project) -> list[str]:
    return sorted(p.stem for p in (project.store / STATE_DIR).glob("*.json"))


def test_sensor_cursor_is_the_name_of_its_state_file(project):
    """Dagster stores the cursor with every tick: it stays 64 characters however many
    sources there are, and names the file that holds each source's digest."""
    seed = project.raw / "sources" / SEED_ID
    with dg.DagsterInstance.ephemeral() as instance:
        requested, first = _evaluate(instance, project, None)
        assert requested == [SEED_ID] and len(first) == 64
        state = json.loads(state_file(project, first).read_text())
        assert state["version"] == reading_version()
        assert list(state["sources"]) == [SEED_ID]
        assert state["sources"][SEED_ID]["digest"] == input_digest(seed)
        assert _evaluate(instance, project, first) == ([], first)  # nothing changed
        assert _state_files(project) == [first]

        add_copy_of_seed(project.raw)
        # The tick that saw the new source is not recorded (the cursor stays): the next one
        # requests it again, from the file the old cursor names.
        assert _evaluate(instance, project, first)[0] == [NEW_ID]
        requested, second = _evaluate(instance, project, first)
        assert requested == [NEW_ID] and second != first
        assert _state_files(project) == sorted([first, second])
        assert _evaluate(instance, project, second) == ([], second)
        assert _state_files(project) == [second]


@pytest.mark.parametrize(
    "cursor",
    [
        "legacy",  # {source: digest}, as an earlier version kept it in the cursor
        "flat file",  # and then in the state file, without the pipeline's version
        "0" * 64,  # its file is gone (the store was emptied)
        "../../etc/hostname",  # not a name this sensor gives
        "damaged",
    ],
)
def test_sensor_without_its_state_file_reads_every_source_again(project, cursor):
    if cursor == "legacy":
        cursor = json.dumps({SEED_ID: input_digest(project.raw / "sources" / SEED_ID)})
    if cursor == "flat file":
        cursor = "2" * 64
        state_file(project, cursor).parent.mkdir(parents=True)
        digests = {SEED_ID: input_digest(project.raw / "sources" / SEED_ID)}
        state_file(project, cursor).write_text(json.dumps(digests), encoding="utf-8")
    if cursor == "damaged":
        cursor = "1" * 64
        state_file(project, cursor).parent.mkdir(parents=True)
        state_file(project, cursor).write_text('{"truncated', encoding="utf-8")
    with dg.DagsterInstance.ephemeral() as instance:
        got, new_cursor = _evaluate(instance, project, cursor)
    assert got == [SEED_ID]
    assert json.loads(state_file(project, new_cursor).read_text())["sources"][SEED_ID]["digest"]


def test_sensor_hashes_only_sources_whose_files_changed(project, monkeypatch):
    """A tick compares each source's file stats with those it recorded, and reads and hashes
    only the sources whose stats differ; a touched file is read again but, its bytes being
    the same, requests nothing."""
    add_copy_of_seed(project.raw)
    hashed = []

    def counting(directory, text_file="article.txt"):
        hashed.append(directory.name)
        return input_digest(directory, text_file)

    monkeypatch.setattr(sensors, "input_digest", counting)
    with dg.DagsterInstance.ephemeral() as instance:
        requested, cursor = _evaluate(instance, project, None)
        assert requested == [f"{SEED_ID}..{NEW_ID}"]  # the first tick: one run reads all
        assert sorted(hashed) == sorted([SEED_ID, NEW_ID])
        hashed.clear()
        assert _evaluate(instance, project, cursor) == ([], cursor) and hashed == []

        annotations = project.raw / "sources" / NEW_ID / "annotations.yml"
        os.utime(annotations)  # same bytes, new times
        requested, cursor = _evaluate(instance, project, cursor)
        assert requested == [] and hashed == [NEW_ID]
        hashed.clear()

        annotations.write_text(annotations.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        requested, cursor = _evaluate(instance, project, cursor)
        assert requested == [NEW_ID] and hashed == [NEW_ID]


def _keys(instance, project, cursor):
    context = dg.build_sensor_context(
        instance=instance, resources={"paths": project}, cursor=cursor
    )
    return [r.run_key for r in raw_sources_sensor(context).run_requests], context.cursor


def test_every_request_has_a_run_key_of_its_own(project, monkeypatch):
    """Dagster launches a run key once. A source edited back to an earlier text, and a
    pipeline version rolled back and forth, must each be read again: no key repeats."""
    seen = []
    with dg.DagsterInstance.ephemeral() as instance:
        keys, cursor = _keys(instance, project, None)
        seen += keys
        annotations = project.raw / "sources" / SEED_ID / "annotations.yml"
        original = annotations.read_text(encoding="utf-8")
        for text in (original + "\n", original, original + "\n"):  # edit, revert, edit again
            annotations.write_text(text, encoding="utf-8")
            keys, cursor = _keys(instance, project, cursor)
            assert len(keys) == 1
            seen += keys
        for version in ("1" * 64, "2" * 64, "1" * 64, "2" * 64):  # an upgrade, rolled back…
            monkeypatch.setattr(sensors, "reading_version", lambda v=version: v)
            keys, cursor = _keys(instance, project, cursor)
            assert len(keys) == 1
            seen += keys
    assert len(set(seen)) == len(seen) == 8


def test_after_an_upgrade_the_sensor_reads_every_source_again_in_one_run(project, monkeypatch):
    """After the pipeline's code or lexicons change, every stored document is refused; the
    sensor sees its version change and requests one run over every partition, in their
    order, which reads them all again, as `make run` does, rather than one run per source."""
    for i in range(2):
        add_copy_of_seed(project.raw, f"copy_{i}")
    defs = build_definitions(project)
    with dg.DagsterInstance.ephemeral() as instance:
        assert run_build(defs, instance, project, run_config=QUIET).success
        order = instance.get_dynamic_partitions(SOURCES.name)
        with monkeypatch.context() as before_upgrade:
            before_upgrade.setattr(sensors, "reading_version", lambda: "0" * 64)
            _, cursor = _evaluate(instance, project, None)
            assert _evaluate(instance, project, cursor) == ([], cursor)  # nothing changed
        for stored in (project.store / "source_documents").glob("*.pkl"):  # read by old code
            doc = pickle.loads(stored.read_bytes())
            stored.write_bytes(pickle.dumps(dataclasses.replace(doc, code="0" * 64)))
        release = defs.resolve_job_def("release_job")
        refused = release.execute_in_process(instance=instance, raise_on_error=False)
        assert not refused.success

        context = dg.build_sensor_context(
            instance=instance, resources={"paths": project}, cursor=cursor
        )
        (request,) = raw_sources_sensor(context).run_requests
        assert _requested(request) == f"{order[0]}..{order[-1]}"
        assert _evaluate(instance, project, context.cursor) == ([], context.cursor)

        run = defs.resolve_job_def("source_job").execute_in_process(
            instance=instance, tags=request.tags, raise_on_error=False, run_config=QUIET
        )
        assert run.success
        assert {e.partition for e in run.get_asset_materialization_events()} == set(order)
        published = release.execute_in_process(
            instance=instance, raise_on_error=False, run_config=QUIET
        )
        assert published.success


def test_one_source_is_rebuilt_alone_and_stale_sources_are_refused(project):
    add_copy_of_seed(project.raw)
    defs = build_definitions(project)
    with dg.DagsterInstance.ephemeral() as instance:
        full = run_build(defs, instance, project, run_config=QUIET)
        assert full.success, report(full)
        assert len(full.runs) == 2  # every source in one run, then the release
        evidence = full.asset_value("fact_evidence")
        assert sorted(set(evidence["source_id"])) == [SEED_ID, NEW_ID]

        # The copy drops one figure; only its partition is materialized again.
        ann = project.raw / "sources" / NEW_ID / "annotations.yml"
        text = ann.read_text(encoding="utf-8")
        start = text.index("  - id: measures_firewalls")
        end = text.index("# Survey, population and variable attributes")
        ann.write_text(
            text[:start] + "  - id: measures_firewalls_dropped\n" + text[end:], encoding="utf-8"
        )
        broken = run_build(defs, instance, project, only=[NEW_ID], run_config=QUIET)
        assert not broken.success
        assert "(id: measures_firewalls_dropped)" in report(broken)
        assert "is a required property" in report(broken)

        ann.write_text(text[:start] + text[end:], encoding="utf-8")
        one = run_build(defs, instance, project, only=[NEW_ID], run_config=QUIET)
        # The copy no longer accounts for its 66%: the coverage check names it.
        assert "mention '66%'" in report(one)

        ann.write_text(text, encoding="utf-8")
        fixed = run_build(defs, instance, project, only=[NEW_ID], run_config=QUIET)
        assert fixed.success, report(fixed)
        source_runs = [r for r in fixed.runs if r.dagster_run.job_name == "source_job"]
        assert [r.dagster_run.tags.get("dagster/partition") for r in source_runs] == [NEW_ID]

        # A source edited after its partition was materialized is not published.
        seed_ann = project.raw / "sources" / SEED_ID / "annotations.yml"
        seed_ann.write_text(seed_ann.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        stale = run_build(defs, instance, project, only=[NEW_ID], run_config=QUIET)
        assert not stale.success
        assert f"source_id: {SEED_ID}" in report(stale)
        assert "changed after this source's partition was materialized" in report(stale)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"format": FORMAT - 1}, id="older shape"),
        pytest.param({"code": "0" * 64}, id="other code or lexicons"),
    ],
)
def test_a_source_stored_by_another_pipeline_is_read_again(project, change):
    """A stored document from before a change of its shape, or read by other code or other
    lexicons (other mentions, other per-source checks), is refused, never published."""
    add_copy_of_seed(project.raw)
    defs = build_definitions(project)
    with dg.DagsterInstance.ephemeral() as instance:
        assert run_build(defs, instance, project, run_config=QUIET).success
        stored = project.store / "source_documents" / f"{SEED_ID}.pkl"
        doc = pickle.loads(stored.read_bytes())
        assert doc.code == reading_version()
        stored.write_bytes(pickle.dumps(dataclasses.replace(doc, **change)))
        stale = run_build(defs, instance, project, only=[NEW_ID], run_config=QUIET)
        assert not stale.success
        assert "materialized by another version of the pipeline" in report(stale)
        assert f"source_id: {SEED_ID}" in report(stale)
        assert run_build(defs, instance, project, run_config=QUIET).success  # a full build


def test_every_stale_source_is_named_in_one_error(project, monkeypatch):
    """After an upgrade every stored document is stale: one error names each (up to the
    limit), and says how many more there are."""
    for i in range(3):
        add_copy_of_seed(project.raw, f"copy_{i}")
    defs = build_definitions(project)
    with dg.DagsterInstance.ephemeral() as instance:
        assert run_build(defs, instance, project, run_config=QUIET).success
    docs = [
        pickle.loads(p.read_bytes())
        for p in sorted((project.store / "source_documents").glob("*.pkl"))
    ]
    assert len(docs) == 4
    upgraded = [dataclasses.replace(d, code="0" * 64) for d in docs]
    monkeypatch.setattr(raw_assets, "MAX_PROBLEMS", 3)
    with pytest.raises(InputError) as raised:
        raw_assets._current(upgraded)
    lines = str(raised.value).splitlines()
    for i, ln in enumerate(lines[:3]):  # in id order: the seed's copies, then the seed
        assert (
            f"copy_{i}: source_id: copy_{i}: this source's partition was materialized by "
            "another version of the pipeline (its code or its lexicons). Fix: materialize its "
            "partition of source_documents again (make run does it)" in ln
        )
    assert lines[3] == (
        "raw/sources: 1 more source(s) of the same kind. Fix: make run reads every source again"
    )
    assert raw_assets._current(docs) == docs  # read by this code: all current
