"""The command line of the written channels: ``api keys add|list|revoke`` (the key printed
once, as the last line) and ``tickets show --json`` with the ticket's channel; the intake
settings checked at start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from callbot import cli
from callbot.config import load_config
from callbot.errors import ConfigError
from tests.support.public import FORM, Public, send


def test_api_keys_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALLBOT_STORAGE__ROOT", str(tmp_path))
    monkeypatch.setenv("CALLBOT_PROJECT_DIR", str(tmp_path))
    assert cli.main(["api", "keys", "add", "app-1022"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    key = out[-1]
    assert key.startswith("cbk_") and len(key) == 47 and key not in out[0]
    assert cli.main(["api", "keys", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["name"] == "app-1022" and listed[0]["active"] is True
    assert key not in json.dumps(listed)
    assert cli.main(["api", "keys", "add", "app-1022"]) == 2  # taken: one line, status 2
    assert "exists" in capsys.readouterr().err
    assert cli.main(["api", "keys", "revoke", "app-1022"]) == 0
    assert cli.main(["api", "keys", "revoke", "nobody"]) == 2
    assert cli.main(["api", "keys", "add"]) == 2


def test_tickets_show_json_has_the_channel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    public = Public(tmp_path)
    page = send(public.client())
    number = page.text.split('id="ticket-number">')[1].split("<")[0]
    monkeypatch.setenv("CALLBOT_STORAGE__ROOT", str(tmp_path))
    monkeypatch.setenv("CALLBOT_PROJECT_DIR", str(tmp_path))
    assert cli.main(["tickets", "show", number, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["channel"] == "web" and shown["callback_number"] == FORM["phone"]
    assert cli.main(["tickets", "show", number]) == 0
    text = capsys.readouterr().out
    assert "web web-" in text and "(written, no audio)" in text


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("PORT", "0"),
        ("MAX_PHOTOS", "11"),
        ("SENDS_PER_PHONE", "0"),
        ("PUBLIC_URL", "ftp://x"),
        ("SECRET", "short"),
        ("MIN_FILL_SECONDS", "-1"),
    ],
)
def test_bad_intake_settings_fail_at_start(tmp_path: Path, setting: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"intake.{setting.lower()}"):
        load_config(environ={f"CALLBOT_INTAKE__{setting}": value}, project_dir=tmp_path)
