"""The AudioSocket wire format as pure functions: frames in, bytes out (no I/O).

AudioSocket is Asterisk's TCP audio stream (``app_audiosocket``, ``res_audiosocket``; protocol
at docs.asterisk.org, Configuration/Channel-Drivers/AudioSocket). Every message is a 3-byte
header, one byte of kind and a 16-bit big-endian payload length, then the payload:

- ``0x00`` hang-up (no payload): either side ends the stream (closing the socket does too);
- ``0x01`` the stream's UUID, 16 bytes: the first message Asterisk sends, the ``uuid``
  argument of ``AudioSocket(uuid,host:port)``;
- ``0x03`` one DTMF digit, 1 ASCII byte (Asterisk 22 forwards the caller's keys);
- ``0x10`` audio: signed linear 16-bit little-endian, 8 kHz, mono (320 bytes are 20 ms);
- ``0xff`` an error, with an optional code.

Wire examples, as seen on Asterisk 22.10 (Debian) over loopback::

    01 00 10 <16 bytes>          the UUID, first
    10 01 40 <320 bytes>         20 ms of the caller's audio
    03 00 01 35                  the caller pressed 5
    00 00 00                     hang-up (from us: the application returns 0 and the
                                 dialplan, or the AGI that ran it, goes on)
"""

from __future__ import annotations

import struct
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from callbot.errors import AgiProtocolError

KIND_HANGUP = 0x00
KIND_UUID = 0x01
KIND_DTMF = 0x03
KIND_AUDIO = 0x10
KIND_ERROR = 0xFF

RATE = 8000  # samples a second of KIND_AUDIO
FRAME_MS = 20
FRAME_BYTES = RATE * FRAME_MS // 1000 * 2  # 320: one 20 ms frame of 16-bit samples
HEADER = struct.Struct(">BH")
MAX_PAYLOAD = 0xFFFF

HANGUP = HEADER.pack(KIND_HANGUP, 0)


@dataclass(frozen=True)
class Message:
    """One AudioSocket message: its kind and payload."""

    kind: int
    payload: bytes


def encode(kind: int, payload: bytes = b"") -> bytes:
    """One message on the wire: ``encode(KIND_AUDIO, pcm)``. A payload longer than 65535 bytes
    raises ValueError (split audio into frames first)."""
    if len(payload) > MAX_PAYLOAD:
        raise ValueError(f"AudioSocket payload of {len(payload)} bytes is over {MAX_PAYLOAD}")
    return HEADER.pack(kind, len(payload)) + payload


def audio_frames(pcm: bytes, frame_bytes: int = FRAME_BYTES) -> Iterator[bytes]:
    """``pcm`` cut into 20 ms messages (the last one padded with silence)."""
    for start in range(0, len(pcm), frame_bytes):
        chunk = pcm[start : start + frame_bytes]
        if len(chunk) < frame_bytes:
            chunk += b"\x00" * (frame_bytes - len(chunk))
        yield encode(KIND_AUDIO, chunk)


def parse_uuid(message: Message) -> str:
    """The stream's UUID from its first message; AgiProtocolError when it is not one."""
    if message.kind != KIND_UUID or len(message.payload) != 16:
        raise AgiProtocolError(
            f"AudioSocket stream did not start with its UUID (kind {message.kind:#04x}, "
            f"{len(message.payload)} bytes)"
        )
    return str(uuid.UUID(bytes=message.payload))


def dtmf_digit(message: Message) -> str:
    """The digit of a DTMF message (``03 00 01 35`` is "5"); "" when the payload is not one."""
    digit = message.payload[:1].decode("ascii", errors="replace")
    return digit if digit and digit in "0123456789*#ABCD" else ""


class Decoder:
    """Cuts a byte stream into messages: feed what the socket gave, get whole messages."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[Message]:
        """The messages completed by ``data``, in order; a partial one waits for more."""
        self._buffer += data
        messages: list[Message] = []
        while len(self._buffer) >= HEADER.size:
            kind, length = HEADER.unpack_from(self._buffer)
            end = HEADER.size + length
            if len(self._buffer) < end:
                break
            messages.append(Message(kind, bytes(self._buffer[HEADER.size : end])))
            del self._buffer[:end]
        return messages
