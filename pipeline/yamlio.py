"""Safe YAML loading whose errors name the file and the line."""

from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import InputError

MAX_YAML_BYTES = 5_000_000


class _Loader(yaml.SafeLoader):
    """The safe loader, keeping dates as the ISO strings they are written as."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            path, f"byte {err.start}", "not valid UTF-8", "re-save the file as UTF-8"
        ) from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.constructor.ConstructorError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else "?"
        raise InputError(
            path,
            f"line {line}",
            f"unsupported YAML tag ({err.problem})",
            "use plain YAML scalars, lists and mappings only",
        ) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else "?"
        problem = getattr(err, "problem", None) or str(err)
        raise InputError(
            path, f"line {line}", f"malformed YAML ({problem})", "correct the syntax"
        ) from None
