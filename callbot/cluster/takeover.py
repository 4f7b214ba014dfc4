"""Finishing what a dead node left: its calls' tickets, and its transcription jobs.

A ticket in call names the node serving it (``tickets.node``). When that node is dead (see
:mod:`callbot.cluster.nodes`: stopped, or silent for a whole lease), any other node may take
the ticket over: a conditional UPDATE moves ``node`` from the dead node to itself, so exactly
one node wins, whatever the number of nodes sweeping at once. The winner then finishes it as the
dead node would have: from the call's journal (``call.json`` beside the recordings, shared by
every node: :func:`~callbot.intake.recovery.recover_journal` adds the answers the database
missed, the callback number, and the outcome, "interrupted" for a call that never finished),
or, without a journal, as interrupted; then the settle step makes it ready. The caller is
already in the operators' queue: the dialplan sends a call whose FastAGI connection broke there.
Before that, every recording of the call's folder that neither the ticket nor the journal
holds (an answer written but not stored, the one being spoken when the node died) is attached
to the ticket (:mod:`callbot.intake.salvage`).

The dead node's transcription jobs go back to the queue at once (worker ids start with the
node's id), their attempt counted, for any worker to take.

:meth:`Takeover.channel_gone` is the door for a node that *knows* a call is over (AMI says its
channel hung up) and need not wait for the lease: it takes the ticket from whichever node holds
it, dead or not, once the caller of the method has given a live node the time to finish it.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from callbot.cluster.nodes import NodeRegistry
from callbot.intake.journal import call_dir, find_journal, read_journal
from callbot.intake.recovery import recover_journal
from callbot.intake.salvage import salvage
from callbot.routing.settle import Settler
from callbot.tickets.models import Ticket, TranscriptionJob
from callbot.tickets.repository import TicketRepository
from callbot.tickets.rules import EndReason, JobStatus, TicketOutcome, TicketStatus
from callbot.tickets.transactions import rowcount
from callbot.transcription.jobs import JobQueue

log = logging.getLogger(__name__)

Orphan = tuple[int, str, str, datetime]  # ticket id, its node, channel uniqueid, created at


class Takeover:
    """This node's part in finishing what dead nodes left."""

    def __init__(
        self,
        tickets: TicketRepository,
        settler: Settler,
        jobs: JobQueue,
        registry: NodeRegistry,
        recordings: Path,
    ) -> None:
        self.tickets = tickets
        self.settler = settler
        self.jobs = jobs
        self.registry = registry
        self.recordings = recordings
        self._tx = tickets.transactions
        self.salvaged = 0  # recordings attached from calls' folders since this node started

    def sweep(self) -> int:
        """Take over and finish the calls of dead nodes, hand their jobs back; returns how many
        calls this node finished. While this node may not judge silence (its own heartbeats
        have not gone through for a whole lease), only the nodes that stopped count as dead: a
        restarted node finishes its predecessor's calls at its first heartbeat. Raises
        :class:`~callbot.errors.StorageError`."""
        if self.registry.may_judge:
            dead = set(self.registry.dead())
        else:  # only those that said they stopped, or were replaced by a restart
            dead = set(self.registry.stopped())
        if not dead:
            return 0
        finished = 0
        for orphan in self._orphans(dead):
            if self._take(orphan[0], orphan[1]):
                self._finish(orphan)
                finished += 1
        for owner in self._job_owners():
            if owner in dead:
                self.jobs.release_jobs_of(owner + ":")
        return finished

    def channel_gone(self, uniqueid: str) -> int:
        """The call on channel ``uniqueid`` is over (AMI said so): finish its tickets still in
        call, whichever node holds them. Returns how many this node finished."""

        def work(session: Session) -> list[Orphan]:
            rows = session.execute(
                select(Ticket.id, Ticket.node, Ticket.channel_uniqueid, Ticket.created_at).where(
                    Ticket.channel_uniqueid == uniqueid,
                    Ticket.status == TicketStatus.IN_CALL.value,
                )
            ).all()
            return [(r[0], r[1] or "", r[2], r[3]) for r in rows]

        finished = 0
        for orphan in self._tx.run("find the tickets of a channel", work):
            if self._take(orphan[0], orphan[1] or None):
                self._finish(orphan)
                finished += 1
        return finished

    def calls_in_call(self) -> list[str]:
        """The channel uniqueids of every ticket still in call, on any node."""

        def work(session: Session) -> list[str]:
            return list(
                session.scalars(
                    select(Ticket.channel_uniqueid).where(
                        Ticket.status == TicketStatus.IN_CALL.value
                    )
                )
            )

        return self._tx.run("list the calls in progress", work)

    # -- steps -----------------------------------------------------------------------------------

    def _orphans(self, dead: set[str]) -> list[Orphan]:
        def work(session: Session) -> list[Orphan]:
            rows = session.execute(
                select(Ticket.id, Ticket.node, Ticket.channel_uniqueid, Ticket.created_at).where(
                    Ticket.status == TicketStatus.IN_CALL.value, Ticket.node.is_not(None)
                )
            ).all()
            return [(r[0], r[1], r[2], r[3]) for r in rows if r[1] in dead]

        return self._tx.run("find the calls of dead nodes", work)

    def _job_owners(self) -> set[str]:
        """The node ids of the workers holding running jobs."""

        def work(session: Session) -> set[str]:
            owners = session.scalars(
                select(TranscriptionJob.locked_by)
                .where(TranscriptionJob.status == JobStatus.RUNNING.value)
                .distinct()
            )
            return {owner.partition(":")[0] for owner in owners if owner and ":" in owner}

        return self._tx.run("find who holds transcription jobs", work)

    def _take(self, ticket_id: int, node: str | None) -> bool:
        """Move the ticket from ``node`` to this node if it is still in call there."""

        def work(session: Session) -> bool:
            held = Ticket.node.is_(None) if node is None else Ticket.node == node
            moved = session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id, Ticket.status == TicketStatus.IN_CALL.value, held)
                .values(node=self.registry.id)
                .execution_options(synchronize_session=False)
            )
            return rowcount(moved) == 1

        return self._tx.run(f"take over ticket {ticket_id}", work, write=True)

    def _salvage(self, ticket_id: int, uniqueid: str, created_at: datetime) -> Path | None:
        """Attach the recordings of the call's folder that neither the ticket nor the journal
        holds (:mod:`callbot.intake.salvage`); returns the journal, if any."""
        journal = find_journal(self.recordings, uniqueid, created_at)
        folder = journal.parent if journal else call_dir(self.recordings, uniqueid, created_at)
        known: set[str] = set()
        if journal is not None:
            with contextlib.suppress(OSError, ValueError, KeyError):  # unreadable: see below
                known = {a.audio_path for a in read_journal(journal).answers}
        found = salvage(self.tickets, ticket_id, folder, self.recordings, known)
        if found:
            self.salvaged += len(found)
        return journal

    def _finish(self, orphan: Orphan) -> None:
        ticket_id, node, uniqueid, created_at = orphan
        journal = self._salvage(ticket_id, uniqueid, created_at)
        try:
            if journal is not None and read_journal(journal).ticket_id == ticket_id:
                number, _ = recover_journal(self.tickets, self.settler, journal)
            else:
                self.tickets.finish(
                    ticket_id, TicketOutcome.ENDED_EARLY.value, EndReason.INTERRUPTED.value
                )
                self.settler.settle(ticket_id)
                number = str(ticket_id)
        except (OSError, ValueError, KeyError) as exc:  # an unreadable journal: finish anyway
            log.error("ticket id %d: journal unreadable (%s); finished without it", ticket_id, exc)
            self.tickets.finish(
                ticket_id, TicketOutcome.ENDED_EARLY.value, EndReason.INTERRUPTED.value
            )
            self.settler.settle(ticket_id)
            number = str(ticket_id)
        log.warning(
            "ticket %s of dead node %s taken over and finished (%s)",
            number,
            node or "-",
            "from its journal" if journal else "no journal",
        )
