"""Wiring: builds the parts a running server needs from the configuration.

``build_app`` is the only place that knows how the pieces fit: the ticket store, the rendered
prompts, the dialog script, the AMI queue monitor and the metrics sink. Routes receive the
:class:`App` and use what they need.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from callbot.config import Config
from callbot.dialog.steps import OVERFLOW, Script
from callbot.errors import ConfigError, PromptError, SetupError
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.speech.prompts import PromptLibrary, load_prompts, rendered_dir
from callbot.speech.tts import synthesize_text
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.recorder import CallRecorder
from callbot.tickets.repository import TicketRepository

if TYPE_CHECKING:
    from callbot.transcription.worker import TranscriptionPool

log = logging.getLogger(__name__)


@dataclass
class Metrics:
    """Figures for the benchmark: appended as JSON lines when a file is given."""

    path: Path | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, **values: Any) -> None:
        if self.path is None:
            return
        line = json.dumps({"kind": kind, "t": time.time(), **values})
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


class Speaker:
    """Runtime text-to-speech (read-backs), cached by text under ``storage/tts-cache``.

    With ``prompts.engine = auto`` a failed Google request switches to espeak-ng for ten
    minutes, so a caller never waits for a Google timeout on every read-back.
    """

    BREAKER_SECONDS = 600.0

    def __init__(self, config: Config) -> None:
        self.engine = config.prompts.engine
        self.timeout = min(config.prompts.gtts_timeout, 2.0)
        self.cache = config.storage.root / "tts-cache"
        self._google_down_until = 0.0

    def speak(self, text: str) -> Path | None:
        engine = self.engine
        if engine == "auto" and time.monotonic() < self._google_down_until:
            engine = "espeak"
        try:
            return synthesize_text(text, engine, self.cache, gtts_timeout=self.timeout)
        except PromptError as exc:
            if engine in {"gtts", "espeak"}:
                log.error("text-to-speech failed: %s", exc)
                return None
            self._google_down_until = time.monotonic() + self.BREAKER_SECONDS
            try:
                return synthesize_text(text, "espeak", self.cache)
            except (PromptError, SetupError) as err:
                log.error("text-to-speech failed: %s", err)
                return None
        except SetupError as exc:
            log.error("text-to-speech unavailable: %s", exc)
            return None


@dataclass
class App:
    """Everything a route may use."""

    config: Config
    tickets: TicketRepository
    prompts: PromptLibrary
    script: Script
    monitor: QueueMonitor | None = None
    metrics: Metrics = field(default_factory=Metrics)
    speaker: Speaker | None = None
    # Set by `callbot serve` once the speech model is loaded; None: answers wait, pending.
    transcription: TranscriptionPool | None = None

    def notify_transcription(self) -> None:
        """An answer was stored: wake the transcription workers (if any) now."""
        pool = self.transcription
        if pool is not None:
            pool.notify()

    def transcripts(self, recorder: CallRecorder, step: str, timeout: float) -> str | None:
        """The transcript of a call's latest answer to ``step``, waiting up to ``timeout`` s.

        None when there is none in time: no worker, nothing heard, failed, or still running.
        """
        pool = self.transcription
        answer_id = recorder.answer_id(step)
        if pool is None or answer_id is None:
            return None
        transcript = pool.wait_for([answer_id], timeout).get(answer_id)
        return transcript.text if transcript is not None else None

    @property
    def recordings(self) -> Path:
        return self.config.storage.recordings_dir


def open_tickets(config: Config) -> TicketRepository:
    """Migrate the database to the current schema and return the ticket repository."""
    engine = make_engine(config.storage.effective_database_url)
    upgrade(engine)
    return TicketRepository(session_factory(engine))


def build_transcription(
    config: Config, tickets: TicketRepository, script: Script = OVERFLOW
) -> TranscriptionPool:
    """The transcription pool on the speech model ``asr.model`` chooses, not started.

    Loads the model now, once per process (every worker's recognizer shares it): raises
    :class:`~callbot.errors.ModelError` (an ``AsrError``) when it is missing or broken.
    """
    # vosk, numpy and soxr load only in processes that transcribe
    from callbot.speech.asr import VoskRecognizer  # noqa: PLC0415
    from callbot.speech.models import resolve_model  # noqa: PLC0415
    from callbot.transcription.worker import TranscriptionPool  # noqa: PLC0415

    path = resolve_model(config.asr)
    VoskRecognizer(path)  # load the shared model now, so a broken one fails here
    return TranscriptionPool(
        tickets,
        lambda: VoskRecognizer(path),
        config.asr.effective_workers,
        config.storage.recordings_dir,
        max_attempts=config.asr.max_attempts,
        grammars={step.name: step.grammar for step in script.questions if step.grammar},
    )


def load_prompt_library(config: Config) -> PromptLibrary:
    prompt_set = load_prompts(config.prompts.file)
    return PromptLibrary(prompt_set, rendered_dir(config.prompts.rendered, config.prompts.file))


def build_app(
    config: Config,
    *,
    monitor: QueueMonitor | None = None,
    metrics_path: Path | None = None,
    check_prompts: bool = True,
) -> App:
    prompts = load_prompt_library(config)
    if check_prompts:
        prompts.check()
    missing = OVERFLOW.prompt_keys() - set(prompts.prompt_set.keys())
    if missing:
        raise ConfigError(f"prompts.file {config.prompts.file} lacks {sorted(missing)}")
    config.storage.recordings_dir.mkdir(parents=True, exist_ok=True)
    return App(
        config=config,
        tickets=open_tickets(config),
        prompts=prompts,
        script=dataclasses.replace(
            OVERFLOW,
            digit_timeout_ms=int(config.dialog.key_timeout_seconds * 1000),
            transcript_wait_seconds=config.dialog.transcript_wait_seconds,
        ),
        monitor=monitor,
        metrics=Metrics(metrics_path),
        speaker=Speaker(config),
    )
