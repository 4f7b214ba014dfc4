"""The ``confirm`` step: what was understood, read back only where it is doubtful.

For each target question, what was understood of its answer (:meth:`AnswerSink.understood`:
the transcript, and the parser's confidence times the recognizer's) decides. Understood at
least ``Script.readback_below`` surely, or not transcribed in time (a call waits for the
recognizer ``Script.transcript_wait_seconds`` in all: :meth:`Turns.understood`), nothing is
said: the operators hear the recording anyway. Below, the caller hears the question's
read-back prompt, the transcript spoken by runtime text-to-speech, then the confirm
question: 1 is correct, 2 asks that question again (once, with its short prompt:
:func:`callbot.dialog.ask.ask`). The first confirm question says the keys (or words); the
next ones are the step's ``short_prompt``. Keys pressed during any of it are the answer.

With ``spoken`` phrases the caller may say the answer instead: a short recording after the
question (or from their first syllable when they say it over the question), decoded at once by
the sink in grammar mode and mapped to the key it stands for (:func:`callbot.dialog.spoken.choose`).
Keys still win; silence is no input; speech that matches no phrase is asked again once, then
counts as no input.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from callbot.dialog.ask import ask
from callbot.dialog.ports import SPEECH
from callbot.dialog.spoken import choose
from callbot.dialog.steps import Step

if TYPE_CHECKING:
    from callbot.dialog.turns import Turns

log = logging.getLogger(__name__)


def confirm(engine: Turns, step: Step) -> None:
    """Read back each doubtful target's transcript; 2 asks that question again (once)."""
    script = engine.script
    keys = script.yes_key + script.again_key
    asked = False
    for target in step.targets:
        question = script.step(target)
        for round_ in range(script.max_retries + 1):
            started = time.monotonic()
            heard = engine.understood(target)
            if heard is None or heard.confidence >= script.readback_below:
                engine.result.readback_waits.append(time.monotonic() - started)
                if heard is not None:
                    engine.result.confident += 1
                log.info(
                    "%s: %s, not read back",
                    target,
                    "no transcript in time" if heard is None else f"{heard.confidence:.2f} sure",
                )
                break
            audio = engine.sink.speak(heard.text)
            engine.result.readback_waits.append(time.monotonic() - started)
            if audio is None:
                break  # no speech for it: the operators hear the recording
            prompt = _question(step, asked)
            asked = True
            key = engine.prompt(question.readback_prompt or "", keys)
            if not key:
                key = engine.call.play_file(audio, script.to_queue_key + keys)
                engine.leave_on_queue_key(key)
            if not key:
                key = engine.prompt(prompt, keys, barge_in=bool(step.spoken))
            if key == SPEECH or (not key and step.spoken):
                key = _spoken_key(engine, step, target, prompt, keys, speaking=key == SPEECH)
            elif not key:
                key = engine.call.wait_digit(script.offer_wait_ms)  # nothing: correct
            engine.leave_on_queue_key(key)
            if key != script.again_key or round_ == script.max_retries:
                break
            ask(engine, question, again=True)


def _question(step: Step, asked: bool) -> str:
    """The confirm question: the one that says the keys first, then the short one."""
    if asked and step.short_prompt:
        return step.short_prompt
    return step.spoken_prompt if step.spoken and step.spoken_prompt else step.prompt


def _spoken_key(
    engine: Turns, step: Step, target: str, prompt: str, keys: str, *, speaking: bool = False
) -> str:
    """The caller's spoken answer as the key it stands for, a key pressed meanwhile, or ""
    for no input. Speech that matches no phrase is asked again (once). ``speaking``: they
    began over the question."""
    script = engine.script
    for retry in range(script.max_retries + 1):
        if retry:
            key = engine.play("not_heard", script.to_queue_key + keys)
            if not key:
                key = engine.prompt(prompt, keys, barge_in=True)
            speaking = key == SPEECH
            if key and not speaking:
                return key
        name = script.answer_name(step, target)
        key, unclear = _hear(engine, step, name, keys, speaking=speaking)
        if key or not unclear:
            return key
        log.info("spoken answer at %s (%s) matched no phrase", step.name, target)
    return ""


def _hear(
    engine: Turns, step: Step, name: str, keys: str, *, speaking: bool = False
) -> tuple[str, bool]:
    """Record one short spoken answer and decode it: (the key it stands for, or the key
    pressed while recording, or ""; whether the caller said something that matched no
    phrase)."""
    script = engine.script
    path = engine.answer_path(name)
    end = script.end_answer_key
    recording = engine.record(
        path,
        script.to_queue_key + keys + end,
        max_seconds=script.spoken_answer_seconds,
        speaking=speaking,
    )
    if recording.digit and recording.digit != end:
        # A key is the answer; the recording holds nothing the caller meant to say.
        path.unlink(missing_ok=True)
        return recording.digit, False
    if recording.ended_by == "hangup":
        if recording.saved:
            engine.store(name, path, recording)  # kept: transcribed later
        engine.leave("hangup")
    if not recording.saved:
        return "", False
    sound = engine.sound_check(path) if engine.sound_check is not None else None
    if sound is not None and sound < script.min_spoken_seconds:
        # Nothing said: no input, as when no key is pressed; no answer to keep.
        path.unlink(missing_ok=True)
        return "", False
    started = time.monotonic()
    words = engine.sink.closed_answer(name, path, recording, step.phrases)
    engine.result.spoken_waits.append(time.monotonic() - started)
    if words is None:
        return "", False
    key = choose(step.spoken, words)
    return key, not key
