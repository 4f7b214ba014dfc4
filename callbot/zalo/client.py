"""The HTTP calls to Zalo: send a message, refresh the OA's tokens, ask who the OA is, fetch a
photo. The only I/O of this room; what is sent and read is :mod:`.messages`.

The standard library's HTTP client is enough for these few calls (no SDK: Zalo publishes none
for Python that is maintained). Every call has a timeout (``zalo.http_timeout_seconds``);
an answer that never comes is a transient :class:`~callbot.errors.ZaloError`. Tokens travel
only in headers and form bodies, never in URLs or messages. A photo is fetched only from the
configured media hosts (``zalo.media_hosts``), redirects included, and never beyond the size
a photo may have.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from callbot.config import ZaloConfig
from callbot.errors import ZaloError
from callbot.zalo.messages import Tokens, read_send_answer, read_token_answer

log = logging.getLogger(__name__)

MAX_ANSWER = 1_000_000  # bytes of a JSON answer read


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an allowed media host."""

    def __init__(self, config: ZaloConfig) -> None:
        self.config = config

    def redirect_request(  # noqa: PLR0917 - urllib's signature
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        """The redirected request, if ``newurl`` is an allowed media host (else ZaloError)."""
        _check_media_url(self.config, newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _check_media_url(config: ZaloConfig, url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ZaloError("a photo's address is not an http(s) URL", None)
    if not config.media_allowed(parts.hostname):
        raise ZaloError(f"photos are not fetched from {parts.hostname} (zalo.media_hosts)", None)


class ZaloClient:
    """Zalo's API, as configured (``zalo.*``)."""

    def __init__(self, config: ZaloConfig) -> None:
        self.config = config
        self._api = config.api_base_url.rstrip("/")
        self._oauth = config.oauth_base_url.rstrip("/")
        self._media = urllib.request.build_opener(_Redirects(config))

    def _call(
        self, request: urllib.request.Request, what: str
    ) -> tuple[int, Any]:  # (status, decoded JSON or None)
        try:
            with urllib.request.urlopen(  # noqa: S310 - http(s) URLs from zalo.* settings
                request, timeout=self.config.http_timeout_seconds
            ) as answer:
                status, raw = answer.status, answer.read(MAX_ANSWER)
        except urllib.error.HTTPError as exc:
            status, raw = exc.code, exc.read(MAX_ANSWER)
        except OSError as exc:  # URLError and timeouts included
            reason = getattr(exc, "reason", exc)
            message = f"Zalo could not be reached to {what}: {reason}"
            raise ZaloError(message, transient=True) from exc
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, None

    def send(self, access_token: str, body: dict[str, Any]) -> str:
        """Send one customer-service message (:mod:`.messages` builds ``body``); its id."""
        request = urllib.request.Request(  # noqa: S310 - http(s): checked settings
            f"{self._api}/v3.0/oa/message/cs",
            data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json", "access_token": access_token},
            method="POST",
        )
        status, data = self._call(request, "send a message")
        return read_send_answer(status, data)

    def refresh(self, refresh_token: str) -> Tokens:
        """A new token pair for the OA (the refresh token given is used up, even if the answer
        is lost on its way back)."""
        form = urllib.parse.urlencode(
            {
                "app_id": self.config.app_id,
                "grant_type": "refresh_token",
                "refresh_token": refresh_token,
            }
        ).encode("ascii")
        request = urllib.request.Request(  # noqa: S310 - http(s): checked settings
            f"{self._oauth}/v4/oa/access_token",
            data=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "secret_key": self.config.app_secret,
            },
            method="POST",
        )
        status, data = self._call(request, "refresh the OA's token")
        return read_token_answer(status, data)

    def oa_info(self, access_token: str) -> dict[str, Any]:
        """The OA's profile (``GET {api}/v2.0/oa/getoa``): whether the token works."""
        request = urllib.request.Request(  # noqa: S310 - http(s): checked settings
            f"{self._api}/v2.0/oa/getoa", headers={"access_token": access_token}, method="GET"
        )
        status, data = self._call(request, "read the OA's profile")
        if not isinstance(data, dict) or data.get("error") not in (0, "0"):
            code = data.get("error") if isinstance(data, dict) else None
            reason = data.get("message") if isinstance(data, dict) else f"HTTP {status}"
            raise ZaloError(
                f"Zalo refused the OA's token: error {code} ({reason})",
                code if isinstance(code, int) else None,
            )
        info = data.get("data")
        return info if isinstance(info, dict) else {}

    def fetch_media(self, url: str, max_bytes: int) -> bytes:
        """The bytes at ``url`` (a photo a citizen sent), at most ``max_bytes``; ZaloError
        when the host is not allowed, the file is larger, or it cannot be fetched."""
        _check_media_url(self.config, url)
        request = urllib.request.Request(url, method="GET")  # noqa: S310 - checked above
        try:
            with self._media.open(request, timeout=self.config.http_timeout_seconds) as answer:
                declared = answer.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise ZaloError(f"a photo of {declared} bytes is too large", None)
                data: bytes = answer.read(max_bytes + 1)
        except urllib.error.HTTPError as exc:
            raise ZaloError(
                f"a photo could not be fetched: HTTP {exc.code}", None, transient=exc.code >= 500
            ) from exc
        except OSError as exc:  # URLError and timeouts included
            raise ZaloError(f"a photo could not be fetched: {exc}", None, transient=True) from exc
        if len(data) > max_bytes:
            raise ZaloError("a photo is too large", None)
        return data
