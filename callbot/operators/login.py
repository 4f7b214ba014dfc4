"""Logging in: argon2 password hashes, server-side sessions that expire; the login throttle is
:mod:`.throttle`'s.

Passwords are hashed with argon2id at the cost of ``console.password_hash_*`` (by default the
library's RFC 9106 low-memory profile), by a :class:`Passwords` built from the configuration
and handed to whatever hashes or checks one. A hash keeps its own parameters, so a hash made
at another cost still verifies; a successful login stores it again at the configured cost.

A session is a random token (256 bits) that the client keeps (the console: in a cookie); the
database keeps only its SHA-256, with the session's CSRF token and its times. A session ends
when unused for ``console.session_idle_minutes``, ``console.session_max_hours`` after login
whatever happens, at logout (the row is deleted), and when its user is disabled or changes
password.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from callbot.config import ConsoleConfig
from callbot.errors import AccountError
from callbot.operators.accounts import Accounts, SessionRecord, UserRecord
from callbot.operators.throttle import LoginThrottle
from callbot.tickets.models import utc_now


class Passwords:
    """Hashes and checks passwords with one argon2id hasher (the configured cost)."""

    def __init__(self, hasher: PasswordHasher) -> None:
        self.hasher = hasher
        self._dummy: str | None = None

    @classmethod
    def from_config(cls, console: ConsoleConfig) -> Passwords:
        """The hasher of ``console.password_hash_*`` (time cost, memory in KiB, lanes)."""
        return cls(
            PasswordHasher(
                time_cost=console.password_hash_time_cost,
                memory_cost=console.password_hash_memory_kib,
                parallelism=console.password_hash_parallelism,
            )
        )

    def hash(self, password: str, min_length: int) -> str:
        """The argon2id hash of ``password``; :class:`AccountError` if it is too short."""
        if len(password) < min_length:
            raise AccountError(f"password too short: at least {min_length} characters")
        if password != password.strip() or "\n" in password:
            raise AccountError("password must not start or end with spaces, nor hold a line break")
        return self.hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        """Whether ``password`` matches ``password_hash`` (whatever cost it was made at); a
        malformed hash is a mismatch."""
        try:
            return self.hasher.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def prepare_dummy(self) -> str:
        """The hash of nothing :meth:`verify_dummy` checks against, made once (the
        :class:`Authenticator` makes it when it starts, so no first unknown name pays for it)."""
        if self._dummy is None:
            self._dummy = self.hasher.hash(secrets.token_hex(16))
        return self._dummy

    def verify_dummy(self, password: str) -> None:
        """Check ``password`` against a hash of nothing, at this hasher's cost: done when the user
        does not exist, so a wrong name takes as long as a wrong password."""
        self.verify(self.prepare_dummy(), password)

    def needs_rehash(self, password_hash: str) -> bool:
        """Whether ``password_hash`` was made with other parameters than the configured ones."""
        try:
            return self.hasher.check_needs_rehash(password_hash)
        except InvalidHashError:
            return False


def token_hash(token: str) -> str:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


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
        passwords: Passwords,
        *,
        idle: timedelta,
        max_age: timedelta,
        clock: Callable[[], datetime] = utc_now,
        throttle: LoginThrottle | None = None,
    ) -> None:
        self.accounts = accounts
        self.passwords = passwords
        passwords.prepare_dummy()  # at start, not at the first unknown name (its timing)
        self.idle = idle
        self.max_age = max_age
        self.clock = clock
        # last_seen_at is written at most this often per session (not on every request)
        self.touch_every = min(timedelta(seconds=60), idle / 4)
        # failed logins, counted in the database (shared by every node)
        self.throttle = throttle or LoginThrottle(accounts.transactions)

    def login(self, name: str, password: str) -> Login | None:
        """A new session for ``name`` if the password is right and the user active; else None.

        A right password whose hash was made at another cost is hashed again at the configured
        one (the user's sessions stay open)."""
        found = self.accounts.credentials(name)
        if found is None:
            self.passwords.verify_dummy(password)
            return None
        user, password_hash = found
        if not self.passwords.verify(password_hash, password) or not user.active:
            return None
        if self.passwords.needs_rehash(password_hash):
            self.accounts.rehash_password(
                user.id, password_hash, self.passwords.hasher.hash(password)
            )
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
        """Delete every expired session and login counters whose window is over; returns how
        many sessions."""
        self.throttle.sweep()
        now = self.clock()
        return self.accounts.delete_expired_sessions(now - self.idle, now - self.max_age)


def add_user(
    accounts: Accounts,
    passwords: Passwords,
    name: str,
    password: str,
    *,
    role: str,
    unit: str,
    min_length: int,
    phone: str | None = None,
) -> UserRecord:
    """A new console user with ``password`` hashed (``callbot users add``)."""
    return accounts.add_user(name, passwords.hash(password, min_length), role, unit, phone)
