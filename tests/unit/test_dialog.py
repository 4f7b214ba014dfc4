"""The dialog engine over a fake call: whole calls without a PBX (fakes for edges only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from callbot.dialog.engine import Engine, Recording
from callbot.dialog.steps import OVERFLOW, Script, Step
from callbot.errors import AgiHangup, DialogError


@dataclass
class FakeCall:
    """Plays nothing; returns scripted keys and recordings."""

    keys: dict[str, str] = field(default_factory=dict)  # prompt -> key pressed during it
    recordings: dict[str, Recording] = field(default_factory=dict)  # step -> recording
    hang_up_at: str | None = None  # prompt during which the caller hangs up
    log: list[str] = field(default_factory=list)

    def play(self, prompt: str, escape_digits: str) -> str:
        self.log.append(f"play {prompt}")
        if prompt == self.hang_up_at:
            raise AgiHangup("hangup")
        key = self.keys.get(prompt, "")
        return key if key in escape_digits else ""

    def play_digits(self, number: str, escape_digits: str) -> str:
        self.log.append(f"digits {number}")
        return ""

    def record(self, path: Path, escape_digits: str) -> Recording:
        self.log.append(f"record {path.name} {escape_digits}")
        return self.recordings.get(path.stem, Recording("silence", "", 2.0))


@dataclass
class FakeSink:
    number: str | None = "0000018"
    answers: list[tuple[str, str]] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)

    def answer(self, step: str, path: Path, recording: Recording) -> None:
        self.answers.append((step, recording.ended_by))

    def ticket_number(self) -> str | None:
        return self.number

    def reached(self, step: str) -> None:
        self.steps.append(step)


def run(call: FakeCall, sink: FakeSink | None = None) -> tuple[object, FakeSink]:
    sink = sink or FakeSink()
    return Engine(OVERFLOW, call, sink, Path("/tmp/x")).run(), sink


def test_complete_call_asks_every_question_and_reads_the_number_twice() -> None:
    call = FakeCall()
    result, sink = run(call)
    assert result.outcome == "completed"  # type: ignore[attr-defined]
    assert [a for a, _ in sink.answers] == ["name", "address", "need"]
    assert call.log == [
        "play greeting",
        "play ask_name",
        "record name.wav #0",
        "play ask_address",
        "record address.wav #0",
        "play ask_need",
        "record need.wav #0",
        "play closing",
        "play ticket_number",
        "digits 0000018",
        "play repeat_number",
        "digits 0000018",
        "play goodbye",
    ]


def test_zero_during_a_prompt_goes_to_the_queue_with_what_was_said() -> None:
    call = FakeCall(keys={"ask_need": "0"})
    result, sink = run(call)
    assert result.outcome == "to_queue"  # type: ignore[attr-defined]
    assert [a for a, _ in sink.answers] == ["name", "address"]


def test_zero_during_a_recording_keeps_that_answer_and_goes_to_the_queue() -> None:
    call = FakeCall(recordings={"address": Recording("dtmf", "0", 1.5)})
    result, sink = run(call)
    assert result.outcome == "to_queue"  # type: ignore[attr-defined]
    assert sink.answers == [("name", "silence"), ("address", "dtmf")]


def test_pound_ends_an_answer_and_the_dialog_goes_on() -> None:
    call = FakeCall(recordings={"name": Recording("dtmf", "#", 1.0)})
    result, _ = run(call)
    assert result.outcome == "completed"  # type: ignore[attr-defined]


def test_hangup_while_recording_stops_after_storing_the_partial_answer() -> None:
    call = FakeCall(recordings={"address": Recording("hangup", "", 0.8)})
    result, sink = run(call)
    assert result.outcome == "hangup"  # type: ignore[attr-defined]
    assert sink.answers == [("name", "silence"), ("address", "hangup")]
    assert "play ask_need" not in call.log


def test_hangup_during_a_prompt_propagates_after_earlier_answers_were_stored() -> None:
    call = FakeCall(hang_up_at="ask_need")
    sink = FakeSink()
    with pytest.raises(AgiHangup):
        Engine(OVERFLOW, call, sink, Path("/tmp/x")).run()
    assert [a for a, _ in sink.answers] == ["name", "address"]


def test_no_ticket_number_skips_reading_it() -> None:
    call = FakeCall()
    run(call, FakeSink(number=None))
    assert not any(line.startswith("digits") for line in call.log)


def test_script_validation() -> None:
    with pytest.raises(DialogError):
        Script(steps=(Step("a", "say", "x"), Step("a", "ask", "y")))
    with pytest.raises(DialogError):
        Script(steps=(Step("../evil", "ask", "x"),))
