"""``callbot bench asr``: speech-to-text figures, one function per figure, in one invocation.

Every figure runs on the same :class:`AsrBench`: one model (the one ``asr.model`` chooses,
loaded once), the same answers (Vietnamese sentences spoken by ``espeak-ng -v vi`` and
converted to 8 kHz WAV exactly as :func:`callbot.speech.tts.synthesize_text` renders them) and
the same number of CPU cores. Figures so far:

- ``model_load``: seconds to load the model (once per process);
- ``ready``: seconds from a caller hanging up to the ticket being ready for operators, with
  1, 4 and 16 real calls in flight on the sandbox (a fresh ``callbot serve``);
- ``spoken``: the caller's wait for a spoken answer at the read-back ("yes" / "say it again"),
  decoded on the call path in grammar mode: seconds to decode a 3 s answer restricted to the
  read-back's phrases for the model's language (those ``callbot serve`` would listen for with
  this configuration), with N such decodes at once, against a free decode of the same audio.
  The answers are each key's first phrase spoken by espeak-ng in the model's language;
- ``decode``: decode throughput of the pipeline (:meth:`VoskRecognizer.transcribe`: read the
  8 kHz WAV, resample, decode, build the transcript) against raw Vosk
  (:func:`raw_vosk_transcribe` on the same audio already at 16 kHz), side by side at each
  concurrency level N: N threads each decode every answer once, started together. Throughput is
  audio seconds decoded per wall-clock second ("x real time"); the ratio pipeline / raw is the
  figure to watch (1.00: the pipeline costs nothing over Vosk itself). Each level runs
  ``rounds`` times in the order pipeline, raw, raw, pipeline... and keeps each side's best run,
  so that other load on the machine (shown as the load average) skews neither side.

To add a figure, write ``def figure_x(bench: AsrBench) -> Figure`` and add it to
:data:`FIGURES`; ``callbot bench asr --figure x`` runs it alone.
"""

from __future__ import annotations

import json
import os
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callbot.app import configured_script, listening_script
from callbot.config import Config
from callbot.dialog.spoken import choose
from callbot.errors import ConfigError
from callbot.lab.bench_calls import serve_for_bench
from callbot.lab.simulate import SimCall
from callbot.speech import audio
from callbot.speech.asr import VoskRecognizer, load_model, raw_vosk_transcribe, read_pcm16k
from callbot.speech.model_files import model_language, resolve_model, stand_in_path
from callbot.speech.prompts import load_prompts
from callbot.speech.tts import synthesize_text

# Answers of the length callers give: a name, an address, a need, a phone number.
ANSWERS = (
    "Nguyễn Văn An",
    "số mười hai đường Nguyễn Trãi phường hai quận năm",
    "gia đình tôi có bốn người cần gạo và mì tôm",
    "không chín không một hai ba bốn năm sáu bảy",
)
DEFAULT_LEVELS = (1, 4, 16)


@dataclass
class AsrBench:
    """What every figure shares: the recognizer, the answers and the machine."""

    config: Config
    recognizer: VoskRecognizer
    answers: tuple[Path, ...]
    levels: tuple[int, ...]
    cores: int
    rounds: int
    load_seconds: float
    stand_in: bool
    audio_seconds: float = field(init=False)
    pcm16k: tuple[bytes, ...] = field(init=False)

    def __post_init__(self) -> None:
        decoded = [read_pcm16k(path) for path in self.answers]
        self.pcm16k = tuple(pcm for pcm, _ in decoded)
        self.audio_seconds = sum(seconds for _, seconds in decoded)


@dataclass(frozen=True)
class Figure:
    """One figure: rows of plain data (for --json) and its text."""

    name: str
    rows: list[dict[str, Any]]
    text: str


def prepare(config: Config, levels: Sequence[int], rounds: int = 2) -> AsrBench:
    """Render the answers (cached), load the model once, count the cores."""
    cache = config.storage.root / "tts-cache"
    answers = tuple(synthesize_text(text, "espeak", cache) for text in ANSWERS)
    path = resolve_model(config.asr)
    started = time.perf_counter()
    recognizer = VoskRecognizer(path)
    load_seconds = time.perf_counter() - started
    package = stand_in_path()
    return AsrBench(
        config=config,
        recognizer=recognizer,
        answers=answers,
        levels=tuple(levels),
        cores=_cpu_cores(),
        rounds=rounds,
        load_seconds=load_seconds,
        stand_in=package is not None and path.resolve() == package.resolve(),
    )


def _cpu_cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def _run_threads(count: int, work: Callable[[], list[float]]) -> tuple[float, list[float]]:
    """Run ``work`` in ``count`` threads started together; (wall seconds, every latency)."""
    barrier = threading.Barrier(count + 1)
    latencies: list[float] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def body() -> None:
        barrier.wait()
        try:
            mine = work()
        except BaseException as exc:
            with lock:
                errors.append(exc)
            return
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=body, name=f"bench-asr-{i}") for i in range(count)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if errors:
        raise errors[0]
    return wall, latencies


def _pipeline_work(bench: AsrBench) -> list[float]:
    latencies = []
    for path in bench.answers:
        started = time.perf_counter()
        bench.recognizer.transcribe(path)
        latencies.append(time.perf_counter() - started)
    return latencies


def _raw_work(bench: AsrBench) -> list[float]:
    model = load_model(bench.recognizer.model_path)  # the shared Model the pipeline uses
    latencies = []
    for pcm in bench.pcm16k:
        started = time.perf_counter()
        raw_vosk_transcribe(model, pcm)
        latencies.append(time.perf_counter() - started)
    return latencies


def figure_model_load(bench: AsrBench) -> Figure:
    """Seconds to load the model, once per process."""
    row = {"model": bench.recognizer.model_name, "load_seconds": round(bench.load_seconds, 2)}
    return Figure("model_load", [row], f"model load: {bench.load_seconds:.1f} s")


def figure_decode(bench: AsrBench) -> Figure:
    """Decode throughput, pipeline vs raw Vosk, at each concurrency level."""
    # A first decode is slower (real-time factor 0.8 on a first utterance): warm both paths up.
    _pipeline_work(bench)
    _raw_work(bench)
    runs = {"pipeline": lambda: _pipeline_work(bench), "raw": lambda: _raw_work(bench)}
    rows = []
    for level in bench.levels:
        best: dict[str, tuple[float, list[float]]] = {}
        for round_ in range(bench.rounds):
            for name in ("pipeline", "raw") if round_ % 2 == 0 else ("raw", "pipeline"):
                result = _run_threads(level, runs[name])
                if name not in best or result[0] < best[name][0]:
                    best[name] = result
        audio = bench.audio_seconds * level
        row: dict[str, Any] = {"concurrency": level, "audio_seconds": round(audio, 2)}
        for name in ("pipeline", "raw"):
            wall, latencies = best[name]
            row[f"{name}_x_realtime"] = round(audio / wall, 2)
            row[f"{name}_wall_seconds"] = round(wall, 2)
            row[f"{name}_p50_decode_seconds"] = round(statistics.median(latencies), 3)
        row["ratio"] = round(row["pipeline_x_realtime"] / row["raw_x_realtime"], 3)
        rows.append(row)
    labels = {
        "pipeline_x_realtime": "pipeline  x real time",
        "raw_x_realtime": "raw Vosk  x real time",
        "ratio": "pipeline / raw",
        "pipeline_p50_decode_seconds": "pipeline  p50 s/answer",
        "raw_p50_decode_seconds": "raw Vosk  p50 s/answer",
        "audio_seconds": "audio decoded, s",
    }
    return Figure(
        "decode",
        rows,
        "decode throughput (audio seconds per wall second; N threads, each every answer)\n"
        + _table(rows, labels),
    )


def figure_ready(bench: AsrBench) -> Figure:
    """Seconds from the caller hanging up to the ticket being ready for operators (``new``:
    every answer transcribed), with N calls in flight, on the sandbox and a fresh
    ``callbot serve``. Callers hang up as soon as their three answers are recorded."""
    answers = bench.answers[:3]
    rows = []
    for level in bench.levels:
        with serve_for_bench(bench.config) as sim:
            calls = [
                SimCall(
                    answers=answers,
                    actions=("answer", "answer", "answer", "hangup"),
                    end_with="pound",
                    caller_number=f"0908{i:06d}",
                    ready=True,
                )
                for i in range(level)
            ]
            results = sim.run(calls, stagger=0.05)
        waits = [r.ready_after for r in results if r.ready_after is not None]
        rows.append(
            {
                "concurrency": level,
                "ready": f"{len(waits)}/{level}",
                "p50_seconds": round(statistics.median(waits), 2) if waits else "-",
                "max_seconds": round(max(waits), 2) if waits else "-",
            }
        )
    labels = {
        "ready": "tickets ready",
        "p50_seconds": "hang-up to ready p50, s",
        "max_seconds": "hang-up to ready max, s",
    }
    return Figure(
        "ready",
        rows,
        "hang-up to ticket ready (real calls on the sandbox, N in flight)\n" + _table(rows, labels),
    )


def spoken_answer(
    text: str, language: str, cache: Path, seconds: float = 3.0, lead: float = 0.8
) -> Path:
    """A closed answer as the callbot records it: ``lead`` s of line noise, ``text`` spoken by
    espeak-ng in ``language``, line noise up to ``seconds`` in all (8 kHz WAV, cached)."""
    word = synthesize_text(text, "espeak", cache, language=language)
    out = cache / f"answer-{word.stem}-{seconds:g}-{lead:g}.wav"
    if out.is_file():
        return out
    before, after = out.with_suffix(".lead.wav"), out.with_suffix(".tail.wav")
    audio.write_noise(before, lead * 1000, dbfs=-60.0)
    rest = max(0.0, seconds - lead - audio.wav_duration(word))
    audio.write_noise(after, rest * 1000, dbfs=-60.0, seed=22)
    audio.concat_wavs([before, word, after], out)
    before.unlink()
    after.unlink()
    return out


def figure_spoken(bench: AsrBench) -> Figure:
    """The caller's wait for a spoken read-back answer: grammar decode of a 3 s answer."""
    script, _ = listening_script(bench.config, configured_script(bench.config), bench.recognizer)
    step = script.step("confirm")
    if not step.spoken:
        text = (
            "spoken answers: none for this model and prompt file (see the log); "
            "the read-back takes keys only"
        )
        return Figure("spoken", [], text)
    language = (
        model_language(bench.recognizer.model_path)
        or load_prompts(bench.config.prompts.file).language
    )
    first: dict[str, str] = {}  # each key's first phrase
    for phrase, key in step.spoken:
        first.setdefault(key, phrase)
    cache = bench.config.storage.root / "tts-cache"
    answers = [(spoken_answer(phrase, language, cache), key) for key, phrase in first.items()]
    grammar = step.phrases

    def work(restricted: bool) -> Callable[[], list[float]]:
        def decode_all() -> list[float]:
            latencies = []
            for path, key in answers:
                transcript = bench.recognizer.transcribe(path, grammar if restricted else None)
                latencies.append(transcript.decode_seconds)
                if restricted and choose(step.spoken, [w.word for w in transcript.words]) != key:
                    heard.append(f"{path.name}: {transcript.text!r}")
            return latencies

        return decode_all

    heard: list[str] = []  # answers the grammar decode got wrong
    work(True)()  # warm up
    rows = []
    for level in bench.levels:
        _, grammar_latencies = _run_threads(level, work(True))
        _, free_latencies = _run_threads(level, work(False))
        rows.append(
            {
                "concurrency": level,
                "grammar_p50_seconds": round(statistics.median(grammar_latencies), 3),
                "grammar_max_seconds": round(max(grammar_latencies), 3),
                "free_p50_seconds": round(statistics.median(free_latencies), 3),
            }
        )
    labels = {
        "grammar_p50_seconds": "grammar decode p50, s",
        "grammar_max_seconds": "grammar decode max, s",
        "free_p50_seconds": "free decode p50, s",
    }
    phrases = ", ".join(f"{phrase!r}={key}" for key, phrase in first.items())
    seconds = statistics.mean(audio.wav_duration(path) for path, _ in answers)
    text = (
        f"spoken read-back answer ({phrases}; {seconds:.1f} s answers, espeak-ng -v "
        f"{language}; grammar of {len(grammar)} phrases + [unk]; N decodes at once)\n"
        + _table(rows, labels)
        + (f"\nmisheard: {'; '.join(sorted(set(heard)))}" if heard else "")
    )
    for row in rows:
        row["misheard"] = len(heard)
    return Figure("spoken", rows, text)


FIGURES: dict[str, Callable[[AsrBench], Figure]] = {
    "model_load": figure_model_load,
    "spoken": figure_spoken,
    "decode": figure_decode,
    "ready": figure_ready,
}


def _table(rows: list[dict[str, Any]], labels: dict[str, str]) -> str:
    width = max(len(label) for label in labels.values())
    lines = [f"{'':<{width}}  " + "  ".join(f"{'N=' + str(r['concurrency']):>8}" for r in rows)]
    for key, label in labels.items():
        lines.append(f"{label:<{width}}  " + "  ".join(f"{r[key]:>8}" for r in rows))
    return "\n".join(lines)


def run_asr_bench(
    config: Config,
    levels: Sequence[int] = DEFAULT_LEVELS,
    *,
    figures: Sequence[str] | None = None,
    rounds: int = 2,
    json_output: bool = False,
) -> str:
    """Run the chosen figures (all by default) in this process; the report as text or JSON."""
    chosen = list(figures or FIGURES)
    unknown = [name for name in chosen if name not in FIGURES]
    if unknown:
        raise ConfigError(f"--figure: unknown {', '.join(unknown)}; known: {', '.join(FIGURES)}")
    if rounds < 1 or not levels or min(levels) < 1:
        raise ConfigError("bench asr: --rounds and every --concurrency level must be at least 1")
    load_before = os.getloadavg()[0]
    bench = prepare(config, levels, rounds)
    results = [FIGURES[name](bench) for name in chosen]
    load_after = os.getloadavg()[0]
    header = {
        "model": bench.recognizer.model_name,
        "model_path": str(bench.recognizer.model_path),
        "stand_in": bench.stand_in,
        "cores": bench.cores,
        "answers": len(bench.answers),
        "audio_seconds_per_set": round(bench.audio_seconds, 2),
        "audio": "espeak-ng -v vi, 8 kHz 16-bit mono WAV",
        "rounds": rounds,
        "load_average_before_after": [round(load_before, 2), round(load_after, 2)],
    }
    if json_output:
        return json.dumps({**header, "figures": {f.name: f.rows for f in results}}, indent=2)
    model = bench.recognizer.model_name + (" (Korean stand-in)" if bench.stand_in else "")
    lines = [
        f"callbot bench asr: model {model}, {bench.cores} CPU core(s), {len(bench.answers)} "
        f"answers = {bench.audio_seconds:.1f} s of 8 kHz audio (espeak-ng -v vi), best of "
        f"{rounds} round(s); load average {load_before:.1f} before, {load_after:.1f} after",
    ]
    lines += [f.text for f in results]
    return "\n\n".join(lines)
