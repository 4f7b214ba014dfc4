"""What keeps robots off the public form without locking people out.

- A honeypot: the form has a field people never see nor reach (:data:`HONEYPOT`, hidden by
  the style sheet, out of the tab order, ``aria-hidden``); a form that fills it is refused.
- A signed minimum fill time: every form served carries a token (:class:`FormTokens`: the
  time it was served and a random nonce, HMAC-SHA256-signed with ``intake.secret``). A form
  sent back sooner than ``intake.min_fill_seconds`` is a robot's; one older than
  ``intake.form_max_age_hours`` is served again with its values. The nonce also makes the
  form's idempotency key: sending the same form twice (a double tap, a reload) gives one
  ticket.
- A proof of work when an address sends more than ``intake.sends_per_address`` requests in
  the window (:class:`ProofOfWork`): an ALTCHA challenge, made and checked here with the
  ``altcha`` package (protocol v1: find the number that, after the salt, hashes to the
  challenge; no third-party service). The page's own script (``static/intake.js``) solves it
  while the person types; a solution counts once.

The secret comes from ``intake.secret``, else from ``<storage.root>/intake.secret`` (made once,
readable by its owner only); several nodes must share one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from altcha.v1 import create_challenge, verify_solution

from callbot.config import Config
from callbot.errors import SetupError

log = logging.getLogger(__name__)

HONEYPOT = "website"  # the field a person never fills
SECRET_FILE = "intake.secret"  # noqa: S105 - the name of the file that holds it
USED_KEPT = 100_000  # solved challenges remembered (each only until it expires)


def load_secret(config: Config) -> bytes:
    """``intake.secret``, else the secret file under ``storage.root`` (made once)."""
    if config.intake.secret:
        return config.intake.secret.encode("utf-8")
    path = config.storage.root / SECRET_FILE
    try:
        return _read_or_make(path)
    except OSError as exc:
        raise SetupError(
            f"cannot read or create {path} ({exc.strerror or exc}); set intake.secret"
        ) from exc


def _read_or_make(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            pass
        else:
            with os.fdopen(descriptor, "w") as out:
                out.write(secrets.token_hex(32))
            log.info("made the intake secret %s", path)
    secret = path.read_text(encoding="ascii").strip()
    if len(secret) < 32:
        raise OSError(f"{path} holds no secret (at least 32 characters)")
    return secret.encode("ascii")


class TokenCheck(StrEnum):
    """What a form's token says."""

    OK = "ok"
    TOO_FAST = "too_fast"  # sent back sooner than a person can fill it
    EXPIRED = "expired"  # served too long ago: serve it again
    INVALID = "invalid"  # missing, malformed or not signed by us


@dataclass(frozen=True)
class Checked:
    """A token's check and its nonce (the form's idempotency key when OK)."""

    result: TokenCheck
    nonce: str = ""


class FormTokens:
    """Signed tokens of the time a form was served."""

    def __init__(
        self,
        secret: bytes,
        *,
        min_fill_seconds: float,
        max_age_seconds: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = hashlib.sha256(b"callbot form token\0" + secret).digest()
        self.min_fill = min_fill_seconds
        self.max_age = max_age_seconds
        self._clock = clock

    def _sign(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode("ascii"), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> str:
        """A token for a form served now."""
        payload = f"{int(self._clock() * 1000)}.{secrets.token_hex(12)}"
        return f"{payload}.{self._sign(payload)}"

    def sign(self, value: str) -> str:
        """``value`` with our signature (a reference a form carries back)."""
        return f"{value}.{self._sign('ref:' + value)}"

    def unsign(self, signed: str | None) -> str | None:
        """The value :meth:`sign` signed, or None when the signature is not ours."""
        value, _, signature = (signed or "").rpartition(".")
        if not value or not hmac.compare_digest(self._sign("ref:" + value), signature):
            return None
        return value

    def check(self, token: str | None) -> Checked:
        """Whether ``token`` is ours, and how long ago its form was served."""
        parts = (token or "").split(".")
        if len(parts) != 3 or not parts[0].isdigit() or len(parts[1]) != 24:
            return Checked(TokenCheck.INVALID)
        payload = f"{parts[0]}.{parts[1]}"
        if not hmac.compare_digest(self._sign(payload), parts[2]):
            return Checked(TokenCheck.INVALID)
        age = self._clock() - int(parts[0]) / 1000
        if age < self.min_fill:
            return Checked(TokenCheck.TOO_FAST, parts[1])
        if age > self.max_age:
            return Checked(TokenCheck.EXPIRED, parts[1])
        return Checked(TokenCheck.OK, parts[1])


class ProofOfWork:
    """ALTCHA challenges (v1) made and checked here; each solution accepted once."""

    def __init__(
        self,
        secret: bytes,
        *,
        max_number: int,
        ttl_seconds: float = 900.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = hashlib.sha256(b"callbot altcha\0" + secret).hexdigest()
        self.max_number = max_number
        self.ttl = ttl_seconds
        self._clock = clock
        self._used: OrderedDict[str, float] = OrderedDict()  # challenge -> its expiry
        self._lock = threading.Lock()

    def challenge(self) -> dict[str, Any]:
        """A new challenge, as the page's script takes it (JSON)."""
        expires = datetime.fromtimestamp(self._clock(), UTC) + timedelta(seconds=self.ttl)
        made = create_challenge(
            hmac_key=self._key,
            max_number=self.max_number,
            salt_length=12,
            algorithm="SHA-256",
            salt="",
            number=None,
            expires=expires,
            params=None,
        )
        challenge: dict[str, Any] = made.to_dict()
        return challenge

    def verify(self, payload: str | None) -> bool:
        """Whether ``payload`` (the form's ``altcha`` field: base64 JSON) solves one of our
        challenges, unexpired and not used before; it is used now."""
        challenge = _challenge_of(payload)
        if payload is None or challenge is None:
            return False
        try:
            ok, _ = verify_solution(payload, self._key, True)
        except (KeyError, TypeError, ValueError):
            return False
        return ok and self._first_use(challenge)

    def _first_use(self, challenge: str) -> bool:
        now = self._clock()
        with self._lock:
            while self._used and next(iter(self._used.values())) < now:
                self._used.popitem(last=False)
            if challenge in self._used:
                return False
            self._used[challenge] = now + self.ttl
            while len(self._used) > USED_KEPT:
                self._used.popitem(last=False)
        return True


def _challenge_of(payload: str | None) -> str | None:
    """The challenge a solution payload (base64 JSON) names, or None if it is malformed."""
    if not payload or len(payload) > 2000:
        return None
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("challenge"), str):
        return None
    challenge: str = data["challenge"]
    return challenge
