"""Plain HTTP against a real console process: requests from chosen loopback addresses, at once.

``Client`` speaks HTTP/1.1 with ``http.client`` from a source address of the 127.0.0.0/8 range
(Linux routes all of it on the loopback), so a test can be many clients on one machine.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
LOGIN_CSRF = "x" * 43  # the login form's double-submit token: any value, the same twice


@dataclass
class Reply:
    """One HTTP answer."""

    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def request(
    port: int,
    method: str,
    path: str,
    *,
    source: str = "127.0.0.1",
    form: dict[str, str] | None = None,
    cookies: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> Reply:
    """One request from ``source`` to the console on ``port``."""
    body = urllib.parse.urlencode(form).encode() if form is not None else None
    sent = dict(headers or {})
    if body is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    if cookies:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
    finally:
        connection.close()
    seconds = time.perf_counter() - started
    jar: dict[str, str] = {}
    for value in response.headers.get_all("set-cookie") or []:
        parsed: SimpleCookie = SimpleCookie()
        parsed.load(value)
        jar.update({k: m.value for k, m in parsed.items()})
    return Reply(
        response.status, {k.lower(): v for k, v in response.headers.items()}, data, seconds, jar
    )


def login(
    port: int, name: str, password: str, source: str = "127.0.0.1", device: str | None = None
) -> Reply:
    """POST /login as a browser would (its double-submit CSRF cookie and field)."""
    cookies = {"callbot_login_csrf": LOGIN_CSRF}
    if device:
        cookies["callbot_device"] = device
    return request(
        port,
        "POST",
        "/login",
        source=source,
        form={"csrf_token": LOGIN_CSRF, "name": name, "password": password},
        cookies=cookies,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_console(
    root: Path, port: int, extra_env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """``callbot console`` on ``port`` over the storage root ``root`` (its database made)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    env.update({"CALLBOT_STORAGE__ROOT": str(root), "CALLBOT_PROJECT_DIR": str(root)})
    env.update(extra_env or {})
    log = (root / f"console-{port}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "callbot.cli", "console", "--port", str(port)],
        env=env,
        cwd=PROJECT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError((root / f"console-{port}.log").read_text())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=1):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    process.wait()
    raise RuntimeError("the console did not start")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
