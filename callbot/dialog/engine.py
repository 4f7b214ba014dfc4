"""The small engine that runs a dialog script over one call.

It knows nothing of Asterisk or SQL: it talks to the call through a
:class:`~callbot.dialog.ports.CallPort`, reports through an
:class:`~callbot.dialog.ports.AnswerSink` and judges recordings with a ``speech_check``
callable, so a whole call can be unit-tested with fakes and run for real by
``callbot.calls.callbot``.

The engine runs the script's steps in order, each by the function of its kind: ``say`` and
``read_ticket`` here, ``ask`` in :mod:`callbot.dialog.ask`, ``confirm`` (the read-back) in
:mod:`callbot.dialog.readback`, ``callback`` in :mod:`callbot.dialog.callback_number`. A step
function gets the engine and its step, and uses the building blocks of
:class:`~callbot.dialog.turns.Turns` (``play``, ``prompt``, ``record``...), which keep the rules
below for every kind.

Rules it enforces, whatever the script:

- every answer goes to the sink as soon as it is recorded, or, where the port hears the
  caller during prompts, as soon as the short window in which they may go on with it has
  passed (:mod:`callbot.dialog.turns`): a caller who hangs up half-way leaves everything
  said so far;
- a question may be answered while it plays (barge-in, where the port hears the caller): the
  question stops and the answer is recorded from its first syllable;
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
from collections.abc import Callable

from callbot.dialog import ask, callback_number, readback
from callbot.dialog.ports import DialogResult
from callbot.dialog.steps import Step, StepKind
from callbot.dialog.turns import Leave, Turns

log = logging.getLogger(__name__)


class Engine(Turns):
    """Runs a :class:`~callbot.dialog.steps.Script` over one call: the loop over its steps,
    each by the function of its kind, on the building blocks of :class:`Turns`."""

    # -- the loop ---------------------------------------------------------------------------

    def run(self) -> DialogResult:
        """Run the script's steps in order, until the last one or the caller leaves (queue,
        emergency, hangup); how it ended, the last step reached and what was measured."""
        try:
            for step in self.script.steps:
                self.check_triage()
                self.result.last_step = step.name
                self.reached(step.name)
                RUNNERS[step.kind](self, step)
        except Leave as leave:
            self.result.outcome = leave.outcome
            if leave.outcome == "to_queue":
                log.info(
                    "caller pressed %s at step %s: to the operators' queue",
                    self.script.to_queue_key,
                    self.result.last_step,
                )
        finally:
            self.commit()  # an answer held for its continuation, however the dialog ended
        return self.result


# -- the small step kinds ---------------------------------------------------------------------


def say(engine: Engine, step: Step) -> None:
    """Play the step's prompt: * repeats it, 0 leaves, the emergency key is heard."""
    engine.prompt(step.prompt, step=step)


def read_ticket(engine: Engine, step: Step) -> None:
    """Play the prompt, then the ticket number in small groups of digits, once; then the
    step's ``repeat_prompt`` ("press * to hear it again"): * reads the number again
    (nothing without a number)."""
    number = engine.sink.ticket_number()
    if not number:
        return  # no ticket number (database down): nothing to read
    if engine.prompt(step.prompt):
        return
    script = engine.script
    keys = script.to_queue_key + script.repeat_key
    for _ in range(script.max_repeats + 1):
        key = engine.call.play_digits(number, keys)
        engine.leave_on_queue_key(key)
        if key != script.repeat_key:
            if not step.repeat_prompt:
                return
            key = engine.play(step.repeat_prompt, keys)
            if not key:
                key = engine.call.wait_digit(script.offer_wait_ms)
            engine.leave_on_queue_key(key)
            if key != script.repeat_key:
                return


# The function that runs each kind of step (the kinds: callbot.dialog.steps).
RUNNERS: dict[StepKind, Callable[[Engine, Step], None]] = {
    "say": say,
    "ask": ask.ask,
    "callback": callback_number.callback_number,
    "confirm": readback.confirm,
    "read_ticket": read_ticket,
}
