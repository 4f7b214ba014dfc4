"""Who may hold a FastAGI connection: the PBX's slots kept apart from everyone else's.

The FastAGI port is a thread per connection until the call ends. A hostile or broken client
(garbage, a huge header, a connection left half-open, hundreds of idle ones trickling a byte
now and then) must never cost a real caller the bot. Three rules, applied as a connection is
accepted (before any thread is started for it) and when it closes:

- Connections from the PBX (``agi.pbx_addresses``, by default the loopback where the sandbox
  and a local Asterisk connect from) have their own slots, ``agi.max_calls`` calls at once:
  nothing from any other address counts against them.
- Any other address gets at most ``agi.max_per_address`` connections at once, and all of them
  together at most ``agi.max_other_calls``; more are closed at once, unread.
- Every connection must send its whole AGI environment within ``agi.header_seconds`` (a
  deadline for the whole header, not per read): the server's part, :mod:`.fastagi`.

Pure bookkeeping under a lock, no sockets: :class:`Admission` answers ``admit`` and ``release``.
"""

from __future__ import annotations

import ipaddress
import threading
from dataclasses import dataclass, field

from callbot.errors import ConfigError

PBX = "pbx"
OTHER = "other"


def parse_addresses(text: str, setting: str = "agi.pbx_addresses") -> frozenset[str]:
    """The addresses of a comma-separated list, each checked and written the canonical way."""
    found = set()
    for item in filter(None, (part.strip() for part in text.split(","))):
        try:
            found.add(canonical(item, strict=True))
        except ValueError:
            raise ConfigError(f"{setting}: {item!r} is not an IP address") from None
    return frozenset(found)


def canonical(host: str, *, strict: bool = False) -> str:
    """``host`` as one spelling: IPv4-mapped IPv6 as IPv4, IPv6 compressed; anything that is
    not an address stays as it is (unless ``strict``: ValueError)."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        if strict:
            raise
        return host
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


@dataclass(frozen=True)
class AdmissionPolicy:
    """The limits (module docstring)."""

    pbx_addresses: frozenset[str] = frozenset({"127.0.0.1", "::1"})
    max_per_address: int = 4
    max_other: int = 8

    def __post_init__(self) -> None:
        if self.max_per_address < 1 or self.max_other < 1:
            raise ConfigError("agi.max_per_address and agi.max_other_calls: at least 1")


@dataclass
class Admission:
    """Connections open now, by pool and by address; what was refused (for the figures)."""

    policy: AdmissionPolicy = field(default_factory=AdmissionPolicy)
    pbx_open: int = 0
    other_open: int = 0
    by_address: dict[str, int] = field(default_factory=dict)
    refused: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def admit(self, host: str) -> str | None:
        """The pool a new connection from ``host`` takes (:data:`PBX` or :data:`OTHER`), or
        None: refuse it (its address, or everyone else together, is at the limit)."""
        host = canonical(host)
        with self._lock:
            if host in self.policy.pbx_addresses:
                self.pbx_open += 1
                return PBX
            mine = self.by_address.get(host, 0)
            if mine >= self.policy.max_per_address or self.other_open >= self.policy.max_other:
                self.refused += 1
                return None
            self.by_address[host] = mine + 1
            self.other_open += 1
            return OTHER

    def release(self, host: str, pool: str) -> None:
        """A connection admitted into ``pool`` from ``host`` has closed."""
        host = canonical(host)
        with self._lock:
            if pool == PBX:
                self.pbx_open -= 1
                return
            self.other_open -= 1
            left = self.by_address.get(host, 1) - 1
            if left > 0:
                self.by_address[host] = left
            else:
                self.by_address.pop(host, None)

    def snapshot(self) -> dict[str, int]:
        """Open connections per pool and refusals so far."""
        with self._lock:
            return {
                "pbx_open": self.pbx_open,
                "other_open": self.other_open,
                "refused": self.refused,
            }
