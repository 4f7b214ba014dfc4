"""One TCP connection to an AMI port: connect, a reader thread, whole writes, close.

:class:`AmiLink` owns the socket and nothing else. Connecting waits at most the connect
timeout; after that the socket has no read timeout, so the reader thread blocks in ``recv``
as long as the line is quiet (a quiet queue is no reason to hang up; the session's keepalive
tells a dead peer). What it reads goes through the pure ``AmiReader`` of
:mod:`callbot.pbx.ami_protocol`; each complete message goes to the ``on_message`` callback, on
the reader thread, in wire order. Writes are ``sendall`` under a lock (never half a message,
never two interleaved), bounded by ``SO_SNDTIMEO``: a peer that stops reading cannot block a
sender for good.

The link ends when the peer closes, a read fails, the greeting is not an AMI banner, or
:meth:`AmiLink.abort` is called; then :attr:`AmiLink.closed` is set, :attr:`AmiLink.reason`
says why ("closed by Asterisk", the NO_BANNER text of ami_protocol, the read error, or the
reason given to abort) and the ``on_closed`` callback runs once, on the reader thread. The
link calls its owner only through those two callbacks.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
from collections.abc import Callable

from callbot.errors import AmiError
from callbot.pbx.ami_protocol import NO_BANNER, AmiReader, Banner

log = logging.getLogger(__name__)

MessageHandler = Callable[[dict[str, str]], None]
ClosedHandler = Callable[["AmiLink"], None]

_RECV_SIZE = 65536
_ENCODING = "utf-8"


class AmiLink:
    """One AMI connection's socket: messages in through ``on_message``, text out by :meth:`send`."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        send_timeout: float,
        on_message: MessageHandler,
        on_closed: ClosedHandler,
    ) -> None:
        self.host = host
        self.port = port
        self.where = f"{host}:{port}"
        self.version = "?"  # of the banner: Asterisk Call Manager/<version>
        self.closed = threading.Event()
        self.reason = ""
        self._greeted = threading.Event()
        self._send_timeout = max(send_timeout, 0.001)
        self._on_message = on_message
        self._on_closed = on_closed
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._settled = threading.Event()  # the banner arrived, or the link ended without it
        self._send_lock = threading.Lock()

    def open(self, timeout: float) -> None:
        """Connect within ``timeout`` seconds and start the reader; raise :class:`AmiError`."""
        try:
            sock = socket.create_connection((self.host, self.port), timeout=timeout)
        except OSError as exc:
            self.closed.set()
            raise AmiError(
                f"cannot connect to AMI at {self.where}: {exc.strerror or exc} "
                "(is Asterisk running, with the manager enabled on that address?)"
            ) from None
        sock.settimeout(None)  # the reader's recv waits as long as the line is quiet
        with contextlib.suppress(OSError, AttributeError):  # a stuck peer must not block sends
            seconds = self._send_timeout
            timeval = struct.pack("ll", int(seconds), int((seconds % 1) * 1_000_000))
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, timeval)
        self._socket = sock
        self._thread = threading.Thread(
            target=self._read, args=(sock,), name=f"ami-listener-{self.where}", daemon=True
        )
        self._thread.start()

    def wait_banner(self, timeout: float) -> bool:
        """Wait until the banner arrives (True) or the link ends or ``timeout`` passes (False)."""
        self._settled.wait(timeout)
        return self._greeted.is_set() and not self.closed.is_set()

    def send(self, text: str) -> None:
        """Write all of ``text`` as UTF-8, or raise :class:`OSError` (send timeout included)."""
        sock = self._socket
        if sock is None or self.closed.is_set():
            raise OSError(f"AMI connection to {self.where} is closed ({self.reason or 'not open'})")
        data = text.encode(_ENCODING)
        with self._send_lock:
            sock.sendall(data)

    def abort(self, reason: str) -> None:
        """End the connection; the reader thread closes the socket and reports ``on_closed``."""
        if not self.reason:
            self.reason = reason
        self._stopping.set()
        sock = self._socket
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def join(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds for the reader thread (not from the reader itself)."""
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _read(self, sock: socket.socket) -> None:
        reader = AmiReader()
        error: Exception | None = None
        try:
            while not self._stopping.is_set():
                data = sock.recv(_RECV_SIZE)
                if not data:
                    break
                for item in reader.feed(data):
                    if isinstance(item, Banner):
                        self.version = item.version
                        self._greeted.set()
                        self._settled.set()
                    elif not self._stopping.is_set():
                        self._on_message(item.fields)
        except Exception as exc:  # a read error, or no banner: the connection ends cleanly
            if not isinstance(exc, OSError | AmiError):
                log.exception("AMI link %s: reading failed", self.where)
            error = exc
        finally:
            with contextlib.suppress(OSError):
                sock.close()
            self._end(error)

    def _end(self, error: Exception | None) -> None:
        if not self.reason:
            if not self._greeted.is_set():
                self.reason = NO_BANNER
            elif error is None:
                self.reason = "closed by Asterisk"
            else:
                self.reason = str(error) or type(error).__name__
        log.debug("AMI link %s ended: %s", self.where, self.reason)
        self.closed.set()
        self._settled.set()
        self._on_closed(self)
