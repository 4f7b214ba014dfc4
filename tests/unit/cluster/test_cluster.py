"""Several nodes on one database, on SQLite and on PostgreSQL: heartbeats, who is dead, leases,
the calls and jobs of a dead node taken over by exactly one other node, the status, the metrics.

Nodes here are registries on the real database, as `callbot serve` and `callbot worker` make
them; a dead node is one whose clock stopped a minute ago. The processes themselves (a node
killed with SIGKILL mid-call on the sandbox) are tests/integration/test_cluster.py's.
"""

from __future__ import annotations

import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from callbot.cluster.nodes import NodeRegistry
from callbot.cluster.status import cluster_status, status_text
from callbot.cluster.takeover import Takeover
from callbot.intake.journal import JOURNAL, Journal, JournalAnswer, call_dir
from callbot.metrics import Metrics
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.leases import Leases
from callbot.tickets.transactions import Transactions
from tests.support.database import Database
from tests.support.operators import race

pytestmark = pytest.mark.both_databases

LEASE = timedelta(seconds=1.0)
A_MINUTE_AGO = datetime.now(UTC) - timedelta(minutes=1)


def registry(
    database: Database,
    name: str,
    *,
    past: bool = False,
    kind: str = "serve",
    agi: str | None = None,
) -> NodeRegistry:
    """A node on ``database``; ``past``: its clock (so its heartbeat) stopped a minute ago."""
    tx = Transactions(database.sessions, clock=lambda: A_MINUTE_AGO) if past else None
    node = NodeRegistry(tx or database.transactions(), name=name, kind=kind, lease=LEASE, agi=agi)
    node.register()
    return node


def judging(node: NodeRegistry) -> NodeRegistry:
    """Wait until ``node`` may judge others (its heartbeats went through for a lease)."""
    time.sleep(LEASE.total_seconds() + 0.05)
    assert node.beat()
    assert node.may_judge
    return node


def test_a_silent_or_stopped_node_is_dead_and_a_restart_replaces_its_predecessor(
    database: Database,
) -> None:
    alive = registry(database, "node1", agi="127.0.0.1:4573")
    silent = registry(database, "node2", past=True)
    stopped = registry(database, "node3")
    stopped.stop()
    assert set(alive.dead()) == {silent.id, stopped.id}
    again = registry(database, "node1", agi="127.0.0.1:4573")  # node1 restarted
    assert again.id != alive.id and alive.id in again.dead()
    nodes = {n.id: n for n in again.nodes(since=timedelta(hours=2))}
    assert nodes[again.id].alive and not nodes[alive.id].alive
    assert nodes[alive.id].stopped_at is not None
    assert nodes[again.id].agi == "127.0.0.1:4573" and nodes[again.id].kind == "serve"


def test_a_node_judges_others_only_after_a_whole_lease_of_heartbeats(database: Database) -> None:
    node = registry(database, "node1")
    assert not node.may_judge  # just registered: the others had no time to beat
    judging(node)
    unreachable = make_engine("postgresql://callbot:pw@127.0.0.1:1/callbot")
    try:
        cut = NodeRegistry(
            Transactions(session_factory(unreachable)), name="node9", kind="serve", lease=LEASE
        )
        cut._healthy_since = time.monotonic() - 60  # it was judging before the database went
        assert cut.beat() is False and not cut.may_judge  # a failed beat: no more judging
    finally:
        unreachable.dispose()


def test_a_lease_is_held_by_one_taker_until_released_or_expired(database: Database) -> None:
    leases = Leases(database.transactions())
    take = leases.acquire
    results = race(*(lambda n=n: take("journal:1.1", f"node{n}", 60, renew=True) for n in range(4)))
    assert results.count(True) == 1, results
    holder = f"node{results.index(True)}"
    assert take("journal:1.1", holder, 60, renew=True)  # renewing one's own
    other = "node9"
    assert not take("journal:1.1", other, 60, renew=True)
    leases.release("journal:1.1", holder)
    assert leases.holder("journal:1.1") is None
    assert take("journal:1.1", other, 0.05, renew=True)
    time.sleep(0.1)
    assert take("journal:1.1", holder, 60, renew=True)  # expired: anyone may take it


def _call_of(database: Database, dead: NodeRegistry, recordings: Path) -> int:
    """A call on ``dead``: two answers in the database, a third only in its journal."""
    repo = database.tickets
    caller = Caller("0901234567", "", "", "1700000001.5")
    ticket = repo.create(caller, node=dead.id)
    journal = Journal(caller, ticket_id=ticket.id, ticket_number=ticket.number)
    directory = call_dir(recordings, caller.uniqueid, ticket.created_at)
    directory.mkdir(parents=True)
    for step in ("name", "address", "need"):
        path = directory / f"{step}.wav"
        path.write_bytes(b"")
        relative = str(path.relative_to(recordings))
        journal.answers.append(JournalAnswer(step, 1, relative, 2.0, "silence"))
        if step != "need":
            repo.add_answer(ticket.id, step, relative, 2.0, "silence")
    journal.write(directory / JOURNAL)
    return ticket.id


def test_the_calls_of_a_dead_node_are_finished_by_exactly_one_other(
    database: Database, tmp_path: Path
) -> None:
    dead = registry(database, "node1", past=True)
    ticket_id = _call_of(database, dead, tmp_path)
    (job,) = database.jobs.claim_jobs(f"{dead.id}:serve", 1)  # it was decoding one answer
    live = [registry(database, f"node{n}") for n in (2, 3, 4)]
    judging(live[0])
    assert all(node.beat() and node.may_judge for node in live)  # all three alive, judging
    sweeps = [
        Takeover(database.tickets, database.settler, database.jobs, node, tmp_path) for node in live
    ]
    finished = race(*(sweep.sweep for sweep in sweeps))
    assert all(isinstance(n, int) for n in finished), finished
    assert sorted(finished) == [0, 0, 1], finished  # type: ignore[type-var]  # one finished it
    ticket = database.tickets.get(ticket_id)
    assert (ticket.outcome, ticket.end_reason) == ("ended_early", "interrupted")
    assert ticket.status == "transcribing"  # its answers wait for the workers
    assert [a.step for a in ticket.answers] == ["name", "address", "need"]  # from the journal
    assert ticket.to_dict()["id"] == ticket_id
    taken = {j.id: j for j in database.jobs.jobs(ticket_id)}[job.id]
    assert (taken.status, taken.locked_by, taken.attempts) == ("pending", None, 1)
    assert all(sweep.sweep() == 0 for sweep in sweeps)  # nothing left


def test_no_call_is_taken_from_a_live_node_nor_by_a_node_that_may_not_judge(
    database: Database, tmp_path: Path
) -> None:
    alive = registry(database, "node1")
    ticket_id = _call_of(database, alive, tmp_path)
    other = judging(registry(database, "node2"))
    alive.beat()
    assert Takeover(database.tickets, database.settler, database.jobs, other, tmp_path).sweep() == 0
    assert database.tickets.get(ticket_id).status == "in_call"
    # The database was down for everyone: no heartbeat went through, node1's is old now; node3
    # is back first, and must not take node1's live call for a dead one's.
    fresh = registry(database, "node3")
    time.sleep(LEASE.total_seconds() + 0.05)
    fresh._healthy_since = None  # as its beats failed while the database was down
    assert fresh.beat() and not fresh.may_judge
    assert Takeover(database.tickets, database.settler, database.jobs, fresh, tmp_path).sweep() == 0
    assert database.tickets.get(ticket_id).status == "in_call"


def test_a_channel_gone_is_finished_at_once_whoever_holds_it(
    database: Database, tmp_path: Path
) -> None:
    holder = registry(database, "node1")
    ticket_id = _call_of(database, holder, tmp_path)
    other = registry(database, "node2")
    takeover = Takeover(database.tickets, database.settler, database.jobs, other, tmp_path)
    assert takeover.channel_gone("1700000001.5") == 1
    assert takeover.channel_gone("1700000001.5") == 0
    ticket = database.tickets.get(ticket_id)
    assert ticket.end_reason == "interrupted" and len(ticket.answers) == 3


def test_cluster_status_lists_nodes_calls_and_backlog(database: Database, tmp_path: Path) -> None:
    node = registry(database, "node1", agi="127.0.0.1:4573")
    worker = registry(database, "worker1", kind="worker")
    _call_of(database, node, tmp_path)
    node.beat(calls=1, workers=0)
    worker.beat(calls=0, workers=2)
    status = cluster_status(database.transactions(), timedelta(seconds=30))
    by_id = {n["id"]: n for n in status["nodes"]}
    assert by_id[node.id]["in_call_tickets"] == 1 and by_id[node.id]["calls"] == 1
    assert by_id[worker.id]["workers"] == 2 and by_id[worker.id]["kind"] == "worker"
    assert status["tickets"]["in_call"] == 1
    assert status["backlog"]["pending"] == 2 and status["backlog"]["live"] == 2
    text = status_text(status)
    assert node.id in text and "2 pending (2 of callers on the line)" in text


def test_metrics_are_served_on_a_loopback_port() -> None:
    metrics = Metrics()
    metrics.record("route", ms=3.0, destination="callbot", source="ami", reason="no_free_member")
    metrics.record("turn_gap", seconds=0.8)
    metrics.record("readback_wait", seconds=2.5)
    metrics.calls_from(lambda: 7)
    metrics.backlog(pending=12, running=2, live=3, oldest=4.5)
    metrics.collectors.db_errors.inc()
    host, port = metrics.serve("127.0.0.1", 0, "serve")
    try:
        assert host == "127.0.0.1"
        body = urllib.request.urlopen(f"http://{host}:{port}/metrics", timeout=5).read().decode()
    finally:
        metrics.close()
    route = 'destination="callbot",reason="no_free_member",source="ami"'
    assert f"callbot_route_decisions_total{{{route}}} 1.0" in body
    assert 'callbot_caller_wait_seconds_bucket{kind="turn_gap",le="1.0"} 1.0' in body
    assert 'callbot_caller_wait_seconds_count{kind="readback_wait"} 1.0' in body
    assert "callbot_calls_in_flight 7.0" in body
    assert 'callbot_transcription_backlog{state="pending"} 12.0' in body
    assert "callbot_transcription_oldest_job_seconds 4.5" in body
    assert "callbot_database_errors_total 1.0" in body
    assert 'callbot_node_up{kind="serve"} 1.0' in body


def test_the_local_cluster_of_callbot_run_shares_one_database_and_the_dialplan_lists_the_nodes(
    tmp_path: Path,
) -> None:
    from callbot.cli.cluster import local_cluster
    from callbot.config import load_config
    from callbot.sandbox.runtime import template_values

    config = load_config(
        environ={"CALLBOT_STORAGE__ROOT": str(tmp_path), "CALLBOT_AGI__PORT": "4600"},
        project_dir=tmp_path,
    )
    shared, children = local_cluster(config, 2, "postgresql+psycopg://u:p@127.0.0.1:5442/callbot")
    assert [(c.name, c.command) for c in children] == [
        ("node1", "serve"),
        ("node2", "serve"),
        ("worker1", "worker"),
    ]
    for child in children:
        assert child.env["CALLBOT_STORAGE__DATABASE_URL"].endswith("@127.0.0.1:5442/callbot")
        assert child.env["CALLBOT_CLUSTER__NODE"] == child.name
    assert [c.env.get("CALLBOT_AGI__PORT") for c in children] == ["4600", "4601", "4600"]
    assert {c.env["CALLBOT_CLUSTER__TRANSCRIBE"] for c in children[:2]} == {"false"}
    assert len({c.env["CALLBOT_CLUSTER__METRICS_PORT"] for c in children}) == 3
    values = template_values(shared, paths=type("P", (), {"runtime": tmp_path})())  # type: ignore[arg-type]
    assert values["AGI_NODES"] == "agi://127.0.0.1:4600&agi://127.0.0.1:4601"


def test_a_restarted_node_finishes_its_predecessors_calls_at_once_with_their_recordings(
    database: Database, tmp_path: Path
) -> None:
    """A node killed mid-answer and started again (same name): its first sweep, before it may
    judge silence, finishes the killed run's ticket, with the answer being spoken attached."""
    from callbot.calls.disk import PartialAnswer

    killed = registry(database, "node1")
    ticket_id = _call_of(database, killed, tmp_path)
    ticket = database.tickets.get(ticket_id)
    folder = call_dir(tmp_path, ticket.channel_uniqueid, ticket.created_at)
    partial = PartialAnswer(folder / "callback.wav", every_bytes=100)
    partial.add(b"\x20\x00" * 4000)  # half a second said, then SIGKILL:
    assert partial._handle is not None
    partial._handle.close()  # (the kernel closes it, nothing more is written)
    again = registry(database, "node1")  # the restart: node1's earlier run is marked stopped
    assert not again.may_judge
    takeover = Takeover(database.tickets, database.settler, database.jobs, again, tmp_path)
    assert takeover.sweep() == 1
    ticket = database.tickets.get(ticket_id)
    assert (ticket.outcome, ticket.end_reason) == ("ended_early", "interrupted")
    steps = {a.step: a for a in ticket.answers}
    assert set(steps) == {"name", "address", "need", "callback"}  # need from the journal
    assert steps["callback"].ended_by == "recovered" and takeover.salvaged == 1
    assert steps["callback"].duration_seconds == pytest.approx(0.5, abs=0.01)
    assert takeover.sweep() == 0
