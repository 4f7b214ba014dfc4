"""Concurrency that SQLite's single writer hides, on both databases: what several callbot
machines sharing one PostgreSQL do at the same instant.

Ticket numbers made by several processes at once (separate engines, as separate machines);
transcription jobs taken by several processes at once, each exactly once, and on PostgreSQL
with ``SKIP LOCKED`` (a job another transaction holds is passed over, never waited for); two
calls of one number settling at once merge into one ticket. Two operators claiming at once is
``tests/unit/operators/test_workflow.py``'s (run on both databases too).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from callbot.routing.fields import HeardAnswer
from callbot.routing.settle import Settler
from callbot.tickets.caller import Caller
from callbot.tickets.models import TranscriptionJob
from callbot.tickets.rules import valid_ticket_number
from callbot.transcription.jobs import JobQueue
from tests.support.database import Database
from tests.support.operators import race

pytestmark = pytest.mark.both_databases

PROCESSES = 3

# One "machine": its own engine on the shared database, doing ``kind`` of work ``count`` times.
MACHINE = """
import json, sys, time
from callbot.routing.settle import Settler
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.repository import TicketRepository
from callbot.transcription.jobs import JobQueue

url, kind, name = sys.argv[1:4]
count, start = int(sys.argv[4]), float(sys.argv[5])
engine = make_engine(url)
repo = TicketRepository(session_factory(engine))
jobs = JobQueue(repo.transactions, Settler(repo.transactions))
while time.time() < start:
    time.sleep(0.001)
done = []
if kind == "create":
    for n in range(count):
        done.append(repo.create(Caller("0901234567", "", "", f"{name}.{n}")).number)
else:
    while got := jobs.claim_jobs(name, 2):
        done.extend(job.id for job in got)
print(json.dumps(done))
engine.dispose()
"""


def machines(url: str, kind: str, count: int = 0) -> list[list[Any]]:
    """Run ``PROCESSES`` machines at the same instant; what each one made or took."""
    start = time.time() + 2.0  # every interpreter is up by then
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", MACHINE, url, kind, f"m{n}", str(count), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(PROCESSES)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
        results.append(json.loads(out))
    return results


def test_ticket_numbers_are_unique_across_machines(database: Database) -> None:
    made = machines(database.url, "create", count=40)
    numbers = [number for machine in made for number in machine]
    assert len(numbers) == len(set(numbers)) == PROCESSES * 40
    assert all(valid_ticket_number(number) for number in numbers)
    # Every machine made its share while the others did (not one after the other).
    assert all(len(machine) == 40 for machine in made)
    assert database.tickets.count() == PROCESSES * 40


def test_machines_taking_jobs_at_once_take_each_exactly_once(database: Database) -> None:
    repo = database.tickets
    for n in range(10):
        ticket = repo.create(Caller("0901234567", "", "", f"9.{n}"))
        for step in ("name", "address", "need"):
            repo.add_answer(ticket.id, step, f"{n}/{step}.wav", 1.0, "silence")
    taken = [job for machine in machines(database.url, "claim") for job in machine]
    everything = database.jobs.jobs()
    assert sorted(taken) == sorted(job.id for job in everything)  # each exactly once
    assert {job.status for job in everything} == {"running"}
    assert {job.attempts for job in everything} == {1}
    assert {job.locked_by for job in everything} <= {"m0", "m1", "m2"}


@pytest.mark.postgresql_only
def test_a_job_held_by_another_transaction_is_skipped_not_waited_for(database: Database) -> None:
    repo, jobs = database.tickets, database.jobs
    ticket = repo.create(Caller("0901234567", "", "", "8.1"))
    first = repo.add_answer(ticket.id, "name", "a/name.wav", 1.0, "silence")
    second = repo.add_answer(ticket.id, "need", "a/need.wav", 1.0, "silence")
    with Session(database.engine) as holder, holder.begin():
        # Another machine's claim, stopped between its SELECT ... FOR UPDATE and its commit.
        holder.scalars(
            select(TranscriptionJob).where(TranscriptionJob.answer_id == first.id).with_for_update()
        ).one()
        started = time.monotonic()
        got = jobs.claim_jobs("other", 5)
        waited = time.monotonic() - started
    assert [job.answer_id for job in got] == [second.id]
    assert waited < 2.0, waited  # skipped at once (SKIP LOCKED), not blocked on the row
    (again,) = jobs.claim_jobs("other", 5)
    assert again.answer_id == first.id


class SlowUnderstanding:
    """Understanding that takes a moment, so that settles run side by side."""

    def __init__(self) -> None:
        self.barrier: threading.Barrier | None = None

    def __call__(self, heard: Sequence[HeardAnswer]) -> Any:
        if self.barrier is not None:
            self.barrier.wait(10)  # both calls understood: now both write at once
        return self

    def columns(self) -> dict[str, Any]:
        return {}


def test_two_calls_of_one_number_settling_at_once_merge(database: Database) -> None:
    understanding = SlowUnderstanding()
    settler = Settler(
        database.tickets.transactions,
        repeat_window=timedelta(hours=24),
        understand_with=understanding,
    )
    repo = database.tickets
    for round_ in range(8):
        number = f"09123456{round_:02d}"
        pair = []
        for leg in range(2):
            ticket = repo.create(Caller(number, "", "", f"{round_}.{leg}"))
            repo.set_callback(ticket.id, number, "caller_id")
            repo.finish(ticket.id, "complete", "completed")
            pair.append(ticket.id)
        understanding.barrier = threading.Barrier(2)
        results = race(*(lambda t=t: settler.settle(t) for t in pair))
        assert results == [True, True], results
        one, two = (repo.get(t) for t in pair)
        statuses = sorted([one.status, two.status])
        assert statuses == ["merged", "new"], (round_, statuses)
        kept = one if one.status == "new" else two
        merged = two if kept is one else one
        assert merged.linked_to_id == kept.id and kept.call_count == 2


def test_jobs_of_callers_still_on_the_line_come_first(database: Database) -> None:
    repo, jobs = database.tickets, database.jobs
    ended = repo.create(Caller("0901234567", "", "", "7.1"))
    backlog = [
        repo.add_answer(ended.id, step, f"e/{step}.wav", 1.0, "silence").id
        for step in ("name", "address", "need")
    ]
    repo.finish(ended.id, "complete", "completed")
    live = repo.create(Caller("0901234568", "", "", "7.2"))
    answer = repo.add_answer(live.id, "name", "l/name.wav", 1.0, "silence")
    order = [job.answer_id for job in jobs.claim_jobs("w", 10)]
    assert order == [answer.id, *backlog]  # the caller on the line first, then the oldest


def test_pending_job_ages_and_backlog(database: Database) -> None:
    jobs: JobQueue = database.jobs
    assert jobs.backlog().pending == 0 and jobs.backlog().oldest_seconds is None
    ticket = database.tickets.create(Caller("0901234567", "", "", "6.1"))
    database.tickets.add_answer(ticket.id, "name", "b/name.wav", 1.0, "silence")
    database.tickets.add_answer(ticket.id, "need", "b/need.wav", 1.0, "silence")
    jobs.claim_jobs("w", 1)
    backlog = jobs.backlog()
    assert (backlog.pending, backlog.running) == (1, 1)
    assert backlog.oldest_seconds is not None and 0 <= backlog.oldest_seconds < 60
