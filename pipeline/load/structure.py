"""Check a parsed YAML document against its JSON Schema in schemas/inputs/."""

import difflib
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

try:  # JSON Schema equality (1 is not true), as jsonschema's enum and const compare
    from jsonschema._utils import equal as _json_equal
except ImportError:  # pragma: no cover - then enum and const are left to jsonschema
    _json_equal = None

from pipeline.draft import TODO
from pipeline.errors import InputError, line
from pipeline.extract.measures import written_unit
from schemas.units import SYMBOLS

INPUT_SCHEMAS = Path(__file__).resolve().parents[2] / "schemas" / "inputs"
# What to write instead of the placeholder draft.yml leaves where a curator has to decide.
PLACEHOLDER_FIXES = {
    "variable_id": "the id of a question in raw/codelists/variables.yml",
    "category_id": "the id of one of that question's categories (raw/codelists/variables.yml)",
    "population_id": "the id of a population of the survey (raw/surveys/<survey_id>.yml)",
    "reason": "why this number is not a figure of the survey, in words",
    "observations": "the id of each observation of this file that the claim describes",
}


@cache
def _validator(name: str) -> Draft202012Validator:
    resources = []
    for path in sorted(INPUT_SCHEMAS.glob("*.schema.yml")):
        contents = yaml.safe_load(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    registry = Registry().with_resources(resources)
    schema = registry.contents(f"{name}.schema.yml")
    # Formats are annotations unless asserted: without the checker 2024-02-30 is a "date".
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


Check = Callable[[Any], bool]


class _Delegate(Exception):
    """A subschema the compiled check leaves to jsonschema."""


@cache
def _fast_check(name: str) -> Check | None:
    """A compiled `is_valid` of schema `name`, or None if it cannot be compiled.

    jsonschema evaluates each keyword through generic machinery and resolves every `$ref` on
    every use, which costs milliseconds per file. This closure tree does the same tests with
    the references resolved once. It only answers whether a document is valid: check_structure
    builds errors of invalid documents with jsonschema itself, so messages do not depend on it.
    Keywords it does not know, and recursive references, are left to jsonschema.
    """
    validator = _validator(name)
    try:
        return _Compiler(validator).node(validator.schema, validator._resolver, root=True)
    except Exception:  # noqa: BLE001 - then every document takes jsonschema's path
        return None


class _Compiler:
    """Builds a `Check` per subschema with Draft 2020-12 semantics as jsonschema 4 has them."""

    KNOWN = frozenset(
        {
            "$ref",
            "type",
            "properties",
            "additionalProperties",
            "required",
            "items",
            "minItems",
            "maxItems",
            "pattern",
            "minLength",
            "maxLength",
            "minimum",
            "maximum",
            "format",
            "enum",
            "const",
            "if",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
        }
    )  # keywords jsonschema validates that are compiled; unknown annotations are ignored by both

    def __init__(self, validator: Draft202012Validator):
        self.base = validator
        self.is_type = validator.TYPE_CHECKER.is_type
        self.formats = validator.format_checker
        self.refs: list[int] = []  # ids of referenced subschemas being compiled (recursion)

    def delegate(self, schema: Any, resolver: Any) -> Check:
        return self.base.evolve(schema=schema, _resolver=resolver).is_valid

    def node(self, schema: Any, resolver: Any, root: bool = False) -> Check:
        """Check of `schema` given the resolver jsonschema would evaluate it with."""
        if schema is True:
            return lambda x: True
        if schema is False:
            return lambda x: False
        if not isinstance(schema, dict):
            return self.delegate(schema, resolver)
        keywords = self.base.VALIDATORS.keys() & schema.keys()
        if (
            not keywords <= self.KNOWN
            or (
                not root
                and schema.get("$schema", self.base.META_SCHEMA["$id"])
                != self.base.META_SCHEMA["$id"]
            )  # evolve would pick another validator class
            or (_json_equal is None and keywords & {"enum", "const"})
        ):
            return self.delegate(schema, resolver)
        try:
            checks = [self.keyword(k, schema[k], schema, resolver) for k in sorted(keywords)]
        except _Delegate:
            return self.delegate(schema, resolver)
        if len(checks) == 1:
            return checks[0]

        return lambda x: all(each(x) for each in checks)

    def descend(self, schema: Any, resolver: Any) -> Check:
        """Check of a subschema that jsonschema enters with `descend` (its own $id counts)."""
        if isinstance(schema, dict):
            resolver = resolver.in_subresource(DRAFT202012.create_resource(schema))
        return self.node(schema, resolver)

    def keyword(self, key: str, value: Any, schema: dict, resolver: Any) -> Check:  # noqa: C901
        is_type = self.is_type
        if key == "$ref":
            try:
                resolved = resolver.lookup(value)
            except Exception:  # noqa: BLE001 - jsonschema raises when it meets the reference
                raise _Delegate from None
            target = id(resolved.contents)
            if target in self.refs:  # recursive: jsonschema follows it at run time
                return self.delegate({"$ref": value}, resolver)
            self.refs.append(target)
            try:
                return self.node(resolved.contents, resolved.resolver)
            finally:
                self.refs.pop()
        if key == "type":
            types = [value] if isinstance(value, str) else value  # as jsonschema's ensure_list
            if len(types) == 1:
                (only,) = types
                return lambda x: is_type(x, only)
            return lambda x: any(is_type(x, t) for t in types)
        if key == "properties":
            if not isinstance(value, dict):
                raise _Delegate
            props = [(k, self.descend(v, resolver)) for k, v in value.items()]

            return lambda x: (
                not is_type(x, "object") or all(check(x[k]) for k, check in props if k in x)
            )
        if key == "additionalProperties":
            if "patternProperties" in schema:
                raise _Delegate
            known = schema.get("properties", {})
            if is_type(value, "object"):
                extra = self.descend(value, resolver)

                def additional(x: Any) -> bool:
                    return not is_type(x, "object") or all(extra(x[k]) for k in x if k not in known)

                return additional
            if value:
                return lambda x: True
            return lambda x: not is_type(x, "object") or all(k in known for k in x)
        if key == "required":
            if not isinstance(value, list):
                raise _Delegate
            return lambda x: not is_type(x, "object") or all(k in x for k in value)
        if key == "items":
            if "prefixItems" in schema:
                raise _Delegate
            item = self.descend(value, resolver)
            return lambda x: not is_type(x, "array") or all(item(each) for each in x)
        if key == "minItems":
            return lambda x: not (is_type(x, "array") and len(x) < value)
        if key == "maxItems":
            return lambda x: not (is_type(x, "array") and len(x) > value)
        if key == "pattern":
            search = re.compile(value).search
            return lambda x: not is_type(x, "string") or bool(search(x))
        if key == "minLength":
            return lambda x: not (is_type(x, "string") and len(x) < value)
        if key == "maxLength":
            return lambda x: not (is_type(x, "string") and len(x) > value)
        if key == "minimum":
            return lambda x: not (is_type(x, "number") and x < value)
        if key == "maximum":
            return lambda x: not (is_type(x, "number") and x > value)
        if key == "format":
            formats = self.formats
            if formats is None:
                return lambda x: True
            return lambda x: formats.conforms(x, value)
        if key == "enum":
            return lambda x: any(_json_equal(each, x) for each in value)
        if key == "const":
            return lambda x: _json_equal(x, value)
        if key == "if":
            condition = self.node(value, resolver)  # jsonschema evolves, it does not descend
            then = self.descend(schema["then"], resolver) if "then" in schema else None
            else_ = self.descend(schema["else"], resolver) if "else" in schema else None

            def if_(x: Any) -> bool:
                if condition(x):
                    return then is None or then(x)
                return else_ is None or else_(x)

            return if_
        if key == "not":
            negated = self.node(value, resolver)
            return lambda x: not negated(x)
        if key in ("allOf", "anyOf", "oneOf"):
            if not isinstance(value, list):
                raise _Delegate
            subs = [self.descend(each, resolver) for each in value]
            if key == "allOf":
                return lambda x: all(sub(x) for sub in subs)
            if key == "anyOf":
                return lambda x: any(sub(x) for sub in subs)
            return lambda x: sum(1 for sub in subs if sub(x)) == 1
        raise _Delegate  # pragma: no cover - KNOWN lists only the keywords above


def _is_valid(doc: Any, schema: str) -> bool:
    """Whether `doc` surely matches `schema`; False also when in doubt (jsonschema decides)."""
    try:
        check = _fast_check(schema)
        return check is not None and check(doc)
    except Exception:  # noqa: BLE001 - jsonschema's own path raises or reports it again
        return False


def entry_label(doc: Any, path: list) -> str:
    """Human name of the entry at a JSON path, e.g. `observations[3] (id: ai_used).value`."""
    parts: list[str] = []
    node = doc
    for key in path:
        if isinstance(key, int):
            label = f"[{key}]"
            try:
                node = node[key]
            except (IndexError, KeyError, TypeError):
                parts.append(label)
                continue
            ident = _entry_id(node)
            parts.append(f"{label} ({ident})" if ident else label)
        else:
            parts.append(f".{_shown(key)}" if parts else _shown(key))
            node = node.get(key) if isinstance(node, dict) else None
    return "".join(parts) or "top level"


def _shown(text: Any) -> str:
    """A name or id as a one-line message shows it: as written when it is printable, else
    quoted with escapes (a line break, a tab or a no-break space becomes visible)."""
    text = str(text)
    return text if text.isprintable() else repr(text)


def _entry_id(node: Any) -> str | None:
    if not isinstance(node, dict):
        return None
    for key in ("id", "source_id", "survey_id", "variable_id", "category_id", "population_id"):
        if isinstance(node.get(key), str):
            return f"{key}: {_shown(node[key])}"
    return None


def _meant(err: ValidationError) -> ValidationError:
    """For a value matching none of oneOf/anyOf, the error of the one branch of its type."""
    branches: dict[int, list[ValidationError]] = {}
    for sub in err.context or []:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    meant = [subs for subs in branches.values() if all(s.validator != "type" for s in subs)]
    if len(meant) > 1:  # several branches of its type ("2024-02-30": a day, not a month)
        matched = [subs for subs in meant if all(s.validator != "pattern" for s in subs)]
        meant = matched if len(matched) == 1 else meant
    return meant[0][0] if len(meant) == 1 else err


def _rules(err: ValidationError) -> str | None:
    """What a value must be, from the description of its rule or, for a value matching none
    of oneOf/anyOf, of each branch of its type: "ISO date … or ISO month …"."""
    if isinstance(err.schema, dict) and err.schema.get("description"):
        return err.schema["description"].rstrip(".")
    subs = err.context or []
    subs = [s for s in subs if s.validator != "type"] or subs  # none of its type: any branch
    found = []
    for sub in subs:
        rule = sub.schema.get("description") if isinstance(sub.schema, dict) else None
        if rule and rule.rstrip(".") not in found:
            found.append(rule.rstrip("."))
    return " or ".join(found) or None


# Problems of one file named in one error; beyond, the error says how many more there are.
MAX_PROBLEMS = 20


def check_structure(doc: Any, schema: str, path: Path) -> None:
    """Raise InputError naming every misplaced entry of `doc` (up to MAX_PROBLEMS), if any."""
    if _is_valid(doc, schema):
        return
    errors = sorted(_validator(schema).iter_errors(doc), key=lambda e: _in_document(doc, e.path))
    if not errors:
        return
    found = [_problem(doc, schema, err) for err in errors[:MAX_PROBLEMS]]
    also = [line(path, *f) for f in found[1:]]
    if len(errors) > MAX_PROBLEMS:
        more = f"{len(errors) - MAX_PROBLEMS} more problem(s) of the same file"
        also.append(line(path, None, more, "correct the problems above and run again"))
    raise InputError(path, *found[0], also=tuple(also))


def _in_document(doc: Any, path) -> list[int]:
    """Where a path is in the document, as positions: errors sort in the order a person reads
    the file ('observations[2]' before 'observations[10]', before 'ignore[0]')."""
    out, node = [], doc
    for key in path:
        if isinstance(node, dict):
            out.append(list(node).index(key) if key in node else len(node))
        elif isinstance(node, list) and isinstance(key, int):
            out.append(key)
        else:
            break
        node = node[key] if isinstance(node, dict | list) and key in _keys(node) else None
    return out


def _keys(node: Any) -> Any:
    return node if isinstance(node, dict) else range(len(node))


def _problem(doc: Any, schema: str, error: ValidationError) -> tuple[str, str, str]:
    """(entry, problem, fix) of one validation error."""
    err = _meant(error)
    entry = entry_label(doc, list(err.absolute_path))
    placeholder = _placeholder(err) or _not_one_of(err)
    if placeholder:
        return entry, *placeholder
    # The rule's own description says what a value must be better than its regex or bound.
    rule = _rules(err)
    return (
        entry,
        err.message,
        _unquoted(err)
        or f"make the entry match {INPUT_SCHEMAS.parent.name}/{INPUT_SCHEMAS.name}/"
        f"{schema}.schema.yml"
        + (f" ({rule})" if rule else ""),
    )


def _placeholder(err: ValidationError) -> tuple[str, str] | None:
    """(problem, fix) for a value still holding the draft's TODO placeholder."""
    value = err.instance
    if not (isinstance(value, str) and value.startswith(TODO)):
        return None
    key = next((k for k in reversed(err.absolute_path) if isinstance(k, str)), "value")
    said = value[len(TODO) :].lstrip(" :").strip()  # "TODO: the year of the fieldwork"
    what = PLACEHOLDER_FIXES.get(key) or said or f"the entry's {key}"
    return (
        f"{key} is still the draft's placeholder {_shown(value)}",
        f"replace it with {what}",
    )


def _not_one_of(err: ValidationError) -> tuple[str, str] | None:
    """(problem, fix) for a value that is none of an enum's but reads as one of them: a unit
    written as the article writes it ('km²', 'heures', '%') or misspelt ('year', 'hectare')."""
    if err.validator != "enum" or not isinstance(err.instance, str):
        return None
    options = [o for o in err.validator_value if isinstance(o, str)]
    meant = _meant_option(err.instance.strip(), options)
    if meant is None:
        return None
    key = next((k for k in reversed(err.absolute_path) if isinstance(k, str)), "value")
    return (
        f"{_shown(key)} {_shown(err.instance)} is not one of the {len(options)} values allowed",
        f"write {_shown(key)}: {meant}",
    )


def _meant_option(value: str, options: list[str]) -> str | None:
    """The option `value` stands for: the unit of a word or symbol of the lexicon ('km²' →
    square_kilometres, 'heures' → hours, '%' → percent), else the one closest in spelling."""
    symbols: dict[str, str] = {}
    for unit, symbol in SYMBOLS.items():
        symbols.setdefault(symbol.strip(), unit)
    written = written_unit(f"1 {value}") or symbols.get(value)
    if written in options:
        return written
    lower = value.lower()
    starts = sorted((o for o in options if lower.startswith(o)), key=len, reverse=True)
    if starts:  # 'percentage' is percent, not percent_change
        return starts[0]
    longer = [o for o in options if o.startswith(lower)]
    if len(longer) == 1:  # 'hectare'
        return longer[0]
    close = difflib.get_close_matches(lower, options, n=1, cutoff=0.8)
    return close[0] if close else None


def _unquoted(err: ValidationError) -> str | None:
    """The fix for a text value that YAML read as something else because it was not quoted
    (`category_id: yes` is the boolean true, `code: 0123` the octal number 83), if that is what
    happened."""
    if err.validator != "type":
        return None
    types = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
    if "string" not in types:
        return None
    value = err.instance
    if isinstance(value, bool):
        fix, example = "write the value in quotes", "yes" if value else "no"
        read = "an unquoted yes, no, on, off, true or false as a boolean"
    elif value is None:
        fix, example, read = "give it a value", "...", "an empty value, null or ~ as no value"
    elif isinstance(value, int | float):
        fix, example = "write the value in quotes", str(value)
        read = "unquoted digits as a number"
    else:
        return None
    key = next((k for k in reversed(err.absolute_path) if isinstance(k, str)), "value")
    return f'{fix}, e.g. {_shown(key)}: "{example}" (YAML reads {read})'
