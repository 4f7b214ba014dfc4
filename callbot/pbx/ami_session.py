"""One AMI session on one connection: the login, and actions matched to their answers.

:class:`AmiSession` sits between the socket (:class:`~callbot.pbx.ami_link.AmiLink`) and the
client that outlives connections (:class:`~callbot.pbx.ami.AmiClient`). It waits for the banner,
logs in, sends each action with its ActionID and wakes the thread waiting for it when the
``Response`` with that ActionID arrives (for a list action, once its completing event has
arrived too). Every event goes to the ``on_event`` callback first, so a :meth:`request` for a
list returns only after the handlers saw its events. :meth:`AmiSession.keep_alive` pings to
find a dead peer. When the connection ends, every waiter is woken with the reason, then
``on_closed(session)`` runs. Nothing here reconnects.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping

from callbot.errors import AmiError
from callbot.pbx.ami_link import AmiLink
from callbot.pbx.ami_protocol import format_action, message_kind

log = logging.getLogger(__name__)

EventSink = Callable[[dict[str, str]], None]


class Pending:
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
        """The action's ``Response`` arrived (an error ends the wait at once)."""
        self.response = fields
        if fields.get("Response", "").casefold() == "error":
            self.error = fields.get("Message") or "Asterisk answered Error without a message"
            self.done.set()
        elif self.complete_event is None or self.completed:
            self.done.set()

    def on_event(self, fields: dict[str, str]) -> None:
        """An event carrying the action's ActionID; the list's complete event ends the wait."""
        self.events.append(fields)
        if fields.get("Event", "").casefold() == self.complete_event:
            self.completed = True
            if self.response is not None:
                self.done.set()

    def fail(self, reason: str) -> None:
        """The connection ended before the answer: wake the waiter with ``reason``."""
        if not self.done.is_set():
            self.lost = reason
            self.done.set()


class AmiSession:
    """Login and actions on one connection; events to ``on_event``; its end to ``on_closed``."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        action_timeout: float,
        new_action_id: Callable[[], str],
        on_event: EventSink,
        on_closed: Callable[[AmiSession], None],
    ) -> None:
        self.action_timeout = action_timeout
        self._new_action_id = new_action_id
        self._on_event = on_event
        self._on_closed = on_closed
        self._lock = threading.Lock()
        self._pending: dict[str, Pending] = {}
        self._link = AmiLink(
            host,
            port,
            send_timeout=action_timeout,
            on_message=self._dispatch,
            on_closed=self._link_closed,
        )
        self.where = self._link.where
        self.closed = self._link.closed  # set once the connection has ended

    @property
    def reason(self) -> str:
        """Why the connection ended ("" while it is up)."""
        return self._link.reason

    @property
    def version(self) -> str:
        """The version in Asterisk's banner ("?" before it)."""
        return self._link.version

    def login(self, username: str, secret: str, timeout: float) -> None:
        """Connect, wait for the banner and log in, each bounded by ``timeout``.

        Raises :class:`AmiError` saying which step failed; the connection is closed then.
        """
        self._link.open(timeout)
        try:
            if not self._link.wait_banner(timeout):
                reason = self.reason or f"no banner within {timeout:g} s"
                raise AmiError(f"AMI at {self.where} did not greet us: {reason}")
            login = {"Username": username, "Secret": secret}
            try:
                pending = self.exchange("Login", login, timeout=timeout)
            except AmiError as exc:
                raise AmiError(f"AMI login to {self.where} failed: {exc}") from None
            if pending.error is not None:
                raise AmiError(
                    f"AMI login to {self.where} as {username!r} refused: {pending.error} "
                    "(check ami.username and ami.secret, and the user's permit/deny lines in "
                    "manager.conf)"
                )
        except AmiError:
            self.abort("login failed")
            self.join(1.0)
            raise

    def request(
        self,
        name: str,
        fields: Mapping[str, str],
        *,
        variables: Mapping[str, str] | None = None,
        complete_event: str | None = None,
        timeout: float | None = None,
    ) -> Pending:
        """Send and wait; raise :class:`AmiError` on an Error answer, a timeout or a loss."""
        pending = self.exchange(
            name, fields, variables=variables, complete_event=complete_event, timeout=timeout
        )
        if pending.error is not None:
            raise AmiError(f"AMI action {name} failed: {pending.error}")
        return pending

    def exchange(
        self,
        name: str,
        fields: Mapping[str, str],
        *,
        variables: Mapping[str, str] | None = None,
        complete_event: str | None = None,
        timeout: float | None = None,
    ) -> Pending:
        """Send and wait. Raises on timeout or loss; an Error answer is left in ``.error``."""
        timeout = self.action_timeout if timeout is None else timeout
        fields = dict(fields)
        action_id = fields.setdefault("ActionID", self._new_action_id())
        text = format_action(name, fields, variables)  # refuses CR/LF before anything is sent
        pending = Pending(name, complete_event)
        self._register(action_id, pending)
        try:
            self._link.send(text)
        except OSError as exc:
            self._unregister(action_id)
            self._link.abort(f"send failed: {exc}")
            raise AmiError(f"AMI connection to {self.where} failed sending {name}: {exc}") from None
        if not pending.done.wait(timeout):
            self._unregister(action_id)
            raise AmiError(
                f"AMI action {name} got no answer from {self.where} within {timeout:g} s"
            )
        if pending.lost is not None:
            raise AmiError(pending.lost)
        return pending

    def logoff(self) -> None:
        """Say Logoff without waiting for the answer (a failure to send is ignored)."""
        try:
            self._link.send(format_action("Logoff", {"ActionID": self._new_action_id()}))
        except OSError as exc:
            log.debug("AMI %s: Logoff not sent (%s)", self.where, exc)

    def keep_alive(self, interval: float, stop: threading.Event) -> None:
        """Until the connection ends or ``stop`` is set, Ping every ``interval`` seconds.

        A Ping without an answer within ``action_timeout`` ends the connection: the peer is dead
        even if TCP says nothing. ``interval`` 0 or less: no Pings, only the wait.
        """
        while not stop.is_set():
            if self.closed.wait(interval if interval > 0 else 1.0):
                return
            if interval <= 0 or stop.is_set():
                continue
            try:
                self.request("Ping", {})
            except AmiError as exc:
                if not self.closed.is_set() and not stop.is_set():
                    log.warning(
                        "AMI keepalive to %s failed (%s); dropping the connection", self.where, exc
                    )
                    self.abort(f"keepalive failed: {exc}")
                    self.closed.wait(self.action_timeout)
                return

    def abort(self, reason: str) -> None:
        """End the connection; waiters are woken with ``reason`` and ``on_closed`` runs."""
        self._link.abort(reason)

    def join(self, timeout: float) -> None:
        """Wait up to ``timeout`` s for the connection's reader thread to end."""
        self._link.join(timeout)

    def _register(self, action_id: str, pending: Pending) -> None:
        with self._lock:
            if self.closed.is_set():
                raise AmiError(f"AMI connection to {self.where} is closed ({self.reason})")
            if action_id in self._pending:
                raise AmiError(f"AMI ActionID {action_id!r} is already waiting for an answer")
            self._pending[action_id] = pending

    def _unregister(self, action_id: str) -> None:
        with self._lock:
            self._pending.pop(action_id, None)

    def _dispatch(self, fields: dict[str, str]) -> None:
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
            self._on_event(fields)  # handlers first: a list request returns after them
            if action_id:
                with self._lock:
                    pending = self._pending.get(action_id)
                    if pending is not None and pending.complete_event is not None:
                        pending.on_event(fields)
                        if pending.done.is_set():
                            del self._pending[action_id]
        else:
            log.debug("AMI %s: ignoring a message that is neither response nor event", self.where)

    def _link_closed(self, link: AmiLink) -> None:
        with self._lock:  # closed is set: no new waiter registers after this
            waiting = list(self._pending.values())
            self._pending.clear()
        for pending in waiting:
            pending.fail(
                f"AMI connection to {self.where} closed before {pending.action} was answered "
                f"({link.reason})"
            )
        self._on_closed(self)
