"""The building blocks every step kind shares: one call's turns, and the rules they keep.

:class:`Turns` plays prompts, records answers and keeps the engine's own state (turn gaps,
attempts per answer, unclear answers in a row, the answer held for its continuation) behind
its methods; the step kinds (:mod:`~callbot.dialog.ask`, :mod:`~callbot.dialog.readback`,
:mod:`~callbot.dialog.callback_number`) use only these, and
:class:`~callbot.dialog.engine.Engine` adds the run loop that dispatches to them. So imports
point one way: engine -> step kinds -> turns. The rules the blocks keep are listed in
:mod:`callbot.dialog.engine`.

Continuations. Where the call port hears the caller while it plays (``CallPort.listens``), an
answer that ended on silence is *held*: the next prompt starts at once, and if the caller
speaks again within ``Script.resume_seconds`` of it they were pausing, not done; the prompt
stops, the rest of their answer goes into the same recording, and the prompt starts again.
The held answer goes to the sink once that window has passed (a timer, while the prompt
plays), or before anything else touches the call or the ticket (:attr:`Turns.call`,
:meth:`Turns.commit`), and at the end of the dialog whatever ended it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from callbot.dialog.ports import (
    RESUMED,
    SPEECH,
    AnswerSink,
    CallPort,
    DialogResult,
    Outcome,
    Recording,
    Understood,
)
from callbot.dialog.steps import Script, Step

log = logging.getLogger(__name__)

MAX_RESUMES = 3  # continuations of one answer, then the next prompt plays through
COMMIT_MARGIN = 0.5  # seconds after the window before the held answer is stored anyway


def emergency_prompt(prompt: str, service: str) -> str:
    """The prompt telling the caller the number to call: ``emergency_queue`` (115),
    ``emergency_queue_114``, ``emergency_queue_113`` (and the same for ``emergency_stay``)."""
    return prompt if service == "115" else f"{prompt}_{service}"


class Leave(Exception):
    """Ends the dialog early: the caller chose the queue, or hung up while recording."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome)
        self.outcome = outcome


@dataclass(frozen=True)
class _Held:
    """An answer recorded, not yet given to the sink: the caller may go on with it."""

    step: str
    path: Path
    recording: Recording
    ended_at: float  # time.monotonic() when its recording ended


class Turns:
    """One call's turns: the building blocks a step kind uses.

    Step functions read ``script``, ``call``, ``sink``, ``result``, ``speech_check`` and
    ``sound_check``, and use the building blocks below; the engine's own state stays behind
    them.
    """

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
        self._call = call
        self._sink = sink
        self.answer_dir = answer_dir
        self.speech_check = speech_check
        self.sound_check = sound_check
        self.result = DialogResult()
        self.triage: Step | None = None  # a question whose answer awaits its emergency check
        self._spoke_until: float | None = None  # end of the caller's last answer
        self._attempts: dict[str, int] = {}
        self._failures_in_a_row = 0
        self._held: _Held | None = None
        self._held_lock = threading.Lock()
        self._waited = 0.0  # seconds the caller has waited for the recognizer

    # -- building blocks --------------------------------------------------------------------

    @property
    def sink(self) -> AnswerSink:
        """The ticket; an answer held for its continuation goes to it first."""
        self.commit()
        return self._sink

    def reached(self, step: str) -> None:
        """The dialog reached ``step`` (kept as the call's last step; nothing is stored)."""
        self._sink.reached(step)

    @property
    def call(self) -> CallPort:
        """The call, for what the blocks below do not cover; an answer held for its
        continuation goes to the sink first."""
        self.commit()
        return self._call

    def play(self, prompt: str, escape: str, *, barge_in: bool = False) -> str:
        """Play a prompt; the key that interrupted it, :data:`SPEECH` (``barge_in``: the caller
        talked over it), or "". The turn gap since the caller's last answer ends here; a
        held answer may be continued during it (see the module docstring)."""
        if self._spoke_until is not None:
            self.result.turn_gaps.append(time.monotonic() - self._spoke_until)
            self._spoke_until = None
        for _ in range(MAX_RESUMES):
            held = self._held
            if held is None:
                break
            until = held.ended_at + self.script.resume_seconds
            timer = threading.Timer(until + COMMIT_MARGIN - time.monotonic(), self.commit)
            timer.daemon = True
            timer.start()
            try:
                key = self._call.play(prompt, escape, barge_in=barge_in, resume_until=until)
            finally:
                timer.cancel()
            if key != RESUMED:
                self.commit()
                return key
            if not self._resume(held, escape):  # stored meanwhile: a new answer, or none
                if barge_in:
                    return SPEECH
                continue  # the prompt again, whole
        self.commit()
        return self._call.play(prompt, escape, barge_in=barge_in)

    def _resume(self, held: _Held, escape: str) -> bool:
        """The caller went on with the held answer: record the rest into its file. False when
        it was stored meanwhile (the window had passed): the words are a new answer then."""
        with self._held_lock:
            if self._held is not held:
                return False
            self._held = None  # ours while it is recorded: the commit timer finds nothing
        recording = self._call.record(held.path, escape, resume=True)
        self.result.resumed += 1
        log.info(
            "answer %s resumed after a pause (%.1f s now)", held.step, recording.duration_seconds
        )
        self._held = _Held(held.step, held.path, recording, time.monotonic())
        self._spoke_until = recording.speech_end or time.monotonic()
        if recording.ended_by == "hangup":
            self.commit()
            self.leave("hangup")
        if recording.digit == self.script.to_queue_key:
            self.commit()
            self.leave("to_queue")
        return True

    def prompt(
        self, prompt: str, extra_keys: str = "", step: Step | None = None, *, barge_in: bool = False
    ) -> str:
        """Play a question; * plays it again; 0 leaves for the queue; at a question that
        takes the emergency key (``step``), that key is an emergency until one is flagged;
        returns other keys, or :data:`SPEECH` when the caller talked over it (``barge_in``)."""
        flagged = self.result.emergency is not None
        emergency = self.script.emergency_key if step is not None and not flagged else ""
        keys = self.script.to_queue_key + self.script.repeat_key + emergency + extra_keys
        for _ in range(self.script.max_repeats + 1):
            key = self.play(prompt, keys, barge_in=barge_in)
            self.leave_on_queue_key(key)
            if emergency and key == emergency and step is not None:
                self.emergency(step, "key")
                return ""
            if key != self.script.repeat_key:
                return key
        return ""

    def record(
        self, path: Path, escape: str, max_seconds: int | None = None, *, speaking: bool = False
    ) -> Recording:
        """Record the caller into ``path`` (after a beep; ``speaking``: at once, from their
        first syllable); the turn gap starts when their speech ends."""
        recording = self._call.record(path, escape, max_seconds, speaking=speaking)
        self._spoke_until = recording.speech_end or time.monotonic()
        return recording

    def keep(self, step: str, path: Path, recording: Recording) -> None:
        """An answer to hand to the sink: held for its continuation when the port hears one
        (it ended on silence), else stored now."""
        if (
            self._call.listens
            and recording.ended_by == "silence"
            and self.script.resume_seconds > 0
        ):
            self._held = _Held(step, path, recording, time.monotonic())
        else:
            self.store(step, path, recording)

    def commit(self) -> None:
        """Store the held answer, if any (idempotent; also from the commit timer's thread)."""
        with self._held_lock:
            held, self._held = self._held, None
            if held is not None:
                self.store(held.step, held.path, held.recording)

    def store(self, step: str, path: Path, recording: Recording) -> None:
        """Hand an answer to the sink now."""
        self._sink.answer(step, path, recording)
        if step not in self.result.answers:
            self.result.answers.append(step)

    def answer_path(self, name: str) -> Path:
        """``<name>.wav``, then ``<name>-2.wav``... for each new recording of that answer."""
        attempt = self._attempts.get(name, 0) + 1
        self._attempts[name] = attempt
        return self.answer_dir / (f"{name}.wav" if attempt == 1 else f"{name}-{attempt}.wav")

    def leave(self, outcome: Outcome) -> NoReturn:
        """End the dialog now with ``outcome`` (what was recorded is kept)."""
        raise Leave(outcome)

    def leave_on_queue_key(self, key: str) -> None:
        """Leave for the operators' queue if ``key`` is the queue key (0)."""
        if key == self.script.to_queue_key:
            self.leave("to_queue")

    def emergency(self, step: Step, source: str, service: str = "115") -> None:
        """Life at risk: tell the caller to call ``service`` (115 medical, 114 fire and rescue,
        113 police) at once; to the head of the operators' queue when one can be reached, else
        the dialog goes on (the ticket tops the queue)."""
        self.commit()
        self.result.emergency = source
        self.result.service = service
        reachable = self._sink.emergency(step.name, source, service)
        log.warning(
            "emergency %s at step %s (%s): %s",
            service,
            step.name,
            source,
            "to the head of the queue" if reachable else "no operator reachable",
        )
        if reachable:
            self.play(emergency_prompt("emergency_queue", service), "")
            self.leave("emergency")
        self.play(emergency_prompt("emergency_stay", service), self.script.to_queue_key)

    def check_triage(self) -> None:
        """The emergency check of a question's answer, once it is stored (see steps.py): the
        caller hears the number the need parser gives (115, 114 or 113). After 9 (told 115, no
        operator reachable) the answer is still read: a fire or an assault is told 114 or 113
        too."""
        step = self.triage
        if step is None or self._held is not None:
            return
        self.triage = None
        told = self.result.service
        if self.result.emergency not in (None, "key") or told not in (None, "115"):
            return
        started = time.monotonic()
        service = self._sink.is_emergency(step.name, self._wait_left())
        self._waited += time.monotonic() - started
        if service and service != told:
            self.emergency(step, "speech", service)

    def understood(self, step: str) -> Understood | None:
        """What was understood of the latest answer to ``step`` (see AnswerSink), waiting for
        its text at most what is left of the call's budget for the recognizer."""
        self.commit()
        started = time.monotonic()
        heard = self._sink.understood(step, self._wait_left())
        self._waited += time.monotonic() - started
        return heard

    def _wait_left(self) -> float:
        """A caller waits for the recognizer at most ``Script.transcript_wait_seconds`` in
        all, for the emergency check and the read-backs together."""
        return max(0.0, self.script.transcript_wait_seconds - self._waited)

    def clear_answer(self) -> None:
        """An answer was clear: the count of unclear answers in a row starts again."""
        self._failures_in_a_row = 0

    def unclear_answer(self) -> bool:
        """An answer was unclear (asked again for silence, noise or length). After
        ``failures_before_offer`` in a row the queue is offered: True then (the caller stayed;
        the question is not asked again)."""
        self.result.unclear += 1
        self._failures_in_a_row += 1
        if self._failures_in_a_row < self.script.failures_before_offer:
            return False
        self._offer_queue()
        return True

    def _offer_queue(self) -> None:
        """After repeated unclear answers: 0 for an operator, anything else goes on."""
        self._failures_in_a_row = 0
        key = self.play("no_input_offer", self.script.to_queue_key + self.script.yes_key)
        if not key:
            key = self.call.wait_digit(self.script.digit_timeout_ms)
        self.leave_on_queue_key(key)
