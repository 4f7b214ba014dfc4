"""``callbot prompts`` and ``models``: the speech the callbot says and the models it hears with.

``prompts render`` renders the caller-facing prompt file to 8 kHz WAV; ``models fetch|list``
install and show the Vosk models in ``asr.models_dir`` (and which one ``asr.model`` picks).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from callbot.cli.common import print_result
from callbot.config import Config
from callbot.errors import CallbotError


def cmd_prompts(config: Config, args: argparse.Namespace) -> int:
    """``callbot prompts render``: render the prompt file to 8 kHz WAV, skipping what is current."""
    from callbot.speech.prompts import load_prompts, rendered_dir
    from callbot.speech.render import render_prompts

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


def cmd_models(config: Config, args: argparse.Namespace) -> int:
    """``callbot models fetch|list``: install a speech model, or list those installed and the one
    in use."""
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
    print_result(rows, args.json, text)
    return 0


def add_parsers(sub: Any) -> None:
    """prompts and models."""
    prompts = sub.add_parser("prompts", help="caller-facing audio")
    psub = prompts.add_subparsers(dest="action", required=True)
    p = psub.add_parser("render", help="render the prompt file to 8 kHz WAV")
    p.add_argument("--engine", choices=["auto", "gtts", "espeak"], default=None)
    p.set_defaults(func=cmd_prompts)

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
