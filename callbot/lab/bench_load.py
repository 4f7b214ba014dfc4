"""``callbot bench load``: SIPp callers with real RTP against a cluster on this machine, one
node on one core against two nodes on two cores, side by side in one run.

For each layout and each concurrency level N, on a fresh database of a throwaway PostgreSQL:
the sandbox's dialplan lists the layout's nodes, the nodes (``callbot serve``, no
transcription threads) and the workers (``callbot worker``, one decoding thread each) start
pinned with ``taskset`` (``1 core``: one node and one worker on core 0; ``2 cores``: a node and a
worker on each of cores 0 and 1; Asterisk, PostgreSQL and SIPp are not pinned), then SIPp places
N calls, ``rate`` a second, at most N at once: each dials 1022, presses 2 (RFC 2833) and says
three answers (G.711 RTP from espeak-ng recordings, timed for the short test prompts, which the
benchmark uses). Printed per run:

- calls placed, completed (SIPp saw the callbot hang up after the ticket number, and the ticket
  is complete with its three answers), lost (placed and not completed), peak calls in flight;
- the caller's wait between their last word and the next prompt, read-backs and the
  emergency check included (the nodes' own figures), p50 / p95, and how many read-backs gave
  up waiting for a transcript (``dialog.transcript_wait_seconds``, 1.5 s here: the read-back
  then says what it knows, or that an operator will check);
- hang-up to ticket ready for operators, p50 / p95, and tickets not ready in time;
- CPU seconds per completed call: Asterisk, the callbot processes, PostgreSQL, SIPp.

Then speech throughput alone: the same answers queued at once, decoded by one worker process
on core 0, then by two on cores 0 and 1 (two rounds, alternating): audio seconds decoded per
second, and the ratio. The machine is shared: figures of one run are comparable with each
other, not with another machine's.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from callbot.cluster.nodes import list_nodes
from callbot.config import Config, as_environ, load_config
from callbot.errors import CallbotError, StorageError
from callbot.lab.bench_calls import ANSWERS, percentile
from callbot.lab.load_parts import Pinned, cpu_seconds, postgres_pids, sipp_callers, sipp_stats
from callbot.sandbox import Sandbox
from callbot.sandbox.postgres import ThrowawayPostgres
from callbot.speech.prompts import load_prompts, rendered_dir
from callbot.speech.render import render_prompts
from callbot.speech.tts import synthesize_text
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine, session_factory, upgrade
from callbot.tickets.models import Answer, Ticket
from callbot.tickets.repository import TicketRepository

log = logging.getLogger(__name__)

# The SIPp callers' answers are placed in time for these prompts and this silence (see
# dialplan/sipp/answers_pcap.py); every SIPp caller is the sandbox's caller1: no merging.
LOAD_SETTINGS = {
    "CALLBOT_PROMPTS__FILE": "tests/fixtures/prompts-short.toml",
    "CALLBOT_PROMPTS__ENGINE": "espeak",
    "CALLBOT_DIALOG__SILENCE_SECONDS": "1",
    "CALLBOT_DIALOG__MAX_ANSWER_SECONDS": "15",
    "CALLBOT_DIALOG__KEY_TIMEOUT_SECONDS": "2",
    "CALLBOT_ROUTING__REPEAT_WINDOW_HOURS": "0",
    "CALLBOT_AGI__MAX_CALLS": "400",
    "CALLBOT_CLUSTER__HEARTBEAT_SECONDS": "0.5",
    "CALLBOT_CLUSTER__TRANSCRIBE": "false",
    "CALLBOT_CLUSTER__METRICS_PORT": "0",
    "CALLBOT_STORAGE__SWEEP_SECONDS": "10",  # journals of calls the database missed
    "CALLBOT_ASR__WORKERS": "1",
}
LAYOUTS = {1: ("0",), 2: ("0", "1")}  # layout -> the core of each node and worker
WAITS = ("turn_gap", "readback_wait", "spoken_wait")


@dataclass
class Bench:
    """What every run shares: the configuration's environment, the database server, files."""

    env: dict[str, str]
    postgres: ThrowawayPostgres
    directory: Path
    pcap: Path
    answers: tuple[Path, ...]
    wait: float
    runs: int = 0

    def config(self, **extra: str) -> Config:
        """The configuration of the processes (``extra`` environment over it)."""
        return load_config(environ={**self.env, **extra})

    def database(self) -> str:
        """A fresh, migrated database of the throwaway PostgreSQL; its URL."""
        self.runs += 1
        url = self.postgres.create_database(f"load{self.runs}")
        upgrade(url)
        return url

    def processes(self, url: str, layout: int, *, serve: bool = True) -> list[Pinned]:
        """The layout's nodes (without ``serve``: none) and workers, pinned, not started."""
        base = self.config().agi.port
        directory = self.directory / f"run{self.runs}"
        directory.mkdir(exist_ok=True)
        made = []
        recordings = directory / "recordings"  # its own: no journal of another run recovered
        for index, cpus in enumerate(LAYOUTS[layout]):
            common = {
                **self.env,
                "CALLBOT_STORAGE__DATABASE_URL": url,
                "CALLBOT_STORAGE__RECORDINGS": str(recordings),
            }
            if serve:
                node = {
                    "CALLBOT_AGI__PORT": str(base + index),
                    "CALLBOT_MEDIA__PORT": str(base + 10 + index),  # its AudioSocket server
                    "CALLBOT_CLUSTER__NODE": f"node{index + 1}",
                    "CALLBOT_DIALOG__TRANSCRIPT_WAIT_SECONDS": str(self.wait),
                }
                made.append(
                    Pinned(f"node{index + 1}", "serve", {**common, **node}, cpus, directory)
                )
            worker = {"CALLBOT_CLUSTER__NODE": f"worker{index + 1}"}
            made.append(
                Pinned(f"worker{index + 1}", "worker", {**common, **worker}, cpus, directory)
            )
        return made


def _start(processes: list[Pinned]) -> None:
    for process in processes:
        process.start()
    for process in processes:
        process.wait_ready()


def _peak_sampler(url: str, stop: threading.Event, peak: list[int]) -> threading.Thread:
    """Samples the calls in flight the nodes report in their heartbeats."""
    engine = make_engine(url)
    tx = TicketRepository(session_factory(engine)).transactions

    def sample() -> None:
        try:
            while not stop.wait(0.5):
                try:
                    nodes = list_nodes(tx, timedelta(seconds=5), timedelta(hours=1))
                except StorageError:  # the database is being restarted
                    continue
                peak[0] = max(peak[0], sum(n.calls for n in nodes if n.alive))
        finally:
            engine.dispose()

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    return thread


def _tickets(url: str) -> list[dict[str, Any]]:
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            counts = dict(
                session.execute(
                    select(Answer.ticket_id, func.count()).group_by(Answer.ticket_id)
                ).all()
            )
            return [
                {
                    "status": t.status,
                    "outcome": t.outcome,
                    "answers": counts.get(t.id, 0),
                    "ready_after": (t.ready_at - t.ended_at).total_seconds()
                    if t.ready_at and t.ended_at
                    else None,
                }
                for t in session.scalars(select(Ticket))
            ]
    finally:
        engine.dispose()


def _wait_settled(url: str, expected: int, timeout: float) -> None:
    """Until there are ``expected`` tickets, none in call or transcribing (the database may be
    down a while, and calls recorded meanwhile come in from their journals)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            tickets = _tickets(url)
            if len(tickets) >= expected and all(
                t["status"] not in ("in_call", "transcribing") for t in tickets
            ):
                return
        except SQLAlchemyError:  # stopped by the fault run: wait for it
            pass
        time.sleep(2)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _dead_node(kind: str) -> tuple[str, list[socket.socket]]:
    """A node that is gone: ``refused`` (a closed port: the process died) or ``silent`` (a
    full accept queue drops the SYNs: the machine is gone); its address, and the sockets to
    close at the end."""
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    address = f"127.0.0.1:{hole.getsockname()[1]}"
    if kind == "refused":
        hole.close()
        return address, []
    hole.listen(0)
    held = [hole]
    for _ in range(3):  # fill the accept queue: later SYNs are dropped
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(hole.getsockname())
        held.append(filler)
    return address, held


def _restart_database(bench: Bench, after: float, down: float, done: threading.Event) -> None:
    """Stop the database ``after`` seconds from now, start it again ``down`` seconds later."""
    if not done.wait(after):
        bench.postgres.stop_server("fast")
        time.sleep(down)
        bench.postgres.start_server()


@dataclass
class Measured:
    """What one run measured, before it becomes figures."""

    sip: dict[str, str]
    tickets: list[dict[str, Any]]
    waits: dict[str, list[float]]
    peak: int
    cpu: float
    sipp_cpu: float
    elapsed: float


def _place_calls(
    bench: Bench,
    sandbox: Sandbox,
    url: str,
    processes: list[Pinned],
    *,
    calls: int,
    rate: float,
    restart_db: float,
) -> Measured:
    """SIPp's calls into the running layout, until every ticket settled (or the time ran out)."""
    stats = bench.directory / f"sipp-{bench.runs}.csv"
    asterisk = int((sandbox.paths.runtime / "run" / "asterisk.pid").read_text().split()[0])
    watched = [asterisk, *postgres_pids(bench.postgres.data), *(p.pid for p in processes)]
    before = cpu_seconds(watched)
    sipp_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    stop, peak = threading.Event(), [0]
    sampler = _peak_sampler(url, stop, peak)
    started = time.monotonic()
    scenario = bench.config().project_dir / "dialplan" / "sipp" / "caller.xml"
    port = sandbox.config.sandbox.sip_port
    command = sipp_callers(scenario, bench.pcap, port, calls, rate=rate, stats=stats)
    if restart_db:
        args = (bench, calls / rate / 2, restart_db, stop)
        threading.Thread(target=_restart_database, args=args, daemon=True).start()
    subprocess.run(
        command, cwd=bench.directory, capture_output=True, check=False, timeout=calls / rate + 600
    )
    sipp_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sip = sipp_stats(stats)
    expected = int(sip.get("SuccessfulCall(C)", 0))
    _wait_settled(url, expected, max(180.0, calls * 1.5) + restart_db * 3)
    stop.set()
    sampler.join()
    waits: dict[str, list[float]] = {kind: [] for kind in (*WAITS, "failover")}
    for process in processes:
        if process.command == "serve" and process.metrics.exists():
            for line in process.metrics.read_text().splitlines():
                record = json.loads(line)
                if record["kind"] in waits:
                    waits[record["kind"]].append(float(record["seconds"]))
                elif record["kind"] == "route":
                    waits["failover"].append(float(record.get("failover_ms", 0)) / 1000)
    return Measured(
        sip=sip,
        tickets=_tickets(url),
        waits=waits,
        peak=peak[0],
        cpu=cpu_seconds(watched) - before,
        sipp_cpu=(sipp_after.ru_utime + sipp_after.ru_stime)
        - (sipp_before.ru_utime + sipp_before.ru_stime),
        elapsed=time.monotonic() - started,
    )


def load_run(
    bench: Bench,
    layout: int,
    calls: int,
    rate: float,
    *,
    dead: str | None = None,
    restart_db: float = 0.0,
) -> dict[str, Any]:
    """One layout at one level; its figures. ``dead``: a dead node (refused or silent) is
    first in the dialplan's list; ``restart_db``: PostgreSQL is stopped that many seconds while
    the calls go on (from the middle of the arrivals)."""
    url = bench.database()
    processes = bench.processes(url, layout)
    nodes = " ".join(
        f"127.0.0.1:{p.env['CALLBOT_AGI__PORT']}" for p in processes if p.command == "serve"
    )
    held: list[socket.socket] = []
    if dead:
        address, held = _dead_node(dead)
        nodes = f"{address} {nodes}"
    sandbox = Sandbox(bench.config(CALLBOT_AGI__NODES=nodes))
    sandbox.up()  # renders the dialplan with this layout's nodes (reloads a running one)
    try:
        _start(processes)
        m = _place_calls(
            bench, sandbox, url, processes, calls=calls, rate=rate, restart_db=restart_db
        )
    finally:
        for process in processes:
            process.stop()
        for sock in held:
            sock.close()
    every = [w for kind in WAITS for w in m.waits[kind]]
    complete = [t for t in m.tickets if t["outcome"] == "complete" and t["answers"] >= 3]
    ready = [t["ready_after"] for t in m.tickets if t["ready_after"] is not None]
    placed, done_calls = (
        int(m.sip.get("TotalCallCreated", 0)),
        int(m.sip.get("SuccessfulCall(C)", 0)),
    )
    completed = min(done_calls, len(complete))
    figures: dict[str, Any] = {
        "layout": f"{layout} node(s), {layout} core(s)",
        "calls": calls,
        "placed": placed,
        "completed": completed,
        "lost": placed - completed,
        "tickets": len(m.tickets),
        "peak_in_flight": m.peak,
        "wait_s_p50": _round(percentile(every, 50)),
        "wait_s_p95": _round(percentile(every, 95)),
        "turn_gap_s_p95": _round(percentile(m.waits["turn_gap"], 95)),
        "readback_s_p95": _round(percentile(m.waits["readback_wait"], 95)),
        "readback_gave_up": sum(1 for w in m.waits["readback_wait"] if w >= bench.wait - 0.05),
        "readbacks": len(m.waits["readback_wait"]),
        "ready_s_p50": _round(percentile(ready, 50), 1),
        "ready_s_p95": _round(percentile(ready, 95), 1),
        "not_ready": len(m.tickets) - len(ready),
        "cpu_s_per_call": _round((m.cpu + m.sipp_cpu) / max(1, completed)),
        "sipp_cpu_s_per_call": _round(m.sipp_cpu / max(1, completed), 3),
        "seconds": round(m.elapsed, 1),
    }
    if dead:
        figures.update(
            dead_node=dead,
            failover_s_p50=_round(percentile(m.waits["failover"], 50), 3),
            failover_s_max=_round(max(m.waits["failover"], default=None), 3),
        )
    if restart_db:
        stored = sum(t["answers"] for t in m.tickets)
        figures.update(
            database_down_s=restart_db,
            answers_stored=stored,
            answers_missing=3 * done_calls - stored,
        )
    return figures


def speech_run(bench: Bench, layout: int, answers: int) -> dict[str, Any]:
    """``answers`` recordings queued at once, decoded by the layout's workers alone."""
    url = bench.database()
    workers = bench.processes(url, layout, serve=False)
    _start(workers)
    recordings = Path(workers[0].env["CALLBOT_STORAGE__RECORDINGS"])
    directory = recordings / "load-speech"
    directory.mkdir(parents=True, exist_ok=True)
    for index, source in enumerate(bench.answers):
        shutil.copyfile(source, directory / f"{index}.wav")
    engine = make_engine(url)
    repo = TicketRepository(session_factory(engine))
    try:
        from callbot.speech.audio import wav_duration  # noqa: PLC0415

        audio = 0.0
        started = time.monotonic()
        ticket = repo.create(Caller("0900000001", "", "", f"speech.{bench.runs}"))
        repo.finish(ticket.id, "complete", "completed")
        for n in range(answers):
            source = directory / f"{n % len(bench.answers)}.wav"
            repo.add_answer(ticket.id, f"s{n}", str(source.relative_to(recordings)), 1.0, "silence")
            audio += wav_duration(source)
        while time.monotonic() - started < 900:
            if all(a.transcription != "pending" for a in repo.get(ticket.id).answers):
                break
            time.sleep(0.2)
        elapsed = time.monotonic() - started
    finally:
        engine.dispose()
        for worker in workers:
            worker.stop()
    return {
        "workers": len(workers),
        "audio_s": round(audio, 1),
        "seconds": round(elapsed, 1),
        "audio_s_per_s": round(audio / elapsed, 2),
    }


def run_load_bench(
    config: Config,
    levels: list[int],
    layouts: list[int],
    *,
    rate: float = 10.0,
    wait: float = 1.5,
    speech_answers: int = 40,
    faults: bool = False,
    json_output: bool = False,
) -> str:
    """Every layout at every level, then the speech throughput; a table, or JSON. With
    ``faults``: a dead node (refused, then silent) first in the dialplan under 20 calls, and
    PostgreSQL stopped for 30 s under 50 calls (two nodes)."""
    if shutil.which("sipp") is None or shutil.which("taskset") is None:
        raise CallbotError("bench load needs sipp (sip-tester) and taskset (util-linux)")
    if any(layout not in LAYOUTS for layout in layouts):
        raise CallbotError(f"bench load: --layouts takes {sorted(LAYOUTS)}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    env.update(as_environ(config))
    env.update(LOAD_SETTINGS)
    shared = load_config(environ=env)
    render_prompts(
        load_prompts(shared.prompts.file),
        rendered_dir(shared.prompts.rendered, shared.prompts.file),
        engine="espeak",
    )
    cache = shared.storage.root / "tts-cache"
    answers = tuple(synthesize_text(text, "espeak", cache) for text in ANSWERS)
    directory = shared.storage.root / "bench-load" / time.strftime("%Y%m%d-%H%M%S")
    directory.mkdir(parents=True)
    log.info("bench load: logs, SIPp statistics and each run's figures in %s", directory)
    pcap = directory / "answers.pcap"
    script = shared.project_dir / "dialplan" / "sipp" / "answers_pcap.py"
    subprocess.run(
        [sys.executable, str(script), str(pcap), *map(str, answers)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    pg_dir = Path(tempfile.gettempdir()) / "callbot-pg" / f"load-{shared.sandbox.name}"
    with ThrowawayPostgres(pg_dir, shared.sandbox.postgres_port) as postgres:
        bench = Bench(env, postgres, directory, pcap, answers, wait)
        kept = directory / "figures.jsonl"

        def keep(row: dict[str, Any]) -> dict[str, Any]:
            with kept.open("a", encoding="utf-8") as out:
                out.write(json.dumps(row) + "\n")
            return row

        rows = [keep(load_run(bench, layout, n, rate)) for n in levels for layout in layouts]
        speech = [
            keep(speech_run(bench, layout, speech_answers)) for _ in range(2) for layout in (1, 2)
        ]
        fault_rows = []
        if faults:
            fault_rows = [
                keep(load_run(bench, 1, 20, rate, dead="refused")),
                keep(load_run(bench, 1, 20, rate, dead="silent")),
                keep(load_run(bench, 2, 50, rate, restart_db=30.0)),
            ]
    best = {n: max(s["audio_s_per_s"] for s in speech if s["workers"] == n) for n in (1, 2)}
    ratio = round(best[2] / best[1], 2)
    result = {"load": rows, "speech": speech, "speech_ratio_2_over_1": ratio, "faults": fault_rows}
    if json_output:
        return json.dumps(result, indent=2)
    text = _table(rows) + "\n\n" + _speech_table(speech, ratio)
    if fault_rows:
        text += "\n\nfaults:\n" + "\n".join(_fault_line(row) for row in fault_rows)
    return text


def _fault_line(row: dict[str, Any]) -> str:
    head = f"  {row['calls']} calls on {row['layout']}: {row['completed']} completed, "
    head += f"{row['lost']} lost, {row['tickets']} tickets"
    if "dead_node" in row:
        return (
            f"{head}; a {row['dead_node']} dead node first in the list: failover wait "
            f"p50 {row['failover_s_p50']} s, max {row['failover_s_max']} s"
        )
    return (
        f"{head}; PostgreSQL stopped {row['database_down_s']} s mid-run: "
        f"{row['answers_stored']} answers stored, {row['answers_missing']} missing, "
        f"{row['not_ready']} tickets not ready"
    )


def _table(rows: list[dict[str, Any]]) -> str:
    keys = [k for k in rows[0] if k not in ("layout", "calls")] if rows else []
    heads = [f"{r['calls']}@{r['layout'].split(',')[0]}" for r in rows]
    width = max([len(k) for k in keys] + [0])
    lines = [f"{'':<{width}}  " + "  ".join(f"{h:>12}" for h in heads)]
    for key in keys:
        cells = ["-" if r[key] is None else str(r[key]) for r in rows]
        lines.append(f"{key:<{width}}  " + "  ".join(f"{c:>12}" for c in cells))
    return "\n".join(lines)


def _speech_table(speech: list[dict[str, Any]], ratio: float) -> str:
    lines = ["speech throughput (audio seconds decoded per second):"]
    for s in speech:
        lines.append(
            f"  {s['workers']} worker(s) on {s['workers']} core(s): {s['audio_s_per_s']:>5} "
            f"({s['audio_s']} s of audio in {s['seconds']} s)"
        )
    lines.append(f"  2 cores / 1 core: {ratio}")
    return "\n".join(lines)
