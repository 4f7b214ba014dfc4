"""Speech to text: the recognizer seam (:class:`SpeechRecognizer`) and its Vosk implementation.

A recorded answer (Asterisk's ``wav``: 8 kHz, 16-bit, mono; 16 kHz is accepted too) goes in, a
:class:`Transcript` comes out: the text, each word with its confidence and timing, which model
heard it and how long it took. Callers' words are logged at DEBUG only.

Vosk, as its maintainers advise using it: one ``vosk.Model`` per model directory per process,
loaded once (:func:`load_model`, cached under a lock) and shared by every recognizer and thread;
a fresh ``KaldiRecognizer`` per transcription, which decodes on one core (the C library releases
the GIL, so N threads decode on N cores). A missing or corrupt model raises
:class:`~callbot.errors.ModelError` when the recognizer is built, never in the middle of a call.
Grammar mode restricts the answer space (yes/no, digits): grammar words the model does not know
are dropped with a WARNING, since Vosk would silently never recognize them.

Decodes are not bit-reproducible: Kaldi dithers each frame with a process-wide random generator
(the models' ``conf/mfcc.conf`` keeps its default ``--dither=1``), so two decodes of the same
answer may differ in confidences, timings and now and then a word (vosk-api issue 868). Dither
is kept, as the models ship it: upsampled telephone audio leaves the mel bands above 4 kHz
empty, and with dither off the stand-in model heard different words in the same answers.

Resampling. Vosk's small models are trained on 16 kHz speech; fed 8 kHz they fail or, where the
model allows upsampling, lose accuracy. Answers are resampled 8 kHz → 16 kHz with libsoxr through
the ``soxr`` package (python-soxr): the engine of SoX's ``rate`` effect, maintained, with wheels
for Linux on x86-64 and arm64. Its "HQ" setting is a band-limited, linear-phase filter (20-bit
precision, about 120 dB of stop-band rejection): 3 kHz stays 3 kHz, and the image above 4 kHz that
naive upsampling (repeating or zero-stuffing samples) creates is removed, so the recognizer hears
nothing that was not on the line. It runs in process on the whole answer in one call (30 s of
8 kHz audio is under 0.5 MB): no sox or ffmpeg process per answer. ffmpeg stays the tool for
the prompts (:mod:`callbot.speech.tts`), where audio arrives as MP3.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import wave
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import soxr
import vosk

from callbot.config import AsrConfig
from callbot.errors import AsrError, ModelError
from callbot.speech.model_files import check_model_dir, model_name, resolve_model

logger = logging.getLogger(__name__)

MODEL_RATE = 16000  # what Vosk's models expect
CHUNK_FRAMES = 4000  # frames fed to Vosk per call (0.25 s at 16 kHz)
MIN_RATE, MAX_RATE = 8000, 48000
UNKNOWN = "[unk]"
# Kaldi prints its messages to stderr itself. -1 still lets WARNINGs through (e.g. one per grammar
# word missing from the vocabulary, which we report through logging instead); -2 keeps only
# ERRORs, which say which file of a corrupt model failed to load.
VOSK_LOG_LEVEL = -2

_MODELS: dict[Path, vosk.Model] = {}
_MODELS_LOCK = threading.Lock()


@dataclass(frozen=True)
class Word:
    """One recognized word: confidence 0..1, start and end in seconds from the answer's start."""

    word: str
    conf: float
    start: float
    end: float


@dataclass(frozen=True)
class Transcript:
    """What a recognizer heard in one recording, and what it cost."""

    text: str
    words: tuple[Word, ...]
    model: str
    audio_seconds: float
    decode_seconds: float  # wall time: reading, resampling and decoding

    def to_dict(self) -> dict[str, Any]:
        """The transcript as plain data for JSON, its words as dicts."""
        data = asdict(self)
        data["words"] = [asdict(w) for w in self.words]
        return data


class SpeechRecognizer(Protocol):
    """Speech to text for one recorded answer. Implementations must be safe across threads."""

    model_name: str

    def transcribe(self, wav_path: Path, grammar: Sequence[str] | None = None) -> Transcript:
        """Transcribe ``wav_path``; with ``grammar``, only those words (or ``[unk]``) come out."""
        ...


# -- audio ----------------------------------------------------------------------------------------


def resample(pcm: bytes, in_rate: int, out_rate: int = MODEL_RATE) -> bytes:
    """16-bit little-endian mono PCM at ``in_rate`` → the same at ``out_rate`` (libsoxr, HQ)."""
    samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2")
    if in_rate == out_rate or samples.size == 0:
        return samples.tobytes()
    out = soxr.resample(samples, in_rate, out_rate, quality="HQ")
    return np.asarray(out, dtype="<i2").tobytes()


def read_pcm16k(wav_path: Path) -> tuple[bytes, float]:
    """The samples of a 16-bit mono WAV file as 16 kHz PCM, and its duration in seconds.

    Raises :class:`AsrError` naming the file when it is missing, not a WAV file, not 16-bit
    mono PCM, or at a rate outside 8–48 kHz.
    """
    try:
        with wave.open(os.fspath(wav_path), "rb") as wav:
            rate, channels, width = wav.getframerate(), wav.getnchannels(), wav.getsampwidth()
            frames = wav.getnframes()
            data = wav.readframes(frames)
    except FileNotFoundError:
        raise AsrError(f"recording {wav_path} does not exist") from None
    except (wave.Error, EOFError) as exc:
        raise AsrError(f"recording {wav_path} is not a PCM WAV file ({exc})") from None
    except OSError as exc:
        raise AsrError(f"recording {wav_path} cannot be read: {exc}") from None
    if width != 2 or channels != 1:
        raise AsrError(
            f"recording {wav_path} is {width * 8}-bit with {channels} channel(s); "
            "expected 16-bit mono PCM (Asterisk's wav format)"
        )
    if not MIN_RATE <= rate <= MAX_RATE:
        raise AsrError(f"recording {wav_path} is at {rate} Hz; expected 8 kHz or 16 kHz")
    return resample(data, rate, MODEL_RATE), frames / rate


# -- model ----------------------------------------------------------------------------------------


def load_model(path: Path) -> vosk.Model:
    """The ``vosk.Model`` of directory ``path``, loaded once per process and shared.

    The layout is checked first (:func:`~callbot.speech.model_files.check_model_dir`); a model Vosk
    cannot load (a corrupt or truncated file) raises :class:`ModelError` too.
    """
    key = Path(path).resolve()
    with _MODELS_LOCK:
        model = _MODELS.get(key)
        if model is not None:
            return model
        check_model_dir(Path(path))
        vosk.SetLogLevel(VOSK_LOG_LEVEL)
        started = time.perf_counter()
        try:
            model = vosk.Model(str(key))
        except Exception as exc:  # vosk raises a bare Exception("Failed to create a model")
            raise ModelError(
                f"Vosk could not load the speech model at {path} ({exc}): a file is corrupt, "
                "truncated or from an incompatible Vosk version; fetch it again with "
                "`callbot models fetch --force` (or reinstall the package it came with)"
            ) from None
        _MODELS[key] = model
        logger.info("speech model %s loaded in %.1f s", key, time.perf_counter() - started)
        return model


def raw_vosk_transcribe(model: vosk.Model, pcm16k: bytes) -> dict[str, Any]:
    """Plain Vosk as its examples use it, on 16 kHz PCM: the baseline of ``callbot bench asr``.

    Returns ``{"text": ..., "result": [word dicts]}`` gathered from every segment.
    """
    recognizer = vosk.KaldiRecognizer(model, MODEL_RATE)
    recognizer.SetWords(True)
    results: list[dict[str, Any]] = []
    step = CHUNK_FRAMES * 2
    for offset in range(0, len(pcm16k), step):
        if recognizer.AcceptWaveform(pcm16k[offset : offset + step]):
            results.append(json.loads(recognizer.Result()))
    results.append(json.loads(recognizer.FinalResult()))
    return {
        "text": " ".join(r["text"] for r in results if r.get("text")),
        "result": [w for r in results for w in r.get("result", [])],
    }


# -- recognizer -----------------------------------------------------------------------------------


class VoskRecognizer:
    """:class:`SpeechRecognizer` on a Vosk model; one instance serves every thread."""

    def __init__(self, model_path: Path, name: str | None = None) -> None:
        self.model_path = Path(model_path)
        self.model_name = name or model_name(self.model_path)
        self._model = load_model(self.model_path)
        # Grammars need a dynamic graph (HCLr.fst + Gr.fst); with a static HCLG.fst Vosk ignores
        # them, so grammar mode then maps every word outside the grammar to [unk] itself.
        graph = self.model_path / "graph"
        self.supports_grammar = (graph / "HCLr.fst").is_file() and (graph / "Gr.fst").is_file()
        self._grammars: dict[tuple[str, ...], tuple[str, frozenset[str]]] = {}
        self._grammars_lock = threading.Lock()

    @classmethod
    def from_config(cls, config: AsrConfig) -> VoskRecognizer:
        """The recognizer on the model ``asr.model`` chooses (see ``resolve_model``)."""
        return cls(resolve_model(config))

    def transcribe(self, wav_path: Path, grammar: Sequence[str] | None = None) -> Transcript:
        """Decode one recording (8-48 kHz, 16-bit mono WAV); with ``grammar``, any word outside it
        comes out as ``[unk]``. Raises AsrError naming the file and the model."""
        started = time.perf_counter()
        pcm, audio_seconds = read_pcm16k(wav_path)
        allowed: frozenset[str] | None = None
        try:
            if grammar is None:
                recognizer = vosk.KaldiRecognizer(self._model, MODEL_RATE)
            else:
                grammar_json, allowed = self._grammar(grammar)
                recognizer = vosk.KaldiRecognizer(self._model, MODEL_RATE, grammar_json)
            recognizer.SetWords(True)
            segments: list[dict[str, Any]] = []
            step = CHUNK_FRAMES * 2
            for offset in range(0, len(pcm), step):
                if recognizer.AcceptWaveform(pcm[offset : offset + step]):
                    segments.append(json.loads(recognizer.Result()))
            segments.append(json.loads(recognizer.FinalResult()))
        except AsrError:
            raise
        except Exception as exc:  # vosk raises bare Exceptions
            raise AsrError(
                f"Vosk failed on recording {wav_path} with model {self.model_name}: {exc}"
            ) from None
        words = tuple(
            Word(str(w["word"]), float(w["conf"]), float(w["start"]), float(w["end"]))
            for segment in segments
            for w in segment.get("result", [])
        )
        text = " ".join(s["text"] for s in segments if s.get("text"))
        if allowed is not None and any(w.word not in allowed for w in words):
            words = tuple(w if w.word in allowed else replace(w, word=UNKNOWN) for w in words)
            text = " ".join(w.word for w in words)
        transcript = Transcript(
            text=text,
            words=words,
            model=self.model_name,
            audio_seconds=audio_seconds,
            decode_seconds=time.perf_counter() - started,
        )
        logger.debug(
            "%s: %.2f s of audio decoded in %.2f s by %s%s: %r",
            wav_path,
            audio_seconds,
            transcript.decode_seconds,
            self.model_name,
            " (grammar)" if grammar is not None else "",
            text,
        )
        return transcript

    def knows(self, word: str) -> bool:
        """Whether ``word`` is in the model's vocabulary (grammar words outside it are never
        recognized; Vosk only logs "Ignoring word missing in vocabulary")."""
        return bool(self._model.vosk_model_find_word(word) >= 0)

    def _grammar(self, grammar: Sequence[str]) -> tuple[str, frozenset[str]]:
        """The grammar as Vosk wants it (JSON list, ``[unk]`` last) and the words it allows.

        Checked against the vocabulary once per grammar and cached.
        """
        phrases = tuple(" ".join(p.split()) for p in grammar if p.strip())
        with self._grammars_lock:
            cached = self._grammars.get(phrases)
            if cached is not None:
                return cached
            known = [p for p in phrases if all(self.knows(w) for w in p.split())]
            dropped = [p for p in phrases if p not in known]
            if dropped:
                logger.warning(
                    "grammar phrases with words missing from the vocabulary of %s are dropped "
                    "(they could never be recognized): %s",
                    self.model_name,
                    ", ".join(repr(p) for p in dropped),
                )
            if not known:
                raise AsrError(
                    f"no word of the grammar {list(phrases)!r} is in the vocabulary of model "
                    f"{self.model_name}: grammar mode would recognize nothing"
                )
            if not self.supports_grammar:
                logger.warning(
                    "model %s has a static graph, which ignores grammars: words outside the "
                    "grammar are reported as %s",
                    self.model_name,
                    UNKNOWN,
                )
            allowed = frozenset(w for p in known for w in p.split()) | {UNKNOWN}
            result = (json.dumps([*known, UNKNOWN], ensure_ascii=False), allowed)
            self._grammars[phrases] = result
            return result
