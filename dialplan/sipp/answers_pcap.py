#!/usr/bin/env python3
"""Build the RTP capture a SIPp caller plays as its answers (caller.xml, ``-key answers``).

One continuous G.711 A-law RTP stream (payload type 8, 20 ms packets): ``--lead`` seconds of
silence, then each AUDIO followed by ``--gap`` seconds of silence, then ``--tail`` seconds of
silence. The stream never pauses: Asterisk ends an answer by counting silent frames, and a
caller that sends no packets is never "silent", only absent.

SIPp cannot hear the questions, so the answers are placed in time. The callbot (hearing the
call's audio stream) ends an answer 0.7 s after the caller stops speaking, then plays the
next question; speech within that question's first 0.8 s would continue the last answer (a
pause inside it), and no speech within 3 s after a beep (the tests' ``dialog.no_input_seconds``)
is no answer. So each answer must start more than 1.5 s after the last one ended, and less
than 3 s after its beep (or during its question: that is barge-in):

- ``--lead`` (from 1.3 s after the 200 OK, when caller.xml starts this capture): the menu
  starts 0.5 s after the answer, caller.xml presses 2 at 1.0 s, then greeting + first question
  + beep play (1.5 s with the test prompts): the first beep ends at about 2.7 s.
- ``--gap``: 0.7 s of silence ends the answer, then the next question and its beep play
  (about 0.9-1.2 s with the test prompts).

The defaults make each answer start 1.5 s or more after the last and about when its beep ends
with the test prompts (tests/fixtures/prompts-short.toml); longer prompts need a longer lead
and gap.

AUDIO is a WAV file (8 kHz, mono, 16-bit PCM) or a capture of A-law RTP, such as SIPp's own
/usr/share/sip-tester/g711a.pcap, whose payload is reused. Standard library only::

    python3 dialplan/sipp/answers_pcap.py /tmp/answers.pcap name.wav address.wav need.wav
"""

from __future__ import annotations

import argparse
import struct
import sys
import wave
from pathlib import Path

RATE = 8000
PACKET_SAMPLES = 160  # 20 ms
ALAW_SILENCE = 0xD5
PT_PCMA = 8
SSRC = 0x0CA11B07
# Addresses in the capture are placeholders: SIPp replaces them with the call's own.
SRC = (b"\x7f\x00\x00\x01", 6000)
DST = (b"\x7f\x00\x00\x01", 10000)


def alaw_byte(sample: int) -> int:
    """One 16-bit linear sample to G.711 A-law (ITU-T G.711, as in Sun's g711.c)."""
    pcm = sample >> 3  # A-law works on 13 bits
    if pcm >= 0:
        mask = 0xD5
    else:
        mask = 0x55
        pcm = -pcm - 1
    if pcm > 0xFFF:
        return 0x7F ^ mask  # clipped to the largest code
    segment = max(0, pcm.bit_length() - 5)  # 0..7: the chord, from the top bit above bit 4
    shift = 1 if segment < 2 else segment
    return ((segment << 4) | ((pcm >> shift) & 0x0F)) ^ mask


def wav_alaw(path: Path) -> bytes:
    with wave.open(str(path), "rb") as wav:
        if (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) != (RATE, 1, 2):
            sys.exit(f"{path}: need 8 kHz mono 16-bit WAV (sox in.wav -r 8000 -c 1 -b 16 out.wav)")
        frames = wav.readframes(wav.getnframes())
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    table = {}
    return bytes(table.setdefault(s, alaw_byte(s)) for s in samples)


def pcap_alaw(path: Path) -> bytes:
    """The A-law payload of every RTP packet (payload type 8) in a classic pcap file."""
    data = path.read_bytes()
    if data[:4] != b"\xd4\xc3\xb2\xa1" or struct.unpack("<I", data[20:24])[0] != 1:
        sys.exit(f"{path}: need a little-endian Ethernet pcap file")
    out = bytearray()
    offset = 24
    while offset + 16 <= len(data):
        length = struct.unpack("<I", data[offset + 8 : offset + 12])[0]
        frame = data[offset + 16 : offset + 16 + length]
        offset += 16 + length
        rtp = frame[14 + (frame[14] & 0x0F) * 4 + 8 :]
        if len(rtp) > 12 and rtp[0] >> 6 == 2 and rtp[1] & 0x7F == PT_PCMA:
            out += rtp[12:]
    if not out:
        sys.exit(f"{path}: no A-law RTP packets found")
    return bytes(out)


def frame(payload: bytes, seq: int) -> bytes:
    """Ethernet + IPv4 + UDP + RTP around one payload."""
    rtp = struct.pack("!BBHII", 0x80, PT_PCMA, seq & 0xFFFF, seq * PACKET_SAMPLES, SSRC) + payload
    udp = struct.pack("!HHHH", SRC[1], DST[1], 8 + len(rtp), 0) + rtp
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0, SRC[0], DST[0])
    return b"\x00" * 12 + b"\x08\x00" + ip + udp


def write_pcap(path: Path, audio: bytes) -> int:
    """Write ``audio`` (A-law bytes) as 20 ms RTP packets; returns the packet count."""
    audio += bytes([ALAW_SILENCE]) * (-len(audio) % PACKET_SAMPLES)
    count = len(audio) // PACKET_SAMPLES
    with path.open("wb") as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for seq in range(count):
            packet = frame(audio[seq * PACKET_SAMPLES : (seq + 1) * PACKET_SAMPLES], seq)
            usec = seq * 20_000
            out.write(
                struct.pack("<IIII", usec // 1_000_000, usec % 1_000_000, len(packet), len(packet))
            )
            out.write(packet)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the pcap file to write")
    parser.add_argument("audio", type=Path, nargs="+", help="answers: WAV or A-law RTP pcap")
    parser.add_argument("--lead", type=float, default=1.6, help="silence first (s)")
    parser.add_argument("--gap", type=float, default=2.2, help="silence after each answer (s)")
    parser.add_argument("--tail", type=float, default=30.0, help="silence at the end (s)")
    args = parser.parse_args(argv)

    def silence(seconds: float) -> bytes:
        return bytes([ALAW_SILENCE]) * int(seconds * RATE)

    audio = bytearray(silence(args.lead))
    for path in args.audio:
        audio += pcap_alaw(path) if path.suffix == ".pcap" else wav_alaw(path)
        audio += silence(args.gap)
    audio += silence(args.tail)
    count = write_pcap(args.out, bytes(audio))
    print(f"{args.out}: {count} RTP packets, {count * 0.02:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
