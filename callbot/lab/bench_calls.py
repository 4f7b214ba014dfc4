"""``callbot bench calls``: the caller's time, route decision time, turn gap and memory per call.

For each concurrency level N the benchmark places N robot calls at once (arrivals paced
``stagger`` seconds apart: a burst of simultaneous arrivals loses calls to SIP
retransmissions) into the sandbox, served by a fresh ``callbot serve`` process. Each robot
answers every question at once with the bench's own three answers (espeak-ng) and ends each
answer by going quiet, as a caller does (``end_with="pound"``: by pressing #). It prints:

- the call's length (robot answered to hang-up), p50 / max, and where its seconds went
  (:mod:`callbot.lab.phases`): pressing 2 to the first question, each question, the callback
  number, the read-back, the ticket number, the goodbye (p50 of each);
- route decision time (server side, inside the ``route`` script), p50 / p99;
- key press to first prompt audio (caller side: route + callbot start + first prompt), p50 / p99;
- turn gap: from the end of the caller's last word to the start of the next prompt, as heard
  by the caller, and as measured by the server (recording end to next prompt), p50 / p95 / p99;
- read-back wait: how long the caller waited at each read-back for the transcript and its
  speech (server side), p50 / p99;
- memory: ``callbot serve`` RSS before the calls and at the peak, and the increase per
  concurrent call; the peak number of calls in flight.

Each level's calls start once the answers left untranscribed by earlier levels or runs are
transcribed, so they do not wait behind another level's backlog.

Then ``barge`` calls (default 1) whose robot talks over the first question, one second after
it started, and hangs up when the next prompt starts: how much of the answer's speech the
recording of that question holds (recorded over spoken speech seconds, by the audio's energy:
1.0 loses nothing) and how far into the question the robot began.

All levels run in one invocation against the same sandbox, so their ratios are comparable.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from callbot.app import load_prompt_library, open_store, open_tickets
from callbot.config import Config, as_environ
from callbot.dialog.steps import OVERFLOW
from callbot.errors import CallbotError
from callbot.lab.phases import read_steps
from callbot.lab.robot import EndWith
from callbot.lab.simulate import SimCall, SimResult, Simulator
from callbot.pbx.ami import AmiClient
from callbot.sandbox import Sandbox
from callbot.speech.audio import speech_seconds, wav_duration
from callbot.speech.prompts import PromptLibrary, load_prompts, rendered_dir
from callbot.speech.render import render_prompts
from callbot.speech.tts import synthesize_text

ANSWERS = ("Trần Thị Bảy", "phường năm quận tám", "tôi cần hỗ trợ tiền thuê nhà")


def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-th percentile (0-100) of ``values`` by nearest rank; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class _RssSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(0.1):
            try:
                self.peak = max(self.peak, _rss_kib(self.pid))
            except OSError:
                return

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def _start_serve(config: Config, metrics: Path) -> subprocess.Popen[bytes]:
    """``callbot serve`` with exactly this configuration; its log beside the metrics."""
    render_prompts(
        load_prompts(config.prompts.file),
        rendered_dir(config.prompts.rendered, config.prompts.file),
        engine=config.prompts.engine,
        gtts_timeout=config.prompts.gtts_timeout,
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    env.update(as_environ(config))
    log_path = metrics.with_suffix(".log")
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "callbot.cli", "serve", "--metrics", str(metrics)],
            env=env,
            cwd=config.project_dir,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(errors="replace").strip().splitlines()[-1:]
            raise CallbotError(f"callbot serve exited while starting: {' '.join(tail)}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", config.agi.port)) == 0:
                return process
        time.sleep(0.1)
    process.kill()
    raise CallbotError(f"callbot serve did not start listening; see {log_path}")


def _peak_overlap(spans: list[tuple[float, float]]) -> int:
    points = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans])
    peak = current = 0
    for _, delta in points:
        current += delta
        peak = max(peak, current)
    return peak


@contextlib.contextmanager
def serve_for_bench(config: Config, metrics: Path | None = None) -> Iterator[Simulator]:
    """The sandbox up, a fresh ``callbot serve`` process, and a simulator to call it."""
    Sandbox(config).up()
    ami = AmiClient.from_config(config.ami)
    ami.connect(timeout=10)
    tickets = open_tickets(config)  # creates the database: serve does not
    with tempfile.TemporaryDirectory() as tmp:
        serve = _start_serve(config, metrics or Path(tmp) / "metrics.jsonl")
        try:
            with Simulator(config, tickets, load_prompt_library(config), ami) as sim:
                yield sim
        finally:
            serve.send_signal(signal.SIGTERM)
            serve.wait(30)
            ami.close()


# The phases printed, in call order (callbot.lab.phases names them).
PHASES = ("first_question", "name", "address", "need", "callback", "readback", "ticket", "goodbye")


def _run_level(
    config: Config, calls: list[SimCall], stagger: float, tickets: Any, prompts: PromptLibrary
) -> tuple[list[SimResult], list[dict[str, Any]], float, float]:
    """Place ``calls`` on a fresh ``callbot serve``: the results, its metrics records, and its
    RSS (KiB) before the calls and at the peak."""
    ami = AmiClient.from_config(config.ami)
    ami.connect(timeout=10)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            metrics = Path(tmp) / "metrics.jsonl"
            serve = _start_serve(config, metrics)
            try:
                _drain(config)
                time.sleep(1.0)
                baseline = _rss_kib(serve.pid)
                sampler = _RssSampler(serve.pid)
                sampler.start()
                with Simulator(config, tickets, prompts, ami) as sim:
                    results = sim.run(calls, stagger=stagger)
                peak = sampler.stop()
            finally:
                serve.send_signal(signal.SIGTERM)
                serve.wait(30)
            records = (
                [json.loads(line) for line in metrics.read_text().splitlines()]
                if metrics.exists()
                else []
            )
    finally:
        ami.close()
    return results, records, baseline, peak


def _drain(config: Config, timeout: float = 300.0) -> None:
    """Let ``callbot serve`` transcribe what earlier calls left (up to ``timeout``): a call's
    read-back and emergency check then wait for its own transcripts, not another level's."""
    jobs = open_store(config).jobs
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(job.status in ("pending", "running") for job in jobs.jobs()):
            return
        time.sleep(1.0)


def _complete(result: SimResult) -> bool:
    ticket = result.ticket
    return result.error is None and ticket is not None and ticket.outcome == "complete"


def _level_row(
    level: int, results: list[SimResult], records: list[dict[str, Any]], rss: tuple[float, float]
) -> dict[str, Any]:
    route_ms = [r["ms"] for r in records if r["kind"] == "route"]
    server_gaps = [r["seconds"] for r in records if r["kind"] == "turn_gap"]
    readback = [r["seconds"] for r in records if r["kind"] == "readback_wait"]
    caller_gaps = [g for r in results for g in r.report.turn_gaps]
    after_menu = [r.report.after_menu for r in results if r.report.after_menu is not None]
    overlap = _peak_overlap([(r.started, r.started + r.seconds) for r in results])
    complete = [r for r in results if _complete(r)]
    baseline, peak = rss
    row: dict[str, Any] = {
        "calls": level,
        "completed": len(complete),
        "peak_in_flight": overlap,
        "call_s_p50": percentile([r.seconds for r in complete], 50),
        "call_s_max": max((r.seconds for r in complete), default=None),
    }
    for phase in PHASES:
        row[f"{phase}_s_p50"] = percentile(
            [r.phases[phase] for r in complete if phase in r.phases], 50
        )
    row.update(
        {
            "route_ms_p50": percentile(route_ms, 50),
            "route_ms_p99": percentile(route_ms, 99),
            "menu_to_prompt_s_p50": percentile(after_menu, 50),
            "menu_to_prompt_s_p99": percentile(after_menu, 99),
            "turn_gap_caller_s_p50": percentile(caller_gaps, 50),
            "turn_gap_caller_s_p95": percentile(caller_gaps, 95),
            "turn_gap_caller_s_p99": percentile(caller_gaps, 99),
            "turn_gap_server_s_p50": percentile(server_gaps, 50),
            "turn_gap_server_s_p95": percentile(server_gaps, 95),
            "turn_gap_server_s_p99": percentile(server_gaps, 99),
            "readback_wait_s_p50": percentile(readback, 50),
            "readback_wait_s_p99": percentile(readback, 99),
            "rss_baseline_mib": round(baseline / 1024, 1),
            "rss_peak_mib": round(peak / 1024, 1),
            "rss_per_call_kib": round((peak - baseline) / max(1, overlap), 1),
        }
    )
    return row


def _barge_row(
    config: Config, results: list[SimResult], spoken: Path, question_s: float
) -> dict[str, Any]:
    """How much of the answer spoken over the first question its recording holds.

    Only the calls whose robot began during the question count (``question_s`` long): a robot
    that heard the end of the menu as the greeting's start begins over the greeting, which no
    caller's words stop (only questions do), and is reported apart."""
    said = speech_seconds(spoken)
    ratios: list[float] = []
    offsets: list[float] = []
    for result in results:
        ticket = result.ticket
        first = next((a for a in ticket.answers if a.step == "name"), None) if ticket else None
        spoke = next((t for t, e in result.report.events if e == "speaks answer 1"), None)
        if ticket is None or first is None or spoke is None:
            continue
        steps = read_steps(config.storage.recordings_dir, ticket.channel_uniqueid)
        asked = next((at for name, at in steps if name == "name"), None)
        if asked is None:
            continue
        offset = round(result.report.started_at + spoke - asked, 2)
        offsets.append(offset)
        if 0 < offset < question_s:
            heard = speech_seconds(config.storage.recordings_dir / first.audio_path)
            ratios.append(round(heard / said, 3) if said else 0.0)
    return {
        "calls": len(results),
        "calls_over_the_question": len(ratios),
        "spoken_speech_s": round(said, 2),
        "recorded_over_spoken_min": min(ratios, default=None),
        "recorded_over_spoken_p50": percentile(ratios, 50),
        "robot_began_s_into_question": offsets,
    }


def barge_delay(prompts: PromptLibrary, seconds: float = 1.0) -> float:
    """Seconds from the first prompt the robot hears (the greeting and the first question,
    played back to back) to ``seconds`` into the first question."""
    lead = 0.0
    for step in OVERFLOW.steps:
        if step.kind == "ask":
            break
        lead += wav_duration(prompts.path(step.prompt) + ".wav")
    return round(lead + seconds, 2)


def run_call_bench(
    config: Config,
    levels: list[int],
    *,
    stagger: float = 0.05,
    json_output: bool = False,
    end_with: EndWith = "silence",
    barge: int = 1,
) -> str:
    """For each level in ``levels``, that many robot calls at once (``stagger`` s apart) into
    the sandbox, served by a fresh ``callbot serve``; then ``barge`` calls talking over the
    first question. The figures as tables, or JSON with ``json_output``."""
    Sandbox(config).up()
    tickets = open_tickets(config)
    prompts = load_prompt_library(config)
    cache = config.storage.root / "tts-cache"
    answers = tuple(synthesize_text(text, "espeak", cache) for text in ANSWERS)
    rows: list[dict[str, Any]] = []
    for level in levels:
        calls = [
            SimCall(answers=answers, caller_number=f"0909{i:06d}", end_with=end_with)
            for i in range(level)
        ]
        results, records, baseline, peak = _run_level(config, calls, stagger, tickets, prompts)
        rows.append(_level_row(level, results, records, (baseline, peak)))
    barge_rows: list[dict[str, Any]] = []
    if barge:
        # The longest answer, spoken over the name question; the robot hangs up as soon as
        # the next prompt starts, so that recording holds nothing but what it said then.
        spoken = answers[-1]
        actions = (f"barge:{barge_delay(prompts)}", "hangup")
        calls = [
            SimCall(answers=(spoken,), caller_number=f"0908{i:06d}", actions=actions)
            for i in range(barge)
        ]
        results, _, _, _ = _run_level(config, calls, stagger, tickets, prompts)
        question = wav_duration(prompts.path(OVERFLOW.questions[0].prompt) + ".wav")
        barge_rows.append(_barge_row(config, results, spoken, question))
    if json_output:
        return json.dumps({"levels": rows, "barge_in": barge_rows}, indent=2)
    text = _table(rows)
    if barge_rows:
        text += "\n\nbarge-in: the robot talks over the first question, 1 s in\n"
        text += "\n".join(f"{k:<34}  {_fmt(v):>10}" for k, v in barge_rows[0].items())
    return text


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return " ".join(_fmt(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def _table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no figures"
    keys = list(rows[0])
    width = max(len(k) for k in keys)
    lines = [f"{'':<{width}}  " + "  ".join(f"{'N=' + str(r['calls']):>10}" for r in rows)]
    for key in keys[1:]:
        lines.append(f"{key:<{width}}  " + "  ".join(f"{_fmt(r[key]):>10}" for r in rows))
    return "\n".join(lines)
