"""Round 29B of issue 13 (writers H, babies and small children, and I, pregnancy, birth and
poisoning, of session 15): signs of a small body in trouble read together, poisons swallowed,
and the calm look-alikes of a birth or a story told.

115:

- **Swallowed and stuck in the throat** ("nuốt đồng xu mắc trong cổ họng"): round 1's
  ``swallow`` with a throat, 115, not someone shut in ("kẹt trong" is 114).
- **A cut that will not stop** ("đứt tay bằng dao lam chảy hoài hông cầm", "bị máu khó đông
  mà cắt tay ... không chịu cầm").
- **A burn and its skin** ("canh sôi đổ trúng chân tróc da", "phỏng bàn tay cháy đen", "mỡ
  văng trúng mặt phồng giộp").
- **A baby's fontanelle bulging** ("thóp phồng lên"), **a baby grunting, breathing with the
  belly, listless** ("rên è è", "thở bụng", "lừ đừ": two of them).
- **A head hurt in a fall** ("đầu sưng một cục" and vomiting or drowsy), **a dent in the
  skull** ("đầu bé móp vô").
- **A poison swallowed, then a sign** ("uống thuốc diệt cỏ giờ ói", "ăn long não giựt",
  "uống mấy chục viên pa ra xê ta môn giờ ói hoài", "nước thông cống ... miệng cháy"), pills
  chewed ("nhai mấy viên"), vomiting and lying limp ("ói mửa tiêu chảy nằm lả"), vomiting
  and dizzy ("ói mửa xây xẩm"). A harmless thing the child took it for ("tưởng kẹo",
  "tưởng nước ngọt") does not take back what it did (:func:`round29b_revise`).
- **A jellyfish** ("sứa lửa"): its "lửa" is no fire.

114: **up a pylon or out on a railing, threatening to jump** ("trèo ra lan can đòi nhảy
xuống", "cột điện cao thế đòi nhảy"); **a chemical spilt on the road** ("xe bồn hóa chất
lật tràn ra đường").

113: **a child thrown down** ("quăng con nhỏ xuống đất"), **burnt with a cigarette**
("dí tàn thuốc vô tay"), **someone made to drink poison** ("ép nó uống thuốc chuột":
:func:`round29b_service`), **a baby carried off and gone** ("bế đứa nhỏ đi đâu mất").

Calm look-alikes (marks):

- **A preterm baby** ("bé sinh non", "con sinh non") is a baby, not a birth now; a preterm
  birth said with the incubator or the discharge ("nằm lồng kính", "xuất viện") is past.
- **A threatened preterm birth** ("dọa sanh non", "dọa sảy thai"): high, not 115.
- **Out of hospital after it** ("mới xuất viện vụ phỏng"): the thing after "vụ" is past.
- **Seen on television or in a cartoon** ("coi ti vi thấy ...", "coi hoạt hình ..."): what
  is told until the caller speaks of themself again.
- **Said to frighten** ("la bị rắn cắn để hù tui"): a joke.
- **A what-if of a birth** ("hổng biết khi chuyển dạ thì đi đâu"): feared.
- **Holding a bottle of poison** ("cầm chai thuốc sâu"): no broken bottle as a weapon.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

_THROAT = """
    kẹt trong cổ, kẹt ngang cổ, mắc ngang cổ, kẹt trong cổ họng,
    mắc trong cổ họng, kẹt cổ họng, kẹt ở cổ họng, mắc ở cổ họng
"""
_CUT = """
    cắt tay, cứa tay, cứa trúng tay, cứa vô tay, rọc trúng tay,
    máu khó đông, bệnh máu khó đông
"""
_UNSTOPPED = """
    {k} cầm, {k} cầm được, {k} cầm lại, {k} chịu cầm, cầm {k} được, cầm {k} nổi,
    {k} ngừng chảy, {k} ngưng chảy
"""
_FONTANELLE = """
    thóp phồng, thóp nó phồng, thóp bé phồng, thóp phồng lên, thóp căng phồng, thóp nhô lên,
    thóp lồi, thóp lồi lên, thóp căng cứng, phồng thóp, thóp nó căng
"""
_GRUNT = "rên è è, rên è, rên hừ hừ, thở rên, rên ư ử"
_BELLY_BREATH = "thở bụng, thở hóp bụng, thở bằng bụng, thở co kéo"
_HEAD_LUMP = """
    đầu sưng, sưng đầu, đầu sưng một cục, u đầu, đầu u một cục, nổi u trên đầu, đầu nổi cục
"""
# (not "móp": a car's front is "đầu" too, and a baby's head flat from lying is calm)
_SKULL_DENT = "đầu lõm, lõm đầu, đầu nó lõm, móp sọ, sọ móp, lõm sọ, đầu bị lõm, lún sọ"
_POISON = """
    thuốc cỏ, thuốc diệt cỏ, thuốc sâu, thuốc trừ sâu, nước thông cống, long não, băng phiến,
    trái cây lạ, trái lạ, chục viên pa ra xê ta môn, chục viên para xê ta môn,
    chục viên thuốc hạ sốt, chục viên thuốc ngủ
"""
_CHEWED = "nhai hết mấy viên, nhai mấy viên, ăn mấy viên thuốc, ăn hết mấy viên, nuốt hết mấy viên"
_JELLYFISH = "sứa lửa, bị sứa, sứa chích, sứa cắn, sứa quấn"
_UP_HIGH = """
    trèo ra lan can, leo ra lan can, đứng ra lan can, cột điện cao thế, trụ điện cao thế
"""
_SPILT = "tràn ra đường, đổ ra đường, tràn xuống sông, tràn xuống kênh, đổ tràn ra"
# a child thrown, said with the child ("quăng con xuống đất"; not food: "cứ quăng xuống đất")
_THROWN = pairings(
    ("quăng", "ném", "liệng", "đang quăng", "đang ném"),
    ("con", "con nhỏ", "thằng nhỏ", "đứa nhỏ", "bé", "em bé", "nó"),
    ("xuống nền", "xuống đất", "xuống sàn", "vô tường", "vào tường"),
)
_CIGARETTE = "dí tàn thuốc, tàn thuốc dí, dí điếu thuốc, lấy thuốc lá dí, lấy tàn thuốc dí"
_GONE = "đi đâu mất, đi mất tiêu, đem đi mất"
_PRETERM_BABY = "bé sinh non, con sinh non, em bé sinh non, trẻ sinh non, bé sanh non"
_THREATENED = """
    dọa sanh non, dọa sinh non, dọa đẻ non, dọa sảy thai, dọa sẩy thai, dọa sảy
"""
_HOLDING = "cầm chai thuốc, cầm chai thuốc sâu, cầm chai nước"

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
B29_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _THROAT, tags="b29_throat", fold="tone"),
    entry(None, "normal", 0, _CUT, tags="b29_cut", fold="tone"),
    entry(None, "normal", 0, _UNSTOPPED, tags="b29_unstopped", fold="tone"),
    entry("medical", "emergency", 5, _FONTANELLE, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _GRUNT, tags="b29_grunt", fold="tone"),
    entry(None, "normal", 0, _BELLY_BREATH, tags="b29_belly_breath", fold="tone"),
    # exact: toneless "u dau" is also "u đâu" ("hổng có u đâu")
    entry(None, "normal", 0, _HEAD_LUMP, tags="b29_head_lump", fold="exact"),
    entry("medical", "emergency", 5, _SKULL_DENT, tags="sick wound", fold="tone",
          service="115"),
    entry(None, "normal", 0, _POISON, tags="b29_poison", fold="tone"),
    entry(None, "normal", 0, _CHEWED, tags="c28_pills", fold="tone"),
    entry(None, "normal", 0, _JELLYFISH, tags="b29_jellyfish", fold="tone"),
    entry(None, "normal", 0, _UP_HIGH, tags="height", fold="tone"),
    entry(None, "normal", 0, _SPILT, tags="b29_spilt", fold="tone"),
    entry("violation", "emergency", 5, _THROWN, tags="violence b29_thrown", fold="tone",
          service="113"),
    entry("violation", "emergency", 5, _CIGARETTE, tags="violence", fold="tone",
          service="113"),
    entry(None, "normal", 0, _GONE, tags="b29_gone", fold="tone"),
    entry("medical", "high", 3, _PRETERM_BABY, tags="person who", fold="tone"),
    entry("medical", "high", 3, _THREATENED, tags="pregnant", fold="tone"),
    entry(None, "normal", 0, _HOLDING, tags="b29_holding", fold="tone"),
)
_AFTER_POISON = (
    "sick", "confused", "b21_fainting", "b28_head_sign", "limp", "l27_mouth_burnt", "n27_jerk",
    "c22_listless",
)
B29_COMBOS: tuple[Combo, ...] = (
    signs_together("swallow", "b29_throat", 10, ordered=True),
    signs_together("swallowed", "b29_throat", 10, ordered=True),
    signs_together("b29_cut", "b29_unstopped", 14, ordered=True),
    signs_together("boiling", "skin_off", 12),
    signs_together("burn", "skin_off", 10),
    signs_together("burn", "q27_charred", 8),
    signs_together("splash", "extent", 8),
    signs_together("b29_grunt", "b29_belly_breath", 10),
    signs_together("b29_grunt", "confused", 10),
    signs_together("b29_belly_breath", "confused", 10),
    signs_together("b29_head_lump", "b28_head_sign", 10),
    signs_together("b29_head_lump", "confused", 10),
    signs_together("b29_head_lump", "c22_listless", 10),
    *(signs_together("b29_poison", t, 12, ordered=True, at_second=True) for t in _AFTER_POISON),
    signs_together("p27_loss", "limp", 10),
    signs_together("b28_head_sign", "limp", 10),
    signs_together("b28_head_sign", "b21_fainting", 8),
    Combo(("height", "c22_wants_jump"), "other", "emergency", 5, window=10, service="114"),
    Combo(("chemical", "b29_spilt"), "other", "emergency", 5, window=10, service="114"),
    Combo(("person", "b29_thrown"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
    Combo(("carry_off", "b29_gone"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
)
# fmt: on

# -- marks -------------------------------------------------------------------------------------
B29_PRETERM = phrases("sinh non, sanh non, đẻ non")
B29_BIRTH_PAST = phrases("lồng kính, xuất viện, ra viện, xuất viện rồi")
B29_OUT_OF_HOSPITAL = phrases("xuất viện vụ, ra viện vụ, xuất viện sau vụ, ra viện sau vụ")
B29_VU_REACH = 4  # the thing named after "vụ"
B29_MEDIA = phrases("""
    coi hoạt hình, xem hoạt hình, coi ti vi thấy, xem ti vi thấy,
    coi trên báo, đọc báo thấy, coi tin tức, xem tin tức, coi thời sự, xem thời sự,
    coi trên mạng, đọc trên mạng, coi trên ti vi, coi trên phây
""")
B29_ME = words("tui tôi mình")
B29_MEDIA_REACH = 14
B29_NOW = words("đang")
B29_SCENE = words("thì bỗng chợt tự nghe ngửi xong")  # "đang coi phim thì ngửi mùi khét"
B29_TEASE = phrases("để hù, để chọc, để giỡn, hù chơi, giỡn chơi")  # not "để dọa": a threat
B29_TEASE_REACH = 8
B29_WHEN = words("khi lúc")
B29_UNKNOWN = phrases("không biết, hổng biết, hông biết, chưa biết, mai mốt")
B29_THEN = words("thì")
B29_WHEN_REACH = 6


def _preterm_past(ws: list[str]) -> list[tuple[int, int]]:
    """ "đẻ non con nằm lồng kính", "bé sinh non mới xuất viện": the birth is over."""
    if not find(ws, B29_BIRTH_PAST):
        return []
    return find(ws, B29_PRETERM)


def _after_vu(ws: list[str]) -> list[tuple[int, int]]:
    """ "mới xuất viện vụ phỏng nước sôi": what follows "vụ" is what the stay was for."""
    return [(s, e + B29_VU_REACH) for s, e in find(ws, B29_OUT_OF_HOSPITAL)]


def _on_media(ws: list[str]) -> list[tuple[int, int]]:
    """ "tui coi ti vi thấy đứa nhỏ té giếng ... xóm tui": the story runs until the caller
    speaks of themself again (not "đang coi ti vi thấy", nor "coi phim thì ngửi mùi khét": a
    scene around them)."""
    out = []
    for s, e in find(ws, B29_MEDIA):
        if (s > 0 and ws[s - 1] in B29_NOW) or (e < len(ws) and ws[e] in B29_SCENE):
            continue
        end = next((j for j in range(e, len(ws)) if ws[j] in B29_ME), len(ws))
        end = min(end, e + B29_MEDIA_REACH)
        if not B29_SCENE.intersection(ws[e:end]):  # "coi thời sự một hồi thì ngã ra"
            out.append((s, end))
    return out


def _teased(ws: list[str]) -> list[tuple[int, int]]:
    """ "la bị rắn cắn để hù tui": said to frighten."""
    return [(max(0, s - B29_TEASE_REACH), e) for s, e in find(ws, B29_TEASE)]


def _what_if(ws: list[str]) -> list[tuple[int, int]]:
    """ "hổng biết khi đau đẻ thì đi sanh ở đâu": a time to come, not now."""
    out = []
    for _, e in find(ws, B29_UNKNOWN):
        if e < len(ws) and ws[e] in B29_WHEN:
            then = next(
                (j for j in range(e + 1, min(len(ws), e + B29_WHEN_REACH)) if ws[j] in B29_THEN),
                None,
            )
            if then is not None:
                out.append((e, then + 1))
    return out


def round29b_marks(ws: list[str]) -> Marks:
    """A preterm birth over, out of hospital after it, on television, said to frighten, a
    what-if (module docstring)."""
    return {
        "past": _preterm_past(ws) + _after_vu(ws),
        "media": _on_media(ws),
        "joke": _teased(ws),
        "feared": _what_if(ws),
    }


B29_MISTAKEN_FOR = words("kẹo nước sữa bánh trái đồ thức")


def round29b_revise(marks: Marks, ws: list[str]) -> Marks:
    """ "ăn long não tưởng kẹo giờ giựt": the child's mistake, not the caller's; what follows
    is not taken back."""
    kept = [
        (s, e)
        for s, e in marks.get("mistaken", [])
        if not (ws[s] in B29_MISTAKEN_FOR and "tưởng" in ws[max(0, s - 1) : s + 1])
    ]
    return {**marks, "mistaken": kept}


B29_FORCE = words("ép bắt")
B29_SWALLOW = words("uống ăn nuốt")
B29_FORCE_REACH = 4
B29_POISONS = phrases(_POISON + ", thuốc chuột, thuốc rầy, a xít, axit, xăng, dầu hôi")


def round29b_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """ "đang ép vợ uống thuốc sâu": a poison forced on someone is 113 (module docstring)."""
    if service != "115":
        return service
    forced = [
        k
        for k in range(len(ws))
        if ws[k] in B29_FORCE
        and B29_SWALLOW.intersection(ws[k + 1 : k + 1 + B29_FORCE_REACH])
        and find(ws[k + 1 : k + 2 + 2 * B29_FORCE_REACH], B29_POISONS)
    ]
    medical = [h for h in hits if h.entry.alarm == "115"]
    if medical and all(
        any(0 < h.start - k <= B29_FORCE_REACH + 2 for k in forced) for h in medical
    ):
        return "113"
    return service
