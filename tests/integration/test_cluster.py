"""Several callbot machines behind the sandbox Asterisk, sharing one real PostgreSQL.

Two `callbot serve` nodes (no transcription threads of their own) and one `callbot worker`, as
processes, on a database of the session's throwaway PostgreSQL; the calls' dialplan tries both
nodes ([callbot-agi], CALLBOT_AGI_NODES set on each simulated call). What is checked: calls
spread over both nodes and the worker transcribes them; `callbot cluster status` and each
node's Prometheus metrics; a node killed with SIGKILL mid-call (the caller reaches the queue,
its ticket and answers are kept and finished by another node, new calls go to the live node at
a cost of milliseconds); a node that does not answer at all (Asterisk's 2 s connect timeout,
paid once per call); PostgreSQL restarted mid-call (the calls go on, nothing lost once it is
back); a wrong database URL (the node refuses to serve and says why).
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from callbot.app import Store, load_prompt_library, open_store
from callbot.config import Config, load_config
from callbot.lab.simulate import SimCall, Simulator
from callbot.pbx.ami import AmiClient
from callbot.sandbox import Sandbox
from callbot.tickets.records import TicketRecord
from tests.integration.conftest import PROJECT, EventLog, ServeProcess, _env, run_cli, wait_until
from tests.support.postgres import TestCluster

pytestmark = [pytest.mark.asterisk, pytest.mark.postgresql]

LEASE = 3.0  # seconds a node may stay silent before another finishes its calls


@dataclass
class Cluster:
    """Two serve nodes and a worker on one PostgreSQL database."""

    config: Config
    store: Store
    nodes: list[ServeProcess]
    worker_env: dict[str, str]
    worker_log: Path
    worker: subprocess.Popen[bytes] | None = None
    blackhole: socket.socket | None = None
    held: list[socket.socket] = field(default_factory=list)

    def agi(self, index: int) -> str:
        return f"agi://127.0.0.1:{self.nodes[index].config.agi.port}"

    def variables(self, *addresses: str) -> dict[str, str]:
        return {"CALLBOT_AGI_NODES": "&".join(addresses or (self.agi(0), self.agi(1)))}

    def start_worker(self) -> None:
        if self.worker is not None and self.worker.poll() is None:
            return
        with self.worker_log.open("ab") as log:
            self.worker = subprocess.Popen(
                [sys.executable, "-m", "callbot.cli", "worker"],
                env={**_env(), **self.worker_env},
                cwd=PROJECT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def node_ids(self) -> dict[str, int]:
        """The live serve nodes' ids -> index in ``nodes`` (by their FastAGI port)."""
        status = self.status()
        ports = {n.config.agi.port: i for i, n in enumerate(self.nodes)}
        return {
            node["id"]: ports[int(node["agi"].rpartition(":")[2])]
            for node in status["nodes"]
            if node["kind"] == "serve" and node["alive"]
        }

    def status(self) -> dict:  # type: ignore[type-arg]
        result = run_cli("cluster", "status", "--json", env=self.worker_env)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    def metrics(self, index: int) -> list[dict]:  # type: ignore[type-arg]
        path = self.nodes[index].metrics_path
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line]


@pytest.fixture(scope="module")
def cluster(config: Config, sandbox: Sandbox, postgres_cluster: TestCluster) -> Iterator[Cluster]:
    _, url = postgres_cluster.new_database()
    base = config.agi.port
    shared = {
        "CALLBOT_STORAGE__DATABASE_URL": url,
        "CALLBOT_STORAGE__RECORDINGS": str(config.storage.root / "recordings-cluster"),
        "CALLBOT_CLUSTER__HEARTBEAT_SECONDS": "0.5",
        "CALLBOT_CLUSTER__LEASE_SECONDS": str(LEASE),
        "CALLBOT_STORAGE__SWEEP_SECONDS": "3",
        "CALLBOT_CLUSTER__TRANSCRIBE": "false",
        "CALLBOT_AGI__NODES": f"127.0.0.1:{base + 2} 127.0.0.1:{base + 3}",
    }
    nodes = []
    for index in range(2):
        env = {
            **shared,
            "CALLBOT_AGI__PORT": str(base + 2 + index),
            "CALLBOT_MEDIA__PORT": str(base + 10 + index),  # each node's AudioSocket server
            "CALLBOT_CLUSTER__NODE": f"node{index + 1}",
            "CALLBOT_CLUSTER__METRICS_PORT": str(base + 30 + index),
        }
        node_config = load_config(environ={**_env(), **env})
        nodes.append(ServeProcess(node_config, name=f"cluster-node{index + 1}", env=env))
    worker_env = {**shared, "CALLBOT_CLUSTER__NODE": "worker1"}
    store = open_store(nodes[0].config)
    built = Cluster(
        nodes[0].config, store, nodes, worker_env, config.storage.root / "cluster-worker1.log"
    )
    try:
        for node in nodes:
            node.start()
        built.start_worker()
        assert wait_until(lambda: len(built.status()["nodes"]) >= 3, 60), built.status()
        yield built
    finally:
        for node in nodes:
            node.stop()
        if built.worker is not None:
            built.worker.terminate()
            built.worker.wait(30)
        store.tickets.transactions.dispose()


@pytest.fixture
def sim(cluster: Cluster, config: Config, ami: AmiClient) -> Iterator[Simulator]:
    for node in cluster.nodes:
        node.start()  # a test may have killed one
    cluster.start_worker()
    with Simulator(
        cluster.config,
        cluster.store.tickets,
        load_prompt_library(config),
        ami,
        variables=cluster.variables(),
    ) as simulator:
        yield simulator


def ticket_of(cluster: Cluster, linkedid: str) -> TicketRecord | None:
    return cluster.store.tickets.by_linkedid(linkedid) if linkedid else None


def test_calls_spread_over_both_nodes_and_the_worker_transcribes(
    cluster: Cluster, sim: Simulator, answers: tuple[Path, ...]
) -> None:
    calls = [
        SimCall(answers=answers, caller_number=f"09111111{i:02d}", ready=True) for i in range(4)
    ]
    results = sim.run(calls, stagger=0.5)
    ids = cluster.node_ids()
    served = set()
    for result in results:
        assert result.error is None, result.as_dict()
        ticket = result.ticket
        assert ticket is not None and ticket.outcome == "complete" and ticket.status == "new"
        assert all(a.transcription == "done" and a.asr_model for a in ticket.answers)
        row = cluster.store.tickets.get(ticket.id)
        served.add(ids.get(_node_of(cluster, row.id), -1))
    assert served <= {0, 1}
    # Both nodes took calls (new calls start at the nodes in turn; the
    # node-affinity of a call keeps its route and callbot scripts on one node).
    assert len(served) == 2
    status = cluster.status()
    kinds = sorted(n["kind"] for n in status["nodes"] if n["alive"])
    assert kinds == ["serve", "serve", "worker"]
    worker = next(n for n in status["nodes"] if n["kind"] == "worker")
    assert worker["workers"] >= 1
    assert status["backlog"]["pending"] == 0
    port = cluster.nodes[0].config.cluster.metrics_port
    body = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    assert "callbot_route_decisions_total" in body and "callbot_calls_in_flight" in body
    assert 'callbot_node_up{kind="serve"} 1.0' in body


def _node_of(cluster: Cluster, ticket_id: int) -> str:
    from callbot.tickets.models import Ticket

    with cluster.store.tickets.transactions.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        return ticket.node or ""


def test_a_node_killed_mid_call(
    cluster: Cluster, sim: Simulator, answers: tuple[Path, ...], events: EventLog
) -> None:
    call = SimCall(answers=answers, caller_number="0922000001", max_seconds=45)
    started = time.monotonic()
    token, report = sim.start_call(call)
    assert wait_until(lambda: bool(report.linkedid), 30)

    def answered() -> bool:
        ticket = ticket_of(cluster, report.linkedid)
        return ticket is not None and len(ticket.answers) >= 1

    assert wait_until(answered, 60), "the call never stored an answer"
    holder = _node_of(cluster, ticket_of(cluster, report.linkedid).id)  # type: ignore[union-attr]
    index = cluster.node_ids()[holder]
    kept = len(ticket_of(cluster, report.linkedid).answers)  # type: ignore[union-attr]
    cluster.nodes[index].kill()  # SIGKILL: no goodbye, no "stopped" row
    killed = time.monotonic()
    # The caller is not left in silence: the dialplan sends them to the operators' queue.
    assert events.wait_for("QueueCallerJoin", timeout=15, Linkedid=report.linkedid), (
        "the caller of the killed node never reached the queue"
    )

    def finished() -> bool:
        ticket = ticket_of(cluster, report.linkedid)
        return ticket is not None and ticket.status != "in_call"

    assert wait_until(finished, LEASE + 20), "no node finished the dead node's ticket"
    took = time.monotonic() - killed
    ticket = ticket_of(cluster, report.linkedid)
    assert ticket is not None
    assert (ticket.outcome, ticket.end_reason) == ("ended_early", "interrupted")
    assert len(ticket.answers) >= kept  # nothing lost (the journal may add the next one)
    assert _node_of(cluster, ticket.id) != holder  # finished by another node
    assert took < LEASE + 15, took
    # Its answers are transcribed by the worker, and it becomes ready for operators.
    assert wait_until(
        lambda: (t := ticket_of(cluster, report.linkedid)) is not None and t.status == "new", 90
    )
    # New calls while the node is dead: the dialplan tries the next node at once.
    results = sim.run(
        [SimCall(answers=answers, caller_number=f"092200001{i}", hangup_after=1) for i in range(3)],
        stagger=0.5,
    )
    live = 1 - index
    for result in results:
        assert result.error is None, result.as_dict()
        assert result.ticket is not None
        assert cluster.node_ids().get(_node_of(cluster, result.ticket.id)) == live
    waits = [m["failover_ms"] for m in cluster.metrics(live) if m["kind"] == "route"]
    assert waits and max(waits[-3:]) < 1000, waits  # a refused connection costs milliseconds
    sim.finish_call(token, call, started)


def test_a_node_that_does_not_answer_costs_a_caller_the_connect_timeout_once(
    cluster: Cluster, sim: Simulator, answers: tuple[Path, ...]
) -> None:
    # A machine that is gone: SYNs go unanswered (a listening socket whose accept queue is
    # full drops them), so Asterisk waits its connect timeout, then tries the next node.
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(0)
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(hole.getsockname())
        fillers.append(filler)
    time.sleep(0.2)
    dead = f"agi://127.0.0.1:{hole.getsockname()[1]}"
    try:
        calls = [
            SimCall(
                answers=answers,
                caller_number=f"093300000{i}",
                hangup_after=1,
                variables=tuple(cluster.variables(dead, cluster.agi(0)).items()),
            )
            for i in range(6)
        ]
        results = sim.run(calls, stagger=0.5)
    finally:
        for sock in (*fillers, hole):
            sock.close()
    for result in results:
        assert result.error is None, result.as_dict()  # no call dead-ended
        assert result.ticket is not None
    routes = [m for m in cluster.metrics(0) if m["kind"] == "route"][-6:]
    waited = sorted(m["failover_ms"] for m in routes)
    slow = [w for w in waited if w >= 1000]
    assert all(1500 <= w <= 2600 for w in slow), waited  # Asterisk's 2 s, no more
    assert len(slow) >= 2, f"calls start at the nodes in turn: {waited}"  # half of them, or so
    # Once per call: the callbot script goes to the node that answered the route, so no call
    # waits twice (a call that did would hear its first prompt 4 s later than one that never
    # waited, not 2 s).
    heard = [r.report.after_menu for r in results if r.report.after_menu is not None]
    if len(slow) < len(waited):
        assert max(heard) - min(heard) < 3.5, (heard, waited)


def test_postgresql_restarted_mid_call_loses_nothing(
    cluster: Cluster, sim: Simulator, answers: tuple[Path, ...], postgres_cluster: TestCluster
) -> None:
    calls = [SimCall(answers=answers, caller_number=f"094400000{i}") for i in range(3)]
    placed = []
    for call in calls:
        placed.append((call, *sim.start_call(call), time.monotonic()))
        time.sleep(0.5)

    def all_answered_once() -> bool:
        tickets = [ticket_of(cluster, report.linkedid) for _, _, report, _ in placed]
        return all(t is not None and len(t.answers) >= 1 for t in tickets)

    assert wait_until(all_answered_once, 60)
    server = postgres_cluster.server
    server.stop_server("fast")
    time.sleep(10)  # the calls go on: answers into their journals
    server.start_server()
    results = [sim.finish_call(token, call, started) for call, token, _, started in placed]
    for result in results:
        assert result.report.answers_spoken == 3, result.as_dict()

    def stored_whole() -> bool:
        tickets = [ticket_of(cluster, r.report.linkedid) for r in results]
        return all(t is not None and len(t.answers) == 3 and t.status == "new" for t in tickets)

    assert wait_until(stored_whole, 120), [ticket_of(cluster, r.report.linkedid) for r in results]
    for result in results:
        ticket = ticket_of(cluster, result.report.linkedid)
        assert ticket is not None
        assert (ticket.outcome, ticket.end_reason) == ("complete", "completed")  # not taken over
        assert [a.step for a in ticket.answers] == ["name", "address", "need"]


def test_a_wrong_database_url_refuses_to_serve_and_says_why(
    cluster: Cluster, postgres_cluster: TestCluster
) -> None:
    server = postgres_cluster.server
    wrong_password = f"postgresql://callbot:wrong@127.0.0.1:{server.port}/callbot_template"
    missing = server.url("no_such_database")
    for url, why in (
        (wrong_password, "password authentication failed"),
        (missing, 'database "no_such_database" does not exist'),
        ("postgres//nope", "not a SQLAlchemy database URL"),
    ):
        env = {**cluster.worker_env, "CALLBOT_STORAGE__DATABASE_URL": url}
        for command in ("serve", "worker"):
            result = run_cli(command, env=env, timeout=60)
            assert result.returncode == 2, (command, url, result.stderr)
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("callbot: "), result.stderr
            assert why in lines[0] and "wrong" not in lines[0] and server.password not in lines[0]
