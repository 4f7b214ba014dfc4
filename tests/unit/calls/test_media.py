"""The call port over AudioSocket (callbot.calls.media) against a scripted Asterisk end.

A loopback socket plays Asterisk: it sends the caller's audio in real time, 20 ms frames, and
their keys, and keeps what the port plays. The same port runs against the real sandbox
Asterisk in tests/integration/test_barge_in.py; here the timings are exact, so the tests can
say precisely what was kept of the caller's words.
"""

from __future__ import annotations

import math
import socket
import struct
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from callbot.calls.media import MediaCallPort, digit_groups
from callbot.dialog.ports import RESUMED, SPEECH
from callbot.errors import AgiHangup
from callbot.pbx.audiosocket import MediaServer
from callbot.pbx.audiosocket_protocol import KIND_AUDIO, KIND_DTMF, KIND_UUID, Decoder, encode
from callbot.speech.audio import active_span, speech_seconds, wav_info, write_tone
from callbot.speech.endpoint import EndpointRules
from callbot.speech.prompts import BEEP, PromptLibrary, load_prompts

SHORT = Path(__file__).resolve().parents[2] / "fixtures" / "prompts-short.toml"
RATE = 8000
FRAME = 160
RULES = EndpointRules(no_input_seconds=1.5)


def speech(seconds: float) -> bytes:
    """Voice-like sound: a 300 Hz tone whose level rises and falls like syllables."""
    samples = []
    for n in range(round(seconds * RATE)):
        syllable = 0.55 + 0.45 * math.sin(2 * math.pi * 4 * n / RATE)
        samples.append(round(6000 * syllable * math.sin(2 * math.pi * 300 * n / RATE)))
    return struct.pack(f"<{len(samples)}h", *samples)


def silence(seconds: float) -> bytes:
    return b"\x00\x00" * round(seconds * RATE)


class Asterisk(threading.Thread):
    """The Asterisk end of one call's AudioSocket: the caller's audio and keys on a timeline
    starting at :meth:`go`; what it hears is kept with its arrival time."""

    def __init__(self, server: MediaServer, stream_id: str) -> None:
        super().__init__(daemon=True)
        host, port = server.address.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=5)
        self.sock.sendall(encode(KIND_UUID, uuid.UUID(stream_id).bytes))
        self.audio = b""
        self.keys: dict[float, str] = {}
        self.hang_up_at: float | None = None
        self.heard: list[tuple[float, bytes]] = []  # (seconds since go, our frame)
        self._go = threading.Event()
        self.t0 = 0.0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def go(self, audio: bytes = b"", keys: dict[float, str] | None = None) -> None:
        self.audio, self.keys = audio, dict(keys or {})
        self.t0 = time.monotonic()
        self._go.set()
        self.start()

    def run(self) -> None:
        frames = len(self.audio) // (FRAME * 2)
        try:
            for index in range(frames + 200):
                moment = index * 0.02
                if self.hang_up_at is not None and moment >= self.hang_up_at:
                    self.sock.shutdown(socket.SHUT_RDWR)
                    return
                for at in [k for k in self.keys if k <= moment]:
                    self.sock.sendall(encode(KIND_DTMF, self.keys.pop(at).encode()))
                if index < frames:  # then nothing at all: a line that sends no frames
                    chunk = self.audio[index * FRAME * 2 : (index + 1) * FRAME * 2]
                    self.sock.sendall(encode(KIND_AUDIO, chunk))
                time.sleep(max(0.0, self.t0 + moment + 0.02 - time.monotonic()))
        except OSError:
            return

    def _read(self) -> None:
        decoder = Decoder()
        try:
            while data := self.sock.recv(65536):
                now = time.monotonic() - self.t0 if self.t0 else -1.0
                self.heard += [(now, m.payload) for m in decoder.feed(data) if m.kind == KIND_AUDIO]
        except OSError:
            return

    def prompt_heard_until(self) -> float:
        """When the last frame of a prompt (not silence) arrived, in seconds since go."""
        loud = [t for t, frame in self.heard if t >= 0 and any(frame)]
        return max(loud, default=0.0)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture()
def prompts(tmp_path: Path) -> PromptLibrary:
    rendered = tmp_path / "rendered"
    for key in ("ask_name", "ask_address", "greeting"):
        write_tone(rendered / f"{key}.wav", 500, 3000)  # three-second prompts
    for digit in range(10):
        write_tone(rendered / f"digit_{digit}.wav", 700, 250)
    write_tone(rendered / f"{BEEP}.wav", 1000, 250)
    return PromptLibrary(load_prompts(SHORT), rendered)


@pytest.fixture()
def call(prompts: PromptLibrary) -> Iterator[tuple[MediaCallPort, Asterisk]]:
    server = MediaServer("127.0.0.1", 0)
    server.start()
    stream = server.expect()
    asterisk = Asterisk(server, stream.uuid)
    assert stream.wait_connected(2)
    yield MediaCallPort(stream, prompts, RULES), asterisk
    stream.close()
    asterisk.close()
    server.stop()


def test_talking_over_a_question_stops_it_and_nothing_said_is_cut(
    call: tuple[MediaCallPort, Asterisk], tmp_path: Path
) -> None:
    port, asterisk = call
    said = speech(1.2)
    asterisk.go(silence(1.0) + said + silence(2.0))
    started = time.monotonic()
    assert port.play("ask_name", "0*9", barge_in=True) == SPEECH
    stopped = time.monotonic() - started
    # A fifth of a second of voice stops it (one frame's slack either way for the clocks).
    assert 1.0 + RULES.barge_seconds - 0.04 <= stopped < 1.0 + RULES.barge_seconds + 0.35
    path = tmp_path / "name.wav"
    recording = port.record(path, "#0*9", speaking=True)
    assert asterisk.prompt_heard_until() < stopped + 0.1  # the prompt stopped there
    assert (recording.ended_by, recording.digit) == ("silence", "")
    assert wav_info(path)[:3] == (8000, 1, 2)
    # Every syllable is in the recording, from the pre-roll on: nothing cut.
    assert speech_seconds(path) == pytest.approx(1.2, abs=0.04)
    span = active_span(path)
    assert span is not None and span[0] == pytest.approx(RULES.preroll_seconds, abs=0.04)
    assert recording.duration_seconds == pytest.approx(0.3 + 1.2 + 0.7, abs=0.1)
    assert recording.speech_end is not None
    assert recording.speech_end - asterisk.t0 == pytest.approx(2.2, abs=0.1)


def test_a_caller_already_speaking_when_the_question_starts_keeps_their_first_words(
    call: tuple[MediaCallPort, Asterisk], tmp_path: Path
) -> None:
    """Speech over the greeting does not stop it (only questions stop); the question then
    stops at once, and the answer starts where the caller began, not where the question did."""
    port, asterisk = call
    asterisk.go(silence(2.0) + speech(2.0) + silence(2.0))
    assert port.play("greeting", "0") == ""  # three seconds, played through
    assert port.play("ask_name", "0*9", barge_in=True) == SPEECH
    path = tmp_path / "name.wav"
    port.record(path, "#0*9", speaking=True)
    assert speech_seconds(path) == pytest.approx(2.0, abs=0.06)


def test_a_cough_does_not_stop_a_question(call: tuple[MediaCallPort, Asterisk]) -> None:
    port, asterisk = call
    asterisk.go(silence(0.5) + speech(0.1) + silence(3.0))
    assert port.play("ask_name", "", barge_in=True) == ""  # played to the end
    assert asterisk.prompt_heard_until() > 2.9


def test_keys_during_a_prompt_stop_it_and_others_are_dropped(
    call: tuple[MediaCallPort, Asterisk],
) -> None:
    port, asterisk = call
    asterisk.go(keys={0.3: "5", 0.6: "*"})
    started = time.monotonic()
    assert port.play("ask_name", "0*9", barge_in=True) == "*"
    assert time.monotonic() - started < 1.0
    assert port.wait_digit(200) == ""  # the 5 was not an escape key: gone


def test_an_answer_after_the_beep_ends_when_the_caller_stops(
    call: tuple[MediaCallPort, Asterisk], tmp_path: Path
) -> None:
    port, asterisk = call
    asterisk.go(silence(0.8) + speech(1.0) + silence(1.5))  # a line that keeps sending
    recording = port.record(tmp_path / "need.wav", "#")
    assert recording.ended_by == "silence"
    assert speech_seconds(tmp_path / "need.wav") == pytest.approx(1.0, abs=0.04)
    ended = recording.speech_end
    assert ended is not None and ended - asterisk.t0 == pytest.approx(1.8, abs=0.1)


def test_nothing_said_is_a_recording_of_silence_after_the_no_input_time(
    call: tuple[MediaCallPort, Asterisk], tmp_path: Path
) -> None:
    port, asterisk = call
    asterisk.go()  # a Local channel that sends no frames at all
    recording = port.record(tmp_path / "name.wav", "#")
    assert recording.ended_by == "silence" and recording.saved
    assert recording.speech_end is None
    assert recording.duration_seconds == pytest.approx(RULES.no_input_seconds, abs=0.15)


def test_a_caller_resuming_as_the_next_prompt_starts_continues_the_same_recording(
    call: tuple[MediaCallPort, Asterisk], tmp_path: Path
) -> None:
    port, asterisk = call
    first, second = speech(0.8), speech(0.9)
    # After the beep: 0.3 s, the first part, a pause of 1.2 s, the second part.
    asterisk.go(silence(0.55) + first + silence(1.2) + second + silence(1.5))
    path = tmp_path / "address.wav"
    recording = port.record(path, "#")
    assert recording.ended_by == "silence"  # the pause looked like the end...
    resume_until = time.monotonic() + 0.8
    assert port.play("ask_name", "0", resume_until=resume_until) == RESUMED  # ...it was not
    recording = port.record(path, "#", resume=True)
    assert recording.ended_by == "silence"
    # both parts, one answer (one part alone is 0.8 or 0.9 s; a loaded machine has measured
    # 1.76 s of voice in it)
    assert speech_seconds(path) == pytest.approx(1.7, abs=0.15)
    assert recording.duration_seconds > 0.8 + 1.2 + 0.9


def test_speech_after_the_window_does_not_continue_an_answer(
    call: tuple[MediaCallPort, Asterisk], tmp_path: Path
) -> None:
    port, asterisk = call
    asterisk.go(silence(0.55) + speech(0.8) + silence(2.5) + speech(0.8) + silence(1.0))
    port.record(tmp_path / "name.wav", "#")
    assert port.play("ask_name", "0", resume_until=time.monotonic() + 0.5) == ""


def test_a_hang_up_during_a_prompt_or_an_answer(
    call: tuple[MediaCallPort, Asterisk], tmp_path: Path
) -> None:
    port, asterisk = call
    asterisk.hang_up_at = 1.5
    asterisk.go(silence(0.3) + speech(3.0))
    recording = port.record(tmp_path / "name.wav", "#")
    assert recording.ended_by == "hangup" and recording.saved
    assert (tmp_path / "name.wav").is_file()
    with pytest.raises(AgiHangup):
        port.play("ask_name", "0")


def test_numbers_are_read_in_groups() -> None:
    assert digit_groups("0912345678") == ["0912", "345", "678"]
    assert digit_groups("0000018") == ["000", "0018"]
    assert digit_groups("12345") == ["123", "45"]
    assert digit_groups("000 0018") == ["000", "0018"]
