"""A throwaway PostgreSQL cluster: made with ``initdb``, run with ``pg_ctl``, then removed.

What ``make test`` (one cluster per test session, or per pytest-xdist worker), ``callbot run
--database postgresql`` and the load benchmark start: Debian's ``postgresql`` package gives the
binaries (``/usr/lib/postgresql/<version>/bin``); no system cluster is touched. ``pg_ctl``
refuses to run as root, so as root the cluster runs as the unprivileged ``postgres`` user the
package creates (``os_user``), and as anyone else as that person. It listens on loopback only,
on its own port, with a password (scram-sha-256) for its one role; its directory holds the data,
the socket and the log, and :meth:`ThrowawayPostgres.stop` leaves nothing running and nothing
on disk. A directory left by a killed run is stopped and removed by the next :meth:`start`.

``durable=False`` (tests, demos) turns fsync, synchronous commit and full-page writes off: fast,
and safe against a restart of the server (the fault tests stop and start it), not against a
crash of the machine. :meth:`stop_server` and :meth:`start_server` restart it keeping the data.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pwd
import re
import secrets
import shutil
import subprocess
from pathlib import Path
from typing import Any

from callbot.errors import SetupError

logger = logging.getLogger(__name__)

MIN_VERSION = 15
ROLE = "callbot"
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_SETTINGS_FAST = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


def server_bindir() -> Path:
    """The newest PostgreSQL server binaries (>= 15) Debian installed, or those on PATH."""
    found: list[tuple[int, Path]] = []
    for initdb in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        with contextlib.suppress(ValueError):
            found.append((int(initdb.parent.parent.name), initdb.parent))
    found = [f for f in found if f[0] >= MIN_VERSION]
    if found:
        return max(found)[1]
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise SetupError(
        f"PostgreSQL {MIN_VERSION}+ server binaries (initdb, pg_ctl) not found: install Debian's "
        "postgresql package (`make system` does) or put initdb on PATH"
    )


class ThrowawayPostgres:
    """One PostgreSQL cluster in ``directory``, listening on ``host``:``port``."""

    def __init__(
        self,
        directory: Path,
        port: int,
        *,
        host: str = "127.0.0.1",
        durable: bool = False,
        os_user: str = "postgres",
        max_connections: int = 300,
    ) -> None:
        """``os_user``: who runs the server when this process is root (ignored otherwise)."""
        self.directory = Path(directory)
        self.port = port
        self.host = host
        self.durable = durable
        self.max_connections = max_connections
        self.password = secrets.token_hex(16)
        self._os_user = os_user if os.geteuid() == 0 else None
        self._bindir: Path | None = None

    # -- where things are ------------------------------------------------------------------------

    @property
    def data(self) -> Path:
        """The cluster's data directory."""
        return self.directory / "data"

    @property
    def log_path(self) -> Path:
        """The server's log."""
        return self.directory / "postgres.log"

    def url(self, database: str = "callbot") -> str:
        """The SQLAlchemy URL of ``database`` in this cluster (psycopg 3)."""
        return f"postgresql+psycopg://{ROLE}:{self.password}@{self.host}:{self.port}/{database}"

    def connect_args(self, database: str = "postgres") -> dict[str, Any]:
        """What ``psycopg.connect`` needs to reach ``database`` in this cluster."""
        return {
            "host": self.host,
            "port": self.port,
            "user": ROLE,
            "password": self.password,
            "dbname": database,
        }

    # -- life ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Make the cluster (a stale one in ``directory`` is stopped and removed) and start it.

        Raises :class:`SetupError` when the binaries are missing or the server does not start.
        """
        self._bindir = server_bindir()
        self._remove_stale()
        self.directory.mkdir(parents=True, mode=0o700)
        self._own(self.directory)
        pwfile = self.directory / "pwfile"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        self._own(pwfile)
        try:
            self._run(
                "initdb",
                [
                    *("-D", str(self.data), "-U", ROLE, f"--pwfile={pwfile}"),
                    *("-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"),
                ],
                "create the cluster",
            )
        finally:
            pwfile.unlink(missing_ok=True)
        settings = {
            "listen_addresses": f"'{self.host}'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.directory}'",
            "max_connections": str(self.max_connections),
            "log_min_messages": "warning",
            "log_min_error_statement": "panic",  # statements would carry caller data
        }
        if not self.durable:
            settings.update(_SETTINGS_FAST)
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# callbot's throwaway cluster\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        self.start_server()
        logger.info("throwaway PostgreSQL on %s:%d in %s", self.host, self.port, self.directory)

    def start_server(self) -> None:
        """Start the server on the existing data (after :meth:`stop_server`); waits until ready."""
        self._run(
            "pg_ctl",
            ["-D", str(self.data), "-l", str(self.log_path), "-w", "-t", "60", "start"],
            "start the server",
        )

    def stop_server(self, mode: str = "fast") -> None:
        """Stop the server, keeping its data (``mode``: smart, fast or immediate)."""
        self._run("pg_ctl", ["-D", str(self.data), "-m", mode, "-w", "stop"], "stop the server")

    def running(self) -> bool:
        """Whether the server runs (``pg_ctl status``)."""
        if self._bindir is None or not self.data.is_dir():
            return False
        return self._call("pg_ctl", ["-D", str(self.data), "status"]).returncode == 0

    def stop(self) -> None:
        """Stop the server and remove the cluster's directory: nothing left running or on disk."""
        if self.running():
            try:
                self.stop_server("fast")
            except SetupError as exc:
                logger.warning("%s; stopping it at once", exc)
                self._call("pg_ctl", ["-D", str(self.data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> ThrowawayPostgres:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- databases -------------------------------------------------------------------------------

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create database ``name`` (a copy of ``template`` if given); returns its URL."""
        sql = f"CREATE DATABASE {_checked(name)}"
        if template is not None:
            sql += f" TEMPLATE {_checked(template)} STRATEGY FILE_COPY"
        self.execute(sql)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop database ``name``, closing whatever is still connected to it."""
        self.execute(f"DROP DATABASE IF EXISTS {_checked(name)} WITH (FORCE)")

    def execute(self, sql: str) -> None:
        """Run one statement outside a transaction, in the ``postgres`` database."""
        import psycopg  # noqa: PLC0415 - only where a cluster is used

        with psycopg.connect(**self.connect_args(), autocommit=True) as connection:
            connection.execute(sql.encode("utf-8"))

    # -- the host --------------------------------------------------------------------------------

    def _remove_stale(self) -> None:
        if not self.directory.exists():
            return
        if (self.data / "postmaster.pid").exists():
            logger.warning("stopping a PostgreSQL left running in %s", self.directory)
            self._call("pg_ctl", ["-D", str(self.data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.directory)

    def _own(self, path: Path) -> None:
        if self._os_user is not None:
            entry = self._user_entry()
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def _user_entry(self) -> pwd.struct_passwd:
        try:
            return pwd.getpwnam(self._os_user or "")
        except KeyError:
            raise SetupError(
                f"pg_ctl refuses to run as root and there is no user {self._os_user!r} to run "
                "PostgreSQL as: install Debian's postgresql package (it creates 'postgres')"
            ) from None

    def _call(self, tool: str, args: list[str]) -> subprocess.CompletedProcess[str]:
        self._bindir = self._bindir or server_bindir()
        kwargs: dict[str, Any] = {}
        if self._os_user is not None:
            entry = self._user_entry()
            kwargs.update(user=entry.pw_uid, group=entry.pw_gid, extra_groups=[])
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC"}
        return subprocess.run(
            [str(self._bindir / tool), *args],
            capture_output=True,
            text=True,
            check=False,
            cwd=self.directory if self.directory.is_dir() else "/",
            env=env,
            timeout=120,
            **kwargs,
        )

    def _run(self, tool: str, args: list[str], what: str) -> None:
        result = self._call(tool, args)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            log_tail = ""
            if self.log_path.exists():
                lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
                log_tail = "; log: " + " | ".join(lines[-3:])
            raise SetupError(
                f"PostgreSQL in {self.directory}: could not {what}: "
                f"{detail[-1] if detail else result.returncode}{log_tail}"
            )


def _checked(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a plain database name: {name!r}")
    return name
