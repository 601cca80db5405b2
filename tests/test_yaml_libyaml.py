"""load_yaml's libyaml fast path reads every file exactly as the pure-Python loader does, and
leaves every error to the pure-Python loader, so messages and line numbers stay the same."""

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


def test_the_fast_loader_reads_events_from_libyaml():
    assert issubclass(yamlio._FastLoader, yaml.cyaml.CParser)
    assert issubclass(yamlio._FastLoader, yamlio._Loader)


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
        assert _load(text, yamlio._FastLoader) == _load(text, yamlio._Loader), path


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
    assert _load(text, yamlio._FastLoader) == _load(text, yamlio._Loader)


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
