"""Shared test configuration: the Hypothesis profiles, and a terminal of 100 columns for every test.

``default``
    For development: Hypothesis's own example counts, no deadline.
``ci``
    Selected with ``HYPOTHESIS_PROFILE=ci`` (the README's test command, ``tools/check.py``,
    sets it): no deadline, no example database, failing examples printed as blobs so they
    can be replayed. Heavy property tests read the profile to run more examples there: the
    round trip over every record type in ``test_nothing_lost.py`` runs 10 000 examples in
    total under ``ci``.

Neither profile sets a deadline, and ``ci`` does not check how fast inputs are drawn
(Hypothesis's ``too_slow`` health check): a slow, shared CI machine must not turn into a
flaky test. What is drawn is still checked (too much filtering, data too large).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None)
settings.register_profile(
    "ci", deadline=None, database=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _a_terminal_of_100_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports wrap to the terminal's width (``COLUMNS`` first): every test sees 100 columns,
    whatever terminal (or pytest-xdist worker, or none) runs the suite. A test that
    needs another width sets ``COLUMNS`` itself."""
    monkeypatch.setenv("COLUMNS", "100")
