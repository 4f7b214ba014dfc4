"""Round 31S of issue 13 (writer S of session 16: the second development part's medical
emergencies said again by a child, an old person about a spouse, a migrant from the centre or
the north, and in a call of a few words).

115, signs read alone:

- **No breath left**: "giờ bả hổng còn hơi thở", "ổng không còn hơi thở nữa" (not "hết hơi",
  out of breath after a climb).
- **Blood gushing**: "máu xối xả", "máu chảy xối xả", "máu tuôn xối xả".
- **A baby half out and no further**: "đứa bé ra được nửa người", "em bé ra được một nữa
  rồi" ("nữa" is how a transcript often writes "nửa").

115, signs read together (:data:`S31_COMBOS`):

- a newborn that does not cry and is blue or dusky, in either order: "hông khóc người xanh lè",
  "hổng khóc tiếng nào mình mẩy tím bầm", "người xanh mét hổng khóc";
- a nest disturbed ("đụng tổ ong", "chọc trúng tổ ong vò vẽ") or a sting heard "ong đốc" (the
  south's final t said c), then many stings, a swollen face, dizziness or the world spinning:
  "bị đốt mấy chục mũi", "mặt mày sưng vù", "chóng mặt muốn té";
- a dog's bite that tears ("chó cắn toạc cả bắp chân", "cắn rách nguyên cái tay");
- a known high blood pressure ("cao máu", the south's word; "huyết áp vọt lên") with a head
  splitting ("nhức như búa bổ", "đau như muốn nổ tung") or vomiting that does not stop ("nôn
  thốc nôn tháo", "nôn mãi không dừng"); a head splitting and such vomiting together;
- a birth ("sanh đứa nhỏ", "đẻ ở nhà"), then blood soaking the towels ("máu ra ướt đẫm mấy
  cái khăn"); a birth, then the child stuck ("đứa nhỏ kẹt giữa chừng": 115, not 114's
  trapped, :func:`round31s_service`);
- breathing that rattles ("thở khọt khẹt trong cổ") and stops a while before the next breath
  ("ngưng một hồi lâu mới hít vô lại").

Readings: the oxygen clip said "cái máy kẹp ngón tay" with its number ("chỉ tám mươi mấy").

Marks (:func:`round31s_revise`):

- a long illness told first ("bịnh phổi lâu năm", "trầm cảm lâu rồi", "cao máu lâu rồi") ends
  where tonight's event starts ("đêm nay", "hồi nãy", "hồi khuya", "sáng nay"): what follows
  is no chronic complaint;
- freed from a machine ("rút ra được rồi", "kéo ra được rồi") then "mà ..." is no resolution:
  the wound is told after it ("rút ra được rồi mà nát hết").

Calm: mosquito bites ("muỗi đốt mấy chục mũi sưng vù": no nest, no bee), a baby that does not
cry at a vaccination, a blood pressure measured high with no sign, years of snoring with
pauses (``chronic``), freed from a jam and fine ("kéo ra được rồi không sao").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_round22c import ended_at_turns
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["S31_COMBOS", "S31_ENTRIES", "born_stuck", "round31s_revise", "round31s_service"]

_NO_BREATH = "{k} còn hơi thở, {k} còn hơi thở nữa, tắt hơi thở"
_GUSHING = """
    máu xối xả, máu chảy xối xả, máu ra xối xả, máu tuôn xối xả, máu phun xối xả,
    máu văng xối xả, chảy máu xối xả
"""
_HALF_OUT = pairings(
    ("em bé", "đứa bé", "đứa nhỏ", "cái đầu em bé"),
    ("ra được", "lòi ra được", "ra mới được"),
    ("nửa người", "một nửa", "một nữa", "phân nửa", "nữa người"),
)
# a boy crawling half out of a window is no birth: these only with a birth told
_HALF_OUT_BIRTH = (
    pairings(
        ("thằng nhỏ", "con nhỏ", "em bé", "đứa bé", "đứa nhỏ"),
        ("chui ra được",),
        ("nửa người", "một nửa", "một nữa", "phân nửa", "nữa người"),
    )
    + ", "
    + pairings(
        ("thằng nhỏ", "con nhỏ"),
        ("ra được", "lòi ra được", "ra mới được"),
        ("nửa người", "một nửa", "một nữa", "phân nửa", "nữa người"),
    )
)
_BLUE = "người xanh mét, mặt xanh mét, xanh mét cả người, tím bầm cả người, mình mẩy xanh lè"
_NEST = pairings(
    ("đụng", "đụng trúng", "đụng nhằm", "chọc trúng", "đạp trúng"),
    ("tổ ong", "ổ ong", "tổ ong vò vẽ", "tổ ong bò vẽ", "tổ bắp cày", "tổ ong đất", "tổ ong vàng"),
)
# the south's final t said c ("đốt" heard "đốc")
_STUNG_C = "ong đốc, bị ong đốc, ong vò vẽ đốc, ong chích đốc, bắp cày đốc, ong đất đốc"
# "bị" first: "ong mật đốt" is round 18's sting, kept whole
_MANY_STINGS = pairings(
    ("bị đốt", "bị chích", "bị đốc"),
    ("mấy chục mũi", "cả chục mũi", "chục mũi", "mấy chục chỗ", "quá trời chỗ", "khắp mình",
     "khắp mặt", "đầy mặt", "mấy chục cái"),
)  # fmt: skip
_TEARING = pairings(
    ("cắn toạc", "cắn rách", "cắn nát", "cắn đứt", "cắn lủng"),
    ("", "cả", "hết", "nguyên", "nguyên cái", "cái"),
    ("tay", "cánh tay", "chân", "bắp chân", "bắp tay", "mặt", "đùi", "cổ", "bụng", "vai",
     "mông", "ống chân", "bàn tay", "bàn chân"),
)  # fmt: skip
_PRESSURE = """
    huyết áp vọt lên, huyết áp vọt, huyết áp tăng vọt, huyết áp lên vọt, huyết áp nhảy lên,
    huyết áp vọt lên tới, huyết áp vọt tới
"""
_HIGH_BLOOD = "cao máu, bịnh cao máu, bệnh cao máu, bị cao máu"
_HEAD_SPLITS = """
    nhức như búa bổ, đau như búa bổ, như búa bổ, như muốn nổ tung, muốn nổ tung đầu,
    đầu muốn nổ tung, đau như muốn nổ tung, nhức như muốn nổ tung, như muốn bể đầu,
    đau muốn bể đầu, nhức muốn bể đầu, nhức như muốn bể
"""
_VOMIT_HARD = """
    nôn thốc nôn tháo, ói thốc ói tháo, nôn thốc, ói thốc, nôn mãi không dừng,
    nôn mãi không ngừng, nôn không ngừng, ói không ngừng, ói hoài không dứt, nôn liên tục,
    ói liên tù tì, mửa liên tục
"""
_BIRTH = """
    sanh đứa nhỏ, đẻ đứa nhỏ, sinh đứa nhỏ, sanh đứa bé, đẻ đứa bé, sinh đứa bé, sanh gấp ở nhà,
    đẻ gấp ở nhà, sinh gấp ở nhà, sanh ở phòng trọ, đẻ ở phòng trọ, sinh ở phòng trọ,
    sanh ở nhà trọ, đẻ ở nhà trọ, sinh ở nhà trọ
"""
_SOAKED = """
    ướt đẫm mấy cái khăn, ướt đẫm khăn, ướt đẫm hết khăn, thấm ướt mấy cái khăn,
    ướt sũng mấy cái khăn, thấm đẫm mấy cái khăn, ướt nhẹp mấy cái khăn, ướt mấy cái khăn
"""
_MIDWAY = "kẹt giữa chừng, kẹt lại giữa chừng, mắc kẹt giữa chừng"
_RATTLE = """
    thở khọt khẹt, khọt khẹt, thở khục khặc, thở ọc ọc, ọc ọc trong cổ, thở rột rột,
    rột rột trong cổ, thở khò khè trong cổ, khò khè trong cổ, thở khèn khẹt
"""
_PAUSE = pairings(
    ("ngưng", "ngừng", "ngưng thở", "ngừng thở", "nín thở", "hổng thở"),
    ("một hồi", "một hồi lâu", "một lát", "một lúc", "hồi lâu", "một chặp", "cả chục giây"),
    ("mới hít vô lại", "mới thở lại", "mới hít lại", "mới thở tiếp", "mới hít vô", "mới thở"),
)
_CLIP = "cái máy kẹp ngón tay, máy kẹp ngón tay, máy kẹp ngón"
# a cut made on oneself ("cứa tay" alone is round 29B's cut, kept in the tags)
_SELF_CUT = """
    cứa tay mình, cắt tay mình, rạch tay mình, tự cứa tay, tự cắt tay, tự rạch tay,
    cứa cổ tay mình, rạch cổ tay mình, cắt cổ tay mình, tự cứa cổ tay, tự rạch cổ tay
"""

# fmt: off
S31_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, _NO_BREATH, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _GUSHING, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 5, _HALF_OUT, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _HALF_OUT_BIRTH, tags="s31_half", fold="tone"),
    entry(None, "normal", 0, _BLUE, tags="n30_blue", fold="tone"),
    entry(None, "normal", 0, _NEST, tags="s31_bee", fold="tone"),
    entry(None, "normal", 0, _STUNG_C, tags="s31_bee", fold="tone"),
    entry(None, "normal", 0, _MANY_STINGS, tags="s31_stings", fold="tone"),
    entry(None, "normal", 0, _TEARING, tags="n30_tearing", fold="tone"),
    entry("medical", "normal", 3, _PRESSURE, tags="sick pressure", fold="tone"),
    entry("medical", "normal", 3, _HIGH_BLOOD, tags="sick chronic pressure", fold="tone"),
    entry(None, "normal", 0, _HEAD_SPLITS, tags="s31_head", fold="tone"),
    entry(None, "normal", 0, _VOMIT_HARD, tags="s31_vomit", fold="tone"),
    entry(None, "normal", 0, _BIRTH, tags="birth", fold="tone"),
    entry(None, "normal", 0, _SOAKED, tags="bleeding_on", fold="tone"),
    # round 1's trapped (114), said longer; after a birth it is the child's (115)
    entry("other", "emergency", 5, _MIDWAY, tags="trapped s31_midway", fold="tone",
          service="114"),
    entry(None, "normal", 0, _RATTLE, tags="s31_rattle", fold="tone"),
    entry(None, "normal", 0, _PAUSE, tags="s31_pause", fold="tone"),
    entry("medical", "high", 3, _CLIP, tags="measure jam stuck", fold="tone"),
    entry(None, "normal", 0, _SELF_CUT, tags="b29_cut s31_self", fold="tone"),
)
S31_COMBOS: tuple[Combo, ...] = (
    signs_together("e23_silent_baby", "n30_blue", 8),
    signs_together("n30_silent", "n30_blue", 8),
    signs_together("e23_silent_baby", "b28_dusky", 8),
    signs_together("n30_silent", "b28_dusky", 8),
    signs_together("s31_bee", "s31_stings", 8, ordered=True),
    signs_together("s31_bee", "swollen", 20, ordered=True),
    signs_together("s31_bee", "q27_faintish", 12, ordered=True),
    signs_together("s31_bee", "a29_spinning", 24, ordered=True),
    signs_together("s31_stings", "q27_faintish", 12, ordered=True),
    signs_together("s31_stings", "a29_spinning", 24, ordered=True),
    signs_together("animal", "n30_tearing", 6, ordered=True),
    signs_together("pressure", "s31_head", 24, ordered=True, at_second=True),
    signs_together("pressure", "s31_vomit", 24, ordered=True, at_second=True),
    signs_together("s31_head", "s31_vomit", 8),
    signs_together("birth", "bleeding_on", 16, ordered=True, at_second=True),
    signs_together("birth", "s31_midway", 6, ordered=True),
    signs_together("birth", "s31_half", 12, ordered=True),
    signs_together("s31_rattle", "s31_pause", 24, ordered=True),
)
# fmt: on

# A long illness ends where tonight's event is told.
S31_TONIGHT = phrases("""
    đêm nay, tối nay, sáng nay, trưa nay, chiều nay, khuya nay, hồi nãy, lúc nãy, khi nãy,
    mới nãy, hồi khuya, hồi tối, tự nhiên bữa nay
""")
# Freed from what held a hand ("rút ra được rồi"), then "mà": the wound is told next.
S31_FREED = phrases("rút, kéo, gỡ, lôi, cạy, lấy, kéo tay, rút tay")
S31_BUT = phrases("mà, nhưng, mà giờ, nhưng mà")
# "ra được một nửa rồi": half out, no resolution
S31_HALF = phrases("một nửa, một nữa, nửa người, nữa người, phân nửa")
# A moment ago, a measure taken ("hồi nãy tui đo cho bả"): the state now, no past event.
S31_MOMENT_AGO = phrases("hồi nãy, lúc nãy, khi nãy, mới nãy, vừa nãy")
S31_MEASURED = phrases("đo, đo thử, đo lại")
S31_MEASURE_REACH = 3
# Bleeding that cannot be stopped is now ("lấy khăn đè mà hổng cầm được").
S31_UNSTOPPED = phrases("""
    hổng cầm được, hông cầm được, không cầm được, cầm không được, cầm hổng được,
    cầm hông được, chặn không được, chặn hổng được, hổng cầm máu được, không cầm máu được
""")
S31_BLOOD = phrases("máu")
S31_BLOOD_REACH = 12
S31_SELF_REACH = 6  # the blade held, then the cut on oneself ("cầm dao lam cứa tay mình")
# a cut on oneself made to threaten or rob ("rạch tay mình dọa ... đòi tiền") stays 113
S31_THREAT = phrases("dọa, hăm, đòi tiền, đưa tiền, cướp, trấn, xin tiền")


def round31s_revise(marks: Marks, ws: list[str]) -> Marks:
    """``chronic`` ended at tonight's event; ``resolved`` freed-then-"mà" or half out taken
    back; ``past`` of a measure taken a moment ago taken back; an unstopped bleeding now."""
    out = dict(marks)
    if marks.get("chronic"):
        out["chronic"] = ended_at_turns(marks["chronic"], ws, S31_TONIGHT)
    resolved = marks.get("resolved", [])
    kept = [
        (s, e)
        for s, e in resolved
        if not (find(ws[max(0, s - 2) : s], S31_FREED) and find(ws[e : e + 2], S31_BUT))
        and not find(ws[s:e], S31_HALF)
    ]
    if len(kept) != len(resolved):
        out["resolved"] = kept
    past = marks.get("past", [])
    measured = [
        (s, e)
        for s, e in past
        if find(ws[s : s + 2], S31_MOMENT_AGO)
        and find(ws[s + 2 : s + 2 + S31_MEASURE_REACH], S31_MEASURED)
    ]
    if measured:
        out["past"] = [sp for sp in past if sp not in measured]
    now = []
    for s, _ in find(ws, S31_UNSTOPPED):
        blood = [b for b, _ in find(ws[max(0, s - S31_BLOOD_REACH) : s], S31_BLOOD)]
        if blood:
            now.append((max(0, s - S31_BLOOD_REACH) + blood[0], len(ws)))
    if now:
        out["now"] = [*marks.get("now", []), *now]
    return out


def round31s_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """A birth then a child stuck ("đẻ ở nhà đứa nhỏ kẹt giữa chừng"): 115, not 114; a blade
    held to cut oneself, bleeding ("cầm dao lam cứa tay mình máu chảy"): 115, not 113."""
    live = [h for h in hits if not h.negated]
    if service == "114" and born_stuck(live):
        return "115"
    selves = [h for h in live if "s31_self" in h.entry.tags]
    crimes = [h for h in live if h.entry.alarm == "113"]
    bleeding = any(h.entry.alarm == "115" for h in live) and not find(ws, S31_THREAT)
    if service == "113" and selves and crimes and bleeding and all(
        any(0 <= c.start - h.end <= S31_SELF_REACH or 0 <= h.start - c.end <= S31_SELF_REACH
            for h in selves)
        for c in crimes
    ):  # fmt: skip
        return "115"
    return service


def born_stuck(hits: list[Hit]) -> bool:
    """Whether every rescue said is a child stuck right after a birth is told: the rules' 115
    stands against the model's 114 (:mod:`.need`)."""
    rescue = [h for h in hits if h.entry.alarm == "114" and not h.negated]
    births = [h for h in hits if "birth" in h.entry.tags and not h.negated]
    # "kẹt giữa chừng" only: "mới sanh về bị kẹt trong thang máy" is a lift's rescue
    stuck = [h for h in hits if "s31_midway" in h.entry.tags and not h.negated]
    return (
        bool(births and stuck)
        and all(
            "s31_midway" in h.entry.tags and any(0 <= h.start - b.end <= 6 for b in births)
            for h in rescue
        )
        and any(any(0 <= h.start - b.end <= 6 for b in births) for h in stuck)
    )
