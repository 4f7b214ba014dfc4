"""``callbot serve``: FastAGI server, AudioSocket server, AMI queue monitor, transcription pool,
the sweeper.

Starts in this order, failing early with a clear message: configuration, rendered prompts,
database (migrated to the current schema), AMI (in the background: the routes decide from the
dialplan's counts until the monitor has synced), then the FastAGI listener. The speech model
loads in the background too: calls are taken at once, and their answers wait (pending) until
the transcription workers start; from then on the read-back also takes spoken answers (until
then, keys only). A model that cannot be loaded is logged as an ERROR and transcription waits
for one; the calls go on. SIGTERM and SIGINT stop accepting calls and let
the calls in progress finish (up to a grace period), then stop the transcription workers.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timedelta
from pathlib import Path
from types import FrameType

from callbot.app import App, build_app, build_speech
from callbot.config import Config
from callbot.errors import CallbotError, StorageError
from callbot.intake.recovery import recover_pending
from callbot.pbx.agi_admission import AdmissionPolicy, parse_addresses
from callbot.pbx.ami import AmiClient
from callbot.pbx.audiosocket import MediaServer
from callbot.pbx.fastagi import FastAgiServer
from callbot.pbx.queue_monitor import QueueMonitor

log = logging.getLogger(__name__)


class Server:
    """The running callbot service."""

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
        self._stop = threading.Event()

    def start(self) -> None:
        """Start AMI (it connects in the background) and the FastAGI listener, then the sweeper
        and the loading of the speech model in threads of their own; returns at once."""
        if self.ami is not None:
            self.ami.start()
        if self.app.media is not None:
            self.app.media.start()
        self.agi.start()
        host, port = self.agi.address
        log.info(
            "FastAGI listening on %s:%d; AMI %s:%d; queue %s",
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
        try:
            speech = build_speech(self.config, self.app.store.jobs)
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

    def _sweep(self) -> None:
        """Every ``storage.sweep_seconds`` (a minute): recover journals, close interrupted calls,
        settle what is ready."""
        limit = timedelta(seconds=self.config.dialog.max_call_seconds)
        store = self.app.store
        while not self._stop.is_set():
            report = recover_pending(store.tickets, store.settler, self.app.recordings, limit)
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
        transcription workers, then close AMI."""
        self._stop.set()
        self.agi.stop(timeout=grace)
        if self.app.media is not None:
            self.app.media.stop()
        pool = self.app.listening.pool
        if pool is not None:
            pool.stop(timeout=grace)
        if self.ami is not None:
            self.ami.close()
        log.info("callbot stopped")

    def serve_forever(self) -> None:
        """Start, run until SIGTERM or SIGINT, then stop."""
        self.start()

        def on_signal(signum: int, frame: FrameType | None) -> None:
            log.info("signal %d: stopping", signum)
            self._stop.set()

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)
        while not self._stop.wait(1):
            pass
        self.stop()
