"""Round 37I of issue 13 (writer I of session 18: callers who give numbers), with leftovers
of round 36; narrowed after its review (H1-H11).

115, numbers that name a danger by themselves:

- **Many pills swallowed**: a verb of swallowing (the lexicon's "nuốt", "uống hết", "uống
  một lúc", "uống lộn") then five pills or more within three words ("nuốt hai chục viên");
  a bare "uống"/"nhai" only with a drug of real danger ("thằng nhỏ uống mười viên thuốc
  ngủ"). Not a course, a dose, a question ("ngày uống năm viên sau bữa ăn", "uống năm viên
  thuốc hạ sốt được không"), nor candy or vitamins ("nhai mười viên kẹo").
- **A body cold by the thermometer** ("thân nhiệt ba mươi bốn độ"): 25 to 35 degrees after a
  body or thermometer word; 35 only for a newborn not asked about ("bé sơ sinh người lạnh ba
  mươi lăm độ"); not the weather ("nhiệt kế chỉ ba mươi độ trời oi bức").
- **A racing heart counted** ("tim đập hai trăm hai mươi nhịp"): 180 to 300, or 20 to 35;
  not at exercise, asleep, at a scan or asked ("tập gym tim đập một trăm bảy mươi nhịp").
- **Talking a moment ago, no answer now** ("còn nói được mà giờ hông trả lời"): "giờ" right
  before the no-answer; not a call, a message, a sulk, deafness nor bedtime.
- **A fall, then no rousing** ("té ... giờ nằm ngáy khò khò kêu hổng dậy"): a snore after a
  person's fall is no sleep; not after a thing fell ("cái ly rớt"), nor "té ... hổng sao".
- **On the floor and unable to get up** ("nằm dưới sàn ... hổng ngồi dậy nổi"); not with a
  sore back or overwork ("đau lưng", "tại làm nhiều").

114: **an escaped wild animal and people stuck** (round 21B's beast, then someone trapped);
**locked in with a tub filling and no answer** ("khóa trái nhà tắm đang xả nước đầy bồn kêu
hổng trả lời", :func:`round37i_service`), unless a body's emergency is named (115).

Marks: **minutes ago is now** (:func:`round37i_revise`: "cách đây năm phút" times nothing
into the past) unless what happened is said settled ("vớt lên rồi giờ nó khỏe", "chạy mất
rồi") or came from afar ("có ai gọi"); **a high pressure said calmly**
(:func:`round37i_marks`): 180 to 250 with the person said fine, no turn after it ("mà",
"nhưng", "còn"), no complaint nor pregnancy: high, not 115 ("ba tui huyết áp hai trăm mà vẫn
tỉnh táo").
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
_PILLS = pairings(_MANY, ("viên",))  # "cả chục viên": the lexicon's "uống cả", "chục viên"
# a drug of real danger after "viên": a bare "uống"/"nhai" needs one (review of 37I, H4)
I37_DANGER = phrases("""thuốc ngủ, an thần, sắt, hạ sốt, pa ra, paracetamol, trợ tim, thuốc tim,
    tiểu đường, huyết áp, thuốc chuột, trầm cảm, động kinh, tâm thần, giảm đau""")
# "uống", "nhai" said alone ("nuốt" is the lexicon's ``swallow``, "uống hết" ``swallow_all``)
_TAKE = "uống, nhai"
# a course or a prescription: what was finished is a treatment ("mỗi ngày" is ``daily``)
_COURSE = """kháng sinh, bác sĩ kê, kê toa, theo toa, theo đơn, hết toa, hết liều, mà chưa khỏi,
    mà chưa bớt, mà hổng bớt, mà không bớt, mà hông bớt, mà chưa đỡ, mà vẫn chưa khỏi"""
# a dose, a question, a coffee: a bare "uống năm viên" is the pharmacy's (review of 37I, H4)
_DOSE = "một ngày, ngày uống, mỗi bữa, sau bữa ăn, mỗi tuần, theo hướng dẫn, đủ liều, mỗi lần"
_ASKED = "có sao không, có sao hông, có sao hôn, được không, được hông, phải không, phải hông"
# a body or a thermometer ("nhiệt độ" alone is also the weather's)
_BODY_TEMP = """người lạnh, thân nhiệt, đo nhiệt độ, đo nhiệt, nhiệt kế, cặp nhiệt, cặp nhiệt độ,
    nhiệt độ cơ thể, đo nách, nhiệt độ của bé, nhiệt độ của con"""
_HEART = "tim đập, tim nó đập, tim ổng đập, tim bả đập, tim em đập"
_WAS_TALKING = """còn nói được, còn nói chuyện được, còn nói chuyện, còn trả lời được,
    còn nói chuyện bình thường, vẫn còn nói được"""
_MESSAGE = "{k} trả lời tin nhắn, {k} trả lời tin, {k} trả lời điện thoại, {k} trả lời máy"
_FILLING = "xả nước đầy bồn, nước đầy bồn, đầy bồn, nước tràn bồn, tràn bồn, xả đầy bồn"
_SORE = "đau lưng, nhức lưng, mỏi lưng"  # a long lie's benign cause (keeps the sign of "đau")

# fmt: off
I37_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _PILLS, tags="i37_pills", fold="tone"),
    entry(None, "normal", 0, _TAKE, tags="i37_take", fold="exact"),
    entry(None, "normal", 0, _COURSE, tags="i37_course", fold="tone"),
    entry(None, "normal", 0, _DOSE, tags="i37_dose_frame", fold="tone"),
    entry("medical", "normal", 3, "giờ tái khám, đi tái khám", tags="i37_dose_frame", fold="tone"),
    entry(None, "normal", 0, "uống cà phê", tags="i37_drink", fold="tone"),
    entry(None, "normal", 0, _ASKED, tags="i37_asked", fold="tone"),
    entry(None, "normal", 0, _BODY_TEMP, tags="i37_body_temp", fold="tone"),
    entry(None, "normal", 0, _HEART, tags="i37_heart", fold="tone"),
    entry(None, "normal", 0, _WAS_TALKING, tags="i37_was_talking", fold="tone"),
    entry(None, "normal", 0, _FILLING, tags="i37_filling", fold="tone"),
    entry(None, "normal", 0, _MESSAGE, tags="i37_message", fold="tone"),
    entry("medical", "normal", 3, _SORE, tags="sick i37_benign", fold="tone"),
    entry(None, "normal", 0, "làm nhiều, tại làm", tags="i37_benign", fold="tone"),
    # an escaped beast crawling in is no cow ("xổng ra bò dô sân": "bò" is not the animal)
    entry(None, "normal", 0, pairings(("xổng ra", "xổng chuồng"), ("bò",), ("vô", "dô", "vào")),
          tags="i37_crawled", fold="tone"),
)
_SWALLOWS = ("swallow", "swallow_all", "j26_swallowed")
I37_COMBOS: tuple[Combo, ...] = (
    *(Combo((s, "i37_pills"), "medical", "emergency", 5, window=3, ordered=True, service="115",
            gives=frozenset({"i37_overdose"})) for s in _SWALLOWS),
    Combo(("i37_take", "i37_pills"), "medical", "emergency", 5, window=3, ordered=True,
          service="115", at_second=True, gives=frozenset({"i37_overdose", "i37_dose"})),
    Combo(("i37_was_talking", "unanswered"), "medical", "emergency", 5, window=4, ordered=True,
          service="115", at_second=True),
    Combo(("e23_lying", "e23_cannot_rise"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", at_second=True, gives=frozenset({"i37_long_lie"})),
    Combo(("b21_beast", "trapped"), "other", "emergency", 5, window=16, ordered=True,
          service="114", gives=frozenset({"trapped"})),
)
I37_READINGS: tuple[Reading, ...] = (
    Reading("i37_body_temp",   True, 25,  35,  "medical", "emergency", 5),
    Reading("i37_heart",       True, 180, 300, "medical", "emergency", 5),
    Reading("i37_heart",       True, 20,  35,  "medical", "emergency", 5),
    # a high pressure said calmly is no 115 (``mistaken``, below) but a visit today
    Reading("pressure",        True, 180, 300, "medical", "high", 3),
)
I37_DEMOTIONS: tuple[Demotion, ...] = (
    Demotion("i37_overdose", "i37_course", "normal"),
    Demotion("i37_overdose", "daily", "normal"),
    Demotion("i37_overdose", "i37_dose_frame", "normal"),
    Demotion("i37_dose", "i37_asked", "normal"),
    Demotion("i37_long_lie", "i37_benign", "normal"),
)
# fmt: on

# -- services ----------------------------------------------------------------------------
I37_LOCKED = frozenset({"closed", "stuck", "g24_locked", "h25_locked"})


def round37i_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """Locked in with a tub filling and no answer: 114 (module docstring); not when a body's
    emergency is named in words (a heart attack behind the door needs 115's crew)."""
    if service != "115":
        return service
    live = [h for h in hits if not h.negated]
    tags = [h.entry.tags for h in live]
    named = any(h.entry.urgency == "emergency" and h.entry.phrases for h in live)
    if (
        not named
        and any("i37_filling" in t for t in tags)
        and any("unanswered" in t for t in tags)
        and any(I37_LOCKED & t for t in tags)
    ):
        return "114"
    return service


# -- marks -------------------------------------------------------------------------------
I37_AGO = ("cách", "đây")
I37_ABOUT = words("chừng khoảng tầm hơn gần mấy vài ít độ cỡ")
I37_MINUTES = words("phút giây")
# what was over within the minutes keeps them past (review of 37I, H8)
I37_SETTLED = phrases("""ho ra rồi, khạc ra rồi, nhả ra rồi, móc ra rồi, lấy ra rồi, chạy mất,
    chạy rồi, không mất gì, hổng mất gì, hông mất gì, khóa van, rửa rồi, vớt lên rồi, giật mình""")
I37_BETTER = words("đỡ khỏe ổn")
I37_BETTER_SAID = phrases("bình thường, không sao, hổng sao, hông sao, hết rồi, hết đau")
I37_FROM_AFAR = words("gọi nhắn zalo")
# "ngáy" (the snore of ``asleep``) after a fall or a blow is no sleep
I37_SNORE = words("ngáy ngái")
I37_FALL = words("té ngã")
I37_BLOW = phrases("đập đầu, đầu đập, bị xô, bị đánh")
I37_THING = words("cái ly chén đồ điện thoại chai tô dĩa bình")
I37_UNHURT = phrases("hổng sao, không sao, hông sao, vẫn ngủ")
I37_FALL_REACH = 20


def _minutes_ago(ws: list[str], start: int) -> bool:
    """ "cách đây năm phút", "cách đây mấy phút": a past marker at ``start`` that is
    minutes ago (the unit right after the number decides: "cách đây hai năm" is years), and
    no settling said after it nor a call from afar right after it."""
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
    if not (j < len(ws) and ws[j] in I37_MINUTES):
        return False
    rest = ws[j + 1 :]
    better = any(
        w == "giờ"
        and (I37_BETTER & set(rest[k + 1 : k + 3]) or find(rest[k + 1 : k + 4], I37_BETTER_SAID))
        for k, w in enumerate(rest)
    )
    return not (better or find(rest, I37_SETTLED) or I37_FROM_AFAR & set(rest[:4]))


def _snore_after_fall(ws: list[str], start: int) -> bool:
    """A snore at ``start`` said after a person's fall or a blow that did harm."""
    if ws[start] not in I37_SNORE:
        return False
    lo = max(0, start - I37_FALL_REACH)
    falls = [
        k for k in range(lo, start) if ws[k] in I37_FALL and not I37_THING & set(ws[k - 2 : k])
    ]
    falls += [s for s, _ in find(ws[lo:start], I37_BLOW) for s in (s + lo,)]
    return any(not find(ws[k:start], I37_UNHURT) for k in falls)


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
I37_SKIP = words("lên có là được đo tới tận hơn cao vọt chỉ còn xuống khoảng chừng tầm")
I37_HIGH = (180, 250)
I37_FINE = phrases("""
    vẫn tỉnh táo, vẫn nói chuyện tỉnh táo, vẫn nói chuyện bình thường, vẫn nói chuyện được,
    vẫn ăn uống được, vẫn ăn uống bình thường, vẫn đi lại được, vẫn khỏe, vẫn khỏe re,
    vẫn bình thường, mà tỉnh táo, vẫn tỉnh, hổng đau gì, không đau gì, hông đau gì,
    không có triệu chứng gì, hổng có triệu chứng gì, không thấy gì hết, hổng thấy gì hết
""")
# a complaint named anywhere, a turn after the fine phrase, a pregnancy: the number's reading
I37_COMPLAINT = words("""
    đau nhức nhứt ói nôn mửa méo đớ ngọng lắp yếu tê xỉu ngất mờ giật liệt lơ khó chóng
    choáng lả mệt tức nhấc cử nhìn thành rõ cứng loạng lảm lộn nhận quên lừ bủn mồ phù sưng
    sốt run bầu thai sinh sanh đẻ cữ
""")
I37_TURN = words("mà nhưng còn")
# a counted heart beside exercise, sleep, a scan, crying or a question is no 115 (H5)
I37_AT_EASE = words("chạy tập gym thể thao vận động ngủ nghỉ siêu thai khóc banh đạp")
I37_ASKING = phrases(
    "bình thường, có sao, có phải, phải không, phải hông, hả, được không, được hông"
)
# a thermometer of the weather; 35 is cold only for a newborn, and not when asked (H9)
I37_WEATHER = words("trời oi sân nắng")
I37_GAUGE = phrases("nhiệt kế, đo nhiệt độ, đo nhiệt")
I37_NEWBORN = phrases("sơ sinh, sinh non, đẻ non, sanh non, mới sinh, mới sanh, mới đẻ, ngày tuổi")
# talking, then silent (H6): "giờ" right before the no-answer; not a call, a sulk, deafness
I37_NO_ANSWER = phrases("không trả lời, hông trả lời, hổng trả lời, ko trả lời, chẳng trả lời")
I37_NOW = (("giờ",), ("mà", "giờ"), ("nhưng", "giờ"))
I37_EXCUSE = phrases("""gọi điện, điện thoại, zalo, email, mail, nhắn, tin nhắn, tổng đài, giận,
    dỗi, điếc, đi ngủ""")


def _number_after(ws: list[str], end: int) -> int | None:
    j = end
    while j < len(ws) and ws[j] in I37_SKIP and j < end + 3:
        j += 1
    read = read_number(ws, j)
    return read[0] if read else None


def _calm_pressure(ws: list[str]) -> list[int]:
    """Where a high pressure is said calmly: a fine phrase after it and no turn after that,
    no complaint nor pregnancy anywhere."""
    fine = find(ws, I37_FINE)
    if not fine or I37_TURN & set(ws[fine[0][1] :]):
        return []
    said_fine = {k for s, e in fine for k in range(s, e)}
    if any(w in I37_COMPLAINT for k, w in enumerate(ws) if k not in said_fine):
        return []
    out = []
    for s, e in find(ws, I37_PRESSURE):
        value = _number_after(ws, e)
        if value and I37_HIGH[0] <= value <= I37_HIGH[1] and any(f > s for f, _ in fine):
            out.append(s)
    return out


def _eased_heart(ws: list[str]) -> list[int]:
    """Where a counted heart is said at exercise, asleep, at a scan or asked about."""
    if not (I37_AT_EASE & set(ws) or find(ws, I37_ASKING)):
        return []
    beats = find(ws, phrases(_HEART))
    return [s for s, e in beats if _number_after(ws, e) is not None]


def _not_cold(ws: list[str]) -> list[int]:
    """Where a thermometer reads the weather, or 35 not of a newborn or asked about."""
    out = []
    gauges = {s for s, _ in find(ws, I37_GAUGE)}
    for s, e in find(ws, phrases(_BODY_TEMP)):
        value = _number_after(ws, e)
        if value is None:
            continue
        weather = s in gauges and I37_WEATHER & set(ws)
        newborn = find(ws, I37_NEWBORN) and not find(ws[e:], I37_ASKING)
        if weather or (value >= 35 and not newborn):
            out.append(s)
    return out


def _not_gone_silent(ws: list[str]) -> list[int]:
    """Where a no-answer after talking is not said right after "giờ", or is a call's."""
    talked = find(ws, phrases(_WAS_TALKING))
    if not talked:
        return []
    # "còn nói chuyện được với bạn": talking to others, not to the caller
    excuse = bool(find(ws, I37_EXCUSE)) or any(ws[e : e + 1] == ["với"] for _, e in talked)
    return [
        s
        for s, _ in find(ws, I37_NO_ANSWER)
        if any(e <= s for _, e in talked)
        and (excuse or not any(tuple(ws[s - len(n) : s]) == n for n in I37_NOW))
    ]


def _harmless_pills(ws: list[str]) -> list[int]:
    """Where a bare "uống"/"nhai" is followed by pills of no drug of real danger."""
    out = []
    for s, e in find(ws, phrases(_PILLS)):
        bare = ws[max(0, s - 4) : s]
        if ("uống" in bare or "nhai" in bare) and not find(ws[e : e + 4], I37_DANGER):
            out.append(s)
    return out


def round37i_marks(ws: list[str]) -> Marks:
    """``mistaken`` over a calm high pressure, an eased heart, a thermometer not cold, a
    no-answer not of a body (module docstring)."""
    starts = _calm_pressure(ws) + _eased_heart(ws) + _not_cold(ws) + _not_gone_silent(ws)
    starts += _harmless_pills(ws)
    return {"mistaken": [(s, s + 1) for s in sorted(set(starts))]} if starts else {}
