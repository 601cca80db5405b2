"""The Dagster UI as a person uses it: start `dagster dev`, materialize everything the way the UI
does (GraphQL launchRun), see every check pass, look at the asset graph, stop the server."""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.instance import write_settings
from pipeline.publish.checksums import verify
from pipeline.resources import PROJECT_ROOT
from schemas import PUBLISHED, FactObservation, table_spec

from ..conftest import RAW
from ..release.chromium import Chromium, screenshot_path

DAGSTER = str(Path(sys.executable).with_name("dagster"))
SOURCE_ASSET = "source_documents"
# dagster dev stops on SIGINT, and maps SIGTERM to it; a shell may have left SIGINT ignored.
RESTORE_SIGINT = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)
LAUNCH_RUN = """
mutation LaunchRun($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on InvalidSubsetError { message }
  }
}"""
ADD_PARTITION = """
mutation Add($repo: RepositorySelector!, $key: String!) {
  addDynamicPartition(repositorySelector: $repo, partitionsDefName: "sources",
                      partitionKey: $key) {
    __typename
    ... on PythonError { message }
  }
}"""
ASSETS = """{ assetNodes { assetKey { path } description
  metadataEntries { label ... on TableSchemaMetadataEntry { schema { columns { name } } } }
  assetMaterializations(limit: 1) { runId metadataEntries { label
    ... on IntMetadataEntry { intValue } ... on MarkdownMetadataEntry { mdStr } } }
  assetChecksOrError { ... on AssetChecks { checks { name
    executionForLatestMaterialization { runId status evaluation { success } } } } } } }"""
# A graph node shows an asset's name, shortened as 'stg_obser…_entries' when long.
SHOWN = """document.body.innerText.split('\\n').some(line => line === name
  || (line.includes('…') && name.startsWith(line.split('…')[0])
      && name.endsWith(line.split('…')[1])))"""
LOCATIONS = """{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus
  locationOrLoadError { __typename ... on RepositoryLocation { repositories { name } } } } } } }"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DagsterUI:
    """`dagster dev` in its own process group, on a temporary home, raw/ and warehouse/."""

    def __init__(self, root: Path):
        self.root, self.port = root, free_port()
        shutil.copytree(RAW, root / "raw")
        write_settings(root / "home")
        env = {
            **os.environ,
            "DAGSTER_HOME": str(root / "home"),
            "SURVEY_FIGURES_RAW_DIR": str(root / "raw"),
            "SURVEY_FIGURES_WAREHOUSE_DIR": str(root / "warehouse"),
        }
        self.log = open(root / "dagster.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                RESTORE_SIGINT,
                DAGSTER,
                "dev",
                "-m",
                "pipeline.definitions",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.pgid = self.process.pid

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
        assert "errors" not in answer, answer["errors"]
        return answer["data"]

    def wait_until_loaded(self, timeout: float = 180) -> tuple[str, str]:
        """(location, repository) once the code location has loaded."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log_tail()
            try:
                entries = self.graphql(LOCATIONS)["workspaceOrError"]["locationEntries"]
            except OSError:
                entries = []
            for entry in entries:
                loc = entry["locationOrLoadError"] or {}
                loaded = loc.get("__typename") == "RepositoryLocation"
                if entry["loadStatus"] == "LOADED" and loaded:
                    return entry["name"], loc["repositories"][0]["name"]
                if loc.get("__typename") == "PythonError":
                    pytest.fail(f"code location failed to load: {loc}")
            time.sleep(1)
        pytest.fail(f"dagster dev did not load within {timeout}s\n{self.log_tail()}")

    def group_processes(self) -> list[int]:
        """Live (non-zombie) processes of the server's process group."""
        out = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.pgid and fields[0] != "Z":
                out.append(int(stat.parent.name))
        return out

    def stop(self, timeout: float = 90) -> list[int]:
        """SIGTERM to dagster dev, which shuts its services down; the processes left after."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=timeout)
        deadline = time.monotonic() + 30
        while self.group_processes() and time.monotonic() < deadline:
            time.sleep(0.5)
        left = self.group_processes()
        if left:
            os.killpg(self.pgid, signal.SIGKILL)
            self.process.wait(timeout=30)
        self.log.close()
        return left

    def log_tail(self) -> str:
        self.log.flush()
        return (self.root / "dagster.log").read_text(errors="replace")[-4000:]


def launch(ui: DagsterUI, location: str, repository: str, job: str, tags: dict) -> str:
    """What the UI sends to materialize a job's assets and checks (GraphQL launchRun)."""
    nodes = [
        n
        for n in ui.graphql(ASSETS)["assetNodes"]
        if (n["assetKey"]["path"] == [SOURCE_ASSET]) == (job == "source_job")
    ]
    params = {
        "mode": "default",
        "runConfigData": {},
        "executionMetadata": {"tags": [{"key": k, "value": v} for k, v in tags.items()]},
        "selector": {
            "repositoryLocationName": location,
            "repositoryName": repository,
            "jobName": job,
            "assetSelection": [{"path": n["assetKey"]["path"]} for n in nodes],
            "assetCheckSelection": [
                {"assetKey": {"path": n["assetKey"]["path"]}, "name": c["name"]}
                for n in nodes
                for c in n["assetChecksOrError"]["checks"]
            ],
        },
    }
    result = ui.graphql(LAUNCH_RUN, {"executionParams": params})["launchRun"]
    assert result["__typename"] == "LaunchRunSuccess", result
    return result["run"]["runId"]


def add_source_partitions(ui: DagsterUI, location: str, repository: str) -> list[str]:
    """Register every source of raw/ as a partition, as the sensor does."""
    keys = sorted(p.name for p in (ui.root / "raw" / "sources").iterdir() if p.is_dir())
    repo = {"repositoryLocationName": location, "repositoryName": repository}
    for key in keys:
        added = ui.graphql(ADD_PARTITION, {"repo": repo, "key": key})["addDynamicPartition"]
        assert added["__typename"] in (
            "AddDynamicPartitionSuccess",
            "DuplicateDynamicPartitionError",
        ), added
    return keys


def wait_for_run(ui: DagsterUI, run_id: str, timeout: float = 600) -> str:
    query = "query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = ui.graphql(query, {"id": run_id})["runOrError"]["status"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            return status
        time.sleep(1)
    pytest.fail(f"run {run_id} not finished after {timeout}s\n{ui.log_tail()}")


def check_asset_pages(nodes: dict, run_id: str, warehouse: Path) -> None:
    """Every asset materialized by the run, every check passed, tables fully described."""
    assert nodes.pop(SOURCE_ASSET)["assetMaterializations"], "no source partition materialized"
    for key, node in nodes.items():
        assert node["assetMaterializations"][0]["runId"] == run_id, key
        for check in node["assetChecksOrError"]["checks"]:
            execution = check["executionForLatestMaterialization"]
            assert execution["runId"] == run_id, (key, check["name"])
            assert execution["status"] == "SUCCEEDED", (key, check["name"], execution)
            assert execution["evaluation"]["success"], (key, check["name"])
    for spec in map(table_spec, PUBLISHED):
        node = nodes[spec.name]
        assert node["description"] == spec.description
        schema = next(e for e in node["metadataEntries"] if e["label"] == "dagster/column_schema")
        assert [c["name"] for c in schema["schema"]["columns"]] == spec.column_names
        meta = {e["label"]: e for e in node["assetMaterializations"][0]["metadataEntries"]}
        rows = pq.read_metadata(warehouse / f"{spec.name}.parquet").num_rows
        assert meta["dagster/row_count"]["intValue"] == rows
        assert meta["preview"]["mdStr"].startswith("| " + spec.column_names[0])


def screenshots(ui: DagsterUI, asset_names: list[str], shots: Path) -> list[Path]:
    """The asset graph upstream of the release, and a table's asset page, as a person sees them."""
    with Chromium(1600, 1400) as browser:
        page = browser.page()
        page.goto(
            f"{ui.url}/assets/warehouse_release?view=lineage&lineageScope=upstream&lineageDepth=10"
        )
        page.wait_until(f"{json.dumps(asset_names)}.every(name => {SHOWN})", timeout=90)
        time.sleep(1)  # let the graph finish its layout animation
        graph = page.screenshot(screenshot_path(shots, "dagster_asset_graph.png"), False)
        page.goto(f"{ui.url}/assets/fact_observation")
        description = table_spec(FactObservation).description
        page.wait_until(
            f"document.body.innerText.includes({json.dumps(description[:40])}) && "
            "document.body.innerText.includes('Row count')",
            timeout=90,
        )
        asset = page.screenshot(screenshot_path(shots, "dagster_fact_observation.png"))
        page.close()
    return [graph, asset]


@pytest.mark.slow
def test_materialize_all_from_the_ui(tmp_path):
    ui = DagsterUI(tmp_path)
    try:
        location, repository = ui.wait_until_loaded()
        keys = add_source_partitions(ui, location, repository)
        # All sources in a single run (the asset's single-run backfill policy), then the release.
        sources = launch(
            ui,
            location,
            repository,
            "source_job",
            {
                "dagster/asset_partition_range_start": keys[0],
                "dagster/asset_partition_range_end": keys[-1],
            },
        )
        assert wait_for_run(ui, sources) == "SUCCESS", ui.log_tail()
        run_id = launch(ui, location, repository, "release_job", {})
        assert wait_for_run(ui, run_id) == "SUCCESS", ui.log_tail()
        nodes = {"/".join(n["assetKey"]["path"]): n for n in ui.graphql(ASSETS)["assetNodes"]}
        check_asset_pages(nodes, run_id, tmp_path / "warehouse")
        assert verify(tmp_path / "warehouse") == []
        for shot in screenshots(ui, sorted(nodes), tmp_path / "shots"):
            assert shot.stat().st_size > 20_000
    finally:
        left = ui.stop()
    assert left == [], f"processes left after stopping dagster dev: {left}"
    assert ui.group_processes() == []
