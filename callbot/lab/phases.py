"""Where a call's seconds go: the phases of one robot call, from the call's journal.

The callbot's journal (``call.json`` beside the call's recordings) keeps when each dialog
step began, in wall-clock time (:attr:`callbot.intake.journal.Journal.steps`); the robot
caller keeps when it pressed the menu key and when the call ended. Both clocks are the same
machine's, so the phases of the call follow:

- ``first_question``: from pressing 2 to the first question starting (routing, the
  greeting), what the issue's "pressing 2 to the first question" target measures;
- one phase per question (``name``, ``address``, ``need``): the question, its answer, the
  silence that ended it, any question asked again;
- ``callback`` (the callback number), ``readback`` (the read-back of what was understood),
  ``ticket`` (the ticket number), ``goodbye`` (what is said after it, to the hang-up).

A ``say`` step between two others counts with the step after it (a sentence that introduces
the ticket number is part of the ticket phase); ``say`` steps before the first question are
the greeting, those after the last other step the goodbye.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from callbot.dialog.steps import Script, StepKind
from callbot.intake.journal import JOURNAL

#: The phase each step kind is counted in (``ask`` steps: their own name; ``say``: see above).
KIND_PHASES: dict[StepKind, str] = {
    "callback": "callback",
    "confirm": "readback",
    "read_ticket": "ticket",
}
GREETING = "first_question"
GOODBYE = "goodbye"


def read_steps(recordings: Path, uniqueid: str) -> list[tuple[str, float]]:
    """The steps of the call whose callbot channel is ``uniqueid``, from its journal under
    ``recordings/YYYY/MM/DD/<uniqueid>/``; empty when there is none."""
    for path in sorted(recordings.glob(f"*/*/*/{uniqueid}/{JOURNAL}")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        return [(str(name), float(at)) for name, at in data.get("steps", [])]
    return []


def _phase_names(names: Sequence[str], script: Script) -> list[str]:
    """The phase of each step in ``names`` (in call order)."""
    kinds = {step.name: step.kind for step in script.steps}
    asked = [i for i, name in enumerate(names) if kinds.get(name) == "ask"]
    first_ask = asked[0] if asked else len(names)
    others = [i for i, name in enumerate(names) if kinds.get(name, "say") != "say"]
    last_other = others[-1] if others else -1
    phases: list[str] = [""] * len(names)
    following = GOODBYE
    for index in range(len(names) - 1, -1, -1):
        name = names[index]
        kind = kinds.get(name, "say")
        if kind == "ask":
            phases[index] = name
        elif kind != "say":
            phases[index] = KIND_PHASES.get(kind, name)
        elif index < first_ask:
            phases[index] = GREETING
        elif index > last_other:
            phases[index] = GOODBYE
        else:
            phases[index] = following
        following = phases[index]
    return phases


def call_phases(
    steps: Sequence[tuple[str, float]], script: Script, pressed_at: float | None
) -> dict[str, float]:
    """Seconds per phase of one call, in call order (see the module docstring).

    ``steps`` is the journal's (step, start) list ending with ``("end", when)``;
    ``pressed_at`` the wall-clock time the caller pressed 2 (the greeting phase starts there;
    without it, at the first step). Steps run again (a question asked again) add up.
    """
    if len(steps) < 2:
        return {}
    names = [name for name, _ in steps[:-1]]
    phases: dict[str, float] = {}
    for phase, (_, start), (_, end) in zip(
        _phase_names(names, script), steps[:-1], steps[1:], strict=True
    ):
        phases[phase] = phases.get(phase, 0.0) + (end - start)
    if pressed_at is not None and GREETING in phases:
        phases[GREETING] += steps[0][1] - pressed_at
    return {name: round(seconds, 3) for name, seconds in phases.items()}
