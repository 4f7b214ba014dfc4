"""What the per-round need tests of issue 13 read of an answer (tests/unit/understanding)."""

from __future__ import annotations

from callbot.understanding.need import parse_need


def urgency(text: str) -> str:
    """The urgency the need parser reads in ``text``."""
    return parse_need(text).urgency


def urgency_and_service(text: str) -> tuple[str, str | None]:
    """The urgency and the emergency service the need parser reads in ``text``."""
    result = parse_need(text)
    return result.urgency, result.service
