"""Starting the console: ``callbot console`` in this process, or as a child of ``callbot run``.

:func:`serve` runs uvicorn on the configured (or given) address until SIGINT/SIGTERM; open
live streams end at once so stopping never waits for browsers. :class:`ConsoleProcess` is
how ``callbot run`` starts it beside the call path: a child process (a console fault or a slow
page never touches a call), restarted if it dies, stopped with its parent.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from types import FrameType

import uvicorn

from callbot.config import Config, as_environ
from callbot.console.asgi import build_console, create_app
from callbot.errors import SetupError

log = logging.getLogger(__name__)


class _Server(uvicorn.Server):
    """uvicorn, ending the console's live streams as soon as it is asked to stop."""

    def __init__(self, config: uvicorn.Config, on_exit: threading.Event) -> None:
        super().__init__(config)
        self._on_exit = on_exit

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self._on_exit.set()
        super().handle_exit(sig, frame)


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port``; :class:`SetupError` (one line, exit status 2)
    when the address is in use or cannot be had. Bound here, before uvicorn, so that a port in
    use is the project's one line, not uvicorn's log and its exit status."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise SetupError(f"the console cannot listen on {host}:{port}: {exc}") from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise SetupError(
            f"the console cannot listen on {host}:{port}: {exc.strerror or exc} "
            "(another console running? choose another port with --port or console.port)"
        ) from exc
    sock.set_inheritable(True)
    return sock


def serve(config: Config, host: str | None = None, port: int | None = None) -> None:
    """Run the console until interrupted; :class:`SetupError` when its address is taken."""
    host = host or config.console.host
    port = port or config.console.port
    sock = listen(host, port)
    console = build_console(config)
    app = create_app(console)
    stopping = threading.Event()
    server = _Server(
        uvicorn.Config(
            app,
            host=host,
            port=port,
            log_config=None,  # callbot's logging
            access_log=False,  # URLs carry ticket numbers: personal data stays out of logs
            proxy_headers=False,
            server_header=False,
            timeout_graceful_shutdown=2,
            lifespan="on",
        ),
        stopping,
    )

    def end_streams() -> None:
        stopping.wait()
        console.feed.close()

    threading.Thread(target=end_streams, name="console-stop", daemon=True).start()
    log.info("console on http://%s:%d/", host, port)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    if not server.started:
        raise SetupError(f"the console could not start on {host}:{port}; see the log above")


class ConsoleProcess:
    """``callbot console`` as a child process of ``callbot run``, restarted if it dies."""

    RESTART_DELAY = 3.0

    def __init__(self, config: Config) -> None:
        self.config = config
        self.process: subprocess.Popen[bytes] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="console-process", daemon=True)

    def start(self) -> None:
        """Start the console's process and the thread that restarts it when it dies."""
        self._spawn()
        self._thread.start()

    def _spawn(self) -> None:
        env = {**os.environ, **as_environ(self.config)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "callbot.cli", "console"], env=env, stdin=subprocess.DEVNULL
        )

    def _watch(self) -> None:
        while not self._stop.wait(1.0):
            process = self.process
            if process is None or process.poll() is None:
                continue
            log.error(
                "the console stopped (exit status %s); starting it again in %.0f s",
                process.returncode,
                self.RESTART_DELAY,
            )
            if self._stop.wait(self.RESTART_DELAY):
                return
            self._spawn()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop restarting it and stop it: SIGTERM, then SIGKILL after ``timeout`` s."""
        self._stop.set()
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
