"""The ``callbot`` command line.

::

    callbot run                       set up what is missing, start the sandbox and serve
    callbot serve [--metrics FILE]    FastAGI server + AMI queue monitor
    callbot sandbox up|down|status [--json]
    callbot call simulate [--caller N] [--answer FILE.wav ...] [--json]
    callbot tickets list [--json] | tickets show ID [--json]
    callbot tickets export --unit U [--from YYYY-MM-DD] [--to YYYY-MM-DD] > file.csv
    callbot transcribe --pending [--failed] | transcribe TICKET   (re-run speech-to-text)
    callbot prompts render [--engine auto|gtts|espeak]
    callbot db upgrade
    callbot config show
    callbot bench calls [--concurrency 1,10,50]
    callbot bench asr [--concurrency 1,4,16] [--rounds 2] [--figure NAME ...] [--json]
    callbot models fetch [NAME] [--url URL] [--force] | models list [--json]
    callbot console [--host H] [--port P]      the operators' web console
    callbot users add NAME --role operator|supervisor|admin --unit UNIT [--phone DEVICE]
                                               (password on stdin)
    callbot users list [--json] | users passwd NAME | users disable|enable NAME
    callbot users phone NAME DEVICE | users phone NAME --clear   (e.g. PJSIP/op1)
    callbot bench console [--tickets 10000] [--json]
    callbot parse name|phone|address|need TEXT   (prints JSON)
    callbot eval parse [--set-file FILE] [--json]  (accuracy on the labelled transcripts)
    callbot bench parse [--json]                   (time per answer, gazetteer load)

Every command takes ``--config FILE`` and ``--set section.key=value``. Errors of callbot's
own tree print one line (what happened and what to do) and exit with status 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from callbot.config import Config, as_dict, load_config
from callbot.errors import CallbotError

log = logging.getLogger("callbot")


def _setup_logging(config: Config, verbose: bool) -> None:
    from callbot.pbx.fastagi import install_call_logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(call_id)s] %(name)s: %(message)s")
    )
    install_call_logging(handler)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel("DEBUG" if verbose else config.log.level.upper())
    if not verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per migration step


def _print(data: Any, as_json: bool, text: str) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


# -- commands -----------------------------------------------------------------------------------


def cmd_sandbox(config: Config, args: argparse.Namespace) -> int:
    from callbot.sandbox import Sandbox

    sandbox = Sandbox(config)
    if args.action == "up":
        status = sandbox.up()
    elif args.action == "down":
        sandbox.down()
        status = sandbox.status()
    else:
        status = sandbox.status()
    state = "running" if status["running"] else "stopped"
    _print(
        status,
        args.json,
        f"sandbox {status['name']}: {state}; AMI {status['ami']['host']}:{status['ami']['port']},"
        f" SIP {status['sip']['host']}:{status['sip']['port']}, entry "
        f"{status['entry']['exten']}@{status['entry']['context']}, queue {status['queue']}",
    )
    return 0


def cmd_serve(config: Config, args: argparse.Namespace) -> int:
    from callbot.server import Server

    Server(config, metrics_path=args.metrics).serve_forever()
    return 0


def cmd_run(config: Config, args: argparse.Namespace) -> int:
    from callbot.app import open_tickets
    from callbot.console.runner import ConsoleProcess
    from callbot.sandbox import Sandbox
    from callbot.server import Server
    from callbot.speech.prompts import load_prompts, rendered_dir
    from callbot.speech.tts import render_prompts

    report = render_prompts(
        load_prompts(config.prompts.file),
        rendered_dir(config.prompts.rendered, config.prompts.file),
        engine=config.prompts.engine,
        gtts_timeout=config.prompts.gtts_timeout,
    )
    log.info("prompts: %d rendered, %d unchanged", len(report.rendered), len(report.unchanged))
    _ensure_model(config)
    open_tickets(config)
    status = Sandbox(config).up()
    server = Server(config)
    console = ConsoleProcess(config)
    console.start()
    try:
        print(_banner(config, status), flush=True)
        server.serve_forever()
    finally:
        console.stop()
    return 0


def _ensure_model(config: Config) -> None:
    """Fetch the Vietnamese model when none is installed; offline, say so and go on."""
    from callbot.errors import ModelError
    from callbot.speech.model_fetch import fetch
    from callbot.speech.model_files import DEFAULT_MODEL, VIETNAMESE, check_model_dir

    if config.asr.model != "auto":
        return
    for name in VIETNAMESE:
        try:
            check_model_dir(config.asr.models_dir / name)
        except ModelError:
            continue
        return
    try:
        fetch(DEFAULT_MODEL, config.asr.models_dir)
    except ModelError as exc:
        log.warning("running without the Vietnamese speech model: %s", exc)


def _banner(config: Config, status: dict[str, Any]) -> str:
    sip = f"{status['sip']['host']}:{status['sip']['port']}"
    ami = f"{status['ami']['host']}:{status['ami']['port']}"
    return f"""
callbot is running.
  sandbox Asterisk  AMI {ami}, SIP {sip}
  FastAGI           {config.agi.host}:{config.agi.port}
  tickets           {_mask(config.storage.effective_database_url)}
  operators' console http://{config.console.host}:{config.console.port}/
                    (first account: .venv/bin/callbot users add NAME --role admin --unit HCM)

Place a test call (every operator is busy in a fresh sandbox, so the callbot answers):
  .venv/bin/callbot call simulate --caller 0901234567
      (three answers spoken by espeak-ng; give your own with --answer FILE.wav, three times)
or call 1022 from a softphone registered as caller1 (password caller1-secret) at {sip}.
Then: .venv/bin/callbot tickets list
Stop with Ctrl-C; `.venv/bin/callbot sandbox down` stops Asterisk.
"""


def cmd_simulate(config: Config, args: argparse.Namespace) -> int:
    from callbot.app import load_prompt_library, open_tickets
    from callbot.lab.simulate import SimCall, Simulator, require_running
    from callbot.pbx.ami import AmiClient
    from callbot.sandbox import Sandbox

    require_running(Sandbox(config).status())
    answers = tuple(Path(a) for a in args.answer)
    if not answers:
        answers = _default_answers(config)
    ami = AmiClient.from_config(config.ami)
    ami.connect(timeout=config.ami.action_timeout)
    call = SimCall(
        answers=answers,
        caller_number=args.caller,
        caller_name=args.caller_name,
        end_with=args.end_with,
        hangup_after=args.hangup_after,
        ready=args.ready,
    )
    try:
        with Simulator(config, open_tickets(config), load_prompt_library(config), ami) as sim:
            (result,) = sim.run([call])
    finally:
        ami.close()
    data = result.as_dict()
    ticket = result.ticket
    text = (
        f"robot: {result.report.ended_by}, {result.report.answers_spoken} answer(s) spoken, "
        f"{result.seconds:.1f} s\n"
        + (_ticket_text(ticket.to_dict()) if ticket else f"no ticket ({result.error})")
    )
    _print(data, args.json, text)
    return 0 if result.error is None else 1


def _default_answers(config: Config) -> tuple[Path, ...]:
    """Three spoken answers rendered with espeak-ng, when none are given."""
    from callbot.speech.tts import synthesize_text

    texts = (
        "Nguyễn Văn An",
        "số mười hai đường Nguyễn Trãi phường hai quận năm",
        "gia đình tôi cần gạo và mì tôm",
    )
    cache = config.storage.root / "tts-cache"
    return tuple(synthesize_text(t, "espeak", cache) for t in texts)


_TRANSCRIPTION_MARKS = {
    "pending": "(transcribing)",
    "failed": "(not transcribed)",
    "no_speech": "(no speech)",
}


def _outcome_text(t: dict[str, Any]) -> str:
    """``complete / completed``, ``no speech``: how the call ended, for one line."""
    parts = [" / ".join(p for p in (t.get("outcome"), t.get("end_reason")) if p)]
    if t.get("no_speech"):
        parts.append("no speech")
    return ", ".join(p for p in parts if p)


def _ticket_text(t: dict[str, Any]) -> str:
    outcome = _outcome_text(t)
    lines = [
        f"ticket {t['number']} (id {t['id']}): {t['status']}{' - ' + outcome if outcome else ''}",
        f"  caller {t['caller_number'] or '-'} {t['caller_name'] or ''}".rstrip(),
        f"  created {t['created_at']}  call {t['channel_uniqueid']}",
    ]
    if t.get("callback_number"):
        lines.insert(2, f"  call back {t['callback_number']} ({t.get('callback_source')})")
    for a in t.get("answers", []):
        lines.append(
            f"  {a['step']:<10} {a['duration_seconds']:6.2f} s  {a['ended_by']:<10}"
            f" {a['audio_path']}"
        )
        state = a.get("transcription", "pending")
        if state == "done":
            lines.append(f"             {a['transcript']!r}  [{a.get('asr_model') or '?'}]")
        else:
            error = f": {a['transcription_error']}" if a.get("transcription_error") else ""
            lines.append(f"             {_TRANSCRIPTION_MARKS.get(state, state)}{error}")
    return "\n".join(lines)


def cmd_tickets(config: Config, args: argparse.Namespace) -> int:
    from callbot.app import open_tickets

    repo = open_tickets(config)
    if args.action == "recover":
        from callbot.intake.recovery import recover_pending

        report = recover_pending(repo, config.storage.recordings_dir)
        print(
            f"{len(report.recovered)} call(s) recovered into tickets, "
            f"{len(report.failed)} still pending"
        )
        return 0 if not report.failed else 1
    if args.action == "list":
        tickets = [t.to_dict() for t in repo.list(limit=args.limit, status=args.status)]
        text = (
            "\n".join(
                f"{t['number']}  {t['created_at'][:19]}  {t['status']:<12} "
                f"{len(t.get('answers', []))} answer(s)  {_outcome_text(t)}".rstrip()
                for t in tickets
            )
            or "no tickets"
        )
        _print(tickets, args.json, text)
    else:
        ticket = repo.get(int(args.id) if args.id.isdigit() and len(args.id) < 7 else args.id)
        _print(ticket.to_dict(), args.json, _ticket_text(ticket.to_dict()))
    return 0


def cmd_tickets_export(config: Config, args: argparse.Namespace) -> int:
    """A unit's tickets as CSV on standard output (the console's /export.csv, same code)."""
    from callbot.console.export import csv_bytes, parse_bound
    from callbot.operators.stats import TicketStats, command_line_user
    from callbot.tickets.db import make_engine, session_factory, upgrade
    from callbot.tickets.transactions import Transactions

    try:
        start, end = parse_bound(args.start, end=False), parse_bound(args.end, end=True)
    except ValueError as exc:
        raise CallbotError(f"tickets export: --from/--to: {exc} (use YYYY-MM-DD)") from exc
    engine = make_engine(config.storage.effective_database_url)
    upgrade(engine)
    stats = TicketStats(Transactions(session_factory(engine)))
    rows = stats.export_rows(command_line_user(), args.unit, start, end)
    sys.stdout.flush()
    sys.stdout.buffer.write(csv_bytes(rows))
    sys.stdout.buffer.flush()
    print(f"{len(rows)} ticket(s) of unit {args.unit} exported", file=sys.stderr)
    engine.dispose()
    return 0


def cmd_transcribe(config: Config, args: argparse.Namespace) -> int:
    """Queue answers for transcription again and run workers here until they are settled."""
    from callbot.app import build_transcription, open_tickets

    if bool(args.pending) == bool(args.ticket):
        raise CallbotError("transcribe: give either --pending or a TICKET (id or number)")
    if args.failed and not args.pending:
        raise CallbotError("transcribe: --failed goes with --pending (a TICKET redoes them all)")
    repo = open_tickets(config)
    if args.ticket:
        key = args.ticket
        ticket = repo.get(int(key) if key.isdigit() and len(key) < 7 else key)
        what = f"ticket {ticket.number}"
    else:
        ticket = None
        what = "pending answers" + (" and failed ones" if args.failed else "")
    pool = build_transcription(config, repo)  # loads the model first: a missing one fails here
    ids = repo.requeue(ticket.id) if ticket else repo.requeue_pending(include_failed=args.failed)
    if not ids:
        print(f"nothing to transcribe ({what})")
        return 0
    pool.start()
    try:
        pool.wait_for(ids, args.timeout)
    finally:
        pool.stop()
    answers = repo.answers(ids).values()
    counts = {state: sum(1 for a in answers if a.transcription == state) for state in _STATES}
    print(
        f"{what}: {len(ids)} answer(s): {counts['done']} transcribed, "
        f"{counts['no_speech']} no speech, {counts['failed']} not transcribed, "
        f"{counts['pending']} still pending"
    )
    return 0 if counts["failed"] == counts["pending"] == 0 else 1


_STATES = ("done", "no_speech", "failed", "pending")


def cmd_prompts(config: Config, args: argparse.Namespace) -> int:
    from callbot.speech.prompts import load_prompts, rendered_dir
    from callbot.speech.tts import render_prompts

    out = rendered_dir(config.prompts.rendered, config.prompts.file)
    report = render_prompts(
        load_prompts(config.prompts.file),
        out,
        engine=args.engine or config.prompts.engine,
        gtts_timeout=config.prompts.gtts_timeout,
    )
    engines = sorted(set(report.engines.values())) if report.engines else []
    print(
        f"{len(report.rendered)} rendered, {len(report.unchanged)} unchanged in {out}"
        + (f" (engine: {', '.join(engines)})" if engines else "")
    )
    return 0


def cmd_db(config: Config, args: argparse.Namespace) -> int:
    from callbot.app import open_tickets

    open_tickets(config)
    print(f"database at the current schema: {_mask(config.storage.effective_database_url)}")
    return 0


def _mask(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def cmd_config(config: Config, args: argparse.Namespace) -> int:
    data = as_dict(config)
    data["ami"]["secret"] = "***"  # noqa: S105 - masking, not a password
    print(json.dumps(data, indent=2))
    return 0


def cmd_bench(config: Config, args: argparse.Namespace) -> int:
    from callbot.lab.bench_calls import run_call_bench

    levels = [int(x) for x in args.concurrency.split(",") if x.strip()]
    print(run_call_bench(config, levels, json_output=args.json))
    return 0


def cmd_bench_asr(config: Config, args: argparse.Namespace) -> int:
    from callbot.lab.bench_asr import run_asr_bench

    levels = [int(x) for x in args.concurrency.split(",") if x.strip()]
    print(
        run_asr_bench(
            config, levels, figures=args.figure, rounds=args.rounds, json_output=args.json
        )
    )
    return 0


def cmd_models(config: Config, args: argparse.Namespace) -> int:
    from callbot.speech import model_fetch
    from callbot.speech import model_files as models

    if args.action == "fetch":
        name = args.name or models.DEFAULT_MODEL
        path = model_fetch.fetch(name, config.asr.models_dir, url=args.url, force=args.force)
        print(f"{name}: installed at {path}")
        return 0
    found = models.list_models(config.asr.models_dir)
    try:
        chosen: Path | None = models.resolve_model(config.asr)
    except CallbotError:
        chosen = None
    rows = [{**m.to_dict(), "in_use": chosen == m.path} for m in found]
    text = "\n".join(
        f"{'*' if r['in_use'] else ' '} {r['name']:<26} {r['size_bytes'] / 1e6:8.1f} MB  "
        f"{r['source']:<19} {r['path']}"
        + (f"\n    PROBLEM: {r['problem']}" if r["problem"] else "")
        for r in rows
    )
    text = (text or f"no speech model in {config.asr.models_dir}") + (
        f"\n(* = used by asr.model={config.asr.model})"
        if chosen
        else "\nno usable model: run `callbot models fetch`"
    )
    _print(rows, args.json, text)
    return 0


def cmd_console(config: Config, args: argparse.Namespace) -> int:
    from callbot.console.runner import serve

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
    from callbot.console.asgi import build_console
    from callbot.operators.login import add_user, hash_password

    accounts = build_console(config).accounts
    minimum = config.console.min_password_length
    if args.action == "add":
        user = add_user(
            accounts,
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
        accounts.set_password(args.name, hash_password(_read_password(config), minimum))
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
        _print(rows, args.json, text or "no users: add one with `callbot users add`")
    return 0


def cmd_bench_console(config: Config, args: argparse.Namespace) -> int:
    from callbot.lab.bench_console import run_console_bench

    print(
        run_console_bench(config, tickets=args.tickets, rounds=args.rounds, json_output=args.json)
    )
    return 0


def _add_console_commands(sub: Any, bench: Any) -> None:
    """console, users and bench console."""
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

    p = bench.add_parser("console", help="queue page render time and live-feed delay")
    p.add_argument("--tickets", type=int, default=10_000)
    p.add_argument("--rounds", type=int, default=50, help="queue page renders measured")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench_console)


# -- parser -------------------------------------------------------------------------------------


def cmd_parse(config: Config, args: argparse.Namespace) -> int:
    from callbot.understanding.registry import parse

    print(json.dumps(parse(args.kind, " ".join(args.text)), ensure_ascii=False))
    return 0


def cmd_eval_parse(config: Config, args: argparse.Namespace) -> int:
    from callbot.lab.evaluate import main_eval

    return main_eval(args.set_file, as_json=args.json, show_errors=args.errors)


def cmd_bench_parse(config: Config, args: argparse.Namespace) -> int:
    from callbot.lab.evaluate import main_bench

    return main_bench(args.set_file, as_json=args.json)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="callbot", description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, help="TOML configuration file")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="override one setting (repeatable)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="set up, start the sandbox and serve (make run)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("serve", help="FastAGI server and AMI queue monitor")
    p.add_argument("--metrics", type=Path, help="append timing figures as JSON lines")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("sandbox", help="the sandbox Asterisk")
    p.add_argument("action", choices=["up", "down", "status"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sandbox)

    call = sub.add_parser("call", help="test calls").add_subparsers(dest="call", required=True)
    p = call.add_parser("simulate", help="a robot caller through the sandbox's 1022 entry")
    p.add_argument("--caller", default="0901234567", help="caller number presented")
    p.add_argument("--caller-name", default="", help="caller name presented")
    p.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="FILE.wav",
        help="a spoken answer, in order (default: three espeak-ng answers)",
    )
    p.add_argument(
        "--end-with",
        choices=["silence", "pound"],
        default="silence",
        help="end each answer by going quiet (default) or pressing #",
    )
    p.add_argument(
        "--hangup-after",
        type=int,
        default=None,
        metavar="N",
        help="hang up when the question after the N-th answer starts",
    )
    p.add_argument(
        "--ready",
        action="store_true",
        help="wait until the ticket is transcribed and ready for operators (status new)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_simulate)

    _add_store_commands(sub)
    return parser


def _add_store_commands(sub: Any) -> None:
    """tickets, prompts, db, config and bench."""
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

    prompts = sub.add_parser("prompts", help="caller-facing audio")
    psub = prompts.add_subparsers(dest="action", required=True)
    p = psub.add_parser("render", help="render the prompt file to 8 kHz WAV")
    p.add_argument("--engine", choices=["auto", "gtts", "espeak"], default=None)
    p.set_defaults(func=cmd_prompts)

    db = sub.add_parser("db", help="the ticket database")
    dsub = db.add_subparsers(dest="action", required=True)
    dsub.add_parser("upgrade", help="migrate to the current schema").set_defaults(func=cmd_db)

    cfg = sub.add_parser("config", help="configuration")
    csub = cfg.add_subparsers(dest="action", required=True)
    csub.add_parser("show", help="the effective configuration").set_defaults(func=cmd_config)

    bench = sub.add_parser("bench", help="benchmarks that print figures")
    bsub = bench.add_subparsers(dest="action", required=True)
    p = bsub.add_parser("calls", help="route time, turn gap and memory per call")
    p.add_argument("--concurrency", default="1,10,50")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench)
    _add_asr_commands(sub, bsub)
    _add_understanding_commands(sub, bsub)
    _add_console_commands(sub, bsub)


def _add_understanding_commands(sub: Any, bench: Any) -> None:
    """parse, eval parse and bench parse."""
    p = sub.add_parser("parse", help="understand one transcript; prints JSON")
    p.add_argument("kind", choices=["name", "phone", "address", "need"])
    p.add_argument("text", nargs="+", help="the transcript (words may be separate arguments)")
    p.set_defaults(func=cmd_parse)

    ev = sub.add_parser("eval", help="evaluations that print figures")
    esub = ev.add_subparsers(dest="action", required=True)
    p = esub.add_parser("parse", help="parser accuracy per field on the labelled transcripts")
    p.add_argument("--set-file", type=Path, default=None, help="default: the bundled set")
    p.add_argument("--errors", action="store_true", help="list every wrong answer")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval_parse)

    p = bench.add_parser("parse", help="parser time per answer and gazetteer load time")
    p.add_argument("--set-file", type=Path, default=None, help="default: the bundled set")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench_parse)


def _add_asr_commands(sub: Any, bench: Any) -> None:
    """models, and bench asr."""
    p = bench.add_parser("asr", help="speech-to-text decode throughput: pipeline vs raw Vosk")
    p.add_argument("--concurrency", default="1,4,16", help="concurrent decodes, comma-separated")
    p.add_argument("--rounds", type=int, default=2, help="runs per level; the best one counts")
    p.add_argument(
        "--figure",
        action="append",
        default=None,
        help="run only this figure (repeatable; default: all)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench_asr)

    models = sub.add_parser("models", help="speech recognition models in asr.models_dir")
    msub = models.add_subparsers(dest="action", required=True)
    p = msub.add_parser("fetch", help="download, verify and install a model")
    p.add_argument("name", nargs="?", default=None, help="default: vosk-model-small-vn-0.4")
    p.add_argument("--url", default=None, help="another address (mirror, or file:///...zip)")
    p.add_argument("--force", action="store_true", help="replace an installed model")
    p.set_defaults(func=cmd_models)
    p = msub.add_parser("list", help="installed models and the package stand-in")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_models)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config, settings=args.set)
        _setup_logging(config, args.verbose)
        result: int = args.func(config, args)
        return result
    except CallbotError as exc:
        print(f"callbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
