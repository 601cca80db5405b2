"""Annotations with one object per distinct string, so that pickling them writes each once.

Each source's annotations are unpickled from the source's own file, so the same key or value
in two sources is two objects, and pickling all sources together wrote every copy again:
35 MB at 10,000 sources instead of 10 MB, and each step that read them back paid for it.
"""

from dataclasses import replace

from pipeline.load.annotations import Annotations


def shared_strings(annotations: list[Annotations]) -> list[Annotations]:
    """Equal annotations whose equal string keys and values are one object each."""
    seen: dict[str, str] = {}
    one = seen.setdefault

    def share(item: dict) -> dict:
        return {
            (one(k, k) if type(k) is str else k): (one(v, v) if type(v) is str else v)
            for k, v in item.items()
        }

    return [
        replace(a, sections={s: [share(item) for item in items] for s, items in a.sections.items()})
        for a in annotations
    ]
