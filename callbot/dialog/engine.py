"""The small engine that runs a dialog script over one call.

It knows nothing of Asterisk or SQL: it talks to the call through a
:class:`~callbot.dialog.ports.CallPort`, reports through an
:class:`~callbot.dialog.ports.AnswerSink` and judges recordings with a ``speech_check``
callable, so a whole call can be unit-tested with fakes and run for real by
``callbot.calls.callbot``.

Rules it enforces, whatever the script:

- every answer goes to the sink as soon as it is recorded, before the next prompt plays: a
  caller who hangs up half-way leaves everything said so far;
- 0 leaves for the operators' queue (kept: what was recorded), * repeats the question;
- silence, noise, a too-short or too-long answer is asked again once with the short prompt,
  then the dialog moves on; after ``failures_before_offer`` unclear answers in a row the queue
  is offered; nothing loops;
- a key pressed during a prompt is the caller's answer to what comes next, not lost;
- where a step takes spoken answers (the read-back), the caller may say the answer instead of
  pressing the key: a short recording after the question, decoded at once by the sink
  (grammar mode, :mod:`callbot.dialog.spoken`) and stored like any answer. Keys still work and
  win: one pressed during the prompt or the recording is the answer. Silence (judged from the
  audio's energy) is no input, as when no key is pressed, and leaves no answer; speech that
  matches no phrase is asked again once, then counts as no input.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from callbot.dialog.ports import AnswerSink, CallPort, DialogResult, Outcome, Quality
from callbot.dialog.spoken import choose
from callbot.dialog.steps import Script, Step
from callbot.understanding.phone import normalize_vn_number

log = logging.getLogger(__name__)

MAX_TYPED_DIGITS = 13  # 0084 + 9 digits


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
        *,
        speech_check: Callable[[Path], float] | None = None,
        sound_check: Callable[[Path], float] | None = None,
    ) -> None:
        """``speech_check``: seconds of voice in a recorded answer (too little: asked again).
        ``sound_check``: seconds of sound in a short spoken answer to a closed question (none:
        nothing was said); a single short word ("có") may not vary enough to count as voice."""
        self.script = script
        self.call = call
        self.sink = sink
        self.answer_dir = answer_dir
        self.speech_check = speech_check
        self.sound_check = sound_check
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

    def _prompt(self, prompt: str, extra_keys: str = "", step: Step | None = None) -> str:
        """Play a question; * plays it again; 0 leaves for the queue; at a question that
        takes the emergency key (``step``), that key is an emergency until one is flagged;
        returns other keys."""
        flagged = self.result.emergency is not None
        emergency = self.script.emergency_key if step is not None and not flagged else ""
        keys = self.script.to_queue_key + self.script.repeat_key + emergency + extra_keys
        for _ in range(self.script.max_repeats + 1):
            key = self._play(prompt, keys)
            if key == self.script.to_queue_key:
                raise _Leave("to_queue")
            if emergency and key == emergency and step is not None:
                self._emergency(step, "key")
                return ""
            if key != self.script.repeat_key:
                return key
        return ""

    # -- step kinds ---------------------------------------------------------------------------

    def _say(self, step: Step) -> None:
        self._prompt(step.prompt, step=step)

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
                if step.triage and self.result.emergency is None:
                    wait = self.script.transcript_wait_seconds
                    if self.sink.is_emergency(step.name, wait):
                        self._emergency(step, "speech")
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
        emergency = self.script.emergency_key
        for _ in range(self.script.max_repeats + 1):
            flagged = self.result.emergency is not None
            self._prompt(prompt, step=step)
            if not flagged and self.result.emergency is not None:
                self._prompt(prompt)  # the emergency key, no operator reachable: ask again
            path = self._answer_path(step.name)
            escape = self.script.end_answer_key + queue + repeat
            recording = self.call.record(path, escape + emergency)
            self._recorded_at = time.monotonic()
            if recording.saved:
                self.sink.answer(step.name, path, recording)
                if step.name not in self.result.answers:
                    self.result.answers.append(step.name)
            if recording.ended_by == "hangup":
                raise _Leave("hangup")
            if recording.digit == queue:
                raise _Leave("to_queue")
            if recording.digit == emergency:
                if self.result.emergency is None:
                    self._emergency(step, "key")  # leaves for the queue if it can
                continue  # the question again
            if recording.digit != repeat:
                break
        if recording.ended_by == "max_length":
            return "too_long"
        if self.speech_check is not None and self.speech_check(path) < (
            self.script.min_speech_seconds
        ):
            return "no_speech"
        return "ok"

    def _emergency(self, step: Step, source: str) -> None:
        """Life at risk: tell the caller to call 115 at once; to the head of the operators'
        queue when one can be reached, else the dialog goes on (the ticket tops the queue)."""
        self.result.emergency = source
        reachable = self.sink.emergency(step.name, source)
        log.warning(
            "emergency at step %s (%s): %s",
            step.name,
            source,
            "to the head of the queue" if reachable else "no operator reachable",
        )
        if reachable:
            self._play("emergency_queue", "")
            raise _Leave("emergency")
        self._play("emergency_stay", self.script.to_queue_key)

    def _answer_path(self, name: str) -> Path:
        """``<name>.wav``, then ``<name>-2.wav``... for each new recording of that answer."""
        attempt = self._attempts.get(name, 0) + 1
        self._attempts[name] = attempt
        return self.answer_dir / (f"{name}.wav" if attempt == 1 else f"{name}-{attempt}.wav")

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
        prompt = step.spoken_prompt if step.spoken and step.spoken_prompt else step.prompt
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
                    key = self._prompt(prompt, keys)
                if not key and step.spoken:
                    key = self._spoken_key(step, target, prompt, keys)
                elif not key:
                    key = self.call.wait_digit(self.script.digit_timeout_ms)
                if key == self.script.to_queue_key:
                    raise _Leave("to_queue")
                if key != self.script.again_key or round_ == self.script.max_retries:
                    break
                self._ask(question, again=True)

    def _spoken_key(self, step: Step, target: str, prompt: str, keys: str) -> str:
        """The caller's spoken answer as the key it stands for, a key pressed meanwhile, or ""
        for no input. Speech that matches no phrase is asked again (once)."""
        for retry in range(self.script.max_retries + 1):
            if retry:
                key = self._play("not_heard", self.script.to_queue_key + keys)
                if not key:
                    key = self._prompt(prompt, keys)
                if key:
                    return key
            key, unclear = self._hear(step, self.script.answer_name(step, target), keys)
            if key or not unclear:
                return key
            log.info("spoken answer at %s (%s) matched no phrase", step.name, target)
        return ""

    def _hear(self, step: Step, name: str, keys: str) -> tuple[str, bool]:
        """Record one short spoken answer and decode it: (the key it stands for, or the key
        pressed while recording, or ""; whether the caller said something that matched no
        phrase)."""
        path = self._answer_path(name)
        end = self.script.end_answer_key
        recording = self.call.record(
            path,
            self.script.to_queue_key + keys + end,
            max_seconds=self.script.spoken_answer_seconds,
        )
        self._recorded_at = time.monotonic()
        if recording.digit and recording.digit != end:
            # A key is the answer; the recording holds nothing the caller meant to say.
            path.unlink(missing_ok=True)
            return recording.digit, False
        if recording.ended_by == "hangup":
            if recording.saved:
                self.sink.answer(name, path, recording)  # kept: transcribed later
            raise _Leave("hangup")
        if not recording.saved:
            return "", False
        sound = self.sound_check(path) if self.sound_check is not None else None
        if sound is not None and sound < self.script.min_spoken_seconds:
            # Nothing said: no input, as when no key is pressed; no answer to keep.
            path.unlink(missing_ok=True)
            return "", False
        started = time.monotonic()
        words = self.sink.closed_answer(name, path, recording, step.phrases)
        self.result.spoken_waits.append(time.monotonic() - started)
        if words is None:
            return "", False
        key = choose(step.spoken, words)
        return key, not key

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
