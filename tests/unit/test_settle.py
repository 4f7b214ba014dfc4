"""Tickets becoming ready: understood fields, unit, urgency kept, repeat calls merged.

A real SQLite database and the real repository; the understanding is either a small fake
(to pin the storage rules) or the real parsers with the bundled units file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, update

from callbot.routing.units import SAMPLE, UnitsDirectory
from callbot.speech.asr import Transcript, Word
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.models import Ticket
from callbot.tickets.repository import TicketRepository
from callbot.tickets.settle import Settler
from callbot.understanding.ticket import HeardAnswer, Understanding, understand

Rows = Sequence[tuple[int, str, int, str | None, list[Any]]]


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'callbot.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def real_settler(window_hours: float = 24.0) -> Settler:
    units = UnitsDirectory.load(SAMPLE)

    def understand_rows(rows: Rows) -> Understanding:
        return understand([HeardAnswer(*row) for row in rows], units)

    return Settler(understand_rows, timedelta(hours=window_hours))


def said(text: str, conf: float = 0.9) -> Transcript:
    words = tuple(Word(w, conf, i * 0.3, i * 0.3 + 0.25) for i, w in enumerate(text.split()))
    return Transcript(text, words, "test-model", 2.0, 0.01)


def call(
    repo: TicketRepository, uniqueid: str, answers: dict[str, str], callback: str | None = None
) -> int:
    """A finished call whose answers were heard as ``answers`` (step -> transcript)."""
    ticket = repo.create("0901234567", "", "", uniqueid)
    for step in answers:
        repo.add_answer(ticket.id, step, f"{uniqueid}/{step}.wav", 2.0, "silence")
    if callback:
        repo.set_callback(ticket.id, callback, "caller_id")
    repo.finish(ticket.id, "complete", "completed")
    for job in repo.claim_jobs("test", limit=100):
        repo.complete_job(job.id, said(answers[job.step]))
    return ticket.id


def test_ready_ticket_gets_fields_confidence_unit_and_urgency(engine: Engine) -> None:
    repo = TicketRepository(session_factory(engine), settler=real_settler())
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


def test_unplaced_address_goes_to_triage(engine: Engine) -> None:
    repo = TicketRepository(session_factory(engine), settler=real_settler())
    ticket = repo.get(call(repo, "1.2", {"address": "không biết", "need": "xin gạo"}))
    assert ticket.unit == "HCM-TRIAGE"
    assert ticket.fields is not None and ticket.fields["unit"]["reason"] == "no_address"


def test_repeat_call_is_merged_into_the_open_ticket(engine: Engine) -> None:
    repo = TicketRepository(session_factory(engine), settler=real_settler())
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


def test_no_merge_outside_the_window_or_into_a_closed_ticket(engine: Engine) -> None:
    sessions = session_factory(engine)
    repo = TicketRepository(sessions, settler=real_settler(window_hours=24))
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


def test_repeat_linking_can_be_turned_off(engine: Engine) -> None:
    repo = TicketRepository(session_factory(engine), settler=Settler(None, None))
    call(repo, "4.1", {"need": "xin gạo"}, callback="0912345678")
    again = repo.get(call(repo, "4.2", {"need": "xin gạo"}, callback="0912345678"))
    assert (again.status, again.linked_to_id) == ("new", None)


def test_urgency_flagged_during_the_call_is_never_lowered(engine: Engine) -> None:
    sessions = session_factory(engine)

    def calm(rows: Rows) -> Understanding:
        return Understanding(category="food", urgency="normal")

    repo = TicketRepository(sessions, settler=Settler(calm, None))
    ticket = repo.create("0901234567", "", "", "5.1")
    repo.add_answer(ticket.id, "need", "5.1/need.wav", 2.0, "silence")
    with sessions() as session, session.begin():
        session.execute(
            update(Ticket)
            .where(Ticket.id == ticket.id)
            .values(urgency="emergency", urgency_rank=0, emergency=True)
        )
    repo.finish(ticket.id, "complete", "completed")
    for job in repo.claim_jobs("test"):
        repo.complete_job(job.id, said("xin gạo"))
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
