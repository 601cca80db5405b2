"""Bad curated input fails with a message naming file, entry and fix; warehouse/ is kept."""

import shutil
from pathlib import Path

import pytest

from .conftest import SEED_ID, build, report, tree_digest

ANNOTATIONS = f"sources/{SEED_ID}/annotations.yml"


def replace_in(raw: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    path = raw / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture out of date: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def unknown_variable(raw: Path) -> None:
    replace_in(raw, ANNOTATIONS, "variable_id: ai_use\n", "variable_id: ai_usage\n")


def quote_not_in_text(raw: Path) -> None:
    replace_in(
        raw,
        ANNOTATIONS,
        '"11% envisagent de le faire prochainement"',
        '"11% envisagent de le faire bientôt"',
    )


def value_differs_from_quote(raw: Path) -> None:
    replace_in(raw, ANNOTATIONS, "    value: 78\n", "    value: 87\n")


def duplicate_entry_id(raw: Path) -> None:
    replace_in(raw, ANNOTATIONS, "  - id: ai_considering\n", "  - id: ai_used\n")


def malformed_yaml(raw: Path) -> None:
    replace_in(raw, ANNOTATIONS, "    unit: percent\n", "    unit: [percent\n")


def changed_text(raw: Path) -> None:
    replace_in(raw, f"sources/{SEED_ID}/article.txt", "53%", "58%")


def offsets_out_of_range(raw: Path) -> None:
    replace_in(raw, ANNOTATIONS, "    char_end: 424\n", "    char_end: 99424\n")


def number_not_in_quote(raw: Path) -> None:
    replace_in(raw, ANNOTATIONS, '    number_text: "53%"\n', '    number_text: "54%"\n')


def population_of_another_survey(raw: Path) -> None:
    other = (raw / "surveys" / "cpme_2024_ia_cyber.yml").read_text(encoding="utf-8")
    other = other.replace("cpme_2024_ia_cyber", "other_survey").replace("cpme_2024_", "other_")
    (raw / "surveys" / "other_survey.yml").write_text(other, encoding="utf-8")
    replace_in(
        raw,
        ANNOTATIONS,
        "    population_id: cpme_2024_ai_users\n",
        "    population_id: other_ai_users\n",
    )


def quote_in_related_link(raw: Path) -> None:
    text = (raw / f"sources/{SEED_ID}/article.txt").read_text(encoding="utf-8")
    quote = "La panne informatique mondiale"
    start = text.index(quote)
    replace_in(
        raw,
        ANNOTATIONS,
        "attributes:\n",
        "attributes:\n"
        + (
            f"  - id: trap\n    entity: survey\n    entity_id: cpme_2024_ia_cyber\n"
            f'    attribute: year\n    value: "2024"\n    quote: "{quote}"\n'
            f"    char_start: {start}\n    char_end: {start + len(quote)}\n"
            f'    number_text: "panne"\n'
        ),
    )


CASES = [
    # (mutation, fragments the report must contain)
    (
        unknown_variable,
        [
            ANNOTATIONS,
            "observations[0] (id: ai_used)",
            "unknown variable_id 'ai_usage'",
            "use one of",
        ],
    ),
    (
        quote_not_in_text,
        [ANNOTATIONS, "(id: ai_considering)", "quote is not the text", "copy the quote verbatim"],
    ),
    (value_differs_from_quote, [ANNOTATIONS, "(id: purpose_content)", "value 87 differs", "'78%'"]),
    (duplicate_entry_id, [ANNOTATIONS, "observations[1] (id: ai_used)", "duplicate entry id"]),
    (malformed_yaml, [ANNOTATIONS, "line", "malformed YAML"]),
    (changed_text, ["source.yml", "text_sha256", "not the recorded", "restore the original text"]),
    (
        offsets_out_of_range,
        [ANNOTATIONS, "(id: ai_used)", "out of range", "found at char_start: 321"],
    ),
    (number_not_in_quote, [ANNOTATIONS, "(id: ai_used)", "'54%' does not occur"]),
    (
        population_of_another_survey,
        [ANNOTATIONS, "(id: purpose_content)", "belongs to survey 'other_survey'"],
    ),
    (quote_in_related_link, [ANNOTATIONS, "(id: trap)", "non-reporting passage"]),
]


@pytest.fixture(scope="module")
def good_release(tmp_path_factory) -> Path:
    from pipeline.resources import ProjectPaths

    from .conftest import RAW

    root = tmp_path_factory.mktemp("good")
    shutil.copytree(RAW, root / "raw")
    result = build(ProjectPaths(raw_dir=str(root / "raw"), warehouse_dir=str(root / "wh")))
    assert result.success, report(result)
    return root / "wh"


@pytest.mark.parametrize(("mutate", "fragments"), CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_input_fails_loudly_and_keeps_the_release(project, good_release, mutate, fragments):
    shutil.copytree(good_release, project.warehouse)
    before = tree_digest(project.warehouse)
    mutate(project.raw)
    result = build(project)
    text = report(result)
    assert not result.success or "ERROR" in text
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} missing from:\n{text}"
    assert tree_digest(project.warehouse) == before
    assert not list(project.warehouse.parent.glob("warehouse.new-*"))
