"""``callbot eval parse``: the parsers scored on labelled sets of transcripts.

A set is a JSON Lines file, one transcript a line, written from what callers say, not from the
parsers' rules::

    {"id": "addr-001", "kind": "address", "text": "phường hai quận năm",
     "expect": {"ward": "Phường 2", "district": "Quận 5"}, "note": "optional"}

``expect`` holds the labelled keys of the parser's answer (:data:`REQUIRED` always,
:data:`OPTIONAL` when the labeller was sure; ``service``, the number the caller must hear
(:data:`SERVICES`), only on a need labelled ``urgency: emergency``). A field is right when the
parser's value equals the label (Unicode NFC; ``new_units`` as a set; a service may be given as
a number); a transcript is right when all its labelled keys are.

Emergency figures, on the needs: recall is the share of transcripts labelled emergency that the
parser calls an emergency, precision the share of its emergencies labelled so. Recall per
service counts an emergency found only when the parser also gives the labelled service (no
service, or another one, is a miss for that service). The false emergency rate is the share
of needs labelled ``high`` or ``normal`` that the parser calls an emergency
(:mod:`callbot.lab.eval_emergency`, which also counts the numbers told instead).

The repository's sets (:data:`callbot.lab.parse_sets.SETS`: the labelled set, the hold-out set,
and issue 13's development parts and locked part, each written apart from the parsers) are
what ``callbot eval parse`` scores by default (:func:`standard_sets`), so that each round of
fixes is measured on wordings nobody tuned for. The locked part's wrong answers are never
listed (``--errors`` lists those of the other sets) unless ``--show-locked-errors`` asks for
them, which breaks the lock: whoever reads them can no longer measure on it honestly. A set is
locked when it is that file or when its ids start with :data:`LOCKED_ID_PREFIX`, so a copy
stays locked under ``--set-file``. ``--half A|B`` scores one fixed half of a set (default: the
third development part; :mod:`callbot.lab.halves`; rounds 2 and 3 of issue 13 tuned on half A).

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
from callbot.lab import parse_sets as ps
from callbot.lab.eval_emergency import SERVICES, emergency_figures, ratio
from callbot.lab.eval_render import render_report, render_summary
from callbot.lab.halves import Half, select_half
from callbot.lab.parse_sets import set_file, standard_sets
from callbot.understanding.registry import KINDS, ParseResult, parser

REQUIRED: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "phone": ("phone", "valid"),
    "address": ("ward", "district"),
    "need": ("category", "urgency"),
}
OPTIONAL: dict[str, tuple[str, ...]] = {
    "address": ("house", "street", "new_units"),
    "need": ("service",),
}
CATEGORIES = ("food", "medical", "financial", "testing", "violation", "other")
URGENCIES = ("emergency", "high", "normal")
FIELDS = tuple(
    f"{kind}.{key}" for kind in REQUIRED for key in REQUIRED[kind] + OPTIONAL.get(kind, ())
)
LOCKED_ID_PREFIX = "lock-"


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
    """The repository's labelled set, ``tests/fixtures/parse_eval.jsonl``."""
    return set_file("parse_eval.jsonl")


def holdout_set_file() -> Path:
    """The repository's hold-out set ``tests/fixtures/parse_holdout.jsonl`` (never tuned on)."""
    return set_file("parse_holdout.jsonl")


def dev_set_file() -> Path:
    """The development part of the issue 13 set, ``tests/fixtures/parse_dev2.jsonl``."""
    return set_file("parse_dev2.jsonl")


def locked_set_file() -> Path:
    """The locked part of the issue 13 set, ``tests/fixtures/parse_locked.jsonl``: scored only."""
    return set_file("parse_locked.jsonl")


def is_locked(path: Path, cases: Sequence[Case]) -> bool:
    """Whether a set's wrong answers are withheld: the locked part, or a copy of it."""
    if path.resolve() == locked_set_file().resolve():
        return True
    return any(c.id.startswith(LOCKED_ID_PREFIX) for c in cases)


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
    if "service" in expect and expect["urgency"] != "emergency":
        raise ConfigError(
            f"{where}: expect 'service' is only for an emergency, "
            f"not for urgency {expect['urgency']!r}"
        )
    return Case(record["id"], kind, record["text"], expect, number)


def _value_problem(key: str, value: Any) -> str | None:
    if key == "valid":
        return None if isinstance(value, bool) else "must be true or false"
    if key == "category":
        return None if value in CATEGORIES else f"must be one of {', '.join(CATEGORIES)}"
    if key == "urgency":
        return None if value in URGENCIES else f"must be one of {', '.join(URGENCIES)}"
    if key == "service":
        return None if value in SERVICES else f"must be one of {', '.join(SERVICES)} (a string)"
    if key == "new_units":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else "must be a list of unit names"
    return None if value is None or isinstance(value, str) else "must be a string or null"


def _normal(key: str, value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if key == "new_units" and isinstance(value, list | tuple | set | frozenset):
        return sorted({unicodedata.normalize("NFC", str(v)) for v in value})
    if key == "service" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
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


def report(
    cases: Sequence[Case],
    outcomes: Sequence[Outcome],
    unavailable: dict[str, str],
    set_file: Path | str,
    show_errors: bool = False,
    *,
    name: str | None = None,
    locked: bool = False,
) -> dict[str, Any]:
    """The figures of one evaluation as a JSON-ready dict; its wrong answers if asked."""
    fields: dict[str, dict[str, Any]] = {}
    for fname in FIELDS:
        kind, key = fname.split(".")
        labelled = [o for o in outcomes if o.case.kind == kind and key in o.case.expect]
        if labelled:
            right = sum(key not in o.wrong for o in labelled)
            fields[fname] = {"right": right, "of": len(labelled), "accuracy": right / len(labelled)}
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
    right_cases = sum(not o.wrong for o in outcomes)
    fields_right = sum(f["right"] for f in fields.values())
    fields_of = sum(f["of"] for f in fields.values())
    data: dict[str, Any] = {
        "name": name or Path(set_file).name,
        "set_file": str(set_file),
        "locked": locked,
        "count": len(cases),
        "evaluated": len(outcomes),
        "all_right": right_cases,
        "accuracy": ratio(right_cases, len(outcomes)),
        "wrong_answers": len(outcomes) - right_cases,
        "fields_right": fields_right,
        "fields_of": fields_of,
        "field_accuracy": ratio(fields_right, fields_of),
        "fields": fields,
        "kinds": kinds,
        "emergency": emergency_figures(
            [(o.case.expect, o.got) for o in outcomes if o.case.kind == "need"]
        ),
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


def _shown(path: Path) -> str:
    """A repository file as a path from the repository's root, anything else as given."""
    root = default_set_file().resolve().parents[2]
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def score_set(
    path: Path,
    name: str | None,
    show_errors: bool,
    show_locked_errors: bool,
    half: Half | None = None,
) -> dict[str, Any]:
    """Load, evaluate and report one set (or one ``half`` of it, :mod:`.halves`); a locked set
    lists its errors only if asked apart."""
    cases = load_set(path)
    locked = is_locked(path, cases)
    if half is not None:
        cases = select_half(cases, half)
    outcomes, unavailable = evaluate(cases)
    show = show_locked_errors if locked else show_errors
    shown = _shown(path) if name else str(path)
    if half is not None:
        name = f"{name or Path(path).name}, half {half}"
    return report(cases, outcomes, unavailable, shown, show, name=name, locked=locked)


def main_eval(
    set_file: Path | None,
    as_json: bool,
    show_errors: bool,
    show_locked_errors: bool = False,
    half: Half | None = None,
) -> int:
    """``callbot eval parse``: the figures of one set, or of every standard set; 0 always.
    With ``half``, one half of ``set_file`` (default: the third development part)."""
    if half is not None and set_file is None:
        set_file = ps.set_file("parse_dev4.jsonl")
    if set_file is not None:
        data = score_set(set_file, None, show_errors, show_locked_errors, half)
        print(json.dumps(data, ensure_ascii=False, indent=2) if as_json else render_report(data))
        return 0
    reports = [score_set(p, n, show_errors, show_locked_errors) for n, p in standard_sets()]
    if as_json:
        print(json.dumps({"sets": reports}, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join([*(render_report(r) for r in reports), render_summary(reports)]))
    return 0
