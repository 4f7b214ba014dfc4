"""The call recorder on a real SQLite database, including a database that dies mid-call."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from callbot.errors import StorageError
from callbot.intake.journal import JOURNAL, read_journal
from callbot.intake.recorder import CallRecorder
from callbot.intake.recovery import PENDING_DIR, mark_pending, recover_pending
from callbot.routing.settle import Settler
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.repository import TicketRepository
from callbot.transcription.jobs import JobQueue
from tests.support.database import Database

IDENTITY = Caller.from_pbx(
    uniqueid="callbot-1795819242.7",
    linkedid="callbot-1795819242.6",
    number_raw="0901\r\n234567",
    name_raw='Trần "Văn" Bảy\\',
)


@pytest.fixture()
def db(database: Database) -> tuple[Path, TicketRepository]:
    return Path(database.engine.url.database or ""), database.tickets


def _recorder(
    repo: TicketRepository,
    recordings: Path,
    directory: str,
    *,
    caller: Caller = IDENTITY,
    notify: Callable[[], None] | None = None,
) -> CallRecorder:
    settler = Settler(repo.transactions)
    return CallRecorder(repo, settler, recordings, recordings / directory, caller, notify=notify)


def _answer(recorder: CallRecorder, step: str, seconds: float = 2.5) -> None:
    path = recorder.answer_dir / f"{step}.wav"
    path.write_bytes(b"RIFF")
    recorder.answer(step, path, seconds, "silence")


def test_every_answer_is_stored_as_it_comes(tmp_path: Path, db) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    recorder = _recorder(repo, recordings, "2026/11/27/x")
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
    assert ticket.outcome == "ended_early" and ticket.end_reason == "hangup"
    assert ticket.status == "transcribing"  # its two answers wait for the workers
    assert [a.audio_path for a in ticket.answers] == [
        "2026/11/27/x/name.wav",
        "2026/11/27/x/address.wav",
    ]
    journal = read_journal(recorder.answer_dir / JOURNAL)
    assert journal.ticket_number == ticket.number and journal.database_ok
    assert not (recordings / PENDING_DIR).exists()


def test_a_dead_database_loses_nothing_and_recovery_stores_it(tmp_path: Path, db) -> None:
    path, repo = db
    recordings = tmp_path / "recordings"
    recorder = _recorder(repo, recordings, "2026/11/27/y")
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
    assert journal.database_ok is False
    assert [a.step for a in journal.answers] == ["name", "address", "need"]
    assert journal.outcome == "complete"
    assert (recordings / PENDING_DIR / IDENTITY.uniqueid).exists()
    assert recover_pending(repo, Settler(repo.transactions), recordings).failed == [
        IDENTITY.uniqueid
    ]  # still down

    # The database comes back (empty: the old file is gone) and recovery stores the call.
    shutil.rmtree(path)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    repo = TicketRepository(session_factory(engine))
    report = recover_pending(repo, Settler(repo.transactions), recordings)
    assert len(report.recovered) == 1 and not report.failed
    (ticket,) = repo.list()
    assert ticket.outcome == "complete" and ticket.channel_uniqueid == IDENTITY.uniqueid
    assert ticket.status == "transcribing"
    jobs = JobQueue(repo.transactions, Settler(repo.transactions))
    assert len(jobs.jobs(ticket.id)) == 3  # recovered answers are transcribed too
    assert [(a.step, a.duration_seconds) for a in ticket.answers] == [
        ("name", 1.5),
        ("address", 3.0),
        ("need", 2.0),
    ]
    assert not (recordings / PENDING_DIR / IDENTITY.uniqueid).exists()
    assert (
        recover_pending(repo, Settler(repo.transactions), recordings).recovered == []
    )  # idempotent
    assert repo.count() == 1


def test_recovery_completes_a_ticket_the_database_half_has(tmp_path: Path, db) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    recorder = _recorder(repo, recordings, "2026/11/27/z")
    recorder.start()
    _answer(recorder, "name")
    recorder._database_failed("test", __import__("callbot.errors").errors.StorageError("down"))
    _answer(recorder, "address")  # only in the journal
    assert len(repo.get(recorder.ticket_id or 0).answers) == 1
    recorder.finish("ended_early", "hangup")  # the database answers: the journal is stored
    assert recover_pending(repo, Settler(repo.transactions), recordings).recovered == []
    ticket = repo.get(recorder.ticket_id or 0)
    assert [a.step for a in ticket.answers] == ["name", "address"]
    assert ticket.outcome == "ended_early" and ticket.end_reason == "hangup"


def test_a_call_still_going_on_is_not_finished_by_recovery(tmp_path: Path, db) -> None:
    """Found by the fault suite (issue 12): the database came back mid-call, the sweep
    recovered the journal and closed the ticket as interrupted while the caller was still
    answering; the end of the call then reached only the journal."""
    _, repo = db
    recordings = tmp_path / "recordings"
    recorder = _recorder(repo, recordings, "2026/11/27/g")
    recorder.start()
    _answer(recorder, "name")
    recorder._database_failed("test", __import__("callbot.errors").errors.StorageError("down"))
    _answer(recorder, "address")  # the database is back, but this call writes its journal
    hour = timedelta(hours=1)
    report = recover_pending(repo, Settler(repo.transactions), recordings, hour)
    assert report.ongoing and not report.recovered
    ticket = repo.get(recorder.ticket_id or 0)
    assert ticket.status == "in_call" and ticket.outcome is None
    assert [a.step for a in ticket.answers] == ["name", "address"]  # stored meanwhile
    _answer(recorder, "need")
    recorder.finish("complete", "completed")  # the database answers: stored by the recorder
    report = recover_pending(repo, Settler(repo.transactions), recordings, hour)
    assert not report.recovered and not report.ongoing and not report.failed
    ticket = repo.get(recorder.ticket_id or 0)
    assert (ticket.outcome, ticket.end_reason) == ("complete", "completed")
    assert [(a.step, a.attempt) for a in ticket.answers] == [
        ("name", 1),
        ("address", 1),
        ("need", 1),
    ]
    assert not (recordings / PENDING_DIR / IDENTITY.uniqueid).exists()


def test_a_journal_older_than_the_longest_call_was_interrupted(tmp_path: Path, db) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    recorder = _recorder(repo, recordings, "2026/11/27/h")
    recorder.start()
    recorder._database_failed("test", __import__("callbot.errors").errors.StorageError("down"))
    _answer(recorder, "name")
    report = recover_pending(repo, Settler(repo.transactions), recordings, timedelta(0))
    assert len(report.recovered) == 1
    ticket = repo.get(recorder.ticket_id or 0)
    assert (ticket.outcome, ticket.end_reason) == ("ended_early", "interrupted")


def test_each_stored_answer_wakes_the_transcription_workers(tmp_path: Path, db) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    woken: list[int] = []
    recorder = _recorder(repo, recordings, "2026/11/27/n", notify=lambda: woken.append(1))
    recorder.start()
    _answer(recorder, "name")
    assert len(woken) == 1
    _answer(recorder, "name")  # asked again: a second attempt
    assert len(woken) == 2
    ticket = repo.get(recorder.ticket_id or 0)
    assert recorder.answer_id("name") == ticket.answers[-1].id  # the latest attempt
    jobs = JobQueue(repo.transactions, Settler(repo.transactions))
    assert [j.answer_id for j in jobs.jobs(ticket.id)] == [a.id for a in ticket.answers]
    assert recorder.answer_id("address") is None


def test_recovery_reads_journals_written_before_outcomes(tmp_path: Path, db) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    directory = recordings / "2026/11/27/old"
    directory.mkdir(parents=True)
    journal = directory / JOURNAL
    journal.write_text(
        json.dumps(
            {
                "identity": {"uniqueid": "old.1", "linkedid": "old.0", "caller_number": "0901"},
                "status": "complete",  # the old name of the outcome
                "end_reason": "completed",
                "answers": [
                    {
                        "step": "name",
                        "attempt": 1,
                        "audio_path": "2026/11/27/old/name.wav",
                        "duration_seconds": 1.0,
                        "ended_by": "silence",
                    }
                ],
            }
        )
    )
    mark_pending(recordings, "old.1", journal)
    assert len(recover_pending(repo, Settler(repo.transactions), recordings).recovered) == 1
    (ticket,) = repo.list()
    assert (ticket.outcome, ticket.end_reason, ticket.status) == (
        "complete",
        "completed",
        "transcribing",
    )


def test_an_answer_recovered_after_the_ticket_was_closed_reopens_it(tmp_path: Path, db) -> None:
    _, repo = db
    ticket = repo.create(Caller("0901", "", "", "late.1"))
    repo.finish(ticket.id, "ended_early", "interrupted")
    Settler(repo.transactions).settle(ticket.id)
    assert repo.get(ticket.id).status == "new" and repo.get(ticket.id).no_speech
    repo.add_answer(ticket.id, "name", "x/name.wav", 1.0, "silence")
    reopened = repo.get(ticket.id)
    assert (reopened.status, reopened.no_speech) == ("transcribing", False)


def test_the_callback_number_is_stored_and_recovered(tmp_path: Path, db) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    recorder = _recorder(repo, recordings, "2026/11/27/cb")
    recorder.start()
    recorder.callback("09 1234\r\n5678", "typed")
    ticket = repo.get(recorder.ticket_id or 0)
    assert (ticket.callback_number, ticket.callback_source) == ("0912345678", "typed")
    with pytest.raises(ValueError, match="sms"):
        repo.set_callback(ticket.id, "0901", "sms")

    # Only in the journal (database down), then recovered.
    other = _recorder(
        repo, recordings, "2026/11/27/cb2", caller=dataclasses.replace(IDENTITY, uniqueid="u2")
    )
    other.start()
    other._database_failed("test", StorageError("down"))
    other.callback("0283", "caller_id")
    other.finish("complete", "completed")
    recover_pending(repo, Settler(repo.transactions), recordings)
    recovered = repo.get(other.ticket_id or 0)
    assert (recovered.callback_number, recovered.callback_source) == ("0283", "caller_id")


def test_a_call_still_going_on_is_not_recovered_before_it_ends(tmp_path: Path, db) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    recorder = _recorder(repo, recordings, "2026/11/27/live")
    recorder.start()
    _answer(recorder, "name")
    recorder._database_failed("test", StorageError("down"))
    _answer(recorder, "address")  # only in the journal while the call goes on
    settler, hour = Settler(repo.transactions), timedelta(hours=1)
    report = recover_pending(repo, settler, recordings, hour)
    assert report.ongoing == [recorder.ticket_number()] and not report.recovered
    assert repo.get(recorder.ticket_id or 0).status == "in_call"  # the caller is on the line
    # ...unless it started longer ago than a call lasts (its node died).
    report = recover_pending(repo, settler, recordings, timedelta(0))
    assert len(report.recovered) == 1
    assert repo.get(recorder.ticket_id or 0).end_reason == "interrupted"


def test_the_recorder_stores_its_journal_itself_when_the_database_is_back(
    tmp_path: Path, db
) -> None:
    _, repo = db
    recordings = tmp_path / "recordings"
    recorder = _recorder(repo, recordings, "2026/11/27/back")
    recorder.start()
    recorder._database_failed("test", StorageError("down"))
    _answer(recorder, "name")
    _answer(recorder, "address")
    recorder.finish("complete", "completed")  # the database answers again by now
    ticket = repo.get(recorder.ticket_id or 0)
    assert [a.step for a in ticket.answers] == ["name", "address"]
    assert (ticket.outcome, ticket.end_reason) == ("complete", "completed")
    assert not (recordings / PENDING_DIR / IDENTITY.uniqueid).exists()
