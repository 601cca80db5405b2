"""Safe YAML loading whose errors name the file and the line."""

import math
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import InputError

MAX_YAML_BYTES = 5_000_000
# Curated files nest a handful of levels; the limit only stops a recursive parser overflowing.
MAX_DEPTH = 50
# Larger integers do not survive the float64 columns they end in (and overflow float()).
MAX_INT = 2**53


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a curated file may not contain; `fix` says what to write instead."""

    def __init__(self, mark: yaml.Mark, problem: str, fix: str):
        super().__init__(problem=problem, problem_mark=mark)
        self.fix = fix


def _shown(scalar: str) -> str:
    return scalar if len(scalar) <= 24 else f"{scalar[:20]}… ({len(scalar)} characters)"


class _Loader(yaml.SafeLoader):
    """The safe loader, keeping dates as the ISO strings they are written as.

    It also refuses what YAML allows but a curated file must not hold: aliases (a few hundred
    bytes of nested aliases expand to billions of values), keys given twice (YAML keeps the
    last one silently), explicit tags, non-finite or huge numbers, lone surrogates and deep
    nesting.
    """

    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(
                event.start_mark,
                f"YAML alias *{event.anchor} is not supported",
                "write the value out in full instead of referring to an anchor",
            )
        tag = getattr(self.peek_event(), "tag", None)
        if tag is not None:  # explicit tags: !!python/..., !!binary, !!float x, a bare !
            raise _Refused(
                self.peek_event().start_mark,
                f"unsupported YAML tag {tag}",
                "use plain YAML scalars, lists and mappings only",
            )
        if self._depth >= MAX_DEPTH:
            raise _Refused(
                self.peek_event().start_mark,
                f"values nested deeper than {MAX_DEPTH} levels",
                "flatten the structure to the shape its schema describes",
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value if isinstance(node, yaml.MappingNode) else []:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, list | dict):
                continue  # the base class reports an unhashable key
            if key in seen:
                raise _Refused(
                    key_node.start_mark,
                    f"duplicate key {key!r} in a mapping",
                    "keep one of the two values",
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node):
        # Thousands of digits would also pass Python's int conversion limit (a ValueError).
        significant = node.value.lstrip("+-").replace("_", "").lstrip("0")
        if len(significant) > 20 or abs(super().construct_yaml_int(node)) > MAX_INT:
            raise _Refused(
                node.start_mark,
                f"{_shown(node.value)} is beyond the integers a number column holds exactly "
                "(2**53)",
                "correct the number",
            )
        return super().construct_yaml_int(node)

    def construct_yaml_str(self, node):
        value = super().construct_yaml_str(node)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as err:  # an escape such as "\ud800": no character
            raise _Refused(
                node.start_mark,
                f"escape of a lone surrogate (U+{ord(value[err.start]):04X}) in a string",
                "write the character itself, or its full escape (e.g. \\U0001F600)",
            ) from None
        return value

    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise _Refused(
                node.start_mark,
                f"{_shown(node.value)} is not a finite number",
                "write a number, or null when there is none",
            )
        return value


_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:str", _Loader.construct_yaml_str)
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

if yaml.__with_libyaml__:

    class _FastLoader(yaml.cyaml.CParser, _Loader):
        """_Loader reading its events from libyaml (C) instead of PyYAML's pure-Python scanner
        and parser, about ten times faster (bench/README.md). Nodes are still composed, resolved
        and constructed by _Loader, guards included, so the values are the same."""

        # CParser would also compose nodes in C, skipping _Loader.compose_node's guards.
        get_single_node = yaml.composer.Composer.get_single_node
        check_node = yaml.composer.Composer.check_node
        get_node = yaml.composer.Composer.get_node

        def __init__(self, stream):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


def _parse(text: str) -> Any:
    """Parse with libyaml's events when PyYAML has them; a document libyaml refuses is parsed
    again by the pure-Python loader, whose error messages and lines are the ones reported."""
    if yaml.__with_libyaml__:
        try:
            return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass
        except Exception:  # noqa: BLE001, S110 - the pure-Python loader reports every error
            pass
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def _line(err: yaml.YAMLError, text: str) -> str:
    mark = getattr(err, "problem_mark", None)
    if mark is not None:
        return f"line {mark.line + 1}"
    if isinstance(err, yaml.reader.ReaderError):
        return f"line {text.count(chr(10), 0, err.position) + 1}"
    return "line ?"


def load_yaml(path: Path) -> Any:
    """Parse a YAML file with the safe loader; any failure is an InputError."""
    if not path.is_file():
        raise InputError(path, None, "file not found", "create it or correct the path")
    if path.stat().st_size > MAX_YAML_BYTES:
        raise InputError(
            path, None, f"file larger than {MAX_YAML_BYTES} bytes", "split or shorten it"
        )
    raw = path.read_bytes()
    try:
        # Every leading byte-order mark: an editor that adds one may add it twice, and libyaml
        # and PyYAML disagree on a second one.
        text = raw.decode("utf-8-sig").lstrip("\ufeff")
    except UnicodeDecodeError as err:
        raise InputError(
            path, f"byte {err.start}", "not valid UTF-8", "re-save the file as UTF-8"
        ) from None
    if (at := text.find("\ufeff")) >= 0:  # libyaml skips it, PyYAML keeps it: values differ
        raise InputError(
            path,
            f"line {text.count(chr(10), 0, at) + 1}",
            "byte-order mark (U+FEFF) inside the file, e.g. from joining two files",
            "remove it, or write it as \\ufeff in a double-quoted string",
        )
    try:
        return _parse(text)
    except _Refused as err:
        raise InputError(path, _line(err, text), err.problem, err.fix) from None
    except yaml.constructor.ConstructorError as err:
        raise InputError(
            path,
            _line(err, text),
            f"unsupported YAML tag ({err.problem})",
            "use plain YAML scalars, lists and mappings only",
        ) from None
    except yaml.reader.ReaderError as err:
        raise InputError(
            path,
            _line(err, text),
            f"character {chr(err.character)!r} is not allowed in YAML",
            "remove the control character or write it as an escape in a double-quoted string",
        ) from None
    except yaml.YAMLError as err:
        problem = " ".join(str(getattr(err, "problem", None) or err).split())
        raise InputError(
            path, _line(err, text), f"malformed YAML ({problem})", "correct the syntax"
        ) from None
