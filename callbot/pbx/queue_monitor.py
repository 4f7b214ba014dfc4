"""The live view of the operators' queue: a :class:`QueueState` kept current over AMI.

Every AMI event goes to the model (under a lock, on the AMI listener thread). Asterisk does not
replay events missed while we were away, so the model is rebuilt with ``QueueStatus
Queue=<name>`` after every connect and reconnect, on ``FullyBooted`` (Asterisk (re)started) and
on a ``Reload`` of app_queue. Resyncs run on the monitor's own worker thread, never on the AMI
listener (which must keep reading to deliver the answer); a failed resync is retried while the
connection is up.

The view is *synced* only while AMI is connected and a resync completed on the current
connection (``AmiClient.generation`` tells connections apart). Otherwise :meth:`decision`
returns None and the route script falls back to the dialplan's ``QUEUE_MEMBER(queue,free)``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any

from callbot.errors import AmiError
from callbot.pbx.ami import AmiClient
from callbot.pbx.queue_policy import RouteDecision
from callbot.pbx.queue_state import QueueState

log = logging.getLogger(__name__)

_MAX_RETRY_DELAY = 5.0


class QueueMonitor:
    """Keeps one queue's state in step with Asterisk and answers the overflow question."""

    def __init__(
        self, ami: AmiClient, queue_name: str, max_waiting: int, *, retry_delay: float = 1.0
    ) -> None:
        self._ami = ami
        self._name = queue_name
        self._max_waiting = max_waiting
        self._retry_delay = retry_delay
        self._state = QueueState(queue_name)
        self._cond = threading.Condition()
        self._synced_generation = 0  # AMI session on which the last resync completed
        self._resync_lock = threading.Lock()
        self._wanted = threading.Event()
        self._closing = threading.Event()
        ami.add_event_handler(self._on_event)
        ami.add_connected_handler(self._on_connected)
        self._worker = threading.Thread(
            target=self._run, name=f"queue-monitor-{queue_name}", daemon=True
        )
        self._worker.start()
        if ami.connected:
            self._wanted.set()

    @property
    def queue_name(self) -> str:
        """The name of the queue this monitor follows."""
        return self._name

    @property
    def synced(self) -> bool:
        """Connected, and a QueueStatus resync completed on this connection."""
        before = self._ami.generation
        connected = self._ami.connected
        after = self._ami.generation  # differs if a reconnect slipped in between the reads
        with self._cond:
            return connected and self._state.synced and before == after == self._synced_generation

    def wait_synced(self, timeout: float | None = None) -> bool:
        """Wait until the view is synced, at most ``timeout`` s (None: no limit); whether it is."""
        with self._cond:
            return self._cond.wait_for(lambda: self.synced, timeout)

    def decision(self) -> RouteDecision | None:
        """The overflow decision for a new caller, or None when the view is not synced."""
        if not self.synced:
            return None
        with self._cond:
            return self._state.decide(self._max_waiting)

    def operator_reachable(self) -> bool | None:
        """Whether some operator could take a call (logged in, not paused), even if busy now;
        None when the view is not synced."""
        if not self.synced:
            return None
        with self._cond:
            return self._state.reachable()

    def snapshot(self) -> dict[str, Any]:
        """The model as plain data, plus whether it is synced."""
        synced = self.synced
        with self._cond:
            data = self._state.snapshot()
        data["monitor_synced"] = synced
        return data

    def resync(self) -> None:
        """Rebuild the model from ``QueueStatus`` now (blocking). Raises :class:`AmiError`."""
        with self._resync_lock:
            generation = self._ami.generation
            action_id = self._ami.next_action_id()
            with self._cond:
                self._state.begin_resync(action_id)
            try:
                # The list events reach the model through _on_event, in wire order with the
                # live events around them; collect() returns after they have been applied.
                self._ami.collect(
                    "QueueStatus", "QueueStatusComplete", Queue=self._name, ActionID=action_id
                )
            except AmiError:
                with self._cond:
                    self._state.cancel_resync()
                raise
            with self._cond:
                if self._state.resyncing:  # the completion never reached the model
                    self._state.cancel_resync()
                    raise AmiError(f"QueueStatus for {self._name} ended without completing")
                if generation == self._ami.generation:
                    self._synced_generation = generation
                decision = self._state.decide(self._max_waiting)
                known = self._state.queue_known
                self._cond.notify_all()
        if not known:
            log.warning(
                "queue %s: Asterisk does not list it (check queues.conf); every call overflows",
                self._name,
            )
        log.info(
            "queue %s resynced (AMI session %d): %d members, %d free, %d waiting",
            self._name,
            generation,
            decision.members,
            decision.free,
            decision.waiting,
        )

    def close(self) -> None:
        """Stop the worker and stop listening to the AMI client."""
        self._closing.set()
        self._wanted.set()
        self._ami.remove_event_handler(self._on_event)
        self._ami.remove_connected_handler(self._on_connected)
        if self._worker is not threading.current_thread():
            self._worker.join(2 * self._ami.action_timeout + 1)

    # -- AMI callbacks ---------------------------------------------------------------------

    def _on_event(self, event: Mapping[str, str]) -> None:
        with self._cond:
            if self._state.apply(event) and event.get("Event") == "QueueStatusComplete":
                self._cond.notify_all()
        name = event.get("Event", "")
        module = event.get("Module", "").casefold()
        if name == "FullyBooted" or (
            name == "Reload" and (module == "all" or "app_queue" in module)
        ):
            log.debug("AMI %s: queue %s resync requested", name, self._name)
            self._wanted.set()

    def _on_connected(self) -> None:
        log.info("queue %s: AMI session %d up, resyncing", self._name, self._ami.generation)
        self._wanted.set()

    def _run(self) -> None:
        failures = 0
        while not self._closing.is_set():
            delay = (
                None if failures == 0 else min(self._retry_delay * 2**failures, _MAX_RETRY_DELAY)
            )
            requested = self._wanted.wait(delay)
            if self._closing.is_set():
                break
            self._wanted.clear()
            if not self._ami.connected:
                failures = 0  # the next connect asks again
                continue
            if not requested and self.synced:
                failures = 0
                continue
            try:
                self.resync()
            except AmiError as exc:
                failures += 1
                log.warning("queue %s resync failed: %s", self._name, exc)
            else:
                failures = 0
