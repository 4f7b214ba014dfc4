"""The console's "Gọi lại" button: one AMI connection, callbacks placed and their results kept.

The console has no AMI connection until the first callback (started lazily, with the ``ami``
settings of ``callbot serve``); after that it keeps it up and reconnects by itself. When
Asterisk cannot be reached the button's request fails at once with :class:`~callbot.errors.
AmiError` (the page says so in Vietnamese) and every other page works as before. The rules
(who, which number) are :mod:`callbot.operators.callback`'s; the call and its events are
:mod:`callbot.pbx.originate`'s. Each result becomes a ``callback`` event on the ticket, signed by
the operator who clicked, and wakes the live feed so open pages see it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from callbot.config import Config
from callbot.errors import AmiError, StorageError, TicketNotFound, WorkflowError
from callbot.operators.accounts import UserRecord
from callbot.operators.callback import CallbackTarget, callback_detail, callback_target
from callbot.operators.views import TicketView
from callbot.operators.workflow import Workflow
from callbot.pbx.ami import AmiClient
from callbot.pbx.originate import CallbackDialer, CallbackOutcome, new_callback_id
from callbot.tickets.rules import EventAction

log = logging.getLogger(__name__)

DialerFactory = Callable[[Callable[[CallbackOutcome], None]], CallbackDialer]


@dataclass(frozen=True)
class _Placed:
    target: CallbackTarget
    user: str


class ConsoleCallbacks:
    """Callbacks from the console: :meth:`start` one, results recorded as they come."""

    def __init__(
        self,
        config: Config,
        workflow: Workflow,
        notify: Callable[[], None],
        dialer_factory: DialerFactory | None = None,
    ) -> None:
        self.config = config
        self._workflow = workflow
        self._notify = notify
        self._factory = dialer_factory or self._real_dialer
        self._lock = threading.Lock()
        self._dialer: CallbackDialer | None = None
        self._placed: dict[str, _Placed] = {}
        self.last_error = ""  # why the last attempt to reach Asterisk failed, if it did

    def _real_dialer(self, on_result: Callable[[CallbackOutcome], None]) -> CallbackDialer:
        ami = AmiClient.from_config(self.config.ami)
        return CallbackDialer(ami, self.config.callback, on_result)

    @property
    def pbx_down(self) -> bool:
        """True when the last attempt to reach Asterisk failed and it is still not reached."""
        dialer = self._dialer
        return bool(self.last_error) and (dialer is None or not dialer.ami.connected)

    def calling(self, ticket_id: int) -> bool:
        """A callback of this ticket is under way (its result has not come yet)."""
        with self._lock:
            return any(p.target.ticket_id == ticket_id for p in self._placed.values())

    def start(self, user: UserRecord, view: TicketView) -> CallbackTarget:
        """Ring ``user``'s phone, then the citizen of ``view``'s ticket.

        Raises :class:`WorkflowError` when the rules refuse (``callback_running`` when this
        ticket or this phone is already in a callback) and :class:`AmiError` when Asterisk
        cannot be reached or refuses the call.
        """
        target = callback_target(user, view)
        with self._lock:
            for placed in self._placed.values():
                if target.ticket_id == placed.target.ticket_id or target.device == (
                    placed.target.device
                ):
                    raise WorkflowError("a callback is already under way", "callback_running")
        dialer = self._connected_dialer()
        callback_id = new_callback_id()
        with self._lock:  # known before the call: its result may come before call() returns
            self._placed[callback_id] = _Placed(target, user.name)
        try:
            dialer.call(target.device, target.number, callback_id)
        except AmiError as exc:
            with self._lock:
                self._placed.pop(callback_id, None)
            self.last_error = str(exc)
            raise
        log.info(
            "ticket %s: callback %s by %s from %s",
            target.ticket_number,
            callback_id,
            user.name,
            target.device,
        )
        return target

    def close(self) -> None:
        with self._lock:
            dialer, self._dialer = self._dialer, None
        if dialer is not None:
            dialer.close()
            dialer.ami.close()

    # -- internals --------------------------------------------------------------------------

    def _connected_dialer(self) -> CallbackDialer:
        with self._lock:
            if self._dialer is None:
                self._dialer = self._factory(self._on_result)
            dialer = self._dialer
        try:
            dialer.ami.connect(timeout=self.config.ami.action_timeout)
        except AmiError as exc:
            self.last_error = str(exc)
            log.warning("callback: Asterisk not reachable: %s", exc)
            raise
        self.last_error = ""
        return dialer

    def _on_result(self, outcome: CallbackOutcome) -> None:
        with self._lock:
            placed = self._placed.pop(outcome.id, None)
        if placed is None:
            return
        detail = callback_detail(
            outcome.result,
            placed.target.number,
            "console",
            dial_status=outcome.dial_status,
            reason=f"operator_{outcome.reason}" if outcome.stage == "operator" else outcome.reason,
        )
        try:
            self._workflow.record_event(
                placed.target.ticket_id, placed.user, EventAction.CALLBACK, detail
            )
        except (StorageError, TicketNotFound) as exc:
            log.error(
                "ticket %s: callback result not recorded: %s", placed.target.ticket_number, exc
            )
            return
        self._notify()
