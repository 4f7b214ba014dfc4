"""Round 28E of issue 13 (writer E of session 14, a 1022 operator's lockdown calls: rice,
money, tests and papers asked for with an emergency inside, and hardship calls whose emergency
words are none): emergencies the rules had only as parts, and two long-standing conditions.

115:

- **A battery swallowed** ("nuốt viên pin", "lỡ nuốt cục pin", "nuốt phải viên nam châm"):
  "nuốt viên" (round 26J's swallowing) hid the battery after it.
- **Blood spurting** ("máu phụt ra hoài", "máu phun thành tia", "máu xịt ra quá trời").
- **Locked in by a landlord or a checkpoint, and ill** ("chủ khóa cửa hổng cho ra mà đứa nhỏ
  sốt co giật"): a lockdown's lock is no captor; with a body in trouble it is 115
  (:func:`round28e_service`).

114:

- **Shut in a lift** ("bị nhốt trong thang máy", "nhốt trong cái thang máy"): a machine, not a
  captor.
- **A head stuck in a grille** ("kẹt đầu vô khung sắt", "đầu bị kẹt trong song cửa").
- **A dog attacking** ("chó dữ sổng chuồng đang rượt cắn con nít", "bầy chó đuổi cắn"): an
  ``animal`` then a chase to bite, within 6 words.
- **About to jump into the water** ("đòi nhảy sông", "tính nhảy xuống kênh"); to swim
  ("đòi nhảy sông tắm") is none.
- **Rising water and someone who cannot move** ("nước lên nhanh nhà bà cụ liệt giường"): a
  ``flood`` and an elder named bedridden (``e28_immobile``), within 10 words.

Calm (``chronic`` marks, :func:`round28e_marks`):

- **Said to be long-standing** ("khó thở kinh niên", "suyễn mãn tính", "hen xưa giờ rồi"):
  the symptom before it (4 words) to the next present marker.
- **Paralysed and nobody to look after them** ("ba tui liệt nửa người mà ... hổng ai chăm",
  "má nằm một chỗ không ai trông"): with no onset said, a care need, not a stroke now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings
from callbot.understanding.need_round22d import D22_BEDRIDDEN, D22_ONSET
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

_BATTERY = pairings(
    ("nuốt", "nuốt phải", "lỡ nuốt", "nuốt mất", "nuốt trúng"),
    ("viên pin", "cục pin", "viên pin cúc", "cục pin cúc", "viên nam châm", "cục nam châm"),
)
_SPURT = pairings(
    ("máu",), ("phụt ra", "phun ra", "xịt ra", "vọt ra", "phun thành tia", "phụt thành tia")
)
_LIFT = pairings(
    ("bị nhốt trong", "nhốt trong", "bị nhốt ở trong", "bị nhốt lại trong"),
    ("thang máy", "cái thang máy", "buồng thang máy"),
)
_HEAD_STUCK = """
    kẹt đầu vô, kẹt đầu vào, kẹt cái đầu vô, kẹt đầu trong,
    đầu bị kẹt trong, đầu kẹt trong, kẹt cổ vô, kẹt đầu giữa
"""
_MAULING = """
    rượt cắn, đang rượt cắn, đuổi cắn, đang đuổi cắn, xông vô cắn, nhào vô cắn, lao vô cắn,
    đang vồ cắn, đang cắn xé
"""
_IMMOBILE = pairings(
    (
        "bà cụ",
        "ông cụ",
        "bà già",
        "ông già",
        "cụ già",
        "người già",
        "bà nội",
        "bà ngoại",
        "ông nội",
        "ông ngoại",
    ),
    ("liệt giường", "nằm liệt giường", "bại liệt", "nằm liệt", "nằm một chỗ", "bị liệt"),
)
_INTO_RIVER = pairings(
    ("đòi", "tính", "định", "đòi ra"),
    (
        "nhảy sông",
        "nhảy xuống sông",
        "nhảy kênh",
        "nhảy xuống kênh",
        "nhảy rạch",
        "nhảy xuống rạch",
        "nhảy cầu tự tử",
        "nhảy sông tự tử",
    ),
)
_SWIM = pairings(
    ("đòi", "tính", "định"),
    (
        "nhảy sông tắm",
        "nhảy xuống sông tắm",
        "nhảy kênh tắm",
        "nhảy xuống kênh tắm",
        "nhảy sông bơi",
        "nhảy xuống sông bơi",
    ),
)

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
E28_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, _BATTERY, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _SPURT, tags="sick wound", fold="tone", service="115"),
    entry("other", "emergency", 5, _LIFT, tags="stuck elevator", fold="tone", service="114"),
    entry("other", "emergency", 5, _HEAD_STUCK, tags="stuck jam", fold="tone", service="114"),
    entry(None, "normal", 0, _MAULING, tags="e28_mauling", fold="tone"),
    entry("other", "emergency", 5, _INTO_RIVER, tags="stuck", fold="tone", service="114"),
    entry(None, "normal", 0, _SWIM, fold="tone"),
    entry(None, "high", 0, _IMMOBILE, tags="person e28_immobile", fold="tone"),
)
E28_COMBOS: tuple[Combo, ...] = (
    Combo(("animal", "e28_mauling"), "other", "emergency", 5, window=6, ordered=True,
          service="114"),
    Combo(("flood", "e28_immobile"), "other", "emergency", 5, window=10, service="114"),
)
# fmt: on

# -- locked in by a landlord or a checkpoint -------------------------------------------------
E28_LOCKDOWN = phrases("""
    chủ khóa, chủ trọ khóa, chủ nhà khóa, khóa cổng, khóa cửa ngoài, phong tỏa, bị phong tỏa,
    cách ly, rào lại, rào hẻm, chốt chặn
""")
E28_HELD = frozenset({"crime", "captive"})
E28_HURT_BY = frozenset({"violence", "perpetrator"})
# the one who locks is named (a husband, "nó"): held by a person, 113 stays
E28_LOCKERS = words("chồng vợ nó thằng hắn tụi bọn ổng bả cha dượng")
E28_LOCKS = words("nhốt khóa")


def round28e_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """ "chủ khóa cửa hổng cho ra mà đứa nhỏ sốt co giật": held in by a lockdown's lock, with
    a body in trouble and nobody hurting anyone, is 115 (module docstring)."""
    if service != "113" or not find(ws, E28_LOCKDOWN):
        return service
    police = [h for h in hits if h.entry.alarm == "113"]
    if any(E28_HURT_BY & h.entry.tags for h in hits):
        return service
    locks = [k for k, w in enumerate(ws) if w in E28_LOCKS]
    if any(E28_LOCKERS.intersection(ws[max(0, k - 3) : k]) for k in locks):
        return service
    held = police and all(E28_HELD & h.entry.tags for h in police)
    if held and any(h.entry.alarm == "115" for h in hits):
        return "115"
    return service


# -- long-standing ---------------------------------------------------------------------------
E28_LONG = phrases("""
    kinh niên, mãn tính, xưa giờ rồi, xưa nay rồi, từ xưa tới giờ, cả đời rồi, hồi giờ rồi
""")
E28_LONG_BACK = 4  # the symptom said before "kinh niên"
E28_LONG_AHEAD = 8  # and after it, at most, unless a new start comes first ("... nay lên cơn")
E28_NEW_START = words("nay mà nhưng lên")
E28_NO_CARE = phrases("""
    hổng ai chăm, không ai chăm, hông ai chăm, hổng ai trông, không ai trông, hông ai trông,
    hổng ai lo, không ai lo, hông ai lo, hổng ai coi, không ai coi, hông ai coi,
    không có ai chăm, hổng có ai chăm, không có ai trông, hổng có ai trông, bỏ một mình,
    ở nhà một mình
""")
E28_NO_CARE_REACH = 14  # from the paralysis to nobody caring


def _long_standing(ws: list[str]) -> list[tuple[int, int]]:
    longs = find(ws, E28_LONG)
    inside = {i for s, e in longs for i in range(s, e)}
    present = sorted(s for s, _ in find(ws, tw.PRESENT) if s not in inside)
    present += [k for k, w in enumerate(ws) if w in E28_NEW_START]
    out = []
    for s, e in longs:
        stop = min([p for p in present if p >= e] + [len(ws), e + E28_LONG_AHEAD])
        out.append((max(0, s - E28_LONG_BACK), stop))
    return out


def _paralysed_uncared(ws: list[str]) -> list[tuple[int, int]]:
    if find(ws, D22_ONSET):
        return []
    cares = [s for s, _ in find(ws, E28_NO_CARE)]
    return [
        (s, e)
        for s, e in find(ws, D22_BEDRIDDEN)
        if any(0 <= c - e <= E28_NO_CARE_REACH for c in cares)
    ]


def round28e_marks(ws: list[str]) -> Marks:
    """Long-standing, and paralysed with nobody to care (module docstring)."""
    return {"chronic": _long_standing(ws) + _paralysed_uncared(ws)}
