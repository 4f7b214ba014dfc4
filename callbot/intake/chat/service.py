"""The chat channel's parts built from the configuration, and the threads that run them in
``callbot intake`` (every node runs its own: the inbox's leases and the outbox's claims share
the work out).

:func:`open_chat` builds them on the written channels' database (:func:`~callbot.intake.
services.open_written`): the webhook's work, the inbox's handler, the outbox's sender and the
token keeper. Without ``zalo.app_id`` and ``zalo.oa_secret_key`` the webhook answers every
delivery and stores none; without ``zalo.app_secret`` nothing is sent (messages are marked
``not_configured``). :meth:`Chat.start` starts two threads (events in, messages out) that
poll the database and are woken at once by a stored event or a written turn;
Each direction hands its work to ``zalo.workers`` threads (different citizens at once: what
one waits for, such as Zalo's answer or a photo, does not hold up the others). :meth:`Chat.stop`
ends them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from callbot.config import Config
from callbot.errors import StorageError
from callbot.intake.chat.checks import Checks
from callbot.intake.chat.conversation import Conversations
from callbot.intake.chat.inbound import Inbound
from callbot.intake.chat.outbound import Sender
from callbot.intake.chat.tokens import TokenKeeper
from callbot.intake.chat.webhook import Webhook
from callbot.intake.services import Written
from callbot.tickets.inbox import Inbox
from callbot.tickets.leases import Leases, owner_name
from callbot.tickets.outbox import Outbox
from callbot.zalo.client import ZaloClient

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25  # how often the threads look for work nobody woke them for
ERROR_PAUSE = 2.0  # after a database error


class _Loop:
    """A thread running ``work`` again and again: at once while it finds something, else
    after :data:`POLL_SECONDS` or when woken."""

    def __init__(self, name: str, work: Callable[[], int]) -> None:
        self.work = work
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                found = self.work()
            except StorageError as exc:
                log.warning("%s: %s", self.thread.name, exc)
                found = 0
                self.stopping.wait(ERROR_PAUSE)
            except Exception:  # the thread must live on
                log.exception("%s failed; going on", self.thread.name)
                found = 0
                self.stopping.wait(ERROR_PAUSE)
            if not found:
                self.wake.wait(POLL_SECONDS)
                self.wake.clear()

    def stop(self, timeout: float = 15.0) -> None:
        self.stopping.set()
        self.wake.set()
        if self.thread.is_alive():
            self.thread.join(timeout)


@dataclass
class Chat:
    """The chat channel of one node."""

    config: Config
    webhook: Webhook
    inbound: Inbound
    sender: Sender
    keeper: TokenKeeper | None
    leases: Leases
    inbox: Inbox
    outbox: Outbox
    _loops: list[_Loop] = field(default_factory=list)

    def start(self) -> None:
        """Start the threads (events in, messages out)."""
        if self._loops:
            return
        self.inbound.start()
        inbound = _Loop("chat-inbound", self.inbound.run_once)
        outbound = _Loop("chat-outbound", self.sender.run_once)
        self.webhook.notify = inbound.wake.set
        self.inbound.on_turn = outbound.wake.set
        self._loops = [inbound, outbound]
        for loop in self._loops:
            loop.thread.start()
        log.info("chat channel started (Zalo %s)", "on" if self.config.zalo.configured else "off")

    def stop(self) -> None:
        """Stop the threads; what they held goes back to the database."""
        for loop in self._loops:
            loop.stop()
        self._loops = []
        self.inbound.stop()
        try:
            self.sender.stop()
        except StorageError as exc:
            log.warning("chat sender: %s", exc)


def open_chat(config: Config, written: Written) -> Chat:
    """The chat channel on the written channels' database."""
    transactions = written.transactions
    zalo = config.zalo
    owner = owner_name()
    leases, inbox, outbox = Leases(transactions), Inbox(transactions), Outbox(transactions)
    client = ZaloClient(zalo) if zalo.configured else None
    keeper = (
        TokenKeeper(leases, client, zalo, owner) if client is not None and zalo.app_secret else None
    )
    conversations = Conversations(transactions, written.intake, config, Checks(), client)
    inbound = Inbound(
        inbox,
        leases,
        conversations,
        hold=timedelta(seconds=zalo.reorder_seconds),
        keep=timedelta(minutes=2 * zalo.max_event_age_minutes),
        owner=owner,
        workers=zalo.workers,
    )
    sender = Sender(
        outbox,
        zalo,
        client=client if keeper else None,
        keeper=keeper,
        owner=owner,
        workers=zalo.workers,
    )
    return Chat(config, Webhook(zalo, inbox), inbound, sender, keeper, leases, inbox, outbox)
