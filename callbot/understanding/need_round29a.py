"""Round 29A of issue 13 (writer L of session 15: old people calling for themselves or for an
old spouse, slowly, politely, saying who they are first and the trouble late and mildly).

Time and resolution, read again (:func:`round29a_revise`):

- **A guess is no resolution**: "tức ngực quá mồ hôi lạnh ra ướt áo chắc hông sao đâu cô
  ha", "ho ra máu tươi ... mà chắc hông sao đâu hả cô": the caller's "chắc không sao"
  (probably nothing) does not take back what is said now ("bác sĩ nói không sao", "may
  hổng sao" still do).
- **Since this morning is now**: "ho ra máu tươi từng búng lớn từ hồi sáng hồi xưa tui bị
  lao phổi": a past marker said right after a "since" ("từ hồi sáng", "từ tối qua") begins
  a clause of its own and does not time what went before.
- **Just a moment ago**: "nửa người bên trái tê rần ... mới bị hồi nãy đây thôi": "hồi nãy"
  with "mới" before it is an onset, not a past event.
- **Not relieved**: "bị hen lâu năm xịt thuốc rồi mà hông đỡ thở rít lên": a long-standing
  condition's stretch ends where "mà không đỡ", "mà vẫn" tells that it is worse today.
- **Calling does not wake him**: "nằm ngay đơ người nóng như lửa gọi hông thưa": a simile's
  image ends where a call or a shake begins.

Signs (:data:`A29_ENTRIES`, :data:`A29_COMBOS`), 115:

- a stroke's face and speech: "mặt méo", "miệng méo", "méo miệng", "nói líu nhíu", "nói
  đớ", "mặt tê", and a cup that cannot be held ("cầm cái ly hông được"): two signs make
  the emergency (:mod:`.need_missed_medical`);
- heat told by the body: hot skin and no sweat ("người nóng hầm hập mà hông ra mồ hôi"),
  sunstroke then vomiting or shaking ("bị trúng nắng ... người run bần bật ... ói");
- a fall then confused speech or no word ("té trong nhà tắm ... nói năng lung tung");
- something swallowed then wheezing ("nuốt cái hàm răng giả ... thở khò khè");
- a kitchen knife's cut is an accident ("đứt tay bằng dao phay lúc chặt gà máu phun"): 115.

113: a break-in through the bars, the roof or the gate going on ("đang cắt cái song cửa
sổ", "giở tôn ra đang chui xuống", "mang theo búa đập cái khóa cổng"), a bag pulled from an
old person's hands ("đang giằng cái túi của tui").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import (
    NOT,
    Combo,
    Entry,
    Service,
    entry,
    pairings,
    signs_together,
)
from callbot.understanding.need_round22c import ended_at_turns
from callbot.understanding.need_round28c import C28_ATTACKERS
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import (
    CLAUSE_BREAKS,
    CLAUSE_END,
    NAY,
    SINCE,
    phrases,
    words,
)

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

# -- time and resolution --------------------------------------------------------------------
A29_GUESS = words("chắc")  # "chắc (là|cũng) hông sao"
A29_GUESS_GAP = words("là cũng")
A29_SINCE_TIMES = words("hồi lúc sáng trưa chiều tối khuya đêm hôm qua bữa sớm kia nay")
A29_SINCE_REACH = 3  # "từ hồi sáng", "từ tối hôm qua"
A29_JUST = words("mới vừa")
A29_AGO = words("hồi lúc")
A29_JUST_REACH = 3  # "mới bị hồi nãy", "mới hồi nãy"
A29_WORSE_TODAY = phrases("""
    mà không đỡ, mà hông đỡ, mà hổng đỡ, mà chưa đỡ, mà không bớt, mà hông bớt, mà hổng bớt,
    mà chưa bớt, mà không ăn thua, mà hông ăn thua, mà hổng ăn thua, mà vẫn, mà cũng không đỡ,
    mà cũng hông đỡ, mà cũng hổng đỡ, mà giờ vẫn
""")
A29_ROUSING = words("gọi kêu lay")
A29_IMAGE = 3  # how far after a simile a call may start ("nóng như lửa gọi hông thưa")


def _guessed(marks: Marks, ws: list[str]) -> list[tuple[int, int]]:
    """The "resolved" spans that are the caller's guess ("chắc hông sao", "chắc là không
    sao")."""
    out = []
    for s, e in marks.get("resolved", []):
        k = s - 1
        while k >= 0 and ws[k] in A29_GUESS_GAP and k > s - 3:
            k -= 1
        if k >= 0 and ws[k] in A29_GUESS:
            out.append((s, e))
    return out


def _since_before(ws: list[str], start: int) -> bool:
    """Whether a "since" time ("từ hồi sáng") ends right before ``start``."""
    k = start - 1
    while k >= 0 and start - k <= A29_SINCE_REACH and ws[k] in A29_SINCE_TIMES:
        k -= 1
    return k >= 0 and k < start - 1 and ws[k] in SINCE


def _ends_just_now(ws: list[str], span: tuple[int, int]) -> bool:
    """Whether a past span looks back from a trailing "mới bị hồi nãy (thôi)"."""
    b, e = span
    k = max((k for k in range(b, e - 1) if ws[k] in A29_AGO and ws[k + 1] in NAY), default=None)
    return k is not None and _just_now(ws, k) and all(w in CLAUSE_END for w in ws[k + 2 : e])


def _just_now(ws: list[str], start: int) -> bool:
    """ "mới bị hồi nãy": a marker of a moment ago said as an onset."""
    if start + 1 >= len(ws) or ws[start + 1] not in NAY:
        return False
    return bool(A29_JUST.intersection(ws[max(0, start - A29_JUST_REACH) : start]))


A29_DISCHARGED = phrases("""
    xuất viện vì, xuất viện do, xuất viện sau khi, xuất viện sau vụ, ra viện vì, ra viện do,
    ra viện sau khi, về từ bệnh viện sau khi, từ bệnh viện về sau khi, mổ xong vì
""")
A29_CAUSE_REACH = 6  # what the stay just ended was for ("xuất viện vì tai biến")


def round29a_marks(ws: list[str]) -> Marks:
    """ "mới xuất viện vì tai biến": the cause of a hospital stay just ended is past, up to
    the next clause break."""
    past = []
    for _, e in find(ws, A29_DISCHARGED):
        stop = next(
            (k for k in range(e, min(len(ws), e + A29_CAUSE_REACH)) if ws[k] in CLAUSE_BREAKS),
            min(len(ws), e + A29_CAUSE_REACH),
        )
        past.append((e, stop))
    return {"past": past}


def round29a_revise(marks: Marks, ws: list[str]) -> Marks:
    """``marks`` read again (module docstring): a guess, "since" and "just" times, a turn
    for the worse, a call after a simile."""
    out = dict(marks)
    guessed = _guessed(marks, ws)
    if guessed:
        out["resolved"] = [sp for sp in marks["resolved"] if sp not in guessed]
    for key in ("timed", "long_ago"):  # the spans a past marker times, back to its start
        timed = marks.get(key, [])
        kept = [(b, s) for b, s in timed if not (_since_before(ws, s) or _just_now(ws, s))]
        if len(kept) != len(timed):
            out[key] = kept
    onset = [sp for sp in marks.get("past", []) if _ends_just_now(ws, sp)]
    if onset:
        out["past"] = [sp for sp in marks["past"] if sp not in onset]
    if marks.get("chronic"):
        out["chronic"] = ended_at_turns(marks["chronic"], ws, A29_WORSE_TODAY)
    similes = marks.get("simile", [])
    if similes:
        image = A29_IMAGE
        out["simile"] = [
            (s, e) for s, e in similes if not A29_ROUSING.intersection(ws[e + 1 : e + 1 + image])
        ]
    return out


# -- signs ----------------------------------------------------------------------------------
# (the lexicon's "méo miệng", "miệng méo", "nói đớ", "líu lưỡi" are emergencies alone)
_STROKE_FACE = """
    mặt méo, mặt méo đi, mồm méo, môi méo, nói líu nhíu, nói líu ríu, lưỡi líu lại,
    mặt tê tê, mặt tê, tê nửa mặt, nửa mặt tê, một bên mặt tê
"""
_CUP_NOT_HELD = pairings(
    ("cầm",),
    ("cái ly", "ly", "cái chén", "chén", "đôi đũa", "đũa", "cái muỗng", "muỗng"),
    ("{k} được", "{k} nổi", "{k} được rớt", "{k} được rơi"),
)
_NO_SWEAT = """
    hông ra mồ hôi, không ra mồ hôi, hổng ra mồ hôi, hông có mồ hôi, không có mồ hôi,
    hổng có mồ hôi, khô không có mồ hôi, khô hông có mồ hôi, hông đổ mồ hôi, không đổ mồ hôi
"""
# (the lexicon's "nói sảng", "co giật" are emergencies alone; "run bần bật", "ói hoài",
# "nôn liên tục", "lừ đừ" have tags of their own, read by the combos)
_SUN_SIGNS = "ói lên ói xuống"
_KITCHEN = """
    lúc chặt gà, lúc chặt thịt, lúc chặt xương, lúc thái thịt, lúc thái rau, lúc làm cá,
    lúc làm gà, lúc cắt thịt, lúc băm thịt, khi chặt gà, khi chặt thịt, khi làm cá,
    đang chặt gà, đang chặt thịt, đang làm cá, đang thái thịt, đang băm thịt
"""
_BREAKING_IN = """
    đang cắt cái song cửa, đang cắt song cửa, đang cưa cái song cửa, đang cưa song cửa,
    đang bẻ song cửa, đang cạy song cửa, đang cắt chấn song, đang cưa chấn song,
    giở tôn ra đang chui, gỡ tôn ra đang chui, dỡ tôn ra đang chui, lột tôn ra đang chui,
    đập cái khóa cổng, đập khóa cổng, đập phá khóa cổng
"""  # (not "cắt", "phá", "cạy khóa cổng": a locksmith's work too)
_SNATCHING = pairings(
    ("đang giằng", "đang giựt", "đang giật"),  # not "đang giành" (children squabbling)
    ("cái túi", "cái giỏ", "túi", "giỏ", "cái bóp", "bóp", "cái ví", "ví"),
    ("của tui", "của tôi", "của bà", "của ông", ""),
)
_NECK = """
    cổ đau {k} quay được, cái cổ đau {k} quay được, cổ {k} quay được, {k} quay cổ được,
    đau cổ {k} quay được, cổ cứng đơ {k} quay được
"""
_HERNIA = "thoát vị, chỗ thoát vị, cục thoát vị"  # round 28B's "sa ruột" is ``b28_hernia``
_RETENTION = "bí tiểu, bí đái, bị bí tiểu, bị bí đái"
_BLADDER_FULL = """
    căng cứng, căng tức, {k} tiểu được một giọt, {k} tiểu được giọt nào, {k} đi tiểu được,
    {k} tiểu ra được
"""
# ("quay cuồng", "trời đất quay cuồng" are round 21B's ``b21_fainting``)
_SPINNING = "quay mòng mòng, nhà cửa quay mòng mòng, nhà cửa quay cuồng, xoay vòng vòng"
# ("{k} đứng dậy được" is an emergency alone; "{k} đứng dậy nổi" is round 23E's)
_CANNOT_STAND = "{k} đứng được, {k} đứng nổi"
_RISING = """
    nước ngập lên tới, nước ngập tới lưng, nước lên tới lưng, nước lên nhanh lắm, tràn vô nhà,
    tràn vào nhà, lên tới bụng, ngập tới bụng
"""
_NOWHERE = "{k} có chỗ nào đi, {k} có chỗ nào chạy, {k} biết chạy đi đâu, {k} biết chạy đâu"

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
A29_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _STROKE_FACE, tags="stroke_sign", fold="tone"),
    entry(None, "normal", 0, _CUP_NOT_HELD, tags="stroke_sign", fold="tone"),
    entry(None, "normal", 0, _NO_SWEAT, tags="a29_no_sweat", fold="tone"),
    entry(None, "normal", 0, _SUN_SIGNS, tags="a29_sun_sign", fold="tone"),
    entry(None, "normal", 0, _KITCHEN, tags="a29_kitchen", fold="tone"),
    entry("violation", "emergency", 5, _BREAKING_IN, tags="violence", fold="tone",
          service="113"),
    # exact: toneless "vi", "tui" are also "vì", "tui" ("đang giật vì sốt")
    entry("violation", "emergency", 5, _SNATCHING, tags="violence", fold="exact",
          service="113"),
    entry(None, "normal", 0, _NECK, tags="a29_neck", fold="tone"),
    entry(None, "normal", 0, _HERNIA, tags="a29_hernia", fold="tone"),
    entry(None, "normal", 0, "thoát vị đĩa đệm, thoát vị cột sống", fold="tone"),  # the back
    # exact: toneless "bi tieu" is also "bị tiểu (đường)"
    entry("medical", "normal", 1, _RETENTION, tags="a29_retention", fold="exact"),
    entry(None, "normal", 0, _BLADDER_FULL, tags="a29_full", fold="tone"),
    entry(None, "normal", 0, _SPINNING, tags="a29_spinning", fold="tone"),
    entry(None, "normal", 0, _CANNOT_STAND, tags="a29_cannot_stand", fold="tone"),
    entry(None, "normal", 0, _RISING, tags="flood", fold="tone"),
    entry(None, "normal", 0, _NOWHERE, tags="a29_nowhere", fold="tone"),
)
A29_COMBOS: tuple[Combo, ...] = (
    # round 27L's hot body ("người nóng hầm hập") and no sweat
    signs_together("l27_body_hot", "a29_no_sweat", 8, ordered=True),
    # sunstroke ("trúng nắng", ``heat``) then vomiting, shaking, raving
    signs_together("heat", "a29_sun_sign", 16, ordered=True),
    signs_together("heat", "a29_no_sweat", 16),
    signs_together("heat", "hypo_sign", 16, ordered=True),  # "run bần bật" (round 28A)
    # a fall then confused speech (round 1's ``fall``, ``confused``)
    signs_together("fall", "confused", 16, ordered=True),
    # something swallowed then wheezing
    signs_together("swallow", "wheeze", 12, ordered=True),
    # a kitchen knife's deep cut ("máu phun thành tia" is round 1's ``wound``)
    signs_together("a29_kitchen", "wound", 8, ordered=True),
    # a fall then a neck that cannot turn (round 23E's "té từ")
    signs_together("fall", "a29_neck", 16, ordered=True),
    signs_together("e23_fell_from", "a29_neck", 16, ordered=True),
    # a hernia that cannot be pushed back; a bladder that cannot empty
    signs_together("a29_hernia", "b28_stuck_out", 12, ordered=True),  # round 28B's
    signs_together("b28_hernia", "b28_stuck_out", 12, ordered=True),
    signs_together("a29_retention", "a29_full", 12, ordered=True),
    signs_together("a29_retention", "rigid", 12, ordered=True),  # "bụng căng cứng"
    # the room spinning and cannot stand
    signs_together("a29_spinning", "a29_cannot_stand", 6, ordered=True),
    # round 21B's "trời đất quay cuồng" (``b21_fainting``)
    signs_together("b21_fainting", "a29_cannot_stand", 6, ordered=True),
    signs_together("a29_spinning", "e23_cannot_rise", 6, ordered=True),
    signs_together("b21_fainting", "e23_cannot_rise", 6, ordered=True),
    # water rising and nowhere to go
    Combo(("flood", "a29_nowhere"), "other", "emergency", 5, window=16, ordered=True,
          service="114"),
)
# fmt: on

A29_ATTACKERS = C28_ATTACKERS | words("chém đâm")  # round 28C's, and who cuts or stabs
A29_KITCHEN_REACH = 8  # from the knife to the work ("dao phay lúc chặt gà")


A29_CANNOT = {(k, w) for k in NOT for w in ("nổi", "được", "ra")}
A29_LOCKED = words("khóa nhốt")
A29_DARE = "dám"


def _own_attempt(hit: Hit, ws: list[str]) -> bool:
    """ "phá cửa hông nổi": the caller's own try at a door, no break-in."""
    return "phá" in ws[hit.start : hit.end] and tuple(ws[hit.end : hit.end + 2]) in A29_CANNOT


def round29a_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """ "đứt tay bằng dao phay lúc chặt gà": a knife at kitchen work, nobody else named, is
    115; "khóa trái cửa ... kêu hông trả lời ... phá cửa hông nổi": a door the caller cannot
    force, nobody else named, is 114; "có người lạ đang lục đồ ... tui nằm trên gác hổng dám
    xuống": hiding from an intruder is 113 (module docstring)."""
    police = [h for h in hits if h.entry.alarm == "113"]
    if service == "114":  # "trên gác hổng dám xuống": fear of the intruder, no trap
        rescue = [h for h in hits if h.entry.alarm == "114"]
        afraid = all(A29_DARE in ws[h.start : h.end] for h in rescue)
        return "113" if police and rescue and afraid else service
    if A29_ATTACKERS.intersection(ws) or service not in ("113", "115"):
        return service
    if police and all(_own_attempt(h, ws) for h in police):
        return "114" if A29_LOCKED.intersection(ws) else "115"
    if service != "113":
        return service
    work = [h.start for h in hits if "a29_kitchen" in h.entry.tags]
    if (
        work
        and police
        and all(any(abs(h.start - k) <= A29_KITCHEN_REACH for k in work) for h in police)
    ):
        return "115"
    return service
