"""The call recorder on a real SQLite database, including a database that dies mid-call."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from callbot.dialog.engine import Recording
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.recorder import JOURNAL, CallIdentity, CallRecorder, read_journal
from callbot.tickets.recovery import PENDING_DIR, recover_pending
from callbot.tickets.repository import TicketRepository

IDENTITY = CallIdentity(
    uniqueid="callbot-1795819242.7",
    linkedid="callbot-1795819242.6",
    caller_number_raw="0901\r\n234567",
    caller_name_raw='Trần "Văn" Bảy\\',
)


@pytest.fixture()
def db(tmp_path: Path) -> tuple[Path, TicketRepository]:
    path = tmp_path / "callbot.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    return path, TicketRepository(session_factory(engine))


def _answer(recorder: CallRecorder, step: str, seconds: float = 2.5) -> None:
    path = recorder.answer_dir / f"{step}.wav"
    path.write_bytes(b"RIFF")
    recorder.answer(step, path, Recording("silence", "", seconds))


def test_every_answer_is_stored_as_it_comes(tmp_path: Path, db) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    recorder = CallRecorder(repo, recordings, recordings / "2026/11/27/x", IDENTITY)
    recorder.start()
    ticket = repo.get(recorder.ticket_id or 0)
    assert ticket.status == "in_call" and ticket.caller_number == "0901234567"
    assert ticket.channel_linkedid == IDENTITY.linkedid
    _answer(recorder, "name")
    assert [a.step for a in repo.get(ticket.id).answers] == ["name"]  # before the call ends
    _answer(recorder, "address")
    recorder.finish("ended_early", "hangup")
    recorder.finish("complete", "completed")  # the first outcome stays
    ticket = repo.get(ticket.id)
    assert ticket.status == "ended_early" and ticket.end_reason == "hangup"
    assert [a.audio_path for a in ticket.answers] == [
        "2026/11/27/x/name.wav",
        "2026/11/27/x/address.wav",
    ]
    journal = read_journal(recorder.answer_dir / JOURNAL)
    assert journal["ticket_number"] == ticket.number and journal["database_ok"]
    assert not (recordings / PENDING_DIR).exists()


def test_a_dead_database_loses_nothing_and_recovery_stores_it(tmp_path: Path, db) -> None:
    path, repo = db
    recordings = tmp_path / "recordings"
    recorder = CallRecorder(repo, recordings, recordings / "2026/11/27/y", IDENTITY)
    recorder.start()
    _answer(recorder, "name", 1.5)
    # The database dies mid-call: its file is replaced by something SQLite cannot open.
    for extra in ("", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    path.mkdir()
    repo._sessions.kw["bind"].dispose()  # drop pooled connections to the old file
    _answer(recorder, "address", 3.0)
    _answer(recorder, "need", 2.0)
    recorder.finish("complete", "completed")
    journal = read_journal(recorder.answer_dir / JOURNAL)
    assert journal["database_ok"] is False
    assert [a["step"] for a in journal["answers"]] == ["name", "address", "need"]
    assert journal["status"] == "complete"
    assert (recordings / PENDING_DIR / IDENTITY.uniqueid).exists()
    assert recover_pending(repo, recordings).failed == [IDENTITY.uniqueid]  # still down

    # The database comes back (empty: the old file is gone) and recovery stores the call.
    shutil.rmtree(path)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    repo = TicketRepository(session_factory(engine))
    report = recover_pending(repo, recordings)
    assert len(report.recovered) == 1 and not report.failed
    (ticket,) = repo.list()
    assert ticket.status == "complete" and ticket.channel_uniqueid == IDENTITY.uniqueid
    assert [(a.step, a.duration_seconds) for a in ticket.answers] == [
        ("name", 1.5),
        ("address", 3.0),
        ("need", 2.0),
    ]
    assert not (recordings / PENDING_DIR / IDENTITY.uniqueid).exists()
    assert recover_pending(repo, recordings).recovered == []  # idempotent
    assert repo.count() == 1


def test_recovery_completes_a_ticket_the_database_half_has(tmp_path: Path, db) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    recorder = CallRecorder(repo, recordings, recordings / "2026/11/27/z", IDENTITY)
    recorder.start()
    _answer(recorder, "name")
    recorder._database_failed("test", __import__("callbot.errors").errors.StorageError("down"))
    _answer(recorder, "address")  # only in the journal
    recorder.finish("ended_early", "hangup")
    assert len(repo.get(recorder.ticket_id or 0).answers) == 1
    recover_pending(repo, recordings)
    ticket = repo.get(recorder.ticket_id or 0)
    assert [a.step for a in ticket.answers] == ["name", "address"]
    assert ticket.status == "ended_early" and ticket.end_reason == "hangup"
