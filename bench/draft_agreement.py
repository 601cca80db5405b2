"""How often the draft of `add-source` proposes what curators wrote: every curated source of
the project (raw/sources and the sources of tests/data), each annotated number against the
draft's proposal for the mention at its place.

Usage (from the repository root)::

    .venv/bin/python bench/draft_agreement.py [--show]

For each curated observation: the draft proposed an observation with the curator's unit and
value ("same"), with the unit but another value, with another unit, or none (it proposed the
number as no figure, or as an attribute of the survey). For each curated ignore entry: the
draft proposed no observation for it ("agreed"), and proposed its reason itself rather than
leaving a TODO ("with a reason"). For each attribute the curator wrote from a number (sample
size, fieldwork dates, margin of error): the draft proposed that attribute. `--show` lists
every disagreement with its quote.

The curated sources were written with the draft's help, so agreement is read as a floor of
what a curator can keep, and a change that lowers it needs a reason.
"""

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.draft import TODO, draft_entry  # noqa: E402
from pipeline.extract import Mention, extract_mentions  # noqa: E402
from pipeline.validate.provenance import number_span  # noqa: E402

OBSERVATION_OUTCOMES = ("same", "other value", "other unit", "none")


def curated_sources(root: Path = ROOT) -> list[Path]:
    """Every directory holding an article and its curated annotations."""
    found = [*(root / "raw" / "sources").glob("*"), *(root / "tests" / "data").glob("*/sources/*")]
    return sorted(
        d for d in found if (d / "article.txt").is_file() and (d / "annotations.yml").is_file()
    )


@dataclass
class Tally:
    observations: Counter = field(default_factory=Counter)
    ignored: Counter = field(default_factory=Counter)
    attributes: Counter = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)


def _at(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention that overlaps [start, end), if one does."""
    return next((m for m in mentions if m.start < end and start < m.end), None)


def _number_place(entry: dict) -> tuple[int, int] | None:
    span = number_span(entry["quote"], entry["number_text"], entry.get("number_occurrence", 1))
    return None if span is None else (entry["char_start"] + span[0], entry["char_start"] + span[1])


def _same_value(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def compare(directory: Path, tally: Tally) -> None:
    """Add the comparison of one curated source to `tally`."""
    text = (directory / "article.txt").read_text(encoding="utf-8-sig")
    notes = yaml.safe_load((directory / "annotations.yml").read_text(encoding="utf-8")) or {}
    survey_id = notes.get("survey_id")
    mentions = extract_mentions(text)
    drafted = {id(m): draft_entry(m, text, survey_id=survey_id) for m in mentions}
    name = directory.name
    for entry in notes.get("observations") or []:
        place = _number_place(entry)
        m = _at(mentions, *place) if place else None
        proposed = drafted[id(m)].get("as_observation") if m else None
        if proposed is None:
            outcome = "none"
        elif proposed["unit"] != entry["unit"]:
            outcome = "other unit"
        elif not _same_value(proposed["value"], entry["value"]):
            outcome = "other value"
        else:
            outcome = "same"
        tally.observations[outcome] += 1
        if outcome != "same":
            got = f"{proposed['unit']} {proposed['value']}" if proposed else "no observation"
            tally.disagreements.append(
                f"{name}: observation {entry['id']} ({entry['unit']} {entry['value']}): "
                f"draft {got}; {entry['quote'][:90]!r}"
            )
    for entry in notes.get("ignore") or []:
        m = _at(mentions, entry["char_start"], entry["char_end"])
        if m is None:
            continue
        drafted_entry = drafted[id(m)]
        agreed = "as_observation" not in drafted_entry
        tally.ignored["agreed" if agreed else "proposed as a figure"] += 1
        if agreed and not drafted_entry["as_ignore"]["reason"].startswith(TODO):
            tally.ignored["with a reason"] += 1
        if not agreed:
            proposed = drafted_entry["as_observation"]
            tally.disagreements.append(
                f"{name}: ignored {entry['quote']!r}: draft {proposed['unit']} {proposed['value']}"
            )
    for entry in notes.get("attributes") or []:
        if not entry.get("number_text") or entry.get("char_start") is None:
            continue
        place = _number_place(entry)
        m = _at(mentions, *place) if place else None
        proposed = {a["attribute"] for a in drafted[id(m)].get("as_attributes", [])} if m else set()
        found = entry["attribute"] in proposed
        tally.attributes["same" if found else "not proposed"] += 1
        if not found:
            tally.disagreements.append(
                f"{name}: attribute {entry['attribute']} = {entry.get('value')}: not proposed; "
                f"{entry['quote'][:90]!r}"
            )


def _share(counter: Counter, key: str, total: int) -> str:
    return f"{counter[key]} of {total} ({100 * counter[key] / total:.0f} %)" if total else "0 of 0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    sources = curated_sources()
    tally = Tally()
    for directory in sources:
        compare(directory, tally)
    observations = sum(tally.observations[k] for k in OBSERVATION_OUTCOMES)
    ignored = tally.ignored["agreed"] + tally.ignored["proposed as a figure"]
    attributes = sum(tally.attributes.values())
    print(f"{len(sources)} curated sources")
    print(f"observations: {observations}")
    for outcome in OBSERVATION_OUTCOMES:
        print(f"  {outcome:14} {_share(tally.observations, outcome, observations)}")
    print(f"ignored numbers: {ignored}")
    print(f"  {'agreed':14} {_share(tally.ignored, 'agreed', ignored)}")
    print(f"  {'with a reason':14} {_share(tally.ignored, 'with a reason', ignored)}")
    print(f"attributes from a number: {attributes}")
    print(f"  {'same':14} {_share(tally.attributes, 'same', attributes)}")
    if args.show:
        print("\n".join(["", *tally.disagreements]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
