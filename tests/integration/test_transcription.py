"""Transcription on the real parts: `callbot serve`'s workers, the real Vosk recognizer (the model
``asr.model`` chooses: the Korean stand-in where the Vietnamese model cannot be downloaded), the
real SQLite database, and `callbot transcribe` as people type it.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from callbot.lab.simulate import SimCall, Simulator
from callbot.tickets.repository import TicketRepository
from callbot.transcription.jobs import JobQueue
from tests.integration.conftest import ServeProcess, run_cli, wait_until

pytestmark = pytest.mark.asterisk

STORED = re.compile(r"answer id (\d+) transcribed: ")


def _ready_tickets(simulator: Simulator, answers: tuple[Path, ...], count: int) -> list[int]:
    calls = [
        SimCall(answers=answers, end_with="pound", ready=True, caller_number=f"090555{n:04d}")
        for n in range(count)
    ]
    ids = []
    for result in simulator.run(calls, stagger=0.3):
        assert result.error is None, result.as_dict()
        assert result.ticket is not None and result.ticket.status == "new"
        assert [a.transcription for a in result.ticket.answers] == ["done"] * len(answers)
        ids.append(result.ticket.id)
    return ids


@pytest.mark.long(95)
def test_transcribe_reruns_a_ticket_by_hand(
    simulator: Simulator, tickets: TicketRepository, jobs: JobQueue, answers: tuple[Path, ...]
) -> None:
    (ticket_id,) = _ready_tickets(simulator, answers, 1)
    before = tickets.get(ticket_id)
    result = run_cli("transcribe", before.number)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"ticket {before.number}: 3 answer(s): 3 transcribed" in result.stdout
    after = tickets.get(ticket_id)
    assert after.status == "new"
    # Transcribed again (Vosk's text may differ from run to run: compare times, not words).
    for again, first in zip(after.answers, before.answers, strict=True):
        assert again.transcription == "done" and again.transcript
        assert again.transcribed_at and first.transcribed_at
        assert again.transcribed_at > first.transcribed_at
    assert [(j.status, j.attempts) for j in jobs.jobs(ticket_id)] == [("done", 1)] * 3
    nothing = run_cli("transcribe", "--pending")
    assert nothing.returncode == 0 and "nothing to transcribe" in nothing.stdout


@pytest.mark.long(95)
def test_killing_serve_during_transcription_loses_and_repeats_nothing(
    simulator: Simulator,
    server: ServeProcess,
    tickets: TicketRepository,
    jobs: JobQueue,
    answers: tuple[Path, ...],
) -> None:
    ticket_ids = _ready_tickets(simulator, answers, 3)
    log_start = server.log_path.stat().st_size
    answer_ids = [i for t in ticket_ids for i in jobs.requeue(t)]  # nine answers to redo
    assert all(tickets.get(t).status == "transcribing" for t in ticket_ids)

    def settled() -> list[str]:
        return [j.status for j in jobs.jobs() if j.answer_id in answer_ids]

    assert wait_until(lambda: "done" in settled(), timeout=30), settled()
    server.kill()  # SIGKILL, mid-transcription
    left = [s for s in settled() if s != "done"]
    assert left, "every job was done before the kill: nothing left to resume"

    server.start()
    assert wait_until(
        lambda: all(a.transcription == "done" for a in jobs.answers(answer_ids).values()),
        timeout=120,
    ), settled()
    assert wait_until(lambda: all(tickets.get(t).status == "new" for t in ticket_ids))
    # No answer was stored twice, across the killed process and its successor. The log line
    # follows the store, so the kill may fall between the two for the one answer whose store
    # it interrupted (its text is in the database, checked above): at most one unlogged.
    log = server.log_path.read_bytes()[log_start:].decode("utf-8", errors="replace")
    stored = Counter(int(m) for m in STORED.findall(log))
    assert all(stored[i] <= 1 for i in answer_ids), stored
    assert sum(1 for i in answer_ids if stored[i] == 0) <= 1, stored
    redone = [j for j in jobs.jobs() if j.answer_id in answer_ids]
    assert {j.status for j in redone} == {"done"} and {j.locked_by for j in redone} == {None}
    assert max(j.attempts for j in redone) <= 2  # at most the interrupted attempt, then one
