"""dim_unit: one row per unit a figure can have."""

import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import id_field, text_field


class DimUnit(pa.DataFrameModel):
    """Units: what a value in each unit of fact_observation.unit is, and how to convert it.

    One row per unit, published or not. Units that measure one quantity convert to its base
    unit: a value times factor_to_base is in base_unit (69 hectares are 690000 square_metres).
    """

    unit: Series[str] = id_field("Identifier of the unit, as in fact_observation.unit.")
    quantity: Series[str] = text_field(
        "What the unit measures: share, count, amount of money, duration, area, mass…; units "
        "of one quantity convert to one another."
    )
    symbol: Series[str] = text_field(
        "How the release writes a value in this unit after its number ('%', '€', 'ha', "
        "'km²'); null for a count or a number.",
        nullable=True,
    )
    base_unit: Series[str] = id_field(
        "Unit of this table, of the same quantity, that values convert to (a unit that "
        "converts to no other is its own base)."
    )
    factor_to_base: Series[float] = pa.Field(
        description="A value in this unit times this factor is the value in base_unit: 10000.0 "
        "for hectares (base square_metres), 60.0 for hours (base minutes), 1.0 for a base unit.",
        gt=0,
    )
    description: Series[str] = text_field("What a value in this unit is, with an example.")

    class Config:
        strict = True
        coerce = True
        unique = ["unit"]
        metadata = {"primary_key": ["unit"]}
