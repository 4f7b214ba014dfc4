"""Only ``callbot db upgrade`` (and ``run``) create a ticket database; every other command on a
database that is not there says where it looked, in one line, exit 2, creating nothing (probe
finding of issue 12: ``tickets list`` on ``sqlite:////nonexistent/dir/x.db`` created it,
migrated it and answered "no tickets")."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot import cli

COMMANDS = [
    ["tickets", "list"],
    ["tickets", "show", "0000018"],
    ["tickets", "recover"],
    ["tickets", "export", "--unit", "U1"],
    ["transcribe", "--pending"],
    ["users", "list"],
    ["users", "disable", "ana"],
    ["console", "--port", "1"],
    ["serve"],
    ["zalo", "status"],
    ["zalo", "tokens", "set", "--access", "a" * 20, "--refresh", "r" * 20],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_command_on_a_missing_database_says_where_it_looked_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "x.db"
    url = f"sqlite:///{missing}"
    status = cli.main(
        ["--set", f"storage.database_url={url}", "--set", f"storage.root={tmp_path}", *command]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("callbot: ") and len(err.splitlines()) == 1, err
    assert str(missing) in err and "callbot db upgrade" in err
    assert not (tmp_path / "no").exists()


def test_an_empty_file_is_no_database_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    status = cli.main(["--set", f"storage.database_url=sqlite:///{empty}", "tickets", "list"])
    err = capsys.readouterr().err
    assert status == 2 and "holds no callbot tables" in err and len(err.splitlines()) == 1
    assert empty.stat().st_size == 0


def test_db_upgrade_creates_it_then_the_others_use_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new" / "callbot.db"
    setting = ["--set", f"storage.database_url=sqlite:///{target}"]
    assert cli.main([*setting, "db", "upgrade"]) == 0
    assert target.is_file()
    capsys.readouterr()
    assert cli.main([*setting, "tickets", "list"]) == 0
    assert capsys.readouterr().out.strip() == "no tickets"
