"""Fixtures every test folder shares: one ticket database on the real SQLite engine.

``database`` is a migrated, empty database in the test's own directory, with the stores the
tests use on it (:class:`tests.support.database.Database`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.database import Database, open_database


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated ticket database in the test's directory."""
    opened = open_database(tmp_path / "storage" / "callbot.db")
    yield opened
    opened.engine.dispose()
