"""One call's AGI session: pyst2's ``AGI`` wrapped, with its known flaws fixed.

pyst2 0.5.1 does the I/O; :class:`_Pyst2Agi` overrides what it gets wrong:

- ``__init__`` installs a SIGHUP handler (``ValueError`` off the main thread, where FastAGI
  calls run) and writes ``sys.argv`` and the environment, caller ID included, to stderr: ours
  sets no signal and sends pyst2's stderr to a DEBUG logger;
- ``_quote`` escapes nothing, and ``stream_file`` does not quote at all: ours escapes (see
  :func:`~callbot.pbx.agi_protocol.quote`) and refuses CR/LF/NUL;
- ``get_result`` chokes on FastAGI's asynchronous ``HANGUP`` line and on end of stream: ours
  skips the notification (remembering it), drains ``520-`` usage blocks and maps every way a
  call can end to :class:`~callbot.errors.AgiHangup`;
- ``record_file`` drops ``endpos`` and always sends a beep: :meth:`AgiChannel.record_file`.

Routes only ever see :class:`AgiChannel`. pyst2's own per-command helpers are not used.

Hangups. Asterisk tells us in three ways: a reply (``200 result=-1``, ``(hangup)``), a ``511``
for a command not allowed on a dead channel, or the ``HANGUP`` line sent before the next reply.
``result=-1`` alone is ambiguous (a missing prompt file gives it too), so on ``-1`` we send a
``NOOP``: Asterisk notices the hangup right after the failed command and sends ``HANGUP`` before
reading the next one. AgiHangup is raised once, when we first learn of the hangup; afterwards
the commands Asterisk allows on a dead channel (GET/SET VARIABLE, VERBOSE, EXEC) still work and
the others raise AgiHangup again (511).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import NoReturn, Protocol

from asterisk.agi import AGI

from callbot.errors import AgiError, AgiHangup, AgiProtocolError
from callbot.pbx.agi_protocol import (
    HANGUP_LINE,
    AgiResult,
    build_command,
    dtmf_result,
    endpos_samples,
    is_interim,
    is_usage_end,
    is_usage_start,
    parse_result,
    quote,
)

logger = logging.getLogger(__name__)
# Every command and reply, caller data included: DEBUG only.
_wire = logging.getLogger(__name__ + ".wire")

_MAX_USAGE_LINES = 200


class ByteReader(Protocol):
    """What the channel reads replies from (a socket's ``makefile("rb")``, a BinaryIO)."""

    def readline(self, size: int = -1, /) -> bytes:
        """One line, at most ``size`` bytes (-1: no limit); b"" at end of stream."""
        ...


class ByteWriter(Protocol):
    """What the channel writes commands to."""

    def write(self, data: bytes, /) -> int:
        """Write ``data``; returns how many bytes were written."""
        ...

    def flush(self) -> None:
        """Push what was written to Asterisk."""
        ...


@dataclass(frozen=True)
class RecordResult:
    """How a RECORD FILE ended.

    ``reason`` is "dtmf" (``digit`` pressed), "timeout" (silence or maximum length: Asterisk
    says ``(timeout)`` for both) or "hangup" (the caller hung up; the partial file is kept).
    ``endpos`` is the length recorded, in samples (8000 a second for ``wav``).
    """

    digit: str
    endpos: int
    reason: str


class _DebugWriter:
    """Stands in for pyst2's stderr: whatever it writes goes to the DEBUG wire log."""

    def write(self, text: str) -> int:
        if text.strip():
            _wire.debug("pyst2: %s", text.rstrip())
        return len(text)

    def flush(self) -> None:
        """Nothing is buffered."""


class _Pyst2Agi(AGI):  # type: ignore[misc]  # pyst2 ships no type hints
    """pyst2's AGI over a FastAGI socket, fixed (see the module docstring)."""

    def __init__(self, rfile: ByteReader, wfile: ByteWriter, env: dict[str, str]) -> None:
        # AGI.__init__ is not called on purpose: it installs a SIGHUP handler, writes caller
        # data to stderr and reads the environment itself (the server has already read it).
        self.stdin = rfile
        self.stdout = wfile
        self.stderr = _DebugWriter()
        self._got_sighup = False
        self.env = env
        self.hung_up = False

    def _quote(self, string: str | int | float) -> str:
        return quote(string)

    def send_command(self, command: str, *args: str | int | float) -> None:
        line = build_command(command, *args)
        _wire.debug("AGI >> %s", line.rstrip("\n"))
        try:
            self.stdout.write(line.encode("utf-8"))
            self.stdout.flush()
        except ConnectionError as exc:  # broken pipe, connection reset or aborted
            self.hung_up = True
            raise AgiHangup("Asterisk closed the AGI connection") from exc

    def get_result(self, stdin: object = None) -> AgiResult:
        """Read the reply to the command just sent (``stdin`` is pyst2's unused parameter)."""
        learned_hangup = False
        while True:
            line = self._read_line()
            if line == HANGUP_LINE:
                learned_hangup = learned_hangup or not self.hung_up
                self.hung_up = True
                continue
            if is_interim(line):  # GOSUB's "100 result=0 Trying...": the reply follows
                continue
            if is_usage_start(line):
                self._drain_usage()
                raise AgiProtocolError("Asterisk rejected the AGI command syntax (520)")
            try:
                result = parse_result(line)
            except AgiHangup:
                self.hung_up = True
                raise
            if learned_hangup:
                raise AgiHangup("the channel hung up")
            return result

    def _read_line(self) -> str:
        try:
            raw = self.stdin.readline()
        except ConnectionError as exc:
            self.hung_up = True
            raise AgiHangup("the AGI connection was reset") from exc
        if not raw:
            self.hung_up = True
            raise AgiHangup("Asterisk closed the AGI connection")
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        _wire.debug("AGI << %s", line)
        return line

    def _drain_usage(self) -> None:
        for _ in range(_MAX_USAGE_LINES):
            if is_usage_end(self._read_line()):
                return
        raise AgiProtocolError("520 usage block did not end")


class AgiChannel:
    """One call as the routes see it. Not thread-safe: one call, one thread.

    Identity and caller data come from the AGI environment; ``caller_number`` and
    ``caller_name`` are raw and may be hostile (log them at DEBUG only, sanitize before use).
    """

    def __init__(self, rfile: ByteReader, wfile: ByteWriter, env: dict[str, str]) -> None:
        self.env: dict[str, str] = dict(env)
        self._agi = _Pyst2Agi(rfile, wfile, self.env)

    # --- identity -------------------------------------------------------------------------

    @property
    def uniqueid(self) -> str:
        """Asterisk's ``agi_uniqueid`` (e.g. ``1627800000.42``)."""
        return self.env.get("agi_uniqueid", "")

    @property
    def script(self) -> str:
        """``agi_network_script`` without a leading "/" or a "?query": ``callbot?x=1`` → callbot."""
        return self.env.get("agi_network_script", "").split("?", 1)[0].lstrip("/")

    @property
    def args(self) -> list[str]:
        """The ``AGI(agi://host/script,arg1,arg2)`` arguments, ``agi_arg_1`` onwards."""
        values: list[str] = []
        while (value := self.env.get(f"agi_arg_{len(values) + 1}")) is not None:
            values.append(value)
        return values

    @property
    def caller_number(self) -> str:
        """``agi_callerid`` as sent (``unknown`` when withheld). Untrusted."""
        return self.env.get("agi_callerid", "")

    @property
    def caller_name(self) -> str:
        """``agi_calleridname`` as sent. Untrusted."""
        return self.env.get("agi_calleridname", "")

    @property
    def hung_up(self) -> bool:
        """True once we know the channel hung up (or the connection closed)."""
        return bool(self._agi.hung_up)

    # --- commands -------------------------------------------------------------------------

    def answer(self) -> None:
        """ANSWER the channel (``200 result=0``)."""
        if self._execute("ANSWER").result == "-1":
            self._fail("ANSWER")

    def hangup(self) -> None:
        """HANGUP the channel. Does nothing if it is already gone."""
        if self.hung_up:
            return
        with contextlib.suppress(AgiHangup):
            self._execute("HANGUP")
        self._agi.hung_up = True

    def stream_file(self, path: str, escape_digits: str = "") -> str:
        """Play ``path`` (no extension); return the escape digit pressed, or "".

        ``STREAM FILE "path" "#"`` → ``200 result=35 endpos=4000`` gives "#". A missing file
        (``result=-1`` on a live channel) raises AgiError; a hangup raises AgiHangup.
        """
        result = self._execute("STREAM FILE", quote(path), quote(escape_digits))
        if result.result == "-1":
            self._fail(f"STREAM FILE {path!r}")
        return dtmf_result(result.result)

    def record_file(  # noqa: PLR0917  # the routes' agreed signature
        self,
        path: str,
        fmt: str = "wav",
        escape_digits: str = "#",
        max_ms: int = 30000,
        silence_s: int | None = None,
        beep: bool = False,
    ) -> RecordResult:
        """Record the caller to ``path.fmt`` until an escape digit, ``silence_s`` seconds of
        silence (whole seconds, counted from the start), ``max_ms``, or a hangup.

        Sends ``RECORD FILE "path" "wav" "#" 30000 [0 [BEEP] [s=3]]``: the offset 0 is given
        whenever later arguments follow, and the beep is the literal ``BEEP`` (Asterisk takes
        any later argument containing "s" as the silence setting). A hangup is returned, not
        raised, so the caller can keep the partial recording; ``hung_up`` is then True.
        Raises AgiError if Asterisk cannot write the file.
        """
        if silence_s is not None and silence_s < 1:
            raise AgiError(f"RECORD FILE silence must be at least 1 whole second, not {silence_s}")
        args = [quote(path), quote(fmt), quote(escape_digits), str(int(max_ms))]
        tail = (["BEEP"] if beep else []) + ([f"s={int(silence_s)}"] if silence_s else [])
        if tail:
            args += ["0", *tail]
        result = self._execute("RECORD FILE", *args)
        endpos = endpos_samples(result.extras.get("endpos"))
        reason = result.data
        if reason == "dtmf":
            return RecordResult(dtmf_result(result.result), endpos, "dtmf")
        if reason == "timeout":
            # result= is the return value of Asterisk's last wait there, not a digit.
            return RecordResult("", endpos, "timeout")
        if reason == "hangup":
            self._agi.hung_up = True
            return RecordResult("", endpos, "hangup")
        if reason == "writefile":
            raise AgiError(
                f"Asterisk cannot write recording {path!r} as {fmt}: check the directory exists"
                " and is writable by Asterisk"
            )
        if reason == "randomerror" and result.result not in ("", "0", "-1"):
            # A digit pressed during the beep: nothing was recorded.
            return RecordResult(dtmf_result(result.result), endpos, "dtmf")
        if result.result == "-1":
            if self._probe_hangup():
                return RecordResult("", endpos, "hangup")
            raise AgiError(f"RECORD FILE {path!r} failed ({reason or 'no reason given'})")
        raise AgiProtocolError(f"unexpected RECORD FILE reply (result {result.result[:12]!r})")

    def get_variable(self, name: str) -> str:
        """GET VARIABLE ``name`` (a function such as ``CALLERID(num)`` works); "" when unset.

        ``200 result=1 (value)`` → value, ``200 result=0`` → "". A value containing a newline
        cannot be read over AGI (Asterisk would send it as two lines).
        """
        result = self._execute("GET VARIABLE", quote(name))
        if result.result == "1":
            return result.data or ""
        if result.result == "0":
            return ""
        raise AgiProtocolError(f"unexpected GET VARIABLE result {result.result[:12]!r}")

    def set_variable(self, name: str, value: str) -> None:
        """SET VARIABLE ``name`` ``value``, both quoted and escaped.

        CR, LF or NUL in either raises AgiInjectionError: run caller data through
        :func:`~callbot.pbx.agi_protocol.sanitize_for_agi` first.
        """
        self._execute("SET VARIABLE", quote(name), quote(value))

    def exec_app(self, app: str, *args: str) -> str:
        """EXEC a dialplan application; return its result as a string ("0" usually).

        ``exec_app("Playback", "beep", "noanswer")`` sends ``EXEC "Playback" "beep,noanswer"``.
        The application parses that string again (commas separate, quotes and backslashes
        count): never pass caller data here. An unknown application (``-2``) raises AgiError;
        ``-1`` raises AgiHangup if the channel hung up and is returned otherwise.
        """
        command = [quote(app)]
        if args:
            command.append(quote(",".join(args)))
        result = self._execute("EXEC", *command)
        if result.result == "-2":
            raise AgiError(f"Asterisk has no application {app!r} (is its module loaded?)")
        if result.result == "-1" and self._probe_hangup():
            raise AgiHangup(f"the channel hung up during {app}")
        return result.result

    def start_app(self, app: str, *args: str) -> None:
        """EXEC an application that runs while this thread does other work (AudioSocket, whose
        stream the call then uses): the command is sent, :meth:`finish_app` reads its result
        once it returns. No other command may be sent in between."""
        self._agi.send_command("EXEC", quote(app), *([quote(",".join(args))] if args else []))

    def finish_app(self) -> str:
        """The result of :meth:`start_app`'s application ("0" usually); AgiHangup on hangup."""
        result: AgiResult = self._agi.get_result()
        if result.result == "-1" and self._probe_hangup():
            raise AgiHangup("the channel hung up during the application")
        return result.result

    def gosub(self, context: str, exten: str, priority: str = "1") -> None:
        """GOSUB a dialplan subroutine (it ends with ``Return()``) and come back here.

        ``GOSUB "ctx" "s" "1"`` → ``200 result=0 Gosub complete``. Channel variables the
        subroutine sets (``DIALSTATUS`` after a ``Dial``) are then readable. A hangup during it
        raises AgiHangup; :meth:`get_variable` still works afterwards (the channel's variables
        outlive it while the AGI runs).
        """
        result = self._execute("GOSUB", quote(context), quote(exten), quote(priority))
        if result.result != "0":
            self._fail(f"GOSUB {context},{exten},{priority}")

    def wait_for_digit(self, timeout_ms: int) -> str:
        """WAIT FOR DIGIT up to ``timeout_ms`` (-1: forever); the digit, or "" on timeout."""
        result = self._execute("WAIT FOR DIGIT", int(timeout_ms))
        if result.result == "-1":
            self._fail("WAIT FOR DIGIT")
        return dtmf_result(result.result)

    def verbose(self, msg: str) -> None:
        """Write ``msg`` to the Asterisk console (VERBOSE level 1). CR/LF raise as for
        :meth:`set_variable`."""
        self._execute("VERBOSE", quote(msg), 1)

    # --- internals ------------------------------------------------------------------------

    def _execute(self, command: str, *args: str | int) -> AgiResult:
        result: AgiResult = self._agi.execute(command, *args)
        return result

    def _probe_hangup(self) -> bool:
        """After a ``result=-1``: did the channel hang up? A NOOP tells (see module docstring)."""
        if self.hung_up:
            return True
        try:
            self._execute("NOOP")
        except AgiHangup:
            return True
        return self.hung_up

    def _fail(self, what: str) -> NoReturn:
        if self._probe_hangup():
            raise AgiHangup(f"the channel hung up during {what}")
        raise AgiError(f"{what} failed (result=-1) on a live channel")
