"""``callbot bench``, ``eval parse``, ``train`` and ``parse``: figures and probes for development.

``bench calls|asr|parse|console|intake`` print timing figures (text, or JSON with ``--json``),
``eval parse`` the parsers' accuracy on the labelled sets of transcripts (the locked part's
wrong answers only with ``--show-locked-errors``, which breaks the lock), and ``parse`` runs
one parser on one transcript and prints what it understood as JSON. ``train need-model`` fits
the need parser's statistical model and writes its file; ``--rules-only`` (eval, bench) leaves
it out, to measure the rules alone beside it.
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
    print(run_call_bench(config, levels, json_output=args.json))
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
    half B of the second development part, never the locked part) and write its file."""
    from callbot.lab.train_need import main_train

    return main_train(args.out, as_json=args.json)


def cmd_parse(config: Config, args: argparse.Namespace) -> int:
    """``callbot parse KIND TEXT``: what the parser of ``KIND`` reads in the text, as JSON."""
    from callbot.understanding.registry import parse

    print(json.dumps(parse(args.kind, " ".join(args.text)), ensure_ascii=False))
    return 0


def add_parsers(sub: Any) -> None:
    """bench (calls, asr, parse, console, intake), train, parse and eval."""
    bench = sub.add_parser("bench", help="benchmarks that print figures")
    bsub = bench.add_subparsers(dest="action", required=True)
    p = bsub.add_parser("calls", help="route time, turn gap and memory per call")
    p.add_argument("--concurrency", default="1,10,50")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench)

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

    train = sub.add_parser("train", help="fit the parsers' statistical models")
    tsub = train.add_subparsers(dest="action", required=True)
    p = tsub.add_parser(
        "need-model",
        help="the need parser's model, from the labelled sets (never half B, never locked)",
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
        "and locked parts of the issue 13 set and its second development part (or on "
        "--set-file). The locked part is only ever scored: its wrong answers are not printed, "
        "not even with --errors.",
    )
    p.add_argument(
        "--set-file", type=Path, default=None, help="score this set only (default: all five)"
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
        "second development part: A was studied in round 2, B only in its final pass",
    )
    p.add_argument(
        "--rules-only",
        action="store_true",
        help="the need parser without its statistical model (to measure both)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval_parse)
