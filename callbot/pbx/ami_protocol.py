"""AMI message framing, pure: the text of an action out, the fields of a message in.

No socket here (as h11 keeps its protocol apart from I/O): :mod:`callbot.pbx.ami` sends what
:func:`format_action` writes and hands what it receives to :func:`parse_message`. The wire
cases are in the docstrings and in ``tests/unit/test_ami.py``.
"""

from __future__ import annotations

from collections.abc import Mapping

from callbot.errors import AmiError

__all__ = ["format_action", "message_kind", "parse_message"]

_LINE_BREAKS = ("\r", "\n")


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


def _has_line_break(text: str) -> bool:
    return any(c in text for c in _LINE_BREAKS)
