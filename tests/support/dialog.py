"""Fakes of a call and of the ticket sink, to run the dialog engine without a PBX."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from callbot.dialog.ports import RESUMED as RESUMED_KEY
from callbot.dialog.ports import SPEECH as SPEECH_KEY
from callbot.dialog.ports import Recording, Understood
from callbot.errors import AgiHangup

SPEECH = 2.0


@dataclass
class FakeCall:
    """Plays nothing; answers with scripted keys, recordings and typed digits.

    ``listens``: a port that hears the caller while it plays; a prompt's scripted "key" may
    then be ``SPEECH`` (the caller talked over it) or ``RESUMED`` (went on with the last
    answer), and what it was called with is logged (``barge`` / ``resume``).
    """

    keys: dict[str, deque[str]] = field(default_factory=dict)  # prompt -> keys, one per play
    recordings: dict[str, deque[Recording]] = field(default_factory=dict)  # step -> recordings
    typed: deque[str] = field(default_factory=deque)  # wait_digit answers
    hang_up_at: str | None = None
    log: list[str] = field(default_factory=list)
    limits: dict[str, int | None] = field(default_factory=dict)  # file -> max_seconds
    listens: bool = False

    def press(self, prompt: str, *keys: str) -> FakeCall:
        self.keys.setdefault(prompt, deque()).extend(keys)
        return self

    def speak(self, step: str, *recordings: Recording) -> FakeCall:
        self.recordings.setdefault(step, deque()).extend(recordings)
        return self

    def play(
        self,
        prompt: str,
        escape_digits: str,
        *,
        barge_in: bool = False,
        resume_until: float | None = None,
    ) -> str:
        mode = (" barge" if barge_in else "") + (" resume" if resume_until else "")
        self.log.append(f"play {prompt}" + (mode if self.listens else ""))
        if prompt == self.hang_up_at:
            raise AgiHangup("hangup")
        queued = self.keys.get(prompt)
        key = queued.popleft() if queued else ""
        if key == SPEECH_KEY:
            return key if self.listens and barge_in else ""
        if key == RESUMED_KEY:
            return key if self.listens and resume_until else ""
        return key if key in escape_digits else ""

    def play_file(self, path: Path, escape_digits: str) -> str:
        self.log.append(f"tts {path.name}")
        return ""

    def play_digits(self, number: str, escape_digits: str) -> str:
        self.log.append(f"digits {number}")
        return ""

    def record(
        self,
        path: Path,
        escape_digits: str,
        max_seconds: int | None = None,
        *,
        speaking: bool = False,
        resume: bool = False,
    ) -> Recording:
        how = " speaking" if speaking else " resume" if resume else ""
        self.log.append(f"record {path.name}{how}")
        self.limits[path.name] = max_seconds
        queued = self.recordings.get(path.stem.split("-")[0])
        recording = queued.popleft() if queued else Recording("silence", "", 2.5)
        if recording.digit and recording.digit not in escape_digits:
            raise AssertionError(f"{recording.digit!r} is not an escape digit of {path.name}")
        return recording

    def wait_digit(self, timeout_ms: int) -> str:
        key = self.typed.popleft() if self.typed else ""
        self.log.append(f"wait {key or '-'}")
        return key


@dataclass
class FakeSink:
    number: str | None = "0000018"
    caller: str = "0901234567"
    heard: dict[str, str] = field(
        default_factory=lambda: {"name": "an", "address": "quan nam", "need": "gao"}
    )
    answers: list[tuple[str, str, str]] = field(default_factory=list)
    callbacks: list[tuple[str, str]] = field(default_factory=list)
    # What the recognizer hears in closed answers, per file; None: it cannot decode now.
    words: dict[str, tuple[str, ...] | None] = field(default_factory=dict)
    decoded: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)

    def answer(self, step: str, path: Path, recording: Recording) -> None:
        self.answers.append((step, path.name, recording.ended_by))

    def closed_answer(
        self, step: str, path: Path, recording: Recording, grammar: Sequence[str]
    ) -> tuple[str, ...] | None:
        self.answers.append((step, path.name, recording.ended_by))
        self.decoded.append((step, path.name, tuple(grammar)))
        return self.words.get(path.name, ("[unk]",))

    def ticket_number(self) -> str | None:
        return self.number

    def reached(self, step: str) -> None:
        pass

    def caller_number(self) -> str:
        return self.caller

    def callback(self, number: str, source: str) -> None:
        self.callbacks.append((number, source))

    # How surely each answer was understood (default: not sure, read back).
    sure: dict[str, float] = field(default_factory=dict)

    def transcript(self, step: str, timeout: float) -> str | None:
        return self.heard.get(step)

    def understood(self, step: str, timeout: float) -> Understood | None:
        text = self.heard.get(step)
        return Understood(text, self.sure.get(step, 0.2)) if text else None

    def speak(self, text: str) -> Path | None:
        return Path(f"/tts/{text.replace(' ', '_')}.wav")

    # The real sink parses the need with callbot.understanding.need; here: keywords.
    reachable: bool = True
    flagged: list[tuple[str, str]] = field(default_factory=list)
    services: list[str] = field(default_factory=list)  # the number told at each flag
    keywords: tuple[tuple[str, str], ...] = (("khó thở", "115"), ("cháy", "114"), ("đánh", "113"))

    def is_emergency(self, step: str, timeout: float) -> str | None:
        said = self.heard.get(step, "")
        return next((service for word, service in self.keywords if word in said), None)

    def emergency(self, step: str, source: str, service: str = "115") -> bool:
        self.flagged.append((step, source))
        self.services.append(service)
        return self.reachable


def voice_of(call: FakeCall):  # type: ignore[no-untyped-def]
    """Voice seconds per recording file: files marked with :func:`silent` hold none."""

    def check(path: Path) -> float:
        return 0.0 if path.name in call.silent else SPEECH

    call.silent = set()  # type: ignore[attr-defined]
    return check


def silent(call: FakeCall, *files: str) -> FakeCall:
    call.silent |= set(files)  # type: ignore[attr-defined]
    return call
