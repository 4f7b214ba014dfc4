"""Small helpers on 16-bit mono PCM WAV files (Asterisk's ``wav``: 8 kHz): measure and generate.

Only the standard library (``wave``, ``array``, ``math``): no numpy, no ``audioop``. Levels are
in dBFS relative to a full-scale 16-bit value (32768), the convention pydub uses: a full-scale
sine measures about -3 dBFS RMS.

Measuring answers the questions the dialog and the tests ask of a recording: how long is it
(:func:`wav_duration`), how much of it holds voice (:func:`speech_seconds`), where does the voice
start and end (:func:`active_span`). Generating makes the sounds that are not speech: the beep
before an answer (:func:`write_tone`) and the near-silent noise a robot caller plays
(:func:`write_noise`). A file that is not 16-bit mono raises :class:`ValueError` naming it.
"""

from __future__ import annotations

import io
import math
import os
import random
import sys
import tempfile
import wave
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

TELEPHONE_RATE = 8000
FULL_SCALE = 32768.0
_MAX_SAMPLE = 32767
_MIN_SAMPLE = -32768


class WavInfo(NamedTuple):
    """The header of a WAV file."""

    rate: int
    channels: int
    sampwidth: int
    frames: int


def wav_info(path: str | os.PathLike[str]) -> WavInfo:
    """Rate, channels, sample width (bytes) and frame count of a WAV file."""
    with wave.open(os.fspath(path), "rb") as wav:
        return WavInfo(wav.getframerate(), wav.getnchannels(), wav.getsampwidth(), wav.getnframes())


def wav_duration(path: str | os.PathLike[str]) -> float:
    """Duration of a WAV file in seconds."""
    info = wav_info(path)
    return info.frames / info.rate if info.rate else 0.0


def read_samples(path: str | os.PathLike[str]) -> tuple[int, array[int]]:
    """The sample rate and the samples of a 16-bit mono WAV file."""
    with wave.open(os.fspath(path), "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            raise ValueError(
                f"{path}: expected 16-bit mono PCM, found {wav.getsampwidth() * 8}-bit "
                f"with {wav.getnchannels()} channels"
            )
        rate = wav.getframerate()
        data = wav.readframes(wav.getnframes())
    samples = array("h")
    samples.frombytes(data[: len(data) - len(data) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return rate, samples


def rms_dbfs(samples: Sequence[int]) -> float:
    """RMS level of 16-bit samples in dBFS; ``-inf`` for no samples or digital silence."""
    if not samples:
        return -math.inf
    power = math.fsum(s * s for s in samples) / len(samples)
    if power <= 0.0:
        return -math.inf
    return 10.0 * math.log10(power) - 20.0 * math.log10(FULL_SCALE)


def _voiced_frames(
    path: str | os.PathLike[str], threshold_dbfs: float, frame_ms: int
) -> Iterator[tuple[float, float]]:
    """(start, end) in seconds of each frame of ``frame_ms`` louder than the threshold."""
    if frame_ms <= 0:
        raise ValueError(f"frame_ms must be positive, not {frame_ms}")
    rate, samples = read_samples(path)
    size = max(1, rate * frame_ms // 1000)
    for start in range(0, len(samples), size):
        frame = samples[start : start + size]
        if rms_dbfs(frame) > threshold_dbfs:
            yield start / rate, (start + len(frame)) / rate


def speech_seconds(
    path: str | os.PathLike[str], threshold_dbfs: float = -40.0, frame_ms: int = 20
) -> float:
    """Total duration of the frames louder than ``threshold_dbfs``: how much of a file is voice."""
    return math.fsum(end - start for start, end in _voiced_frames(path, threshold_dbfs, frame_ms))


def voice_seconds(
    path: str | os.PathLike[str],
    threshold_dbfs: float = -40.0,
    frame_ms: int = 20,
    min_range_db: float = 10.0,
) -> float:
    """Seconds of the recording that sound like a voice, judged from the audio's energy alone.

    Loud frames count only if their levels vary the way speech does (syllables rise and fall
    by well over ``min_range_db``; steady noise such as hum, hiss or a line tone does not):
    the spread between the 90th and 10th percentile of the loud frames' levels. Silence, a
    click and steady noise give 0.
    """
    if frame_ms <= 0:
        raise ValueError(f"frame_ms must be positive, not {frame_ms}")
    rate, samples = read_samples(path)
    size = max(1, rate * frame_ms // 1000)
    levels = [rms_dbfs(samples[i : i + size]) for i in range(0, len(samples), size)]
    loud = sorted(level for level in levels if level > threshold_dbfs)
    if len(loud) < 3:
        return 0.0
    spread = loud[(len(loud) * 9) // 10] - loud[len(loud) // 10]
    if spread < min_range_db:
        return 0.0
    return len(loud) * size / rate


def active_span(
    path: str | os.PathLike[str], threshold_dbfs: float = -40.0, frame_ms: int = 20
) -> tuple[float, float] | None:
    """Start of the first and end of the last voiced frame, in seconds; None when all is quiet."""
    span: tuple[float, float] | None = None
    for start, end in _voiced_frames(path, threshold_dbfs, frame_ms):
        span = (start, end) if span is None else (span[0], end)
    return span


def wav_bytes(samples: Iterable[int], rate: int = TELEPHONE_RATE) -> bytes:
    """A complete 16-bit mono WAV file holding ``samples`` (clipped to 16 bits)."""
    pcm = array("h", (min(_MAX_SAMPLE, max(_MIN_SAMPLE, int(s))) for s in samples))
    if sys.byteorder == "big":
        pcm.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm.tobytes())
    return buffer.getvalue()


def pcm_wav(pcm: bytes, rate: int = TELEPHONE_RATE) -> bytes:
    """A complete 16-bit mono WAV file holding little-endian samples ``pcm``."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm[: len(pcm) - len(pcm) % 2])
    return buffer.getvalue()


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and :func:`os.replace`.

    A reader (Asterisk playing a prompt) sees either the old file or the new one, never half.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; Asterisk may run as another user
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _frame_count(ms: float, rate: int) -> int:
    if ms < 0 or rate <= 0:
        raise ValueError(f"invalid duration {ms} ms or rate {rate} Hz")
    return round(rate * ms / 1000)


def write_tone(
    path: str | os.PathLike[str],
    freq: float,
    ms: float,
    rate: int = TELEPHONE_RATE,
    *,
    dbfs: float = -6.0,
    fade_ms: float = 5.0,
) -> None:
    """Write a sine tone of ``freq`` Hz, peak ``dbfs``, with short linear ramps (no clicks)."""
    count = _frame_count(ms, rate)
    amplitude = FULL_SCALE * 10 ** (dbfs / 20)
    ramp = min(_frame_count(fade_ms, rate), count // 2)

    def sample(n: int) -> float:
        gain = min(1.0, (n + 1) / ramp, (count - n) / ramp) if ramp else 1.0
        return amplitude * gain * math.sin(2 * math.pi * freq * n / rate)

    write_atomic(path, wav_bytes((round(sample(n)) for n in range(count)), rate))


def write_noise(
    path: str | os.PathLike[str],
    ms: float,
    dbfs: float,
    rate: int = TELEPHONE_RATE,
    *,
    seed: int = 1022,
) -> None:
    """Write white noise of RMS level ``dbfs`` (reproducible: same seed, same bytes)."""
    count = _frame_count(ms, rate)
    # Uniform noise on [-a, a] has an RMS of a / sqrt(3).
    peak = FULL_SCALE * 10 ** (dbfs / 20) * math.sqrt(3)
    rng = random.Random(seed)  # noqa: S311 - test signal, not cryptography
    write_atomic(path, wav_bytes((round(rng.uniform(-peak, peak)) for _ in range(count)), rate))


def write_silence(path: str | os.PathLike[str], ms: float, rate: int = TELEPHONE_RATE) -> None:
    """Write digital silence (all samples zero)."""
    write_atomic(path, wav_bytes([0] * _frame_count(ms, rate), rate))


def concat_wavs(paths: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str]) -> None:
    """Join WAV files of the same format end to end into ``out`` (written atomically)."""
    if not paths:
        raise ValueError("concat_wavs: no input files")
    first = wav_info(paths[0])
    chunks: list[bytes] = []
    for path in paths:
        with wave.open(os.fspath(path), "rb") as wav:
            info = WavInfo(
                wav.getframerate(), wav.getnchannels(), wav.getsampwidth(), wav.getnframes()
            )
            if info[:3] != first[:3]:
                raise ValueError(
                    f"concat_wavs: {path} is {info.rate} Hz, {info.channels} channel(s), "
                    f"{info.sampwidth * 8}-bit; {paths[0]} is {first.rate} Hz, "
                    f"{first.channels} channel(s), {first.sampwidth * 8}-bit"
                )
            chunks.append(wav.readframes(info.frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(first.channels)
        wav.setsampwidth(first.sampwidth)
        wav.setframerate(first.rate)
        wav.writeframes(b"".join(chunks))
    write_atomic(out, buffer.getvalue())
