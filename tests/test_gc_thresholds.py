"""A build raises the collector's thresholds while it runs and restores them, even on error."""

import gc

import pytest

from pipeline.gc_thresholds import BUILD_THRESHOLDS, fewer_collections


def test_thresholds_are_raised_then_restored():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == BUILD_THRESHOLDS
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a failed build")
    assert gc.get_threshold() == before
