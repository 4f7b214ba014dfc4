"""The emergency figures of ``callbot eval parse``, over a set's needs (used by
:mod:`callbot.lab.evaluate`).

Each need comes as its label and the parser's answer (``None`` when the parser crashed):

- recall: the share of needs labelled ``urgency: emergency`` the parser calls an emergency;
  precision: the share of its emergencies labelled so;
- recall per service (:data:`SERVICES`): an emergency counts as found only when the parser
  also gives the labelled number, since the number is what the caller is told; beside it,
  how many were an emergency whatever the number, and how many were told which other number
  (``none`` when no number): a count by number, never which answers, so a locked set stays
  locked;
- the false emergency rate: the share of needs labelled ``high`` or ``normal`` the parser
  calls an emergency.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SERVICES = ("115", "114", "113")  # medical; fire and rescue; police

#: One need: its ``expect`` label and the parser's answer as a dict (``None``: it crashed).
Need = tuple[dict[str, Any], dict[str, Any] | None]


def ratio(right: int, of: int) -> float | None:
    """``right / of``, or ``None`` when there is nothing to count."""
    return right / of if of else None


def _flagged(need: Need) -> bool:
    got = need[1]
    return got is not None and got.get("urgency") == "emergency"


def _number(need: Need) -> str:
    """The number the parser gave, as a string (``none`` when it gave none)."""
    value = (need[1] or {}).get("service")
    return "none" if value is None else str(value)


def _service(labelled: list[Need], service: str) -> dict[str, Any]:
    """The figures of the needs labelled with ``service``."""
    flagged = [n for n in labelled if _flagged(n)]
    told = [_number(n) for n in flagged]
    return {
        "expected": len(labelled),
        "found": told.count(service),
        "recall": told.count(service) / len(labelled),
        "flagged": len(flagged),  # an emergency, whatever the number
        "told": {n: told.count(n) for n in sorted(set(told) - {service})},
    }


def emergency_figures(needs: Sequence[Need]) -> dict[str, Any]:
    """Recall (plain and per service), precision and the false emergency rate of ``needs``."""
    expected = [n for n in needs if n[0]["urgency"] == "emergency"]
    others = [n for n in needs if n[0]["urgency"] != "emergency"]
    predicted = sum(_flagged(n) for n in needs)
    found = sum(_flagged(n) for n in expected)
    false = sum(_flagged(n) for n in others)
    services: dict[str, dict[str, Any]] = {}
    for service in SERVICES:
        labelled = [n for n in expected if str(n[0].get("service")) == service]
        if labelled:
            services[service] = _service(labelled, service)
    return {
        "expected": len(expected),
        "predicted": predicted,
        "found": found,
        "recall": ratio(found, len(expected)),
        "precision": ratio(found, predicted),
        "services": services,
        "service_unlabelled": sum("service" not in n[0] for n in expected),
        "not_emergency": len(others),
        "false": false,
        "false_rate": ratio(false, len(others)),
    }
