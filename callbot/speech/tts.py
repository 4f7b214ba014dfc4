"""Text to telephone audio: TTS engines and the conversion to 8 kHz WAV.

Engines sit behind :class:`Synthesizer` (text in, WAV bytes of any rate out): gTTS (Google,
natural voice, needs the network) and espeak-ng (local, robotic, always there). "auto" tries
gTTS once and, when Google cannot be reached, uses espeak-ng for the rest of the run.
:func:`to_telephone_wav` makes what Asterisk plays best: 8 kHz, mono, 16-bit PCM, resampled by
ffmpeg (anti-aliased), trimmed, faded and levelled. :func:`synthesize_text` renders one runtime
text into a cache; rendering a whole prompt set ahead of time is :mod:`callbot.speech.render`'s.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import shutil
import subprocess
from pathlib import Path
from typing import Any, Protocol

from gtts import gTTS, gTTSError

from callbot.errors import PromptError, SetupError
from callbot.speech import audio
from callbot.speech._pydub import (
    AudioSegment,
    CouldntDecodeError,
    CouldntEncodeError,
    detect_leading_silence,
    require_ffmpeg,
)

logger = logging.getLogger(__name__)

ENGINES = ("auto", "gtts", "espeak")
TELEPHONE_FORMAT = (audio.TELEPHONE_RATE, 1, 2)  # rate, channels, bytes per sample

# Output level: peaks at -3 dBFS leave headroom for G.711 companding and codec overshoot; the
# RMS cap keeps a dense voice (gTTS) from sounding louder than a sparse one (espeak-ng).
PEAK_DBFS = -3.0
MAX_RMS_DBFS = -16.0
SILENCE_DBFS = -50.0  # leading/trailing audio below this is trimmed...
KEEP_SILENCE_MS = 40  # ...down to this much, so a prompt starts at once
FADE_IN_MS = 10
FADE_OUT_MS = 30

# Changing the conversion above changes the audio: bump this to re-render every prompt.
PIPELINE = "tel8k-v1"


class Synthesizer(Protocol):
    """A TTS engine: text in, a WAV file (any rate, any width) out as bytes."""

    name: str

    def synthesize(self, text: str, language: str) -> bytes:
        """``text`` spoken in ``language``, as a WAV file's bytes.

        Raises PromptError when the engine fails, SetupError when a program it needs is missing.
        """
        ...


def _segment_wav_bytes(segment: Any) -> bytes:
    buffer = io.BytesIO()
    segment.export(buffer, format="wav")
    return buffer.getvalue()


class GttsSynthesizer:
    """Google Translate's TTS through gTTS: MP3 from the network, decoded to WAV by ffmpeg.

    Every failure (no network, timeout, HTTP error) is a :class:`PromptError`, which lets the
    "auto" engine fall back to espeak-ng.
    """

    name = "gtts"

    def __init__(self, timeout: float = 5.0) -> None:
        self.timeout = timeout

    def synthesize(self, text: str, language: str) -> bytes:
        """``text`` spoken by Google, as a WAV file's bytes.

        Raises PromptError when Google cannot be reached or does not speak ``language``,
        SetupError when ffmpeg is missing.
        """
        mp3 = io.BytesIO()
        try:
            gTTS(text, lang=language, timeout=self.timeout).write_to_fp(mp3)
        except gTTSError as exc:
            raise PromptError(
                f"gTTS could not synthesize speech (Google unreachable?): {exc}"
            ) from exc
        except ValueError as exc:  # language not supported by gTTS
            raise PromptError(f"gTTS cannot speak language {language!r}: {exc}") from None
        require_ffmpeg()
        try:
            segment = AudioSegment.from_file(io.BytesIO(mp3.getvalue()), format="mp3")
        except CouldntDecodeError as exc:
            raise PromptError(f"gTTS returned audio ffmpeg cannot decode: {exc}") from None
        return _segment_wav_bytes(segment)


class EspeakSynthesizer:
    """espeak-ng, run locally: ``espeak-ng -v <voice> --stdout``.

    ``voice`` is an espeak-ng voice of the prompts' language (``vi``; ``vi-vn-x-south`` and
    ``vi-vn-x-central`` also exist); text in another language uses espeak-ng's voice named
    after that language. ``speed`` is in words per minute (espeak-ng's default is 175).
    """

    name = "espeak"
    program = "espeak-ng"

    def __init__(self, voice: str = "vi", *, speed: int = 160, timeout: float = 60.0) -> None:
        self.voice = voice
        self.speed = speed
        self.timeout = timeout

    def synthesize(self, text: str, language: str) -> bytes:
        """``text`` spoken by espeak-ng, as a WAV file's bytes.

        Raises SetupError when espeak-ng is not installed, PromptError when it fails or times
        out.
        """
        same_language = self.voice.partition("-")[0].lower() == language.partition("-")[0].lower()
        voice = self.voice if same_language else language
        executable = shutil.which(self.program)
        if executable is None:
            raise SetupError(
                "espeak-ng not found on PATH: it renders prompts when Google TTS is not "
                "reachable; install it (Debian: apt-get install espeak-ng)"
            )
        command = [executable, "-v", voice, "-s", str(self.speed), "-b", "1", "--stdout", "--stdin"]
        try:
            done = subprocess.run(
                command,
                input=text.encode("utf-8"),
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PromptError(f"espeak-ng took more than {self.timeout} s") from None
        if done.returncode != 0 or done.stdout[:4] != b"RIFF":
            stderr = done.stderr.decode("utf-8", "replace").strip()
            raise PromptError(
                f"espeak-ng failed with voice {voice!r} (exit {done.returncode}): {stderr}"
            )
        return done.stdout


def make_synthesizer(engine: str, gtts_timeout: float = 5.0) -> Synthesizer:
    """The synthesizer named ``gtts`` or ``espeak`` (``auto`` is a policy, not an engine)."""
    if engine == "gtts":
        return GttsSynthesizer(gtts_timeout)
    if engine == "espeak":
        return EspeakSynthesizer()
    raise PromptError(f"unknown TTS engine {engine!r}: expected gtts or espeak")


def engine_chain(engine: str) -> list[str]:
    """The engines to try for ``engine``, in order ("auto": gTTS, then espeak-ng)."""
    if engine not in ENGINES:
        raise PromptError(f"unknown TTS engine {engine!r}: expected one of {', '.join(ENGINES)}")
    return ["gtts", "espeak"] if engine == "auto" else [engine]


def to_telephone_wav(wav_or_mp3_bytes: bytes) -> bytes:
    """Convert speech audio (WAV or MP3) to 8 kHz mono 16-bit PCM WAV for Asterisk.

    ffmpeg resamples (pydub's own ``set_frame_rate`` uses ``audioop.ratecv``, which does not
    filter out what lies above 4 kHz and so folds hiss into the band); silence at both ends is
    trimmed to 40 ms; the level is raised or lowered to peak at -3 dBFS with an RMS of at most
    -16 dBFS; short fades avoid clicks.
    """
    data = wav_or_mp3_bytes
    is_wav = data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    try:
        if not is_wav:
            require_ffmpeg()
        segment = AudioSegment.from_file(io.BytesIO(data), format="wav" if is_wav else None)
        if (segment.frame_rate, segment.channels, segment.sample_width) != TELEPHONE_FORMAT:
            require_ffmpeg()
            buffer = io.BytesIO()
            segment.export(
                buffer,
                format="wav",
                codec="pcm_s16le",
                parameters=["-ar", str(audio.TELEPHONE_RATE), "-ac", "1"],
            )
            segment = AudioSegment.from_file(io.BytesIO(buffer.getvalue()), format="wav")
    except (CouldntDecodeError, CouldntEncodeError) as exc:
        raise PromptError(f"cannot convert audio to 8 kHz WAV: {exc}") from None
    if len(segment) == 0 or segment.max_dBFS == float("-inf"):
        raise PromptError("the TTS engine returned silence")

    start = max(0, detect_leading_silence(segment, SILENCE_DBFS) - KEEP_SILENCE_MS)
    end = len(segment) - max(
        0, detect_leading_silence(segment.reverse(), SILENCE_DBFS) - KEEP_SILENCE_MS
    )
    segment = segment[start:end]
    gain = min(PEAK_DBFS - segment.max_dBFS, MAX_RMS_DBFS - segment.dBFS)
    segment = segment.apply_gain(gain).fade_in(FADE_IN_MS).fade_out(FADE_OUT_MS)
    return _segment_wav_bytes(segment)


def digest(*parts: object) -> str:
    """The sha256 naming a rendering: the conversion pipeline and ``parts`` (text, engine)."""
    blob = json.dumps([PIPELINE, *parts], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def synthesize_text(
    text: str,
    engine: str,
    cache_dir: Path,
    *,
    language: str = "vi",
    gtts_timeout: float = 5.0,
) -> Path:
    """Render a runtime text (e.g. a ticket read back) once; the cached 8 kHz ``.wav`` path.

    Cached by sha256 of (engine, language, text). For ``STREAM FILE`` drop the suffix. "auto"
    tries gTTS on every text not yet cached: at runtime prefer ``espeak`` if Google is not
    reliably reachable.
    """
    text = " ".join(text.split())
    if not text:
        raise PromptError("nothing to synthesize: empty text")
    path = Path(cache_dir) / f"{digest(engine, language, text)}.wav"
    if path.is_file():
        return path
    for name in engine_chain(engine):
        try:
            raw = make_synthesizer(name, gtts_timeout).synthesize(text, language)
        except PromptError as exc:
            if engine != "auto" or name != "gtts":
                raise
            logger.warning("Google TTS failed (%s): using espeak-ng", exc)
            continue
        audio.write_atomic(path, to_telephone_wav(raw))
        logger.debug("synthesized %r with %s into %s", text, name, path)
        return path
    raise PromptError("no TTS engine left")  # pragma: no cover
