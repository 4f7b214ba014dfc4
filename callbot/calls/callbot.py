"""FastAGI script ``callbot``: the overflow callbot for one caller.

Opens the ticket as soon as the callbot answers, runs the dialog script, stores every answer
as it is recorded, and closes the ticket with the outcome. It always leaves the dialplan
somewhere to go: ``CALLBOT_DESTINATION=done`` after a finished dialog, ``queue`` when the
caller pressed 0 or anything failed (the dialplan treats an empty value as ``queue`` too).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from callbot.config import DialogConfig
from callbot.dialog.engine import Engine
from callbot.dialog.ports import DialogResult, Recording
from callbot.dialog.steps import Script
from callbot.errors import AgiHangup, CallbotError
from callbot.intake.journal import call_dir
from callbot.intake.recorder import CallRecorder
from callbot.metrics import Metrics
from callbot.pbx import variables
from callbot.pbx.agi import AgiChannel
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.routing.settle import Settler
from callbot.speech.audio import speech_seconds, voice_seconds, wav_duration
from callbot.speech.prompts import PromptLibrary
from callbot.speech.speaker import Speaker
from callbot.tickets.caller import Caller
from callbot.tickets.repository import TicketRepository
from callbot.transcription.listening import Listening
from callbot.understanding.need import parse_need

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Callbot:
    """What the callbot script needs, and nothing more (``callbot.app`` builds it)."""

    tickets: TicketRepository
    settler: Settler
    recordings: Path  # the recordings root; a call's answers go under YYYY/MM/DD/<uniqueid>
    prompts: PromptLibrary
    dialog: DialogConfig
    script: Script  # the dialog with keys only, until the speech model listens
    listening: Listening
    monitor: QueueMonitor | None = None
    speaker: Speaker | None = None
    metrics: Metrics = field(default_factory=Metrics)
    node: str = "-"  # this node's id (nodes.id): the dialplan's CALLBOT_NODE, tickets.node

    def current_script(self) -> Script:
        """The dialog for a call starting now: with spoken answers once the model is loaded."""
        return self.listening.script or self.script


class AgiCallPort:
    """The dialog engine's view of the call, over AGI."""

    def __init__(
        self,
        channel: AgiChannel,
        prompts: PromptLibrary,
        max_answer_seconds: int,
        silence_seconds: int,
    ) -> None:
        self.channel = channel
        self.prompts = prompts
        self.max_ms = max_answer_seconds * 1000
        self.silence_s = silence_seconds

    def play(self, prompt: str, escape_digits: str) -> str:
        """Play a rendered prompt; the key that interrupted it, or ""."""
        return self.channel.stream_file(self.prompts.path(prompt), escape_digits)

    def play_file(self, path: Path, escape_digits: str) -> str:
        """Play an audio file (runtime text-to-speech); the key that interrupted it, or ""."""
        return self.channel.stream_file(str(path.with_suffix("")), escape_digits)

    def wait_digit(self, timeout_ms: int) -> str:
        """The next key pressed within ``timeout_ms``, or ""."""
        return self.channel.wait_for_digit(timeout_ms)

    def play_digits(self, number: str, escape_digits: str) -> str:
        """Read ``number`` digit by digit; the first key pressed stops it and is returned."""
        for path in self.prompts.digits(number):
            key = self.channel.stream_file(path, escape_digits)
            if key:
                return key
        return ""

    def record(self, path: Path, escape_digits: str, max_seconds: int | None = None) -> Recording:
        """Beep, then record the caller into ``path`` until silence, a key, the longest answer
        (``max_seconds`` if shorter) or a hangup, and say which ended it.

        A key other than # during the beep stops it there: nothing recorded (``saved`` False).
        The duration is the WAV file's, or Asterisk's ``endpos`` when the file cannot be read."""
        key = self.channel.stream_file(self.prompts.beep, escape_digits)
        if key and key != "#":
            # A key during the beep (0, *, or a confirmation key): acted on, nothing recorded.
            return Recording(ended_by="dtmf", digit=key, duration_seconds=0.0, saved=False)
        max_ms = self.max_ms if max_seconds is None else min(self.max_ms, max_seconds * 1000)
        started = time.monotonic()
        result = self.channel.record_file(
            str(path.with_suffix("")), "wav", escape_digits, max_ms, self.silence_s
        )
        elapsed = time.monotonic() - started
        if result.reason == "hangup":
            ended_by = "hangup"
        elif result.reason == "dtmf":
            ended_by = "dtmf"
        elif elapsed * 1000 >= max_ms - 250:
            ended_by = "max_length"
        else:
            ended_by = "silence"
        try:
            duration = wav_duration(path)
        except (OSError, EOFError, ValueError):
            duration = result.endpos / 8000 if result.endpos > 0 else 0.0
        return Recording(ended_by=ended_by, digit=result.digit, duration_seconds=duration)


class CallbotSink:
    """The dialog's sink: the ticket recorder, plus transcripts and runtime text-to-speech."""

    def __init__(self, recorder: CallRecorder, bot: Callbot) -> None:
        self.recorder = recorder
        self.bot = bot
        self._need_category: str | None = None

    def answer(self, step: str, path: Path, recording: Recording) -> None:
        """Store an answer (ticket and journal); its transcription is queued."""
        self.recorder.answer(step, path, recording.duration_seconds, recording.ended_by)

    def closed_answer(
        self, step: str, path: Path, recording: Recording, grammar: Sequence[str]
    ) -> tuple[str, ...] | None:
        """Decode a short closed answer now, on the call path (grammar mode: a fraction of a
        second), and store it already transcribed: no transcription job decodes it again."""
        recognizer = self.bot.listening.recognizer
        if recognizer is None:  # cannot happen while the script listens: keys only until then
            self.answer(step, path, recording)
            return None
        try:
            transcript = recognizer.transcribe(path, grammar)
        except Exception as exc:  # any recognizer failure: the call goes on, the job retries
            log.warning(
                "spoken answer %s could not be decoded now (%s): transcribed later", step, exc
            )
            self.answer(step, path, recording)
            return None
        self.recorder.answer(
            step,
            path,
            recording.duration_seconds,
            recording.ended_by,
            transcribed=True,
            transcript=transcript,
            speech_seconds=voice_seconds(path),  # as the workers measure it
        )
        log.info(
            "spoken answer %s decoded in %.2f s (%.1f s of audio)",
            step,
            transcript.decode_seconds,
            transcript.audio_seconds,
        )
        log.debug("spoken answer %s: %r", step, transcript.text)
        return tuple(w.word for w in transcript.words)

    def ticket_number(self) -> str | None:
        """The ticket's number, or None when the database could not create it."""
        return self.recorder.ticket_number()

    def reached(self, step: str) -> None:
        """The dialog has reached ``step``: the journal keeps it as the call's last step."""
        self.recorder.reached(step)

    def caller_number(self) -> str:
        """The number calling, cleaned: what a callback dials when the caller chooses it."""
        return self.recorder.caller_number

    def callback(self, number: str, source: str) -> None:
        """Store the number to call back and where it came from."""
        self.recorder.callback(number, source)

    def transcript(self, step: str, timeout: float) -> str | None:
        """The text of the latest answer to ``step``, waiting up to ``timeout`` s; None when
        no answer was stored or it has no text in time."""
        answer_id = self.recorder.answer_id(step)
        if answer_id is None:
            return None
        return self.bot.listening.text(answer_id, timeout)

    def is_emergency(self, step: str, timeout: float) -> bool:
        """Whether the latest answer to ``step`` tells of an emergency (its text waited for at
        most ``timeout`` s; no text, no emergency). Keeps the need's category for the flag."""
        text = self.transcript(step, timeout)
        if not text:
            return False
        need = parse_need(text)
        self._need_category = need.category
        return need.urgency == "emergency"

    def emergency(self, step: str, source: str) -> bool:
        """Flag the ticket now (it tops the operators' queue whatever happens next); whether
        an operator can be reached. Unknown (AMI view not synced) counts as reachable: a
        human is the better bet, and the dialplan's queue rules still apply."""
        ticket_id = self.recorder.ticket_id
        if ticket_id is not None:
            category = self._need_category if source == "speech" else None
            try:
                self.bot.tickets.flag_emergency(ticket_id, category)
            except CallbotError as exc:  # the call must go on; the journal keeps the answers
                log.error("could not flag the emergency on the ticket: %s", exc)
        monitor = self.bot.monitor
        reachable = monitor.operator_reachable() if monitor is not None else None
        return reachable is not False

    def speak(self, text: str) -> Path | None:
        """``text`` spoken into an audio file; None without runtime text-to-speech or on failure."""
        return self.bot.speaker.speak(text) if self.bot.speaker else None


def answer_dir(recordings: Path, caller: Caller, now: datetime | None = None) -> Path:
    """``<recordings>/YYYY/MM/DD/<uniqueid>/``: one directory per call."""
    return call_dir(recordings, caller.uniqueid, now or datetime.now(UTC))


def _set_destination(channel: AgiChannel, destination: str) -> None:
    with contextlib.suppress(AgiHangup):
        channel.set_variable(variables.DESTINATION, destination)


def decode_cid_raw(value: str) -> tuple[str, str] | None:
    """``CALLBOT_CID_RAW`` (base64(name):base64(number)) -> (name, number), bytes as U+FFFD."""
    name_b64, sep, number_b64 = value.partition(":")
    if not sep:
        return None
    try:
        name = base64.b64decode(name_b64, validate=True).decode("utf-8", errors="replace")
        number = base64.b64decode(number_b64, validate=True).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError):
        return None
    return name, number


def identify(channel: AgiChannel) -> Caller:
    """Who is calling, cleaned once: the dialplan's raw copy of the caller ID when present,
    else the AGI environment's."""
    raw = decode_cid_raw(channel.get_variable(variables.CID_RAW))
    name, number = raw if raw is not None else (channel.caller_name, channel.caller_number)
    return Caller.from_pbx(
        uniqueid=channel.uniqueid,
        linkedid=channel.get_variable("CHANNEL(linkedid)"),
        number_raw=number,
        name_raw=name,
    )


def handle(channel: AgiChannel, bot: Callbot) -> None:
    """Run the callbot for the caller on ``channel``: ticket, dialog, where to go next."""
    # First: the dialplan must not start this call again on another node if this one dies.
    channel.set_variable(variables.NODE, bot.node)
    caller = identify(channel)
    script = bot.current_script()
    directory = answer_dir(bot.recordings, caller)
    recorder = CallRecorder(
        bot.tickets,
        bot.settler,
        bot.recordings,
        directory,
        caller,
        notify=bot.listening.notify,
        node=bot.node,
    )
    recorder.start()
    if recorder.ticket_number() is not None:
        channel.set_variable(variables.TICKET, recorder.ticket_number() or "")
    port = AgiCallPort(
        channel, bot.prompts, bot.dialog.max_answer_seconds, bot.dialog.silence_seconds
    )
    engine = Engine(
        script,
        port,
        CallbotSink(recorder, bot),
        directory,
        speech_check=voice_seconds,
        sound_check=speech_seconds,
    )
    try:
        result = engine.run()
    except AgiHangup:
        _finish_on_hangup(script, recorder)
        raise
    except Exception:
        recorder.finish("ended_early", "error")
        log.exception("callbot failed; sending the caller to the operators' queue")
        _set_destination(channel, variables.DEST_QUEUE)
        return
    _finish(channel, bot.metrics, script, recorder, result)


def _finish(
    channel: AgiChannel,
    metrics: Metrics,
    script: Script,
    recorder: CallRecorder,
    result: DialogResult,
) -> None:
    for gap in result.turn_gaps:
        metrics.record("turn_gap", seconds=gap)
    for wait in result.readback_waits:
        metrics.record("readback_wait", seconds=wait)
    for wait in result.spoken_waits:
        metrics.record("spoken_wait", seconds=wait)
    if result.outcome == "completed":
        recorder.finish("complete", "completed")
        _set_destination(channel, variables.DEST_DONE)
    elif result.outcome == "to_queue":
        recorder.finish("ended_early", "to_queue")
        _set_destination(channel, variables.DEST_QUEUE)
    elif result.outcome == "emergency":
        recorder.finish("ended_early", "to_queue")
        try:
            channel.set_variable(variables.EMERGENCY, "1")
            channel.set_variable(variables.QUEUE_PRIO, variables.QUEUE_PRIO_EMERGENCY)
        finally:
            _set_destination(channel, variables.DEST_QUEUE)
    else:
        _finish_on_hangup(script, recorder)


def _finish_on_hangup(script: Script, recorder: CallRecorder) -> None:
    """A caller who hangs up after answering every question has a complete ticket."""
    asked = {step.name for step in script.questions}
    if asked <= recorder.answered_steps():
        recorder.finish("complete", "completed")
    else:
        recorder.finish("ended_early", "hangup")
