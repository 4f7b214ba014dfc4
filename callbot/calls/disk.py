"""Room on the recordings' disk: an answer is recorded only when the longest one would fit.

Both call ports (:mod:`callbot.calls.agi_port`, :mod:`callbot.calls.media`) ask before they
record and check after: a disk that fills up while the caller speaks must never leave a
half-written file taken for an answer. Either way the port raises
:class:`~callbot.errors.StorageError`, and the callbot sends the caller to the operators' queue
(a person must take a call whose words cannot be kept).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from callbot.errors import StorageError

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
