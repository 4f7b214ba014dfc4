"""Room on the recordings' disk: an answer is recorded only when the longest one would fit.

Both call ports (:mod:`callbot.calls.agi_port`, :mod:`callbot.calls.media`) ask before they
record and check after: a disk that fills up while the caller speaks must never leave a
half-written file taken for an answer. Either way the port raises
:class:`~callbot.errors.StorageError`, and the callbot sends the caller to the operators' queue
(a person must take a call whose words cannot be kept).

:class:`PartialAnswer` keeps the answer in progress on disk as it comes, so that a node killed
mid-answer loses none of what was said (:mod:`callbot.intake.salvage` attaches it).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from callbot.errors import StorageError
from callbot.speech.audio import pcm_wav

log = logging.getLogger(__name__)

BYTES_PER_MS = 16  # 8 kHz 16-bit mono WAV
MIN_FREE_BYTES = 64 * 1024  # less than this left after an answer: the disk filled during it


def free_bytes(directory: Path) -> int:
    """Bytes free for us on the disk of ``directory`` (or of its nearest existing parent)."""
    while not directory.exists() and directory != directory.parent:
        directory = directory.parent
    try:
        return shutil.disk_usage(directory).free
    except OSError:
        return 0


def ensure_room(path: Path, max_ms: float) -> None:
    """Raise :class:`StorageError` unless an answer of ``max_ms`` fits beside ``path``."""
    room = free_bytes(path.parent)
    if room < max_ms * BYTES_PER_MS + MIN_FREE_BYTES:
        raise StorageError(
            f"no room for an answer on the recordings' disk ({room // 1024} KiB free)"
        )


def check_after(path: Path) -> None:
    """After an answer was written to ``path``: if the disk filled up meanwhile, the file is
    removed (half-written: never taken for an answer) and :class:`StorageError` raised."""
    if free_bytes(path.parent) < MIN_FREE_BYTES:
        path.unlink(missing_ok=True)
        raise StorageError("the recordings' disk filled up while the caller answered")


def write_or_fail(path: Path, write: Callable[[], None]) -> None:
    """Run ``write()`` (which writes ``path`` whole or not at all); a full disk or another
    write error becomes :class:`StorageError`, with nothing left at ``path``."""
    try:
        write()
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise StorageError(
            f"an answer could not be written to the recordings' disk: {exc}"
        ) from exc
    check_after(path)


class PartialAnswer:
    """The answer being spoken, on disk as it comes (``<step>.wav.part``): if the node dies
    mid-answer, what the caller said so far is there for :mod:`callbot.intake.salvage` (its
    WAV sizes unset: the salvage repairs them). Written every ``every_bytes`` of audio; a write
    that fails (a full disk) drops the partial file and the call goes on: the whole answer is
    still written at its end, or refused, by :func:`write_or_fail`."""

    def __init__(self, path: Path, every_bytes: int = 4000) -> None:
        self.path = path.with_name(path.name + ".part")
        self.every_bytes = every_bytes
        self._pending = bytearray()
        self._handle: BinaryIO | None = None
        try:
            self._handle = self.path.open("wb")
            self._handle.write(pcm_wav(b""))  # a 44-byte header, sizes 0
        except OSError as exc:
            self._fail(exc)

    def add(self, pcm: bytes) -> None:
        """More of the answer's audio (16-bit samples)."""
        if self._handle is None:
            return
        self._pending += pcm
        if len(self._pending) >= self.every_bytes:
            try:
                self._handle.write(self._pending)
                self._handle.flush()  # into the kernel: a killed process loses none of it
            except OSError as exc:
                self._fail(exc)
            self._pending.clear()

    def discard(self) -> None:
        """The answer was written whole (or refused): the partial file goes."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
        self.path.unlink(missing_ok=True)

    def _fail(self, exc: OSError) -> None:
        log.warning("the answer in progress cannot be kept on disk as it comes: %s", exc)
        self.discard()
