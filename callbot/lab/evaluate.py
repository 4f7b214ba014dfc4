"""``callbot eval parse``: the parsers measured on a labelled set.

The set is a JSON Lines file (default: the repository's ``tests/fixtures/parse_eval.jsonl``),
one transcript a line, written from what callers say, not from the parsers' rules::

    {"id": "addr-001", "kind": "address", "text": "phường hai quận năm",
     "expect": {"ward": "Phường 2", "district": "Quận 5"}, "note": "optional"}

``expect`` holds the labelled keys of the parser's answer (:data:`REQUIRED` always,
:data:`OPTIONAL` when the labeller was sure). A field is right when the parser's value equals
the label (Unicode NFC; ``new_units`` as a set); a transcript is right when all its labelled
keys are. Emergency recall is the share of transcripts labelled ``urgency: emergency`` that the
need parser calls an emergency, precision the share of its emergencies that are labelled so.

A second set, ``tests/fixtures/parse_holdout.jsonl`` (:func:`holdout_set_file`), is labelled the
same way but never tuned on: ``callbot eval parse --set-file tests/fixtures/parse_holdout.jsonl``
measures how the parsers generalise. It has no target.

The evaluation is a measurement: it prints figures and exits 0 whatever they are; a missing or
malformed set file raises :class:`~callbot.errors.ConfigError` naming the file and line. A kind
whose parser cannot be imported is reported unavailable rather than failing the others.
``callbot bench parse`` (:mod:`callbot.lab.bench_parse`) times the same parsers.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callbot.errors import ConfigError
from callbot.understanding.registry import KINDS, ParseResult, parser

REQUIRED: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "phone": ("phone", "valid"),
    "address": ("ward", "district"),
    "need": ("category", "urgency"),
}
OPTIONAL: dict[str, tuple[str, ...]] = {"address": ("house", "street", "new_units")}
CATEGORIES = ("food", "medical", "financial", "testing", "violation", "other")
URGENCIES = ("emergency", "high", "normal")
FIELDS = tuple(
    f"{kind}.{key}" for kind in REQUIRED for key in REQUIRED[kind] + OPTIONAL.get(kind, ())
)


@dataclass(frozen=True)
class Case:
    """One labelled transcript of the set."""

    id: str
    kind: str
    text: str
    expect: dict[str, Any]
    line: int


@dataclass
class Outcome:
    """What the parser said about one case, and which labelled keys it got wrong."""

    case: Case
    got: dict[str, Any] | None
    wrong: list[str] = field(default_factory=list)
    error: str | None = None


def default_set_file() -> Path:
    """The repository's ``tests/fixtures/parse_eval.jsonl``, found from this package."""
    return Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "parse_eval.jsonl"


def holdout_set_file() -> Path:
    """The repository's hold-out set ``tests/fixtures/parse_holdout.jsonl`` (never tuned on)."""
    return default_set_file().with_name("parse_holdout.jsonl")


def load_set(path: Path | None = None) -> list[Case]:
    """Read and check the set file; :class:`ConfigError` names the file and line of a fault."""
    path = path or default_set_file()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(
            f"parse evaluation set {path}: cannot read it ({exc.strerror}); "
            "give one with --set-file"
        ) from exc
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: not valid JSON ({exc.msg})") from exc
        case = _check_record(record, where, number)
        if case.id in seen:
            raise ConfigError(f"{where}: id {case.id!r} already used on line {seen[case.id]}")
        seen[case.id] = number
        cases.append(case)
    if not cases:
        raise ConfigError(f"parse evaluation set {path}: no transcripts in it")
    return cases


def _check_record(record: Any, where: str, number: int) -> Case:
    if not isinstance(record, dict):
        raise ConfigError(f"{where}: a line must be a JSON object")
    for key in ("id", "kind", "text"):
        if not isinstance(record.get(key), str) or not record[key]:
            raise ConfigError(f"{where}: {key!r} must be a non-empty string")
    kind, expect = record["kind"], record.get("expect")
    if kind not in REQUIRED:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(REQUIRED)}")
    if not isinstance(expect, dict):
        raise ConfigError(f"{where}: 'expect' must be a JSON object")
    missing = [k for k in REQUIRED[kind] if k not in expect]
    unknown = [k for k in expect if k not in REQUIRED[kind] + OPTIONAL.get(kind, ())]
    if missing or unknown:
        raise ConfigError(
            f"{where}: expect of a {kind} needs {', '.join(REQUIRED[kind])}"
            + (f"; missing {', '.join(missing)}" if missing else "")
            + (f"; unknown {', '.join(unknown)}" if unknown else "")
        )
    for key, value in expect.items():
        problem = _value_problem(key, value)
        if problem:
            raise ConfigError(f"{where}: expect {key!r} {problem}")
    return Case(record["id"], kind, record["text"], expect, number)


def _value_problem(key: str, value: Any) -> str | None:
    if key == "valid":
        return None if isinstance(value, bool) else "must be true or false"
    if key == "category":
        return None if value in CATEGORIES else f"must be one of {', '.join(CATEGORIES)}"
    if key == "urgency":
        return None if value in URGENCIES else f"must be one of {', '.join(URGENCIES)}"
    if key == "new_units":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else "must be a list of unit names"
    return None if value is None or isinstance(value, str) else "must be a string or null"


def _normal(key: str, value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if key == "new_units" and isinstance(value, list | tuple | set | frozenset):
        return sorted({unicodedata.normalize("NFC", str(v)) for v in value})
    return value


def resolve_parsers(
    kinds: set[str],
) -> tuple[dict[str, Callable[[str], ParseResult]], dict[str, str]]:
    """The parser of each kind, and why a kind has none (its module does not import)."""
    found: dict[str, Callable[[str], ParseResult]] = {}
    unavailable: dict[str, str] = {}
    for kind in sorted(kinds):
        try:
            found[kind] = parser(kind)
        except Exception as exc:  # a broken parser is a figure, not a crash
            unavailable[kind] = f"{KINDS[kind][0]}.{KINDS[kind][1]}: {type(exc).__name__}: {exc}"
    return found, unavailable


def evaluate(cases: Sequence[Case]) -> tuple[list[Outcome], dict[str, str]]:
    """Run each case's parser; the outcomes of available kinds and the unavailable kinds."""
    parsers, unavailable = resolve_parsers({c.kind for c in cases})
    outcomes: list[Outcome] = []
    for case in cases:
        if case.kind in unavailable:
            continue
        try:
            got = parsers[case.kind](case.text).as_dict()
        except Exception as exc:  # a parser crash is a wrong answer
            outcomes.append(Outcome(case, None, list(case.expect), f"{type(exc).__name__}: {exc}"))
            continue
        wrong = [k for k in case.expect if _normal(k, case.expect[k]) != _normal(k, got.get(k))]
        outcomes.append(Outcome(case, got, wrong))
    return outcomes, unavailable


def _ratio(right: int, of: int) -> float | None:
    return right / of if of else None


def report(
    cases: Sequence[Case],
    outcomes: Sequence[Outcome],
    unavailable: dict[str, str],
    set_file: Path,
    show_errors: bool = False,
) -> dict[str, Any]:
    """The figures of one evaluation as a JSON-ready dict."""
    fields: dict[str, dict[str, Any]] = {}
    for name in FIELDS:
        kind, key = name.split(".")
        labelled = [o for o in outcomes if o.case.kind == kind and key in o.case.expect]
        if labelled:
            right = sum(key not in o.wrong for o in labelled)
            fields[name] = {"right": right, "of": len(labelled), "accuracy": right / len(labelled)}
    kinds: dict[str, dict[str, Any]] = {}
    for kind in REQUIRED:
        n = sum(c.kind == kind for c in cases)
        if not n:
            continue
        if kind in unavailable:
            kinds[kind] = {"count": n, "unavailable": unavailable[kind]}
            continue
        right = sum(not o.wrong for o in outcomes if o.case.kind == kind)
        kinds[kind] = {"count": n, "all_right": right, "accuracy": right / n}
    needs = [o for o in outcomes if o.case.kind == "need"]
    expected = [o for o in needs if o.case.expect["urgency"] == "emergency"]
    predicted = [o for o in needs if o.got and o.got.get("urgency") == "emergency"]
    found = sum(o.got is not None and o.got.get("urgency") == "emergency" for o in expected)
    right_cases = sum(not o.wrong for o in outcomes)
    data: dict[str, Any] = {
        "set_file": str(set_file),
        "count": len(cases),
        "evaluated": len(outcomes),
        "all_right": right_cases,
        "accuracy": _ratio(right_cases, len(outcomes)),
        "fields": fields,
        "kinds": kinds,
        "emergency": {
            "expected": len(expected),
            "predicted": len(predicted),
            "found": found,
            "recall": _ratio(found, len(expected)),
            "precision": _ratio(found, len(predicted)),
        },
    }
    if show_errors:
        data["errors"] = [
            {
                "id": o.case.id,
                "kind": o.case.kind,
                "line": o.case.line,
                "text": o.case.text,
                "expected": o.case.expect,
                "got": o.got,
                "wrong": o.wrong,
                **({"error": o.error} if o.error else {}),
            }
            for o in outcomes
            if o.wrong
        ]
    return data


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def render_report(data: dict[str, Any]) -> str:
    """The figures of :func:`report` for a person."""
    out = [f"parse evaluation on {data['set_file']}: {data['count']} transcripts", ""]
    out.append(f"{'field':<20} {'right':>6} {'of':>5} {'accuracy':>9}")
    for name, f in data["fields"].items():
        out.append(f"{name:<20} {f['right']:>6} {f['of']:>5} {_pct(f['accuracy']):>9}")
    out += ["", f"{'kind (all keys)':<20} {'right':>6} {'of':>5} {'accuracy':>9}"]
    for kind, k in data["kinds"].items():
        if "unavailable" in k:
            out.append(f"{kind:<20} {'':>6} {k['count']:>5}  unavailable: {k['unavailable']}")
        else:
            out.append(f"{kind:<20} {k['all_right']:>6} {k['count']:>5} {_pct(k['accuracy']):>9}")
    out.append(
        f"{'all':<20} {data['all_right']:>6} {data['evaluated']:>5} {_pct(data['accuracy']):>9}"
    )
    e = data["emergency"]
    out += [
        "",
        f"emergency recall     {e['found']}/{e['expected']} {_pct(e['recall'])}"
        "  (labelled emergency, parsed emergency)",
        f"emergency precision  {e['found']}/{e['predicted']} {_pct(e['precision'])}"
        "  (parsed emergency, labelled emergency)",
    ]
    if "errors" in data:
        out += ["", f"wrong answers: {len(data['errors'])}"]
        for err in data["errors"]:
            got = err["got"]
            shown = {k: got.get(k) for k in err["expected"]} if got is not None else None
            out += [
                f"  {err['id']} (line {err['line']}): {err['text']}",
                f"    expected {json.dumps(err['expected'], ensure_ascii=False)}",
                f"    got      {json.dumps(shown, ensure_ascii=False)}"
                + (f"  [{err['error']}]" if "error" in err else ""),
                f"    wrong    {', '.join(err['wrong'])}",
            ]
    return "\n".join(out)


def main_eval(set_file: Path | None, as_json: bool, show_errors: bool) -> int:
    """``callbot eval parse``: print the figures; 0 whatever they are."""
    path = set_file or default_set_file()
    cases = load_set(path)
    outcomes, unavailable = evaluate(cases)
    data = report(cases, outcomes, unavailable, path, show_errors)
    print(json.dumps(data, ensure_ascii=False, indent=2) if as_json else render_report(data))
    return 0
