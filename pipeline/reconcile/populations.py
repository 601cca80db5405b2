"""Which bases can be confused: a population and any population that contains or is inside it."""

import pandas as pd

from pipeline.rows import records


class Bases:
    """The population hierarchy of dim_population (population_id, parent_population_id,
    label_en), answering whether two bases are nested and how to name one."""

    def __init__(self, populations: pd.DataFrame) -> None:
        recs = records(populations)
        self._parent = {r["population_id"]: _id(r.get("parent_population_id")) for r in recs}
        self._label = {r["population_id"]: r.get("label_en") for r in recs}
        self._ancestors = {pid: self._chain(pid) for pid in self._parent}

    def _chain(self, pid: str) -> frozenset[str]:
        seen: list[str] = []
        node = self._parent.get(pid)
        while node is not None and node not in seen and node != pid:
            seen.append(node)
            node = self._parent.get(node)
        return frozenset(seen)

    def nested(self, a: str, b: str) -> bool:
        """a and b are the same base, or one contains the other (at any depth)."""
        return a == b or a in self._ancestors.get(b, ()) or b in self._ancestors.get(a, ())

    def name(self, pid: str) -> str:
        """'Label' (population_id), or the id alone when it has no label."""
        label = self._label.get(pid)
        return f"'{label}' ({pid})" if isinstance(label, str) and label else pid


def _id(value) -> str | None:
    return value if isinstance(value, str) and value else None
