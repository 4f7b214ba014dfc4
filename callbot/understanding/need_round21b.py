"""Emergencies the rules missed and false ones they gave, as the thirteenth development set's
writers J and K said them (round 21B of issue 13): a wrong thought turned, signs told
plainly, and look-alikes. The entries and combos are read by :mod:`.need_lexicon`,
:func:`round21b_marks` and :func:`round21b_revise` by :mod:`.need_marks`.

- **Thought one thing, and it was not so** (:func:`round21b_revise`): "tưởng ai đốt pháo mà
  hổng phải nghe tiếng nổ ...", "tưởng ổng say mà hổng phải nha em ổng nằm ... môi tím",
  "tưởng bả ngủ trưa mà tới giờ gọi hổng dậy". What "tưởng" supposes ends at its first turn
  ("mà", "nhưng"), whatever follows (round 20's :func:`.need_police_round20.seen_instead`
  wanted a seeing or an actor after it); what the wrong thought said (a game "giỡn", a
  pretence "giả bộ", a sleep "ngủ", "hổng phải" right after the turn) is no mark of the answer
  any more, nor is a snoring after a sleep taken back ("tưởng bả ngủ trưa mà ... ngáy khò
  khò"). A thief thought of and one's own found ("tưởng trộm mà hổng phải thằng con tui
  leo rào vô") stays thought to the end. The thought stays supposed: "tưởng bị đột quỵ mà
  bác sĩ nói không sao", "tưởng có trộm mà con mèo thôi" stay calm.
- **Not in his right mind** : "ổng hổng được bình thường", "không bình thường": abnormal, no
  "bình thường" that reassures nor "thường" of a habit.
- **A place, no topic** : "tổ ong ngay cửa lớp học": "lớp học" after "cửa", "trong", "ngay"
  is where it happens, no course asked about (:mod:`.need_look_alikes_settled`).
- **A filler "thì"** : "ờ thì là ba tui ...", "dạ thì": no "X thì <question>" of a general
  question (:mod:`.need_look_alikes_general`).
- **Unresponsive after a moment ago** : "hồi nãy ổng đi vệ sinh ra rồi nằm xuống gọi hoài
  hông dậy thở ngáy to": the recent past ("hồi nãy", "lúc nãy") ends where the state now is
  told (a call unanswered, snoring breath, eyes shut tight); "vệ sinh ra rồi" is no birth over.
- **Relayed, then silent** (115): "bả gọi nói chóng mặt ói hoài đứng hổng nổi giờ gọi lại
  hông bắt máy": signs of a collapse and the person who no longer answers the phone.
- **The heart attack** (115): chest pain ("ngực như có tảng đá đè", "tức ngực") with pain
  spreading to the left arm or the jaw, or a cold sweat ("mồ hôi ra như tắm").
- **Burglary under way** (113): climbing in ("trèo qua hàng rào", "leo tường vô") or the owner
  away ("nhà đi vắng") with goods carried out now ("đang bưng cái ti vi ra", "đang khiêng").
- **Hiding from an animal** (114): a swarm, a python, a snake in the place and people who dare
  not come out ("tụi nhỏ trốn trong lớp hổng dám ra", "thằng nhỏ ở trong bếp hông dám ra").
- **Then, a new clause** : "có người thuốc chó nhà tui xong cầm dao đứng trước cổng": "xong"
  ends what was done to the animal, so the knife is no animal's
  (:data:`.need_false_alarms.NOT_OF_AN_ANIMAL`).
- **Look-alikes** (:func:`_looked_alike`, as marks :mod:`.need_time` reads): a gunshot is
  no explosion ("tiếng nổ ... cầm súng bắn"); a paralysis of years ago with an aid asked
  ("mấy năm trước rớt giàn giáo giờ liệt nửa người ... xin xe lăn") is chronic; a birth due
  later ("sắp sanh tuần sau") is to come; an emergency asked about then denied of everybody
  ("hỏi bị kẹt trong thang máy thì bấm nút nào chứ hổng có ai bị kẹt hết") is denied.
"""

from __future__ import annotations

from callbot.understanding import need_look_alikes_general as lg
from callbot.understanding.need_base import Combo, Entry, entry
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

__all__ = [
    "B21_COMBOS",
    "B21_ENTRIES",
    "round21b_marks",
    "round21b_revise",
]

# -- a wrong thought turned ----------------------------------------------------------------
_TURN = words("mà nhưng")
# What a wrong thought says that the turn takes back: "tưởng nó giỡn chơi giả bộ té mà ...",
# "tưởng bả ngủ trưa mà ...", "tưởng không sao mà ...".
_TAKEN_BACK = ("drill", "joke", "asleep", "sound_asleep", "denied", "resolved", "fiction")
# "mà hổng phải (nha em) ...": the thought denied, not what follows.
_SNORING = words("ngáy")
# A thief thought of, and one's own family found instead: the whole stays thought.
_THIEF = words("trộm cướp gian")
_OWN = phrases(
    ", ".join(
        f"{kin} {me}"
        for kin in ("con", "chồng", "vợ", "ba", "má", "mẹ", "cha", "em", "anh", "chị", "cháu")
        for me in ("tui", "tôi", "mình", "em")
    )
    + ", người nhà, ông xã, bà xã, thằng con, con gái, con trai"
)
_OWN_REACH = 3
_NOT_SO = words("không hông hổng hỏng khổng chẳng đâu có phải nha nhe em anh chị cô chú")


def _turned(marks: Marks, words_: list[str]) -> Marks:
    """Each "tưởng" span ended at its first turn, and the marks inside what was thought (or
    the "hổng phải" right after the turn) dropped."""
    cut: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []
    for s, e in marks.get("mistaken", []):
        turn = next((k for k in range(s, min(e + 1, len(words_))) if words_[k] in _TURN), None)
        if turn is None:
            cut.append((s, e))
            continue
        k = turn + 1
        while k < len(words_) and words_[k] in _NOT_SO:
            k += 1
        k += words_[k : k + 1] == ["là"]  # "mà là chồng tui"
        own = find(words_[k : k + _OWN_REACH], _OWN)
        if _THIEF & set(words_[s:turn]) and any(a == 0 for a, _ in own):
            cut.append((s, len(words_)))  # "tưởng trộm mà hổng phải thằng con tui leo rào vô"
            continue
        cut.append((s, turn))
        taken.append((max(0, s - 1), k))
    out = {**marks, "mistaken": cut}
    if not taken:
        return out
    slept = [sp for sp in marks.get("asleep", []) if any(s <= sp[0] < e for s, e in taken)]
    for key in ("asleep", "sound_asleep") if slept else ():
        # "tưởng bả ngủ trưa mà gọi hông dậy ngáy khò khò": the snoring is a sign then
        out[key] = [sp for sp in marks.get(key, []) if words_[sp[0]] not in _SNORING]
    for key in _TAKEN_BACK:
        out[key] = [
            (a, b) for a, b in out.get(key, []) if not any(s <= a and b <= e for s, e in taken)
        ]
    return out


# -- not in his right mind, a filler "thì", unresponsive after a moment ago -----------------
_ABNORMAL = phrases("""
    không bình thường, hông bình thường, hổng bình thường, không được bình thường,
    hông được bình thường, hổng được bình thường, chẳng bình thường, hỏng bình thường
""")
_FILLERS = words("ờ ừ dạ à ơ thì là ừm ậy")
_RECENT = phrases("hồi nãy, lúc nãy, khi nãy, ban nãy, hồi nảy, lúc nảy")
_STATE_NOW = phrases("""
    gọi hoài, kêu hoài, lay hoài, gọi hông dậy, gọi không dậy, gọi hổng dậy, kêu hông dậy,
    kêu không dậy, kêu hổng dậy, thở ngáy, ngáy to, ngáy khò khò, nhắm nghiền,
    gọi không trả lời, kêu không trả lời, gọi hông trả lời, gọi hổng trả lời
""")
_NOT_BIRTH = words("vệ")
# "ngay cửa lớp học", "trong lớp học": a place named, no course asked about.
_AT_PLACE = words("cửa trong ngoài trước ngay gần tại sân")


def round21b_marks(words_: list[str]) -> Marks:
    """This module's marks: where someone is said not to be normal, the recent past told."""
    return {"b21_abnormal": find(words_, _ABNORMAL)}


def round21b_revise(marks: Marks, words_: list[str]) -> Marks:
    """``marks`` with this module's readings (module docstring): a wrong thought turned, an
    abnormal state, a filler "thì", a recent past cut where the state now is told."""
    marks = _turned(marks, words_)
    for key, found in _looked_alike(words_).items():
        marks = {**marks, key: marks.get(key, []) + found}
    abnormal = marks.get("b21_abnormal", [])
    if abnormal:
        inside = [(a, b) for a, b in abnormal]
        for key in ("safe", "habit"):
            marks = {
                **marks,
                key: [
                    sp for sp in marks.get(key, []) if not any(a <= sp[0] < b for a, b in inside)
                ],
            }
    if marks.get("general") and words_ and "thì" in words_:
        k = words_.index("thì")
        if all(w in _FILLERS for w in words_[:k]):
            rest = ["à" if j <= k else w for j, w in enumerate(words_)]
            if not lg._general(words_) and not lg._then_asked(rest):
                marks = {**marks, "general": []}
    if marks.get("topic"):
        topic = [(s, e) for s, e in marks["topic"] if not (s and words_[s - 1] in _AT_PLACE)]
        marks = {**marks, "topic": topic}
    states = [s for s, _ in find(words_, _STATE_NOW)]
    recent = {s for s, _ in find(words_, _RECENT)}
    if states and recent:
        marks = {
            **marks,
            "past": [
                (s, min((t for t in states if s < t < e), default=e)) if s in recent else (s, e)
                for s, e in marks.get("past", [])
            ],
        }
    if marks.get("resolved") and _NOT_BIRTH & set(words_):
        marks = {
            **marks,
            "resolved": [
                (s, e)
                for s, e in marks["resolved"]
                if not (words_[s] == "sinh" and s > 0 and words_[s - 1] in _NOT_BIRTH)
            ],
        }
    return marks


# -- relayed then silent, heart attack, burglary, hiding from an animal --------------------
_SILENT = """
    gọi lại {k} bắt máy, gọi lại {k} nghe máy, gọi lại {k} ai bắt máy, gọi lại {k} ai nghe,
    gọi lại bả {k} bắt máy, gọi lại ổng {k} bắt máy, gọi lại bả {k} nghe máy,
    gọi lại ổng {k} nghe máy, gọi lại {k} thấy nghe, giờ gọi {k} bắt máy, giờ gọi {k} nghe máy,
    gọi hoài {k} bắt máy, gọi hoài {k} nghe máy, gọi mấy cuộc {k} bắt máy,
    gọi mấy cuộc {k} nghe máy, bả {k} bắt máy nữa, ổng {k} bắt máy nữa, {k} nghe máy nữa
"""
# (the lexicon's "nói đớ", "lả đi", "muốn xỉu" are emergencies alone)
_FAINTING = """
    quay cuồng, trời đất quay cuồng, đứng {k} nổi, đứng dậy {k} nổi, ói hoài, nôn hoài,
    nôn liên tục, xây xẩm, xây xẩm mặt mày
"""
# (the lexicon's "tức ngực", "đau ngực" are emergencies alone; its sweats are ``hypo_sign``
# and ``sweat``)
_CHEST = "ngực, ngực trái, thắt ngực, ngực tui, ngực ổng, ngực bả"
_SPREADING = """
    lan ra cánh tay trái, lan ra tay trái, lan xuống tay trái, lan xuống cánh tay trái,
    lan qua tay trái, lan qua cánh tay trái, lan lên quai hàm, lan ra quai hàm, lan lên hàm,
    lan ra hàm, lên tới quai hàm, tê cánh tay trái, mồ hôi lạnh, mồ hôi ướt áo
"""
# (the lexicon's "trèo rào", "leo tường" are emergencies alone; its "đi vắng" is
# ``nobody_home``, its "cắt khóa" ``intrude``)
_CLIMBING_IN = """
    trèo qua hàng rào, leo qua hàng rào, trèo hàng rào, leo hàng rào, nhảy rào vô,
    nhảy hàng rào
"""
_CARRYING_OUT = """
    đang bưng, đang khiêng, đang vác, đang khuân, đang ôm đồ, đang dắt xe, đang đẩy xe,
    bưng ra, khiêng ra, vác ra, khuân ra, khuân đồ, dọn đồ ra
"""
# (the lexicon's "ong vò vẽ" is a sting; a snake's bite is its own)
_BEASTS = """
    ong bay, bầy ong, đàn ong, ong bay ra, ong bu, trăn, con trăn, trăn gấm, cá sấu,
    con cá sấu, chó dại, con chó dại, heo rừng, con heo rừng, rắn hổ bò, con rắn bò, rắn bò
"""
# (the lexicon's "không dám xuống" is ``frozen``, "không dám nhúc nhích" ``cannot_leave``)
_HIDING = """
    {k} dám ra, {k} dám chạy ra, {k} dám bước ra, {k} dám mở cửa, {k} dám ra ngoài,
    trốn trong lớp, trốn trong phòng, trốn trên gác
"""

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
B21_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _SILENT, tags="b21_silent", fold="tone"),
    entry(None, "normal", 0, _FAINTING, tags="b21_fainting", fold="tone"),
    entry(None, "normal", 0, _CHEST, tags="b21_chest", fold="tone"),
    entry(None, "normal", 0, _SPREADING, tags="b21_spreading", fold="tone"),
    entry(None, "normal", 0, _CLIMBING_IN, tags="b21_climbing_in", fold="tone"),
    entry(None, "normal", 0, _CARRYING_OUT, tags="b21_carrying_out", fold="tone"),
    entry(None, "normal", 0, _BEASTS, tags="b21_beast", fold="tone"),
    entry(None, "normal", 0, _HIDING, tags="b21_hiding", fold="tone"),
)

B21_COMBOS: tuple[Combo, ...] = (
    Combo(("b21_fainting", "b21_silent"), "medical", "emergency", 5, window=16, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("b21_chest", "b21_spreading"), "medical", "emergency", 5, window=12, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("b21_chest", "hypo_sign"), "medical", "emergency", 5, window=12, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("b21_chest", "sweat"), "medical", "emergency", 5, window=12, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("b21_climbing_in", "b21_carrying_out"), "violation", "emergency", 5, window=10,
          ordered=True, service="113", gives=frozenset({"crime"})),
    Combo(("nobody_home", "b21_carrying_out"), "violation", "emergency", 5, window=12,
          ordered=True, service="113", gives=frozenset({"crime"})),
    Combo(("b21_beast", "b21_hiding"), "other", "emergency", 5, window=16, ordered=True,
          service="114", gives=frozenset({"trapped"})),
    Combo(("b21_beast", "frozen"), "other", "emergency", 5, window=16, ordered=True,
          service="114", gives=frozenset({"trapped"})),
)
# fmt: on

# -- look-alikes ----------------------------------------------------------------------------
_GUN = phrases("cầm súng, bắn súng, nổ súng, tiếng súng, chĩa súng, súng bắn, bắn lên trời")
_BLAST = phrases("nổ, tiếng nổ, nổ lớn, tiếng nổ lớn, nổ đùng, nổ đoàng, nổ liên tục")
_GUN_WORD = "súng"
_BURNING = words("cháy lửa khói ga gas bình xăng điện pin trạm biến")
_LONG_AGO = phrases("""
    năm trước, mấy năm trước, năm ngoái, năm rồi, mấy năm nay, mấy năm rồi, tháng trước,
    mấy tháng trước, hồi trước, hồi đó, lâu rồi, từ hồi
""")
_AID_GEAR = words("xe lăn nạng khung tã bỉm giường nệm trợ cấp")
_PARALYSIS = phrases("""
    liệt, liệt nửa người, bị liệt, yếu nửa người, méo miệng, liệt hai chân, liệt tay
""")
_BIRTH = phrases("sắp sanh, sắp sinh, sắp đẻ, gần sanh, gần sinh, gần đẻ, tới ngày sanh")
_DUE_LATER = phrases("""
    tuần sau, tháng sau, tuần tới, tháng tới, mấy bữa nữa, vài bữa nữa, mấy tuần nữa,
    vài tuần nữa, mấy ngày nữa, vài ngày nữa, cuối tháng, tháng nữa, đầu tháng sau, năm sau
""")
_DUE_REACH = 3
# (find() caches its index by the list's identity: a module constant, never a temporary)
_NOBODY = tuple(
    p
    for neg in ("không", "hổng", "hông", "chẳng")
    for p in ((neg, "có", "ai", "bị"), (neg, "ai", "bị"))
)
_ALL_OF = words("hết cả đâu")
_NOBODY_REACH = 4
_ASK = phrases("hỏi, tính hỏi, muốn hỏi, cho hỏi, hỏi là, hỏi thăm")


def _nobody(words_: list[str]) -> list[tuple[int, int]]:
    """ "(chứ) hổng có ai bị kẹt hết": a denial of everybody, from its "bị" to its end."""
    return [
        (e, e + k)
        for _, e in find(words_, _NOBODY)
        for k in range(1, _NOBODY_REACH)
        if e + k < len(words_) and words_[e + k] in _ALL_OF
    ]


def _looked_alike(words_: list[str]) -> Marks:
    """The look-alikes of the module docstring, as marks: a gunshot heard as a blast is
    mistaken, a paralysis of years ago chronic, a birth due later feared, an emergency asked
    about then denied of everybody denied."""
    said = set(words_)
    out: Marks = {}
    if find(words_, _GUN) and not _BURNING & said:
        out["mistaken"] = [
            (s, e)
            for s, e in find(words_, _BLAST)
            if _GUN_WORD not in words_[max(0, s - 1) : e + 1]
        ]
    ago = [s for s, _ in find(words_, _LONG_AGO)]
    if ago and _AID_GEAR & said:
        out["chronic"] = [(s, e) for s, e in find(words_, _PARALYSIS) if s > min(ago)]
    out["feared"] = [
        (s, e)
        for s, e in find(words_, _BIRTH)
        if any(0 <= d - e < _DUE_REACH for d, _ in find(words_, _DUE_LATER))
    ]
    asked = [e for _, e in find(words_, _ASK)]
    out["denied"] = [
        (s, e) for s, e in _nobody(words_) if any(a < s and words_[s] in words_[a:s] for a in asked)
    ]
    return out
