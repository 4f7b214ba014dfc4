"""What the cluster looks like now: ``callbot cluster status``.

Read from the shared database alone, so it works from any machine that reaches it: the nodes
seen in the last hour (alive, or stopped and silent ones, with their calls in flight and
transcription threads at their last heartbeat), the tickets in call on each node, the tickets
by stage, and the transcription backlog with the age of its oldest due job.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from callbot.cluster.nodes import list_nodes
from callbot.tickets.models import Ticket
from callbot.tickets.rules import TicketStatus
from callbot.tickets.transactions import Transactions
from callbot.transcription.liveness import backlog

STAGES = (TicketStatus.IN_CALL, TicketStatus.TRANSCRIBING, TicketStatus.NEW)


def cluster_status(
    tx: Transactions, lease: timedelta, since: timedelta = timedelta(hours=1)
) -> dict[str, Any]:
    """The cluster as JSON data: ``nodes``, ``tickets`` (by stage), ``backlog``."""

    def counts(session: Session) -> tuple[dict[str, int], dict[str, int]]:
        by_node = session.execute(
            select(Ticket.node, func.count())
            .where(Ticket.status == TicketStatus.IN_CALL.value)
            .group_by(Ticket.node)
        ).all()
        by_stage = session.execute(
            select(Ticket.status, func.count())
            .where(Ticket.status.in_([s.value for s in STAGES]))
            .group_by(Ticket.status)
        ).all()
        return (
            {str(node or "-"): int(n) for node, n in by_node},
            {str(status): int(n) for status, n in by_stage},
        )

    nodes = list_nodes(tx, lease, since)
    in_call, stages = tx.run("count tickets by node and stage", counts)
    return {
        "nodes": [{**node.to_dict(), "in_call_tickets": in_call.get(node.id, 0)} for node in nodes],
        "tickets": {stage.value: stages.get(stage.value, 0) for stage in STAGES},
        "orphans": sum(n for node, n in in_call.items() if node not in {x.id for x in nodes}),
        "backlog": backlog(tx).to_dict(),
    }


def status_text(status: dict[str, Any]) -> str:
    """The status as a few lines for people."""
    lines = [f"{'node':<28} {'kind':<7} {'state':<7} {'calls':>5} {'tickets':>7} {'asr':>4}  agi"]
    for node in status["nodes"]:
        state = "alive" if node["alive"] else ("stopped" if node["stopped_at"] else "lost")
        lines.append(
            f"{node['id']:<28} {node['kind']:<7} {state:<7} {node['calls']:>5} "
            f"{node['in_call_tickets']:>7} {node['workers']:>4}  {node['agi'] or '-'}"
        )
    if len(lines) == 1:
        lines.append("(no node seen in the last hour)")
    tickets, jobs = status["tickets"], status["backlog"]
    oldest = jobs["oldest_seconds"]
    lines.append(
        f"tickets: {tickets['in_call']} in call, {tickets['transcribing']} transcribing, "
        f"{tickets['new']} waiting for operators"
        + (f"; {status['orphans']} in call on no known node" if status["orphans"] else "")
    )
    lines.append(
        f"transcription: {jobs['pending']} pending ({jobs['live']} of callers on the line), "
        f"{jobs['running']} running, oldest due " + ("-" if oldest is None else f"{oldest:.1f} s")
    )
    return "\n".join(lines)
