"""``callbot console`` as a process: a port in use is one line and exit status 2, like ``callbot
serve`` (probe finding of issue 12: uvicorn's log lines and exit status 3); a free one serves."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from callbot import cli

PROJECT = Path(__file__).resolve().parents[3]


def _env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    return {**env, "CALLBOT_STORAGE__ROOT": str(root), "CALLBOT_PROJECT_DIR": str(root)}


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    assert cli.main(["--set", f"storage.root={tmp_path}", "db", "upgrade"]) == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "callbot.cli", "console", "--port", str(port)],
            env=_env(tmp_path),
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("callbot: ") and len(done.stderr.splitlines()) == 1
    assert f"127.0.0.1:{port}" in done.stderr and "--port" in done.stderr


def test_a_free_port_serves_the_login_page_until_sigterm(tmp_path: Path) -> None:
    assert cli.main(["--set", f"storage.root={tmp_path}", "db", "upgrade"]) == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "callbot.cli", "console", "--port", str(port)],
        env=_env(tmp_path),
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        status = None
        while time.monotonic() < deadline and status is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as page:
                    status = page.status
            except OSError:
                assert process.poll() is None
                time.sleep(0.1)
        assert status == 200
    finally:
        process.send_signal(signal.SIGTERM)
        # uvicorn stops cleanly, then re-raises the signal it caught
        assert process.wait(15) in (0, -signal.SIGTERM)
