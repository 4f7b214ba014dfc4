"""Round 35E of issue 13 (writer E of session 18: the COVID-19 lockdown calls of a city
hotline, F0 families isolating at home, oxygen readings said in words, a fall or a stroke
"hồi nãy" with the person still down, and mirrors that are denied, feared or over).

Entries (:data:`E35_ENTRIES`) and readings (:data:`E35_READINGS`):

- **SpO2 spelt out** ("sờ pê ô hai", "xờ pê ô hai", "ét pi ô hai"): a measure like "spo2",
  read by the lexicon's SpO2 readings ("sờ pê ô hai chỉ còn bảy mươi tám").
- **A reading said to drop** with no oxygen word ("má tui đo còn tám mươi hai", "chỉ số tụt
  còn tám mươi", "chỉ số xuống còn bảy mươi chín"): 50 to 92 is a 115 emergency; "độ" after
  it is a temperature, out of range anyway ("đo còn ba mươi tám độ").
- **Lips gone blue told with whose lips** ("môi tôi tím rồi", "môi nó tím tái"): 115 (the
  older "môi tím", "tím môi" had no pronoun in between).
- **Eyes shut and no answer when called** ("mắt nhắm nghiền kêu hoài không mở", "gọi không
  chịu mở mắt"): 115, a combined hit tagged ``unresponsive`` (so sound sleep calms it).
- **Down and barely moving** ("nằm dưới đất còn cựa quậy", "nằm dưới sàn còn nhúc nhích"),
  and **someone unseen for days then found lying** ("mấy ngày không thấy ra ... nằm dưới
  đất"): 115.
- Calm: wood-fire cooking is daily smoke ("nấu bằng bếp củi"); an oxygen cylinder or
  concentrator given back ("muốn trả bình ô xy", "gửi trả máy") or asked about for a list
  ("vô danh sách cấp máy tạo ô xy", "đủ điều kiện") is no emergency (:data:`E35_DEMOTIONS`).

Marks (:func:`round35e_marks`):

- **Not reached** ("chưa ai khó thở", "chưa tới mức khó thở", "không đến mức phải cấp cứu",
  "chưa tới nỗi đói chết") and **feared** ("lỡ trở nặng", "phòng khi ông khó thở", "nhỡ mà
  tụt ô xy") of a state right after: ``feared`` over the state. "chưa ai tới ... khó thở"
  is not: the state must follow at once (or after who).
- **A faulty meter and the body fine** ("máy đo nhảy lung tung ... mà tui thấy bình thường
  không mệt"): ``mistaken`` from the meter to the reassurance.
- **A low reading risen since** ("hôm qua còn tám mươi tám mà nay lên chín mươi bảy"): a
  number of 50 to 93, then a marker of now, "lên" and a number of 94 to 100: ``resolved``.

Reviser (:func:`round35e_revise`): a stretch said "hồi nãy" ("lúc nãy", "mới nãy") holding a
sign the person is still down ("không dậy được", "nằm dưới đất", "nằm ngay cửa", "nằm bất
động"), with nothing resolved, joked, mistaken or denied after its start, is now ("hồi nãy
ông té đập đầu chảy máu không dậy được"; not "hồi nãy ông té mà giờ ngồi dậy được rồi", nor
"hồi nãy ba nằm dưới đất hổng dậy tại ba giỡn").

Service (:func:`round35e_service`): a 113 that is only the injured person's own climbing
("gãy chân lúc trèo qua rào") with a 115 sign is 115.
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
_WOOD_FIRE = "bếp củi, nấu bếp củi, đun củi, nấu củi, đun bếp củi, nấu xôi"  # not "bếp than": fumes
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
E35_READINGS: tuple[Reading, ...] = (
    Reading("e35_drop", True, 50, 92, "medical", "emergency", 5),
)
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
E35_METER = words("máy đo")
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


def _states_after(
    ws: list[str], starts: list[tuple[int, int]], reach: int
) -> list[tuple[int, int]]:
    """From each marker to a state said within ``reach`` words after it, no break between."""
    states = find(ws, E35_STATES)
    out = []
    for s, e in starts:
        for ss, se in states:
            if e <= ss <= e + reach and not E35_BREAKS.intersection(ws[e:ss]):
                out.append((s, se))
                break
    return out


def _faulty(ws: list[str]) -> list[tuple[int, int]]:
    """A faulty meter and the body fine: from the meter named before to the reassurance."""
    faulty = find(ws, E35_FAULTY)
    fine = find(ws, E35_FINE)
    if not faulty or not fine:
        return []
    first = faulty[0][0]
    start = max([k for k in range(first) if ws[k] in E35_METER], default=first)
    while start > 0 and ws[start - 1] in E35_METER:
        start -= 1
    start = min([start] + [s for s, _ in fine])
    return [(start, max(e for _, e in fine + faulty))]


def _numbers(ws: list[str]) -> list[tuple[int, int, int]]:
    """Every cardinal said: (value, start, end)."""
    out = []
    k = 0
    while k < len(ws):
        read = read_number(ws, k)
        if read:
            out.append((read[0], k, read[1]))
            k = read[1]
        else:
            k += 1
    return out


def _risen(ws: list[str]) -> list[tuple[int, int]]:
    """A low reading, then a marker of now, "lên" and a normal reading: resolved."""
    nums = _numbers(ws)
    out = []
    for value, s, e in nums:
        if not 94 <= value <= 100:
            continue
        if not any(50 <= v <= 93 and ve <= s for v, _, ve in nums):
            continue
        k = s - 1
        while k >= 0 and ws[k] in E35_ROSE_SKIP and s - k <= 4:
            k -= 1
        rose = E35_ROSE.intersection(ws[k + 1 : s])
        if rose and k >= 0 and ws[k] in E35_NOW:
            out.append((k, e))
    return out


def round35e_marks(ws: list[str]) -> Marks:
    """Not reached, feared, a faulty meter, a low reading risen since (module docstring)."""
    feared = _states_after(ws, find(ws, E35_NOT_REACHED), 0)
    feared += _states_after(ws, find(ws, E35_FEARED), E35_WHO_REACH)
    return {"feared": feared, "mistaken": _faulty(ws), "resolved": _risen(ws)}


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
        if not (E35_CLIMB.intersection(said) and E35_WHEN.intersection(before)):
            return service
    return "115"
