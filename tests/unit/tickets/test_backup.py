"""``callbot backup`` and ``callbot restore`` on SQLite: a store restored into a fresh directory
is the same, row by row and file by file; a backup taken while calls write is consistent; a
damaged backup or an existing store is refused, writing nothing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from callbot import cli
from callbot.config import Config, load_config
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.repository import TicketRepository
from tests.support.store_copy import files, populate, rows


def _config(root: Path) -> Config:
    return load_config(environ={"CALLBOT_STORAGE__ROOT": str(root)}, project_dir=root)


def _cli(root: Path, *args: str) -> int:
    return cli.main(["--set", f"storage.root={root}", *args])


def test_restore_into_a_fresh_directory_gives_the_same_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, saved = tmp_path / "a", tmp_path / "b", tmp_path / "backup"
    assert _cli(first, "db", "upgrade") == 0
    populate(_config(first))
    assert _cli(first, "backup", "--to", str(saved)) == 0
    assert "5 ticket(s)" in capsys.readouterr().out
    assert _cli(second, "restore", str(saved)) == 0
    print(capsys.readouterr().out)
    a, b = (make_engine(_config(r).storage.effective_database_url) for r in (first, second))
    before, after = rows(a), rows(b)
    assert before == after and len(before["tickets"]) == 5 and before["audit_log"]
    copied, original = files(second / "recordings"), files(first / "recordings")
    assert copied.pop(".pending/1764900099.1") != original.pop(".pending/1764900099.1")
    assert copied == original and len(copied) == 17  # 5 x 3 answers, a journal, its answer
    marker = second / "recordings" / ".pending" / "1764900099.1"
    assert marker.read_text() == str(second / "recordings/2026/12/06/1764900099.1/call.json")
    # the restored store works: the call waiting for recovery is recovered there
    assert _cli(second, "tickets", "recover") == 0
    assert "1 call(s) recovered" in capsys.readouterr().out
    assert _cli(second, "tickets", "list") == 0
    assert len(capsys.readouterr().out.splitlines()) == 6
    a.dispose()
    b.dispose()


def test_restore_refuses_an_existing_store_and_a_damaged_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, saved = tmp_path / "a", tmp_path / "backup"
    assert _cli(first, "db", "upgrade") == 0
    populate(_config(first), tickets=1)
    assert _cli(first, "backup", "--to", str(saved)) == 0
    assert _cli(first, "backup", "--to", str(saved)) == 2  # not over a backup
    capsys.readouterr()
    assert _cli(first, "restore", str(saved)) == 2  # not over a store...
    err = capsys.readouterr().err
    assert "--force" in err and len(err.splitlines()) == 1
    assert _cli(first, "restore", str(saved), "--force") == 0  # ...unless asked
    damaged = next((saved / "recordings").rglob("*.wav"))
    damaged.write_bytes(b"RIFF" + b"\0" * 40)
    fresh = tmp_path / "c"
    capsys.readouterr()
    assert _cli(fresh, "restore", str(saved)) == 2
    assert "missing or changed" in capsys.readouterr().err
    assert not (fresh / "callbot.db").exists() and not (fresh / "recordings").exists()


def test_a_backup_while_calls_write_is_consistent(tmp_path: Path) -> None:
    root, saved = tmp_path / "a", tmp_path / "backup"
    assert _cli(root, "db", "upgrade") == 0
    config = _config(root)
    engine = make_engine(config.storage.effective_database_url)
    repo = TicketRepository(session_factory(engine))
    for i in range(200):  # enough pages that the copy takes a while
        repo.create(Caller("0901234567", "x" * 70, "y" * 500, f"1764800000.{i}"))
    stop = threading.Event()
    written = [0]

    def calls() -> None:
        while not stop.is_set():
            record = repo.create(Caller("0901234567", "", "", f"1764810000.{written[0]}"))
            repo.add_answer(record.id, "name", f"x/{record.id}.wav", 1.0, "silence")
            written[0] += 1

    writer = threading.Thread(target=calls)
    writer.start()
    try:
        assert _cli(root, "backup", "--to", str(saved)) == 0
    finally:
        stop.set()
        writer.join()
    copy = sqlite3.connect(saved / "callbot.db")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tickets = copy.execute("SELECT count(*) FROM tickets").fetchone()[0]
        # every ticket in the copy with its answer, or not yet there: never half a write
        orphans = copy.execute(
            "SELECT count(*) FROM tickets t WHERE t.channel_uniqueid LIKE '1764810000.%' "
            "AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.ticket_id = t.id)"
        ).fetchone()[0]
    finally:
        copy.close()
    print(f"\nbackup during writes: {tickets} tickets copied, {written[0]} written meanwhile")
    assert 200 <= tickets <= 200 + written[0]
    assert orphans <= 1  # at most the one between its two transactions
    engine.dispose()
