"""The speech dialog on the real sandbox: keypad, * and 0, silence, read-back.

Calls go through `callbot serve` and the real Asterisk; the robot caller acts prompt by prompt
(see callbot.routes.robot.RobotPlan.actions).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.config import Config
from callbot.simulate import SimCall, Simulator
from callbot.speech.audio import wav_duration

pytestmark = pytest.mark.asterisk


def test_typed_callback_number_from_a_real_call(
    simulator: Simulator, answers: tuple[Path, ...]
) -> None:
    actions = ("answer", "answer", "answer", "keys:0912345678#")
    (result,) = simulator.run(
        [SimCall(answers=answers, actions=actions, end_with="pound", caller_number="0283")]
    )
    assert result.error is None, result.as_dict()
    ticket = result.ticket
    assert ticket is not None
    assert ticket.callback_number == "0912345678"
    assert ticket.callback_source == "typed"


def test_callback_defaults_to_the_calling_number(
    simulator: Simulator, answers: tuple[Path, ...]
) -> None:
    (result,) = simulator.run(
        [SimCall(answers=answers, end_with="pound", caller_number="0987654321")]
    )
    ticket = result.ticket
    assert ticket is not None, result.error
    assert (ticket.callback_number, ticket.callback_source) == ("0987654321", "caller_id")


def test_star_repeats_the_question(simulator: Simulator, answers: tuple[Path, ...]) -> None:
    actions = ("keys:*", "answer", "answer", "answer")
    (result,) = simulator.run([SimCall(answers=answers, actions=actions, end_with="pound")])
    ticket = result.ticket
    assert ticket is not None, result.error
    names = [a for a in ticket.answers if a.step == "name"]
    assert len(names) == 2  # the interrupted try, then the answer after the repeat
    assert ticket.outcome == "complete"


def test_silence_is_asked_again_and_the_ticket_says_no_speech(
    config: Config, simulator: Simulator
) -> None:
    actions = ("silence",) * 12
    (result,) = simulator.run([SimCall(actions=actions, caller_number="0901111222", ready=True)])
    ticket = result.ticket
    assert ticket is not None, result.error
    assert ticket.caller_number == "0901111222"
    assert ticket.no_speech
    steps = [a.step for a in ticket.answers]
    assert steps.count("name") == 2  # asked again once, then the dialog moved on
    for answer in ticket.answers:
        assert (config.storage.recordings_dir / answer.audio_path).is_file()
        assert answer.duration_seconds == pytest.approx(
            wav_duration(config.storage.recordings_dir / answer.audio_path), abs=0.05
        )


def test_two_at_the_read_back_asks_again(simulator: Simulator, answers: tuple[Path, ...]) -> None:
    # After the answers: the callback question (1: the number calling), then the read-back
    # of the name, where 2 asks the name again.
    actions = ("answer", "answer", "answer", "keys:1", "keys:2", "answer")
    (result,) = simulator.run(
        [SimCall(answers=(*answers, answers[0]), actions=actions, end_with="pound")]
    )
    ticket = result.ticket
    assert ticket is not None, result.error
    names = [a for a in ticket.answers if a.step == "name"]
    assert [a.attempt for a in names] == [1, 2]
