"""Rate limits: how many times a key (an address, an API key) acted in a sliding window.

A :class:`SlidingWindow` keeps each key's recent times (at most ``cap`` of them, in memory,
per process: with several nodes each counts its own share, so a limit is per node) and says
how many fall in the last ``seconds``, and when the oldest that matters leaves the window
(what a 429's ``Retry-After`` tells). Keys whose times all left the window are dropped as the
table grows, so memory stays bounded by the traffic of one window. Thread-safe.

The limit per callback number is not kept here but counted in the database, in the
transaction that stores a request (:mod:`callbot.tickets.written`): it holds for every node.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

PRUNE_EVERY = 10_000  # keys in the table before keys left idle are dropped


class SlidingWindow:
    """Times per key within the last ``seconds`` (at most ``cap`` kept per key)."""

    def __init__(
        self, seconds: float, cap: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if seconds <= 0 or cap < 1:
            raise ValueError("a window needs seconds > 0 and cap >= 1")
        self.seconds = seconds
        self.cap = cap
        self._clock = clock
        self._times: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._times.get(key)
        if times is None:
            times = self._times[key] = deque(maxlen=self.cap)
        while times and times[0] <= now - self.seconds:
            times.popleft()
        return times

    def count(self, key: str) -> int:
        """How many times ``key`` acted in the window (up to ``cap``)."""
        with self._lock:
            return len(self._recent(key, self._clock()))

    def add(self, key: str) -> int:
        """Count one more time for ``key`` now; the count in the window, this one included."""
        with self._lock:
            now = self._clock()
            times = self._recent(key, now)
            times.append(now)
            if len(self._times) > PRUNE_EVERY:
                self._prune(now)
            return len(times)

    def retry_after(self, key: str, limit: int) -> int:
        """Whole seconds until ``key`` is under ``limit`` again (0: it is now)."""
        with self._lock:
            now = self._clock()
            times = self._recent(key, now)
            if len(times) < limit:
                return 0
            oldest_that_counts = times[len(times) - limit]
            return max(1, math.ceil(oldest_that_counts + self.seconds - now))

    def _prune(self, now: float) -> None:
        idle = [k for k, t in self._times.items() if not t or t[-1] <= now - self.seconds]
        for key in idle:
            del self._times[key]


class Limits:
    """The public server's windows: sends and lookups per address, requests per API key."""

    def __init__(
        self,
        *,
        window_minutes: int,
        max_sends_per_address: int,
        lookups_per_address: int,
        sends_per_key: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        seconds = window_minutes * 60.0
        self.sends = SlidingWindow(seconds, max_sends_per_address + 1, clock)
        self.lookups = SlidingWindow(seconds, lookups_per_address + 1, clock)
        self.keys = SlidingWindow(60.0, sends_per_key + 1, clock)
