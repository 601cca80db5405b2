"""Field builders shared by the table schemas (patterns and id rules in one place)."""

import pandera.pandas as pa

ID_PATTERN = r"^[a-z0-9][a-z0-9_]{0,63}$"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
SHA256 = r"^[0-9a-f]{64}$"


def id_field(description: str, nullable: bool = False, **kw) -> pa.Field:
    return pa.Field(description=description, nullable=nullable, str_matches=ID_PATTERN, **kw)


def date_field(description: str, nullable: bool = True) -> pa.Field:
    return pa.Field(
        description=description,
        nullable=nullable,
        str_matches=ISO_DATE,
        metadata={"type": "date"},
    )


def text_field(description: str, nullable: bool = False, **kw) -> pa.Field:
    return pa.Field(description=description, nullable=nullable, **kw)


def fk(column: str, table: str, ref_column: str | None = None) -> dict:
    """A Table Schema foreign key from this table's column(s) to another table."""
    cols = column.split(",")
    refs = (ref_column or column).split(",")
    return {"fields": cols, "reference": {"resource": table, "fields": refs}}
