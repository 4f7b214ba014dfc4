"""A theft or an attack a moment ago, the robber still near: 113 (rule 3 of
:mod:`.need_still_in_danger`, split from it in session 9).

"vừa bị giật điện thoại thằng giật còn đứng bên kia đường", "hồi nãy tụi nó cướp giờ còn lảng
vảng ngoài chợ": a theft or an attack said after a marker of a moment ago ("hồi nãy", "mới",
"vừa"), then the robber said to be still around (:data:`NEAR`). The robber is one named in the
few words before ("tụi nó", "thằng đó", any noun of :data:`ROBBER_NOUNS`), or the agent of
the theft when nobody of the caller's is named between (:func:`_agent_near`); a thief named as
such ("tên trộm còn trốn trong kho") needs no moment ago. Not after another day's marker
("tuần trước bị cướp ... tui muốn làm đơn": :mod:`.need_time` reads the hit's time like any
other), nor when they left or are held after (:data:`GONE_AFTER`: "chạy mất rồi", "giờ vẫn
còn ở trong tù"), nor denied.

:func:`near_spans` gives where the robber is said to be near; :data:`NEAR_ENTRY` is the hit's
meaning (a police emergency, an attacker named).
"""

from __future__ import annotations

from callbot.understanding.need_base import Entry
from callbot.understanding.need_match import Hit
from callbot.understanding.need_still_now import TODAY
from callbot.understanding.need_time_marks import find
from callbot.understanding.need_time_words import denied_before, phrases, words

Span = tuple[int, int]

# A moment ago, then the robber still around.
RECENT = TODAY + phrases("mới, vừa, mới bị, vừa bị, mới nãy, vừa xong")
RECENT_REACH = 4  # words from the marker to the theft
NEAR = phrases("""
    còn đứng, còn ngồi, còn lảng vảng, còn lởn vởn, còn lòng vòng, còn loanh quanh,
    còn quanh quẩn, còn ở, còn núp, còn trốn, còn nấp, còn đậu, còn chạy lòng vòng,
    vẫn đứng, vẫn ngồi, vẫn còn ở, vẫn còn đứng, vẫn lảng vảng, vẫn lòng vòng, vẫn ở,
    đang đứng, đang ngồi, đang núp, đang nấp, đang lảng vảng, đang lòng vòng, đang rình,
    đứng đầu hẻm, đứng ngoài đầu hẻm, ngồi đầu hẻm, lảng vảng, lởn vởn,
    đang đi bộ, đang đi về phía, đang đi về hướng, đang chạy về phía, đang đi vô, đang trốn
""")
# Round 16: the thief named as such ("tên trộm", "đứa lấy trộm gà") is one now, no moment
# ago needed; and the agent of the theft ("ông kia vừa móc ví của bà cụ") is who is still
# around when no one else is named between (a possession, "gà nhà tui", names no one).
THIEF_NOUNS = phrases("""
    tên trộm, thằng trộm, kẻ trộm, đứa trộm, tên ăn trộm, thằng ăn trộm, kẻ ăn trộm,
    đứa ăn trộm, người ăn trộm, tên lấy trộm, thằng lấy trộm, đứa lấy trộm, kẻ lấy trộm,
    tên cướp, thằng cướp, kẻ cướp, kẻ gian, tên trộm chó, thằng trộm chó
""")
AGENT_REACH = 3
POSSESSING = words("nhà của")
# Who is still around: the robber ("tụi nó", "thằng đó", "hắn"), not the caller ("tui đang
# đứng đầu hẻm chờ công an").
ROBBERS = words("nó tụi bọn thằng tên kẻ đám chúng hắn gã cướp trộm")
CALLERS = words("tui tôi em mình tao tau con cháu")
THEFT = words("trộm giật móc cướp")
# Round 15: any noun for the thief ("người lấy", "người đó", "cha đó", "tên kia").
ROBBER_NOUNS = phrases("""
    người lấy, người giật, người trộm, người móc, người cướp, người đó, người kia, người ấy,
    người lạ đó, cha đó, cha kia, cha nội đó, thằng cha, ông đó, ông kia, tên kia, tên đó,
    đứa đó, đứa kia, đứa lấy, thằng kia, thằng đó, con nhỏ đó, con mẻ, mụ đó, mụ kia, bà kia,
    bả, ổng, ảnh, thằng ni, thằng tê, thằng nớ, người nớ, người tê
""")
WHO_REACH = 4
GONE_AFTER = phrases("""
    chạy rồi, chạy mất, đi mất, đi rồi, trốn mất, biến mất, bỏ đi, không còn ở, hổng còn ở,
    tù, trại giam, trại cải tạo, bị bắt rồi, bắt rồi
""")  # held ("giờ vẫn còn ở trong tù") is no danger near

NEAR_ENTRY = Entry(
    "violation", "emergency", 5, (), frozenset({"violence", "perpetrator"}), service="113"
)


def _the_robber(words_: list[str], start: int) -> bool:
    """Whether who is said to be around at ``start`` is the robber: one named in the
    :data:`WHO_REACH` words before it, the caller not named after them."""
    before = words_[max(0, start - WHO_REACH) : start]
    last = max((k for k, w in enumerate(before) if w in ROBBERS), default=None)
    nouns = [e - 1 for _, e in find(before, ROBBER_NOUNS)]
    if nouns and (last is None or max(nouns) > last):
        last = max(nouns)
    return last is not None and not CALLERS & set(before[last + 1 :])


def _agent_near(words_: list[str], start: int, thefts: list[int], thieves: list[Span]) -> bool:
    """Whether the thief of the last theft before ``start`` is who is still around: a thief
    noun, or an agent named just before the theft verb, and no caller named between
    (:data:`POSSESSING` before the caller's word names an owner, not a subject)."""
    agents = [e for s, e in thieves if e <= start]
    for k in (k for k in thefts if k < start):
        before = words_[max(0, k - AGENT_REACH) : k]
        if ROBBERS & set(before) or find(before, ROBBER_NOUNS):
            agents.append(k + 1)
    if not agents:
        return False
    last = max(agents)
    return not any(
        w in CALLERS and words_[k - 1] not in POSSESSING
        for k, w in enumerate(words_[last:start], last)
    )


def near_spans(live: list[Hit], words_: list[str]) -> list[Span]:
    """A theft or attack a moment ago, then the robber said to be still around."""
    attacks = [(h.start, h.end) for h in live if h.entry.alarm == "113" and not h.negated]
    attacks += [  # round 15: a bare theft verb ("bị trộm", "thằng ni giật cái túi")
        (k, k + 1)
        for k, w in enumerate(words_)
        if w in THEFT and words_[k + 1 : k + 2] != ["mình"] and not denied_before(words_, k)
    ]
    thieves = [sp for sp in find(words_, THIEF_NOUNS) if not denied_before(words_, sp[0])]
    if not attacks:
        return []
    recent = find(words_, RECENT)
    if not thieves and not any(0 <= a - e <= RECENT_REACH for a, _ in attacks for _, e in recent):
        return []
    after = min(e for _, e in attacks)
    thefts = [s for s, _ in attacks]
    near = [
        (s, e)
        for s, e in find(words_, NEAR)
        if s >= after
        and not denied_before(words_, s)
        and (_the_robber(words_, s) or _agent_near(words_, s, thefts, thieves))
    ]
    if not near:
        return []
    last = min(near, key=lambda sp: (-sp[1], sp[0]))  # the last said, whole
    gone = [s for s, _ in find(words_, GONE_AFTER) if s >= last[1]]
    return [] if gone else [last]
