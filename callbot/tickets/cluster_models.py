"""The cluster's table (migration 0011): ``nodes``, every running ``callbot serve`` and
``callbot worker`` with its heartbeat (:mod:`callbot.cluster.nodes` writes it).

It shares :class:`~callbot.tickets.models.Base`'s metadata: :mod:`callbot.tickets.models`
imports this module last.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from callbot.tickets.models import Base, UtcDateTime, utc_now


class Node(Base):
    """One running callbot process: a ``callbot serve`` node or a ``callbot worker``.

    ``id`` is new at every start (``<name>-<random>``), so a restarted node is not taken for
    its predecessor; ``heartbeat_at`` is renewed every few seconds, and a node that stopped
    renewing it for ``cluster.lease_seconds`` is dead: its calls are finished by another node.
    """

    __tablename__ = "nodes"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(48), index=True)  # cluster.node, stable
    kind: Mapped[str] = mapped_column(String(16))  # serve | worker
    host: Mapped[str] = mapped_column(String(128))
    pid: Mapped[int] = mapped_column(Integer)
    agi: Mapped[str | None] = mapped_column(String(64))  # host:port of its FastAGI server
    metrics: Mapped[str | None] = mapped_column(String(64))  # host:port of its /metrics
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    heartbeat_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    stopped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    calls: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    workers: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    version: Mapped[str] = mapped_column(String(32))
