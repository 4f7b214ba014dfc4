"""One throwaway PostgreSQL cluster per test session (per pytest-xdist worker), with a migrated
template database: a test's database is a copy of it (``CREATE DATABASE ... TEMPLATE``, a few
tens of milliseconds), dropped when the test ends.

The cluster listens on loopback at the test instance's port base + 32 (the base as the
integration tests compute it: ``CALLBOT_TEST_PORT_BASE``, offset by 1000 per xdist worker), so
test runs beside each other do not collide; as root it runs as the ``postgres`` user.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

from callbot.sandbox.postgres import ThrowawayPostgres
from callbot.tickets.db import upgrade

TEMPLATE = "callbot_template"


def port_base() -> int:
    """The test instance's port base: CALLBOT_TEST_PORT_BASE (20000 under xdist when unset,
    then 1000 more per worker), else 15000 (the plain run's)."""
    base = os.environ.get("CALLBOT_TEST_PORT_BASE")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw"):
        return int(base or 20000) + 1000 * int(worker[2:])
    return int(base) if base else 15000


class TestCluster:
    """A running cluster, its template database, and fresh databases made from it."""

    __test__ = False  # not a test class

    def __init__(self) -> None:
        port = port_base() + 32
        directory = Path(tempfile.gettempdir()) / "callbot-pg" / f"test{port}"
        self.server = ThrowawayPostgres(directory, port)
        self._names = itertools.count(1)

    def start(self) -> None:
        self.server.start()
        self.server.create_database(TEMPLATE)
        upgrade(self.server.url(TEMPLATE))

    def stop(self) -> None:
        self.server.stop()

    def new_database(self) -> tuple[str, str]:
        """A fresh migrated database: (name, SQLAlchemy URL)."""
        name = f"t{os.getpid()}_{next(self._names)}"
        return name, self.server.create_database(name, template=TEMPLATE)

    def drop(self, name: str) -> None:
        self.server.drop_database(name)
