"""Round 30N of issue 13 (writer N of session 16: the second development part's needs, the
locked part's writer's scenes, said again in other words).

115, signs read alone:

- **Not breathing, told by the chest**: "ngực hổng phập phồng", "ngực không lên xuống".
- **Cannot breathe in**: "hít vô hông được", "hít không vô", "hít thở không được".
- **A snake's strike**: "bị rắn lục mổ", "rắn hổ mổ" ("mổ" is the strike, round 28B).
- **Flesh torn open**: "lòi xương", "thịt lòi ra", "rách nguyên mảng da đầu", "lột da đầu".
- **A birth under way**: "cái đầu em bé lú ra rồi", "mới ra được cái chân em bé".

115, signs read together (:data:`N30_COMBOS`):

- lying on the floor, then no answer, up to 14 words apart: "nằm sóng soài dưới nền gạch lay
  mấy lần mà bả hông dạ gì hết" (round 28D read them six apart);
- a newborn ("vừa lọt lòng") blue all over or silent: "người xanh lè hổng oe oe tiếng nào";
- a hornet's or a ground bee's stings ("bị bắp cày chích", "ong đất chích") then a swollen
  face, dizziness or a thick tongue: "mặt sưng vù nói líu lưỡi", "xây xẩm mặt mày";
- a dog's bite that tears ("bầy chó cắn xé"): a body torn;
- the heart told by its grip and where the pain goes: "ôm tim kêu như có ai bóp chặt",
  "tê rần lên tới vai với hàm"; palpitations with a stab in the chest ("tim đập loạn xạ nhói
  giữa ngực");
- fumes in a closed house (round 27M's generator, charcoal) then a sickness: "nhức đầu buồn
  nôn chóng mặt sau khi chạy máy phát điện trong nhà";
- after a home birth, blood that keeps pouring ("huyết cứ tuôn", round 1's ``birth`` and
  ``bleeding_on``).

114: a car gone into water with the driver not out ("lọt xuống rạch ... tài xế chưa thoát
ra"); a child sucked into a storm drain ("bị nước hút vô miệng cống").

113: a lender's threat to come down in a moment ("chút nữa xuống chém con tui") has arrived
for :mod:`.need_look_alikes` (a loan app's threat is words only until then).

Calm: a branch down across an alley with nobody under it ("cành me tây rớt xuống chắn ngang
lối đi": the model may not promote it), a nap's even breathing ("nằm ngủ trưa thở đều": no
"chưa thở"), a sunburn ("phỏng nắng", not "phỏng nặng").

Pulled out of the sea ("kéo vô bờ") is rescued: not breathing then is 115, not 114.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings, signs_together
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases

__all__ = ["N30_COMBOS", "N30_ENTRIES", "round30n_marks"]

_NOT_BREATHING = """
    ngực {k} phập phồng, ngực {k} nhấp nhô, ngực {k} lên xuống, ngực {k} còn phập phồng,
    bụng {k} phập phồng
"""
# not "hít không vô", a blocked nose's too ("nghẹt mũi hít không vô")
_CANNOT_BREATHE_IN = "hít vô {k} được, hít thở {k} được, hít {k} được hơi"
_SNAKE = """
    rắn mổ, bị rắn mổ, rắn lục mổ, rắn hổ mổ, rắn độc mổ
"""
_TORN = """
    lòi cả ruột, thịt lòi ra, lòi thịt ra, toạc da đầu
"""
# a body's skin ("rách nguyên mảng da" alone is also a leather sofa's)
_SKIN_TORN = pairings(
    ("rách nguyên mảng da", "tróc nguyên mảng da", "lột nguyên mảng da"),
    ("đầu", "lưng", "tay", "chân", "mặt", "đùi", "bụng", "ngực", "cổ"),
)
_BIRTH_NOW = """
    đầu em bé lú ra, đầu em bé ló ra, đầu em bé ra rồi, cái đầu em bé lú ra,
    chỉ lú ra cái đầu, lú ra cái đầu, ra được cái chân em bé, ra cái chân em bé,
    ra được cái tay em bé
"""
# not a bare "lọt lòng": "từ lúc lọt lòng tới giờ" is since birth
_NEWBORN = "vừa lọt lòng"
# "tím tái", "tím ngắt" are emergencies of their own (round 1)
_BLUE_ALL = "người xanh lè, xanh lè cả người, người xanh lét"
_SILENT_BABY = """
    {k} oe oe, {k} oe oe tiếng nào, {k} khóc tiếng nào, {k} khóc một tiếng,
    {k} thấy khóc, {k} cất tiếng khóc
"""
_HORNET = """
    bắp cày chích, bắp cày đốt, bị bắp cày, ong bắp cày, tổ bắp cày, ong đất chích,
    ong đất đốt, bị ong đất, ong vàng chích, ong vàng đốt
"""
# a body torn, not a sandal ("con chó cắn xé cái dép")
_TEARING = pairings(
    ("cắn xé", "cắn xé toạc", "xé toạc", "cắn xé nát"),
    ("", "cái", "nguyên cái", "hết"),
    (
        "tay",
        "cánh tay",
        "chân",
        "bắp chân",
        "bắp tay",
        "mặt",
        "đùi",
        "cổ",
        "bụng",
        "lưng",
        "vai",
        "đầu",
        "mông",
        "ống chân",
    ),
)
_HEART_GRIP = """
    ôm tim, ôm lấy tim, như có ai bóp, như ai bóp, như bị ai bóp, bóp chặt tim, bóp nghẹt,
    lên tới vai, lan lên vai, lan ra vai, lan ra cánh tay, tới vai với hàm, lên tới hàm
"""
_CHEST_STAB = "nhói giữa ngực, nhói trong ngực, ngực nhói"
_OUT_OF_WATER = """
    kéo vô bờ, kéo lên bờ, lôi vô bờ, lôi lên bờ, vớt vô bờ, đưa vô bờ, khiêng lên bờ,
    khiêng vô bờ, bế lên bờ, bồng lên bờ
"""
_NOT_OUT = """
    chưa thoát ra, chưa ra khỏi xe, {k} mở cửa xe được, còn ở trong xe
"""
_DRAIN = """
    nước hút vô miệng cống, bị nước hút, hút vô miệng cống, hút xuống cống, cuốn vô cống,
    cuốn xuống cống, cuốn vô miệng cống, lọt xuống miệng cống, té xuống miệng cống
"""
_POURING = """
    huyết cứ tuôn, huyết tuôn, huyết tuôn ra, huyết ra nhiều, huyết ra quá trời,
    huyết chảy hoài, huyết ra hoài, ướt hết mấy cái khăn
"""
_CALM = "ngủ trưa thở, nghỉ trưa thở, buổi trưa thở, trưa thở đều"
_SUNBURN = "phỏng nắng, bị phỏng nắng, rám nắng, bị cháy nắng"

# fmt: off
N30_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, _NOT_BREATHING, tags="sick", fold="tone",
          service="115"),
    entry("medical", "emergency", 5, _CANNOT_BREATHE_IN, tags="sick", fold="tone",
          service="115"),
    entry("medical", "emergency", 5, _SNAKE, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _TORN, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 5, _SKIN_TORN, tags="sick wound", fold="tone",
          service="115"),
    entry("medical", "emergency", 5, _BIRTH_NOW, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _NEWBORN, tags="n30_newborn", fold="tone"),
    entry(None, "normal", 0, _BLUE_ALL, tags="n30_blue", fold="tone"),
    entry(None, "normal", 0, _SILENT_BABY, tags="n30_silent", fold="tone"),
    entry(None, "normal", 0, _HORNET, tags="allergen", fold="tone"),
    entry(None, "normal", 0, _TEARING, tags="n30_tearing", fold="tone"),
    entry(None, "normal", 0, _HEART_GRIP, tags="n30_heart", fold="tone"),
    entry(None, "normal", 0, _CHEST_STAB, tags="n30_chest", fold="tone"),
    entry(None, "normal", 0, _OUT_OF_WATER, tags="rescued", negatable=True, fold="tone"),
    entry(None, "normal", 0, _NOT_OUT, tags="n30_not_out", fold="tone"),
    entry("other", "emergency", 5, _DRAIN, tags="water", fold="tone", service="114"),
    entry(None, "normal", 0, _POURING, tags="bleeding_on", fold="tone"),
    # exact: "phỏng nặng" (a bad burn) is the same without tones
    entry("medical", "normal", 2, _SUNBURN, fold="exact"),
    entry(None, "normal", 0, _CALM, fold="tone"),
    # exact: "canh me" (lying in wait, round 27L) is the same without tones
    entry(None, "normal", 0, "cành me, cây me, me tây, cành me tây", fold="exact"),
)
N30_COMBOS: tuple[Combo, ...] = (
    signs_together("e23_lying", "unanswered", 14, ordered=True),
    signs_together("n30_newborn", "n30_blue", 8, ordered=True),
    signs_together("n30_newborn", "n30_silent", 10, ordered=True),
    signs_together("e23_born", "n30_silent", 10, ordered=True),
    signs_together("n30_newborn", "e23_silent_baby", 10, ordered=True),
    signs_together("q27_newborn", "n30_blue", 8, ordered=True),
    signs_together("q27_newborn", "n30_silent", 10, ordered=True),
    signs_together("n30_blue", "n30_silent", 6, ordered=True),
    signs_together("allergen", "swollen", 10, ordered=True),
    signs_together("allergen", "b21_fainting", 14, ordered=True),
    signs_together("allergen", "stroke_sign", 14, ordered=True),
    signs_together("animal", "n30_tearing", 6, ordered=True),
    signs_together("n30_heart", "n30_heart", 14),
    signs_together("n30_heart", "b21_chest", 10),
    signs_together("n30_heart", "b21_spreading", 14),
    signs_together("n27_palpitation", "n30_chest", 8),
    signs_together("n27_palpitation", "hyperbole", 8, ordered=True),  # "... muốn xỉu"
    signs_together("sick", "m27_fumes", 12, ordered=True),
    signs_together("m27_fumes", "sick", 12, ordered=True),
    Combo(("water_body", "n30_not_out"), "other", "emergency", 5, window=12, ordered=True,
          service="114"),
    Combo(("flood", "n30_not_out"), "other", "emergency", 5, window=12, ordered=True,
          service="114"),
)
# fmt: on

# A threat to come in a moment ("chút nữa xuống chém"): arrived, for the look-alikes.
_SOON = phrases("chút nữa, lát nữa, tí nữa, xíu nữa, chút xíu nữa")
_COMING = phrases("xuống, tới, qua, lên, vô")
_ACT = phrases("chém, đâm, đánh, giết, đốt, xử, bắn, tạt")


# A branch or a tree down across a way, nobody under it: a ward's work, no rescue.
_PLANT = phrases("cành, nhánh, cây, cây xanh, nhánh cây, cành cây, tàu dừa, tàu lá")
_ACROSS = phrases("chắn ngang, chắn lối, chắn đường, chắn hẻm, chắn hết, nằm ngang, cản đường")
_HARMED = phrases("""
    đè, trúng, kẹt, đập, người, ai, máu, thương, cứu, kêu cứu, la, điện, dây điện, cháy, xe,
    con, ông, bà, ba, má, mẹ, chị, anh, em
""")


def round30n_marks(words: list[str]) -> Marks:
    """``arrived``: a threat to come and hurt within minutes ("chút nữa xuống chém");
    ``calm_scene``: a branch down across a way and nobody named under it."""
    found = []
    for s, e in find(words, _SOON):
        came = find(words[e : e + 2], _COMING)
        if came and find(words[e + came[0][1] : e + came[0][1] + 2], _ACT):
            found.append((s, e + came[0][1] + 1))
    down = bool(find(words, _PLANT)) and bool(find(words, _ACROSS)) and not find(words, _HARMED)
    return {"arrived": found, "calm_scene": [(0, len(words))] if down else []}
