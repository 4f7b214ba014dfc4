"""Look-alikes of emergencies that are none, seventh set: asked in general, on a screen, a
habit, a breaker named first (round 15 of issue 13, a reviewer's probe of round 13; marks and
the test joined to :mod:`.need_look_alikes_asked`, which reads them).

The reviewer's false emergencies showed these classes, each read as a pattern, not a sentence:

- **A general question or hearsay** ("bị điện giật có nguy hiểm không", "người ta nói bị rắn
  cắn thì phải hút nọc ra đúng không", "mùa này hay bị đuối nước không", "tháng này có nhiều
  vụ cướp giật không"): an answer that names nobody of the caller's (:data:`PERSONAL`), says
  nothing of now (:data:`NOW`; a period such as "mùa này", "tháng này" is none), and is framed
  by hearsay at its start (:data:`HEARSAY`), a closing question (:data:`CLOSING`, or a final
  "không" after "có") or a count of cases (:data:`COUNTED`).
- **What to do, whom to tell** ("cháy nhà thì báo cho cơ quan nào", "lúc bị rắn cắn thì sơ cứu
  ra răng", "khi thấy người bị điện giật thì có được chạm vào không"): "X thì" followed by a
  question word (:data:`QWORDS`) or a closing question, nobody of the caller's and no now
  before "thì".
- **A screen** ("trong phim hàn có đứa nhỏ chết đuối", "phim truyền hình tối nay có cảnh
  cháy", "xem hoạt hình thấy cảnh nhà cháy"): what follows a screen word (:data:`SCREENS`), to
  a break (:data:`SCREEN_STOPS`: "coi phim xong ra ngoài thấy ... đang chết đuối" stays), is
  the screen's; a word after "phim" and a time word inside it do not break it.
- **A habit** ("suốt ngày la hét", "ngày nào cũng"): an emergency said right after a habit
  (:data:`HABITS`) in an answer with no now.
- **A breaker named first** ("cầu giao nhà em bị sập", "cầu dao tổng bị nhảy", "aptomat ngắt"):
  a breaker (:data:`.need_look_alikes_asked.BREAKERS`) followed closely by a trip
  (:data:`TRIPS`), nothing burning in the answer (:data:`BURNING`). The mark
  ``breaker_tripped`` also tells :mod:`.need` that the rules read a calm scene, so the model
  does not promote it on "cầu" (:func:`.need_model.judge` promotes only what the rules were
  sure of).

Round 16 (a reviewer's probe of rounds 14-15): the caller as the hearer ("em nghe bảo") and
"nhà" as a collapse's place ("sập nhà") name nobody, "mới" after hearsay is no now; "A hay B",
"bao lâu" and "nên ... không" ask; "bao nhiêu người" counts; "làm sao biết" opens a question;
"chống giật" names a breaker, no shock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_look_alikes import PERSONAL
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

# Now, "đang", "giờ": a general question never has them ("nhà bên cạnh đang cháy").
NOW = words("đang giờ bây chừ vừa mới nãy cứu lẹ gấp kìa đây nhanh rồi")
OWN = PERSONAL - {"giờ", "mới", "vừa", "đang", "hàng", "xóm"}
HEARSAY = phrases("""
    nghe nói, nghe người ta nói, người ta nói, người ta bảo, nghe bảo, nghe đâu, họ nói,
    ai cũng nói, người ta hay nói, thiên hạ nói, nghe kể là
""")
HEARSAY_REACH = 3
CLOSING = phrases("""
    phải không, đúng không, nguy hiểm không, có sao không, không vậy, không ạ, không nhỉ,
    phải hông, đúng hông, phải hôn, đúng hôn, hông vậy
""")
COUNTED = phrases("""
    hay bị, nhiều vụ, thường bị, hay xảy ra, bao nhiêu người, bao nhiêu vụ, bao nhiêu ca,
    bao nhiêu trường hợp, mấy vụ, mấy ca
""")
THEN = words("thì thời")
# Round 16: "bao lâu", "bao xa"; "A hay B" ("báo công an hay gọi một một ba").
QWORDS = words("nào sao răng gì đâu mô ai chi mấy bao hay")
# Round 16: the caller as the one who heard ("em nghe bảo"), the place of a collapse or fire
# ("sập nhà", "cháy nhà"), "mới" after hearsay ("nghe nói mới có vụ"): no one, no now.
HEARERS = words("em tui tôi con cháu mình anh chị")
PLACE_OF = words("sập cháy")
HEARD_NOT_NOW = words("mới vừa")
# Round 16: how to tell ("làm sao biết người nhà bị đột quỵ"): a question from the start.
HOW_TO_TELL = phrases("""
    làm sao biết, làm sao nhận biết, làm sao để biết, làm thế nào biết, làm sao mà biết,
    cách nhận biết, cách biết, sao biết, làm răng biết
""")
THEN_REACH = 8
SCREENS = phrases("""
    phim, trong phim, hoạt hình, phim hoạt hình, truyện, đọc truyện, clip, video, phim truyền
    hình
""")
SCREEN_STOPS = words("xong thì nhưng mà tắt rồi ngoài ra thiệt thật giờ")
# "quay clip", "đóng phim": a film being made is a real scene.
MAKING = words("quay đóng làm")
# "ba tui đang coi phim thấy ổng ôm ngực": a screen watched now is the caller's evening.
WATCHING_NOW = words("đang")
# A final "không" asks only after these ("có được chạm vào không", not "không có ai ... không").
ASKING = phrases("có phải, có được, có nên, có cần, có sao, có nguy, có bị, có hay, nên")
SCREEN_REACH = 10
HABITS = phrases("""
    suốt ngày, ngày nào cũng, đêm nào cũng, tối nào cũng, lúc nào cũng, cả ngày, suốt đêm,
    hở ra là, động chút là
""")
HABIT_REACH = 4
TRIPS = words("sập nhảy nhẩy ngắt cúp tắt")
TRIP_REACH = 4
BURNING = words("cháy lửa khói khét nổ tóe chập bốc nóng giật")
GUARD = "chống"
# A word one of the classes needs: without any, the answer is not looked at further.
CUES = words("""
    nghe nói bảo đâu không hông hôn hay nhiều thường thì thời phim hoạt truyện clip video trò
    game suốt nào cả hở động cầu át áp aptomat atomat cb bao mấy làm cách sao
""")


def _closing(words_: list[str]) -> bool:
    """Whether the answer ends on a question ("... phải không", "có ... không")."""
    if any(e == len(words_) for _, e in find(words_, CLOSING)):
        return True
    return bool(words_) and words_[-1] in {"không", "hông"} and bool(find(words_[:-1], ASKING))


def _personal(words_: list[str], heard: list[int]) -> set[str]:
    """The words of ``words_`` that name someone of the caller's, less the hearer before
    hearsay ("em nghe bảo") and "nhà" as a collapse's or fire's place ("sập nhà")."""
    return {
        w
        for k, w in enumerate(words_)
        if w in OWN
        and not (w in HEARERS and k + 1 in heard)
        and not (w == "nhà" and k > 0 and words_[k - 1] in PLACE_OF)
    }


def _general(words_: list[str]) -> list[tuple[int, int]]:
    """The whole answer when it asks or tells in general (module docstring)."""
    hearsay = [s for s, _ in find(words_, HEARSAY)]
    said = set(words_)
    if any(s == 0 for s, _ in find(words_, HOW_TO_TELL)) and not NOW & said:
        return [(0, len(words_))]
    heard = any(s < HEARSAY_REACH for s in hearsay)
    now = NOW - HEARD_NOT_NOW if heard else NOW
    if _personal(words_, hearsay) or now & said:
        return []
    if heard or _closing(words_) or find(words_, COUNTED):
        return [(0, len(words_))]
    return []


def _then_asked(words_: list[str]) -> list[tuple[int, int]]:
    """From the answer's start to its end when "X thì" is followed by a question."""
    for k, w in enumerate(words_):
        if w not in THEN or k == 0:
            continue
        before = set(words_[:k])
        if OWN - {"nhà"} & before or NOW & before:
            continue
        after = words_[k + 1 : k + 1 + THEN_REACH]
        if QWORDS & set(after) or _closing(words_):
            return [(0, len(words_))]
    return []


def _screened(words_: list[str]) -> list[tuple[int, int]]:
    """What follows a screen word, to a break."""
    out = []
    for s, e in find(words_, SCREENS):
        if (s > 0 and words_[s - 1] in MAKING) or WATCHING_NOW & set(words_[max(0, s - 3) : s]):
            continue
        k = e
        while k < len(words_) and k - e < SCREEN_REACH and words_[k] not in SCREEN_STOPS:
            k += 1
        out.append((e, k))
    return out


def _tripped(words_: list[str], breakers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A breaker followed by its trip ("cầu dao tổng bị nhảy"), nothing burning."""
    burning = {w for k, w in enumerate(words_) if not (k > 0 and words_[k - 1] == GUARD)}
    if BURNING & burning:  # round 16: "cầu dao chống giật" names the breaker
        return []
    out = []
    for s, e in breakers:
        trip = next(
            (k for k in range(e, min(len(words_), e + TRIP_REACH)) if words_[k] in TRIPS), None
        )
        if trip is not None:
            out.append((s, trip + 1))
    return out


def general_marks(words_: list[str], breakers: list[tuple[int, int]]) -> Marks:
    """Where the answer says what this module's classes need (module docstring); ``breakers``:
    where it names a breaker."""
    if not CUES & set(words_):
        return {}
    return {
        "general": _general(words_) + _then_asked(words_),
        "screened": _screened(words_),
        "habit_said": [(s, e) for s, e in find(words_, HABITS) if not NOW & set(words_)],
        "breaker_tripped": _tripped(words_, breakers),
    }


def general_look_alike(hit: Hit, marks: Marks) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    within = marks.get("general", []) + marks.get("screened", []) + marks.get("breaker_tripped", [])
    return any(s <= hit.start < e for s, e in within) or any(
        s <= hit.start < e + HABIT_REACH for s, e in marks.get("habit_said", [])
    )
