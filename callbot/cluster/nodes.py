"""The nodes of a cluster: every running ``callbot serve`` and ``callbot worker``, with its
heartbeat, in the shared database (``nodes``).

A node registers when it starts (:meth:`NodeRegistry.register`: a new ``id`` every start,
``<name>-<random>``, so a restarted node is never taken for its predecessor, whose rows of the
same name and kind are marked stopped at once) and writes a heartbeat every
``cluster.heartbeat_seconds`` with its calls in flight and its transcription threads. A node
whose heartbeat is older than ``cluster.lease_seconds``, or that said it stopped, is dead
(:meth:`NodeRegistry.dead`): :mod:`callbot.cluster.takeover` finishes its calls and hands its
transcription jobs back.

A node only judges others once its own heartbeats have been going through for a whole lease
(:attr:`NodeRegistry.may_judge`): after the database was down for everyone, every node's
heartbeat is old, and none must take the others' live calls for dead ones.

:func:`run_until_signalled` is the life of a node's process, the same for both kinds: start,
wait for SIGTERM or SIGINT, stop.
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
import secrets
import signal
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import FrameType

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from callbot.errors import StorageError
from callbot.tickets.cluster_models import Node
from callbot.tickets.transactions import Transactions, rowcount

log = logging.getLogger(__name__)

KINDS = ("serve", "worker")


def _version() -> str:
    try:
        return importlib.metadata.version("callbot")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree not installed
        return "unknown"


@dataclass(frozen=True)
class NodeRecord:
    """One node as ``callbot cluster status`` shows it."""

    id: str
    name: str
    kind: str
    host: str
    pid: int
    agi: str | None
    metrics: str | None
    started_at: datetime
    heartbeat_at: datetime
    stopped_at: datetime | None
    calls: int
    workers: int
    version: str
    alive: bool

    def to_dict(self) -> dict[str, object]:
        """As JSON data (times ISO 8601)."""
        data: dict[str, object] = dict(self.__dict__)
        for key in ("started_at", "heartbeat_at", "stopped_at"):
            value = data[key]
            data[key] = value.isoformat() if isinstance(value, datetime) else None
        return data


def _record(node: Node, alive: bool) -> NodeRecord:
    return NodeRecord(
        node.id,
        node.name,
        node.kind,
        node.host,
        node.pid,
        node.agi,
        node.metrics,
        node.started_at,
        node.heartbeat_at,
        node.stopped_at,
        node.calls,
        node.workers,
        node.version,
        alive,
    )


class NodeRegistry:
    """This node's row in ``nodes``, and what the rows say about the others."""

    def __init__(
        self,
        transactions: Transactions,
        *,
        name: str,
        kind: str,
        lease: timedelta,
        agi: str | None = None,
        metrics: str | None = None,
    ) -> None:
        if kind not in KINDS:
            raise ValueError(f"a node is one of {KINDS}, not {kind!r}")
        self._tx = transactions
        self.name = name
        self.kind = kind
        self.lease = lease
        self.agi = agi
        self.metrics = metrics
        self.id = f"{name}-{secrets.token_hex(4)}"
        self._healthy_since: float | None = None  # monotonic time of the first beat in a row

    @property
    def worker_prefix(self) -> str:
        """What the ids of this node's transcription workers start with (``locked_by``)."""
        return f"{self.id}:"

    @property
    def may_judge(self) -> bool:
        """Whether this node's heartbeats have gone through for a whole lease, so that an old
        heartbeat of another node means that node is dead, not that the database was down."""
        since = self._healthy_since
        return since is not None and time.monotonic() - since >= self.lease.total_seconds()

    def register(self) -> None:
        """Write this node's row; its predecessors of the same name and kind are stopped.

        Raises :class:`StorageError` when the database cannot be reached.
        """

        def work(session: Session) -> int:
            now = self._tx.clock()
            predecessors = session.execute(
                update(Node)
                .where(Node.name == self.name, Node.kind == self.kind, Node.stopped_at.is_(None))
                .values(stopped_at=now)
            )
            session.add(self._row(now))
            return rowcount(predecessors)

        replaced = self._tx.run(f"register node {self.id}", work, write=True)
        self._healthy_since = time.monotonic()
        log.info("node %s registered (%s)", self.id, self.kind)
        if replaced:
            log.warning("node %s replaces %d earlier run(s) of %s", self.id, replaced, self.name)

    def _row(self, now: datetime) -> Node:
        return Node(
            id=self.id,
            name=self.name,
            kind=self.kind,
            host=socket.gethostname()[:128],
            pid=os.getpid(),
            agi=self.agi,
            metrics=self.metrics,
            started_at=now,
            heartbeat_at=now,
            calls=0,
            workers=0,
            version=_version(),
        )

    def beat(self, calls: int = 0, workers: int = 0) -> bool:
        """Write that this node is alive, with its calls in flight and transcription threads.

        Never raises: a database failure is logged and returns False (the node's calls go on;
        it may judge others again only after a whole lease of heartbeats that went through).
        """

        def work(session: Session) -> None:
            now = self._tx.clock()
            done = session.execute(
                update(Node)
                .where(Node.id == self.id)
                .values(heartbeat_at=now, calls=calls, workers=workers)
            )
            if rowcount(done) == 0:  # the row is gone (a database restored): write it again
                session.add(self._row(now))
            elif session.scalar(select(Node.stopped_at).where(Node.id == self.id)) is not None:
                log.error(
                    "node %s was marked stopped by another node named %s: node names must be "
                    "unique (cluster.node); its calls may be finished by others",
                    self.id,
                    self.name,
                )

        try:
            self._tx.run(f"heartbeat of node {self.id}", work, write=True)
        except StorageError as exc:
            if self._healthy_since is not None:
                log.error("node %s: heartbeat failed: %s", self.id, exc)
            self._healthy_since = None
            return False
        if self._healthy_since is None:
            self._healthy_since = time.monotonic()
            log.info("node %s: heartbeats go through again", self.id)
        return True

    def stop(self) -> None:
        """Write that this node stopped (its calls are over); never raises."""

        def work(session: Session) -> None:
            session.execute(
                update(Node).where(Node.id == self.id).values(stopped_at=self._tx.clock())
            )

        try:
            self._tx.run(f"stop node {self.id}", work, write=True)
        except StorageError as exc:
            log.error("node %s: could not write that it stopped: %s", self.id, exc)

    def dead(self) -> list[str]:
        """Ids of the nodes that are dead: stopped, or silent for longer than the lease."""

        def work(session: Session) -> list[str]:
            now = self._tx.clock()
            return list(
                session.scalars(
                    select(Node.id).where(
                        Node.id != self.id,
                        or_(Node.stopped_at.is_not(None), Node.heartbeat_at < now - self.lease),
                    )
                )
            )

        return self._tx.run("find dead nodes", work)

    def stopped(self) -> list[str]:
        """Ids of the other nodes that said they stopped or were replaced by a restart: dead
        for sure, whatever the heartbeats (a judgement that needs no lease)."""

        def work(session: Session) -> list[str]:
            return list(
                session.scalars(
                    select(Node.id).where(Node.id != self.id, Node.stopped_at.is_not(None))
                )
            )

        return self._tx.run("find stopped nodes", work)

    def nodes(self, since: timedelta = timedelta(hours=1)) -> list[NodeRecord]:
        """Every node alive, and those that stopped or went silent within ``since``."""
        return list_nodes(self._tx, self.lease, since)


def list_nodes(tx: Transactions, lease: timedelta, since: timedelta) -> list[NodeRecord]:
    """The nodes seen within ``since`` (alive ones first, then by kind and name)."""

    def work(session: Session) -> list[NodeRecord]:
        now = tx.clock()
        rows = session.scalars(select(Node).where(Node.heartbeat_at >= now - since)).all()
        records = [
            _record(row, row.stopped_at is None and row.heartbeat_at >= now - lease) for row in rows
        ]
        return sorted(records, key=lambda r: (not r.alive, r.kind, r.name, r.started_at))

    return tx.run("list the nodes", work)


def run_until_signalled(
    start: Callable[[], None], stop: Callable[[], None], stopping: threading.Event
) -> None:
    """A node's process (``callbot serve``, ``callbot worker``): ``start``, run until SIGTERM
    or SIGINT (or until ``stopping`` is set otherwise), then ``stop``."""
    start()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        log.info("signal %d: stopping", signum)
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    while not stopping.wait(1):
        pass
    stop()
