"""The outbox's worker: the OA's messages sent through Zalo, in order, retried, within the
reply window.

Each pass claims due messages (:meth:`~callbot.tickets.outbox.Outbox.claim`: at most one per
conversation, its earliest, so a citizen reads them in order) and sends them, several at once
on ``zalo.workers`` threads (they are of different conversations), each:

1. the reply window (:mod:`callbot.zalo.window`) from the citizen's last message and the
   replies sent since: closed -> ``failed`` (``window_closed``), never sent;
2. a working access token (:class:`~.tokens.TokenKeeper`, refreshed when due); none -> tried
   again later;
3. the customer-service message API; Zalo's answer decides: a message id -> ``sent``; an
   invalid or expired token (-216, -220) -> the token is refreshed and the message sent again;
   the user outside the window (-230, -232) -> ``failed``; a rate limit, a server error or no
   answer -> again after a backoff (5 s, 10 s, 20 s... up to 5 min); anything else ->
   ``failed`` with Zalo's error number.

A message tried ``zalo.send_attempts`` times is ``failed`` (``gave_up``). Every five
minutes the token is refreshed if it is due, even with nothing to send. Every failed message
shows on its ticket, with why, in Vietnamese. Nothing of the message is logged above DEBUG.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from callbot.config import ZaloConfig
from callbot.errors import ZaloError
from callbot.intake.chat.tokens import TokenKeeper
from callbot.tickets.chat_rules import FailReason, MessageKind
from callbot.tickets.models import utc_now
from callbot.tickets.outbox import Outbox, Outgoing
from callbot.tickets.rules import retry_delay, short_error
from callbot.zalo.client import ZaloClient
from callbot.zalo.messages import TOKEN_ERRORS, WINDOW_ERRORS, info_request_body, text_body
from callbot.zalo.window import ReplyWindow

log = logging.getLogger(__name__)

STALE = timedelta(minutes=2)  # a message "sending" this long lost its sender
TOKEN_CHECK_SECONDS = 300.0  # the token is refreshed when due even if nothing is sent


class Sender:
    """Sends the outbox's messages (module docstring)."""

    def __init__(
        self,
        outbox: Outbox,
        config: ZaloConfig,
        *,
        client: ZaloClient | None,
        keeper: TokenKeeper | None,
        owner: str,
        workers: int = 1,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.outbox = outbox
        self.config = config
        self.client = client
        self.keeper = keeper
        self.owner = owner
        self._clock = clock
        self.window = ReplyWindow(
            config.free_window_hours, config.free_replies, config.paid_window_days
        )
        self.sent = 0  # messages this sender sent (figures)
        self.workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._token_checked = 0.0
        self._released = 0.0

    def run_once(self) -> int:
        """One pass: claim due messages and send them; how many were claimed. Every few
        minutes the token is refreshed if due, messages or not: a refresh token unused for
        three months would expire."""
        now = time.monotonic()
        if self.keeper is not None and now - self._token_checked > TOKEN_CHECK_SECONDS:
            self._token_checked = now
            self.keeper.token()
        if now - self._released > STALE.total_seconds() / 4:
            self._released = now
            self.outbox.release_stale(STALE)
        claimed = self.outbox.claim(self.owner, limit=2 * self.workers)
        if self.workers > 1 and len(claimed) > 1:  # one per conversation: no order at stake
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="chat-out")
            list(self._pool.map(self._send, claimed))
        else:
            for message in claimed:
                self._send(message)
        return len(claimed)

    def stop(self) -> None:
        """Give back what this sender holds (its thread stops)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        self.outbox.release_stale(STALE, owner=self.owner)

    def _later(self, message: Outgoing, error: str, *, soon: bool = False) -> None:
        """Send again after a backoff (``soon``: at once, a token was just refreshed), or give
        up after ``zalo.send_attempts`` tries."""
        if message.attempts >= self.config.send_attempts:
            self.outbox.failed(message.id, f"{FailReason.GAVE_UP}: {short_error(error)}")
            log.error(
                "message id %d given up after %d tries: %s", message.id, message.attempts, error
            )
            return
        delay = 0.0 if soon else retry_delay(message.attempts)
        at = self._clock() + timedelta(seconds=delay)
        self.outbox.retry(message.id, short_error(error), at)
        log.warning(
            "message id %d not sent (try %d), again later: %s", message.id, message.attempts, error
        )

    def _send(self, message: Outgoing) -> None:
        if self.client is None or self.keeper is None:
            self.outbox.failed(message.id, f"{FailReason.NOT_CONFIGURED}: zalo.* is not set")
            return
        now = self._clock()
        since = message.last_citizen_at
        replies = self.outbox.replies_since_citizen(message.conversation_id)
        state = self.window.state(since, replies, now)
        if not state.open:
            self.outbox.failed(message.id, f"{FailReason.WINDOW}: {state.closed}")
            log.info(
                "message id %d not sent: the reply window is closed (%s)", message.id, state.closed
            )
            return
        token = self.keeper.token()
        if token is None:
            self._later(message, "no working access token (callbot zalo status)")
            return
        if message.kind == MessageKind.CARD:
            detail = message.detail
            body = info_request_body(
                message.user_id,
                str(detail.get("title", "")),
                message.text,
                str(detail.get("image_url", "")),
            )
        else:
            body = text_body(message.user_id, message.text)
        try:
            external = self.client.send(token, body)
        except ZaloError as exc:
            self._refused(message, token, exc)
            return
        self.outbox.sent(message.id, external)
        self.sent += 1  # figures only: a lost count under threads matters not
        log.info("message id %d sent (conversation %d)", message.id, message.conversation_id)

    def _refused(self, message: Outgoing, token: str, exc: ZaloError) -> None:
        if exc.code in TOKEN_ERRORS and self.keeper is not None:
            self.keeper.refused(token)
            self._later(message, str(exc), soon=True)
        elif exc.code in WINDOW_ERRORS:
            self.outbox.failed(message.id, f"{FailReason.WINDOW}: Zalo error {exc.code}")
        elif exc.transient:
            self._later(message, str(exc))
        else:
            self.outbox.failed(message.id, f"{FailReason.REFUSED}: {short_error(str(exc))}")
            log.warning("message id %d refused by Zalo: %s", message.id, exc)
