"""Reading the AGI environment from a connection that may be hostile: one deadline, bounds.

The FastAGI server (:mod:`.fastagi`) gives a new connection ``agi.header_seconds`` to send its
whole environment: :class:`DeadlineReader` gives each read of it only what is left of that one
deadline, so a client trickling a byte now and then is dropped at the deadline, not kept for
minutes. :func:`env_lines` reads at most 256 lines of at most 8 KiB each and 64 KiB in all;
what the lines mean is :func:`callbot.pbx.agi_protocol.parse_env_block`'s.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from typing import Any

from callbot.errors import AgiProtocolError
from callbot.pbx.agi import ByteReader

MAX_ENV_LINES = 256
MAX_ENV_LINE_BYTES = 8192
MAX_ENV_BYTES = 64 * 1024


class DeadlineReader(socket.SocketIO):
    """The socket's raw reader, each read given only what is left of ``deadline`` (monotonic
    seconds; None: no deadline)."""

    deadline: float | None = None

    def readinto(self, b: Any) -> int | None:
        """Read into ``b`` within what is left of the deadline (TimeoutError past it)."""
        if self.deadline is not None:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the AGI environment did not arrive in time")
            self._sock.settimeout(remaining)  # type: ignore[attr-defined]
        return super().readinto(b)


def env_lines(rfile: ByteReader) -> Iterator[bytes]:
    """The environment's lines as they arrive, up to the end of the stream; AgiProtocolError
    when a line, their number or their total size is over the bounds."""
    total = 0
    for _ in range(MAX_ENV_LINES):
        line = rfile.readline(MAX_ENV_LINE_BYTES)
        if len(line) >= MAX_ENV_LINE_BYTES and not line.endswith(b"\n"):
            raise AgiProtocolError("an AGI environment line is too long")
        total += len(line)
        if total > MAX_ENV_BYTES:
            raise AgiProtocolError("the AGI environment is too large")
        if not line:
            return
        yield line
    raise AgiProtocolError("the AGI environment has too many lines")
