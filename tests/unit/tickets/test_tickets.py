"""Tests of the ticket store: rules, repository, migrations, on real SQLite files and on a real
PostgreSQL (both_databases)."""

from __future__ import annotations

import itertools
import json
import logging
import os
import sqlite3
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

from callbot.errors import StorageError, TicketNotFound
from callbot.routing.settle import Settler
from callbot.tickets.caller import (
    MAX_RAW,
    TRUNCATED,
    Caller,
    escape_raw,
    sanitize_caller_name,
    sanitize_caller_number,
    sanitize_uniqueid,
    stored_raw,
)
from callbot.tickets.db import (
    MIGRATIONS_DIR,
    alembic_config,
    make_engine,
    mask_url,
    retry_when_locked,
    session_factory,
    upgrade,
)
from callbot.tickets.models import Base
from callbot.tickets.repository import TicketRecord, TicketRepository
from callbot.tickets.rules import ticket_id_from_number, ticket_number, valid_ticket_number
from tests.support.database import Database

pytestmark = pytest.mark.both_databases
BLANKS = itertools.count(1)

HOSTILE = [
    '"Bob" <+84901234567>',
    '\\\\evil\\" ; DROP TABLE tickets; --',
    "Alice\r\nX-Injected: 1\r\n",
    "A" * 250 + "\r\n" * 125,  # 500 characters
    "0901\udcff\udcfe234",  # undecodable bytes kept by surrogateescape
    "Tr\ufffd\ufffdn 0909",  # undecodable bytes replaced by U+FFFD
    "nul\x00byte\x00 0283",
    "\u202eRTL override\u200b zero width\x1b[31m",
    "",
]


def luhn_valid(number: str) -> bool:
    """An independent Luhn check (the textbook one), to test ticket numbers against."""
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


@pytest.fixture
def db_url(database_url: str) -> str:
    return database_url


@pytest.fixture
def blank_url(db_backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database with no table at all (not the migrated template's copy)."""
    if db_backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'blank' / 'callbot.db'}"
        return
    server = request.getfixturevalue("postgres_cluster").server
    name = f"blank{os.getpid()}_{next(BLANKS)}"
    yield server.create_database(name)
    server.drop_database(name)


@pytest.fixture
def engine(database: Database) -> Engine:
    return database.engine


@pytest.fixture
def repo(database: Database) -> TicketRepository:
    return database.tickets


@pytest.fixture
def settler(database: Database) -> Settler:
    return database.settler


def new_ticket(repo: TicketRepository, uniqueid: str = "1700000000.1") -> TicketRecord:
    caller = Caller("+84901234567", "Nguyễn Văn An", '"Nguyễn Văn An" <+84901234567>', uniqueid)
    return repo.create(caller)


def run_together(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run ``work(i)`` in ``count`` threads released at the same moment; return the errors."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def target(index: int) -> None:
        try:
            barrier.wait()
            work(index)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


# -- rules -------------------------------------------------------------------------------


def test_ticket_numbers_are_digits_with_a_luhn_check_digit() -> None:
    assert ticket_number(1) == "0000018"
    assert ticket_number(123456) == "1234566"
    assert ticket_number(1_000_000) == "10000008"
    for ticket_id in range(1, 3000):
        number = ticket_number(ticket_id)
        assert number.isdigit() and number.isascii() and len(number) == 7
        assert luhn_valid(number)
        assert valid_ticket_number(number)
        assert ticket_id_from_number(number) == ticket_id


def test_a_misheard_digit_or_swapped_pair_is_caught() -> None:
    number = ticket_number(48213)
    for position in range(len(number)):
        for digit in "0123456789":
            if digit != number[position]:
                typo = number[:position] + digit + number[position + 1 :]
                assert not valid_ticket_number(typo), typo
    swapped = number[:2] + number[3] + number[2] + number[4:]
    assert swapped != number and not valid_ticket_number(swapped)


@pytest.mark.parametrize(
    "text", ["", "0000017", "000001", "0000000", "000001-8", " 0000018", "abcdefg", "٠٠٠٠٠١٨"]
)
def test_malformed_ticket_numbers_are_rejected(text: str) -> None:
    assert not valid_ticket_number(text)
    assert ticket_id_from_number(text) is None


@pytest.mark.parametrize("bad", [0, -1, True])
def test_ticket_number_needs_a_positive_id(bad: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        ticket_number(bad)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+84901234567", "+84901234567"),
        ('"+84 (90) 123-4567"\r\n', "+84901234567"),
        ("0283 822 4022", "02838224022"),
        ("84+901", "84901"),  # a "+" after digits is not a prefix
        ("anonymous", ""),
        ("", ""),
        ("\\\"'\x00\udcff\ufffd", ""),
        ("9" * 500, "9" * 32),
        ("+" + "1" * 40, "+" + "1" * 31),
        ("٠١٢", ""),  # non-ASCII digits are not dialable
    ],
)
def test_sanitize_caller_number(raw: str, expected: str) -> None:
    assert sanitize_caller_number(raw) == expected
    assert sanitize_caller_number(expected) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nguyễn Thị Ánh", "Nguyễn Thị Ánh"),
        (unicodedata.normalize("NFD", "Trần Văn Đức"), "Trần Văn Đức"),
        ("\"Lê\" \\Hoàng\\ 'Phúc'", "Lê Hoàng Phúc"),
        ("Phạm\r\nX-Injected: 1", "Phạm X-Injected: 1"),
        ("  Võ\t\tThị   Sáu  ", "Võ Thị Sáu"),
        ("Tr\ufffd\ufffdn\udcff B\x00ình", "Trn Bình"),
        ("\u202eRTL\u200b\x1b[31m", "RTL[31m"),
        ("Đ" * 200, "Đ" * 80),
        ("", ""),
    ],
)
def test_sanitize_caller_name(raw: str, expected: str) -> None:
    assert sanitize_caller_name(raw) == expected
    assert sanitize_caller_name(expected) == expected


@pytest.mark.parametrize("raw", HOSTILE)
def test_escape_raw_is_printable_bounded_and_reversible(raw: str) -> None:
    escaped = escape_raw(raw)
    assert escaped.isprintable()
    assert len(escaped) <= MAX_RAW
    if not escaped.endswith(TRUNCATED):
        decoded = escaped.encode("ascii", "backslashreplace").decode("unicode_escape")
        assert decoded == raw


def test_escape_raw_keeps_readable_text_and_names_control_characters() -> None:
    assert escape_raw('"Lê" \\ 1\r\n\x00\udcff\u200b') == '"Lê" \\\\ 1\\r\\n\\x00\\udcff\\u200b'


def test_escape_raw_truncates_between_escapes() -> None:
    escaped = escape_raw("\x00" * 500)
    assert len(escaped) <= MAX_RAW
    assert escaped.endswith("\\x00" + TRUNCATED)
    assert escaped.count("\\x00") == (MAX_RAW - len(TRUNCATED)) // 4


def test_stored_raw_keeps_escaped_values_and_escapes_anything_else() -> None:
    escaped = escape_raw('"A\\B" <1>\r\n')
    assert stored_raw(escaped) == escaped  # no double escaping
    assert stored_raw("a\x00b") == "a\\x00b"
    assert len(stored_raw("x" * 900)) <= MAX_RAW


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1700000000.42", "1700000000.42"),
        ("pbx-1-1700000000.42", "pbx-1-1700000000.42"),
        ("../../etc/passwd", "etcpasswd"),
        ("..", ""),
        ("a b\r\n/c\x00", "abc"),
        ("9" * 100, "9" * 64),
    ],
)
def test_sanitize_uniqueid_is_safe_as_a_file_name(raw: str, expected: str) -> None:
    assert sanitize_uniqueid(raw) == expected
    assert sanitize_uniqueid(expected) == expected


# -- repository --------------------------------------------------------------------------


def test_ticket_life_create_answers_finish_get(repo: TicketRepository) -> None:
    ticket = repo.create(
        Caller(
            "+84901234567",
            "Nguyễn Văn An",
            escape_raw('"Nguyễn Văn An" <+84901234567>'),
            "1700000000.1",
            "1700000000.0",
        )
    )
    assert ticket.number == ticket_number(ticket.id)
    assert ticket.status == "in_call" and ticket.end_reason is None and ticket.ended_at is None
    assert ticket.outcome is None and ticket.no_speech is False
    assert ticket.created_at.tzinfo == UTC
    assert abs(datetime.now(UTC) - ticket.created_at) < timedelta(minutes=1)
    assert ticket.channel_linkedid == "1700000000.0"
    assert ticket.caller_id_raw == '"Nguyễn Văn An" <+84901234567>'

    repo.add_answer(ticket.id, "name", "2025/01/02/1700000000.1/name-1.wav", 2.5, "silence")
    repo.add_answer(ticket.id, "address", "2025/01/02/1700000000.1/address-1.wav", 0.4, "dtmf")
    repo.add_answer(
        ticket.id, "address", "2025/01/02/1700000000.1/address-2.wav", 7.0, "max_length", attempt=2
    )
    during = repo.get(ticket.id)
    assert during.last_step == "address"
    assert during.updated_at >= during.created_at
    assert [(a.step, a.attempt, a.ended_by) for a in during.answers] == [
        ("name", 1, "silence"),
        ("address", 1, "dtmf"),
        ("address", 2, "max_length"),
    ]
    assert during.answers[0].audio_path == "2025/01/02/1700000000.1/name-1.wav"
    assert during.answers[0].duration_seconds == 2.5
    assert during.answers[0].recorded_at.tzinfo == UTC

    assert all(a.transcription == "pending" for a in during.answers)
    repo.finish(ticket.id, "complete", "completed")
    done = repo.get(ticket.number)
    assert (done.outcome, done.end_reason) == ("complete", "completed")
    assert done.status == "transcribing"  # three answers to transcribe
    assert done.ended_at is not None and done.ended_at >= done.created_at
    assert repo.get(f" {ticket.number} ") == done
    assert repo.by_uniqueid("1700000000.1") == done
    assert repo.by_uniqueid("1700000000.999") is None
    assert repo.by_linkedid("1700000000.0") == done
    assert repo.by_linkedid("1700000000.1") is None


def test_lookups_by_channel_return_the_newest_ticket(repo: TicketRepository) -> None:
    first = repo.create(Caller("1", "A", "A", "1.5", "1.4"))
    second = repo.create(Caller("2", "B", "B", "1.5", "1.4"))
    assert first.id < second.id
    assert repo.by_uniqueid("1.5") == second
    assert repo.by_linkedid(" 1.4\r\n") == second  # looked up as it was stored: sanitized


def test_list_is_newest_first_and_filters_by_status(
    repo: TicketRepository, settler: Settler
) -> None:
    tickets = [new_ticket(repo, f"1700000000.{i}") for i in range(5)]
    repo.finish(tickets[1].id, "ended_early", "hangup")
    settler.settle(tickets[1].id)  # no answer: straight to "new"
    repo.add_answer(tickets[3].id, "name", "x/name.wav", 1.0, "silence")
    repo.finish(tickets[3].id, "complete", "completed")  # an answer to transcribe
    settler.settle(tickets[3].id)
    assert repo.count() == 5
    assert [t.id for t in repo.list()] == [t.id for t in reversed(tickets)]
    assert [t.id for t in repo.list(limit=2)] == [tickets[4].id, tickets[3].id]
    assert [t.id for t in repo.list(status="in_call")] == [
        tickets[4].id,
        tickets[2].id,
        tickets[0].id,
    ]
    assert [t.id for t in repo.list(status="new")] == [tickets[1].id]
    assert [t.id for t in repo.list(status="transcribing")] == [tickets[3].id]
    with pytest.raises(ValueError, match="ended_early"):
        repo.list(status="ended_early")  # an outcome, not a status
    with pytest.raises(ValueError, match="in_progress"):
        repo.list(status="in_progress")
    with pytest.raises(ValueError, match="limit"):
        repo.list(limit=0)


def test_records_are_json_ready(repo: TicketRepository) -> None:
    ticket = new_ticket(repo)
    repo.add_answer(ticket.id, "name", "a/name-1.wav", 1.25, "silence")
    data = json.loads(json.dumps(repo.get(ticket.id).to_dict()))
    assert data["number"] == ticket.number
    assert datetime.fromisoformat(data["created_at"]).utcoffset() == timedelta(0)
    assert data["ended_at"] is None
    assert data["answers"][0]["step"] == "name"
    assert data["answers"][0]["duration_seconds"] == 1.25
    assert data["answers"][0]["transcription"] == "pending"
    assert data["answers"][0]["words"] == [] and data["outcome"] is None
    assert data["no_speech"] is False
    assert datetime.fromisoformat(data["answers"][0]["recorded_at"]).tzinfo is not None


def test_finish_keeps_the_first_outcome(repo: TicketRepository, settler: Settler) -> None:
    ticket = new_ticket(repo)
    repo.finish(ticket.id, "ended_early", "to_queue")
    settler.settle(ticket.id)
    first = repo.get(ticket.id)
    repo.finish(ticket.id, "complete", "completed")
    repo.finish(ticket.id, "ended_early", "hangup")
    assert repo.get(ticket.id) == first
    assert (first.outcome, first.end_reason) == ("ended_early", "to_queue")
    assert first.status == "new"  # nothing to transcribe


def test_finish_rejects_unknown_outcomes_and_tickets(repo: TicketRepository) -> None:
    ticket = new_ticket(repo)
    with pytest.raises(ValueError, match="outcome"):
        repo.finish(ticket.id, "in_call", "completed")
    with pytest.raises(ValueError, match="outcome"):
        repo.finish(ticket.id, "new", "completed")
    with pytest.raises(ValueError, match="lunch"):
        repo.finish(ticket.id, "complete", "lunch")
    with pytest.raises(TicketNotFound):
        repo.finish(ticket.id + 100, "complete", "completed")
    assert repo.get(ticket.id).status == "in_call"


def test_get_unknown_ticket_raises_ticket_not_found(repo: TicketRepository) -> None:
    new_ticket(repo)
    with pytest.raises(TicketNotFound):
        repo.get(999)
    with pytest.raises(TicketNotFound):
        repo.get(ticket_number(999))
    with pytest.raises(TicketNotFound, match="not a ticket number"):
        repo.get("0000017")


def test_add_answer_checks_ticket_and_fields(repo: TicketRepository) -> None:
    ticket = new_ticket(repo)
    repo.add_answer(ticket.id, "name", "x/name-1.wav", 1.0, "hangup")
    with pytest.raises(TicketNotFound):
        repo.add_answer(ticket.id + 1, "name", "x/name-1.wav", 1.0, "silence")
    with pytest.raises(StorageError, match=r"(?i)unique") as duplicate:
        repo.add_answer(ticket.id, "name", "x/name-1b.wav", 1.0, "silence")
    assert not isinstance(duplicate.value, TicketNotFound)
    # One line, and no value of the row (PostgreSQL's DETAIL names the key's values).
    assert "\n" not in str(duplicate.value) and "DETAIL" not in str(duplicate.value)
    for path in ("/var/lib/x.wav", "../x.wav", "a/../../x.wav", ""):
        with pytest.raises(ValueError, match="audio_path"):
            repo.add_answer(ticket.id, "phone", path, 1.0, "silence")
    with pytest.raises(ValueError, match="beep"):
        repo.add_answer(ticket.id, "phone", "x/p.wav", 1.0, "beep")
    with pytest.raises(ValueError, match="duration"):
        repo.add_answer(ticket.id, "phone", "x/p.wav", float("nan"), "silence")
    with pytest.raises(ValueError, match="attempt"):
        repo.add_answer(ticket.id, "phone", "x/p.wav", 1.0, "silence", attempt=0)
    assert [a.step for a in repo.get(ticket.id).answers] == ["name"]


def test_close_stale_interrupts_only_old_tickets_in_call(engine: Engine) -> None:
    sessions = session_factory(engine)
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    past = TicketRepository(sessions, clock=lambda: an_hour_ago)
    repo = TicketRepository(sessions)
    stale = new_ticket(past, "1.1")
    finished = new_ticket(past, "1.2")
    past.finish(finished.id, "complete", "completed")
    fresh = new_ticket(repo, "1.3")

    assert repo.close_stale(timedelta(minutes=15)) == 1
    Settler(repo.transactions).settle_waiting()
    closed = repo.get(stale.id)
    assert (closed.outcome, closed.end_reason) == ("ended_early", "interrupted")
    assert closed.status == "new" and closed.no_speech  # no answer: nothing said
    assert closed.ended_at == stale.updated_at  # its last sign of life
    assert closed.updated_at > stale.updated_at
    assert repo.get(finished.id).end_reason == "completed"
    assert repo.get(fresh.id).status == "in_call"
    assert repo.close_stale(timedelta(minutes=15)) == 0
    assert repo.close_stale(timedelta(0)) == 1  # everything still in call is now "stale"


def test_times_from_another_zone_are_stored_as_utc(engine: Engine) -> None:
    saigon = timezone(timedelta(hours=7))
    moment = datetime(2025, 3, 1, 8, 30, 15, 123456, tzinfo=saigon)
    repo = TicketRepository(session_factory(engine), clock=lambda: moment)
    ticket = repo.get(new_ticket(repo).id)
    assert ticket.created_at == moment
    assert ticket.created_at.tzinfo == UTC
    assert ticket.created_at.hour == 1


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_caller_ids_are_stored_safely(
    repo: TicketRepository, engine: Engine, raw: str
) -> None:
    # As the PBX gives them: number and name raw, the raw ID escaped by the caller.
    escaped = repo.create(Caller(raw, raw, escape_raw(raw), raw))
    # And a careless caller passing the raw ID unescaped.
    careless = repo.create(Caller(raw, raw, raw, raw))
    for ticket in (repo.get(escaped.id), repo.get(careless.id)):
        assert ticket.caller_number == sanitize_caller_number(raw)
        assert ticket.caller_name == sanitize_caller_name(raw)
        assert ticket.channel_uniqueid == sanitize_uniqueid(raw)
        assert ticket.caller_id_raw.isprintable() and len(ticket.caller_id_raw) <= MAX_RAW
        assert len(ticket.caller_number) <= 32 and len(ticket.caller_name) <= 80
    assert repo.get(escaped.id).caller_id_raw == escape_raw(raw)
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT caller_number, caller_name, caller_id_raw, channel_uniqueid FROM tickets"
        ).fetchall()
    for row in rows:
        for value in row:
            assert all(c.isprintable() for c in value), value


def test_caller_data_is_logged_only_at_debug(
    repo: TicketRepository, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="callbot")
    ticket = repo.create(
        Caller("+84987654321", "Bí Mật", escape_raw("Bí Mật <+84987654321>"), "9.9")
    )
    repo.add_answer(ticket.id, "name", "x/name.wav", 1.0, "silence")
    repo.finish(ticket.id, "complete", "completed")
    above_debug = [r.getMessage() for r in caplog.records if r.levelno > logging.DEBUG]
    assert any(ticket.number in message for message in above_debug)
    assert not any("987654321" in m or "Bí Mật" in m for m in above_debug)
    assert any("987654321" in r.getMessage() for r in caplog.records)


def test_ten_threads_create_and_answer_at_once(repo: TicketRepository, database: Database) -> None:
    per_thread = 5
    created: list[TicketRecord] = []
    lock = threading.Lock()

    def work(index: int) -> None:
        for n in range(per_thread):
            ticket = repo.create(
                Caller(f"+8490{index:03d}{n:04d}", f"Người gọi {index}", "", f"{index}.{n}")
            )
            for step in ("name", "phone", "address"):
                repo.add_answer(ticket.id, step, f"{index}/{n}/{step}.wav", 1.0, "silence")
            repo.finish(ticket.id, "complete", "completed")
            with lock:
                created.append(ticket)

    errors = run_together(10, work)
    assert errors == []
    assert repo.count() == 10 * per_thread == len(created)
    numbers = [t.number for t in repo.list(limit=100)]
    assert len(set(numbers)) == len(numbers) == 10 * per_thread
    assert all(valid_ticket_number(number) for number in numbers)
    for ticket in repo.list(limit=100):
        assert [a.step for a in ticket.answers] == ["name", "phone", "address"]
        assert (ticket.outcome, ticket.status) == ("complete", "transcribing")
    assert len(database.jobs.jobs()) == 10 * per_thread * 3  # one job per answer


@pytest.mark.sqlite_only
def test_a_writer_waits_for_another_process_holding_the_lock(
    repo: TicketRepository, db_url: str
) -> None:
    other = sqlite3.connect(
        db_url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False
    )
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        ticket = new_ticket(repo)  # blocks on the busy timeout, then succeeds
    finally:
        release.join()
        other.close()
    assert repo.get(ticket.id).number == ticket.number


def test_retry_when_locked_retries_only_lock_errors() -> None:
    calls: list[int] = []

    def locked_twice() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
        return "done"

    assert retry_when_locked("test", locked_twice, retries=5) == "done"
    assert len(calls) == 3

    def broken() -> str:
        calls.append(1)
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("disk I/O error"))

    calls.clear()
    with pytest.raises(OperationalError):
        retry_when_locked("test", broken, retries=5)
    assert len(calls) == 1


# -- database and migrations -------------------------------------------------------------


@pytest.mark.sqlite_only
def test_sqlite_pragmas_are_set_on_every_connection(engine: Engine) -> None:
    for _ in range(3):
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 10000
            assert pragma("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_deleting_a_ticket_deletes_its_answers(engine: Engine, repo: TicketRepository) -> None:
    ticket = new_ticket(repo)
    repo.add_answer(ticket.id, "name", "x/name.wav", 1.0, "silence")
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM tickets WHERE id = :id"), {"id": ticket.id})
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM answers").scalar() == 0


def head_revision() -> str | None:
    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def revisions(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    return [row[0] for row in rows]


def test_upgrade_is_idempotent_and_keeps_data(engine: Engine, repo: TicketRepository) -> None:
    ticket = new_ticket(repo)
    upgrade(engine)
    upgrade(engine)
    assert revisions(engine) == [head_revision()]
    assert repo.get(ticket.number).id == ticket.id


def test_upgrade_from_two_threads_at_once(blank_url: str) -> None:
    engines = [make_engine(blank_url), make_engine(blank_url)]
    try:
        errors = run_together(2, lambda i: upgrade(engines[i] if i else blank_url))
        assert errors == []
        assert revisions(engines[0]) == [head_revision()]
        assert {"tickets", "answers", "transcription_jobs"} <= set(
            inspect(engines[0]).get_table_names()
        )
    finally:
        for engine in engines:
            engine.dispose()


def test_upgrade_from_two_processes_at_once(blank_url: str) -> None:
    script = "import sys; from callbot.tickets.db import upgrade; upgrade(sys.argv[1])"
    processes = [
        subprocess.Popen([sys.executable, "-c", script, blank_url], stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr.decode()
    engine = make_engine(blank_url)
    try:
        assert revisions(engine) == [head_revision()]
        assert TicketRepository(session_factory(engine)).count() == 0
    finally:
        engine.dispose()


def test_migrations_match_the_models(engine: Engine, tmp_path: Path) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    # The comparison does see differences: an empty database lacks every table.
    empty = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        with empty.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) != []
    finally:
        empty.dispose()
    # Alembic's own autogenerate check, through env.py, agrees.
    command.check(alembic_config(url=engine.url.render_as_string(hide_password=False)))


def test_downgrade_to_base_and_back(engine: Engine, database: Database) -> None:
    command.downgrade(alembic_config(url=database.url), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    upgrade(engine)
    assert {"tickets", "answers", "transcription_jobs"} <= set(inspect(engine).get_table_names())


# -- failures ----------------------------------------------------------------------------


def test_database_under_a_regular_file_raises_storage_error(tmp_path: Path) -> None:
    plain = tmp_path / "plain-file"
    plain.write_text("not a directory")
    url = f"sqlite:///{plain}/storage/callbot.db"
    with pytest.raises(StorageError, match=r"storage\.database_url") as caught:
        upgrade(url)
    assert str(plain) in str(caught.value)


def test_database_path_that_is_a_directory_raises_storage_error(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}")
    try:
        with pytest.raises(StorageError, match="unable to open database file") as caught:
            upgrade(engine)
        assert str(tmp_path) in str(caught.value)
        with pytest.raises(StorageError, match="could not count tickets"):
            TicketRepository(session_factory(engine)).count()
    finally:
        engine.dispose()


def test_a_file_that_is_not_a_database_raises_storage_error(tmp_path: Path) -> None:
    garbage = tmp_path / "callbot.db"
    garbage.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(StorageError, match="not a database"):
        upgrade(f"sqlite:///{garbage}")


def test_server_database_failure_raises_storage_error_with_password_masked() -> None:
    # psycopg 3 is the driver a plain postgresql:// URL gets; the connection is refused: a
    # StorageError naming the URL, password masked, saying what to do.
    url = "postgresql://callbot:s3cret-pw@127.0.0.1:1/tickets"
    with pytest.raises(StorageError) as caught:
        upgrade(url)
    message = str(caught.value)
    assert "s3cret-pw" not in message and "\n" not in message
    assert "postgresql+psycopg://callbot:***@127.0.0.1:1/tickets" in message
    assert "connection" in message and "storage.database_url" in message


def test_mask_url_hides_passwords_even_in_malformed_urls() -> None:
    assert mask_url("postgresql://u:pw@h/db") == "postgresql://u:***@h/db"
    assert "pw" not in mask_url("not a url://u:pw@h")


def test_malformed_url_raises_storage_error() -> None:
    with pytest.raises(StorageError, match="not a SQLAlchemy database URL"):
        make_engine("no-scheme-here")
