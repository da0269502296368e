"""Shared test configuration: the Hypothesis profiles.

``default``
    For development: Hypothesis's own example counts, no deadline.
``ci``
    Selected with ``HYPOTHESIS_PROFILE=ci`` (the README's test command, ``tools/check.py``,
    sets it): no deadline, no example database, failing examples printed as blobs so they
    can be replayed. Heavy property tests read the profile to run more examples there: the
    round trip over every record type in ``test_nothing_lost.py`` runs 10 000 examples in
    total under ``ci``.

Neither profile sets a deadline: a slow, shared CI machine must not turn into a flaky test.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
