"""Callbacks over AMI: ring the operator's phone, then the citizen, and follow the call.

One ``Originate`` per callback; its outcome comes back as AMI events, matched by the
ActionID (``callback-<id>``) and by the ``CALLBOT_CALLBACK_ID`` channel variable that the
dialplan ([callbot-callback], dialplan/callbot.conf) puts in its ``CallbotCallback`` user
events. The wire, as Asterisk 22 sends it in the sandbox::

    Action: Originate  Channel: PJSIP/op1  Context: callbot-callback  Exten: s
            ActionID: callback-<id>  Variable: CALLBOT_CALLBACK_NUMBER=0901234567 ...
    Event: OriginateResponse  ActionID: callback-<id>  Response: Failure  Reason: 3
        the operator's phone did not answer (Reason 5: busy; 0, 1, 8: failed)
    Event: UserEvent  UserEvent: CallbotCallback  CallbackId: <id>  DialStatus: ANSWER
           Stage: answer
        the citizen picked up (sent by Dial's U() on their channel, as they answer)
    Event: UserEvent  UserEvent: CallbotCallback  CallbackId: <id>  DialStatus: BUSY
           HangupCause: 16  Stage: end
        the call ended (the hangup handler; NOANSWER, BUSY, CONGESTION, CANCEL, INVALIDARGS...)

The first of these that settles the call wins: its :class:`CallbackOutcome` goes to the
``on_result`` handler (on a thread of its own: AMI listeners must return quickly). A call that
sends nothing settling within both ring times and a margin is reported failed, ``no_report``.
The mapping from Asterisk's words to a result is :func:`dial_result` and
:func:`operator_result`, pure functions. This module knows nothing about tickets.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from callbot.config import CallbackConfig
from callbot.errors import AmiError
from callbot.pbx import variables
from callbot.pbx.ami import AmiClient

log = logging.getLogger(__name__)

ACTION_PREFIX = "callback-"
REPORT_MARGIN = 30.0  # seconds after both ring times before a silent callback is given up

# Dial's DIALSTATUS -> result ("" and anything unknown: failed).
_DIAL_RESULTS = {
    "ANSWER": "answered",
    "NOANSWER": "no_answer",
    "CANCEL": "no_answer",  # the operator hung up while the citizen's phone was ringing
    "BUSY": "busy",
}
# Q.850 causes that say more than CONGESTION or CHANUNAVAIL: busy, no answer.
_CAUSE_RESULTS = {"17": "busy", "18": "no_answer", "19": "no_answer"}
# OriginateResponse Reason (the operator's leg) -> why it failed.
_ORIGINATE_REASONS = {"3": "no_answer", "5": "busy"}


def dial_result(dial_status: str, hangup_cause: str = "") -> str:
    """The callback result for Dial's ``DIALSTATUS`` (and ``HANGUPCAUSE``).

    ``ANSWER`` → answered; ``NOANSWER`` and ``CANCEL`` → no_answer; ``BUSY`` → busy;
    ``CONGESTION``/``CHANUNAVAIL`` with cause 17 → busy, 18 or 19 → no_answer; anything else
    (``INVALIDARGS``, ``DONTCALL``, empty) → failed.
    """
    status = dial_status.strip().upper()
    if status in _DIAL_RESULTS:
        return _DIAL_RESULTS[status]
    if status in ("CONGESTION", "CHANUNAVAIL"):
        return _CAUSE_RESULTS.get(hangup_cause.strip(), "failed")
    return "failed"


def operator_result(reason: str) -> str:
    """Why the operator's own phone did not take an Originate: ``Reason: 3`` → no_answer,
    ``5`` → busy, anything else → failed."""
    return _ORIGINATE_REASONS.get(reason.strip(), "failed")


@dataclass(frozen=True)
class CallbackOutcome:
    """How one callback ended."""

    id: str
    result: str  # tickets.rules.CallbackResult: answered, no_answer, busy, failed
    stage: str  # "citizen", or "operator" when the operator's phone never answered
    dial_status: str = ""  # Asterisk's DIALSTATUS, when the citizen was dialled
    reason: str = ""  # operator stage: no_answer, busy, failed; "no_report" if nothing came


ResultHandler = Callable[[CallbackOutcome], None]


@dataclass
class _Pending:
    device: str
    timer: threading.Timer


def settling(fields: dict[str, str]) -> CallbackOutcome | None:
    """The outcome an AMI event settles, if it is one of a callback's (see the module doc)."""
    event = fields.get("Event", "")
    if event == "OriginateResponse":
        action_id = fields.get("ActionID", "")
        if not action_id.startswith(ACTION_PREFIX) or fields.get("Response") == "Success":
            return None
        reason = operator_result(fields.get("Reason", ""))
        return CallbackOutcome(
            action_id.removeprefix(ACTION_PREFIX), "failed", "operator", "", reason
        )
    if event == "UserEvent" and fields.get("UserEvent") == variables.USER_EVENT_CALLBACK:
        callback_id = fields.get("CallbackId", "")
        status = fields.get("DialStatus", "")
        if not callback_id:
            return None
        result = dial_result(status, fields.get("HangupCause", ""))
        return CallbackOutcome(callback_id, result, "citizen", status.strip().upper())
    return None


def new_callback_id() -> str:
    """A correlation id: 32 hex digits (the dialplan keeps only 0-9a-f)."""
    return uuid.uuid4().hex


class CallbackDialer:
    """Places callbacks through one AMI client and reports each outcome once."""

    def __init__(
        self,
        ami: AmiClient,
        settings: CallbackConfig,
        on_result: ResultHandler,
        *,
        report_margin: float = REPORT_MARGIN,
    ) -> None:
        self.ami = ami
        self.settings = settings
        self._on_result = on_result
        self._margin = report_margin
        self._lock = threading.Lock()
        self._pending: dict[str, _Pending] = {}
        self._results = ThreadPoolExecutor(max_workers=1, thread_name_prefix="callback-result")
        ami.add_event_handler(self._on_event)

    def call(self, device: str, number: str, callback_id: str | None = None) -> str:
        """Ring ``device`` (the operator's phone); once answered, the dialplan dials
        ``number`` (already validated) showing ``callback.caller_id``. Returns the callback's
        id (``callback_id`` if given: a caller that must know it before any result can come).
        Raises :class:`AmiError` when AMI is down or refuses the Originate."""
        callback_id = callback_id or new_callback_id()
        settings = self.settings
        wait = settings.operator_ring_seconds + settings.citizen_ring_seconds + self._margin
        timer = threading.Timer(wait, self._expire, args=(callback_id,))
        timer.daemon = True
        with self._lock:
            self._pending[callback_id] = _Pending(device, timer)
        try:
            self.ami.originate(
                device,
                context=settings.context,
                exten="s",
                caller_id=f'"Gọi lại {number}" <{number}>',
                variables={
                    variables.CALLBACK_NUMBER: number,
                    variables.CALLBACK_ID: callback_id,
                    variables.CALLBACK_CID: settings.caller_id,
                    variables.CALLBACK_RING: str(settings.citizen_ring_seconds),
                },
                timeout_ms=settings.operator_ring_seconds * 1000,
                action_id=ACTION_PREFIX + callback_id,
            )
        except AmiError:
            with self._lock:
                self._pending.pop(callback_id, None)
            raise
        with self._lock:
            if callback_id in self._pending:  # not settled already (a refused device is quick)
                timer.start()
        log.info("callback %s: ringing %s", callback_id, device)
        return callback_id

    def pending(self) -> int:
        """How many callbacks placed still wait for their outcome."""
        with self._lock:
            return len(self._pending)

    def close(self) -> None:
        """Stop following calls (their results are no longer reported)."""
        self.ami.remove_event_handler(self._on_event)
        with self._lock:
            waiting = list(self._pending.values())
            self._pending.clear()
        for pending in waiting:
            pending.timer.cancel()
        self._results.shutdown(wait=True)

    def _on_event(self, fields: dict[str, str]) -> None:
        outcome = settling(fields)
        if outcome is not None:
            self._settle(outcome)

    def _expire(self, callback_id: str) -> None:
        log.warning("callback %s: no result from Asterisk in time; reported failed", callback_id)
        self._settle(CallbackOutcome(callback_id, "failed", "citizen", "", "no_report"))

    def _settle(self, outcome: CallbackOutcome) -> None:
        with self._lock:
            pending = self._pending.pop(outcome.id, None)
        if pending is None:
            return  # not ours, or settled already (the end of an answered call)
        pending.timer.cancel()
        log.info("callback %s: %s (%s)", outcome.id, outcome.result, outcome.stage)
        with contextlib.suppress(RuntimeError):  # closed meanwhile
            self._results.submit(self._report, outcome)

    def _report(self, outcome: CallbackOutcome) -> None:
        try:
            self._on_result(outcome)
        except Exception:
            log.exception("callback %s: its result could not be recorded", outcome.id)
