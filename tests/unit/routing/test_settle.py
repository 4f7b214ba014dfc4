"""Tickets becoming ready: understood fields, unit, urgency kept, repeat calls merged.

A real database (SQLite and PostgreSQL) and the real repository; the understanding is either
a small fake (to pin the storage rules) or the real parsers with the bundled units file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update

from callbot.routing.fields import HeardAnswer, Understanding, understand
from callbot.routing.settle import Settler
from callbot.routing.units import SAMPLE, UnitsDirectory
from callbot.speech.asr import Transcript, Word
from callbot.tickets.caller import Caller
from callbot.tickets.models import Ticket
from callbot.tickets.records import TicketRecord
from callbot.tickets.repository import TicketRepository
from callbot.tickets.transactions import Transactions
from callbot.transcription.jobs import JobQueue
from tests.support.database import Database

pytestmark = pytest.mark.both_databases

Rows = Sequence[HeardAnswer]


@dataclass
class Desk:
    """The ticket store with one settle step, as ``callbot serve`` wires it."""

    tickets: TicketRepository
    jobs: JobQueue
    settler: Settler

    def get(self, ticket_id: int) -> TicketRecord:
        return self.tickets.get(ticket_id)


def desk(database: Database, settler: Callable[[Transactions], Settler]) -> Desk:
    tickets = database.tickets
    made = settler(tickets.transactions)
    return Desk(tickets, JobQueue(tickets.transactions, made), made)


def real_settler(window_hours: float = 24.0) -> Callable[[Transactions], Settler]:
    units = UnitsDirectory.load(SAMPLE)

    def make(tx: Transactions) -> Settler:
        return Settler(tx, units=units, repeat_window=timedelta(hours=window_hours))

    return make


def said(text: str, conf: float = 0.9) -> Transcript:
    words = tuple(Word(w, conf, i * 0.3, i * 0.3 + 0.25) for i, w in enumerate(text.split()))
    return Transcript(text, words, "test-model", 2.0, 0.01)


def call(repo: Desk, uniqueid: str, answers: dict[str, str], callback: str | None = None) -> int:
    """A finished call whose answers were heard as ``answers`` (step -> transcript)."""
    ticket = repo.tickets.create(Caller("0901234567", "", "", uniqueid))
    for step in answers:
        repo.tickets.add_answer(ticket.id, step, f"{uniqueid}/{step}.wav", 2.0, "silence")
    if callback:
        repo.tickets.set_callback(ticket.id, callback, "caller_id")
    repo.tickets.finish(ticket.id, "complete", "completed")
    repo.settler.settle(ticket.id)
    for job in repo.jobs.claim_jobs("test", limit=100):
        repo.jobs.complete_job(job.id, said(answers[job.step]))
    return ticket.id


def test_ready_ticket_gets_fields_confidence_unit_and_urgency(database: Database) -> None:
    repo = desk(database, real_settler())
    ticket_id = call(
        repo,
        "1.1",
        {
            "name": "dạ tên tôi là nguyễn văn an",
            "address": "số mười hai đường nguyễn trãi phường chánh hưng",
            "need": "mẹ tôi sốt cao khó thở",
        },
    )
    ticket = repo.get(ticket_id)
    assert ticket.status == "new"
    assert ticket.name == "Nguyễn Văn An"
    assert ticket.urgency == "emergency" and ticket.emergency
    assert ticket.category == "medical"
    assert ticket.unit_name == "UBND Phường Chánh Hưng"
    assert ticket.fields is not None
    name = ticket.fields["name"]
    assert name["asr_confidence"] == 0.9
    assert name["confidence"] == round(name["parser_confidence"] * 0.9, 3)
    # The transcripts stay on the answers, untouched.
    assert ticket.answers[0].transcript == "dạ tên tôi là nguyễn văn an"


def test_unplaced_address_goes_to_triage(database: Database) -> None:
    repo = desk(database, real_settler())
    ticket = repo.get(call(repo, "1.2", {"address": "không biết", "need": "xin gạo"}))
    assert ticket.unit == "HCM-TRIAGE"
    assert ticket.fields is not None and ticket.fields["unit"]["reason"] == "no_address"


def test_repeat_call_is_merged_into_the_open_ticket(database: Database) -> None:
    repo = desk(database, real_settler())
    first = call(repo, "2.1", {"need": "nhà tôi hết gạo rồi"}, callback="0912345678")
    second = call(repo, "2.2", {"need": "mẹ tôi khó thở"}, callback="0912345678")
    one, two = repo.get(first), repo.get(second)
    assert (two.status, two.linked_to_id) == ("merged", first)
    assert one.call_count == 2
    # The merged call's emergency raises the open ticket's urgency.
    assert one.urgency == "emergency" and one.emergency
    third = call(repo, "2.3", {"need": "xin gạo"}, callback="0912345678")
    assert repo.get(first).call_count == 3
    assert repo.get(third).linked_to_id == first
    # Another number is another ticket.
    other = repo.get(call(repo, "2.4", {"need": "xin gạo"}, callback="0987654321"))
    assert (other.status, other.call_count, other.linked_to_id) == ("new", 1, None)


def test_no_merge_outside_the_window_or_into_a_closed_ticket(database: Database) -> None:
    sessions = database.sessions
    repo = desk(database, real_settler(window_hours=24))
    old = call(repo, "3.1", {"need": "xin gạo"}, callback="0912345678")
    with sessions() as session, session.begin():
        session.execute(
            update(Ticket)
            .where(Ticket.id == old)
            .values(created_at=datetime.now(UTC) - timedelta(hours=25))
        )
    late = repo.get(call(repo, "3.2", {"need": "xin gạo"}, callback="0912345678"))
    assert (late.status, late.linked_to_id) == ("new", None)
    with sessions() as session, session.begin():
        session.execute(update(Ticket).where(Ticket.id == late.id).values(status="closed"))
    after_close = repo.get(call(repo, "3.3", {"need": "xin gạo"}, callback="0912345678"))
    assert (after_close.status, after_close.linked_to_id) == ("new", None)


def test_repeat_linking_can_be_turned_off(database: Database) -> None:
    repo = desk(database, Settler)
    call(repo, "4.1", {"need": "xin gạo"}, callback="0912345678")
    again = repo.get(call(repo, "4.2", {"need": "xin gạo"}, callback="0912345678"))
    assert (again.status, again.linked_to_id) == ("new", None)


def test_urgency_flagged_during_the_call_is_never_lowered(database: Database) -> None:
    sessions = database.sessions

    def calm(rows: Rows) -> Understanding:
        return Understanding(category="food", urgency="normal")

    repo = desk(database, lambda tx: Settler(tx, understand_with=calm))
    ticket = repo.tickets.create(Caller("0901234567", "", "", "5.1"))
    repo.tickets.add_answer(ticket.id, "need", "5.1/need.wav", 2.0, "silence")
    with sessions() as session, session.begin():
        session.execute(
            update(Ticket)
            .where(Ticket.id == ticket.id)
            .values(urgency="emergency", urgency_rank=0, emergency=True)
        )
    repo.tickets.finish(ticket.id, "complete", "completed")
    for job in repo.jobs.claim_jobs("test"):
        repo.jobs.complete_job(job.id, said("xin gạo"))
    got = repo.get(ticket.id)
    assert (got.status, got.category, got.urgency, got.emergency) == (
        "new",
        "food",
        "emergency",
        True,
    )


def test_latest_attempt_with_words_is_the_one_parsed() -> None:
    units = UnitsDirectory.load(SAMPLE)
    answers = [
        HeardAnswer(1, "name", 1, "tên tôi là trần văn bình", [{"conf": 0.5}]),
        HeardAnswer(2, "name", 2, "tên tôi là lê thị năm", [{"conf": 1.0}]),
        HeardAnswer(3, "name", 3, "", []),
    ]
    got = understand(answers, units)
    assert got.name == "Lê Thị Năm"
    assert got.fields["name"]["answer_id"] == 2


def test_a_failing_parser_still_makes_a_routed_ticket() -> None:
    units = UnitsDirectory.load(SAMPLE)

    def broken(kind: str) -> Any:
        def parse(text: str) -> Any:
            raise RuntimeError("parser bug")

        return parse

    got = understand([HeardAnswer(1, "need", 1, "xin gạo", [])], units, parse=broken)
    assert got.fields["need"] == {"answer_id": 1, "error": "RuntimeError"}
    assert got.unit == "HCM-TRIAGE"
