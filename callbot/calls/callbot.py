"""FastAGI script ``callbot``: the overflow callbot for one caller.

Opens the ticket as soon as the callbot answers, runs the dialog script, stores every answer
as it is recorded, and closes the ticket with the outcome. It always leaves the dialplan
somewhere to go: ``CALLBOT_DESTINATION=done`` after a finished dialog, ``queue`` when the
caller pressed 0 or anything failed (the dialplan treats an empty value as ``queue`` too).

The dialog runs over the call's audio stream (``EXEC AudioSocket``, :mod:`callbot.calls.media`:
barge-in, answers that end when the caller stops speaking) when ``media.enabled``; the AGI
waits for that application meanwhile and sets the channel variables once it returns. Without
media it runs over plain AGI (:class:`AgiCallPort`: STREAM FILE and RECORD FILE). If the
stream cannot be opened the AGI session is over (Asterisk ends it when an application fails)
and the dialplan sends the caller to the operators' queue.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from callbot.calls.agi_port import AgiCallPort
from callbot.calls.media import MediaCallPort
from callbot.config import DialogConfig
from callbot.dialog.engine import Engine
from callbot.dialog.ports import CallPort, DialogResult, Recording, Understood
from callbot.dialog.steps import Script
from callbot.errors import AgiHangup, CallbotError, StorageError
from callbot.intake.journal import call_dir
from callbot.intake.recorder import CallRecorder
from callbot.metrics import Metrics
from callbot.pbx import variables
from callbot.pbx.agi import AgiChannel
from callbot.pbx.audiosocket import MediaServer
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.routing.fields import STEP_KINDS, HeardAnswer, asr_confidence, field_entry
from callbot.routing.settle import Settler
from callbot.speech.audio import speech_seconds, voice_seconds
from callbot.speech.endpoint import EndpointRules
from callbot.speech.prompts import PromptLibrary
from callbot.speech.speaker import Speaker
from callbot.tickets.caller import Caller
from callbot.tickets.repository import TicketRepository
from callbot.transcription.listening import Listening
from callbot.understanding.need import parse_need
from callbot.understanding.registry import parser

log = logging.getLogger(__name__)

MEDIA_CONNECT_SECONDS = 3.0  # Asterisk connects the AudioSocket within milliseconds


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
    media: MediaServer | None = None  # the calls' audio streams; None: plain AGI
    node: str = "-"  # this node's id (nodes.id): the dialplan's CALLBOT_NODE, tickets.node

    def current_script(self) -> Script:
        """The dialog for a call starting now: with spoken answers once the model is loaded."""
        return self.listening.script or self.script


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

    def understood(self, step: str, timeout: float) -> Understood | None:
        """The latest answer to ``step``, its text and how surely it was understood: the
        step's parser's confidence times the recognizer's, as the ticket's field will be
        (:func:`callbot.routing.fields.field_entry`); the recognizer's alone for a step with
        no parser. None without text in time."""
        answer_id = self.recorder.answer_id(step)
        if answer_id is None:
            return None
        transcript = self.bot.listening.transcript(answer_id, timeout)
        if transcript is None or not transcript.text:
            return None
        words = [{"word": w.word, "conf": w.conf} for w in transcript.words]
        heard = HeardAnswer(answer_id, step, 0, transcript.text, words)
        kind = STEP_KINDS.get(step)
        if kind is None:
            confidence = asr_confidence(words)
            return Understood(transcript.text, 1.0 if confidence is None else confidence)
        try:
            entry = field_entry(parser(kind)(transcript.text), heard)
        except Exception as exc:  # a parser failing must not end the call: read it back
            log.warning("the %s parser failed on the call path: %s", kind, exc)
            return Understood(transcript.text, 0.0)
        return Understood(transcript.text, float(entry["confidence"]))

    def transcript(self, step: str, timeout: float) -> str | None:
        """The text of the latest answer to ``step``, waiting up to ``timeout`` s; None when
        no answer was stored or it has no text in time."""
        answer_id = self.recorder.answer_id(step)
        if answer_id is None:
            return None
        return self.bot.listening.text(answer_id, timeout)

    def is_emergency(self, step: str, timeout: float) -> str | None:
        """The number to call ("115", "114", "113") when the latest answer to ``step`` tells
        of an emergency, else None (its text waited for at most ``timeout`` s; no text, no
        emergency). Keeps the need's category for the flag."""
        text = self.transcript(step, timeout)
        if not text:
            return None
        need = parse_need(text)
        self._need_category = need.category
        if need.urgency != "emergency":
            return None
        log.info("need understood as an emergency: %s", need.service)
        log.debug("emergency words: %s", need.emergency_reasons)
        return need.service or "115"

    def emergency(self, step: str, source: str, service: str = "115") -> bool:
        """Flag the ticket now, with the number the caller is told (it tops the operators'
        queue whatever happens next); whether an operator can be reached. Unknown (AMI view
        not synced) counts as reachable: a human is the better bet, and the dialplan's queue
        rules still apply."""
        ticket_id = self.recorder.ticket_id
        if ticket_id is not None:
            category = self._need_category if source == "speech" else None
            try:
                self.bot.tickets.flag_emergency(ticket_id, category, service)
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
    try:
        port = _call_port(channel, bot)
    except AgiHangup:
        recorder.finish("ended_early", "error" if not channel.hung_up else "hangup")
        raise
    engine = Engine(
        script,
        port,
        CallbotSink(recorder, bot),
        directory,
        speech_check=voice_seconds,
        sound_check=speech_seconds,
    )
    try:
        try:
            result = engine.run()
        finally:
            _release(channel, port)
    except AgiHangup:
        _finish_on_hangup(script, recorder)
        raise
    except StorageError as exc:  # the recordings cannot be kept: a person must take the call
        recorder.finish("ended_early", "error")
        log.error("%s; sending the caller to the operators' queue", exc)
        _set_destination(channel, variables.DEST_QUEUE)
        return
    except Exception:
        recorder.finish("ended_early", "error")
        log.exception("callbot failed; sending the caller to the operators' queue")
        _set_destination(channel, variables.DEST_QUEUE)
        return
    _finish(channel, bot.metrics, script, recorder, result)


def endpoint_rules(dialog: DialogConfig) -> EndpointRules:
    """The endpointer's timings from the ``dialog`` settings."""
    return EndpointRules(
        end_silence_seconds=dialog.end_silence_seconds,
        no_input_seconds=dialog.no_input_seconds,
        max_seconds=float(dialog.max_answer_seconds),
    )


def _call_port(channel: AgiChannel, bot: Callbot) -> CallPort:
    """The call's audio stream (AudioSocket, run from this AGI) when media is on, else AGI."""
    media = bot.media
    if media is None:
        return AgiCallPort(
            channel, bot.prompts, bot.dialog.max_answer_seconds, bot.dialog.silence_seconds
        )
    stream = media.expect()
    channel.start_app("AudioSocket", stream.uuid, media.address)
    if stream.wait_connected(MEDIA_CONNECT_SECONDS):
        return MediaCallPort(stream, bot.prompts, endpoint_rules(bot.dialog))
    media.forget(stream)
    log.error("Asterisk did not open the call's AudioSocket: is app_audiosocket loaded?")
    channel.finish_app()  # the application failed: Asterisk ends the AGI session
    raise AgiHangup("the call's audio stream could not be opened")


def _release(channel: AgiChannel, port: CallPort) -> None:
    """End the call's audio stream, if any, and take the AGI back (variables are set after).
    A caller who hung up meanwhile is the dialog's to report, not this."""
    if isinstance(port, MediaCallPort):
        port.close()
        with contextlib.suppress(AgiHangup):
            channel.finish_app()


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
