"""The callbot's conversation, as data.

A script is a tuple of steps run in order by :mod:`callbot.dialog.engine`. Changing what the
callbot says or asks means editing this table and ``prompts/vi.toml``, not the engine:

- ``say``          play a prompt (the caller may press 0 to go to the operators' queue)
- ``ask``          play a prompt and a beep, then record the answer into ``<step>.wav``
- ``read_ticket``  play a prompt, then the ticket number digit by digit
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from callbot.errors import DialogError

StepKind = Literal["say", "ask", "read_ticket"]


@dataclass(frozen=True)
class Step:
    """One step of the dialog."""

    name: str  # also the answer's file name for ``ask`` steps: [a-z_]+
    kind: StepKind
    prompt: str  # key in the prompt file


@dataclass(frozen=True)
class Script:
    """A whole dialog: the steps and the keys that control it."""

    steps: tuple[Step, ...]
    to_queue_key: str = "0"  # at any point: back to the operators' queue
    end_answer_key: str = "#"  # ends an answer before the silence does

    def __post_init__(self) -> None:
        names = [s.name for s in self.steps]
        if len(set(names)) != len(names):
            raise DialogError(f"dialog steps must have unique names, got {names}")
        for step in self.steps:
            if not step.name.replace("_", "").isalpha() or not step.name.islower():
                raise DialogError(f"step name {step.name!r}: use lowercase letters and _ only")
            if step.kind not in ("say", "ask", "read_ticket"):
                raise DialogError(f"step {step.name!r}: unknown kind {step.kind!r}")

    @property
    def questions(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.kind == "ask")

    def prompt_keys(self) -> set[str]:
        return {s.prompt for s in self.steps}


# The overflow callbot of hotline 1022: who is calling, where they live, what they need.
OVERFLOW = Script(
    steps=(
        Step("greeting", "say", "greeting"),
        Step("name", "ask", "ask_name"),
        Step("address", "ask", "ask_address"),
        Step("need", "ask", "ask_need"),
        Step("closing", "say", "closing"),
        Step("ticket", "read_ticket", "ticket_number"),
        Step("ticket_again", "read_ticket", "repeat_number"),
        Step("goodbye", "say", "goodbye"),
    )
)
