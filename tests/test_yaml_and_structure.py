"""Input files: safe YAML only, and structural errors that name the entry."""

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load.structure import check_structure, entry_label
from pipeline.yamlio import load_yaml


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "doc.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_dates_stay_strings(tmp_path):
    assert load_yaml(write(tmp_path, "d: 2024-06-20\n")) == {"d": "2024-06-20"}


def test_python_object_tags_are_refused(tmp_path):
    path = write(tmp_path, "x: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(InputError, match=r"doc.yml: line 1: unsupported YAML tag"):
        load_yaml(path)


def test_malformed_yaml_names_the_line(tmp_path):
    with pytest.raises(InputError, match=r"doc.yml: line 4: malformed YAML"):
        load_yaml(write(tmp_path, "a: 1\nb:\n  - [x\nc: 2\n"))


def test_non_utf8_yaml_is_refused(tmp_path):
    with pytest.raises(InputError, match="not valid UTF-8"):
        load_yaml(write(tmp_path, "a: caf\xe9\n".encode("latin-1")))


def test_bom_is_accepted(tmp_path):
    assert load_yaml(write(tmp_path, "\ufeffa: 1\n")) == {"a": 1}


def test_entry_label_names_the_entry():
    doc = {"observations": [{"id": "a"}, {"id": "b", "value": 1}]}
    assert entry_label(doc, ["observations", 1, "value"]) == "observations[1] (id: b).value"
    assert entry_label(doc, []) == "top level"


@pytest.mark.parametrize(
    ("ident", "shown"),
    [("a\nb", "(id: 'a\\nb')"), ("x\ty", "(id: 'x\\ty')"), ("é\u00a0z", "(id: 'é\\xa0z')")],
)
def test_an_id_that_is_not_one_printable_line_is_shown_escaped(ident, shown):
    """Found by the long fuzz run: an id with a line break made a two-line error message."""
    doc = {"source_id": "s", "survey_id": "v", "observations": [{"id": ident}]}
    with pytest.raises(InputError) as raised:
        check_structure(doc, "annotations", Path("annotations.yml"))
    assert "\n" not in str(raised.value)
    assert raised.value.entry.startswith(f"observations[0] {shown}")


@pytest.mark.parametrize(
    ("doc", "fragment"),
    [
        ({"source_id": "s", "survey_id": "v"}, "'observations' is a required property"),
        ({"source_id": "S!", "survey_id": "v", "observations": []}, "does not match"),
        (
            {"source_id": "s", "survey_id": "v", "observations": [{"id": "x"}]},
            "observations[0] (id: x)",
        ),
        (
            {"source_id": "s", "survey_id": "v", "observations": [], "extra": 1},
            "Additional properties are not allowed",
        ),
        ({"source_id": "../etc", "survey_id": "v", "observations": []}, "does not match"),
    ],
)
def test_annotation_structure_errors(doc, fragment):
    with pytest.raises(InputError) as err:
        check_structure(doc, "annotations", Path("raw/sources/s/annotations.yml"))
    assert fragment in str(err.value)
    assert str(err.value).startswith("raw/sources/s/annotations.yml")
