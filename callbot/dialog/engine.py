"""The small engine that runs a dialog script over one call.

It knows nothing of Asterisk or SQL: it talks to the call through :class:`CallPort` and
reports answers through :class:`AnswerSink`, so a whole call can be unit-tested with fakes and
run for real by ``callbot.routes.callbot``.

Every answer is handed to the sink as soon as it is recorded, before the next prompt plays:
a caller who hangs up half-way leaves everything said so far.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from callbot.dialog.steps import Script, Step

log = logging.getLogger(__name__)

Outcome = Literal["completed", "to_queue", "hangup"]


@dataclass(frozen=True)
class Recording:
    """What the PBX reports after recording one answer."""

    ended_by: str  # "silence" | "dtmf" | "max_length" | "hangup"
    digit: str  # the key that ended it, if any
    duration_seconds: float


class CallPort(Protocol):
    """What the dialog needs from the call (implemented over AGI by the callbot route)."""

    def play(self, prompt: str, escape_digits: str) -> str:
        """Play a prompt; return the key that interrupted it or "". Raise AgiHangup on hangup."""
        ...

    def play_digits(self, number: str, escape_digits: str) -> str:
        """Read a number digit by digit; return the interrupting key or ""."""
        ...

    def record(self, path: Path, escape_digits: str) -> Recording:
        """Beep and record the caller into ``path`` (a .wav). Returns even on hangup."""
        ...


class AnswerSink(Protocol):
    """Where answers go as soon as they exist (the ticket)."""

    def answer(self, step: str, path: Path, recording: Recording) -> None: ...

    def ticket_number(self) -> str | None: ...

    def reached(self, step: str) -> None: ...


@dataclass
class DialogResult:
    outcome: Outcome
    last_step: str
    answers: list[str] = field(default_factory=list)
    # Seconds from the end of each answer's recording to the next prompt starting to play.
    turn_gaps: list[float] = field(default_factory=list)


class Engine:
    """Runs a :class:`Script` over one call."""

    def __init__(self, script: Script, call: CallPort, sink: AnswerSink, answer_dir: Path):
        self.script = script
        self.call = call
        self.sink = sink
        self.answer_dir = answer_dir
        self._recorded_at: float | None = None

    def run(self) -> DialogResult:
        result = DialogResult(outcome="completed", last_step="")
        for step in self.script.steps:
            result.last_step = step.name
            self.sink.reached(step.name)
            key, recording = self._run_step(step, result)
            if recording is not None:
                result.answers.append(step.name)
                if recording.ended_by == "hangup":
                    result.outcome = "hangup"
                    return result
            if key == self.script.to_queue_key:
                log.info("caller pressed %s at step %s: to the operators' queue", key, step.name)
                result.outcome = "to_queue"
                return result
        return result

    def _gap(self, result: DialogResult) -> None:
        """Time from the end of the last recording to the next prompt (storing included)."""
        if self._recorded_at is not None:
            result.turn_gaps.append(time.monotonic() - self._recorded_at)
            self._recorded_at = None

    def _run_step(self, step: Step, result: DialogResult) -> tuple[str, Recording | None]:
        queue_key = self.script.to_queue_key
        self._gap(result)
        if step.kind == "say":
            return self.call.play(step.prompt, queue_key), None
        if step.kind == "read_ticket":
            number = self.sink.ticket_number()
            if not number:
                return "", None  # no ticket number (database down): nothing to read
            key = self.call.play(step.prompt, queue_key)
            if key:
                return key, None
            return self.call.play_digits(number, queue_key), None
        # ask
        key = self.call.play(step.prompt, queue_key)
        if key:
            return key, None
        path = self.answer_dir / f"{step.name}.wav"
        recording = self.call.record(path, self.script.end_answer_key + queue_key)
        self._recorded_at = time.monotonic()
        self.sink.answer(step.name, path, recording)
        key = recording.digit if recording.digit == queue_key else ""
        return key, recording
