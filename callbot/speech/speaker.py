"""Runtime text-to-speech for the read-backs: what the caller said, spoken back, cached.

Prompts are rendered ahead of time (:mod:`callbot.speech.tts`); a read-back speaks text known
only during the call. With ``prompts.engine = auto`` a failed Google request switches to
espeak-ng for ten minutes, so a caller never waits for a Google timeout on every read-back.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from callbot.config import Config
from callbot.errors import PromptError, SetupError
from callbot.speech.tts import synthesize_text

log = logging.getLogger(__name__)


class Speaker:
    """Runtime text-to-speech (read-backs), cached by text under ``storage/tts-cache``.

    With ``prompts.engine = auto`` a failed Google request switches to espeak-ng for ten
    minutes, so a caller never waits for a Google timeout on every read-back.
    """

    BREAKER_SECONDS = 600.0

    def __init__(self, config: Config) -> None:
        self.engine = config.prompts.engine
        self.timeout = min(config.prompts.gtts_timeout, 2.0)
        self.cache = config.storage.root / "tts-cache"
        self._google_down_until = 0.0

    def speak(self, text: str) -> Path | None:
        """``text`` spoken into a cached audio file, or None when text-to-speech fails (logged).

        With ``auto``, a failed Google request falls back to espeak-ng at once and keeps to it for
        :attr:`BREAKER_SECONDS`."""
        engine = self.engine
        if engine == "auto" and time.monotonic() < self._google_down_until:
            engine = "espeak"
        try:
            return synthesize_text(text, engine, self.cache, gtts_timeout=self.timeout)
        except PromptError as exc:
            if engine in {"gtts", "espeak"}:
                log.error("text-to-speech failed: %s", exc)
                return None
            self._google_down_until = time.monotonic() + self.BREAKER_SECONDS
            try:
                return synthesize_text(text, "espeak", self.cache)
            except (PromptError, SetupError) as err:
                log.error("text-to-speech failed: %s", err)
                return None
        except SetupError as exc:
            log.error("text-to-speech unavailable: %s", exc)
            return None
