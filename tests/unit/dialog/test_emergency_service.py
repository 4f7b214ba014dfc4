"""The caller hears the number the emergency calls for: 115, 114 or 113 (issue 13).

Through the engine with fakes of the call and the sink (tests/support/dialog.py: the fake sink
maps a word of the need answer to a service, as the real one does with the need parser; the
real sink on the real parser is tests/unit/calls/test_callbot_sink.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.dialog.engine import Engine
from callbot.dialog.ports import Recording
from callbot.dialog.steps import ENGINE_PROMPTS, OVERFLOW
from callbot.dialog.turns import emergency_prompt
from callbot.speech.prompts import REQUIRED_KEYS
from tests.support.dialog import FakeCall, FakeSink, voice_of

KEYS_ONLY = OVERFLOW.keys_only()


def run(call: FakeCall, sink: FakeSink):  # type: ignore[no-untyped-def]
    return Engine(KEYS_ONLY, call, sink, Path("/rec"), speech_check=voice_of(call)).run()


def need(text: str, reachable: bool = True) -> FakeSink:
    sink = FakeSink(heard={"name": "an", "address": "quan nam", "need": text})
    sink.reachable = reachable
    return sink


@pytest.mark.parametrize(
    ("said", "service", "prompt"),
    [
        ("mẹ tôi khó thở", "115", "emergency_queue"),
        ("nhà tui đang cháy", "114", "emergency_queue_114"),
        ("chồng tui đang đánh tui", "113", "emergency_queue_113"),
    ],
)
def test_a_spoken_emergency_tells_its_number_and_goes_to_the_queue(
    said: str, service: str, prompt: str
) -> None:
    call, sink = FakeCall(), need(said)
    result = run(call, sink)
    assert (result.outcome, result.emergency, result.service) == ("emergency", "speech", service)
    assert sink.services == [service]
    assert f"play {prompt}" in call.log
    others = {"emergency_queue", "emergency_queue_114", "emergency_queue_113"} - {prompt}
    assert not any(f"play {p}" in call.log for p in others)


@pytest.mark.parametrize(
    ("said", "prompt"),
    [("nhà tui đang cháy", "emergency_stay_114"), ("có người đánh nhau", "emergency_stay_113")],
)
def test_without_an_operator_the_caller_hears_the_number_and_the_dialog_goes_on(
    said: str, prompt: str
) -> None:
    call, sink = FakeCall(), need(said, reachable=False)
    result = run(call, sink)
    assert result.outcome == "completed"
    assert f"play {prompt}" in call.log
    assert "play emergency_stay" not in call.log
    assert sink.callbacks  # the callback number is still asked for


def test_nine_stays_a_115_emergency() -> None:
    call = FakeCall().press("ask_name", "9")
    sink = need("gạo")
    result = run(call, sink)
    assert (result.emergency, result.service) == ("key", "115")
    assert sink.services == ["115"] and "play emergency_queue" in call.log


def test_after_nine_a_fire_told_in_the_need_is_told_114_too() -> None:
    # 9 at the address, no operator reachable: told 115, the dialog goes on; the need then
    # says a fire: the caller hears 114 as well and the ticket keeps 114.
    call = FakeCall().speak("address", Recording("dtmf", "9", 1.0))
    sink = need("nhà bên cạnh cháy rồi", reachable=False)
    result = run(call, sink)
    assert sink.flagged == [("address", "key"), ("need", "speech")]
    assert sink.services == ["115", "114"]
    assert result.service == "114"
    assert call.log.index("play emergency_stay") < call.log.index("play emergency_stay_114")


def test_after_nine_a_medical_need_is_not_told_twice() -> None:
    call = FakeCall().speak("address", Recording("dtmf", "9", 1.0))
    sink = need("mẹ tôi khó thở", reachable=False)
    run(call, sink)
    assert sink.flagged == [("address", "key")]
    assert call.log.count("play emergency_stay") == 1


def test_every_service_has_its_prompts() -> None:
    for service in ("115", "114", "113"):
        for prompt in ("emergency_queue", "emergency_stay"):
            key = emergency_prompt(prompt, service)
            assert key in ENGINE_PROMPTS and key in REQUIRED_KEYS
