"""The load benchmark's parts that need no sandbox: CPU accounting from /proc, the SIPp
command, a process started under taskset."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from callbot.lab.load_parts import Pinned, children_of, cpu_seconds, sipp_callers


def test_cpu_seconds_counts_a_busy_child_and_ignores_gone_processes() -> None:
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        assert busy.pid in children_of(os.getpid())
        # It spins: its CPU time grows past 0.1 s, sooner or later on a loaded machine.
        deadline = time.monotonic() + 20
        while cpu_seconds([busy.pid]) <= 0.1 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert cpu_seconds([busy.pid]) > 0.1
    finally:
        busy.kill()
        busy.wait()
    assert cpu_seconds([busy.pid]) == 0.0


def test_sipp_places_n_calls_at_a_rate_with_at_most_n_at_once(tmp_path: Path) -> None:
    command = sipp_callers(
        tmp_path / "caller.xml", tmp_path / "a.pcap", 5060, 200, rate=10.0, stats=tmp_path / "s"
    )
    text = " ".join(command)
    assert "-r 10 -l 200 -m 200" in text and text.endswith("127.0.0.1:5060")
    assert "-key answers " + str(tmp_path / "a.pcap") in text
    assert "-au caller1 -ap caller1-secret" in text


def test_a_pinned_process_starts_under_taskset_and_says_why_it_stops(tmp_path: Path) -> None:
    pinned = Pinned("worker1", "worker", {**os.environ}, "0", tmp_path)
    pinned.env["CALLBOT_STORAGE__DATABASE_URL"] = "postgres//nope"  # it must exit at once
    pinned.start()
    assert pinned.process is not None
    assert pinned.process.wait(60) == 2  # a wrong database URL: one line, exit status 2
    assert "not a SQLAlchemy database URL" in pinned.log.read_text()
    assert pinned.process.args[:3] == ["taskset", "-c", "0"]
