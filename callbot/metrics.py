"""A node's figures: timing lines for the benchmarks, and Prometheus metrics for monitoring.

Two outputs of one :class:`Metrics`:

- ``callbot serve --metrics FILE`` appends one JSON line per figure (route decisions, turn
  gaps, read-back waits, spoken-answer waits); ``callbot bench calls`` reads them back. Without
  a file nothing is written.
- every figure also updates this node's Prometheus collectors (a registry of its own), served
  at ``http://<cluster.metrics_host>:<cluster.metrics_port>/metrics`` when a port is set
  (:meth:`Metrics.serve`; loopback by default). docs/capacity.md names the alerts that matter.

The collectors: calls in flight, route decisions by destination, source and reason, the
caller's waits (turn gaps, read-back and spoken-answer waits) as histograms, the transcription
backlog and the age of its oldest due job, database errors, AMI reconnects, calls of dead nodes
taken over, heartbeats that failed. Nothing here is caller data: times, counts and outcomes.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

WAIT_BUCKETS = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 13.0)
WAITS = ("turn_gap", "readback_wait", "spoken_wait")


class Collectors:
    """This node's Prometheus collectors, in a registry of their own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.calls = Gauge("callbot_calls_in_flight", "Calls this node serves now", registry=r)
        self.routes = Counter(
            "callbot_route_decisions",
            "Route decisions of callers who pressed 2",
            ["destination", "source", "reason"],
            registry=r,
        )
        self.waits = Histogram(
            "callbot_caller_wait_seconds",
            "What a caller waits between their last word and the next prompt",
            ["kind"],
            buckets=WAIT_BUCKETS,
            registry=r,
        )
        self.failover = Histogram(
            "callbot_agi_failover_seconds",
            "What a new caller waited on nodes that did not answer before this one",
            buckets=(0.01, 0.1, 0.5, 1.0, 2.0, 2.5, 4.0, 6.0),
            registry=r,
        )
        self.backlog = Gauge(
            "callbot_transcription_backlog", "Transcription jobs by state", ["state"], registry=r
        )
        self.oldest = Gauge(
            "callbot_transcription_oldest_job_seconds",
            "Age of the oldest transcription job due and not taken (0: none)",
            registry=r,
        )
        self.db_errors = Counter(
            "callbot_database_errors", "Errors the ticket database raised", registry=r
        )
        self.ami_reconnects = Counter(
            "callbot_ami_reconnects", "AMI logins after the first one", registry=r
        )
        self.taken_over = Counter(
            "callbot_calls_taken_over", "Calls of dead nodes this node finished", registry=r
        )
        self.heartbeat_failures = Counter(
            "callbot_heartbeat_failures", "Heartbeats this node could not write", registry=r
        )
        self.up = Gauge("callbot_node_up", "1 while this node runs", ["kind"], registry=r)


@dataclass
class Metrics:
    """Figures for the benchmark (JSON lines when a file is given) and for Prometheus."""

    path: Path | None = None
    collectors: Collectors = field(default_factory=Collectors)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: Any = None

    def record(self, kind: str, **values: Any) -> None:
        """One figure of ``kind`` with ``values`` (numbers and short words): appended to the
        file if there is one, and counted by the collectors."""
        self._collect(kind, values)
        if self.path is None:
            return
        line = json.dumps({"kind": kind, "t": time.time(), **values})
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")

    def _collect(self, kind: str, values: dict[str, Any]) -> None:
        c = self.collectors
        if kind == "route":
            c.routes.labels(
                str(values.get("destination", "")),
                str(values.get("source", "")),
                str(values.get("reason", "")),
            ).inc()
            c.failover.observe(float(values.get("failover_ms", 0)) / 1000)
        elif kind in WAITS and isinstance(values.get("seconds"), int | float):
            c.waits.labels(kind).observe(float(values["seconds"]))

    def calls_from(self, count: Callable[[], int]) -> None:
        """Read the calls in flight from ``count()`` at every scrape."""
        self.collectors.calls.set_function(lambda: float(count()))

    def backlog(self, pending: int, running: int, live: int, oldest: float | None) -> None:
        """The transcription backlog as last read from the database."""
        c = self.collectors
        c.backlog.labels("pending").set(pending)
        c.backlog.labels("running").set(running)
        c.backlog.labels("live").set(live)
        c.oldest.set(oldest or 0.0)

    def serve(self, host: str, port: int, kind: str) -> tuple[str, int]:
        """Serve ``/metrics`` on ``host``:``port`` (0: any free port) in a thread; the address."""
        self.collectors.up.labels(kind).set(1)
        server, _ = start_http_server(port, addr=host, registry=self.collectors.registry)
        self._server = server
        bound = server.server_address
        return str(bound[0]), int(bound[1])

    def close(self) -> None:
        """Stop serving ``/metrics``."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
