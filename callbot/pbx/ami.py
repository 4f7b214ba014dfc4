"""Our AMI client: one session kept alive across connections, actions from any thread.

Decided in issue 10: we own the socket. asterisk-ami 0.1.7, which we used to wrap, has flaws
we had to work around: its 3 s socket ``timeout`` stays on for reading, so a quiet queue ended
its listener thread; errors before the banner escaped that thread; ``AutoReconnect`` logs in
again but rebuilds no state; its action ids are a plain counter and its ``FutureResponse``
uses ``notifyAll`` (an error under ``-W error``) and an unimported ``traceback``; its parsing
drops repeated keys; its ``send`` may write part of a message. Our wrapper overrode its
``connect``, ``listen``, ``send`` and ``fire_recv_pack`` and reached into its ``_socket``: five
internals that any release could change. A hundred-odd lines of socket code of our own are
simpler: :mod:`callbot.pbx.ami_protocol` (pure framing: UTF-8 out, CR or LF in a value refused
with :class:`AmiError`; bytes in, the banner and messages out, decoded with
``errors="replace"``), :mod:`callbot.pbx.ami_link` (one TCP connection; the reader blocks in
``recv`` however quiet the line; an error before the banner ends the connection cleanly; whole
writes with a send timeout), :mod:`callbot.pbx.ami_session` (one login; ActionIDs matched to
answers, each wait bounded; a keepalive ``Ping`` every ``keepalive`` seconds, answered within
``action_timeout``, finds a dead peer).

Here :class:`AmiClient` hands out ActionIDs from a locked counter (actions may be sent from any
thread), keeps the handlers, and runs a supervisor thread that reconnects with exponential
backoff up to ``reconnect_max_delay`` and calls the ``on_connected`` handlers after every
login, so users rebuild their state (Asterisk replays no events). Event handlers run on the
connection's reader thread, in wire order: they must return quickly, never wait for an action.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable, Mapping

from callbot.config import AmiConfig
from callbot.errors import AmiError
from callbot.pbx.ami_protocol import originate_fields
from callbot.pbx.ami_session import AmiSession

log = logging.getLogger(__name__)

EventHandler = Callable[[dict[str, str]], None]
ConnectedHandler = Callable[[], None]

_FIRST_RETRY_DELAY = 0.2  # seconds before the first reconnect attempt; doubles up to the max


class AmiClient:
    """A self-healing AMI session: actions from any thread, events to handlers, reconnects."""

    def __init__(  # noqa: PLR0917  (the documented signature takes the settings positionally)
        self,
        host: str,
        port: int,
        username: str,
        secret: str,
        action_timeout: float = 5.0,
        reconnect_max_delay: float = 5.0,
        keepalive: float = 2.0,
    ) -> None:
        if action_timeout <= 0:
            raise AmiError(f"AMI action_timeout must be positive, not {action_timeout}")
        self.host = host
        self.port = port
        self.username = username
        self._secret = secret
        self.action_timeout = action_timeout
        self.reconnect_max_delay = max(reconnect_max_delay, _FIRST_RETRY_DELAY)
        self.keepalive = keepalive  # seconds between Pings; 0 or less: no keepalive
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._open_lock = threading.Lock()
        self._session: AmiSession | None = None
        self._generation = 0
        self._ids = itertools.count(1)
        self._event_handlers: list[EventHandler] = []
        self._connected_handlers: list[ConnectedHandler] = []
        self._closing = threading.Event()
        self._supervisor: threading.Thread | None = None
        self._last_error = "not connected yet"

    @classmethod
    def from_config(cls, config: AmiConfig) -> AmiClient:
        """A client with the ``ami`` settings (not connected yet)."""
        return cls(
            config.host,
            config.port,
            config.username,
            config.secret,
            action_timeout=config.action_timeout,
            reconnect_max_delay=config.reconnect_max_delay,
        )

    @property
    def where(self) -> str:
        """``host:port`` of the AMI server, as messages name it."""
        return f"{self.host}:{self.port}"

    @property
    def connected(self) -> bool:
        """Logged in on a live connection."""
        with self._lock:
            return self._alive_locked()

    @property
    def generation(self) -> int:
        """How many logins succeeded so far: changes on every (re)connect."""
        with self._lock:
            return self._generation

    @property
    def last_error(self) -> str:
        """Why the client is not connected, or the last connection was lost ("" when connected)."""
        return self._last_error

    def next_action_id(self) -> str:
        """A fresh ActionID for this client (thread-safe)."""
        with self._lock:
            return f"callbot-{next(self._ids)}"

    def add_event_handler(self, handler: EventHandler) -> None:
        """Call ``handler(fields)`` for every event, on the listener thread, in wire order.

        ``fields`` is a fresh dict of the event's fields, "Event" included. Events answering a
        list action (with its ActionID) are delivered too, before :meth:`collect` returns.
        """
        with self._lock:
            self._event_handlers.append(handler)

    def remove_event_handler(self, handler: EventHandler) -> None:
        """Stop calling ``handler`` for events (nothing if it was not added)."""
        with self._lock, contextlib.suppress(ValueError):
            self._event_handlers.remove(handler)

    def add_connected_handler(self, handler: ConnectedHandler) -> None:
        """Call ``handler()`` after each successful login (first connect and reconnects)."""
        with self._lock:
            self._connected_handlers.append(handler)

    def remove_connected_handler(self, handler: ConnectedHandler) -> None:
        """Stop calling ``handler`` after logins (nothing if it was not added)."""
        with self._lock, contextlib.suppress(ValueError):
            self._connected_handlers.remove(handler)

    def start(self) -> None:
        """Connect in the background and keep reconnecting until :meth:`close` (non-blocking)."""
        if self._closing.is_set():
            raise AmiError("this AMI client is closed; create a new one")
        with self._lock:
            if self._supervisor is not None and self._supervisor.is_alive():
                return
            self._supervisor = threading.Thread(
                target=self._supervise, name=f"ami-supervisor-{self.where}", daemon=True
            )
            self._supervisor.start()

    def connect(self, timeout: float | None = None) -> None:
        """Connect and log in now, or raise :class:`AmiError` saying why; then keep it up."""
        timeout = self.action_timeout if timeout is None else timeout
        if self.connected:
            return
        supervisor = self._supervisor
        if supervisor is not None and supervisor.is_alive():
            if not self.wait_connected(timeout):
                raise AmiError(
                    f"AMI at {self.where} not connected after {timeout:g} s: {self._last_error}"
                )
            return
        try:
            self._open(timeout)
        except AmiError as exc:
            self._last_error = str(exc)
            raise
        self.start()

    def wait_connected(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` s (None: for ever) for a live login; whether there is one."""
        with self._changed:
            return self._changed.wait_for(self._alive_locked, timeout)

    def close(self) -> None:
        """Log off, stop reconnecting and end the threads. The client cannot be reused."""
        self._closing.set()
        with self._changed:
            session, self._session = self._session, None
            self._changed.notify_all()
        if session is not None:
            session.logoff()
            session.abort("client closed")
        supervisor = self._supervisor
        if supervisor is not None and supervisor is not threading.current_thread():
            supervisor.join(2 * self.action_timeout + 1)
        if session is not None:
            session.join(1.0)

    def action(self, name: str, **fields: str) -> dict[str, str]:
        """Send one action and return its response fields.

        Raises :class:`AmiError` on ``Response: Error`` (with its Message), on no answer within
        ``action_timeout``, or when the connection is down or drops.
        """
        return self._require_session().request(name, fields).response or {}

    def collect(
        self, name: str, complete_event: str, timeout: float | None = None, **fields: str
    ) -> list[dict[str, str]]:
        """Send a list action and return the events answering it, ``complete_event`` last.

        The action gets its own ActionID (or the ``ActionID`` field given); events carrying it
        are gathered until ``complete_event`` (``QueueStatus`` ends with
        ``QueueStatusComplete``). ``timeout`` (default ``action_timeout``) bounds the whole list.
        """
        session = self._require_session()
        return session.request(name, fields, complete_event=complete_event, timeout=timeout).events

    def originate(
        self,
        channel: str,
        *,
        application: str | None = None,
        data: str | None = None,
        context: str | None = None,
        exten: str | None = None,
        priority: str = "1",
        caller_id: str | None = None,
        variables: Mapping[str, str] | None = None,
        timeout_ms: int = 30000,
        async_: bool = True,
        action_id: str | None = None,
    ) -> dict[str, str]:
        """Originate a call to ``channel``, connected to an application or a dialplan place.

        With ``async_`` (the default) Asterisk answers at once and reports the outcome later
        in an ``OriginateResponse`` event carrying the returned ``ActionID``. Without it, the
        answer waits for the call (up to ``timeout_ms`` plus ``action_timeout``). Give
        ``action_id`` to know the ActionID before the action is sent: an event handler may see
        the ``OriginateResponse`` before this method returns.
        """
        fields = originate_fields(
            channel,
            application=application,
            data=data,
            context=context,
            exten=exten,
            priority=priority,
            caller_id=caller_id,
            timeout_ms=timeout_ms,
            async_=async_,
            action_id=action_id,
        )
        wait = self.action_timeout + (0 if async_ else timeout_ms / 1000)
        session = self._require_session()
        pending = session.request("Originate", fields, variables=variables, timeout=wait)
        log.debug("originate %s: %s", channel, (pending.response or {}).get("Message", ""))
        return pending.response or {}

    def _alive_locked(self) -> bool:
        return self._session is not None and not self._session.closed.is_set()

    def _require_session(self) -> AmiSession:
        with self._lock:
            session = self._session
        if session is None or session.closed.is_set():
            raise AmiError(f"AMI at {self.where} is not connected ({self._last_error})")
        return session

    def _open(self, timeout: float) -> None:
        """Connect and log in; on success the new session becomes current and handlers run."""
        with self._open_lock:
            if self._closing.is_set():
                raise AmiError("this AMI client is closed")
            if self.connected:  # another thread got there first
                return
            session = AmiSession(
                self.host,
                self.port,
                action_timeout=self.action_timeout,
                new_action_id=self.next_action_id,
                on_event=self._deliver,
                on_closed=self._session_closed,
            )
            session.login(self.username, self._secret, timeout)
            with self._changed:
                if self._closing.is_set():
                    session.abort("client closed")
                    raise AmiError("this AMI client is closed")
                self._session = session
                self._generation += 1
                generation = self._generation
                handlers = list(self._connected_handlers)
                self._changed.notify_all()
        self._last_error = ""
        log.info(
            "AMI %s to %s as %s (Asterisk Call Manager %s, session %d)",
            "connected" if generation == 1 else "reconnected",
            self.where,
            self.username,
            session.version,
            generation,
        )
        for handler in handlers:
            try:
                handler()
            except Exception:
                log.exception("AMI on_connected handler %r failed", handler)

    def _deliver(self, fields: dict[str, str]) -> None:
        with self._lock:
            handlers = list(self._event_handlers)
        for handler in handlers:
            try:
                handler(dict(fields))
            except Exception:
                log.exception("AMI event handler %r failed on %s", handler, fields.get("Event"))

    def _session_closed(self, session: AmiSession) -> None:
        with self._changed:
            if self._session is session:
                self._last_error = f"connection lost: {session.reason}"
            self._changed.notify_all()

    def _supervise(self) -> None:
        delay = _FIRST_RETRY_DELAY
        with self._lock:
            attempt_now = self._session is None  # start(): the first attempt at once
        while not self._closing.is_set():
            with self._lock:
                session = self._session
            if session is not None:
                if not session.closed.is_set():
                    session.keep_alive(self.keepalive, self._closing)
                    continue
                self._forget(session)
                delay, attempt_now = _FIRST_RETRY_DELAY, False
            if not attempt_now:
                if self._closing.wait(delay):
                    break
                delay = min(delay * 2, self.reconnect_max_delay)
            attempt_now = False
            try:
                self._open(self.action_timeout)
            except AmiError as exc:
                self._last_error = str(exc)
                if not self._closing.is_set():
                    log.warning("%s; retrying in %.1f s", exc, delay)
            else:
                delay = _FIRST_RETRY_DELAY

    def _forget(self, session: AmiSession) -> None:
        with self._changed:
            if self._session is session:
                self._session = None
            self._changed.notify_all()
        session.join(1.0)
        if not self._closing.is_set():
            log.warning("AMI connection to %s lost (%s); reconnecting", self.where, session.reason)
