"""Round 35D of issue 13 (writer D of session 18: people who live with a chronic illness and
those who care for them; an acute turn now beside calm lines about medicine, costs and fears).

115, signs read together (:data:`D35_COMBOS`):

- **Hard to wake, then sleeping on** ("lay hoài mới hé mắt rồi ngủ li bì", "lay mãi mới
  mở mắt rồi thiếp đi"): a person roused with trouble who falls back at once.
- **Lying limp and saying nothing** ("nằm lả hông nói gì", "nằm rũ kêu hông trả lời").

114 (:data:`D35_COMBOS`): **water rising round someone who cannot move** ("nước ngập tới
giường mà má tui nằm liệt hông đi được"): a flood with a person who cannot walk.

High, not an emergency (:data:`D35_ENTRIES`): **a sign said small** ("hơi nặng ngực chút
xíu", "hơi khó thở một chút"): "hơi" before it and "chút" after it; 115 again with what
makes it the heart's (spreading to the jaw, a cold sweat, drowsiness).

Calm again (:data:`D35_DEMOTIONS`): the flood's "cannot go" said of a vehicle ("ngập tới bánh
xe nên tui hông đi được").

Marks (:func:`round35d_marks`, :func:`round35d_revise`):

- **What happens whenever** ("hông ăn là tụt đường xỉu liền", "quên thuốc là lên cơn liền"):
  food, drink or a dose lacked or missed, then "là", then the sign, said of each time ("liền",
  "ngay" after it, "hễ", "cứ", "mỗi lần" before): what would happen, not what happens now
  ("feared"), unless "rồi", "giờ", "nay", "đang", "luôn", "quá" says it did (a threat, "hổng
  đưa là chặt tay", stays a threat).
- **A delusion is no mistake** ("bị hoang tưởng cầm mã tấu"): "hoang tưởng", "ảo tưởng" are
  not "tưởng" (the caller thought wrongly), so what follows is not taken back.
- **A "lỡ" of an accident supposes nothing** ("con nhỏ lỡ mà nuốt viên bi thở không được"):
  the older readings of "lỡ mà", "lỡ như" as a what-if step back when an accident's verb
  follows (:func:`.need_round34c.by_accident`) and no "thì" says what would follow.
- **A long illness named after today's sign** ("ho ra máu ướt cái khăn ổng bị lao lâu
  rồi"): "lâu rồi" belongs to the illness said with its own subject ("ổng bị lao"), not to
  the sign said before it.

Calm: a crash feared if there is no food, medicine run out with a little tightness, a past
crisis, a denied sign.
"""

from __future__ import annotations

from callbot.understanding.need_base import (
    Combo,
    Demotion,
    Entry,
    entry,
    pairings,
    signs_together,
)
from callbot.understanding.need_round34c import by_accident
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

__all__ = ["D35_COMBOS", "D35_DEMOTIONS", "D35_ENTRIES", "round35d_marks", "round35d_revise"]

_SMALL_SIGNS = (
    "nặng ngực", "tức ngực", "khó thở", "đau ngực", "hụt hơi", "thở mệt", "ngộp thở", "tức thở",
)  # fmt: skip
_SMALL = pairings(("hơi",), _SMALL_SIGNS, ("chút xíu", "một chút", "chút", "xíu", "một xíu"))
# a flood said "lụt" ("nước lụt lên tới nửa cửa"): the lexicon's own flood words, said so
_FLOOD = "nước lụt, nước lụt lên, nước lụt lên tới, nước lụt dâng, lụt lên tới, lụt dâng lên"
# what cannot go is a vehicle, not a person ("ngập tới bánh xe nên tui hông đi được")
_VEHICLE = "bánh xe, xe chết máy, chết máy, tắt máy, xe hư, kẹt xe, xe kẹt"
_IMMOBILE = "{k} đi được, {k} tự đi được, {k} đi nổi, {k} tự đi nổi"

# fmt: off
D35_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "high", 3, _SMALL, tags="d35_mild sick"),
    entry(None, "normal", 0, _IMMOBILE, tags="d35_immobile", fold="tone"),
    entry(None, "normal", 0, _FLOOD, tags="flood", fold="tone"),
    entry(None, "normal", 0, _VEHICLE, tags="d35_vehicle", fold="tone"),
    # tears welling, not a stroke's fixed eyes ("mừng nước mắt đứng tròng")
    entry(None, "normal", 0, "nước mắt đứng tròng, nước mắt rưng rưng đứng tròng", fold="tone"),
)
_LISTLESS = ("c22_listless", "v32_drowsy")
_IMMOBILES = ("d35_immobile", "c22_cannot_walk")
D35_COMBOS: tuple[Combo, ...] = (
    *(signs_together("rouse", b, 8, ordered=True) for b in _LISTLESS),
    signs_together("limp", "unanswered", 4, ordered=True),
    # said small, but spreading to the jaw or with a cold sweat: the heart's (115)
    *(signs_together("d35_mild", b, 10) for b in ("b21_spreading", "sweat", "v32_drowsy")),
    # the water first: "tê lên tới bụng" after "đi hông được" is numbness rising, no flood
    *(Combo(("flood", b), "other", "emergency", 5, window=14, ordered=True, service="114",
            gives=frozenset({"stuck", "d35_flood_walk"})) for b in _IMMOBILES),
)
# fmt: on
D35_DEMOTIONS: tuple[Demotion, ...] = (Demotion("d35_flood_walk", "d35_vehicle", "normal"),)

# -- marks ---------------------------------------------------------------------------------
D35_LACK = words("hông không hổng quên bỏ thiếu trễ")
# what the body lacks: food, drink, a dose, a session ("hông ăn là", "quên chích là")
D35_NEEDS = words("ăn uống chích xịt thuốc lọc chạy")
D35_THEN = "là"
D35_LACK_REACH = 4  # "hông ăn là", "quên uống thuốc là", "hông ăn đúng bữa là"
D35_CONSEQUENCE_REACH = 7
D35_HAPPENED = words("rồi giờ đang luôn nãy mới nay vừa hồi quá")
# what says "each time": "liền", "ngay" after the sign, "hễ", "cứ", "mỗi lần" before the lack
D35_EACH_TIME_AFTER = words("liền ngay")
D35_EACH_TIME_BEFORE = words("hễ cứ mỗi")
D35_DELUSION = words("hoang ảo")
D35_LONG = phrases("lâu rồi, lâu lắm rồi, lâu năm rồi, mấy năm rồi, mấy năm nay, từ lâu")
D35_SUBJECTS = words("ổng bả ảnh chỉ cổ nó ông bà tui em")
D35_FEARING = words("sợ lo ngại e")
D35_ASK_REACH = 14  # "lỡ mà nuốt cục kẹo ... thì làm sao": still a what-if
# "lỡ mà té bất tỉnh thì không ai biết": a "thì" says what would follow, so a what-if
D35_THEN_WORDS = words("thì thời")


def _whenever(ws: list[str]) -> list[tuple[int, int]]:
    """ "hông ăn là tụt đường xỉu liền": from "là" to the end of what would follow."""
    out = []
    for k, w in enumerate(ws):
        if w != D35_THEN or k == 0:
            continue
        before = ws[max(0, k - D35_LACK_REACH) : k]
        lack = next((j for j, b in enumerate(before) if b in D35_LACK), None)
        if lack is None or not D35_NEEDS.intersection(before[lack + 1 :]):
            continue
        end = min(len(ws), k + 1 + D35_CONSEQUENCE_REACH)
        if D35_HAPPENED.intersection(ws[max(0, k - D35_LACK_REACH - 3) : end]):
            continue
        start = max(0, k - D35_LACK_REACH - 2)
        after_each = D35_EACH_TIME_AFTER.intersection(ws[k + 1 : end])
        if not after_each and not D35_EACH_TIME_BEFORE.intersection(ws[start:k]):
            continue
        out.append((k, end))
    return out


def round35d_marks(ws: list[str]) -> Marks:
    """What would happen whenever a lack or a miss comes (module docstring)."""
    return {"feared": _whenever(ws)}


def _illness_own_clause(span: tuple[int, int], ws: list[str]) -> tuple[int, int]:
    """A chronic span cut to start at "<subject> bị" when its "lâu rồi" comes after it."""
    start, end = span
    longs = [s for s, _ in find(ws[start:end], D35_LONG)]
    if not longs:
        return span
    last_long = start + longs[-1]
    for k in range(last_long - 1, start + 1, -1):
        if ws[k] == "bị" and ws[k - 1] in D35_SUBJECTS:
            return (k - 1, end)
    return span


def _accident_not_asked(ws: list[str], start: int) -> bool:
    """ "lỡ mà nuốt viên bi thở không được": a "lỡ" of an accident, no "thì" after it."""
    if start >= len(ws) or not by_accident(ws, start):
        return False
    if start > 0 and ws[start - 1] in D35_FEARING:  # "tui sợ lỡ đứt rớt xuống"
        return False
    ahead = ws[start : start + D35_ASK_REACH]
    return not D35_THEN_WORDS.intersection(ahead)


def round35d_revise(marks: Marks, ws: list[str]) -> Marks:
    """A delusion is no mistake; a long illness named after a sign is its own clause; a
    "lỡ" of an accident supposes nothing."""
    out = dict(marks)
    for key in ("supposed", "feared"):
        if marks.get(key):
            out[key] = [sp for sp in marks[key] if not _accident_not_asked(ws, sp[0])]
    if marks.get("mistaken"):
        out["mistaken"] = [
            (s, e) for s, e in marks["mistaken"] if not (s >= 2 and ws[s - 2] in D35_DELUSION)
        ]
    if marks.get("chronic"):
        out["chronic"] = [_illness_own_clause(sp, ws) for sp in marks["chronic"]]
    return out
