"""Round 37H of issue 13 (writer H of session 18: scenes at night and at dawn), mended
after its review (session 19): each reading with the look-alike that stays calm.

115 (:data:`H37_ENTRIES`, :data:`H37_COMBOS`):

- Run over by carts ("bị xe ba gác cán"), not a thing ("cái xe đạp ... bị xe lôi cán bẹp").
- A bone of the meal ("hóc xương gà khó thở"): a sign hiding the animal's word.
- Clutching and slumping: "ôm ngực gục", "ôm đầu / ôm bụng gục xuống" (the older lists'
  collapse kept whole), bare "ôm đầu gục" only when sudden; not a nap ("ôm đầu gục ngủ")
  nor a laugh ("cười ôm bụng gục xuống").
- Breathing now and then ("cả phút mới thở một cái"); not a sigh ("lâu lâu mới thở dài"),
  nor a snorer ("ngủ ngáy lâu lâu mới thở một cái").
- "gãy đùi"; "vã mồ hôi lạnh nói sảng"; "người lạnh cóng nói hổng được"; "tức ngực quá
  ngồi dậy hổng nổi"; "đau chỗ kín sưng vù"; rigors after a caesarean ("mổ đẻ tuần trước
  đêm nay sốt run lập cập"); "đau bụng dưới dữ dội".
- A tearing chest pain ("đau như xé từ ngực ra sau lưng"); "dao đâm" only with the chest
  ("đau như dao đâm sau lưng" is a betrayal).
- A pillow over the face ("cái gối đè lên mặt"), not one's own ("úp lên mặt ngủ cho đỡ
  chói"); choking on vomit ("ói sặc"), not "ói sặc sụa"; a cold blue foot with a pain ("la
  đau chân bàn chân lạnh tím"), not in cold weather alone; "sân giếng" is a place.

114: cut off by water ("bị nước lớn bao vây") or fire ("lửa bao vây"), not a mob; water all
round without "bị" is the flood season ("mùa nước nổi nước vây quanh nhà").

113: livestock stolen ("đang lùa trộm bò"), not a piggy bank ("trộm heo đất"); a motorbike
wheeled off ("tụi nó đang dắt xe ra khỏi nhà xe"), not to school ("dắt xe ra đi học").

Marks (:func:`round37h_marks`, :func:`round37h_revise`):

- Tonight is now: a past stretch ends at "đêm nay / tối nay" ("mổ đẻ tuần trước đêm nay
  đau bụng"), not at the past marker itself ("hồi khuya nay ... rồi hết").
- A carer's instruction ("bác sĩ dặn canh ngưng thở mà máy đo hư rồi"): four words feared,
  up to a subject ("ổng", "ba tui") or a word of now; none when the clause says it is seen
  ("chảy máu nhiều quá"), nor for the caller's own "dặn" or a pot ("canh nồi").
- A power cut ahead ("mai cúp điện cả ngày mà ông tui thở máy"): only the machine feared,
  never a sign said now; "sắp" right before the cut, "mai" at the start or after a time of
  day (not the name Mai), and not a cut said done ("mất điện rồi").
- A bill a boss or an insurer won't pay ("bị cưa đứt tay chủ xưởng hổng đóng viện phí")
  settles what came before, unless something goes on now ("đang", "quá", "bất tỉnh") or
  the hospital refused ("hổng nhận").
- The aftermath: a theft with its loss right after, no one hurt ("bị giựt giỏ mất hết tiền
  giờ cả nhà chưa có gì ăn"), or bedridden not just now ("té cầu thang giờ nằm liệt một
  chỗ hết tã"; "vừa té ... giờ nằm liệt" is new), then "giờ" and what is lacking.

Services (:func:`round37h_service`): the fight over, someone left wounded ("đánh nhau tan rồi
còn một thằng nằm lại bị đâm") is 115, unless an attack follows or an attacker lurks or
comes back ("còn thằng kia núp trong hẻm", "hẹn quay lại").
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

# fmt: off
_CARTS = (
    "xe ba gác", "xe ba bánh", "xe công nông", "xe lôi", "xe cày", "xe rác", "xe bồn",
    "xe khách", "xe đầu kéo", "xe lu", "xe cẩu", "xe đò", "xe taxi", "xe bò", "xe kéo",
)
_RUN_OVER = ", ".join(f"bị {v} cán" for v in _CARTS)
H37_RUN_OVER = phrases(_RUN_OVER)
_MEAT = pairings(("xương",), ("gà", "vịt", "heo", "bò", "chó", "cá", "ngan", "ngỗng", "dê", "ếch"))
_SLUMPS = ("gục", "gục xuống", "gục luôn", "ngã gục", "té gục", "gục tại chỗ")
_CHEST_SLUMP = pairings(("ôm ngực", "ôm ngực la"), _SLUMPS)
_HELD = ("ôm đầu", "ôm bụng", "ôm đầu la", "ôm bụng la")
_SLUMP_DOWN, _SLUMP = pairings(_HELD, _SLUMPS[1:]), pairings(_HELD, ("gục",))
_NAP_OR_LAUGH = "ôm đầu gục ngủ, ôm bụng gục ngủ, ôm đầu gục xuống ngủ, " + pairings(
    ("cười ôm bụng",), _SLUMPS)
_RARE_BREATH = """
    lâu lâu mới thở một cái, cả phút mới thở một cái, một hồi mới thở một cái,
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
_CHEST = ("từ ngực", "ngực", "trong ngực")
_TEARING = pairings(("đau như dao đâm",), _CHEST) + ", " + pairings(
    ("đau như xé", "đau xé", "đau như ai xé"), (*_CHEST, "sau lưng", "ra sau lưng", "xuyên ra lưng")
)
_LOWER_BELLY = "đau bụng dưới dữ dội, bụng dưới đau dữ dội, đau dữ dội bụng dưới"
_SMOTHERED = pairings(
    ("gối", "cái gối", "mền", "cái mền", "chăn", "cái chăn"),
    ("đè lên mặt", "đè mặt", "úp lên mặt", "trùm lên mặt", "đè lên mũi", "đè kín mặt"),
)
_VOMIT_CHOKE = "ói sặc, nôn sặc, sặc ói, sặc đồ ói, ói rồi sặc, nôn rồi sặc"
_COLD_FOOT = pairings(("chân", "bàn chân"), ("lạnh tím", "tím lạnh", "lạnh ngắt tím"))
_WELL_YARD = "sân giếng, ở sân giếng, ngoài sân giếng"
_WATERS = ("nước", "nước lớn", "nước lên", "nước dâng", "nước lũ", "lũ", "thủy triều")
_ROUND = ("bao vây", "vây quanh", "vây hết")
_CUT_OFF = pairings(("bị",), (*_WATERS, "lửa", "khói lửa"), _ROUND) + ", " + pairings(
    ("lửa", "khói lửa"), _ROUND)
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
H37_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 3, _RUN_OVER, tags="sick wound", fold="tone", service="115"),
    entry(None, "normal", 0, _MEAT, tags="h37_meat", fold="tone"),
    entry("medical", "emergency", 5, _CHEST_SLUMP, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _SLUMP_DOWN, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _SLUMP, tags="h37_slump", fold="tone"),
    entry(None, "normal", 0, _NAP_OR_LAUGH, tags="h37_nap", fold="tone"),
    entry("medical", "emergency", 5, _RARE_BREATH, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _THIGH, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 5, _SWEAT_BABBLE, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _COLD, tags="h37_cold", fold="tone"),
    entry("medical", "emergency", 5, _TEARING, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _LOWER_BELLY, tags="sick", fold="tone"),
    entry("medical", "emergency", 5, _SMOTHERED, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _VOMIT_CHOKE, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _COLD_FOOT, tags="h37_cold_foot", fold="tone"),
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
    signs_together("sick", "h37_cold_foot", 6),  # with a pain; cold weather alone is not
    *(signs_together("h37_section", r, 14, ordered=True, at_second=True)
      for r in ("d28_shiver", "hypo_sign", "sweat")),
)
# fmt: on

# -- marks ---------------------------------------------------------------------------------
# fmt: off
H37_TONIGHT = phrases("đêm nay, khuya nay, tối nay")
H37_AGO = words("hồi lúc")  # "hồi khuya nay": the past marker itself, not a new now
H37_TOLD = phrases("""
    dặn canh, dặn canh chừng, dặn coi chừng, dặn theo dõi, dặn để ý, dặn là canh,
    dặn phải canh, dặn phải để ý, dặn phải theo dõi, biểu canh, kêu canh chừng
""")
H37_CARER = phrases("bác sĩ, y tá, điều dưỡng, bệnh viện, thầy thuốc, phòng khám, trạm y tế")
H37_POT = [["nồi"], ["cháo"], ["cơm"]]
H37_TOLD_REACH = 4
# the feared sign ends at a subject or a word of now ("dặn theo dõi ổng ngưng thở rồi")
H37_TOLD_STOP = CLAUSE_BREAKS | words("thì rồi luôn ổng bả nó ảnh chỉ") | {p[0] for p in PRESENT}
H37_KIN = [["tui"], ["tôi"], ["mình"]]  # "ba tui": a kin word, a subject
H37_HAPPENING = words("quá lắm")  # "chảy máu nhiều quá": not feared, seen
H37_LATER = phrases("tuần sau, tháng sau, tuần tới, tháng tới")
H37_DAY = words("ngày sáng trưa chiều tối khuya đêm")  # "sáng mai", not the name Mai
H37_CUT = phrases("cúp điện, cắt điện, mất điện, ngưng cấp điện")
H37_CUT_REACH = 3
# only the machine that lives on the power is feared; a sign said now stays now
H37_MACHINE = phrases("""
    thở máy, máy thở, máy tạo oxy, máy tạo ô xy, máy oxy, máy ô xy, máy hút đàm, máy trợ thở
""")
H37_FAILS = words("ngưng ngừng tắt hư hết chết dừng")
H37_NOW = words("giờ đang hiện liền nhưng thì rồi") | {p[0] for p in PRESENT}
H37_FEE = phrases("viện phí, tiền viện phí, tiền viện, tiền nằm viện, tiền mổ, tiền thuốc men")
H37_PAY = words("đóng trả chi lo chịu thanh bồi")
H37_NOT = words("không hổng hông chưa chẳng chả")
H37_PAYER = words("chủ công ty xưởng hãng bảo hiểm thầu")  # never "người nhà", "người ta"
H37_PAY_REACH = 6
H37_STILL = words("đang vừa mới quá giờ") | {p[0] for p in PRESENT}
H37_NOW_SIGN = phrases("""
    bất tỉnh, ngưng thở, co giật, chảy máu, mất máu, tím tái, hôn mê, xỉu, thở hổng,
    thở không, gọi hổng, kêu hổng, gọi không, kêu không
""")
H37_REFUSED = phrases("hổng nhận, không nhận, hông nhận, từ chối, đuổi về")
H37_THEN_NOW = phrases("giờ, bây giờ, giờ đây")
H37_STOLEN, H37_LOST = words("giựt giật cướp trộm móc"), words("mất")
H37_THEFT_REACH = 3  # "giựt giỏ mất": the loss right after the theft
H37_LOSS_REACH = 7  # and "giờ" soon after the loss
H37_HURT = words("té ngã đâm chém đánh đập bể máu xỉu gãy tông ngất bất")
H37_LACKING = phrases("""
    chưa có gì ăn, không có gì ăn, hổng có gì ăn, hông có gì ăn, hết gạo, hết tiền,
    không có tiền, hổng có tiền, hông có tiền, hết tã, hết thuốc, hết sữa, không còn gì,
    hổng còn gì, đói
""")
H37_LEFT_LYING = phrases("nằm liệt một chỗ, nằm liệt giường, liệt giường")
H37_LYING_REACH = 3
H37_FRESH = words("vừa mới nãy sáng trưa chiều")  # "vừa té", "hồi sáng", "trưa nay"
# look-alikes of the entries, each said with the word that makes it one
H37_RUSTLED, H37_WHEELED = phrases(_RUSTLED), phrases(_WHEELED)
H37_VOMIT_CHOKE, H37_RARE, H37_SMOTHERED = map(phrases, (_VOMIT_CHOKE, _RARE_BREATH, _SMOTHERED))
H37_PIGGY = words("đất")  # "heo đất", a piggy bank
H37_ERRAND = phrases("đi học, đi làm, đi chợ, ra chợ, đi ruộng, đi rẫy, đi lễ, đi chơi")
H37_GUSH = words("sụa")  # "ói sặc sụa", vomiting hard
H37_SNORE = words("ngáy")  # habitual apnoea of a snorer
H37_ON_PURPOSE = phrases("ngủ cho, cho đỡ, cho khỏi")
# fmt: on


def round37h_marks(ws: list[str]) -> Marks:
    """Told to watch for a sign, a power cut announced (feared); a bill unpaid by another,
    the aftermath asked for (resolved): module docstring."""
    return {"feared": _told(ws) + _cut_ahead(ws), "resolved": _unpaid(ws) + _aftermath(ws)}


def round37h_revise(marks: Marks, ws: list[str]) -> Marks:
    """Tonight is now: a past stretch ends at "đêm nay"; a thing run over by a cart is round
    23E's thing; the entries' look-alikes (module docstring)."""
    runs = find(ws, H37_RUN_OVER)
    things = [(a, b) for a, b in runs if find(ws[max(0, a - E23_THING_REACH) : a], E23_THINGS)]
    things += _look_alikes(ws)
    if things:
        marks = {**marks, "mistaken": [*marks.get("mistaken", []), *things]}
    tonight = [s for s, _ in find(ws, H37_TONIGHT) if not H37_AGO & set(ws[max(0, s - 2) : s])]
    if not tonight or not marks.get("past"):
        return marks
    past = [(s, next((k for k in tonight if s < k < e), e)) for s, e in marks["past"]]
    return {**marks, "past": past}


def _look_alikes(ws: list[str]) -> list[tuple[int, int]]:
    """A piggy bank stolen, kids wheeling the bike to school, vomiting hard, a snorer's
    pauses, a pillow over one's own eyes: not the entry's danger."""
    n = len(ws)
    return (
        [(a, b) for a, b in find(ws, H37_RUSTLED) if b < n and ws[b] in H37_PIGGY]
        + [(a, b) for a, b in find(ws, H37_WHEELED) if find(ws[b : b + 4], H37_ERRAND)]
        + [(a, b) for a, b in find(ws, H37_VOMIT_CHOKE) if b < n and ws[b] in H37_GUSH]
        + [(a, b) for a, b in find(ws, H37_RARE) if H37_SNORE.intersection(ws[max(0, a - 3) : a])]
        + [(a, b) for a, b in find(ws, H37_SMOTHERED) if find(ws[b : b + 3], H37_ON_PURPOSE)]
    )


def _told(ws: list[str]) -> list[tuple[int, int]]:
    """A carer's instruction to watch for a sign: the few words after it feared, to a
    subject or a word of now; the caller's own "dặn", a pot watched ("canh nồi") are not."""
    out = []
    for s, e in find(ws, H37_TOLD):
        clause = ws[e : next((k for k in range(e, len(ws)) if ws[k] in CLAUSE_BREAKS), len(ws))]
        carer = find(ws[max(0, s - 4) : s], H37_CARER)
        if not carer or ws[e : e + 1] in H37_POT or H37_HAPPENING.intersection(clause):
            continue
        reach = range(e, min(len(ws), e + H37_TOLD_REACH))
        stops = [k for k in reach if ws[k] in H37_TOLD_STOP or ws[k + 1 : k + 2] in H37_KIN]
        out.append((s, min(stops, default=reach.stop)))
    return out


def _later(ws: list[str], s: int) -> bool:
    """A cut said for later: "sắp / chuẩn bị" right before it, "tuần sau", or "mai / mốt"
    at the start or after a time of day ("sáng mai"), never the name ("nhà chị mai")."""
    reach = range(max(0, s - H37_CUT_REACH), s)
    day = any(ws[k] in ("mai", "mốt") and (k == 0 or ws[k - 1] in H37_DAY) for k in reach)
    soon = ws[s - 1 : s] == ["sắp"] or ws[max(0, s - 2) : s] == ["chuẩn", "bị"]
    return day or soon or bool(find(ws[reach.start : s], H37_LATER))


def _cut_ahead(ws: list[str]) -> list[tuple[int, int]]:
    """A power cut said for later: the machine that lives on it feared, up to a word of now;
    a cut already come ("mất điện rồi") or a machine said to fail is now."""
    out = []
    for s, e in find(ws, H37_CUT):
        if ws[e : e + 1] == ["rồi"] or not _later(ws, s) or H37_NOW & set(ws[max(0, s - 3) : s]):
            continue
        stop = next((k for k in range(e, len(ws)) if ws[k] in H37_NOW), len(ws))
        for a, b in find(ws[e:stop], H37_MACHINE):
            if e + b >= len(ws) or ws[e + b] not in H37_FAILS:
                out.append((e + a, e + b))
    return out


def _unpaid(ws: list[str]) -> list[tuple[int, int]]:
    """A hospital bill a boss or an insurer will not pay ("chủ xưởng hổng đóng viện phí"),
    with nothing said to go on now before it and no refusal after it."""
    out = []
    for s, e in find(ws, H37_FEE):
        before = ws[max(0, s - H37_PAY_REACH) : s]
        pay = [k for k, w in enumerate(before) if w in H37_PAY]
        if not pay or not H37_NOT.intersection(before[: pay[-1]]):
            continue
        now = H37_STILL.intersection(ws[:s]) or find(ws[:s], H37_NOW_SIGN)
        if H37_PAYER.intersection(before[: pay[-1]]) and not now and not find(ws[e:], H37_REFUSED):
            out.append((s, e))
    return out


def _stolen(before: list[str]) -> bool:
    """A theft and its loss right after it, then "giờ" soon, no one hurt."""
    n = len(before)
    lost = [j for j, w in enumerate(before) if w in H37_LOST and n - j <= H37_LOSS_REACH]
    thefts = [k for k, w in enumerate(before) if w in H37_STOLEN]
    near = any(0 < j - k <= H37_THEFT_REACH for j in lost for k in thefts)
    return near and not H37_HURT.intersection(before)


def _aftermath(ws: list[str]) -> list[tuple[int, int]]:
    """A theft with its loss, or someone left bedridden long since, then "giờ" and what is
    lacking; a fall or a stroke just now ("vừa", "hồi sáng") is no aftermath."""
    out = []
    for s, e in find(ws, H37_THEN_NOW):
        lying = [k for k, _ in find(ws[e:], H37_LEFT_LYING) if k < H37_LYING_REACH]
        left = lying and not H37_FRESH.intersection(ws[:s])
        if find(ws[e:], H37_LACKING) and (_stolen(ws[:s]) or left):
            out.append((s, e))
    return out


# -- services ------------------------------------------------------------------------------
H37_OVER = phrases("""
    tan rồi, giải tán rồi, chạy hết rồi, bỏ chạy hết, chạy mất rồi, đi hết rồi, tản đi hết,
    tụi nó chạy rồi, tụi nó đi rồi, tan hàng rồi, dẹp rồi
""")
H37_ATTACK = frozenset({"violence", "brawl", "crime"})
H37_WOUND = "wound"
# an attacker still near or coming back: the police still ("còn thằng kia núp trong hẻm")
H37_LURK = words("núp nấp rình đợi chờ trốn lảng vảng") | {"quay", "hẹn"}


def round37h_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """The fight over, someone left wounded: 115 (module docstring)."""
    if service != "113":
        return service
    over = find(ws, H37_OVER)
    end = over[0][1] if over else len(ws)
    if not over or H37_LURK.intersection(ws[end:]):
        return service
    alive = [h for h in hits if not h.negated and h.start >= end]
    if any(H37_WOUND in h.entry.tags for h in alive) and not any(
        H37_ATTACK & h.entry.tags and H37_WOUND not in h.entry.tags for h in alive
    ):
        return "115"
    return service
