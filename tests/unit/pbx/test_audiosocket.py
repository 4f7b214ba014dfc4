"""AudioSocket: the wire format (pure) and the server's streams over loopback sockets.

Asterisk's side is played by a plain socket here; the real Asterisk runs the same code in
tests/integration/test_barge_in.py.
"""

from __future__ import annotations

import socket
import struct
import time
import uuid

import pytest

from callbot.errors import AgiProtocolError
from callbot.pbx import audiosocket
from callbot.pbx.audiosocket import MediaServer
from callbot.pbx.audiosocket_protocol import (
    HANGUP,
    KIND_AUDIO,
    KIND_DTMF,
    KIND_UUID,
    Decoder,
    Message,
    audio_frames,
    dtmf_digit,
    encode,
    parse_uuid,
)

STREAM_ID = "0f8b3c4e-5a6d-4e7f-8a9b-0c1d2e3f4a5b"


def test_messages_on_the_wire() -> None:
    assert encode(KIND_DTMF, b"5") == b"\x03\x00\x015"
    assert HANGUP == b"\x00\x00\x00"
    frames = list(audio_frames(b"\x01\x00" * 200))  # 400 bytes: one frame and a padded one
    assert [len(f) for f in frames] == [323, 323]
    assert frames[0][:3] == b"\x10\x01\x40" and frames[1].endswith(b"\x00" * 240)
    with pytest.raises(ValueError, match="65535"):
        encode(KIND_AUDIO, b"\x00" * 70000)


def test_the_decoder_cuts_a_byte_stream_into_messages_whatever_the_chunks() -> None:
    wire = encode(KIND_UUID, uuid.UUID(STREAM_ID).bytes) + encode(KIND_DTMF, b"#") + HANGUP
    decoder = Decoder()
    messages = [m for i in range(len(wire)) for m in decoder.feed(wire[i : i + 1])]
    assert [m.kind for m in messages] == [KIND_UUID, KIND_DTMF, 0]
    assert parse_uuid(messages[0]) == STREAM_ID
    assert dtmf_digit(messages[1]) == "#"
    assert dtmf_digit(Message(KIND_DTMF, b"x")) == ""


def test_a_stream_that_does_not_start_with_its_uuid_is_refused() -> None:
    with pytest.raises(AgiProtocolError, match="UUID"):
        parse_uuid(Message(KIND_AUDIO, b"\x00" * 16))


class FakeAsterisk:
    """The Asterisk end of one AudioSocket connection."""

    def __init__(self, server: MediaServer, stream_id: str) -> None:
        host, port = server.address.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=5)
        self.sock.sendall(encode(KIND_UUID, uuid.UUID(stream_id).bytes))
        self.decoder = Decoder()

    def close(self) -> None:
        self.sock.close()

    def send(self, kind: int, payload: bytes) -> None:
        self.sock.sendall(encode(kind, payload))

    def receive(self, seconds: float) -> list[Message]:
        messages: list[Message] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except TimeoutError:
                break
            if not data:
                break
            messages += self.decoder.feed(data)
        return messages


@pytest.fixture()
def server():  # type: ignore[no-untyped-def]
    media = MediaServer("127.0.0.1", 0)
    media.start()
    yield media
    media.stop()


def test_a_connection_goes_to_the_stream_expecting_its_uuid(server: MediaServer) -> None:
    stream = server.expect()
    asterisk = FakeAsterisk(server, stream.uuid)
    assert stream.wait_connected(2)
    asterisk.send(KIND_DTMF, b"7")
    asterisk.send(KIND_AUDIO, b"\x10\x00" * 160)
    deadline = time.monotonic() + 2
    while (stream.end < 160 or not stream._keys) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert stream.key() == "7" and stream.key() == ""
    assert stream.audio(stream.end - 160, stream.end) == b"\x10\x00" * 160
    assert stream.send(b"\x00" * 320)
    stream.close()
    received = asterisk.receive(1.0)
    assert received[-1].kind == 0  # our hang-up: the application returns, the AGI goes on
    assert stream.closed
    asterisk.close()


def test_an_unknown_stream_is_dropped(server: MediaServer) -> None:
    asterisk = FakeAsterisk(server, str(uuid.uuid4()))
    assert asterisk.sock.recv(10) == b""  # closed at once
    asterisk.close()


def test_silence_is_sent_while_we_play_nothing_and_time_without_frames_is_silence(
    server: MediaServer,
) -> None:
    """AudioSocket gives up after 2 s without a frame either way: the stream keeps it alive.
    And a caller's line that sends no frames is silent, on the stream's timeline."""
    stream = server.expect()
    asterisk = FakeAsterisk(server, stream.uuid)
    assert stream.wait_connected(2)
    kept_alive = asterisk.receive(1.3)
    assert len(kept_alive) >= 2 and all(m.payload == b"\x00" * 320 for m in kept_alive)
    time.sleep(0.5)
    assert stream.catch_up() / 8000 == pytest.approx(1.8, abs=0.2)  # silence, in time
    assert set(stream.audio(0, stream.end)) <= {0}
    stream.close()
    asterisk.close()


def test_a_hang_up_ends_the_stream(server: MediaServer) -> None:
    stream = server.expect()
    asterisk = FakeAsterisk(server, stream.uuid)
    assert stream.wait_connected(2)
    asterisk.close()
    deadline = time.monotonic() + 2
    while not stream.closed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert stream.closed and not stream.send(b"\x00" * 320)
    stream.close()


def test_old_audio_can_be_forgotten() -> None:
    stream = audiosocket.MediaStream(STREAM_ID)
    stream._append(struct.pack("<h", 5) * 800, time.monotonic())
    stream.discard_before(300)
    assert stream.end == 800
    assert stream.audio(0, 400)[:600] == b"\x00" * 600  # forgotten: silence
    assert stream.audio(300, 302) == struct.pack("<hh", 5, 5)
