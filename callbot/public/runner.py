"""Starting the public server: ``callbot intake`` in this process, or as a child of
``callbot run``.

:func:`serve` runs uvicorn on the configured (or given) address until SIGINT/SIGTERM, with
no access log (status lookups carry phone numbers in their queries: personal data stays out
of logs). :class:`IntakeProcess` is how ``callbot run`` starts it beside the call path and the
console: a child process, restarted if it dies, stopped with its parent. With
``intake.workers`` above 1, uvicorn runs that many worker processes on the one port (each its
own limits per address and proof-of-work memory: the limits are per process).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading

import uvicorn
from starlette.applications import Starlette

from callbot.config import Config, as_environ, load_config
from callbot.errors import SetupError
from callbot.public.asgi import build_site, create_app

log = logging.getLogger(__name__)


def app_from_environment() -> Starlette:
    """The app of one worker process (``intake.workers`` > 1): the configuration comes from
    the ``CALLBOT_*`` variables its parent set."""
    return create_app(build_site(load_config()))


def serve(config: Config, host: str | None = None, port: int | None = None) -> None:
    """Run the public form, status page and API until interrupted."""
    host = host or config.intake.host
    port = port or config.intake.port
    log.info(
        "public form and API on http://%s:%d/ (%d process(es))", host, port, config.intake.workers
    )
    if config.intake.workers > 1:
        build_site(config)  # migrate and check the settings once, here, before the workers
        os.environ.update(as_environ(config))
        uvicorn.run(
            "callbot.public.runner:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=config.intake.workers,
            log_config=None,
            access_log=False,
            proxy_headers=False,
            server_header=False,
            timeout_graceful_shutdown=2,
            lifespan="on",  # the chat's workers start and stop with the server
        )
        return
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(build_site(config)),
            host=host,
            port=port,
            log_config=None,  # callbot's logging
            access_log=False,  # lookups carry phone numbers: personal data stays out of logs
            proxy_headers=False,  # intake.trust_forwarded decides, in the gate
            server_header=False,
            timeout_graceful_shutdown=2,
            lifespan="on",  # the chat's workers start and stop with the server
        )
    )
    try:
        server.run()
    except SystemExit:  # uvicorn exits when it cannot bind: say it our way (one line, 2)
        if server.started:
            raise
    if not server.started:
        raise SetupError(
            f"the public server could not listen on {host}:{port} (in use?); "
            "choose another with --port or intake.port"
        )


class IntakeProcess:
    """``callbot intake`` as a child process of ``callbot run``, restarted if it dies."""

    RESTART_DELAY = 3.0

    def __init__(self, config: Config) -> None:
        self.config = config
        self.process: subprocess.Popen[bytes] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="intake-process", daemon=True)

    def start(self) -> None:
        """Start the public server's process and the thread that restarts it when it dies."""
        self._spawn()
        self._thread.start()

    def _spawn(self) -> None:
        env = {**os.environ, **as_environ(self.config)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "callbot.cli", "intake"], env=env, stdin=subprocess.DEVNULL
        )

    def _watch(self) -> None:
        while not self._stop.wait(1.0):
            process = self.process
            if process is None or process.poll() is None:
                continue
            log.error(
                "the public server stopped (exit status %s); starting it again in %.0f s",
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
