"""Medical emergencies told by what the caller sees, as unseen writer V said them (round 27M of
issue 13). The entries and combos are read by :mod:`.need_lexicon`.

- **Fumes indoors (115)** : "chạy máy phát điện trong nhà ... nhức đầu ói mửa lừ đừ", "đốt
  bếp than trong phòng đóng cửa ... ai cũng lừ đừ": a charcoal stove or a generator, and
  within 14 words (before or after) someone drowsy or confused (round ones' ``confused``,
  round 22C's ``c22_listless``): carbon monoxide. A headache alone next to a stove is no emergency.
- **A rash that does not fade** is round 27P's reading (with a fever or purple spots: the two
  rounds were written side by side; 27M's reading of the pressing alone was dropped for it).
- **Many sick at once (115)** : "ăn cơm hộp xong cả chục người ói với tiêu chảy", "mười mấy
  công nhân ói mửa": a count of people (not "cả nhà") within 10 words of a sickness: food
  poisoning at a canteen or a feast.
- **Something in the eye, and blind (115)** : "mảnh sắt văng vô mắt giờ không thấy gì",
  "bắn vô mắt ... hông nhìn thấy": an eye hit (or round ones' ``splash``, "văng vô mắt"),
  then within 8 words sight gone. Dust in the
  eye that stings stays calm.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings

__all__ = ["M27_COMBOS", "M27_ENTRIES"]

# fmt: off
_CHARCOAL = "bếp than, lò than, than tổ ong, đốt than, nấu than, khói than"
_GENERATOR = "máy phát điện, chạy máy phát, cái máy phát"
_MANY = pairings(
    ("cả chục", "hàng chục", "mấy chục", "mười mấy", "hai chục", "ba chục", "chục"),
    ("người", "công nhân", "đứa", "học sinh", "em", "cháu"),
)
_EYE_HIT = pairings(
    ("văng", "bắn", "đâm", "găm", "chọc", "phụt"),
    ("vô mắt", "vào mắt", "trúng mắt", "vô con mắt", "vào con mắt"),
)
_BLIND = """
    {k} thấy gì, {k} thấy gì hết, {k} thấy đường, {k} nhìn thấy, {k} nhìn được, mù luôn,
    mù rồi, tối thui
"""

M27_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _CHARCOAL, tags="m27_fumes", fold="tone"),
    entry(None, "normal", 0, _GENERATOR, tags="m27_fumes", fold="tone"),
    entry(None, "normal", 0, _MANY, tags="m27_many", fold="tone"),
    entry(None, "normal", 0, _EYE_HIT, tags="m27_eye", fold="tone"),
    entry(None, "normal", 0, _BLIND, tags="m27_blind", fold="tone"),
)

M27_COMBOS: tuple[Combo, ...] = (
    Combo(("m27_fumes", "confused"), "medical", "emergency", 5, window=14,
          service="115", gives=frozenset({"sick"})),
    Combo(("m27_fumes", "c22_listless"), "medical", "emergency", 5, window=14,
          service="115", gives=frozenset({"sick"})),
    Combo(("m27_many", "sick"), "medical", "emergency", 5, window=10,
          service="115", gives=frozenset({"sick"})),
    Combo(("m27_eye", "m27_blind"), "medical", "emergency", 5, window=8, ordered=True,
          service="115", gives=frozenset({"sick", "wound"})),
    Combo(("splash", "m27_blind"), "medical", "emergency", 5, window=8, ordered=True,
          service="115", gives=frozenset({"sick", "wound"})),
)
# fmt: on
