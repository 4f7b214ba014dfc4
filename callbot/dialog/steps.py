"""The callbot's conversation, as data.

A script is a tuple of steps run in order by :mod:`callbot.dialog.engine`. Changing what the
callbot says or asks means editing this table and ``prompts/vi.toml``, not the engine:

- ``say``          play a prompt
- ``ask``          play a prompt and a beep, record the answer into ``<step>.wav``; silence, noise
                   or an answer too long is asked again once with ``short_prompt``
- ``callback``     the callback number on the keypad: 1 = the number calling, or type one and #
- ``confirm``      read back what was understood of the ``targets`` (runtime text-to-speech of
                   their transcripts): 1 correct, 2 say it again (that question is asked again)
- ``read_ticket``  play a prompt, then the ticket number digit by digit

Keys, everywhere but while typing a number: 0 goes to the operators' queue, * repeats the
question, # ends an answer. Vietnamese phone numbers start with 0, so while typing the
callback number 0 is a digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from callbot.errors import DialogError

StepKind = Literal["say", "ask", "callback", "confirm", "read_ticket"]
KINDS = ("say", "ask", "callback", "confirm", "read_ticket")


@dataclass(frozen=True)
class Step:
    """One step of the dialog."""

    name: str  # also the answer's file name for ``ask`` steps: [a-z_]+
    kind: StepKind
    prompt: str  # key in the prompt file
    short_prompt: str | None = None  # ask: shorter prompt for the second try
    readback_prompt: str | None = None  # ask: introduces the read-back of this answer
    targets: tuple[str, ...] = ()  # confirm: the ask steps read back
    grammar: tuple[str, ...] = ()  # ask: closed answer space for the recognizer, if any


@dataclass(frozen=True)
class Script:
    """A whole dialog: the steps and the keys and limits that control it."""

    steps: tuple[Step, ...]
    to_queue_key: str = "0"  # back to the operators' queue
    repeat_key: str = "*"  # play the question again
    end_answer_key: str = "#"  # ends an answer before the silence does
    yes_key: str = "1"
    again_key: str = "2"
    max_retries: int = 1  # a question is asked again at most this often
    failures_before_offer: int = 2  # unclear answers in a row before the queue is offered
    max_repeats: int = 3  # * presses honoured per prompt
    min_speech_seconds: float = 0.3  # less voice than this is "no speech"
    transcript_wait_seconds: float = 8.0  # read-back waits at most this for a transcript
    digit_timeout_ms: int = 5000  # between keys while typing a number

    def __post_init__(self) -> None:
        names = [s.name for s in self.steps]
        if len(set(names)) != len(names):
            raise DialogError(f"dialog steps must have unique names, got {names}")
        asks = {s.name for s in self.steps if s.kind == "ask"}
        for step in self.steps:
            if not step.name.replace("_", "").isalpha() or not step.name.islower():
                raise DialogError(f"step name {step.name!r}: use lowercase letters and _ only")
            if step.kind not in KINDS:
                raise DialogError(f"step {step.name!r}: unknown kind {step.kind!r}")
            unknown = set(step.targets) - asks
            if unknown:
                raise DialogError(f"step {step.name!r} reads back unknown questions {unknown}")
            if step.kind == "confirm":
                for target in step.targets:
                    if self.step(target).readback_prompt is None:
                        raise DialogError(f"question {target!r} has no readback_prompt")

    def step(self, name: str) -> Step:
        for step in self.steps:
            if step.name == name:
                return step
        raise DialogError(f"no step named {name!r}")

    @property
    def questions(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.kind == "ask")

    def prompt_keys(self) -> set[str]:
        keys = {s.prompt for s in self.steps}
        keys |= {s.short_prompt for s in self.steps if s.short_prompt}
        keys |= {s.readback_prompt for s in self.steps if s.readback_prompt}
        return keys | set(ENGINE_PROMPTS)


# Prompts the engine itself plays (besides the steps' own).
ENGINE_PROMPTS = (
    "not_heard",
    "too_long",
    "no_input_offer",
    "callback_invalid",
    "callback_readback",
    "callback_use_caller",
    "readback_unheard",
    "confirm_keys",
)


# The overflow callbot of hotline 1022: who is calling, where they live, what they need.
OVERFLOW = Script(
    steps=(
        Step("greeting", "say", "greeting"),
        Step("name", "ask", "ask_name", "ask_name_short", "readback_name"),
        Step("address", "ask", "ask_address", "ask_address_short", "readback_address"),
        Step("need", "ask", "ask_need", "ask_need_short", "readback_need"),
        # The callback number comes first: the last answer is transcribed meanwhile, so the
        # read-back rarely waits for the recognizer.
        Step("callback", "callback", "ask_callback"),
        Step("confirm", "confirm", "confirm_keys", targets=("name", "address", "need")),
        Step("closing", "say", "closing"),
        Step("ticket", "read_ticket", "ticket_number"),
        Step("ticket_again", "read_ticket", "repeat_number"),
        Step("goodbye", "say", "goodbye"),
    )
)
