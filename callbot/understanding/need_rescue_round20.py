"""Rescues and medical emergencies the rules missed or sent to the wrong number, and false
emergencies, of the twelfth development set (round 20 of issue 13, writers G and H; entries
and combinations read by :mod:`.need_lexicon`, :func:`round20_marks` by :mod:`.need_marks`,
:func:`crying_out` by :mod:`.need_still_in_danger`, :func:`freed` by :mod:`.need`).

Each class is read as a pattern, in several wordings, regions and recognition damages:

- **Stuck at height** (114): a height named ("trên nóc", "mái tôn", "ôm cột", "giàn giáo")
  and someone who dares not move or cannot come down ("hổng dám nhúc nhích", "không xuống
  được") near it; someone hanging from an edge ("bám mép mái", "đu lơ lửng", "bám lan can")
  is a rescue alone, whoever shouts for help ("la cứu" is no police call then).
- **Helpless in rising water** (114): the water at the chest or the neck ("nước tới ngực",
  "nước ngập tới cổ") with someone who cannot move named (bedridden, paralysed: the
  lexicon's ``person``).
- **A drowning with a cry for help** (114, :func:`crying_out`): "cứu với có người đuối
  nước ngoài sông": someone in the water now, not pulled out (which stays 115).
- **Freed, then ill** (115, :func:`freed`): "lôi ra được mà bả lên cơn suyễn", "đập kính
  lôi ra được giờ người nóng hổi": a past stretch ("hồi nãy") ends where the freeing is
  said, and the model may not send the medical emergency after it back to the rescue.
- **Snoring breath after a collapse** (115): "mà thôi để sau chị ơi bố tôi vừa ngã ngửa ra
  đây thở ngáy gọi không biết gì": "thở ngáy" with no sleep named ("ngủ") is a sign of the
  collapse, not someone asleep, so the unanswered call stands.
- **Look-alikes** (:func:`round20_look_alike`): a first-aid question ("hỏi bị rắn cắn thì
  có nên buộc ga rô") and a recurring event ("tuần nào cũng kẹt một lần").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, entry
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = [
    "ROUND20_COMBOS",
    "ROUND20_ENTRIES",
    "crying_out",
    "freed",
    "round20_look_alike",
    "round20_marks",
]

# -- stuck at height -----------------------------------------------------------------------
# (more heights and "không xuống được" are :mod:`.need_described`'s ``height`` and
# ``cannot_leave``; a roof climbed, "leo lên mái", is :mod:`.need_danger_more`'s ``stuck``)
_HEIGHTS = """
    trên nóc, ôm cột, ôm cây cột, ôm trụ, trên trụ, giàn giáo, trên giàn, tầng thượng,
    sân thượng, ngọn cây, mép mái, trên tháp nước, cột ăng ten, trên mái
"""
_FROZEN = """
    {k} dám nhúc nhích, {k} dám động đậy, {k} dám cựa, {k} dám cục cựa, {k} dám bò xuống,
    {k} dám trèo xuống, {k} dám buông, {k} dám buông tay, {k} dám thả tay,
    {k} dám leo xuống luôn, {k} dám đứng dậy
"""
_HANGING = """
    bám mép mái, bám mép, đu mép, đu mép mái, bám mép tường, bám mép sân thượng,
    đu lơ lửng, bám lơ lửng, bám máng xối,
    đu máng xối, bám lan can, đu lan can, đu người ngoài lan can, bám ngoài lan can
"""
# -- helpless in rising water ----------------------------------------------------------
_DEEP = ", ".join(
    f"nước {how} {part}"
    # ("ngập tới cổ", "ngập tới ngực" are emergencies alone: :mod:`.need_danger`)
    for how in ("tới", "lên tới", "dâng tới", "ngang", "đến", "lên đến", "dâng lên tới",
                "dâng đến")
    for part in ("ngực", "cổ", "nách", "cằm")
)  # fmt: skip

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
ROUND20_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _HEIGHTS, tags="height", fold="tone"),
    entry(None, "normal", 0, _FROZEN, tags="cannot_leave", fold="tone"),
    entry(None, "emergency", 0, _HANGING, tags="hanging", fold="tone", service="114"),
    entry(None, "normal", 0, _DEEP, tags="deep_water", fold="tone"),
)

ROUND20_COMBOS: tuple[Combo, ...] = (
    # wider than :mod:`.need_described`'s: "ôm cột trên nóc ba tầng hổng dám nhúc nhích"
    Combo(("height", "cannot_leave"), "other", "emergency", 5, window=12, service="114",
          gives=frozenset({"stuck"})),
    Combo(("deep_water", "person"), "other", "emergency", 5, service="114",
          gives=frozenset({"flood"})),
)
# fmt: on

# -- a drowning with a cry for help -------------------------------------------------------
CRIES = phrases("cứu với, cứu cứu, cứu tui, cứu em, cứu con, cứu giùm, cứu dùm, la cứu, kêu cứu")


def crying_out(words_: list[str]) -> bool:
    """Whether a cry for help is said in the answer ("cứu với có người đuối nước")."""
    return "cứu" in words_ and bool(find(words_, CRIES))


# -- freed, then ill -----------------------------------------------------------------------
_FREE_VERBS = words("lôi kéo cứu đưa bế ẵm vớt cạy moi")
_OUT = "ra"
_ABLE = "được"
_THEN = words("mà nhưng giờ thì rồi")


def freed(words_: list[str]) -> list[tuple[int, int]]:
    """Each "lôi ra được mà", "cứu ra được giờ": someone freed, what follows is now."""
    out = []
    for k in range(1, len(words_) - 2):
        said = (words_[k - 1] in _FREE_VERBS, words_[k], words_[k + 1], words_[k + 2] in _THEN)
        if said == (True, _OUT, _ABLE, True):
            out.append((k - 1, k + 3))
    return out


# -- snoring breath ---------------------------------------------------------------------
_BREATH = "thở"
_SLEEP = words("ngủ ngũ")

# -- look-alikes ----------------------------------------------------------------------------
ASK = words("hỏi")
ASK_REACH = 3  # "cho tui hỏi nếu bị rắn cắn"
ADVICE = phrases("""
    thì có nên, thì nên, thì phải làm, thì làm sao, thì làm gì, thì sơ cứu, thì xử lý,
    thì xử trí, thì cần, thì có cần, thì có phải, thì phải, thì uống, thì có được
""")
ADVICE_REACH = 4
WHOSE = words("tui tôi em con cháu mẹ má ba bố ông bà anh chị vợ chồng nó ổng bả")
RECURRING = phrases("""
    tuần nào cũng, ngày nào cũng, tháng nào cũng, bữa nào cũng, hôm nào cũng, lần nào cũng,
    năm nào cũng, đêm nào cũng, sáng nào cũng, tối nào cũng, mưa nào cũng
""")
RECURRING_REACH = 3
CUES = ASK | words("nào ngáy") | {_OUT}


def round20_marks(words_: list[str]) -> Marks:
    """Where the answer says what this module's classes need (module docstring)."""
    if not CUES & set(words_):
        return {}
    return {
        "round20_cue": [(0, 1)],
        "recurring": find(words_, RECURRING) if "nào" in words_ else [],
        "freed": freed(words_),
    }


def round20_adjust(marks: Marks, words_: list[str]) -> Marks:
    """``marks`` with this module's turns read: a past stretch ends where someone is freed,
    snoring breath with no sleep named is no sleep."""
    if not marks.get("round20_cue"):
        return marks
    turns = [e for _, e in marks["freed"]]
    past = [(s, min((t for t in turns if s < t < e), default=e)) for s, e in marks.get("past", [])]
    snoring = not _SLEEP & set(words_)
    asleep = {
        key: [
            (s, e)
            for s, e in marks.get(key, [])
            if not (snoring and s > 0 and words_[s - 1] == _BREATH)
        ]
        for key in ("asleep", "sound_asleep")
    }
    return {**marks, "past": past, **asleep}


def _first_aid_asked(hit: Hit, words_: list[str]) -> bool:
    """ "hỏi bị rắn cắn thì có nên ...": asked about, nobody of the caller's named."""
    before = words_[max(0, hit.start - ASK_REACH) : hit.start]
    if not ASK & set(before) or WHOSE & set(before[-1:]):
        return False
    return any(s < ADVICE_REACH for s, _ in find(words_[hit.end :], ADVICE))


def round20_look_alike(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    if not marks.get("round20_cue"):
        return False
    spans = hit.spans or ((hit.start, hit.end),)  # a combination: any of its parts
    recurring = any(0 <= s - e < RECURRING_REACH for _, e in marks["recurring"] for s, _ in spans)
    return recurring or _first_aid_asked(hit, words_)
