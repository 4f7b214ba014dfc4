"""The chat channel's stores on a test database: conversations with messages to send, events in
the inbox, two "nodes" (engines) on one database, a fake Zalo token service that counts its
refreshes and refuses a refresh token used twice."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from callbot.tickets.chat_models import Conversation
from callbot.tickets.chat_rules import Direction, MessageKind
from callbot.tickets.chat_store import add_message, new_conversation
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.transactions import Transactions
from callbot.zalo.messages import Tokens

T0 = datetime(2026, 12, 6, 8, tzinfo=UTC)


def transactions(url: str) -> Transactions:
    """A node of its own on the database at ``url`` (its own engine and pool)."""
    return Transactions(session_factory(make_engine(url)))


def conversation_with(tx: Transactions, user: str, outgoing: int, *, at: datetime = T0) -> int:
    """A conversation of ``user`` whose citizen wrote at ``at``, with ``outgoing`` messages to
    send ("m0", "m1"...); its id."""

    def work(session: Session) -> int:
        row = new_conversation(session, "zalo", user, f"2026/12/06/chat-{user}", at)
        row.last_citizen_at = at
        for i in range(outgoing):
            add_message(
                session,
                row,
                direction=Direction.OUT,
                kind=MessageKind.TEXT,
                text=f"m{i}",
                at=at - timedelta(seconds=1),
            )
        return int(row.id)

    return tx.run("make a conversation", work, write=True)


def conversation(tx: Transactions, conversation_id: int) -> Conversation:
    return tx.run("read", lambda s: s.get(Conversation, conversation_id))


@dataclass
class TokenService:
    """Zalo's token service as a fake: single-use refresh tokens, each refresh counted."""

    delay: float = 0.0
    refreshes: int = 0
    valid: set[str] = field(default_factory=lambda: {"R0"})
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def refresh(self, refresh_token: str) -> Tokens:
        from callbot.errors import ZaloError

        if self.delay:
            threading.Event().wait(self.delay)
        with self._lock:
            if refresh_token not in self.valid:
                raise ZaloError("Zalo refused to refresh: error -14014 (used)", -14014)
            self.valid.discard(refresh_token)
            self.refreshes += 1
            new = f"R{self.refreshes}"
            self.valid.add(new)
            return Tokens(f"A{self.refreshes}", new, 90000)
