"""The FastAGI server: Asterisk's ``agi://`` connections in, one route per call out.

Like wazo-agid, the route is chosen by ``agi_network_script``: the dialplan's
``AGI(agi://127.0.0.1:4573/callbot)`` runs ``routes["callbot"]`` with an :class:`AgiChannel`,
one thread per call.

The dialplan must always have somewhere to go. When we cannot serve a call (unknown script,
too many calls, a route that crashed) we send ``FAILURE``: ``res_agi`` treats a line starting
with "failure" as the script failing and sets ``AGISTATUS=FAILURE``. Merely closing the socket
would not do: Asterisk takes end of stream as the script completing (``AGISTATUS=SUCCESS``).
Both checked against Asterisk 22. Note that Asterisk also reports FAILURE when any command
failed on a live channel (a missing prompt, an unwritable recording), even if the route then
recovered and returned normally.

Hostile clients: who may hold a connection is :mod:`.agi_admission`'s (the PBX's own slots, a
limit per other address); here, the whole environment must arrive within ``header_seconds``
and weigh at most 64 KiB (:mod:`.agi_header`).

Logging: each call's records carry its uniqueid (:mod:`.call_log`). Caller data is logged at
DEBUG only.
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any, cast

from callbot.errors import AgiHangup, AgiProtocolError, ConfigError, SetupError
from callbot.pbx.agi import AgiChannel, ByteReader, ByteWriter
from callbot.pbx.agi_admission import PBX, Admission, AdmissionPolicy
from callbot.pbx.agi_header import DeadlineReader, env_lines
from callbot.pbx.agi_protocol import parse_env_block
from callbot.pbx.call_log import CALL_ID

logger = logging.getLogger(__name__)

Route = Callable[[AgiChannel], None]

#: Seconds allowed for Asterisk to send the whole environment (it does so right after
#: connecting); the default of ``agi.header_seconds``.
ENV_TIMEOUT = 5.0
#: Seconds to wait for Asterisk to close after we send FAILURE.
_DRAIN_TIMEOUT = 2.0
_REFUSAL_LOG_SECONDS = 10.0  # refusals are logged at most this often (a flood is one line)
_POLL_INTERVAL = 0.2
_FAILURE = b"FAILURE\n"


class _CallRequestHandler(socketserver.StreamRequestHandler):
    disable_nagle_algorithm = True  # TCP_NODELAY: AGI is one short line each way

    def setup(self) -> None:
        super().setup()
        self.rfile.close()  # socketserver's reader: ours holds a deadline for the environment
        self.raw_reader = DeadlineReader(self.connection, "rb")
        self.rfile = io.BufferedReader(self.raw_reader)

    def handle(self) -> None:
        server = cast(_TcpServer, self.server)
        server.owner._serve_connection(self.connection, self.rfile, self.wfile, self.raw_reader)


class _TcpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # a burst of calls must not overflow the accept backlog

    def __init__(self, address: tuple[str, int], owner: FastAgiServer) -> None:
        """Bound (a port taken fails here), listening only from :meth:`server_activate`: till
        then Asterisk is refused at once and sends the caller on (the next node, the queue)
        rather than into the accept backlog of a server that is not ready."""
        self.owner = owner
        super().__init__(address, _CallRequestHandler, bind_and_activate=False)
        try:
            self.server_bind()
        except OSError:
            self.server_close()
            raise

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Called by socketserver inside its except block: exc_info is the error.
        logger.error("unexpected error in a FastAGI connection", exc_info=sys.exc_info())

    def verify_request(self, request: Any, client_address: Any) -> bool:
        """Admit a new connection (in the accepting thread: a refused one costs no thread)."""
        return self.owner._admit(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        """Every connection ends here, admitted or not: give its slot back."""
        self.owner._release(request)
        super().shutdown_request(request)


class FastAgiServer:
    """Serves FastAGI on ``host:port`` (port 0: any free port, see :attr:`address`).

    ``routes`` maps script names to handlers and is copied. A handler returns normally or
    raises :class:`AgiHangup` when the caller hangs up; any other exception is logged with its
    traceback and the dialplan gets ``AGISTATUS=FAILURE``. At most ``max_calls`` calls from the
    PBX run at once; more are refused with FAILURE. Other addresses are limited by ``admission``
    (:class:`~.agi_admission.AdmissionPolicy`); every environment must arrive within
    ``header_seconds``.
    """

    def __init__(
        self,
        host: str,
        port: int,
        routes: Mapping[str, Route],
        max_calls: int = 200,
        *,
        admission: AdmissionPolicy | None = None,
        header_seconds: float = ENV_TIMEOUT,
    ) -> None:
        if max_calls < 1:
            raise ConfigError(f"agi.max_calls: must be at least 1, not {max_calls}")
        if header_seconds <= 0:
            raise ConfigError(f"agi.header_seconds: must be more than 0, not {header_seconds}")
        self._routes = dict(routes)
        self._max_calls = max_calls
        self._header_seconds = header_seconds
        self.admission = Admission(admission or AdmissionPolicy())
        self._pools: dict[int, tuple[str, str]] = {}  # socket's fd -> (address, pool)
        self._pbx_calls = 0
        self.header_timeouts = 0
        self._last_refusal_log = 0.0
        self._lock = threading.Condition()
        self._calls: set[socket.socket] = set()
        self._opening: set[socket.socket] = set()  # connections still sending their environment
        self._serving = False
        self._closed = False
        self._thread: threading.Thread | None = None
        try:
            self._server = _TcpServer((host, port), self)
        except OSError as exc:
            raise _taken(host, port, exc) from exc

    def _listen(self) -> None:
        """Start listening, once (SetupError when started or stopped before, or when another
        server listens on the port: two may bind it with SO_REUSEADDR). The lock is held
        throughout, so a stop() meanwhile waits and then finds the server serving or closed."""
        with self._lock:
            if self._serving or self._closed:
                raise SetupError("this FastAGI server was already started")
            try:
                self._server.server_activate()
            except OSError as exc:
                self._closed = True
                self._server.server_close()
                raise _taken(*self.address, exc) from exc
            self._serving = True

    @property
    def address(self) -> tuple[str, int]:
        """The bound address, with the real port when 0 was asked for."""
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    @property
    def active_calls(self) -> int:
        """Calls being served now."""
        with self._lock:
            return len(self._calls)

    def start(self) -> None:
        """Listen, serve in a background thread and return."""
        self._listen()
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": _POLL_INTERVAL},
            name="fastagi-accept",
            daemon=True,
        )
        self._thread.start()
        logger.info("FastAGI listening on %s:%d", *self.address)

    def serve_forever(self) -> None:
        """Serve in this thread until :meth:`stop` is called from another thread."""
        self._listen()
        logger.info("FastAGI listening on %s:%d", *self.address)
        self._server.serve_forever(poll_interval=_POLL_INTERVAL)

    def stop(self, timeout: float = 5.0) -> None:
        """Stop accepting, wait up to ``timeout`` seconds for the calls in progress, then close
        the connections of those still running (their handlers see AgiHangup)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            serving = self._serving
        if serving:
            self._server.shutdown()
        self._server.server_close()
        with self._lock:
            opening = list(self._opening)
        for sock in opening:  # no call yet: nothing to finish, only a header to stop waiting for
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        with self._lock:
            finished = self._lock.wait_for(lambda: not self._calls, timeout)
            remaining = list(self._calls)
        if not finished:
            logger.warning(
                "%d call(s) still running after %.1f s: closing their connections",
                len(remaining),
                timeout,
            )
            for sock in remaining:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout)
        logger.info("FastAGI server stopped")

    # --- admission ----------------------------------------------------------------------------

    def _admit(self, sock: socket.socket, client_address: Any) -> bool:
        host = str(client_address[0]) if isinstance(client_address, tuple) else "?"
        pool = self.admission.admit(host)
        if pool is None:
            now = time.monotonic()
            if now - self._last_refusal_log >= _REFUSAL_LOG_SECONDS:
                self._last_refusal_log = now
                logger.warning(
                    "refusing FastAGI connections from addresses over their limit "
                    "(agi.max_per_address, agi.max_other_calls); %d so far",
                    self.admission.snapshot()["refused"],
                )
            return False
        with self._lock:
            self._pools[sock.fileno()] = (host, pool)
        return True

    def _release(self, sock: socket.socket) -> None:
        with self._lock:
            found = self._pools.pop(sock.fileno(), None)
        if found is not None:
            self.admission.release(*found)

    def _pool_of(self, sock: socket.socket) -> str:
        with self._lock:
            return self._pools.get(sock.fileno(), ("?", PBX))[1]

    # --- one connection -------------------------------------------------------------------

    def _serve_connection(
        self,
        sock: socket.socket,
        rfile: ByteReader,
        wfile: ByteWriter,
        raw: DeadlineReader | None = None,
    ) -> None:
        with self._lock:
            if self._closed:
                return
            self._opening.add(sock)
        try:
            env = self._read_env(sock, rfile, raw)
        finally:
            with self._lock:
                self._opening.discard(sock)
        if env is None:
            return
        pbx = self._pool_of(sock) == PBX
        with self._lock:
            admitted = not pbx or self._pbx_calls < self._max_calls
            if admitted:
                self._calls.add(sock)
                self._pbx_calls += int(pbx)
        if not admitted:
            logger.warning(
                "refusing a FastAGI call: %d calls already running (agi.max_calls)",
                self._max_calls,
            )
            self._send_failure(sock, wfile)
            return
        try:
            self._serve_call(sock, rfile, wfile, env)
        finally:
            with self._lock:
                self._calls.discard(sock)
                self._pbx_calls -= int(pbx)
                self._lock.notify_all()

    def _serve_call(
        self, sock: socket.socket, rfile: ByteReader, wfile: ByteWriter, env: dict[str, str]
    ) -> None:
        channel = AgiChannel(rfile, wfile, env)
        token = CALL_ID.set(channel.uniqueid or "?")
        try:
            route = self._routes.get(channel.script)
            if route is None:
                logger.warning("unknown FastAGI script %r: the dialplan falls back", channel.script)
                self._send_failure(sock, wfile)
                return
            logger.info("call started (script %s)", channel.script)
            logger.debug("caller number %r, name %r", channel.caller_number, channel.caller_name)
            started = time.monotonic()
            try:
                route(channel)
            except AgiHangup:
                logger.info("call ended by hangup after %.1f s", time.monotonic() - started)
                return
            except Exception:
                logger.exception("route %r failed: the dialplan falls back", channel.script)
                if not channel.hung_up:
                    self._send_failure(sock, wfile)
                return
            logger.info("call finished after %.1f s", time.monotonic() - started)
        finally:
            CALL_ID.reset(token)

    def _read_env(
        self, sock: socket.socket, rfile: ByteReader, raw: DeadlineReader | None = None
    ) -> dict[str, str] | None:
        """The AGI environment, whole within ``header_seconds`` (one deadline for all of its
        reads when ``raw`` is the reader under ``rfile``), or None: the connection is dropped."""
        try:
            if raw is not None:
                raw.deadline = time.monotonic() + self._header_seconds
            else:
                sock.settimeout(self._header_seconds)
            env = parse_env_block(env_lines(rfile))
            if raw is not None:
                raw.deadline = None
            sock.settimeout(None)
        except TimeoutError as exc:
            with self._lock:
                self.header_timeouts += 1
                closed = self._closed
            if closed:
                return None
            logger.warning("dropping a FastAGI connection: no AGI environment in time (%s)", exc)
            return None
        except (AgiProtocolError, OSError) as exc:
            if self._closed:  # stop() closed it while it was still sending its environment
                logger.debug("closed a FastAGI connection on stop before its environment")
                return None
            logger.warning("dropping a FastAGI connection: no valid AGI environment (%s)", exc)
            return None
        return env

    @staticmethod
    def _send_failure(sock: socket.socket, wfile: ByteWriter) -> None:
        """Send FAILURE, then wait for Asterisk to close so that nothing unread is left
        (closing with unread data would reset the connection before FAILURE is read)."""
        try:
            wfile.write(_FAILURE)
            wfile.flush()
            sock.shutdown(socket.SHUT_WR)
            sock.settimeout(_DRAIN_TIMEOUT)
            while sock.recv(4096):
                pass
        except OSError:
            pass


def _taken(host: str, port: int, exc: OSError) -> SetupError:
    return SetupError(
        f"cannot listen for FastAGI on {host}:{port}: {exc.strerror or exc}"
        " (another callbot running? change agi.host/agi.port)"
    )
