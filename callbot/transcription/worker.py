"""The transcription pool: N threads, each with its own recognizer, over the durable job queue.

Life of one job (rows in ``transcription_jobs``, see :mod:`callbot.tickets.rules`)::

    pending ──claim──> running ──transcript────────────> done   (answer done, or no_speech)
       ^                  │ ──too little voice energy──> done   (answer no_speech, not decoded)
       │                  │ ──error, attempts left─────> pending, due after a backoff
       │                  │ ──error, no attempt left───> failed (answer failed: "not transcribed")
       └──worker died─────┘   (no sign of life for ``stale_after``: released, attempt counted)

A job is claimed by exactly one worker (the job queue makes claiming race-free across threads
and processes) and its result is stored once (settling an already settled job changes
nothing), so no answer is transcribed twice. A running job's worker marks it alive every
``heartbeat_interval``; at start and then every heartbeat, jobs of workers that stopped
marking theirs (crash, kill) go back to ``pending``: that is how a restart resumes.

:meth:`TranscriptionPool.notify` wakes the workers at once (the recorder calls it right after
storing an answer); they also poll every ``poll_interval``, for jobs other processes enqueued
and for retries. :meth:`TranscriptionPool.wait_for` is for the one place a call waits for text:
reading an answer back to the caller.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
import wave
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from callbot.errors import StorageError
from callbot.speech.asr import SpeechRecognizer, Transcript, Word
from callbot.speech.audio import voice_seconds
from callbot.tickets.models import utc_now
from callbot.tickets.records import AnswerRecord, JobRecord
from callbot.tickets.rules import (
    DEFAULT_MAX_ATTEMPTS,
    MIN_SPEECH_SECONDS,
    Transcription,
    retry_delay,
)
from callbot.transcription.jobs import JobQueue

log = logging.getLogger(__name__)

RecognizerFactory = Callable[[], SpeechRecognizer]
STORE_TRIES = 3  # attempts at storing a result while the database fails
WAIT_POLL = 0.1  # seconds between reads of a transcript a call waits for


def lower_priority(nice: int) -> None:
    """Run the calling thread ``nice`` steps below its CPU priority (on Linux a thread has a nice
    value of its own), so that decoding yields the CPU to the calls sharing the core: a caller
    waiting for the next prompt comes before a transcript. Lowering needs no privilege."""
    if nice <= 0 or not hasattr(os, "setpriority"):
        return
    thread = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, current + nice))
    except OSError as exc:
        log.warning("transcription: could not lower the decoding threads' priority: %s", exc)


def default_worker_id() -> str:
    """``host:pid:random``: names this process's workers in ``locked_by``."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def stored_transcript(answer: AnswerRecord) -> Transcript | None:
    """The transcript stored for ``answer`` when it was transcribed (``done``), else None."""
    if answer.transcription != Transcription.DONE or answer.transcript is None:
        return None
    return Transcript(
        text=answer.transcript,
        words=tuple(Word(w.word, w.conf, w.start, w.end) for w in answer.words),
        model=answer.asr_model or "",
        audio_seconds=answer.duration_seconds,
        decode_seconds=answer.decode_seconds or 0.0,
    )


def cpu_cores() -> int:
    """The CPU cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


class TranscriptionPool:
    """Threads that transcribe pending answers until stopped."""

    def __init__(
        self,
        jobs: JobQueue,
        recognizer_factory: RecognizerFactory,
        workers: int | None,
        recordings_root: Path,
        *,
        poll_interval: float = 0.5,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        worker_id: str | None = None,
        min_speech_seconds: float = MIN_SPEECH_SECONDS,
        retry_base_seconds: float = 5.0,
        stale_after: float = 30.0,
        heartbeat_interval: float = 5.0,
        grammars: Mapping[str, Sequence[str]] | None = None,
        nice: int = 0,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        """``workers``: threads, None for one per CPU core, 0 for none (the pool then only waits
        for texts that workers elsewhere write, and hands back the jobs of workers that died).
        ``grammars``: the closed answer space of a dialog step, by step name, handed to the
        recognizer. ``nice``: how many steps below the process's CPU priority the decoding
        threads run (:func:`lower_priority`)."""
        if max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, not {max_attempts}")
        if heartbeat_interval >= stale_after:
            raise ValueError("heartbeat_interval must be shorter than stale_after")
        self.jobs = jobs
        self.recognizer_factory = recognizer_factory
        if workers is not None and workers < 0:
            raise ValueError(f"workers must be 0 or more, not {workers}")
        self.size = cpu_cores() if workers is None else workers
        self.recordings_root = recordings_root
        self.poll_interval = poll_interval
        self.max_attempts = max_attempts
        self.worker_id = worker_id or default_worker_id()
        self.min_speech_seconds = min_speech_seconds
        self.retry_base_seconds = retry_base_seconds
        self.stale_after = timedelta(seconds=stale_after)
        self.heartbeat_interval = heartbeat_interval
        self.grammars = dict(grammars or {})
        self.nice = nice
        self._clock = clock
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lingering: list[threading.Thread] = []  # still decoding when a stop gave up
        self._wake = threading.Condition()  # workers wait here for work
        self._wake_count = 0
        self._settled = threading.Condition()  # wait_for waits here for results
        self._settled_count = 0
        self._busy = 0
        self._busy_lock = threading.Lock()

    # -- life ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Make the recognizers (raises what the factory raises), resume, start the threads."""
        if self._threads:
            raise RuntimeError("the transcription pool is already started")
        recognizers = [self.recognizer_factory() for _ in range(self.size)]
        try:
            self.jobs.release_stale_jobs(self.stale_after)
        except StorageError as exc:
            log.error("transcription: cannot look for interrupted jobs yet: %s", exc)
        # Each start has its own stop signal: a thread a stop left decoding ends with its
        # job instead of joining the new start as a worker too many.
        self._stopping = threading.Event()
        for index, recognizer in enumerate(recognizers, 1):
            thread = threading.Thread(
                target=self._work, args=(recognizer,), name=f"asr-{index}", daemon=True
            )
            self._threads.append(thread)
        self._threads.append(
            threading.Thread(target=self._supervise, name="asr-heartbeat", daemon=True)
        )
        for thread in self._threads:
            thread.start()
        log.info(
            "transcription: %d worker(s) started as %s (model %s)",
            self.size,
            self.worker_id,
            recognizers[0].model_name if recognizers else "-",
        )

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop taking jobs; wait up to ``timeout`` s for jobs being decoded. True if all ended.

        Jobs still being decoded then go back to ``pending`` for the next start; their threads
        end with their decode, and a later stop waits for them too.
        """
        self._stopping.set()
        self.notify()
        deadline = time.monotonic() + timeout
        threads = self._lingering + self._threads
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._lingering = [t for t in threads if t.is_alive()]
        alive = [t.name for t in self._lingering]
        self._threads = []
        if alive:
            try:
                self.jobs.release_stale_jobs(timedelta(0), locked_by=self.worker_id)
            except StorageError as exc:
                log.error("transcription: could not hand back unfinished jobs: %s", exc)
            log.warning("transcription: %s still decoding at stop; jobs handed back", alive)
        else:
            log.info("transcription stopped")
        return not alive

    def notify(self) -> None:
        """Wake the workers now: a job was just enqueued."""
        with self._wake:
            self._wake_count += 1
            self._wake.notify_all()

    def wait_for(self, answer_ids: Collection[int], timeout: float) -> dict[int, Transcript | None]:
        """Each answer's transcript, waiting up to ``timeout`` s for all to be settled.

        None for an answer without text (yet): still pending at the timeout, no speech,
        failed, or unknown. A database failure is logged and gives None, never an error:
        the caller is on the line.
        """
        ids = list(dict.fromkeys(answer_ids))
        deadline = time.monotonic() + max(0.0, timeout)
        found = {}
        while True:
            with self._settled:
                seen = self._settled_count
            try:
                found = self.jobs.answers(ids)
            except StorageError as exc:
                log.warning("transcription: cannot read transcripts: %s", exc)
            pending = [
                i for i in ids if i not in found or found[i].transcription == Transcription.PENDING
            ]
            remaining = deadline - time.monotonic()
            if not pending or remaining <= 0:
                break
            with self._settled:
                if self._settled_count == seen:
                    # Texts written by workers of other nodes are seen by reading again.
                    self._settled.wait(min(self.poll_interval, WAIT_POLL, remaining))
        return {i: stored_transcript(found[i]) if i in found else None for i in ids}

    # -- the threads -----------------------------------------------------------------------------

    def _idle(self, seen: int, seconds: float) -> None:
        with self._wake:
            if self._wake_count == seen and not self._stopping.is_set():
                self._wake.wait(seconds)

    def _work(self, recognizer: SpeechRecognizer) -> None:
        lower_priority(self.nice)
        stopping = self._stopping  # this start's signal (see start)
        while not stopping.is_set():
            with self._wake:
                seen = self._wake_count
            try:
                jobs = self.jobs.claim_jobs(self.worker_id, 1)
            except StorageError as exc:
                log.error("transcription: cannot take jobs: %s", exc)
                self._idle(seen, max(self.poll_interval, 2.0))
                continue
            if not jobs:
                self._idle(seen, self.poll_interval)
                continue
            for job in jobs:
                with self._busy_lock:
                    self._busy += 1
                try:
                    self._run(job, recognizer)
                finally:
                    with self._busy_lock:
                        self._busy -= 1
                with self._settled:
                    self._settled_count += 1
                    self._settled.notify_all()

    def _supervise(self) -> None:
        """Mark this pool's running jobs alive; release those of workers that died."""
        stopping = self._stopping
        while not stopping.wait(self.heartbeat_interval):
            try:
                with self._busy_lock:
                    busy = self._busy
                if busy:
                    self.jobs.touch_jobs(self.worker_id)
                if self.jobs.release_stale_jobs(self.stale_after):
                    self.notify()
            except StorageError as exc:
                log.error("transcription heartbeat failed: %s", exc)

    def _run(self, job: JobRecord, recognizer: SpeechRecognizer) -> None:
        """One attempt at one job; never raises."""
        if job.attempts > self.max_attempts:
            error = f"gave up: its worker stopped during attempt {job.attempts - 1}"
            self._store(job, lambda: self.jobs.fail_job(job.id, error, None))
            return
        path = self.recordings_root / job.audio_path
        try:
            speech = voice_seconds(path)
        except (OSError, EOFError, ValueError, wave.Error) as exc:
            self._failed(job, f"cannot read the recording: {type(exc).__name__}: {exc}", None)
            return
        if speech < self.min_speech_seconds:
            log.info("answer id %d holds %.2f s of voice: no speech", job.answer_id, speech)
            self._store(job, lambda: self.jobs.complete_job(job.id, None, speech_seconds=speech))
            return
        started = time.monotonic()
        try:
            transcript = recognizer.transcribe(path, self.grammars.get(job.step) or None)
        except Exception as exc:  # any recognizer failure is the job's, never the worker's
            log.debug("recognizer failed on answer id %d", job.answer_id, exc_info=True)
            self._failed(job, f"{type(exc).__name__}: {exc}", speech)
            return
        log.info(
            "answer id %d decoded in %.2f s (%.1f s of voice)",
            job.answer_id,
            time.monotonic() - started,
            speech,
        )
        self._store(job, lambda: self.jobs.complete_job(job.id, transcript, speech_seconds=speech))

    def _failed(self, job: JobRecord, error: str, speech: float | None) -> None:
        retry_at = None
        if job.attempts < self.max_attempts:
            delay = retry_delay(job.attempts, self.retry_base_seconds)
            retry_at = self._clock() + timedelta(seconds=delay)
        self._store(
            job,
            lambda: self.jobs.fail_job(job.id, error, retry_at, speech_seconds=speech),
        )

    def _store(self, job: JobRecord, store: Callable[[], bool]) -> None:
        """Store a result, trying again while the database fails. Left unstored, the job
        stays running and is released as stale, then done again."""
        for attempt in range(1, STORE_TRIES + 1):
            try:
                store()
                return
            except StorageError as exc:
                log.error(
                    "transcription: cannot store job %d (try %d of %d): %s",
                    job.id,
                    attempt,
                    STORE_TRIES,
                    exc,
                )
                if attempt < STORE_TRIES and self._stopping.wait(1.0):
                    return
