"""`extract PATH`: print the numeric mentions of a French text file, one JSON object per line."""

import argparse
import json
import sys
from pathlib import Path

from pipeline.extract import extract_mentions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="print the numeric mentions of a UTF-8 French text as JSON lines",
        description="Offsets count Python characters of the decoded text, without its BOM.",
    )
    p.add_argument("path", type=Path, help="a UTF-8 text file (a BOM and CRLF are fine)")
    p.set_defaults(run=run)


def read_text(path: Path) -> str:
    """The file decoded as UTF-8 (BOM dropped); ValueError with a one-line fix otherwise."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file; pass the path of an existing text file") from None
    except IsADirectoryError:
        raise ValueError(f"{path}: is a directory; pass the path of a text file") from None
    except OSError as err:
        raise ValueError(
            f"{path}: cannot be read ({err.strerror}); check its permissions"
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(
            f"{path}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            f"convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8 {path} > converted.txt"
        ) from None


def run(args: argparse.Namespace) -> int:
    try:
        text = read_text(args.path)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if hasattr(sys.stdout, "reconfigure") and sys.stdout.encoding.lower() not in ("utf-8", "utf8"):
        sys.stdout.reconfigure(encoding="utf-8")  # French text must print whatever the locale
    for mention in extract_mentions(text):
        print(json.dumps(mention.to_dict(text), ensure_ascii=False))
    return 0
