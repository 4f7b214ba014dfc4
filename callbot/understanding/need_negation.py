"""Which of the need parser's hits the caller denies: "không sốt", "không có ai bị đuối nước".

A denial must scope over the event it denies, not over the whole answer ("không sốt nhưng khó
thở" denies the fever only). Symptoms and emergencies are denied differently, since a missed
emergency costs a life and a false one a few seconds of an operator's time:

- **A symptom** ("sốt", "ho": ``negatable``) is denied by a negator up to
  :data:`~.need_lexicon.NEGATION_WINDOW` words before it ("không sốt", "không có ai bị ho"),
  unless a stop ("nhưng", "mà"...) or another need's words come between; "hết", "khỏi", "đỡ"
  deny only right before it ("hết sốt").
- **An emergency** is denied by a negator right before it, possibly through bridges ("không
  khó thở", "không bị khó thở", "không phải là ngất", "đâu có khó thở"), or right after it
  ("khó thở thì không"). Through "ai", "người nào", "đứa nào" ("nobody") it is denied only
  when the sentence says the event is predicated of that nobody: a "bị" after it ("không có
  ai bị đuối nước", "không bị ai đánh") or a closing "gì/hết/cả/đâu/nào" right after the
  event ("chẳng có ai ngất cả", "không có ai khó thở hết"). A bare "không có ai khó thở" stays
  an emergency: without punctuation it may be "nobody is home, (she is) short of breath".
- **A self-repair is no denial**: "bị ho à hổng phải khó thở" ("a cough, no, I mean short of
  breath") asserts what follows the "à không phải" (:func:`.need_base.self_repair`), unless
  a closer makes it a denial after all ("à không phải bị đánh đâu").
- **The same kind, minimised.** After a denied emergency, "chỉ là", "chỉ có", "chỉ bị" say
  what happened instead ("không có cháy nổ gì hết chỉ là cái quạt bốc mùi khét"): the
  emergencies of the same service said after it are the minor thing, not an emergency.
"""

from __future__ import annotations

from dataclasses import replace

from callbot.understanding.need_base import self_repair
from callbot.understanding.need_lexicon import (
    EMERGENCY_BRIDGES,
    EMERGENCY_DENIAL_ENDS,
    EMERGENCY_NEGATORS,
    NEGATION_STOPS,
    NEGATION_WINDOW,
    NEGATORS,
    NEGATORS_AT_ONCE,
)
from callbot.understanding.need_match import Hit
from callbot.understanding.text import INTERJECTIONS

# "không có ai bị ...", "không có người nào bị ...", "không bị ai đánh": nobody.
_NOBODY = frozenset({"ai", "người", "nào", "đứa"})
# Closers that make a denial through "nobody" plain: "... ngất cả", "... đuối nước hết".
_CLOSERS = frozenset({"gì", "hết", "cả", "đâu", "nào", "chi"})
_CLOSER_REACH = 2
# How far back a denial of an emergency may reach over bridges and "nobody" words.
_BRIDGE_REACH = 5
# "chỉ là", "chỉ có", "chỉ bị": what happened instead of the denied emergency.
_MINIMISERS = frozenset({"chỉ"})
_SICK = "sick"


def before(words: list[str], start: int, reach: int) -> list[int]:
    """The indexes of up to ``reach`` words before ``start``, nearest first, interjections
    stepped over."""
    out: list[int] = []
    for i in range(start - 1, -1, -1):
        if len(out) == reach:
            break
        if words[i] not in INTERJECTIONS:
            out.append(i)
    return out


def _denied_after(hit: Hit, words: list[str]) -> bool:
    """An emergency denied right after it: "khó thở thì không (có)", "ngất thì chưa"."""
    after = words[hit.end : hit.end + 3]
    return (
        len(after) >= 2
        and after[0] == "thì"
        and after[1] in EMERGENCY_NEGATORS
        and (len(after) == 2 or after[2] in EMERGENCY_DENIAL_ENDS)
    )


def _closed(hit: Hit, words: list[str]) -> bool:
    """A closer right after the event ("ngất cả", "đuối nước hết", "đánh nhau gì hết")."""
    return any(w in _CLOSERS for w in words[hit.end : hit.end + _CLOSER_REACH])


def _emergency_denied(hit: Hit, words: list[str]) -> bool:
    crossed: list[str] = []
    for i in before(words, hit.start, _BRIDGE_REACH):
        word = words[i]
        if word in EMERGENCY_NEGATORS:
            if self_repair(words, i, hit.start, hit.end):
                return False  # "bị ho à hổng phải khó thở": corrected to it, not denied
            if not crossed:
                return True
            nobody = [k for k, w in enumerate(crossed) if w in _NOBODY]
            if not nobody:
                return len(crossed) <= 2  # "không bị", "không phải là", "đâu có"
            # "không có ai bị X", "không bị ai X", "chẳng có ai X cả"
            return "bị" in crossed or _closed(hit, words)
        if word not in EMERGENCY_BRIDGES and word not in _NOBODY:
            return False
        crossed.append(word)
    return False


def _denied(hit: Hit, words: list[str], owned: set[int]) -> bool:
    """Whether the words around ``hit`` deny it (module docstring)."""
    if hit.entry.urgency == "emergency":
        return _emergency_denied(hit, words) or _denied_after(hit, words)
    for distance, i in enumerate(before(words, hit.start, NEGATION_WINDOW), start=1):
        if words[i] in NEGATION_STOPS or i in owned:
            return False
        if words[i] in NEGATORS or (distance == 1 and words[i] in NEGATORS_AT_ONCE):
            return True
    return False


def negate(hits: list[Hit], words: list[str]) -> list[Hit]:
    """``hits`` with those the answer denies marked ``negated``."""
    owned = {i for h in hits if h.entry.category is not None for i in range(h.start, h.end)}
    return [
        replace(h, negated=True)
        if (h.entry.negatable or h.entry.urgency == "emergency") and _denied(h, words, owned)
        else h
        for h in hits
    ]


def minimised(hits: list[Hit], words: list[str]) -> list[Hit]:
    """``hits`` with what a "chỉ" after a denied emergency says happened instead made minor:
    the emergencies of the same service are ``negated`` ("không có cháy nổ gì hết chỉ là ...
    mùi khét"), a symptom combines no more into a high need ("tôi không khó thở đâu chỉ ho
    khan mấy hôm": a cough, not a cough for days)."""
    denied = [h for h in hits if h.negated and h.entry.alarm is not None]
    if not denied:
        return hits

    def after_only(h: Hit, same_service: bool) -> bool:
        return any(
            (not same_service or d.entry.alarm == h.entry.alarm)
            and any(words[i] in _MINIMISERS for i in range(d.end, h.start))
            for d in denied
        )

    def minor(h: Hit) -> Hit:
        if not h.negated and h.entry.alarm and after_only(h, same_service=True):
            return replace(h, negated=True)
        if _SICK in h.entry.tags and not h.entry.alarm and after_only(h, same_service=False):
            return replace(h, entry=replace(h.entry, tags=h.entry.tags - {_SICK}))
        return h

    return [minor(h) for h in hits]
