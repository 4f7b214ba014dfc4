"""Look-alikes of emergencies that are none, seventh set: an emergency word said in passing
(round 14 of issue 13, two new writers; entries read by :mod:`.need_lexicon`, marks and the
test by :mod:`.need_time`, as :mod:`.need_look_alikes_asked`).

The writers' false emergencies showed these classes, each covered in several wordings,
regions and recognition damages, not by their sentences:

- **A road sunk** ("cái lề đường bị lún một lỗ", "mặt đường sụt lún", "con hẻm bị lún
  xuống"): a sinking (:data:`SINKS`) said of a road, a pavement, an alley or a yard
  (:data:`ROADS` just before it) is a repair to report, no 114 collapse, unless someone or
  something is said to be in it or under it, or houses to crack (:data:`INSIDE`); "lún bùn"
  (someone sinking in mud) is no road.
- **An oxygen cylinder as equipment** ("nó lấy luôn bình ô xy ... còn bình nhỏ xài tới
  chiều", "bình lớn hết rồi đem đi nạp"): supply left or a refill planned is said by
  ``lasting`` entries (:data:`PASSING_ENTRIES`), so the equipment + lasting demotion of
  :data:`.need_lexicon.DEMOTIONS` makes it a high need, no 115; someone breathing badly
  ("thở không nổi", "tím tái") is an emergency of its own and stays.
- **A nightly habit** ("đêm nào thằng cha đó cũng say về đập cửa la lối", "tối nào ổng cũng
  ..."): "đêm nào", "tối nào", "bữa nào" ... with "cũng" a few words after is the recurring
  frame :data:`.need_time_words.CHRONIC` holds unbroken ("đêm nào cũng"); it scopes the
  same way, to the next present marker ("bữa nay nó cầm dao" is now).
- **A chronic disease managed** ("bị hen nặng phải xịt thuốc ngừa hằng ngày ... chưa lên
  cơn", "suyễn nặng mà uống thuốc đều"): asthma named with its daily prevention or an attack
  denied (:data:`MANAGED`) is no attack now, unless an attack (an un-denied "cơn") or
  breathing distress is said (:data:`DISTRESS`).
- **A past episode, the reason of a request** ("từ hôm qua tới giờ chưa có gì ăn hồi năm
  ngoái thằng út bị xỉu vì đói"): what goes on "tới giờ" stops where a marker of another
  month or year opens a past stretch (:func:`cut_now`); the past words themselves ("ngày
  xưa", "hồi ấy") are in :data:`.need_time_words.PAST`.
- **A fire extinguisher or an alarm** ("bình chửa cháy" as Vosk writes it, "bình cứu hỏa",
  "chuông báo cháy", "đầu báo khói"): equipment, no fire (:data:`PASSING_ENTRIES`); the fear
  said with it ("sợ mai mốt chập điện") is already a feared clause.

Round 16 (a reviewer's probe): "cháy" right after chữa/báo/cứu starts no fire ("bình chữa
cháy nhà em"); a cylinder rented, bought or sold is equipment; "sụp" sinks a road too; a
wall beside the house ("sau nhà") fallen on things only, no one named, is no one trapped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Entry, entry
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

# fmt: off
PASSING_ENTRIES: tuple[Entry, ...] = (
    # Fire equipment, as said and as Vosk writes "chữa" ("chửa", "trữa"): no fire.
    entry(None, "normal", 0, ", ".join(
        f"{thing} {fight} cháy"
        for thing in ("bình", "bình xịt", "bình bột", "bình khí", "bình bọt", "thiết bị",
                      "dụng cụ", "vòi", "mền", "chăn")
        for fight in ("chữa", "chửa", "trữa")
    ) + """,
        bình cứu hỏa, bình cứu hoả, bình cứu hõa, bình chửa lửa, chuông báo cháy,
        còi báo cháy, đầu báo cháy, đầu báo khói, máy báo cháy, máy báo khói,
        thiết bị báo cháy, hệ thống báo cháy, báo cháy tự động, cảm biến khói, cảm biến báo cháy
        """, fold="exact"),
    # An oxygen cylinder with supply left or a refill planned: the equipment + lasting
    # demotion (need_lexicon.DEMOTIONS) makes it high, no 115.
    entry(None, "normal", 0, """
        còn bình, còn một bình, còn bình nhỏ, còn bình phụ, còn bình dự phòng, bình dự phòng,
        xài tới chiều, xài tới tối, xài tới mai, dùng tới chiều, dùng tới tối, dùng tới mai,
        xài được tới, dùng được tới, đủ xài tới, đủ dùng tới, xài đỡ, dùng đỡ, đổi bình,
        nạp bình, nạp lại bình, đem đi nạp, đem nạp, đi nạp, chỗ nạp, tiệm nạp
        """, tags="lasting"),
    # Round 16: a cylinder rented, bought or sold is equipment, no one short of breath: the
    # equipment + precaution demotion makes it normal (no "thuê bình": a longer phrase the
    # cylinder crosses out would hide the shorter one, need_match.select).
    entry(None, "normal", 0, """
        thuê, cho thuê, mướn, cho mướn, mua, mua ở đâu, bán, chỗ bán, tiệm bán, chỗ thuê
        """, tags="precaution"),
)
# fmt: on

# 1. A road sunk.
SINKS = words("lún sụt sụp")
SINK_HIT = words("bị lún sụt sụp xuống đất")  # every word of the hit one of these ("lún bùn": no)
ROADS = words("lề đường vỉa hè lộ hẻm ngõ kiệt sân lối")
ROAD_REACH = 7
DOWN = "xuống"  # "bị lún xuống": the sinking itself
INSIDE = words("""
    rơi rớt lọt kẹt vùi lấp chôn đè mắc dưới cứu sập đổ nứt nghiêng xuống đang
""")
# Breathing distress said keeps a chronic disease an emergency (class 4).
DISTRESS = words("""
    thở tím ngộp ngạt lịm xỉu ngất khò hụt thoi mê tái gấp đuối hổn mệt rít dốc lả
""")
# 2. A nightly habit.
RECURRING = words("đêm tối ngày sáng trưa chiều khuya bữa hôm lần tuần tháng")
WHICH = "nào"
ALSO = "cũng"
ALSO_REACH = 7
# 3. A chronic disease managed.
ASTHMA = words("hen suyễn")
ATTACK = "cơn"
MANAGED = phrases("""
    xịt thuốc ngừa, xịt ngừa, thuốc ngừa, thuốc dự phòng, xịt dự phòng, hằng ngày, hàng ngày,
    mỗi ngày, mỗi sáng, mỗi tối, uống thuốc đều, xịt đều, xịt thường xuyên, chưa lên cơn,
    không lên cơn, hổng lên cơn, hông lên cơn, chưa bị lên cơn, chưa có cơn, không có cơn,
    đang ổn, vẫn ổn, kiểm soát được
""")
NOT_ATTACK = words("chưa không hổng hông chẳng chả ko hay thường đỡ hết ngừa")
# 4. A past episode: markers of another week, month or year.
FAR_PAST = phrases("""
    năm ngoái, năm trước, năm rồi, năm kia, hồi năm, tháng trước, tháng rồi, hồi tháng,
    tuần trước, tuần rồi, ngày xưa, ngày trước, hồi xưa, hồi trước, lúc trước, trước đây,
    trước kia, hồi nhỏ, hồi còn nhỏ, lúc nhỏ, hồi bé, lúc bé, hồi tết, hồi ấy, ngày ấy
""")
CUES = SINKS | ASTHMA
# Round 16: "cháy" inside fire equipment ("bình chữa cháy nhà em") starts no fire.
FIGHTS = words("chữa chửa trữa báo cứu")
# Round 16: a wall of the house's back or side fallen on things, no one ("bức tường sau nhà
# đổ xuống đè mấy chậu cây"): "nhà" after a side word is a place; only things crushed.
SIDES = words("sau trước cạnh bên hông")
CRUSH = words("đè trúng rớt")
THINGS_CRUSHED = words("""
    chậu cây xe mái hàng rào đồ cái mấy vài chiếc bồn lu cửa kiếng kính tôn vách
""")
PEOPLE = words("""
    người ai con cháu ông bà ba má mẹ bố anh chị em thằng nhỏ bé đứa cô chú bác vợ chồng
    kẹt mắc kêu thở
""")
CRUSH_REACH = 3


def _recurring(words_: list[str]) -> list[tuple[int, int]]:
    """ "đêm nào <a few words> cũng ...": from the frame to the next present marker."""
    if ALSO not in words_:
        return []
    present = sorted(s for s, _ in find(words_, tw.PRESENT))
    out = []
    for k in range(len(words_) - 2):
        if words_[k] not in RECURRING or words_[k + 1] != WHICH:
            continue
        ahead = words_[k + 2 : k + 2 + ALSO_REACH]
        if ALSO in ahead[1:] and not tw.CLAUSE_BREAKS & set(ahead[: ahead.index(ALSO)]):
            also = k + 2 + ahead.index(ALSO)
            out.append((k, next((p for p in present if p > also), len(words_))))
    return out


def passing_marks(words_: list[str]) -> Marks:
    """This module's marks: the recurring frames, joined to the ``chronic`` ones, and where
    the other classes' words are, that :func:`.need_time.defuse` reads the answer."""
    return {
        "chronic": _recurring(words_),
        "passing_cues": [
            (k, k + 1)
            for k, w in enumerate(words_)
            if w in CUES
            or (k > 0 and (w, words_[k - 1] in FIGHTS) == ("cháy", True))
            or (k > 0 and (w, words_[k - 1] in SIDES) == ("nhà", True))
        ],
    }


def cut_now(marks: Marks, words_: list[str]) -> Marks:
    """``marks`` with each stretch said to go on now ("từ hôm qua tới giờ ...") ended where a
    marker of another week, month or year opens a past stretch after it."""
    if not marks.get("now") or not marks.get("past"):
        return marks
    far = {s for s, _ in find(words_, FAR_PAST)}
    opens = sorted({s for s, _ in marks["past"] if s in far or s + 1 in far})
    now = []
    for s, e in marks["now"]:
        cut = next((p for p in opens if s < p < e), e)
        now.append((s, cut))
    return {**marks, "now": now}


def _road_sunk(hit: Hit, words_: list[str]) -> bool:
    """ "lề đường bị lún": a road's sinking, nothing and nobody in it."""
    said = set(words_[hit.start : hit.end])
    if "collapse" not in hit.entry.tags or not SINKS & said or not said <= SINK_HIT:
        return False
    before = set(words_[max(0, hit.start - ROAD_REACH) : hit.start])
    after = words_[hit.end + 1 :] if words_[hit.end : hit.end + 1] == [DOWN] else words_[hit.end :]
    return bool(ROADS & before) and not INSIDE & (set(after) | before)


def _managed(hit: Hit, words_: list[str]) -> bool:
    """Asthma named with its daily prevention or an attack denied, none said now."""
    said = words_[hit.start : hit.end]
    if hit.entry.alarm != "115" or not ASTHMA & set(said) or ATTACK in said:
        return False
    attack = any(
        w == ATTACK and not NOT_ATTACK & set(words_[max(0, k - 3) : k])
        for k, w in enumerate(words_)
    )
    rest = words_[: hit.start] + words_[hit.end :]
    return bool(find(words_, MANAGED)) and not attack and not DISTRESS & set(rest)


def _equipment_fire(hit: Hit, words_: list[str]) -> bool:
    """ "bình chữa cháy nhà em": the fire of a fire-fighting or alarm word."""
    return words_[hit.start] == "cháy" and hit.start > 0 and words_[hit.start - 1] in FIGHTS


def _things_crushed(hit: Hit, words_: list[str]) -> bool:
    """ "tường sau nhà đổ xuống đè mấy chậu cây": a side of the house, things crushed only;
    ``hit`` is the fall or the crush said from that "nhà" on."""
    if hit.entry.alarm != "114" or {"fire", "smoke", "blast"} & hit.entry.tags:
        return False
    house = [k for k in range(1, hit.start + 1) if words_[k] == "nhà" and words_[k - 1] in SIDES]
    crush = [k for k in range(hit.start, len(words_)) if words_[k] in CRUSH]
    if not house or not crush:
        return False
    crushed = words_[crush[0] + 1 : crush[0] + 1 + CRUSH_REACH]
    return bool(THINGS_CRUSHED & set(crushed)) and not PEOPLE & set(words_[house[-1] :])


def passing_look_alike(hit: Hit, words_: list[str]) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    if _equipment_fire(hit, words_) or _things_crushed(hit, words_):
        return True
    if not CUES & set(words_[hit.start : hit.end]):
        return False
    return _road_sunk(hit, words_) or _managed(hit, words_)
