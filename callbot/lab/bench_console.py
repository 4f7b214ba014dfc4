"""``callbot bench console``: the queue page with many tickets, and the live feed's delay.

Builds a throw-away database (in a temporary directory, never the configured one) with
``--tickets`` tickets spread over 25 units, statuses and urgencies as a busy day leaves them,
starts the real console on a free loopback port, logs in over HTTP and measures:

- the queue page (``GET /``, first page, default filters) for a supervisor (every unit) and for
  an operator (one unit): wall time per request, p50 and p99;
- a new ticket reaching an open live stream (``GET /live``): from just before the ticket is
  written (by the ticket repository, as the callbot writes it) to the event read by the client;
- the dashboard (``GET /dashboard``, last 24 hours and 7 days; the tickets' claims, callbacks
  and resolves are events) for a supervisor and an operator, and the CSV export of every
  ticket (``GET /export.csv``).

Targets (issue 5): queue page under 300 ms with 10,000 tickets; a new ticket on screen in
under 1 s.
"""

from __future__ import annotations

import dataclasses
import http.client
import json
import random
import re
import socket
import statistics
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import uvicorn
from sqlalchemy import insert

from callbot.config import Config
from callbot.console.asgi import build_console, create_app
from callbot.operators.login import add_user
from callbot.routing.settle import Settler
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.models import Ticket, TicketEvent, utc_now
from callbot.tickets.repository import TicketRepository
from callbot.tickets.rules import ticket_number

UNITS = [f"HCM-{27000 + i}" for i in range(25)]
PASSWORD = "bench-password-1"  # noqa: S105 - a throw-away database


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fill(url: str, count: int) -> None:
    """``count`` tickets in one transaction (bulk insert)."""
    rng = random.Random(1022)  # noqa: S311 - sample data, not secrets
    now = utc_now()
    statuses = ["closed"] * 60 + ["new"] * 25 + ["claimed"] * 10 + ["merged"] * 5
    urgencies = ["normal"] * 85 + ["high"] * 12 + ["emergency"] * 3
    rank = {"emergency": 0, "high": 1, "normal": 2}
    rows: list[dict[str, Any]] = []
    for i in range(1, count + 1):
        at = now - timedelta(seconds=rng.randint(0, 3 * 86400))
        status = rng.choice(statuses)
        urgency = rng.choice(urgencies)
        rows.append(
            {
                "id": i,
                "number": ticket_number(i),
                "created_at": at,
                "updated_at": at,
                "ended_at": at,
                "caller_number": f"09{rng.randint(10**7, 10**8 - 1)}",
                "caller_name": "",
                "caller_id_raw": "",
                "channel_uniqueid": f"1700000000.{i}",
                "channel_linkedid": f"1700000000.{i}",
                "status": status,
                "outcome": "complete",
                "end_reason": "completed",
                "name": rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Năm", None]),
                "ward": f"Phường {rng.randint(1, 15)}",
                "district": f"Quận {rng.choice([1, 3, 4, 5, 6, 8, 10, 11])}",
                "category": rng.choice(["food", "medical", "financial", "testing", "other"]),
                "urgency": urgency,
                "urgency_rank": rank[urgency],
                "emergency": urgency == "emergency",
                "unit": rng.choice(UNITS),
                "unit_name": "UBND Phường",
                "claimed_by": "op" if status == "claimed" else None,
                "claimed_at": now if status == "claimed" else None,
            }
        )
    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(insert(Ticket), rows)
        connection.execute(insert(TicketEvent), _events(rows, rng))
    engine.dispose()


def _events(tickets: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """Claims of claimed and closed tickets; callbacks (most) and resolves of closed ones."""
    events: list[dict[str, Any]] = []
    for row in tickets:
        if row["status"] not in ("claimed", "closed"):
            continue
        at = row["created_at"] + timedelta(minutes=rng.lognormvariate(3, 0.8))
        events.append({"ticket_id": row["id"], "at": at, "user": "op", "action": "claim"})
        if row["status"] == "closed":
            for action in ("callback", "resolve") if rng.random() < 0.7 else ("resolve",):
                at += timedelta(minutes=rng.uniform(1, 10))
                events.append({"ticket_id": row["id"], "at": at, "user": "op", "action": action})
    return events


class _Client:
    """A logged-in HTTP client on loopback (stdlib only)."""

    def __init__(self, port: int, name: str) -> None:
        self.port = port
        self.cookie = ""
        page = self.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page[1])
        if token is None:
            raise RuntimeError("no login form")
        login_cookie = self.cookie
        body = urlencode({"csrf_token": token.group(1), "name": name, "password": PASSWORD})
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request(
            "POST",
            "/login",
            body,
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": login_cookie},
        )
        response = connection.getresponse()
        response.read()
        session = [v.split(";")[0] for k, v in response.getheaders() if k.lower() == "set-cookie"]
        self.cookie = "; ".join(c for c in session if c.startswith("callbot_session="))
        if response.status != 303 or not self.cookie:
            raise RuntimeError(f"login of {name} failed: {response.status}")

    def get(self, path: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", path, headers={"Cookie": self.cookie})
        response = connection.getresponse()
        text = response.read().decode("utf-8")
        for key, value in response.getheaders():
            if key.lower() == "set-cookie" and not self.cookie:
                self.cookie = value.split(";")[0]
        connection.close()
        return response.status, text


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(p99 * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "n": len(ordered),
    }


def _time_pages(client: _Client, path: str, rounds: int) -> dict[str, float]:
    client.get(path)  # warm
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        status, _ = client.get(path)
        samples.append(time.perf_counter() - start)
        if status != 200:
            raise RuntimeError(f"{path}: HTTP {status}")
    return _percentiles(samples)


def _live_delays(port: int, client: _Client, repo: TicketRepository, count: int) -> list[float]:
    settler = Settler(repo.transactions)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/live", headers={"Cookie": client.cookie})
    stream = connection.getresponse()
    if stream.status != 200:
        raise RuntimeError(f"/live: HTTP {stream.status}")
    stream.readline()  # "retry:"
    delays = []
    for i in range(count):
        time.sleep(0.2)
        start = time.perf_counter()
        ticket = repo.create(Caller("0909000000", "", "", f"bench.{i}"))
        repo.finish(ticket.id, "complete", "completed")
        settler.settle(ticket.id)  # no answers: straight to "new"
        while True:
            line = stream.readline().decode("utf-8").strip()
            if line.startswith("data:") and json.loads(line[5:])["id"] == ticket.id:
                # finish() is the second change; the first event (in_call) counts already
                delays.append(time.perf_counter() - start)
                break
    connection.close()
    return delays


def run_console_bench(
    config: Config, *, tickets: int = 10_000, rounds: int = 50, json_output: bool = False
) -> str:
    """Fill a throw-away database with ``tickets`` tickets, serve the console on it and time each
    page over ``rounds`` requests; the figures as text, or JSON with ``json_output``."""
    with tempfile.TemporaryDirectory(prefix="callbot-bench-console-") as tmp:
        storage = dataclasses.replace(config.storage, root=Path(tmp), database_url="")
        bench_config = config.replace(storage=storage)
        url = storage.effective_database_url
        start = time.perf_counter()
        _fill(url, tickets)
        fill_seconds = time.perf_counter() - start
        console = build_console(bench_config)
        add_user(
            console.accounts,
            console.passwords,
            "sup",
            PASSWORD,
            role="supervisor",
            unit="HQ",
            min_length=8,
        )
        add_user(
            console.accounts,
            console.passwords,
            "op",
            PASSWORD,
            role="operator",
            unit=UNITS[0],
            min_length=8,
        )
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(console),
                host="127.0.0.1",
                port=port,
                log_config=None,
                access_log=False,
                lifespan="on",
            )
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            supervisor, operator = _Client(port, "sup"), _Client(port, "op")
            engine = make_engine(url)
            repo = TicketRepository(session_factory(engine))
            results = {
                "tickets": tickets,
                "fill_seconds": round(fill_seconds, 2),
                "queue_page_supervisor": _time_pages(supervisor, "/", rounds),
                "queue_page_operator": _time_pages(operator, "/", rounds),
                "queue_page_filtered": _time_pages(
                    supervisor, "/?category=medical&status=new", rounds
                ),
                "queue_page_last": _time_pages(supervisor, "/?status=all&page=200", rounds),
                "new_ticket_to_live_stream": _percentiles(_live_delays(port, supervisor, repo, 10)),
                "dashboard_supervisor_24h": _time_pages(supervisor, "/dashboard", rounds),
                "dashboard_supervisor_7d": _time_pages(supervisor, "/dashboard?period=7d", rounds),
                "dashboard_operator_7d": _time_pages(operator, "/dashboard?period=7d", rounds),
                "export_csv_all_tickets": _time_pages(
                    supervisor, "/export.csv", max(3, rounds // 5)
                ),
            }
            engine.dispose()
        finally:
            server.should_exit = True
            console.feed.close()
            thread.join(10)
    if json_output:
        return json.dumps(results, indent=2)
    lines = [f"console bench: {tickets} tickets (filled in {results['fill_seconds']} s)"]
    for key, value in results.items():
        if isinstance(value, dict):
            lines.append(
                f"  {key:<28} p50 {value['p50_ms']:7.1f} ms  p99 {value['p99_ms']:7.1f} ms  "
                f"max {value['max_ms']:7.1f} ms  (n={value['n']})"
            )
    return "\n".join(lines)
