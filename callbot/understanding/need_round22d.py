"""False emergencies the rules gave on the thirteenth development part's writers L and M
(round 22D of issue 13): an emergency word said of something that is over, denied, feared,
asked about or heard of. :func:`round22d_marks` is read by :mod:`.need_marks` (its marks are
the ones :mod:`.need_time` already reads).

- **Lost, then found** ("resolved"): "ông cố em bị lẫn sáng nay đi lạc dồi mới tìm được mà
  em phải đi làm", "má tui đi lạc hồi trưa công an dẫn về rồi": a lost person found or brought
  back is no one missing now.
- **Paralysed for long** ("chronic"): "má em bị tai biến nằm liệt ở nhà ... hông ai trông",
  "tui bị liệt nửa người con đi làm tới mai mới về": a stroke followed by the bedridden state,
  or the paralysed person speaking, with no onset told ("đột nhiên", "vừa", "hồi nãy"...), is a
  care need, not a stroke now.
- **Near term and no money** ("feared"): "mang bầu chín tháng sắp sanh tới nơi dồi mà hông có
  đồng nào đi bệnh viện" (Vosk's "sắp xanh" too): the birth to come, with money lacking and no
  labour sign (pain, waters, blood, "chuyển dạ"), is high (the pregnancy), not 115.
- **Robbed earlier, hungry now** ("past"): "bị dựt mất hết tiện chừ không có chi ăn": a theft
  whose loss is told ("mất hết") before "giờ" and a need now (nothing to eat, no money).
- **Feared, to come** ("feared"): "lỡ nổ thì nguy lấm", "nhỡ mà cháy thì sao" (a "lỡ" up to its
  "thì", "lỡ tay" left out); "sợ chết đuối" after a habit or with a class asked ("tụi nó hay ra
  sông tắm sợ chết đuối", "cho con học bơi sợ nó bị đuối nước"); a threat to evict, cut the
  power or sue ("chủ nhà trọ hăm dọa đuổi tụi tui nếu hông đóng tiền"): a rent dispute.
- **Asked about** ("feared", "topic"): the ambulance's fee ("xe cấp cưu chở đi có tốn tiền
  hông"); a course ("lớp sơ cưu đuối nước", "khóa học sơ cứu ngưng tim"); an animal to be taken
  away ("chó hoang hay rượt người ta ... có chỗ nào bắt đi hông"); a medicine named for what it
  treats ("hết thuộc chống co giật": Vosk's "thuộc" for "thuốc").
- **Heard of and doubted** ("media"): "thấy trên phây búc nói có người bị bắt cóc ... hông
  biết thiệt hông", "nghe nói có vụ bắt cóc con nít ... có thiệt hông hay tin đồn".
- **"hông phải X (đâu)"**: the southern "hông" as a negator is :mod:`.need_hong`'s (moved
  there in session 18).
"""

from __future__ import annotations

from callbot.understanding.need_base import Entry, entry
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

__all__ = ["D22_ENTRIES", "round22d_marks"]

# -- what is left once the emergency goes: a need of food, of a carer -----------------------
# (the lexicon's "{k} có gì ăn" is hunger, its "{k} ai chăm sóc" someone in need)
# fmt: off
D22_ENTRIES: tuple[Entry, ...] = (
    entry("food", "high", 3, """
        {k} có chi ăn, {k} có chi để ăn, {k} có chi mà ăn, {k} còn chi ăn, {k} còn chi để ăn,
        {k} có cái chi ăn
        """, tags="hunger"),
    entry(None, "high", 0, """
        {k} ai trông, {k} có ai trông, {k} ai giữ, {k} có ai giữ, {k} ai chăm,
        {k} có ai chăm, {k} ai trông nom, {k} ai coi chừng, {k} có ai coi chừng,
        bỏ ổng một mình, bỏ bả một mình, bỏ ông một mình, bỏ bà một mình, bỏ má một mình,
        bỏ ba một mình, bỏ mẹ một mình, để ổng một mình, để bả một mình
        """, tags="person"),
)
# fmt: on

# -- lost, then found ------------------------------------------------------------------------
D22_LOST = phrases("đi lạc, bị lạc, lạc đường, đi đâu mất, mất tích, đi lạc đường")
D22_FOUND = phrases("""
    tìm được, tìm thấy, tìm ra, kiếm được, kiếm thấy, kiếm ra, dẫn về, đưa về, chở về,
    dắt về, về tới nhà, về nhà rồi, về nhà dồi, người ta đưa về, công an đưa về
""")
D22_LOST_REACH = 10
D22_NOT_YET = words("chưa không hông hổng chẳng")

# -- paralysed for long ----------------------------------------------------------------------
D22_STROKE = phrases("tai biến, đột quỵ, xuất huyết não, tai biếng")
D22_BEDRIDDEN = phrases("""
    nằm liệt, liệt giường, bị liệt, liệt nửa người, nằm một chỗ, liệt hai chân, nằm liệt giường
""")
D22_SPEAKER_PARALYSED = phrases("""
    tui bị liệt, tôi bị liệt, em bị liệt, tui liệt, tôi liệt, tui nằm liệt, tôi nằm liệt,
    tui bị bại liệt, tôi bị bại liệt
""")
D22_ONSET = phrases("""
    đột nhiên, tự nhiên, đột ngột, bỗng nhiên, vừa mới, vừa bị, mới bị, hồi nãy, lúc nãy,
    khi nãy, tối nay, sáng nay, trưa nay, chiều nay, hồi sáng, hồi tối, hồi trưa, méo miệng,
    nói đớ, xỉu, ngất, té xỉu
""")
D22_STROKE_REACH = 3
D22_OPENERS = words("dạ à ờ ơi là thì mà nè nha")

# -- near term and no money ------------------------------------------------------------------
D22_BIRTH = phrases("""
    sắp sanh, sắp sinh, sắp đẻ, gần sanh, gần sinh, gần đẻ, sắp xanh, gần xanh, tới ngày sanh,
    tới ngày sinh, tới tháng sanh, tới tháng sinh
""")
D22_NO_MONEY = phrases("""
    không có đồng nào, hông có đồng nào, hổng có đồng nào, không có tiền, hông có tiền,
    hổng có tiền, không có tiện, hông có tiện, hết tiền, hết tiện, thiếu tiền, không đủ tiền,
    hông đủ tiền, không một đồng, hông một đồng, không xu dính túi, hông có xu, không có xu
""")
D22_PREGNANT = phrases("mang bầu, có bầu, mang thai, có thai, bầu bì, bụng bầu, bầu tháng")
D22_LABOUR = words("đau rặn quặn ối")
D22_LABOUR_SIGNS = phrases("ra nước, ra máu, ra máo, chuyển dạ, co thắt, đẻ rớt")

# -- robbed earlier, hungry now --------------------------------------------------------------
D22_THEFT = words("dựt giựt giật móc trộm cướp chôm")
D22_LOST_GOODS = words("mất")
D22_NOW = words("giờ chừ")
D22_NEED_NOW = words("không hông hổng hết đói xin cần chi gì thiếu")
D22_THEFT_REACH = 4

# -- feared, to come -------------------------------------------------------------------------
D22_WHAT_IF = words("lỡ nhỡ lỡ")
D22_NOT_WHAT_IF = words("tay chân miệng lời dại hẹn chuyến")
D22_THEN = words("thì")
D22_WHAT_IF_REACH = 6
D22_FEAR = words("sợ")
D22_HABIT = words("hay thường mùa hoài mai mốt")
D22_CLASS = words("lớp dạy khóa bơi")
D22_FEAR_HABIT_REACH = 10
D22_FEAR_SPAN = 5
D22_THREAT = phrases("hăm dọa, hăm, dọa, đe dọa, dọa dẫm, hăm he, dọa là")
D22_EVICTION = phrases("""
    đuổi, đuổi ra, đuổi đi, lấy lại phòng, lấy lại nhà, cắt điện, cắt nước, kiện, thưa,
    báo công an, tăng giá, tăng tiền, đòi nhà, khóa cửa phòng, dọn đồ ra
""")
D22_HARM = words("đánh chém đâm giết dao súng đốt tạt axit xăng")
D22_THREAT_REACH = 3

# -- asked about -----------------------------------------------------------------------------
D22_AMBULANCE = phrases("xe cấp cứu, xe cấp cưu, xe cứu thương, xe cấp cứ, xe cưu thương")
D22_FEE = phrases("""
    tốn tiền, mất tiền, bao nhiêu tiền, tính tiền, trả tiền, miễn phí, chi phí, phí, giá,
    tốn tiện, mất tiện, bao nhiêu tiện, tính tiện, trả tiện
""")
D22_FEE_REACH = 10
D22_COURSE = phrases("""
    lớp sơ cứu, lớp sơ cưu, khóa sơ cứu, khóa sơ cưu, học sơ cứu, học sơ cưu, dạy sơ cứu,
    dạy sơ cưu, lớp cấp cứu, lớp cấp cưu, khóa học sơ cứu, khóa học sơ cưu, lớp học sơ cứu,
    lớp học sơ cưu, lớp dạy bơi, học bơi, dạy bơi
""")
D22_TAKE_AWAY = phrases("bắt đi, bắt dùm, bắt giùm, tới bắt, bắt về")
D22_SERVICE_ASKED = phrases("""
    chỗ nào, nơi nào, ở đâu, đội nào, bên nào, cơ quan nào, số nào, chỗ nào tới
""")
D22_BEASTS = words("chó mèo rắn trăn khỉ ong chuột heo bò trâu dê rết")
D22_SERVICE_REACH = 3
D22_MEDICINE = phrases("""
    thuốc chống, thuộc chống, thuốc trị, thuộc trị, thuốc ngừa, thuộc ngừa, thuốc chữa,
    thuộc chữa, thuốt chống, thuốt trị
""")

# -- heard of and doubted --------------------------------------------------------------------
D22_HEARSAY = phrases("""
    nghe nói, nghe đồn, người ta đồn, thấy trên, trên phây, trên mạng, trên facebook,
    trên zalo, trên tiktok, người ta nói, nghe người ta nói, đọc trên, coi trên
""")
D22_DOUBT = phrases("""
    thiệt hông, thiệt không, thiệt hổng, thật không, thật hông, có thiệt hông, có thật không,
    tin đồn, thiệt hay giả, thật hay giả, có đúng không, có đúng hông, hay là đồn
""")


def _near_after(after: list[tuple[int, int]], end: int, reach: int) -> bool:
    return any(0 <= s - end <= reach for s, _ in after)


def _lost_found(ws: list[str]) -> list[tuple[int, int]]:
    lost = [e for _, e in find(ws, D22_LOST)]
    return [
        (s, e)
        for s, e in find(ws, D22_FOUND)
        if any(0 <= s - end <= D22_LOST_REACH for end in lost)
        and not (s > 0 and ws[s - 1] in D22_NOT_YET)  # "chưa tìm được": still lost
    ]


def _onset(ws: list[str]) -> bool:
    return bool(find(ws, D22_ONSET))


def _long_paralysed(ws: list[str]) -> list[tuple[int, int]]:
    if _onset(ws):
        return []
    bedridden = find(ws, D22_BEDRIDDEN)
    out = [
        (s, max(e2 for s2, e2 in bedridden if 0 <= s2 - e <= D22_STROKE_REACH))
        for s, e in find(ws, D22_STROKE)
        if _near_after(bedridden, e, D22_STROKE_REACH)
    ]
    # the speaker: "tui bị liệt" opening a clause, not "má tui liệt" (whose "tui" is "my")
    return out + [
        (s, e + 3) for s, e in find(ws, D22_SPEAKER_PARALYSED) if s == 0 or ws[s - 1] in D22_OPENERS
    ]


def _birth_unpaid(ws: list[str]) -> list[tuple[int, int]]:
    if not find(ws, D22_NO_MONEY) or D22_LABOUR & set(ws) or find(ws, D22_LABOUR_SIGNS):
        return []
    # the pregnancy told first ("mang bầu chín tháng sắp sanh"): a bare "vợ sắp sinh" may be
    # the birth now
    told = [e for _, e in find(ws, D22_PREGNANT)]
    return [(s, e) for s, e in find(ws, D22_BIRTH) if any(t <= s for t in told)]


def _robbed_before(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for i, w in enumerate(ws):
        if w not in D22_THEFT or not D22_LOST_GOODS & set(ws[i + 1 : i + 1 + D22_THEFT_REACH]):
            continue
        now = next((k for k in range(i + 2, len(ws)) if ws[k] in D22_NOW), None)
        if now is not None and D22_NEED_NOW & set(ws[now + 1 : now + 4]) and "đang" not in ws:
            out.append((max(0, i - 1), now))
    return out


def _what_if(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for i, w in enumerate(ws):
        if w not in D22_WHAT_IF or D22_NOT_WHAT_IF & set(ws[i + 1 : i + 2]):
            continue
        then = next(
            (k for k in range(i + 1, min(len(ws), i + D22_WHAT_IF_REACH)) if ws[k] in D22_THEN),
            None,
        )
        if then is not None:
            out.append((i, then))
    return out


def _fear_to_come(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for i, w in enumerate(ws):
        if w not in D22_FEAR:
            continue
        before = set(ws[max(0, i - D22_FEAR_HABIT_REACH) : i])
        if D22_HABIT & before or D22_CLASS & set(ws):
            out.append((i, i + D22_FEAR_SPAN))
    return out


def _threat_of_eviction(ws: list[str]) -> list[tuple[int, int]]:
    if D22_HARM & set(ws):
        return []
    evict = find(ws, D22_EVICTION)
    return [(s, e + 1) for s, e in find(ws, D22_THREAT) if _near_after(evict, e, D22_THREAT_REACH)]


def _fee_asked(ws: list[str]) -> list[tuple[int, int]]:
    fees = find(ws, D22_FEE)
    return [
        (s, max(e2 for s2, e2 in fees if 0 <= s2 - e <= D22_FEE_REACH))
        for s, e in find(ws, D22_AMBULANCE)
        if _near_after(fees, e, D22_FEE_REACH)
    ]


def _take_away_asked(ws: list[str]) -> list[tuple[int, int]]:
    if not D22_BEASTS & set(ws):
        return []
    asked = find(ws, D22_SERVICE_ASKED)
    return [
        (s, e)
        for s, e in find(ws, D22_TAKE_AWAY)
        if any(0 <= s - a <= D22_SERVICE_REACH for _, a in asked)
    ]


def _heard_doubted(ws: list[str]) -> list[tuple[int, int]]:
    doubts = find(ws, D22_DOUBT)
    heard = find(ws, D22_HEARSAY)
    if not doubts or not heard:
        return []
    return [(min(s for s, _ in heard), max(e for _, e in doubts))]


def round22d_marks(ws: list[str]) -> Marks:
    """This module's readings (module docstring), as the marks :mod:`.need_time` reads."""
    return {
        "resolved": _lost_found(ws),
        "chronic": _long_paralysed(ws),
        "past": _robbed_before(ws),
        "feared": _birth_unpaid(ws)
        + _what_if(ws)
        + _fear_to_come(ws)
        + _threat_of_eviction(ws)
        + _fee_asked(ws)
        + _take_away_asked(ws),
        "topic": find(ws, D22_COURSE) + find(ws, D22_MEDICINE),
        "media": _heard_doubted(ws),
    }
