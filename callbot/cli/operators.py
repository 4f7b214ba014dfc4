"""``callbot console`` and ``users``: the operators' web console and its accounts.

``users add`` and ``users passwd`` read the password from standard input when it is not a
terminal (one line), else ask for it twice.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from callbot.cli.common import print_result, require_database
from callbot.config import Config
from callbot.errors import CallbotError


def cmd_console(config: Config, args: argparse.Namespace) -> int:
    """``callbot console``: serve the operators' web console until interrupted."""
    from callbot.console.runner import serve

    require_database(config)
    serve(config, host=args.host, port=args.port)
    return 0


def _read_password(config: Config, prompt_twice: bool = True) -> str:
    """From standard input when it is not a terminal (one line), else asked twice."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    password = getpass.getpass("password: ")
    if prompt_twice and getpass.getpass("again: ") != password:
        raise CallbotError("the two passwords differ; nothing changed")
    return password


def cmd_users(config: Config, args: argparse.Namespace) -> int:
    """``callbot users add|list|passwd|phone|disable|enable``: the console accounts."""
    from callbot.operators.login import Passwords, add_user
    from callbot.operators.stores import open_operators

    require_database(config)
    accounts = open_operators(config).accounts
    minimum = config.console.min_password_length
    passwords = Passwords.from_config(config.console)
    if args.action == "add":
        user = add_user(
            accounts,
            passwords,
            args.name,
            _read_password(config),
            role=args.role,
            unit=args.unit,
            min_length=minimum,
            phone=args.phone,
        )
        phone = f", phone {user.phone}" if user.phone else ""
        print(f"user {user.name} added: {user.role} of unit {user.unit}{phone}")
    elif args.action == "passwd":
        accounts.set_password(args.name, passwords.hash(_read_password(config), minimum))
        print(f"user {args.name}: password changed; their sessions ended")
    elif args.action == "phone":
        if bool(args.device) == bool(args.clear):
            raise CallbotError("users phone: give either a DEVICE (e.g. PJSIP/op1) or --clear")
        accounts.set_phone(args.name, None if args.clear else args.device)
        print(f"user {args.name}: " + ("no phone" if args.clear else f"phone {args.device}"))
    elif args.action in ("disable", "enable"):
        accounts.set_active(args.name, args.action == "enable")
        print(f"user {args.name}: {args.action}d")
    else:
        users = accounts.users()
        rows = [
            {
                "name": u.name,
                "role": u.role,
                "unit": u.unit,
                "active": u.active,
                "created_at": u.created_at.isoformat(),
                "phone": u.phone,
            }
            for u in users
        ]
        text = "\n".join(
            f"{r['name']:<20} {r['role']:<11} {r['unit']:<16} "
            f"{'active' if r['active'] else 'disabled':<9} {r['phone'] or ''}".rstrip()
            for r in rows
        )
        print_result(rows, args.json, text or "no users: add one with `callbot users add`")
    return 0


def add_parsers(sub: Any) -> None:
    """console and users."""
    p = sub.add_parser("console", help="the operators' web console")
    p.add_argument("--host", default=None, help="default: console.host (127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="default: console.port (8022)")
    p.set_defaults(func=cmd_console)

    users = sub.add_parser("users", help="console accounts")
    usub = users.add_subparsers(dest="action", required=True)
    p = usub.add_parser("add", help="a new account; the password is read from standard input")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["operator", "supervisor", "admin"])
    p.add_argument("--unit", required=True, help="unit code (operators see its tickets)")
    p.add_argument(
        "--phone", default=None, metavar="DEVICE", help="their phone as Asterisk dials it"
    )
    p.set_defaults(func=cmd_users)
    p = usub.add_parser("list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_users)
    p = usub.add_parser("passwd", help="a new password (read like add's); ends their sessions")
    p.add_argument("name")
    p.set_defaults(func=cmd_users)
    p = usub.add_parser(
        "phone", help="the device that rings for callbacks and identifies the phone service"
    )
    p.add_argument("name")
    p.add_argument("device", nargs="?", default=None, help="e.g. PJSIP/op1")
    p.add_argument("--clear", action="store_true", help="remove the user's phone")
    p.set_defaults(func=cmd_users)
    for action in ("disable", "enable"):
        p = usub.add_parser(action, help=f"{action} an account")
        p.add_argument("name")
        p.set_defaults(func=cmd_users)
