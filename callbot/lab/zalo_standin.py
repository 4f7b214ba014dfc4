"""A local stand-in for Zalo (not Zalo): the parts of its API callbot uses, and Zalo's side of
the webhook, as a real HTTP server for the tests and for trying the chat by hand.

Zalo itself cannot be reached from where callbot is developed. This server answers what
callbot calls, as Zalo's published documentation describes it:

- ``POST /v3.0/oa/message/cs`` (header ``access_token``): a text or the share-your-info card
  to a user; ``{"error": 0, "data": {"message_id"}}``, or Zalo's errors: -216 unknown token,
  -220 expired token, -230 the user has not written within the window, -201 a bad body;
- ``POST /v4/oa/access_token`` (header ``secret_key``, form ``app_id``,
  ``grant_type=refresh_token``, ``refresh_token``): a new pair; a refresh token works once;
- ``GET /v2.0/oa/getoa``: the OA's profile, if the token works;
- ``GET /media/<name>``: photos users "sent" (what Zalo's content servers serve).

and plays Zalo's side, driven by a control API under ``/_standin/`` (the tests' hand):
``POST /_standin/deliver`` signs an event (``X-ZEvent-Signature: mac=<sha256>``, or a bad or
no signature) and POSTs it to callbot's webhook, waiting 2 s for a 200 as Zalo does, and
retries it on a schedule (``num_retry`` header), delivers it twice, or in any order the test
chooses; ``/_standin/expire`` expires the access tokens; ``/_standin/fail`` makes the next
sends fail; ``/_standin/sent`` and ``/_standin/state`` show what callbot did.

Run: ``python -m callbot.lab.zalo_standin --port 9080 --webhook http://127.0.0.1:8023/zalo/webhook``
(it prints the first token pair as JSON on its first line; ``callbot zalo tokens set`` takes
them).
"""

from __future__ import annotations

import argparse
import json
import secrets
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from callbot.zalo.signature import sign

ZALO_WAIT = 2.0  # Zalo waits this long for the webhook's 200
DAY_MS = 86_400_000


@dataclass
class StandIn:
    """Zalo's state as the stand-in keeps it (one lock guards it all)."""

    app_id: str
    app_secret: str
    oa_secret_key: str
    webhook: str
    token_seconds: int = 90_000
    window_days: float = 7.0  # the cs API refuses users silent for longer (-230)
    access: dict[str, float] = field(default_factory=dict)  # token -> expires (epoch s)
    refresh: set[str] = field(default_factory=set)  # refresh tokens not used yet
    last_seen: dict[str, int] = field(default_factory=dict)  # user -> last event (ms)
    sent: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)
    deliveries: list[dict[str, Any]] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)
    fail_next: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    refreshes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def issue(self) -> dict[str, str]:
        """A new token pair (the first one, or a refresh's)."""
        access, refresh = f"acc-{secrets.token_hex(12)}", f"ref-{secrets.token_hex(12)}"
        self.access[access] = time.time() + self.token_seconds
        self.refresh.add(refresh)
        return {
            "access_token": access,
            "refresh_token": refresh,
            "expires_in": str(self.token_seconds),
        }

    def check_token(self, token: str | None) -> dict[str, Any] | None:
        """Zalo's refusal of an access token, or None when it works."""
        expires = self.access.get(token or "")
        if expires is None:
            return {"error": -216, "message": "Access token is invalid"}
        if expires <= time.time():
            return {"error": -220, "message": "access_token is expired or removed"}
        return None


def _state(request: Request) -> StandIn:
    state: StandIn = request.app.state.standin
    return state


async def send_message(request: Request) -> Response:
    """``POST /v3.0/oa/message/cs``."""
    zalo = _state(request)
    try:
        body = await request.json()
    except ValueError:
        return JSONResponse({"error": -201, "message": "body is not JSON"})
    with zalo.lock:
        if zalo.fail_next:
            _, answer = zalo.fail_next.pop(0)
            status = int(answer.get("http", 200))
            return JSONResponse(answer.get("body", {}), status)
        refusal = zalo.check_token(request.headers.get("access_token"))
        user = str(((body or {}).get("recipient") or {}).get("user_id") or "")
        message = (body or {}).get("message") or {}
        if refusal is None:
            refusal = _check_message(zalo, user, message)
        if refusal is not None:
            zalo.refused.append({"user_id": user, **refusal})
            return JSONResponse(refusal)
        message_id = secrets.token_hex(10)
        payload = ((message.get("attachment") or {}).get("payload")) or {}
        zalo.sent.append(
            {
                "user_id": user,
                "text": message.get("text"),
                "template": payload.get("template_type"),
                "elements": payload.get("elements"),
                "message_id": message_id,
                "at": time.time(),
            }
        )
    return JSONResponse(
        {"error": 0, "message": "Success", "data": {"message_id": message_id, "user_id": user}}
    )


def _check_message(zalo: StandIn, user: str, message: dict[str, Any]) -> dict[str, Any] | None:
    last = zalo.last_seen.get(user)
    if last is None or time.time() * 1000 - last > zalo.window_days * DAY_MS:
        return {"error": -230, "message": "User has not interacted with the OA in the past 7 days"}
    text = message.get("text")
    payload = ((message.get("attachment") or {}).get("payload")) or {}
    if payload:
        elements = payload.get("elements") or []
        if payload.get("template_type") != "request_user_info" or len(elements) != 1:
            return {"error": -201, "message": "attachment is invalid"}
        if len(elements[0].get("title", "")) > 100 or len(elements[0].get("subtitle", "")) > 500:
            return {"error": -201, "message": "title or subtitle too long"}
        return None
    if not isinstance(text, str) or not text or len(text) > 2000:
        return {"error": -201, "message": "text is invalid"}
    return None


async def access_token(request: Request) -> Response:
    """``POST /v4/oa/access_token``: refresh the pair (a refresh token works once)."""
    zalo = _state(request)
    form = await request.form()
    with zalo.lock:
        if (
            request.headers.get("secret_key") != zalo.app_secret
            or form.get("app_id") != zalo.app_id
        ):
            return JSONResponse({"error": -14002, "error_name": "Invalid app_id or secret_key"})
        token = str(form.get("refresh_token", ""))
        if form.get("grant_type") != "refresh_token" or token not in zalo.refresh:
            return JSONResponse({"error": -14014, "error_name": "Invalid refresh token"})
        zalo.refresh.discard(token)
        zalo.refreshes += 1
        return JSONResponse(zalo.issue())


async def get_oa(request: Request) -> Response:
    """``GET /v2.0/oa/getoa``: the OA's profile."""
    zalo = _state(request)
    with zalo.lock:
        refusal = zalo.check_token(request.headers.get("access_token"))
    if refusal is not None:
        return JSONResponse(refusal)
    return JSONResponse({"error": 0, "data": {"oa_id": "1022", "name": "1022 TPHCM (stand-in)"}})


async def media(request: Request) -> Response:
    """``GET /media/<name>``: a photo a user sent."""
    data = _state(request).media.get(request.path_params["name"])
    if data is None:
        return Response(status_code=404)
    return Response(data, media_type="application/octet-stream")


# -- Zalo's side: deliveries to the webhook --------------------------------------------------


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, float]:
    started = time.monotonic()
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=ZALO_WAIT) as answer:  # noqa: S310
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError:
        status = 0  # no answer within 2 s, or refused: Zalo retries
    return status, time.monotonic() - started


def deliver(zalo: StandIn, order: dict[str, Any]) -> dict[str, Any]:
    """Deliver one event as ordered (signed, retried on ``schedule`` until a 200)."""
    event = dict(order["event"])
    event.setdefault("app_id", zalo.app_id)
    event.setdefault("timestamp", str(int(time.time() * 1000)))
    body = json.dumps(event, ensure_ascii=False).encode("utf-8")
    timestamp = str(event["timestamp"])
    mode = order.get("sign", "good")
    headers = {"Content-Type": "application/json"}
    if mode == "good":
        headers["X-ZEvent-Signature"] = "mac=" + sign(
            zalo.app_id, body, timestamp, zalo.oa_secret_key
        )
    elif mode == "bad":
        headers["X-ZEvent-Signature"] = "mac=" + sign(zalo.app_id, body, timestamp, "wrong-key")
    user = str((event.get("sender") or {}).get("id") or "")
    if user and mode == "good":
        with zalo.lock:
            zalo.last_seen[user] = max(zalo.last_seen.get(user, 0), int(timestamp))
    schedule = [0.0, *[float(s) for s in order.get("schedule", [])]]
    record: dict[str, Any] = {"key": order.get("label", ""), "tries": []}
    for attempt, delay in enumerate(schedule):
        time.sleep(delay)
        status, seconds = _post(zalo.webhook, body, {**headers, "num_retry": str(attempt)})
        record["tries"].append({"status": status, "seconds": round(seconds, 4)})
        if status == 200:
            break
    record["status"] = record["tries"][-1]["status"]
    with zalo.lock:
        zalo.deliveries.append(record)
    return record


async def control_deliver(request: Request) -> Response:
    """``POST /_standin/deliver``: {"event", "sign": good|bad|none, "schedule": [s...],
    "copies": n, "wait": true}."""
    zalo = _state(request)
    order = await request.json()
    copies = int(order.get("copies", 1))
    if not order.get("wait", True):
        for _ in range(copies):
            threading.Thread(target=deliver, args=(zalo, order), daemon=True).start()
        return JSONResponse({"queued": copies})
    results = [deliver(zalo, order) for _ in range(copies)]
    return JSONResponse({"results": results})


async def control(request: Request) -> Response:
    """The rest of the control API (``/_standin/<what>``)."""
    zalo = _state(request)
    what = request.path_params["what"]
    data = await request.json() if request.method == "POST" else {}
    with zalo.lock:
        if what == "expire":
            zalo.access = dict.fromkeys(zalo.access, 0.0)
        elif what == "fail":  # the next sends answer this (e.g. {"http": 502} or a -32)
            zalo.fail_next += [(i, data) for i in range(int(data.get("count", 1)))]
        elif what == "user":  # users' last message (e.g. 8 days ago), as Zalo knows it
            for user in data.get("users") or [data["user_id"]]:
                zalo.last_seen[str(user)] = int(data["last_ms"])
        elif what == "media":
            zalo.media[str(data["name"])] = bytes.fromhex(data["hex"])
        elif what == "issue":
            return JSONResponse(zalo.issue())
        elif what == "sent":
            user = request.query_params.get("user_id")
            return JSONResponse([m for m in zalo.sent if not user or m["user_id"] == user])
        elif what == "state":
            return JSONResponse(
                {
                    "sent": len(zalo.sent),
                    "refused": zalo.refused,
                    "refreshes": zalo.refreshes,
                    "deliveries": zalo.deliveries,
                    "tokens": len(zalo.access),
                }
            )
        else:
            return JSONResponse({"error": "unknown"}, 404)
    return JSONResponse({"ok": True})


def create_app(zalo: StandIn) -> Starlette:
    """The stand-in as an ASGI app."""
    app = Starlette(
        routes=[
            Route("/v3.0/oa/message/cs", send_message, methods=["POST"]),
            Route("/v4/oa/access_token", access_token, methods=["POST"]),
            Route("/v2.0/oa/getoa", get_oa, methods=["GET"]),
            Route("/media/{name:str}", media, methods=["GET"]),
            Route("/_standin/deliver", control_deliver, methods=["POST"]),
            Route("/_standin/{what:str}", control, methods=["GET", "POST"]),
        ]
    )
    app.state.standin = zalo
    return app


def main() -> None:
    """Run the stand-in; print the first token pair (JSON) on the first line."""
    parser = argparse.ArgumentParser(description="A local stand-in for Zalo's OA API (not Zalo)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--webhook", required=True, help="callbot's /zalo/webhook URL")
    parser.add_argument("--app-id", default="1022000000000000001")
    parser.add_argument("--app-secret", default="standin-app-secret")
    parser.add_argument("--oa-secret-key", default="standin-oa-secret-key")
    parser.add_argument("--token-seconds", type=int, default=90_000)
    parser.add_argument("--window-days", type=float, default=7.0)
    args = parser.parse_args()
    zalo = StandIn(
        args.app_id,
        args.app_secret,
        args.oa_secret_key,
        args.webhook,
        token_seconds=args.token_seconds,
        window_days=args.window_days,
    )
    print(json.dumps(zalo.issue()), flush=True)
    uvicorn.run(
        create_app(zalo),
        host="127.0.0.1",
        port=args.port,
        log_level="warning",
        access_log=False,
        lifespan="off",
    )


if __name__ == "__main__":
    main()
