"""The ``callbot`` command line.

::

    callbot run [--nodes N] [--database sqlite|postgresql]
                                      set up what is missing, start the sandbox and serve
                                      (N nodes and a worker: a cluster on this machine)
    callbot serve [--metrics FILE]    FastAGI server + AMI queue monitor (one node)
    callbot worker                    transcription workers only (a speech node)
    callbot cluster status [--json]   nodes, their calls, workers, transcription backlog
    callbot sandbox up|down|status [--json]
    callbot call simulate [--caller N] [--answer FILE.wav ...] [--json]
    callbot tickets list [--json] | tickets show ID [--json]
    callbot tickets recover                    (calls recorded while the database was down)
    callbot tickets export --unit U [--from YYYY-MM-DD] [--to YYYY-MM-DD] > file.csv
    callbot transcribe --pending [--failed] | transcribe TICKET   (re-run speech-to-text)
    callbot db upgrade
    callbot config show
    callbot prompts render [--engine auto|gtts|espeak]
    callbot models fetch [NAME] [--url URL] [--force] | models list [--json]
    callbot bench calls [--concurrency 1,10,50]
    callbot bench asr [--concurrency 1,4,16] [--rounds 2] [--figure NAME ...] [--json]
    callbot bench parse [--json]                   (time per answer, gazetteer load)
    callbot bench console [--tickets 10000] [--json]
    callbot parse name|phone|address|need TEXT   (prints JSON)
    callbot eval parse [--set-file FILE] [--json]  (accuracy on the labelled transcripts)
    callbot console [--host H] [--port P]      the operators' web console
    callbot users add NAME --role operator|supervisor|admin --unit UNIT [--phone DEVICE]
                                               (password on stdin)
    callbot users list [--json] | users passwd NAME | users disable|enable NAME
    callbot users phone NAME DEVICE | users phone NAME --clear   (e.g. PJSIP/op1)
    callbot intake [--host H] [--port P]       the public web form, status page and REST API
    callbot api keys add NAME | list [--json] | revoke NAME   (the key printed once, last)
    callbot bench intake [--rate 200] [--seconds 10] [--json]
    callbot zalo tokens set --access T --refresh T --expires-in S | zalo status [--json]

Every command takes ``--config FILE`` and ``--set section.key=value`` (and ``-v`` to log at
DEBUG). Errors of callbot's own tree print one line (what happened and what to do) and exit
with status 2; Ctrl-C exits with 130; a reader that closes our output early (``| head``) ends
the command quietly with 141, as SIGPIPE would.

One module per command group, each with its commands and the ``add_parsers`` that registers
them: ``serve`` (run, serve, sandbox), ``cluster`` (worker, cluster status, the local cluster
of ``run --nodes``), ``calls`` (call simulate), ``tickets`` (tickets,
transcribe, db, config), ``speech`` (prompts, models), ``lab`` (bench, parse, eval) and
``operators`` (console, users), ``public`` (intake, api keys) and ``zalo`` (the Official
Account's tokens and status); ``common`` holds what they share. A command imports what it
needs when it runs, so ``callbot sandbox status`` does not load SQLAlchemy, pydub or the AMI
client.
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from callbot.cli import calls, cluster, lab, operators, public, serve, speech, tickets, zalo
from callbot.cli.common import setup_logging
from callbot.config import load_config
from callbot.errors import CallbotError


def build_parser() -> argparse.ArgumentParser:
    """The ``callbot`` argument parser: the common options and every group's commands."""
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
    for group in (serve, cluster, calls, tickets, speech, lab, operators, public, zalo):
        group.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``callbot`` command; its exit status (2 for an error of callbot's own tree, printed
    in one line; 130 on Ctrl-C)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        config = load_config(args.config, settings=args.set)
        setup_logging(config, args.verbose)
        result: int = args.func(config, args)
        sys.stdout.flush()  # here, so that a reader gone away is a broken pipe we catch
        return result
    except CallbotError as exc:
        print(f"callbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        if _stdout_closed():  # ours only if our own output is the broken pipe
            return _pipe_closed()
        raise
    finally:
        if "callbot.tickets.db" in sys.modules:  # only if this command opened a database
            sys.modules["callbot.tickets.db"].dispose_engines()


def _stdout_closed() -> bool:
    """Whether standard output is a pipe whose reader has gone (poll says POLLERR)."""
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (OSError, ValueError):
        return False


def _pipe_closed() -> int:
    """The reader of our output went away (``callbot tickets list | head -1``): no traceback,
    and nothing more written at exit; the status of a process ended by SIGPIPE (141)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit must not fail again
    os.close(devnull)
    return 128 + signal.SIGPIPE
