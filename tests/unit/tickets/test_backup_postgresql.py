"""``callbot backup`` and ``restore`` on PostgreSQL (pg_dump, pg_restore), on a throwaway
cluster: a store restored into another database and a fresh recordings root is the same."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from callbot.config import load_config
from callbot.tickets.db import make_engine
from tests.support.postgres import TestCluster
from tests.support.store_copy import files, populate, rows

pytestmark = pytest.mark.postgresql


PROJECT = Path(__file__).resolve().parents[3]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command as people run it: a process of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "callbot.cli", *args],
        env=env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def server(postgres_cluster: TestCluster) -> Iterator[TestCluster]:
    """The session's throwaway cluster; the databases this module made are dropped after it."""
    yield postgres_cluster
    for name in ("callbot_a", "callbot_b"):
        postgres_cluster.server.drop_database(name)


def test_restore_into_another_database_gives_the_same_store(
    server: TestCluster, tmp_path: Path
) -> None:
    first, second, saved = tmp_path / "a", tmp_path / "b", tmp_path / "backup"
    urls = [server.server.create_database("callbot_a"), server.server.create_database("callbot_b")]
    settings = [
        ["--set", f"storage.root={root}", "--set", f"storage.database_url={url}"]
        for root, url in zip((first, second), urls, strict=True)
    ]
    assert _cli(*settings[0], "db", "upgrade").returncode == 0
    populate(load_config(environ={}, settings=settings[0][1::2], project_dir=first))
    done = _cli(*settings[0], "backup", "--to", str(saved))
    assert done.returncode == 0, done.stderr
    assert (saved / "database.dump").is_file()
    done = _cli(*settings[1], "restore", str(saved))
    assert done.returncode == 0, done.stderr
    print(done.stdout)
    again = _cli(*settings[1], "restore", str(saved))
    assert again.returncode == 2 and "--force" in again.stderr  # not over a store
    a, b = make_engine(urls[0]), make_engine(urls[1])
    before, after = rows(a), rows(b)
    assert before == after and len(before["tickets"]) == 5 and before["sessions"] == []
    copied, original = files(second / "recordings"), files(first / "recordings")
    copied.pop(".pending/1764900099.1")
    original.pop(".pending/1764900099.1")
    assert copied == original
    assert _cli(*settings[1], "tickets", "recover").returncode == 0
    a.dispose()
    b.dispose()
