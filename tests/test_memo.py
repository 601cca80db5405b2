"""Work kept survey by survey (pipeline/memo.py): what it returns is what computing every
survey at once returns, cold or warm, and a change recomputes only the surveys it touches."""

import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from bench.corpus import generate
from pipeline import memo
from pipeline.derive.consistency import consistency_findings
from pipeline.derive.derived import fact_derived
from pipeline.load.annotations import load_annotations
from pipeline.load.codelists import load_codelists
from pipeline.load.sources import source_dirs
from pipeline.memo import NOT_KEPT, SurveyMemo, bucket_numbers
from pipeline.model import dims, entries, facts
from pipeline.reconcile import reconcile
from pipeline.resources import PROJECT_ROOT


@dataclass
class Inputs:
    entries: pd.DataFrame
    populations: pd.DataFrame
    surveys: pd.DataFrame
    variables: pd.DataFrame
    categories: pd.DataFrame


def inputs(raw: Path) -> Inputs:
    codelists = load_codelists(raw)
    return Inputs(
        entries.observation_entries([load_annotations(d) for d in source_dirs(raw)]),
        dims.dim_population(codelists),
        dims.dim_survey(codelists),
        dims.dim_variable(codelists),
        dims.dim_category(codelists),
    )


def everything(i: Inputs, kept: SurveyMemo) -> dict[str, pd.DataFrame]:
    """The three kept computations, as the assets chain them."""
    reconciled = reconcile(i.entries, i.populations, kept)
    observations = facts.fact_observation(reconciled.entries)
    return {
        "entries": reconciled.entries,
        "fact_reconciliation": reconciled.table,
        "fact_derived": fact_derived(
            observations, i.populations, i.surveys, i.variables, i.categories, kept
        ),
        "findings": consistency_findings(
            observations, i.populations, i.variables, i.categories, memo=kept
        ),
    }


def groups(i: Inputs, buckets: int = 7) -> int:
    """How many groups of surveys the entries fall in."""
    n = len(set(bucket_numbers(i.entries["survey_id"], buckets)))
    assert n >= 3  # enough groups for a change to leave some alone
    return n


def assert_same(got: dict, expected: dict) -> None:
    assert got.keys() == expected.keys()
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(got[name], frame, check_exact=True, obj=name)


@pytest.fixture(scope="module", params=[(60, 3), (90, 11)], ids=["60-sources", "90-sources"])
def corpus(request, tmp_path_factory) -> Inputs:
    n, seed = request.param
    raw = tmp_path_factory.mktemp("corpus") / "raw"
    generate(n, raw, seed=seed)
    return inputs(raw)


@pytest.fixture
def counted(monkeypatch):
    """How many groups of surveys each kept function computed."""
    calls: dict[str, int] = {}
    real = SurveyMemo.map

    def map_counting(self, name, fn, split, shared=()):
        def counting(*args):
            calls[name] = calls.get(name, 0) + 1
            return fn(*args)

        return real(self, name, counting, split, shared)

    monkeypatch.setattr(SurveyMemo, "map", map_counting)
    return calls


@pytest.mark.parametrize("buckets", [2, 7, 64])
def test_kept_or_not_the_results_are_those_of_every_survey_at_once(corpus, tmp_path, buckets):
    expected = everything(corpus, NOT_KEPT)
    assert len(expected["fact_reconciliation"]) and len(expected["fact_derived"])
    assert_same(everything(corpus, SurveyMemo(None, buckets)), expected)
    kept = SurveyMemo(tmp_path, buckets)
    assert_same(everything(corpus, kept), expected)  # computed and stored
    assert_same(everything(corpus, kept), expected)  # read back


def test_the_project_sources_kept_or_not(tmp_path):
    """The seed and the second article: settled bases, a differing figure."""
    shutil.copytree(PROJECT_ROOT / "raw", tmp_path / "raw")
    second = PROJECT_ROOT / "tests" / "data" / "second_source" / "sources"
    shutil.copytree(second, tmp_path / "raw" / "sources", dirs_exist_ok=True)
    project = inputs(tmp_path / "raw")
    expected = everything(project, NOT_KEPT)
    assert expected["entries"]["settled_by_source_id"].notna().any()
    assert_same(everything(project, SurveyMemo(tmp_path / "kept")), expected)
    assert_same(everything(project, SurveyMemo(tmp_path / "kept")), expected)


def test_unchanged_inputs_compute_nothing(corpus, tmp_path, counted):
    kept = SurveyMemo(tmp_path, 7)
    everything(corpus, kept)
    n = groups(corpus)
    assert counted == {"reconcile": n, "fact_derived": n, "consistency": n}
    counted.clear()
    everything(corpus, kept)
    assert counted == {}


def _one_survey_changed(i: Inputs) -> tuple[Inputs, str]:
    """A copy whose last survey's first entry states another value, its rows moved first (the
    positions of every other row shift)."""
    survey = i.entries["survey_id"].iloc[-1]
    mine = i.entries["survey_id"].eq(survey)
    changed = i.entries.copy()
    first = changed.index[mine][0]
    changed.loc[first, "value"] = changed.loc[first, "value"] + 1
    changed = pd.concat([changed[mine], changed[~mine]], ignore_index=True)
    return Inputs(changed, i.populations, i.surveys, i.variables, i.categories), survey


def test_a_changed_survey_recomputes_its_group_only(corpus, tmp_path, counted):
    kept = SurveyMemo(tmp_path, 7)
    everything(corpus, kept)
    changed, survey = _one_survey_changed(corpus)
    expected = everything(changed, NOT_KEPT)
    counted.clear()
    got = everything(changed, kept)
    assert counted == {"reconcile": 1, "fact_derived": 1, "consistency": 1}
    assert_same(got, expected)
    assert got["entries"].loc[0, "survey_id"] == survey
    before = everything(corpus, NOT_KEPT)["entries"]
    assert (
        not got["entries"]
        .sort_values("entry_id")
        .reset_index(drop=True)["value"]
        .equals(before.sort_values("entry_id").reset_index(drop=True)["value"])
    )


def test_shared_inputs_and_code_are_part_of_the_key(corpus, tmp_path, counted, monkeypatch):
    kept = SurveyMemo(tmp_path, 7)
    everything(corpus, kept)
    relabelled = Inputs(
        corpus.entries,
        corpus.populations,
        corpus.surveys,
        corpus.variables,
        corpus.categories.assign(label_en=corpus.categories["label_en"] + " (new)"),
    )
    expected = everything(relabelled, NOT_KEPT)
    counted.clear()
    assert_same(everything(relabelled, kept), expected)
    # Categories go whole to every group: reconciliation does not read them, the others do.
    n = groups(corpus)
    assert counted == {"fact_derived": n, "consistency": n}
    monkeypatch.setattr(memo, "code_version", lambda: "another version of the code")
    counted.clear()
    everything(relabelled, kept)
    assert counted == {"reconcile": n, "fact_derived": n, "consistency": n}


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(("key only",))])
def test_a_damaged_kept_result_is_computed_again(corpus, tmp_path, counted, damage):
    kept = SurveyMemo(tmp_path, 7)
    expected = everything(corpus, kept)
    files = sorted((tmp_path / "fact_derived").glob("*.pkl"))
    assert len(files) == groups(corpus)
    files[1].write_bytes(damage)
    counted.clear()
    assert_same(everything(corpus, kept), expected)
    assert counted == {"fact_derived": 1}
    assert pickle.loads(files[1].read_bytes())[0] != "key only"  # stored again, whole
    assert not list(tmp_path.rglob(".*.tmp"))


def test_no_rows_is_one_empty_group(corpus, tmp_path):
    none = Inputs(
        corpus.entries.head(0),
        corpus.populations,
        corpus.surveys,
        corpus.variables,
        corpus.categories,
    )
    assert_same(everything(none, SurveyMemo(tmp_path, 7)), everything(none, NOT_KEPT))


def test_groups_are_the_same_in_every_process():
    """Python's own str hash changes from one process to the next; the groups must not."""
    ids = ["cpme_2024_ia_cyber", "synth_00007", "sondage-été", None]
    script = (
        "import pandas as pd; from pipeline.memo import bucket_numbers; "
        f"print(list(bucket_numbers(pd.Series({ids!r}), 64)))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(PROJECT_ROOT)},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert seen == {f"{list(bucket_numbers(pd.Series(ids), 64))}\n"}


def _chunked(values: list) -> pd.Series:
    """The same strings as pd.Series(values, dtype="str"), in Arrow chunks of one value."""
    chunks = pa.chunked_array([pa.array([v], pa.large_string()) for v in values])
    return pd.Series(pd.arrays.ArrowExtensionArray(chunks)).astype("str")


def test_equal_frames_have_one_digest_however_they_are_stored():
    plain = pd.DataFrame({"survey_id": pd.Series(["a", "b", "c"], dtype="str"), "v": [1.0, 2, 3]})
    chunked = plain.assign(survey_id=_chunked(["a", "b", "c"]))
    taken = pd.concat([plain.iloc[[2]], plain.iloc[:2]]).take([1, 2, 0]).reset_index(drop=True)
    shared = "x" * 3
    same_object = pd.DataFrame({"o": pd.Series([shared, shared], dtype=object)})
    equal_objects = pd.DataFrame({"o": pd.Series(["xxx", "".join(["xx", "x"])], dtype=object)})
    assert memo.digest([plain]) == memo.digest([chunked]) == memo.digest([taken])
    assert memo.digest([same_object]) == memo.digest([equal_objects])


@pytest.mark.parametrize(
    "other",
    [
        pd.DataFrame({"o": pd.Series([None, "b"], dtype=object), "v": [0.0, 1.0]}),
        pd.DataFrame({"o": pd.Series(["a", 1], dtype=object), "v": [0.0, 1.0]}),
        pd.DataFrame({"o": pd.Series(["a", "b"], dtype=object), "v": [-0.0, 1.0]}),
        pd.DataFrame({"o": pd.Series(["a", "b"], dtype=object), "w": [0.0, 1.0]}),
        pd.DataFrame({"o": pd.Series(["a", "b"], dtype="str"), "v": [0.0, 1.0]}),
        pd.DataFrame({"o": pd.Series(["a", "b"], dtype=object), "v": [0, 1]}),
        pd.DataFrame({"o": pd.Series(["b", "a"], dtype=object), "v": [1.0, 0.0]}),
    ],
    ids=["none-for-text", "int-for-text", "minus-zero", "renamed", "str-type", "int-type", "order"],
)
def test_a_cell_type_or_order_that_differs_changes_the_digest(other):
    base = pd.DataFrame({"o": pd.Series(["a", "b"], dtype=object), "v": [0.0, 1.0]})
    nan = base.assign(o=pd.Series([float("nan"), "b"], dtype=object))
    assert memo.digest([base]) != memo.digest([other])
    assert memo.digest([nan]) != memo.digest([base.assign(o=pd.Series([None, "b"], dtype=object))])
