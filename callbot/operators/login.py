"""Logging in: argon2 password hashes, server-side sessions that expire, a login throttle.

A session is a random token (256 bits) that the client keeps (the console: in a cookie); the
database keeps only its SHA-256, with the session's CSRF token and its times. A session ends
when unused for ``console.session_idle_minutes``, ``console.session_max_hours`` after login
whatever happens, at logout (the row is deleted), and when its user is disabled or changes
password.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from callbot.errors import AccountError
from callbot.operators.accounts import Accounts, SessionRecord, UserRecord
from callbot.tickets.models import utc_now

_hasher = PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) parameters
# Verified when the user does not exist, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def hash_password(password: str, min_length: int) -> str:
    """The argon2id hash of ``password``; :class:`AccountError` if it is too short."""
    if len(password) < min_length:
        raise AccountError(f"password too short: at least {min_length} characters")
    if password != password.strip() or "\n" in password:
        raise AccountError("password must not start or end with spaces, nor hold a line break")
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``password_hash``; a malformed hash is a mismatch."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class LoginThrottle:
    """Refuses logins for a name or an address after ``limit`` failures within ``window`` s."""

    def __init__(self, limit: int = 5, window: float = 600.0) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> list[float]:
        kept = [t for t in self._failures.get(key, []) if now - t < self.window]
        if kept:
            self._failures[key] = kept
        else:
            self._failures.pop(key, None)
        return kept

    def blocked(self, *keys: str) -> bool:
        """Whether any of ``keys`` (a name, an address) has ``limit`` or more recent failures."""
        now = time.monotonic()
        with self._lock:
            return any(len(self._recent(k, now)) >= self.limit for k in keys)

    def failed(self, *keys: str) -> None:
        """Count a failed login against each of ``keys``."""
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, []).append(now)

    def succeeded(self, *keys: str) -> None:
        """Forget the failures of ``keys`` after a successful login."""
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


@dataclass(frozen=True)
class Login:
    """A session just opened: the token goes into the cookie."""

    token: str
    session: SessionRecord


class Authenticator:
    """Logs users in and out and finds the session of a request's cookie."""

    def __init__(
        self,
        accounts: Accounts,
        *,
        idle: timedelta,
        max_age: timedelta,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.accounts = accounts
        self.idle = idle
        self.max_age = max_age
        self.clock = clock
        # last_seen_at is written at most this often per session (not on every request)
        self.touch_every = min(timedelta(seconds=60), idle / 4)
        self.throttle = LoginThrottle()

    def login(self, name: str, password: str) -> Login | None:
        """A new session for ``name`` if the password is right and the user active; else None."""
        found = self.accounts.credentials(name)
        if found is None:
            verify_password(_DUMMY_HASH, password)
            return None
        user, password_hash = found
        if not verify_password(password_hash, password) or not user.active:
            return None
        token = secrets.token_urlsafe(32)
        self.accounts.create_session(
            user.id, token_hash(token), secrets.token_urlsafe(32), self.clock()
        )
        session = self.accounts.session(token_hash(token))
        return None if session is None else Login(token, session)

    def session(self, token: str | None, *, touch: bool = True) -> SessionRecord | None:
        """The live session of ``token``; an expired one is deleted and gives None.

        ``touch`` counts this as use (pages and actions, not the live feed's checks).
        """
        if not token or len(token) > 128:
            return None
        key = token_hash(token)
        found = self.accounts.session(key)
        if found is None:
            return None
        now = self.clock()
        if now - found.last_seen_at > self.idle or now - found.created_at > self.max_age:
            self.accounts.delete_session(key)
            return None
        if touch and now - found.last_seen_at > self.touch_every:
            self.accounts.touch_session(key, now)
        return found

    def logout(self, token: str | None) -> None:
        """End the session of ``token`` (None or unknown: nothing happens)."""
        if token:
            self.accounts.delete_session(token_hash(token))

    def sweep(self) -> int:
        """Delete every expired session; returns how many."""
        now = self.clock()
        return self.accounts.delete_expired_sessions(now - self.idle, now - self.max_age)


def add_user(
    accounts: Accounts,
    name: str,
    password: str,
    *,
    role: str,
    unit: str,
    min_length: int,
    phone: str | None = None,
) -> UserRecord:
    """A new console user with ``password`` hashed (``callbot users add``)."""
    return accounts.add_user(name, hash_password(password, min_length), role, unit, phone)
