"""The ``ask`` step: a question, the caller's answer recorded; unclear answers asked again.

One question is played (``*`` repeats it, ``0`` leaves for the queue, the emergency key is
heard) and the answer recorded into ``<step>.wav`` (``<step>-2.wav``... for the next ones).
Where the call port hears the caller while it plays, they may answer during the question: it
stops, and their answer is recorded from the first syllable (barge-in); otherwise, or when
they wait, after the beep. The answer ends when they stop speaking (or after the silence that
ends a recording, without such a port), or with ``#``. It goes to the sink as soon as it
exists, or once the caller can no longer go on with it (:meth:`Turns.keep`).

An answer is unclear when it ran to the longest answer (``too_long``) or holds less voice than
``Script.min_speech_seconds`` (``no_speech``): the caller hears why and the question is asked
again with its short prompt, at most ``Script.max_retries`` times, then the dialog moves on.
Unclear answers in a row end in the offer of the queue (:meth:`Turns.unclear_answer`). A
``triage`` question's answer is checked for an emergency once it is stored and transcribed
(:meth:`Turns.check_triage`, before the step after the next one); the caller hears the number
the need parser gives (115, 114 or 113).

The read-back (:mod:`callbot.dialog.readback`) asks a question again through :func:`ask` with
``again``: the short prompt at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from callbot.dialog.ports import SPEECH, Quality, Recording
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
                engine.triage = step  # checked once the answer is stored (Turns.check_triage)
            return
        if engine.unclear_answer():
            return
        if retry < script.max_retries:
            engine.play("too_long" if quality == "too_long" else "not_heard", script.to_queue_key)


def ask_once(engine: Turns, step: Step, prompt: str) -> Quality:
    """Play ``prompt`` and record one answer (again after * or the emergency key); how clear
    the last recording is. The caller may start during the question (barge-in): it stops and
    their answer is recorded from its first syllable. A clear answer that ended on silence is
    handed to the sink through :meth:`Turns.keep` (the caller may still go on with it)."""
    script = engine.script
    queue, repeat, emergency = script.to_queue_key, script.repeat_key, script.emergency_key
    for _ in range(script.max_repeats + 1):
        flagged = engine.result.emergency is not None
        key = engine.prompt(prompt, step=step, barge_in=True)
        if not flagged and engine.result.emergency is not None:
            key = engine.prompt(prompt, barge_in=True)  # the emergency key, no operator reachable
        path = engine.answer_path(step.name)
        escape = script.end_answer_key + queue + repeat + emergency
        recording = engine.record(path, escape, speaking=key == SPEECH)
        interrupted = recording.ended_by == "hangup" or recording.digit in (
            queue,
            repeat,
            emergency,
        )
        if not interrupted:
            break
        if recording.saved:
            engine.store(step.name, path, recording)  # kept, though not the answer
        if recording.ended_by == "hangup":
            engine.leave("hangup")
        engine.leave_on_queue_key(recording.digit)
        if recording.digit == emergency and engine.result.emergency is None:
            engine.emergency(step, "key")  # leaves for the queue if it can
    else:
        return _quality(engine, path, recording)  # * every time: the last try, already kept
    quality = _quality(engine, path, recording)
    if recording.saved and quality == "ok":
        engine.keep(step.name, path, recording)  # the caller may still go on with it
    elif recording.saved:
        engine.store(step.name, path, recording)
    return quality


def _quality(engine: Turns, path: Path, recording: Recording) -> Quality:
    """``too_long`` when the answer ran to the longest one, ``no_speech`` when it holds too
    little voice (judged by ``speech_check``, if any), else ``ok``."""
    if recording.ended_by == "max_length":
        return "too_long"
    check = engine.speech_check
    if check is not None and check(path) < engine.script.min_speech_seconds:
        return "no_speech"
    return "ok"
