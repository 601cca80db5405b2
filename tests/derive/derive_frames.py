"""Small hand-built frames shaped like the seed survey (CPME 2024, 1,600 SME leaders)."""

import pandas as pd

SURVEY = "cpme"
ALL, USERS, BIG, ATTACKED = "all", "ai_users", "firms_50plus", "attacked"


def obs_id(variable: str, category: str, population: str, survey: str = SURVEY) -> str:
    return f"{survey}.{variable}.{category}.{population}"


def observations_frame(rows: list[tuple], survey: str = SURVEY) -> pd.DataFrame:
    """(variable, category, population, value[, overrides]) → fact_observation-like rows.

    Overrides: decimals (default 0), unit (default percent), ambiguity.
    """
    out = []
    for row in rows:
        variable, category, population, value = row[:4]
        extra = row[4] if len(row) > 4 else {}
        decimals = extra.get("decimals", 0)
        half = 0.5 * 10.0**-decimals
        out.append(
            {
                "observation_id": obs_id(variable, category, population, survey),
                "survey_id": survey,
                "variable_id": variable,
                "category_id": category,
                "population_id": population,
                "value": float(value),
                "unit": extra.get("unit", "percent"),
                "decimals": decimals,
                "value_low": round(value - half, decimals + 1),
                "value_high": round(value + half, decimals + 1),
                "qualifier": None,
                "ambiguity": extra.get("ambiguity"),
            }
        )
    return pd.DataFrame(out)


def populations_frame(rows: list[tuple], survey: str = SURVEY) -> pd.DataFrame:
    """(population, parent, defined_by_variable, defined_by_category) → dim_population rows."""
    return pd.DataFrame(
        [
            {
                "population_id": p,
                "survey_id": survey,
                "label_fr": p,
                "label_en": p.replace("_", " "),
                "parent_population_id": parent,
                "condition_fr": p,
                "condition_en": p,
                "defined_by_variable_id": var,
                "defined_by_category_id": cat,
            }
            for p, parent, var, cat in rows
        ]
    )


def variables_frame(rows: list[tuple]) -> pd.DataFrame:
    """(variable, question_type, categories_exhaustive) → dim_variable rows."""
    return pd.DataFrame(
        [
            {
                "variable_id": v,
                "label_fr": v,
                "label_en": v,
                "question_type": t,
                "categories_exhaustive": e,
                "question_type_basis": None,
                "reference_period": None,
                "reference_period_fr": None,
            }
            for v, t, e in rows
        ]
    )


def categories_frame(rows: list[tuple]) -> pd.DataFrame:
    """(variable, category[, is_net]) → dim_category rows."""
    return pd.DataFrame(
        [
            {
                "variable_id": r[0],
                "category_id": r[1],
                "label_fr": r[1],
                "label_en": r[1],
                "is_net": bool(r[2]) if len(r) > 2 else False,
            }
            for r in rows
        ]
    )


def surveys_frame(sample_size=1600, qualifier=None, survey: str = SURVEY) -> pd.DataFrame:
    """One dim_survey-like row."""
    return pd.DataFrame(
        [
            {
                "survey_id": survey,
                "producer": "CPME",
                "title": "seed-shaped survey",
                "sample_size": pd.array([sample_size], dtype="Int64")[0],
                "sample_size_qualifier": qualifier,
                "collection_mode": None,
            }
        ]
    )


IMPACT_AMBIGUITY = "'6% d'entre elles' could also be read as 6% of all firms."

SEED_OBSERVATIONS = [
    ("ai_use", "used", ALL, 53),
    ("ai_use", "considering", ALL, 11),
    ("ai_purpose", "content_creation", USERS, 78),
    ("ai_purpose", "data_analysis", USERS, 22),
    ("ai_purpose", "admin_automation", USERS, 20),
    ("ai_purpose", "customer_recommendations", USERS, 17),
    ("ai_benefit", "time_saving", ALL, 77),
    ("ai_benefit", "new_practices", ALL, 43),
    ("ai_benefit", "performance", ALL, 33),
    ("ai_benefit", "cost_reduction", ALL, 17),
    ("ai_difficulty", "has_difficulties", ALL, 41),
    ("nis2_awareness", "heard_of", ALL, 11),
    ("nis2_awareness", "heard_of", BIG, 22),
    ("cyberattack", "attacked", ALL, 23),
    ("cyberattack_impact", "significant", ATTACKED, 6, {"ambiguity": IMPACT_AMBIGUITY}),
    ("security_measures", "any_measure", ALL, 95),
    ("security_measures", "passwords", ALL, 79),
    ("security_measures", "backups", ALL, 78),
    ("security_measures", "antivirus", ALL, 76),
    ("security_measures", "firewalls", ALL, 66),
]


def seed_frames() -> dict[str, pd.DataFrame]:
    """The seed article's figures and structure, as the core tables would hold them."""
    return {
        "observations": observations_frame(SEED_OBSERVATIONS),
        "populations": populations_frame(
            [
                (ALL, None, None, None),
                (USERS, ALL, "ai_use", "used"),
                (BIG, ALL, None, None),
                (ATTACKED, ALL, "cyberattack", "attacked"),
            ]
        ),
        "surveys": surveys_frame(),
        "variables": variables_frame(
            [
                ("ai_use", "single", False),
                ("ai_purpose", "multi", False),
                ("ai_benefit", "multi", False),
                ("ai_difficulty", "single", False),
                ("nis2_awareness", "single", False),
                ("cyberattack", "single", False),
                ("cyberattack_impact", "single", False),
                ("security_measures", "multi", False),
            ]
        ),
        "categories": categories_frame(
            [
                ("ai_use", "used"),
                ("ai_use", "considering"),
                ("ai_purpose", "content_creation"),
                ("ai_purpose", "data_analysis"),
                ("ai_purpose", "admin_automation"),
                ("ai_purpose", "customer_recommendations"),
                ("ai_benefit", "time_saving"),
                ("ai_benefit", "new_practices"),
                ("ai_benefit", "performance"),
                ("ai_benefit", "cost_reduction"),
                ("ai_difficulty", "has_difficulties"),
                ("nis2_awareness", "heard_of"),
                ("cyberattack", "attacked"),
                ("cyberattack_impact", "significant"),
                ("security_measures", "any_measure", True),
                ("security_measures", "passwords"),
                ("security_measures", "backups"),
                ("security_measures", "antivirus"),
                ("security_measures", "firewalls"),
            ]
        ),
    }
