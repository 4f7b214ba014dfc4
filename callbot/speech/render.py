"""Prompts rendered ahead of time: a prompt set to a directory of 8 kHz WAV files.

:func:`render_prompts` renders every prompt of the prompt file, plus the generated beep and
quiet noise, into a directory with a manifest (a sha256 per file), so only the prompts whose
text, language or engine changed are rendered again, and a running server never plays half a
file. The engines and the conversion are :mod:`callbot.speech.tts`'s.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callbot.errors import PromptError
from callbot.speech import audio
from callbot.speech.prompts import BEEP, KEY_PATTERN, MANIFEST, QUIET, PromptSet
from callbot.speech.tts import PIPELINE, digest, engine_chain, make_synthesizer, to_telephone_wav

logger = logging.getLogger(__name__)

# Generated sounds: name -> (kind, parameters). Not speech, so no TTS and no language.
SOUNDS: Mapping[str, dict[str, Any]] = {
    BEEP: {"kind": "tone", "freq": 1000, "ms": 250, "dbfs": -6.0},
    QUIET: {"kind": "noise", "ms": 1000, "dbfs": -60.0},
}


@dataclass
class RenderReport:
    """What :func:`render_prompts` did. ``engines`` maps every key to the engine of its file."""

    out_dir: Path
    rendered: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    engines: dict[str, str] = field(default_factory=dict)
    fallback: str | None = None  # why "auto" used espeak-ng instead of gTTS
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for a person."""
        text = (
            f"{len(self.rendered)} rendered, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed in {self.out_dir} ({self.seconds:.1f} s)"
        )
        return f"{text}; {self.fallback}" if self.fallback else text


def _read_manifest(out_dir: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        logger.warning("ignoring unreadable %s: rendering everything", out_dir / MANIFEST)
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _entries(manifest: Mapping[str, Any], section: str) -> dict[str, dict[str, Any]]:
    table = manifest.get(section)
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items() if isinstance(v, dict) and KEY_PATTERN.match(k)}


class _Renderer:
    """One run of :func:`render_prompts`: the engine chain and what is already known down."""

    def __init__(self, prompt_set: PromptSet, out_dir: Path, engine: str, gtts_timeout: float):
        self.prompt_set = prompt_set
        self.out_dir = out_dir
        self.engine = engine
        self.chain = engine_chain(engine)
        self.synthesizers = {name: make_synthesizer(name, gtts_timeout) for name in self.chain}
        self.down: set[str] = set()
        self.report = RenderReport(out_dir)

    def prompt(self, key: str, previous: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """Render ``key`` if needed; the new manifest entry, or None when left as it was."""
        text, language = self.prompt_set.text(key), self.prompt_set.language
        wav = self.out_dir / f"{key}.wav"
        for name in self.chain:
            if name in self.down:
                continue
            sha = digest(text, language, name)
            if previous and previous.get("sha256") == sha and wav.is_file():
                self.report.unchanged.append(key)
                self.report.engines[key] = name
                return None
            try:
                raw = self.synthesizers[name].synthesize(text, language)
            except PromptError as exc:
                if self.engine != "auto" or name != "gtts":
                    raise PromptError(f"cannot render prompt {key!r}: {exc}") from exc
                self.down.add(name)
                self.report.fallback = f"gTTS failed, used espeak-ng instead: {exc}"
                logger.warning(
                    "Google TTS failed (%s): rendering the remaining prompts with espeak-ng", exc
                )
                continue
            audio.write_atomic(wav, to_telephone_wav(raw))
            logger.info("rendered prompt %s with %s", key, name)
            self.report.rendered.append(key)
            self.report.engines[key] = name
            return {"sha256": sha, "engine": name, "language": language, "text": text}
        raise PromptError(f"cannot render prompt {key!r}: no TTS engine left")  # pragma: no cover

    def sound(self, name: str, previous: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """Generate the beep or the quiet noise if its file or its recipe changed."""
        spec = SOUNDS[name]
        sha = digest(spec)
        wav = self.out_dir / f"{name}.wav"
        self.report.engines[name] = "generated"
        if previous and previous.get("sha256") == sha and wav.is_file():
            self.report.unchanged.append(name)
            return None
        if spec["kind"] == "tone":
            audio.write_tone(wav, spec["freq"], spec["ms"], dbfs=spec["dbfs"])
        else:
            audio.write_noise(wav, spec["ms"], spec["dbfs"])
        self.report.rendered.append(name)
        return {"sha256": sha, **spec}


def render_prompts(
    prompt_set: PromptSet, out_dir: Path, engine: str = "auto", gtts_timeout: float = 5.0
) -> RenderReport:
    """Render every prompt of ``prompt_set`` to ``<out_dir>/<key>.wav``, plus beep and quiet.

    A prompt is rendered again only when its text, language or engine changed or its file is
    missing (``manifest.json`` keeps a sha256 of each). Files are replaced atomically, so a
    running server never plays half a file; files of keys no longer in the set are removed.
    Errors: :class:`PromptError` (an engine failed), :class:`SetupError` (a tool is missing).
    """
    started = time.monotonic()
    out_dir = Path(out_dir)
    renderer = _Renderer(prompt_set, out_dir, engine, gtts_timeout)  # checks the engine first
    out_dir.mkdir(parents=True, exist_ok=True)
    report = renderer.report
    old = _read_manifest(out_dir)
    prompts = _entries(old, "prompts")
    sounds = _entries(old, "sounds")
    try:
        for key in prompt_set.texts:
            entry = renderer.prompt(key, prompts.get(key))
            if entry is not None:
                prompts[key] = entry
        for name in SOUNDS:
            entry = renderer.sound(name, sounds.get(name))
            if entry is not None:
                sounds[name] = entry
        for key in sorted(set(prompts) - set(prompt_set.texts)):
            (out_dir / f"{key}.wav").unlink(missing_ok=True)
            del prompts[key]
            report.removed.append(key)
    finally:
        manifest = {
            "source": str(prompt_set.source),
            "language": prompt_set.language,
            "pipeline": PIPELINE,
            "prompts": prompts,
            "sounds": sounds,
        }
        text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        audio.write_atomic(out_dir / MANIFEST, text.encode("utf-8"))
    report.seconds = time.monotonic() - started
    logger.info("prompts: %s", report.summary())
    return report
