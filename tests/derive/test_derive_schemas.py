"""fact_derived and fact_claim schemas: described columns, strictness, allowed values."""

import pandas as pd
import pytest
from pandera.errors import SchemaError, SchemaErrors

from schemas.fact_claim import FactClaim
from schemas.fact_derived import FactDerived
from schemas.spec import table_spec

INVALID = (SchemaError, SchemaErrors)


@pytest.mark.parametrize("model, name", [(FactDerived, "fact_derived"), (FactClaim, "fact_claim")])
def test_every_column_is_described(model, name):
    spec = table_spec(model)  # raises on a column without description
    assert spec.name == name and spec.title
    assert all(c.description for c in spec.columns)


DERIVED_ROW = {
    "derived_id": "s.v.c.p/respondent_count",
    "survey_id": "s",
    "kind": "respondent_count",
    "variable_id": "v",
    "category_id": "c",
    "population_id": "p",
    "value": 848.0,
    "value_low": 840.0,
    "value_high": 856.0,
    "bounds": "[)",
    "unit": "count",
    "formula": "53% [52.5, 53.5) of 'p' × 1,600 respondents = 848 [840, 856) respondents",
    "input_observation_ids": "s.v.c.p",
    "assumption": None,
}


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "ratio"},
        {"bounds": "[["},
        {"unit": "percentage"},
        {"input_observation_ids": "a  b"},
        {"derived_id": "has space"},
        {"value": 900.0},
    ],
)
def test_fact_derived_rejects(change):
    with pytest.raises(INVALID):
        FactDerived.validate(pd.DataFrame([{**DERIVED_ROW, **change}]))


def test_fact_derived_is_strict():
    FactDerived.validate(pd.DataFrame([DERIVED_ROW]))
    with pytest.raises(INVALID):
        FactDerived.validate(pd.DataFrame([{**DERIVED_ROW, "extra": 1}]))


CLAIM_ROW = {
    "source_id": "src",
    "claim_id": "majority",
    "quote": "Une majorité",
    "char_start": 321,
    "char_end": 333,
    "rule": "majority",
    "rule_type": "threshold",
    "observation_ids": "s.v.c.p",
    "verdict": "supported",
    "arithmetic": "53% [52.5, 53.5) ∩ (50, ∞) = [52.5, 53.5) → supported",
    "rule_description": "majority («une majorité»): a majority, i.e. a value in (50, ∞)",
}


@pytest.mark.parametrize(
    "change",
    [{"verdict": "unsupported"}, {"char_end": 321}, {"rule_type": "vibe"}, {"rule": "Bad Rule"}],
)
def test_fact_claim_rejects(change):
    FactClaim.validate(pd.DataFrame([CLAIM_ROW]))
    with pytest.raises(INVALID):
        FactClaim.validate(pd.DataFrame([{**CLAIM_ROW, **change}]))
