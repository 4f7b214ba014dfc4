"""Caller data as the ticket keeps it: cleaned once, when a :class:`Caller` is made.

Caller IDs arrive from the PBX as whatever the calling network sent: quotes, backslashes,
CR/LF, NUL, 500-character strings, undecodable bytes (as U+FFFD or ``surrogateescape``
surrogates such as ``"\\udcff"``). Three forms are kept:

- :func:`sanitize_caller_number`: ``"+"`` and ASCII digits only, for dialling back;
- :func:`sanitize_caller_name`: readable text for the operators (Vietnamese letters kept);
- :func:`escape_raw`: the received string, escaped into printable text, for audit;

and the channel's ``uniqueid``/``linkedid`` (:func:`sanitize_uniqueid`), safe as file names.
:class:`Caller` holds the four, cleaned by its constructor: the route makes one from what the
PBX says (:meth:`Caller.from_pbx`) and everything after it (the recorder, its journal, the
ticket store, recovery) takes it as it is. Pure functions, no database.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

MAX_CALLER_NUMBER = 32
MAX_CALLER_NAME = 80
MAX_RAW = 600
MAX_UNIQUEID = 64
TRUNCATED = "\\…"  # ends a truncated escape_raw(); escape_raw never emits it otherwise

_DIGITS = frozenset("0123456789")
_UNIQUEID_CHARS = frozenset(string.ascii_letters + string.digits + ".-_")

# Dropped from names: quotes and backslashes (they break naive quoting downstream) and the
# replacement character (it stands for bytes that could not be decoded: no information).
_NAME_DROP = frozenset("\"'`\\\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\ufffd")
_NAMED_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def sanitize_caller_number(raw: str) -> str:
    """A number to call back: ``+`` if one comes before the first digit, then the ASCII digits.

    Everything else is dropped; at most 32 characters; ``""`` when no digit is left.
    Idempotent.

    >>> sanitize_caller_number('"+84 (90) 123-4567"\\r\\n')
    '+84901234567'
    """
    digits = "".join(char for char in raw if char in _DIGITS)
    if not digits:
        return ""
    plus = "+" if "+" in raw[: raw.index(digits[0])] else ""
    return (plus + digits)[:MAX_CALLER_NUMBER]


def sanitize_caller_name(raw: str) -> str:
    """A name fit to show: NFC text without control/format characters, quotes or backslashes.

    Whitespace (CR/LF and tabs included) collapses to single spaces; at most 80 characters.
    Vietnamese letters are kept (composed, NFC). Idempotent.
    """
    text = unicodedata.normalize("NFC", raw)
    kept: list[str] = []
    for char in text:
        if char.isspace():
            kept.append(" ")
        elif char in _NAME_DROP or unicodedata.category(char).startswith("C"):
            continue
        else:
            kept.append(char)
    return " ".join("".join(kept).split())[:MAX_CALLER_NAME].rstrip()


def _escape_char(char: str) -> str:
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if char.isprintable():
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def stored_raw(value: str) -> str:
    """What the ``caller_id_raw`` column keeps of ``value``: never anything unprintable.

    ``value`` should be :func:`escape_raw` output (printable, at most 600 characters) and is
    kept as is; anything else is escaped now, so the raw bytes never reach the database.
    """
    if value.isprintable() and len(value) <= MAX_RAW:
        return value
    return escape_raw(value)


def escape_raw(raw: str) -> str:
    r"""The raw caller ID as printable text, for audit: at most 600 characters.

    Printable characters (Vietnamese letters, quotes, U+FFFD) stay; a backslash becomes
    ``\\``; tab, LF and CR become ``\t``, ``\n``, ``\r``; any other character (controls,
    NUL, lone surrogates, format characters) becomes ``\xNN``, ``\uNNNN`` or ``\UNNNNNNNN``
    as in Python's ``ascii()``, so the result is unambiguous and never holds the raw bytes.
    A longer result is cut between two escapes and ends with ``\…``.

    >>> print(escape_raw('"Bob" \\ Lê\r\n\x00\udcff'))
    "Bob" \\ Lê\r\n\x00\udcff
    """
    pieces: list[str] = []
    length = 0
    for char in raw:
        piece = _escape_char(char)
        if length + len(piece) > MAX_RAW:
            while length + len(TRUNCATED) > MAX_RAW:
                length -= len(pieces.pop())
            pieces.append(TRUNCATED)
            break
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces)


def sanitize_uniqueid(raw: str) -> str:
    """An Asterisk channel uniqueid or linkedid (``1700000000.42``), safe as a file name.

    Keeps ASCII letters, digits, ``.``, ``-`` and ``_``, without leading dots (so never
    ``..``); at most 64 characters; ``""`` if nothing is left. Idempotent.
    """
    kept = "".join(char for char in raw if char in _UNIQUEID_CHARS).lstrip(".")
    return kept[:MAX_UNIQUEID]


@dataclass(frozen=True)
class Caller:
    """Who called, cleaned: the number to call back, the name to show, the raw caller ID
    escaped for audit, and the call's channel ids (safe as file names).

    The constructor cleans every field (the cleaning is idempotent, so values that are
    already clean pass unchanged): whatever a caller of it passes, nothing unsafe is kept.
    """

    number: str
    name: str
    id_raw: str
    uniqueid: str
    linkedid: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "number", sanitize_caller_number(self.number))
        object.__setattr__(self, "name", sanitize_caller_name(self.name))
        object.__setattr__(self, "id_raw", stored_raw(self.id_raw))
        object.__setattr__(self, "uniqueid", sanitize_uniqueid(self.uniqueid))
        object.__setattr__(self, "linkedid", sanitize_uniqueid(self.linkedid))

    @classmethod
    def from_pbx(cls, uniqueid: str, linkedid: str, number_raw: str, name_raw: str) -> Caller:
        """The caller as the PBX presents them (raw values may be hostile)."""
        raw = f'"{name_raw}" <{number_raw}>'
        return cls(number_raw, name_raw, escape_raw(raw), uniqueid, linkedid)
