"""Emergencies whose cause was said as past or plain, their danger now (round 13 of issue 13).

The lead's probes at the end of round 12 found these classes missed or told the wrong
number; each is read in several wordings and regions, not one transcript:

1. **Rabies signs after a bite of another day** ("bị chó cắn hồi tuần trước giờ nó sợ nước
   sợ gió", "bị mèo quào tháng rồi giờ lên cơn la hét"): the bite is past, the signs are now,
   115. A strong sign (fear of water, wind or light, a fit, foam at the mouth, biting
   people) is enough; a weak one (screaming, agitation) only beside a strong one or a rabid
   animal named ("chó dại"). Not a sign of the animal ("con chó lên cơn"), denied ("hổng
   sợ nước") or a fear of water in the wound ("sợ nước vô vết thương"); a bite with no sign
   ("giờ vẫn khỏe", "hỏi chích ngừa") is no emergency. The fear is no fear
   (:func:`.need_still_now.revise` with :func:`.need_still_now.bitten`).
2. **Low blood sugar after insulin or a diabetes drug**, wordings round 12's combination
   (:mod:`.need_missed_medical`) does not reach: "tiêm insulin xong giờ run tay vã mồ hôi",
   "uống thuốc tiểu đường rồi lơ mơ nói lảm nhảm": a sign within :data:`HYPO_REACH` words
   after the drug, 115. A question about the drug with no sign stays what it was.
3. **A robbery just now, the robbers still near** ("hồi nãy tụi nó cướp giờ còn lảng vảng
   ngoài chợ"): 113, read by :mod:`.need_thief_near` (split from here in session 9).
4. **Drowning while still in the water** ("thằng nhỏ đang chết đuối ngoài mương", "con tui
   bị đuối nước giữa sông kêu cứu"): the drowning words are medical, but the rescue comes
   first, 114 (:func:`water_service`). Pulled out already ("vớt lên rồi mà hổng thở",
   :mod:`.need_scene`) stays 115; a drowning of another day or feared is no emergency
   (:mod:`.need_time`).

:func:`danger_hits` adds the emergencies of rules 1-3, read against the answer's time marks
like any other ("sợ tụi nó còn đứng đó" is feared, not now). Round 15 (a reviewer's probe):
a sign after a bite dated in the past is present unless dated itself (:func:`_present_signs`);
fear said as a reaction (:func:`_reactions`); a search going on (:data:`SEARCHING`). Round
16: "sợ quạt" is a sign and opens no fear; the thief's readings are :mod:`.need_thief_near`'s.
"""

from __future__ import annotations

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Entry, Service
from callbot.understanding.need_marks import all_marks
from callbot.understanding.need_match import Hit
from callbot.understanding.need_rescue_round20 import crying_out
from callbot.understanding.need_still_now import bitten
from callbot.understanding.need_thief_near import NEAR_ENTRY, near_spans
from callbot.understanding.need_time import defuse
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import denied_before, phrases, with_denials, words

Span = tuple[int, int]

# Rule 1: rabies signs (strong alone; weak beside a strong one or a rabid animal named).
RABIES_STRONG = phrases("""
    sợ nước, sợ gió, sợ ánh sáng, sợ ánh đèn, sợ ánh nắng, sợ tiếng động, thấy nước là sợ,
    sợ quạt, sợ máy lạnh, sợ máy quạt, sợ điều hòa, sợ điều hoà, sợ máy điều hòa,
    sợ uống nước, {k} dám uống nước, co giật, co giựt, lên cơn, sùi bọt mép, sủi bọt mép,
    chảy nước dãi, chảy dãi, cắn người, đòi cắn, cắn lung tung, cắn xé, sợ nướt, sợ nuớc,
    {k} uống được nước, {k} nuốt được nước, {k} uống nước được, {k} nuốt nước được,
    {k} uống được nướt, {k} chịu uống nước
""")
# Round 15: a fear of water or wind said as a reaction ("thấy nước là la lên", "nhìn cốc
# nước là co rúm lại", "đưa ly nước là ổng hất ra", "thấy quạt gió là hoảng"): a seeing or
# offering word, the thing within THING_REACH words, "là", a reaction within REACT_REACH.
SEEING = words("thấy nhìn đưa bưng đem mở bật")
FEARED_THINGS = words("nước nướt ly cốc ca chén quạt gió")
THING_REACH = 3
REACTIONS = words("""
    la hét sợ hoảng co rúm hất né tránh run khóc giãy gào thét quýnh rú lên cơn xua đẩy
""")
REACT_REACH = 4
IS = frozenset({"là"})
# A sign said with a past mark of its own ("hồi đó cháu sợ nước mà giờ hết rồi"); the
# marks that date the bite (up to BITE_DATE_REACH words after it) date the bite only.
THEN = phrases("""
    lúc đó, hồi đó, khi đó, lúc ấy, hồi ấy, khi ấy, lúc đầu, hồi đầu, ban đầu, mấy bữa đầu,
    mấy hôm đầu, mấy ngày đầu, hôm đó, bữa đó, ngày đó
""")
THEN_REACH = 5
BITE_DATE_REACH = 7
THOUGHT = "tưởng"
RABIES_WEAK = phrases("""
    la hét, la hét om sòm, kích động, hung hăng, la lối, gào thét, quậy phá, nói sảng,
    điên loạn, hoảng loạn
""")
RABID = words("dại")
ANIMALS = words("chó mèo khỉ dơi cún")
ANIMAL_BEFORE = 3  # "con chó lên cơn": the animal's sign, not the person's
WOUND_WORDS = words("vô vào dính ngấm làm")  # "sợ nước vô vết thương"
# What is heard or asked of rabies in general ("nghe nói bị chó dại cắn thì sợ nước phải
# không"): no one's signs.
HEARSAY = phrases("nghe nói, người ta nói, có phải, phải không, đúng không, có đúng, hay sao")
# Rule 2: insulin or a diabetes drug, then a sign of low sugar.
HYPO_CAUSES = phrases("""
    insulin, in su lin, in xu lin, insu lin, in sulin, thuốc tiểu đường, thuốc đái đường,
    thuốc hạ đường, thuốc trị tiểu đường, chích in, tiêm in
""")
HYPO_SIGNS = phrases("""
    run tay, run chân, tay run, chân run, run rẩy, run lẩy bẩy, run bần bật, run cầm cập,
    run hết người, run cả người, run người, người run, run run, vã mồ hôi, toát mồ hôi,
    mồ hôi lạnh, mồ hôi ướt, đổ mồ hôi, ra mồ hôi, ướt đẫm mồ hôi, lơ mơ, lừ đừ, nói lảm nhảm,
    lảm nhảm, nói sảng, nói năng lung tung, nói lung tung, ngất, xỉu, {k} tỉnh, lịm đi,
    gọi {k} dậy, gọi {k} trả lời, co giật, co giựt, mắt lờ đờ, lờ đờ, đói run, tim đập nhanh
""")
HYPO_REACH = 16
# Rule 4: the drowning words (medical in :mod:`.need_emergency`), and what keeps the drowning
# person in the water: "đang" or "sắp" before them, or a place in the water after them.
DROWNING = phrases("""
    chết đuối, chết đuổi, chết đúi, chết đuôi, bị đuối, đuối nước, đuối nướt, chết chìm,
    ngạt nước
""")
NOW_BEFORE = words("đang sắp gần")
NOW_BEFORE_REACH = 2  # "đang chết đuối", "đang bị đuối nước"
WATER_PLACES = words("sông mương ao kênh biển hồ suối giếng đầm rạch lạch dòng nước đập bể thác")
WATER_PLACE_BEFORE = words("ngoài dưới giữa ở trong")
IN_WATER = phrases("""
    kêu cứu, cứu với, cứu dùm, cứu giùm, vùng vẫy, chới với, ngoi lên, hụp xuống, trồi lên,
    {k} bơi được, {k} biết bơi, {k} biết lội
""")
WATER_REACH = 6
# Round 15: a search still going on ("mọi người đang lặn tìm chưa thấy", "chưa nổi lên"):
# still in the water, placed or not.
SEARCHING = phrases("""
    lặn tìm, mò tìm, lặn xuống tìm, lặn mò, đang tìm, đang mò, đang lặn, chưa tìm thấy,
    chưa tìm được, chưa thấy, chưa nổi lên, chưa nổi, chưa vớt, chưa vớt được, chưa vớt lên,
    chưa kéo lên, đang vớt, đang dò tìm, dò tìm, đang rà tìm
""")
RESCUED = "rescued"

_RABIES_ENTRY = Entry("medical", "emergency", 5, (), frozenset({"sick"}), service="115")


RABIES_STRONG, HYPO_SIGNS, IN_WATER = map(with_denials, (RABIES_STRONG, HYPO_SIGNS, IN_WATER))


def _rabies(words_: list[str]) -> list[Span]:
    """Rule 1: the rabies signs said after a bite (the person's, not denied)."""
    found = bitten(words_)
    if found is None or find(words_, HEARSAY):
        return []
    biter, bite = found
    if ANIMALS & set(words_[max(0, biter - ANIMAL_BEFORE - 2) : biter]):
        return []  # an animal bitten ("con chó nhà tui bị chó dại cắn")

    def sign(s: int, e: int) -> bool:
        if s < bite or denied_before(words_, s):
            return False
        if ANIMALS & set(words_[max(bite, s - ANIMAL_BEFORE) : s]):
            return False
        return not (words_[s] == "sợ" and e < len(words_) and words_[e] in WOUND_WORDS)

    strong = [sp for sp in find(words_, RABIES_STRONG) + _reactions(words_) if sign(*sp)]
    weak = [sp for sp in find(words_, RABIES_WEAK) if sign(*sp)]
    if strong or (weak and RABID & set(words_)):
        return strong + weak
    return []


def _first(words_: list[str], start: int, reach: int, wanted: frozenset[str]) -> int | None:
    """The first index from ``start`` within ``reach`` words whose word is ``wanted``."""
    return next(
        (k for k, w in enumerate(words_[start : start + reach], start) if w in wanted), None
    )


def _reactions(words_: list[str]) -> list[Span]:
    """Fear of water or wind said as a reaction ("thấy nước là la lên"): see :data:`SEEING`."""
    out = []
    for i in (k for k, w in enumerate(words_) if w in SEEING):
        thing = _first(words_, i + 1, THING_REACH, FEARED_THINGS)
        is_ = None if thing is None else _first(words_, thing + 1, 3, IS)
        react = None if is_ is None else _first(words_, is_ + 1, REACT_REACH, REACTIONS)
        if react is not None and not denied_before(words_, react):
            out.append((i, react + 1))
    return out


def _present_signs(spans: list[Span], words_: list[str]) -> list[Span]:
    """The rabies signs said after a bite placed in the past that carry no past mark of their
    own: present (the bite's date dates the bite, not the signs)."""
    found = bitten(words_)
    if found is None:
        return []
    bite_end = found[1]
    dated = [s for s, _ in find(words_, tw.PAST) if s < bite_end + BITE_DATE_REACH]
    if not dated:
        return []  # the bite is not placed in the past: the usual reading holds
    last_date = max(e for s, e in find(words_, tw.PAST) if s < bite_end + BITE_DATE_REACH)
    own = [e for s, e in find(words_, tw.PAST) + find(words_, THEN) if s >= last_date]
    return [
        (s, e)
        for s, e in spans
        if s >= last_date and not any(0 <= s - oe <= THEN_REACH for oe in own)
    ]


def _hypo(words_: list[str]) -> list[Span]:
    """Rule 2: a sign of low sugar within :data:`HYPO_REACH` words after the drug."""
    causes = [e for s, e in find(words_, HYPO_CAUSES) if not denied_before(words_, s)]
    if not causes:
        return []
    return [
        (s, e)
        for s, e in find(words_, HYPO_SIGNS)
        if any(0 <= s - c <= HYPO_REACH for c in causes) and not denied_before(words_, s)
    ]


def danger_hits(
    live: list[Hit], hits: list[Hit], words_: list[str], marks: Marks | None = None
) -> list[Hit]:
    """``hits`` with the emergencies of rules 1-3 added (``live``: before time and resolution
    were read), unless the answer's own marks put them out of the present."""
    said = set(words_)
    extra: list[Hit] = []
    rabies_now: list[Span] = []
    signs: list[Span] = []
    if said & ANIMALS:
        signs = _rabies(words_)
        rabies_now = _present_signs(signs, words_)
        extra += [Hit(_RABIES_ENTRY, s, e, 0, ((s, e),)) for s, e in signs]
    if said & {"insulin", "in", "insu", "thuốc"}:
        extra += [Hit(_RABIES_ENTRY, s, e, 0, ((s, e),)) for s, e in _hypo(words_)]
    if said & {"hồi", "lúc", "khi", "ban", "mới", "vừa", "sáng", "trưa", "chiều", "tối"} or (
        said & {"trộm", "cướp", "gian"}
    ):
        extra += [Hit(NEAR_ENTRY, s, e, 0, ((s, e),)) for s, e in near_spans(live, words_)]
    if not extra:
        return hits
    marks = all_marks(words_) if marks is None else marks
    if signs:  # round 16: "sợ quạt sợ gió" is a sign, no fear of something to come
        starts = {s for s, e in signs if words_[s] == "sợ"}
        marks = {**marks, "feared": [sp for sp in marks["feared"] if sp[0] not in starts]}
    if rabies_now:  # "tưởng không sao nay cháu sợ nước": thought fine, and it is not
        thought = [
            (s, e)
            for s, e in marks["resolved"] + marks["mistaken"]
            if s > 0 and words_[s - 1] == THOUGHT
        ]
        marks = {
            **marks,
            "now": marks["now"] + rabies_now,
            "resolved": [sp for sp in marks["resolved"] if sp not in thought],
            "mistaken": [sp for sp in marks["mistaken"] if sp not in thought],
        }
    return hits + [h for h in defuse(extra, words_, marks) if h.entry.urgency == "emergency"]


def _in_water(words_: list[str], start: int, end: int) -> bool:
    """Rule 4: the drowning at ``start:end`` said of someone still in the water."""
    if NOW_BEFORE & set(words_[max(0, start - NOW_BEFORE_REACH) : start]):
        return True
    ahead = words_[end : end + WATER_REACH]
    placed = any(
        w in WATER_PLACES and k > 0 and ahead[k - 1] in WATER_PLACE_BEFORE
        for k, w in enumerate(ahead)
    )
    if find(words_[end:], SEARCHING):
        return True
    # round 20: a cry for help with the water named ("cứu với có người đuối nước ngoài sông")
    return placed and (bool(find(words_[end:], IN_WATER)) or crying_out(words_))


def water_service(service: Service | None, hits: list[Hit], words_: list[str]) -> Service | None:
    """114 in place of 115 for a drowning said of someone still in the water (rule 4), unless
    they were pulled out ("vớt lên rồi") or another medical emergency is said."""
    if service != "115" or not ({"đuối", "đuổi", "đúi", "đuôi", "chìm", "ngạt"} & set(words_)):
        return service
    if any(RESCUED in h.entry.tags and not h.negated for h in hits):
        return service
    drowning = find(words_, DROWNING)
    medical = [h for h in hits if h.entry.alarm == "115" and h.entry.urgency == "emergency"]
    of_drowning = [h for h in medical if any(h.start <= s < h.end for s, _ in drowning)]
    if not of_drowning or len(of_drowning) < len(medical):
        return service
    if any(_in_water(words_, h.start, h.end) for h in of_drowning):
        return "114"
    return service
