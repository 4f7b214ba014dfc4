"""FastAGI script ``robot``: a scripted caller, for ``callbot call simulate``, tests and benchmarks.

The robot is the other end of a Local channel whose dialplan side dials the hotline. It
listens with ``WaitForNoise``, presses keys with ``SendDTMF`` and speaks by streaming WAV
files, following a recipe verified on Asterisk 22 (Local channels as test callers):

- a prompt starts when ``WaitForNoise(150,1,1)`` hears noise, and has ended once a whole 1 s
  window passes without noise (the beep is part of the prompt);
- a Local channel that plays nothing sends no frames, so after an answer the robot alternates
  listening with short near-silent audio: the callbot's silence detection then sees silence
  frames and ends the recording.

The robot may also talk over a prompt (``barge:<seconds>``: its next answer, that many
seconds after it heard the prompt start) and press keys during one
(``during:<seconds>:<digits>``), as impatient callers do.

With ``steps`` the robot follows a plain script instead of the callbot's dialog: an operator
calling the phone service hears a ticket, waits for the menu's silence and presses a key
(``hear``, ``quiet:<seconds>``, ``keys:<digits>``, ``listen[:<seconds>]``, ``hangup``). With
``record_to`` it records what it hears (``MixMonitor``), for a test to measure.

Only the simulate command serves this route; ``callbot serve`` never does.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from callbot.errors import AgiHangup
from callbot.pbx.agi import AgiChannel

log = logging.getLogger(__name__)

EndWith = Literal["silence", "pound"]
Expect = Literal["callbot", "queue", "service"]


@dataclass(frozen=True)
class RobotPlan:
    """What the robot caller does."""

    answers: tuple[str, ...]  # audio files without extension, visible to Asterisk
    quiet: str  # near-silent audio without extension
    press: str = "2"  # one key per prompt: "2" at the menu; "20": then 0 at the next prompt
    expect: Expect = "callbot"
    end_with: EndWith = "silence"
    hangup_after: int | None = None  # hang up when the prompt after this many answers starts
    # One action per prompt after the menu keys: "answer" (the next answer file, once the
    # prompt ended), "barge:<seconds>" (the next answer, that many seconds after the prompt
    # started: over it), "silence" (say nothing), "keys:<digits>" (press them once the prompt
    # ended), "during:<seconds>:<digits>[:<action>]" (press them that many seconds into the
    # prompt; then the action, once it ended), "listen", "hangup". Empty: one answer per
    # prompt, then listen until the callbot hangs up.
    actions: tuple[str, ...] = ()
    max_seconds: float = 240.0
    # A plain script instead of the menu and the dialog: "hear" (until audio starts),
    # "quiet:<n>" (until n seconds pass without audio), "keys:<digits>", "listen:<n>" (n
    # seconds), "listen" (until the far end hangs up), "hangup".
    steps: tuple[str, ...] = ()
    record_to: str | None = None  # a WAV file (visible to Asterisk) of what the robot hears


@dataclass
class RobotReport:
    """What the robot heard and did, with times in seconds since it was answered."""

    uniqueid: str = ""
    linkedid: str = ""
    started_at: float = 0.0  # wall-clock time (seconds since the epoch) of the robot's zero
    events: list[tuple[float, str]] = field(default_factory=list)
    answers_spoken: int = 0
    ended_by: str = ""  # "callbot" (the far end hung up), "robot", "timeout"
    # Seconds from the end of each answer to the start of the next prompt, heard by the caller.
    turn_gaps: list[float] = field(default_factory=list)
    # Seconds from pressing the menu key to the first audio of what came next.
    after_menu: float | None = None
    menu_pressed_at: float | None = None  # wall-clock time the last menu key was pressed
    done: threading.Event = field(default_factory=threading.Event)

    def as_dict(self) -> dict[str, object]:
        """As JSON data, times rounded: what ``callbot call simulate`` prints of the robot."""
        return {
            "uniqueid": self.uniqueid,
            "linkedid": self.linkedid,
            "started_at": round(self.started_at, 3),
            "answers_spoken": self.answers_spoken,
            "ended_by": self.ended_by,
            "turn_gaps": [round(g, 3) for g in self.turn_gaps],
            "after_menu": None if self.after_menu is None else round(self.after_menu, 3),
            "events": [(round(t, 2), e) for t, e in self.events],
        }


class _Timeout(Exception):
    pass


class Robot:
    """Runs one :class:`RobotPlan` on one channel."""

    def __init__(self, channel: AgiChannel, plan: RobotPlan, report: RobotReport) -> None:
        self.channel = channel
        self.plan = plan
        self.report = report
        self.t0 = time.monotonic()
        report.started_at = time.time()

    def now(self) -> float:
        """Seconds since the robot answered."""
        return time.monotonic() - self.t0

    def event(self, what: str) -> None:
        """Note ``what`` in the report, at the current time."""
        self.report.events.append((self.now(), what))

    def _check_time(self) -> None:
        if self.now() > self.plan.max_seconds:
            raise _Timeout

    def listen(self) -> bool:
        """Listen for one second; True if a prompt was heard."""
        self.channel.exec_app("WaitForNoise", "150", "1", "1")
        return self.channel.get_variable("WAITSTATUS") == "NOISE"

    def wait_prompt_start(self, keep_sending: bool) -> float:
        """Listen until a prompt starts; when it did. With ``keep_sending``, near-silent audio
        goes out between listens (the callbot may be recording us). Gives up at the plan's
        time limit."""
        while True:
            self._check_time()
            if self.listen():
                return self.now()
            if keep_sending:
                self.channel.stream_file(self.plan.quiet)

    def wait_prompt_end(self) -> None:
        """Listen until a whole second passes without audio."""
        while True:
            self._check_time()
            if not self.listen():
                return

    def _wait_until(self, moment: float) -> None:
        """Until ``moment`` (robot time), without listening (the prompt keeps playing)."""
        delay = moment - self.now()
        if delay > 0.02:
            self.channel.exec_app("Wait", f"{delay:.2f}")

    def wait_quiet(self, seconds: int) -> None:
        """Until ``seconds`` whole seconds pass without audio."""
        quiet = 0
        while quiet < seconds:
            self._check_time()
            quiet = 0 if self.listen() else quiet + 1

    def run(self) -> None:
        """Follow the plan: the plain script of ``steps``, or the menu keys then the dialog, until a
        hangup or the plan's time limit."""
        plan, channel = self.plan, self.channel
        self.report.uniqueid = channel.uniqueid
        self.report.linkedid = channel.get_variable("CHANNEL(linkedid)")
        if plan.record_to:
            channel.exec_app("MixMonitor", plan.record_to)
        if plan.steps:
            self._follow(plan.steps)
            return
        for key in plan.press:
            self.wait_prompt_start(keep_sending=False)
            self.event("prompt")
            channel.exec_app("SendDTMF", key)
            self.event(f"pressed {key}")
        pressed = self.now()
        self.report.menu_pressed_at = self.report.started_at + pressed
        if plan.expect == "queue":
            heard = self.wait_prompt_start(keep_sending=False)
            self.report.after_menu = heard - pressed
            self.event("heard audio")
            while True:  # stay on the line until the far end hangs up
                self._check_time()
                self.listen()
        self._converse(pressed)

    def _follow(self, steps: tuple[str, ...]) -> None:
        """The plain script of :attr:`RobotPlan.steps`; then stay until the far end hangs up."""
        for step in steps:
            if step == "hear":
                self.wait_prompt_start(keep_sending=False)
                self.event("heard audio")
            elif step.startswith("quiet:"):
                self.wait_quiet(int(step.removeprefix("quiet:")))
                self.event("quiet")
            elif step.startswith("keys:"):
                keys = step.removeprefix("keys:")
                self.channel.exec_app("SendDTMF", keys)
                self.event(f"pressed {keys}")
            elif step.startswith("listen:"):
                for _ in range(int(step.removeprefix("listen:"))):
                    self._check_time()
                    self.listen()
            elif step == "hangup":
                self.event("robot hangs up")
                self.report.ended_by = "robot"
                self.channel.hangup()
                return
        while True:  # "listen", or the end of the script: until the far end hangs up
            self._check_time()
            self.listen()

    def actions(self) -> tuple[str, ...]:
        """What to do at each prompt after the menu: the plan's, or one answer per prompt."""
        plan = self.plan
        if plan.actions:
            return plan.actions
        actions = ["answer"] * len(plan.answers)
        if plan.hangup_after is not None:
            actions = [*actions[: plan.hangup_after], "hangup"]
        return tuple(actions)

    def _converse(self, pressed: float) -> None:
        """Prompt by prompt: answer, press keys, stay silent, listen, or hang up."""
        plan, channel = self.plan, self.channel
        actions = self.actions()
        answers = iter(plan.answers)
        answered_at: float | None = None
        recording = False  # the callbot is (probably) recording us: keep sending quiet audio
        for index in range(10_000):
            heard = self.wait_prompt_start(keep_sending=recording)
            if index == 0:
                self.report.after_menu = heard - pressed
            if answered_at is not None:
                self.report.turn_gaps.append(heard - answered_at)
                answered_at = None
            self.event("prompt")
            action = actions[index] if index < len(actions) else "listen"
            if action == "hangup":
                self.event("robot hangs up")
                self.report.ended_by = "robot"
                channel.hangup()
                return
            if action.startswith("during:"):
                seconds, keys, then = [*action.removeprefix("during:").split(":", 2), ""][:3]
                self._wait_until(heard + float(seconds))
                self.event(f"pressed {keys} during the prompt")
                channel.exec_app("SendDTMF", keys)
                action = then  # e.g. "answer", once the prompt has ended
            if action.startswith("barge:"):
                self._wait_until(heard + float(action.removeprefix("barge:")))
                action = "answer"  # over the prompt, not after it
            else:
                self.wait_prompt_end()
            recording = False
            if action == "answer":
                answer = next(answers)
                self.event(f"speaks answer {self.report.answers_spoken + 1}")
                channel.stream_file(answer)
                if plan.end_with == "pound":
                    channel.exec_app("SendDTMF", "#")
                answered_at = self.now()
                self.report.answers_spoken += 1
                recording = plan.end_with == "silence"
            elif action == "silence":
                self.event("stays silent")
                recording = True
            elif action.startswith("keys:"):
                keys = action.removeprefix("keys:")
                self.event(f"pressed {keys}")
                channel.exec_app("SendDTMF", keys)


def handle(channel: AgiChannel, plans: Mapping[str, tuple[RobotPlan, RobotReport]]) -> None:
    """Run the plan whose token is the call's AGI argument (unknown: hang up) and report how the
    call ended; raises AgiHangup when the far end hung up."""
    token = channel.args[0] if channel.args else ""
    if token not in plans:
        log.warning("robot call with an unknown token: hanging up")
        channel.hangup()
        return
    plan, report = plans[token]
    robot = Robot(channel, plan, report)
    try:
        robot.run()
    except AgiHangup:
        report.ended_by = report.ended_by or "callbot"
        robot.event("far end hung up")
        raise
    except _Timeout:
        report.ended_by = "timeout"
        robot.event("robot gave up (timeout)")
        channel.hangup()
    finally:
        report.done.set()
