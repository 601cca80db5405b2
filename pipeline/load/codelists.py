"""Codelists shared across sources: surveys with their populations, variables with categories."""

from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.load.structure import check_structure
from pipeline.model.fieldwork import first_day, last_day
from pipeline.yamlio import load_yaml


@dataclass(frozen=True)
class Codelists:
    """Parsed codelists, each entry keeping the file it came from."""

    surveys: list[dict]
    populations: list[dict]
    variables: list[dict]


def _unique(entries: list[dict], key: str, kind: str, within: str = "") -> None:
    seen: dict[str, Path] = {}
    for entry in entries:
        ident = entry[key]
        if ident in seen:
            raise InputError(
                entry["_file"],
                f"{within}{key}: {ident}",
                f"duplicate {kind} id (also in {seen[ident]})",
                f"give each {kind} its own id",
            )
        seen[ident] = entry["_file"]


def _check_fieldwork(survey: dict) -> None:
    """Fieldwork ends on or after the day it starts (ISO dates compare as strings; a month
    counts from its first day to its last), in the survey's year."""
    start, end = survey.get("fieldwork_start"), survey.get("fieldwork_end")
    if start and end and last_day(end) < first_day(start):
        raise InputError(
            survey["_file"],
            f"survey (survey_id: {survey['survey_id']})",
            f"fieldwork_end {end} is before fieldwork_start {start}",
            "correct the dates (YYYY-MM-DD, or YYYY-MM when the sources give only the month); "
            "if the source gives only one, leave the other null",
        )
    dates = [d for d in (start, end) if d]
    year = survey.get("year")
    if dates and isinstance(year, int) and not int(dates[0][:4]) <= year <= int(dates[-1][:4]):
        raise InputError(
            survey["_file"],
            f"survey (survey_id: {survey['survey_id']})",
            f"year {year} is not a year of its fieldwork ({' to '.join(dates)})",
            "correct the year or the fieldwork dates",
        )


def _check_margins(survey: dict) -> None:
    """The smallest margin of error of a range is below its largest, which it comes with."""
    low, high = survey.get("margin_of_error_min"), survey.get("margin_of_error")
    if low is not None and (high is None or low >= high):
        raise InputError(
            survey["_file"],
            f"survey (survey_id: {survey['survey_id']})",
            f"margin_of_error_min {low} is not below margin_of_error {high}",
            "margin_of_error is the largest margin the sources state and margin_of_error_min "
            "the smallest of a range; for a single margin, write it in margin_of_error and "
            "leave margin_of_error_min null",
        )


def load_codelists(raw_dir: Path) -> Codelists:
    """Read raw/surveys/*.yml and raw/codelists/variables.yml."""
    surveys, populations = [], []
    for path in sorted((raw_dir / "surveys").glob("*.yml")):
        doc = load_yaml(path)
        check_structure(doc, "survey", path)
        survey = {**doc["survey"], "_file": path}
        _check_fieldwork(survey)
        _check_margins(survey)
        surveys.append(survey)
        for pop in doc["populations"]:
            populations.append({**pop, "survey_id": survey["survey_id"], "_file": path})
    var_path = raw_dir / "codelists" / "variables.yml"
    doc = load_yaml(var_path)
    check_structure(doc, "variables", var_path)
    variables = [{**v, "_file": var_path} for v in doc]
    _unique(surveys, "survey_id", "survey")
    _unique(populations, "population_id", "population")
    _unique(variables, "variable_id", "variable")
    for var in variables:
        _unique(
            [{**c, "_file": var_path} for c in var["categories"]],
            "category_id",
            "category",
            within=f"variable {var['variable_id']}, ",
        )
    return Codelists(surveys=surveys, populations=populations, variables=variables)
