"""``callbot serve``: FastAGI server, AudioSocket server, AMI queue monitor, transcription pool,
the sweepers.

Starts in this order, failing early with a clear message: configuration, rendered prompts,
database (migrated to the current schema: a wrong ``storage.database_url`` stops here, saying
why), this node's row in the cluster (:mod:`callbot.cluster.nodes`), AMI (in the background:
the routes decide from the dialplan's counts until the monitor has synced), then the FastAGI
listener and, when ``cluster.metrics_port`` is set, Prometheus metrics on it. The parsers' data
(the gazetteer, the need model) loads in the background, before the first answer needs it. The
speech model loads in the background too: calls are taken at once, and their answers wait
(pending) until the transcription workers start; from then on the read-back also takes spoken
answers (until then, keys only). A model that cannot be loaded is logged as an ERROR and
transcription waits for one; the calls go on. With ``cluster.transcribe`` false the node runs
no transcription thread: ``callbot worker`` processes (here or on other machines) do that work.

Two sweepers run in threads: every heartbeat, this node writes that it is alive and finishes
the calls of dead nodes (:mod:`callbot.cluster.takeover`), and every few seconds the tickets
whose calls Asterisk says are over (:mod:`callbot.cluster.channels`, over AMI); every
``storage.sweep_seconds`` (a minute), it recovers the calls the database missed, closes
tickets left in call too long and settles what is ready. SIGTERM and SIGINT stop accepting
calls and let the calls in progress finish (up to a grace period), then stop the transcription
workers and write that the node stopped.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta
from pathlib import Path

from callbot.app import App, build_app, build_speech, watch_database
from callbot.cluster.channels import ChannelWatch, channels_in_bot
from callbot.cluster.nodes import NodeRegistry, run_until_signalled
from callbot.cluster.takeover import Takeover
from callbot.config import Config
from callbot.errors import CallbotError, StorageError
from callbot.intake.recovery import recover_pending
from callbot.pbx.agi_admission import AdmissionPolicy, parse_addresses
from callbot.pbx.ami import AmiClient
from callbot.pbx.audiosocket import MediaServer
from callbot.pbx.fastagi import FastAgiServer
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.tickets.leases import Leases
from callbot.understanding.registry import warm_up

log = logging.getLogger(__name__)

CHANNELS_EVERY = 5.0  # seconds between two looks at Asterisk's channels
CHANNELS_GRACE = 10.0  # a call looks over this long before another node finishes its ticket


class Server:
    """The running callbot service: one node of the cluster."""

    def __init__(
        self, config: Config, *, metrics_path: Path | None = None, use_ami: bool = True
    ) -> None:
        self.config = config
        self.ami: AmiClient | None = None
        monitor = None
        if use_ami:
            self.ami = AmiClient.from_config(config.ami)
            monitor = QueueMonitor(self.ami, config.queue.name, config.queue.max_waiting)
        self.app: App = build_app(config, monitor=monitor, metrics_path=metrics_path)
        if config.media.enabled:
            self.app.media = MediaServer(config.media.host, config.media.port)
        store, cluster = self.app.store, config.cluster
        self.node = NodeRegistry(
            store.tickets.transactions,
            name=cluster.node_name("serve", config.agi.port),
            kind="serve",
            lease=timedelta(seconds=cluster.lease_seconds),
            agi=f"{config.agi.host}:{config.agi.port}",
            metrics=f"{cluster.metrics_host}:{cluster.metrics_port}"
            if cluster.metrics_port
            else None,
        )
        self.node.register()  # the database answers (build_app migrated it): so does this
        self.app.node = self.node.id
        self.takeover = Takeover(
            store.tickets, store.settler, store.jobs, self.node, self.app.recordings
        )
        self.leases = Leases(store.tickets.transactions)
        agi = config.agi
        self.agi = FastAgiServer(
            agi.host,
            agi.port,
            self.app.routes(),
            max_calls=agi.max_calls,
            admission=AdmissionPolicy(
                pbx_addresses=parse_addresses(agi.pbx_addresses),
                max_per_address=agi.max_per_address,
                max_other=agi.max_other_calls,
            ),
            header_seconds=agi.header_seconds,
        )
        metrics = self.app.metrics
        metrics.calls_from(lambda: self.agi.active_calls)
        watch_database(store, metrics)
        if self.ami is not None:
            ami = self.ami
            ami.add_connected_handler(
                lambda: metrics.collectors.ami_reconnects.inc() if ami.generation > 1 else None
            )
        self._stop = threading.Event()
        self._watch = ChannelWatch(grace=max(CHANNELS_GRACE, 2 * cluster.heartbeat_seconds))
        self._channels_at = 0.0  # monotonic time of the next look at Asterisk's channels

    def start(self) -> None:
        """Start AMI (it connects in the background) and the heartbeat, load the parsers, open
        the FastAGI listener and the metrics, then start the sweeper and the loading of the
        speech model in threads. If any of it fails (the port taken, a parser that does not
        load), what started is stopped (the node is written stopped) and the error raised.

        The parsers load before the listener opens: loading them holds the interpreter for up
        to a second at a time on a busy 2-core machine, and a call taken meanwhile sends its
        caller no audio for that long. Asterisk ends an AudioSocket that is silent both ways
        for 2 s, so the first callers after a restart were dropped to the queue in the
        greeting. Until the listener opens, Asterisk's connection is refused at once and the
        dialplan sends callers on, as for a node that is down: to the next node, and to the
        operators' queue when none takes the call."""
        try:
            self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> None:
        if self.ami is not None:
            self.ami.start()
        if self.app.media is not None:
            self.app.media.start()
        # Heartbeats from now on: other nodes must not count this one dead while it loads.
        threading.Thread(target=self._pulse, name="heartbeat", daemon=True).start()
        started = time.monotonic()
        warm_up()
        log.info("parsers loaded in %.1f s", time.monotonic() - started)
        self.agi.start()
        host, port = self.agi.address
        cluster = self.config.cluster
        if cluster.metrics_port:
            where = self.app.metrics.serve(cluster.metrics_host, cluster.metrics_port, "serve")
            log.info("metrics on http://%s:%d/metrics", *where)
        log.info(
            "node %s: FastAGI listening on %s:%d; AMI %s:%d; queue %s",
            self.node.id,
            host,
            port,
            self.config.ami.host,
            self.config.ami.port,
            self.config.queue.name,
        )
        threading.Thread(target=self._sweep, name="sweeper", daemon=True).start()
        threading.Thread(target=self._start_transcription, name="asr-load", daemon=True).start()

    def _start_transcription(self) -> None:
        """Load the speech model and start the workers; never takes the call path down."""
        workers = None if self.config.cluster.transcribe else 0
        try:
            speech = build_speech(
                self.config,
                self.app.store.jobs,
                workers=workers,
                worker_id=f"{self.node.worker_prefix}serve",
            )
            pool = speech.pool
            if self._stop.is_set():
                return
            pool.start()
        except CallbotError as exc:
            log.error(
                "speech recognition unavailable, tickets wait in 'transcribing' for a model "
                "(their answers stay pending and are transcribed once it loads): %s",
                exc,
            )
            return
        except Exception:  # e.g. vosk's native library failing: calls must go on regardless
            log.exception(
                "speech recognition failed to start; tickets wait in 'transcribing' for a model"
            )
            return
        self.app.listen(speech)
        if self._stop.is_set():  # stop() ran while the model was loading
            pool.stop(timeout=0)

    def _pulse(self) -> None:
        """Every heartbeat: write that this node is alive, finish the calls of dead nodes,
        read the transcription backlog for the metrics."""
        metrics = self.app.metrics
        interval = self.config.cluster.heartbeat_seconds
        while not self._stop.is_set():
            pool = self.app.listening.pool
            if not self.node.beat(self.agi.active_calls, pool.size if pool else 0):
                metrics.collectors.heartbeat_failures.inc()
            else:
                try:
                    finished = self.takeover.sweep() + self._calls_over()
                    if finished:
                        metrics.collectors.taken_over.inc(finished)
                        self.app.listening.notify()
                    backlog = self.app.store.jobs.backlog()
                    metrics.backlog(
                        backlog.pending, backlog.running, backlog.live, backlog.oldest_seconds
                    )
                except StorageError as exc:
                    log.error("taking over the calls of dead nodes failed: %s", exc)
            self._stop.wait(interval)

    def _calls_over(self) -> int:
        """Finish the tickets whose calls Asterisk says are over (gone, or out of the bot) for
        a grace period (:mod:`callbot.cluster.channels`), every ``CHANNELS_EVERY`` seconds;
        nothing without AMI. Returns how many this node finished."""
        now = time.monotonic()
        if self.ami is None or not self.ami.connected or now < self._channels_at:
            return 0
        self._channels_at = now + CHANNELS_EVERY
        calls = self.takeover.calls_in_call()
        if not calls:
            return 0
        try:
            events = self.ami.collect("CoreShowChannels", "CoreShowChannelsComplete")
        except CallbotError as exc:  # AMI dropped meanwhile: the next round asks again
            log.warning("could not list Asterisk's channels: %s", exc)
            return 0
        over = self._watch.over(calls, channels_in_bot(events), time.monotonic())
        return sum(self.takeover.channel_gone(uniqueid) for uniqueid in over)

    def _sweep(self) -> None:
        """Every ``storage.sweep_seconds`` (a minute): recover journals, close interrupted calls,
        settle what is ready."""
        limit = timedelta(seconds=self.config.dialog.max_call_seconds)
        store = self.app.store
        while not self._stop.is_set():
            report = recover_pending(
                store.tickets,
                store.settler,
                self.app.recordings,
                limit,
                leases=self.leases,
                holder=self.node.id,
            )
            if report.failed:
                log.warning("%d call(s) still wait for the database", len(report.failed))
            if report.recovered:
                self.app.listening.notify()
            try:
                closed = store.tickets.close_stale(limit)
                if closed:
                    log.warning("closed %d ticket(s) left open by an interrupted call", closed)
                store.settler.settle_waiting()
            except StorageError as exc:
                log.error("stale-ticket sweep failed: %s", exc)
            self._stop.wait(self.config.storage.sweep_seconds)

    def stop(self, grace: float = 10.0) -> None:
        """Stop taking calls, let those in progress finish (up to ``grace`` s), stop the
        transcription workers, write that this node stopped, then close AMI and metrics."""
        self._stop.set()
        self.agi.stop(timeout=grace)
        if self.app.media is not None:
            self.app.media.stop()
        pool = self.app.listening.pool
        if pool is not None:
            pool.stop(timeout=grace)
        self.node.stop()
        if self.ami is not None:
            self.ami.close()
        self.app.metrics.close()
        log.info("callbot stopped")

    def serve_forever(self) -> None:
        """Start, run until SIGTERM or SIGINT, then stop."""
        run_until_signalled(self.start, self.stop, self._stop)
