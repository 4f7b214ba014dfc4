"""The small engine that runs a dialog script over one call.

It knows nothing of Asterisk or SQL: it talks to the call through :class:`CallPort`, reports
through :class:`AnswerSink` and judges recordings with a ``speech_check`` callable, so a whole
call can be unit-tested with fakes and run for real by ``callbot.routes.callbot``.

Rules it enforces, whatever the script:

- every answer goes to the sink as soon as it is recorded, before the next prompt plays: a
  caller who hangs up half-way leaves everything said so far;
- 0 leaves for the operators' queue (kept: what was recorded), * repeats the question;
- silence, noise, a too-short or too-long answer is asked again once with the short prompt,
  then the dialog moves on; after ``failures_before_offer`` unclear answers in a row the queue
  is offered; nothing loops;
- a key pressed during a prompt is the caller's answer to what comes next, not lost.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from callbot.dialog.keypad import MAX_TYPED_DIGITS, normalize_vn_number
from callbot.dialog.steps import Script, Step

log = logging.getLogger(__name__)

Outcome = Literal["completed", "to_queue", "hangup"]
Quality = Literal["ok", "no_speech", "too_long"]


@dataclass(frozen=True)
class Recording:
    """What the PBX reports after recording one answer."""

    ended_by: str  # "silence" | "dtmf" | "max_length" | "hangup"
    digit: str  # the key that ended it, if any
    duration_seconds: float
    saved: bool = True  # False when a key during the beep stopped it before it began


class CallPort(Protocol):
    """What the dialog needs from the call (implemented over AGI by the callbot route)."""

    def play(self, prompt: str, escape_digits: str) -> str:
        """Play a prompt; return the key that interrupted it or "". Raise AgiHangup on hangup."""
        ...

    def play_file(self, path: Path, escape_digits: str) -> str:
        """Play an audio file (runtime text-to-speech); return the interrupting key or ""."""
        ...

    def play_digits(self, number: str, escape_digits: str) -> str:
        """Read a number digit by digit; return the interrupting key or ""."""
        ...

    def record(self, path: Path, escape_digits: str) -> Recording:
        """Beep and record the caller into ``path`` (a .wav). Returns even on hangup."""
        ...

    def wait_digit(self, timeout_ms: int) -> str:
        """The next key pressed within the timeout, or ""."""
        ...


class AnswerSink(Protocol):
    """Where what the caller says goes as soon as it exists (the ticket)."""

    def answer(self, step: str, path: Path, recording: Recording) -> None: ...

    def ticket_number(self) -> str | None: ...

    def reached(self, step: str) -> None: ...

    def caller_number(self) -> str: ...

    def callback(self, number: str, source: str) -> None: ...

    def transcript(self, step: str, timeout: float) -> str | None:
        """The text of the latest answer to ``step``; waits for it at most ``timeout``."""
        ...

    def speak(self, text: str) -> Path | None:
        """Runtime text-to-speech of ``text``: an audio file to play, or None."""
        ...


@dataclass
class DialogResult:
    outcome: Outcome = "completed"
    last_step: str = ""
    answers: list[str] = field(default_factory=list)
    # Seconds from the end of each recording to the next prompt starting to play.
    turn_gaps: list[float] = field(default_factory=list)
    unclear: int = 0  # answers asked again for silence, noise or length
    # Seconds the caller waited at each read-back for the transcript and its speech.
    readback_waits: list[float] = field(default_factory=list)


class _Leave(Exception):
    """Ends the dialog early: the caller chose the queue, or hung up while recording."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome)
        self.outcome = outcome


class Engine:
    """Runs a :class:`Script` over one call."""

    def __init__(
        self,
        script: Script,
        call: CallPort,
        sink: AnswerSink,
        answer_dir: Path,
        speech_check: Callable[[Path], float] | None = None,
    ) -> None:
        self.script = script
        self.call = call
        self.sink = sink
        self.answer_dir = answer_dir
        self.speech_check = speech_check
        self.result = DialogResult()
        self._recorded_at: float | None = None
        self._attempts: dict[str, int] = {}
        self._failures_in_a_row = 0

    # -- the loop ---------------------------------------------------------------------------

    def run(self) -> DialogResult:
        handlers: dict[str, Callable[[Step], None]] = {
            "say": self._say,
            "ask": self._ask,
            "callback": self._callback,
            "confirm": self._confirm,
            "read_ticket": self._read_ticket,
        }
        try:
            for step in self.script.steps:
                self.result.last_step = step.name
                self.sink.reached(step.name)
                handlers[step.kind](step)
        except _Leave as leave:
            self.result.outcome = leave.outcome
            if leave.outcome == "to_queue":
                log.info(
                    "caller pressed %s at step %s: to the operators' queue",
                    self.script.to_queue_key,
                    self.result.last_step,
                )
        return self.result

    # -- building blocks --------------------------------------------------------------------

    def _gap(self) -> None:
        if self._recorded_at is not None:
            self.result.turn_gaps.append(time.monotonic() - self._recorded_at)
            self._recorded_at = None

    def _play(self, prompt: str, escape: str) -> str:
        self._gap()
        return self.call.play(prompt, escape)

    def _prompt(self, prompt: str, extra_keys: str = "") -> str:
        """Play a question; * plays it again; 0 leaves for the queue; returns other keys."""
        keys = self.script.to_queue_key + self.script.repeat_key + extra_keys
        for _ in range(self.script.max_repeats + 1):
            key = self._play(prompt, keys)
            if key == self.script.to_queue_key:
                raise _Leave("to_queue")
            if key != self.script.repeat_key:
                return key
        return ""

    # -- step kinds ---------------------------------------------------------------------------

    def _say(self, step: Step) -> None:
        self._prompt(step.prompt)

    def _read_ticket(self, step: Step) -> None:
        number = self.sink.ticket_number()
        if not number:
            return  # no ticket number (database down): nothing to read
        if self._prompt(step.prompt):
            return
        if self.call.play_digits(number, self.script.to_queue_key) == self.script.to_queue_key:
            raise _Leave("to_queue")

    def _ask(self, step: Step, *, again: bool = False) -> None:
        """Ask, record; ask again once if the answer is unclear; never loops."""
        for retry in range(self.script.max_retries + 1):
            short = (again or retry > 0) and step.short_prompt
            prompt = step.short_prompt if short and step.short_prompt else step.prompt
            quality = self._ask_once(step, prompt)
            if quality == "ok":
                self._failures_in_a_row = 0
                return
            self.result.unclear += 1
            self._failures_in_a_row += 1
            if self._failures_in_a_row >= self.script.failures_before_offer:
                self._offer_queue()
                return
            if retry < self.script.max_retries:
                self._play(
                    "too_long" if quality == "too_long" else "not_heard", self.script.to_queue_key
                )

    def _ask_once(self, step: Step, prompt: str) -> Quality:
        queue, repeat = self.script.to_queue_key, self.script.repeat_key
        for _ in range(self.script.max_repeats + 1):
            self._prompt(prompt)
            attempt = self._attempts.get(step.name, 0) + 1
            self._attempts[step.name] = attempt
            name = step.name if attempt == 1 else f"{step.name}-{attempt}"
            path = self.answer_dir / f"{name}.wav"
            recording = self.call.record(path, self.script.end_answer_key + queue + repeat)
            self._recorded_at = time.monotonic()
            if recording.saved:
                self.sink.answer(step.name, path, recording)
                if step.name not in self.result.answers:
                    self.result.answers.append(step.name)
            if recording.ended_by == "hangup":
                raise _Leave("hangup")
            if recording.digit == queue:
                raise _Leave("to_queue")
            if recording.digit != repeat:
                break
        if recording.ended_by == "max_length":
            return "too_long"
        if self.speech_check is not None and self.speech_check(path) < (
            self.script.min_speech_seconds
        ):
            return "no_speech"
        return "ok"

    def _offer_queue(self) -> None:
        """After repeated unclear answers: 0 for an operator, anything else goes on."""
        self._failures_in_a_row = 0
        key = self._play("no_input_offer", self.script.to_queue_key + self.script.yes_key)
        if not key:
            key = self.call.wait_digit(self.script.digit_timeout_ms)
        if key == self.script.to_queue_key:
            raise _Leave("to_queue")

    def _confirm(self, step: Step) -> None:
        """Read back each target's transcript; 2 asks that question again (once)."""
        keys = self.script.yes_key + self.script.again_key
        for target in step.targets:
            question = self.script.step(target)
            for round_ in range(self.script.max_retries + 1):
                started = time.monotonic()
                text = self.sink.transcript(target, self.script.transcript_wait_seconds)
                audio = self.sink.speak(text) if text else None
                self.result.readback_waits.append(time.monotonic() - started)
                if audio is None:
                    self._prompt("readback_unheard")
                    break
                key = self._prompt(question.readback_prompt or "", keys)
                if not key:
                    key = self.call.play_file(audio, self.script.to_queue_key + keys)
                    if key == self.script.to_queue_key:
                        raise _Leave("to_queue")
                if not key:
                    key = self._prompt(step.prompt, keys)
                if not key:
                    key = self.call.wait_digit(self.script.digit_timeout_ms)
                if key == self.script.to_queue_key:
                    raise _Leave("to_queue")
                if key != self.script.again_key or round_ == self.script.max_retries:
                    break
                self._ask(question, again=True)

    def _callback(self, step: Step) -> None:
        """1: the number calling; or the caller types a number and #; read back, confirmed."""
        digits = "0123456789#" + self.script.repeat_key
        caller = normalize_vn_number(self.sink.caller_number())
        for _ in range(self.script.max_retries + 1):
            key = self._play(step.prompt, digits)
            if key == self.script.repeat_key:
                continue
            if not key:
                key = self.call.wait_digit(self.script.digit_timeout_ms)
            if key in ("", self.script.yes_key):
                if caller:
                    self.sink.callback(caller, "caller_id")
                    self._prompt("callback_use_caller")
                    return
                if not key:
                    continue
                self._play("callback_invalid", self.script.to_queue_key)
                continue
            typed = self._collect_digits(key)
            number = normalize_vn_number(typed)
            if number is None:
                self._play("callback_invalid", self.script.to_queue_key)
                continue
            if self._confirm_number(number):
                self.sink.callback(number, "typed")
                return
        if caller:
            self.sink.callback(caller, "caller_id")

    def _collect_digits(self, first: str) -> str:
        typed = "" if first == "#" else first
        while len(typed) < MAX_TYPED_DIGITS and first != "#":
            key = self.call.wait_digit(self.script.digit_timeout_ms)
            if key in ("", "#"):
                break
            if key.isdigit():
                typed += key
        return typed

    def _confirm_number(self, number: str) -> bool:
        keys = self.script.yes_key + self.script.again_key
        key = self._play("callback_readback", self.script.to_queue_key + keys)
        if not key:
            key = self.call.play_digits(number, self.script.to_queue_key + keys)
        if not key:
            key = self._prompt("confirm_keys", keys)
        if not key:
            key = self.call.wait_digit(self.script.digit_timeout_ms)
        if key == self.script.to_queue_key:
            raise _Leave("to_queue")
        return key != self.script.again_key
