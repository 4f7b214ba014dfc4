"""Round 28C of issue 13 (writer C of session 14, a ward health station's everyday 115 calls
said short): signs the rules had only as parts, now read together, and two pasts.

115:

- **The baby stopped moving** ("bầu chín tháng mà con hông đạp nữa", "thai hết máy"): with a
  pregnancy named. "bụng đau" is "đau bụng" said the other way round (a pregnancy and it:
  round 1's ``pregnant`` + ``belly``).
- **Fell and lies there** ("té xe ... nằm hổng dậy", "té trong nhà tắm nằm đó hông dậy
  được", "té ngoài lề ... đứng hổng lên"): a fall, then lying or unable to rise (round 23E's
  ``e23_lying``, ``e23_cannot_rise``).
- **No pulse** ("bắt mạch hông thấy", "mất mạch").
- **A broken hip or thigh** ("gãy xương hông", "gãy cổ xương đùi").
- **Fits with a fever** ("sốt cao tự nhiên giựt tay chân"): round 27N's jerks with an illness.
- **Two signs of a listless baby** ("bỏ bú từ sáng ngủ li bì"): round 22C's ``c22_listless``
  twice.
- **Pills swallowed, then drowsy** ("uống mấy viên thuốc huyết áp của bà nội giờ lừ đừ").
- **Suddenly confused** ("tự nhiên lú lẫn không nhận ra ai").
- **A baby's belly swollen tight** ("ói hết sữa bụng chướng căng bóng": round 1's ``rigid``).
- **Hot oil in the face** ("chảo dầu bắn cháy mặt"): a burn, 115, not a fire.
- **A slip of the knife** ("chặt thịt lỡ tay dao phay chém vô đùi"): an accident, 115, not an
  attack (:func:`round28c_service`).

113: **a kick going on** ("có thằng đang đạp chị tui").

Calm: **"từng"** ("ba tui từng ngộ độc rượu giờ bỏ rồi") and **"bữa" and who** ("bữa con tui
sốt co giật ... tui muốn phản ánh") open a past, as "hồi trước" does (phrases added to
:data:`.need_time_words.PAST`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_time_words import words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

_STILL_BABY = """
    con {k} đạp, em bé {k} đạp, thai {k} đạp, {k} thấy con đạp, con hết đạp, em bé hết đạp,
    thai hết đạp, thai {k} máy, thai hết máy, con {k} máy, em bé {k} máy, con {k} đạp nữa,
    em bé {k} đạp nữa, {k} thấy em bé đạp, con nằm im {k} đạp
"""
_BELLY_SAID_BACK = "bụng đau, bụng đau quá, bụng đau dữ"
_CANNOT_RISE = """
    nằm {k} dậy, nằm {k} dậy được, nằm đó {k} dậy được, nằm luôn {k} dậy, đứng {k} lên,
    đứng {k} lên được, đứng {k} dậy được
"""
_NO_PULSE = """
    bắt mạch {k} thấy, bắt mạch {k} có, {k} thấy mạch, mạch {k} đập
"""
_HIP = """
    gãy xương hông, gãy hông, gãy cổ xương đùi, gãy xương đùi, gãy cổ xương hông,
    bể xương hông, bể xương đùi
"""
_PILLS = """
    nuốt mấy viên thuốc, uống hết mấy viên,
    uống cả nắm thuốc, nuốt cả nắm thuốc, uống nguyên nắm thuốc, lấy thuốc của bà uống,
    lấy thuốc của ông uống, uống thuốc của người lớn
"""
_SUDDENLY_CONFUSED = """
    tự nhiên lú lẫn, tự nhiên lẫn, tự nhiên nói nhảm, tự nhiên nói lảm nhảm, tự nhiên nói sảng,
    tự nhiên {k} nhận ra ai, tự nhiên ngơ ngác
"""
_TIGHT_BELLY = "bụng chướng căng bóng, bụng căng bóng"
_HOT_OIL = """
    chảo dầu bắn, dầu sôi bắn, dầu bắn cháy, bắn cháy mặt, bị dầu bắn, dầu bắn vô mặt,
    dầu sôi văng, dầu sôi đổ vô
"""
_KICKING = (
    pairings(
        ("đang đạp", "đang đá", "đang đạp vô", "đang đá vô"),
        ("chị", "anh", "em", "mẹ", "má", "con", "bà", "ông", "vợ", "người", "tui", "cô", "chú"),
    )
    + ", "
    + pairings(("đang đạp vô", "đang đá vô"), ("bụng", "đầu", "mặt", "ngực", "lưng"))
)
_DAZED = "lờ đờ, mắt lờ đờ, đờ đẫn"

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
C28_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _STILL_BABY, tags="c28_still_baby", fold="tone"),
    entry("medical", "normal", 3, _BELLY_SAID_BACK, tags="sick belly", fold="tone",
          negatable=True),
    entry(None, "normal", 0, _CANNOT_RISE, tags="e23_cannot_rise", fold="tone"),
    entry("medical", "emergency", 5, _NO_PULSE, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _HIP, tags="sick wound", fold="tone", service="115"),
    entry(None, "normal", 0, _PILLS, tags="c28_pills", fold="tone"),
    entry("medical", "emergency", 5, _SUDDENLY_CONFUSED, tags="sick", fold="tone",
          service="115"),
    entry(None, "normal", 0, _TIGHT_BELLY, tags="rigid", fold="tone"),
    entry(None, "normal", 0, _DAZED, tags="confused", fold="tone"),
    entry("medical", "emergency", 5, _HOT_OIL, tags="sick burn", fold="tone", service="115"),
    entry("violation", "emergency", 5, _KICKING, tags="violence", fold="tone", service="113"),
)
C28_COMBOS: tuple[Combo, ...] = (
    signs_together("pregnant", "c28_still_baby", 10),
    signs_together("fall", "e23_lying", 10, ordered=True),
    signs_together("n27_jerk", "sick", 8),
    signs_together("c22_listless", "c22_listless", 10),
    signs_together("c28_pills", "confused", 6, ordered=True),
    signs_together("c28_pills", "c22_listless", 6, ordered=True),
    signs_together("rigid", "sick", 8),
    signs_together("rigid", "b21_fainting", 8),
    signs_together("c22_listless", "confused", 10),
)
# fmt: on

C28_SLIPS = frozenset({("lỡ", "tay"), ("sơ", "ý"), ("trượt", "tay"), ("vô", "ý")})
C28_SLIP_REACH = 6  # from the slip to the cut
C28_ATTACKERS = words("thằng tụi bọn nó đứa kẻ gã cướp")


def round28c_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """ "lỡ tay dao phay chém vô đùi": a cut after a slip of the hand, nobody else named, is
    115 (module docstring)."""
    if service != "113" or C28_ATTACKERS.intersection(ws):
        return service
    slips = [k for k in range(len(ws) - 1) if (ws[k], ws[k + 1]) in C28_SLIPS]
    police = [h for h in hits if h.entry.alarm == "113"]
    if police and all(any(0 < h.start - k <= C28_SLIP_REACH for k in slips) for h in police):
        return "115"
    return service
