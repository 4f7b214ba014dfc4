"""Emergencies the rules missed and services they got wrong, as writers P and Q said them
(round 24G of issue 13). The entries and combos are read by :mod:`.need_lexicon`.

- **Run over, scraped by a big vehicle (115)** : "xe tải cán người ở quốc lộ", "bị xe
  container quẹt ngay chân cầu", "xe phía sau cán qua tay": a truck, a container or a bus
  that runs over or scrapes a person.
- **Writhing in pain (115)** : "mẹ con đau bụng dữ lắm lăn lộn ói mửa", "ổng đau quằn quại":
  pain that makes one roll on the floor ("lăn lộn kiếm sống", earning a living, is no pain).
- **A stroke just now (115)** : "ông nội vừa bị tai biến méo miệng", "ba vừa bị đột quỵ".
- **Struck or fallen, then lying here (115)** : "bị xe đụng ... giờ bà nằm đây chân gãy",
  "té từ giàn giáo xuống giờ nằm dưới đất": more ways of lying for round 23E's combos.
- **Stuck at a railing, fallen into a well (114)** : "đứa nhỏ kẹt chân ngoài lan can tầng ba",
  "bác già bị ngã xuống cái giếng sau nhà".
- **Chained, snatched, held behind a locked door (113)** : "đứa nhỏ bị xích chân sau nhà",
  "chồng cũ đang giựt con chị lôi ra xe" (a child seized, then "ra xe"), "ổng đang giữ con em
  ở nhà khóa cửa lại" (a child held, then a door locked within 10 words).
- **Followed, rammed on purpose (113)** : "có thằng đi theo em từ bến xe tới giờ", "bám
  theo tui nãy giờ", "nó lùi lại tông tiếp", "cố tình tông mấy xe bán hàng".
- **Look-alikes that mean nothing** : "tát nước ngoài ruộng" (bailing water, no slap), "sập ổ
  gà" (a pothole, no collapse).
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings

_BIG = ("xe tải", "xe container", "xe công", "xe công tơ nơ", "xe ben", "xe buýt", "xe bồn")
_CHILD = ("con", "con tui", "con em", "con chị", "con tôi", "thằng nhỏ", "con nhỏ", "đứa nhỏ",
          "con bé", "thằng bé", "cháu tui", "cháu em")  # fmt: skip

# fmt: off
_RUN_OVER = (
    pairings(tuple(f"bị {v}" for v in _BIG), ("quẹt", "quẹt trúng", "cuốn", "kéo lê"))
    + """,
    cán người, cán trúng người, cán lên người, cán qua tay, cán qua chân,
    cán qua đầu, cán qua bụng, tông trúng người, cán chết người
"""
)
_WRITHING = """
    đau bụng lăn lộn, lăn lộn ói, lăn lộn ói mửa, lăn lộn la, nằm lăn lộn,
    lăn lộn dưới đất, lăn lộn dưới sàn, ôm bụng lăn lộn
"""
_STROKE = """
    vừa bị tai biến, vừa bị đột quỵ, vừa đột quỵ, mới bị đột quỵ, bị tai biến lại rồi
"""
_LYING = """
    nằm đây, nằm dưới đất, nằm đó máu, nằm đây chân gãy, nằm dưới đất {k} cục cựa,
    {k} cục cựa
"""

_STUCK_HIGH = ", ".join(
    p
    for p in pairings(
        ("kẹt", "kẹt chân", "kẹt tay", "kẹt đầu", "mắc kẹt", "đu", "treo"),
        ("ngoài lan can", "trong lan can", "vô lan can", "ngoài ban công", "ngoài cửa sổ"),
    ).split(", ")
    # already read, with a weight of their own, by an earlier round
    if p not in (
        "kẹt đầu vô lan can", "đu ngoài lan can", "đu ngoài ban công", "treo ngoài ban công",
    )
)
_INTO_HOLE = pairings(
    ("ngã", "té", "rớt", "rơi", "lọt"), ("xuống cái",),
    ("giếng", "ao", "hố", "mương", "hầm", "hố ga", "hố móng", "bể nước"),
)
_CHAINED = """
    bị xích chân, bị xích tay, bị xích cổ, bị xích lại, bị cột xích, bị trói xích,
    xích chân nó, xích chân con, xích chân đứa nhỏ, xích chân thằng nhỏ
"""
_SNATCH = pairings(("đang giựt", "giựt", "giành giựt"), _CHILD)
_TO_CAR = "ra xe, lôi ra xe, ra xe chạy"
_HOLDING = pairings(("đang giữ", "giữ"), _CHILD)
_LOCKED = "nhà khóa cửa lại, phòng khóa cửa lại, khóa trái cửa, chốt cửa lại"
_FOLLOWED = pairings(
    ("đi theo", "bám theo", "lẽo đẽo theo", "bám đuôi", "đeo theo"),
    ("em", "tui", "con", "chị", "cháu", "tôi"),
    ("từ bến xe", "từ chợ", "từ trường", "nãy giờ", "tới giờ", "từ nãy", "suốt đường"),
)
_RAMMING = """
    tông liên tục, cố tình tông, cố ý tông, lùi lại tông, tông tiếp, quay lại tông,
    lùi xe tông, tông hết mấy xe
"""
_BAILING = "tát nước, tát ao, tát mương, tát đìa, tát nước ruộng"
_POTHOLE = "sập ổ gà, sụp ổ gà, sa ổ gà, lọt ổ gà, sập cái ổ gà"

G24_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 3, _RUN_OVER, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 3, _WRITHING, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 3, _STROKE, tags="sick", fold="tone", service="115"),
    entry("other", "emergency", 3, _STUCK_HIGH, tags="trapped", fold="tone", service="114"),
    entry("other", "emergency", 3, _INTO_HOLE, tags="water", fold="tone", service="114"),
    entry("violation", "emergency", 3, _CHAINED, tags="crime captive", fold="tone",
          service="113"),
    entry("violation", "emergency", 3, _FOLLOWED, tags="crime", fold="tone", service="113"),
    entry("violation", "emergency", 3, _RAMMING, tags="violence", fold="tone", service="113"),
    entry(None, "normal", 0, _LYING, tags="e23_lying", fold="tone"),
    entry(None, "normal", 0, _SNATCH, tags="g24_snatch", fold="tone"),
    entry(None, "normal", 0, _TO_CAR, tags="g24_to_car", fold="tone"),
    entry(None, "normal", 0, _HOLDING, tags="g24_holding", fold="tone"),
    entry(None, "normal", 0, _LOCKED, tags="g24_locked", fold="tone"),
    entry(None, "normal", 0, _BAILING, tags="g24_bailing", fold="tone"),
    entry(None, "normal", 0, _POTHOLE, tags="g24_pothole", fold="tone"),
)

_CRIME = frozenset({"crime"})
G24_COMBOS: tuple[Combo, ...] = (
    Combo(("g24_snatch", "g24_to_car"), "violation", "emergency", 5, window=6, ordered=True,
          service="113", gives=_CRIME),
    Combo(("g24_holding", "g24_locked"), "violation", "emergency", 5, window=10,
          service="113", gives=_CRIME),
)
# fmt: on
