"""A victim badly hurt once the attackers left, and someone trapped where rescuers must go
(round 14 of issue 13, writers V and W of the ninth development part).

Each class is read in several wordings and regions and as Vosk spells them, not one
transcript:

1. **The attack over, the victim badly hurt** (115): an attack said (a ``violence`` phrase,
   even one put in the past by "xong"), then what the victim shows *after* it: breathing
   badly ("thở khò khè", "thở yếu", "thở hổng ra hơi"), unable to speak, vomiting, confused,
   lying without moving. It counts when the attackers are said to be gone
   (:data:`.need_scene.GONE`: "tụi nó đi rồi", "bỏ chạy hết rồi", "chạy về nhà rồi") or the
   blow was to the head ("đánh vô đầu ... ói liên tục nói năng lộn xộn", a head injury's
   signs). :func:`attack_hits` adds the emergency; :mod:`.need_scene` then no longer calls
   113 first for the attack said before the attackers left. An attacker still there or
   coming back stays 113 (:mod:`.need_scene`'s ``BACK``; 113 outranks 115 when no one
   left). A sign of another day ("tuần trước bị đánh, giờ còn hay ói") is put out of the
   present by :mod:`.need_time` like any other.
2. **Still under the rubble** (114): a collapse said as a moment ago ("sập mái hồi nãy")
   with someone still under it ("bà cụ còn nằm dưới đống ngói", "anh thợ vẫn kẹt dưới"): the
   rescue is now. A person must be named before it ("đồ đạc còn nằm dưới" is no one), and
   not pulled out since (:func:`.need_scene._freed`'s words, "moi ra được rồi").

3. **In the water or down a well** (114, round 16): a fall or jump into the water and a
   search after it ("té sông hồi nãy mọi người đang lặn tìm chưa thấy": "hồi nãy" after the
   fall is the same moment), or someone at the bottom of a well or pit with a medical
   emergency ("bị ngạt nằm dưới đáy giếng"); not once pulled out, nor a thing dropped
   ("đánh rơi điện thoại xuống sông").

Beside them, in the lexicon: a well as Vosk writes it ("diếng", "dếng": a ``water_body`` of
:mod:`.need_missed`, so "té xuống diếng" is a fall into water) and a cloth pressed on a wound
that keeps bleeding ("đè hoài hổng cầm": :mod:`.need_missed_medical`, no one under a
collapse); stroke signs said plainly (:mod:`.need_missed_medical`).

Look-alikes stay no emergency: a fight of last week and a police report (no sign now), a
well covered for safety (no fall), a roof that leaks (no collapse), nobody under it.
"""

from __future__ import annotations

from callbot.understanding.need_base import Entry
from callbot.understanding.need_match import Hit
from callbot.understanding.need_scene import freed_spans, gone_spans
from callbot.understanding.need_still_in_danger import SEARCHING, WATER_PLACES
from callbot.understanding.need_time import defuse
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import denied_before, phrases, with_denials, words

Span = tuple[int, int]

# Rule 1: the victim's state after the attack, and a blow to the head.
VICTIM_SIGNS = phrases("""
    thở khò khè, thở yếu, thở yếu xìu, thở dốc, thở hổn hển, thở hắt,
    thở hổng ra hơi, thở không ra hơi, thở {k} nổi, thở {k} được, thở rít, thở phì phò,
    {k} nói được, nói {k} được, {k} nói được gì, {k} trả lời, {k} nhúc nhích, nằm bất động,
    nằm im re, nằm im, nằm sóng soài, nằm bẹp, ói, ói liên tục, ói mửa,
    nôn, nôn liên tục, nôn ói, nói năng lộn xộn, nói lộn xộn, nói lảm nhảm, lảm nhảm,
    nói năng lung tung, nói lung tung, lơ mơ, mê man, {k} nhận ra ai, {k} biết gì, lịm đi,
    mắt lờ đờ, lờ đờ, co giật, co giựt, máu chảy {k} ngừng, máu ra {k} ngừng
""")
HEAD_BLOWS = phrases("""
    đánh vô đầu, đánh vào đầu, đập vô đầu, đập vào đầu, phang vô đầu, phang vào đầu,
    nện vô đầu, nện vào đầu, táng vô đầu, táng vào đầu, chém vô đầu, chém vào đầu,
    đánh đầu, đập đầu, bị đánh vô đầu, bị đập vô đầu, đánh trúng đầu, đập trúng đầu,
    gậy đập đầu, cây đập đầu, chai đập đầu, chai đập vô đầu, gạch đập vô đầu, ghế đập vô đầu
""")
GONE_REACH = 40  # the attack and the attackers' leaving, then the signs: one scene
# Rule 2: someone still under what fell.
COLLAPSES = words("sập sụp đổ")
STILL_UNDER = phrases("""
    còn nằm dưới, vẫn nằm dưới, còn kẹt dưới, vẫn kẹt dưới, còn bị đè, vẫn bị đè,
    còn ở dưới, vẫn ở dưới, còn dưới đống, còn nằm trong đống, còn vùi dưới, bị vùi dưới,
    kẹt dưới đống, nằm dưới đống, đè dưới đống, còn mắc kẹt, vẫn mắc kẹt, còn kẹt trong,
    vẫn còn kẹt, vẫn còn nằm dưới, còn nằm kẹt
""")
PEOPLE = words("""
    bà ông cụ người anh chị em con cháu thằng đứa nhỏ ổng bả cô chú bác ba má mẹ cha vợ
    chồng thợ ảnh chỉ nó mấy hai ba
""")
PERSON_REACH = 5
FREED = phrases("""
    moi ra được, kéo ra được, lôi ra được, đưa ra được, cứu ra được, moi ra rồi, kéo ra rồi,
    lôi ra rồi, cứu ra rồi, đưa ra rồi, khiêng ra rồi, khiêng ra được
""")

# Rule 3 (round 16): someone gone into the water ("té sông", "nhảy cầu xuống sông", "rớt xuống
# mương") and a search after it ("đang lặn tìm", "chưa tìm thấy"): still in the water, 114,
# though "hồi nãy" follows the fall; someone at the bottom of a well or pit ("nằm dưới đáy
# giếng", "còn dưới hầm") with a medical emergency said: the rescue first, 114.
INTO_WATER = words("té rớt rơi nhảy lọt trượt ngã lao trôi")
INTO_REACH = 4
BOTTOM = phrases("""
    đáy giếng, dưới giếng, trong giếng, đáy diếng, dưới diếng, đáy hầm, dưới hầm,
    đáy hố, dưới hố, đáy bể, dưới bể, đáy bồn, dưới bồn, đáy hầm cầu, dưới hầm cầu
""")
BOTTOM_WORDS = words("giếng diếng hầm hố bể bồn")
_WATER = Entry("other", "emergency", 5, (), frozenset({"water_body"}), service="114")
_MEDICAL = Entry("medical", "emergency", 5, (), frozenset({"sick"}), service="115")
_TRAPPED = Entry("other", "emergency", 5, (), frozenset({"trapped"}), service="114")


VICTIM_SIGNS = with_denials(VICTIM_SIGNS)


def _victim_signs(live: list[Hit], words_: list[str]) -> list[Span]:
    """Rule 1: the victim's signs said after the attack, the attackers gone (where
    :data:`.need_scene.GONE` is said) or the blow to the head."""
    attacks = [h for h in live if h.entry.alarm == "113" and "violence" in h.entry.tags]
    if not attacks:
        return []
    first = min(h.start for h in attacks)
    heads = [e for s, e in find(words_, HEAD_BLOWS) if s >= first - 2]
    left = [e for s, e in gone_spans(words_) if s > first]
    after = min(heads + left, default=None)
    if after is None:
        return []
    return [(s, e) for s, e in find(words_, VICTIM_SIGNS) if after <= s <= after + GONE_REACH]


def _still_under(live: list[Hit], words_: list[str]) -> list[Span]:
    """Rule 2: someone said to be still under a collapse said before it."""
    fallen = [h.end for h in live if h.entry.alarm == "114" and "collapse" in h.entry.tags]
    if not fallen:
        return []
    out = []
    for s, e in find(words_, STILL_UNDER):
        if s < min(fallen) or not PEOPLE & set(words_[max(0, s - PERSON_REACH) : s]):
            continue
        if any(f >= e for f, _ in find(words_, FREED)):
            continue
        out.append((s, e))
    return out[-1:]


def _water(live: list[Hit], words_: list[str]) -> list[Span]:
    """Round 16: a fall into the water and a search after it, or someone at the bottom of a
    well with a medical emergency said; not once pulled out (:func:`.need_scene.freed_spans`)."""
    freed = freed_spans(words_)
    falls = [
        k
        for k, w in enumerate(words_)
        if w in INTO_WATER
        and WATER_PLACES & set(words_[k + 1 : k + 1 + INTO_REACH])
        and not denied_before(words_, k)
        and words_[k - 1 : k] not in (["đánh"], ["làm"])  # a thing dropped ("đánh rơi")
    ]
    out: list[Span] = []
    if falls:
        out += [
            (s, e)
            for s, e in find(words_, SEARCHING)
            if s > min(falls) and not denied_before(words_, s)
        ]
    if any(h.entry.alarm == "115" and h.entry.urgency == "emergency" for h in live):
        out += [sp for sp in find(words_, BOTTOM) if not denied_before(words_, sp[0])]
    last = max((s for s, _ in out), default=-1)
    return [] if any(s > last for s, _ in freed) else out[-1:]


def attack_hits(
    live: list[Hit], hits: list[Hit], words_: list[str], marks: Marks | None = None
) -> list[Hit]:
    """``hits`` with the emergencies of rules 1-3 added (``live``: before time and
    resolution were read), unless the answer's own marks (``marks``, when already read)
    put them out of the present."""
    said = set(words_)
    extra: list[Hit] = []
    if any(h.entry.alarm == "113" for h in live):
        extra += [Hit(_MEDICAL, s, e, 0, ((s, e),)) for s, e in _victim_signs(live, words_)]
    if said & COLLAPSES:
        extra += [Hit(_TRAPPED, s, e, 0, ((s, e),)) for s, e in _still_under(live, words_)]
    if said & (WATER_PLACES | BOTTOM_WORDS):
        extra += [Hit(_WATER, s, e, 0, ((s, e),)) for s, e in _water(live, words_)]
    if not extra:
        return hits
    return hits + [h for h in defuse(extra, words_, marks) if h.entry.urgency == "emergency"]
