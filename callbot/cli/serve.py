"""``callbot run``, ``serve`` and ``sandbox``: running the callbot and its sandbox Asterisk.

``run`` is ``make run``: it renders the prompts, fetches the Vietnamese model when none is
installed, migrates the database, starts the sandbox, the operators' console and the public
form (``callbot intake``), prints a banner and serves until Ctrl-C.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from callbot.cli.common import mask_url, print_result, require_database
from callbot.config import Config

log = logging.getLogger(__name__)


def cmd_sandbox(config: Config, args: argparse.Namespace) -> int:
    """``callbot sandbox up|down|status``: start or stop the sandbox Asterisk; how it is now."""
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
    print_result(
        status,
        args.json,
        f"sandbox {status['name']}: {state}; AMI {status['ami']['host']}:{status['ami']['port']},"
        f" SIP {status['sip']['host']}:{status['sip']['port']}, entry "
        f"{status['entry']['exten']}@{status['entry']['context']}, queue {status['queue']}",
    )
    return 0


def cmd_serve(config: Config, args: argparse.Namespace) -> int:
    """``callbot serve``: the call path (FastAGI, AMI, transcription) until SIGTERM or SIGINT."""
    from callbot.server import Server

    require_database(config)
    Server(config, metrics_path=args.metrics).serve_forever()
    return 0


def cmd_run(config: Config, args: argparse.Namespace) -> int:
    """``callbot run``: render the prompts, fetch the Vietnamese speech model when ``asr.model``
    is ``auto`` and none is installed, migrate the database, start the sandbox, then serve the
    calls with the console and the public form beside them until interrupted. ``--nodes N``
    (more than one) or ``--database postgresql``: a cluster on this machine
    (:mod:`callbot.cli.cluster`)."""
    from callbot.app import open_tickets
    from callbot.errors import CallbotError

    if not 1 <= args.nodes <= 8:
        raise CallbotError(f"run: --nodes must be between 1 and 8, not {args.nodes}")
    from callbot.console.runner import ConsoleProcess
    from callbot.public.runner import IntakeProcess
    from callbot.sandbox import Sandbox
    from callbot.server import Server
    from callbot.speech.prompts import load_prompts, rendered_dir
    from callbot.speech.render import render_prompts

    report = render_prompts(
        load_prompts(config.prompts.file),
        rendered_dir(config.prompts.rendered, config.prompts.file),
        engine=config.prompts.engine,
        gtts_timeout=config.prompts.gtts_timeout,
    )
    log.info("prompts: %d rendered, %d unchanged", len(report.rendered), len(report.unchanged))
    _ensure_model(config)
    if args.nodes > 1 or args.database == "postgresql":
        from callbot.cli.cluster import run_cluster

        return run_cluster(config, args.nodes, args.database)
    open_tickets(config)
    status = Sandbox(config).up()
    server = Server(config)
    console = ConsoleProcess(config)
    console.start()
    intake = IntakeProcess(config)
    intake.start()
    try:
        print(_banner(config, status), flush=True)
        server.serve_forever()
    finally:
        intake.stop()
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
  tickets           {mask_url(config.storage.effective_database_url)}
  operators' console http://{config.console.host}:{config.console.port}/
                    (first account: .venv/bin/callbot users add NAME --role admin --unit HCM)
  citizens' form    http://{config.intake.host}:{config.intake.port}/  (status: /status,
                    API: /api/docs; a key: .venv/bin/callbot api keys add NAME)

Place a test call (every operator is busy in a fresh sandbox, so the callbot answers):
  .venv/bin/callbot call simulate --caller 0901234567
      (three answers spoken by espeak-ng; give your own with --answer FILE.wav, three times)
or call 1022 from a softphone registered as caller1 (password caller1-secret) at {sip}.
Then: .venv/bin/callbot tickets list
Stop with Ctrl-C; `.venv/bin/callbot sandbox down` stops Asterisk.
"""


def add_parsers(sub: Any) -> None:
    """run, serve and sandbox."""
    p = sub.add_parser("run", help="set up, start the sandbox and serve (make run)")
    p.add_argument("--nodes", type=int, default=1, help="serve nodes (a local cluster if > 1)")
    p.add_argument(
        "--database",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="postgresql: a throwaway PostgreSQL for the run (storage.database_url otherwise)",
    )
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("serve", help="FastAGI server and AMI queue monitor")
    p.add_argument("--metrics", type=Path, help="append timing figures as JSON lines")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("sandbox", help="the sandbox Asterisk")
    p.add_argument("action", choices=["up", "down", "status"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sandbox)
