"""Overflow calls on the real sandbox Asterisk, through `callbot serve`, into SQLite; the tests
marked both_databases run again through a `callbot serve` on PostgreSQL."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from callbot.config import Config
from callbot.lab.simulate import SimCall, SimResult, Simulator
from callbot.pbx.ami import AmiClient
from callbot.speech.audio import speech_seconds, wav_duration, wav_info
from callbot.tickets.repository import TicketRepository
from tests.integration.conftest import wait_until

pytestmark = pytest.mark.asterisk


def _check_answers(
    config: Config, result: SimResult, answers: tuple[Path, ...], count: int
) -> None:
    """Every answer recorded: the file exists, holds the caller's speech, durations match."""
    ticket = result.ticket
    assert ticket is not None, result.error
    # On failure, the robot's events and the call's phases tell which prompt was answered when
    # (pytest.fail prints the whole of them; an assert's message is cut short).
    steps = [a.step for a in ticket.answers]
    if steps != ["name", "address", "need"][:count]:
        pytest.fail(f"answer steps {steps}; the call: {result.as_dict()!r}")
    for stored, spoken in zip(ticket.answers, answers, strict=False):
        path = config.storage.recordings_dir / stored.audio_path
        assert path.is_file(), path
        info = wav_info(path)
        assert (info.rate, info.channels, info.sampwidth) == (8000, 1, 2)
        actual = wav_duration(path)
        assert stored.duration_seconds == pytest.approx(actual, abs=0.05)
        said = speech_seconds(spoken)
        heard = speech_seconds(path)
        # The recording holds the caller's words: about as much voice as was spoken...
        assert heard >= 0.7 * said, (stored.step, heard, said)
        # ...and the recording lasts the answer plus at most the silence that ended it.
        assert (
            wav_duration(spoken) * 0.8
            <= actual
            <= wav_duration(spoken) + config.dialog.silence_seconds + 3.0
        )


@pytest.mark.both_databases
def test_every_operator_busy_callbot_takes_the_call(
    simulator: Simulator, answers: tuple[Path, ...]
) -> None:
    call = SimCall(
        answers=answers, caller_number="0901234567", caller_name="Nguyen Van An", ready=True
    )
    (result,) = simulator.run([call])
    assert result.error is None, result.as_dict()
    ticket = result.ticket
    assert ticket is not None
    assert ticket.outcome == "complete" and ticket.end_reason == "completed"
    # Transcribed by `callbot serve` with the real recognizer (the model asr.model chooses).
    assert ticket.status == "new" and not ticket.no_speech
    for answer in ticket.answers:
        assert answer.transcription == "done", answer.to_dict()
        assert answer.asr_model and answer.words and answer.transcript
        assert answer.speech_seconds is not None and answer.speech_seconds > 0.3
        for word in answer.words:
            assert 0.0 <= word.conf <= 1.0
            assert 0.0 <= word.start <= word.end <= answer.duration_seconds + 0.1
    # Understood once transcribed: every question has its field (parsed, with confidence;
    # the Korean stand-in hears no Vietnamese, so the values say little) and a unit.
    assert ticket.fields is not None
    assert {"name", "address", "need", "unit"} <= set(ticket.fields)
    for kind in ("name", "address", "need"):
        assert 0.0 <= ticket.fields[kind]["confidence"] <= 1.0, ticket.fields[kind]
    assert ticket.unit == "HCM-TRIAGE"  # no Vietnamese address heard: the city triage unit
    assert ticket.caller_number == "0901234567"
    assert ticket.caller_name == "Nguyen Van An"
    assert len(ticket.number) == 7 and ticket.number.isdigit()
    assert result.report.answers_spoken == 3
    assert result.report.ended_by == "callbot"  # the callbot read the number and hung up
    _check_answers(simulator.config, result, answers, 3)


def test_operator_free_call_reaches_the_queue(
    simulator: Simulator, tickets: TicketRepository, sim_operator, events
) -> None:
    sim_operator("sim1")
    time.sleep(0.5)
    (result,) = simulator.run([SimCall(expect="queue", max_seconds=25)])
    linkedid = result.report.linkedid
    assert linkedid
    assert events.wait_for("UserEvent", UserEvent="CallbotSimOperator", CallerLinkedid=linkedid), (
        "the call did not reach the simulated operator"
    )
    assert events.matching("QueueCallerJoin", Linkedid=linkedid)
    assert tickets.by_linkedid(linkedid) is None


@pytest.mark.both_databases
def test_caller_hangs_up_after_the_second_question(
    simulator: Simulator, answers: tuple[Path, ...]
) -> None:
    (result,) = simulator.run([SimCall(answers=answers, hangup_after=2)])
    assert result.report.ended_by == "robot"
    ticket = result.ticket
    assert ticket is not None, result.error
    assert ticket.outcome == "ended_early" and ticket.end_reason == "hangup"
    assert ticket.status in ("transcribing", "new")
    assert len(ticket.answers) == 2
    _check_answers(simulator.config, result, answers, 2)


def test_fastagi_down_call_still_reaches_the_queue(
    simulator: Simulator, server, tickets: TicketRepository, events
) -> None:
    server.stop()
    try:
        (result,) = simulator.run([SimCall(expect="queue", max_seconds=12)])
    finally:
        server.start()
    linkedid = result.report.linkedid
    assert events.wait_for("QueueCallerJoin", Linkedid=linkedid), "caller never joined the queue"
    assert tickets.by_linkedid(linkedid) is None


@pytest.mark.both_databases
def test_ten_overlapping_overflow_calls(simulator: Simulator, answers: tuple[Path, ...]) -> None:
    calls = [SimCall(answers=answers, caller_number=f"09000000{i:02d}") for i in range(10)]
    results = simulator.run(calls, stagger=0.3)
    assert len(results) == 10
    numbers = set()
    for result in results:
        assert result.error is None, result.as_dict()
        assert result.ticket is not None and result.ticket.outcome == "complete"
        _check_answers(simulator.config, result, answers, 3)
        numbers.add(result.ticket.number)
    assert len(numbers) == 10


HOSTILE = [
    ('Evil "quoted" name', '09"01"234567'),
    ("back\\slash\\ name \\", "0901\\234567"),
    ("line\r\nEXEC UserEvent Injected", "0901\r\nEXEC UserEvent Injected"),
    ("x" * 500, "9" * 500),
    (b"\xff\xfe caller \x80\x81 name", b"09\xff01234567"),
]


def test_hostile_caller_ids(simulator: Simulator, answers: tuple[Path, ...], events) -> None:
    calls = [
        SimCall(answers=answers[:3], caller_name=name, caller_number=number, end_with="pound")
        for name, number in HOSTILE
    ]
    results = simulator.run(calls, stagger=0.3)
    assert len(results) == len(HOSTILE)
    for result in results:
        assert result.error is None, result.as_dict()
        ticket = result.ticket
        assert ticket is not None and ticket.outcome == "complete"
        assert len(ticket.answers) == 3
        assert all(ch.isdigit() or ch == "+" for ch in ticket.caller_number)
        assert len(ticket.caller_number) <= 32
        assert not any(ord(ch) < 32 for ch in ticket.caller_name)
        assert len(ticket.caller_name) <= 80
        assert ticket.caller_id_raw.isprintable()
        assert "\r" not in ticket.caller_id_raw and "\n" not in ticket.caller_id_raw
    # The CR/LF payloads never became AGI commands.
    assert not events.matching("UserEvent", UserEvent="Injected")
    crlf = results[2].ticket
    assert crlf is not None and "\\r\\n" in crlf.caller_id_raw  # kept, escaped, for audit


def _reaches_operator(simulator: Simulator, events, operator: str) -> bool:
    """Place a call expected to go to the queue; True if that operator picked it up."""
    (result,) = simulator.run([SimCall(expect="queue", max_seconds=20)])
    found = events.wait_for(
        "UserEvent",
        UserEvent="CallbotSimOperator",
        Operator=operator,
        CallerLinkedid=result.report.linkedid,
    )
    return found is not None


def test_ami_cut_monitor_resyncs_and_routes_right(
    config: Config, ami: AmiClient, simulator: Simulator, server, sim_operator, events
) -> None:
    """AMI drops while an operator becomes free: after reconnecting, the monitor's view
    matches Asterisk's and the next call is routed to the free operator."""
    from callbot.server import Server
    from tests.integration.tcp_proxy import TcpProxy

    server.stop()  # this test runs its own server, whose AMI goes through the proxy
    with TcpProxy("127.0.0.1", config.ami.port) as proxy:
        proxied = dataclasses.replace(
            config, ami=dataclasses.replace(config.ami, port=proxy.port, reconnect_max_delay=0.5)
        )
        own = Server(proxied)
        monitor = own.app.monitor
        assert monitor is not None
        own.start()
        try:
            assert monitor.wait_synced(10)
            decision = monitor.decision()
            assert decision is not None and decision.overflow  # every operator busy
            proxy.cut()  # the connection drops...
            sim_operator("sim2")  # ...while an operator becomes free
            time.sleep(1.0)
            assert monitor.decision() is None  # no view rather than a stale one
            # Meanwhile the dialplan's own count routes the caller to the free operator.
            assert _reaches_operator(simulator, events, "sim2")
            proxy.restore()
            assert wait_until(lambda: (d := monitor.decision()) is not None and not d.overflow), (
                monitor.snapshot()
            )
            truth = ami.collect("QueueStatus", "QueueStatusComplete", Queue=config.queue.name)
            members = {e["Location"]: e for e in truth if e.get("Event") == "QueueMember"}
            seen = {m["interface"]: m for m in monitor.snapshot()["members"]}
            assert set(seen) == set(members)
            for location, member in members.items():
                assert seen[location]["status"] == int(member["Status"])
                assert seen[location]["paused"] == (member["Paused"] == "1")
            # Routing follows the resynced view: the next caller reaches the free operator.
            assert _reaches_operator(simulator, events, "sim2")
        finally:
            own.stop()
            server.start()


def test_zero_in_the_callbot_returns_the_caller_to_the_queue(
    simulator: Simulator, tickets: TicketRepository, sim_operator, events
) -> None:
    # 2 at the menu, then 0 as soon as the callbot's greeting starts.
    (result,) = simulator.run([SimCall(press="20", expect="queue", max_seconds=12)])
    linkedid = result.report.linkedid
    assert events.wait_for("QueueCallerJoin", Linkedid=linkedid), "caller never joined the queue"
    ticket = tickets.by_linkedid(linkedid)
    assert ticket is not None  # the callbot had answered: its ticket stays, marked
    assert wait_until(lambda: (t := tickets.by_linkedid(linkedid)) is not None and t.outcome)
    ticket = tickets.by_linkedid(linkedid)
    assert ticket is not None
    assert ticket.outcome == "ended_early" and ticket.end_reason == "to_queue"
    assert ticket.status == "new" and ticket.no_speech  # nothing recorded: ready at once


@pytest.mark.long(60)
def test_long_wait_in_the_queue_is_offered_the_callbot(
    config: Config, simulator: Simulator, sim_operator, answers: tuple[Path, ...], events
) -> None:
    # An operator is free when the caller arrives, but never picks up: after
    # queue.max_wait_seconds the caller is offered the callbot and presses 1.
    sim_operator("slow1")
    time.sleep(0.5)
    (result,) = simulator.run([SimCall(press="21", answers=answers, end_with="pound")])
    linkedid = result.report.linkedid
    join = events.matching("QueueCallerJoin", Linkedid=linkedid)
    assert join, "the caller did not wait in the queue first"
    assert result.error is None, result.as_dict()
    ticket = result.ticket
    assert ticket is not None and ticket.outcome == "complete"
    assert len(ticket.answers) == 3
    waited = next(t for t, e in result.report.events if e == "pressed 2")
    offered = next(t for t, e in result.report.events if e == "pressed 1")
    assert offered - waited >= config.queue.max_wait_seconds - 0.5


def test_nine_is_an_emergency_caller_goes_to_the_head_of_the_queue(
    simulator: Simulator, tickets: TicketRepository, sim_operator, ami, events
) -> None:
    """Every operator busy but reachable, one caller already waiting in the queue: 9 at the
    greeting flags the ticket, the caller is told to call 115 and joins the queue AHEAD of
    the waiting caller (QUEUE_PRIO set by the callbot).

    The spoken path (a need understood as an emergency) runs the same code after the
    decision; the decision itself is tested on the real parser
    (tests/unit/understanding/test_need.py) and through the engine
    (tests/unit/dialog/test_engine.py): the Vietnamese model that would hear Vietnamese speech
    cannot be installed here (the stand-in is Korean)."""
    sim_operator("sim1")
    ami.action("Setvar", Variable="DEVICE_STATE(Custom:sim1)", Value="INUSE")  # busy
    time.sleep(0.5)
    waiting, urgent = simulator.run(
        [
            SimCall(press="20", expect="queue", max_seconds=25),  # 0 at the greeting: queue
            SimCall(press="29", expect="queue", max_seconds=20),  # 9 at the greeting
        ],
        stagger=4.0,
    )
    first = events.wait_for("QueueCallerJoin", Linkedid=waiting.report.linkedid)
    join = events.wait_for("QueueCallerJoin", Linkedid=urgent.report.linkedid)
    assert first and join, "a caller never joined the queue"
    assert float(first["Timestamp"]) < float(join["Timestamp"])
    assert join["Position"] == "1", "the emergency did not go to the head of the queue"
    linkedid = urgent.report.linkedid
    assert wait_until(lambda: (t := tickets.by_linkedid(linkedid)) is not None and t.outcome)
    ticket = tickets.by_linkedid(linkedid)
    assert ticket is not None
    assert ticket.emergency and ticket.urgency == "emergency"
    assert ticket.outcome == "ended_early" and ticket.end_reason == "to_queue"
    calm = tickets.by_linkedid(waiting.report.linkedid)
    assert calm is not None and not calm.emergency
