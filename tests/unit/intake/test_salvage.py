"""Recordings a crash left in a call's folder: their names, their WAV headers repaired, and
their attachment to the ticket on the real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import pytest

from callbot.calls.disk import PartialAnswer
from callbot.intake.journal import call_dir
from callbot.intake.salvage import answer_of, repair_wav, salvage
from callbot.speech.audio import pcm_wav
from callbot.tickets.caller import Caller
from tests.support.database import Database

SECOND = b"\x10\x00" * 8000  # one second of 8 kHz 16-bit audio


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("name.wav", ("name", 1, False)),
        ("address-2.wav", ("address", 2, False)),
        ("need.wav.part", ("need", 1, True)),
        ("name_confirm-3.wav.part", ("name_confirm", 3, True)),
        ("call.json", None),
        (".name.wav.abc123.tmp", None),
        ("name-1.wav", None),  # the first attempt is never numbered
        ("name-0.wav", None),
        ("../name.wav", None),
        ("Name.wav", None),
        ("name.wav.tmp", None),
    ],
)
def test_a_recording_names_its_step_and_attempt(
    name: str, expected: tuple[str, int, bool] | None
) -> None:
    assert answer_of(name) == expected


def _killed_partial(path: Path, pcm: bytes) -> Path:
    """What the call port leaves when its process is killed mid-answer."""
    partial = PartialAnswer(path, every_bytes=1000)
    for offset in range(0, len(pcm), 320):
        partial.add(pcm[offset : offset + 320])
    assert partial._handle is not None
    partial._handle.close()  # the process dies here: no discard, no final file
    return partial.path


def test_a_partial_wav_written_as_it_came_is_repaired_to_the_audio_it_holds(
    tmp_path: Path,
) -> None:
    part = _killed_partial(tmp_path / "need.wav", SECOND * 2)
    assert part.name == "need.wav.part"
    header = part.read_bytes()[:44]
    assert struct.unpack("<I", header[40:44])[0] == 0  # the data size never written
    assert repair_wav(part) == pytest.approx(2.0, abs=0.01)
    with wave.open(str(part), "rb") as wav:  # readable by the standard reader, every frame
        assert wav.getnframes() == 16000 and wav.getframerate() == 8000
    assert repair_wav(part) == pytest.approx(2.0, abs=0.01)  # idempotent


def test_repair_refuses_what_is_not_a_wav_and_counts_an_empty_one_as_no_audio(
    tmp_path: Path,
) -> None:
    junk = tmp_path / "name.wav"
    junk.write_bytes(b"not a wav at all")
    with pytest.raises(ValueError, match="not a WAV"):
        repair_wav(junk)
    empty = tmp_path / "address.wav"
    empty.write_bytes(pcm_wav(b""))
    assert repair_wav(empty) == 0.0
    odd = tmp_path / "need.wav"
    odd.write_bytes(pcm_wav(SECOND)[:-1])  # half a sample at the end
    assert repair_wav(odd) == pytest.approx(1.0, abs=0.001)


@pytest.mark.both_databases
def test_unknown_recordings_are_attached_as_recovered_answers_once(
    database: Database, tmp_path: Path
) -> None:
    repo = database.tickets
    caller = Caller("0901234567", "", "", "1700000009.1")
    ticket = repo.create(caller)
    folder = call_dir(tmp_path, caller.uniqueid, ticket.created_at)
    folder.mkdir(parents=True)
    (folder / "name.wav").write_bytes(pcm_wav(SECOND))  # stored by the call
    repo.add_answer(
        ticket.id, "name", str((folder / "name.wav").relative_to(tmp_path)), 1.0, "silence"
    )
    (folder / "address.wav").write_bytes(pcm_wav(SECOND))  # only in the journal
    (folder / "address-2.wav").write_bytes(pcm_wav(SECOND * 3))  # written, never stored
    _killed_partial(folder / "need.wav", SECOND)  # being spoken when the node died
    (folder / "callback.wav").write_bytes(pcm_wav(b""))  # no audio: left alone
    (folder / "call.json").write_text("{}", encoding="utf-8")
    known = {str((folder / "address.wav").relative_to(tmp_path))}
    found = salvage(repo, ticket.id, folder, tmp_path, known)
    assert [(f.step, f.attempt, f.partial) for f in found] == [
        ("address", 2, False),
        ("need", 1, True),
    ]
    assert (folder / "need.wav").is_file() and not (folder / "need.wav.part").exists()
    answers = {(a.step, a.attempt): a for a in repo.get(ticket.id).answers}
    assert set(answers) == {("name", 1), ("address", 2), ("need", 1)}
    assert answers["address", 2].ended_by == "recovered"
    assert answers["address", 2].duration_seconds == pytest.approx(3.0, abs=0.01)
    assert answers["need", 1].ended_by == "recovered"
    jobs = {j.answer_id for j in database.jobs.jobs(ticket.id)}
    assert answers["need", 1].id in jobs and answers["address", 2].id in jobs  # to transcribe
    assert salvage(repo, ticket.id, folder, tmp_path, known) == []  # nothing twice


def test_a_partial_whose_whole_answer_was_written_is_dropped(tmp_path: Path) -> None:
    folder = tmp_path / "call"
    folder.mkdir()
    partial = PartialAnswer(folder / "name.wav")
    partial.add(SECOND)
    (folder / "name.wav").write_bytes(pcm_wav(SECOND))
    partial.discard()
    assert sorted(p.name for p in folder.iterdir()) == ["name.wav"]
