"""Prompt files, prompt rendering (real espeak-ng and ffmpeg) and the WAV helpers."""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import subprocess
import wave
from pathlib import Path

import pytest
import requests

from callbot.errors import PromptError, SetupError
from callbot.speech import audio, render, tts
from callbot.speech.prompts import (
    REQUIRED_KEYS,
    PromptLibrary,
    PromptSet,
    load_prompts,
    rendered_dir,
)

ROOT = Path(__file__).resolve().parents[3]
VI_PROMPTS = ROOT / "prompts" / "vi.toml"
SHORT_PROMPTS = ROOT / "tests" / "fixtures" / "prompts-short.toml"
SOUNDS = ["beep", "quiet"]
VI_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def write_prompts(path: Path, texts: dict[str, str], language: str = "vi") -> Path:
    lines = ["[meta]", f'language = "{language}"', "", "[prompts]"]
    lines += [f"{key} = {json.dumps(text, ensure_ascii=False)}" for key, text in texts.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def short_texts(**changes: str) -> dict[str, str]:
    texts = dict(load_prompts(SHORT_PROMPTS).texts)
    texts.update(changes)
    return texts


def peak(path: Path) -> int:
    return max(abs(s) for s in audio.read_samples(path)[1])


@pytest.fixture(scope="module")
def rendered_short(tmp_path_factory: pytest.TempPathFactory) -> tuple[PromptSet, Path]:
    """The short fixture prompts rendered once with espeak-ng; tests must not modify them."""
    prompt_set = load_prompts(SHORT_PROMPTS)
    out = rendered_dir(tmp_path_factory.mktemp("rendered"), SHORT_PROMPTS)
    render.render_prompts(prompt_set, out, engine="espeak")
    return prompt_set, out


@pytest.fixture
def google_down(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every HTTP request fails at once as if DNS could not resolve translate.google.com."""
    attempts: list[object] = []

    def refuse(self: requests.Session, request: requests.PreparedRequest, **kw: object) -> None:
        attempts.append(request.url)
        raise requests.exceptions.ConnectionError("Failed to resolve 'translate.google.com'")

    monkeypatch.setattr(requests.Session, "send", refuse)
    return attempts


# --- prompt files -------------------------------------------------------------------------


@pytest.mark.parametrize("path", [VI_PROMPTS, SHORT_PROMPTS], ids=["vi", "short"])
def test_shipped_prompt_files_validate(path: Path) -> None:
    prompt_set = load_prompts(path)
    assert prompt_set.language == "vi"
    assert set(REQUIRED_KEYS) <= set(prompt_set.keys())
    assert [prompt_set.text(f"digit_{d}") for d in range(10)] == VI_DIGITS


def test_short_fixture_has_the_real_keys_in_a_few_words() -> None:
    real, short = load_prompts(VI_PROMPTS), load_prompts(SHORT_PROMPTS)
    assert short.keys() == real.keys()
    assert all(len(short.text(key).split()) <= 2 for key in short)


def test_real_greeting_says_who_and_why_in_one_sentence_and_the_keys_come_once() -> None:
    real = load_prompts(VI_PROMPTS)
    greeting = real.text("greeting")
    assert greeting.rstrip(".").count(".") == 0 and "?" not in greeting  # one sentence
    assert "trợ lý tự động" in greeting  # who: the automatic assistant...
    assert "bận" in greeting  # ...because every operator is busy...
    assert "ghi âm" in greeting and "gọi lại" in greeting  # ...recording, for a callback
    hint = real.text("keys_hint")
    assert "phím không" in hint and "phím chín" in hint  # the keys, in one place
    main = ("greeting", "ask_name", "ask_address", "ask_need", "ticket_number", "goodbye")
    assert not any("phím không" in real.text(key) for key in main)


def test_multiline_text_is_read_as_one_line(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    text = SHORT_PROMPTS.read_text(encoding="utf-8")
    path.write_text(
        text.replace('menu = "Xin chào"', 'menu = """\n  Xin   chào,\n quý vị.\n"""'),
        encoding="utf-8",
    )
    assert load_prompts(path).text("menu") == "Xin chào, quý vị."


def test_missing_and_empty_keys_are_named(tmp_path: Path) -> None:
    texts = short_texts(goodbye="  ")
    del texts["ask_need"]
    path = write_prompts(tmp_path / "broken.toml", texts)
    with pytest.raises(PromptError) as caught:
        load_prompts(path)
    message = str(caught.value)
    assert str(path) in message
    assert "ask_need" in message
    assert "goodbye" in message
    assert "menu" not in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[prompts\n", "TOML"),
        ('[meta]\nlanguage = "vi"\n', "[prompts]"),
        ('[prompts]\nmenu = "x"\n', "language"),
        ('[meta]\nlanguage = "vi"\n[prompts]\nbeep = "x"\n', "'beep'"),
        ('[meta]\nlanguage = "vi"\n[prompts]\n"../x" = "x"\n', "'../x'"),
        ('[meta]\nlanguage = "vi"\n[prompts]\nmenu = 3\n', "menu must be a string"),
    ],
    ids=["bad-toml", "no-prompts", "no-language", "reserved", "path-key", "not-string"],
)
def test_malformed_prompt_files(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PromptError) as caught:
        load_prompts(path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_prompt_file(tmp_path: Path) -> None:
    with pytest.raises(PromptError, match="does not exist"):
        load_prompts(tmp_path / "nope.toml")


def test_unknown_key_names_the_file() -> None:
    with pytest.raises(PromptError, match=r"prompts-short\.toml: no prompt 'nope'"):
        load_prompts(SHORT_PROMPTS).text("nope")


def test_rendered_dir_is_per_prompt_file() -> None:
    assert rendered_dir(Path("/srv/rendered"), Path("prompts/vi.toml")) == Path("/srv/rendered/vi")


# --- rendering -----------------------------------------------------------------------------


@pytest.mark.tools
def test_espeak_render_gives_telephone_wavs_with_speech(
    rendered_short: tuple[PromptSet, Path],
) -> None:
    prompt_set, out = rendered_short
    for key in [*prompt_set.keys(), *SOUNDS]:
        assert audio.wav_info(out / f"{key}.wav")[:3] == (8000, 1, 2), key
    for key in prompt_set:
        wav = out / f"{key}.wav"
        assert audio.speech_seconds(wav) >= 0.15, key
        # Levelled: raised until the peak reaches -3 dBFS or the RMS -16 dBFS, never clipping.
        peak_db = 20 * math.log10(peak(wav) / 32768)
        rms_db = audio.rms_dbfs(audio.read_samples(wav)[1])
        assert peak_db < tts.PEAK_DBFS + 0.05, key
        assert rms_db < tts.MAX_RMS_DBFS + 0.1, key
        assert peak_db > tts.PEAK_DBFS - 0.05 or rms_db > tts.MAX_RMS_DBFS - 0.1, key
        assert audio.wav_duration(wav) < 3.0, key
    assert audio.wav_duration(out / "beep.wav") == 0.25
    assert audio.speech_seconds(out / "beep.wav") == pytest.approx(0.25)
    assert audio.wav_duration(out / "quiet.wav") == 1.0
    assert audio.speech_seconds(out / "quiet.wav") == 0.0
    assert audio.active_span(out / "quiet.wav") is None
    assert -62 < audio.rms_dbfs(audio.read_samples(out / "quiet.wav")[1]) < -58

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["prompts"]) == set(prompt_set.keys())
    assert {entry["engine"] for entry in manifest["prompts"].values()} == {"espeak"}
    assert manifest["prompts"]["menu"]["text"] == prompt_set.text("menu")
    assert len(manifest["prompts"]["menu"]["sha256"]) == 64
    assert set(manifest["sounds"]) == set(SOUNDS)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.tools
def test_render_again_renders_only_what_changed(tmp_path: Path) -> None:
    source = write_prompts(tmp_path / "p.toml", short_texts())
    out = tmp_path / "out"
    first = render.render_prompts(load_prompts(source), out, engine="espeak")
    everything = [*load_prompts(source).keys(), *SOUNDS]
    assert first.rendered == everything
    assert first.unchanged == []
    assert first.engines["menu"] == "espeak"
    assert first.engines["beep"] == "generated"
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.wav")}

    second = render.render_prompts(load_prompts(source), out, engine="espeak")
    assert second.rendered == []
    assert second.unchanged == everything
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.wav")} == stamps

    write_prompts(source, short_texts(goodbye="Chào nhé", extra="Thêm"))
    (out / "digit_3.wav").unlink()
    third = render.render_prompts(load_prompts(source), out, engine="espeak")
    assert third.rendered == ["goodbye", "digit_3", "extra"]
    assert (out / "extra.wav").is_file()

    write_prompts(source, short_texts(goodbye="Chào nhé"))
    fourth = render.render_prompts(load_prompts(source), out, engine="espeak")
    assert fourth.rendered == []
    assert fourth.removed == ["extra"]
    assert not (out / "extra.wav").exists()
    assert "extra" not in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["prompts"]


@pytest.mark.tools
def test_auto_falls_back_to_espeak_once_when_google_is_unreachable(
    tmp_path: Path, google_down: list[object], caplog: pytest.LogCaptureFixture
) -> None:
    prompt_set = load_prompts(SHORT_PROMPTS)
    with caplog.at_level(logging.WARNING, logger="callbot.speech.tts"):
        report = render.render_prompts(prompt_set, tmp_path, engine="auto", gtts_timeout=5.0)
    assert len(google_down) == 1, "gTTS must be tried once, not once per prompt"
    assert report.fallback is not None
    assert "espeak-ng" in report.fallback
    assert "espeak-ng" in report.summary()
    assert report.rendered == [*prompt_set.keys(), *SOUNDS]
    assert {report.engines[key] for key in prompt_set} == {"espeak"}
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "espeak-ng" in warnings[0].getMessage()

    # Still offline: one more try of gTTS, then the espeak-ng files are found up to date.
    again = render.render_prompts(prompt_set, tmp_path, engine="auto")
    assert len(google_down) == 2
    assert again.rendered == []
    assert again.fallback is not None


def test_gtts_engine_alone_fails_with_the_prompt_named(
    tmp_path: Path, google_down: list[object]
) -> None:
    with pytest.raises(PromptError, match="cannot render prompt 'menu': gTTS"):
        render.render_prompts(load_prompts(SHORT_PROMPTS), tmp_path, engine="gtts")
    assert len(google_down) == 1


def _sine_mp3(path: Path) -> bytes:
    """An MP3 like gTTS returns (24 kHz mono), made by ffmpeg."""
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=0.6",
         "-ar", "24000", "-ac", "1", "-y", str(path)],
        check=True,
    )  # fmt: skip
    return path.read_bytes()


@pytest.mark.tools
def test_auto_uses_gtts_when_it_answers_and_keeps_its_files_offline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mp3 = _sine_mp3(tmp_path / "fake.mp3")
    calls: list[str] = []

    def google_answers(self: object, fp: object) -> None:  # the network part of gTTS
        calls.append(getattr(self, "text", ""))
        fp.write(mp3)  # type: ignore[attr-defined]

    monkeypatch.setattr("gtts.gTTS.write_to_fp", google_answers)
    prompt_set = load_prompts(SHORT_PROMPTS)
    out = tmp_path / "out"
    report = render.render_prompts(prompt_set, out, engine="auto")
    assert report.fallback is None
    assert {report.engines[key] for key in prompt_set} == {"gtts"}
    assert len(calls) == len(prompt_set)
    assert audio.wav_info(out / "menu.wav")[:3] == (8000, 1, 2)
    assert audio.speech_seconds(out / "menu.wav") > 0.5

    def offline(self: object, fp: object) -> None:
        raise AssertionError("up-to-date gTTS prompts must not touch the network")

    monkeypatch.setattr("gtts.gTTS.write_to_fp", offline)
    again = render.render_prompts(prompt_set, out, engine="auto")
    assert again.rendered == []
    assert {again.engines[key] for key in prompt_set} == {"gtts"}


def test_unknown_engine(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(PromptError, match="unknown TTS engine 'festival'"):
        render.render_prompts(load_prompts(SHORT_PROMPTS), out, engine="festival")
    assert not out.exists()


def test_missing_espeak_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    real_which = shutil.which
    monkeypatch.setattr(
        shutil, "which", lambda name, *a, **kw: None if name == "espeak-ng" else real_which(name)
    )
    with pytest.raises(SetupError, match="apt-get install espeak-ng"):
        tts.EspeakSynthesizer().synthesize("xin chào", "vi")


@pytest.mark.tools
def test_espeak_returns_wav_at_its_own_rate() -> None:
    wav = tts.EspeakSynthesizer().synthesize("xin chào", "vi")
    assert wav[:4] == b"RIFF"
    assert wav[8:12] == b"WAVE"


def _goertzel_db(samples: list[int], rate: int, freq: float) -> float:
    coeff = 2 * math.cos(2 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + coeff * s1 - s2, s1
    return 10 * math.log10(max(s1 * s1 + s2 * s2 - coeff * s1 * s2, 1e-12))


@pytest.mark.tools
def test_to_telephone_wav_resamples_without_aliasing(tmp_path: Path) -> None:
    # 1 kHz (kept) + 6 kHz (above the 4 kHz limit of 8 kHz audio: must be filtered out; a
    # naive resampler would fold it onto 2 kHz).
    rate = 16000
    source = [
        round(8000 * math.sin(2 * math.pi * 1000 * n / rate))
        + round(8000 * math.sin(2 * math.pi * 6000 * n / rate))
        for n in range(rate)
    ]
    out = tmp_path / "out.wav"
    out.write_bytes(tts.to_telephone_wav(audio.wav_bytes(source, rate)))
    assert audio.wav_info(out) == (8000, 1, 2, audio.wav_info(out).frames)
    assert audio.wav_duration(out) == pytest.approx(1.0, abs=0.05)
    samples = list(audio.read_samples(out)[1])
    assert _goertzel_db(samples, 8000, 1000) - _goertzel_db(samples, 8000, 2000) > 40
    # A steady tone is dense: the RMS cap (-16 dBFS) sets its level, well below the peak cap.
    assert audio.rms_dbfs(samples) == pytest.approx(tts.MAX_RMS_DBFS, abs=0.3)
    assert peak(out) / 32768 < 10 ** (tts.PEAK_DBFS / 20)


@pytest.mark.tools
def test_to_telephone_wav_decodes_mp3(tmp_path: Path) -> None:
    out = tmp_path / "out.wav"
    out.write_bytes(tts.to_telephone_wav(_sine_mp3(tmp_path / "in.mp3")))
    assert audio.wav_info(out)[:3] == (8000, 1, 2)
    assert audio.speech_seconds(out) == pytest.approx(0.6, abs=0.1)


def test_to_telephone_wav_trims_silence_and_rejects_nothing(tmp_path: Path) -> None:
    tone = tmp_path / "tone.wav"
    silence = tmp_path / "silence.wav"
    joined = tmp_path / "joined.wav"
    audio.write_silence(silence, 700)
    audio.write_tone(tone, 440, 500)
    audio.concat_wavs([silence, tone, silence], joined)
    out = tmp_path / "out.wav"
    out.write_bytes(tts.to_telephone_wav(joined.read_bytes()))
    assert audio.wav_duration(out) == pytest.approx(0.5 + 2 * 0.04, abs=0.03)
    with pytest.raises(PromptError, match="silence"):
        tts.to_telephone_wav(silence.read_bytes())


@pytest.mark.tools
def test_synthesize_text_caches_by_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = tts.synthesize_text("Mã số một hai ba", "espeak", tmp_path)
    assert first.parent == tmp_path
    assert first.suffix == ".wav"
    assert audio.wav_info(first)[:3] == (8000, 1, 2)
    assert audio.speech_seconds(first) > 0.5

    def no_engine(self: object, text: str, language: str) -> bytes:
        raise AssertionError("a cached text must not be synthesized again")

    monkeypatch.setattr(tts.EspeakSynthesizer, "synthesize", no_engine)
    assert tts.synthesize_text(" Mã số  một hai ba ", "espeak", tmp_path) == first
    with pytest.raises(AssertionError):
        tts.synthesize_text("Mã số bốn", "espeak", tmp_path)


@pytest.mark.tools
def test_synthesize_text_auto_falls_back(tmp_path: Path, google_down: list[object]) -> None:
    path = tts.synthesize_text("xin chào", "auto", tmp_path)
    assert len(google_down) == 1
    assert audio.speech_seconds(path) > 0.2


# --- the prompt library ----------------------------------------------------------------------


@pytest.mark.tools
def test_library_paths_have_no_extension(rendered_short: tuple[PromptSet, Path]) -> None:
    prompt_set, out = rendered_short
    library = PromptLibrary(prompt_set, out)
    path = library.path("greeting")
    assert path == str(out.resolve() / "greeting")
    assert os.path.isabs(path)
    assert os.path.isfile(path + ".wav")
    assert library.beep == str(out.resolve() / "beep")
    assert library.quiet == str(out.resolve() / "quiet")
    assert library.digits("10-22") == [
        library.path("digit_1"),
        library.path("digit_0"),
        library.path("digit_2"),
        library.path("digit_2"),
    ]
    library.check()


@pytest.mark.tools
@pytest.mark.parametrize("number", ["", "12A4", "１２"], ids=["empty", "letter", "fullwidth"])
def test_library_refuses_to_read_non_digits(
    rendered_short: tuple[PromptSet, Path], number: str
) -> None:
    library = PromptLibrary(*rendered_short)
    with pytest.raises(PromptError, match="cannot read"):
        library.digits(number)


@pytest.mark.tools
def test_library_unknown_key(rendered_short: tuple[PromptSet, Path]) -> None:
    with pytest.raises(PromptError, match="no prompt 'nope'"):
        PromptLibrary(*rendered_short).path("nope")


def test_library_not_rendered_says_how_to_fix(tmp_path: Path) -> None:
    library = PromptLibrary(load_prompts(SHORT_PROMPTS), tmp_path)
    with pytest.raises(PromptError, match="callbot prompts render") as caught:
        library.path("menu")
    assert "menu" in str(caught.value)
    with pytest.raises(PromptError, match="callbot prompts render"):
        library.beep  # noqa: B018 - the property is what is tested
    with pytest.raises(PromptError, match="callbot prompts render"):
        library.check()


@pytest.mark.tools
def test_library_check_finds_stale_prompts(tmp_path: Path) -> None:
    source = write_prompts(tmp_path / "p.toml", short_texts())
    out = tmp_path / "out"
    render.render_prompts(load_prompts(source), out, engine="espeak")
    PromptLibrary(load_prompts(source), out).check()
    write_prompts(source, short_texts(goodbye="Cảm ơn nhiều"))
    library = PromptLibrary(load_prompts(source), out)
    assert library.path("goodbye")  # the old file is still there to play...
    with pytest.raises(PromptError, match="out of date") as caught:
        library.check()  # ...but a server start-up check refuses it
    assert "goodbye" in str(caught.value)
    assert "menu" not in str(caught.value)


# --- WAV helpers -----------------------------------------------------------------------------


def test_tone_measures_as_voice(tmp_path: Path) -> None:
    tone = tmp_path / "tone.wav"
    audio.write_tone(tone, 1000, 500)
    assert audio.wav_info(tone) == (8000, 1, 2, 4000)
    assert audio.wav_duration(tone) == 0.5
    assert audio.speech_seconds(tone) == pytest.approx(0.5)
    assert audio.active_span(tone) == pytest.approx((0.0, 0.5))
    samples = audio.read_samples(tone)[1]
    assert abs(samples[0]) < 1000
    assert abs(samples[-1]) < 1000, "ramps avoid a click at the end"
    assert max(abs(s) for s in samples) == pytest.approx(32768 * 10 ** (-6 / 20), rel=0.01)


def test_quiet_noise_is_not_voice(tmp_path: Path) -> None:
    noise = tmp_path / "noise.wav"
    audio.write_noise(noise, 1000, -60)
    rate, samples = audio.read_samples(noise)
    assert rate == 8000
    assert len(samples) == 8000
    assert audio.rms_dbfs(samples) == pytest.approx(-60, abs=0.5)
    assert any(samples), "near-silent, not digital silence: it must produce audio frames"
    assert audio.speech_seconds(noise) == 0.0
    assert audio.active_span(noise) is None
    assert audio.speech_seconds(noise, threshold_dbfs=-70) == pytest.approx(1.0)
    again = tmp_path / "again.wav"
    audio.write_noise(again, 1000, -60)
    assert again.read_bytes() == noise.read_bytes()


def test_silence_and_rms(tmp_path: Path) -> None:
    silence = tmp_path / "silence.wav"
    audio.write_silence(silence, 200)
    assert audio.wav_duration(silence) == 0.2
    assert audio.rms_dbfs(audio.read_samples(silence)[1]) == -math.inf
    assert audio.rms_dbfs([]) == -math.inf
    assert audio.rms_dbfs([32767, -32767]) == pytest.approx(0.0, abs=0.01)
    assert audio.rms_dbfs([3277, -3277]) == pytest.approx(-20.0, abs=0.01)
    assert audio.speech_seconds(silence) == 0.0


def test_concat_and_active_span(tmp_path: Path) -> None:
    silence, tone, noise, out = (tmp_path / n for n in ("s.wav", "t.wav", "n.wav", "o.wav"))
    audio.write_silence(silence, 300)
    audio.write_tone(tone, 700, 200)
    audio.write_noise(noise, 500, -60)
    audio.concat_wavs([silence, tone, noise], out)
    assert audio.wav_duration(out) == pytest.approx(1.0)
    assert audio.speech_seconds(out) == pytest.approx(0.2)
    start, end = audio.active_span(out) or (None, None)
    assert start == pytest.approx(0.3)
    assert end == pytest.approx(0.5)


def test_concat_refuses_mixed_formats(tmp_path: Path) -> None:
    narrow, wide = tmp_path / "8k.wav", tmp_path / "16k.wav"
    audio.write_silence(narrow, 100)
    audio.write_silence(wide, 100, rate=16000)
    with pytest.raises(ValueError, match="16000 Hz"):
        audio.concat_wavs([narrow, wide], tmp_path / "out.wav")
    with pytest.raises(ValueError, match="no input"):
        audio.concat_wavs([], tmp_path / "out.wav")


def test_read_samples_refuses_stereo(tmp_path: Path) -> None:
    stereo = tmp_path / "stereo.wav"
    with wave.open(str(stereo), "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(8000)
        wav.writeframes(b"\0\0" * 20)
    assert audio.wav_info(stereo) == (8000, 2, 2, 10)
    with pytest.raises(ValueError, match="2 channels"):
        audio.speech_seconds(stereo)
