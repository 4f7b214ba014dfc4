"""Fixtures of the understanding tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from callbot.understanding import need_model


def _model_set(enabled: bool) -> Iterator[None]:
    """The need parser with its statistical model on or off for the test, as it was after."""
    was = need_model.model_enabled()
    need_model.use_model(enabled)
    try:
        yield
    finally:
        need_model.use_model(was)


@pytest.fixture
def rules_only() -> Iterator[None]:
    """The need parser without its statistical model (the per-round tests of issue 13 check
    the rules alone)."""
    yield from _model_set(False)


@pytest.fixture
def with_model() -> Iterator[None]:
    """The need parser with its statistical model, as callers get it (the tests of what the
    model may or may not do)."""
    yield from _model_set(True)


@pytest.fixture(params=[True, False], ids=["model", "rules"])
def both(request: pytest.FixtureRequest) -> Iterator[None]:
    """The need parser with its model, then without (the round tests that check both)."""
    yield from _model_set(request.param)
