"""What the caller needs and how urgently: category, urgency and the words that decided.

``parse_need`` reads one answer to "what do you need?" against the lexicon of
:mod:`.need_lexicon` (phrases as data; this module only interprets them)::

    "mẹ tôi sốt cao khó thở"          -> medical, emergency, ["sốt cao", "khó thở"]
    "nhà tui hổng còn hột gạo"         -> food, high
    "mất việc không có tiền trả tiền nhà" -> financial, normal
    "kho tho" (tones lost)            -> medical, emergency, lower confidence

How it reads:

1. Words are normalized (:func:`.text.tokens`) and interjections dropped ("dạ", "ờ").
2. Every lexicon phrase is looked for exactly, then (multi-word phrases only) with tones stripped,
   then with every diacritic stripped: Vosk's errors are mostly wrong tones ("khó thơ"). The
   longest match wins where matches overlap; an emergency that merely overlaps a longer phrase
   is kept, one contained in a longer phrase is not (that is how "đang sinh sống" defuses
   "đang sinh").
3. A symptom denied just before ("không sốt", "không ai bị ho") is dropped. Emergencies are never
   dropped: "không có ai khó thở" stays an emergency with lower confidence, because a missed
   emergency costs a life and a false one a few seconds of an operator's time.
4. Combinations of tags fire (F0 + symptom, elderly + illness, food word + "hết", a symptom +
   "ba ngày"), and an SpO2 said with a number below 94 is an emergency.
5. Urgency is the highest found. The category is the most urgent, then the heaviest, among the
   phrases that name a need (weight >= 2); context phrases ("F0", "có bầu") decide only when
   nothing else does. ``reasons`` lists the transcript's words of every match, in order.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from callbot.understanding.need_lexicon import (
    CATEGORY_ORDER,
    COMBOS,
    ENTRIES,
    NEGATION_STOPS,
    NEGATION_WINDOW,
    NEGATORS,
    NEGATORS_AT_ONCE,
    SPO2_EMERGENCY_BELOW,
    SPO2_LOOKAHEAD,
    SPO2_PLAUSIBLE_FROM,
    URGENCY_RANK,
    Category,
    Entry,
    Urgency,
)
from callbot.understanding.numbers import read_number
from callbot.understanding.text import INTERJECTIONS, fold, tokens

# Matching levels: exact, tones stripped, all diacritics stripped.
EXACT, TONELESS, BARE = 0, 1, 2
LEVEL_CONFIDENCE = (0.9, 0.75, 0.6)
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Words stepped over between a measure ("spo2") and its number: "spo2 còn có tám mươi lăm".
_SPO2_SKIP = frozenset(
    {"còn", "là", "có", "chỉ", "tụt", "xuống", "đo", "được", "khoảng", "tầm", "chừng", "mức", "ở"}
)


@dataclass(frozen=True)
class NeedResult:
    """The need of one answer; ``reasons`` are the transcript's words that decided it."""

    category: Category
    urgency: Urgency
    reasons: tuple[str, ...]
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        """What ``callbot parse need`` prints."""
        return {
            "category": self.category,
            "urgency": self.urgency,
            "reasons": list(self.reasons),
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class _Hit:
    """Evidence found at words ``start:end`` (for a combination, the span of both parts)."""

    entry: Entry
    start: int
    end: int
    level: int
    spans: tuple[tuple[int, int], ...] = ()
    negated: bool = False

    @property
    def rank(self) -> int:
        return URGENCY_RANK[self.entry.urgency]


def _toneless(word: str) -> str:
    """``word`` without tone marks, vowel shapes kept: "thở" -> "thơ", "khó" -> "kho"."""
    bare = (c for c in unicodedata.normalize("NFD", word) if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", "".join(bare))


def _forms(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    return words, [_toneless(w) for w in words], [fold(w) for w in words]


def _build_index() -> tuple[dict[str, list[tuple[Entry, tuple[str, ...]]]], ...]:
    """First word -> (entry, phrase words), one table per matching level."""
    index: tuple[dict[str, list[tuple[Entry, tuple[str, ...]]]], ...] = (
        defaultdict(list),
        defaultdict(list),
        defaultdict(list),
    )
    allowed = {"exact": 1, "tone": 2, "full": 3}
    for entry in ENTRIES:
        for phrase in entry.phrases:
            words = tokens(phrase)
            levels = 1 if len(words) == 1 else allowed[entry.fold]
            for level, form in enumerate(_forms(words)[:levels]):
                index[level][form[0]].append((entry, tuple(form)))
    return tuple(dict(table) for table in index)


_INDEX = _build_index()


def _candidates(forms: tuple[list[str], ...]) -> list[_Hit]:
    """Every phrase occurrence, at the best level it matches."""
    best: dict[tuple[int, int, int], _Hit] = {}
    for level, words in enumerate(forms):
        for i, word in enumerate(words):
            for entry, seq in _INDEX[level].get(word, ()):
                end = i + len(seq)
                if tuple(words[i:end]) == seq:
                    key = (id(entry), i, end)
                    if key not in best:
                        best[key] = _Hit(entry, i, end, level, ((i, end),))
    return list(best.values())


def _select(candidates: list[_Hit]) -> list[_Hit]:
    """Longest match first; a shorter overlapping one survives only as a crossing emergency."""
    chosen: list[_Hit] = []
    for hit in sorted(candidates, key=lambda h: (h.start - h.end, h.level, -h.rank, h.start)):
        clash = [c for c in chosen if hit.start < c.end and c.start < hit.end]
        inside = any(c.start <= hit.start and hit.end <= c.end for c in clash)
        if not clash or (hit.entry.urgency == "emergency" and not inside):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _denied(hit: _Hit, words: list[str], owned: set[int]) -> bool:
    """A negator before ``hit`` (within the window, not past a stop word or another need)."""
    for back in range(1, NEGATION_WINDOW + 1):
        i = hit.start - back
        if i < 0 or words[i] in NEGATION_STOPS or i in owned:
            return False
        if words[i] in NEGATORS or (back == 1 and words[i] in NEGATORS_AT_ONCE):
            return True
    return False


def _negate(hits: list[_Hit], words: list[str]) -> list[_Hit]:
    owned = {i for h in hits if h.entry.category is not None for i in range(h.start, h.end)}
    out = []
    for hit in hits:
        deniable = hit.entry.negatable or hit.entry.urgency == "emergency"
        out.append(replace(hit, negated=True) if deniable and _denied(hit, words, owned) else hit)
    return out


def _gap(a: _Hit, b: _Hit) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def _combine(hits: list[_Hit]) -> list[_Hit]:
    """The :data:`COMBOS` that fire, each as a hit spanning its two parts."""
    live = [h for h in hits if not h.negated]
    out = []
    for combo in COMBOS:
        first = [h for h in live if combo.tags[0] in h.entry.tags]
        second = [h for h in live if combo.tags[1] in h.entry.tags]
        pairs = [
            (a, b)
            for a in first
            for b in second
            if a is not b and (combo.window is None or _gap(a, b) <= combo.window)
        ]
        if pairs:
            a, b = min(pairs, key=lambda p: _gap(*p))
            lo, hi = min(a.start, b.start), max(a.end, b.end)
            spans = ((lo, hi),) if _gap(a, b) <= 2 else (*a.spans, *b.spans)
            entry = Entry(combo.category, combo.urgency, combo.weight, (), frozenset())
            out.append(_Hit(entry, lo, hi, max(a.level, b.level), spans))
    return out


def _spo2(hits: list[_Hit], words: list[str]) -> list[_Hit]:
    """A measure ("spo2", "chỉ số oxy") followed by a number below the emergency threshold."""
    out = []
    for hit in hits:
        if "measure" not in hit.entry.tags:
            continue
        j = hit.end
        while j < min(len(words), hit.end + SPO2_LOOKAHEAD) and words[j] in _SPO2_SKIP:
            j += 1
        read = read_number(words, j)
        if read and SPO2_PLAUSIBLE_FROM <= read[0] < SPO2_EMERGENCY_BELOW:
            entry = Entry("medical", "emergency", 5, (), frozenset())
            out.append(_Hit(entry, hit.start, read[1], hit.level, ((hit.start, read[1]),)))
    return out


def _choose(hits: list[_Hit]) -> tuple[Category, bool, bool]:
    """The category, whether only context decided it, and whether the runner-up was close."""
    named = [h for h in hits if h.entry.category is not None]
    pool = [h for h in named if h.entry.weight >= 2] or named
    if not pool:
        return "other", True, False
    scores: dict[Category, tuple[int, int]] = {}
    for h in pool:
        cat = h.entry.category
        if cat is None:
            continue
        rank, weight = scores.get(cat, (-1, 0))
        scores[cat] = (max(rank, h.rank), weight + h.entry.weight)
    ranked = sorted(scores, key=lambda c: (*scores[c], -CATEGORY_ORDER.index(c)), reverse=True)
    close = len(ranked) > 1 and (
        scores[ranked[0]][0] == scores[ranked[1]][0]
        and scores[ranked[0]][1] - scores[ranked[1]][1] <= 1
    )
    return ranked[0], not any(h.entry.weight >= 2 for h in named), close


def _reasons(hits: list[_Hit], words: list[str]) -> tuple[str, ...]:
    spans = {s for h in hits for s in h.spans}
    kept = sorted(
        s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)
    )
    out: list[str] = []
    for lo, hi in kept:
        text = " ".join(words[lo:hi])
        if text not in out:
            out.append(text)
    return tuple(out)


def parse_need(text: str) -> NeedResult:
    """Category, urgency, reasons and confidence of one answer (see the module docstring)."""
    words = [w for w in tokens(text) if w not in INTERJECTIONS]
    found = _negate(_select(_candidates(_forms(words))), words)
    live = [h for h in found if not h.negated or h.entry.urgency == "emergency"]
    decisive = [h for h in live if h.entry.category is not None or h.entry.urgency != "normal"]
    decisive += _combine(found) + _spo2(live, words)
    if not decisive:
        return NeedResult("other", "normal", (), 0.3 if words else 0.0)
    top = max(h.rank for h in decisive)
    urgency = next(u for u, r in URGENCY_RANK.items() if r == top)
    category, weak, close = _choose(decisive)
    deciding = [h for h in decisive if h.entry.category == category or h.rank == top]
    confidence = max(LEVEL_CONFIDENCE[h.level] for h in deciding)
    if weak:
        confidence *= 0.8
    if close:
        confidence *= 0.85
    if urgency == "emergency" and all(h.negated for h in decisive if h.rank == top):
        confidence *= 0.7
    return NeedResult(category, urgency, _reasons(decisive, words), round(confidence, 2))
