"""An article of a survey the project has never seen: add-source drafts the survey's file and
its attributes from the text (sample size, fieldwork known only to the month), a person
completes them, and the release publishes the month's bounds with their precision."""

import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

from pipeline.errors import InputError
from pipeline.extract import extract_mentions
from pipeline.load.structure import check_structure
from pipeline.methods import stated_attributes
from pipeline.publish.page import survey_page
from pipeline.survey_draft import survey_draft

from .conftest import build, query, report, run_add_source

ARTICLE = Path(__file__).parent / "data" / "new_survey_article.txt"
SOURCE, SURVEY = "covoiturage_lyon", "covoiturage_lyon_2025"
VARIABLES = """
- variable_id: carpool_weekly
  label_fr: Covoiture chaque semaine pour aller travailler
  label_en: Carpools to work every week
  question_type: single
  categories_exhaustive: false
  question_type_basis: Assumed; one answer is quoted.
  categories:
    - category_id: weekly
      label_fr: Oui
      label_en: "Yes"
- variable_id: carpool_reason
  label_fr: Raison principale de covoiturer
  label_en: Main reason to carpool
  question_type: single
  categories_exhaustive: false
  question_type_basis: Assumed; one answer is quoted.
  categories:
    - category_id: costs
      label_fr: Réduire ses frais
      label_en: Cutting costs
- variable_id: carpool_tried
  label_fr: A déjà essayé le covoiturage
  label_en: Has tried carpooling
  question_type: single
  categories_exhaustive: false
  question_type_basis: Assumed; one answer is quoted.
  categories:
    - category_id: never
      label_fr: Jamais
      label_en: Never
"""


def add_source(raw: Path) -> subprocess.CompletedProcess:
    return run_add_source(ARTICLE, SOURCE, SURVEY, raw)


def _write(path: Path, doc) -> None:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_new_survey_is_drafted_from_its_article_completed_and_published(project):
    done = add_source(project.raw)
    assert done.returncode == 0, done.stderr
    survey_path = project.raw / "surveys" / f"{SURVEY}.yml"
    assert f"wrote {survey_path}" in done.stdout

    # The draft of the survey holds what the text states of it: "réalisée en mars 2025 auprès
    # de 1 204 salariés" is a sample size and a fieldwork known only to its month.
    survey = yaml.safe_load(survey_path.read_text(encoding="utf-8"))
    drafted = survey["survey"]
    assert (drafted["sample_size"], drafted["fieldwork_start"], drafted["fieldwork_end"]) == (
        1204,
        "2025-03",
        "2025-03",
    )
    assert (drafted["year"], drafted["year_status"]) == (2025, "stated")
    assert (drafted["margin_of_error"], drafted["margin_of_error_min"]) == (2.8, None)
    # and in words: what the sample counts, how the answers were collected, who ran it
    assert (drafted["sample_unit"], drafted["collection_mode"]) == ("salariés", "online")
    assert drafted["producer"] == (
        "TODO: the short name of the organisation that ran the survey (the text names "
        "Observatoire des mobilités lyonnaises)"
    )
    assert drafted["target_population_fr"] == (
        "TODO: the population the survey asked, in French (the text says salariés de la métropole)"
    )
    assert [p["population_id"] for p in survey["populations"]] == [f"{SURVEY}_all"]

    # Until its TODOs are replaced, the build refuses it and says what each one stands for.
    refused = report(build(project))
    assert f"{survey_path}: survey.producer: producer is still the draft's placeholder" in refused
    assert "Fix: replace it with the short name of the organisation that ran the survey" in (
        refused
    )

    drafted.update(
        producer="Observatoire des mobilités lyonnaises",
        title_fr="Enquête sur le covoiturage des salariés de la métropole de Lyon",
        title_en="Survey of carpooling among employees of the Lyon metropolitan area",
        target_population_fr="Salariés de la métropole de Lyon",
        target_population_en="Employees of the Lyon metropolitan area",
    )
    survey["populations"].append(
        {
            "population_id": "covoiturage_lyon_2025_carpoolers",
            "label_fr": "Salariés qui covoiturent chaque semaine",
            "label_en": "Employees who carpool every week",
            "parent_population_id": f"{SURVEY}_all",
            "condition_fr": "Covoiture chaque semaine",
            "condition_en": "Carpools every week",
            "defined_by": {"variable_id": "carpool_weekly", "category_id": "weekly"},
        }
    )
    _write(survey_path, survey)
    variables = project.raw / "codelists" / "variables.yml"
    variables.write_text(variables.read_text(encoding="utf-8") + VARIABLES, encoding="utf-8")

    # The person takes the draft's attributes as they are and maps the three shares.
    folder = project.raw / "sources" / SOURCE
    draft = yaml.safe_load((folder / "draft.yml").read_text(encoding="utf-8"))["mentions"]
    ann = yaml.safe_load((folder / "annotations.yml").read_text(encoding="utf-8"))
    ids = {
        "18 %": ("carpool_weekly", "weekly", f"{SURVEY}_all"),
        "61 %": ("carpool_reason", "costs", "covoiturage_lyon_2025_carpoolers"),
        "25 %": ("carpool_tried", "never", f"{SURVEY}_all"),
    }
    for m in draft:
        ann["attributes"] += m.get("as_attributes", [])
        if m["surface"] in ids:
            obs = m["as_observation"]
            obs["variable_id"], obs["category_id"], obs["population_id"] = ids[m["surface"]]
            ann["observations"].append(obs)
    _write(folder / "annotations.yml", ann)
    assert add_source(project.raw).returncode == 0
    draft = yaml.safe_load((folder / "draft.yml").read_text(encoding="utf-8"))["mentions"]
    (quarter,) = draft  # "Un salarié sur quatre" restates the 25 %: a claim, as proposed
    ann["claims"].append(quarter["as_claim"])
    _write(folder / "annotations.yml", ann)

    result = build(project)
    assert result.success, report(result)
    release = project.warehouse
    assert query(
        release,
        "SELECT sample_size, fieldwork_start, fieldwork_end, fieldwork_precision, year, "
        "margin_of_error FROM dim_survey WHERE survey_id = ?",
        SURVEY,
    ) == [(1204, date(2025, 3, 1), date(2025, 3, 31), "month", 2025, 2.8)]
    assert query(
        release,
        "SELECT attribute, value, quote FROM attribute_evidence WHERE source_id = ? "
        "ORDER BY attribute, number_start",
        SOURCE,
    ) == [  # the lead and the methodology note state them both: a row for each statement
        ("fieldwork_end", "2025-03", "mars 2025"),
        ("fieldwork_end", "2025-03", "mars 2025"),
        ("fieldwork_start", "2025-03", "mars 2025"),
        ("fieldwork_start", "2025-03", "mars 2025"),
        ("margin_of_error", "2.8", "marge d'erreur de ± 2,8 points"),
        ("sample_size", "1204", "auprès de 1 204"),
        ("sample_size", "1204", "échantillon de 1 204"),
    ]
    page = (release / survey_page(SURVEY)).read_text(encoding="utf-8")
    # the month, not its first day; the margin of error the note states
    assert "1,204 respondents, fieldwork 2025-03, margin of error ±2.8 points." in page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Enquête menée du 3 au 17 mars 2025 auprès de 2 004 actifs.",
            (2004, None, "2025-03-03", "2025-03-17", 2025, "stated"),
        ),
        (
            "Sondage réalisé auprès de plus de 1 600 dirigeants en juin 2024.",
            (1600, "plus de", "2024-06", "2024-06", 2024, "stated"),
        ),
        (  # parts of two years: the months they stand for
            "Enquête réalisée entre fin 2024 et début 2025 auprès de 1 000 personnes.",
            (1000, None, "2024-09", "2025-04", 2024, "stated"),
        ),
        (  # two sample sizes (the voters among the people asked): the curator chooses
            "Réalisé auprès d'un échantillon de 1 509 inscrits, issu d'un échantillon de 1 652 "
            "personnes, les 18 et 19 novembre 2025.",
            (None, None, "2025-11-18", "2025-11-19", 2025, "stated"),
        ),
        (  # a period without its year: no date the survey file can hold, nor a year
            "Menée entre le 20 juin et le 12 juillet auprès de 1.600 dirigeants.",
            (
                1600,
                None,
                None,
                None,
                "TODO: the year of the fieldwork",
                "TODO: stated, or inferred when no source gives the year",
            ),
        ),
        (
            "Selon une étude publiée le 3 mars 2025.",
            (
                None,
                None,
                None,
                None,
                "TODO: the year of the fieldwork",
                "TODO: stated, or inferred when no source gives the year",
            ),
        ),
    ],
)
def test_the_survey_draft_holds_what_the_text_states_of_it(text, expected):
    stated = [a for m in extract_mentions(text) for a in stated_attributes(m, text)]
    survey = survey_draft("s_2025", stated)["survey"]
    assert (
        survey["sample_size"],
        survey["sample_size_qualifier"],
        survey["fieldwork_start"],
        survey["fieldwork_end"],
        survey["year"],
        survey["year_status"],
    ) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # the seed's case: days without a year, before the article's publication
            "Menée entre le 20 juin et le 12 juillet auprès de 1.600 dirigeants.",
            "2024-07-25",
            ("2024-06-20", "2024-07-12", 2024, "inferred"),
        ),
        (  # published before those days that year: they were the year before
            "Menée entre le 20 juin et le 12 juillet.",
            "2024-07-01",
            ("2023-06-20", "2023-07-12", 2023, "inferred"),
        ),
        (
            "Sondage réalisé du 20 décembre au 5 janvier.",
            "2025-02-01",
            ("2024-12-20", "2025-01-05", 2025, "inferred"),
        ),
        ("Enquête réalisée fin mars.", "2025-05-10", ("2025-03", "2025-03", 2025, "inferred")),
        (  # the year written wins over the publication date
            "Enquête réalisée en mars 2023.",
            "2025-05-10",
            ("2023-03", "2023-03", 2023, "stated"),
        ),
    ],
)
def test_days_without_their_year_take_it_from_the_publication_date(text, published, expected):
    stated = [a for m in extract_mentions(text) for a in stated_attributes(m, text)]
    survey = survey_draft("s", stated, published)["survey"]
    got = (survey["fieldwork_start"], survey["fieldwork_end"], survey["year"])
    assert (*got, survey["year_status"]) == expected
    if expected[3] == "inferred":  # a person says why, before the build takes the file
        assert survey["year_basis"].startswith("TODO: why the fieldwork took place in")
        with pytest.raises(InputError, match="year_basis is still the draft's placeholder"):
            check_structure(survey_draft("s", stated, published), "survey", Path("s.yml"))


def test_the_survey_draft_holds_the_margins_of_error_it_states():
    text = "Les marges d'erreur vont de ± 1,5 à ± 3,5 points. Enquête réalisée en mars 2025."
    stated = [a for m in extract_mentions(text) for a in stated_attributes(m, text)]
    survey = survey_draft("s_2025", stated)["survey"]
    assert (survey["margin_of_error"], survey["margin_of_error_min"]) == (3.5, 1.5)
    one = "La marge d'erreur est de ± 2,2 points."
    stated = [a for m in extract_mentions(one) for a in stated_attributes(m, one)]
    survey = survey_draft("s_2025", stated)["survey"]
    assert (survey["margin_of_error"], survey["margin_of_error_min"]) == (2.2, None)
