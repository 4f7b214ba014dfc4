"""Round 33Y of issue 13 (writer Y of session 18: short blunt medical emergencies head to toe,
said by what is seen, and calm lines whose body words are past, treated, denied or asked).

115, signs read together (:data:`Y33_COMBOS`):

- **A stroke said plainly**: slurred speech ("nói đớt đớt", "líu lưỡi", "nói ngọng nghịu")
  with a mouth or face drooping ("miệng xệ", "méo miệng qua một bên", "mép xệ xuống") or
  another stroke sign (a longer slurring phrase no longer hides the pair).
- **Sudden confusion and an unsteady walk** ("nói năng lộn xộn", "hổng nhận ra ai" with
  "đi đứng loạng choạng", "đi lảo đảo", "bước đi xiêu vẹo").
- **A pregnancy with blurred sight** ("bầu tám tháng ... mắt nhìn mờ mờ", "mang thai ...
  nhìn hổng rõ", "thấy đom đóm"): a sign of eclampsia, wherever the headache or swelling is.
- **A young infant** (weeks or days old, one or two months: "bảy tuần tuổi", "một tháng
  tuổi") **breathing fast, not feeding, limp** ("thở nhanh", "bú hông vô", "mềm oặt",
  "bỏ bú", "nằm lả").
- **A belly swollen hard, then vomiting** ("bụng chướng căng mấy bữa ... giờ ói ra",
  "bụng sình lên ... nôn ra mùi phân").
- **Deep, fast breathing with drowsiness** ("thở sâu thở mạnh ... li bì", the diabetic's
  acidosis; round 27N's sugar with it already).
- **A limb crushed and mangled** ("máy ép kẹp tay ... nát hết", "đè lên chân ... tím đen").
- **A scald** ("canh sôi đổ trúng ... phỏng hết lưng"), **sight gone suddenly with
  vomiting** ("mắt tối thui ... ói mửa"), **belly pain then green vomit** ("đau bụng quặn
  ... ói ra nước xanh").

Marks (:func:`round33y_revise`):

- a wound said **spurting or unstoppable** ("máu xịt ra hông cầm được", "cầm hổng nổi") is
  no minor wound, whatever "cầm được" inside it looks like;
- **a small thing swallowed earlier** ("nuốt đồng xu hồi trưa", "nuốt viên pin hôm qua")
  **then a sign now** ("giờ đau bụng", "ói ra có máu", "đi cầu ra máu"): the swallow is
  not past, it is the cause.

Service (:func:`round33y_service`):

- **a burn where the fire is out** ("xăng bắt lửa cháy hết hai cánh tay da tróc"): 115, not
  114, unless the fire is still burning, spreading, in a house or someone is trapped;
- **a limb crushed then freed** ("xe đè lên chân mới kéo ra được mà chân tím đen"): 115,
  not 114, unless still caught.

Calm: a past stroke ("tai biến hồi năm ngoái giờ còn nói ngọng"), a cut that stopped
("đứt tay chút xíu cầm được rồi"), a coin swallowed last week and passed ("đi cầu ra rồi"),
a burn treated, a child learning to talk ("bé hai tuổi nói ngọng").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_round32v import V32_STILL_CAUGHT
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import Phrases, phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["Y33_COMBOS", "Y33_ENTRIES", "round33y_revise", "round33y_service"]

_DROOP = """
    miệng xệ, miệng xệ xuống, mép xệ, mép xệ xuống, khóe miệng xệ, miệng lệch,
    miệng kéo lệch, mép lệch
"""
_SLUR = """
    nói líu, nói líu lại, nói lơ lớ, nói chữ được chữ mất
"""
_GAIT = """
    đi đứng loạng choạng, đi loạng choạng, loạng choạng, đi lảo đảo, lảo đảo, đi xiêu vẹo,
    bước đi xiêu vẹo, đi đứng xiêu vẹo, đi hổng vững, đi không vững, đi hông vững,
    đi đứng không vững, đi đứng hổng vững, đi liêu xiêu, bước thấp bước cao
"""
_CONFUSED = """
    lơ ngơ, nói trước quên sau, hỏi gì trả lời nấy, nói năng lẫn lộn, nói lẫn lộn
"""
_BLUR = """
    nhìn không rõ, nhìn hổng rõ, nhìn hông rõ, mắt nhìn mờ, mắt nhìn mờ mờ, nhìn mờ mờ,
    mắt mờ đi, mắt nhòe, nhìn nhòe, thấy đom đóm, mắt thấy đom đóm, mắt nổ đom đóm
"""
_YOUNG = (
    pairings(
        ("", "mới", "được", "mới được"),
        ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một",
         "mười hai", "mấy"),
        ("tuần tuổi", "ngày tuổi"),
    )
    + ", "
    + pairings(("", "mới", "được", "mới được"), ("một", "hai"), ("tháng tuổi",))
    + ", tháng rưỡi tuổi, một tháng rưỡi tuổi, tuần tuổi, ngày tuổi"
)  # fmt: skip
_BABY_SIGN = """
    thở nhanh, thở dồn,
    bú {k} vô, bú {k} được gì, {k} bú gì, {k} bú, mềm rũ, nằm rũ
"""
_BLOATED = """
    bụng sình lên, bụng sình to, bụng sình cứng, bụng chướng lên cứng,
    bụng căng như trống, bụng trướng to, bụng trướng cứng
"""
_VOMIT = """
    ói ra mùi phân, nôn ra mùi phân, mửa ra mùi phân, ói ra phân, nôn ra phân
"""
_DEEP = """
    thở sâu thở mạnh, thở mạnh thở sâu, thở sâu và nhanh, thở nhanh và sâu, thở sâu dồn dập
"""
_DROWSY = "ngủ mê mệt, ngủ lịm"
_MANGLED = """
    nát hết, nát bươm, nát hết trơn, nát luôn, bẹp dí, dẹp lép, nát be nát bét
"""

# fmt: off
Y33_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _DROOP, tags="y33_droop", fold="tone"),
    entry(None, "normal", 0, _SLUR, tags="y33_slur", fold="tone"),
    entry(None, "normal", 0, _GAIT, tags="y33_gait", fold="tone"),
    entry(None, "normal", 0, _CONFUSED, tags="y33_confused", fold="tone"),
    entry(None, "normal", 0, _BLUR, tags="y33_blur", fold="exact"),
    # the same meaning as the lexicon's "tháng tuổi" (a child named), with the age kept
    entry(None, "high", 0, _YOUNG, tags="person who y33_young", fold="tone"),
    entry(None, "normal", 0, _BABY_SIGN, tags="y33_baby_sign", fold="tone"),
    entry(None, "normal", 0, _BLOATED, tags="y33_bloated", fold="tone"),
    entry(None, "normal", 0, _VOMIT, tags="y33_vomit", fold="tone"),
    entry(None, "normal", 0, _DEEP, tags="y33_deep", fold="tone"),
    entry(None, "normal", 0, _DROWSY, tags="y33_drowsy", fold="tone"),
    entry(None, "normal", 0, _MANGLED, tags="y33_mangled", fold="tone"),
)
_SLURS = ("v32_slur", "y33_slur")
_FACES = ("y33_droop", "stroke_sign", "v32_face", "v32_limb")
_CONFUSIONS = ("confused", "y33_confused", "babble")
_PREGNANT_EYES = ("y33_blur", "methanol")
_BABY_SIGNS = ("y33_baby_sign", "c22_listless", "limp", "o30_fast")
_BELLIES = ("q27_bloated", "y33_bloated", "rigid")
_VOMITS = ("y33_vomit", "b28_head_sign")
_DEEPS = ("n27_deep", "y33_deep")
_DROWSIES = ("c22_listless", "y33_drowsy", "v32_drowsy")
_CRUSHES = ("press", "jam")
_CRUSHED = ("y33_mangled", "v32_mangled", "b28_dusky")
Y33_COMBOS: tuple[Combo, ...] = (
    *(signs_together(a, b, 12) for a in _SLURS for b in _FACES),
    signs_together("y33_droop", "stroke_sign", 12),
    signs_together("y33_droop", "v32_limb", 12),
    *(signs_together(a, "y33_gait", 14) for a in _CONFUSIONS),
    *(signs_together("pregnant", b, 14, ordered=True, at_second=True) for b in _PREGNANT_EYES),
    *(signs_together("y33_young", b, 16, ordered=True) for b in _BABY_SIGNS),
    *(signs_together(a, b, 18, ordered=True, at_second=True) for a in _BELLIES for b in _VOMITS),
    *(signs_together(a, b, 10) for a in _DEEPS for b in _DROWSIES),
    *(signs_together(a, b, 14, ordered=True, at_second=True) for a in _CRUSHES for b in _CRUSHED),
    signs_together("boiling", "burn", 10, ordered=True),
    signs_together("m27_blind", "b28_head_sign", 12),
    signs_together("belly", "n27_green", 14, ordered=True, at_second=True),
)
# fmt: on

# -- marks ---------------------------------------------------------------------------------
Y33_UNSTOPPED = phrases("""
    hông cầm, hổng cầm, không cầm, chưa cầm, cầm không được, cầm hổng được, cầm hông được,
    cầm không nổi, cầm hổng nổi, cầm hông nổi, xịt ra, xịt máu, máu xịt, phun ra, máu phun,
    vọt ra, chảy ròng ròng, chảy không ngừng, chảy hổng ngừng, chảy hông ngừng
""")
Y33_SWALLOW = words("nuốt")
Y33_OBJECTS = words("xu pin cúc nam châm đinh kim ốc vít hạt bi")
Y33_OBJECT_REACH = 4
Y33_SIGNS_NOW = phrases("""
    đau bụng, ói, nôn, mửa, có máu, ra máu, đi cầu ra máu, ói ra máu, nôn ra máu,
    chảy nước miếng, nuốt không được, nuốt hổng được, nuốt hông được, khó thở, quấy khóc,
    khóc thét, ôm bụng
""")
Y33_SIGN_REACH = 12
Y33_SIGN_DENIED = words("hết không hổng hông chẳng chưa đỡ bớt")


def _swallowed_then_sign(ws: list[str]) -> list[int]:
    """Where a small thing swallowed is followed by a sign said now (not denied)."""
    out = []
    for k, w in enumerate(ws):
        near = ws[k + 1 : k + 1 + Y33_OBJECT_REACH]
        if w not in Y33_SWALLOW or not Y33_OBJECTS.intersection(near):
            continue
        after = ws[k + 1 : k + 1 + Y33_OBJECT_REACH + Y33_SIGN_REACH]
        for s, _ in find(after, Y33_SIGNS_NOW):
            if not Y33_SIGN_DENIED.intersection(after[max(0, s - 1) : s]):
                out.append(k)
                break
    return out


def round33y_revise(marks: Marks, ws: list[str]) -> Marks:
    """An unstoppable or spurting wound is no minor wound; a swallow with a sign after it is
    not past (module docstring)."""
    out = dict(marks)
    if marks.get("minor_wound") and find(ws, Y33_UNSTOPPED):
        out["minor_wound"] = []
        calm = list(marks.get("calm_scene", []))
        if (0, 1) in calm:
            calm.remove((0, 1))
        out["calm_scene"] = calm
    swallowed = _swallowed_then_sign(ws)
    if swallowed and marks.get("past"):
        out["past"] = [(s, e) for s, e in marks["past"] if not any(s <= k < e for k in swallowed)]
    return out


# -- services --------------------------------------------------------------------------------
Y33_BODY = words("tay chân mặt người lưng ngực bụng đùi đầu cổ vai da mình")
Y33_BODY_REACH = 5
Y33_BURN_SIGNS = frozenset({"burn", "skin_off", "q27_charred", "l27_blister", "extent"})
Y33_STILL_BURNING = phrases("""
    đang cháy, còn cháy, vẫn cháy, cháy lan, lan qua, lan ra, lan sang, chưa tắt, chưa dập,
    khói mù, khói đen, mắc kẹt, kẹt trong, còn trong, cháy nhà, nhà cháy, cháy xưởng,
    cháy tiệm, cháy phòng, cháy rừng, cháy chợ, cháy lớn, bốc cháy dữ, ra không được,
    hổng ra được, không ra được, hông ra được, cháy dữ lắm
""")
Y33_FREED = phrases("""
    kéo ra được, gỡ ra được, lôi ra được, rút ra được, nhấc ra được, khiêng ra được,
    moi ra được, đưa ra được, kéo ra rồi, gỡ ra rồi, lôi ra rồi, rút ra rồi, nhấc lên được,
    kéo chân ra được, kéo tay ra được, rút tay ra được, rút chân ra được
""")
# Round 32V's "still caught" (crushed fingers stay 114) and more ways of saying it.
Y33_STILL_CAUGHT = V32_STILL_CAUGHT + phrases(
    "chưa lôi ra, chưa ra được, còn bị đè, vẫn bị đè, còn đè"
)
Y33_HAZARDS = frozenset({"water_body", "drowning", "live_wire", "gas", "trapped", "cannot_leave"})


def _only_114(hits: list[Hit], ws: list[str], tag: str, still: Phrases) -> int | None:
    """Where the last 114 hit ends when every one is tagged ``tag``, nothing says the danger
    is ``still`` there and no other hazard is named; else None."""
    rescue = [h for h in hits if h.entry.alarm == "114" and not h.negated]
    if not rescue or not all(tag in h.entry.tags for h in rescue):
        return None
    if find(ws, still) or any(Y33_HAZARDS & h.entry.tags for h in hits):
        return None
    return max(h.end for h in rescue)


def _burn_out(hits: list[Hit], ws: list[str]) -> bool:
    """A body burnt by a fire now out: every 114 hit a fire with a body part after it."""
    last = _only_114(hits, ws, "fire", Y33_STILL_BURNING)
    if last is None:
        return False
    body = Y33_BODY.intersection(ws[last : last + Y33_BODY_REACH])
    burnt = any(Y33_BURN_SIGNS & h.entry.tags and h.start >= last for h in hits)
    return bool(body) and burnt


def _crush_freed(hits: list[Hit], ws: list[str]) -> bool:
    """A limb crushed, then freed: every 114 hit a press before the freeing."""
    last = _only_114(hits, ws, "press", Y33_STILL_CAUGHT)
    return last is not None and any(s >= last for s, _ in find(ws, Y33_FREED))


def round33y_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """A burn with the fire out, a limb crushed then freed: 115, not 114 (module docstring)."""
    if service != "114":
        return service
    return "115" if _burn_out(hits, ws) or _crush_freed(hits, ws) else service
