"""A ticket's fields from its transcribed answers: parsers, confidence, urgency and unit.

:func:`understand` takes the answers of one call (step, transcript, recognized words) and
returns the ticket's column values. For each step that has a parser (name, address, need,
phone), the latest attempt with words is parsed. A field's confidence is the parser's own
confidence times the mean confidence of the recognizer's words in that answer, so a clean
parse of a badly heard answer still shows as doubtful on the operators' screen. The
transcripts themselves stay on the answers, untouched. A parser that fails is logged and its
field marked with the error; the ticket is still made and routed (nothing is lost).

A written request's answers are its fields, their text as typed (no recognizer words, so the
parser's confidence stands alone). Its ``ward`` answer, when the citizen picked one in the
form's ward picker (a canonical name: "Phường 2, Quận 5" or "Phường Chợ Quán"), is read by
the address parser too and places the ticket instead of the address text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from callbot.routing.units import UnitsDirectory
from callbot.tickets.rules import URGENCY_RANK, Urgency
from callbot.understanding.registry import ParseResult, parser

logger = logging.getLogger(__name__)

# Dialog step -> parser kind. Steps without a parser (greeting, keypad, confirm) are skipped.
STEP_KINDS: Mapping[str, str] = {
    "name": "name",
    "address": "address",
    "need": "need",
    "phone": "phone",
    "ward": "address",  # a written request's ward picker
}


@dataclass(frozen=True)
class HeardAnswer:
    """One answer as the recognizer heard it."""

    answer_id: int
    step: str
    attempt: int
    transcript: str | None
    words: Sequence[Mapping[str, Any]] = ()  # [{"word", "conf", ...}]


@dataclass(frozen=True)
class Understanding:
    """What was understood of one call: ticket column values and per-field details."""

    name: str | None = None
    ward: str | None = None
    district: str | None = None
    new_unit: str | None = None
    category: str | None = None
    urgency: str = Urgency.NORMAL.value
    unit: str | None = None
    unit_name: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    def columns(self) -> dict[str, Any]:
        """The ticket columns to set (``tickets`` names)."""
        return {
            "name": self.name,
            "ward": self.ward,
            "district": self.district,
            "new_unit": self.new_unit,
            "category": self.category,
            "urgency": self.urgency,
            "urgency_rank": URGENCY_RANK[Urgency(self.urgency)],
            "emergency": self.urgency == Urgency.EMERGENCY,
            "unit": self.unit,
            "unit_name": self.unit_name,
            "fields": self.fields,
        }


def asr_confidence(words: Sequence[Mapping[str, Any]]) -> float | None:
    """Mean recognizer confidence of the words, or None without words."""
    confs = [float(w["conf"]) for w in words if isinstance(w.get("conf"), int | float)]
    return sum(confs) / len(confs) if confs else None


def latest_heard(answers: Sequence[HeardAnswer]) -> dict[str, HeardAnswer]:
    """Per step, the latest attempt that holds words."""
    latest: dict[str, HeardAnswer] = {}
    for answer in sorted(answers, key=lambda a: (a.attempt, a.answer_id)):
        if answer.transcript and answer.transcript.strip():
            latest[answer.step] = answer
    return latest


def field_entry(result: ParseResult, answer: HeardAnswer) -> dict[str, Any]:
    """The stored details of one field: parse, parser and recognizer confidence, combined."""
    heard = asr_confidence(answer.words)
    combined = result.confidence if heard is None else result.confidence * heard
    return {
        "answer_id": answer.answer_id,
        "parsed": result.as_dict(),
        "parser_confidence": round(result.confidence, 3),
        "asr_confidence": None if heard is None else round(heard, 3),
        "confidence": round(combined, 3),
    }


def understand(
    answers: Sequence[HeardAnswer],
    units: UnitsDirectory,
    parse: Callable[[str], Callable[[str], ParseResult]] = parser,
) -> Understanding:
    """Parse the call's answers into the ticket's fields and assign its unit."""
    fields: dict[str, Any] = {}
    results: dict[str, ParseResult] = {}  # by step
    for step, answer in latest_heard(answers).items():
        kind = STEP_KINDS.get(step)
        if kind is None or answer.transcript is None:
            continue
        try:
            result = parse(kind)(answer.transcript)
        except Exception as exc:  # a parser bug must not cost the ticket
            logger.exception("the %s parser failed on answer id %d", kind, answer.answer_id)
            fields[step] = {"answer_id": answer.answer_id, "error": type(exc).__name__}
            continue
        results[step] = result
        fields[step] = field_entry(result, answer)
    name = results["name"].as_dict().get("name") if "name" in results else None
    place = results.get("ward") or results.get("address")
    address = place.as_dict() if place is not None else {}
    need = results["need"].as_dict() if "need" in results else {}
    new_units = list(address.get("new_units") or [])
    assignment = units.assign(address.get("ward"), address.get("district"), new_units)
    fields["unit"] = {
        "code": assignment.code,
        "reason": assignment.reason,
        "candidates": list(assignment.candidates),
    }
    return Understanding(
        name=name,
        ward=address.get("ward"),
        district=address.get("district"),
        new_unit=new_units[0] if len(new_units) == 1 else None,
        category=need.get("category"),
        urgency=need.get("urgency") or Urgency.NORMAL.value,
        unit=assignment.code,
        unit_name=assignment.name,
        fields=fields,
    )
