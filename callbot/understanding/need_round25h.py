"""Emergencies the rules missed and services they got wrong, as writers R and S said them
(round 25H of issue 13). The entries and combos are read by :mod:`.need_lexicon`,
:func:`round25h_revise` by :mod:`.need_marks`, :func:`round25h_service` by
:mod:`.need_number`.

- **Overcome in a pit (114)** : "anh tui xuống hầm cầu rồi xỉu dưới đó", "công nhân dưới
  bể phốt bị ngất", "hầm chứa nước thải ... ngạt thở": a septic tank, a cesspit, a sewage tank,
  then within 12 words a body in trouble: the gas is the danger, the rescue 114; someone
  already pulled out ("kéo được ảnh ra khỏi hầm") is 115.
- **A beast in the room (114)** : "trong phòng ngủ có con rắn hổ mang", "dưới gầm giường có
  con trăn": the room first, then the beast (round 22C read the beast first); and a beast,
  then "hông dám vô" (nobody dares go in).
- **Water up to the chest (114)** : "nước ngập ngang ngực", "lụt ngập ngang cổ rồi".
- **The wire still live (114)** : "có người bị giật nằm trong nước mà điện vẫn còn xẹt
  xẹt": the source still sparking is a rescue before it is a body.
- **A bone out (115)** : "xương ống quyển lòi ra", "lòi cả xương", "xương đâm ra ngoài".
- **Lured behind a closed door (113)** : "ông hàng xóm dụ con nhỏ vô nhà đóng cửa lại",
  "lôi con bé vô phòng khóa cửa"; and a child held ("đang giữ con nhỏ") with a door locked
  ("khóa cửa lại", round 24G read "nhà/phòng khóa cửa lại").
- **Someone inside, at work (113)** : "có người trong nhà nghe tiếng mở tủ", "có người lạ
  dưới nhà đang lục đồ": a stranger in the house with a thief's work.
- **Kept on the line, led to the bank (113)** : "ông ngoại bị người ta dẫn đi ngân hàng ...
  hổng cho tắt máy": a scam going on, the victim watched.
- **Acid thrown (113)** : "có đứa tạt a xít vô mặt chị bán nước" (Vosk's split "a xít").
- **A bag snatched (113)** : "hai thằng chạy xe tới giựt cái giỏ tui", "giật cái điện
  thoại" (round ones read "giựt túi"; the time and the attacker's whereabouts decide the rest).
- **Hiding from someone come in (113)** : "tụi nó vô nhà rồi tui với con trốn trên gác",
  "tui nằm trong gầm giường nó mới vô phòng hông dám thở mạnh" (a hiding place or a held
  breath, with "tụi nó vô nhà" or "nó mới vô phòng" within 14 words).
- **Sweating and shaking, talking nonsense (115)** : "vã mồ hôi run lẩy bẩy nói lảm nhảm"
  (low sugar, heat): round ones' ``sweat`` with ``babble`` within 8 words.
- **Something thrown at a head (113)** : "chọi ly vô đầu khách", "ném chai vô đầu người ta".
- **Skin off, then the pain** : "da tuột ra hết đau muốn xỉu": "hết đau" after "ra" is the
  skin all off then the pain, not the pain over (the "resolved" mark is dropped).
- **Brawl dispersed, one left lying (115)** : "đánh nhau giải tán hết rồi còn một đứa nằm
  bất tỉnh": the fighters gone, a body left; with no "đang" after the dispersal the number
  is 115, not 113.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["H25_COMBOS", "H25_ENTRIES", "round25h_revise", "round25h_service"]

# fmt: off
# (round 23's "container" already names "hầm cầu, hầm chứa, bồn chứa, bể chứa"; "bể phốt"
# is a ``water_body``)
_PIT = "hầm phân, hầm bi ô ga, hầm biogas, bể nước thải, hầm nước thải, hầm ủ"
# a toilet or a bath is no pit (round 23's "cái bồn" is a ``container``)
_TOILET = "bồn cầu, cái bồn cầu, bồn tắm, cái bồn tắm, bồn rửa"
_DARE_NOT_ENTER = """
    hông ai dám vô, không ai dám vô, hổng ai dám vô, {k} dám vô, {k} dám vào, {k} dám bước vô,
    {k} dám lại gần, {k} dám tới gần
"""
_CHEST_DEEP = pairings(
    ("ngập", "lụt"), ("ngang ngực", "ngang cổ", "tới cổ", "ngang nách", "tới nách", "qua đầu"),
)
_BONE_OUT = """
    xương ống quyển lòi ra, xương ống chân lòi ra, xương chân lòi ra, xương tay lòi ra,
    xương lòi ra ngoài, lòi xương, lòi cả xương, lòi xương ra, xương đâm ra ngoài,
    xương chọc ra ngoài, xương đâm lòi ra
"""
_LURED = pairings(
    ("dụ", "lôi", "dắt", "ẵm"), ("vô nhà", "vô phòng", "vào nhà", "vào phòng"),
)
_LOCKED = "khóa cửa lại, chốt cửa, hổng thấy ra, chưa thấy ra"
_INSIDE = """
    có người trong nhà, có ai trong nhà, có người dưới nhà, có người ở dưới nhà,
    có người trong phòng
"""
_KEPT_ON_LINE = "hổng cho tắt máy, hông cho tắt máy, không cho tắt máy, cấm tắt máy"
_LED_TO_BANK = pairings(
    ("dẫn", "dắt", "chở", "bắt"), ("đi ngân hàng", "ra ngân hàng", "đi rút tiền", "ra cây"),
)
_THROWN = pairings(
    ("chọi", "ném", "liệng", "phang"),
    ("ly", "chai", "ly thủy tinh", "cục đá", "gạch", "ghế"),
    ("vô đầu", "vào đầu", "trúng đầu"),
)

_ACID = "tạt a xít, tạt a xit, tạt axít, tạt a xịt, bị tạt a xít, tạt a xít vô mặt"

_SNATCHED = pairings(
    ("giựt", "giật"),
    ("cái giỏ", "giỏ xách", "cái giỏ xách", "cái túi xách", "cái bóp", "cái ví", "sợi dây chuyền",
     "cái điện thoại", "cái cặp"),
)
_HIDING = """
    {k} dám thở, {k} dám thở mạnh, nằm trong gầm giường, núp trong gầm giường,
    trốn trong gầm giường, núp trong nhà tắm, trốn trong nhà tắm
"""
_CAME_IN = """
    nó mới vô phòng, nó vô phòng, nó mới vô nhà, nó đang ở dưới lầu, tụi nó đang ở dưới,
    nó đang ở dưới nhà, đang lục đồ dưới nhà, nó mới vô phòng trọ, nó vô phòng trọ
"""

_LIVE_WIRE = pairings(("điện vẫn còn", "điện còn", "dây điện còn", "dây điện vẫn còn"),
                      ("xẹt", "xẹt xẹt", "chớp chớp"))

H25_ENTRIES: tuple[Entry, ...] = (
    entry("other", "emergency", 3, _LIVE_WIRE, tags="fire", fold="tone", service="114"),
    entry("violation", "emergency", 3, _SNATCHED, tags="crime", fold="tone", service="113"),
    entry(None, "normal", 0, _HIDING, tags="h25_hiding", fold="tone"),
    entry(None, "normal", 0, _CAME_IN, tags="h25_came_in", fold="tone"),
    entry("violation", "emergency", 3, _ACID, tags="violence", fold="tone", service="113"),
    entry("other", "emergency", 5, _CHEST_DEEP, tags="trapped water", fold="tone", service="114"),
    entry("medical", "emergency", 3, _BONE_OUT, tags="sick wound", fold="tone", service="115"),
    entry("violation", "emergency", 3, _THROWN, tags="violence", fold="tone", service="113"),
    entry(None, "normal", 0, _PIT, tags="h25_pit", fold="tone"),
    entry(None, "normal", 0, _TOILET, tags="h25_toilet", fold="tone"),
    entry(None, "normal", 0, _DARE_NOT_ENTER, tags="h25_dare_not", fold="tone"),
    entry(None, "normal", 0, _LURED, tags="h25_lured", fold="tone"),
    entry(None, "normal", 0, _LOCKED, tags="h25_locked", fold="tone"),
    entry(None, "normal", 0, _INSIDE, tags="h25_inside", fold="tone"),
    entry(None, "normal", 0, _KEPT_ON_LINE, tags="h25_kept_on_line", fold="tone"),
    entry(None, "normal", 0, _LED_TO_BANK, tags="h25_to_bank", fold="tone"),
)

_CRIME = frozenset({"crime"})
_GAS = frozenset({"trapped", "h25_gas"})
H25_COMBOS: tuple[Combo, ...] = (
    Combo(("h25_hiding", "h25_came_in"), "violation", "emergency", 5, window=14,
          service="113", gives=_CRIME),
    Combo(("h25_hiding", "enter"), "violation", "emergency", 5, window=14,
          service="113", gives=_CRIME),
    Combo(("b21_hiding", "enter"), "violation", "emergency", 5, window=14,
          service="113", gives=_CRIME),
    Combo(("b21_hiding", "h25_came_in"), "violation", "emergency", 5, window=14,
          service="113", gives=_CRIME),
    Combo(("sweat", "babble"), "medical", "emergency", 5, window=8, service="115"),
    Combo(("h25_pit", "sick"), "other", "emergency", 5, window=12, ordered=True,
          service="114", gives=_GAS),
    Combo(("container", "sick"), "other", "emergency", 5, window=8, ordered=True,
          service="114", gives=_GAS),
    Combo(("c22_coiled", "b21_beast"), "other", "emergency", 5, window=10, ordered=True,
          service="114"),
    Combo(("b21_beast", "h25_dare_not"), "other", "emergency", 5, window=16, ordered=True,
          service="114"),
    Combo(("h25_lured", "h25_locked"), "violation", "emergency", 5, window=8, ordered=True,
          service="113", gives=_CRIME),
    Combo(("carry_off", "h25_locked"), "violation", "emergency", 5, window=8, ordered=True,
          service="113", gives=_CRIME),
    Combo(("h25_lured", "shut"), "violation", "emergency", 5, window=8, ordered=True,
          service="113", gives=_CRIME),
    Combo(("carry_off", "shut"), "violation", "emergency", 5, window=8, ordered=True,
          service="113", gives=_CRIME),
    Combo(("g24_holding", "h25_locked"), "violation", "emergency", 5, window=10,
          service="113", gives=_CRIME),
    Combo(("h25_inside", "thief_at_work"), "violation", "emergency", 5, window=20,
          service="113", gives=_CRIME),
    Combo(("h25_to_bank", "h25_kept_on_line"), "violation", "emergency", 5, window=20,
          service="113", gives=_CRIME),
)
# fmt: on

# -- skin off, then the pain -----------------------------------------------------------------
H25_OFF = words("ra tuột lột bong rách")
H25_PAIN_OVER = phrases("hết đau")


def round25h_revise(marks: Marks, words_: list[str]) -> Marks:
    """``marks`` without a "resolved" that is the skin all off, then the pain (docstring)."""
    torn = [
        (s, e)
        for s, e in find(words_, H25_PAIN_OVER)
        if words_[s - 1 : s] and words_[s - 1] in H25_OFF
    ]
    spans = marks.get("resolved", [])
    keep = [sp for sp in spans if not any(sp[0] <= s < sp[1] for s, _ in torn)]
    if len(keep) == len(spans):
        return marks
    return {**marks, "resolved": keep}


# -- brawl dispersed, one left lying ---------------------------------------------------------
H25_DISPERSED = phrases("""
    giải tán hết rồi, giải tán hết dồi, giải tán rồi, giải tán dồi, tan hết rồi, tan hết dồi,
    giải tán hết trơn
""")
H25_STILL = words("đang đánh chém đâm")
H25_OUT_OF = words("khỏi")
H25_OUT_REACH = 4


def _pulled_out(service: Service | None, hits: list[Hit], words_: list[str]) -> bool:
    """Whether the only rescue is this round's pit and the body is out of it ("kéo được ảnh ra
    khỏi hầm cầu mà ảnh hổng thở")."""
    rescue = [h for h in hits if h.entry.alarm == "114"]
    return (
        service == "114"
        and bool(rescue)
        and all("h25_gas" in h.entry.tags for h in rescue)
        and all(H25_OUT_OF & set(words_[max(0, h.start - H25_OUT_REACH) : h.start]) for h in rescue)
    )


def _dispersed(service: Service | None, hits: list[Hit], words_: list[str]) -> bool:
    """Whether every attack is said before a dispersal ("giải tán hết rồi") and a body in
    need after it, with no attack going on after it."""
    gone = find(words_, H25_DISPERSED)
    if service != "113" or not gone:
        return False
    start, end = gone[0]
    attacks = [h for h in hits if h.entry.alarm == "113"]
    medical = [h for h in hits if h.entry.alarm == "115" and h.start >= end]
    return (
        bool(attacks and medical)
        and all(h.end <= start for h in attacks)
        and not H25_STILL & set(words_[end:])
    )


def round25h_service(service: Service | None, hits: list[Hit], words_: list[str]) -> Service | None:
    """115 for someone pulled out of a pit, or for a brawl dispersed with a body left in need
    (module docstring); ``service`` otherwise."""
    if _pulled_out(service, hits, words_) or _dispersed(service, hits, words_):
        return "115"
    return service
