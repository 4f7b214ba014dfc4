"""``callbot bench``, ``eval parse``, ``train`` and ``parse``: figures and probes for development.

``bench calls|load|asr|parse|console|intake|zalo`` print timing figures (text, or JSON with
``--json``), ``eval parse`` the parsers' accuracy on the labelled sets of transcripts (the
locked part's wrong answers only with ``--show-locked-errors``, which breaks the lock), and
``parse`` runs one parser on one transcript and prints what it understood as JSON. ``train
need-model`` fits the need parser's statistical model and writes its file; ``--rules-only``
(eval, bench) leaves it out, to measure the rules alone beside it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from callbot.config import Config


def cmd_bench(config: Config, args: argparse.Namespace) -> int:
    """``callbot bench calls``: the call benchmark at each ``--concurrency`` level."""
    from callbot.lab.bench_calls import run_call_bench

    levels = [int(x) for x in args.concurrency.split(",") if x.strip()]
    print(
        run_call_bench(
            config, levels, json_output=args.json, end_with=args.end_with, barge=args.barge
        )
    )
    return 0


def cmd_bench_asr(config: Config, args: argparse.Namespace) -> int:
    """``callbot bench asr``: decode throughput at each ``--concurrency`` level."""
    from callbot.lab.bench_asr import run_asr_bench

    levels = [int(x) for x in args.concurrency.split(",") if x.strip()]
    print(
        run_asr_bench(
            config, levels, figures=args.figure, rounds=args.rounds, json_output=args.json
        )
    )
    return 0


def cmd_bench_load(config: Config, args: argparse.Namespace) -> int:
    """``callbot bench load``: SIPp callers with RTP against a local cluster, per layout."""
    from callbot.lab.bench_load import run_load_bench

    print(
        run_load_bench(
            config,
            [int(x) for x in args.concurrency.split(",") if x.strip()],
            [int(x) for x in args.layouts.split(",") if x.strip()],
            rate=args.rate,
            wait=args.wait,
            speech_answers=args.speech_answers,
            faults=args.faults,
            json_output=args.json,
        )
    )
    return 0


def cmd_bench_console(config: Config, args: argparse.Namespace) -> int:
    """``callbot bench console``: queue page, live feed and dashboard times on a throw-away
    database."""
    from callbot.lab.bench_console import run_console_bench

    print(
        run_console_bench(config, tickets=args.tickets, rounds=args.rounds, json_output=args.json)
    )
    return 0


def cmd_bench_intake(config: Config, args: argparse.Namespace) -> int:
    """``callbot bench intake``: web form posts per second, their latency, and the delay to the
    console's live queue, on a throw-away database."""
    from callbot.lab.bench_intake import run_intake_bench

    print(
        run_intake_bench(
            config,
            rate=args.rate,
            seconds=args.seconds,
            connections=args.connections,
            workers=args.workers,
            json_output=args.json,
        )
    )
    return 0


def cmd_bench_zalo(config: Config, args: argparse.Namespace) -> int:
    """``callbot bench zalo``: the Zalo webhook's answer time under load, and the bot's first
    reply, against the stand-in for Zalo."""
    from callbot.lab.bench_zalo import run_zalo_bench, text

    figures = run_zalo_bench(args.rate, args.seconds, args.connections, args.reorder)
    print(json.dumps(figures, indent=2) if args.json else text(figures))
    return 0


def cmd_bench_parse(config: Config, args: argparse.Namespace) -> int:
    """``callbot bench parse``: parser time per answer on the labelled set, and the gazetteer's
    load time."""
    from callbot.lab.bench_parse import main_bench

    _rules_only(args)
    return main_bench(args.set_file, as_json=args.json)


def _rules_only(args: argparse.Namespace) -> None:
    """``--rules-only``: the need parser without its statistical model."""
    if getattr(args, "rules_only", False):
        from callbot.understanding.need_model import use_model

        use_model(False)


def cmd_eval_parse(config: Config, args: argparse.Namespace) -> int:
    """``callbot eval parse``: parser accuracy per field, emergency recall per service and false
    emergencies, on every labelled set (or on ``--set-file``)."""
    from callbot.lab.evaluate import main_eval

    _rules_only(args)
    return main_eval(
        args.set_file,
        as_json=args.json,
        show_errors=args.errors,
        show_locked_errors=args.show_locked_errors,
        half=args.half,
    )


def cmd_train_need(config: Config, args: argparse.Namespace) -> int:
    """``callbot train need-model``: fit the need parser's model on the labelled sets (never
    the locked part) and write its file."""
    from callbot.lab.train_need import main_train

    return main_train(args.out, as_json=args.json)


def cmd_parse(config: Config, args: argparse.Namespace) -> int:
    """``callbot parse KIND TEXT``: what the parser of ``KIND`` reads in the text, as JSON."""
    from callbot.understanding.registry import parse

    print(json.dumps(parse(args.kind, " ".join(args.text)), ensure_ascii=False))
    return 0


def add_parsers(sub: Any) -> None:
    """bench (calls, load, asr, parse, console, intake, zalo), train, parse and eval."""
    bench = sub.add_parser("bench", help="benchmarks that print figures")
    bsub = bench.add_subparsers(dest="action", required=True)
    p = bsub.add_parser(
        "calls", help="call length and its phases, turn gap, barge-in, route time, memory"
    )
    p.add_argument("--concurrency", default="1,10,50")
    p.add_argument(
        "--end-with",
        choices=["silence", "pound"],
        default="silence",
        help="the robots end each answer by going quiet (default) or pressing #",
    )
    p.add_argument(
        "--barge",
        type=int,
        default=1,
        metavar="N",
        help="robot calls that talk over the first question, 1 s in (0: none)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench)

    p = bsub.add_parser("load", help="SIPp callers with RTP: one node on one core vs two")
    p.add_argument("--concurrency", default="50,100,200", help="calls per run, comma-separated")
    p.add_argument("--layouts", default="1,2", help="1: a node and a worker on core 0; 2: two")
    p.add_argument("--rate", type=float, default=10.0, help="calls arriving per second")
    p.add_argument("--wait", type=float, default=1.5, help="dialog.transcript_wait_seconds")
    p.add_argument("--speech-answers", type=int, default=40, help="answers of the speech figure")
    p.add_argument("--faults", action="store_true", help="also: dead nodes, database restart")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench_load)

    _add_bench_parsers(bsub)
    _add_eval_parsers(sub)


def _add_bench_parsers(bsub: Any) -> None:
    """bench asr, parse, console, intake and zalo."""
    p = bsub.add_parser("asr", help="speech-to-text decode throughput: pipeline vs raw Vosk")
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

    p = bsub.add_parser("parse", help="parser time per answer and gazetteer load time")
    p.add_argument("--set-file", type=Path, default=None, help="default: the bundled set")
    p.add_argument(
        "--rules-only",
        action="store_true",
        help="time the need parser without its model only (default: with and without, same run)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench_parse)

    p = bsub.add_parser("console", help="queue page render time and live-feed delay")
    p.add_argument("--tickets", type=int, default=10_000)
    p.add_argument("--rounds", type=int, default=50, help="queue page renders measured")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench_console)

    p = bsub.add_parser("intake", help="web form posts per second and the live queue's delay")
    p.add_argument("--rate", type=float, default=200.0, help="form posts per second")
    p.add_argument("--seconds", type=float, default=10.0, help="how long to post")
    p.add_argument("--connections", type=int, default=32, help="keep-alive connections")
    p.add_argument("--workers", type=int, default=1, help="intake server processes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench_intake)

    p = bsub.add_parser("zalo", help="the Zalo webhook's answer time and the bot's first reply")
    p.add_argument("--rate", type=float, default=20.0, help="events a second")
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--reorder", type=float, default=1.0, help="zalo.reorder_seconds of the run")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench_zalo)


def _add_eval_parsers(sub: Any) -> None:
    """train need-model, parse (one transcript) and eval parse."""
    train = sub.add_parser("train", help="fit the parsers' statistical models")
    tsub = train.add_subparsers(dest="action", required=True)
    p = tsub.add_parser(
        "need-model",
        help="the need parser's model, from the labelled sets (never the locked part)",
    )
    p.add_argument("--out", type=Path, default=None, help="default: the bundled model file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_train_need)

    p = sub.add_parser("parse", help="understand one transcript; prints JSON")
    p.add_argument("kind", choices=["name", "phone", "address", "need"])
    p.add_argument("text", nargs="+", help="the transcript (words may be separate arguments)")
    p.set_defaults(func=cmd_parse)

    ev = sub.add_parser("eval", help="evaluations that print figures")
    esub = ev.add_subparsers(dest="action", required=True)
    p = esub.add_parser(
        "parse",
        help="parser accuracy per field, emergency recall per service, false emergencies",
        description="Scores the parsers on the labelled set, the hold-out set, the development "
        "and locked parts of the issue 13 set and its second to sixth development parts "
        "(or on --set-file). The locked part is only ever scored: its wrong answers are "
        "not printed, not even with --errors.",
    )
    p.add_argument(
        "--set-file",
        type=Path,
        default=None,
        help="score this set only (default: every standard set)",
    )
    p.add_argument(
        "--errors",
        action="store_true",
        help="list every wrong answer, except those of the locked part",
    )
    p.add_argument(
        "--show-locked-errors",
        action="store_true",
        help="also list the locked part's wrong answers; THIS BREAKS THE LOCK: whoever reads "
        "them can no longer measure on the locked part honestly",
    )
    p.add_argument(
        "--half",
        choices=["A", "B"],
        default=None,
        help="score one fixed half (by a hash of the ids) of --set-file, by default of the "
        "third development part: round 3 studies A and keeps B unseen",
    )
    p.add_argument(
        "--rules-only",
        action="store_true",
        help="the need parser without its statistical model (to measure both)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval_parse)
