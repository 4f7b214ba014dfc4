"""The parts of ``callbot bench load``: callbot processes pinned to cores, CPU accounting of every
process a call uses, and SIPp callers with real RTP.

- :class:`Pinned` is one ``callbot serve`` or ``callbot worker`` process, started under
  ``taskset -c CPUS`` (a layout "one core" pins everything to core 0, "two cores" spreads the
  nodes and workers over cores 0 and 1), logging beside its metrics file.
- :func:`cpu_seconds` reads user + system CPU time of processes and their reaped children from
  ``/proc/<pid>/stat``; :func:`postgres_pids` finds a throwaway cluster's server processes.
- :func:`sipp_callers` is the SIPp command for N callers of ``dialplan/sipp/caller.xml`` (digest
  auth as ``caller1``, RFC 2833 "2", the answers as one A-law RTP stream built by
  ``dialplan/sipp/answers_pcap.py``) arriving ``rate`` a second, at most N at once;
  :func:`sipp_stats` reads its statistics file.
"""

from __future__ import annotations

import csv
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from callbot.errors import CallbotError

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()  # fields after the command name


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of ``pids`` and their reaped children (gone ones count 0)."""
    total = 0
    for pid in pids:
        try:
            fields = _stat_fields(pid)
        except (OSError, ValueError):
            continue
        total += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
    return total / CLOCK_TICKS


def children_of(parent: int) -> list[int]:
    """The processes whose parent is ``parent``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if int(_stat_fields(int(entry.name))[1]) == parent:
                found.append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def postgres_pids(data_dir: Path) -> list[int]:
    """The postmaster of the cluster in ``data_dir`` and its server processes."""
    try:
        postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return []
    return [postmaster, *children_of(postmaster)]


class Pinned:
    """One callbot process under ``taskset``; ``command`` is serve or worker."""

    def __init__(
        self, name: str, command: str, env: dict[str, str], cpus: str, directory: Path
    ) -> None:
        self.name = name
        self.command = command
        self.env = env
        self.cpus = cpus
        self.metrics = directory / f"{name}.jsonl"
        self.log = directory / f"{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Spawn it (``serve`` writes its timing figures to :attr:`metrics`)."""
        extra = ["--metrics", str(self.metrics)] if self.command == "serve" else []
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [
                    *("taskset", "-c", self.cpus),
                    *(sys.executable, "-m", "callbot.cli", self.command, *extra),
                ],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )

    def wait_ready(self, timeout: float = 120.0) -> None:
        """Until its speech model is loaded (and, for serve, FastAGI listens)."""
        deadline = time.monotonic() + timeout
        marker = "started as" if self.command == "serve" else "decoding thread"
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise CallbotError(f"{self.name} exited while starting; see {self.log}")
            if self.log.exists() and marker in self.log.read_text(errors="replace"):
                return
            time.sleep(0.3)
        raise CallbotError(f"{self.name} not ready in {timeout:.0f} s; see {self.log}")

    @property
    def pid(self) -> int:
        """Its process id (0 before start)."""
        return self.process.pid if self.process is not None else 0

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 30 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_udp_port(span: int = 1) -> int:
    """A loopback UDP port free with the ``span - 1`` ports above it."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port + span >= 65536:
            continue
        try:
            for offset in range(span):
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                    probe.bind(("127.0.0.1", port + offset))
        except OSError:
            continue
        return port
    raise CallbotError("no free UDP port on loopback for SIPp")


def sipp_callers(
    scenario: Path, answers: Path, sip_port: int, calls: int, *, rate: float, stats: Path
) -> list[str]:
    """SIPp placing ``calls`` callbot calls, ``rate`` a second, at most ``calls`` at once."""
    seconds = int(calls / max(rate, 0.1)) + 240
    return [
        *("sipp", "-sf", str(scenario), "-s", "1022"),
        *("-key", "caller", "caller1", "-au", "caller1", "-ap", "caller1-secret"),
        *("-key", "answers", str(answers), "-d", "90000"),
        *("-i", "127.0.0.1", "-p", str(free_udp_port()), "-mp", str(free_udp_port(4))),
        *("-r", f"{rate:g}", "-l", str(calls), "-m", str(calls)),
        *("-timeout", f"{seconds}s", "-nostdin", "-trace_stat", "-stf", str(stats), "-fd", "1"),
        f"127.0.0.1:{sip_port}",
    ]


def sipp_stats(path: Path) -> dict[str, str]:
    """The last line of SIPp's statistics file."""
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    if not rows:
        raise CallbotError(f"SIPp wrote no statistics to {path}")
    return rows[-1]
