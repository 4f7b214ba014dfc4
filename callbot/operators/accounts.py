"""Console accounts and logged-in sessions in the database: the queries, nothing else.

Passwords arrive here already hashed (:mod:`callbot.operators.login` hashes and verifies them);
session tokens arrive as their SHA-256, so the table never holds a usable cookie. Expiry rules
are the caller's: this module stores and deletes.

A user may have a phone (``users.phone``): the device Asterisk dials to reach them, such as
``PJSIP/op1``. A callback rings it first; the phone service finds the user calling from it.
"""

from __future__ import annotations

import builtins
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from callbot.errors import AccountError
from callbot.tickets.models import User, UserSession
from callbot.tickets.transactions import Transactions

logger = logging.getLogger(__name__)

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_UNIT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
# An Asterisk device: technology/resource, as Originate's Channel and Dial take it. No comma,
# '&', space, quote or '$': nothing a dialplan or an AMI field would read as more than a name.
_PHONE = re.compile(r"[A-Za-z][A-Za-z0-9]{0,15}/[A-Za-z0-9][A-Za-z0-9._@:+/-]{0,110}")


class Role(StrEnum):
    """What a console user may see and do."""

    OPERATOR = "operator"  # the tickets of their own unit
    SUPERVISOR = "supervisor"  # every ticket; may release others' claims and refer
    ADMIN = "admin"  # as supervisor (accounts are managed with `callbot users`)


@dataclass(frozen=True)
class UserRecord:
    """A console user, without the password hash."""

    id: int
    name: str
    role: str  # Role
    unit: str
    active: bool
    created_at: datetime
    phone: str | None = None  # the device that rings for this user ("PJSIP/op1"), if any

    @property
    def sees_all_units(self) -> bool:
        """Whether the user sees every unit's tickets (supervisor, admin), not only their own."""
        return self.role != Role.OPERATOR


@dataclass(frozen=True)
class SessionRecord:
    """A logged-in browser and its user."""

    user: UserRecord
    csrf_token: str
    created_at: datetime
    last_seen_at: datetime


def _user(row: User) -> UserRecord:
    return UserRecord(
        row.id, row.name, row.role, row.unit, bool(row.active), row.created_at, row.phone
    )


def check_name(name: str) -> str:
    """A user name: lowercase letters, digits, ``.``, ``_``, ``-``; 1 to 64 characters."""
    if not _NAME.match(name) or name == "system":  # "system" signs automatic events
        raise AccountError(
            f"user name {name!r}: use 1 to 64 lowercase letters, digits, '.', '_' or '-'"
        )
    return name


def check_unit(unit: str) -> str:
    """A unit code as tickets carry it (letters, digits, ``.``, ``_``, ``:``, ``-``)."""
    if not _UNIT.match(unit):
        raise AccountError(f"unit {unit!r}: use 1 to 64 letters, digits, '.', '_', ':' or '-'")
    return unit


def check_phone(device: str) -> str:
    """An operator's device as Asterisk dials it: ``PJSIP/op1``, ``SIP/201``,
    ``Local/op-ana@phones`` (technology, ``/``, resource; no comma, ``&``, space or ``$``)."""
    if not _PHONE.fullmatch(device) or ".." in device:
        raise AccountError(
            f"phone {device!r}: give the device as Asterisk dials it, e.g. PJSIP/op1 "
            "(technology/resource: letters, digits, '.', '_', '@', ':', '+', '/', '-')"
        )
    return device


class Accounts:
    """The ``users`` and ``sessions`` tables."""

    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    @property
    def transactions(self) -> Transactions:
        """The transaction runner the accounts live on (the login throttle shares it)."""
        return self._tx

    # -- users ----------------------------------------------------------------------------------

    def add_user(
        self, name: str, password_hash: str, role: str, unit: str, phone: str | None = None
    ) -> UserRecord:
        """A new active user. Raises :class:`AccountError` if the name is taken or malformed,
        or the phone is malformed or already someone else's."""
        check_name(name)
        check_unit(unit)
        if phone is not None:
            check_phone(phone)
        try:
            role = Role(role).value
        except ValueError:
            raise AccountError(f"role {role!r}: one of {', '.join(Role)}") from None

        def work(session: Session) -> UserRecord:
            if session.scalar(select(User.id).where(User.name == name)) is not None:
                raise AccountError(f"user {name!r} already exists")
            if phone is not None:
                _phone_free(session, phone, name)
            row = User(
                name=name,
                password_hash=password_hash,
                role=role,
                unit=unit,
                active=True,
                created_at=self._tx.clock(),
                phone=phone,
            )
            session.add(row)
            session.flush()
            return _user(row)

        record = self._tx.run(f"add user {name}", work, write=True)
        logger.info("console user %s added (%s, unit %s)", name, role, unit)
        return record

    def users(self) -> builtins.list[UserRecord]:
        """Every user, by name."""
        return self._tx.run(
            "list users",
            lambda session: [_user(u) for u in session.scalars(select(User).order_by(User.name))],
        )

    def credentials(self, name: str) -> tuple[UserRecord, str] | None:
        """The user called ``name`` and their password hash, or None."""

        def work(session: Session) -> tuple[UserRecord, str] | None:
            row = session.scalars(select(User).where(User.name == name)).one_or_none()
            return None if row is None else (_user(row), row.password_hash)

        return self._tx.run("read a user", work)

    def by_phone(self, device: str) -> UserRecord | None:
        """The active user whose phone is ``device``, or None."""

        def work(session: Session) -> UserRecord | None:
            row = session.scalars(
                select(User).where(User.phone == device, User.active.is_(True))
            ).one_or_none()
            return None if row is None else _user(row)

        return self._tx.run("find a user by phone", work)

    def set_phone(self, name: str, device: str | None) -> None:
        """Give ``name`` the phone ``device`` (None: no phone). Sessions stay open."""
        if device is not None:
            check_phone(device)

        def work(session: Session) -> None:
            user_id = session.scalar(select(User.id).where(User.name == name))
            if user_id is None:
                raise AccountError(f"no user {name!r}")
            if device is not None:
                _phone_free(session, device, name)
            session.execute(update(User).where(User.id == user_id).values(phone=device))

        self._tx.run("set a phone", work, write=True)
        logger.info("console user %s: phone %s", name, "set" if device else "removed")

    def set_password(self, name: str, password_hash: str) -> None:
        """A new password; every session of the user ends."""
        self._change(name, "change a password", password_hash=password_hash)

    def rehash_password(self, user_id: int, old_hash: str, new_hash: str) -> bool:
        """The same password hashed again (at another cost): stored only if the user's hash is
        still ``old_hash`` (a password changed meanwhile stays); sessions stay open. Whether it
        was stored."""

        def work(session: Session) -> bool:
            result = session.execute(
                update(User)
                .where(User.id == user_id, User.password_hash == old_hash)
                .values(password_hash=new_hash)
            )
            return bool(getattr(result, "rowcount", 0))

        stored = self._tx.run("store a password hashed again", work, write=True)
        if stored:
            logger.info("console user #%d: password hash renewed at the configured cost", user_id)
        return stored

    def set_active(self, name: str, active: bool) -> None:
        """Enable or disable a user; disabling ends their sessions."""
        self._change(name, "enable or disable a user", active=active)

    def _change(self, name: str, action: str, **values: object) -> None:
        def work(session: Session) -> None:
            user_id = session.scalar(select(User.id).where(User.name == name))
            if user_id is None:
                raise AccountError(f"no user {name!r}")
            session.execute(update(User).where(User.id == user_id).values(**values))
            session.execute(delete(UserSession).where(UserSession.user_id == user_id))

        self._tx.run(action, work, write=True)
        logger.info("console user %s changed (%s)", name, ", ".join(sorted(values)))

    # -- sessions -------------------------------------------------------------------------------

    def create_session(self, user_id: int, token_hash: str, csrf_token: str, now: datetime) -> None:
        """Store a new session: its token's hash, its CSRF token, opened and last used ``now``."""

        def work(session: Session) -> None:
            session.add(
                UserSession(
                    token_hash=token_hash,
                    user_id=user_id,
                    csrf_token=csrf_token,
                    created_at=now,
                    last_seen_at=now,
                )
            )

        self._tx.run("open a session", work, write=True)

    def session(self, token_hash: str) -> SessionRecord | None:
        """The session with this token hash and its user, if the user is active."""

        def work(session: Session) -> SessionRecord | None:
            row = session.execute(
                select(UserSession, User)
                .join(User, User.id == UserSession.user_id)
                .where(UserSession.token_hash == token_hash, User.active.is_(True))
            ).one_or_none()
            if row is None:
                return None
            found, user = row
            return SessionRecord(
                _user(user), found.csrf_token, found.created_at, found.last_seen_at
            )

        return self._tx.run("read a session", work)

    def touch_session(self, token_hash: str, now: datetime) -> None:
        """Mark the session of ``token_hash`` used at ``now`` (its idle time starts again)."""

        def work(session: Session) -> None:
            session.execute(
                update(UserSession)
                .where(UserSession.token_hash == token_hash)
                .values(last_seen_at=now)
            )

        self._tx.run("mark a session used", work, write=True)

    def delete_session(self, token_hash: str) -> None:
        """Delete the session of ``token_hash`` (an unknown hash: nothing happens)."""
        self._tx.run(
            "end a session",
            lambda session: session.execute(
                delete(UserSession).where(UserSession.token_hash == token_hash)
            ),
            write=True,
        )

    def delete_expired_sessions(self, idle_before: datetime, created_before: datetime) -> int:
        """End sessions unused since ``idle_before`` or opened before ``created_before``."""

        def work(session: Session) -> int:
            result = session.execute(
                delete(UserSession).where(
                    (UserSession.last_seen_at < idle_before)
                    | (UserSession.created_at < created_before)
                )
            )
            return int(getattr(result, "rowcount", 0) or 0)

        return self._tx.run("end expired sessions", work, write=True)


def _phone_free(session: Session, device: str, name: str) -> None:
    """Refuse a device that is already another user's (the unique index would, less clearly)."""
    holder = session.scalar(select(User.name).where(User.phone == device))
    if holder is not None and holder != name:
        raise AccountError(f"phone {device} is already {holder}'s; remove it there first")
