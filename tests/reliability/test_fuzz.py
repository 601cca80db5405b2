"""Fuzzing the readers of curated input and the extractor: only InputError may escape.

Every annotation file, source text or YAML document a maintainer can write either loads or is
refused with an InputError naming file, entry and fix; once loaded, every per-source check
returns a problems frame instead of raising. The extractor never raises and its offsets always
slice the text to the surface it reports.

Quick by default (CI). `HYPOTHESIS_PROFILE=long` (the profile name tests/extract registers)
runs 100 000 examples per test: `make fuzz-long`.
"""

import hashlib
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from pipeline import yamlio
from pipeline.errors import InputError
from pipeline.extract import extract_mentions, parse_number
from pipeline.load import structure
from pipeline.load.codelists import load_codelists
from pipeline.load.documents import load_document
from pipeline.load.structure import check_structure
from pipeline.model import entries
from pipeline.validate import PROBLEM_COLUMNS, references
from pipeline.validate.source_report import source_problems
from pipeline.yamlio import load_yaml

from ..conftest import RAW, SEED_ID

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
LONG_EXAMPLES = 100_000


def fuzz(quick: int):
    """Settings for one fuzz test: `quick` examples in CI, 100 000 in the long profile
    (FUZZ_EXAMPLES=N sets any other number, for a deeper run than CI's)."""
    examples = LONG_EXAMPLES if LONG else quick
    return settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", examples)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


SEED_DIR = RAW / "sources" / SEED_ID
ANNOTATIONS = (SEED_DIR / "annotations.yml").read_text(encoding="utf-8")
SOURCE_META = (SEED_DIR / "source.yml").read_text(encoding="utf-8")
ARTICLE = (SEED_DIR / "article.txt").read_bytes()
CODELISTS = load_codelists(RAW)
SCHEMAS = ["annotations", "source", "survey", "variables", "release"]

# What a hand-edited YAML file gets wrong: structure characters, tags, anchors, odd spaces.
YAML_BITS = [
    ":",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!!binary ",
    "!!set ",
    "!x ",
    "<<: ",
    "? ",
    "|",
    ">-",
    "#",
    "'",
    '"',
    "\\",
    "\t",
    "\n",
    "\r\n",
    "  ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "~",
    "null",
    ".nan",
    ".inf",
    "-.inf",
    "1e400",
    "9" * 30,
    "0x1F",
    "0o17",
    "1_000",
    "2024-02-30",
    "yes",
    "on",
    "=",
    "@",
    "\u00a0",
    "\u202f",
    "\ufeff",
    "\x00",
    "\x85",
    "\u2028",
    "é",
    "’",
    "«",
    "53%",
    "1.600",
]
bits = st.sampled_from(YAML_BITS) | st.text(max_size=3)


def edited(text: str, data) -> str:
    """`text` after a few random insertions, deletions and replacements."""
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        at = data.draw(st.integers(0, len(text)), label="at")
        length = data.draw(st.integers(0, 12), label="length")
        text = text[:at] + data.draw(bits, label="insert") + text[at + length :]
    return text


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.integers()
    | st.floats()
    | st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
    | st.sampled_from(["cpme_2024_all", "ai_use", "used", "percent", "count", "53%", ""])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


def mutated(doc, data):
    """`doc` with a few values replaced, removed or duplicated at random places."""
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        path = data.draw(st.sampled_from(list(_paths(doc))), label="path")
        if not path:
            doc = data.draw(json_values, label="document")
            continue
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["replace", "delete", "duplicate"]), label="action")
        if action == "replace":
            parent[path[-1]] = data.draw(json_values, label="value")
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, list):
            parent.append(parent[path[-1]])
        else:
            parent[data.draw(st.text(max_size=8), label="key")] = parent[path[-1]]
    return doc


@pytest.fixture(scope="module")
def source_dir(tmp_path_factory) -> Path:
    """A scratch copy of the seed source directory, rewritten by each example."""
    directory = tmp_path_factory.mktemp("fuzz") / SEED_ID
    shutil.copytree(SEED_DIR, directory)
    return directory


def restore(directory: Path) -> None:
    (directory / "annotations.yml").write_text(ANNOTATIONS, encoding="utf-8")
    (directory / "source.yml").write_text(SOURCE_META, encoding="utf-8")
    (directory / "article.txt").write_bytes(ARTICLE)


def load_and_check(directory: Path) -> None:
    """Load the source as the build does and run every check on it: InputError or problems."""
    try:
        doc = load_document(directory)
    except InputError as err:
        assert err.path and err.problem and err.fix
        # One line per problem, each whole: the file, the problem and its fix.
        for line in str(err).splitlines():
            assert line.startswith(f"{err.path}: ") and ". Fix: " in line, "not a whole line"
        return
    frames = list(source_problems([doc]).values())
    ann = [doc.annotations]
    obs = entries.observation_entries(ann)
    attrs, claims = entries.attribute_entries(ann), entries.claim_entries(ann)
    frames += [
        references.observation_reference_problems(obs, CODELISTS),
        references.attribute_reference_problems(attrs, CODELISTS),
        references.attribute_value_problems(attrs, CODELISTS),
        references.claim_reference_problems(claims, obs),
    ]
    for frame in frames:
        assert isinstance(frame, pd.DataFrame)
        assert set(PROBLEM_COLUMNS) <= set(frame.columns)


@fuzz(quick=60)
@given(st.data())
def test_hand_edited_annotation_files(source_dir, data):
    restore(source_dir)
    (source_dir / "annotations.yml").write_text(edited(ANNOTATIONS, data), encoding="utf-8")
    load_and_check(source_dir)


@fuzz(quick=60)
@given(st.data())
def test_annotation_documents_with_wrong_values(source_dir, data):
    restore(source_dir)
    doc = mutated(yaml.safe_load(ANNOTATIONS), data)
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    (source_dir / "annotations.yml").write_text(text, encoding="utf-8")
    load_and_check(source_dir)


@fuzz(quick=40)
@given(st.data())
def test_hand_edited_source_files(source_dir, data):
    restore(source_dir)
    (source_dir / "source.yml").write_text(edited(SOURCE_META, data), encoding="utf-8")
    load_and_check(source_dir)


@fuzz(quick=40)
@given(st.data())
def test_any_text_bytes_with_their_checksum(source_dir, data):
    """A text of any bytes, its SHA-256 recorded: refused, or loaded and checked."""
    restore(source_dir)
    start = data.draw(st.integers(0, len(ARTICLE)), label="start")
    insert = data.draw(
        st.binary(max_size=40)
        | st.sampled_from(
            [b"\xef\xbb\xbf", b"\r\n", b"\xc2\xa0", b"\xe2\x80\xaf", b"\xe9", b"\x00", b""]
        )
    )
    end = data.draw(st.integers(start, min(len(ARTICLE), start + 50)), label="end")
    text = data.draw(st.sampled_from([b"", ARTICLE[:start] + insert + ARTICLE[end:]]))
    (source_dir / "article.txt").write_bytes(text)
    digest = hashlib.sha256(text).hexdigest()
    meta = SOURCE_META.replace(
        "c2af6e465e47e99dd5ad7c448fe648ac4cb896b811b1e5b3a680979f2f924c6c", digest
    )
    (source_dir / "source.yml").write_text(meta, encoding="utf-8")
    load_and_check(source_dir)


@fuzz(quick=100)
@given(st.binary(max_size=200) | st.lists(bits, max_size=30).map("".join).map(str.encode))
@example(b"[" * 5000)
@example(b"a: &a [1]\nb: *a\n")
@example(b"a: 1\na: 2\n")
@example(b"a: " + b"9" * 5000 + b"\n")
def test_any_bytes_as_yaml(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "fuzz.yml"
    path.write_bytes(data)
    try:
        doc = load_yaml(path)
    except InputError as err:
        assert err.problem and err.fix and "\n" not in str(err)
        return
    for schema in SCHEMAS:
        try:
            check_structure(doc, schema, path)
        except InputError as err:
            assert err.problem and err.fix


# What the C-composed path leaves to the guards, written with and without the characters that
# send a document to Python composing (&, *, !): keys given twice, numbers beyond the limits,
# escapes of lone surrogates, merge and value keys, nesting either side of the depth limit.
GUARDED_BITS = [
    "&",
    "*",
    "!",
    "&x ",
    "*x",
    "! ",
    "!!str ",
    "!!int ",
    "a: 1\na: 2\n",
    "1: x\n1.0: y\n",
    "true: x\n1: y\n",
    "? [a]\n: b\n",
    "{[a]: b}",
    "{a: 1, a: 2}",
    "9007199254740992",
    "9007199254740993",
    "-9007199254740993",
    "999999999999999",
    "1000000000000000",
    "0x20000000000001",
    "0" * 25 + "1",
    "0017",
    "+12",
    "-0",
    "1:20",
    "0b101",
    ".nan",
    ".inf",
    "-.Inf",
    "-1e400",
    "1.5e3",
    "-0.0",
    '"\\ud800"',
    '"x\\udfff"',
    '"\\U0001F600"',
    '"\\x85"',
    "<<: ",
]
nested = st.tuples(
    st.integers(0, 60) | st.sampled_from([999, 1000, 1001]),
    st.sampled_from([("[", "]"), ("{a: ", "}"), ("[a: ", "]"), ("- ", "")]),
).map(lambda n_brackets: n_brackets[1][0] * n_brackets[0] + "x" + n_brackets[1][1] * n_brackets[0])
yaml_texts = (
    st.lists(bits | st.sampled_from(GUARDED_BITS) | nested, max_size=40).map("".join)
    | st.text(max_size=80)
    | st.text(st.characters(categories=["Cs", "L", "N", "P", "Zs"]), max_size=40)
    | st.builds(
        lambda doc, flow: yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=True),
        json_values,
        st.sampled_from([False, True, None]),
    )
)


def _outcome(text: str, loader) -> tuple:
    try:
        # The repr tells 1, 1.0 and True apart, and the keys' order.
        return ("value", repr(yaml.load(text, Loader=loader)))  # noqa: S506 - SafeLoader subclasses
    except yamlio._Refused:
        return ("guard",)  # valid YAML that a curated file may not hold (alias, tag, NaN...)
    except Exception:  # noqa: BLE001 - the two loaders are compared, whatever they do
        return ("error",)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
@fuzz(quick=100)
@given(yaml_texts)
@example("a: &x [1]\nb: *x\n")
@example("a: 1\na: 2\n")
@example("a: !!python/object/apply:os.system [x]\n")
@example("[" * 51 + "]" * 51)
@example("n: 9007199254740993\n")
@example('s: "\\ud800"\n')
def test_libyaml_fast_path_keeps_the_guards(text):
    """load_yaml reads with libyaml first: what the pure-Python loader's guards refuse, the fast
    paths refuse too, and what both read, they read alike. (libyaml accepts a few things
    PyYAML's scanner calls syntax errors, such as a tab after a key: those are not compared.)"""
    text = text.lstrip("\ufeff")  # as load_yaml decodes a file: leading byte-order marks go
    assume("\ufeff" not in text)  # and it refuses one further in before parsing
    pure = _outcome(text, yamlio._Loader)
    fast = [yamlio._FastLoader, *([yamlio._ComposedLoader] if yamlio._composable(text) else [])]
    events, *composed = [_outcome(text, loader) for loader in fast]
    for outcome in [events, *composed]:
        if pure[0] == "guard":
            assert outcome[0] != "value", (
                f"a fast path let through what the guards refuse: {text!r}"
            )
        if outcome[0] == "value" and pure[0] == "value":
            assert outcome == pure
    for outcome in composed:  # composed in C: never a value where libyaml's events give none
        assert outcome[0] != "value" or outcome == events


def _parse_before(text: str):
    """yamlio._parse before documents were composed in C: libyaml's events, else pure Python."""
    try:
        return yaml.load(text, Loader=yamlio._FastLoader)  # noqa: S506 - SafeLoader subclass
    except Exception:  # noqa: BLE001, S110 - the pure-Python loader reports every error
        pass
    return yaml.load(text, Loader=yamlio._Loader)  # noqa: S506 - a SafeLoader subclass


def _read(text: str, parse) -> tuple:
    try:
        return ("value", repr(parse(text)))
    except Exception as err:  # noqa: BLE001 - the two readers are compared, whatever they do
        return ("error", type(err).__name__, str(err))


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
@fuzz(quick=200)
@given(yaml_texts)
@example("a: 1\na: 2\n")
@example("[" * 50 + "]" * 50)
@example("[" * 51 + "]" * 51)
@example("[" * 1000 + "]" * 1000)
@example("x: -.inf\n")
@example("? [a]\n: b\n")
def test_yaml_reads_as_before_the_c_composed_path(text):
    """_parse reads every text to the value (types and key order included) or the error it did
    before it composed in C the documents that need no Python composing."""
    assert _read(text, yamlio._parse) == _read(text, _parse_before)


# One real file per input schema: its mutations are near-valid documents, where a fast
# validity check and jsonschema are most likely to part ways.
REAL_FILES = {
    "annotations": SEED_DIR / "annotations.yml",
    "source": SEED_DIR / "source.yml",
    "survey": RAW / "surveys" / "cpme_2024_ia_cyber.yml",
    "variables": RAW / "codelists" / "variables.yml",
    "release": RAW / "release.yml",
}


@fuzz(quick=300)
@given(st.sampled_from(SCHEMAS), st.data())
def test_compiled_schema_check_agrees_with_jsonschema(schema, data):
    """Valid documents skip jsonschema's error reporting through a compiled check: it must
    accept exactly what jsonschema accepts, or a bad entry would go through unreported."""
    doc = load_yaml(REAL_FILES[schema])
    if data.draw(st.booleans(), label="mutate"):
        doc = mutated(doc, data)
    fast = structure._fast_check(schema)
    assert fast is not None, f"{schema}.schema.yml no longer compiles"
    assert fast(doc) == structure._validator(schema).is_valid(doc)


@fuzz(quick=100)
@given(json_values, st.sampled_from(SCHEMAS))
def test_any_document_against_the_schemas(doc, schema):
    try:
        check_structure(doc, schema, Path(f"{schema}.yml"))
    except InputError as err:
        assert err.entry and err.problem and err.fix


NBSP, NNBSP = "\u00a0", "\u202f"
TEXT = ARTICLE.decode("utf-8")
splices = st.sampled_from(
    [
        "",
        " ",
        NBSP,
        NNBSP,
        "\r\n",
        "\n\n",
        "%",
        " %",
        "53",
        "1.600",
        "1 600",
        f"1{NNBSP}600",
        "5,9",
        "-",
        "–",
        "+",
        "«",
        "»",
        "’",
        "\ufeff",
        "\x00",
        "\u2028",
        "é",
        "e\u0301",
        "près d’",
        "plus de",
        "entre ",
        " et ",
        "juin",
        "mi-",
        "quart",
        "tiers",
        "http://x.fr/53%",
        "𝟓𝟑",
        "٥٣",
        "\ud800",
    ]
) | st.text(max_size=4)


@fuzz(quick=80)
@given(st.data())
@example(None)
def test_extractor_on_spliced_articles(data):
    if data is None:
        text = TEXT
    else:
        start = data.draw(st.integers(0, len(TEXT)), label="start")
        end = data.draw(st.integers(start, min(len(TEXT), start + 400)), label="end")
        pieces = data.draw(st.lists(st.tuples(st.integers(0, end - start), splices), max_size=6))
        text = TEXT[start:end]
        for at, piece in sorted(pieces, reverse=True):
            text = text[:at] + piece + text[at:]
    mentions = extract_mentions(text)
    previous_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.surface != ""
        assert m.start >= previous_end, "mentions sorted and never overlapping"
        previous_end = m.end
        assert m.sentence_start <= m.start < m.end <= m.sentence_end <= len(text)
        if m.qualifier is not None:
            assert text[m.qualifier_start : m.qualifier_end] == m.qualifier


@fuzz(quick=150)
@given(st.text(max_size=30) | st.lists(splices, max_size=6).map("".join))
def test_parse_number_reads_or_declines_any_number_text(number_text):
    parsed = parse_number(number_text)
    if parsed is not None:
        kind, value = parsed
        assert isinstance(kind, str)
        assert value is None or isinstance(value, str | float)
