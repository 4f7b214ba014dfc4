"""Fixtures every test folder shares: one ticket database, on SQLite or on PostgreSQL.

``database`` is a migrated, empty database with the stores the tests use on it
(:class:`tests.support.database.Database`); ``database_url`` is its URL alone (the console
tests build their own stores from a configuration). Both are SQLite files in the test's own
directory, unless the test runs on both databases: a module or test marked
``both_databases`` runs once on SQLite and once on PostgreSQL (ids ``[sqlite]`` and
``[postgresql]``; a test of it marked ``sqlite_only`` stays on SQLite, one marked
``postgresql_only`` runs on PostgreSQL alone). The PostgreSQL runs
carry the ``postgresql`` marker and share one throwaway cluster per session (per xdist worker),
each test on a fresh copy of a migrated template database.
"""

from __future__ import annotations

import gc
import logging
import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.database import Database, open_database_url
from tests.support.postgres import TestCluster

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(autouse=True)
def _root_logging_as_it_was() -> Iterator[None]:
    """The root logger's handlers and level put back after each test: a command run in the
    test's process (``callbot.cli.main``) installs a handler on the stderr pytest captured
    for that test, and a thread of a later test (an AMI client reconnecting) would log to
    that closed stream ("--- Logging error ---")."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    definition = metafunc.definition
    if "db_backend" not in metafunc.fixturenames:
        return
    if definition.get_closest_marker("postgresql_only") is not None:
        metafunc.parametrize("db_backend", ["postgresql"], indirect=True)
    elif (
        definition.get_closest_marker("both_databases") is not None
        and definition.get_closest_marker("sqlite_only") is None
    ):
        metafunc.parametrize("db_backend", BACKENDS, indirect=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("db_backend") == "postgresql":
            item.add_marker(pytest.mark.postgresql)
    workers = os.environ.get("PYTEST_XDIST_WORKER_COUNT", "")  # set in xdist's workers
    _long_ones_first(items, int(workers) if workers.isdigit() and int(workers) > 0 else 1)


def _long_ones_first(items: list[pytest.Item], workers: int) -> None:
    """The tests marked ``long`` (a minute or more of real calls), longest first, dealt in
    turn to the heads of the equal shares xdist's worksteal first gives each worker, so that
    none of them starts last and runs on alone while the other workers idle."""

    def seconds(item: pytest.Item) -> float:
        marker = item.get_closest_marker("long")
        return float(marker.args[0]) if marker is not None else 0.0

    long_ones = sorted((i for i in items if seconds(i)), key=seconds, reverse=True)
    if not long_ones:
        return
    rest = [i for i in items if not seconds(i)]
    shares: list[list[pytest.Item]] = [[] for _ in range(workers)]
    for n, item in enumerate(long_ones):
        shares[n % workers].append(item)
    ordered: list[pytest.Item] = []
    for k in range(workers):  # worksteal: share k is pending[:len(pending) // (workers - k)]
        size = (len(items) - len(ordered)) // (workers - k)
        take = max(0, size - len(shares[k]))
        ordered += shares[k] + rest[:take]
        del rest[:take]
    items[:] = ordered + rest


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[TestCluster]:
    """The session's throwaway PostgreSQL cluster (started at its first use)."""
    cluster = TestCluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module")
def module_postgres_url(postgres_cluster: TestCluster) -> Iterator[str]:
    """A migrated database of the session's throwaway cluster, shared by one module's tests."""
    name, url = postgres_cluster.new_database()
    yield url
    postgres_cluster.drop(name)


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on: "sqlite" unless parametrized (both_databases)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def database_url(db_backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """An empty, migrated database's URL: a SQLite file in the test's directory, or a fresh
    PostgreSQL database."""
    if db_backend == "sqlite":
        path = tmp_path / "storage" / "callbot.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        yield f"sqlite:///{path}"
        return
    cluster: TestCluster = request.getfixturevalue("postgres_cluster")
    name, url = cluster.new_database()
    yield url
    cluster.drop(name)
    # A connection the test's threads left checked out of a disposed engine would warn when
    # the garbage collector meets it, in whatever test runs then: meet it here, quietly (its
    # server side is gone with the database).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """An empty, migrated ticket database and the stores on it."""
    opened = open_database_url(database_url)
    yield opened
    opened.engine.dispose()
