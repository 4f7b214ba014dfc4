"""The engine over a port that hears the caller while it plays: barge-in and continuations.

The fake call stands for the AudioSocket port (callbot/calls/media.py); the same behaviours
run on the real sandbox in tests/integration/test_barge_in.py.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from callbot.dialog import turns
from callbot.dialog.engine import Engine
from callbot.dialog.ports import RESUMED, SPEECH, Recording, Understood
from callbot.dialog.steps import OVERFLOW
from callbot.errors import AgiHangup
from tests.support.dialog import FakeCall, FakeSink, voice_of

KEYS_ONLY = OVERFLOW.keys_only()


def run(call: FakeCall, sink: FakeSink | None = None, script=KEYS_ONLY):  # type: ignore[no-untyped-def]
    sink = sink or FakeSink(sure={"name": 0.9, "address": 0.9, "need": 0.9})
    engine = Engine(script, call, sink, Path("/rec"), speech_check=voice_of(call))
    return engine.run(), sink


def test_talking_over_a_question_records_at_once_without_the_beep() -> None:
    call = FakeCall(listens=True).press("ask_name", SPEECH)
    result, sink = run(call)
    assert result.outcome == "completed"
    assert call.log[1:3] == ["play ask_name barge", "record name.wav speaking"]
    assert [a[:2] for a in sink.answers] == [
        ("name", "name.wav"),
        ("address", "address.wav"),
        ("need", "need.wav"),
    ]


def test_only_questions_are_interrupted_by_speech() -> None:
    call = FakeCall(listens=True).press("greeting", SPEECH).press("ticket_number", SPEECH)
    run(call)
    assert "play greeting" in call.log  # not "barge": the greeting plays to the end
    assert not any(line.endswith("speaking") for line in call.log)


def test_a_port_that_does_not_listen_is_never_asked_for_barge_in() -> None:
    call = FakeCall().press("ask_name", SPEECH)
    run(call)
    assert "record name.wav speaking" not in call.log
    assert "record name.wav" in call.log


def test_a_pause_inside_an_answer_is_not_its_end() -> None:
    """The caller resumes while the next prompt starts: the same recording goes on, the
    answer is stored once (with its whole length), then the prompt plays again."""
    call = FakeCall(listens=True).press("keys_hint", RESUMED)
    call.speak("name", Recording("silence", "", 2.0), Recording("silence", "", 4.5))
    result, sink = run(call)
    i = call.log.index("record name.wav")
    assert call.log[i : i + 4] == [
        "record name.wav",
        "play keys_hint resume",
        "record name.wav resume",
        "play keys_hint resume",  # the prompt again, whole, and the window again
    ]
    assert [a for a in sink.answers if a[0] == "name"] == [("name", "name.wav", "silence")]
    assert result.resumed == 1


def test_only_the_prompt_right_after_an_answer_may_continue_it() -> None:
    call = FakeCall(listens=True).press("ask_address", SPEECH)
    _, sink = run(call)
    assert "play keys_hint resume" in call.log  # the name's window: during the hint
    assert "play ask_address barge" in call.log  # then the name is stored: a new answer
    assert "record address.wav speaking" in call.log
    assert [a[0] for a in sink.answers] == ["name", "address", "need"]


def test_a_held_answer_is_stored_once_its_window_has_passed_while_the_prompt_plays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored_during: list[int] = []

    @dataclasses.dataclass
    class SlowCall(FakeCall):
        sink: FakeSink | None = None

        def play(self, prompt, escape_digits, *, barge_in=False, resume_until=None):  # type: ignore[no-untyped-def]
            if prompt == "keys_hint":
                time.sleep(0.3)  # the prompt plays on past the window
                assert self.sink is not None
                stored_during.append(len(self.sink.answers))
            return super().play(prompt, escape_digits, barge_in=barge_in, resume_until=resume_until)

    sink = FakeSink(sure={"name": 0.9, "address": 0.9, "need": 0.9})
    call = SlowCall(listens=True, sink=sink)
    script = dataclasses.replace(KEYS_ONLY, resume_seconds=0.01)
    monkeypatch.setattr(turns, "COMMIT_MARGIN", 0.05)
    run(call, sink, script)
    assert stored_during == [1]  # the name was stored by the timer, during keys_hint


def test_a_held_answer_is_stored_when_the_caller_hangs_up_during_the_next_prompt() -> None:
    call = FakeCall(listens=True, hang_up_at="keys_hint")
    sink = FakeSink()
    with pytest.raises(AgiHangup):
        Engine(KEYS_ONLY, call, sink, Path("/rec"), speech_check=voice_of(call)).run()
    assert [a[0] for a in sink.answers] == ["name"]


def test_an_unclear_answer_is_stored_at_once_and_asked_again() -> None:
    call = FakeCall(listens=True).speak("name", Recording("max_length", "", 30.0))
    result, sink = run(call)
    i = call.log.index("record name.wav")
    assert call.log[i + 1] == "play too_long"  # no window: it is not an answer to go on with
    assert [a[1] for a in sink.answers[:2]] == ["name.wav", "name-2.wav"]
    assert result.unclear == 1


def test_the_need_is_checked_for_an_emergency_once_stored_not_before_the_next_prompt() -> None:
    sink = FakeSink(heard={"name": "an", "address": "quan nam", "need": "mẹ tôi khó thở"})
    call = FakeCall(listens=True)
    result, sink = run(call, sink)
    assert (result.outcome, result.emergency) == ("emergency", "speech")
    assert result.last_step == "callback"  # the callback offer played meanwhile
    assert sink.callbacks == [("0901234567", "caller_id")]
    assert call.log[-1] == "play emergency_queue"


def test_speaking_over_the_confirm_question_is_the_spoken_answer() -> None:
    call = FakeCall(listens=True).press("confirm_spoken", SPEECH)
    names = ("confirm_name.wav", "confirm_address.wav", "confirm_need.wav")
    sink = FakeSink(words=dict.fromkeys(names, ("đúng",)))
    run(call, sink, OVERFLOW)
    assert "record confirm_name.wav speaking" in call.log
    assert sink.decoded[0][:2] == ("confirm_name", "confirm_name.wav")


def test_the_caller_waits_for_the_recognizer_once_per_call_not_once_per_answer() -> None:
    """Transcripts late (a busy machine): the emergency check and the read-backs share one
    budget, so the caller waits ``transcript_wait_seconds`` in all, then the call goes on."""

    @dataclasses.dataclass
    class SlowSink(FakeSink):
        timeouts: list[float] = dataclasses.field(default_factory=list)

        def understood(self, step, timeout) -> Understood | None:  # type: ignore[no-untyped-def]
            self.timeouts.append(round(timeout, 1))
            time.sleep(timeout)
            return None  # nothing came in time

        def is_emergency(self, step, timeout):  # type: ignore[no-untyped-def]
            self.timeouts.append(round(timeout, 1))
            time.sleep(timeout)
            return False

    script = dataclasses.replace(KEYS_ONLY, transcript_wait_seconds=0.6)
    sink, call = SlowSink(), FakeCall(listens=True)
    result, _ = run(call, sink, script)
    assert result.outcome == "completed"
    assert sink.timeouts[0] == 0.6 and sum(sink.timeouts) <= 0.7  # then nothing is waited
    assert len(sink.timeouts) == 4  # the need's emergency check, then three read-backs
    assert not any(line.startswith("play readback") for line in call.log)
