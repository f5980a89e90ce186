"""Shared fixtures: example specs and their derivations, derived once per test session."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))

settings.register_profile("default", max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# CI draws the same 25 examples per property on every run (derandomize), so a red CI is a reproducible bug,
# not luck; the default profile draws fresh examples each run and explores.
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")


@functools.lru_cache(maxsize=None)
def derivation_of(path: str, check: bool = True):
    from derive.derivation import derive
    from derive.spec import load_spec

    return derive(load_spec(path), check=check)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def reference():
    return derivation_of(str(ROOT / "examples" / "reference_mlp.toml"))
