"""The console unit tests' site: a console on a test database (SQLite, or PostgreSQL where a
module is marked ``both_databases``) with its four operators; a module that needs more
defines its own ``site``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from callbot.config import load_config
from tests.support.console import Site


@pytest.fixture
def site(tmp_path: Path, database_url: str) -> Iterator[Site]:
    config = load_config(
        environ={
            "CALLBOT_STORAGE__ROOT": str(tmp_path),
            "CALLBOT_STORAGE__DATABASE_URL": database_url,
        },
        project_dir=tmp_path,
    )
    built = Site(config)
    yield built
    built.close()
