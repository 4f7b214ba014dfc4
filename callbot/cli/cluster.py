"""``callbot worker``, ``callbot cluster status`` and ``callbot run --nodes N --database D``: a
cluster of callbot machines, and one on this machine to see it work.

``run --nodes 2 --database postgresql`` starts a throwaway PostgreSQL
(:class:`~callbot.sandbox.postgres.ThrowawayPostgres`, removed at the end), the sandbox with a
dialplan that tries both nodes (``agi.nodes``), two ``callbot serve`` processes (nodes
``node1``, ``node2``, FastAGI on ``agi.port`` and the next ports, metrics from
``cluster.metrics_port`` or 9573 on, no transcription threads of their own), one ``callbot
worker`` (``worker1``), the console and the public form, each process logging to
``storage/cluster/<name>.log``.
A node that dies is reported and the others go on (that is the point); Ctrl-C (or SIGTERM) stops
everything and removes the throwaway PostgreSQL; the sandbox stays up, as after ``callbot run``
(``callbot sandbox down`` stops it).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from callbot.cli.common import mask_url, print_result
from callbot.config import Config, as_environ

log = logging.getLogger(__name__)

METRICS_BASE = 9573  # `run --nodes`: the first process's metrics port when none is set


def cmd_worker(config: Config, args: argparse.Namespace) -> int:
    """``callbot worker``: transcription workers only, until SIGTERM or SIGINT."""
    from callbot.worker import Worker

    Worker(config).serve_forever()
    return 0


def cmd_cluster(config: Config, args: argparse.Namespace) -> int:
    """``callbot cluster status``: nodes, their calls, workers, the transcription backlog."""
    from datetime import timedelta

    from callbot.app import open_store
    from callbot.cluster.status import cluster_status, status_text

    store = open_store(config)
    lease = timedelta(seconds=config.cluster.lease_seconds)
    status = cluster_status(store.tickets.transactions, lease)
    print_result(status, args.json, status_text(status))
    return 0


@dataclasses.dataclass
class Child:
    """One process of the local cluster."""

    name: str
    command: str  # serve | worker
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    reported: bool = False

    def start(self) -> None:
        """Spawn it, its output appended to its log."""
        with self.log_path.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "callbot.cli", self.command],
                env={**os.environ, **self.env},
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 20 s."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def local_cluster(config: Config, nodes: int, database_url: str) -> tuple[Config, list[Child]]:
    """The configuration every process shares, and the processes: ``nodes`` serve nodes (no
    transcription threads) and one worker."""
    base = config.agi.port
    shared = config.replace(
        agi=dataclasses.replace(
            config.agi, nodes=" ".join(f"127.0.0.1:{base + i}" for i in range(nodes))
        ),
        storage=dataclasses.replace(config.storage, database_url=database_url),
    )
    logs = config.storage.root / "cluster"
    logs.mkdir(parents=True, exist_ok=True)
    metrics = config.cluster.metrics_port or METRICS_BASE
    env = as_environ(shared)
    children = []
    for i in range(nodes):
        name = f"node{i + 1}"
        own = {
            "CALLBOT_AGI__PORT": str(base + i),
            # each node's AudioSocket server, after every node's FastAGI port
            "CALLBOT_MEDIA__PORT": str(base + nodes + i),
            "CALLBOT_CLUSTER__NODE": name,
            "CALLBOT_CLUSTER__METRICS_PORT": str(metrics + i),
            "CALLBOT_CLUSTER__TRANSCRIBE": "false",
        }
        children.append(Child(name, "serve", {**env, **own}, logs / f"{name}.log"))
    worker = {
        "CALLBOT_CLUSTER__NODE": "worker1",
        "CALLBOT_CLUSTER__METRICS_PORT": str(metrics + nodes),
    }
    children.append(Child("worker1", "worker", {**env, **worker}, logs / "worker1.log"))
    return shared, children


def run_cluster(config: Config, nodes: int, database: str) -> int:
    """``callbot run --nodes N --database D``: the cluster on this machine until Ctrl-C."""
    from callbot.app import open_tickets
    from callbot.console.runner import ConsoleProcess
    from callbot.public.runner import IntakeProcess
    from callbot.sandbox import Sandbox
    from callbot.sandbox.postgres import ThrowawayPostgres

    postgres = None
    with contextlib.ExitStack() as stack:
        url = config.storage.effective_database_url
        if database == "postgresql":
            directory = Path(tempfile.gettempdir()) / "callbot-pg" / f"run-{config.sandbox.name}"
            postgres = ThrowawayPostgres(directory, config.sandbox.postgres_port)
            postgres.start()
            stack.callback(postgres.stop)
            url = postgres.create_database("callbot")
        shared, children = local_cluster(config, nodes, url)
        open_tickets(shared)  # migrate once, before the processes start
        status = Sandbox(shared).up()
        console = ConsoleProcess(shared)
        console.start()
        stack.callback(console.stop)
        intake = IntakeProcess(shared)
        intake.start()
        stack.callback(intake.stop)
        for child in children:
            child.start()
            stack.callback(child.stop)
        print(_banner(shared, status, children, postgres is not None), flush=True)
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):  # SIGINT may be ignored in background
            signal.signal(signum, lambda *_: stop.set())
        try:
            while not stop.wait(1):
                for child in children:
                    code = child.process.poll() if child.process else None
                    if code is not None and not child.reported:
                        child.reported = True
                        print(
                            f"{child.name} exited ({code}); the cluster goes on without it "
                            f"(see {child.log_path})",
                            flush=True,
                        )
        finally:
            print("stopping the cluster...", flush=True)
    return 0


def _banner(config: Config, status: dict[str, Any], children: list[Child], pg: bool) -> str:
    sip = f"{status['sip']['host']}:{status['sip']['port']}"
    lines = [
        "",
        "callbot cluster is running.",
        f"  sandbox Asterisk   SIP {sip}; its dialplan tries {config.agi.nodes}",
        f"  tickets            {mask_url(config.storage.effective_database_url)}"
        + (" (throwaway PostgreSQL, removed at the end)" if pg else ""),
    ]
    for child in children:
        port = child.env.get("CALLBOT_AGI__PORT")
        where = f"FastAGI 127.0.0.1:{port}, " if child.command == "serve" else ""
        metrics = child.env["CALLBOT_CLUSTER__METRICS_PORT"]
        lines.append(
            f"  {child.name:<18} {child.command}: {where}metrics "
            f"http://127.0.0.1:{metrics}/metrics, log {child.log_path}"
        )
    lines += [
        f"  operators' console http://{config.console.host}:{config.console.port}/",
        f"  citizens' form     http://{config.intake.host}:{config.intake.port}/",
        "",
        "In another shell, to reach this cluster's database:",
        f"  export CALLBOT_STORAGE__DATABASE_URL='{config.storage.effective_database_url}'",
        "Place test calls: .venv/bin/callbot call simulate --caller 0901234567",
        "See the cluster:  .venv/bin/callbot cluster status",
        "Kill a node (kill -9 its pid, see `cluster status`): new calls go to the other one, its",
        "call in progress goes to the operators' queue and its ticket is finished by another.",
        "Stop with Ctrl-C.",
    ]
    return "\n".join(lines)


def add_parsers(sub: Any) -> None:
    """worker and cluster."""
    p = sub.add_parser("worker", help="transcription workers only (a speech machine)")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("cluster", help="the nodes sharing this database")
    p.add_argument("action", choices=["status"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_cluster)
