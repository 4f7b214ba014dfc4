"""Round 30R of issue 13 (the lead's read of writer P's false emergencies: work sites, roads,
fields and boats, told by workmates and neighbours).

Marks (:func:`round30r_marks`, read by :mod:`.need_time`):

- **Treated and home** (``resolved``): a sign of a known injury or illness ("gãy xương",
  "tai biến", "mổ", "bó bột") then "về nhà rồi", "xuất viện rồi", "về rồi" within six words:
  "bà ngoại té gãy xương hông về nhà rồi mà ở một mình hổng ai lo" asks for care, not a crew.
  What is said after the return stays ("... về nhà rồi mà giờ sốt mê man").
- **Days ago** (``past``): a sign followed at once by a day gone ("hôm trước", "hôm qua",
  "tuần trước", "bữa trước"): "bị điện giựt hôm trước phải cắt cụt tay giờ hết tiền". Round 1
  keeps a morning's stroke as now; a day gone is past (what is said after it stays).
- **Broken up** (``resolved``): a fight "giải tán rồi", "can ra rồi".
- **A harmless burn explained** (``mistaken``): "người ta đốt rơm ngoài đồng thôi", "người ta
  hàn sắt thôi" after a denial or a "tưởng" ("hổng phải cháy đâu nha khói đó ...", "tưởng cháy
  hóa ra ..."): the smoke and the smell are that burn's, unless fire spreads or someone is in
  it (:data:`_SPREADING`).
- **A workshop's smoke** (``mistaken``): smoke let out by a kiln, a workshop or a factory
  ("lò gạch bên cạnh đốt than khói bay vô nhà", "xưởng bên cạnh xả khói đen") with no fire
  said: a complaint for the ward.

Entries (:data:`R30_ENTRIES`): "chưa ai đánh ai" (words only: the "đánh" inside is none), a
storm's or a wave's "đánh" (no blow; what sank stays), things sunk ("chìm hết đồ nghề"), a
birth due this week or next ("sắp sanh tuần này": high, not labour now).
"""

from __future__ import annotations

from callbot.understanding.need_base import NOT, Entry, entry, pairings
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import CLAUSE_BREAKS, phrases

__all__ = ["R30_ENTRIES", "round30r_marks"]

_TREATED = phrases("""
    gãy xương, gãy chân, gãy tay, gãy hông, tai biến, đột quỵ, mổ, bó bột, nẹp, khâu, may mấy
    mũi, nhập viện, cấp cứu, cắt cụt, bị phỏng, bị bỏng, điện giựt
""")
# what is itself the emergency, for "days ago" (not a treatment: "sanh mổ hồi tháng trước")
_STRUCK = phrases("""
    gãy xương, gãy chân, gãy tay, gãy hông, tai biến, đột quỵ, bị phỏng, bị bỏng, điện giựt,
    cấp cứu, nhập viện
""")
_HOME = phrases("""
    về nhà rồi, về rồi, xuất viện rồi, ra viện rồi, xuất viện về, ra viện về, về nhà nằm,
    được về nhà, cho về rồi, cho về nhà
""")
_DAYS_AGO = phrases("""
    hôm trước, hôm qua, hôm kia, bữa trước, bữa hổm, hôm bữa, tuần trước, tuần rồi,
    tháng trước, tháng rồi, năm ngoái, năm rồi, mấy bữa trước, mấy hôm trước
""")
_BROKEN_UP = phrases("giải tán rồi, giải tán hết rồi, giải tán hết, can ra rồi, can được rồi")
_DENIED_OR_THOUGHT = phrases(
    ", ".join(f"{k} phải cháy" for k in NOT) + ", tưởng, hóa ra, thì ra, té ra"
)
_HARMLESS_BURN = phrases("""
    đốt rơm, đốt rạ, đốt rác, đốt đồng, đốt cỏ, đốt lá, đốt vàng mã, đốt nhang, hàn sắt,
    hàn xì, hàn cửa, nướng thịt, nướng cá, hun khói, xông khói, un khói
""")
_SPREADING = phrases("""
    lan qua, lan sang, cháy lan, bắt lửa, cháy lớn, ngọn lửa, lửa bùng, kẹt, mắc kẹt, cứu,
    kêu cứu, trong đó, bên trong, nổ
""")
_WORKSHOP = phrases("""
    lò gạch, lò than, lò đốt, lò nung, xưởng, nhà máy, công ty, quán nướng, lò bánh mì,
    lò sấy, cơ sở
""")
_LET_OUT = phrases("xả khói, khói bay vô, khói bay qua, khói bay sang, khói bay vào, thải khói")
_FIRE_SAID = phrases("cháy, lửa, bốc cháy, nổ, khét lẹt, cháy rồi")


def _clause_start(words: list[str], at: int) -> int:
    """Where the clause holding ``words[at]`` begins."""
    return max((k + 1 for k in range(at) if words[k] in CLAUSE_BREAKS), default=0)


def round30r_marks(words: list[str]) -> Marks:
    """The module docstring's marks."""
    resolved = [(s, e) for s, e in find(words, _BROKEN_UP)]
    for s, e in find(words, _HOME):
        if any(0 <= s - te <= 6 for _, te in find(words, _TREATED)):
            resolved.append((s, e))
    past = []
    for s, e in find(words, _DAYS_AGO):
        if any(0 <= s - te <= 1 for _, te in find(words, _STRUCK)):
            past.append((_clause_start(words, s), e))
    mistaken = []
    burns = find(words, _HARMLESS_BURN)
    if burns and find(words, _DENIED_OR_THOUGHT) and not find(words, _SPREADING):
        mistaken.append((0, len(words)))
    let_out = find(words, _LET_OUT)
    if let_out and find(words, _WORKSHOP) and not find(words, _FIRE_SAID):
        mistaken.append((0, len(words)))
    return {"resolved": resolved, "past": past, "mistaken": mistaken}


# fmt: off
R30_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, """
        chưa ai đánh ai, {k} ai đánh ai, chưa ai đụng ai, {k} ai đụng ai, chưa có đánh,
        chứ chưa đánh, chứ {k} đánh
    """, fold="tone"),
    # the weather's blow only: what sank stays ("sóng đánh chìm ... đang bám trên mảnh ván")
    entry(None, "normal", 0, "bão đánh, sóng đánh, lốc đánh, gió đánh", fold="tone"),
    # things sunk, no one in the water ("ghe bị bão đánh chìm hết đồ nghề")
    entry("other", "normal", 1, pairings(
        ("chìm hết", "chìm mất", "chìm luôn"),
        ("đồ", "đồ nghề", "đồ nghê", "đồ đạc", "hàng", "lưới", "tài sản", "ghe", "xuồng"),
    ), fold="tone"),
    entry("medical", "high", 3, pairings(
        ("sắp sanh", "sắp sinh", "sắp đẻ", "gần sanh", "gần sinh", "gần đẻ"),
        ("tuần này", "tuần sau", "tuần tới", "tháng này", "tháng sau", "tháng tới",
         "mấy bữa nữa", "vài bữa nữa", "mấy hôm nữa", "vài hôm nữa", "cuối tháng"),
    ), fold="tone"),
)
# fmt: on
