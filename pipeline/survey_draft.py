"""The draft of a new survey's file (raw/surveys/<survey_id>.yml), from what an article states
of how the survey was made (pipeline/methods.py): add-source writes it when the survey has no
file yet, with TODO where a person has to write what no text says."""

import copy
from functools import cache

import yaml

from pipeline.isodates import is_day, is_month
from pipeline.methods import Stated
from pipeline.resources import PROJECT_ROOT
from pipeline.survey_words import collection_mode, producer, sample_unit, target_population

TEMPLATE = PROJECT_ROOT / "raw" / "templates" / "survey.yml"


def _one(stated: list[Stated], attribute: str) -> str | None:
    """The value the text states of `attribute`, if it states one value only."""
    values = {s.value for s in stated if s.attribute == attribute}
    return values.pop() if len(values) == 1 else None


def _before(month_day: str, published: str) -> bool:
    """Whether "MM-DD" (or "MM") falls on or before the month and day of `published`."""
    return month_day <= published[5 : 5 + len(month_day)]


def with_years(start: str | None, end: str | None, published: str | None) -> tuple:
    """(start, end, year, inferred): the fieldwork dates with their year. A date the text
    writes without its year ("entre le 20 juin et le 12 juillet") takes the last year in
    which it falls on or before the article's publication date."""
    dated = [d if is_day(d, True) or is_month(d, True) else None for d in (start, end)]
    # "--06-20" → "06-20": the month and day of a date written without its year
    bare = [d[2:] if is_day(d, False) or is_month(d, False) else None for d in (start, end)]
    if not any(bare) or not published:
        year = (dated[0] or dated[1] or "")[:4]
        return *dated, int(year) if year else None, False
    if any(dated):
        return None, None, None, False  # one with its year, one without: a person decides
    year = int(published[:4]) - (0 if _before(bare[1] or bare[0], published) else 1)
    first_year = year - (1 if bare[0] and bare[1] and bare[0] > bare[1] else 0)  # "du 20
    # décembre au 5 janvier" starts the year before it ends
    return (
        f"{first_year}-{bare[0]}" if bare[0] else None,
        f"{year}-{bare[1]}" if bare[1] else None,
        year,
        True,
    )


@cache
def template() -> dict:
    """raw/templates/survey.yml: the draft's header, file and inferred year's basis."""
    return yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))


def header(source_id: str) -> str:
    return template()["header"].format(source=source_id)


def survey_draft(
    survey_id: str, stated: list[Stated], published: str | None = None, text: str = ""
) -> dict:
    """A new survey's file (raw/templates/survey.yml) with what the text states of it: a
    sample size, the words that hedge it and what it counts, fieldwork dates, margins of
    error, when it states one value of each, its collection mode, and in the TODOs of the
    producer and the target population the name and the words it gives
    (pipeline/survey_words.py). Fieldwork dates without their year take it from the article's
    `published` date, as inferred, and the year's basis asks why."""
    doc = copy.deepcopy(template()["file"])
    survey = doc["survey"]
    survey["survey_id"] = survey_id
    if name := producer(text):
        survey["producer"] = template()["producer_named"].format(name=name)
    if words := target_population(text, stated):
        survey["target_population_fr"] = template()["target_population_named"].format(words=words)
    survey["collection_mode"] = collection_mode(text)
    survey["sample_unit"] = sample_unit(text, stated)
    for population in doc["populations"]:
        population["population_id"] = population["population_id"].format(survey_id=survey_id[:60])
    size = _one(stated, "sample_size")
    hedges = {s.qualifier for s in stated if s.attribute == "sample_size" and s.value == size}
    if size:
        survey["sample_size"] = int(size)
        survey["sample_size_qualifier"] = hedges.pop() if len(hedges) == 1 else None
    for margin in ("margin_of_error", "margin_of_error_min"):
        value = _one(stated, margin)
        if value:
            survey[margin] = float(value)
    start, end, year, inferred = with_years(
        _one(stated, "fieldwork_start"), _one(stated, "fieldwork_end"), published
    )
    survey["fieldwork_start"], survey["fieldwork_end"] = start, end
    if year is not None:
        survey["year"] = year
        survey["year_status"] = "inferred" if inferred else "stated"
    if inferred:
        basis = template()["inferred_year_basis"]
        survey["year_basis"] = basis.format(year=year, published=published)
    return doc
