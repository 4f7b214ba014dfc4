"""Round 37H of issue 13 (writer H of session 18: the locked part's register, scenes at night
and at dawn, each emergency with a mirror that stays calm).

115, phrases and signs read together (:data:`H37_ENTRIES`, :data:`H37_COMBOS`):

- **Run over by a vehicle the older lists do not name** ("bị xe ba gác cán", "bị xe công
  nông cán", "bị xe lôi cán"): round 23E's "bị xe tải cán" with the carts and farm
  vehicles of the countryside; a thing run over ("cái xe đạp ... bị xe ba gác cán bẹp") is
  round 23E's thing, no one hurt.
- **A bone of the meal** ("hóc xương gà", "mắc xương vịt khó thở"): the animal named
  is food, not a beast the sign is said of ("con gà ... kẹt" stays the animal's); a sign
  phrase that hides the animal's word.
- **Clutching the chest and slumping** ("ôm ngực gục xuống"), **suddenly clutching the head
  or the belly and slumping** ("tự nhiên ôm đầu gục", "đột nhiên ôm bụng ngã gục"): a
  collapse, a stroke or a heart attack, said as seen; "ôm đầu gục ngủ trên bàn" with nothing
  sudden is a nap.
- **Breathing now and then** ("lâu lâu mới thở một cái", "cả phút mới thở một cái", "thở
  một cái rồi ngưng"): breathing that stops between breaths.
- **A broken thigh** ("gãy đùi", "bể đùi"): round 28C's "gãy xương đùi" said short.
- **Sweating cold and talking nonsense** ("vã mồ hôi lạnh nói lảm nhảm", "đổ mồ hôi lạnh
  nói sảng"): a low sugar or a shock, said in one breath.
- **Cold through and speechless** ("người lạnh cóng nói hổng được", "lạnh cóng lay hổng
  dậy"): the cold body of someone found out at night; "lạnh cóng" alone (the weather, cold
  hands) stays calm.
- **Chest tightness and cannot sit up** ("tức ngực quá ngồi dậy hổng nổi").
- **Private parts sore and swollen** ("đau chỗ kín sưng vù", "đau tinh hoàn sưng vù"): a
  torsion; round 31T's testis with "sưng vù".
- **Shaking chills after a caesarean** ("mổ đẻ tuần trước đêm nay sốt run lập cập", "sinh
  mổ ... run lẩy bẩy"): a wound infected, the body in sepsis; a fever with a sore wound and
  a ride asked to the check-up ("mới mổ đẻ về mà sốt ... đưa lên tái khám") stays high.

- **A tearing pain through the chest or to the back** ("đau như xé từ ngực ra sau lưng",
  "đau xé trong ngực"): a torn aorta; the simile names the pain.
- **A violent pain low in the belly** ("đau bụng dưới dữ dội"): the lexicon's "đau bụng dữ
  dội" with the place said between.
- **A pillow over a baby's face** ("cái gối đè lên mặt", "mền trùm lên mặt"): smothered, a
  body to revive (115), not a weight to lift (the lexicon's "đè lên", 114).
- **Choking on vomit** ("say ói sặc", "nôn rồi sặc").
- **A cold blue foot** ("bàn chân lạnh tím"): a leg without blood.
- **The well's yard** ("té ở sân giếng"): a place beside the well, not a fall into it (a
  sign phrase that hides "giếng").

114 (:data:`H37_ENTRIES`): **cut off by water or fire** ("bị nước lớn bao vây ngoài cồn",
"lửa bao vây hết lối"): the lexicon's "bao vây" (a mob, 113) said of the tide or a fire.

113 (:data:`H37_ENTRIES`): **livestock stolen** ("đang lùa trộm bò", "bắt trộm chó", "dắt
trộm trâu"): the lexicon's "trộm" said with the animal taken, which the animal's word
would otherwise take as a beast's trouble. **A motorbike wheeled off by them** ("tụi nó đang
dắt xe ra khỏi nhà xe"): the lexicon's "dắt xe", which round 21B's "đang dắt xe" hid when
said after "tụi nó đang"; "tui đang dắt xe ra" is the lexicon's as before.

Marks (:func:`round37h_marks`, :func:`round37h_revise`):

- **Tonight is now** ("mổ đẻ tuần trước đêm nay đau bụng sốt"): a past stretch ends at "đêm
  nay", "khuya nay", "tối nay".
- **Told to watch for it** ("bác sĩ dặn canh ngưng thở", "dặn coi chừng co giật"): the sign
  is feared, to the end of its clause.
- **A power cut announced** ("mai cúp điện cả ngày mà ông tui thở máy", "tuần sau cắt điện
  mà máy thở"): what depends on it is feared, to a turn ("nhưng") or the next word of now
  ("giờ", "đang", "vừa"): "hỏi lịch cắt điện nhưng mà bố tôi vừa ngồi phịch xuống" is now.
  A water cut is not read so ("mai cắt nước hai ông bà già hông có nước uống" stays high).
- **The hospital bill someone will not pay** ("bị cưa đứt tay chủ xưởng hổng đóng viện
  phí"): the injury was treated; what was said before is settled. The caller's own lack of
  money ("tui hổng có tiền đóng viện phí") settles nothing.
- **The aftermath asked for** ("bị giựt giỏ mất hết tiền giờ cả nhà chưa có gì ăn", "té cầu
  thang giờ nằm liệt một chỗ hết tã"): a theft with its loss, or a fall or an illness that
  left someone bedridden, then "giờ" and what is lacking now: the event is settled.

Services (:func:`round37h_service`, a number reviser): **the fight is over, someone left
wounded** ("đánh nhau tan rồi còn một thằng nằm lại bị đâm"): 113 becomes 115 when the
fighters are said gone and a wound is said after it, no attack said after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_round23e import E23_THING_REACH, E23_THINGS
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import CLAUSE_BREAKS, PRESENT, phrases, words

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["H37_COMBOS", "H37_ENTRIES", "round37h_marks", "round37h_revise", "round37h_service"]

_CARTS = (
    "xe ba gác", "xe ba bánh", "xe công nông", "xe lôi", "xe cày", "xe rác", "xe bồn",
    "xe khách", "xe đầu kéo", "xe lu", "xe cẩu", "xe đò", "xe taxi", "xe bò", "xe kéo",
)  # fmt: skip
_RUN_OVER = ", ".join(f"bị {v} cán" for v in _CARTS)
H37_RUN_OVER = phrases(_RUN_OVER)
_MEAT = pairings(("xương",), ("gà", "vịt", "heo", "bò", "chó", "cá", "ngan", "ngỗng", "dê", "ếch"))
# clutching the chest and slumping is a collapse; the head or the belly only when sudden
# ("ôm đầu gục ngủ trên bàn" is a nap)
_SLUMPS = ("gục", "gục xuống", "gục luôn", "ngã gục", "té gục", "gục tại chỗ")
_CHEST_SLUMP = pairings(("ôm ngực", "ôm ngực la"), _SLUMPS)
_SLUMP = pairings(("ôm đầu", "ôm bụng", "ôm đầu la", "ôm bụng la"), _SLUMPS)
_RARE_BREATH = """
    lâu lâu mới thở một cái, lâu lâu mới thở, cả phút mới thở một cái, một hồi mới thở một cái,
    mấy giây mới thở một cái, thở một cái rồi ngưng, thở một cái rồi ngừng,
    thở một hơi rồi ngưng, thở cái rồi ngưng
"""
_THIGH = "gãy đùi, bể đùi, gãy cái đùi, gãy luôn đùi, gãy ống đùi"
_SWEAT_BABBLE = pairings(
    ("vã mồ hôi lạnh", "đổ mồ hôi lạnh", "ra mồ hôi lạnh", "toát mồ hôi lạnh"),
    ("nói lảm nhảm", "lảm nhảm", "nói nhảm", "nói sảng", "nói lung tung", "nói xàm"),
)
_COLD = "lạnh cóng, người lạnh cóng, lạnh cóng hết người, tay chân lạnh cóng"
_PRIVATE = "đau chỗ kín, chỗ kín đau, đau chỗ kín quá, chỗ kín đau quá"
_SECTION = "mổ đẻ, sinh mổ, đẻ mổ, mổ lấy thai, mổ bắt con, mổ lấy em bé"
_TEARING = pairings(
    ("đau như xé", "đau xé", "đau như ai xé", "đau như dao đâm"),
    ("từ ngực", "ngực", "trong ngực", "sau lưng", "ra sau lưng", "xuyên ra lưng"),
)
_LOWER_BELLY = "đau bụng dưới dữ dội, bụng dưới đau dữ dội, đau dữ dội bụng dưới"
_SMOTHERED = pairings(
    ("gối", "cái gối", "mền", "cái mền", "chăn", "cái chăn"),
    ("đè lên mặt", "đè mặt", "úp lên mặt", "trùm lên mặt", "đè lên mũi", "đè kín mặt"),
)
_VOMIT_CHOKE = "ói sặc, nôn sặc, sặc ói, sặc đồ ói, ói rồi sặc, nôn rồi sặc"
_COLD_FOOT = (
    "chân lạnh tím, bàn chân lạnh tím, chân tím lạnh, bàn chân tím lạnh, chân lạnh ngắt tím"
)
_WELL_YARD = "sân giếng, ở sân giếng, ngoài sân giếng"
_CUT_OFF = pairings(
    ("bị", ""),
    ("nước", "nước lớn", "nước lên", "nước dâng", "nước lũ", "lũ", "lửa", "khói lửa", "thủy triều"),
    ("bao vây", "vây quanh", "vây hết"),
)
_RUSTLED = pairings(
    ("trộm", "lùa trộm", "dắt trộm", "bắt trộm", "đang trộm", "đang lùa trộm", "đang bắt trộm"),
    ("bò", "trâu", "heo", "chó", "dê", "ngựa", "con bò", "con trâu", "con heo", "con chó"),
)
# "đang dắt xe" is round 21B's sign of a thief carrying off; said after the thieves
# ("tụi nó đang") it lost to them and hid the lexicon's "dắt xe"
_WHEELED = pairings(
    ("tụi nó", "có thằng", "mấy thằng", "thằng lạ", "người lạ", "tụi trộm"),
    ("đang dắt xe", "đang dắt trộm xe", "đang dắt xe máy"),
)

# fmt: off
H37_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 3, _RUN_OVER, tags="sick wound", fold="tone", service="115"),
    entry(None, "normal", 0, _MEAT, tags="h37_meat", fold="tone"),
    entry("medical", "emergency", 5, _CHEST_SLUMP, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _SLUMP, tags="h37_slump", fold="tone"),
    entry("medical", "emergency", 5, _RARE_BREATH, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _THIGH, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 5, _SWEAT_BABBLE, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _COLD, tags="h37_cold", fold="tone"),
    entry("medical", "emergency", 5, _TEARING, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _LOWER_BELLY, tags="sick", fold="tone"),
    entry("medical", "emergency", 5, _SMOTHERED, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _VOMIT_CHOKE, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _COLD_FOOT, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _WELL_YARD, tags="place", fold="tone"),
    entry(None, "normal", 0, _PRIVATE, tags="h37_private", fold="tone"),
    entry("medical", "normal", 3, _SECTION, tags="h37_section", fold="tone"),
    entry("other", "emergency", 5, _CUT_OFF, service="114", tags="flood trapped h37_cut_off",
          fold="tone"),
    entry("violation", "emergency", 5, _WHEELED, service="113", tags="crime", fold="tone"),
    entry("violation", "emergency", 5, _RUSTLED, service="113", tags="crime h37_rustled",
          fold="tone"),
)
H37_COMBOS: tuple[Combo, ...] = (
    *(signs_together("h37_cold", b, 10) for b in ("limp", "confused", "unresponsive")),
    *(signs_together(c, "e23_cannot_rise", 8, ordered=True) for c in ("n27_chest", "b21_chest")),
    *(signs_together(p, s, 6, ordered=True) for p in ("h37_private", "t31_testis")
      for s in ("swollen", "t31_swells")),
    signs_together("o30_sudden", "h37_slump", 4, ordered=True),
    *(signs_together("h37_section", r, 14, ordered=True, at_second=True)
      for r in ("d28_shiver", "hypo_sign", "sweat")),
)
# fmt: on

# -- marks ---------------------------------------------------------------------------------
H37_TONIGHT = phrases("đêm nay, khuya nay, tối nay")
H37_TOLD = phrases("""
    dặn canh, dặn canh chừng, dặn coi chừng, dặn theo dõi, dặn để ý, dặn là canh,
    dặn phải canh, dặn phải để ý, dặn phải theo dõi, biểu canh, kêu canh chừng
""")
H37_LATER = words("mai mốt")  # "mai", "ngày mai", "sáng mai", "mốt"
H37_LATER_PHRASES = phrases("tuần sau, tháng sau, sắp, chuẩn bị")
# the power a machine lives on; a water cut leaves old people without water now and then
H37_CUT = phrases("cúp điện, cắt điện, mất điện, ngưng cấp điện")
H37_CUT_REACH = 3
# the concern ends at a turn ("nhưng") or a word of now ("vừa", "đang", "giờ", "tự nhiên")
H37_NOW = words("giờ đang hiện liền nhưng") | {p[0] for p in PRESENT}
H37_FEE = phrases("viện phí, tiền viện phí, tiền viện, tiền nằm viện, tiền mổ, tiền thuốc men")
H37_PAY = words("đóng trả chi lo chịu thanh bồi")
H37_NOT = words("không hổng hông chưa chẳng chả")
H37_PAYER = words("chủ công ty xưởng hãng bảo hiểm bên thằng người")
H37_PAY_REACH = 6
H37_THEN_NOW = phrases("giờ, bây giờ, giờ đây")
H37_STOLEN = words("giựt giật cướp trộm móc")
H37_LOST = words("mất")
H37_LACKING = phrases("""
    chưa có gì ăn, không có gì ăn, hổng có gì ăn, hông có gì ăn, hết gạo, hết tiền,
    không có tiền, hổng có tiền, hông có tiền, hết tã, hết thuốc, hết sữa, không còn gì,
    hổng còn gì, đói
""")
H37_LEFT_LYING = phrases("nằm liệt một chỗ, nằm liệt giường, liệt giường, nằm liệt luôn")
H37_LYING_REACH = 3


def round37h_marks(ws: list[str]) -> Marks:
    """Told to watch for a sign, a power cut announced (feared); a bill unpaid by another,
    the aftermath asked for (resolved): module docstring."""
    return {"feared": _told(ws) + _cut_ahead(ws), "resolved": _unpaid(ws) + _aftermath(ws)}


def round37h_revise(marks: Marks, ws: list[str]) -> Marks:
    """Tonight is now: a past stretch ends at "đêm nay"; a thing run over by a cart is round
    23E's thing (module docstring)."""
    things = [
        (a, b)
        for a, b in find(ws, H37_RUN_OVER)
        if find(ws[max(0, a - E23_THING_REACH) : a], E23_THINGS)
    ]
    if things:
        marks = {**marks, "mistaken": [*marks.get("mistaken", []), *things]}
    tonight = [s for s, _ in find(ws, H37_TONIGHT)]
    if not tonight or not marks.get("past"):
        return marks
    past = []
    for s, e in marks["past"]:
        cut = next((k for k in tonight if s < k < e), e)
        past.append((s, cut))
    return {**marks, "past": past}


def _clause_end(ws: list[str], start: int) -> int:
    return next((k for k in range(start, len(ws)) if ws[k] in CLAUSE_BREAKS), len(ws))


def _told(ws: list[str]) -> list[tuple[int, int]]:
    """A doctor's instruction to watch for a sign: the sign feared, to its clause's end."""
    return [(s, _clause_end(ws, e)) for s, e in find(ws, H37_TOLD)]


def _cut_ahead(ws: list[str]) -> list[tuple[int, int]]:
    """A power cut said for later: feared up to the next word of now."""
    out = []
    for s, e in find(ws, H37_CUT):
        before = ws[max(0, s - H37_CUT_REACH) : s]
        later = H37_LATER.intersection(before) or find(before, H37_LATER_PHRASES)
        if later and not H37_NOW.intersection(before):
            start = max(0, s - H37_CUT_REACH)
            end = next((k for k in range(e, len(ws)) if ws[k] in H37_NOW), len(ws))
            out.append((start, end))
    return out


def _unpaid(ws: list[str]) -> list[tuple[int, int]]:
    """A hospital bill another will not pay ("chủ xưởng hổng đóng viện phí")."""
    out = []
    for s, e in find(ws, H37_FEE):
        before = ws[max(0, s - H37_PAY_REACH) : s]
        pay = [k for k, w in enumerate(before) if w in H37_PAY]
        if not pay or not H37_NOT.intersection(before[: pay[-1]]):
            continue
        if H37_PAYER.intersection(before[: pay[-1]]):
            out.append((s, e))
    return out


def _aftermath(ws: list[str]) -> list[tuple[int, int]]:
    """A theft with its loss, or someone left bedridden, then "giờ" and what is lacking."""
    out = []
    for s, e in find(ws, H37_THEN_NOW):
        rest = ws[e:]
        if not find(rest, H37_LACKING):
            continue
        before = ws[:s]
        stolen = H37_STOLEN.intersection(before) and H37_LOST.intersection(before)
        lying = [k for k, _ in find(rest, H37_LEFT_LYING) if k < H37_LYING_REACH]
        if stolen or lying:
            out.append((s, e))
    return out


# -- services ------------------------------------------------------------------------------
H37_OVER = phrases("""
    tan rồi, giải tán rồi, chạy hết rồi, bỏ chạy hết, chạy mất rồi, đi hết rồi, tản đi hết,
    tụi nó chạy rồi, tụi nó đi rồi, tan hàng rồi, dẹp rồi
""")
H37_ATTACK = frozenset({"violence", "brawl", "crime"})
H37_WOUND = "wound"


def round37h_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """The fight over, someone left wounded: 115 (module docstring)."""
    if service != "113":
        return service
    over = find(ws, H37_OVER)
    if not over:
        return service
    end = over[0][1]
    alive = [h for h in hits if not h.negated and h.start >= end]
    if any(H37_WOUND in h.entry.tags for h in alive) and not any(
        H37_ATTACK & h.entry.tags and H37_WOUND not in h.entry.tags for h in alive
    ):
        return "115"
    return service
