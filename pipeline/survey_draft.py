"""The draft of a new survey's file (raw/surveys/<survey_id>.yml), from what an article states
of how the survey was made (pipeline/methods.py): add-source writes it when the survey has no
file yet, with TODO where a person has to write what no text says."""

import re

from pipeline.draft import TODO
from pipeline.methods import Stated

HEADER = (
    "# A survey and the populations (bases) its figures are computed on, drafted by add-source\n"
    "# from raw/sources/{source}: the sample size and fieldwork dates are those the text states\n"
    "# (check them; a date known only to its month is YYYY-MM). Replace every TODO, add a\n"
    "# population for each base a figure is computed on (its parent, the answer that defines\n"
    "# it), and keep what no source states null. The schema: schemas/inputs/survey.schema.yml.\n"
)
YEAR_STATUS = "stated, or inferred when no source gives the year"
WITH_YEAR = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
WITHOUT_YEAR = re.compile(r"--(\d{2}(?:-\d{2})?)")


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
    bare = [WITHOUT_YEAR.fullmatch(d or "") for d in (start, end)]
    if not any(bare) or not published:
        start, end = (d if d and WITH_YEAR.fullmatch(d) else None for d in (start, end))
        year = (start or end or "")[:4]
        return start, end, int(year) if year else None, False
    if any(d and not b for d, b in zip((start, end), bare, strict=True)):
        return None, None, None, False  # one with its year, one without: a person decides
    last = bare[1] or bare[0]
    year = int(published[:4]) - (0 if _before(last.group(1), published) else 1)
    first_year = year
    if bare[0] and bare[1] and bare[0].group(1) > bare[1].group(1):
        first_year -= 1  # "du 20 décembre au 5 janvier"
    return (
        f"{first_year}-{bare[0].group(1)}" if bare[0] else None,
        f"{year}-{bare[1].group(1)}" if bare[1] else None,
        year,
        True,
    )


def survey_draft(survey_id: str, stated: list[Stated], published: str | None = None) -> dict:
    """A new survey's file: what the text states of it (a sample size and the words that hedge
    it, fieldwork dates), when it states one value of each, one population of all
    respondents, and TODO elsewhere. Fieldwork dates without their year take it from the
    article's `published` date, as inferred, and ask why."""
    size = _one(stated, "sample_size")
    hedges = {s.qualifier for s in stated if s.attribute == "sample_size" and s.value == size}
    start, end, year, inferred = with_years(
        _one(stated, "fieldwork_start"), _one(stated, "fieldwork_end"), published
    )
    if year is None:
        status, basis = f"{TODO}: {YEAR_STATUS}", None
    elif inferred:
        status = "inferred"
        basis = (
            f"{TODO}: why the fieldwork took place in {year} (the text gives its days without "
            f"a year; the article was published on {published})"
        )
    else:
        status, basis = "stated", None
    return {
        "survey": {
            "survey_id": survey_id,
            "producer": f"{TODO}: the short name of the organisation that ran the survey",
            "producer_name": None,
            "title_fr": f"{TODO}: the title of the survey, in French",
            "title_en": f"{TODO}: the title of the survey, in English",
            "target_population_fr": f"{TODO}: the population the survey asked, in French",
            "target_population_en": f"{TODO}: the population the survey asked, in English",
            "sample_size": int(size) if size else None,
            "sample_size_qualifier": hedges.pop() if len(hedges) == 1 else None,
            "sample_unit": None,
            "fieldwork_start": start,
            "fieldwork_end": end,
            "year": year if year is not None else f"{TODO}: the year of the fieldwork",
            "year_status": status,
            "year_basis": basis,
            "collection_mode": None,
        },
        "populations": [
            {
                "population_id": f"{survey_id[:60]}_all",
                "label_fr": "Ensemble des personnes interrogées",
                "label_en": "All respondents",
                "parent_population_id": None,
                "condition_fr": "Tous les répondants",
                "condition_en": "All respondents",
            }
        ],
    }
