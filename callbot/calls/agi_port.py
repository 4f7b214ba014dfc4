"""The dialog's call port over plain AGI: STREAM FILE for prompts, RECORD FILE for answers.

Used when ``media.enabled`` is false (:mod:`callbot.calls.media` is the port over the call's
audio stream). It cannot hear the caller while a prompt plays, so there is no barge-in, and an
answer ends after ``dialog.silence_seconds`` whole seconds of silence (RECORD FILE's ``s=``).
"""

from __future__ import annotations

import time
from pathlib import Path

from callbot.calls.disk import check_after, ensure_room
from callbot.dialog.ports import Recording
from callbot.pbx.agi import AgiChannel
from callbot.speech.audio import wav_duration
from callbot.speech.prompts import PromptLibrary


class AgiCallPort:
    """The dialog engine's view of the call, over AGI (it does not hear the caller while it
    plays: no barge-in, no continuation)."""

    listens = False

    def __init__(
        self,
        channel: AgiChannel,
        prompts: PromptLibrary,
        max_answer_seconds: int,
        silence_seconds: int,
    ) -> None:
        self.channel = channel
        self.prompts = prompts
        self.max_ms = max_answer_seconds * 1000
        self.silence_s = silence_seconds

    def play(
        self,
        prompt: str,
        escape_digits: str,
        *,
        barge_in: bool = False,
        resume_until: float | None = None,
    ) -> str:
        """Play a rendered prompt; the key that interrupted it, or "" (the caller is not heard
        meanwhile: ``barge_in`` and ``resume_until`` change nothing)."""
        return self.channel.stream_file(self.prompts.path(prompt), escape_digits)

    def play_file(self, path: Path, escape_digits: str) -> str:
        """Play an audio file (runtime text-to-speech); the key that interrupted it, or ""."""
        return self.channel.stream_file(str(path.with_suffix("")), escape_digits)

    def wait_digit(self, timeout_ms: int) -> str:
        """The next key pressed within ``timeout_ms``, or ""."""
        return self.channel.wait_for_digit(timeout_ms)

    def play_digits(self, number: str, escape_digits: str) -> str:
        """Read ``number`` digit by digit; the first key pressed stops it and is returned."""
        for path in self.prompts.digits(number):
            key = self.channel.stream_file(path, escape_digits)
            if key:
                return key
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
        """Beep, then record the caller into ``path`` until silence, a key, the longest answer
        (``max_seconds`` if shorter) or a hangup, and say which ended it.

        A key other than # during the beep stops it there: nothing recorded (``saved`` False).
        The duration is the WAV file's, or Asterisk's ``endpos`` when the file cannot be read."""
        key = self.channel.stream_file(self.prompts.beep, escape_digits)
        if key and key != "#":
            # A key during the beep (0, *, or a confirmation key): acted on, nothing recorded.
            return Recording(ended_by="dtmf", digit=key, duration_seconds=0.0, saved=False)
        max_ms = self.max_ms if max_seconds is None else min(self.max_ms, max_seconds * 1000)
        ensure_room(path, max_ms)
        started = time.monotonic()
        result = self.channel.record_file(
            str(path.with_suffix("")), "wav", escape_digits, max_ms, self.silence_s
        )
        elapsed = time.monotonic() - started
        check_after(path)
        if result.reason == "hangup":
            ended_by = "hangup"
        elif result.reason == "dtmf":
            ended_by = "dtmf"
        elif elapsed * 1000 >= max_ms - 250:
            ended_by = "max_length"
        else:
            ended_by = "silence"
        try:
            duration = wav_duration(path)
        except (OSError, EOFError, ValueError):
            duration = result.endpos / 8000 if result.endpos > 0 else 0.0
        return Recording(ended_by=ended_by, digit=result.digit, duration_seconds=duration)
