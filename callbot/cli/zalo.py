"""``callbot zalo tokens set`` and ``callbot zalo status``: the hotline's Zalo Official Account.

``tokens set --access TOKEN --refresh TOKEN --expires-in SECONDS`` stores the OA's first
tokens (from Zalo's OAuth flow, or its API explorer) in the ticket database, where every node
shares them; callbot refreshes them from then on. Tokens given on the command line show in
the process list for a moment: ``--stdin`` reads them instead, the access token on the first
line and the refresh token on the second.

``status`` says whether Zalo is configured, when the access token expires, whether it works
(one call to Zalo's OA profile), when it was last refreshed and why a refresh failed, and how
many events and messages wait, were handled or failed. No token or secret is ever printed.
Its exit status is 0 when the token works, 1 when it does not (or there is none).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

from callbot.cli.common import print_result, require_database
from callbot.config import Config
from callbot.errors import InvalidInput, ZaloError

_TOKEN = re.compile(r"[\x21-\x7e]{8,2000}")  # visible ASCII, no spaces


def _store(config: Config) -> Any:
    from callbot.tickets.db import make_engine, session_factory, upgrade
    from callbot.tickets.transactions import Transactions

    require_database(config)
    engine = make_engine(config.storage.effective_database_url)
    upgrade(engine)
    return Transactions(session_factory(engine))


def _token(value: str | None, name: str) -> str:
    if not value or not _TOKEN.fullmatch(value):
        raise InvalidInput(name, f"zalo tokens set: --{name} must be the token as Zalo gave it")
    return value


def cmd_tokens(config: Config, args: argparse.Namespace) -> int:
    """``callbot zalo tokens set``: store the OA's first tokens."""
    from callbot.tickets.leases import Leases

    access, refresh = args.access, args.refresh
    if args.stdin:
        lines = sys.stdin.read().split()
        access, refresh = [*lines, "", ""][:2]
    access, refresh = _token(access, "access"), _token(refresh, "refresh")
    if not 60 <= args.expires_in <= 10_000_000:
        raise InvalidInput("expires-in", "zalo tokens set: --expires-in is seconds, 60 or more")
    expires_at = datetime.now(UTC) + timedelta(seconds=args.expires_in)
    Leases(_store(config)).set_tokens(access, refresh, expires_at)
    print(
        f"the OA's tokens are stored; the access token expires at {expires_at:%Y-%m-%d %H:%M} UTC"
    )
    return 0


def _masked(value: str) -> str:
    return f"{value[:4]}…{value[-2:]}" if len(value) > 8 else "…"


def cmd_status(config: Config, args: argparse.Namespace) -> int:
    """``callbot zalo status``: is Zalo set up, does the token work, what waits."""
    from callbot.tickets.inbox import Inbox
    from callbot.tickets.leases import Leases
    from callbot.tickets.outbox import Outbox
    from callbot.zalo.client import ZaloClient

    zalo = config.zalo
    tx = _store(config)
    row = Leases(tx).tokens()
    now = datetime.now(UTC)
    data: dict[str, Any] = {
        "configured": zalo.configured,
        "app_id": _masked(zalo.app_id) if zalo.app_id else None,
        "can_refresh": bool(zalo.app_secret),
        "tokens": row is not None,
        "expires_at": row.expires_at.isoformat(timespec="seconds") if row else None,
        "expired": row.expires_at <= now if row else None,
        "refreshed_at": row.refreshed_at.isoformat(timespec="seconds")
        if row and row.refreshed_at
        else None,
        "refresh_failures": row.refresh_failures if row else 0,
        "last_error": row.last_error if row else None,
        "token_works": False,
        "check": "not checked: Zalo is not configured (zalo.app_id, zalo.oa_secret_key)",
        "events": Inbox(tx).counts(),
        "messages": Outbox(tx).counts(),
    }
    if zalo.configured and row is not None:
        try:
            profile = ZaloClient(zalo).oa_info(row.access_token)
            data["token_works"] = True
            data["check"] = f"the token works (OA {profile.get('name') or profile.get('oa_id')})"
        except ZaloError as exc:
            data["check"] = f"the token does not work: {exc}"
    elif zalo.configured:
        data["check"] = (
            "no tokens: callbot zalo tokens set --access ... --refresh ... --expires-in ..."
        )
    lines = [
        f"Zalo OA: {'configured, app ' + data['app_id'] if zalo.configured else 'not configured'}"
        + ("" if data["can_refresh"] else " (zalo.app_secret not set: no refresh, no sending)"),
        f"access token: expires {data['expires_at']} UTC"
        + (" (expired)" if data["expired"] else "")
        if row
        else "access token: none stored",
        f"last refresh: {data['refreshed_at'] or 'never'}"
        + (
            f"; {data['refresh_failures']} failed, last: {data['last_error']}"
            if row and row.refresh_failures
            else ""
        ),
        data["check"],
        "webhook events: " + _counts(data["events"]),
        "messages out: " + _counts(data["messages"]),
    ]
    print_result(data, args.json, "\n".join(lines))
    return 0 if data["token_works"] else 1


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items())) or "none"


def add_parsers(sub: Any) -> None:
    """zalo tokens set, zalo status."""
    zalo = sub.add_parser("zalo", help="the hotline's Zalo Official Account")
    zsub = zalo.add_subparsers(dest="what", required=True)
    tokens = zsub.add_parser("tokens", help="store the OA's first tokens")
    tokens.add_argument("action", choices=["set"])
    tokens.add_argument("--access", help="the access token")
    tokens.add_argument("--refresh", help="the refresh token")
    tokens.add_argument("--expires-in", type=int, default=90_000, help="seconds (Zalo: 90000)")
    tokens.add_argument("--stdin", action="store_true", help="read both tokens from stdin")
    tokens.set_defaults(func=cmd_tokens)
    status = zsub.add_parser("status", help="whether the token works, what waits")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)
