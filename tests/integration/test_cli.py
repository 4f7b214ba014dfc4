"""The commands people type, as subprocesses, on the real sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.conftest import ServeProcess, run_cli

pytestmark = pytest.mark.asterisk


@pytest.mark.long(85)
def test_call_simulate_prints_the_ticket_and_tickets_show_finds_it(
    server: ServeProcess, answers: tuple[Path, ...]
) -> None:
    server.start()
    args = ["call", "simulate", "--caller", "0912345678", "--json"]
    for answer in answers:
        args += ["--answer", str(answer)]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    ticket = data["ticket"]
    assert ticket["outcome"] == "complete" and ticket["caller_number"] == "0912345678"
    assert ticket["status"] in ("transcribing", "new")
    assert [a["step"] for a in ticket["answers"]] == ["name", "address", "need"]
    assert data["robot"]["answers_spoken"] == 3

    shown = run_cli("tickets", "show", ticket["number"], "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["id"] == ticket["id"]
    listed = run_cli("tickets", "list", "--json")
    assert ticket["id"] in [t["id"] for t in json.loads(listed.stdout)]
    text = run_cli("tickets", "show", str(ticket["id"]))
    assert ticket["number"] in text.stdout and "address" in text.stdout


def test_unknown_ticket_and_bad_config_are_one_line_errors() -> None:
    missing = run_cli("tickets", "show", "9999999")
    assert missing.returncode == 2
    assert missing.stderr.startswith("callbot: ") and len(missing.stderr.splitlines()) == 1
    bad = run_cli("--set", "ami.port=lots", "sandbox", "status")
    assert bad.returncode == 2 and "ami.port" in bad.stderr
