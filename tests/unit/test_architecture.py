"""The tree's shape, held: which room may import which, modules small and documented.

Read from the source with ``ast`` (nothing is imported): every ``import callbot.X`` and
``from callbot.X import ...`` of a module, type-checking imports included. The table is the
one docs/architecture.md draws; a change to either is a change to both.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "callbot"

# room -> the rooms it may import (its own is always allowed). A room is a top-level
# package or module of callbot/.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "config": {"errors", "config_layers", "config_sections"},
    "config_sections": set(),
    "config_layers": {"errors"},
    "metrics": set(),
    "understanding": set(),
    "pbx": {"config", "errors"},
    # Zalo, as pbx/ is Asterisk: its protocol pure, its HTTP calls apart
    "zalo": {"config", "errors"},
    "speech": {"config", "errors"},
    # speech only for the shape of a transcript (type hints)
    "tickets": {"config", "errors", "speech"},
    "routing": {"config", "errors", "understanding", "tickets"},
    # dialog only for the shape of a script (type hints)
    "transcription": {"config", "errors", "speech", "routing", "tickets", "dialog"},
    # dialog: the chat's script and engine; zalo: the chat channel's protocol and client
    "intake": {
        "config",
        "errors",
        "routing",
        "tickets",
        "speech",
        "understanding",
        "dialog",
        "zalo",
    },
    # the public web form, status page and REST API: thin over intake/, never near the
    # operators' rooms
    "public": {"config", "errors", "intake", "tickets"},
    "dialog": {"errors", "understanding"},
    # zalo: only its pure reply-window rule (may an operator still write to a citizen?);
    # dialog: only the chat script's words a citizen reads when their ticket is closed
    "operators": {"config", "errors", "tickets", "understanding", "pbx", "zalo", "dialog"},
    "console": {"config", "errors", "operators", "tickets"},
    "sandbox": {"config", "errors", "pbx"},
    "cluster": {"config", "errors", "tickets", "transcription", "routing", "intake"},
    "calls": {
        "config",
        "errors",
        "metrics",
        "pbx",
        "dialog",
        "intake",
        "speech",
        "transcription",
        "understanding",
        "routing",
        "tickets",
        "operators",
    },
    "app": {
        "config",
        "errors",
        "metrics",
        "calls",
        "dialog",
        "operators",
        "pbx",
        "routing",
        "speech",
        "tickets",
        "transcription",
    },
    "server": {"app", "cluster", "config", "errors", "intake", "metrics", "pbx", "tickets"}
    | {"understanding"},
    "worker": {"app", "cluster", "config", "errors", "metrics"},
}
TOP = {"cli", "lab"}  # the command line and the lab may import every room
NEVER_BELOW = {"console", "operators", "lab"}  # what the store, PBX and speech never know
MAX_LINES = 400


def _room(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def _imported_rooms(path: Path) -> set[str]:
    rooms: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "callbot":
                names = [f"callbot.{alias.name}" for alias in node.names]
            else:
                names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "callbot" and len(parts) > 1:
                rooms.add(parts[1])
    return rooms


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_every_room_is_in_the_table() -> None:
    rooms = {_room(path) for path in MODULES} - {"__init__"}
    assert rooms <= set(ALLOWED) | TOP, sorted(rooms - set(ALLOWED) - TOP)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path: Path) -> None:
    room = _room(path)
    if room in TOP or room == "__init__":
        return
    wrong = _imported_rooms(path) - ALLOWED[room] - {room}
    assert not wrong, f"{path.relative_to(PACKAGE)} ({room}/) imports {sorted(wrong)}"


def test_the_store_the_pbx_and_speech_know_nothing_of_operators_console_or_lab() -> None:
    for path in MODULES:
        if _room(path) in ("pbx", "speech", "tickets"):
            assert not _imported_rooms(path) & NEVER_BELOW, path


def test_nothing_outside_the_lab_and_the_command_line_imports_the_lab() -> None:
    users = [p for p in MODULES if _room(p) not in TOP and "lab" in _imported_rooms(p)]
    assert users == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_are_small_and_say_their_job(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if _room(path) != "lab":
        assert text.count("\n") <= MAX_LINES, f"{path.relative_to(PACKAGE)} is over {MAX_LINES}"
    assert ast.get_docstring(ast.parse(text)), f"{path.relative_to(PACKAGE)} has no docstring"
