"""Foreign keys of a published table resolve in the tables they reference."""

import pandas as pd

from pipeline.rows import tuples
from schemas.spec import TableSpec


def foreign_key_failures(
    df: pd.DataFrame, spec: TableSpec, tables: dict[str, pd.DataFrame]
) -> pd.DataFrame:
    """One row per value of a foreign key that has no match (null keys are not references)."""
    out = []
    for fk in spec.foreign_keys:
        fields, ref = fk["fields"], fk["reference"]
        target = tables[ref["resource"]]
        known = set(tuples(target, ref["fields"]))
        present = df[fields].dropna()
        for key in tuples(present.drop_duplicates()):
            if key not in known:
                out.append(
                    {
                        "columns": ", ".join(fields),
                        "value": ", ".join(map(str, key)),
                        "references": f"{ref['resource']}({', '.join(ref['fields'])})",
                        "rows": int(
                            (present[fields] == pd.Series(key, index=fields)).all(axis=1).sum()
                        ),
                    }
                )
    return pd.DataFrame(out, columns=["columns", "value", "references", "rows"])
