"""dim_source: one row per source document."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SHA256, date_field, id_field, text_field


class DimSource(pa.DataFrameModel):
    """Source documents.

    One row per article (or other text) that quotes survey figures. Outlet, URL and
    publication date are null when the document does not state them; nothing is invented.
    """

    source_id: Series[str] = id_field("Identifier of the source document.")
    title: Series[str] = text_field("Title of the document, as published.")
    outlet: Series[str] = text_field(
        "Publication or website that published the document; null when unknown.", nullable=True
    )
    url: Series[str] = text_field("Address of the document; null when unknown.", nullable=True)
    language: Series[str] = text_field("ISO 639-1 language code of the text.", str_length=2)
    published_date: Series[str] = date_field(
        "Publication date (ISO 8601); null when the document does not state it."
    )
    published_date_note: Series[str] = text_field(
        "What is known of the publication date when it is not stated, and how.", nullable=True
    )
    text_sha256: Series[str] = text_field(
        "SHA-256 of the text file as received; verified on every build.", str_matches=SHA256
    )
    text_chars: Series[pd.Int64Dtype] = pa.Field(
        description="Length of the text in characters: the range of every offset into it.", ge=1
    )
    rights_note: Series[str] = text_field(
        "Rights in the document and how this dataset uses it (short quotations as citations)."
    )

    class Config:
        strict = True
        coerce = True
        unique = ["source_id"]
        metadata = {"primary_key": ["source_id"]}
