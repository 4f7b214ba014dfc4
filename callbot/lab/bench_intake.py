"""``callbot bench intake``: web form posts per second, their latency, and how soon each new
ticket reaches an operator's live queue.

Builds a throw-away database (a temporary directory, never the configured one), starts the
real ``callbot intake`` and ``callbot console`` processes on free loopback ports (the limits
per address and per phone raised for the run: one address sends everything), logs a
supervisor in over HTTP and keeps the console's live feed (``GET /live``, server-sent events)
open, as an operator's open queue page does. Then it posts the web form as a browser does
(``multipart/form-data``, an empty photo input, the form's signed token fetched from ``GET
/``), open loop: request *i* is due at *i* / rate seconds, whatever the earlier ones did, on
up to ``--connections`` keep-alive connections, so a slow answer delays the ones behind it
and shows in the figures (no coordinated omission). Figures:

- throughput: posts answered 200 with a ticket number per second of the run;
- latency of a post, from when it was due to its whole answer: p50, p99, max;
- live queue: from a post's answer to the live feed's event for its ticket: p50, p99, max,
  and how many never came within 5 s;
- CPU time the intake processes used per post, and the console's share of a core (the
  machine may be shared: the load average is printed beside them).

Targets (issue 15): 200 posts a second with p99 under 100 ms; the ticket in the live queue
under 1 s after the post.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from callbot.config import Config, as_environ
from callbot.operators.login import Passwords, add_user
from callbot.operators.stores import open_operators

PASSWORD = "bench-password-1"  # noqa: S105 - a throw-away database
ADDRESSES = (
    "12 Nguyễn Trãi, phường 2, quận 5",
    "hẻm 300 Phạm Thế Hiển, phường 4, quận 8",
    "45 Lê Văn Sỹ, phường 13, quận 3",
    "phường 12 quận Gò Vấp",
    "số 7 đường số 3, phường Bình Trị Đông",
)
NEEDS = (
    "Gia đình tôi hết gạo ba ngày rồi",
    "Tôi mất việc cần hỗ trợ tiền thuê nhà",
    "Con tôi sốt cao cần xét nghiệm",
    "Cần hỗ trợ thực phẩm cho người già neo đơn",
    "Mẹ tôi khó thở cần xe cấp cứu",  # an emergency, now and then
)
_NUMBER = re.compile(rb'id="ticket-number">(\d+)<')
_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(args: list[str], config: Config, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, **as_environ(config)}
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "callbot.cli", *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


def wait_http(
    port: int,
    path: str,
    process: subprocess.Popen[bytes],
    log: Path | None,
    deadline: float = 0.0,
) -> None:
    """Wait until a server started as ``process`` answers GET ``path`` on loopback ``port``
    (by ``deadline``, monotonic; default 30 s from now); the end of its ``log`` is in the
    error."""
    deadline = deadline or time.monotonic() + 30

    def tail() -> str:
        return log.read_text()[-2000:] if log is not None else f"nothing on port {port}"

    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"a server exited: {tail()}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", path)
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"a server did not start: {tail()}")


_WARM_UP = 20  # posts sent before the measured ones (rate x seconds of them)


def _cpu_seconds(root_pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its descendants (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    wanted, total = {root_pid}, 0.0
    changed = True
    while changed:
        changed = False
        for pid, (parent, _) in stats.items():
            if parent in wanted and pid not in wanted:
                wanted.add(pid)
                changed = True
    for pid in wanted:
        total += stats.get(pid, (0, 0.0))[1]
    return total


def _login(port: int) -> str:
    """A supervisor's session cookie on the console."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/login")
    page = connection.getresponse()
    cookies = "; ".join(c.split(";")[0] for c in page.headers.get_all("set-cookie") or [])
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.read().decode())
    if token is None:
        raise RuntimeError("the console's login page has no CSRF token")
    body = urllib.parse.urlencode(
        {"csrf_token": token.group(1), "name": "bench", "password": PASSWORD}
    )
    connection.request(
        "POST",
        "/login",
        body,
        {"content-type": "application/x-www-form-urlencoded", "cookie": cookies},
    )
    answer = connection.getresponse()
    answer.read()
    session = [c.split(";")[0] for c in answer.headers.get_all("set-cookie") or []]
    connection.close()
    found = [c for c in session if c.startswith("callbot_session=")]
    if not found:
        raise RuntimeError("could not log in to the console")
    return found[0]


@dataclass
class LiveWatch:
    """The console's live feed, read in a thread: when each ticket number first came."""

    port: int
    cookie: str
    seen: dict[str, float] = field(default_factory=dict)
    ready: threading.Event = field(default_factory=threading.Event)
    _connection: http.client.HTTPConnection | None = None

    def run(self) -> None:
        """Read events until :meth:`stop` closes the stream."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        self._connection = connection
        connection.request("GET", "/live", headers={"cookie": self.cookie})
        response = connection.getresponse()
        self.ready.set()
        with contextlib.suppress(OSError, ValueError):
            while line := response.fp.readline():
                if line.startswith(b"data:") and b'"number"' in line:
                    number = json.loads(line[5:])["number"]
                    self.seen.setdefault(number, time.monotonic())

    def stop(self) -> None:
        """End the stream (its reader returns)."""
        if self._connection is not None and self._connection.sock is not None:
            with contextlib.suppress(OSError):
                self._connection.sock.shutdown(socket.SHUT_RDWR)


def _multipart(fields: dict[str, str], boundary: str) -> bytes:
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="photos"; filename=""\r\n'
        "Content-Type: application/octet-stream\r\n\r\n\r\n"
    )
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode("utf-8")


def _requests(count: int, token: str, port: int) -> list[bytes]:
    """``count`` form posts as raw HTTP/1.1 requests (each a different phone number)."""
    built = []
    for i in range(count):
        boundary = uuid.uuid4().hex
        body = _multipart(
            {
                "form_token": token,
                "website": "",
                "name": f"Người Thử {i}",
                "phone": f"09{10_000_000 + i:08d}",
                "address": ADDRESSES[i % len(ADDRESSES)],
                "ward": "",
                "need": NEEDS[i % 50 % len(NEEDS)] if i % 50 == 0 else NEEDS[i % 4],
                "consent": "1",
            },
            boundary,
        )
        head = (
            f"POST /send HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        built.append(head.encode("ascii") + body)
    return built


@dataclass
class Result:
    """One post: when it was due, when its answer ended, its status and ticket number."""

    due: float
    done: float = 0.0
    status: int = 0
    number: str | None = None


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> tuple[int, bytes]:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = re.search(rb"(?i)content-length: *(\d+)", head)
    body = await reader.readexactly(int(length.group(1))) if length else b""
    return status, body


async def _load(port: int, requests: list[bytes], rate: float, connections: int) -> list[Result]:
    pool: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(await asyncio.open_connection("127.0.0.1", port))
    start = time.monotonic() + 0.2
    results = [Result(due=start + i / rate) for i in range(len(requests))]

    async def one(i: int) -> None:
        result = results[i]
        await asyncio.sleep(max(0.0, result.due - time.monotonic()))
        reader, writer = await pool.get()
        try:
            result.status, body = await _exchange(reader, writer, requests[i])
            found = _NUMBER.search(body)
            result.number = found.group(1).decode() if found else None
        except (OSError, asyncio.IncompleteReadError, ValueError):
            result.status = -1
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        finally:
            result.done = time.monotonic()
            pool.put_nowait((reader, writer))

    await asyncio.gather(*(one(i) for i in range(len(requests))))
    while not pool.empty():
        _, writer = pool.get_nowait()
        writer.close()
    return results


def _stats(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p99": None, "max": None}
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        "p50": round(statistics.median(ordered) * 1000, 1),
        "p99": round(p99 * 1000, 1),
        "max": round(ordered[-1] * 1000, 1),
    }


def _bench_config(config: Config, root: Path, workers: int) -> Config:
    storage = type(config.storage)(root=root)
    intake = type(config.intake)(
        **{
            **{f: getattr(config.intake, f) for f in config.intake.__dataclass_fields__},
            "sends_per_address": 10**9,
            "max_sends_per_address": 10**9,
            "sends_per_phone": 10**6,
            "min_fill_seconds": 1.0,
            "workers": workers,
            "secret": "bench-" + uuid.uuid4().hex,
        }
    )
    return config.replace(storage=storage, intake=intake)


def run_intake_bench(
    config: Config,
    *,
    rate: float,
    seconds: float,
    connections: int,
    workers: int,
    json_output: bool,
) -> str:
    """Run the benchmark (module docstring); its figures as text or JSON."""
    with tempfile.TemporaryDirectory(prefix="callbot-bench-intake-") as tmp:
        root = Path(tmp)
        bench = _bench_config(config, root, workers)
        add_user(
            open_operators(bench).accounts,
            Passwords.from_config(bench.console),
            "bench",
            PASSWORD,
            role="supervisor",
            unit="HCM",
            min_length=10,
        )
        console_port, intake_port = _free_port(), _free_port()
        console = _start(["console", "--port", str(console_port)], bench, root / "console.log")
        intake = _start(["intake", "--port", str(intake_port)], bench, root / "intake.log")
        try:
            wait_http(console_port, "/login", console, root / "console.log")
            wait_http(intake_port, "/", intake, root / "intake.log")
            figures = _measure(
                bench,
                console_port,
                intake_port,
                rate=rate,
                seconds=seconds,
                connections=connections,
                pids=(intake.pid, console.pid),
            )
        finally:
            for process in (intake, console):
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(10)
                if process.poll() is None:
                    process.kill()
                    process.wait()
    return json.dumps(figures, indent=2) if json_output else _text(figures)


def _measure(
    config: Config,
    console_port: int,
    intake_port: int,
    *,
    rate: float,
    seconds: float,
    connections: int,
    pids: tuple[int, int],
) -> dict[str, object]:
    watch = LiveWatch(console_port, _login(console_port))
    reader = threading.Thread(target=watch.run, name="bench-live", daemon=True)
    reader.start()
    watch.ready.wait(10)
    page = http.client.HTTPConnection("127.0.0.1", intake_port, timeout=10)
    page.request("GET", "/")
    token = _TOKEN.search(page.getresponse().read().decode())
    page.close()
    if token is None:
        raise RuntimeError("the form has no token")
    count = max(1, int(rate * seconds))
    requests = _requests(_WARM_UP + count, token.group(1), intake_port)
    time.sleep(config.intake.min_fill_seconds)  # the form's minimum fill time
    # warm-up: the parsers' gazetteer, the connections, the first settle
    asyncio.run(_load(intake_port, requests[:_WARM_UP], 20.0, min(connections, 4)))
    cpu_before = [_cpu_seconds(pid) for pid in pids]
    began = time.monotonic()
    results = asyncio.run(_load(intake_port, requests[_WARM_UP:], rate, connections))
    elapsed = time.monotonic() - began
    cpu = [_cpu_seconds(pid) - before for pid, before in zip(pids, cpu_before, strict=True)]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(
        r.number and r.number not in watch.seen for r in results
    ):
        time.sleep(0.05)
    watch.stop()
    reader.join(3)
    ok = [r for r in results if r.status == 200 and r.number]
    visible = [watch.seen[r.number] - r.done for r in ok if r.number in watch.seen]
    figures = {
        "rate_asked": rate,
        "posts": len(results),
        "answered_ok": len(ok),
        "errors": len(results) - len(ok),
        "seconds": round(elapsed, 2),
        "throughput_per_second": round(len(ok) / elapsed, 1),
        "post_latency_ms": _stats([r.done - r.due for r in ok]),
        "live_queue_ms": _stats([max(0.0, v) for v in visible]),
        "never_in_live_queue": len(ok) - len(visible),
        "intake_cpu_ms_per_post": round(cpu[0] * 1000 / max(1, len(results)), 2),
        "console_cpu_percent": round(100 * cpu[1] / elapsed, 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "connections": connections,
        "intake_workers": config.intake.workers,
        "live_poll_seconds": config.console.live_poll_seconds,
    }
    return figures


def _text(figures: dict[str, object]) -> str:
    post = figures["post_latency_ms"]
    live = figures["live_queue_ms"]
    if not isinstance(post, dict) or not isinstance(live, dict):
        raise TypeError("figures without latencies")
    return "\n".join(
        [
            f"callbot bench intake: {figures['rate_asked']} form posts/s asked for "
            f"{figures['seconds']} s ({figures['connections']} connections, "
            f"{figures['intake_workers']} intake process(es))",
            f"  posts answered with a ticket  {figures['answered_ok']}/{figures['posts']}, "
            f"{figures['throughput_per_second']} per second",
            f"  post latency (from due)       p50 {post['p50']} ms  p99 {post['p99']} ms  "
            f"max {post['max']} ms",
            f"  ticket in the live queue      p50 {live['p50']} ms  p99 {live['p99']} ms  "
            f"max {live['max']} ms after the post; never: {figures['never_in_live_queue']}",
            f"  intake CPU per post           {figures['intake_cpu_ms_per_post']} ms "
            f"(console {figures['console_cpu_percent']}% of a core; load average "
            f"{figures['load_average_1min']} on {os.cpu_count()} cores)",
        ]
    )
