"""Where a call's seconds go: phases from the journal's steps (callbot.lab.phases)."""

from __future__ import annotations

import json
from pathlib import Path

from callbot.dialog.steps import OVERFLOW, Script, Step
from callbot.lab.phases import call_phases, read_steps

SCRIPT = Script(
    steps=(
        Step("greeting", "say", "greeting"),
        Step("name", "ask", "ask_name", "ask_name_short", "readback_name"),
        Step("hint", "say", "keys_hint"),
        Step("address", "ask", "ask_address", "ask_address_short", "readback_address"),
        Step("callback", "callback", "ask_callback"),
        Step("confirm", "confirm", "confirm_keys", targets=("name",)),
        Step("closing", "say", "closing"),
        Step("ticket", "read_ticket", "ticket_number"),
        Step("goodbye", "say", "goodbye"),
    )
)


def test_each_phase_is_the_time_to_the_next_step() -> None:
    steps = [
        ("greeting", 100.0),
        ("name", 104.0),
        ("hint", 110.0),
        ("address", 113.0),
        ("callback", 121.0),
        ("confirm", 126.0),
        ("closing", 130.0),
        ("ticket", 131.5),
        ("goodbye", 137.0),
        ("end", 138.5),
    ]
    phases = call_phases(steps, SCRIPT, pressed_at=99.5)
    assert phases == {
        "first_question": 4.5,  # pressing 2 to the first question: routing and greeting
        "name": 6.0,
        "address": 11.0,  # the sentence before the question counts with it
        "callback": 5.0,
        "readback": 4.0,
        "ticket": 7.0,  # the closing sentence introduces the number
        "goodbye": 1.5,
    }
    assert list(phases) == [
        "first_question", "name", "address", "callback", "readback", "ticket", "goodbye"
    ]  # fmt: skip


def test_a_question_asked_again_adds_up_and_a_short_call_has_what_it_reached() -> None:
    steps = [("greeting", 0.0), ("name", 3.0), ("name", 8.0), ("end", 10.0)]
    assert call_phases(steps, SCRIPT, pressed_at=None) == {"first_question": 3.0, "name": 7.0}
    assert call_phases([("greeting", 1.0)], SCRIPT, pressed_at=0.0) == {}


def test_the_production_script_names_every_phase_the_bench_prints() -> None:
    steps = [(s.name, float(i)) for i, s in enumerate(OVERFLOW.steps)]
    phases = call_phases([*steps, ("end", float(len(steps)))], OVERFLOW, pressed_at=-1.0)
    assert {"first_question", "name", "address", "need", "callback", "ticket", "goodbye"} <= set(
        phases
    )


def test_steps_are_read_from_the_call_journal(tmp_path: Path) -> None:
    directory = tmp_path / "2026" / "12" / "06" / "1.42"
    directory.mkdir(parents=True)
    (directory / "call.json").write_text(json.dumps({"steps": [["greeting", 1.5], ["end", 3]]}))
    assert read_steps(tmp_path, "1.42") == [("greeting", 1.5), ("end", 3.0)]
    assert read_steps(tmp_path, "9.99") == []
