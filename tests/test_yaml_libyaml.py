"""load_yaml's libyaml fast paths read every file exactly as the pure-Python loader does, and
leave every error to the pure-Python loader, so messages and line numbers stay the same."""

import contextlib
import subprocess
import sys

import pytest
import yaml

from pipeline import yamlio
from pipeline.errors import InputError
from pipeline.yamlio import load_yaml

from .conftest import RAW

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")

ROOT = RAW.parent


def _load(text: str, loader) -> object:
    try:
        return ("ok", yaml.load(text, Loader=loader))  # noqa: S506 - SafeLoader subclasses
    except Exception as err:  # noqa: BLE001 - the test compares what each loader does
        return ("error", type(err).__name__)


def test_the_fast_loaders_read_from_libyaml():
    for loader in (yamlio._FastLoader, yamlio._ComposedLoader):
        assert issubclass(loader, yaml.cyaml.CParser)
        assert issubclass(loader, yamlio._Loader)
    # _ComposedLoader.resolve is Resolver.resolve without its path resolvers: there are none.
    assert not yamlio._Loader.yaml_path_resolvers


def _fast_loaders(text: str) -> list:
    return [yamlio._FastLoader, *([yamlio._ComposedLoader] if yamlio._composable(text) else [])]


def test_every_yaml_file_of_the_project_reads_the_same():
    files = [
        *RAW.rglob("*.yml"),
        *(ROOT / "schemas" / "inputs").glob("*.yml"),
        *(ROOT / "tests" / "data").rglob("*.yml"),
        *(ROOT / "bench").glob("*.yml"),
    ]
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        for loader in _fast_loaders(text):
            assert _load(text, loader) == _load(text, yamlio._Loader), (path, loader)


def test_source_files_are_composed_in_c():
    for path in RAW.glob("sources/*/*.yml"):
        assert yamlio._composable(path.read_text(encoding="utf-8-sig")), path


SCALARS = [
    "d: 2024-06-20\n",
    "t: 2024-06-20 10:00:00\n",
    "n: 1.600\n",
    "n: 1_000\n",
    "n: 017\n",
    "n: 0x1F\n",
    "n: 1:20\n",
    "b: [yes, no, on, off, true, False]\n",
    "z: [~, null, '', \"\"]\n",
    'q: "53\\u00a0% et 1\\u202f600"\n',
    "q: '41 % des utilisateurs de l’IA'\n",
    "f: >-\n  une phrase\n  repliée\n",
    "l: |\n  deux\n  lignes\n",
    "x: {a: [1, 2, {b: c}], 'd e': -3.5e2}\n",
    "%YAML 1.1\n---\na: 1\n",
    "\ufeffa: 1\n",
    "# only a comment\n",
    "",
]


@pytest.mark.parametrize("text", SCALARS)
def test_values_are_the_same(text):
    assert yamlio._composable(text)
    for loader in _fast_loaders(text):
        assert repr(_load(text, loader)) == repr(_load(text, yamlio._Loader))


INTS = [
    "0",
    "7",
    "10",
    "017",
    "0x1F",
    "0b101",
    "1_000",
    "+12",
    "-12",
    "-0",
    "1:20",
    "999999999999999",
]
INTS += ["1000000000000000", "9007199254740992", "-9007199254740992", "9007199254740993"]
INTS += ["0" * 30 + "1", "9" * 30, "0x20000000000000", "0x20000000000001"]


@pytest.mark.parametrize("number", INTS)
def test_integers_are_read_or_refused_alike(number):
    """_ComposedLoader reads short plain digits with int(); the rest with _Loader's guard."""
    text = f"n: {number}\n"
    assert repr(_load(text, yamlio._ComposedLoader)) == repr(_load(text, yamlio._Loader))
    assert repr(_load(text, yamlio._ComposedLoader)) == repr(_load(text, yamlio._FastLoader))


COMPOSABLE = [
    ("a: 1\n", True),
    ("", True),
    ("a: &x 1\n", False),
    ("a: *x\n", False),
    ("a: !!str 1\n", False),
    ("a: ! 1\n", False),
    ("q: 'Attention !'\n", False),
    ("q: R&D\n", False),
    ("[" * 1000 + "]" * 1000, True),
    ("[" * 1001 + "]" * 1001, False),
    ("- " * 1001 + "x\n", False),
    ("{a: " * 501 + "}" * 501, False),
    ("a: b\n" * 1000, True),
    ("a: b\n" * 1001, False),
]


@pytest.mark.parametrize(("text", "composable"), COMPOSABLE)
def test_what_libyaml_may_compose(text, composable):
    assert yamlio._composable(text) is composable


NESTED = [
    *(("[" * n + "]" * n, n >= 51) for n in (50, 51)),
    *(("[" * n + "x" + "]" * n, n >= 50) for n in (49, 50)),
    *(("- " * n + "x\n", n >= 50) for n in (49, 50)),
    *(("{a: " * n + "1" + "}" * n, n >= 50) for n in (49, 50)),
    *(("".join(" " * i + "k:\n" for i in range(n)) + " " * n + "v\n", n >= 50) for n in (49, 50)),
]


@pytest.mark.parametrize(("text", "refused"), NESTED)
def test_the_depth_limit_is_the_same_on_every_path(text, refused):
    """Values nested 50 levels deep are refused: _ComposedLoader checks the depth after libyaml
    composed the nodes, and load_yaml then reports what the pure-Python loader reports."""
    assert yamlio._composable(text)
    pure = _load(text, yamlio._Loader)
    assert (pure == ("error", "_Refused")) is refused
    for loader in _fast_loaders(text):
        outcome = _load(text, loader)
        assert outcome[0] == pure[0]
        assert outcome[0] == "error" or repr(outcome) == repr(pure)
    with pytest.raises(yamlio._Refused) if refused else contextlib.nullcontext():
        assert repr(yamlio._parse(text)) == repr(pure[1])


def test_the_deepest_composable_documents_fit_a_small_thread_stack():
    """libyaml composes in C recursively: at the nesting bound it must not overflow a 1 MiB
    thread stack (a segmentation fault would end the process, hence the subprocess)."""
    script = f"""
import threading
from pipeline import yamlio
texts = ["[" * {yamlio.MAX_C_NESTING} + "]" * {yamlio.MAX_C_NESTING},
         "- " * ({yamlio.MAX_C_NESTING} // 2) + "x",
         "{{a: " * ({yamlio.MAX_C_NESTING} // 2) + "}}" * ({yamlio.MAX_C_NESTING} // 2)]
def read():
    for text in texts:
        assert yamlio._composable(text)
        try:
            yamlio._parse(text)
        except yamlio._Refused:
            print("refused")
threading.stack_size(1 << 20)
thread = threading.Thread(target=read)
thread.start()
thread.join()
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["refused"] * 3


REFUSED = [
    "a: &x [1]\nb: *x\n",
    "a: 1\na: 2\n",
    "x: .nan\n",
    "x: !!python/object/apply:os.system ['echo pwned']\n",
    "a: 1\nb:\n  - [x\nc: 2\n",
    "[" * 60 + "]" * 60 + "\n",
    "a: '\x07'\n",
    "a: 1\n\tb: 2\n",
    "k: v: w\n",
    "a: [1, 2\n",
    # Guards of the C-composed path (no &, * or !): each is refused as the pure loader does.
    "x: -.inf\n",
    "n: 9007199254740993\n",
    "n: " + "1" * 30 + "\n",
    'a: "\\ud800"\n',
    "1: a\ntrue: b\n",
    "? [a]\n: b\n",
    "<<: {a: 1}\n",
    "a: =\n",
    "[" * 51 + "]" * 51 + "\n",
    "- " * 50 + "x\n",
]


@pytest.mark.parametrize("text", REFUSED)
def test_errors_are_reported_as_the_pure_loader_reports_them(tmp_path, monkeypatch, text):
    path = tmp_path / "doc.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as fast:
        load_yaml(path)
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    with pytest.raises(InputError) as pure:
        load_yaml(path)
    assert str(fast.value) == str(pure.value)
