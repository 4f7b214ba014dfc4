"""The chat channel's states, as values: events in the inbox, conversations, messages.

Pure, no database. The life of each::

    event (zalo_events)     pending ──handled──> done           (its payload cleared)
                               │ ──not for the chat (a receipt, an echo)──> ignored
                               └─ an error: pending again later, counted; failed at the end

    conversation            collecting ──ticket made──> open ──its ticket closed──> closed
                            (the bot asks)      (operators answer; the bot only acknowledges)

    message in              received
    message out (outbox)    pending ──claimed──> sending ──Zalo said 0──> sent
                               ^                    │ ──retry later──> pending (after a backoff)
                               └────────────────────┘ ──refused / window closed / out of
                                                         tries──> failed (last_error: why)

Outgoing messages of one conversation leave in the order they were written: one is claimed
only when no earlier one of its conversation is pending or sending.
"""

from __future__ import annotations

from enum import StrEnum

CITIZEN = "citizen"  # author of the citizen's messages
BOT = "bot"  # author of the bot's


class EventStatus(StrEnum):
    """Where a webhook event is."""

    PENDING = "pending"
    DONE = "done"
    IGNORED = "ignored"  # not for the chat: receipts, echoes, unknown events
    FAILED = "failed"  # could not be handled after every try (kept, logged)


class ConversationStatus(StrEnum):
    """Where a conversation is."""

    COLLECTING = "collecting"  # the bot asks its questions
    OPEN = "open"  # its ticket is made: operators answer
    CLOSED = "closed"  # its ticket was closed: the citizen's next message starts another


class Direction(StrEnum):
    """Who wrote a message: the citizen (in), or the OA (out: the bot or an operator)."""

    IN = "in"
    OUT = "out"


class MessageStatus(StrEnum):
    """Where a message is."""

    RECEIVED = "received"  # a citizen's
    PENDING = "pending"  # to send, from next_attempt_at on
    SENDING = "sending"  # claimed by a sender
    SENT = "sent"
    FAILED = "failed"  # not sent: last_error says why


class FailReason(StrEnum):
    """Why an outgoing message was not sent (``last_error`` starts with it)."""

    WINDOW = "window_closed"  # the citizen can no longer be written to
    REFUSED = "refused"  # Zalo refused it (its error number follows)
    GAVE_UP = "gave_up"  # every try failed (Zalo unreachable, no working token)
    NOT_CONFIGURED = "not_configured"  # no Zalo settings or tokens on this server


class MessageKind(StrEnum):
    """What a message holds."""

    TEXT = "text"
    IMAGE = "image"
    LOCATION = "location"
    INFO = "info"  # shared from the info card
    OTHER = "other"  # something the bot does not read (a sticker, a file...)
    CARD = "card"  # the OA's share-your-info card


OPEN_OUT = (MessageStatus.PENDING.value, MessageStatus.SENDING.value)
MAX_ERROR = 200
