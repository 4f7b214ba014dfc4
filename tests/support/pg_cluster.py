"""A throwaway PostgreSQL cluster for one test module: Debian's PostgreSQL binaries, run as the
``postgres`` user (pg_ctl refuses root) in a temporary directory, on a free loopback port."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin(tool: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"))
    if not found:
        raise RuntimeError(f"{tool} missing: apt-get install postgresql")
    return found[-1]


def _as_postgres(*args: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True)


@contextmanager
def cluster() -> Iterator[str]:
    """A running cluster; yields the server's ``host:port`` (trust authentication)."""
    home = Path(tempfile.mkdtemp(prefix="callbot-pg-", dir="/tmp"))
    shutil.chown(home, "postgres", "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = home / "data"
    _as_postgres(_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
    _as_postgres(
        _bin("pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(home / "log"), "start"
    )
    try:
        yield f"127.0.0.1:{port}"
    finally:
        _as_postgres(_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(home, ignore_errors=True)


def create_database(server: str, name: str) -> str:
    """A new empty database on ``server``; its SQLAlchemy URL."""
    host, port = server.split(":")
    subprocess.run(
        [_bin("createdb"), "-h", host, "-p", port, "-U", "postgres", name],
        check=True,
        capture_output=True,
        env={**os.environ, "PGPASSWORD": ""},
    )
    return f"postgresql+psycopg://postgres@{host}:{port}/{name}"
