"""The figures of ``callbot eval parse`` for a person: one set's report and the summary table.

Pure functions over the JSON-ready dicts :func:`callbot.lab.evaluate.report` builds; nothing
here runs a parser or reads a set. A locked set's wrong answers appear only when the report
holds them (``--show-locked-errors``); otherwise its report says they are withheld.
"""

from __future__ import annotations

import json
from typing import Any

SERVICE_NAMES = {"115": "medical", "114": "fire, rescue", "113": "police"}
LOCK_NOTE = (
    "wrong answers of the locked part: {n}, not shown "
    "(only --show-locked-errors prints them, and reading them breaks the lock)"
)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def _count(right: int, of: int) -> str:
    return f"{right}/{of}"


def _emergency_lines(e: dict[str, Any]) -> list[str]:
    out = [
        f"emergency recall     {e['found']}/{e['expected']} {_pct(e['recall'])}"
        "  (labelled emergency, parsed emergency)",
        f"emergency precision  {e['found']}/{e['predicted']} {_pct(e['precision'])}"
        "  (parsed emergency, labelled emergency)",
    ]
    services = e.get("services", {})
    if services:
        out.append("recall per service   (labelled emergency, parsed emergency with that service)")
        for service, s in services.items():
            label = f"{service} {SERVICE_NAMES.get(service, '')}"
            out.append(
                f"  {label:<18} {_count(s['found'], s['expected']):>7} {_pct(s['recall']):>7}"
                f"  (an emergency whatever the service: {s['flagged']}/{s['expected']}"
                + "".join(f"; told {n}: {c}" for n, c in s.get("told", {}).items())
                + ")"
            )
    else:
        out.append("recall per service   n/a (no emergency here is labelled with a service)")
    if services and e.get("service_unlabelled"):
        out.append(f"  emergencies without a service label: {e['service_unlabelled']}")
    out.append(
        f"false emergencies    {e['false']}/{e['not_emergency']} {_pct(e['false_rate'])}"
        "  (labelled high or normal, parsed emergency)"
    )
    return out


def _error_lines(errors: list[dict[str, Any]]) -> list[str]:
    out = ["", f"wrong answers: {len(errors)}"]
    for err in errors:
        got = err["got"]
        shown = {k: got.get(k) for k in err["expected"]} if got is not None else None
        out += [
            f"  {err['id']} (line {err['line']}): {err['text']}",
            f"    expected {json.dumps(err['expected'], ensure_ascii=False)}",
            f"    got      {json.dumps(shown, ensure_ascii=False)}"
            + (f"  [{err['error']}]" if "error" in err else ""),
            f"    wrong    {', '.join(err['wrong'])}",
        ]
    return out


def render_report(data: dict[str, Any]) -> str:
    """One set's figures: per field, per kind, emergencies; its wrong answers if the report
    holds them."""
    title = data.get("name") or data["set_file"]
    where = (
        f" ({data['set_file']})" if data.get("name") and data["name"] != data["set_file"] else ""
    )
    lock = ", locked" if data.get("locked") else ""
    out = [f"parse evaluation: {title}{where}{lock}: {data['count']} transcripts", ""]
    out.append(f"{'field':<20} {'right':>6} {'of':>5} {'accuracy':>9}")
    for fname, f in data["fields"].items():
        out.append(f"{fname:<20} {f['right']:>6} {f['of']:>5} {_pct(f['accuracy']):>9}")
    if "fields_right" in data:
        out.append(
            f"{'all fields':<20} {data['fields_right']:>6} {data['fields_of']:>5}"
            f" {_pct(data['field_accuracy']):>9}"
        )
    out += ["", f"{'kind (all keys)':<20} {'right':>6} {'of':>5} {'accuracy':>9}"]
    for kind, k in data["kinds"].items():
        if "unavailable" in k:
            out.append(f"{kind:<20} {'':>6} {k['count']:>5}  unavailable: {k['unavailable']}")
        else:
            out.append(f"{kind:<20} {k['all_right']:>6} {k['count']:>5} {_pct(k['accuracy']):>9}")
    out.append(
        f"{'all':<20} {data['all_right']:>6} {data['evaluated']:>5} {_pct(data['accuracy']):>9}"
    )
    out += ["", *_emergency_lines(data["emergency"])]
    if "errors" in data:
        out += _error_lines(data["errors"])
    elif data.get("locked"):
        out += ["", LOCK_NOTE.format(n=data.get("wrong_answers", "?"))]
    return "\n".join(out)


def render_summary(reports: list[dict[str, Any]]) -> str:
    """One line per set: fields right, transcripts fully right, emergencies per service, false
    emergencies."""
    width = max([18, *(len(r["name"]) for r in reports)])
    head = (
        f"{'summary':<{width}} {'texts':>5} {'fields':>7} {'fully':>7} {'emerg.':>9}"
        f" {'115':>7} {'114':>7} {'113':>7} {'false emerg.':>15}"
    )
    out = [head]
    for r in reports:
        e = r["emergency"]
        per = []
        for service in ("115", "114", "113"):
            s = e.get("services", {}).get(service)
            per.append(_count(s["found"], s["expected"]) if s else "-")
        false = f"{e['false']}/{e['not_emergency']} {_pct(e['false_rate'])}"
        out.append(
            f"{r['name']:<{width}} {r['count']:>5} {_pct(r.get('field_accuracy')):>7}"
            f" {_pct(r['accuracy']):>7} {_count(e['found'], e['expected']):>9}"
            f" {per[0]:>7} {per[1]:>7} {per[2]:>7} {false:>15}"
        )
    out.append(
        "fields: labelled keys right; fully: transcripts with every key right; emerg.: "
        "emergencies found; 115/114/113: found with the right service"
    )
    return "\n".join(out)
