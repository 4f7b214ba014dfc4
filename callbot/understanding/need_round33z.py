"""Round 33Z of issue 13 (writer Z of session 17: emergencies told with time words around a
danger that is still there now; mirrors where it is truly over).

A past marker ("hồi tối", "hồi chiều", "đêm qua", "mới nãy") puts what it times out of the
present: right for "hồi tối ông xỉu mà giờ tỉnh rồi", wrong when a later marker of now
("giờ", "tới giờ", "mà giờ", "sáng nay", "tới sáng nay mới thấy") tells a body in trouble.

Marks (:func:`round33z_revise`):

- **Today's event, its body in trouble now**: a past stretch holding a marker of today or
  yesterday, then a marker of now and a sign of a body in trouble after it ("hồi khuya nhóm
  lò than trong buồng đóng cửa, sáng nay ba mẹ con xỉu lay không dậy", "hồi trưa thằng nhỏ
  nuốt cục pin giờ nó chảy nước miếng la thét", "bị rắn lục cắn hồi chiều giờ bắp chân sưng
  đen"): the stretch and all after it are now (``now``), from its last clause join ("mà",
  "nhưng", "rồi") before the marker of now ("bị trộm hồi khuya nó chạy mất rồi mà ba tui té
  ... giờ co giật": the fall, not the theft), unless a resolution is said after the marker
  of now ("giờ tỉnh rồi", "giờ đỡ rồi"). Blood left on the road ("máu còn dính") is no body.
- **Thought over, now back**: "tưởng" of something over or fine ends at a marker of now
  ("tưởng hổng sao mà tới giờ nói lảm nhảm"): what follows is said plainly (not "tưởng có
  trộm ... giờ nằm ngủ", nothing thought over); a fire said out inside what was wrongly
  thought is no fire put out when the fire is said back after it ("tưởng tắt rồi mà giờ bùng
  lên lại"; not "mà giờ còn khói chút xíu").

115, signs read alone: blood pooling ("máu còn chảy thành vũng", "máu đọng thành vũng").

115, signs read together (:data:`Z33_COMBOS`):

- a birth told with its time ("sanh hồi chiều", "đẻ hồi khuya") or done ("mới sanh"), then
  blood that keeps coming ("máu còn ra hoài", "huyết ra hoài"); such blood that does not stop
  ("máu còn ra hoài không cầm được"). "máu ra ...", "máu chảy ..." are older phrases, not
  hidden by longer ones here;
- lying on the floor ("nằm dưới sàn") and no voice left ("kêu không ra tiếng");
- a fever and the body jerking in fits ("sốt ... giựt người từng cơn");
- skin burnt black ("da cháy đen") and moaning ("rên la");
- a fall ("té xe") then talking nonsense ("nói lảm nhảm").

Service (:func:`round33z_service`): when the only 113 or 114 emergencies lie in a stretch
revived for a body in trouble said after it ("bị trộm hồi khuya nó chạy mất rồi mà ba tui
rượt theo té cầu thang ... giờ ổng co giật"), the number is the body's, 115.

Readings: a blood pressure of two hundred or more said a few words after "huyết áp" ("huyết
áp từ sáng giờ hai trăm mốt").

Calm: "hồi tối ông xỉu mà giờ tỉnh rồi", "hôm qua té trầy chân giờ đỡ rồi hỏi tiền thuốc",
"tưởng tắt rồi mà giờ hết khói" (no fire back), water pooling ("nước đọng thành vũng"), a
birth with normal bleeding asked about, "nằm dưới sàn cho mát".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import (
    Combo,
    Entry,
    Reading,
    Service,
    entry,
    pairings,
    signs_together,
)
from callbot.understanding.need_still_now import TODAY, YESTERDAY
from callbot.understanding.need_time_marks import Marks, find, time_marks
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["Z33_COMBOS", "Z33_ENTRIES", "Z33_READINGS", "round33z_revise", "round33z_service"]

_POOL = pairings(  # "máu chảy thành vũng" is need_emergency's
    ("máu còn", "máu vẫn", "máu vẫn còn"),
    ("chảy thành vũng", "đọng thành vũng", "ra thành vũng", "chảy lênh láng thành vũng"),
)
_BIRTH_TIMED = pairings(
    ("sanh", "sinh", "đẻ"),
    ("hồi sáng", "hồi trưa", "hồi chiều", "hồi tối", "hồi khuya", "hồi đêm", "hồi nãy",
     "lúc nãy", "mới nãy", "đêm qua", "tối qua", "hôm qua", "khuya qua"),
)  # fmt: skip
_FLOW = """
    máu còn ra hoài, máu cứ ra hoài, máu còn ra quài, máu vẫn ra hoài, huyết còn ra hoài,
    máu còn chảy hoài, máu cứ chảy hoài, máu vẫn chảy hoài, máu còn ra không ngớt
"""  # "máu ra ...", "máu chảy ..." are older phrases: not hidden
_LYING = "nằm dưới sàn, nằm dưới đất, nằm dưới nền, nằm trên sàn, nằm sóng soài"
_VOICELESS = pairings(
    ("kêu", "la", "rên", "gọi"),
    ("không ra tiếng", "hổng ra tiếng", "hông ra tiếng", "hết ra tiếng", "không thành tiếng"),
)
_JERKS = pairings(
    ("giựt người", "giật người"),
    ("từng cơn", "từng hồi", "liên hồi", "từng đợt"),
)

# fmt: off
Z33_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, _POOL, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _BIRTH_TIMED, tags="birth z33_birth", fold="tone"),
    entry(None, "normal", 0, _FLOW, tags="z33_flow", fold="tone"),
    entry(None, "normal", 0, _VOICELESS, tags="z33_voiceless", fold="tone"),
    entry(None, "normal", 0, _JERKS, tags="z33_jerks", fold="tone"),
)
Z33_COMBOS: tuple[Combo, ...] = (
    signs_together("birth", "z33_flow", 12, ordered=True, at_second=True),
    signs_together("z33_birth", "bleeding_on", 12, ordered=True, at_second=True),
    signs_together("z33_flow", "b29_unstopped", 6, ordered=True),
    signs_together("e23_lying", "z33_voiceless", 12),
    signs_together("fever", "z33_jerks", 12, ordered=True, at_second=True),
    signs_together("sick", "z33_jerks", 12, ordered=True, at_second=True),
    signs_together("q27_charred", "d28_moan", 6),
    signs_together("fall", "babble", 14, ordered=True, at_second=True),
)
Z33_READINGS: tuple[Reading, ...] = (
    Reading("pressure", True, 200, 300, "medical", "emergency", 5, loose=True),
)
# fmt: on

# A marker of now after a past one: "giờ", "tới giờ", "mà giờ", and a later time of today.
Z33_NOW = phrases("""
    giờ, bây giờ, tới giờ, đến giờ, mà giờ, sáng nay, trưa nay, chiều nay, tới sáng nay,
    đến sáng nay, sáng ra, sáng dậy
""")
# A body in trouble, said after the marker of now.
Z33_TROUBLE = phrases("""
    ngất, xỉu, bất tỉnh, gọi hổng dậy, gọi không dậy, gọi hông dậy, lay không dậy,
    lay hổng dậy, gọi không tỉnh, gọi hổng tỉnh, lạnh ngắt, thở yếu, thở không nổi,
    thở hổng nổi, khó thở, lảm nhảm, ói mửa, nôn mửa, chảy nước miếng, chảy nước dãi,
    khóc thét, la thét, sưng đen, sưng tím đen, tím đen, tím tái, tím ngắt, co giật, giựt,
    rên la, cháy đen, lơ mơ, mê man, sùi bọt mép, không cầm được, hổng cầm được
""")
Z33_TROUBLE_REACH = 10
# A clause join between the past stretch and the marker of now: the revived stretch starts
# after it ("bị trộm hồi khuya nó chạy mất rồi mà ba tui té ... giờ co giật": not the theft).
Z33_JOINS = words("mà nhưng rồi")
# The fire back after it was thought out ("mà giờ bùng lên lại"); smoke left alone is not.
Z33_FIRE_BACK = phrases("""
    bùng lên, bùng lại, bùng cháy, cháy bùng, cháy lại, cháy lên lại, bốc cháy, cháy tiếp,
    lửa bùng, lửa lên lại, lửa cháy lại, lửa bốc lên
""")


def _revived(marks: Marks, ws: list[str]) -> list[tuple[int, int]]:
    """A past stretch with a marker of today or yesterday, a marker of now after that marker
    and a body in trouble after it, no resolution after the marker of now: from the stretch
    (or its last clause join) to the marker of now."""
    days = find(ws, TODAY) + find(ws, YESTERDAY)
    nows = find(ws, Z33_NOW)
    troubles = [s for s, _ in find(ws, Z33_TROUBLE)]
    settled = [s for s, _ in marks.get("resolved", [])]
    out = []
    for s, e in marks.get("past", []):
        ends = [de for ds, de in days if s <= ds < e]
        if not ends:
            continue
        for ns, ne in nows:
            if ns < min(ends) or any(r >= ns for r in settled):
                continue
            if any(ne <= t < ne + Z33_TROUBLE_REACH for t in troubles):
                start = max([s] + [k + 1 for k in range(s, ns - 1) if ws[k] in Z33_JOINS])
                out.append((start, ns))
                break
    return out


def _mistaken_cut(marks: Marks, ws: list[str]) -> list[tuple[int, int]]:
    """What was wrongly thought to be over or fine ("tưởng không sao", "tưởng tắt rồi")
    ends at a marker of now said after it."""
    starts = [s for s, _ in find(ws, Z33_NOW)]
    fine = [s for s, _ in find(ws, tw.RESOLVED) + find(ws, tw.FIRE_OUT)]
    out = []
    for s, e in marks.get("mistaken", []):
        cut = min([e] + [n for n in starts if s < n < e])
        out.append((s, cut) if any(s <= f < cut for f in fine) else (s, e))
    return out


def round33z_revise(marks: Marks, ws: list[str]) -> Marks:
    """Today's event with its body in trouble now; "tưởng" cut at a marker of now, and a fire
    out inside it dropped (module docstring)."""
    revived = [(s, len(ws)) for s, _ in _revived(marks, ws)]
    mistaken = _mistaken_cut(marks, ws)
    back = [s for s, _ in find(ws, Z33_FIRE_BACK)]
    fire_out = [
        (s, e)
        for s, e in marks.get("fire_out", [])
        if not any(ms <= s < me and any(b >= me for b in back) for ms, me in mistaken)
    ]
    return {
        **marks,
        "now": [*marks.get("now", []), *revived],
        "mistaken": mistaken,
        "fire_out": fire_out,
    }


def round33z_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """A crime or a rescue told in a stretch revived only for the body in trouble after it
    ("bị trộm hồi khuya ... ba tui rượt theo té ... giờ co giật"): the body's number, 115."""
    if service not in ("113", "114"):
        return service
    alive = [h for h in hits if h.entry.urgency == "emergency" and not h.negated]
    if not any(h.entry.alarm == "115" or h.entry.category == "medical" for h in alive):
        return service
    told = [h.start for h in alive if h.entry.alarm == service]
    for s, ns in _revived(time_marks(ws), ws):
        if told and all(s <= k < ns for k in told):
            return "115"
    return service
