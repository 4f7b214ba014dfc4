"""Round 32W of issue 13 (writer W of session 17: the second development part's scenes said by
a northern, a central (Huế, Quảng), a Mekong-delta elder and a teenage caller).

115, signs read together (:data:`W32_COMBOS`):

- **A head knocked, then drowsy**: a knock said the centre's or the north's way ("cộc đầu",
  "cụng đầu", "va đầu", "đụng đầu", or round 29B's "u đầu") then sleepiness that is no sleep
  ("mơ màng", "thiếp đi", "thiêm thiếp", "mắt cứ díp lại", "lờ đờ", "lừ đừ"): "té cụng đầu
  vô bậc giờ cứ thiêm thiếp".
- **Snoring breath, then still a while**: a breath that rasps ("thở rồ rồ", "thở như kéo
  cưa", "thở ồ ồ", round 31S's rattles) then a silence ("im bặt một hồi", "im hơi một lúc",
  "lặng hơi một hồi", "tắt hơi một chặp"): "ổng thở ồ ồ rồi lặng hơi một lúc".
- **A newborn dusky or blue and silent**: "người thâm lại", "tím tái cả người", round 30N's
  blues, with "chẳng oe tiếng nào", "không oe một tiếng", "im re" in either order.
- **A birth, then blood soaking the bed**: "vừa sinh xong máu thấm ướt cả đệm", "mới sanh
  máu ra ướt hết giường" (round 23E's "vừa sinh" or round 31S's births first).
- **A birth, then the child partway out and stopped**: "đẻ ở nhà đứa nhỏ ra cái đầu rồi hổng
  ra nữa", "sinh ở nhà bé ra nửa người rồi dừng luôn", "ra phân nửa rồi đứng hình".
- **Pregnant, then blood pouring**: "bầu tám tháng máu xuống ào ào", "bụng sáu tháng máu
  chảy ròng ròng xuống chân".
- **An animal's bite that tears**: "táp", "ngoạm", "cạp" with "banh", "toạc", "bong", "nát"
  and a limb (the south's "giò"), or a piece of flesh torn ("bong cả mảng thịt").
- **A hand crushed by a machine, then blood spreading**: "máy ép nát bàn tay máu chảy lai
  láng", "máy nghiến banh tay máu ồ ồ".
- **Blue, then still** ("người xanh lè im re"): round 30N's blue, round 30Q's "im re".
- **Blood spreading, then frozen** (the teen's "đứng hình", "đơ như chớt"): "máu loang sàn bả
  đứng hình", "máu chảy lai láng ổng đơ như chớt".

Marks (:func:`round32w_revise`):

- a heat simile ("nóng như lửa") does not reach a fit told right after it ("lên kinh phong",
  "mắt lộn tròng", "co giật");
- a game's clause ends at a player's own collapse ("chơi game gục cái rụp gọi hông phản
  ứng"), not at a character shot down ("bị bắn gục").

Calm: "đứng hình" at a film or a price, "đói chớt", "mệt chớt", "xỉu" from laughing (no
blood before them); "sữa hổng ra nữa" after a birth (nothing partway out); a knock on the head
and a nap ("ngủ một giấc", no drowsy word); a pregnancy with no blood; a dog that tore a shirt.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings, signs_together
from callbot.understanding.need_round32v import DROWSY_TAGS, KNOCK_TAGS, STOP_TAGS
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

__all__ = ["W32_COMBOS", "W32_ENTRIES", "round32w_revise"]

_KNOCK = pairings(
    ("cộc", "cụng", "va", "đụng", "dộng trúng", "cốc"),
    ("đầu", "cái đầu", "đầu vô", "đầu vào", "trúng đầu"),
)
_DROWSY = """
    mơ màng, thiếp đi, thiếp thiếp, thiêm thiếp, thiêm thiếc, mắt díp lại, mắt cứ díp lại,
    mắt díp, díp mắt lại, cứ díp lại, lịm lịm
"""
_SNORE = """
    thở rồ rồ, thở ồ ồ, thở như kéo cưa, thở kéo cưa, thở ngáy ồ ồ,
    thở rì rì
"""
# "im bặt một hồi" and the like are round 32V's stop, read with both tags (STOP_TAGS)
_STILL = "im bặt một chặp, im bặt mấy giây, " + pairings(
    ("im hơi", "lặng hơi", "tắt hơi", "lặng thinh"),
    ("một hồi", "một lúc", "một lát", "một chặp", "mấy giây", "cả chục giây", "hồi lâu"),
)
_DUSKY = """
    người thâm lại, thâm lại, người thâm sì, thâm sì
"""
_NO_CRY = """
    chẳng oe tiếng nào, hổng oe tiếng nào, không oe tiếng nào, hông oe tiếng nào,
    chả oe tiếng nào, không oe một tiếng, chẳng oe một tiếng, hổng oe một tiếng
"""
_SOAKS = pairings(  # blood soaking it: a wet bed alone is no sign
    ("máu", "huyết", "máu thấm", "máu ra", "huyết ra", "máu chảy", "máu me", "cứ chảy", "chảy"),
    ("ướt cả đệm", "ướt hết đệm", "ướt đẫm đệm", "ướt giường", "ướt cả giường",
     "ướt hết giường", "ướt đẫm giường", "ướt chiếu", "ướt hết chiếu", "đầy giường"),
)  # fmt: skip
_PARTWAY = pairings(
    ("ra", "lòi ra", "ra được"),
    ("cái mông", "cái đầu", "cái chân", "một khúc", "phân nửa", "nửa người", "một nửa",
     ),
    ("rồi", ""),
    ("không ra nữa", "hổng ra nữa", "hông ra nữa", "chẳng ra nữa", "không chịu ra nữa",
     "hổng chịu ra nữa", "hông chịu ra nữa", "dừng luôn", "dừng lại luôn", "đứng hình",
     "kẹt luôn", "hết ra"),
)  # fmt: skip
_WITH_CHILD = pairings(
    ("bụng", "cái bụng"),
    ("năm", "sáu", "bảy", "tám", "chín"),
    ("tháng",),
)
_POURS = pairings(
    ("máu", "máu xuống", "huyết ra", "huyết xuống"),
    ("ào ào", "ròng ròng", "lai láng", "ồ ồ"),
)
_BITE_TEARS = (
    pairings(
        ("táp", "ngoạm", "cạp", "đớp"),
        ("banh", "toạc", "nát"),
        ("", "cái", "cả", "nguyên", "nguyên cái"),
        ("giò", "chân", "tay", "bắp chân", "bắp tay", "đùi", "mặt", "cẳng", "ống chân"),
    )
    + ", bong cả mảng thịt, bong mảng thịt, toạc cả mảng thịt, lóc cả mảng thịt"
    + ", rách cả mảng thịt, banh cả mảng thịt"
)
_SPREADING = """
    máu loang sàn, máu loang cả sàn, máu loang đầy sàn, máu lai láng,
    máu loang lổ, máu bắn tùm lum, máu ồ ồ
"""
_CRUSHED = pairings(
    ("ép", "nghiến", "kẹp", "cuốn", "nhồi"),
    ("nát", "banh", "dập", "nát bấy"),
    ("tay", "cả tay", "bàn tay", "cả bàn tay", "ngón tay", "chân", "cả chân", "bàn chân"),
)
_FROZEN = "đứng hình, đơ như chớt, im như chớt"

# fmt: off
W32_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _KNOCK, tags=KNOCK_TAGS, fold="tone"),
    entry(None, "normal", 0, _DROWSY, tags=DROWSY_TAGS, fold="tone"),
    entry(None, "normal", 0, _SNORE, tags="w32_snore", fold="tone"),
    entry(None, "normal", 0, _STILL, tags=STOP_TAGS, fold="tone"),
    entry(None, "normal", 0, _DUSKY, tags="w32_dusky", fold="tone"),
    entry(None, "normal", 0, _NO_CRY, tags="w32_no_cry n30_silent", fold="tone"),
    entry(None, "normal", 0, _SOAKS, tags="w32_soaks", fold="tone"),
    entry(None, "normal", 0, _PARTWAY, tags="w32_partway", fold="tone"),
    entry(None, "normal", 0, _WITH_CHILD, tags="w32_with_child", fold="tone"),
    entry(None, "normal", 0, _POURS, tags="w32_pours", fold="tone"),
    entry(None, "normal", 0, _BITE_TEARS, tags="w32_tears", fold="tone"),
    entry(None, "normal", 0, _SPREADING, tags="w32_spreading", fold="tone"),
    entry(None, "normal", 0, _CRUSHED, tags="w32_crushed", fold="tone"),
    entry(None, "normal", 0, _FROZEN, tags="w32_frozen", fold="tone"),
)
W32_COMBOS: tuple[Combo, ...] = (
    signs_together("w32_knock", "w32_drowsy", 14, ordered=True),
    signs_together("w32_knock", "confused", 14, ordered=True),
    signs_together("w32_knock", "c22_listless", 14, ordered=True),
    signs_together("b29_head_lump", "w32_drowsy", 14, ordered=True),
    signs_together("b29_head_lump", "confused", 14, ordered=True),
    signs_together("w32_snore", "w32_still", 16, ordered=True),
    signs_together("s31_rattle", "w32_still", 16, ordered=True),
    signs_together("w32_dusky", "w32_no_cry", 8),
    signs_together("n30_blue", "w32_no_cry", 8),
    signs_together("b28_dusky", "w32_no_cry", 8),
    signs_together("w32_dusky", "e23_silent_baby", 8),
    signs_together("w32_dusky", "n30_silent", 8),
    signs_together("e23_born", "w32_soaks", 12, ordered=True, at_second=True),
    signs_together("birth", "w32_soaks", 12, ordered=True, at_second=True),
    signs_together("birth", "w32_partway", 12, ordered=True),
    signs_together("pregnant", "w32_pours", 10, ordered=True, at_second=True),
    signs_together("w32_with_child", "w32_pours", 10, ordered=True, at_second=True),
    signs_together("animal", "w32_tears", 10, ordered=True),
    signs_together("w32_spreading", "w32_frozen", 10, ordered=True),
    signs_together("w32_crushed", "w32_spreading", 8, ordered=True),
    signs_together("w32_crushed", "w32_pours", 8, ordered=True),
    signs_together("n30_blue", "q30_nobody", 4, ordered=True),
)
# fmt: on

W32_HEAT = phrases("nóng như lửa, nóng như hòn than, nóng như than, nóng hầm hập, nóng ran")
W32_FIT = phrases("""
    lên kinh phong, kinh phong, lên cơn kinh, mắt lộn tròng, lộn tròng, trợn mắt, trợn ngược,
    co giật, co giựt, giật giật, lên cơn giật
""")
W32_FIT_REACH = 3  # how far after the heat's image a fit may start
W32_COLLAPSE = phrases("gục, gục xuống, đổ gục, gục cái rụp, lăn đùng, té xỉu, lăn quay")
W32_SHOT = words("bắn hạ đấm chém đánh")  # a character felled in the game


def round32w_revise(marks: Marks, ws: list[str]) -> Marks:
    """A heat simile does not reach a fit told right after it; a game's clause ends at a
    player's own collapse (docstring)."""
    out = dict(marks)
    similes = marks.get("simile", [])
    if similes:
        heats = [e for _, e in find(ws, W32_HEAT)]
        fits = [s for s, _ in find(ws, W32_FIT)]
        kept = [
            (s, e)
            for s, e in similes
            if not any(
                s < h <= e + 2 and any(0 <= f - h <= W32_FIT_REACH for f in fits) for h in heats
            )
        ]
        if len(kept) != len(similes):
            out["simile"] = kept
    games = marks.get("game", [])
    if games:
        falls = [s for s, _ in find(ws, W32_COLLAPSE) if not (s and ws[s - 1] in W32_SHOT)]
        cut = []
        for s, e in games:
            inside = [f for f in falls if s <= f < e]
            cut.append((s, min(inside)) if inside else (s, e))
        out["game"] = [(s, e) for s, e in cut if e > s]
    return out
