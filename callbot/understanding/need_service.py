"""Which number an emergency caller must call: 115 (medical), 114 (fire, rescue), 113 (police).

Every emergency phrase of the lexicon names its service (:attr:`.need_base.Entry.alarm`); an
answer may hold several ("cháy nhà ... khói lên nghẹt thở", "cầm cây sắt đập đầu người ta").
:func:`choose_service` picks the one the caller must hear, first found in this order:

1. **114** when something is burning, exploding, collapsing, or someone is trapped or in the
   water: the rescue comes first, the injured are reached through it ("cháy nhà mà thằng con
   còn kẹt trên lầu", "nhà sập đè người"). Someone already *out* of the water ("vớt lên rồi mà
   hổng thở": a ``rescued`` phrase, not denied) needs 115, not 114.
2. **113** when violence, a threat, a theft or an abduction is going on ("đang đánh", "cầm
   dao", "dọa giết", "có trộm đang cạy cửa"), even with injuries: the attacker is still there;
   so too a wound or a beating when the attackers are still there ("bị chém ... tụi nó còn
   đứng ngoài": a ``perpetrator`` phrase).
3. **115** for a medical emergency (and what an answer's numbers say: SpO2, blood pressure); a
   wound ("bị đâm", "bị chém") is medical unless the attackers are still there (rule 2).
4. **114** for someone stuck, said in two parts ("kẹt ... không ra được", "nước lên ... bị cô
   lập"): a birth "kẹt" or a "không ra được" of a lockdown is no rescue when a medical
   emergency is said (rule 3).
5. **113** for a cry for help or a prowler alone ("kêu cứu", "rình rập"): a cry for help of
   someone short of breath is 115 (rule 3). Someone beaten ("bị đánh") is violence: rule 2.

:data:`SERVICE_CATEGORY` gives the emergency's category: 115 medical, 114 other, 113 violation.
"""

from __future__ import annotations

from collections.abc import Sequence

from callbot.understanding.need_base import SERVICE_CATEGORY, Category, Service
from callbot.understanding.need_match import Hit

__all__ = ["SERVICE_CATEGORY", "choose_service", "service_category"]

_WATER = "water"
_RESCUED = "rescued"
_VICTIM = "victim"
_STUCK = "stuck"
_WOUND = "wound"
_PERPETRATOR = "perpetrator"


def _service(hit: Hit, rescued: bool) -> Service | None:
    alarm = hit.entry.alarm
    if alarm == "114" and rescued and _WATER in hit.entry.tags:
        return "115"
    return alarm


def choose_service(hits: Sequence[Hit]) -> Service | None:
    """The service of the emergency among ``hits`` (live, not negated), or None if none is
    an emergency."""
    rescued = any(_RESCUED in h.entry.tags and not h.negated for h in hits)
    present = any(_PERPETRATOR in h.entry.tags for h in hits)
    found: set[Service] = set()
    weak: set[Service] = set()
    for hit in hits:
        service = _service(hit, rescued)
        if present and (_WOUND in hit.entry.tags or _VICTIM in hit.entry.tags):
            service = "113"
            found.add(service)
        elif service is not None and (_VICTIM in hit.entry.tags or _STUCK in hit.entry.tags):
            weak.add(service)
        elif service is not None:
            found.add(service)
    for service in ("114", "113", "115"):
        if service in found:
            return service
    for service in ("114", "113"):
        if service in weak:
            return service
    return None


def service_category(service: Service) -> Category:
    """An emergency's category: that of its service."""
    return SERVICE_CATEGORY[service]


def alarming(hits: Sequence[Hit], service: Service | None) -> list[Hit]:
    """The hits that made the answer an emergency of ``service``: the words to show."""
    if service is None:
        return []
    rescued = any(_RESCUED in h.entry.tags and not h.negated for h in hits)
    return [h for h in hits if _service(h, rescued) is not None]
