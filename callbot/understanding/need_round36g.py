"""Round 36G of issue 13 (writer G of session 18: new scenes in short southern lines, each
with mirrors that are over, denied, feared or asked about).

115, signs read together (:data:`G36_COMBOS`):

- **Purple spots spreading** ("nổi chấm tím lan nhanh quá", "ban tím lan khắp người"): spots
  that do not stay put are the danger sign, with or without a fever said.
- **A full bladder with a tight belly** ("hổng đi tiểu được bụng căng đau", "bí tiểu bụng
  căng tức"): urine held since hours with the belly swelling.
- **The heart racing, then unsteady** ("tim tui đập nhanh quá ngồi hổng vững", "tim đập
  loạn xạ đứng không nổi"): a racing heart and a body that cannot hold itself up.
  "tim tui đập nhanh" joins round 27N's palpitations (:data:`G36_ENTRIES`).
- **A yellow newborn, drowsy or not feeding** ("vàng da đậm lừ đừ hổng bú"): "lừ đừ"
  (``confused``) and a baby's refusal (round 33Y's ``y33_baby_sign``) after the yellow skin.
- **A numb tongue and a racing, uneven heart** ("tê lưỡi tim đập loạn xạ"): a poisoning
  (aconite wine, puffer fish) even when what was eaten or drunk is not named.
- **Numbness of the whole mouth** ("tê hết môi", "tê hết lưỡi") joins round 28B's
  ``b28_numb``, read with a wild food (puffer fish, toads) as a poisoning.

114 (:data:`G36_COMBOS`):

- **Gas leaking and people choking** ("rò khí hắc lắm cả xóm ho sặc sụa").
- **Hanging high up** ("tầng mười lăm ... đang lơ lửng"): "lơ lửng" said alone joins the
  lexicon's ``dangling``, read with a height (round 20's "đu lơ lửng" keeps its own 114).

113 (:data:`G36_ENTRIES`): **a gate kicked in** ("đang đạp cổng đòi vô", "phá cổng nhà tui"),
the lexicon's "đạp cửa" said of the gate; a bare "phá cổng" is a builder's word too ("xin phép
phá cổng cũ xây cổng mới": calm).

Marks (:func:`round36g_marks`): **seen by a doctor and sent home** ("rỉ nước ối bác sĩ cho
về nằm yên", "té đi khám em bé hổng sao", "mới cấp cứu vì hạ đường huyết về"): what was said
before is settled ("resolved"); a sign said after it (now) stays. Only a going to the emergency
room ("đi/mới/vô cấp cứu ... về") is one: an ambulance asked to come ("gọi cấp cứu về nhà tui
liền", "xe cấp cứu về đây gấp", "cấp cứu về chưa") settles nothing. Nor does a discharge or a
check said after a sign said now ("co giật nãy giờ hôm qua bác sĩ cho về") or right after a
past time ("đau ngực ... tuần trước đi khám tim thì bình thường"): it came before the sign.

Services (:func:`round36g_service`, a number reviser):

- **Already pulled out, hurt** ("té xuống hố mới kéo lên bỏng hết người", "bị xe đè gãy giò
  mới khiêng lên"): 114 becomes 115 when the rescue is said done and a body is hurt, unless
  someone is still down there ("còn", "đứa kia chưa thấy", "chưa lôi ra được"), or a fire,
  smoke, gas or water is named.
- **Impaled and still caught** ("cây sắt đâm xuyên đùi gỡ hổng ra"): 115 becomes 114, the
  bar has to be cut away (round 29C's ``c29_still_caught`` after a wound); a bar or a stake
  only, not a knife left in the wound ("con dao cắm trong bụng gỡ không ra": 115), and not
  one already cut ("... anh em cưa được rồi": 115).

Calm: one sign alone (a racing heart, a held bladder, a few spots, a gas smell); the scene
said as past, denied or asked about is left to the marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, signs_together
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import PAST, phrases, words

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["G36_COMBOS", "G36_ENTRIES", "round36g_marks", "round36g_service"]

_SPREADING = """
    lan nhanh, lan nhanh quá, lan ra, lan ra nhanh, lan khắp, lan khắp người, lan rộng,
    nổi thêm hoài, nổi lan ra, lan lẹ
"""
_BELLY = "bụng căng đau, bụng căng tức, căng tức bụng, bụng căng, bụng căng phồng"
_RACING = """
    tim tui đập nhanh, tim nó đập nhanh, tim ổng đập nhanh, tim bả đập nhanh,
    tim con đập nhanh, tim em đập nhanh, tim đập mạnh, tim tui đập mạnh
"""
# ("đứng không vững" is round 27Q's ``q27_faintish``; "tim đập nhanh" alone is the lexicon's)
_UNSTEADY = "ngồi {k} vững, ngồi {k} nổi, {k} ngồi vững"
# ("tê cứng lưỡi" is the lexicon's own ``b28_numb``)
_WHOLE_MOUTH = "tê hết môi, tê hết lưỡi, tê rần môi, tê rần lưỡi"
# a bare "phá cổng" is also a builder's word ("xin phép phá cổng cũ xây cổng mới")
_GATE = "đạp cổng, đạp cổng vô, phá cổng vô, đang phá cổng, phá cổng nhà tui"
# ("đu lơ lửng" is round 20's 114 alone: no longer phrase may hide it)
_DANGLING = "lơ lửng, đang lơ lửng"

# fmt: off
G36_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _SPREADING, tags="g36_spreading", fold="tone"),
    entry(None, "normal", 0, _BELLY, tags="g36_belly", fold="tone"),
    entry(None, "normal", 0, _RACING, tags="n27_palpitation g36_racing", fold="tone"),
    entry(None, "normal", 0, _UNSTEADY, tags="g36_unsteady", fold="tone"),
    entry(None, "normal", 0, _WHOLE_MOUTH, tags="b28_numb", fold="tone"),
    entry(None, "normal", 0, _DANGLING, tags="dangling", fold="tone"),
    entry("violation", "emergency", 5, _GATE, service="113", tags="crime breakin g36_gate",
          fold="tone"),
)
_HELD = ("a29_full", "a29_retention")
_BELLIES = ("g36_belly", "q27_bloated")
_HEARTS = ("n27_palpitation", "g36_racing")
_UNSTEADIES = ("g36_unsteady", "a29_cannot_stand", "q27_faintish")
G36_COMBOS: tuple[Combo, ...] = (
    signs_together("p27_purple", "g36_spreading", 8, ordered=True),
    # round 27Q's swollen belly ("bụng căng lên", ``q27_bloated``) too
    *(signs_together(a, b, 12) for a in _HELD for b in _BELLIES),
    *(signs_together(h, u, 12, ordered=True) for h in _HEARTS for u in _UNSTEADIES),
    signs_together("n27_yellow", "confused", 8, ordered=True),
    signs_together("n27_yellow", "y33_baby_sign", 10, ordered=True),
    signs_together("b28_numb", "n27_palpitation", 10),
    Combo(("gas", "q30_distress"), "other", "emergency", 5, window=12, ordered=True,
          service="114"),
)
# fmt: on

# -- services --------------------------------------------------------------------------
G36_PULLED_OUT = phrases("""
    mới kéo lên, mới khiêng lên, mới vớt lên, mới kéo ra, mới lôi ra, mới khiêng ra,
    mới lôi lên, mới đưa lên, đã kéo lên, đã khiêng lên, đã kéo ra, kéo lên rồi, khiêng lên rồi,
    vớt lên rồi, kéo ra rồi, lôi ra rồi, khiêng ra rồi
""")
G36_STILL = words("còn vẫn")
# someone not yet found or pulled out ("đứa kia chưa thấy", "mấy người kia chưa lôi ra được")
G36_NOT_YET = phrases("""
    chưa thấy, chưa tìm, chưa kéo, chưa lôi, chưa vớt, chưa khiêng, chưa cứu, chưa moi,
    chưa đào, chưa đưa, chưa ra, chưa lên, hổng thấy đâu, không thấy đâu, mất tích
""")
G36_HURT = frozenset({"sick", "burn", "wound"})
# a danger still burning anywhere; one still holding someone only when said after the rescue
# (the fall's own "stuck" hit spans it: "té xuống hố vôi")
G36_BURNING = frozenset({"fire", "smoke", "gas", "blast", "flood"})
G36_HOLDING = frozenset({"trapped", "stuck", "cannot_leave", "dangling"})
G36_IMPALED = frozenset({"wound"})
G36_CAUGHT = "c29_still_caught"
G36_CAUGHT_REACH = 10
# a bar or a stake to cut away, not a knife left in the wound ("con dao cắm trong bụng")
G36_BAR = words("sắt thép cọc chông thanh cột cốt rào giàn cây")
G36_BAR_REACH = 4
G36_KNIFE = words("dao kéo kiếm rựa mác")  # "cây dao": a knife, even with "cây"
G36_NOT = words("chưa không hổng hông chẳng chả")
# cut or pulled free already ("anh em cưa được rồi"): a wound for 115 again
G36_FREED = phrases("""
    cưa được, cắt được, cưa ra, cắt ra, cưa đứt, cắt đứt, gỡ ra được, rút ra được,
    gỡ được, rút được, cưa xong, cắt xong
""")


def round36g_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """Already pulled out and hurt: 115; impaled and still caught: 114 (module docstring)."""
    alive = [h for h in hits if not h.negated]
    if service == "114":
        done = find(ws, G36_PULLED_OUT)
        rest = ws[done[0][0] :] if done else []
        if not done or G36_STILL.intersection(rest) or find(rest, G36_NOT_YET):
            return service
        after = done[0][1]
        if any(
            G36_BURNING & h.entry.tags or (G36_HOLDING & h.entry.tags and h.start >= after)
            for h in alive
        ):
            return service
        if any(G36_HURT & h.entry.tags for h in alive):
            return "115"
        return service
    if service == "115":
        wounds = [h for h in alive if G36_IMPALED & h.entry.tags and _bar(ws, h)]
        caught = [h.start for h in alive if G36_CAUGHT in h.entry.tags]
        if any(0 <= c - w.end <= G36_CAUGHT_REACH for w in wounds for c in caught) and not any(
            s > min(caught) and (s == 0 or ws[s - 1] not in G36_NOT) for s, _ in find(ws, G36_FREED)
        ):
            return "114"
    return service


def _bar(ws: list[str], hit: Hit) -> bool:
    """A bar or a stake named in or next to the wound ``hit``."""
    near = ws[max(0, hit.start - G36_BAR_REACH) : hit.end + 1]
    return bool(G36_BAR.intersection(near)) and not G36_KNIFE.intersection(near)


# -- marks ---------------------------------------------------------------------------------
G36_SENT_HOME = phrases("""
    bác sĩ cho về, bác sĩ biểu về, bác sĩ kêu về, bác sĩ cho xuất viện, khám xong cho về,
    bệnh viện cho về, cho xuất viện rồi
""")
G36_CHECKED = words("khám")
G36_FINE = phrases("hổng sao, không sao, hông sao, bình thường, ổn hết, ổn rồi")
G36_FINE_REACH = 5  # "đi khám em bé hổng sao"
G36_ER = phrases("cấp cứu")
# gone to the emergency room, not an ambulance asked for ("gọi xe cấp cứu về nhà tui")
G36_WENT = words("đi vô mới đã vừa")
G36_BACK = "về"
G36_BACK_REACH = 6  # "mới cấp cứu vì hạ đường huyết về"
# "về tới nửa đường", "về không kịp"; an ambulance called: "về liền", "về đây", "về chưa"
G36_NOT_BACK = words("tới đến kịp không hông hổng chưa liền gấp lẹ đây giùm dùm nhanh số")
# the sign said now, before the discharge ("co giật nãy giờ hôm qua bác sĩ cho về"): the
# discharge was before it and settles nothing; nor does a check timed in the past
# ("đau ngực ... tuần trước đi khám tim thì bình thường")
G36_NOW = phrases("nãy giờ, bây giờ, giờ, hiện giờ, đang, tới giờ, đến giờ, lúc này")
G36_PAST_REACH = 3


def _settled(ws: list[str]) -> list[tuple[int, int]]:
    """Sent home, checked and fine, back from the emergency room: up to the end of it;
    none after a sign said now or right after a past time (:data:`G36_NOW`)."""
    return [(s, e) for s, e in _settling(ws) if not _before_now(ws, s)]


def _before_now(ws: list[str], start: int) -> bool:
    """Whether a sign before ``start`` is said now, or the settling is timed in the past."""
    return bool(find(ws[:start], G36_NOW)) or bool(
        find(ws[max(0, start - G36_PAST_REACH) : start], PAST)
    )


def _settling(ws: list[str]) -> list[tuple[int, int]]:
    """The settling phrases, each up to its end."""
    out = list(find(ws, G36_SENT_HOME))
    for k, w in enumerate(ws):
        if w in G36_CHECKED:
            fine = find(ws[k + 1 : k + 1 + G36_FINE_REACH + 2], G36_FINE)
            out += [(k, k + 1 + e) for s, e in fine[:1] if s < G36_FINE_REACH]
    for s, e in find(ws, G36_ER):
        if s == 0 or ws[s - 1] not in G36_WENT:
            continue
        back = [j for j in range(e, min(len(ws), e + G36_BACK_REACH)) if ws[j] == G36_BACK]
        if back and not (back[0] + 1 < len(ws) and ws[back[0] + 1] in G36_NOT_BACK):
            out.append((s, back[0] + 1))
    return out


def round36g_marks(ws: list[str]) -> Marks:
    """Seen by a doctor and sent home (module docstring)."""
    return {"resolved": _settled(ws)}
