"""From a new article to its figures in the release: add-source, complete the draft, build."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import build, report, run_add_source

ARTICLE = Path(__file__).parent / "data" / "new_article.txt"


def add_source(raw: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_add_source(ARTICLE, "pme_ia_brief", "cpme_2024_ia_cyber", raw, *extra)


def test_add_source_then_complete_the_draft_then_build(project):
    done = add_source(project.raw, "--outlet", "Exemple")
    assert done.returncode == 0, done.stderr
    folder = project.raw / "sources" / "pme_ia_brief"
    assert (folder / "article.txt").read_bytes() == ARTICLE.read_bytes()
    meta = yaml.safe_load((folder / "source.yml").read_text(encoding="utf-8"))
    assert meta["text_sha256"] == hashlib.sha256(ARTICLE.read_bytes()).hexdigest()
    assert meta["outlet"] == "Exemple" and meta["published_date"] is None
    draft = yaml.safe_load((folder / "draft.yml").read_text(encoding="utf-8"))["mentions"]
    assert [(m["surface"], m["kind"], m["value"]) for m in draft] == [
        ("53\u00a0%", "percent", 53.0),
        ("un quart", "fraction", 25.0),
        ("23 %", "percent", 23.0),
        ("douze derniers mois", "other", 12.0),
    ]
    text = ARTICLE.read_text(encoding="utf-8")
    for m in draft:
        assert text[m["char_start"] : m["char_end"]] == m["surface"]

    # The new source is not yet annotated: the build fails and names every gap.
    failed = build(project)
    assert "no annotation accounts for this percent" in report(failed)

    # "Près d’un quart" restates the 23 %: the draft proposes a claim with the rule reading it.
    claim = draft[1]["as_claim"]
    assert (claim["quote"], claim["rule"], claim["observations"]) == (
        "Près d’un quart",
        "nearly",
        ["TODO"],
    )
    assert [m["surface"] for m in draft if "as_claim" in m] == ["un quart"]

    # A person maps the two percentages to observations first.
    ann_path = folder / "annotations.yml"
    ann = yaml.safe_load(ann_path.read_text(encoding="utf-8"))
    ids = {"53\u00a0%": ("ai_use", "used"), "23 %": ("cyberattack", "attacked")}
    for m in draft:
        if m["surface"] in ids:
            obs = m["as_observation"]
            obs["variable_id"], obs["category_id"] = ids[m["surface"]]
            obs["population_id"] = "cpme_2024_all"
            ann["observations"].append(obs)
    ann_path.write_text(yaml.safe_dump(ann, allow_unicode=True, sort_keys=False), encoding="utf-8")

    # The draft made again proposes the claim on the one observation whose quote holds it.
    assert add_source(project.raw).returncode == 0
    draft = yaml.safe_load((folder / "draft.yml").read_text(encoding="utf-8"))["mentions"]
    assert [m["surface"] for m in draft] == ["un quart", "douze derniers mois"]
    attacked = next(o["id"] for o in ann["observations"] if o["number_text"] == "23 %")
    assert draft[0]["as_claim"]["observations"] == [attacked]

    # The claim is taken as proposed; the last number is ignored with its reason.
    ann["claims"].append(draft[0]["as_claim"])
    ann["ignore"].append({**draft[1]["as_ignore"], "reason": "reference period of the question"})
    ann_path.write_text(yaml.safe_dump(ann, allow_unicode=True, sort_keys=False), encoding="utf-8")
    curated = ann_path.read_bytes()

    # Running add-source again keeps the curated file and empties the draft.
    again = add_source(project.raw)
    assert again.returncode == 0, again.stderr
    assert ann_path.read_bytes() == curated
    assert yaml.safe_load((folder / "draft.yml").read_text(encoding="utf-8"))["mentions"] == []

    result = build(project)
    assert result.success, report(result)
    evidence = result.asset_value("fact_evidence")
    mine = evidence[evidence["source_id"] == "pme_ia_brief"]
    assert sorted(mine["number_text"]) == ["23 %", "53\u00a0%"]
    claims = result.asset_value("fact_claim")
    (verdict,) = claims[claims["source_id"] == "pme_ia_brief"]["verdict"]
    assert verdict == "supported"
    # Two sources state 53%: one observation, two evidence rows.
    used = evidence[evidence["observation_id"] == "cpme_2024_ia_cyber.ai_use.used.cpme_2024_all"]
    assert sorted(used["source_id"]) == ["petites_entreprises_part_ia", "pme_ia_brief"]


def test_add_source_refuses_a_different_text_under_an_existing_id(project, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Un autre texte : 12 % des sondés.", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "add-source",
            str(other),
            "--id",
            "petites_entreprises_part_ia",
            "--survey",
            "cpme_2024_ia_cyber",
            "--raw-dir",
            str(project.raw),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "already has a different text" in done.stderr and "choose another --id" in done.stderr


def test_add_source_refuses_an_id_that_escapes_raw(project):
    done = add_source(project.raw, "--id", "../../etc")
    assert done.returncode == 2
    assert "invalid source id" in done.stderr


def test_add_source_refuses_a_file_with_no_text(project, tmp_path):
    for name, written, html in (
        ("empty.txt", "", ()),
        ("blank.txt", " \n\t\n", ()),
        ("tags.html", "<html><body><p> </p></body></html>", ("--html",)),
    ):
        path = tmp_path / name
        path.write_text(written, encoding="utf-8")
        done = run_add_source(path, "blank_article", "cpme_2024_ia_cyber", project.raw, *html)
        assert done.returncode == 2, (name, done.stderr)
        assert done.stderr.strip().splitlines()[-1] == (
            f"error: {path}: the file holds no text: it is empty, or holds only blanks or "
            "markup. Fix: pass the file of the article's text"
        ), name
        assert not (project.raw / "sources" / "blank_article").exists()


@pytest.mark.parametrize(
    ("encoding", "byte", "problem", "source"),
    [
        ("latin-1", 18, "text is not valid UTF-8", "WINDOWS-1252"),
        ("utf-16", 0, "text is not valid UTF-8 (it is UTF-16)", "UTF-16"),
    ],
)
def test_add_source_refuses_a_file_that_is_not_utf8(
    project, tmp_path, encoding, byte, problem, source
):
    path = tmp_path / "not_utf8.txt"
    path.write_bytes("Selon un sondage réalisé auprès de 1 000 personnes, 45 %.".encode(encoding))
    done = run_add_source(path, "latin_article", "cpme_2024_ia_cyber", project.raw)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        f"error: {path}: byte {byte}: {problem}. Fix: convert the file to UTF-8 "
        f"(e.g. iconv -f {source} -t UTF-8), then add it again"
    )
    assert not (project.raw / "sources" / "latin_article").exists()


def test_add_source_refuses_an_option_source_yml_cannot_hold_before_writing(project):
    for option, value, problem in (
        ("--published-date", "hier", "'hier' is not a 'date'"),
        ("--published-date", "2025-02-30", "'2025-02-30' is not a 'date'"),
        ("--url", "exemple.fr/article", "'exemple.fr/article' does not match '^https?://'"),
    ):
        done = add_source(project.raw, option, value)
        assert done.returncode == 2, (option, value, done.stdout)
        assert f"error: {ARTICLE}: {option}: {problem}. Fix: " in done.stderr, done.stderr
        assert not (project.raw / "sources" / "pme_ia_brief").exists()
