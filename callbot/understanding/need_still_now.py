"""Emergencies that go on now though the answer names a past moment or a supposition (round
12 of issue 13; the marks are joined to :mod:`.need_time`'s by :func:`.need_marks.all_marks`,
the entries read by :mod:`.need_lexicon`).

A past marker ("hồi nãy", "hồi sáng", "sau vụ", "trong vụ") or a supposition ("nếu") puts what
follows it out of the present (:mod:`.need_time`): right for "hồi sáng bị té giờ khỏe rồi",
"nếu mai ổng ngất thì gọi số nào", wrong when the danger is said to go on now. A reviewer's
probes showed these classes, each covered in several wordings and regions:

- **An event of today named, its victims now** ("có người bị kẹt trong đống đổ nát sau vụ sập
  nhà hồi nãy", "trong vụ tai nạn lúc nãy có người nằm bất động"): a same-day marker that
  closes an event named after "sau vụ", "trong vụ", "sau trận" times that event only; what is
  said around it is now (:data:`EVENT_NAMED`, :data:`TODAY`).
- **Still, after a marker of today or yesterday** ("sau vụ nổ hồi nãy khói vẫn còn bốc",
  "động đất hồi sáng có người còn kẹt", "té sông hồi nãy chưa vớt lên"): from the clause of
  "vẫn", "còn", "chưa", "tới giờ" on, the state goes on (:data:`STILL`); a marker of another
  day ("hồi năm ngoái ... giờ vẫn yếu một bên") is a lasting condition and stays past.
- **A serious medical event of today, its sign still there** ("hồi sáng ông bị đột quỵ giờ
  vẫn nằm không nói được"): a 115 event after a marker of today is now when a sign of it
  (a limp, an emergency symptom) is said after a still or present word (:func:`revived`).
- **"nếu không ... chết" with a present state** ("nếu không có ai tới là ổng chết mất đang
  chảy máu"), **a threat acted on now** ("nếu tui không mở cửa nó đốt nhà giờ nó đang tưới
  xăng"): a "nếu" with a denial ends at the next present marker; what follows is now,
  unless a "thì sao" makes it a question (:data:`UNLESS`).
- **A rabies sign, no fear** ("lên cơn sợ nước", "sợ gió"): no feared clause; **home from
  hospital** ("nằm viện về rồi giờ tự nhiên ngưng thở"): not in care; **"lỡ tay", "lỡ chân"**:
  an accident that happened, no "lỡ mà" supposition (:func:`revise`).
- **A burn over both legs** ("phỏng hết hai chân"), **a house fallen down** ("căn nhà đổ"),
  **someone still stuck** ("có người còn kẹt"): :data:`STILL_NOW_ENTRIES`.

Look-alikes kept: "sau vụ cháy hồi tháng trước giờ xin giấy" (another day), "lỡ mà cháy thì
sao", "nếu mai ổng ngất thì gọi số nào", "căn nhà đổ nát" (run down), "kẹt xe".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Entry, entry
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

_NAY = "nãy nảy nẩy nẫy nẵy"
TODAY = phrases(
    ", ".join(f"{w} {n}" for w in ("hồi", "lúc", "khi", "ban", "mới", "vừa") for n in _NAY.split())
    + """,
    hồi sáng, hồi trưa, hồi chiều, hồi tối, hồi khuya, hồi đêm, hồi hôm, sáng nay, trưa nay,
    chiều nay, tối nay, sớm nay, đêm qua, tối qua, khuya qua, lúc sáng, lúc trưa, lúc chiều,
    lúc tối, lúc khuya, hồi sớm, sáng sớm nay
"""
)
# A marker of the day before: something still going on after it is now too.
YESTERDAY = phrases("hôm qua, bữa qua, chiều qua, trưa qua, sáng qua")
EVENT_NAMED = phrases("sau vụ, sau cái vụ, trong vụ, trong cái vụ, sau trận, trong trận")
EVENT_REACH = 6  # words from "sau vụ" to the marker that times the event
STILL = phrases("vẫn, còn, chưa, tới giờ, đến giờ, tới bây giờ, vẫn còn, vẫn chưa")
NOT_STILL_AFTER = words("nữa gì ai đâu")
STILL_CLAUSE_STARTS = words("mà nhưng nên rồi giờ và với thì")
NOW = phrases("giờ, bây giờ, hiện giờ, lúc này, đang, vẫn, còn, chưa, tới giờ, đến giờ")
SIGN_TAGS = frozenset({"limp", "unresponsive", "still"})
# "nếu không có ai tới", "nếu tui không mở cửa", "nếu hổng đi kịp": a denial soon after "nếu".
IF = "nếu"
IF_DENIED_REACH = 4
PRESENT_AFTER_IF = phrases("giờ, bây giờ, hiện giờ, đang, mà giờ, trong khi")
ASKED = phrases("thì sao, thì làm sao, thì gọi, thì báo, phải làm sao, làm gì, số nào, không ạ")
# A fear that is a sign ("lên cơn sợ nước", "sợ gió sợ ánh sáng" of rabies).
FEAR_SIGNS = words("nước gió ánh")
RABIES = words("dại")
# A bite or a scratch by an animal that carries rabies ("bị con chó nhà bên cắn"): what
# follows it, a fear of water or wind, is a sign (:mod:`.need_still_in_danger`).
BITERS = words("chó mèo khỉ dơi cún")
BITES = words("cắn cắng cào quào táp ngoạm")
BITE_REACH = 5
FIT = "cơn"
BACK_HOME = words("về xuất")
LAY = "nằm"
ACCIDENT_AFTER_LO = words("tay chân miệng bước trớn đà")

# fmt: off
STILL_NOW_ENTRIES: tuple[Entry, ...] = (
    # A burn over both legs or arms (the burn + extent combination of need_emergency).
    entry(None, "normal", 0, """
        hết hai chân, hết hai tay, hết hai bàn chân, hết hai bàn tay, hết chân, hết tay,
        hết hai đùi, hết đùi, cả hai chân, cả hai tay, hai chân, hai bàn chân, hai cẳng,
        hết cẳng, hết bụng, hết ngực, hết vai, hết cổ, rộp hết, rộp cả, phồng hết, phồng cả
        """, tags="extent"),
    # A house fallen down (114), said whole and exactly ("đồ nhà", "căn nhà đó" are not it);
    # a run-down house, the rubble, a builder's pouring are no collapse.
    entry("other", "emergency", 5, """
        căn nhà đổ, nhà bị đổ, nhà đổ sập, nhà đổ xuống, nhà đổ ập, nhà đổ rầm, nhà đổ ụp
        """, service="114", tags="collapse", fold="exact"),
    entry(None, "normal", 0, """
        nhà đổ nát, căn nhà đổ nát, nhà dột nát, đổ nát, đống đổ nát, nhà đổ rác, nhà đổ xà bần,
        căn nhà đổ xà bần, nhà đổ bê tông, căn nhà đổ bê tông, căn nhà đổ mái
        """),
    # Someone still stuck (114); still stuck in traffic is none.
    entry("other", "emergency", 5, """
        người còn kẹt, người còn bị kẹt, còn người kẹt, còn người bị kẹt, người vẫn còn kẹt,
        người vẫn kẹt, người còn mắc kẹt, còn người mắc kẹt, người còn kẹt lại
        """, service="114", tags="trapped", fold="tone"),
    entry(None, "normal", 0, """
        người còn kẹt xe, người vẫn kẹt xe, người còn kẹt đường, còn người kẹt xe
        """, tags="traffic"),
)
# fmt: on


def _spans_after_event(words_: list[str]) -> list[tuple[int, int]]:
    """A marker of today that closes an event named after "sau vụ", "trong vụ": all but the
    event is now."""
    today = find(words_, TODAY)
    out = []
    for s, _ in find(words_, EVENT_NAMED):
        for ts, te in today:
            if 0 < ts - s <= EVENT_REACH:
                out += [(0, s), (te, len(words_))]
                break
    return out


def _still_spans(words_: list[str]) -> list[tuple[int, int]]:
    """After a marker of today or yesterday, the clause of a still word and what follows."""
    markers = find(words_, TODAY) + find(words_, YESTERDAY)
    settled = [re for _, re in find(words_, tw.RESOLVED)]
    out = []
    for s, e in find(words_, STILL):
        back = max((me for _, me in markers if me <= s), default=-1)
        if back < 0 or (e < len(words_) and words_[e] in NOT_STILL_AFTER):
            continue
        if s > 0 and words_[s - 1] in tw.NEGATING:
            continue  # "không còn", "hổng còn"
        if any(re <= s for re in settled) or tw.DONE in words_[back:s]:
            continue  # what is left once it is over ("giải tán hết rồi mà máu còn dính")
        start = max([back] + [k + 1 for k in range(back, s) if words_[k] in STILL_CLAUSE_STARTS])
        out.append((start, len(words_)))
    return out


def _unless_helped(words_: list[str]) -> list[tuple[int, int]]:
    """ "nếu không có ai tới ... đang chảy máu": from the present marker after a denied "nếu"
    on, unless the answer asks what to do."""
    if find(words_, ASKED):
        return []
    out = []
    for k, w in enumerate(words_):
        if w != IF or not tw.NEGATING & set(words_[k + 1 : k + 1 + IF_DENIED_REACH]):
            continue
        present = [s for s, _ in find(words_, PRESENT_AFTER_IF) if s > k + 1]
        if present:
            out.append((min(present), len(words_)))
    return out


def still_now_marks(words_: list[str]) -> Marks:
    """The stretches said to be now despite a past marker or a supposition (``now``)."""
    return {"now": _spans_after_event(words_) + _still_spans(words_) + _unless_helped(words_)}


def revise(marks: Marks, words_: list[str]) -> Marks:
    """``marks`` without a rabies sign's fear, a hospital one came home from, and an accident's
    "lỡ tay" taken for a supposition."""
    rabies = bool(RABIES & set(words_)) or bitten(words_) is not None

    def sign(s: int) -> bool:
        after = words_[s + 1] if s + 1 < len(words_) else ""
        return (s > 0 and words_[s - 1] == FIT) or (rabies and after in FEAR_SIGNS)

    def home(s: int, e: int) -> bool:
        # the patient came home ("nằm viện về rồi"), not a visitor ("nuôi ... trong viện về")
        return LAY in words_[s:e] and bool(BACK_HOME & set(words_[e : e + 2]))

    def accident(s: int) -> bool:
        return (
            words_[s] in tw.WHAT_IF and s + 1 < len(words_) and words_[s + 1] in (ACCIDENT_AFTER_LO)
        )

    return {
        **marks,
        "feared": [(s, e) for s, e in marks["feared"] if not sign(s - 1)],
        "hospital": [(s, e) for s, e in marks["hospital"] if not home(s, e)],
        "supposed": [(s, e) for s, e in marks["supposed"] if not accident(s)],
    }


def bitten(words_: list[str]) -> tuple[int, int] | None:
    """Where the first bite by an animal is said ("chó cắn", "bị con mèo nhà bên quào"):
    from the animal to the bite, if one is."""
    for i, w in enumerate(words_):
        if w in BITERS:
            ahead = words_[i + 1 : i + BITE_REACH]
            end = next((i + 2 + k for k, b in enumerate(ahead) if b in BITES), None)
            if end is not None:
                return i, end
    return None


def now(hit: Hit, marks: Marks) -> bool:
    """Whether ``hit`` lies in a stretch said to be now (:func:`still_now_marks`)."""
    return any(s <= hit.start < e for s, e in marks.get("now", ()))


def revived(hits: list[Hit], signs: list[Hit], words_: list[str]) -> list[tuple[int, int]]:
    """A 115 event after a marker of today, with a sign of it (one of ``signs``, the hits
    still urgent) said after a still or present word ("hồi sáng ông bị đột quỵ giờ vẫn nằm
    không nói được"): the event's span, now."""
    today = [e for _, e in find(words_, TODAY)]
    nows = [s for s, _ in find(words_, NOW)]
    out = []
    for hit in hits:
        if hit.entry.alarm != "115" or not any(e <= hit.start for e in today):
            continue
        for sign in signs:
            if sign.start < hit.end or sign.negated:
                continue
            serious = SIGN_TAGS & sign.entry.tags or sign.entry.alarm == "115"
            if serious and any(hit.end <= k < sign.start for k in nows):
                out.append((hit.start, hit.end))
                break
    return out
