"""Fetching a speech model: download, size and SHA-256 checks, the lock file, unpack, install.

:func:`fetch` downloads a model's zip with a progress bar into a temporary file inside the
models directory, checks its size and SHA-256, unpacks it into a temporary directory beside the
target, checks the layout (:func:`~callbot.speech.model_files.check_model_dir`) and renames it
into place: a reader sees either no model or a whole one, never half. Any failure leaves
nothing behind and raises :class:`~callbot.errors.ModelError` saying what to do.

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
"""

from __future__ import annotations

import hashlib
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
from dataclasses import asdict
from pathlib import Path
from typing import IO

from tqdm import tqdm

from callbot.errors import ModelError
from callbot.speech.model_files import (
    DEFAULT_MODEL,
    REGISTRY,
    KnownModel,
    check_model_dir,
    is_complete,
)

logger = logging.getLogger(__name__)

LOCK_FILE = "models.lock"
DOWNLOAD_TIMEOUT = 30.0  # seconds without a byte before a download is given up
_CHUNK = 1 << 16


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
    if not force and is_complete(target):
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
        elif is_complete(target):  # another fetch of the same model won the race
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
