"""Input files: safe YAML only, and structural errors that name the entry."""

import pickle
from pathlib import Path

import pytest

from pipeline.derive.lexicon import load_lexicon
from pipeline.draft import draft_entry
from pipeline.errors import InputError
from pipeline.extract import extract_mentions
from pipeline.load.structure import check_structure, entry_label
from pipeline.yamlio import load_yaml
from schemas.units import UNITS


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
    # One line per problem, each naming the file: no line is a fragment of an id.
    assert all(line.startswith("annotations.yml: ") for line in str(raised.value).splitlines())
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


@pytest.mark.parametrize(
    ("unit", "fix"),
    [
        # as the article writes it: a word or symbol of the lexicon
        ("km²", "write unit: square_kilometres"),
        ("heures", "write unit: hours"),
        ("ha", "write unit: hectares"),
        ("%", "write unit: percent"),
        ("€", "write unit: euro"),
        ("pts", "write unit: points"),
        # misspelt or in another form
        ("year", "write unit: years"),
        ("hectare", "write unit: hectares"),
        ("kilometers", "write unit: kilometres"),
        ("percentage", "write unit: percent"),
        ("Percent", "write unit: percent"),
        # a rate as written
        ("‰", "write unit: per_thousand"),
        ("pour 100 000", "write unit: per_hundred_thousand"),
        ("par million", "write unit: per_million"),
        ("per thousand", "write unit: per_thousand"),
    ],
)
def test_a_unit_written_another_way_is_named_with_the_unit_it_stands_for(unit, fix):
    doc = {"source_id": "s", "survey_id": "v", "observations": [_observation(0, unit=unit)]}
    with pytest.raises(InputError) as raised:
        check_structure(doc, "annotations", Path("annotations.yml"))
    assert raised.value.entry == "observations[0] (id: o0).unit"
    assert raised.value.problem == f"unit {unit} is not one of the {len(UNITS)} values allowed"
    assert raised.value.fix == fix


def test_a_value_of_no_enum_is_named_with_the_schema_rule():
    doc = {"source_id": "s", "survey_id": "v", "observations": [_observation(0, unit="foo")]}
    with pytest.raises(InputError) as raised:
        check_structure(doc, "annotations", Path("annotations.yml"))
    assert raised.value.problem.startswith(
        "'foo' is not one of ['percent', 'percent_of_quantity', 'percent_rate', 'count'"
    )
    assert raised.value.fix.startswith("make the entry match schemas/inputs/annotations.schema")


def _observation(i: int, **fields) -> dict:
    return {
        "id": f"o{i}",
        "variable_id": "v",
        "category_id": "c",
        "population_id": "p",
        "value": 1,
        "unit": "percent",
        "quote": "1 %",
        "char_start": 0,
        "char_end": 3,
        "number_text": "1 %",
        **fields,
    }


def test_every_problem_of_a_file_is_named_once_in_the_order_of_the_file():
    observations = [_observation(i) for i in range(12)]
    observations[2]["unit"] = "pourcent"
    observations[10]["char_start"] = -1
    doc = {
        "source_id": "s",
        "survey_id": "v",
        "observations": observations,
        "ignore": [{"quote": "x", "char_start": 0, "char_end": 1}],
    }
    with pytest.raises(InputError) as raised:
        check_structure(doc, "annotations", Path("a.yml"))
    lines = str(raised.value).splitlines()
    entries = [
        "observations[2] (id: o2).unit",
        "observations[10] (id: o10).char_start",
        "ignore[0]",
    ]
    assert len(lines) == len(entries)
    for line, entry in zip(lines, entries, strict=True):
        assert line.startswith(f"a.yml: {entry}: ") and ". Fix: " in line
    assert raised.value.entry == "observations[2] (id: o2).unit"
    assert "'reason' is a required property" in lines[2]


def test_beyond_twenty_problems_the_error_counts_the_rest():
    doc = {"source_id": "s", "survey_id": "v", "observations": [{"id": f"o{i}"} for i in range(30)]}
    with pytest.raises(InputError) as raised:
        check_structure(doc, "annotations", Path("a.yml"))
    lines = str(raised.value).splitlines()
    assert len(lines) == 21
    assert lines[-1] == (
        f"a.yml: {30 * 9 - 20} more problem(s) of the same file. "
        "Fix: correct the problems above and run again"
    )


def test_the_drafts_placeholders_are_named_with_what_to_write():
    text = "Soit 53 % des dirigeants."
    (mention,) = extract_mentions(text)
    drafted = draft_entry(mention, text)
    doc = {
        "source_id": "s",
        "survey_id": "v",
        "observations": [drafted["as_observation"]],
        "ignore": [drafted["as_ignore"]],
    }
    with pytest.raises(InputError) as raised:
        check_structure(doc, "annotations", Path("a.yml"))
    assert str(raised.value).splitlines() == [
        "a.yml: observations[0] (id: todo_5).variable_id: variable_id is still the draft's "
        "placeholder TODO. Fix: replace it with the id of a question in "
        "raw/codelists/variables.yml",
        "a.yml: observations[0] (id: todo_5).category_id: category_id is still the draft's "
        "placeholder TODO. Fix: replace it with the id of one of that question's categories "
        "(raw/codelists/variables.yml)",
        "a.yml: observations[0] (id: todo_5).population_id: population_id is still the "
        "draft's placeholder TODO. Fix: replace it with the id of a population of the survey "
        "(raw/surveys/<survey_id>.yml)",
        "a.yml: ignore[0].reason: reason is still the draft's placeholder TODO: why this "
        "number is not a survey figure. Fix: replace it with why this number is not a figure "
        "of the survey, in words",
    ]


def test_the_drafts_claim_placeholder_is_named_with_what_to_write():
    text = "Un tiers des sondés (33 %) le disent."
    fraction = extract_mentions(text)[0]
    claim = draft_entry(fraction, text, load_lexicon())["as_claim"]
    doc = {"source_id": "s", "survey_id": "v", "observations": [], "claims": [claim]}
    with pytest.raises(InputError) as raised:
        check_structure(doc, "annotations", Path("a.yml"))
    assert str(raised.value) == (
        "a.yml: claims[0] (id: todo_0).observations[0]: observations is still the draft's "
        "placeholder TODO. Fix: replace it with the id of each observation of this file that "
        "the claim describes"
    )


def test_the_drafts_ratio_claim_placeholders_say_which_figure_goes_where():
    text = "Les femmes sont deux fois plus touchées que les hommes."
    (multiplier,) = extract_mentions(text)
    claim = draft_entry(multiplier, text, load_lexicon())["as_claim"]
    doc = {"source_id": "s", "survey_id": "v", "observations": [], "claims": [claim]}
    with pytest.raises(InputError) as raised:
        check_structure(doc, "annotations", Path("a.yml"))
    assert str(raised.value).splitlines() == [
        f"a.yml: claims[0] (id: todo_16).observations[{i}]: observations is still the draft's "
        f"placeholder {placeholder}. Fix: replace it with the id of each observation of this "
        "file that the claim describes"
        for i, placeholder in enumerate(["TODO: the base", "TODO: the figure compared with it"])
    ]


def test_an_input_error_crosses_processes_whole():
    error = InputError("a.yml", "e", "problem", "fix", also=("a.yml: f: other. Fix: that",))
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.also, again.entry) == (str(error), error.also, "e")


@pytest.mark.parametrize(
    ("unit", "value", "refused"),
    [
        ("percent", 130.9, "130.9 is greater than the maximum of 100"),
        ("percent_of_quantity", 130.9, "130.9 is greater than the maximum of 100"),
        ("percent", -1.2, "-1.2 is less than the minimum of 0"),
        # a rate or a ratio in percent is no share: above 100, or negative (a real rate)
        ("percent_rate", 130.9, None),
        ("percent_rate", -1.2, None),
    ],
)
def test_a_share_lies_between_0_and_100_and_a_rate_in_percent_need_not(unit, value, refused):
    doc = {
        "source_id": "s",
        "survey_id": "v",
        "observations": [_observation(0, unit=unit, value=value)],
    }
    if refused is None:
        check_structure(doc, "annotations", Path("annotations.yml"))
        return
    with pytest.raises(InputError) as raised:
        check_structure(doc, "annotations", Path("annotations.yml"))
    assert raised.value.problem == refused
