"""Our AMI client: asterisk-ami 0.1.7 behind a thin wrapper that keeps one session alive.

The library does the socket, the banner and the message framing on its listener thread. Its
flaws, and what this module does about them (REFERENCE.md):

- its socket keeps the 3 s ``timeout`` for reading, so a quiet queue ends the listener thread
  after 3 s. Here only connecting and each action wait is bounded; the listener blocks in
  ``recv`` until data arrives or the connection closes, and a keepalive ``Ping`` every
  ``keepalive`` seconds (answered within ``action_timeout``) detects a dead peer;
- errors before the banner escape its listener thread; here they end the connection cleanly;
- ``AutoReconnect`` logs in again but rebuilds no state; here a supervisor thread reconnects
  with exponential backoff up to ``reconnect_max_delay`` and calls the ``on_connected``
  handlers after every login, so users rebuild their state (Asterisk replays no events);
- its action ids are a plain counter and its ``FutureResponse`` uses ``notifyAll`` (deprecated,
  an error under ``-W error``) and an unimported ``traceback``; here ActionIDs come from a
  locked counter and answers are matched on this side, so actions may be sent from any thread;
- ``send`` may write part of a message; here ``sendall`` under a lock, with a send timeout.

Text goes out as UTF-8 and comes back decoded with ``errors="replace"``. The framing (action
text out, message fields in) is pure and lives in :mod:`callbot.pbx.ami_protocol`; a field
value with CR or LF would inject headers, so it is refused there with :class:`AmiError`.

Threads: one listener per connection (runs the event handlers, in wire order; they must return
quickly and must not wait for an action), one supervisor (reconnects, pings, runs the
``on_connected`` handlers), and the callers of :meth:`AmiClient.action`.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import socket
import struct
import threading
from collections.abc import Callable, Mapping
from typing import Any

from asterisk.ami import AMIClient

from callbot.config import AmiConfig
from callbot.errors import AmiError
from callbot.pbx.ami_protocol import format_action, message_kind, parse_message

log = logging.getLogger(__name__)

EventHandler = Callable[[dict[str, str]], None]
ConnectedHandler = Callable[[], None]

_FIRST_RETRY_DELAY = 0.2  # seconds before the first reconnect attempt; doubles up to the max


class _Pending:
    """One action waiting for its answer (and, for list actions, its events)."""

    def __init__(self, action: str, complete_event: str | None) -> None:
        self.action = action
        self.complete_event = complete_event.casefold() if complete_event else None
        self.response: dict[str, str] | None = None
        self.events: list[dict[str, str]] = []
        self.error: str | None = None  # the Message of a "Response: Error"
        self.lost: str | None = None  # why the connection ended before the answer
        self.completed = False
        self.done = threading.Event()

    def on_response(self, fields: dict[str, str]) -> None:
        self.response = fields
        if fields.get("Response", "").casefold() == "error":
            self.error = fields.get("Message") or "Asterisk answered Error without a message"
            self.done.set()
        elif self.complete_event is None or self.completed:
            self.done.set()

    def on_event(self, fields: dict[str, str]) -> None:
        self.events.append(fields)
        if fields.get("Event", "").casefold() == self.complete_event:
            self.completed = True
            if self.response is not None:
                self.done.set()

    def fail(self, reason: str) -> None:
        if not self.done.is_set():
            self.lost = reason
            self.done.set()


class _Link(AMIClient):  # type: ignore[misc]  # asterisk-ami ships no type hints
    """One AMI connection: the library's client with its socket handling fixed."""

    def __init__(self, owner: AmiClient, connect_timeout: float) -> None:
        super().__init__(
            address=owner.host, port=owner.port, timeout=connect_timeout, buffer_size=65536
        )
        self._owner = owner
        self.where = f"{owner.host}:{owner.port}"
        self.banner = threading.Event()
        self.closed = threading.Event()
        self.reason = ""
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._pending: dict[str, _Pending] = {}
        self._lib_error: BaseException | None = None
        self.add_listener(on_connect=self._on_banner, on_disconnect=self._on_lib_disconnect)

    @property
    def version(self) -> str:
        return str(self._ami_version or "?")

    def start(self) -> None:
        """Connect (bounded by the connect timeout) and start the listener thread."""
        try:
            self.connect()
        except OSError as exc:
            self.closed.set()
            raise AmiError(
                f"cannot connect to AMI at {self.where}: {exc.strerror or exc} "
                "(is Asterisk running, with the manager enabled on that address?)"
            ) from None

    def connect(self) -> None:
        # Replaces the library's connect, which leaves its 3 s timeout on the socket for good.
        sock = socket.create_connection((self._address, self._port), timeout=self._timeout)
        sock.settimeout(None)  # the listener's recv waits as long as the line is quiet
        with contextlib.suppress(OSError, AttributeError):  # a stuck peer must not block sends
            seconds = max(self._owner.action_timeout, 0.001)
            timeval = struct.pack("ll", int(seconds), int((seconds % 1) * 1_000_000))
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, timeval)
        self._socket = sock
        self.finished = threading.Event()
        self._thread = threading.Thread(
            target=self.listen, name=f"ami-listener-{self.where}", daemon=True
        )
        self._thread.start()

    def listen(self) -> None:
        error: BaseException | None = None
        try:
            super().listen()
        except Exception as exc:  # before the banner the library lets errors escape
            error = exc
        finally:
            self.finished.set()
            with contextlib.suppress(OSError):
                self._socket.close()
            self._ended(error or self._lib_error)

    def send(self, pack: Any) -> None:
        # The library's own senders write with socket.send, which may send part of a message.
        self.send_text(f"{pack}\r\n")

    def send_text(self, text: str) -> None:
        data = text.encode(self.encoding)
        with self._send_lock:
            self._socket.sendall(data)

    def fire_recv_pack(self, pack: str) -> None:
        # Replaces the library's parsing (it drops repeated keys and makes ChanVariable a dict).
        fields = parse_message(pack)
        kind = message_kind(fields)
        action_id = fields.get("ActionID", "")
        if kind == "response":
            with self._lock:
                pending = self._pending.get(action_id)
                if pending is not None:
                    pending.on_response(fields)
                    if pending.done.is_set():
                        del self._pending[action_id]
        elif kind == "event":
            self._owner._deliver(fields)  # handlers first: a collect returns after them
            if action_id:
                with self._lock:
                    pending = self._pending.get(action_id)
                    if pending is not None and pending.complete_event is not None:
                        pending.on_event(fields)
                        if pending.done.is_set():
                            del self._pending[action_id]
        else:
            log.debug("AMI %s: ignoring a message that is neither response nor event", self.where)

    def register(self, action_id: str, pending: _Pending) -> None:
        with self._lock:
            if self.closed.is_set():
                raise AmiError(f"AMI connection to {self.where} is closed ({self.reason})")
            if action_id in self._pending:
                raise AmiError(f"AMI ActionID {action_id!r} is already waiting for an answer")
            self._pending[action_id] = pending

    def unregister(self, action_id: str) -> None:
        with self._lock:
            self._pending.pop(action_id, None)

    def abort(self, reason: str) -> None:
        """End the connection; the listener thread closes the socket and fails the waiters."""
        if not self.reason:
            self.reason = reason
        if self.finished is not None:
            self.finished.set()
        sock = self._socket
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def join(self, timeout: float) -> None:
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _on_banner(self, source: Any, **_: Any) -> None:
        self.banner.set()

    def _on_lib_disconnect(self, source: Any, error: BaseException | None = None) -> None:
        self._lib_error = error

    def _ended(self, error: BaseException | None) -> None:
        if not self.reason:
            if not self.banner.is_set():
                self.reason = "no 'Asterisk Call Manager' banner (is this an AMI port?)"
            elif error is None or isinstance(error, StopIteration):
                self.reason = "closed by Asterisk"
            else:
                self.reason = str(error) or type(error).__name__
        with self._lock:
            self.closed.set()
            waiting = list(self._pending.values())
            self._pending.clear()
        for pending in waiting:
            pending.fail(
                f"AMI connection to {self.where} closed before {pending.action} was answered "
                f"({self.reason})"
            )
        self._owner._link_closed(self)


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
        self._link: _Link | None = None
        self._generation = 0
        self._ids = itertools.count(1)
        self._event_handlers: list[EventHandler] = []
        self._connected_handlers: list[ConnectedHandler] = []
        self._closing = threading.Event()
        self._supervisor: threading.Thread | None = None
        self._last_error = "not connected yet"

    @classmethod
    def from_config(cls, config: AmiConfig) -> AmiClient:
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
        with self._lock, contextlib.suppress(ValueError):
            self._event_handlers.remove(handler)

    def add_connected_handler(self, handler: ConnectedHandler) -> None:
        """Call ``handler()`` after each successful login (first connect and reconnects)."""
        with self._lock:
            self._connected_handlers.append(handler)

    def remove_connected_handler(self, handler: ConnectedHandler) -> None:
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
        with self._changed:
            return self._changed.wait_for(self._alive_locked, timeout)

    def close(self) -> None:
        """Log off, stop reconnecting and end the threads. The client cannot be reused."""
        self._closing.set()
        with self._changed:
            link, self._link = self._link, None
            self._changed.notify_all()
        if link is not None:
            with contextlib.suppress(OSError, AmiError):
                link.send_text(format_action("Logoff", {"ActionID": self.next_action_id()}))
            link.abort("client closed")
        supervisor = self._supervisor
        if supervisor is not None and supervisor is not threading.current_thread():
            supervisor.join(2 * self.action_timeout + 1)
        if link is not None:
            link.join(1.0)

    def action(self, name: str, **fields: str) -> dict[str, str]:
        """Send one action and return its response fields.

        Raises :class:`AmiError` on ``Response: Error`` (with its Message), on no answer within
        ``action_timeout``, or when the connection is down or drops.
        """
        pending = self._request(self._require_link(), name, fields)
        return pending.response or {}

    def collect(
        self, name: str, complete_event: str, timeout: float | None = None, **fields: str
    ) -> list[dict[str, str]]:
        """Send a list action and return the events answering it, ``complete_event`` last.

        The action gets its own ActionID (or the ``ActionID`` field given); events carrying it
        are gathered until ``complete_event`` (``QueueStatus`` ends with
        ``QueueStatusComplete``). ``timeout`` (default ``action_timeout``) bounds the whole list.
        """
        link = self._require_link()
        return self._request(
            link, name, fields, complete_event=complete_event, timeout=timeout
        ).events

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
        if application is not None and (context is not None or exten is not None):
            raise AmiError("originate: give application= or context=/exten=, not both")
        if application is None and (context is None or exten is None):
            raise AmiError("originate: needs application=, or both context= and exten=")
        fields = {
            "Channel": channel,
            "Timeout": str(timeout_ms),
            "Async": "true" if async_ else "false",
        }
        if action_id is not None:
            fields["ActionID"] = action_id
        if application is not None:
            fields["Application"] = application
            if data is not None:
                fields["Data"] = data
        else:
            fields.update(Context=str(context), Exten=str(exten), Priority=priority)
        if caller_id is not None:
            fields["CallerID"] = caller_id
        wait = self.action_timeout + (0 if async_ else timeout_ms / 1000)
        pending = self._request(
            self._require_link(), "Originate", fields, variables=variables, timeout=wait
        )
        log.debug("originate %s: %s", channel, (pending.response or {}).get("Message", ""))
        return pending.response or {}

    # -- internals ------------------------------------------------------------------------

    def _alive_locked(self) -> bool:
        return self._link is not None and not self._link.closed.is_set()

    def _require_link(self) -> _Link:
        with self._lock:
            link = self._link
        if link is None or link.closed.is_set():
            raise AmiError(f"AMI at {self.where} is not connected ({self._last_error})")
        return link

    def _exchange(
        self,
        link: _Link,
        name: str,
        fields: Mapping[str, str],
        *,
        variables: Mapping[str, str] | None = None,
        complete_event: str | None = None,
        timeout: float | None = None,
    ) -> _Pending:
        """Send and wait. Raises on timeout or loss; an Error answer is left in ``.error``."""
        timeout = self.action_timeout if timeout is None else timeout
        fields = dict(fields)
        action_id = fields.setdefault("ActionID", self.next_action_id())
        text = format_action(name, fields, variables)  # refuses CR/LF before anything is sent
        pending = _Pending(name, complete_event)
        link.register(action_id, pending)
        try:
            link.send_text(text)
        except OSError as exc:
            link.unregister(action_id)
            link.abort(f"send failed: {exc}")
            raise AmiError(f"AMI connection to {link.where} failed sending {name}: {exc}") from None
        if not pending.done.wait(timeout):
            link.unregister(action_id)
            raise AmiError(
                f"AMI action {name} got no answer from {link.where} within {timeout:g} s"
            )
        if pending.lost is not None:
            raise AmiError(pending.lost)
        return pending

    def _request(
        self,
        link: _Link,
        name: str,
        fields: Mapping[str, str],
        *,
        variables: Mapping[str, str] | None = None,
        complete_event: str | None = None,
        timeout: float | None = None,
    ) -> _Pending:
        pending = self._exchange(
            link,
            name,
            fields,
            variables=variables,
            complete_event=complete_event,
            timeout=timeout,
        )
        if pending.error is not None:
            raise AmiError(f"AMI action {name} failed: {pending.error}")
        return pending

    def _open(self, timeout: float) -> None:
        """Connect and log in; on success the new link becomes current and handlers run."""
        with self._open_lock:
            if self._closing.is_set():
                raise AmiError("this AMI client is closed")
            if self.connected:  # another thread got there first
                return
            link = _Link(self, timeout)
            link.start()
            try:
                if not link.banner.wait(timeout) or link.closed.is_set():
                    reason = link.reason or f"no banner within {timeout:g} s"
                    raise AmiError(f"AMI at {self.where} did not greet us: {reason}")
                login = {"Username": self.username, "Secret": self._secret}
                try:
                    pending = self._exchange(link, "Login", login, timeout=timeout)
                except AmiError as exc:
                    raise AmiError(f"AMI login to {self.where} failed: {exc}") from None
                if pending.error is not None:
                    raise AmiError(
                        f"AMI login to {self.where} as {self.username!r} refused: "
                        f"{pending.error} (check ami.username and ami.secret, and the user's "
                        "permit/deny lines in manager.conf)"
                    )
            except AmiError:
                link.abort("login failed")
                link.join(1.0)
                raise
            with self._changed:
                if self._closing.is_set():
                    link.abort("client closed")
                    raise AmiError("this AMI client is closed")
                self._link = link
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
            link.version,
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

    def _link_closed(self, link: _Link) -> None:
        with self._changed:
            if self._link is link:
                self._last_error = f"connection lost: {link.reason}"
            self._changed.notify_all()

    def _supervise(self) -> None:
        delay = _FIRST_RETRY_DELAY
        attempt_now = self._current_link() is None  # start(): the first attempt at once
        while not self._closing.is_set():
            link = self._current_link()
            if link is not None:
                if not link.closed.is_set():
                    self._watch(link)
                    continue
                self._forget(link)
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

    def _current_link(self) -> _Link | None:
        with self._lock:
            return self._link

    def _forget(self, link: _Link) -> None:
        with self._changed:
            if self._link is link:
                self._link = None
            self._changed.notify_all()
        link.join(1.0)
        if not self._closing.is_set():
            log.warning("AMI connection to %s lost (%s); reconnecting", self.where, link.reason)

    def _watch(self, link: _Link) -> None:
        """Until the link ends: Ping every ``keepalive`` seconds; no answer drops the link."""
        while not self._closing.is_set():
            if link.closed.wait(self.keepalive if self.keepalive > 0 else 1.0):
                return
            if self.keepalive <= 0 or self._closing.is_set():
                continue
            try:
                self._request(link, "Ping", {})
            except AmiError as exc:
                if not link.closed.is_set() and not self._closing.is_set():
                    log.warning(
                        "AMI keepalive to %s failed (%s); dropping the connection", self.where, exc
                    )
                    link.abort(f"keepalive failed: {exc}")
                    link.closed.wait(self.action_timeout)
                return
