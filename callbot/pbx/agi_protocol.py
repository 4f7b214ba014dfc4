"""The AGI wire format as pure functions: parse what Asterisk sends, build what we send.

No I/O here (like panoramisk's ``parse_agi_result``): lines in, values out. The rules come from
Asterisk's ``res/res_agi.c``:

- ``setup_env`` sends ``agi_xxx: value`` lines and ends them with a blank line. FastAGI puts
  ``agi_network`` and ``agi_network_script`` first, before any caller data.
- ``parse_args`` splits a command line on spaces and tabs; double quotes group words, a
  backslash makes the next character literal (so ``\\"`` is a quote, ``\\\\`` a backslash).
  A newline ends the command: CR/LF inside a value would inject a second command.
- ``run_agi`` reads a command into ``char buf[AGI_BUF_LEN]`` (2048): a longer line is cut and
  its tail runs as a second command, so overlong lines are an injection too.
- Every command is answered by one line (``200 result=...``, ``510``, ``511``) except the
  ``520-`` usage block, which ends with a ``520 `` line. On FastAGI, ``HANGUP`` arrives on its
  own line, between replies, when the channel hangs up.

The wire examples below were checked against Asterisk 22 (Debian sid) over FastAGI.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from callbot.errors import AgiError, AgiHangup, AgiInjectionError, AgiProtocolError

#: The line Asterisk sends on a FastAGI socket when the channel hangs up.
HANGUP_LINE = "HANGUP"

#: Longest command line Asterisk reads whole, newline included (``AGI_BUF_LEN`` 2048 minus NUL).
MAX_COMMAND_BYTES = 2047

_FORBIDDEN = {"\r": "CR", "\n": "LF", "\x00": "NUL"}
_CODE = re.compile(r"(\d{3})(?:[ -]|$)")
# Greedy data: a GET VARIABLE value may itself contain ") key=value"; Asterisk always closes
# it with the last ")" of the line, and RECORD FILE's extras follow that last ")".
# A few commands end with a plain message instead: GOSUB's "200 result=0 Gosub complete",
# followed by a note of app_stack's on some exits.
_RESULT = re.compile(
    r"200 result=(?P<result>\S*)(?: \((?P<data>.*)\))?(?P<extras>(?: [^\s=()]+=\S*)*)"
    r"(?: (?P<message>[A-Za-z][^=]*))?"
)
_EXTRA = re.compile(r" ([^\s=()]+)=(\S*)")


@dataclass(frozen=True)
class AgiResult:
    """One ``200`` reply: ``200 result=35 (dtmf) endpos=8000`` → result "35", data "dtmf",
    extras {"endpos": "8000"}. ``data`` is None when the line has no parentheses."""

    code: int
    result: str
    data: str | None = None
    extras: dict[str, str] = field(default_factory=dict)


def parse_env_block(lines: Iterable[bytes]) -> dict[str, str]:
    """Read the ``agi_xxx: value`` lines up to the blank line that ends them.

    Wire examples (from a FastAGI connection)::

        agi_network: yes
        agi_network_script: callbot?lang=vi
        agi_request: agi://127.0.0.1:4573/callbot?lang=vi
        agi_uniqueid: 1627800000.42
        agi_callerid: 0909123456
        agi_calleridname: Nguy\\xe1\\xbb\\x85n         (UTF-8, or any bytes at all)
        agi_arg_1: a: b                           (value "a: b": split on the first ": ")
        agi_rdnis: unknown
        <blank line>

    Values are decoded as UTF-8 with ``errors="replace"`` (caller IDs may be any bytes) and kept
    raw, spaces included. A key seen twice keeps its first value, so a caller name that smuggles
    a newline cannot override ``agi_network_script`` or ``agi_uniqueid`` (sent before it).
    Lines without a colon are ignored. Consumes the iterable only up to the blank line.

    Raises AgiProtocolError if the lines end before the blank line.
    """
    env: dict[str, str] = {}
    for raw in lines:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not line:
            return env
        key, sep, value = line.partition(": ")
        if not sep:
            key, sep, value = line.partition(":")
            if not sep:
                continue
        key = key.strip()
        if key and key not in env:
            env[key] = value
    raise AgiProtocolError("the AGI environment ended before its blank line (connection closed?)")


def is_usage_start(line: str) -> bool:
    """True for the first line of a multi-line 520 reply: ``520-Invalid command syntax.  Proper
    usage follows:``. The caller must read up to the line where :func:`is_usage_end` is true."""
    return line.startswith("520-")


def is_usage_end(line: str) -> bool:
    """True for the last line of a 520 usage block: ``520 End of proper usage.``"""
    return line.startswith("520 ")


def is_interim(line: str) -> bool:
    """A ``100`` line: Asterisk is still working on the command, its reply follows.

    ``GOSUB`` answers ``100 result=0 Trying...`` before running the subroutine, then
    ``200 result=0 Gosub complete`` once it returns.
    """
    return line.startswith("100 ")


def parse_result(line: str) -> AgiResult:
    """Parse one reply line (trailing newline allowed).

    Wire cases::

        200 result=0                              → AgiResult(200, "0", None, {})
        200 result=1 (some value with spaces)     → data "some value with spaces"
        200 result=1 (a (b) c)                    → data "a (b) c" (up to the last ")")
        200 result=35 (dtmf) endpos=8000          → result "35", data "dtmf", extras endpos
        200 result=-1 (hangup) endpos=4000        → returned as is: the caller decides
        200 result=0 endpos=12345                 → STREAM FILE: extras only
        200 result= (timeout)                     → result "" (GET DATA, no digit)
        200 result=-1 (randomerror) endpos=0      → RECORD FILE: the beep failed or was cut
        200 result=-1 (writefile)                 → RECORD FILE: cannot create the file
        100 result=0 Trying...                    → not a reply: see :func:`is_interim`
        200 result=0 Gosub complete               → GOSUB: data "Gosub complete"
        HANGUP                                    → AgiHangup
        511 Command Not Permitted on a dead channel or intercept routine   → AgiHangup
        510 Invalid or unknown command            → AgiProtocolError
        520 Invalid command syntax.  Proper usage not available.    → AgiProtocolError
        520-Invalid command syntax.  Proper usage follows:          → AgiProtocolError
        (empty line or end of stream), garbage    → AgiProtocolError

    The ``520-`` block spans several lines: the caller drains it (see :func:`is_usage_start`).
    """
    text = line.rstrip("\r\n")
    if not text:
        raise AgiProtocolError("empty reply from Asterisk (end of stream?)")
    if text == HANGUP_LINE:
        raise AgiHangup("Asterisk reported that the channel hung up")
    code = _CODE.match(text)
    if code is not None and code.group(1) != "200":
        number = code.group(1)
        if number == "511":
            raise AgiHangup("command not permitted: the channel is dead (511)")
        if number == "510":
            raise AgiProtocolError("Asterisk does not know this AGI command (510)")
        if number == "520":
            raise AgiProtocolError("Asterisk rejected the AGI command syntax (520)")
        raise AgiProtocolError(f"unexpected AGI reply code {number}")
    match = _RESULT.fullmatch(text)
    if match is None:
        # The start of the line only: enough to recognise it, too short to carry a caller's words.
        raise AgiProtocolError(f"unexpected AGI reply {text[:24]!r}")
    extras = dict(_EXTRA.findall(match.group("extras")))
    data = match.group("data")
    return AgiResult(
        200, match.group("result"), data if data is not None else match.group("message"), extras
    )


def _check_line_safe(text: str) -> None:
    for char, name in _FORBIDDEN.items():
        position = text.find(char)
        if position >= 0:
            raise AgiInjectionError(
                f"AGI argument contains {name} at offset {position}, which would end the command"
                " and inject another: sanitize caller data first (sanitize_for_agi)"
            )


def quote(value: str | int | float) -> str:
    """Make ``value`` one AGI argument: wrap it in double quotes, escape ``\\`` and ``"``.

    ``quote('say "hi" C:\\\\x')`` → ``"say \\"hi\\" C:\\\\\\\\x"``; ``quote(3000)`` → ``"3000"``.
    Raises AgiInjectionError if the value contains CR, LF or NUL (nothing can escape them).
    """
    text = value if isinstance(value, str) else str(value)
    _check_line_safe(text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_command(name: str, *args: str | int | float) -> str:
    """The full command line, ending in ``"\\n"``: ``build_command("WAIT FOR DIGIT", 5000)`` →
    ``"WAIT FOR DIGIT 5000\\n"``.

    Arguments are joined as given: quote values yourself with :func:`quote`. The whole line is
    checked: CR, LF or NUL anywhere, or a line longer than Asterisk's buffer
    (:data:`MAX_COMMAND_BYTES` in UTF-8), raises AgiInjectionError.
    """
    _check_line_safe(name)
    command = name.strip()
    if not command:
        raise AgiError("empty AGI command name")
    line = " ".join([command, *(str(arg) for arg in args)])
    _check_line_safe(line)
    size = len(line.encode("utf-8")) + 1
    if size > MAX_COMMAND_BYTES:
        raise AgiInjectionError(
            f"AGI command {command} is {size} bytes; Asterisk reads at most {MAX_COMMAND_BYTES}"
            " and would run the rest as another command: shorten the value"
        )
    return line + "\n"


_LINE_BREAKS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029")


def sanitize_for_agi(text: str, max_len: int = 200) -> str:
    """Caller-derived text made safe for one AGI argument (SET VARIABLE, VERBOSE).

    Line breaks and tabs become spaces, other control and format characters (Unicode category
    C: NUL, ESC, zero-width marks, unassigned code points) are removed, runs of whitespace
    collapse to one space, and the result is stripped and cut to ``max_len`` characters.
    Letters, digits, punctuation and Vietnamese diacritics are kept: quoting still applies.
    ``sanitize_for_agi("Nguyễn\\r\\nVăn\\x00 Bảy")`` → ``"Nguyễn Văn Bảy"``.
    """
    kept: list[str] = []
    for char in text:
        if char in _LINE_BREAKS:
            kept.append(" ")
        elif not unicodedata.category(char).startswith("C"):
            kept.append(char)
    collapsed = " ".join("".join(kept).split())
    return collapsed[: max(max_len, 0)].rstrip()


def dtmf_result(result: str) -> str:
    """A DTMF result as the digit: ``"0"`` or ``""`` → no digit, ``"35"`` → ``"#"``."""
    if result in ("", "0"):
        return ""
    try:
        return chr(int(result))
    except (ValueError, OverflowError):
        raise AgiProtocolError(f"AGI result {result[:12]!r} is not a DTMF digit") from None


def endpos_samples(value: str | None) -> int:
    """An ``endpos=`` value as a sample count (0 when absent)."""
    if not value:
        return 0
    try:
        return int(value)
    except ValueError:
        raise AgiProtocolError(f"AGI endpos {value[:12]!r} is not a number") from None
