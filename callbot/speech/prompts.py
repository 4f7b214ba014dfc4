"""What the caller hears: the prompt texts of a TOML file and the rendered files Asterisk plays.

A prompt file has one ``[prompts]`` table of ``key = "text"`` and a ``[meta]`` table with the
``language``. Optional ``[spoken.<language>.<step>]`` tables of ``"phrase" = "key"`` give what
a caller may say instead of pressing a key at a dialog step, for a speech model of that
language (:mod:`callbot.dialog.spoken`). :func:`load_prompts` validates it; :class:`PromptLibrary`
maps keys to the files rendered by ``callbot prompts render`` (see :mod:`callbot.speech.tts`)
under ``<prompts.rendered>/<prompt file stem>/<key>.wav``, in the form ``STREAM FILE`` wants:
an absolute path without extension. This module never synthesizes anything.
"""

from __future__ import annotations

import json
import logging
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from callbot.errors import PromptError

logger = logging.getLogger(__name__)

DIGIT_KEYS = tuple(f"digit_{d}" for d in range(10))

#: Keys the code plays; a prompt file without one of them is rejected.
REQUIRED_KEYS: tuple[str, ...] = (
    "menu",
    "info",
    "greeting",
    "ask_name",
    "keys_hint",
    "ask_address",
    "ask_need",
    "ticket_number",
    "ticket_repeat",
    "goodbye",
    "to_queue",
    "queue_offer",
    "ask_name_short",
    "ask_address_short",
    "ask_need_short",
    "not_heard",
    "too_long",
    "no_input_offer",
    "ask_callback",
    "ask_callback_typed",
    "callback_invalid",
    "callback_readback",
    "readback_name",
    "readback_address",
    "readback_need",
    "confirm_keys",
    "confirm_short",
    "emergency_queue",
    "emergency_stay",
    "emergency_queue_114",
    "emergency_stay_114",
    "emergency_queue_113",
    "emergency_stay_113",
    "service_unavailable",
    "service_unknown_phone",
    "service_no_ticket",
    "service_ticket",
    "service_urgency_emergency",
    "service_urgency_high",
    "service_urgency_normal",
    "service_answers",
    "service_no_answers",
    "service_menu",
    "service_resolved",
    "service_skipped",
    "service_unreachable",
    "service_refused",
    "service_no_number",
    "service_calling",
    "service_callback_answered",
    "service_callback_no_answer",
    "service_callback_busy",
    "service_callback_failed",
    *DIGIT_KEYS,
)

#: Sounds that are generated, not spoken; rendered next to the prompts under these names.
BEEP = "beep"
QUIET = "quiet"
RESERVED_KEYS = frozenset({BEEP, QUIET})

MANIFEST = "manifest.json"
RENDER_HINT = "run `callbot prompts render`"

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")  # keys become file names
_TICKET_SEPARATORS = frozenset(" -.")


@dataclass(frozen=True)
class PromptSet:
    """The validated texts of one prompt file."""

    source: Path
    language: str
    texts: Mapping[str, str]
    # language -> step -> ((phrase, key), ...): spoken answers for a model of that language
    spoken: Mapping[str, Mapping[str, tuple[tuple[str, str], ...]]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def text(self, key: str) -> str:
        """The text of ``key``; :class:`PromptError` if the file has no such prompt."""
        try:
            return self.texts[key]
        except KeyError:
            raise PromptError(f"{self.source}: no prompt {key!r}") from None

    def keys(self) -> list[str]:
        """The prompt keys, in file order."""
        return list(self.texts)

    def __iter__(self) -> Iterator[str]:
        """Iterate over the keys, in file order (``for key in prompt_set``)."""
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def _normalize(text: str) -> str:
    """One line, single spaces: TOML multi-line strings read as one sentence."""
    return " ".join(text.split())


def load_prompts(path: Path) -> PromptSet:
    """Read and validate a prompt file; every problem is a :class:`PromptError` naming it."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PromptError(f"prompt file {path} does not exist (setting prompts.file)") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PromptError(f"prompt file {path} cannot be read as TOML: {exc}") from None

    table = data.get("prompts")
    if not isinstance(table, dict):
        raise PromptError(f'prompt file {path}: no [prompts] table of key = "text"')
    meta = data.get("meta", {})
    language = meta.get("language") if isinstance(meta, dict) else None
    if not isinstance(language, str) or not language.strip():
        raise PromptError(f'prompt file {path}: [meta] needs language = "<code>", e.g. "vi"')

    texts: dict[str, str] = {}
    problems: list[str] = []
    for key, value in table.items():
        if not KEY_PATTERN.match(key) or key in RESERVED_KEYS:
            problems.append(
                f"key {key!r} is not allowed (lowercase letters, digits, _; "
                f"not {', '.join(sorted(RESERVED_KEYS))})"
            )
        elif not isinstance(value, str):
            problems.append(f"{key} must be a string")
        else:
            texts[key] = _normalize(value)
    missing = [key for key in REQUIRED_KEYS if not texts.get(key)]
    if missing:
        problems.append(f"missing or empty: {', '.join(missing)}")
    spoken = _spoken_tables(data.get("spoken", {}), problems)
    if problems:
        raise PromptError(f"prompt file {path}: {'; '.join(problems)}")
    return PromptSet(Path(path), language.strip(), MappingProxyType(texts), spoken)


def _spoken_tables(
    data: object, problems: list[str]
) -> Mapping[str, Mapping[str, tuple[tuple[str, str], ...]]]:
    """``[spoken.<language>.<step>]`` tables of ``"phrase" = "key"``, phrases normalized
    (lowercase, single spaces: as a recognizer writes them)."""
    where = '[spoken.<language>.<step>] tables of "phrase" = "key"'
    if not isinstance(data, dict):
        problems.append(f"spoken must be {where}")
        return MappingProxyType({})
    result: dict[str, Mapping[str, tuple[tuple[str, str], ...]]] = {}
    for language, steps in data.items():
        if not isinstance(steps, dict):
            problems.append(f"spoken.{language} must hold {where}")
            continue
        by_step: dict[str, tuple[tuple[str, str], ...]] = {}
        for step, table in steps.items():
            name = f"spoken.{language}.{step}"
            if not isinstance(table, dict) or not table:
                problems.append(f'{name} must be a non-empty table of "phrase" = "key"')
                continue
            pairs = []
            for phrase, key in table.items():
                words = " ".join(str(phrase).lower().split())
                if not words or not isinstance(key, str) or len(key) != 1:
                    problems.append(f'{name}: {phrase!r} = {key!r} is not "phrase" = "key"')
                    continue
                pairs.append((words, key))
            by_step[step] = tuple(pairs)
        result[language] = MappingProxyType(by_step)
    return MappingProxyType(result)


def rendered_dir(config_rendered: Path, prompt_file: Path) -> Path:
    """Where the prompts of ``prompt_file`` are rendered: ``<rendered>/<file stem>/``."""
    return Path(config_rendered) / Path(prompt_file).stem


class PromptLibrary:
    """The rendered prompts of one prompt set, as paths for ``STREAM FILE``."""

    def __init__(self, prompt_set: PromptSet, rendered_dir: Path) -> None:
        self.prompt_set = prompt_set
        self.directory = Path(rendered_dir).resolve()

    def _sound(self, name: str) -> str:
        wav = self.directory / f"{name}.wav"
        if not wav.is_file():
            raise PromptError(
                f"prompt {name!r} of {self.prompt_set.source} is not rendered "
                f"({wav} is missing): {RENDER_HINT}"
            )
        return str(wav.with_suffix(""))

    def path(self, key: str) -> str:
        """Absolute path of the rendered prompt, without extension (``STREAM FILE`` adds it)."""
        self.prompt_set.text(key)  # unknown key: PromptError naming the file
        return self._sound(key)

    @property
    def beep(self) -> str:
        """The beep before a recording (Debian's Asterisk ships no sounds, not even ``beep``)."""
        return self._sound(BEEP)

    @property
    def quiet(self) -> str:
        """One second of near-silent noise, for a robot caller that must keep sending audio."""
        return self._sound(QUIET)

    def digits(self, number: str) -> list[str]:
        """Paths reading ``number`` digit by digit; spaces, dashes and dots are skipped."""
        paths: list[str] = []
        for char in number:
            if char.isascii() and char.isdigit():
                paths.append(self.path(f"digit_{char}"))
            elif char not in _TICKET_SEPARATORS:
                raise PromptError(f"cannot read {number!r} aloud: {char!r} is not a digit")
        if not paths:
            raise PromptError(f"cannot read {number!r} aloud: it has no digits")
        return paths

    def check(self) -> None:
        """Fail unless every prompt and sound is rendered from the current text.

        Meant for start-up: a server must not play a prompt whose text has since changed.
        """
        try:
            manifest = json.loads((self.directory / MANIFEST).read_text(encoding="utf-8"))
            entries = manifest["prompts"]
        except (OSError, ValueError, KeyError, TypeError):
            raise PromptError(
                f"prompts of {self.prompt_set.source} are not rendered in {self.directory}: "
                f"{RENDER_HINT}"
            ) from None
        stale = [
            key
            for key in self.prompt_set.texts
            if not (self.directory / f"{key}.wav").is_file()
            or not isinstance(entries.get(key), dict)
            or entries[key].get("text") != self.prompt_set.text(key)
            or entries[key].get("language") != self.prompt_set.language
        ]
        stale += [
            name for name in sorted(RESERVED_KEYS) if not (self.directory / f"{name}.wav").is_file()
        ]
        if stale:
            raise PromptError(
                f"prompts not rendered or out of date in {self.directory}: "
                f"{', '.join(stale)}: {RENDER_HINT}"
            )
        logger.debug("prompts in %s are up to date", self.directory)
