"""The ``ask`` step: a question, a beep, the caller's answer recorded; unclear answers asked again.

One question is played (``*`` repeats it, ``0`` leaves for the queue, the emergency key is
heard) and the answer recorded into ``<step>.wav`` (``<step>-2.wav``... for the next ones),
handed to the sink as soon as it exists. ``#`` ends the answer before the silence does.

An answer is unclear when it ran to the longest answer (``too_long``) or holds less voice than
``Script.min_speech_seconds`` (``no_speech``): the caller hears why and the question is asked
again with its short prompt, at most ``Script.max_retries`` times, then the dialog moves on.
Unclear answers in a row end in the offer of the queue (:meth:`Turns.unclear_answer`). A
``triage`` question's answer is checked for an emergency as soon as it is transcribed; the
caller hears the number the need parser gives (115, 114 or 113).

The read-back (:mod:`callbot.dialog.readback`) asks a question again through :func:`ask` with
``again``: the short prompt at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from callbot.dialog.ports import Quality, Recording
from callbot.dialog.steps import Step

if TYPE_CHECKING:
    from callbot.dialog.turns import Turns


def ask(engine: Turns, step: Step, *, again: bool = False) -> None:
    """Ask, record; ask again once if the answer is unclear; never loops."""
    script = engine.script
    for retry in range(script.max_retries + 1):
        short = (again or retry > 0) and step.short_prompt
        prompt = step.short_prompt if short and step.short_prompt else step.prompt
        quality = ask_once(engine, step, prompt)
        if quality == "ok":
            engine.clear_answer()
            if step.triage:
                _triage(engine, step)
            return
        if engine.unclear_answer():
            return
        if retry < script.max_retries:
            engine.play("too_long" if quality == "too_long" else "not_heard", script.to_queue_key)


def _triage(engine: Turns, step: Step) -> None:
    """The answer understood as an emergency: the caller hears its number. After 9 (told 115,
    no operator reachable) the answer is still read: a fire or an assault is told 114 or 113
    too."""
    told = engine.result.service
    if engine.result.emergency not in (None, "key") or told not in (None, "115"):
        return
    service = engine.sink.is_emergency(step.name, engine.script.transcript_wait_seconds)
    if service and service != told:
        engine.emergency(step, "speech", service)


def ask_once(engine: Turns, step: Step, prompt: str) -> Quality:
    """Play ``prompt`` and record one answer (again after * or the emergency key); how clear
    the last recording is."""
    script = engine.script
    queue, repeat, emergency = script.to_queue_key, script.repeat_key, script.emergency_key
    for _ in range(script.max_repeats + 1):
        flagged = engine.result.emergency is not None
        engine.prompt(prompt, step=step)
        if not flagged and engine.result.emergency is not None:
            engine.prompt(prompt)  # the emergency key, no operator reachable: ask again
        path = engine.answer_path(step.name)
        recording = engine.record(path, script.end_answer_key + queue + repeat + emergency)
        if recording.saved:
            engine.sink.answer(step.name, path, recording)
            if step.name not in engine.result.answers:
                engine.result.answers.append(step.name)
        if recording.ended_by == "hangup":
            engine.leave("hangup")
        engine.leave_on_queue_key(recording.digit)
        if recording.digit == emergency:
            if engine.result.emergency is None:
                engine.emergency(step, "key")  # leaves for the queue if it can
            continue  # the question again
        if recording.digit != repeat:
            break
    return _quality(engine, path, recording)


def _quality(engine: Turns, path: Path, recording: Recording) -> Quality:
    """``too_long`` when the answer ran to the longest one, ``no_speech`` when it holds too
    little voice (judged by ``speech_check``, if any), else ``ok``."""
    if recording.ended_by == "max_length":
        return "too_long"
    check = engine.speech_check
    if check is not None and check(path) < engine.script.min_speech_seconds:
        return "no_speech"
    return "ok"
