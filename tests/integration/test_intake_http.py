"""The REST API over real HTTP against a real ``callbot intake`` process (its key made by the
real ``callbot api keys add``); and, on the sandbox Asterisk, a call and a written request
from the same number merged into one ticket.

The API tests need no sandbox (marker ``server``); the merge test places a real call (marker
``asterisk``).
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from callbot.config import Config, load_config
from callbot.lab.simulate import SimCall, Simulator
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.repository import TicketRepository
from tests.browser.conftest import free_port
from tests.integration.conftest import PROJECT, ServeProcess, _env
from tests.support.public import png

REQUEST = {
    "name": "Đỗ Văn Tư",
    "phone": "0987 654 321",
    "address": "45 Lê Văn Sỹ, phường 13, quận 3",
    "need": "Gia đình tôi cần hỗ trợ gạo và mì",
}


@dataclass
class Intake:
    """A running ``callbot intake`` and what the tests need of it."""

    port: int
    key: str
    config: Config
    process: subprocess.Popen[bytes]

    def call(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], Any]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        connection.request(method, path, body, headers or {})
        response = connection.getresponse()
        raw = response.read()
        connection.close()
        kind = response.getheader("content-type", "")
        data = json.loads(raw) if "json" in kind else raw.decode("utf-8", "replace")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def post(self, payload: dict[str, Any], **headers: str) -> tuple[int, dict[str, str], Any]:
        return self.call(
            "POST",
            "/api/v1/requests",
            json.dumps(payload).encode(),
            {"authorization": f"Bearer {self.key}", "content-type": "application/json", **headers},
        )


def start_intake(env: dict[str, str], log: Path) -> tuple[int, subprocess.Popen[bytes]]:
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "callbot.cli", "intake", "--port", str(port)],
            env=env,
            cwd=PROJECT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"callbot intake exited: {log.read_text()[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            try:
                connection.request("GET", "/api/v1/openapi.json")
                connection.getresponse().read()
                return port, process
            finally:
                connection.close()
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"callbot intake did not start: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def intake(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Intake]:
    root = tmp_path_factory.mktemp("intake-http")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    env.update(
        CALLBOT_PROJECT_DIR=str(PROJECT),
        CALLBOT_STORAGE__ROOT=str(root),
        CALLBOT_INTAKE__SENDS_PER_KEY="1000",
    )
    made = subprocess.run(
        [sys.executable, "-m", "callbot.cli", "api", "keys", "add", "app-1022"],
        env=env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    key = made.stdout.strip().splitlines()[-1]  # the key, shown once, as the last line
    port, process = start_intake(env, root / "intake.log")
    config = load_config(environ=env, project_dir=PROJECT)
    yield Intake(port, key, config, process)
    stop(process)


@pytest.mark.server
def test_post_a_request_and_read_its_status_over_http(intake: Intake) -> None:
    status, headers, body = intake.post(REQUEST, **{"idempotency-key": str(uuid.uuid4())})
    assert status == 201, body
    number = body["ticket_number"]
    assert body["status_url"].endswith(f"/status?number={number}")
    assert headers["location"] == f"/api/v1/requests/{number}"
    auth = {"authorization": f"Bearer {intake.key}"}
    status, _, state = intake.call("GET", f"/api/v1/requests/{number}?phone=0987654321", None, auth)
    assert (status, state["status"]) == (200, "received")
    engine = make_engine(intake.config.storage.effective_database_url)
    ticket = TicketRepository(session_factory(engine)).get(number)
    engine.dispose()
    # Phường 13 of Quận 3 was merged into Phường 12 in January 2025: its canonical name
    assert (ticket.channel, ticket.ward, ticket.district) == ("api", "Phường 12", "Quận 3")


@pytest.mark.server
def test_errors_are_json_problems_naming_the_field(intake: Intake) -> None:
    status, headers, body = intake.call("POST", "/api/v1/requests", b"{}", {})
    assert status == 401 and headers["content-type"] == "application/problem+json"
    status, _, body = intake.post({**REQUEST, "phone": "0123"})
    assert status == 422 and [e["field"] for e in body["errors"]] == ["phone"]
    status, _, body = intake.post({**REQUEST, "need": "x" * 100_000})
    assert status == 413
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in REQUEST.items()
    ]
    photo = b"\x89PNG\r\n\x1a\nnot really a png"
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="photos"; filename="a.png"\r\n'
        f"Content-Type: image/png\r\n\r\n".encode()
        + photo
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    status, _, body = intake.call(
        "POST",
        "/api/v1/requests",
        b"".join(parts),
        {
            "authorization": f"Bearer {intake.key}",
            "content-type": f"multipart/form-data; boundary={boundary}",
        },
    )
    assert status == 422 and body["errors"][0] == {
        "field": "photos",
        "code": "not_an_image",
        "message": body["errors"][0]["message"],
    }
    assert png()  # a real PNG is accepted (tests/unit/public/test_api.py)


@pytest.mark.server
def test_a_retried_post_makes_one_ticket(intake: Intake) -> None:
    key = str(uuid.uuid4())
    payload = {**REQUEST, "phone": "0987 000 111"}
    first = intake.post(payload, **{"idempotency-key": key})
    again = intake.post(payload, **{"idempotency-key": key})
    assert first[0] == again[0] == 201
    assert first[2] == again[2] and again[1]["idempotent-replayed"] == "true"
    conflict = intake.post({**payload, "need": "khác"}, **{"idempotency-key": key})
    assert conflict[0] == 422


@pytest.mark.server
def test_the_openapi_document_is_served(intake: Intake) -> None:
    status, _, document = intake.call("GET", "/api/v1/openapi.json")
    assert status == 200 and "/api/v1/requests" in document["paths"]


REPEATER = "0977000333"  # a number no other test calls from


@pytest.fixture
def merging_server(server: ServeProcess) -> Iterator[ServeProcess]:
    server.stop()
    server.start(["--set", "routing.repeat_window_hours=24"])
    yield server
    server.stop()
    server.start()


@pytest.mark.asterisk
def test_a_call_and_a_written_request_from_one_number_make_one_ticket(
    merging_server: ServeProcess,
    simulator: Simulator,
    tickets: TicketRepository,
    answers: tuple[Path, ...],
    config: Config,
) -> None:
    (call,) = simulator.run(
        [SimCall(answers=answers, end_with="pound", caller_number=REPEATER, ready=True)]
    )
    assert call.error is None and call.ticket is not None, call.as_dict()
    open_ticket = tickets.get(call.ticket.id)
    target = open_ticket.linked_to_id or open_ticket.id
    env = {**_env(), "CALLBOT_ROUTING__REPEAT_WINDOW_HOURS": "24"}
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "callbot.cli",
            "api",
            "keys",
            "add",
            f"merge-{uuid.uuid4().hex[:8]}",
        ],
        env=env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    port, process = start_intake(env, config.storage.root / "intake.log")
    try:
        client = Intake(port, made.stdout.strip().splitlines()[-1], config, process)
        status, _, body = client.post({**REQUEST, "phone": REPEATER})
    finally:
        stop(process)
    assert status == 201, body
    written = tickets.get(body["ticket_number"])
    assert (written.status, written.linked_to_id, written.channel) == ("merged", target, "api")
    merged_into = tickets.get(target)
    assert merged_into.call_count >= 2 and merged_into.channel == "call"


@pytest.mark.server
def test_callbot_run_starts_the_public_server_and_restarts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from callbot.public.runner import IntakeProcess

    port = free_port()
    for name in [k for k in os.environ if k.startswith("CALLBOT_")]:
        monkeypatch.delenv(name)
    config = load_config(
        environ={
            "CALLBOT_STORAGE__ROOT": str(tmp_path),
            "CALLBOT_INTAKE__PORT": str(port),
        },
        project_dir=PROJECT,
    )
    monkeypatch.setattr(IntakeProcess, "RESTART_DELAY", 0.5)
    process = IntakeProcess(config)
    process.start()
    try:
        first = _wait_for(port)
        assert process.process is not None
        process.process.kill()  # a crash: it comes back
        process.process.wait()
        time.sleep(2)
        assert _wait_for(port) == first == 200
    finally:
        process.stop()
    assert process.process is not None and process.process.poll() is not None


def _wait_for(port: int, timeout: float = 20) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        try:
            connection.request("GET", "/")
            response = connection.getresponse()
            response.read()
            return response.status
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    raise AssertionError(f"nothing answered on port {port}")


@pytest.mark.server
def test_the_honeypot_and_the_lookup_limit_refuse_over_http(intake: Intake) -> None:
    _, _, page = intake.call("GET", "/")
    token = page.split('name="form_token" value="')[1].split('"')[0]
    form = {
        "form_token": token,
        "website": "http://spam.example",
        "name": "Bot",
        "phone": "0901234567",
        "address": "x",
        "need": "buy now",
        "consent": "1",
    }
    body = urllib.parse.urlencode(form).encode()
    headers = {"content-type": "application/x-www-form-urlencoded"}
    status, _, _ = intake.call("POST", "/send", body, headers)
    assert status == 400
    lookup = urllib.parse.urlencode({"number": "0000018", "phone": "0909999999"}).encode()
    statuses = [intake.call("POST", "/status", lookup, headers)[0] for _ in range(31)]
    # 30 lookups (or refused keys: the other tests sent one) in the window, then 429
    assert 429 in statuses and set(statuses[: statuses.index(429)]) == {404}
    assert statuses.index(429) >= 29


@pytest.mark.server
def test_a_port_in_use_is_said_in_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
        env.update(CALLBOT_PROJECT_DIR=str(PROJECT), CALLBOT_STORAGE__ROOT=str(tmp_path))
        done = subprocess.run(
            [sys.executable, "-m", "callbot.cli", "intake", "--port", str(port)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"callbot: the public server could not listen on 127.0.0.1:{port} (in use?); "
        "choose another with --port or intake.port"
    )
