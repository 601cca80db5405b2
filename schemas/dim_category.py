"""dim_category: the answer options of each variable."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import fk, id_field, text_field


class DimCategory(pa.DataFrameModel):
    """Categories: the answer options of each variable.

    A category id is unique within its variable; (variable_id, category_id) is the key.
    """

    variable_id: Series[str] = id_field("Variable this answer option belongs to.")
    category_id: Series[str] = id_field("Identifier of the answer option within its variable.")
    label_fr: Series[str] = text_field("Answer option, in French.")
    label_en: Series[str] = text_field("Answer option, in English.")
    position: Series[pd.Int64Dtype] = pa.Field(
        description="Position of the option in its variable's codelist (1-based): display order.",
        ge=1,
    )
    is_net: Series[bool] = pa.Field(
        description="True for a net category: 'at least one of' the variable's other options."
    )

    class Config:
        strict = True
        coerce = True
        unique = ["variable_id", "category_id"]
        metadata = {
            "primary_key": ["variable_id", "category_id"],
            "foreign_keys": [fk("variable_id", "dim_variable")],
        }
