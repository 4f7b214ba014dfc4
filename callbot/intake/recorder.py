"""The call recorder: one call's ticket, answer by answer, and never losing what was said.

It writes two copies of everything:

- the ticket in the database (created when the callbot answers, updated after every answer,
  finished with the call's outcome, then settled: :mod:`callbot.routing.settle`); every answer
  stored also enqueues its transcription, and the recorder then wakes the transcription
  workers (``notify``), so an answer is transcribed while the dialog goes on;
- a journal, ``call.json`` beside the call's recordings (:mod:`callbot.intake.journal`),
  rewritten atomically after every change. If the database is unreachable the call goes on
  (the caller hears no error), the journal keeps everything, and it is stored once the
  database is back: by the recorder itself when the call ends, else by
  :mod:`callbot.intake.recovery` (``callbot serve`` retries every ``storage.sweep_seconds``;
  ``callbot tickets recover`` does it by hand), never while the call goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from callbot.errors import StorageError
from callbot.intake.journal import JOURNAL, Journal, JournalAnswer, read_journal
from callbot.intake.recovery import PENDING_DIR, mark_pending, recover_journal
from callbot.routing.settle import Settler
from callbot.tickets.caller import Caller
from callbot.tickets.repository import TicketRepository

if TYPE_CHECKING:  # only its shape: the recorder never loads the speech recognizer
    from callbot.speech.asr import Transcript

log = logging.getLogger(__name__)


class CallRecorder:
    """Records one call's ticket into the database and the journal."""

    def __init__(
        self,
        repository: TicketRepository,
        settler: Settler,
        recordings_root: Path,
        answer_dir: Path,
        caller: Caller,
        *,
        notify: Callable[[], None] | None = None,
        node: str | None = None,
    ) -> None:
        """``notify`` is called after each answer is stored (the transcription pool's);
        ``node`` is the id of the node serving the call (the ticket names it)."""
        self.repository = repository
        self.node = node
        self.settler = settler
        self.notify = notify
        self._answer_ids: dict[str, int] = {}  # step -> id of its latest stored answer
        self.recordings_root = recordings_root
        self.answer_dir = answer_dir
        self.caller = caller
        self._journal = Journal(caller)

    @property
    def ticket_id(self) -> int | None:
        """The ticket's database id, or None when the database could not create it."""
        return self._journal.ticket_id

    @property
    def caller_number(self) -> str:
        """The number calling, cleaned (what a callback dials when the caller chose it)."""
        return self.caller.number

    def start(self) -> None:
        """Create the ticket as soon as the callbot answers."""
        self.answer_dir.mkdir(parents=True, exist_ok=True)
        try:
            record = self.repository.create(self.caller, node=self.node)
        except StorageError as exc:
            self._database_failed("create the ticket", exc)
        else:
            self._journal.ticket_id = record.id
            self._journal.ticket_number = record.number
            log.info("ticket %s opened", record.number)
        self._write_journal()

    # -- as the dialog goes on ---------------------------------------------------------------

    def reached(self, step: str) -> None:
        """The dialog has reached ``step``: the journal keeps it as the call's last step, and
        when it began (written with the next change)."""
        self._journal.last_step = step
        self._journal.steps.append((step, round(time.time(), 3)))

    def ticket_number(self) -> str | None:
        """The ticket's number, or None when the database could not create it."""
        return self._journal.ticket_number

    def answer_id(self, step: str) -> int | None:
        """The database id of the latest answer stored for ``step`` (to wait for its text)."""
        return self._answer_ids.get(step)

    def answered_steps(self) -> set[str]:
        """Steps with a recorded answer that holds something (not cut by a hang-up at once)."""
        return {
            a.step
            for a in self._journal.answers
            if a.ended_by != "hangup" or a.duration_seconds > 0.5
        }

    def answer(
        self,
        step: str,
        path: Path,
        duration_seconds: float,
        ended_by: str,
        *,
        transcribed: bool = False,
        transcript: Transcript | None = None,
        speech_seconds: float | None = None,
    ) -> None:
        """Store one answer: the recording at ``path``, how long, and what ended it.
        ``transcribed``: it was already decoded on the call path (a closed answer),
        ``transcript`` None meaning no speech; no job will decode it again."""
        relative = str(path.relative_to(self.recordings_root))
        attempt = 1 + sum(1 for a in self._journal.answers if a.step == step)
        self._journal.answers.append(
            JournalAnswer(
                step=step,
                attempt=attempt,
                audio_path=relative,
                duration_seconds=round(duration_seconds, 3),
                ended_by=ended_by,
                transcribed=transcribed,
                transcript=transcript.text if transcript is not None else None,
            )
        )
        self._write_journal()
        if self._journal.ticket_id is not None and self._journal.database_ok:
            try:
                stored = self.repository.add_answer(
                    self._journal.ticket_id,
                    step=step,
                    audio_path=relative,
                    duration_seconds=duration_seconds,
                    ended_by=ended_by,
                    attempt=attempt,
                    transcribed=transcribed,
                    transcript=transcript,
                    speech_seconds=speech_seconds,
                )
            except StorageError as exc:
                self._database_failed("store an answer", exc)
                self._write_journal()
            else:
                self._answer_ids[step] = stored.id
                if self.notify is not None and not transcribed:
                    self.notify()
        log.info("answer %s recorded (%.1f s, ended by %s)", step, duration_seconds, ended_by)

    # -- the end ----------------------------------------------------------------------------

    def finish(self, outcome: str, end_reason: str) -> None:
        """Close the ticket with the call's outcome, "complete" or "ended_early", and why.

        Idempotent: the first outcome stays.
        """
        if self._journal.outcome is not None:
            return
        self._journal.outcome = outcome
        self._journal.end_reason = end_reason
        self._journal.steps.append(("end", round(time.time(), 3)))
        ticket_id = self._journal.ticket_id
        if ticket_id is not None and self._journal.database_ok:
            try:
                self.repository.finish(ticket_id, outcome, end_reason)
            except StorageError as exc:
                self._database_failed("finish the ticket", exc)
        self._write_journal()
        if ticket_id is not None and self._journal.database_ok:
            try:
                self.settler.settle(ticket_id)  # ready at once when nothing is left to transcribe
            except StorageError as exc:  # the sweep settles it once the database answers
                log.error("could not settle the ticket: %s", exc)
        elif not self._journal.database_ok:
            self._catch_up()
        log.info(
            "ticket %s %s (%s)", self._journal.ticket_number or "(no database)", outcome, end_reason
        )

    def callback(self, number: str, source: str) -> None:
        """The number operators should call back, and where it came from (caller_id, typed)."""
        self._journal.callback_number = number
        self._journal.callback_source = source
        if self._journal.ticket_id is not None and self._journal.database_ok:
            try:
                self.repository.set_callback(self._journal.ticket_id, number, source)
            except StorageError as exc:
                self._database_failed("store the callback number", exc)
        self._write_journal()
        log.info("callback number set (%s)", source)

    def _catch_up(self) -> None:
        """The call is over and the database failed during it: store what the journal holds
        now if the database is back (else the sweep will, from the marker)."""
        path = self.answer_dir / JOURNAL
        try:
            number, _ = recover_journal(self.repository, self.settler, path)
        except (StorageError, OSError, ValueError, KeyError) as exc:
            log.warning("the database still fails; the journal waits for recovery: %s", exc)
            return
        (self.recordings_root / PENDING_DIR / self.caller.uniqueid).unlink(missing_ok=True)
        self._journal = read_journal(path)
        log.info("ticket %s stored from its journal at the end of the call", number)

    def _database_failed(self, what: str, exc: StorageError) -> None:
        self._journal.database_ok = False
        log.error("could not %s, the call goes on and the journal keeps it: %s", what, exc)
        try:
            mark_pending(self.recordings_root, self.caller.uniqueid, self.answer_dir / JOURNAL)
        except OSError as err:
            log.error("could not mark the call for recovery: %s", err)

    def _write_journal(self) -> None:
        path = self.answer_dir / JOURNAL
        try:
            self._journal.write(path)
        except OSError as exc:
            log.error("could not write the call journal %s: %s", path, exc)
