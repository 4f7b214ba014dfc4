"""Attack on the Zalo webhook (``POST /zalo/webhook`` of ``callbot intake``), over HTTP on the
real database: forged, unsigned and garbage deliveries, oversize and trickled bodies, replays
of a signed event, hostile headers. Every one is answered (200, or 413 for a body too large)
the same way whatever became of it (no oracle), and none stores anything but the one real
event, once.

Prints its figures (``-s``): deliveries made, stored, answers that differed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from callbot.tickets.chat_models import ZaloEventRow
from callbot.tickets.models import utc_now
from callbot.zalo.signature import sign
from tests.support.public import Public

pytestmark = pytest.mark.faults
OK = '{"error":0,"message":"ok"}'
APP, KEY = "1022000000000000001", "oa-secret-for-the-attack"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Public]:
    public = Public(tmp_path, zalo={"app_id": APP, "oa_secret_key": KEY, "app_secret": "s"})
    yield public
    public.engine.dispose()


def _event(text: str = "xin chào", *, age: timedelta = timedelta(0), msg: str = "m1") -> bytes:
    stamp = int((utc_now() - age).timestamp() * 1000)
    body = {
        "app_id": APP,
        "event_name": "user_send_text",
        "timestamp": str(stamp),
        "sender": {"id": "424242"},
        "recipient": {"id": "1022"},
        "message": {"msg_id": msg, "text": text},
    }
    return json.dumps(body).encode()


def _mac(body: bytes, key: str = KEY) -> str:
    stamp = json.loads(body)["timestamp"]
    return "mac=" + sign(APP, body, str(stamp), key)


def _stored(site: Public) -> int:
    with site.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(ZaloEventRow)) or 0)


def test_forged_garbage_replayed_and_oversize_deliveries(site: Public) -> None:
    good = _event()
    hostile: list[tuple[str, bytes, dict[str, str | bytes]]] = [
        ("unsigned", good, {}),
        ("other key", good, {"x-zevent-signature": _mac(good, "guessed")}),
        ("zeros", good, {"x-zevent-signature": "mac=" + "0" * 64}),
        ("truncated", good, {"x-zevent-signature": _mac(good)[:-1]}),
        ("another body", _event("chuyển tiền cho tôi"), {"x-zevent-signature": _mac(good)}),
        ("huge header", good, {"x-zevent-signature": "mac=" + "a" * 7000}),
        ("not ascii", good, {"x-zevent-signature": b"mac=\xe9\xe9"}),
        ("not json", b"\x00\xff" * 50, {"x-zevent-signature": "mac=" + "0" * 64}),
        ("deep json", b"[" * 30_000 + b"]" * 30_000, {"x-zevent-signature": "mac=" + "1" * 64}),
        ("no timestamp", b'{"event_name":"user_send_text"}', {"x-zevent-signature": _mac(good)}),
        ("old replay", _event(age=timedelta(hours=4), msg="old"), {}),
        ("future", _event(age=-timedelta(hours=1), msg="future"), {}),
    ]
    answers: dict[tuple[int, str], int] = {}
    made = 0
    with site.client() as client:
        for name, body, headers in hostile:
            sent = headers
            if name in ("old replay", "future"):
                sent = {"x-zevent-signature": _mac(body)}  # signed right, but out of time
            for _ in range(20):
                response = client.post("/zalo/webhook", content=body, headers=sent)
                made += 1
                answers[(response.status_code, response.text)] = (
                    answers.get((response.status_code, response.text), 0) + 1
                )
        assert _stored(site) == 0
        # the one real event, replayed 50 times (Zalo's retries, or a thief): stored once
        started = time.perf_counter()
        for i in range(50):
            response = client.post(
                "/zalo/webhook",
                content=good,
                headers={"x-zevent-signature": _mac(good), "num_retry": str(i)},
            )
            made += 1
            answers[(response.status_code, response.text)] = (
                answers.get((response.status_code, response.text), 0) + 1
            )
        per_answer = (time.perf_counter() - started) / 50
        # a body over 64 KiB: refused before it is read, declared or streamed
        big = b'{"timestamp":"1","x":"' + b"a" * 70_000 + b'"}'
        assert (
            client.post(
                "/zalo/webhook", content=big, headers={"x-zevent-signature": _mac(good)}
            ).status_code
            == 413
        )

        def chunks() -> Iterator[bytes]:
            for _ in range(100):
                yield b"a" * 1024

        assert client.post("/zalo/webhook", content=chunks()).status_code == 413
        made += 2
    assert _stored(site) == 1
    with site.engine.connect() as connection:
        assert connection.scalar(select(ZaloEventRow.deliveries)) == 50
    print(
        f"\nwebhook attack: {made} deliveries, {_stored(site)} stored, "
        f"{len(answers)} distinct answer(s) to the rest, {per_answer * 1000:.1f} ms an answer"
    )
    assert list(answers) == [(200, OK)], answers  # no oracle


def test_the_webhook_is_not_the_console(site: Public) -> None:
    with site.client() as client:
        assert client.get("/zalo/webhook").status_code == 200
        for path in ("/zalo/webhook/../../tickets", "/zalo/webhook?x=1", "/zalo"):
            response = client.post(path, content=b"{}")
            assert response.status_code in (200, 404, 405)
        assert client.put("/zalo/webhook", content=b"{}").status_code == 405
        assert "content-security-policy" in client.post("/zalo/webhook", content=b"{}").headers
