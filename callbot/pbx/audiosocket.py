"""The AudioSocket server: each call's audio, both ways, as a stream (the I/O; the wire format
is :mod:`callbot.pbx.audiosocket_protocol`).

A call's AGI script runs ``EXEC AudioSocket(<uuid>,<host:port>)``; Asterisk connects here,
sends the UUID, then the caller's audio and keys as they come, and plays whatever audio we
send, until we send a hang-up or close (the application then returns 0 and the AGI goes on)
or the caller hangs up (the connection closes). :meth:`MediaServer.expect` gives the call a
:class:`MediaStream` for a fresh UUID before the EXEC; the connection is handed to it.

The stream keeps the caller's audio on a timeline aligned with the wall clock: a line that
sends no frames for a while (a Local channel playing nothing; a phone with silence
suppression) is silence for that long, so an answer's recording keeps its pauses and the
endpointer hears silence in time (:meth:`MediaStream.catch_up`).
"""

from __future__ import annotations

import collections
import contextlib
import logging
import socket
import threading
import time
import uuid as uuidlib

from callbot.errors import AgiProtocolError, SetupError
from callbot.pbx.audiosocket_protocol import (
    FRAME_BYTES,
    HANGUP,
    KIND_AUDIO,
    KIND_DTMF,
    KIND_ERROR,
    KIND_HANGUP,
    RATE,
    Decoder,
    Message,
    dtmf_digit,
    encode,
    parse_uuid,
)

log = logging.getLogger(__name__)

FIRST_MESSAGE_TIMEOUT = 3.0  # Asterisk sends the UUID at once
LAG_SECONDS = 0.06  # frames later than this are silence (catch_up)
# AudioSocket gives up after 2 s without a frame either way (a Local channel or a phone with
# silence suppression sends none while the caller is quiet): while we play nothing, a frame
# of silence goes out this often.
KEEPALIVE_SECONDS = 0.5
SILENCE_FRAME = b"\x00" * FRAME_BYTES


class MediaStream:
    """One call's AudioSocket stream: the caller's audio timeline, their keys, and our audio.

    Samples are counted from the stream's start (8,000 a second); :attr:`end` is the number of
    samples received so far (silence included). Thread-safe: a reader thread fills it, the
    call's thread reads and sends.
    """

    def __init__(self, stream_id: str) -> None:
        self.uuid = stream_id
        self._cond = threading.Condition()
        self._sock: socket.socket | None = None
        self._connected = threading.Event()
        self._pcm = bytearray()  # samples from ``_base`` on, 16-bit little-endian
        self._base = 0
        self._t0 = 0.0  # time.monotonic() of sample 0
        self._keys: collections.deque[str] = collections.deque()
        self._closed = False
        self._send_lock = threading.Lock()
        self._sent_at = 0.0  # time.monotonic() of our last frame

    # -- the connection ---------------------------------------------------------------------

    def attach(self, sock: socket.socket, decoder: Decoder, first: list[Message]) -> None:
        """Asterisk connected for this stream (``first``: what came with the UUID): read it
        in a thread of its own."""
        with self._cond:
            self._sock = sock
            self._t0 = time.monotonic()
        for message in first:
            self._take(message)
        self._connected.set()
        name = f"audiosocket-{self.uuid[:8]}"
        threading.Thread(target=self._read, args=(sock, decoder), name=name, daemon=True).start()
        threading.Thread(target=self._keep_alive, name=f"{name}-alive", daemon=True).start()

    def _keep_alive(self) -> None:
        """A frame of silence whenever we have sent nothing for KEEPALIVE_SECONDS."""
        while not self._closed:
            if time.monotonic() - self._sent_at >= KEEPALIVE_SECONDS:
                self.send(SILENCE_FRAME)
            time.sleep(KEEPALIVE_SECONDS / 4)

    def wait_connected(self, timeout: float) -> bool:
        """Whether Asterisk connected within ``timeout`` seconds."""
        return self._connected.wait(timeout)

    @property
    def closed(self) -> bool:
        """True once the caller hung up or either side ended the stream."""
        return self._closed

    def close(self) -> None:
        """End the stream: the AudioSocket application returns and the AGI goes on."""
        sock = self._sock
        with self._cond:
            already = self._closed
            self._closed = True
            self._cond.notify_all()
        if sock is None:
            return
        if not already:
            with self._send_lock, contextlib.suppress(OSError):
                sock.sendall(HANGUP)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def _read(self, sock: socket.socket, decoder: Decoder) -> None:
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                for message in decoder.feed(data):
                    if not self._take(message):
                        return
        except OSError:
            pass
        finally:
            with self._cond:
                self._closed = True
                self._cond.notify_all()

    def _take(self, message: Message) -> bool:
        """Handle one message from Asterisk; False when the stream ends."""
        if message.kind == KIND_AUDIO:
            self._append(message.payload, time.monotonic())
        elif message.kind == KIND_DTMF:
            digit = dtmf_digit(message)
            if digit:
                with self._cond:
                    self._keys.append(digit)
                    self._cond.notify_all()
        elif message.kind in (KIND_HANGUP, KIND_ERROR):
            if message.kind == KIND_ERROR:
                log.warning("AudioSocket error from Asterisk (code %s)", message.payload.hex())
            return False
        return True

    # -- the caller's audio -----------------------------------------------------------------

    def _append(self, pcm: bytes, arrived: float) -> None:
        with self._cond:
            self._pad_to(arrived - len(pcm) / 2 / RATE)
            self._pcm += pcm[: len(pcm) - len(pcm) % 2]
            self._cond.notify_all()

    def _pad_to(self, moment: float) -> None:
        """Silence up to ``moment`` when the timeline lags it by more than LAG_SECONDS."""
        if not self._t0:  # not connected yet: no timeline
            return
        behind = moment - self.time_of(self.end)
        if behind > LAG_SECONDS:
            self._pcm += b"\x00\x00" * int((behind - LAG_SECONDS / 2) * RATE)

    def catch_up(self) -> int:
        """Count the time without frames until now as silence; the samples received so far."""
        with self._cond:
            self._pad_to(time.monotonic())
            return self.end

    @property
    def end(self) -> int:
        """Samples received so far (from the stream's start)."""
        return self._base + len(self._pcm) // 2

    def time_of(self, sample: int) -> float:
        """``time.monotonic()`` at which ``sample`` was spoken."""
        return self._t0 + sample / RATE

    def sample_at(self, moment: float) -> int:
        """The sample spoken at ``moment`` (``time.monotonic()``)."""
        return round((moment - self._t0) * RATE)

    def audio(self, start: int, end: int) -> bytes:
        """The caller's samples ``start`` to ``end`` (what was discarded reads as silence)."""
        with self._cond:
            lead = max(0, self._base - start)
            first = max(start, self._base) - self._base
            last = max(first, min(end, self.end) - self._base)
            return b"\x00\x00" * lead + bytes(self._pcm[first * 2 : last * 2])

    def discard_before(self, sample: int) -> None:
        """Forget the caller's audio before ``sample`` (memory stays bounded)."""
        with self._cond:
            drop = min(len(self._pcm) // 2, sample - self._base)
            if drop > 0:
                del self._pcm[: drop * 2]
                self._base += drop

    def wait(self, timeout: float) -> None:
        """Until new audio or a key arrives, the stream ends, or ``timeout`` seconds pass."""
        with self._cond:
            self._cond.wait(timeout)

    # -- keys and our audio -----------------------------------------------------------------

    def key(self) -> str:
        """The oldest key pressed and not yet taken, or ""."""
        with self._cond:
            return self._keys.popleft() if self._keys else ""

    def send(self, pcm: bytes) -> bool:
        """Send one frame of audio to the caller; False when the stream has ended."""
        sock = self._sock
        if sock is None or self._closed:
            return False
        try:
            with self._send_lock:
                sock.sendall(encode(KIND_AUDIO, pcm))
                self._sent_at = time.monotonic()
        except OSError:
            with self._cond:
                self._closed = True
                self._cond.notify_all()
            return False
        return True


class MediaServer:
    """Listens on ``host:port`` for Asterisk's AudioSocket connections (loopback by default).

    :meth:`expect` before the AGI's EXEC; the connection carrying that UUID goes to that
    stream, any other is closed.
    """

    def __init__(self, host: str, port: int) -> None:
        self._pending: dict[str, MediaStream] = {}
        self._lock = threading.Lock()
        try:
            self._sock = socket.create_server((host, port))
        except OSError as exc:
            raise SetupError(
                f"cannot listen for AudioSocket on {host}:{port}: {exc.strerror or exc}"
                " (change media.host/media.port)"
            ) from exc
        self._closed = False
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> str:
        """``host:port`` as the AudioSocket application takes it."""
        host, port = self._sock.getsockname()[:2]
        return f"{host}:{port}"

    def start(self) -> None:
        """Accept connections in a background thread."""
        self._thread = threading.Thread(target=self._accept, name="audiosocket-accept", daemon=True)
        self._thread.start()
        log.info("AudioSocket listening on %s", self.address)

    def stop(self) -> None:
        """Stop accepting; streams in progress are left to their calls."""
        self._closed = True
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()
        if self._thread is not None:
            self._thread.join(5)

    def expect(self) -> MediaStream:
        """A stream for a new UUID, waiting for Asterisk to connect with it."""
        stream = MediaStream(str(uuidlib.uuid4()))
        with self._lock:
            self._pending[stream.uuid] = stream
        return stream

    def forget(self, stream: MediaStream) -> None:
        """The call no longer waits for ``stream`` (it never connected)."""
        with self._lock:
            self._pending.pop(stream.uuid, None)

    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._hand_over, args=(conn,), daemon=True).start()

    def _hand_over(self, conn: socket.socket) -> None:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        decoder = Decoder()
        try:
            conn.settimeout(FIRST_MESSAGE_TIMEOUT)
            messages: list[Message] = []
            while not messages:
                data = conn.recv(4096)
                if not data:
                    raise AgiProtocolError("AudioSocket connection closed before its UUID")
                messages = decoder.feed(data)
            stream_id = parse_uuid(messages[0])
            conn.settimeout(None)
        except (OSError, AgiProtocolError) as exc:
            log.warning("dropping an AudioSocket connection: %s", exc)
            conn.close()
            return
        with self._lock:
            stream = self._pending.pop(stream_id, None)
        if stream is None:
            log.warning("dropping an AudioSocket connection for an unknown stream")
            conn.close()
            return
        stream.attach(conn, decoder, messages[1:])
