"""The matches of a pattern in a mention's sentence that hold the mention."""

import re
from collections.abc import Iterator

from pipeline.extract import Mention


def holding(pattern: re.Pattern, m: Mention, text: str) -> Iterator[re.Match]:
    """Each match of `pattern` in `m`'s sentence that starts at or before `m` and ends at or
    after it, in the order of the text."""
    for found in pattern.finditer(text, m.sentence_start, m.sentence_end):
        if found.start() > m.start:
            return
        if m.end <= found.end():
            yield found
