"""The building blocks every step kind shares: one call's turns, and the rules they keep.

:class:`Turns` plays prompts, records answers and keeps the engine's own state (turn gaps,
attempts per answer, unclear answers in a row) behind its methods; the step kinds
(:mod:`~callbot.dialog.ask`, :mod:`~callbot.dialog.readback`,
:mod:`~callbot.dialog.callback_number`) use only these, and :class:`~callbot.dialog.engine.Engine`
adds the run loop that dispatches to them. So imports point one way: engine -> step kinds ->
turns. The rules the blocks keep are listed in :mod:`callbot.dialog.engine`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from callbot.dialog.ports import AnswerSink, CallPort, DialogResult, Outcome, Recording
from callbot.dialog.steps import Script, Step

log = logging.getLogger(__name__)


def emergency_prompt(prompt: str, service: str) -> str:
    """The prompt telling the caller the number to call: ``emergency_queue`` (115),
    ``emergency_queue_114``, ``emergency_queue_113`` (and the same for ``emergency_stay``)."""
    return prompt if service == "115" else f"{prompt}_{service}"


class Leave(Exception):
    """Ends the dialog early: the caller chose the queue, or hung up while recording."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome)
        self.outcome = outcome


class Turns:
    """One call's turns: the building blocks a step kind uses.

    Step functions read ``script``, ``call``, ``sink``, ``result``, ``speech_check`` and
    ``sound_check``, and use the building blocks below; the engine's own state (turn gaps,
    attempts per answer, unclear answers in a row) stays behind them.
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
        self.call = call
        self.sink = sink
        self.answer_dir = answer_dir
        self.speech_check = speech_check
        self.sound_check = sound_check
        self.result = DialogResult()
        self._recorded_at: float | None = None
        self._attempts: dict[str, int] = {}
        self._failures_in_a_row = 0

    # -- building blocks --------------------------------------------------------------------

    def play(self, prompt: str, escape: str) -> str:
        """Play a prompt; the key that interrupted it, or "". The turn gap since the last
        recording (if one is running) ends here."""
        if self._recorded_at is not None:
            self.result.turn_gaps.append(time.monotonic() - self._recorded_at)
            self._recorded_at = None
        return self.call.play(prompt, escape)

    def prompt(self, prompt: str, extra_keys: str = "", step: Step | None = None) -> str:
        """Play a question; * plays it again; 0 leaves for the queue; at a question that
        takes the emergency key (``step``), that key is an emergency until one is flagged;
        returns other keys."""
        flagged = self.result.emergency is not None
        emergency = self.script.emergency_key if step is not None and not flagged else ""
        keys = self.script.to_queue_key + self.script.repeat_key + emergency + extra_keys
        for _ in range(self.script.max_repeats + 1):
            key = self.play(prompt, keys)
            self.leave_on_queue_key(key)
            if emergency and key == emergency and step is not None:
                self.emergency(step, "key")
                return ""
            if key != self.script.repeat_key:
                return key
        return ""

    def record(self, path: Path, escape: str, max_seconds: int | None = None) -> Recording:
        """Beep and record the caller into ``path``; the turn gap starts when it ends."""
        recording = self.call.record(path, escape, max_seconds)
        self._recorded_at = time.monotonic()
        return recording

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
        self.result.emergency = source
        self.result.service = service
        reachable = self.sink.emergency(step.name, source, service)
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
