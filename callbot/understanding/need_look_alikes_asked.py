"""Look-alikes of emergencies that are none, sixth set: asked about, harmless, dreamt, usual
(round 13 of issue 13, the lead's probes; marks and the test read by :mod:`.need_time`, as
:mod:`.need_look_alikes_things`).

The lead's false emergencies showed these classes, each covered in several wordings, regions
and recognition damages, not by their sentences:

- **A harmless drink taken by mistake** ("bé uống nhầm ly sữa của em nó", "uống lộn chai nước
  suối", "uống nhầm mấy viên vitamin"): a mistake verb (:data:`MISTAKE`) whose object, past a
  container or a count, is water, milk, juice, tea, coffee or a vitamin (:data:`HARMLESS`), with
  no poison, medicine, caustic nor symptom anywhere in the answer (:data:`HAZARDS`: "uống nhầm
  chai nước suối đựng xăng", "... giờ ói quá trời" stay 115).
- **A tripped breaker** ("sập cầu dao", "nhảy cầu dao", "cúp cầu giao", "aptomat nhảy"): the
  collapse of "sập cầu" or the jump of "nhảy cầu" is the breaker's (:data:`BREAKERS` starting
  inside the emergency's words or right after them); sparks, smoke or fire said beside it are
  their own emergencies and stay 114.
- **Which number, what to do** ("khi thấy nhà bị cháy thì gọi số nào", "cháy rừng thì báo cho
  ai", "khi có hỏa hoạn phải làm gì", "hỏi chút cháy nhà gọi một một bốn hay một một ba"): an
  emergency before a question of what to do or whom to call (:data:`QUESTIONS`), opened by
  "khi", "lúc", "hễ" (:data:`OPENERS`), or closed by "thì", or after "hỏi" with nobody of the
  caller's named, is asked about, unless something says it happens now (:data:`NOW`: "nhà tui
  đang cháy gọi số nào", "cháy rồi gọi số mấy đây").
- **A dream or a rumour** ("nằm mơ thấy ba bị đột quỵ", "chiêm bao thấy", "nghe đồn có người bị
  bắt cóc"): what its clause says (to a break, "thì", "giờ", "mà") is none unless said real.
- **A usual medicine** ("mẹ uống thuốc ngủ mỗi tối bác sĩ kê", "uống thuốc ngủ theo toa"): a
  medicine taken as prescribed or every night (:data:`USUAL`) is no overdose, unless an
  overdose is said (:data:`OVERDOSE`: "cả vỉ", "nhiều", "gọi không dậy").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_look_alikes_general as lg
from callbot.understanding import need_time_words as tw
from callbot.understanding.need_look_alikes import ASKED, PERSONAL
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

# 1. A harmless drink taken by mistake.
MISTAKE = phrases("""
    uống nhầm, uống lộn, uống nhằm, uống phải, ăn nhầm, ăn lộn, nuốt nhầm, nuốt lộn, lỡ uống,
    uống trúng, uống đại
""")
COUNTS = words("""
    ly cốc chai hộp lon ca bình bịch gói ngụm hớp miếng mấy vài một hai ba cái viên nửa nguyên
    cả
""")
COUNT_REACH = 3
HARMLESS = phrases("""
    nước lọc, nước suối, nước sôi, nước đun sôi, nước mát, nước uống, nước cam, nước chanh,
    nước ngọt, nước ép, nước dừa, nước mía, nước trà, nước chè, nước đá, trà, chè, trà sữa, sữa,
    sữa chua, sữa bột, cà phê, cafe, cà fê, vitamin, vi ta min, vitamine, kẹo, bánh, nước của,
    cơm, cháo, canh
""")
HAZARDS = words("""
    thuốc xăng dầu tẩy axit axít xít hóa hoá chất chuột sâu cỏ độc rượu bia cồn nhớt javel ven
    rửa giặt xà pin thủy thuỷ đựng ói nôn mửa sùi bọt giật tím rát bỏng phỏng xỉu ngất lơ
    lờ thở sặc quằn lăn co mê bất
""")
# 2. A tripped breaker.
BREAKERS = phrases("""
    cầu dao, cầu giao, cầu rao, cầu đao, cầu dao tổng, át, át tô mát, áp tô mát, aptomat,
    atomat, cb, cầu chì
""")
# 3. Which number, what to do.
_NUMBERS = ("một một lăm", "một một năm", "một một bốn", "một một ba")
QUESTIONS = phrases(
    """
    gọi số nào, gọi số mấy, số nào, số mấy, số mô, gọi số mô, gọi ai, gọi cho ai, gọi đâu,
    gọi ở đâu, gọi mô, báo mô, mần răng, mần chi, làm chi, báo ai,
    báo cho ai, báo đâu, báo ở đâu, làm gì, làm sao, làm thế nào, làm như nào, làm răng,
    xử lý sao, xử lý thế nào, chạy ra sao, chạy sao, thoát ra sao, thoát sao, sơ cứu sao,
    sơ cứu thế nào, cứu sao, phải làm gì, phải làm sao, nên làm gì, nên làm sao, cho ăn gì,
    cho uống gì, nên ăn gì, nên uống gì,
    """
    + ", ".join(f"{v} {n} hay" for v in ("gọi", "số", "gọi số") for n in _NUMBERS)
)
OPENERS = phrases("khi, khi mà, lúc, lúc mà, hễ, hễ mà, mỗi khi, mỗi lần, trường hợp, giả sử")
THEN = words("thì thời")
# Between "thì" and the question: "thì phải gọi số nào", "thì mình làm sao".
THEN_FILLERS = words("phải mình nên ta người tui tôi em cần")
NOW = words("""
    đang giờ bây chừ rồi vừa mới nãy này nào cứu lẹ gấp kìa đây nhanh trời
""")
# Right after the question: "gọi số mấy đây", "... lẹ lên" (not "vậy chị ơi").
URGED = words("đây lẹ gấp cứu nhanh kìa liền")
ASK_REACH = 14
# 4. A dream, a rumour.
DREAMS = phrases("""
    nằm mơ, mơ thấy, giấc mơ, chiêm bao, chiêm bao thấy, nằm mộng, mộng thấy, ác mộng, mơ là,
    nghe đồn, người ta đồn, đồn là, đồn rằng, tin đồn, đồn ầm, nghe nói là có
""")
DOUBTED = words("biết có hay")
DREAM_STOPS = words("thì mà nhưng nên giờ đang tỉnh dậy thức thiệt thật ai dè hóa")
# A reversal to a screen ("qua coi thì ông đó đang coi phim"), or a screen "thôi" ("hắn chơi
# game rứa thôi"): what was said before it was a film's or a game's.
SCREENS = phrases("""
    phim, game, gêm, ti vi, tivi, điện tử, karaoke, ca ra ô kê, loa, kịch, tuồng, clip
""")
REVEAL_REACH = 8
ONLY = "thôi"
ONLY_REACH = 3
NOT_ONLY = words("không hổng chẳng chứ phải")
# Signs asked about ("dấu hiệu nhồi máu cơ tim là sao"), not seen ("có dấu hiệu đột quỵ").
SIGNS = phrases("dấu hiệu, triệu chứng, biểu hiện, dấu hiệu của, triệu chứng của, biểu hiện của")
SIGN_SEEN = words("có thấy bị nhiều đang")
SIGN_REACH = 3
SIGN_ASKED = phrases("là sao, là gì, ra sao, thế nào, như nào, như thế nào, gồm, nhận biết")
SIGN_ASKED_REACH = 8
# 5. A usual medicine.
USUAL = phrases("""
    mỗi tối, mỗi đêm, mỗi ngày, mỗi sáng, hằng đêm, hằng ngày, hàng đêm, hàng ngày, hằng tối,
    hàng tối, đêm nào cũng, tối nào cũng, theo toa, theo đơn, bác sĩ kê, bác sĩ cho, bs kê,
    toa bác sĩ, đơn bác sĩ, lâu nay, mấy năm nay, mấy tháng nay, thường xuyên, để ngủ,
    ngủ ngon, uống lâu, uống lâu năm
""")
USUAL_REACH = 8
OVERDOSE = words("""
    cả hết nhiều nắm chục lố quá liều tự tử dậy tỉnh mê lơ li bì ngất xỉu
""")
# A word one of the classes needs: without any, the answer is not looked at further.
CUES = words("""
    nhầm lộn nhằm phải trúng đại cầu át áp aptomat atomat cb mơ mộng chiêm đồn thuốc thì thời
    khi lúc hễ mỗi trường giả hỏi phim game gêm tử tivi vi karaoke loa kịch clip dấu triệu
    biểu
""")


def _harmless(words_: list[str], marks: Marks) -> list[tuple[int, int]]:
    """The mistakes whose object is a harmless drink, the answer naming no hazard."""
    if HAZARDS & set(words_):
        return []
    found = []
    starts = {s for s, _ in find(words_, HARMLESS)}
    for s, e in marks.get("_mistake", []):
        k = e
        while k < len(words_) and k - e < COUNT_REACH and words_[k] in COUNTS:
            k += 1
        if k in starts or (k < len(words_) and words_[k] == "nước" and k + 1 == len(words_)):
            found.append((s, k + 1))
    return found


def _asked(words_: list[str]) -> list[tuple[int, int]]:
    """The stretches of an emergency asked about: from an opener, "hỏi" or the clause's start
    to the question's end (module docstring)."""
    openers = [e for _, e in find(words_, OPENERS)]
    asks = [e for _, e in find(words_, ASKED)]
    out = []
    for s, e in find(words_, QUESTIONS):
        k = s
        while k > 0 and s - k < 2 and words_[k - 1] in THEN_FILLERS:
            k -= 1
        then = k > 0 and words_[k - 1] in THEN
        after = words_[e : e + 3]
        opened = max((o for o in openers if 0 < s - o <= ASK_REACH), default=None)
        asked = max((a for a in asks if 0 < s - a <= ASK_REACH), default=None)
        if opened is not None:
            start = opened
        elif asked is not None:
            start = asked
        elif then:
            start = max(0, s - ASK_REACH)
        else:
            continue
        span = words_[start:s]
        if NOW & set(span) or URGED & set(after) or tw.REAL & set(span):
            continue
        if opened is None and PERSONAL - {"nhà"} & set(span):
            continue
        out.append((start, e))
    return out


def _screen_revealed(words_: list[str]) -> list[tuple[int, int]]:
    """A reversal to a screen, or a screen said with "thôi": resolves what was said before."""
    screens = find(words_, SCREENS)
    out = [
        (s, e)
        for s, e in find(words_, tw.REVERSAL)
        if any(0 <= k - e < REVEAL_REACH for k, _ in screens)
    ]
    for s, e in screens:
        only = [k for k in range(e, min(len(words_), e + ONLY_REACH)) if words_[k] == ONLY]
        if only and not NOT_ONLY & set(words_[max(0, s - ONLY_REACH) : s]):
            out.append((s, only[0] + 1))
    return out


def _signs_asked(words_: list[str]) -> list[tuple[int, int]]:
    """The signs of an emergency asked about: from "dấu hiệu" to its question."""
    asked = [s for s, _ in find(words_, SIGN_ASKED)]
    out = []
    for s, e in find(words_, SIGNS):
        if s > 0 and words_[s - 1] in SIGN_SEEN:
            continue
        end = next((k for k in asked if 0 < k - e <= SIGN_ASKED_REACH), None)
        if end is not None:
            out.append((e, min(end, e + SIGN_REACH + 1)))
    return out


def asked_marks(words_: list[str]) -> Marks:
    """Where the answer says what this module's classes need (module docstring)."""
    if not (CUES | lg.CUES) & set(words_):
        return {}
    marks: Marks = {"_mistake": find(words_, MISTAKE)}
    dreams = [
        (e, next((k for k in range(e, len(words_)) if words_[k] in DREAM_STOPS), len(words_)))
        for _, e in find(words_, DREAMS)
    ]
    breakers = find(words_, BREAKERS)
    return {
        **lg.general_marks(words_, breakers),
        "resolved": _screen_revealed(words_),
        "signs_asked": _signs_asked(words_),
        "harmless_drink": _harmless(words_, marks),
        "breaker": breakers,
        "asked_which": _asked(words_),
        "dream": dreams,
        "usual_medicine": find(words_, USUAL),
    }


def _tripped(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """A collapse or a jump said of a breaker ("sập cầu dao", "nhảy cầu dao"), no fire."""
    if {"fire", "smoke", "blast"} & hit.entry.tags:
        return False
    return any(hit.start < s <= hit.end for s, _ in marks["breaker"])


def _usual(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """A medicine taken as prescribed or every night ("uống thuốc ngủ mỗi tối")."""
    said = words_[hit.start : hit.end]
    if "thuốc" not in said or OVERDOSE & set(words_):
        return False
    return any(0 <= s - hit.end < USUAL_REACH for s, _ in marks["usual_medicine"])


def _said_real(words_: list[str], end: int) -> bool:
    """Whether "thật", "thiệt" follows within :data:`.need_time_words.REAL_REACH` words of
    ``end``, not as a doubt ("không biết thiệt không", "có thật hay không")."""
    return any(
        words_[k] in tw.REAL and words_[k - 1] not in DOUBTED
        for k in range(end, min(len(words_), end + tw.REAL_REACH))
    )


def asked_look_alike(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    if "breaker" not in marks:
        return False
    real = _said_real(words_, hit.end)
    return (
        any(s <= hit.start < e for s, e in marks["harmless_drink"])
        or _tripped(hit, words_, marks)
        or any(s <= hit.start < e for s, e in marks["asked_which"] + marks["signs_asked"])
        or (not real and any(s <= hit.start < e for s, e in marks["dream"]))
        or _usual(hit, words_, marks)
        or lg.general_look_alike(hit, marks)
    )
