"""When a caller starts and stops speaking: a small endpointer over 20 ms frames (pure).

The call's audio arrives as 20 ms frames (:mod:`callbot.pbx.audiosocket`). A frame louder than
``threshold_dbfs`` is *voiced* (the level the recordings' voice check uses,
:func:`callbot.speech.audio.speech_seconds`). :class:`Listener` reads the frames of one turn
and says what happened:

- ``speech`` (onset): ``onset_seconds`` of voiced frames, nearly in a row, so a click, a
  breath or scattered noise does not count; the onset is the first voiced frame of the
  stretch of sound they belong to (gaps shorter than ``gap_seconds`` between syllables do not
  break a stretch), however long the syllables took to add up. Over a prompt the caller
  must speak longer (``barge_seconds``) before the prompt stops: a word is enough, a click
  is not.
- ``silence``: after the onset, ``end_silence_seconds`` without a voiced frame ended the
  answer. A caller who has said almost nothing yet ("dạ...", "à...") is thinking, not done:
  below ``short_speech_seconds`` of voice the answer ends only after
  ``thinking_silence_seconds``. (A longer pause inside an answer is kept by the dialog's
  continuation window: speech resuming as the next prompt starts joins the answer,
  :mod:`callbot.dialog.turns`.)
- ``no_input``: no onset within ``no_input_seconds`` of listening;
- ``max_length``: the answer ran to ``max_seconds``.

Why energy and not the recognizer: an endpointer must decide within a frame or two for every
call at once; Vosk's own endpointing would mean decoding every answer twice on two cores (the
transcription workers decode it anyway), and its rules judge sentence ends with a language
model that the stand-in model does not have for Vietnamese.
"""

from __future__ import annotations

import math
from array import array
from collections import deque
from dataclasses import dataclass
from typing import Literal

FRAME_SECONDS = 0.02
FULL_SCALE = 32768.0

Heard = Literal["speech", "silence", "no_input", "max_length"]


@dataclass(frozen=True)
class EndpointRules:
    """The timings of one kind of turn (seconds, except the threshold)."""

    threshold_dbfs: float = -40.0
    onset_seconds: float = 0.1  # voice that starts an answer
    barge_seconds: float = 0.2  # voice that stops a prompt the caller talks over
    gap_seconds: float = 0.3  # a shorter gap between sounds is inside one stretch of speech
    end_silence_seconds: float = 0.7  # silence that ends an answer
    short_speech_seconds: float = 0.4  # less voice than this so far: still thinking...
    thinking_silence_seconds: float = 1.5  # ...and this much silence ends it then
    no_input_seconds: float = 5.0  # nothing said at all
    max_seconds: float = 30.0  # the longest answer
    preroll_seconds: float = 0.3  # kept before the onset: a soft first syllable is not cut


def frames(seconds: float) -> int:
    """Whole 20 ms frames in ``seconds`` (at least 1)."""
    return max(1, round(seconds / FRAME_SECONDS))


def level_dbfs(pcm: bytes) -> float:
    """RMS level of little-endian 16-bit samples in dBFS; ``-inf`` for silence or nothing."""
    samples = array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if not samples:
        return -math.inf
    power = math.fsum(s * s for s in samples) / len(samples)
    if power <= 0.0:
        return -math.inf
    return 10.0 * math.log10(power) - 20.0 * math.log10(FULL_SCALE)


class Listener:
    """One turn's frames, fed in order.

    :meth:`feed` returns ``"speech"`` once, at the onset, then None until the answer ends;
    :attr:`ended` then says how (``silence``, ``no_input``, ``max_length``) and every later
    feed returns it. ``barge`` listens over a prompt: only the onset matters, and it takes
    ``barge_seconds`` of voice, and silence never ends it. Frame positions count from the
    first frame fed (0); ``max_seconds`` counts from there too.
    """

    def __init__(self, rules: EndpointRules, *, barge: bool = False) -> None:
        self.rules = rules
        self.barge = barge
        self.needed = frames(rules.barge_seconds if barge else rules.onset_seconds)
        self._recent: deque[bool] = deque(maxlen=self.needed + 4)  # dense enough to be voice
        self._stretch: int | None = None  # first voiced frame of the current stretch
        self._stretch_voiced = 0
        self.position = 0  # frames fed so far
        self.onset: int | None = None  # first frame of the speech
        self.last_voiced: int | None = None
        self.voiced = 0  # voiced frames since the onset
        self.ended: Heard | None = None

    @property
    def speaking(self) -> bool:
        """Whether the caller has started speaking."""
        return self.onset is not None

    def feed(self, pcm: bytes) -> Heard | None:
        """One 20 ms frame of the caller's audio; see the class docstring."""
        return self.feed_level(level_dbfs(pcm))

    def feed_level(self, dbfs: float) -> Heard | None:
        """One frame by its level (dBFS); see :meth:`feed`."""
        if self.ended is not None:
            return self.ended
        index = self.position
        self.position += 1
        voiced = dbfs > self.rules.threshold_dbfs
        rules = self.rules
        if self.onset is None:
            self._recent.append(voiced)
            if voiced:
                gap = index - self.last_voiced if self.last_voiced is not None else None
                if gap is None or gap > frames(rules.gap_seconds):
                    self._stretch, self._stretch_voiced = index, 0
                self._stretch_voiced += 1
                self.last_voiced = index
                if sum(self._recent) >= self.needed:
                    self.onset = self._stretch
                    self.voiced = self._stretch_voiced
                    return "speech"
            if not self.barge and self.position >= frames(rules.no_input_seconds):
                self.ended = "no_input"
            return self.ended
        if voiced:
            self.last_voiced = index
            self.voiced += 1
        if self.position >= frames(rules.max_seconds):
            self.ended = "max_length"
        elif self.last_voiced is not None and index - self.last_voiced >= self._end_frames():
            self.ended = "silence"
        return self.ended

    def _end_frames(self) -> int:
        """Silence that ends the answer now: longer while the caller has said almost nothing."""
        rules = self.rules
        if self.voiced * FRAME_SECONDS < rules.short_speech_seconds:
            return frames(rules.thinking_silence_seconds)
        return frames(rules.end_silence_seconds)
