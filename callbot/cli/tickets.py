"""``callbot tickets``, ``transcribe``, ``db upgrade``, ``backup``, ``restore`` and ``config
show``: the ticket store.

``tickets list|show|recover|export`` read and repair the store, ``transcribe`` re-runs
speech-to-text on stored answers, ``db upgrade`` creates or migrates the database, ``backup``
and ``restore`` copy it and the recordings (:mod:`callbot.tickets.backup`); ``config show``, the
one command here not about tickets, prints the effective configuration (secrets masked).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from callbot.cli.common import (
    mask_url,
    outcome_text,
    print_result,
    require_database,
    ticket_text,
)
from callbot.config import Config, as_dict
from callbot.errors import CallbotError


def cmd_tickets(config: Config, args: argparse.Namespace) -> int:
    """``callbot tickets list|show|recover``: list the latest tickets, show one, or store the
    calls recorded while the database was down (exit status 1 while some still wait)."""
    from callbot.app import open_store

    require_database(config)
    store = open_store(config)
    repo = store.tickets
    if args.action == "recover":
        from callbot.intake.recovery import recover_pending

        limit = timedelta(seconds=config.dialog.max_call_seconds)
        report = recover_pending(repo, store.settler, config.storage.recordings_dir, limit)
        print(
            f"{len(report.recovered)} call(s) recovered into tickets, "
            f"{len(report.failed)} still pending"
            + (f", {len(report.ongoing)} maybe still going on" if report.ongoing else "")
        )
        return 0 if not report.failed and not report.ongoing else 1
    if args.action == "list":
        tickets = [t.to_dict() for t in repo.list(limit=args.limit, status=args.status)]
        text = (
            "\n".join(
                f"{t['number']}  {t['created_at'][:19]}  {t['status']:<12} "
                f"{len(t.get('answers', []))} answer(s)  {outcome_text(t)}".rstrip()
                for t in tickets
            )
            or "no tickets"
        )
        print_result(tickets, args.json, text)
    else:
        ticket = repo.get(int(args.id) if args.id.isdigit() and len(args.id) < 7 else args.id)
        print_result(ticket.to_dict(), args.json, ticket_text(ticket.to_dict()))
    return 0


def cmd_tickets_export(config: Config, args: argparse.Namespace) -> int:
    """A unit's tickets as CSV on standard output (the console's /export.csv, same code)."""
    from callbot.console.export import csv_bytes, parse_bound
    from callbot.operators.audit import AuditAction, AuditLog
    from callbot.operators.stats import TicketStats, command_line_user
    from callbot.tickets.db import make_engine, session_factory, upgrade
    from callbot.tickets.transactions import Transactions

    try:
        start, end = parse_bound(args.start, end=False), parse_bound(args.end, end=True)
    except ValueError as exc:
        raise CallbotError(f"tickets export: --from/--to: {exc} (use YYYY-MM-DD)") from exc
    require_database(config)
    engine = make_engine(config.storage.effective_database_url)
    upgrade(engine)
    transactions = Transactions(session_factory(engine))
    user = command_line_user()
    rows = TicketStats(transactions).export_rows(user, args.unit, start, end)
    AuditLog(transactions).record(
        f"{user.name} (command line)",
        AuditAction.EXPORT,
        unit=args.unit,
        start=args.start,
        end=args.end,
        tickets=len(rows),
    )
    sys.stdout.flush()
    sys.stdout.buffer.write(csv_bytes(rows))
    sys.stdout.buffer.flush()
    print(f"{len(rows)} ticket(s) of unit {args.unit} exported", file=sys.stderr)
    engine.dispose()
    return 0


def cmd_transcribe(config: Config, args: argparse.Namespace) -> int:
    """Queue answers for transcription again and run workers here until they are settled."""
    from callbot.app import build_transcription, open_store

    if bool(args.pending) == bool(args.ticket):
        raise CallbotError("transcribe: give either --pending or a TICKET (id or number)")
    if args.failed and not args.pending:
        raise CallbotError("transcribe: --failed goes with --pending (a TICKET redoes them all)")
    require_database(config)
    store = open_store(config)
    repo, jobs = store.tickets, store.jobs
    if args.ticket:
        key = args.ticket
        ticket = repo.get(int(key) if key.isdigit() and len(key) < 7 else key)
        what = f"ticket {ticket.number}"
    else:
        ticket = None
        what = "pending answers" + (" and failed ones" if args.failed else "")
    pool = build_transcription(config, jobs)  # loads the model first: a missing one fails here
    # a job whose worker died mid-decode (no sign of life for asr.stale_seconds) is due again
    jobs.release_stale_jobs(timedelta(seconds=config.asr.stale_seconds))
    ids = jobs.requeue(ticket.id) if ticket else jobs.requeue_pending(include_failed=args.failed)
    if not ids:
        print(f"nothing to transcribe ({what})")
        return 0
    pool.start()
    try:
        pool.wait_for(ids, args.timeout)
    finally:
        pool.stop()
    answers = jobs.answers(ids).values()
    # A worker stores an answer's text, then settles its ticket; a stop that did not wait for
    # the settle (a slow first parse on a loaded machine) would leave it for serve's sweeper.
    # Settling is idempotent: every ticket this run touched is ready when the command returns.
    for ticket_id in sorted({a.ticket_id for a in answers}):
        store.settler.settle(ticket_id)
    counts = {state: sum(1 for a in answers if a.transcription == state) for state in _STATES}
    print(
        f"{what}: {len(ids)} answer(s): {counts['done']} transcribed, "
        f"{counts['no_speech']} no speech, {counts['failed']} not transcribed, "
        f"{counts['pending']} still pending"
    )
    return 0 if counts["failed"] == counts["pending"] == 0 else 1


_STATES = ("done", "no_speech", "failed", "pending")


def cmd_db(config: Config, args: argparse.Namespace) -> int:
    """``callbot db upgrade``: create the ticket database, or migrate it to the current schema
    (with ``callbot run``, the only command that creates one)."""
    from callbot.app import open_tickets

    open_tickets(config)
    print(f"database at the current schema: {mask_url(config.storage.effective_database_url)}")
    return 0


def cmd_backup(config: Config, args: argparse.Namespace) -> int:
    """``callbot backup [--to DIR]``: the database and the recordings into a new directory."""
    from datetime import UTC, datetime

    from callbot.tickets.backup import backup

    require_database(config)
    target = args.to or config.storage.root / "backups" / f"{datetime.now(UTC):%Y%m%d-%H%M%S}"
    report = backup(
        config.storage.effective_database_url, config.storage.recordings_dir, target.resolve()
    )
    print(
        f"backup in {report.path}: {report.database} database at schema {report.revision}, "
        f"{report.tickets} ticket(s), {report.recordings} recording file(s) "
        f"({report.recording_bytes / 1e6:.1f} MB) in {report.seconds:.1f} s"
    )
    return 0


def cmd_restore(config: Config, args: argparse.Namespace) -> int:
    """``callbot restore DIR [--force]``: a backup into the configured database and recordings
    (refused over existing ones without --force)."""
    from callbot.tickets.backup import restore

    report = restore(
        args.source.resolve(),
        config.storage.effective_database_url,
        config.storage.recordings_dir,
        force=args.force,
    )
    print(
        f"restored from {report.path}: {report.tickets} ticket(s), {report.recordings} "
        f"recording file(s) into {mask_url(config.storage.effective_database_url)} and "
        f"{config.storage.recordings_dir} in {report.seconds:.1f} s"
    )
    return 0


# The settings ``config show`` never prints (section, name).
SECRETS = (
    ("ami", "secret"),
    ("intake", "secret"),
    ("zalo", "app_secret"),
    ("zalo", "oa_secret_key"),
)


def cmd_config(config: Config, args: argparse.Namespace) -> int:
    """``callbot config show``: the effective configuration as JSON, every secret masked (the
    AMI secret, the public form's key, the Zalo app's and OA's secret keys)."""
    data = as_dict(config)
    for section, name in SECRETS:
        if data[section][name]:
            data[section][name] = "***"
    print(json.dumps(data, indent=2))
    return 0


def add_parsers(sub: Any) -> None:
    """tickets, transcribe, db and config."""
    tickets = sub.add_parser("tickets", help="the ticket store")
    tsub = tickets.add_subparsers(dest="action", required=True)
    p = tsub.add_parser("list")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--status", default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tickets)
    p = tsub.add_parser("recover", help="store calls recorded while the database was down")
    p.set_defaults(func=cmd_tickets)
    p = tsub.add_parser("show")
    p.add_argument("id", help="ticket id or ticket number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tickets)
    p = tsub.add_parser("export", help="a unit's tickets as CSV (UTF-8 with BOM) on stdout")
    p.add_argument("--unit", required=True, help="unit code, e.g. HCM-27190")
    p.add_argument("--from", dest="start", default=None, help="first day (YYYY-MM-DD, VN time)")
    p.add_argument("--to", dest="end", default=None, help="last day, included (YYYY-MM-DD)")
    p.set_defaults(func=cmd_tickets_export)

    p = sub.add_parser(
        "transcribe", help="transcribe answers again, here, until done (serve may run meanwhile)"
    )
    p.add_argument("ticket", nargs="?", help="every answer of this ticket (id or number)")
    p.add_argument("--pending", action="store_true", help="every answer still pending")
    p.add_argument("--failed", action="store_true", help="with --pending: failed ones too")
    p.add_argument(
        "--timeout", type=float, default=3600.0, help="give up waiting after this many seconds"
    )
    p.set_defaults(func=cmd_transcribe)

    db = sub.add_parser("db", help="the ticket database")
    dsub = db.add_subparsers(dest="action", required=True)
    dsub.add_parser("upgrade", help="migrate to the current schema").set_defaults(func=cmd_db)

    p = sub.add_parser("backup", help="the database and the recordings into a new directory")
    p.add_argument("--to", type=Path, default=None, help="default: <storage.root>/backups/<time>")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="a backup into the configured database and recordings")
    p.add_argument("source", type=Path, help="a directory made by callbot backup")
    p.add_argument("--force", action="store_true", help="over an existing database")
    p.set_defaults(func=cmd_restore)

    cfg = sub.add_parser("config", help="configuration")
    csub = cfg.add_subparsers(dest="action", required=True)
    csub.add_parser("show", help="the effective configuration").set_defaults(func=cmd_config)
