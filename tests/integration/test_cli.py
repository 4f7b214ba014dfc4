"""The commands people type, as subprocesses, on the real sandbox."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.conftest import PROJECT, ServeProcess, _env

pytestmark = pytest.mark.asterisk


def _cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "callbot.cli", *args],
        env=_env(),
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_call_simulate_prints_the_ticket_and_tickets_show_finds_it(
    server: ServeProcess, answers: tuple[Path, ...]
) -> None:
    server.start()
    args = ["call", "simulate", "--caller", "0912345678", "--json"]
    for answer in answers:
        args += ["--answer", str(answer)]
    result = _cli(*args)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    ticket = data["ticket"]
    assert ticket["status"] == "complete" and ticket["caller_number"] == "0912345678"
    assert [a["step"] for a in ticket["answers"]] == ["name", "address", "need"]
    assert data["robot"]["answers_spoken"] == 3

    shown = _cli("tickets", "show", ticket["number"], "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["id"] == ticket["id"]
    listed = _cli("tickets", "list", "--json")
    assert ticket["id"] in [t["id"] for t in json.loads(listed.stdout)]
    text = _cli("tickets", "show", str(ticket["id"]))
    assert ticket["number"] in text.stdout and "address" in text.stdout


def test_unknown_ticket_and_bad_config_are_one_line_errors() -> None:
    missing = _cli("tickets", "show", "9999999")
    assert missing.returncode == 2
    assert missing.stderr.startswith("callbot: ") and len(missing.stderr.splitlines()) == 1
    bad = _cli("--set", "ami.port=lots", "sandbox", "status")
    assert bad.returncode == 2 and "ami.port" in bad.stderr
