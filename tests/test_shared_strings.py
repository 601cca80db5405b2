"""shared_strings: the same annotations, with each distinct string one object."""

import pickle
from pathlib import Path

from pipeline.load.annotations import Annotations
from pipeline.model.shared import shared_strings


def _annotations(source_id: str) -> Annotations:
    # Strings built at run time, as unpickling builds them: equal but distinct objects.
    def s(text: str) -> str:
        return "".join(list(text))

    item = {s("id"): s("a"), s("unit"): s("percent"), s("value"): 53, s("observations"): ["a"]}
    item[True] = 1  # not a string key: kept as it is (True == 1 must not become 1)
    return Annotations(
        path=Path(f"raw/sources/{source_id}/annotations.yml"),
        source_id=source_id,
        survey_id=s("survey"),
        sections={"observations": [item], "attributes": [], "claims": [], "ignore": []},
    )


def test_shared_strings_are_equal_annotations_with_one_object_per_string():
    before = [_annotations("s1"), _annotations("s2")]
    after = shared_strings(before)
    assert after == before
    first, second = (a.sections["observations"][0] for a in after)
    assert [type(k) for k in first] == [type(k) for k in before[0].sections["observations"][0]]
    for key in ("id", "unit"):
        k1 = next(k for k in first if k == key)
        k2 = next(k for k in second if k == key)
        assert k1 is k2 and first[key] is second[key]
    assert len(pickle.dumps(after)) < len(pickle.dumps(before))
