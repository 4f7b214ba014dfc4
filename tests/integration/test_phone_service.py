"""The operators' phone service on the real sandbox, through `callbot serve`: an operator's
device (a robot on a Local channel, known by users.phone) dials the service, hears the next
waiting ticket of their unit (its number, urgency and the caller's recorded answers), and
presses 3 (skip: back to the queue, the next ticket), 2 (resolved) or 1 (call the citizen
back: this very call is bridged to them, showing the hotline number)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import update

from callbot.config import Config
from callbot.console.asgi import build_console
from callbot.lab.simulate import SimCall, SimResult, Simulator
from callbot.operators.accounts import UserRecord
from callbot.operators.login import add_user
from callbot.operators.queue import TicketQueue
from callbot.operators.views import TicketView
from callbot.speech.audio import speech_seconds, wav_duration
from callbot.speech.tts import to_telephone_wav
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine
from callbot.tickets.models import Ticket
from callbot.tickets.repository import TicketRepository
from callbot.tickets.rules import URGENCY_RANK, Urgency
from tests.integration.conftest import EventLog, wait_until
from tests.support.console import PASSWORD

pytestmark = pytest.mark.asterisk

SERVICE_SIM = "callbot-sandbox-service-sim"


@dataclass
class Unit:
    """A unit of its own for one test, its operator and their device."""

    config: Config
    tickets: TicketRepository
    queue: TicketQueue
    user: UserRecord
    tag: str

    @property
    def device(self) -> str:
        return f"Local/{self.user.name}@{SERVICE_SIM}"

    def ticket(
        self, answers: tuple[Path, ...], callback_number: str, urgency: str = "normal"
    ) -> int:
        """A waiting ticket of this unit whose answers are ``answers`` (settled already, so
        the transcription workers leave it alone)."""
        record = self.tickets.create(Caller("0900000008", "", "", f"svc-{uuid.uuid4().hex[:12]}"))
        recordings = self.config.storage.recordings_dir
        for step, source in zip(("name", "address", "need"), answers, strict=False):
            relative = f"service-test/{record.id}/{step}.wav"
            (recordings / relative).parent.mkdir(parents=True, exist_ok=True)
            (recordings / relative).write_bytes(to_telephone_wav(source.read_bytes()))
            duration = wav_duration(recordings / relative)
            self.tickets.add_answer(
                record.id, step, relative, duration, "silence", transcribed=True
            )
        self.tickets.finish(record.id, "complete", "completed")
        engine = make_engine(self.config.storage.effective_database_url)
        try:
            with engine.begin() as connection:
                connection.execute(
                    update(Ticket)
                    .where(Ticket.id == record.id)
                    .values(
                        status="new",
                        unit=self.user.unit,
                        callback_number=callback_number,
                        urgency=urgency,
                        urgency_rank=URGENCY_RANK[Urgency(urgency)],
                    )
                )
        finally:
            engine.dispose()
        return record.id

    def view(self, ticket_id: int) -> TicketView:
        return self.queue.ticket(self.user, ticket_id)


@pytest.fixture
def unit(config: Config, tickets: TicketRepository) -> Unit:
    console = build_console(config)
    tag = uuid.uuid4().hex[:8]
    name = f"svc{tag}"  # a-z first: the sandbox's service-sim context matches _[a-z].
    user = add_user(
        console.accounts,
        console.passwords,
        name,
        PASSWORD,
        role="operator",
        unit=f"SVC-{tag}",
        min_length=10,
        phone=f"Local/{name}@{SERVICE_SIM}",
    )
    return Unit(config, tickets, console.queue, user, tag)


def _call(simulator: Simulator, unit: Unit, steps: tuple[str, ...], heard: Path) -> SimResult:
    call = SimCall(
        channel=unit.device, expect="service", steps=steps, record_to=heard, max_seconds=120
    )
    (result,) = simulator.run([call])
    assert result.error is None, result.as_dict()
    return result


def test_operator_hears_the_next_ticket_skips_one_and_resolves_the_next(
    config: Config, simulator: Simulator, unit: Unit, answers: tuple[Path, ...]
) -> None:
    first = unit.ticket(answers[:2], "0901234567")  # older: read first
    second = unit.ticket(answers[2:], "0901234568")
    heard = config.storage.root / f"heard-{unit.tag}.wav"
    result = _call(
        simulator,
        unit,
        ("hear", "quiet:3", "keys:3", "hear", "quiet:3", "keys:2", "listen"),
        heard,
    )
    assert result.report.ended_by == "callbot"  # "no ticket left", then the service hangs up
    skipped, resolved = unit.view(first), unit.view(second)
    # 3 put the first back in the queue; 2 closed the second, both signed by the operator.
    assert skipped.ticket.status == "new" and skipped.workflow.claimed_by is None
    assert [(e.action, e.user) for e in skipped.events] == [
        ("claim", unit.user.name),
        ("release", unit.user.name),
    ]
    assert resolved.ticket.status == "closed" and resolved.workflow.resolution == "resolved"
    assert [(e.action, e.user) for e in resolved.events] == [
        ("claim", unit.user.name),
        ("resolve", unit.user.name),
    ]
    assert skipped.events[0].at <= resolved.events[0].at  # the older ticket came first
    # What the operator heard holds the callers' words of both tickets (and the prompts).
    recordings = config.storage.recordings_dir
    said = sum(speech_seconds(recordings / a.audio_path) for a in skipped.ticket.answers)
    said += sum(speech_seconds(recordings / a.audio_path) for a in resolved.ticket.answers)
    assert heard.is_file()
    assert speech_seconds(heard) >= 0.9 * said, (speech_seconds(heard), said)


def test_key_1_bridges_the_operator_to_the_citizen_then_2_resolves(
    config: Config,
    simulator: Simulator,
    unit: Unit,
    answers: tuple[Path, ...],
    events: EventLog,
) -> None:
    ticket = unit.ticket(answers[:1], "0901234569", urgency="high")
    heard = config.storage.root / f"heard-{unit.tag}.wav"
    result = _call(
        simulator,
        unit,
        ("hear", "quiet:3", "keys:1", "hear", "quiet:3", "keys:2", "listen"),
        heard,
    )
    assert result.report.ended_by == "callbot"
    citizen = events.wait_for("UserEvent", UserEvent="CallbotSandboxCitizen", Number="0901234569")
    assert citizen is not None and citizen["CallerId"] == "1022"
    view = unit.view(ticket)
    assert [e.action for e in view.events] == ["claim", "callback", "resolve"]
    callback = view.events[1]
    assert callback.user == unit.user.name
    assert callback.detail == {
        "result": "answered",
        "number": "0901234569",
        "via": "phone",
        "dial_status": "ANSWER",
    }
    assert view.ticket.status == "closed"


def test_hanging_up_while_the_citizen_rings_records_it_and_keeps_the_claim(
    config: Config, simulator: Simulator, unit: Unit, answers: tuple[Path, ...]
) -> None:
    ticket = unit.ticket(answers[:1], "0922000002")  # the sandbox's citizen who never answers
    heard = config.storage.root / f"heard-{unit.tag}.wav"
    result = _call(simulator, unit, ("hear", "quiet:3", "keys:1", "listen:4", "hangup"), heard)
    assert result.report.ended_by == "robot"
    # The service notices the hangup as the robot leaves: wait for it to record the result.
    assert wait_until(lambda: len(unit.view(ticket).events) == 2)
    view = unit.view(ticket)
    assert [e.action for e in view.events] == ["claim", "callback"]
    assert view.events[1].detail["result"] == "no_answer"
    assert view.events[1].detail["dial_status"] == "CANCEL"
    # They called the citizen: the ticket stays theirs, to close or retry in the console.
    assert view.ticket.status == "claimed" and view.workflow.claimed_by == unit.user.name


def test_a_phone_that_is_nobody_s_hears_why_and_nothing_is_claimed(
    config: Config, simulator: Simulator, unit: Unit, answers: tuple[Path, ...]
) -> None:
    ticket = unit.ticket(answers[:1], "0901234567")
    call = SimCall(
        channel=f"Local/nobody{unit.tag}@{SERVICE_SIM}",
        expect="service",
        steps=("hear", "listen"),
        max_seconds=30,
    )
    (result,) = simulator.run([call])
    assert result.error is None and result.report.ended_by == "callbot"
    assert unit.view(ticket).ticket.status == "new"
