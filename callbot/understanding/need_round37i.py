"""Round 37I of issue 13 (writer I of session 18: callers who give numbers — temperatures,
pressures, blood sugars, pulses, minutes, pills, weeks), with leftovers of round 36.

115, numbers that name a danger by themselves:

- **Many pills swallowed** ("thằng nhỏ uống hết mười viên thuốc hạ sốt", "nuốt hai chục
  viên", "nhai cả chục viên"): a verb of swallowing (the lexicon's "nuốt", "uống hết",
  "uống lộn", or "uống", "nhai" of :data:`I37_ENTRIES`) then five pills or more within three
  words (:data:`I37_COMBOS`). Not a course or a daily dose ("mỗi ngày uống năm viên", "uống
  hết mười viên thuốc bác sĩ kê mà chưa khỏi": :data:`I37_DEMOTIONS`), nor one or two pills
  ("uống nhầm một viên vitamin").
- **A body cold by the thermometer** ("bé sinh non người lạnh ba mươi lăm độ", "thân nhiệt
  ba mươi bốn độ", "cặp nhiệt có ba lăm độ"): 25 to 35 degrees read after a body or a
  thermometer word (:data:`I37_READINGS`); not the weather ("nhiệt độ ngoài trời ba mươi lăm
  độ": "nhiệt độ" alone is no entry), nor 36 and up ("đo nhiệt độ ba sáu độ tám").
- **A racing heart counted** ("tim đập hai trăm hai mươi nhịp", "tim nó đập một trăm tám
  mươi"): 150 to 300, or 20 to 40, after "tim đập" (round 28A's pulse ranges).
- **Talking a moment ago, no answer now** ("hồi nãy còn nói được giờ hông trả lời"): the
  change is the danger, whatever number came before it (a blood sugar of twenty-eight).
- **A fall, then no rousing** ("té trước cửa ... giờ nằm ngáy khò khò kêu hổng dậy"): snoring
  after a fall is no sleep; the combined hit carries no ``unresponsive`` tag, so the snore
  (``sound_asleep``) does not calm it.
- **On the floor and unable to get up** ("nằm dưới sàn từ hồi hôm tới giờ ... hổng ngồi dậy
  nổi"): round 23E's lying and cannot-rise signs together.

114:

- **An escaped wild animal and people stuck** ("cá sấu xổng ra bò vô sân tụi nhỏ kẹt trong
  nhà"): round 21B's beast, then someone trapped.
- **A child locked in with the water running** ("khóa trái nhà tắm đang xả nước đầy bồn kêu
  hổng trả lời"): the 115 of no answer becomes 114, the door must be opened
  (:func:`round37i_service`).

Marks:

- **Minutes ago is now** (:func:`round37i_revise`): "cách đây năm phút", "cách đây mấy phút"
  times nothing into the past ("hai đứa nhỏ bị nước cuốn trôi cách đây năm phút": 114), as
  "năm phút trước" never did; hours and days still do ("cách đây hai tiếng", "cách đây
  ba ngày").
- **A high pressure said calmly** (:func:`round37i_marks`): a pressure of 180 or more with
  the person said fine ("vẫn nói chuyện tỉnh táo", "vẫn ăn uống được") and no complaint
  named anywhere ("đau", "nhức", "ói", "méo", "đớ", "yếu", "xỉu"...): the number alone is
  no emergency (``mistaken`` over the pressure word only; a sign said with it still counts).

Who is in the scene (:mod:`.need_false_alarms`, data only): the southern "tui" and "tụi"
join ``HUMANS`` ("bắt chó nhà tui tui ra cản nó dí súng điện": 113, the caller is there;
"tụi nhỏ kẹt trong nhà"), and a person right after the animal or its owner ("con mèo tui
nuôi", "nhà bà ngoại tui") is its owner, not someone in danger (``OWNED``).

Calm: "đau thắt ngực vã mồ hôi tuần trước đi khám tim thì bình thường" stays a past check
(round 36G); a pressure of 180 with a headache keeps its reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import (
    Combo,
    Demotion,
    Entry,
    Reading,
    Service,
    entry,
    pairings,
    signs_together,
)
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words
from callbot.understanding.numbers import read_number

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = [
    "I37_COMBOS",
    "I37_DEMOTIONS",
    "I37_ENTRIES",
    "I37_READINGS",
    "round37i_marks",
    "round37i_revise",
    "round37i_service",
]

# five pills or more ("mười viên", "hai chục viên", "cả chục viên")
_MANY = (
    "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười mốt", "mười hai", "mười ba",
    "mười bốn", "mười lăm", "mười sáu", "mười bảy", "mười tám", "mười chín", "hai mươi",
    "ba mươi", "bốn mươi", "năm mươi", "hai chục", "ba chục", "bốn chục", "năm chục", "chục",
    "mấy chục", "mười mấy", "chục mấy", "hơn chục", "gần chục", "trăm", "hai mươi mấy",
    "ba mươi mấy",
)  # fmt: skip
# ("cả chục viên" is read as the lexicon's "uống cả", ``swallow_all``, then "chục viên")
_PILLS = pairings(_MANY, ("viên",))
# "uống", "nhai" said alone ("nuốt" is the lexicon's ``swallow``, "uống hết" ``swallow_all``)
_TAKE = "uống, nhai, uống một lúc, nuốt một lúc, uống một lần"
# a course or a prescription: what was finished is a treatment ("mỗi ngày" is ``daily``)
_COURSE = """
    bác sĩ kê, kê toa, theo toa, theo đơn, hết toa, hết liều, mà chưa khỏi, mà chưa bớt,
    mà hổng bớt, mà không bớt, mà hông bớt, mà chưa đỡ, mà vẫn chưa khỏi, mà vẫn chưa bớt
"""
# a body or a thermometer ("nhiệt độ" alone is also the weather's)
_BODY_TEMP = """
    người lạnh, thân nhiệt, đo nhiệt độ, đo nhiệt, nhiệt kế, cặp nhiệt, cặp nhiệt độ,
    nhiệt độ cơ thể, đo nách, nhiệt độ của bé, nhiệt độ của con
"""
_HEART = "tim đập, tim nó đập, tim con đập, tim bé đập, tim ổng đập, tim bả đập, tim em đập"
_WAS_TALKING = """
    còn nói được, còn nói chuyện được, còn nói chuyện, còn trả lời được, còn nói chuyện
    bình thường, vẫn còn nói được
"""
# a message or a call left unanswered is no body that does not answer
_MESSAGE = "{k} trả lời tin nhắn, {k} trả lời tin, {k} trả lời điện thoại, {k} trả lời máy"
_FILLING = """
    xả nước, đang xả nước, xả nước đầy bồn, nước đầy bồn, đầy bồn, nước tràn bồn,
    xả đầy bồn
"""

# fmt: off
I37_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _PILLS, tags="i37_pills", fold="tone"),
    entry(None, "normal", 0, _TAKE, tags="i37_take", fold="exact"),
    entry(None, "normal", 0, _COURSE, tags="i37_course", fold="tone"),
    entry(None, "normal", 0, _BODY_TEMP, tags="i37_body_temp", fold="tone"),
    entry(None, "normal", 0, _HEART, tags="i37_heart", fold="tone"),
    entry(None, "normal", 0, _WAS_TALKING, tags="i37_was_talking", fold="tone"),
    entry(None, "normal", 0, _FILLING, tags="i37_filling", fold="tone"),
    entry(None, "normal", 0, _MESSAGE, tags="i37_message", fold="tone"),
)
_SWALLOWS = ("i37_take", "swallow", "swallow_all", "j26_swallowed")
I37_COMBOS: tuple[Combo, ...] = (
    *(Combo((s, "i37_pills"), "medical", "emergency", 5, window=3, ordered=True, service="115",
            gives=frozenset({"i37_overdose"})) for s in _SWALLOWS),
    signs_together("i37_was_talking", "unanswered", 4, ordered=True, at_second=True),
    signs_together("e23_lying", "e23_cannot_rise", 14, ordered=True, at_second=True),
    Combo(("b21_beast", "trapped"), "other", "emergency", 5, window=16, ordered=True,
          service="114", gives=frozenset({"trapped"})),
)
I37_READINGS: tuple[Reading, ...] = (
    Reading("i37_body_temp", True, 25,  35,  "medical", "emergency", 5),
    Reading("i37_heart",     True, 150, 300, "medical", "emergency", 5),
    Reading("i37_heart",     True, 20,  40,  "medical", "emergency", 5),
)
I37_DEMOTIONS: tuple[Demotion, ...] = (
    Demotion("i37_overdose", "i37_course", "normal"),
    Demotion("i37_overdose", "daily", "normal"),
)
# fmt: on

# -- services ----------------------------------------------------------------------------
I37_LOCKED = frozenset({"closed", "stuck", "g24_locked", "h25_locked"})


def round37i_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """Locked in with the water running: 114 (module docstring)."""
    if service != "115":
        return service
    tags = [h.entry.tags for h in hits if not h.negated]
    if any("i37_filling" in t for t in tags) and any(I37_LOCKED & t for t in tags):
        return "114"
    return service


# -- marks -------------------------------------------------------------------------------
I37_AGO = ("cách", "đây")
I37_ABOUT = words("chừng khoảng tầm hơn gần mấy vài ít độ cỡ")
I37_MINUTES = words("phút giây")
# "ngáy" (the snore of ``asleep``) after a fall or a blow is no sleep
I37_SNORE = words("ngáy ngái")
I37_FALL = words("té ngã rớt")
I37_BLOW = phrases("đập đầu, đầu đập, bị xô, bị đánh")
I37_FALL_REACH = 20


def _minutes_ago(ws: list[str], start: int) -> bool:
    """ "cách đây năm phút", "cách đây mấy phút": a past marker at ``start`` that is
    minutes ago (the unit right after the number decides: "cách đây hai năm" is years)."""
    if tuple(ws[start : start + 2]) != I37_AGO:
        return False
    j = start + 2
    while j < len(ws) and ws[j] in I37_ABOUT:
        j += 1
    read = read_number(ws, j)
    if read:
        j = read[1]
    while j < len(ws) and ws[j] in I37_ABOUT:  # "mười mấy phút"
        j += 1
    return j < len(ws) and ws[j] in I37_MINUTES


def _snore_after_fall(ws: list[str], start: int) -> bool:
    """A snore at ``start`` said after a fall or a blow."""
    if ws[start] not in I37_SNORE:
        return False
    before = ws[max(0, start - I37_FALL_REACH) : start]
    return bool(I37_FALL.intersection(before)) or bool(find(before, I37_BLOW))


def round37i_revise(marks: Marks, ws: list[str]) -> Marks:
    """Minutes ago times nothing into the past; a snore after a fall is no sleep (module
    docstring)."""
    out = dict(marks)
    starts = {s for s, _ in marks.get("past", []) if _minutes_ago(ws, s)}
    if starts:
        out["past"] = [sp for sp in marks["past"] if sp[0] not in starts]
        for key in ("timed", "long_ago"):  # the spans a past marker times, back to its start
            if marks.get(key):
                out[key] = [(b, s) for b, s in marks[key] if s not in starts]
    for key in ("asleep", "sound_asleep"):
        if marks.get(key):
            out[key] = [(s, e) for s, e in marks[key] if not _snore_after_fall(ws, s)]
    return out


I37_PRESSURE = phrases("huyết áp, áp huyết, cao máu, đo áp, huyết áp đo, đo huyết áp")
I37_SKIP = words("lên có là được đo tới tận hơn cao vọt")
I37_HIGH = 180
I37_FINE = phrases("""
    vẫn tỉnh táo, vẫn nói chuyện tỉnh táo, vẫn nói chuyện bình thường, vẫn nói chuyện được,
    vẫn ăn uống được, vẫn ăn uống bình thường, vẫn đi lại được, vẫn khỏe, vẫn khỏe re,
    vẫn bình thường, mà tỉnh táo, vẫn tỉnh, hổng đau gì, không đau gì, hông đau gì,
    không có triệu chứng gì, hổng có triệu chứng gì, không thấy gì hết, hổng thấy gì hết
""")
# a complaint named anywhere keeps the number's reading
I37_COMPLAINT = words("""
    đau nhức nhứt ói nôn mửa méo đớ ngọng lắp yếu tê xỉu ngất mờ giật liệt lơ khó chóng
    choáng lả mệt tức
""")


def _high_pressure(ws: list[str]) -> list[int]:
    """Where a pressure word is followed by a number of 180 or more."""
    out = []
    for s, e in find(ws, I37_PRESSURE):
        j = e
        while j < len(ws) and ws[j] in I37_SKIP and j < e + 3:
            j += 1
        read = read_number(ws, j)
        if read and read[0] >= I37_HIGH:
            out.append(s)
    return out


def round37i_marks(ws: list[str]) -> Marks:
    """A high pressure said calmly: ``mistaken`` over its pressure word (module docstring)."""
    fine = find(ws, I37_FINE)
    if not fine:
        return {}
    said_fine = {k for s, e in fine for k in range(s, e)}
    if any(w in I37_COMPLAINT for k, w in enumerate(ws) if k not in said_fine):
        return {}
    return {"mistaken": [(s, s + 1) for s in _high_pressure(ws) if any(f > s for f, _ in fine)]}
