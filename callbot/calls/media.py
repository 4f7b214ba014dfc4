"""The dialog's call port over AudioSocket: prompts played and the caller heard at the same time.

The ``callbot`` script hands the call's audio to :class:`MediaCallPort` (Asterisk's
``AudioSocket`` application, run from the AGI: :mod:`callbot.pbx.audiosocket`). We send the
prompts ourselves, 20 ms at a time, and read the caller's audio as it comes, so:

- barge-in: a caller who starts answering during a question stops it (``barge_seconds`` of
  voice; a click does not), and the answer is recorded from their first syllable: the
  stream keeps the audio from before the onset (``preroll_seconds``; back to where they
  began when they were already speaking as the question started), nothing is cut;
- an answer ends when the caller stops speaking (:mod:`callbot.speech.endpoint`), not after a
  fixed silence counted in whole seconds; and a caller who resumes while the next prompt
  starts goes on with the same recording (``resume``);
- keys arrive as they are pressed (AudioSocket forwards DTMF) and work as with STREAM FILE:
  an escape key stops a prompt or ends a recording, others are dropped;
- every answer is still one 8 kHz 16-bit mono WAV file, as RECORD FILE wrote it; while the
  caller speaks it grows on disk as ``<step>.wav.part`` (a crash of this node leaves it for
  :mod:`callbot.intake.salvage`), replaced by the whole file when they stop.

Why AudioSocket, of what Asterisk 22 offers (each tried on the sandbox, docs/dialog.md):
``BackgroundDetect`` stops a prompt only after the caller has stopped talking (talk, then
``sil`` ms of silence) and records nothing; ``TALK_DETECT`` with AMI ``ChannelTalkingStart``
and ``ControlPlayback`` stops a prompt within about 0.1 s, but the answer is then recorded by
a RECORD FILE that starts after the onset (the first syllable is cut) and ends after whole
seconds of silence; EAGI cannot run over FastAGI; ARI external media needs the call handed to
a Stasis application and a bridge, a second control path beside the AGI. AudioSocket runs as
one blocking application inside the AGI session we already have, and gives us the audio both
ways with DTMF: every decision (barge-in, end of speech) is ours, in time.
"""

from __future__ import annotations

import functools
import logging
import os
import time
import wave
from dataclasses import dataclass, replace
from pathlib import Path

from callbot.calls.disk import PartialAnswer, ensure_room, write_or_fail
from callbot.dialog.ports import RESUMED, SPEECH, Recording
from callbot.errors import AgiHangup, PromptError
from callbot.pbx.audiosocket import MediaStream
from callbot.pbx.audiosocket_protocol import FRAME_BYTES, FRAME_MS, RATE
from callbot.speech.audio import pcm_wav, write_atomic
from callbot.speech.endpoint import EndpointRules, Heard, Listener, frames, level_dbfs
from callbot.speech.prompts import PromptLibrary

log = logging.getLogger(__name__)

FRAME_SECONDS = FRAME_MS / 1000
FRAME_SAMPLES = FRAME_BYTES // 2
LEAD_SECONDS = 0.04  # our audio may run this far ahead of the clock (scheduling jitter)
DIGIT_GAP_SECONDS = 0.12  # between the digits of a number read out...
GROUP_GAP_SECONDS = 0.45  # ...and between its groups
KEEP_SECONDS = 2.0  # the caller's audio kept behind the present (pre-roll, onsets)


@functools.lru_cache(maxsize=256)
def _pcm(path: str, mtime_ns: int) -> bytes:
    """The samples of an 8 kHz 16-bit mono WAV file (cached while the file is unchanged)."""
    try:
        with wave.open(path, "rb") as wav:
            if (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) != (RATE, 1, 2):
                raise PromptError(f"{path} is not 8 kHz 16-bit mono: render it again")
            return wav.readframes(wav.getnframes())
    except (OSError, EOFError, wave.Error) as exc:
        raise PromptError(f"cannot read {path}: {exc}") from None


def load_pcm(path: str | Path) -> bytes:
    """The samples of a prompt or runtime speech file (see :func:`_pcm`)."""
    name = os.fspath(path)
    try:
        mtime = os.stat(name).st_mtime_ns
    except OSError as exc:
        raise PromptError(f"cannot read {name}: {exc.strerror or exc}") from None
    return _pcm(name, mtime)


def digit_groups(number: str) -> list[str]:
    """A number cut the way it is read out: a phone number 4-3-3 (``0912 345 678``), others
    in threes from the left with the last group of two to four (``000 0018``)."""
    digits = "".join(c for c in number if c.isascii() and c.isdigit())
    if len(digits) == 10:
        return [digits[:4], digits[4:7], digits[7:]]
    groups = [digits[i : i + 3] for i in range(0, len(digits), 3)]
    if len(groups) > 1 and len(groups[-1]) == 1:
        groups[-2:] = [groups[-2] + groups[-1]]
    return groups


@dataclass(frozen=True)
class _Last:
    """The last recording: what a continuation extends."""

    path: Path
    start: int  # its first sample on the stream


class MediaCallPort:
    """The dialog engine's view of the call, over an AudioSocket stream (see the module)."""

    listens = True

    def __init__(
        self,
        stream: MediaStream,
        prompts: PromptLibrary,
        rules: EndpointRules,
    ) -> None:
        self.stream = stream
        self.prompts = prompts
        self.rules = rules
        self._onset: int | None = None  # the caller's speech that stopped the last prompt
        self._last: _Last | None = None

    # -- playing ------------------------------------------------------------------------------

    def play(
        self,
        prompt: str,
        escape_digits: str,
        *,
        barge_in: bool = False,
        resume_until: float | None = None,
    ) -> str:
        """Play a rendered prompt; the key that stopped it, :data:`SPEECH`, :data:`RESUMED`
        or "" (see :class:`~callbot.dialog.ports.CallPort`)."""
        pcm = load_pcm(self.prompts.path(prompt) + ".wav")
        return self._play(pcm, escape_digits, barge_in=barge_in, resume_until=resume_until)

    def play_file(self, path: Path, escape_digits: str) -> str:
        """Play an audio file (runtime text-to-speech); the key that stopped it, or ""."""
        return self._play(load_pcm(path), escape_digits)

    def play_digits(self, number: str, escape_digits: str) -> str:
        """Read ``number`` in groups of digits, with short pauses (:func:`digit_groups`)."""
        digit_gap = b"\x00\x00" * round(DIGIT_GAP_SECONDS * RATE)
        group_gap = b"\x00\x00" * round(GROUP_GAP_SECONDS * RATE)
        parts: list[bytes] = []
        groups = digit_groups(number)
        if not groups:
            raise PromptError(f"cannot read {number!r} aloud: it has no digits")
        for group in groups:
            if parts:
                parts.append(group_gap)
            for index, digit in enumerate(group):
                if index:
                    parts.append(digit_gap)
                parts.append(load_pcm(self.prompts.path(f"digit_{digit}") + ".wav"))
        return self._play(b"".join(parts), escape_digits)

    def wait_digit(self, timeout_ms: int) -> str:
        """The next key pressed within ``timeout_ms``, or ""; AgiHangup when the caller hangs up."""
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            key = self.stream.key()
            if key:
                return key
            if self.stream.closed:
                raise AgiHangup("the caller hung up")
            left = deadline - time.monotonic()
            if left <= 0:
                return ""
            self.stream.wait(min(left, 0.1))

    def _play(
        self,
        pcm: bytes,
        escape: str,
        *,
        barge_in: bool = False,
        resume_until: float | None = None,
    ) -> str:
        stream = self.stream
        start = stream.catch_up()
        self._forget(start, keep_last=resume_until is not None)
        listener = Listener(self.rules, barge=True) if barge_in or resume_until else None
        scanned = start
        clock = time.monotonic()
        for offset in range(0, len(pcm), FRAME_BYTES):
            frame = pcm[offset : offset + FRAME_BYTES]
            if not stream.send(frame.ljust(FRAME_BYTES, b"\x00")):
                raise AgiHangup("the caller hung up")
            clock += FRAME_SECONDS
            while True:
                key = self._key(escape)
                if key:
                    return key
                if stream.closed:
                    raise AgiHangup("the caller hung up")
                if listener is not None:
                    scanned, heard = self._scan(listener, scanned)
                    if heard == "speech":
                        onset = start + (listener.onset or 0) * FRAME_SAMPLES
                        self._onset = onset
                        if resume_until is not None and stream.time_of(onset) <= resume_until:
                            return RESUMED
                        if barge_in:
                            return SPEECH
                        listener = None  # only listening for a continuation, and too late
                    elif not barge_in and resume_until and time.monotonic() > resume_until + 1:
                        listener = None
                ahead = clock - LEAD_SECONDS - time.monotonic()
                if ahead <= 0:
                    break
                stream.wait(min(ahead, FRAME_SECONDS))
        return ""

    def _key(self, escape: str) -> str:
        """The next key pressed, if it is one of ``escape``; others are dropped."""
        while key := self.stream.key():
            if key in escape:
                return key
        return ""

    def _scan(self, listener: Listener, scanned: int) -> tuple[int, Heard | None]:
        """Feed ``listener`` the caller's whole frames from ``scanned`` on; where it got to,
        and what it heard ("speech" at the onset, or how the answer ended)."""
        end = self.stream.catch_up()
        heard: Heard | None = None
        while scanned + FRAME_SAMPLES <= end and heard not in ("speech", *_ENDINGS):
            heard = listener.feed(self.stream.audio(scanned, scanned + FRAME_SAMPLES))
            scanned += FRAME_SAMPLES
        return scanned, heard

    def _forget(self, now: int, *, keep_last: bool) -> None:
        """Let the stream forget audio no turn can need any more."""
        if not keep_last:
            self._last = None
        keep = now - round(KEEP_SECONDS * RATE)
        if self._last is not None:
            keep = min(keep, self._last.start)
        self.stream.discard_before(keep)

    # -- recording ----------------------------------------------------------------------------

    def record(
        self,
        path: Path,
        escape_digits: str,
        max_seconds: int | None = None,
        *,
        speaking: bool = False,
        resume: bool = False,
    ) -> Recording:
        """Record the caller into ``path`` until they stop speaking, a key, the longest answer
        or a hang-up: after a beep (speech during the beep starts it at once), from the first
        syllable (``speaking``), or as the rest of the last recording (``resume``)."""
        stream = self.stream
        limit = min(self.rules.max_seconds, max_seconds or self.rules.max_seconds)
        ensure_room(path, limit * 1000)
        preroll = round(self.rules.preroll_seconds * RATE)
        if resume and self._last is not None and self._onset is not None:
            start, listen_from = self._last.start, self._onset - preroll
        elif speaking and self._onset is not None:
            start = listen_from = self._stretch_start(self._onset) - preroll
        else:
            key = self._play(load_pcm(self.prompts.beep + ".wav"), escape_digits, barge_in=True)
            if key == SPEECH and self._onset is not None:
                start = listen_from = self._stretch_start(self._onset) - preroll
            elif key and key != "#":
                return Recording(ended_by="dtmf", digit=key, duration_seconds=0.0, saved=False)
            else:
                start = listen_from = stream.catch_up()
        self._onset = None
        rules = replace(
            self.rules,
            max_seconds=max(1.0, limit - (listen_from - start) / RATE),
            no_input_seconds=min(self.rules.no_input_seconds, limit),
        )
        partial = PartialAnswer(path)  # what was said so far survives a crash of this node
        try:
            ended_by, digit, listener, end = self._listen(
                Listener(rules), listen_from, escape_digits, (partial, start)
            )
            pcm = stream.audio(start, end)
            write_or_fail(path, lambda: write_atomic(path, pcm_wav(pcm)))
        finally:
            partial.discard()
        self._last = _Last(path, start)
        speech_end = None
        if listener.last_voiced is not None:
            speech_end = stream.time_of(listen_from + (listener.last_voiced + 1) * FRAME_SAMPLES)
        return Recording(
            ended_by=ended_by,
            digit=digit,
            duration_seconds=len(pcm) / 2 / RATE,
            speech_end=speech_end,
        )

    def _stretch_start(self, onset: int) -> int:
        """Where the stretch of speech that stopped a prompt began: the onset, or earlier when
        the caller was already speaking as the question started (over the greeting, say),
        looking back through what the stream still holds (``KEEP_SECONDS``)."""
        threshold = self.rules.threshold_dbfs
        gap = frames(self.rules.gap_seconds)
        limit = onset - round(KEEP_SECONDS * RATE)
        first, position, quiet = onset, onset, 0
        while position - FRAME_SAMPLES >= limit and quiet <= gap:
            position -= FRAME_SAMPLES
            if level_dbfs(self.stream.audio(position, position + FRAME_SAMPLES)) > threshold:
                first, quiet = position, 0
            else:
                quiet += 1
        return first

    def _listen(
        self, listener: Listener, listen_from: int, escape: str, keep: tuple[PartialAnswer, int]
    ) -> tuple[str, str, Listener, int]:
        """Listen until the answer ends: (ended_by, digit, the listener, the end sample); the
        audio from ``keep``'s sample on goes to its partial file as it comes."""
        stream = self.stream
        scanned = listen_from
        partial, kept = keep
        while True:
            scanned, heard = self._scan(listener, scanned)
            if scanned > kept:
                partial.add(stream.audio(kept, scanned))
                kept = scanned
            if heard in _ENDINGS:
                return _ENDINGS[heard], "", listener, scanned
            key = self._key(escape)
            if key:
                return "dtmf", key, listener, stream.catch_up()
            if stream.closed:
                return "hangup", "", listener, stream.end
            stream.wait(FRAME_SECONDS)

    def close(self) -> None:
        """End the stream: the AudioSocket application returns and the AGI goes on."""
        self.stream.close()


# How an answer ended, as the dialog's Recording says it.
_ENDINGS: dict[Heard | None, str] = {
    "silence": "silence",
    "no_input": "silence",
    "max_length": "max_length",
}
