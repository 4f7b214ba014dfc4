"""``callbot intake`` and ``api keys``: the public form, status page and REST API, and the
API's keys.

``api keys add NAME`` prints the new key once, as the last line of its output (a script can
take it with ``tail -n 1``); only its SHA-256 is stored.
"""

from __future__ import annotations

import argparse
from typing import Any

from callbot.cli.common import print_result
from callbot.config import Config
from callbot.errors import InvalidInput


def cmd_intake(config: Config, args: argparse.Namespace) -> int:
    """``callbot intake``: serve the public form, status page and API until interrupted."""
    from callbot.public.runner import serve

    serve(config, host=args.host, port=args.port)
    return 0


def cmd_api_keys(config: Config, args: argparse.Namespace) -> int:
    """``callbot api keys add|list|revoke``: the REST API's keys."""
    from callbot.intake.services import open_written

    keys = open_written(config).keys
    if args.action == "add":
        if not args.name:
            raise InvalidInput("name", "api keys add: give the key a NAME")
        record, key = keys.add(args.name)
        print(f"API key {record.name} added ({record.prefix}…). It is shown once, keep it now:")
        print(key)
    elif args.action == "revoke":
        if not args.name:
            raise InvalidInput("name", "api keys revoke: give the NAME of the key")
        record = keys.revoke(args.name)
        print(f"API key {record.name} revoked; it no longer works")
    else:
        listed = keys.list()
        lines = [
            f"{k.name:<24} {k.prefix}…  created {k.created_at:%Y-%m-%d %H:%M}  "
            + ("active" if k.active else f"revoked {k.revoked_at:%Y-%m-%d %H:%M}")
            for k in listed
        ]
        print_result([k.as_dict() for k in listed], args.json, "\n".join(lines) or "no API keys")
    return 0


def add_parsers(sub: Any) -> None:
    """intake and api."""
    p = sub.add_parser("intake", help="the public web form, status page and REST API")
    p.add_argument("--host", help="default: intake.host (127.0.0.1)")
    p.add_argument("--port", type=int, help="default: intake.port (8023)")
    p.set_defaults(func=cmd_intake)

    api = sub.add_parser("api", help="the REST API")
    api_sub = api.add_subparsers(dest="what", required=True)
    keys = api_sub.add_parser("keys", help="API keys: add NAME, list, revoke NAME")
    keys.add_argument("action", choices=["add", "list", "revoke"])
    keys.add_argument("name", nargs="?")
    keys.add_argument("--json", action="store_true")
    keys.set_defaults(func=cmd_api_keys)
