"""``callbot call simulate``: a robot caller through the running sandbox's 1022 entry.

The robot speaks the given answers (by default three rendered with espeak-ng), and the
command prints how the call went and the ticket it left; the exit status is 1 when the call
did not end in time or left no finished ticket (with ``--ready``: none ready for operators).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from callbot.cli.common import print_result, require_database, ticket_text
from callbot.config import Config


def cmd_simulate(config: Config, args: argparse.Namespace) -> int:
    """``callbot call simulate``: one robot call through the running sandbox, then what it left;
    exit status 1 when the call or its ticket did not end as expected."""
    from callbot.app import load_prompt_library, open_tickets
    from callbot.lab.simulate import SimCall, Simulator, require_running
    from callbot.pbx.ami import AmiClient
    from callbot.sandbox import Sandbox

    require_running(Sandbox(config).status())
    require_database(config)
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
        + (
            "phases (s): " + ", ".join(f"{k} {v:.1f}" for k, v in result.phases.items()) + "\n"
            if result.phases
            else ""
        )
        + (ticket_text(ticket.to_dict()) if ticket else f"no ticket ({result.error})")
    )
    print_result(data, args.json, text)
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


def add_parsers(sub: Any) -> None:
    """call simulate."""
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
