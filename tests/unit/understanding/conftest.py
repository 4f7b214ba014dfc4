"""Fixtures of the understanding tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from callbot.understanding import need_model


@pytest.fixture
def rules_only() -> Iterator[None]:
    """The need parser without its statistical model for the test (the per-round tests of
    issue 13 check the rules alone), as it was after."""
    was = need_model.model_enabled()
    need_model.use_model(False)
    try:
        yield
    finally:
        need_model.use_model(was)


@pytest.fixture
def with_model() -> Iterator[None]:
    """The need parser with its statistical model, as callers get it (the tests of what the
    model may or may not do), as it was after."""
    was = need_model.model_enabled()
    need_model.use_model(True)
    try:
        yield
    finally:
        need_model.use_model(was)
