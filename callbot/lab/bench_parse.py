"""``callbot bench parse``: the parsers' time per answer and their cold loads.

The benchmark times each parser per answer (p50, p99, max over at least
:data:`BENCH_MIN_ANSWERS` answers per kind, after a warm-up pass) on the transcripts of a
labelled set (default: the labelled set of :mod:`callbot.lab.evaluate`), and, each in a fresh
interpreter, the gazetteer's cold load and the need parser's (its import, then its first
answer: the lexicon's indexes built and the model read). Figures only, no pass or fail.

The need parser is timed twice in the same run, with its statistical model and with the rules
alone (``need_rules_only``), in alternating rounds so that the machine's load falls on both
alike; ``--rules-only`` (:func:`.need_model.use_model` off) times the rules alone only.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from callbot.lab import evaluate
from callbot.lab.evaluate import REQUIRED, default_set_file, load_set
from callbot.understanding.need_model import load as load_model
from callbot.understanding.need_model import model_enabled, use_model
from callbot.understanding.registry import ParseResult

BENCH_MIN_ANSWERS = 2000

_GAZETTEER_PROBE = """
import json, time
t0 = time.perf_counter()
try:
    import callbot.understanding.gazetteer as g
except ModuleNotFoundError as exc:
    if exc.name != "callbot.understanding.gazetteer":
        raise
    print(json.dumps({"unavailable": "no module callbot.understanding.gazetteer"}))
    raise SystemExit(0)
t1 = time.perf_counter()
if not hasattr(g, "load_gazetteer"):
    print(json.dumps({"unavailable": "callbot.understanding.gazetteer has no load_gazetteer()"}))
    raise SystemExit(0)
g.load_gazetteer()
t2 = time.perf_counter()
print(json.dumps({"total_ms": (t2 - t0) * 1e3, "import_ms": (t1 - t0) * 1e3,
                  "load_ms": (t2 - t1) * 1e3}))
"""


_NEED_PROBE = """
import json, time
t0 = time.perf_counter()
from callbot.understanding.need import parse_need
t1 = time.perf_counter()
parse_need("dạ")
t2 = time.perf_counter()
print(json.dumps({"total_ms": (t2 - t0) * 1e3, "import_ms": (t1 - t0) * 1e3,
                  "load_ms": (t2 - t1) * 1e3}))
"""


def gazetteer_cold_load(timeout: float = 120.0) -> dict[str, Any]:
    """Import the gazetteer and run ``load_gazetteer()`` in a fresh interpreter, timed there."""
    return _probe(_GAZETTEER_PROBE, timeout)


def need_cold_load(timeout: float = 120.0) -> dict[str, Any]:
    """Import the need parser and parse one answer in a fresh interpreter, timed there."""
    return _probe(_NEED_PROBE, timeout)


def _probe(code: str, timeout: float) -> dict[str, Any]:
    """The JSON figures ``code`` prints last, run in a fresh interpreter on this tree."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"unavailable": f"load did not finish in {timeout:.0f} s"}
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"unavailable": f"load failed: {last}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _percentile(ordered: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an ascending sequence."""
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def time_kind(
    func: Callable[[str], ParseResult], texts: Sequence[str], minimum: int = BENCH_MIN_ANSWERS
) -> dict[str, Any]:
    """Per-answer time of ``func(text).as_dict()`` over ``texts`` repeated to ``minimum``."""
    for text in texts:  # warm-up: lazy loads, caches
        func(text).as_dict()
    rounds = math.ceil(minimum / len(texts))
    times: list[float] = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        for text in texts:
            start = clock()
            func(text).as_dict()
            times.append((clock() - start) / 1e6)
    times.sort()
    return _figures(times)


def time_with_and_without_model(
    func: Callable[[str], ParseResult], texts: Sequence[str], minimum: int = BENCH_MIN_ANSWERS
) -> tuple[dict[str, Any], dict[str, Any]]:
    """:func:`time_kind` of the need parser with its model and with the rules alone, each round
    of ``texts`` timed once each way, the order alternating from round to round."""
    was = model_enabled()
    rounds = math.ceil(minimum / len(texts))
    times: dict[bool, list[float]] = {True: [], False: []}
    clock = time.perf_counter_ns
    try:
        for enabled in (True, False):  # warm-up of both
            use_model(enabled)
            for text in texts:
                func(text).as_dict()
        for r in range(rounds):
            for enabled in (True, False) if r % 2 == 0 else (False, True):
                use_model(enabled)
                for text in texts:
                    start = clock()
                    func(text).as_dict()
                    times[enabled].append((clock() - start) / 1e6)
    finally:
        use_model(was)
    with_model, rules_only = (_figures(sorted(times[e])) for e in (True, False))
    return with_model, rules_only


def _figures(times: list[float]) -> dict[str, Any]:
    return {
        "answers": len(times),
        "p50_ms": _percentile(times, 0.50),
        "p99_ms": _percentile(times, 0.99),
        "max_ms": times[-1],
        "mean_ms": sum(times) / len(times),
    }


def main_bench(set_file: Path | None, as_json: bool) -> int:
    """``callbot bench parse``: cold loads and time per answer per kind (the need parser with
    and without its model, unless the model is off or absent)."""
    path = set_file or default_set_file()
    cases = load_set(path)
    gazetteer = gazetteer_cold_load()
    need_load = need_cold_load()
    parsers, unavailable = evaluate.resolve_parsers({c.kind for c in cases})
    kinds: dict[str, dict[str, Any]] = {}
    for kind in REQUIRED:
        texts = [c.text for c in cases if c.kind == kind]
        if not texts:
            continue
        if kind in unavailable:
            kinds[kind] = {"unavailable": unavailable[kind]}
            continue
        try:
            if kind == "need" and model_enabled() and load_model() is not None:
                kinds[kind], kinds["need_rules_only"] = time_with_and_without_model(
                    parsers[kind], texts
                )
            else:
                kinds[kind] = time_kind(parsers[kind], texts)
        except Exception as exc:  # a parser crash is reported, not raised
            kinds[kind] = {"unavailable": f"parser failed: {type(exc).__name__}: {exc}"}
    data = {
        "set_file": str(path),
        "gazetteer_cold_load": gazetteer,
        "need_cold_load": need_load,
        "kinds": kinds,
    }
    print(json.dumps(data, ensure_ascii=False, indent=2) if as_json else render_bench(data))
    return 0


def render_bench(data: dict[str, Any]) -> str:
    """The figures of :func:`main_bench` for a person."""
    g = data["gazetteer_cold_load"]
    load = (
        f"unavailable ({g['unavailable']})"
        if "unavailable" in g
        else f"{g['total_ms']:.1f} ms (import {g['import_ms']:.1f} ms"
        f" + load_gazetteer() {g['load_ms']:.1f} ms, fresh process)"
    )
    out = [f"parse benchmark on {data['set_file']}", f"gazetteer cold load: {load}"]
    n = data.get("need_cold_load", {"unavailable": "not measured"})
    out += [
        "need parser cold load: "
        + (
            f"unavailable ({n['unavailable']})"
            if "unavailable" in n
            else f"{n['total_ms']:.1f} ms (import {n['import_ms']:.1f} ms"
            f" + first answer {n['load_ms']:.1f} ms: indexes and model, fresh process)"
        ),
        "",
        f"{'kind':<16} {'answers':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}",
    ]
    kinds = data["kinds"]
    for kind, k in kinds.items():
        if "unavailable" in k:
            out.append(f"{kind:<16} unavailable: {k['unavailable']}")
        else:
            out.append(
                f"{kind:<16} {k['answers']:>8} {k['p50_ms']:>8.3f} {k['p99_ms']:>8.3f}"
                f" {k['max_ms']:>8.3f}"
            )
    rules = kinds.get("need_rules_only", {})
    if "p50_ms" in rules and "p50_ms" in kinds.get("need", {}):
        need = kinds["need"]
        out.append(
            "need with its model / rules only, same run:"
            f" p50 x{need['p50_ms'] / rules['p50_ms']:.2f},"
            f" p99 x{need['p99_ms'] / rules['p99_ms']:.2f}"
        )
    return "\n".join(out)
