"""``callbot zalo tokens set`` and ``callbot zalo status``, and ``config show``: tokens stored
in the database, refused when malformed, never printed; secrets masked."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from callbot import cli

ACCESS, REFRESH = "acc-" + "x" * 40, "ref-" + "y" * 40


@pytest.fixture
def base(tmp_path: Path) -> list[str]:
    settings = ["--set", f"storage.root={tmp_path}"]
    assert cli.main([*settings, "db", "upgrade"]) == 0
    return settings


def test_tokens_are_stored_and_never_printed(
    base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*base, "zalo", "tokens", "set", "--access", ACCESS, "--refresh", REFRESH]) == 0
    out = capsys.readouterr().out
    assert "stored" in out and ACCESS not in out
    status = cli.main([*base, "zalo", "status", "--json"])
    out = capsys.readouterr().out
    data = json.loads(out)
    assert status == 1  # no Zalo settings: the token cannot be checked
    assert data["tokens"] is True and data["configured"] is False and not data["token_works"]
    assert ACCESS not in out and REFRESH not in out


def test_status_says_when_the_token_does_not_work(
    base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    zalo = [
        "--set", "zalo.app_id=123456",
        "--set", "zalo.oa_secret_key=k",
        "--set", "zalo.app_secret=s",
        "--set", "zalo.api_base_url=http://127.0.0.1:9",
        "--set", "zalo.http_timeout_seconds=1",
    ]  # fmt: skip
    assert cli.main([*base, *zalo, "zalo", "status"]) == 1
    assert "no tokens: callbot zalo tokens set" in capsys.readouterr().out
    assert cli.main([*base, "zalo", "tokens", "set", "--access", ACCESS, "--refresh", REFRESH]) == 0
    assert cli.main([*base, *zalo, "zalo", "status"]) == 1
    out = capsys.readouterr().out
    assert "the token does not work: Zalo could not be reached" in out and ACCESS not in out


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--access", "short", "--refresh", REFRESH], "--access"),
        (["--access", ACCESS, "--refresh", "has space in it"], "--refresh"),
        (["--access", ACCESS], "--refresh"),
        (["--access", ACCESS, "--refresh", REFRESH, "--expires-in", "5"], "--expires-in"),
    ],
)
def test_bad_tokens_are_one_line_exit_2(
    base: list[str], capsys: pytest.CaptureFixture[str], args: list[str], named: str
) -> None:
    assert cli.main([*base, "zalo", "tokens", "set", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("callbot: ") and len(err.splitlines()) == 1 and named in err


def test_tokens_from_stdin(
    base: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{ACCESS}\n{REFRESH}\n"))
    assert cli.main([*base, "zalo", "tokens", "set", "--stdin"]) == 0
    cli.main([*base, "zalo", "status", "--json"])
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["tokens"] is True


def test_config_show_masks_every_secret(
    base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    secrets = {
        "zalo.app_id": "123456",
        "zalo.app_secret": "app-secret-value",
        "zalo.oa_secret_key": "oa-secret-value",
        "intake.secret": "intake-secret-value-long",
    }
    settings = [a for k, v in secrets.items() for a in ("--set", f"{k}={v}")]
    assert cli.main([*base, *settings, "config", "show"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["zalo"]["app_secret"] == data["zalo"]["oa_secret_key"] == "***"
    assert data["intake"]["secret"] == "***" and data["zalo"]["app_id"] == "123456"
    for name, value in secrets.items():
        if name != "zalo.app_id":
            assert value not in out


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ("zalo.app_id=12ab", "zalo.app_id"),
        ("zalo.api_base_url=ftp://x", "zalo.api_base_url"),
        ("zalo.paid_window_days=9", "zalo.paid_window_days"),
        ("zalo.info_image_url=http://x/y.png", "zalo.info_image_url"),
    ],
)
def test_bad_zalo_settings_name_themselves(
    base: list[str], capsys: pytest.CaptureFixture[str], setting: str, named: str
) -> None:
    assert cli.main([*base, "--set", setting, "zalo", "status"]) == 2
    assert named in capsys.readouterr().err
    assert cli.main([*base, "--set", "zalo.app_id=1", "zalo", "status"]) == 2
    assert "zalo.oa_secret_key" in capsys.readouterr().err
