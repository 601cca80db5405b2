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

# A document with no anchor (&), alias (*) or tag (!), the guards that need _Loader's Python
# composing, may be composed by libyaml. Its composer recurses in C, about 300 bytes of stack a
# level: every collection starts at a character of its own among "[{-?:", so their count bounds
# the nesting, and this bound keeps the stack used well within 1 MiB (a thread has 8).
MAX_C_NESTING = 1000

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _SEQ, _MAP = _TAG + "str", _TAG + "int", _TAG + "seq", _TAG + "map"
# The scalars a curated file may hold besides strings; merge keys (<<) and value keys (=) have
# no constructor in _Loader, which refuses them.
_SCALAR_TAGS = frozenset(_TAG + name for name in ("null", "bool", "int", "float"))
_WILDCARD = tuple(_Loader.yaml_implicit_resolvers.get(None, ()))
_RESOLVERS = {
    first: (*resolvers, *_WILDCARD)
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    if first is not None
}


def _composable(text: str) -> bool:
    """Whether libyaml may compose `text` in C: no anchor, alias or tag, and shallow enough."""
    if "&" in text or "*" in text or "!" in text:
        return False
    return sum(map(text.count, "[{-?:")) <= MAX_C_NESTING


class _Unread(Exception):
    """A document the C-composed path leaves to the loaders whose guards report it."""


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

    class _ComposedLoader(yaml.cyaml.CParser, _Loader):
        """_Loader on nodes that libyaml composes in C, for documents that pass _composable.

        The guards left are checked while building the values: depth, duplicate keys, lone
        surrogates, and _Loader's own int and float constructors. Any other tag, or any guard,
        raises _Unread: the document is then read by the loaders that report it.
        """

        def __init__(self, stream):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        def resolve(self, kind, value, implicit):
            # Resolver.resolve, without its path resolvers (a SafeLoader has none).
            if kind is yaml.ScalarNode:
                if implicit[0]:
                    for tag, regexp in _RESOLVERS.get(value[:1], _WILDCARD):
                        if regexp.match(value):
                            return tag
                return _STR
            return _SEQ if kind is yaml.SequenceNode else _MAP

        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass

        def construct_document(self, node):
            return _value(self, node, 0)

    def _value(loader: _ComposedLoader, node: yaml.Node, depth: int) -> Any:
        """The value of a node composed by libyaml, `depth` levels down, as _Loader builds it."""
        if depth >= MAX_DEPTH:
            raise _Unread
        tag = node.tag
        if tag == _STR:
            value = node.value
            if not value.isascii():
                value.encode("utf-8")  # a lone surrogate raises
            return value
        if tag == _MAP:
            mapping = {}
            for key_node, value_node in node.value:
                key = _value(loader, key_node, depth + 1)
                if key in mapping:  # a list or dict key raises too: unhashable
                    raise _Unread
                mapping[key] = _value(loader, value_node, depth + 1)
            return mapping
        if tag == _SEQ:
            return [_value(loader, item, depth + 1) for item in node.value]
        if tag == _INT:
            value = node.value
            # Plain digits below 2**53, not octal: what int() reads as construct_yaml_int does.
            if value.isdigit() and value[0] != "0" and len(value) < 16:
                return int(value)
        if tag in _SCALAR_TAGS:
            return loader.yaml_constructors[tag](loader, node)
        raise _Unread


def _parse(text: str) -> Any:
    """Parse with libyaml when PyYAML has it: composed in C when no guard needs Python composing,
    else from libyaml's events. A document libyaml or a guard refuses is parsed again by the
    pure-Python loader, whose error messages and lines are the ones reported."""
    if yaml.__with_libyaml__:
        fast = (_ComposedLoader, _FastLoader) if _composable(text) else (_FastLoader,)
        for loader in fast:
            try:
                return yaml.load(text, Loader=loader)  # noqa: S506 - SafeLoader subclasses
            except Exception:  # noqa: BLE001, S110 - the next loader reads it, or reports it
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
