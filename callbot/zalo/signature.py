"""The webhook's signature: whether an event really comes from Zalo, checked on the raw body.

Zalo's stated formula (its Official Account documentation, "Xác thực sự kiện webhook"): the
header ``X-ZEvent-Signature`` carries ``mac=<hex>``, the hex SHA-256 (a plain hash, not an
HMAC) of ::

    app_id + raw body + timestamp + OA secret key

where ``timestamp`` is the event's own ``timestamp`` field as a string (milliseconds) and the
OA secret key is the one shown when the app is linked to the OA, not the app's secret key.
The raw body must be hashed as received: re-serialising the JSON changes it.

An implementer who logged real traffic saw the ``mac=`` prefix; the prefix is accepted with or
without it, in any case. The comparison takes constant time. Zalo's check of the URL when the
webhook is saved (and its "test" button) is not always signed like a real event: such a
request is not an error here, only :data:`UNSIGNED` (the view answers 200 and does nothing).

Pure functions, no I/O::

    >>> body = b'{"event_name":"user_send_text","timestamp":"1700000000000"}'
    >>> mac = sign("123", body, "1700000000000", "oa-secret")
    >>> check(f"mac={mac}", body, app_id="123", oa_secret_key="oa-secret").ok
    True
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass

UNSIGNED = "unsigned"  # no X-ZEvent-Signature header (Zalo's URL check, a probe)
MALFORMED = "malformed"  # the body is not a JSON object, or has no timestamp
MISMATCH = "bad_signature"  # signed, but not by this OA's secret key
NOT_CONFIGURED = "not_configured"  # zalo.app_id / zalo.oa_secret_key are not set
MAX_HEADER = 200  # characters of the header read (a hex SHA-256 is 64)
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Verdict:
    """Whether a delivery is Zalo's: ``ok``, or ``reason`` (one of the constants above)."""

    ok: bool
    reason: str = ""
    timestamp: str = ""  # the event's timestamp field as signed


def sign(app_id: str, body: bytes, timestamp: str, oa_secret_key: str) -> str:
    """The hex SHA-256 Zalo puts after ``mac=`` for ``body`` (the stand-in signs with it)."""
    digest = hashlib.sha256()
    digest.update(app_id.encode("utf-8"))
    digest.update(body)
    digest.update(timestamp.encode("utf-8"))
    digest.update(oa_secret_key.encode("utf-8"))
    return digest.hexdigest()


def header_mac(header: str | None) -> str:
    """The hex digest of an ``X-ZEvent-Signature`` value (``mac=`` stripped, lowercased)."""
    value = (header or "").strip()[:MAX_HEADER]
    if value[:4].lower() == "mac=":
        value = value[4:].strip()
    return value.lower()


def event_timestamp(body: bytes) -> str | None:
    """The body's ``timestamp`` field as the string that was signed; None when the body is
    not a JSON object with a timestamp (a number is taken as its digits)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    value = data.get("timestamp")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    return None


def check(header: str | None, body: bytes, *, app_id: str, oa_secret_key: str) -> Verdict:
    """Whether ``body`` was signed by Zalo for this OA (see the module docstring)."""
    if not app_id or not oa_secret_key:
        return Verdict(False, NOT_CONFIGURED)
    mac = header_mac(header)
    if not mac:
        return Verdict(False, UNSIGNED)
    if not _HEX64.fullmatch(mac):  # not even a SHA-256: no need to read the body
        return Verdict(False, MISMATCH)
    timestamp = event_timestamp(body)
    if timestamp is None:
        return Verdict(False, MALFORMED)
    expected = sign(app_id, body, timestamp, oa_secret_key)
    if not hmac.compare_digest(mac.encode("ascii", "replace"), expected.encode("ascii")):
        return Verdict(False, MISMATCH, timestamp)
    return Verdict(True, "", timestamp)
