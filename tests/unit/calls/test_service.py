"""The phone service's script without a PBX: a fake channel that presses keys and a real
SQLite database (the operators' stores). The real sandbox runs it in
tests/integration/test_phone_service.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import update

from callbot.calls import service
from callbot.calls.service import PhoneService, answers_to_play, device_of, urgency_prompt
from callbot.config import load_config
from callbot.errors import AgiHangup
from callbot.operators.accounts import UserRecord
from callbot.operators.audit import AuditLog
from callbot.operators.stats import TicketStats
from callbot.operators.stores import Operators
from callbot.tickets.caller import Caller
from callbot.tickets.models import Ticket, utc_now
from callbot.tickets.rules import URGENCY_RANK, Urgency
from tests.support.database import Database
from tests.support.operators import World


@pytest.mark.parametrize(
    ("channel", "device"),
    [
        ("PJSIP/op1-0000002a", "PJSIP/op1"),
        ("SIP/201-0a1b2c3d", "SIP/201"),
        (
            "Local/ana@callbot-sandbox-service-sim-00000004;2",
            "Local/ana@callbot-sandbox-service-sim",
        ),
        ("PJSIP/op-1", "PJSIP/op-1"),  # no sequence number: as is
    ],
)
def test_the_calling_device_is_the_channel_without_its_sequence(channel: str, device: str) -> None:
    assert device_of(channel) == device


def test_urgency_prompts() -> None:
    assert urgency_prompt("emergency") == "service_urgency_emergency"
    assert urgency_prompt("bogus") == "service_urgency_normal"


@dataclass
class FakeChannel:
    """Plays nothing; presses the scripted keys when the service waits for one (or during the
    prompt named in ``press_during``); the citizen's phone answers with ``dial_status``."""

    device: str
    keys: list[str]
    dial_status: str = "ANSWER"
    hang_up_in_gosub: bool = False
    press_during: dict[str, str] = field(default_factory=dict)
    played: list[str] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        return {"agi_channel": f"{self.device}-0000000a"}

    def stream_file(self, path: str, escape_digits: str = "") -> str:
        self.played.append(Path(path).name)
        return self.press_during.pop(Path(path).name, "")

    def wait_for_digit(self, timeout_ms: int) -> str:
        if not self.keys:
            raise AgiHangup("the test is over")
        return self.keys.pop(0)

    def set_variable(self, name: str, value: str) -> None:
        self.variables[name] = value

    def get_variable(self, name: str) -> str:
        return self.variables.get(name, "")

    def gosub(self, context: str, exten: str, priority: str = "1") -> None:
        assert (context, exten) == ("callbot-callback-dial", "s")
        self.played.append(f"dial {self.variables['CALLBOT_CALLBACK_NUMBER']}")
        self.variables["DIALSTATUS"] = self.dial_status
        if self.hang_up_in_gosub:
            raise AgiHangup("the operator hung up")


class FakePrompts:
    def path(self, key: str) -> str:
        return f"/prompts/{key}"

    def digits(self, number: str) -> list[str]:
        return [f"/prompts/digit_{d}" for d in number]


@pytest.fixture
def world(database: Database) -> World:
    return World(database)


@pytest.fixture
def app(world: World, tmp_path: Path) -> PhoneService:
    stats = TicketStats(world.transactions)
    operators = Operators(
        world.accounts, world.workflow, world.queue, stats, AuditLog(world.transactions)
    )
    config = load_config(environ={})
    return PhoneService(operators, FakePrompts(), tmp_path, config.callback, config.service)  # type: ignore[arg-type]


def _operator(world: World) -> UserRecord:
    return world.accounts.add_user("ana", "x", "operator", "U1", phone="PJSIP/op1")


def _ticket(world: World, unit: str = "U1", urgency: str = "normal", **values: object) -> int:
    """A waiting ticket with answers: name, a read-back confirmation, need asked twice."""
    record = world.tickets.create(Caller("0901234567", "", "", f"u{utc_now().timestamp()}"))
    for step, attempt in (("name", 1), ("confirm_name", 1), ("need", 1), ("need", 2)):
        world.tickets.add_answer(
            record.id,
            step,
            f"x/{record.id}/{step}-{attempt}.wav",
            1.0,
            "silence",
            attempt=attempt,
            transcribed=True,
        )
    world.tickets.finish(record.id, "complete", "completed")
    with world.engine.begin() as connection:
        connection.execute(
            update(Ticket)
            .where(Ticket.id == record.id)
            .values(
                status="new",
                unit=unit,
                urgency=urgency,
                urgency_rank=URGENCY_RANK[Urgency(urgency)],
                **values,
            )
        )
    return record.id


def test_answers_played_are_the_latest_attempt_of_each_question(world: World) -> None:
    ticket = world.tickets.get(_ticket(world))
    assert [(a.step, a.attempt) for a in answers_to_play(ticket)] == [("name", 1), ("need", 2)]


def test_skip_then_resolve_reads_the_urgent_one_first(world: World, app: PhoneService) -> None:
    user = _operator(world)
    normal = _ticket(world)
    urgent = _ticket(world, urgency="high")
    elsewhere = _ticket(world, unit="U2")
    channel = FakeChannel("PJSIP/op1", keys=["3", "2"])
    service.handle(channel, app)  # type: ignore[arg-type]
    urgent_view = world.queue.ticket(user, urgent)
    assert [e.action for e in urgent_view.events] == ["claim", "release"]
    assert urgent_view.ticket.status == "new"
    assert world.queue.ticket(user, normal).ticket.status == "closed"
    assert world.tickets.get(elsewhere).status == "new"
    number = urgent_view.ticket.number
    first = channel.played[: 4 + len(number)]
    assert (
        first
        == [
            "service_ticket",
            *[f"digit_{d}" for d in number],
            "service_urgency_high",
            "service_answers",
            "name-1",
        ][: len(first)]
    )
    assert channel.played[-2:] == ["service_resolved", "service_no_ticket"]
    assert "confirm_name-1" not in channel.played and "need-1" not in channel.played


def test_a_key_during_the_reading_acts_at_once(world: World, app: PhoneService) -> None:
    user = _operator(world)
    ticket_id = _ticket(world)
    channel = FakeChannel("PJSIP/op1", keys=[], press_during={"service_answers": "2"})
    service.handle(channel, app)  # type: ignore[arg-type]
    assert world.queue.ticket(user, ticket_id).ticket.status == "closed"
    assert "name-1" not in channel.played and "service_menu" not in channel.played


def test_call_back_then_skip_counts_an_unreachable_citizen(world: World, app: PhoneService) -> None:
    user = _operator(world)
    ticket_id = _ticket(world, callback_number="0933000001")
    channel = FakeChannel("PJSIP/op1", keys=["1", "3"], dial_status="BUSY")
    service.handle(channel, app)  # type: ignore[arg-type]
    assert "dial 0933000001" in channel.played
    assert channel.variables["CALLBOT_CALLBACK_CID"] == "1022"
    assert "service_callback_busy" in channel.played
    view = world.queue.ticket(user, ticket_id)
    assert [e.action for e in view.events] == ["claim", "callback", "unreachable"]
    assert view.events[1].detail == {
        "result": "busy",
        "number": "0933000001",
        "via": "phone",
        "dial_status": "BUSY",
    }
    assert view.ticket.status == "new" and view.workflow.unreachable_count == 1


def test_hanging_up_keeps_the_ticket_only_after_a_callback(world: World, app: PhoneService) -> None:
    user = _operator(world)
    first = _ticket(world)
    with pytest.raises(AgiHangup):  # listens, then hangs up: the ticket goes back
        service.handle(FakeChannel("PJSIP/op1", keys=[]), app)  # type: ignore[arg-type]
    assert world.queue.ticket(user, first).ticket.status == "new"
    channel = FakeChannel("PJSIP/op1", keys=["1"], dial_status="CANCEL", hang_up_in_gosub=True)
    with pytest.raises(AgiHangup):
        service.handle(channel, app)  # type: ignore[arg-type]
    view = world.queue.ticket(user, first)
    assert view.ticket.status == "claimed" and view.events[-1].detail["result"] == "no_answer"


def test_no_key_at_all_gives_the_ticket_back_and_ends(world: World, app: PhoneService) -> None:
    user = _operator(world)
    ticket_id = _ticket(world)
    tries = app.service.menu_tries
    channel = FakeChannel("PJSIP/op1", keys=[""] * tries)
    service.handle(channel, app)  # type: ignore[arg-type]
    assert channel.played.count("service_menu") == tries
    assert channel.played[-1] == "service_skipped"
    assert world.queue.ticket(user, ticket_id).ticket.status == "new"


def test_unknown_phone_and_no_ticket(world: World, app: PhoneService) -> None:
    _operator(world)
    ticket_id = _ticket(world)
    channel = FakeChannel("PJSIP/op9", keys=[])
    service.handle(channel, app)  # type: ignore[arg-type]
    assert channel.played == ["service_unknown_phone"]
    assert world.tickets.get(ticket_id).status == "new"
    world.accounts.set_phone("ana", None)
    world.accounts.add_user("binh", "x", "operator", "U2", phone="PJSIP/op9")
    service.handle(channel, app)  # type: ignore[arg-type]
    assert channel.played[-1] == "service_no_ticket"
