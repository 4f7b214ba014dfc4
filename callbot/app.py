"""Wiring: builds the parts a running server needs from the configuration.

``build_app`` is the only place that knows how the pieces fit: the ticket store, the operators'
side of it (for the phone service), the rendered prompts, the dialog script, the AMI queue
monitor and the metrics sink. Routes receive the
:class:`App` and use what they need. ``build_speech`` loads the speech model and makes what
depends on it: the transcription pool, and the script with the spoken answers that model can
hear (the app's script takes keys only until then, see :meth:`App.listen`).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from callbot.config import Config
from callbot.dialog.spoken import for_language, restrict_to_vocabulary
from callbot.dialog.steps import OVERFLOW, Script
from callbot.errors import ConfigError, PromptError, SetupError
from callbot.intake.recorder import CallRecorder
from callbot.operators.stores import Operators, open_operators
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.routing.units import load_units
from callbot.speech.prompts import PromptLibrary, load_prompts, rendered_dir
from callbot.speech.tts import synthesize_text
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.repository import TicketRepository
from callbot.tickets.settle import Settler, Understood
from callbot.understanding.ticket import HeardAnswer, understand

if TYPE_CHECKING:
    from callbot.speech.asr import VoskRecognizer
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
    # Set with the model too: decodes spoken answers to closed questions on the call path.
    recognizer: VoskRecognizer | None = None
    operators: Operators | None = None  # the phone service's (build_app sets it)

    def listen(self, speech: Speech) -> None:
        """The speech model is loaded: calls from now on may answer closed questions aloud."""
        self.recognizer = speech.recognizer
        self.script = speech.script

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


def build_settler(config: Config) -> Settler:
    """How tickets become ready: understood by the parsers, routed by ``routing.units_file``,
    merged into an open ticket of the same callback number within ``routing``'s window.

    Reads and checks the units file now, so a broken one fails at start (ConfigError)."""
    routing = config.routing
    units = load_units(routing.units_file if str(routing.units_file) not in ("", ".") else None)

    def understand_rows(rows: Sequence[tuple[int, str, int, str | None, list[Any]]]) -> Understood:
        return understand([HeardAnswer(*row) for row in rows], units)

    window = (
        timedelta(hours=routing.repeat_window_hours) if routing.repeat_window_hours > 0 else None
    )
    return Settler(understand_rows, window)


def open_tickets(config: Config) -> TicketRepository:
    """Migrate the database to the current schema and return the ticket repository."""
    engine = make_engine(config.storage.effective_database_url)
    upgrade(engine)
    return TicketRepository(session_factory(engine), settler=build_settler(config))


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


def build_speech(config: Config, tickets: TicketRepository, script: Script | None = None) -> Speech:
    """Load the speech model ``asr.model`` chooses and build what depends on it.

    Loads the model now, once per process (every recognizer shares it): raises
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
        tickets,
        lambda: VoskRecognizer(path),
        config.asr.effective_workers,
        config.storage.recordings_dir,
        max_attempts=config.asr.max_attempts,
        grammars=listening.grammars(),
    )
    return Speech(recognizer, listening, pool, tuple(problems))


def build_transcription(
    config: Config, tickets: TicketRepository, script: Script | None = None
) -> TranscriptionPool:
    """The transcription pool on the speech model ``asr.model`` chooses, not started."""
    return build_speech(config, tickets, script).pool


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
    script = configured_script(config)
    for language in prompts.prompt_set.spoken:  # a bad [spoken] table fails now, not later
        for_language(script, language, prompts.prompt_set.spoken, str(config.prompts.file))
    config.storage.recordings_dir.mkdir(parents=True, exist_ok=True)
    return App(
        config=config,
        tickets=open_tickets(config),
        prompts=prompts,
        script=script.keys_only(),  # until the speech model is loaded (App.listen)
        monitor=monitor,
        metrics=Metrics(metrics_path),
        speaker=Speaker(config),
        operators=open_operators(config),
    )
