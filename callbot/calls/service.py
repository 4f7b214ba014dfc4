"""FastAGI script ``service``: the operators' phone service.

An operator dials the service extension from their own phone ([callbot-service] in
dialplan/callbot.conf; the sandbox's 1099). The calling device (the channel's name without its
sequence number: ``PJSIP/op1``) is looked up in ``users.phone``; a phone that is nobody's hears
why and the call ends. Then, ticket after ticket:

1. claim the next waiting ticket the operator may see, most urgent then oldest
   (:meth:`~callbot.operators.workflow.Workflow.claim_next`: race-safe, a ticket taken meanwhile
   is passed over); none left: say so and end;
2. say its number digit by digit and its urgency, then play the caller's recorded answers (the
   latest attempt of each question, from the recordings root);
3. the menu: **1** calls the citizen back: ``GOSUB`` [callbot-callback-dial] on this channel
   bridges the operator to the citizen, showing the hotline number, as the console's callbacks
   do; the result goes onto the ticket, then the menu again. **2** closes the ticket as
   resolved. **3** skips it: back to the queue (counted as unreachable when a callback in this
   call did not reach the citizen) and on to the next ticket, not this one again. A key pressed
   while the ticket is read acts at once; after ``service.menu_tries`` menus without a key the
   ticket goes back to the queue and the call ends.

An operator who hangs up keeps the ticket if they called the citizen back in this call (they
are handling it and close it in the console); otherwise it goes back to the queue.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from callbot.config import CallbackConfig, ServiceConfig
from callbot.errors import AgiError, AgiHangup, CallbotError, WorkflowError
from callbot.operators.accounts import UserRecord
from callbot.operators.callback import callback_detail, callback_number
from callbot.operators.stores import Operators
from callbot.operators.views import TicketView
from callbot.pbx import variables
from callbot.pbx.agi import AgiChannel
from callbot.pbx.originate import dial_result, new_callback_id
from callbot.speech.prompts import PromptLibrary
from callbot.tickets.records import AnswerRecord, TicketRecord
from callbot.tickets.rules import CallbackResult, EventAction, Urgency

log = logging.getLogger(__name__)

KEYS = "123"  # escape digits while the ticket is read
CALL_BACK, RESOLVE, SKIP = "1", "2", "3"
_SEQUENCE = re.compile(r"-[0-9a-f]{8}(;[12])?$")


def device_of(channel_name: str) -> str:
    """The calling device of a channel: its name without the sequence number.

    ``PJSIP/op1-0000002a`` → ``PJSIP/op1``; ``Local/ana@ctx-00000004;2`` → ``Local/ana@ctx``.
    """
    return _SEQUENCE.sub("", channel_name)


def answers_to_play(ticket: TicketRecord) -> list[AnswerRecord]:
    """The latest attempt at each question, in the order they were asked (no read-back
    confirmations: they hold "yes" or "no", not the caller's need)."""
    latest: dict[str, AnswerRecord] = {}
    for answer in ticket.answers:
        if answer.step.startswith("confirm_"):
            continue
        if answer.step not in latest or answer.attempt >= latest[answer.step].attempt:
            latest[answer.step] = answer
    return list(latest.values())


def urgency_prompt(urgency: str) -> str:
    """The prompt that says ``urgency``; an unknown urgency is read as normal."""
    known = urgency if urgency in set(Urgency) else Urgency.NORMAL.value
    return f"service_urgency_{known}"


def read_variable(channel: AgiChannel, name: str) -> str:
    """A channel variable, also after the operator hung up ("" if it cannot be read).

    Asterisk tells the script of a hangup with a ``HANGUP`` line before the next reply, so the
    first read after one raises :class:`AgiHangup`; the channel's variables are still there
    while the script runs (``GET VARIABLE`` is allowed on a dead channel): read again.
    """
    for _ in range(2):
        try:
            return channel.get_variable(name)
        except AgiHangup:
            continue
        except AgiError as exc:
            log.warning("phone service: %s not readable (%s)", name, exc)
            break
    return ""


@dataclass(frozen=True)
class PhoneService:
    """What the phone service needs (``callbot.app`` builds it)."""

    operators: Operators
    prompts: PromptLibrary
    recordings: Path  # the recordings root, where the callers' answers are played from
    callback: CallbackConfig
    service: ServiceConfig


class ServiceCall:
    """One operator's call to the service."""

    def __init__(self, channel: AgiChannel, parts: PhoneService, user: UserRecord) -> None:
        self.channel = channel
        self.parts = parts
        self.operators = parts.operators
        self.user = user
        self.skipped: set[int] = set()
        self.callback_result: str | None = None  # of the current ticket, in this call

    def run(self) -> None:
        """Claim ticket after ticket and handle each, until none is left or the call ends.

        Raises AgiHangup when the operator hangs up (the ticket in hand: see :meth:`left`)."""
        workflow = self.operators.workflow
        while True:
            ticket_id = workflow.claim_next(self.user, self.skipped)
            if ticket_id is None:
                self.play("service_no_ticket", "")
                return
            self.callback_result = None
            try:
                outcome = self.handle(ticket_id)
            except AgiHangup:
                self.left(ticket_id)
                raise
            if outcome == SKIP:
                self.skipped.add(ticket_id)
            elif outcome == "end":
                return

    def handle(self, ticket_id: int) -> str:
        """Read one ticket and act on the keys: RESOLVE, SKIP (both: next ticket) or "end"."""
        view = self.operators.queue.ticket(self.user, ticket_id)
        log.info("phone service: ticket %s read to %s", view.ticket.number, self.user.name)
        key = self.present(view)
        timeout_ms = self.parts.service.key_timeout_seconds * 1000
        tries = 0
        while tries < self.parts.service.menu_tries:
            if not key:
                key = self.play("service_menu") or self.channel.wait_for_digit(timeout_ms)
            if key == CALL_BACK:
                self.call_back(view)
                key, tries = "", 0
            elif key in (RESOLVE, SKIP):
                return self.close(ticket_id, key)
            else:
                key, tries = "", tries + 1
        self.give_back(ticket_id)
        self.play("service_skipped", "")
        return "end"

    def present(self, view: TicketView) -> str:
        """Number, urgency and the recorded answers; the first key pressed stops it."""
        ticket = view.ticket
        answers = answers_to_play(ticket)
        parts: list[Callable[[], str]] = [
            lambda: self.play("service_ticket"),
            lambda: self.play_digits(ticket.number),
            lambda: self.play(urgency_prompt(ticket.urgency)),
            lambda: self.play("service_answers" if answers else "service_no_answers"),
        ]
        parts += [partial(self.play_recording, answer) for answer in answers]
        for part in parts:
            key = part()
            if key:
                return key
        return ""

    def close(self, ticket_id: int, key: str) -> str:
        """2: resolved; 3: back to the queue (unreachable if a callback did not reach them)."""
        workflow = self.operators.workflow
        try:
            if key == RESOLVE:
                workflow.resolve(self.user, ticket_id)
                said = "service_resolved"
            elif self.callback_result not in (None, CallbackResult.ANSWERED):
                workflow.unreachable(self.user, ticket_id)
                said = "service_unreachable"
            else:
                workflow.release(self.user, ticket_id)
                said = "service_skipped"
        except WorkflowError as exc:  # a supervisor took it over meanwhile, or closed it
            log.info("phone service: ticket id %d: %s", ticket_id, exc)
            said = "service_refused"
        self.play(said, "")
        return key

    def call_back(self, view: TicketView) -> None:
        """1: bridge this call to the citizen; the result onto the ticket."""
        number = callback_number(view.ticket)
        if number is None:
            self.play("service_no_number", "")
            return
        self.play("service_calling", "")
        channel, settings = self.channel, self.parts.callback
        channel.set_variable(variables.CALLBACK_NUMBER, number)
        channel.set_variable(variables.CALLBACK_ID, new_callback_id())
        channel.set_variable(variables.CALLBACK_CID, settings.caller_id)
        channel.set_variable(variables.CALLBACK_RING, str(settings.citizen_ring_seconds))
        self.callback_result = CallbackResult.FAILED.value  # until Dial says otherwise
        try:
            channel.gosub(variables.CONTEXT_CALLBACK_DIAL, "s", "1")
        except AgiHangup:
            self.record_callback(view, number)
            raise
        result = self.record_callback(view, number)
        self.play(f"service_callback_{result}", "")

    def record_callback(self, view: TicketView, number: str) -> str:
        """Read Dial's status (also after a hangup) and put the result onto the ticket."""
        status = read_variable(self.channel, variables.DIALSTATUS)
        cause = read_variable(self.channel, variables.HANGUPCAUSE)
        result = dial_result(status, cause)
        self.callback_result = result
        detail = callback_detail(result, number, "phone", dial_status=status.strip().upper())
        try:
            self.operators.workflow.record_event(
                view.ticket.id, self.user.name, EventAction.CALLBACK, detail
            )
        except CallbotError as exc:
            log.error(
                "phone service: callback result of %s not recorded: %s", view.ticket.number, exc
            )
        log.info("phone service: ticket %s called back: %s", view.ticket.number, result)
        return result

    def give_back(self, ticket_id: int) -> None:
        """Put the ticket back in the queue; a refusal (taken over, closed) is only logged."""
        try:
            self.operators.workflow.release(self.user, ticket_id)
        except CallbotError as exc:
            log.info("phone service: ticket id %d not released: %s", ticket_id, exc)

    def left(self, ticket_id: int) -> None:
        """The operator hung up: the ticket goes back unless they called the citizen."""
        if self.callback_result is None:
            self.give_back(ticket_id)

    # -- audio ------------------------------------------------------------------------------

    def play(self, prompt: str, escape_digits: str = KEYS) -> str:
        """Play a prompt; the key among ``escape_digits`` that interrupted it, or ""."""
        return self.channel.stream_file(self.parts.prompts.path(prompt), escape_digits)

    def play_digits(self, number: str) -> str:
        """Read ``number`` digit by digit; the first menu key pressed stops it and is returned."""
        for path in self.parts.prompts.digits(number):
            key = self.channel.stream_file(path, KEYS)
            if key:
                return key
        return ""

    def play_recording(self, answer: AnswerRecord) -> str:
        """Play one recorded answer; the menu key that interrupted it, or "".

        A file that cannot be played is logged and skipped; a hangup raises AgiHangup."""
        path = self.parts.recordings / answer.audio_path
        try:
            return self.channel.stream_file(str(path.with_suffix("")), KEYS)
        except AgiHangup:
            raise
        except AgiError as exc:  # a missing file: the other answers still play
            log.warning("phone service: answer %d not played: %s", answer.id, exc)
            return ""


def handle(channel: AgiChannel, parts: PhoneService) -> None:
    """Serve the operator calling on ``channel``: their unit's waiting tickets, one by one."""
    device = device_of(channel.env.get("agi_channel", ""))
    user = parts.operators.accounts.by_phone(device)
    if user is None:
        log.warning(
            "phone service: %s is no user's phone (callbot users phone NAME DEVICE)", device
        )
        channel.stream_file(parts.prompts.path("service_unknown_phone"))
        return
    log.info("phone service: %s calls from %s", user.name, device)
    ServiceCall(channel, parts, user).run()
