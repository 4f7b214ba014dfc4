"""A chat ticket's conversation for the operators: read it, write back to the citizen, and tell
them when their ticket is closed.

:meth:`ChatDesk.view` gives the conversations that made a ticket (and the requests merged into
it) with every message in and out, each outgoing one's state (waiting, sent, not sent and
why), and the reply window of the conversation a reply goes to (:mod:`callbot.zalo.window`:
Zalo's free replies, counted from the citizen's last message).

:meth:`ChatDesk.reply` queues an operator's message (the chat's senders send it) and records
it in the ticket's history, in one transaction: only the holder of the claim, or a supervisor
on a waiting or claimed ticket (as for a callback), and only while the window is open, else a
:class:`~callbot.errors.WorkflowError` (``chat_closed``, ``no_chat``...) the console says in
Vietnamese. :func:`close_chats` runs in the transaction that closes a ticket: its
conversations end and each citizen is sent the chat script's "resolved" message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from callbot.config import ZaloConfig
from callbot.dialog.chat_steps import TEXTS
from callbot.errors import InvalidInput, WorkflowError
from callbot.operators.access import NOT_READY, may_see, require_visible, ticket_state
from callbot.operators.accounts import UserRecord
from callbot.operators.history import add_event
from callbot.operators.views import TicketView
from callbot.tickets.chat_models import Conversation
from callbot.tickets.chat_rules import Direction, MessageKind
from callbot.tickets.chat_store import (
    ChatStore,
    ConversationRecord,
    MessageRecord,
    add_message,
    close_conversations,
)
from callbot.tickets.models import Ticket
from callbot.tickets.outbox import replies_after_citizen
from callbot.tickets.rules import EventAction, TicketStatus
from callbot.tickets.transactions import Transactions
from callbot.zalo.window import ReplyWindow, WindowState

MAX_REPLY = 2000  # Zalo's limit for a text
_READY = (TicketStatus.NEW.value, TicketStatus.CLAIMED.value)


@dataclass(frozen=True)
class ChatView:
    """What the ticket page shows of its conversations."""

    conversations: tuple[ConversationRecord, ...]
    messages: tuple[MessageRecord, ...]
    window: WindowState  # of the conversation a reply goes to (the latest)


def clean_reply(text: str) -> str:
    """An operator's message as it is sent: printable, trimmed, within Zalo's limit; an empty
    one is refused (:class:`InvalidInput`)."""
    kept = "".join(c for c in text.replace("\r\n", "\n") if c.isprintable() or c == "\n")
    kept = kept.strip()
    if not kept:
        raise InvalidInput("text", "write the message to send")
    return kept[:MAX_REPLY]


def may_reply(user: UserRecord, status: str, unit: str | None, holder: str | None) -> bool:
    """The holder of the claim, or a supervisor on a waiting or claimed ticket."""
    if not may_see(user, unit) or status not in _READY:
        return False
    return user.sees_all_units or (status == TicketStatus.CLAIMED and holder == user.name)


def _merged_into(session: Session, ticket_id: int) -> list[int]:
    rows = session.scalars(
        select(Ticket.id).where(
            Ticket.linked_to_id == ticket_id, Ticket.status == TicketStatus.MERGED.value
        )
    )
    return [ticket_id, *rows]


def close_chats(session: Session, ticket_id: int, now: datetime) -> int:
    """In the transaction that closes ticket ``ticket_id``: its conversations (and those of the
    requests merged into it) end, each citizen told; how many."""
    return close_conversations(session, _merged_into(session, ticket_id), now, TEXTS["resolved"])


class ChatDesk:
    """The operators' side of the chat."""

    def __init__(
        self,
        transactions: Transactions,
        config: ZaloConfig,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._tx = transactions
        self.store = ChatStore(transactions)
        self.rule = ReplyWindow(
            config.free_window_hours, config.free_replies, config.paid_window_days
        )
        self._clock = clock or transactions.clock

    def _window(self, session: Session, conversation: Conversation) -> WindowState:
        replies = replies_after_citizen(session, conversation.id, sent_only=False)
        return self.rule.state(conversation.last_citizen_at, replies, self._clock())

    def view(self, ticket: TicketView) -> ChatView | None:
        """The ticket's conversations, or None when no chat made it or joined it."""
        ids = [ticket.ticket.id, *(t.id for t in ticket.linked if t.relation == "repeat")]
        conversations = self.store.conversations(ids)
        if not conversations:
            return None
        messages = self.store.messages([c.id for c in conversations])

        def window(session: Session) -> WindowState:
            latest = session.get(Conversation, conversations[-1].id)
            if latest is None:  # pragma: no cover - conversations are never deleted
                return self.rule.state(None, 0, self._clock())
            return self._window(session, latest)

        state = self._tx.run("read a conversation's reply window", window)
        return ChatView(tuple(conversations), tuple(messages), state)

    def reply(self, user: UserRecord, ticket_id: int, text: str) -> None:
        """Queue ``user``'s message to the citizen of ticket ``ticket_id`` (module docstring)."""
        message = clean_reply(text)

        def work(session: Session) -> None:
            row = ticket_state(session, ticket_id)
            require_visible(user, row.unit, row.number)
            if not may_reply(user, row.status, row.unit, row.claimed_by):
                code = NOT_READY.get(row.status)
                if code is None:
                    code = "held_by_other" if row.status == TicketStatus.CLAIMED else "not_claimed"
                raise WorkflowError(
                    f"no reply on ticket {row.number}: {code}",
                    code,
                    holder=row.claimed_by,
                    at=row.claimed_at,
                )
            conversation = session.scalars(
                select(Conversation)
                .where(Conversation.ticket_id.in_(_merged_into(session, ticket_id)))
                .order_by(Conversation.id.desc())
                .limit(1)
                .with_for_update()
            ).first()
            if conversation is None:
                raise WorkflowError(f"ticket {row.number} has no chat", "no_chat")
            window = self._window(session, conversation)
            if not window.open:
                raise WorkflowError(
                    f"the citizen of ticket {row.number} can no longer be written to", "chat_closed"
                )
            now = self._tx.clock()
            add_message(
                session,
                conversation,
                direction=Direction.OUT,
                kind=MessageKind.TEXT,
                text=message,
                at=now,
                author=user.name,
            )
            add_event(
                session,
                ticket_id,
                user=user.name,
                action=EventAction.MESSAGE,
                detail={"text": message[:200]},
                now=now,
            )
            session.execute(update(Ticket).where(Ticket.id == ticket_id).values(updated_at=now))

        self._tx.run(f"queue a reply on ticket {ticket_id}", work, write=True)
