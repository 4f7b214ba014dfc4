"""The caller's turn on the real sandbox, with the real prompts: talking over a question, a
slow speaker pausing inside an answer, keys pressed during a prompt.

These need questions as long as the real ones (the short test prompts are over before a
robot can talk over them), so this module runs its own `callbot serve` with prompts/vi.toml
rendered by espeak-ng into the test storage (the dialplan's menu stays the short one). The
robot caller speaks espeak-ng answers into the real Asterisk, which streams the call to
callbot over AudioSocket (callbot/calls/media.py). A caller who says nothing is in
test_speech_dialog.py (it needs no long prompt).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from callbot.config import Config
from callbot.lab.phases import read_steps
from callbot.lab.simulate import SimCall, SimResult, Simulator
from callbot.speech.audio import concat_wavs, speech_seconds, wav_duration, write_silence
from callbot.speech.prompts import load_prompts, rendered_dir
from callbot.speech.render import render_prompts
from callbot.tickets.repository import TicketRepository
from tests.integration.conftest import ServeProcess

pytestmark = pytest.mark.asterisk

VI_PROMPTS = Path("prompts/vi.toml")


@pytest.fixture(scope="module")
def real_prompts(config: Config, server: ServeProcess) -> Iterator[Path]:
    """`callbot serve` with the real prompts, in place of the session's (restored after)."""
    rendered = config.storage.root / "rendered"
    out = rendered_dir(rendered, VI_PROMPTS)
    render_prompts(load_prompts(config.project_dir / VI_PROMPTS), out, engine="espeak")
    server.stop()
    own = ServeProcess(config)
    own.log_path = config.storage.root / "serve-real-prompts.log"
    settings = [f"prompts.file={VI_PROMPTS}", f"prompts.rendered={rendered}"]
    own.start(extra=[arg for setting in settings for arg in ("--set", setting)])
    try:
        yield out
    finally:
        own.stop()
        server.start()


@pytest.fixture()
def simulator_real(
    config: Config, tickets: TicketRepository, ami, real_prompts: Path
) -> Iterator[Simulator]:
    from callbot.app import load_prompt_library

    with Simulator(config, tickets, load_prompt_library(config), ami) as sim:
        yield sim


def _seconds(prompts: Path, key: str) -> float:
    return wav_duration(prompts / f"{key}.wav")


def _step_start(config: Config, result: SimResult, step: str) -> float:
    ticket = result.ticket
    assert ticket is not None, result.error
    steps = read_steps(config.storage.recordings_dir, ticket.channel_uniqueid)
    started = [at for name, at in steps if name == step]
    if not started:  # the dialog never reached the step: show the whole call
        pytest.fail(
            f"step {step!r} never began (ticket {ticket.outcome}, {ticket.end_reason}; "
            f"steps {steps}): {json.dumps(result.as_dict(), default=str, ensure_ascii=False)}"
        )
    return started[0]


def _recording(config: Config, result: SimResult, step: str, attempt: int = 1) -> Path:
    ticket = result.ticket
    assert ticket is not None, result.error
    answer = next(a for a in ticket.answers if (a.step, a.attempt) == (step, attempt))
    return config.storage.recordings_dir / answer.audio_path


def test_serve_loads_its_parsers_before_it_takes_a_call(config: Config, real_prompts: Path) -> None:
    """The parsers load before the FastAGI listener opens: a call taken while they load
    (a second or more of a busy machine's interpreter) sent its caller no audio meanwhile,
    and Asterisk ended the AudioSocket after 2 s of silence both ways, in the greeting."""
    log = (config.storage.root / "serve-real-prompts.log").read_text(encoding="utf-8")
    loaded, listening = log.rfind("parsers loaded in"), log.rfind("FastAGI listening on")
    assert 0 <= loaded < listening, log[-2000:]


def test_talking_over_a_question_one_second_in_loses_no_syllable(
    config: Config, simulator_real: Simulator, real_prompts: Path, answers: tuple[Path, ...]
) -> None:
    spoken = answers[2]  # the longest answer, said over the name question
    # The robot hears the greeting and the question as one sound: 1 s into the question.
    delay = _seconds(real_prompts, "greeting") + 1.0
    call = SimCall(
        answers=(spoken,), actions=(f"barge:{delay:.2f}", "hangup"), caller_number="0907140001"
    )
    (result,) = simulator_real.run([call])
    spoke = next(t for t, e in result.report.events if e == "speaks answer 1")
    into_question = result.report.started_at + spoke - _step_start(config, result, "name")
    assert 0.6 < into_question < _seconds(real_prompts, "ask_name"), into_question  # over it
    recorded = _recording(config, result, "name")
    said, heard = speech_seconds(spoken), speech_seconds(recorded)
    print(f"barge-in {into_question:.2f} s into the question: {heard:.2f} of {said:.2f} s kept")
    assert heard >= 0.97 * said, json.dumps(result.as_dict(), default=str, ensure_ascii=False)
    assert heard <= said + 0.1  # and nothing of the prompt came back into it


def test_a_slow_speaker_pausing_inside_the_address_is_not_cut(
    config: Config,
    simulator_real: Simulator,
    answers: tuple[Path, ...],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The address in two parts with 1.2 s between them: longer than the silence that ends an
    answer (0.7 s), so the next question starts; the caller goes on, the question stops, and
    the rest joins the same recording."""
    parts = tmp_path_factory.mktemp("slow")
    pause = parts / "pause.wav"
    write_silence(pause, 1200)
    slow = parts / "slow-address.wav"
    concat_wavs([answers[1], pause, answers[1]], slow)
    name, _, need = answers
    actions = ("answer", "answer", "answer", "hangup")  # hangs up at the callback offer
    call = SimCall(answers=(name, slow, need), actions=actions, caller_number="0907140002")
    (result,) = simulator_real.run([call])
    ticket = result.ticket
    assert ticket is not None, result.error
    assert [(a.step, a.attempt) for a in ticket.answers] == [
        ("name", 1),
        ("address", 1),
        ("need", 1),
    ], json.dumps(result.as_dict(), default=str, ensure_ascii=False)
    recorded = _recording(config, result, "address")
    said = speech_seconds(slow)
    assert speech_seconds(recorded) >= 0.95 * said  # both parts, one answer
    assert wav_duration(recorded) >= wav_duration(slow)  # with the pause between them
    assert ticket.outcome == "complete"


def test_a_key_pressed_during_a_question_plays_it_again_then_the_answer_is_taken(
    config: Config, simulator_real: Simulator, real_prompts: Path, answers: tuple[Path, ...]
) -> None:
    delay = _seconds(real_prompts, "greeting") + 0.8
    actions = (f"during:{delay:.2f}:*:answer", "hangup")
    call = SimCall(answers=answers[:1], actions=actions, caller_number="0907140003")
    (result,) = simulator_real.run([call])
    events = dict((e, t) for t, e in result.report.events)
    pressed, spoke = events["pressed * during the prompt"], events["speaks answer 1"]
    # The question stopped at the key and played again, whole, before the robot answered.
    assert spoke - pressed >= _seconds(real_prompts, "ask_name"), result.report.events
    ticket = result.ticket
    assert ticket is not None, result.error
    assert [(a.step, a.attempt) for a in ticket.answers] == [("name", 1)]
    assert speech_seconds(_recording(config, result, "name")) >= 0.9 * speech_seconds(answers[0])
