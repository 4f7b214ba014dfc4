"""Round 35E of issue 13 (writer E of session 18: the COVID-19 lockdown calls of a city
hotline, F0 families isolating at home, oxygen readings said in words, a fall or a stroke
"hồi nãy" with the person still down, and mirrors that are denied, feared or over).

Entries (:data:`E35_ENTRIES`) and readings (:data:`E35_READINGS`):

- **SpO2 spelt out** ("sờ pê ô hai", "xờ pê ô hai", "ét pi ô hai"): a measure like "spo2",
  read by the lexicon's SpO2 readings ("sờ pê ô hai chỉ còn bảy mươi tám").
- **A reading said to drop** with no oxygen word ("má tui đo còn tám mươi hai", "chỉ số tụt
  còn tám mươi", "chỉ số xuống còn bảy mươi chín"): 50 to 92 is a 115 emergency; not of
  another measure named a few words around it ("nhịp tim đo còn sáu mươi", "cân đo còn tám
  mươi ký": a ``mistaken`` mark over it).
- **Lips gone blue told with whose lips** ("môi tôi tím rồi", "môi nó tím tái"): 115 (the
  older "môi tím", "tím môi" had no pronoun in between).
- **Eyes shut and no answer when called** ("mắt nhắm nghiền kêu hoài không mở", "gọi không
  chịu mở mắt"): 115, a combined hit tagged ``unresponsive`` (so sound sleep calms it).
- **Down and barely moving** ("nằm dưới đất còn cựa quậy", "nằm dưới sàn còn nhúc nhích"),
  and **someone unseen for days then found lying** ("mấy ngày không thấy ra ... nằm dưới
  đất"): 115.
- **Thick smoke from a neighbour's house** ("khói đen mù mịt từ nhà hàng xóm"): 114, tagged
  fire, not smoke, so the caller's own wood fire does not calm it.
- Calm: wood-fire cooking is daily smoke ("nấu bằng bếp củi"); an oxygen cylinder or
  concentrator given back ("muốn trả bình ô xy", "gửi trả máy") or asked about for a list
  ("vô danh sách cấp máy tạo ô xy", "đủ điều kiện") is no emergency (:data:`E35_DEMOTIONS`).

Marks (:func:`round35e_marks`):

- **Not reached** ("chưa ai khó thở", "chưa tới mức khó thở", "không đến mức phải cấp cứu",
  "chưa tới nỗi đói chết") and **feared** ("lỡ trở nặng", "phòng khi ông khó thở", "nhỡ mà
  tụt ô xy") of a state right after: ``feared`` over the state. "chưa ai tới ... khó thở"
  is not: the state must follow at once (or after who); a "lỡ" of an accident is not either
  ("lỡ nuốt đồng xu khó thở quá": round 34C's :func:`.by_accident`).
- **A faulty oximeter, the body fine** ("máy đo nhảy lung tung ... mà tui thấy bình thường"):
  ``mistaken`` from the meter (not any "máy") to the reassurance, no real sign between.
- **A low oxygen reading risen since** ("hôm qua đo còn tám mươi tám mà nay lên chín mươi
  bảy"): 50 to 93 read after a measuring or an oxygen word and no other measure, then a
  marker of now, "lên" and 94 to 100, no real sign between: ``resolved``.

Reviser (:func:`round35e_revise`): a stretch said "hồi nãy" ("lúc nãy", "mới nãy") holding a
sign the person is still down ("không dậy được", "nằm dưới đất", "nằm ngay cửa", "nằm bất
động"), with nothing resolved, joked, mistaken or denied after its start, is now ("hồi nãy
ông té đập đầu chảy máu không dậy được"; not "hồi nãy ông té mà giờ ngồi dậy được rồi", nor
"hồi nãy ba nằm dưới đất hổng dậy tại ba giỡn").

Service (:func:`round35e_service`): a 113 that is only the injured person's own climbing
("gãy chân lúc trèo qua rào") with a 115 sign is 115; not a stranger's ("khi nó trèo vô").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import (
    Combo,
    Demotion,
    Entry,
    Reading,
    Service,
    entry,
    pairings,
    signs_together,
)
from callbot.understanding.need_round34c import by_accident
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import NAY, phrases, words
from callbot.understanding.numbers import read_number

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = [
    "E35_COMBOS",
    "E35_DEMOTIONS",
    "E35_ENTRIES",
    "E35_READINGS",
    "round35e_marks",
    "round35e_revise",
    "round35e_service",
]

_SPO2_SAID = """
    sờ pê ô hai, xờ pê ô hai, ét pi ô hai, sờ pi ô hai, ếch pê ô hai,
    sờ bê ô hai, xờ bê ô hai, ét bi ô hai
"""
_DROP = pairings(
    ("đo", "đo thấy", "đo lại", "đo ra", "chỉ số", "chỉ số đo"),
    ("còn", "chỉ còn", "tụt còn", "xuống còn", "rớt còn", "tụt xuống", "tụt", "xuống", "rớt"),
)
_WHOSE = ("tôi", "tui", "em", "nó", "ổng", "bả", "con", "mình", "anh", "chị", "ông", "bà")
_BLUE = pairings(
    ("môi", "miệng"),
    _WHOSE,
    ("tím", "tím rịm", "tím đen", "thâm tím"),  # "tím tái" is older
)
_EYES = """
    nhắm nghiền, mắt nhắm nghiền, mắt cứ nhắm nghiền, nhắm nghiền mắt, mắt nhắm chặt,
    không chịu mở mắt, hổng chịu mở mắt, hông chịu mở mắt
"""  # "không mở mắt" is an older emergency phrase: not hidden
_STIRRING = """
    còn cựa quậy, còn nhúc nhích, còn ngọ nguậy, còn động đậy, cựa quậy yếu, nhúc nhích yếu,
    chỉ còn cựa quậy, chỉ còn nhúc nhích
"""
_WOOD_FIRE = "bếp củi, nấu bếp củi, đun củi, nấu củi, đun bếp củi"  # not "bếp than": fumes
# A neighbour's thick smoke: tagged fire, not smoke (a wood fire here does not lower it).
_SMOKE_NEXT_DOOR = pairings(
    ("khói đen", "khói đen mù mịt", "khói mù mịt", "khói đen kịt", "khói cuồn cuộn"),
    ("từ nhà hàng xóm", "bên nhà hàng xóm", "từ nhà kế bên", "bên nhà kế bên", "từ nhà bên cạnh"),
)
_RETURNED = """
    muốn trả, muốn trả lại, đem trả, đem trả lại, gửi trả, gửi trả lại, hoàn trả, trả lại cho,
    đi trả, mang trả, mang trả lại
"""
_ELIGIBLE = """
    danh sách cấp, vô danh sách, vào danh sách, đủ điều kiện, điều kiện được cấp,
    tiêu chuẩn được cấp, bao nhiêu tuổi mới được
"""

# fmt: off
E35_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "high", 3, _SPO2_SAID, tags="measure", fold="tone"),
    entry(None, "normal", 0, _DROP, tags="e35_drop", fold="tone"),
    entry("medical", "emergency", 5, _BLUE, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _EYES, tags="e35_eyes", fold="tone"),
    entry(None, "normal", 0, _STIRRING, tags="e35_stirring", fold="tone"),
    entry(None, "normal", 0, _WOOD_FIRE, tags="smoke_daily", fold="tone"),
    entry("other", "emergency", 5, _SMOKE_NEXT_DOOR, tags="fire", fold="tone", service="114"),
    entry(None, "normal", 0, _RETURNED, tags="e35_returned", fold="tone"),
    entry(None, "normal", 0, _ELIGIBLE, tags="e35_eligible", fold="tone"),
)
E35_COMBOS: tuple[Combo, ...] = (
    Combo(("e35_eyes", "rouse"), "medical", "emergency", 5, window=6, service="115",
          gives=frozenset({"unresponsive"})),
    Combo(("e35_eyes", "unanswered"), "medical", "emergency", 5, window=6, service="115",
          gives=frozenset({"unresponsive"})),
    signs_together("e23_lying", "e35_stirring", 3, ordered=True),
    signs_together("d28_unseen", "e23_lying", 20, ordered=True, at_second=True),
)
E35_READINGS: tuple[Reading, ...] = (Reading("e35_drop", True, 50, 92, "medical", "emergency", 5),)
E35_DEMOTIONS: tuple[Demotion, ...] = (
    Demotion("equipment", "e35_returned", "normal"),
    Demotion("equipment", "e35_eligible", "normal"),
)
# fmt: on

# A state not reached yet, or feared, when said right after these.
E35_NOT_REACHED = phrases("""
    chưa ai, chưa có ai, chưa ai bị, chưa có ai bị, chưa tới mức, chưa đến mức, không tới mức,
    không đến mức, hổng tới mức, chưa tới nỗi, chưa đến nỗi, chưa tới độ, đâu tới mức,
    đâu đến mức, chưa tới mức phải, chưa đến mức phải, không tới mức phải
""")
E35_FEARED = phrases("""
    lỡ, nhỡ, lỡ mà, nhỡ mà, lỡ như, nhỡ như, phòng khi, đề phòng, phòng hờ, lỡ có, nhỡ có
""")
E35_STATES = phrases("""
    khó thở, thở không nổi, thở hổng nổi, thở không được, hụt hơi, thở dốc, tím tái, tím môi,
    môi tím, trở nặng, chuyển nặng, nặng hơn, đói chết, chết đói, ngất, xỉu, bất tỉnh,
    cấp cứu, phải cấp cứu, đi cấp cứu, nguy kịch, thở ô xy, phải thở ô xy, thở oxy,
    tụt ô xy, tụt oxy, tụt spo2, suy hô hấp
""")
# Who may stand between a feared marker and its state ("lỡ ba tui trở nặng").
E35_WHO_REACH = 3
E35_BREAKS = words("mà nhưng nên rồi giờ đang tại vì")
# A meter said to be faulty, and the body said to be fine.
E35_FAULTY = phrases("""
    nhảy lung tung, chạy lung tung, nhảy loạn, đo sai, đo không đúng, không chính xác,
    hổng chính xác, không chuẩn, hổng chuẩn, máy hư, máy bị hư, máy dỏm, hết pin
""")
E35_FINE = phrases("""
    thấy bình thường, vẫn bình thường, không mệt, hổng mệt, hông mệt, khỏe re, vẫn khỏe,
    thở bình thường, thở vẫn bình thường, không khó thở, hổng khó thở, ăn uống bình thường
""")
# The oximeter or an oxygen reading named ("máy đo", "spo2"), not any "máy" ("máy lạnh").
E35_OXYGEN = phrases("""
    máy đo, máy đo ô xy, máy đo oxy, máy kẹp, kẹp ngón tay, máy kẹp ngón tay, spo2, sp02, ô xy,
    oxy, ô xi, oxi, sờ pê ô hai, xờ pê ô hai, ét pi ô hai, máy tạo ô xy, chỉ số ô xy, nồng độ ô xy
""")
E35_OXYGEN_REACH = 6  # from the oxygen named to the reading or the fault
# Another measure named by a reading ("nhịp tim đo còn sáu mươi", "cân đo còn tám mươi ký").
E35_OTHER_MEASURE = words("nhịp mạch tim cân ký kí kg ki lô đường huyết áp nhiệt độ tuổi")
E35_MEASURE_REACH = 3  # words before the drop, and after the number, where it is named
E35_DROP = phrases(_DROP)
# Real signs said between a low reading and its rise, or a fault and the reassurance.
E35_SIGNS = E35_STATES + phrases("lơ mơ, co giật, tím, đau ngực, tức ngực")
# A marker of now, then "lên" (the reading rose since).
E35_NOW = words("nay giờ")
E35_ROSE = words("lên")
E35_ROSE_SKIP = words("lên lại đã được là có đo thì cũng rồi")
# "hồi nãy", "lúc nãy": a past stretch said of a moment ago.
E35_MOMENT = words("hồi lúc khi mới ban vừa hồi")
# The person still down ("không dậy được", "nằm ngay cửa").
E35_STILL_DOWN = phrases("""
    không dậy được, hổng dậy được, hông dậy được, không dậy nổi, hổng dậy nổi, dậy không được,
    dậy hổng được, không đứng dậy được, không ngồi dậy được, không đứng lên được,
    nằm dưới đất, nằm dưới sàn, nằm dưới nền, nằm ngay cửa, nằm ngay đó, nằm bất động,
    nằm im re, nằm một đống, còn nằm đó, vẫn nằm đó, nằm luôn, không cục cựa, hổng cục cựa,
    gọi không dậy, gọi hổng dậy, lay không dậy, kêu không dậy
""")
# Marks after which the stretch is not revived: resolved, a joke, a mistake, a drill...
E35_UNSAID = ("resolved", "joke", "mistaken", "supposed", "drill", "denied", "feared")
# Up again after the stretch ("mà giờ đỡ dậy được rồi"), unless denied just before ("chưa ai
# đỡ dậy").
E35_UP = phrases("""
    đỡ dậy, đỡ ổng dậy, đỡ bả dậy, đỡ lên, ngồi dậy được rồi, đứng dậy được rồi,
    đứng lên được rồi, dậy được rồi, tỉnh lại rồi, tỉnh rồi, đỡ rồi, không sao rồi, hổng sao rồi,
    ổn rồi
""")
E35_NOT = words("không hổng hông chưa chẳng")
E35_CLIMB = words("trèo leo")
E35_WHEN = words("lúc khi do vì tại")
# Who may climb between "lúc" and the climbing: the caller's own ("lúc ba trèo"), not "nó".
E35_OWN = words("ba má ông bà anh chị em ổng bả con cháu tui tôi")


def _states_after(
    ws: list[str], starts: list[tuple[int, int]], reach: int
) -> list[tuple[int, int]]:
    """From each marker to a state said within ``reach`` words after it, no break between; a
    "lỡ" of an accident ("lỡ nuốt đồng xu khó thở") is no marker (round 34C's what-if)."""
    states = find(ws, E35_STATES)
    out = []
    for s, e in starts:
        if by_accident(ws, s):
            continue
        for ss, se in states:
            if e <= ss <= e + reach and not E35_BREAKS.intersection(ws[e:ss]):
                out.append((s, se))
                break
    return out


def _oxygen_near(ws: list[str], at: int) -> bool:
    """Whether the oximeter or an oxygen reading is named at most a few words before ``at``."""
    return any(at - E35_OXYGEN_REACH <= s <= at for s, _ in find(ws, E35_OXYGEN))


def _signs_between(ws: list[str], start: int, end: int, fine: list[tuple[int, int]]) -> bool:
    """Whether a real sign is said from ``start`` to ``end``, not inside a reassurance."""
    return any(
        start <= s and e <= end and not any(fs <= s < fe for fs, fe in fine)
        for s, e in find(ws, E35_SIGNS)
    )


def _faulty(ws: list[str]) -> list[tuple[int, int]]:
    """A faulty oximeter and the body fine: from the meter named before to the reassurance,
    with no real sign said between."""
    faulty, fine = find(ws, E35_FAULTY), find(ws, E35_FINE)
    meters = [s for s, _ in find(ws, E35_OXYGEN) if faulty and s < faulty[0][0]]
    if not fine or not meters or faulty[0][0] - meters[-1] > E35_OXYGEN_REACH + 2:
        return []
    start = min([meters[-1]] + [s for s, _ in fine])
    end = max(e for _, e in fine + faulty)
    return [] if _signs_between(ws, start, end, fine) else [(start, end)]


def _numbers(ws: list[str]) -> list[tuple[int, int, int]]:
    """Every cardinal said: (value, start, end)."""
    out, k = [], 0
    while k < len(ws):
        read = read_number(ws, k)
        out += [(read[0], k, read[1])] if read else []
        k = read[1] if read else k + 1
    return out


def _other_measure(ws: list[str], s: int, e: int) -> bool:
    """Whether another measure than oxygen is named a few words around ``s..e``."""
    around = ws[max(0, s - E35_MEASURE_REACH) : s] + ws[e : e + E35_MEASURE_REACH]
    return bool(E35_OTHER_MEASURE.intersection(around))


def _risen(ws: list[str], nums: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """A low oxygen reading (an oxygen word or a measuring before it, no other measure), then
    a marker of now, "lên" and a normal reading, no real sign said between: resolved."""
    drops = [s for s, _ in find(ws, E35_DROP)]
    out = []
    for value, s, e in nums:
        low = [
            ls
            for v, ls, le in nums
            if 50 <= v <= 93 and le <= s and not _other_measure(ws, ls, le)
            and (_oxygen_near(ws, ls) or any(ls - E35_OXYGEN_REACH <= d < ls for d in drops))
        ]  # fmt: skip
        if not 94 <= value <= 100 or _other_measure(ws, s, e) or not low:
            continue
        k = s - 1
        while k >= 0 and ws[k] in E35_ROSE_SKIP and s - k <= 4:
            k -= 1
        rose = E35_ROSE.intersection(ws[k + 1 : s])
        if rose and k >= 0 and ws[k] in E35_NOW and not _signs_between(ws, low[-1], k, []):
            out.append((k, e))
    return out


def _not_oxygen(ws: list[str], nums: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """A drop read of another measure ("nhịp tim đo còn sáu mươi", "cân đo còn tám mươi ký"):
    not an oxygen reading, from the drop to the number (taken as ``mistaken``)."""
    return [
        (s, read[2])
        for s, e in find(ws, E35_DROP)
        if (read := next((n for n in nums if e <= n[1] <= e + 2), None))
        and _other_measure(ws, s, read[2])
        and not _oxygen_near(ws, s)
    ]


def round35e_marks(ws: list[str]) -> Marks:
    """Not reached, feared, a faulty meter, a low reading risen since (module docstring)."""
    feared = _states_after(ws, find(ws, E35_NOT_REACHED), 0)
    feared += _states_after(ws, find(ws, E35_FEARED), E35_WHO_REACH)
    nums = _numbers(ws)
    mistaken = _faulty(ws) + _not_oxygen(ws, nums)
    return {"feared": feared, "mistaken": mistaken, "resolved": _risen(ws, nums)}


def round35e_revise(marks: Marks, ws: list[str]) -> Marks:
    """A "hồi nãy" stretch with the person still down in it, nothing resolved after: now."""
    down = [s for s, _ in find(ws, E35_STILL_DOWN)]
    settled = [s for key in E35_UNSAID for s, _ in marks.get(key, [])]
    settled += [u for u, _ in find(ws, E35_UP) if not E35_NOT.intersection(ws[max(0, u - 2) : u])]
    revived = [
        (s, len(ws))
        for s, e in marks.get("past", [])
        if s + 1 < len(ws)
        and ws[s] in E35_MOMENT
        and ws[s + 1] in NAY
        and any(s <= d < e for d in down)
        and not any(r >= s for r in settled)
    ]
    if not revived:
        return marks
    return {**marks, "now": [*marks.get("now", []), *revived]}


def round35e_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """A 113 that is only the injured's own climbing ("lúc trèo qua rào") with a 115 sign."""
    if service != "113":
        return service
    alive = [h for h in hits if h.entry.urgency == "emergency" and not h.negated]
    police = [h for h in alive if h.entry.alarm == "113"]
    if not police or not any(h.entry.alarm == "115" for h in alive):
        return service
    for h in police:
        said = ws[h.start : h.end]
        before = ws[max(0, h.start - 2) : h.start]
        own = bool(before) and (before[-1] in E35_WHEN or set(before) <= E35_OWN | E35_WHEN)
        if not (E35_CLIMB.intersection(said) and E35_WHEN.intersection(before) and own):
            return service
    return "115"
