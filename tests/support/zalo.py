"""Real processes for the Zalo chat's end-to-end tests: the stand-in for Zalo
(``callbot.lab.zalo_standin``), a ``callbot intake`` configured to use it, the commands, and a
citizen who writes through the stand-in (which signs, delivers and retries as Zalo does)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.http import free_port

PROJECT = Path(__file__).resolve().parents[2]
APP_ID = "1022000000000000001"
APP_SECRET = "standin-app-secret"
OA_KEY = "standin-oa-secret-key"


def wait_for(check: Callable[[], Any], timeout: float = 20.0, step: float = 0.1) -> Any:
    """``check()``'s first true value within ``timeout`` seconds (AssertionError if none)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing came within {timeout} s")
        time.sleep(step)


def _json(port: int, method: str, path: str, body: Any = None) -> Any:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        data = json.dumps(body).encode() if body is not None else None
        connection.request(method, path, data, {"Content-Type": "application/json"})
        answer = connection.getresponse()
        return json.loads(answer.read() or b"null")
    finally:
        connection.close()


@dataclass
class StandIn:
    """The stand-in for Zalo, as a process."""

    port: int
    process: subprocess.Popen[bytes]
    first_tokens: dict[str, str]

    def control(self, what: str, body: Any = None) -> Any:
        method = "POST" if body is not None else "GET"
        return _json(self.port, method, f"/_standin/{what}", body)

    def sent(self, user: str) -> list[dict[str, Any]]:
        return list(self.control(f"sent?user_id={user}"))

    def texts(self, user: str) -> list[str]:
        return [m["text"] or f"[{m['template']}]" for m in self.sent(user)]

    def stop(self) -> None:
        _stop(self.process)


def start_standin(root: Path, webhook_port: int, window_days: float = 7.0) -> StandIn:
    port = free_port()
    log = (root / "standin.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "callbot.lab.zalo_standin",
            "--port",
            str(port),
            "--webhook",
            f"http://127.0.0.1:{webhook_port}/zalo/webhook",
            "--app-id",
            APP_ID,
            "--app-secret",
            APP_SECRET,
            "--oa-secret-key",
            OA_KEY,
            "--window-days",
            str(window_days),
        ],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=log,
        stdin=subprocess.DEVNULL,
    )
    log.close()
    assert process.stdout is not None
    first = json.loads(process.stdout.readline())
    wait_for(lambda: _alive(port), 15)
    return StandIn(port, process, first)


def _alive(port: int) -> bool:
    try:
        _json(port, "GET", "/_standin/state")
        return True
    except OSError:
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


@dataclass
class Node:
    """A ``callbot intake`` (the public server, the webhook and the chat's workers)."""

    root: Path
    port: int
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    def start(self) -> None:
        self.starts += 1
        with (self.root / f"intake-{self.starts}.log").open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "callbot.cli", "intake", "--port", str(self.port)],
                env=self.env,
                cwd=PROJECT,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        wait_for(self._up, 30)

    def _up(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise RuntimeError(self.log()[-3000:])
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
            connection.request("GET", "/zalo/webhook")
            return connection.getresponse().status == 200
        except OSError:
            return False
        finally:
            connection.close()

    def kill(self) -> None:
        """Stop it dead (SIGKILL): no chance to finish anything."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)

    def log(self) -> str:
        return "".join(
            p.read_text(errors="replace") for p in sorted(self.root.glob("intake-*.log"))
        )

    def cli(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "callbot.cli", *args],
            env=self.env,
            cwd=PROJECT,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def make_node(root: Path, standin_port: int, port: int, **zalo: object) -> Node:
    """A node's environment: the stand-in as Zalo, its database made, the first tokens set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    base = f"http://127.0.0.1:{standin_port}"
    settings: dict[str, object] = {
        "app_id": APP_ID,
        "app_secret": APP_SECRET,
        "oa_secret_key": OA_KEY,
        "api_base_url": base,
        "oauth_base_url": base,
        "media_hosts": "127.0.0.1",
        "reorder_seconds": 0.5,
        **zalo,
    }
    env.update(
        {f"CALLBOT_ZALO__{k.upper()}": str(v) for k, v in settings.items()},
        CALLBOT_PROJECT_DIR=str(root),
        CALLBOT_STORAGE__ROOT=str(root),
        CALLBOT_INTAKE__PUBLIC_URL="https://1022.example.vn",
    )
    return Node(root, port, env)


@dataclass
class Citizen:
    """A Zalo user writing to the OA: each message goes through the stand-in, which signs it
    and delivers it to the webhook as Zalo does."""

    standin: StandIn
    user: str
    clock_ms: int = field(default_factory=lambda: int(time.time() * 1000))
    seq: int = 0

    def event(
        self, name: str, message: dict[str, Any] | None = None, **extra: Any
    ) -> dict[str, Any]:
        self.seq += 1
        self.clock_ms = max(self.clock_ms + 1, int(time.time() * 1000))
        body: dict[str, Any] = {
            "event_name": name,
            "timestamp": str(self.clock_ms),
            "sender": {"id": self.user},
            "recipient": {"id": "1022"},
            **extra,
        }
        if message is not None:
            body["message"] = {"msg_id": f"{self.user}-{self.seq}", **message}
        return body

    def deliver(self, event: dict[str, Any], **order: Any) -> list[dict[str, Any]]:
        answer = self.standin.control("deliver", {"event": event, **order})
        return list(answer.get("results", []))

    def say(self, text: str, expect: int = 1, **order: Any) -> list[str]:
        """Send ``text``; the bot's next ``expect`` messages (waiting for them)."""
        before = len(self.standin.sent(self.user))
        results = self.deliver(self.event("user_send_text", {"text": text}), **order)
        for result in results:
            assert result["status"] == 200, result
            assert result["tries"][0]["seconds"] < 2.0, result  # Zalo's limit
        return self.replies(before, expect)

    def replies(self, before: int, expect: int, timeout: float = 20.0) -> list[str]:
        """The bot's messages after the first ``before``, once there are ``expect`` of them."""

        def arrived() -> list[str] | None:
            texts = self.standin.texts(self.user)
            return texts[before:] if len(texts) >= before + expect else None

        return list(wait_for(arrived, timeout))
