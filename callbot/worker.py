"""``callbot worker``: transcription workers only, so a site adds speech machines apart from the
machines on the call path.

A worker node opens the shared database (migrated; a wrong ``storage.database_url`` stops it
here, saying why), registers in the cluster (:mod:`callbot.cluster.nodes`, kind ``worker``),
loads the speech model (a missing one stops it, saying which) and runs ``asr.workers`` decoding
threads (one per core by default) over the durable job queue: the jobs every serve node
enqueues, taken with ``SKIP LOCKED``, the answers of callers still on the line first. It reads
the recordings under ``storage.recordings`` as Asterisk wrote them: on another machine that
directory is a shared mount (NFS) at the same path. Every heartbeat it writes that it is alive,
finishes the calls of dead nodes and hands their jobs back, like a serve node; with
``cluster.metrics_port`` it serves Prometheus metrics. SIGTERM and SIGINT let the answers being
decoded finish (up to a grace period), then hand back the rest.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from callbot.app import build_speech, open_store, watch_database
from callbot.cluster.nodes import NodeRegistry, run_until_signalled
from callbot.cluster.takeover import Takeover
from callbot.config import Config
from callbot.errors import StorageError
from callbot.metrics import Metrics

log = logging.getLogger(__name__)


class Worker:
    """A transcription-only node."""

    def __init__(self, config: Config) -> None:
        self.config = config
        cluster = config.cluster
        self.store = open_store(config)
        self.metrics = Metrics()
        watch_database(self.store, self.metrics)
        self.node = NodeRegistry(
            self.store.tickets.transactions,
            name=cluster.node_name("worker", config.agi.port),
            kind="worker",
            lease=timedelta(seconds=cluster.lease_seconds),
            metrics=f"{cluster.metrics_host}:{cluster.metrics_port}"
            if cluster.metrics_port
            else None,
        )
        # The model first: a machine without it must not look like a worker to the others.
        self.speech = build_speech(
            config, self.store.jobs, worker_id=f"{self.node.id}:asr", poll_interval=0.2
        )
        self.node.register()
        self.takeover = Takeover(
            self.store.tickets,
            self.store.settler,
            self.store.jobs,
            self.node,
            config.storage.recordings_dir,
        )
        self._stop = threading.Event()

    @property
    def size(self) -> int:
        """Decoding threads."""
        return self.speech.pool.size

    def start(self) -> None:
        """Start the decoding threads, the metrics and the heartbeat; returns at once."""
        self.speech.pool.start()
        cluster = self.config.cluster
        if cluster.metrics_port:
            where = self.metrics.serve(cluster.metrics_host, cluster.metrics_port, "worker")
            log.info("metrics on http://%s:%d/metrics", *where)
        threading.Thread(target=self._pulse, name="heartbeat", daemon=True).start()
        log.info(
            "worker node %s: %d decoding thread(s) on the jobs of %s",
            self.node.id,
            self.size,
            self.config.storage.recordings_dir,
        )

    def _pulse(self) -> None:
        interval = self.config.cluster.heartbeat_seconds
        while not self._stop.is_set():
            if not self.node.beat(0, self.size):
                self.metrics.collectors.heartbeat_failures.inc()
            else:
                try:
                    finished = self.takeover.sweep()
                    if finished:
                        self.metrics.collectors.taken_over.inc(finished)
                    backlog = self.store.jobs.backlog()
                    self.metrics.backlog(
                        backlog.pending, backlog.running, backlog.live, backlog.oldest_seconds
                    )
                except StorageError as exc:
                    log.error("taking over the calls of dead nodes failed: %s", exc)
            self._stop.wait(interval)

    def stop(self, grace: float = 10.0) -> None:
        """Let the answers being decoded finish (up to ``grace`` s), hand back the rest, write
        that this node stopped."""
        self._stop.set()
        self.speech.pool.stop(timeout=grace)
        self.node.stop()
        self.metrics.close()
        log.info("worker stopped")

    def serve_forever(self) -> None:
        """Start, run until SIGTERM or SIGINT, then stop."""
        run_until_signalled(self.start, self.stop, self._stop)
