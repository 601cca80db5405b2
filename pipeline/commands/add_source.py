"""`add-source PATH`: copy a new article into raw/, record its checksum, draft its annotations."""

import argparse
import codecs
import hashlib
import re
import sys
from pathlib import Path

import yaml

from pipeline.derive.lexicon import load_lexicon
from pipeline.draft import Quoted, draft_entry, unaccounted
from pipeline.errors import InputError
from pipeline.extract import extract_mentions
from pipeline.load.annotations import load_annotations
from pipeline.load.sources import decode_text
from pipeline.load.structure import check_structure
from pipeline.methods import stated_attributes
from pipeline.model.entries import attribute_entries, claim_entries, ignore_entries
from pipeline.model.entries import observation_entries as obs_entries
from pipeline.model.facts import with_number_offsets
from pipeline.plain_text import declared_charset, html_markup, html_to_text
from pipeline.resources import ProjectPaths
from pipeline.survey_draft import header, survey_draft
from schemas.units import SHARES

ID = re.compile(r"^[a-z0-9][a-z0-9_]{0,63}$")
DRAFT_HEADER = (
    "# Numbers found in article.txt that annotations.yml does not account for yet.\n"
    "# For each: copy `as_observation` under `observations:` in annotations.yml and fill the\n"
    "# TODO ids (raw/codelists/variables.yml, raw/surveys/), or copy `as_claim` under\n"
    '# `claims:` for a share written in words that restates a figure ("Un tiers (33 %)"),\n'
    "# with the ids of the observations it describes (the draft names the one observation\n"
    '# whose quote holds its words, when there is exactly one), or for a multiplier ("deux\n'
    '# fois plus"), with the two figures it compares, the base first; or copy `as_ignore`\n'
    "# under `ignore:` with the reason, or cover it with an attribute: `as_attributes` are\n"
    "# the survey's sample size, fieldwork dates or margin of error (\"auprès de 2 004\n"
    '# actifs", "du 3 au 17 mars 2025", "± 2,2 points"), to copy under `attributes:`. Then run\n'
    "# `python -m pipeline add-source` again to refresh this list, and `make run`.\n"
    "# `base_words` are the words of the sentence that may name the figure's base (\"Parmi\n"
    '# ceux qui sont en poste", "des répondants"): choose population_id from them.\n'
    "# An observation's unit is the draft's guess (a share of people is percent, of sales or\n"
    "# income percent_of_quantity, an interest rate or a percent above 100 percent_rate, a\n"
    "# change percent_change or points signed by its words, a duration the unit it is\n"
    "# written in); check it: the units and what each means are\n"
    "# under `unit` in schemas/inputs/annotations.schema.yml.\n"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add-source", help="add an article to raw/sources and draft annotations")
    p.add_argument("path", type=Path, help="the article as a UTF-8 text file")
    p.add_argument("--id", required=True, help="source id: lowercase letters, digits, _")
    p.add_argument("--survey", required=True, help="id of the survey it reports (raw/surveys)")
    p.add_argument("--title", help="title of the article")
    p.add_argument("--outlet", help="publication that published it")
    p.add_argument("--url", help="address of the article")
    p.add_argument("--published-date", help="publication date, YYYY-MM-DD")
    p.add_argument("--language", default="fr", help="ISO 639-1 code (default: fr)")
    p.add_argument(
        "--html",
        action="store_true",
        help="the file is a web page's HTML: store the text it holds (tags dropped, entities "
        "decoded)",
    )
    p.add_argument("--raw-dir", type=Path, default=Path(ProjectPaths.from_env().raw_dir))
    p.set_defaults(run=run)


def source_metadata(args: argparse.Namespace, text: str, digest: str) -> dict:
    title = args.title or text.strip().splitlines()[0].strip()[:200]
    return {
        "source_id": args.id,
        "title": title,
        "language": args.language,
        "text_file": "article.txt",
        "text_sha256": digest,
        "outlet": args.outlet,
        "url": args.url,
        "published_date": args.published_date,
        "published_date_note": None if args.published_date else "Unknown: not stated.",
        "rights_note": "Article © its publisher; only short quotations are reproduced, as "
        "citations of the source of each figure.",
        "received_as": args.path.name
        + (" (HTML, stored as the text it holds)" if getattr(args, "html", False) else ""),
    }


def add_source(args: argparse.Namespace) -> list[str]:
    """Write raw/sources/<id>/ (never overwriting curated files); returns what was done."""
    if not ID.match(args.id):
        raise InputError(
            args.path,
            f"--id {args.id!r}",
            "invalid source id",
            "use lowercase ASCII letters, digits and _ (at most 64)",
        )
    if not ID.match(args.survey):
        raise InputError(
            args.path,
            f"--survey {args.survey!r}",
            "invalid survey id",
            "use the id of a survey file in raw/surveys/",
        )
    data = args.path.read_bytes()
    text = _page_text(data, args.path) if getattr(args, "html", False) else None
    if text is None:
        text = decode_text(data, args.path, then="then add it again")
    markup = html_markup(text)
    if markup and not getattr(args, "html", False):
        line, written = markup
        raise InputError(
            args.path,
            f"line {line}",
            f"the text holds HTML markup ({written}): the numbers would be read with it",
            "pass --html to store the text it holds (tags dropped, entities decoded), or save "
            "the article as plain text",
        )
    if getattr(args, "html", False):
        text = html_to_text(text)
        data = text.encode("utf-8")
    if not text.strip():
        raise InputError(
            args.path,
            None,
            "the file holds no text: it is empty, or holds only blanks or markup",
            "pass the file of the article's text",
        )
    digest = hashlib.sha256(data).hexdigest()
    folder = args.raw_dir / "sources" / args.id
    metadata = source_metadata(args, text, digest)
    _check_options(metadata, args.path)
    done = []
    article = folder / "article.txt"
    if article.exists() and article.read_bytes() != data:
        raise InputError(
            article,
            None,
            f"source {args.id!r} already has a different text",
            "choose another --id, or remove the old source first",
        )
    folder.mkdir(parents=True, exist_ok=True)
    if not article.exists():
        article.write_bytes(data)
        done.append(f"copied the text to {article} (SHA-256 {digest})")
    meta = folder / "source.yml"
    if not meta.exists():
        _write_yaml(meta, metadata)
        done.append(f"wrote {meta}")
    annotations = folder / "annotations.yml"
    if not annotations.exists():
        _write_yaml(
            annotations,
            {
                "source_id": args.id,
                "survey_id": args.survey,
                "observations": [],
                "attributes": [],
                "claims": [],
                "ignore": [],
            },
        )
        done.append(f"wrote {annotations} (no entries yet)")
    spans, shares = _curated(folder)
    pending = unaccounted(extract_mentions(text), spans)
    lexicon = load_lexicon(args.raw_dir / "lexicon" / "fr_claims.yml")
    draft = folder / "draft.yml"
    draft.write_text(
        DRAFT_HEADER
        + _dump(
            {"mentions": [draft_entry(m, text, lexicon, shares, args.survey) for m in pending]}
        ),
        encoding="utf-8",
    )
    done.append(f"wrote {draft}: {len(pending)} number(s) to annotate")
    survey = args.raw_dir / "surveys" / f"{args.survey}.yml"
    if not survey.exists():
        stated = [a for m in extract_mentions(text) for a in stated_attributes(m, text)]
        survey.parent.mkdir(parents=True, exist_ok=True)
        survey.write_text(
            header(args.id) + _dump(survey_draft(args.survey, stated, args.published_date, text)),
            encoding="utf-8",
        )
        done.append(
            f"wrote {survey}: a draft of the new survey, with what the text states of it; "
            "replace every TODO (the build refuses the file until then)"
        )
    return done


def _page_text(data: bytes, path: Path) -> str | None:
    """A web page's text: UTF-8 when its bytes are (a page saved again by a browser is, whatever
    it declares), else in the encoding it declares (<meta charset="windows-1252">); None when
    it declares none that Python knows, for decode_text to refuse."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared is None or _codec_name(declared) is None:
        return None
    try:
        return data.decode(declared)
    except UnicodeDecodeError as err:
        raise InputError(
            path,
            f"byte {err.start}",
            f"the page declares the encoding {declared}, which its bytes are not in",
            "save the page again from the browser (or convert it to UTF-8 with iconv), then "
            "add it again",
        ) from None


def _codec_name(name: str) -> str | None:
    """Python's name of an encoding ("UTF8" → "utf-8"), None if Python knows none."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _check_options(metadata: dict, path: Path) -> None:
    """Refuse, before anything is written, an option that source.yml could not hold
    ("--published-date hier"), naming the option and the rule of its field."""
    try:
        check_structure(metadata, "source", path)
    except InputError as err:
        field = (err.entry or "").split(".")[0].split("[")[0]
        option = f"--{field.replace('_', '-')}" if field else err.entry
        raise InputError(path, option, err.problem, err.fix) from None


def _curated(folder: Path) -> tuple[list[tuple[int, int]], list[Quoted]]:
    """The spans annotations.yml accounts for (the numbers of observations and attributes,
    claims, ignored numbers), and its shares: percent observations with their quotes."""
    ann = [load_annotations(folder)]
    observations = with_number_offsets(obs_entries(ann))
    spans = []
    for frame in (observations, with_number_offsets(attribute_entries(ann))):
        spans += list(zip(frame["number_start"], frame["number_end"], strict=True))
    for frame in (claim_entries(ann), ignore_entries(ann)):
        spans += list(zip(frame["char_start"], frame["char_end"], strict=True))
    percent = observations[observations["unit"].isin(SHARES)]
    shares = [
        Quoted(str(i), int(s), int(e))
        for i, s, e in zip(
            percent["entry_id"], percent["char_start"], percent["char_end"], strict=True
        )
    ]
    return [(int(s), int(e)) for s, e in spans], shares


def _dump(doc) -> str:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


def _write_yaml(path: Path, doc) -> None:
    path.write_text(_dump(doc), encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    try:
        for line in add_source(args):
            print(line)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: {err.filename}: {err.strerror}", file=sys.stderr)
        return 2
    return 0
