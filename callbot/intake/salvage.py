"""Recordings of a call that the database does not know, attached to its ticket after a crash.

A node killed mid-call leaves in the call's folder what it had not stored yet: an answer
written but not yet in the database, and the answer being spoken, which the call port writes
as it comes into ``<step>.wav.part`` (:class:`~callbot.calls.disk.PartialAnswer`) and replaces
with ``<step>.wav`` when the caller stops. Whoever finishes the ticket (a restart of the node,
or another node: :mod:`callbot.cluster.takeover`) calls :func:`salvage` first: every
``<step>.wav`` / ``<step>-<attempt>.wav`` the ticket and the journal do not hold is attached
as that step's answer (``ended_by`` "recovered"), a partial one first renamed to its final name
with its WAV header repaired (a writer killed mid-file leaves the sizes unset), and its
transcription is queued like any other answer's. A file with no audio is left where it is and
said so; nothing is deleted but a partial file whose final one exists.

The name rules and the repair are pure functions (:func:`answer_of`, :func:`repair_wav`).
"""

from __future__ import annotations

import logging
import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from callbot.tickets.repository import TicketRepository
from callbot.tickets.rules import EndedBy

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"
_NAME = re.compile(r"(?P<step>[a-z][a-z0-9_]*)(?:-(?P<attempt>[1-9][0-9]{0,2}))?\.wav")
BYTES_PER_SECOND = 16000  # what the call ports record: 8 kHz, 16-bit, mono
MIN_AUDIO_SECONDS = 0.02  # one frame: less is no audio


def answer_of(name: str) -> tuple[str, int, bool] | None:
    """(step, attempt, partial) of a recording's file name, None for any other file.

    ``name.wav`` -> ("name", 1, False); ``address-2.wav`` -> ("address", 2, False);
    ``need.wav.part`` -> ("need", 1, True); ``call.json``, ``.name.wav.x1.tmp`` -> None.
    """
    partial = name.endswith(PART_SUFFIX)
    match = _NAME.fullmatch(name.removesuffix(PART_SUFFIX) if partial else name)
    if match is None:
        return None
    attempt = int(match["attempt"]) if match["attempt"] else 1
    if match["attempt"] == "1":  # the first attempt is never numbered
        return None
    return match["step"], attempt, partial


def repair_wav(path: Path) -> float:
    """Make the RIFF and data sizes of the WAV file at ``path`` match what it holds (a writer
    killed mid-file leaves them 0 or short) and return its audio in seconds (0.0: none).
    Raises ValueError when the file is not a PCM WAV file, OSError when it cannot be read."""
    with path.open("r+b") as handle:
        head = handle.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise ValueError(f"{path.name} is not a WAV file")
        size = os.fstat(handle.fileno()).st_size
        offset, rate, block = 12, 0, 0
        while offset + 8 <= size:
            handle.seek(offset)
            chunk, length = struct.unpack("<4sI", handle.read(8))
            if chunk == b"fmt ":
                fmt = handle.read(16)
                if len(fmt) < 16:
                    raise ValueError(f"{path.name}: its format chunk is cut")
                _, _, rate, _, block, _ = struct.unpack("<HHIIHH", fmt)
            elif chunk == b"data":
                if not rate or not block:
                    raise ValueError(f"{path.name}: no format before its audio")
                held = size - offset - 8
                held -= held % block
                if length != held:
                    handle.seek(offset + 4)
                    handle.write(struct.pack("<I", held))
                if struct.unpack("<I", head[4:8])[0] != size - 8:
                    handle.seek(4)
                    handle.write(struct.pack("<I", size - 8))
                return held / (rate * block)
            offset += 8 + length + (length & 1)
        raise ValueError(f"{path.name} holds no audio chunk")


@dataclass(frozen=True)
class Salvaged:
    """One recording attached to a ticket after a crash."""

    step: str
    attempt: int
    audio_path: str  # relative to the recordings root
    duration_seconds: float
    partial: bool  # it was being recorded when the node died


def _settle_partial(part: Path) -> Path | None:
    """The final file for a partial one: renamed to its final name (the port had not), or
    None when the final file exists (written whole: the partial is a leftover, removed)."""
    final = part.with_name(part.name.removesuffix(PART_SUFFIX))
    if final.exists():
        part.unlink(missing_ok=True)
        return None
    os.replace(part, final)
    return final


def salvage(
    repo: TicketRepository,
    ticket_id: int,
    folder: Path,
    recordings_root: Path,
    known: set[str],
) -> list[Salvaged]:
    """Attach every answer recording in ``folder`` whose path (relative to
    ``recordings_root``) is not in ``known`` nor on the ticket; returns what was attached.
    Raises :class:`~callbot.errors.StorageError` when the database fails."""
    if not folder.is_dir():
        return []
    answers = repo.get(ticket_id).answers
    stored = {a.audio_path for a in answers} | known
    taken = {(a.step, a.attempt) for a in answers}
    found: list[Salvaged] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        parsed = answer_of(entry.name)
        if parsed is None or not entry.is_file():
            continue
        step, attempt, partial = parsed
        path = _settle_partial(entry) if partial else entry
        if path is None:
            continue  # its final file is looked at under its own name
        relative = path.relative_to(recordings_root).as_posix()
        if relative in stored or (step, attempt) in taken:
            continue
        try:
            seconds = repair_wav(path)
        except (OSError, ValueError) as exc:
            log.error("ticket id %d: recording %s not attached: %s", ticket_id, path.name, exc)
            continue
        if seconds < MIN_AUDIO_SECONDS:
            log.warning("ticket id %d: recording %s holds no audio", ticket_id, path.name)
            continue
        repo.add_answer(
            ticket_id,
            step=step,
            audio_path=relative,
            duration_seconds=round(seconds, 3),
            ended_by=EndedBy.RECOVERED.value,
            attempt=attempt,
        )
        taken.add((step, attempt))
        found.append(Salvaged(step, attempt, relative, round(seconds, 3), partial))
        log.warning(
            "ticket id %d: answer %s (attempt %d, %.1f s%s) recovered from the call's folder",
            ticket_id,
            step,
            attempt,
            seconds,
            ", cut by the crash" if partial else "",
        )
    return found
