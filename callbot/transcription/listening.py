"""What the call path asks of speech recognition, while the call goes on.

A call's dialog needs three things from transcription: wake the workers when an answer is
stored, wait (a bounded time) for an answer's text at a read-back, and decode a short closed
answer at once (grammar mode). :class:`Listening` gives exactly those. It exists from the
start of ``callbot serve``; the speech model loads in the background and is attached when it
is ready (:meth:`Listening.attach`): until then nothing is woken, no text is waited for, and
the dialog takes keys only (:attr:`Listening.script` is None).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # vosk, numpy and soxr load only in processes that transcribe
    from callbot.dialog.steps import Script
    from callbot.speech.asr import Transcript, VoskRecognizer
    from callbot.transcription.worker import TranscriptionPool


@dataclass(frozen=True)
class _Loaded:
    pool: TranscriptionPool
    recognizer: VoskRecognizer
    script: Script


class Listening:
    """The transcription side of the call path; empty until the model is attached."""

    def __init__(self) -> None:
        self._loaded: _Loaded | None = None
        self._lock = threading.Lock()

    def attach(self, pool: TranscriptionPool, recognizer: VoskRecognizer, script: Script) -> None:
        """The model is loaded and ``pool`` started: calls from now on use them, and their
        dialog is ``script`` (with the spoken answers this model can hear)."""
        with self._lock:
            self._loaded = _Loaded(pool, recognizer, script)

    @property
    def pool(self) -> TranscriptionPool | None:
        """The transcription workers, or None until the model is attached."""
        loaded = self._loaded
        return loaded.pool if loaded is not None else None

    @property
    def recognizer(self) -> VoskRecognizer | None:
        """Decodes closed answers on the call path (None until the model is loaded)."""
        loaded = self._loaded
        return loaded.recognizer if loaded is not None else None

    @property
    def script(self) -> Script | None:
        """The dialog that listens to this model (None: keys only, no model yet)."""
        loaded = self._loaded
        return loaded.script if loaded is not None else None

    def notify(self) -> None:
        """An answer was stored: wake the transcription workers (if any) now."""
        loaded = self._loaded
        if loaded is not None:
            loaded.pool.notify()

    def transcript(self, answer_id: int, timeout: float) -> Transcript | None:
        """The transcript of answer ``answer_id`` (text and words), waiting up to ``timeout``
        s; None as for :meth:`text`."""
        loaded = self._loaded
        if loaded is None:
            return None
        return loaded.pool.wait_for([answer_id], timeout).get(answer_id)

    def text(self, answer_id: int, timeout: float) -> str | None:
        """The transcript of answer ``answer_id``, waiting up to ``timeout`` s.

        None when there is none in time: no worker, nothing heard, failed, or still running.
        """
        loaded = self._loaded
        if loaded is None:
            return None
        transcript = loaded.pool.wait_for([answer_id], timeout).get(answer_id)
        return transcript.text if transcript is not None else None
