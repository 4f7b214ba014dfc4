"""``callbot bench zalo``: how fast the Zalo webhook answers under load, and how soon the bot's
first reply leaves, on real processes.

Builds a throw-away database (a temporary directory, never the configured one), starts the
stand-in for Zalo (:mod:`callbot.lab.zalo_standin`) and a real ``callbot intake`` configured
to use it (its first tokens stored by the real ``callbot zalo tokens set``). Then it plays
Zalo's side itself: signed ``user_send_text`` events ("xin chào" from a new citizen each, so
each starts a conversation), open loop (event *i* is due at *i* / rate seconds whatever the
earlier ones did) on up to ``--connections`` keep-alive connections. Figures:

- the webhook's answer, from when an event was due to its whole answer: p50, p99, max, and
  how many took 2 s or more (Zalo's limit: it would retry them);
- the bot's first reply, from the webhook's answer to the stand-in receiving the greeting:
  p50, p99, max (it includes ``zalo.reorder_seconds``, the wait that keeps a citizen's
  messages in order; the run's value is printed), and how many never came within 15 s;
- the load average of the machine, which may be shared.

Target (issue 16): every answer well under 2 s.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callbot.lab.bench_calls import percentile
from callbot.lab.bench_intake import wait_http
from callbot.zalo.signature import sign

APP_ID, OA_KEY, APP_SECRET = "1022000000000000001", "bench-oa-secret", "bench-app-secret"
PROJECT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class _Run:
    answers: list[float] = field(default_factory=list)  # seconds, due -> answered
    answered_at: dict[str, float] = field(default_factory=dict)  # user -> epoch seconds
    failures: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _deliver(port: int, run: _Run, events: list[tuple[float, str, bytes]], start: float) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for due, user, body in events:
        pause = start + due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        stamp = json.loads(body)["timestamp"]
        headers = {
            "Content-Type": "application/json",
            "X-ZEvent-Signature": "mac=" + sign(APP_ID, body, stamp, OA_KEY),
        }
        try:
            connection.request("POST", "/zalo/webhook", body, headers)
            answer = connection.getresponse()
            answer.read()
            ok = answer.status == 200
        except OSError:
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            ok = False
        done = time.monotonic()
        with run.lock:
            run.answers.append(done - (start + due))
            if ok:
                run.answered_at[user] = time.time()
            else:
                run.failures += 1
    connection.close()


def _standin_knows(port: int, users: list[str], last_ms: int) -> None:
    """Tell the stand-in these users wrote (the bench delivers their events itself)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = json.dumps({"users": users, "last_ms": last_ms})
    connection.request("POST", "/_standin/user", body, {"Content-Type": "application/json"})
    connection.getresponse().read()
    connection.close()


def _standin_sent(port: int) -> list[dict[str, Any]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/_standin/sent")
    sent: list[dict[str, Any]] = json.loads(connection.getresponse().read())
    connection.close()
    return sent


def run_zalo_bench(rate: float, seconds: float, connections: int, reorder: float) -> dict[str, Any]:
    """Run the benchmark (module docstring); its figures."""
    root = Path(tempfile.mkdtemp(prefix="callbot-bench-zalo-"))
    intake_port, standin_port = _free_port(), _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    base = f"http://127.0.0.1:{standin_port}"
    env.update(
        CALLBOT_PROJECT_DIR=str(root),
        CALLBOT_STORAGE__ROOT=str(root),
        CALLBOT_ZALO__APP_ID=APP_ID,
        CALLBOT_ZALO__APP_SECRET=APP_SECRET,
        CALLBOT_ZALO__OA_SECRET_KEY=OA_KEY,
        CALLBOT_ZALO__API_BASE_URL=base,
        CALLBOT_ZALO__OAUTH_BASE_URL=base,
        CALLBOT_ZALO__REORDER_SECONDS=str(reorder),
        CALLBOT_LOG__LEVEL="WARNING",
    )
    standin = subprocess.Popen(
        [sys.executable, "-m", "callbot.lab.zalo_standin", "--port", str(standin_port),
         "--webhook", f"http://127.0.0.1:{intake_port}/zalo/webhook", "--app-id", APP_ID,
         "--app-secret", APP_SECRET, "--oa-secret-key", OA_KEY],
        cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    intake: subprocess.Popen[bytes] | None = None
    try:
        if standin.stdout is None:
            raise RuntimeError("the stand-in's output is not readable")
        tokens = json.loads(standin.stdout.readline())
        cli = [sys.executable, "-m", "callbot.cli"]
        subprocess.run(
            [*cli, "db", "upgrade"], env=env, cwd=PROJECT, check=True, capture_output=True
        )
        subprocess.run(
            [*cli, "zalo", "tokens", "set", "--stdin"],
            env=env, cwd=PROJECT, check=True, capture_output=True,
            input=f"{tokens['access_token']}\n{tokens['refresh_token']}\n".encode(),
        )  # fmt: skip
        with (root / "intake.log").open("wb") as log:
            intake = subprocess.Popen(
                [*cli, "intake", "--port", str(intake_port)],
                env=env, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 30
        wait_http(intake_port, "/zalo/webhook", intake, root / "intake.log", deadline)
        wait_http(standin_port, "/_standin/state", standin, None, deadline)
        return _measure(
            intake_port,
            standin_port,
            rate=rate,
            seconds=seconds,
            connections=connections,
            reorder=reorder,
        )
    finally:
        for process in (intake, standin):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(15)
        if standin.stdout is not None:
            standin.stdout.close()


def _measure(
    intake_port: int,
    standin_port: int,
    *,
    rate: float,
    seconds: float,
    connections: int,
    reorder: float,
) -> dict[str, Any]:
    count = max(1, int(rate * seconds))
    now_ms = int(time.time() * 1000)
    events = []
    for i in range(count):
        user = f"9{i:09d}"
        body = {
            "app_id": APP_ID, "event_name": "user_send_text", "timestamp": str(now_ms + i),
            "sender": {"id": user}, "recipient": {"id": "1022"},
            "message": {"msg_id": f"bench-{i}", "text": "xin chào"},
        }  # fmt: skip
        events.append((i / rate, user, json.dumps(body).encode()))
    _standin_knows(standin_port, [user for _, user, _ in events], now_ms)
    run = _Run()
    load_before = os.getloadavg()[0]
    start = time.monotonic()
    threads = [
        threading.Thread(target=_deliver, args=(intake_port, run, events[i::connections], start))
        for i in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    waited_until = time.monotonic() + 15
    firsts: dict[str, float] = {}
    while time.monotonic() < waited_until and len(firsts) < len(run.answered_at):
        for message in _standin_sent(standin_port):
            firsts.setdefault(message["user_id"], message["at"])
        time.sleep(0.2)
    replies = [firsts[u] - t for u, t in run.answered_at.items() if u in firsts]
    return {
        "events": count,
        "rate": rate,
        "connections": connections,
        "reorder_seconds": reorder,
        "answered": len(run.answered_at),
        "failed": run.failures,
        "answer_p50_ms": round(statistics.median(run.answers) * 1000, 1),
        "answer_p99_ms": round((percentile(run.answers, 99) or 0.0) * 1000, 1),
        "answer_max_ms": round(max(run.answers) * 1000, 1),
        "answers_over_2s": sum(1 for a in run.answers if a >= 2.0),
        "reply_p50_s": round(statistics.median(replies), 3) if replies else None,
        "reply_p99_s": round(percentile(replies, 99) or 0.0, 3) if replies else None,
        "reply_max_s": round(max(replies), 3) if replies else None,
        "no_reply": len(run.answered_at) - len(replies),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def text(figures: dict[str, Any]) -> str:
    """The figures for a person."""
    f = figures
    return "\n".join(
        [
            f"zalo webhook: {f['events']} signed events at {f['rate']}/s on {f['connections']} "
            f"connection(s); {f['answered']} answered 200, {f['failed']} failed",
            f"  answer (due -> answered): p50 {f['answer_p50_ms']} ms, "
            f"p99 {f['answer_p99_ms']} ms, max {f['answer_max_ms']} ms; "
            f"{f['answers_over_2s']} at 2 s or more",
            f"  first reply (answered -> at the stand-in): p50 {f['reply_p50_s']} s, "
            f"p99 {f['reply_p99_s']} s, max {f['reply_max_s']} s; {f['no_reply']} without one "
            f"(zalo.reorder_seconds {f['reorder_seconds']})",
            f"  load average {f['load_average'][0]} before, {f['load_average'][1]} after (2 cores,"
            " shared)",
        ]
    )
