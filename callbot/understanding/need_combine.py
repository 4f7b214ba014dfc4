"""The need parser's second pass: combinations, numbers read, demotions (used by :mod:`.need`).

After negation and time (:mod:`.need_negation`, :mod:`.need_time`), the live hits of an answer
are combined (:data:`~.need_lexicon.COMBOS`: "gọi ... không dậy", "kẹt ... không ra được"; a
combination may quiet its second part, "tụi tui phá cửa vô"), the numbers said next to a
tagged phrase are read (:data:`~.need_lexicon.READINGS`: SpO2, fever, age, blood pressure; a
measure said to be normal reassures), and the :data:`~.need_lexicon.DEMOTIONS` apply (a
burnt-out lamp is no fire, a dog fight no brawl).
"""

from __future__ import annotations

from dataclasses import replace

from callbot.understanding.need_base import Service
from callbot.understanding.need_lexicon import (
    COMBOS,
    DEMOTIONS,
    LOOSE_REACH,
    OTHER_MEASURES,
    READING_REACH,
    READING_SKIP,
    READINGS,
    REASSURING,
    URGENCY_RANK,
    Category,
    Entry,
    Reading,
    Urgency,
)
from callbot.understanding.need_match import Hit
from callbot.understanding.numbers import DIGITS, read_number

_SOME = "mấy"
_DECADES = frozenset(range(20, 100, 10))
_TENS = frozenset({"mươi", "chục"})
_PARENTS = frozenset({"ba"})
_WHOSE = frozenset({"tui", "tôi", "em", "con", "cháu", "mình", "nó", "ổng", "bả", "anh", "chị"})
_OF = frozenset({"của", "cho"})


def _synthetic(
    category: Category | None,
    urgency: Urgency,
    weight: int,
    service: Service | None = None,
    tags: frozenset[str] = frozenset(),
) -> Entry:
    return Entry(category, urgency, weight, (), tags, service=service)


def combine(live: list[Hit]) -> tuple[list[Hit], set[int]]:
    """The :data:`COMBOS` that fire, each as a hit spanning its two parts, and the ids of the
    hits a combination quiets (:attr:`~.need_base.Combo.quiets`)."""
    out = []
    quieted: set[int] = set()
    for combo in COMBOS:
        pairs = [
            (a, b)
            for a in live
            if combo.tags[0] in a.entry.tags
            for b in live
            if combo.tags[1] in b.entry.tags
            and a is not b
            and (combo.window is None or a.gap(b) <= combo.window)
            and (not combo.ordered or a.end <= b.start)
        ]
        if pairs:
            a, b = min(pairs, key=lambda p: p[0].gap(p[1]))
            if combo.quiets:
                quieted.add(id(b))
            lo, hi = min(a.start, b.start), max(a.end, b.end)
            spans = ((lo, hi),) if a.gap(b) <= 2 else (*a.spans, *b.spans)
            if combo.at_second:
                lo, hi, spans = b.start, b.end, b.spans
            entry = _synthetic(
                combo.category, combo.urgency, combo.weight, combo.service, combo.gives
            )
            out.append(Hit(entry, lo, hi, max(a.level, b.level), spans))
    return out, quieted


def _number(words: list[str], i: int) -> tuple[int, int] | None:
    """A cardinal at ``i``; two bare digits are tens and units ("ba chín độ" is 39); a decade
    and "mấy" is its middle ("tám mươi mấy", "tám mấy" are 85: round 18)."""
    read = read_number(words, i)
    if read and read[0] < 10 and read[1] < len(words) and words[read[1]] in DIGITS:
        return read[0] * 10 + DIGITS[words[read[1]]], read[1] + 1
    if read and read[1] < len(words) and words[read[1]] == _SOME:
        if 2 <= read[0] <= 9:
            return read[0] * 10 + 5, read[1] + 1
        if read[0] in _DECADES and words[read[1] - 1] in _TENS:
            return read[0] + 5, read[1] + 1
    return read


# "hai chấm tám", "hai phẩy năm", and as Vosk writes them ("chấp", "phẫy", "phảy")
_DECIMAL_POINTS = frozenset({"chấm", "phẩy", "chấp", "phẫy", "phảy", "phẩu"})
# a decimal digit said another way: "hai chấm lăm" (5), "hai chấm mốt" (1)
_DECIMAL_DIGITS = {"lăm": "năm", "nhăm": "năm", "mốt": "một"}
# A number said with one of these after it counts something, it is no measure: "đo đường
# huyết hai lần", "đo mạch ba mươi phút"; people only after a one-word number ("đo đường cho
# hai ông bà", not "chín mươi tám bà đang ngủ").
_COUNTED = frozenset(
    {"lần", "loại", "ngày", "bữa", "cái", "viên", "phút", "giây", "tiếng", "tháng", "năm"}
    | {"tuần", "cữ", "que", "hộp", "máy"}
)
_COUNTED_PEOPLE = frozenset({"người", "đứa", "ông", "bà"})


def _tenths(words: list[str], i: int) -> tuple[int, int] | None:
    """A number at ``i`` in tenths: "hai chấm tám" is 28 (its first decimal digit only, "hai
    chấm tám lăm" too), "ba" is 30, "hai mươi" 200."""
    read = read_number(words, i)
    if read is None:
        return None
    value, end = read
    if end + 1 < len(words) and words[end] in _DECIMAL_POINTS:
        digit = DIGITS.get(_DECIMAL_DIGITS.get(words[end + 1], words[end + 1]))
        if digit is not None:
            return value * 10 + digit, end + 2
    return value * 10, end


def _kin(words: list[str], j: int) -> bool:
    """ "ba" of a father, no number ("máy đo ô xi của ba tui", "ba tui đo được")."""
    return words[j] in _PARENTS and (
        (j + 1 < len(words) and words[j + 1] in _WHOSE) or (j > 0 and words[j - 1] in _OF)
    )


def _read(hit: Hit, reading: Reading, words: list[str]) -> tuple[int, int, int] | None:
    """The number ``reading`` looks for next to ``hit``: (value, span start, span end)."""
    if reading.after:
        j = hit.end
        limit = min(len(words), hit.end + (LOOSE_REACH if reading.loose else READING_REACH))
        while j < limit and (_number(words, j) is None or (reading.loose and _kin(words, j))):
            loose_skip = reading.loose and words[j] not in OTHER_MEASURES
            if words[j] not in READING_SKIP and not loose_skip:
                break
            j += 1
        read = (_tenths if reading.tenths else _number)(words, j)
        if read is None:
            return None
        value, end = read
        if reading.loose and OTHER_MEASURES.intersection(words[end : end + 3]):
            return None
        after = words[end] if end < len(words) else ""
        if after in _COUNTED or (after in _COUNTED_PEOPLE and end == j + 1):
            return None
        return value, hit.start, end
    for start in range(max(0, hit.start - READING_REACH), hit.start):
        read = _number(words, start)
        if read and all(w in READING_SKIP for w in words[read[1] : hit.start]):
            return read[0], start, hit.end
    return None


def readings(live: list[Hit], words: list[str]) -> list[Hit]:
    """Hits for the :data:`READINGS` whose number falls in their range."""
    out = []
    for reading in READINGS:
        for hit in live:
            if reading.tag in hit.entry.tags:
                read = _read(hit, reading, words)
                if read and reading.low <= read[0] <= reading.high:
                    entry = _synthetic(reading.category, reading.urgency, reading.weight)
                    out.append(Hit(entry, read[1], read[2], hit.level, ((read[1], read[2]),)))
    return out


def reassured(hits: list[Hit], live: list[Hit], words: list[str]) -> list[Hit]:
    """Measures said to be normal ("ô xy chín mươi chín") are no high need: the
    :data:`REASSURING` readings lower their tag's high hits to normal."""
    for reading in REASSURING:
        if any(
            reading.tag in h.entry.tags
            and (read := _read(h, reading, words))
            and reading.low <= read[0] <= reading.high
            for h in live
        ):
            hits = [
                replace(h, entry=replace(h.entry, urgency="normal"))
                if reading.tag in h.entry.tags and h.entry.urgency == "high"
                else h
                for h in hits
            ]
    return hits


def demote(hits: list[Hit]) -> list[Hit]:
    """``hits`` with the :data:`~.need_lexicon.DEMOTIONS` applied."""
    for rule in DEMOTIONS:
        if any(rule.by in h.entry.tags for h in hits):
            hits = [
                replace(h, entry=replace(h.entry, urgency=rule.urgency))
                if rule.tag in h.entry.tags and h.rank > URGENCY_RANK[rule.urgency]
                else h
                for h in hits
            ]
    return hits
