"""Calling a citizen back: who may, at which number, and the callbacks placed over AMI.

The console's "Gọi lại" button (:class:`CallbackService`) and key 1 of the phone service
(:mod:`callbot.calls.service`) call the citizen through the same dialplan. Before either dials,
:func:`callback_target` says whether this user may call this ticket back, on which of their
devices, and at which number; :func:`callback_detail` is what the ticket's ``callback`` event
keeps of the outcome. No HTTP here; the call and its events are :mod:`callbot.pbx.originate`'s.

The rules: the operator who holds the claim, or a supervisor (any ready ticket: waiting or
claimed); the user has a phone (``users.phone``); the number is the one the caller chose for
the callback, else the calling number, as a Vietnamese number
(:func:`~callbot.understanding.phone.normalize_vn_number`: the 10-digit national form, nothing
else reaches the dialplan).

:class:`CallbackService` has no AMI connection until the first callback (started lazily, with
the ``ami`` settings of ``callbot serve``); after that it keeps it up and reconnects by itself.
When Asterisk cannot be reached a callback fails at once with :class:`~callbot.errors.AmiError`
(the console says so in Vietnamese) and nothing else is affected. Each result becomes a
``callback`` event on the ticket, signed by the operator who asked for it, and calls ``notify``
(the console's live feed, so open pages see it).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from callbot.config import Config
from callbot.errors import AmiError, StorageError, TicketNotFound, WorkflowError
from callbot.operators.access import NOT_READY, may_see, require_visible
from callbot.operators.accounts import UserRecord
from callbot.operators.views import TicketView
from callbot.operators.workflow import Workflow
from callbot.pbx.ami import AmiClient
from callbot.pbx.originate import CallbackDialer, CallbackOutcome, new_callback_id
from callbot.tickets.records import TicketRecord
from callbot.tickets.rules import CallbackResult, EventAction, TicketStatus
from callbot.understanding.phone import normalize_vn_number

log = logging.getLogger(__name__)

_READY = (TicketStatus.NEW.value, TicketStatus.CLAIMED.value)


@dataclass(frozen=True)
class CallbackTarget:
    """A callback that may be placed: whose phone rings first, then which number."""

    ticket_id: int
    ticket_number: str
    device: str  # the user's phone, as Asterisk dials it
    number: str  # the citizen's number, national form (0901234567)


def callback_number(ticket: TicketRecord) -> str | None:
    """The number to call back: the callback number, else the calling number, if either is a
    Vietnamese number (as 10 digits); None when neither is."""
    for raw in (ticket.callback_number, ticket.caller_number):
        number = normalize_vn_number(raw) if raw else None
        if number is not None:
            return number
    return None


def may_call_back(user: UserRecord, view: TicketView) -> bool:
    """The holder of the claim, or a supervisor on a waiting or claimed ticket."""
    ticket = view.ticket
    if not may_see(user, ticket.unit):
        return False
    if user.sees_all_units:
        return ticket.status in _READY
    return ticket.status == TicketStatus.CLAIMED and view.workflow.claimed_by == user.name


def callback_target(user: UserRecord, view: TicketView) -> CallbackTarget:
    """The callback ``user`` may place for this ticket, or a :class:`WorkflowError` whose
    ``code`` says why not: ``forbidden``, ``closed``/``merged``/``not_ready``,
    ``held_by_other``, ``not_claimed``, ``no_phone``, ``no_number``."""
    ticket = view.ticket
    require_visible(user, ticket.unit, ticket.number)
    if not may_call_back(user, view):
        holder = view.workflow.claimed_by
        if ticket.status in NOT_READY:
            code = NOT_READY[ticket.status]
        elif ticket.status == TicketStatus.CLAIMED and holder != user.name:
            raise WorkflowError(
                f"ticket {ticket.number} is held by {holder}",
                "held_by_other",
                holder=holder,
                at=view.workflow.claimed_at,
            )
        else:
            code = "not_claimed"
        raise WorkflowError(f"ticket {ticket.number}: no callback ({code})", code)
    if not user.phone:
        raise WorkflowError(f"user {user.name} has no phone", "no_phone")
    number = callback_number(ticket)
    if number is None:
        raise WorkflowError(f"ticket {ticket.number} has no number to call back", "no_number")
    return CallbackTarget(ticket.id, ticket.number, user.phone, number)


def callback_detail(
    result: str, number: str, via: str, *, dial_status: str = "", reason: str = ""
) -> dict[str, Any]:
    """The ``detail`` of a ``callback`` event: ``result`` (a :class:`CallbackResult`), the
    number called, ``via`` ("console" or "phone"), and Asterisk's words when there are any."""
    detail: dict[str, Any] = {"result": CallbackResult(result).value, "number": number, "via": via}
    if dial_status:
        detail["dial_status"] = dial_status
    if reason:
        detail["reason"] = reason
    return detail


DialerFactory = Callable[[Callable[[CallbackOutcome], None]], CallbackDialer]


@dataclass(frozen=True)
class _Placed:
    target: CallbackTarget
    user: str


class CallbackService:
    """Callbacks over AMI (the console's button): :meth:`start` one, results recorded as they
    come."""

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
        """Stop the dialer and its AMI connection; results still to come are no longer recorded."""
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
