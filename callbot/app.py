"""Wiring: builds the parts a running server needs from the configuration.

This is the only module that knows how the pieces fit. :func:`open_store` opens the ticket
database (migrated) with its job queue and the settle step; :func:`build_app` adds the
rendered prompts, the dialog script, the AMI queue monitor, runtime text-to-speech and the
operators' stores, and :meth:`App.routes` hands each FastAGI script only the parts it needs.
:func:`build_speech` loads the speech model and makes what depends on it: the transcription
pool, and the script with the spoken answers that model can hear (calls take keys only until
it is attached to :class:`~callbot.transcription.listening.Listening`).
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event

from callbot.calls import Handler, make_routes
from callbot.calls.callbot import Callbot
from callbot.calls.route import Router
from callbot.calls.service import PhoneService
from callbot.config import Config
from callbot.dialog.spoken import for_language, restrict_to_vocabulary
from callbot.dialog.steps import OVERFLOW, Script
from callbot.errors import ConfigError
from callbot.metrics import Metrics
from callbot.operators.stores import Operators, open_operators
from callbot.pbx.audiosocket import MediaServer
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.routing.settle import Settler, configured_settler
from callbot.speech.prompts import PromptLibrary, load_prompts, rendered_dir
from callbot.speech.speaker import Speaker
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.repository import TicketRepository
from callbot.transcription.jobs import JobQueue
from callbot.transcription.listening import Listening

if TYPE_CHECKING:
    from callbot.speech.asr import VoskRecognizer
    from callbot.tickets.transactions import Transactions
    from callbot.transcription.worker import TranscriptionPool

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Store:
    """The ticket database as the call path uses it: tickets, their transcription jobs, and
    the settle step that makes them ready."""

    tickets: TicketRepository
    jobs: JobQueue
    settler: Settler


def build_settler(config: Config, transactions: Transactions) -> Settler:
    """How tickets become ready: understood by the parsers, routed by ``routing.units_file``,
    merged into an open ticket of the same callback number within ``routing``'s window.

    Reads and checks the units file now, so a broken one fails at start (ConfigError)."""
    return configured_settler(config, transactions)


def open_store(config: Config) -> Store:
    """Migrate the database to the current schema; the tickets, the job queue, the settler."""
    engine = make_engine(config.storage.effective_database_url)
    upgrade(engine)
    tickets = TicketRepository(session_factory(engine))
    settler = build_settler(config, tickets.transactions)
    return Store(tickets, JobQueue(tickets.transactions, settler), settler)


def open_call_store(config: Config) -> Store:
    """The store as a call writes it: on an engine of its own whose writes wait at most
    ``storage.call_write_seconds`` for a lock, never retried, so a database that cannot be
    written turns into the call's journal (kept beside its recordings, stored later) instead of
    a silence for the caller. Opens the database :func:`open_store` has migrated."""
    engine = make_engine(
        config.storage.effective_database_url,
        lock_wait_ms=int(config.storage.call_write_seconds * 1000),
    )
    tickets = TicketRepository(session_factory(engine), retries=1)
    settler = build_settler(config, tickets.transactions)
    return Store(tickets, JobQueue(tickets.transactions, settler), settler)


def open_tickets(config: Config) -> TicketRepository:
    """Migrate the database to the current schema and return the ticket repository."""
    return open_store(config).tickets


@dataclass(frozen=True)
class Speech:
    """What the loaded speech model makes possible."""

    recognizer: VoskRecognizer  # shares the model with every worker
    script: Script  # the dialog, with the spoken answers this model can hear
    pool: TranscriptionPool  # not started
    problems: tuple[str, ...] = ()  # spoken phrases the model cannot hear (also logged)


def configured_script(config: Config) -> Script:
    """The overflow dialog with the configured timeouts, spoken answers as declared."""
    return dataclasses.replace(
        OVERFLOW,
        digit_timeout_ms=int(config.dialog.key_timeout_seconds * 1000),
        transcript_wait_seconds=config.dialog.transcript_wait_seconds,
        readback_below=config.dialog.readback_below,
        resume_seconds=config.dialog.resume_seconds,
    )


def listening_script(
    config: Config, script: Script, recognizer: VoskRecognizer
) -> tuple[Script, list[str]]:
    """``script`` with the spoken phrases of the model's language that are in its vocabulary.

    The language is the model's (known models and the stand-in), else the prompt file's.
    Phrases the model cannot hear are logged here, at start, naming the words and the model.
    """
    from callbot.speech.model_files import model_language  # noqa: PLC0415

    prompt_set = load_prompts(config.prompts.file)
    language = model_language(recognizer.model_path) or prompt_set.language
    script = for_language(script, language, prompt_set.spoken, str(config.prompts.file))
    script, problems = restrict_to_vocabulary(script, recognizer.knows, recognizer.model_name)
    for step in script.steps:
        if step.spoken:
            log.info(
                "step %s also takes spoken answers (model %s, language %s): %s",
                step.name,
                recognizer.model_name,
                language,
                ", ".join(f"{phrase!r}={key}" for phrase, key in step.spoken),
            )
    return script, problems


def watch_database(store: Store, metrics: Metrics) -> None:
    """Count the ticket database's errors in ``metrics`` (the engine's error events)."""
    engine = store.tickets.transactions.engine
    if engine is not None:
        event.listen(engine, "handle_error", lambda context: metrics.collectors.db_errors.inc())


def build_speech(
    config: Config,
    jobs: JobQueue,
    script: Script | None = None,
    *,
    workers: int | None = None,
    worker_id: str | None = None,
    poll_interval: float = 0.2,
) -> Speech:
    """Load the speech model ``asr.model`` chooses and build what depends on it.

    ``workers``: transcription threads (default ``asr.workers``; 0: none, the pool only waits
    for texts that workers elsewhere write); ``worker_id``: what their jobs' ``locked_by``
    starts with (the node's id); ``poll_interval``: how often idle workers look for jobs other
    nodes enqueued. Loads the model now, once per process (every recognizer
    shares it): raises
    :class:`~callbot.errors.ModelError` (an ``AsrError``) when it is missing or broken. The
    pool decodes every closed answer with the same grammar as the call path does, so an
    answer transcribed again (by hand, or recovered from a journal) reads the same.
    """
    # vosk, numpy and soxr load only in processes that transcribe
    from callbot.speech.asr import VoskRecognizer  # noqa: PLC0415
    from callbot.speech.model_files import resolve_model  # noqa: PLC0415
    from callbot.transcription.worker import TranscriptionPool  # noqa: PLC0415

    path = resolve_model(config.asr)
    recognizer = VoskRecognizer(path)  # load the shared model now, so a broken one fails here
    listening, problems = listening_script(config, script or configured_script(config), recognizer)
    pool = TranscriptionPool(
        jobs,
        lambda: VoskRecognizer(path),
        config.asr.effective_workers if workers is None else workers,
        config.storage.recordings_dir,
        max_attempts=config.asr.max_attempts,
        grammars=listening.grammars(),
        stale_after=config.asr.stale_seconds,
        heartbeat_interval=min(5.0, config.asr.stale_seconds / 3),
        nice=config.asr.nice,
        worker_id=worker_id,
        poll_interval=poll_interval,
    )
    return Speech(recognizer, listening, pool, tuple(problems))


def build_transcription(config: Config, jobs: JobQueue) -> TranscriptionPool:
    """The transcription pool on the speech model ``asr.model`` chooses, not started."""
    return build_speech(config, jobs).pool


def load_prompt_library(config: Config) -> PromptLibrary:
    """The prompt file and where its rendered audio is."""
    prompt_set = load_prompts(config.prompts.file)
    return PromptLibrary(prompt_set, rendered_dir(config.prompts.rendered, config.prompts.file))


@dataclass
class App:
    """Everything the FastAGI scripts of one ``callbot serve`` share."""

    config: Config
    store: Store
    calls: Store  # the same database, as the calls write it (open_call_store)
    prompts: PromptLibrary
    script: Script  # keys only: the dialog until the speech model listens
    operators: Operators
    monitor: QueueMonitor | None = None
    metrics: Metrics = field(default_factory=Metrics)
    speaker: Speaker | None = None
    listening: Listening = field(default_factory=Listening)
    media: MediaServer | None = None  # the calls' audio streams (media.enabled)
    node: str = "-"  # this node's id (nodes.id), set before the routes are made

    @property
    def recordings(self) -> Path:
        """The recordings root (``storage.recordings_dir``), where the calls' answers go."""
        return self.config.storage.recordings_dir

    def listen(self, speech: Speech) -> None:
        """The speech model is loaded and its pool started: calls from now on may answer
        closed questions aloud, and their answers are transcribed as they come."""
        self.listening.attach(speech.pool, speech.recognizer, speech.script)

    def routes(self) -> dict[str, Handler]:
        """The route table, each script with the parts it needs."""
        config = self.config
        router = Router(self.monitor, config.queue.max_waiting, self.metrics)
        bot = Callbot(
            tickets=self.calls.tickets,
            settler=self.calls.settler,
            recordings=self.recordings,
            prompts=self.prompts,
            dialog=config.dialog,
            script=self.script,
            listening=self.listening,
            monitor=self.monitor,
            speaker=self.speaker,
            metrics=self.metrics,
            media=self.media,
            node=self.node,
        )
        phone = PhoneService(
            self.operators, self.prompts, self.recordings, config.callback, config.service
        )
        return make_routes(router, bot, phone)


def build_app(
    config: Config,
    *,
    monitor: QueueMonitor | None = None,
    metrics_path: Path | None = None,
    check_prompts: bool = True,
) -> App:
    """The parts of ``callbot serve``, checked: prompts rendered, database migrated."""
    prompts = load_prompt_library(config)
    if check_prompts:
        prompts.check()
    missing = OVERFLOW.prompt_keys() - set(prompts.prompt_set.keys())
    if missing:
        raise ConfigError(f"prompts.file {config.prompts.file} lacks {sorted(missing)}")
    script = configured_script(config)
    for language in prompts.prompt_set.spoken:  # a bad [spoken] table fails now, not later
        for_language(script, language, prompts.prompt_set.spoken, str(config.prompts.file))
    config.storage.recordings_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(config)
    return App(
        config=config,
        store=store,
        calls=open_call_store(config),
        prompts=prompts,
        script=script.keys_only(),
        operators=open_operators(config),
        monitor=monitor,
        metrics=Metrics(metrics_path),
        speaker=Speaker(config),
    )
