"""What the chat's dialog asks of the rest of callbot (:class:`~callbot.dialog.chat_engine.
ChatChecks`): the written requests' phone rule, a location placed in a ward, the ward picker,
and the need parser's emergency triage.

An emergency's number is the need parser's ``service`` (115 medical, 114 fire, 113 police)
when it gives one, else 115.
"""

from __future__ import annotations

from callbot.intake.fields import normalize_phone
from callbot.intake.places import is_ward_choice
from callbot.understanding.need import parse_need
from callbot.understanding.points import place_point

EMERGENCY_NUMBERS = ("115", "114", "113")
DEFAULT_EMERGENCY = "115"


class Checks:
    """The real checks (pure functions of callbot's understanding and intake rules)."""

    def phone(self, text: str) -> str | None:
        """A callback number as a written request takes it (mobile, or 028 landline)."""
        return normalize_phone(text[:32]) if text else None

    def place(self, latitude: float, longitude: float) -> tuple[str, str] | None:
        """The ward picker's value and a label for a point, if it can be placed."""
        found = place_point(latitude, longitude)
        if found is None or not is_ward_choice(found.value):
            return None
        return found.value, found.label

    def ward(self, text: str) -> str | None:
        """``text`` if it is exactly one of the ward picker's values."""
        value = " ".join(text.split())
        return value if is_ward_choice(value) else None

    def emergency(self, text: str) -> str | None:
        """The number to call if ``text`` tells of an emergency."""
        if not text.strip():
            return None
        result = parse_need(text[:2000])
        if result.urgency != "emergency":
            return None
        service = str(getattr(result, "service", "") or "")
        return service if service in EMERGENCY_NUMBERS else DEFAULT_EMERGENCY
