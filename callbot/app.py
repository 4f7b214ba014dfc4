"""Wiring: builds the parts a running server needs from the configuration.

``build_app`` is the only place that knows how the pieces fit: the ticket store, the rendered
prompts, the dialog script, the AMI queue monitor and the metrics sink. Routes receive the
:class:`App` and use what they need.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callbot.config import Config
from callbot.dialog.steps import OVERFLOW, Script
from callbot.errors import ConfigError
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.speech.prompts import PromptLibrary, load_prompts, rendered_dir
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.repository import TicketRepository

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


@dataclass
class App:
    """Everything a route may use."""

    config: Config
    tickets: TicketRepository
    prompts: PromptLibrary
    script: Script
    monitor: QueueMonitor | None = None
    metrics: Metrics = field(default_factory=Metrics)

    @property
    def recordings(self) -> Path:
        return self.config.storage.recordings_dir


def open_tickets(config: Config) -> TicketRepository:
    """Migrate the database to the current schema and return the ticket repository."""
    engine = make_engine(config.storage.effective_database_url)
    upgrade(engine)
    return TicketRepository(session_factory(engine))


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
        script=OVERFLOW,
        monitor=monitor,
        metrics=Metrics(metrics_path),
    )
