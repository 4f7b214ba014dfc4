"""What the OA sends Zalo, and Zalo's answers read: pure functions over dicts.

Sending (the customer-service message API, ``POST {api}/v3.0/oa/message/cs``, header
``access_token``)::

    {"recipient": {"user_id": "..."}, "message": {"text": "..."}}            (at most 2000 chars)
    {"recipient": {"user_id": "..."}, "message": {"attachment": {"type": "template",
        "payload": {"template_type": "request_user_info",
                    "elements": [{"title": ..., "subtitle": ..., "image_url": ...}]}}}}

The answer is ``{"error": 0, "message": "Success", "data": {"message_id": ...}}``, or a negative
``error`` with a ``message``. The error numbers this project acts on (Zalo's published table):

==========  ==========================================  =============================
error       meaning                                     what is done
==========  ==========================================  =============================
-216, -220  access token invalid / expired or removed   refresh the token, send again
-32         too many calls                              send again later
-230, -232  the user has not written within the window  given up: window closed
other       refused (bad parameter, user blocked...)    given up, the number kept
==========  ==========================================  =============================

Tokens (``POST {oauth}/v4/oa/access_token``, header ``secret_key``, form ``app_id``,
``grant_type=refresh_token``, ``refresh_token``) answer ``{"access_token", "refresh_token",
"expires_in": "90000"}`` (seconds, a string), or an error object (``error`` and
``error_name``/``error_description``/``message``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from callbot.errors import ZaloError

MAX_TEXT = 2000  # Zalo's limit for a text message
MAX_TITLE = 100  # request_user_info: the card's title
MAX_SUBTITLE = 500
TOKEN_ERRORS = frozenset({-216, -220})
WINDOW_ERRORS = frozenset({-230, -232})
RATE_ERRORS = frozenset({-32})
MAX_REASON = 160  # characters of Zalo's own message kept with an error


@dataclass(frozen=True)
class Tokens:
    """The OA's token pair, as Zalo issued it. Never logged."""

    access_token: str
    refresh_token: str
    expires_in: int  # seconds

    def __repr__(self) -> str:
        return f"Tokens(expires_in={self.expires_in}, ...)"


def fit_text(text: str) -> str:
    """``text`` within Zalo's limit (cut with an ellipsis)."""
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def text_body(user_id: str, text: str) -> dict[str, Any]:
    """The body of a text message to ``user_id``."""
    return {"recipient": {"user_id": user_id}, "message": {"text": fit_text(text)}}


def info_request_body(
    user_id: str, title: str, subtitle: str, image_url: str = ""
) -> dict[str, Any]:
    """The body of the share-your-info card (``request_user_info``): the citizen's answer
    comes back as a ``user_submit_info`` event."""
    element: dict[str, str] = {"title": title[:MAX_TITLE], "subtitle": subtitle[:MAX_SUBTITLE]}
    if image_url:
        element["image_url"] = image_url
    payload = {"template_type": "request_user_info", "elements": [element]}
    return {
        "recipient": {"user_id": user_id},
        "message": {"attachment": {"type": "template", "payload": payload}},
    }


def _reason(data: dict[str, Any]) -> str:
    for name in ("message", "error_description", "error_name", "error_reason"):
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:MAX_REASON]
    return "no reason given"


def _code(data: dict[str, Any]) -> int | None:
    value = data.get("error")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


def refusal(code: int, reason: str, what: str) -> ZaloError:
    """The error for Zalo's ``code`` (transient for a rate limit or an expired token)."""
    transient = code in RATE_ERRORS or code in TOKEN_ERRORS
    return ZaloError(f"Zalo refused to {what}: error {code} ({reason})", code, transient=transient)


def read_send_answer(status: int, data: Any) -> str:
    """The message id of a sent message; :class:`ZaloError` when Zalo refused it (or answered
    something else: a server error is transient)."""
    if not isinstance(data, dict):
        raise ZaloError(
            f"Zalo answered HTTP {status} without a JSON object", None, transient=status >= 500
        )
    code = _code(data)
    if code == 0:
        found = _dict(data.get("data")).get("message_id")
        return str(found) if isinstance(found, str | int) else ""
    if code is None:
        message = f"Zalo answered HTTP {status} without an error number"
        raise ZaloError(message, None, transient=True)
    raise refusal(code, _reason(data), "send the message")


def read_token_answer(status: int, data: Any) -> Tokens:
    """The new token pair; :class:`ZaloError` when Zalo refused the refresh (a used or
    expired refresh token is not transient: new tokens must be set by hand)."""
    if not isinstance(data, dict):
        raise ZaloError(
            f"Zalo's token service answered HTTP {status} without a JSON object",
            None,
            transient=status >= 500,
        )
    access, refresh = data.get("access_token"), data.get("refresh_token")
    if isinstance(access, str) and access and isinstance(refresh, str) and refresh:
        seconds = data.get("expires_in")
        expires_in = 0
        if isinstance(seconds, int) and not isinstance(seconds, bool):
            expires_in = seconds
        elif isinstance(seconds, str) and seconds.strip().isdigit():
            expires_in = int(seconds.strip())
        if expires_in <= 0:
            raise ZaloError("Zalo's token service gave tokens without a lifetime", None)
        return Tokens(access, refresh, expires_in)
    code = _code(data)
    raise ZaloError(
        f"Zalo refused to refresh the OA's token: error {code} ({_reason(data)})",
        code,
        transient=status >= 500,
    )


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
