"""AMI framing, pure: the text of an action out; bytes in, the banner and messages out.

No socket here (as h11 keeps its protocol apart from I/O): :mod:`callbot.pbx.ami_link` writes
what :func:`format_action` gives (:func:`originate_fields` spells out an Originate) and feeds
what it reads to an :class:`AmiReader`, which cuts the stream into the banner and complete
messages, each parsed by :func:`parse_message`. The wire cases are in the docstrings and in
``tests/unit/pbx/test_ami_protocol.py``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from callbot.errors import AmiError

__all__ = [
    "NO_BANNER",
    "AmiReader",
    "Banner",
    "Message",
    "format_action",
    "message_kind",
    "originate_fields",
    "parse_message",
]

NO_BANNER = "no 'Asterisk Call Manager' banner (is this an AMI port?)"

_LINE_BREAKS = ("\r", "\n")
_BANNER = re.compile(r"^Asterisk *Call *Manager/(?P<version>(?:[0-9]+\.)*[0-9]+)", re.IGNORECASE)
_BANNER_MAX = 1024  # bytes without a line break: whatever talks there, it is not AMI
_END = re.compile(rb"\r?\n\r?\n")  # a blank line ends a message (CRLF, LF, or mixed)
_ENCODING = "utf-8"


def format_action(
    name: str, fields: Mapping[str, str], variables: Mapping[str, str] | None = None
) -> str:
    """The wire text of one AMI action, blank line included.

    ``format_action("Ping", {"ActionID": "7"})`` is ``"Action: Ping\\r\\nActionID: 7\\r\\n\\r\\n"``;
    each variable becomes a ``Variable: name=value`` header. Raises :class:`AmiError` when a
    name or value contains CR or LF (it would inject headers), or a key is malformed.
    """
    if not name or _has_line_break(name) or ":" in name:
        raise AmiError(f"AMI action name {name!r} is not valid")
    lines = [f"Action: {name}"]
    for key, value in fields.items():
        if not key or key != key.strip() or ":" in key or _has_line_break(key):
            raise AmiError(f"AMI action {name}: field name {key!r} is not valid")
        if _has_line_break(value):
            raise AmiError(
                f"AMI action {name}: field {key} contains CR or LF, which would inject AMI "
                "headers; refused"
            )
        lines.append(f"{key}: {value}")
    for var, value in (variables or {}).items():
        if not var or "=" in var or _has_line_break(var):
            raise AmiError(f"AMI action {name}: variable name {var!r} is not valid")
        if _has_line_break(value):
            raise AmiError(
                f"AMI action {name}: variable {var} contains CR or LF, which would inject AMI "
                "headers; refused"
            )
        lines.append(f"Variable: {var}={value}")
    return "\r\n".join(lines) + "\r\n\r\n"


def originate_fields(
    channel: str,
    *,
    application: str | None = None,
    data: str | None = None,
    context: str | None = None,
    exten: str | None = None,
    priority: str = "1",
    caller_id: str | None = None,
    timeout_ms: int = 30000,
    async_: bool = True,
    action_id: str | None = None,
) -> dict[str, str]:
    """The fields of an Originate action, to an application or to a dialplan place.

    ``originate_fields("PJSIP/op1", application="Playback", data="beep")`` is ``{"Channel":
    "PJSIP/op1", "Timeout": "30000", "Async": "true", "Application": "Playback", "Data":
    "beep"}``; with ``context=`` and ``exten=`` instead, ``Context``, ``Exten`` and ``Priority``.
    Raises :class:`AmiError` when both kinds of target, or neither, are given.
    """
    if application is not None and (context is not None or exten is not None):
        raise AmiError("originate: give application= or context=/exten=, not both")
    if application is None and (context is None or exten is None):
        raise AmiError("originate: needs application=, or both context= and exten=")
    fields = {
        "Channel": channel,
        "Timeout": str(timeout_ms),
        "Async": "true" if async_ else "false",
    }
    if action_id is not None:
        fields["ActionID"] = action_id
    if application is not None:
        fields["Application"] = application
        if data is not None:
            fields["Data"] = data
    else:
        fields.update(Context=str(context), Exten=str(exten), Priority=priority)
    if caller_id is not None:
        fields["CallerID"] = caller_id
    return fields


def parse_message(text: str) -> dict[str, str]:
    """The fields of one AMI message (a Response or an Event) in wire order.

    ``"Event: QueueMemberStatus\\r\\nQueue: hotline-1022\\r\\nStatus: 2"`` gives
    ``{"Event": "QueueMemberStatus", "Queue": "hotline-1022", "Status": "2"}``. Values are
    stripped (``"PausedReason: "`` gives ``""``); a repeated key (``ChanVariable``, ``Output``)
    keeps every value, joined with ``"\\n"``; a line without a key (old ``Command`` output,
    ``--END COMMAND--``) is added to ``Output``.
    """
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or not key or " " in key:
            key, value = "Output", line
        value = value.strip()
        fields[key] = f"{fields[key]}\n{value}" if key in fields else value
    return fields


def message_kind(fields: Mapping[str, str]) -> str:
    """``"response"``, ``"event"`` or ``""``: decided by the first header only.

    (An ``OriginateResponse`` event carries a ``Response`` field too.)
    """
    first = next(iter(fields), "").casefold()
    return first if first in ("response", "event") else ""


@dataclass(frozen=True)
class Banner:
    """The greeting line: ``Asterisk Call Manager/9.0.0`` gives ``Banner("9.0.0")``."""

    version: str


@dataclass(frozen=True)
class Message:
    """One complete message, a Response or an Event, its fields as :func:`parse_message` gives."""

    fields: dict[str, str]


class AmiReader:
    """Bytes in, in chunks cut anywhere; the banner, then complete messages, out.

    The first line (ended by CRLF or LF) must be the banner::

        >>> reader = AmiReader()
        >>> reader.feed(b"Asterisk Call Manager/9.0.0\\r\\nResponse: Success\\r\\nPing: Po")
        [Banner(version='9.0.0')]
        >>> reader.feed(b"ng\\r\\n\\r\\n")
        [Message(fields={'Response': 'Success', 'Ping': 'Pong'})]
        >>> reader.feed(b"Event: FullyBooted\\n\\nEvent: Reload\\n\\n")
        [Message(fields={'Event': 'FullyBooted'}), Message(fields={'Event': 'Reload'})]

    Then a blank line ends each message (``\\r\\n\\r\\n``, ``\\n\\n``, or mixed); blank lines
    between messages are skipped. Text is UTF-8, decoded with ``errors="replace"`` (a bad byte
    becomes U+FFFD, never an exception). A first line that is not a banner (``SSH-2.0-...``,
    an HTTP answer), or more than 1 KiB without a line break before it, raises
    :class:`AmiError` with :data:`NO_BANNER`.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._scanned = 0  # the buffer holds no message end before this offset
        self.greeted = False  # the banner has been read

    def feed(self, data: bytes) -> list[Banner | Message]:
        """Take the next bytes; return what they complete (often nothing), in wire order."""
        self._buffer += data
        out: list[Banner | Message] = []
        if not self.greeted:
            banner = self._banner()
            if banner is None:
                return out
            out.append(banner)
        position = self._scanned
        start = 0
        while (end := _END.search(self._buffer, position)) is not None:
            block = bytes(self._buffer[start : end.start()])
            start = position = end.end()
            if block.strip():
                out.append(Message(parse_message(block.decode(_ENCODING, errors="replace"))))
        del self._buffer[:start]
        self._scanned = max(0, len(self._buffer) - 3)  # an end ("\r\n\r\n") may straddle
        return out

    def _banner(self) -> Banner | None:
        newline = self._buffer.find(b"\n")
        if newline < 0:
            if len(self._buffer) > _BANNER_MAX:
                raise AmiError(NO_BANNER)
            return None
        line = bytes(self._buffer[:newline]).rstrip(b"\r").decode(_ENCODING, errors="replace")
        del self._buffer[: newline + 1]
        match = _BANNER.match(line)
        if match is None:
            raise AmiError(NO_BANNER)
        self.greeted = True
        return Banner(match["version"])


def _has_line_break(text: str) -> bool:
    return any(c in text for c in _LINE_BREAKS)
