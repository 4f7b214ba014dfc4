"""``callbot call simulate``: robot callers on the sandbox, one or many at once.

Each simulated call is an AMI ``Originate`` of ``Local/1022@callbot-sandbox-sim`` (or of the
call's own ``channel``: an operator's device calling the phone service) whose other leg runs
the ``robot`` FastAGI script on a server of this process (ephemeral loopback port).
The sandbox's sim context decodes the base64 caller ID (so any bytes can be presented, as a
hostile trunk could) and jumps to the real entry context. When the robot's leg ends, the ticket
the callbot wrote for that call is looked up by the call's linked id, once it has left
``in_call`` (the call is over) or, for a call with ``ready=True``, once it is ``new`` (every
answer transcribed, ready for operators).
"""

from __future__ import annotations

import base64
import logging
import shutil
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

from callbot.config import Config
from callbot.dialog.steps import OVERFLOW
from callbot.errors import CallbotError, SetupError
from callbot.lab import robot
from callbot.lab.phases import call_phases, read_steps
from callbot.lab.robot import EndWith, Expect, RobotPlan, RobotReport
from callbot.pbx.ami import AmiClient
from callbot.pbx.fastagi import FastAgiServer
from callbot.speech.audio import write_noise
from callbot.speech.prompts import PromptLibrary
from callbot.speech.tts import to_telephone_wav
from callbot.tickets.repository import TicketRecord, TicketRepository

log = logging.getLogger(__name__)

SIM_CONTEXT = "callbot-sandbox-sim"
QUIET_MS = 300
QUIET_DBFS = -60.0
# A ticket ready for the operators: its own ("new"), or merged into the caller's open one.
READY = ("new", "merged")


@dataclass(frozen=True)
class SimCall:
    """One simulated caller."""

    answers: tuple[Path, ...] = ()
    caller_number: str | bytes = "0901234567"
    caller_name: str | bytes = ""
    press: str = "2"
    expect: Expect = "callbot"
    end_with: EndWith = "silence"
    hangup_after: int | None = None
    max_seconds: float = 240.0
    actions: tuple[str, ...] = ()  # see RobotPlan.actions
    ready: bool = False  # wait for the ticket to be ready (transcribed), not only ended
    ready_seconds: float = 120.0  # how long to wait for that
    # Another place to call than the hotline, e.g. Local/ana@callbot-sandbox-service-sim (an
    # operator's device dialling the phone service); expect "service" then: no ticket is made.
    channel: str | None = None
    steps: tuple[str, ...] = ()  # see RobotPlan.steps
    record_to: Path | None = None  # record what the robot hears (a path Asterisk can write)
    # Channel variables for this call, e.g. {"CALLBOT_AGI_NODES": "agi://127.0.0.1:4574"} to
    # send it to one node of a cluster (they override the dialplan's globals of that name).
    variables: tuple[tuple[str, str], ...] = ()


@dataclass
class SimResult:
    """One simulated call as it went: the robot's report, its ticket, how long, what went wrong."""

    call: SimCall
    report: RobotReport
    ticket: TicketRecord | None
    seconds: float
    error: str | None = None
    started: float = 0.0  # time.monotonic() when the call was placed
    ready_after: float | None = None  # seconds from the end of the call to the ticket "new"
    # Seconds per phase of the call (callbot.lab.phases), from the callbot's journal.
    phases: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """As JSON data: what ``callbot call simulate --json`` prints (``seconds``: the call's
        length; ``phases``: where those seconds went)."""
        return {
            "robot": self.report.as_dict(),
            "ticket": self.ticket.to_dict() if self.ticket else None,
            "seconds": round(self.seconds, 2),
            "phases": self.phases,
            "error": self.error,
        }


@dataclass
class Simulator:
    """Runs simulated calls against a running sandbox and ``callbot serve``."""

    config: Config
    tickets: TicketRepository
    prompts: PromptLibrary
    ami: AmiClient
    # Channel variables of every call placed (a call's own ``variables`` win).
    variables: dict[str, str] = field(default_factory=dict)
    _plans: dict[str, tuple[RobotPlan, RobotReport]] = field(default_factory=dict)
    _server: FastAgiServer | None = None

    def __enter__(self) -> Simulator:
        self._server = FastAgiServer(
            "127.0.0.1", 0, {"robot": partial(robot.handle, plans=self._plans)}
        )
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.stop()

    def _sim_dir(self, token: str) -> Path:
        return self.config.storage.root / "sandbox" / self.config.sandbox.name / "sim" / token

    def _stage_answers(self, token: str, answers: Sequence[Path]) -> tuple[str, ...]:
        """Copy the answers where Asterisk can read them, as 8 kHz mono 16-bit WAV."""
        directory = self._sim_dir(token)
        directory.mkdir(parents=True, exist_ok=True)
        staged = []
        for index, source in enumerate(answers, 1):
            try:
                data = Path(source).read_bytes()
            except OSError as exc:
                raise CallbotError(f"cannot read answer file {source}: {exc}") from None
            target = directory / f"answer-{index}.wav"
            target.write_bytes(to_telephone_wav(data))
            staged.append(str(target.with_suffix("")))
        return tuple(staged)

    def _stage_quiet(self, token: str) -> str:
        """300 ms of near-silent noise: short enough that a prompt of half a second cannot
        start and end while the robot is sending it instead of listening."""
        path = self._sim_dir(token) / "quiet.wav"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_noise(path, QUIET_MS, QUIET_DBFS)
        return str(path.with_suffix(""))

    def start_call(self, call: SimCall) -> tuple[str, RobotReport]:
        """Place ``call``: its answers staged where Asterisk reads them, the robot dialled into the
        sandbox over AMI; its token and the report the robot fills in."""
        if self._server is None:
            raise CallbotError("use the Simulator as a context manager")
        token = uuid.uuid4().hex[:12]
        plan = RobotPlan(
            answers=self._stage_answers(token, call.answers),
            quiet=self._stage_quiet(token),
            press=call.press,
            expect=call.expect,
            end_with=call.end_with,
            hangup_after=call.hangup_after,
            max_seconds=call.max_seconds,
            actions=call.actions,
            steps=call.steps,
            record_to=str(call.record_to) if call.record_to else None,
        )
        report = RobotReport()
        self._plans[token] = (plan, report)
        host, port = self._server.address
        self.ami.originate(
            call.channel or f"Local/{self.config.sandbox.entry_exten}@{SIM_CONTEXT}",
            application="AGI",
            data=f"agi://{host}:{port}/robot,{token}",
            variables={
                **self.variables,
                **dict(call.variables),
                "SIM_CID_NUM_B64": _b64(call.caller_number),
                "SIM_CID_NAME_B64": _b64(call.caller_name),
            },
            timeout_ms=15000,
        )
        return token, report

    def finish_call(self, token: str, call: SimCall, started: float) -> SimResult:
        """Wait for the robot call placed with ``token`` to end, then for its ticket (ended, or
        ready with ``call.ready``); the result, with an error when either did not come in time."""
        _, report = self._plans[token]
        error = None
        if not report.done.wait(call.max_seconds + 30):
            error = "the robot call did not end in time"
        ended = time.monotonic()
        ticket = None
        ready_after = None
        if call.expect == "callbot" and report.linkedid:
            if call.ready:
                ticket = self._wait_ticket(report.linkedid, call.ready_seconds, until="new")
                if (ticket is None or ticket.status not in READY) and error is None:
                    error = "the ticket of this call was not ready for operators in time"
                elif ticket is not None and ticket.status in READY:
                    ready_after = time.monotonic() - ended
            else:
                ticket = self._wait_ticket(report.linkedid)
            if (ticket is None or ticket.status == "in_call") and error is None:
                error = "no finished ticket for this call"
        shutil.rmtree(self._sim_dir(token), ignore_errors=True)
        seconds = ended - started
        phases = {}
        if ticket is not None:
            phases = call_phases(
                self._journal_steps(ticket.channel_uniqueid), OVERFLOW, report.menu_pressed_at
            )
        return SimResult(call, report, ticket, seconds, error, started, ready_after, phases)

    def _journal_steps(self, uniqueid: str, timeout: float = 3.0) -> list[tuple[str, float]]:
        """The call's steps from its journal, once it has the end (written just after the
        ticket is finished in the database)."""
        deadline = time.monotonic() + timeout
        while True:
            steps = read_steps(self.config.storage.recordings_dir, uniqueid)
            if (steps and steps[-1][0] == "end") or time.monotonic() > deadline:
                return steps
            time.sleep(0.05)

    def _wait_ticket(
        self, linkedid: str, timeout: float = 15.0, *, until: Literal["ended", "new"] = "ended"
    ) -> TicketRecord | None:
        """The call's ticket once its call has ended (left ``in_call``), or once it is ready
        (``new``, or ``merged`` into the caller's open ticket); as it stands at the timeout
        otherwise."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ticket = self.tickets.by_linkedid(linkedid)
            if ticket is not None and (
                ticket.status in READY if until == "new" else ticket.status != "in_call"
            ):
                return ticket
            time.sleep(0.05 if until == "new" else 0.2)
        return self.tickets.by_linkedid(linkedid)

    def run(self, calls: Sequence[SimCall], stagger: float = 0.2) -> list[SimResult]:
        """Place the calls (``stagger`` seconds apart), wait for all, return their results."""
        results: list[SimResult | None] = [None] * len(calls)
        threads = []
        for index, call in enumerate(calls):
            started = time.monotonic()
            token, _ = self.start_call(call)

            def wait(i: int = index, t: str = token, c: SimCall = call, s: float = started) -> None:
                results[i] = self.finish_call(t, c, s)

            thread = threading.Thread(target=wait, daemon=True)
            thread.start()
            threads.append(thread)
            if stagger:
                time.sleep(stagger)
        for thread in threads:
            thread.join()
        return [r for r in results if r is not None]


def _b64(value: str | bytes) -> str:
    raw = value.encode("utf-8") if isinstance(value, str) else value
    return base64.b64encode(raw).decode("ascii")


def require_running(status: dict[str, Any]) -> None:
    """Raise SetupError unless the sandbox ``status`` says it runs."""
    if not status.get("running"):
        raise SetupError("the sandbox is not running: start it with `callbot sandbox up`")
