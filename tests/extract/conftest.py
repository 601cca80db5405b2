"""Hypothesis profiles: quick by default, 100 000 examples with HYPOTHESIS_PROFILE=long."""

import os

from hypothesis import HealthCheck, settings

# Extraction time grows with the text, so no per-example deadline.
settings.register_profile("extract-ci", max_examples=150, deadline=None)
settings.register_profile(
    "long",
    max_examples=100_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "extract-ci"))
