"""Emergencies the rules missed and services they got wrong, as writer U said them: elderly
callers and children, indirect (round 26J of issue 13). The entries and combos are read by
:mod:`.need_lexicon`, :func:`round26j_revise` by :mod:`.need_marks`.

- **Swallowed or eaten earlier, sick now (115)** : "thằng nhỏ nuốt viên nam châm hồi chiều
  giờ nó đau bụng ói hoài", "ăn nấm hái ngoài vườn hồi trưa giờ ói mửa": a swallowed thing
  named ("nuốt mấy viên", "nuốt cái răng giả", "uống lộn"; a bare "nuốt" is no object: "ăn
  hổng nuốt nổi giờ đau bụng" stays calm)
  or a wild food, then within 14 words a body in trouble. The hit stands at the symptom, so
  the past marker of the meal ("hồi trưa") leaves it be; a symptom said before "giờ" in the
  past stretch ("ói hồi hôm giờ hết rồi") is still put away.
- **Swallowed, then choking (115)** : "bà nuốt cái răng giả rồi giờ ho hổng ra thở khò khè":
  a thing swallowed then a cough that will not come or a wheeze within 10 words.
- **Pretending to sleep (113)** : "nó đang cầm dao lục đồ tụi em giả bộ ngủ": "giả bộ", "giả
  vờ" before "ngủ", "chết", "xỉu" is the callers hiding from an attacker, no drill; the
  "drill" and "asleep" marks are dropped there.
- **Followed the lurer in (113)** : "ông kia dụ tụi nhỏ ... giờ con bé theo ổng dô trong đó
  rồi": a ``lurer`` or a ``carry_off`` ("dụ") then, within 20 words, a child gone in after him.
- **Voices at a thief's work (113)** : "nghe dưới bếp có tiếng người lục nồi lục chén":
  a human sound then rummaging within 6 words.
- **Owner out, goods carried off (113)** : "bà tư đi chợ rồi mà có hai thằng đang khiêng cái
  ti vi ra": the owner gone out, then "mà" ("đi chợ rồi mà", "về quê rồi mà") and, within 14
  words, goods carried out (round 21B's ``b21_carrying_out``).
- **Held by them (113)** : "tụi nó còn giữ tay tui hổng chịu đi": the plural strangers holding
  the caller; it is also "arrived" (they are here), so a scam's claim ("giả làm nhân viên
  điện lực") does not put it away as a call on the phone.
- **A burn over half the body (115)** : "nó phỏng từ cái bụng xuống cái chân", "phỏng nguyên
  cái lưng": a scald said by its extent.
- **Seen on the television (not now)** : "coi ti vi thấy ở bình dương có ông bị đánh chết mà
  tui lo quá": the television then, within 3 words, what it told ("thấy ở", "thấy vụ", "đưa
  tin") is "media" to the caller's own clause ("mà", "nên", "tui") or 16 words; "đang coi ti
  vi thấy ổng ôm ngực" (no place, no "vụ") is the caller's own evening.
- **A price that kills, a medicine named (not now)** : "giá gạo giờ nó giết người ta luôn",
  "thuốc tai biến của bả còn nửa tháng": a price before "giết người" is a figure of speech;
  the medicine of an illness names the illness, it does not say it strikes ("hết thuốc tai
  biến" is high, as the lexicon's "hết thuốc huyết áp").
- **Threat for later (not now)** : "chủ nhà nói mai mà hổng đóng tiền là cho người tới đánh
  tui": a "said/threatened" with "mai", "mốt", "tuần sau" is "feared" for the next 14 words
  (:func:`round26j_marks`), so the beating threatened is no beating now.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

__all__ = ["J26_COMBOS", "J26_ENTRIES", "round26j_marks", "round26j_revise"]

# fmt: off
_FOLLOWED = pairings(
    ("theo ổng", "theo ông đó", "theo ông kia", "theo thằng đó", "theo nó", "theo bả",
     "theo bà đó", "theo ông ta"),
    ("dô", "vô", "vào", "dô trong", "vô trong", "vào trong", "đi mất", "lên xe"),
)
_VOICE = "có tiếng người, tiếng ai đó, có tiếng ai, nghe tiếng người, tiếng người ta"
_RUMMAGE = """
    lục nồi, lục chén, lục ngăn kéo, lục giỏ, lục bếp, lục ngăn tủ,
    lục cái tủ, lục rương, lục cặp
"""
_OWNER_OUT = pairings(
    ("đi chợ", "đi làm", "về quê", "đi thăm bệnh", "đi đám", "đi đám giỗ", "đi đám cưới"),
    ("rồi", "hết rồi", "từ sáng"),
    ("mà",),
)
_HELD = pairings(
    ("tụi nó", "tụi nó còn", "hai đứa nó", "hai thằng đó", "mấy thằng đó", "tụi nó cứ"),
    ("giữ tay tui", "giữ chặt tui", "ghì tui", "giữ tui lại", "nắm tay tui hổng cho",
     "giữ tay bà", "giữ tay má tui", "giữ tay ông"),
)
_WIDE_BURN = pairings(
    ("phỏng", "bỏng", "bị phỏng", "bị bỏng"),
    ("từ cái bụng xuống", "từ bụng xuống", "từ ngực xuống", "từ cổ xuống", "nguyên cái lưng",
     "hết cái lưng", "hết nửa người", "nửa người", "cả người", "nguyên người",
     "hết hai chân", "nguyên cái bụng", "hết cái bụng"),
)
_INGESTED = """
    nuốt mấy viên, nuốt cái răng, nuốt răng giả, nuốt cái răng giả, nuốt hàm răng,
    nuốt cục, nuốt mấy cục, nuốt hột, nuốt viên, nuốt cây kim, nuốt cái kim, nuốt cái đinh,
    uống lộn
"""

_PRICE_KILLS = pairings(
    ("giá gạo", "giá xăng", "giá cả", "vật giá", "giá điện", "giá thịt", "giá đồ", "tiền nhà",
     "tiền lời", "lãi"),
    ("giờ nó giết người", "nó giết người", "giết người", "giờ giết người", "giết người ta"),
)
_MEDICINE_OF = pairings(
    ("thuốc", "toa thuốc", "đơn thuốc"),
    ("tai biến", "đột quỵ", "động kinh", "nhồi máu"),
)
_MEDICINE_OUT = pairings(
    ("hết thuốc", "hết sạch thuốc", "{k} còn thuốc"), ("tai biến", "đột quỵ", "nhồi máu"),
)

J26_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _PRICE_KILLS, tags="j26_figure", fold="tone"),
    entry("medical", "normal", 3, _MEDICINE_OF, tags="j26_medicine", fold="tone"),
    entry("medical", "high", 3, _MEDICINE_OUT, tags="j26_medicine", fold="tone"),
    entry(None, "normal", 0, _FOLLOWED, tags="j26_followed", fold="tone"),
    entry(None, "normal", 0, _VOICE, tags="j26_voice", fold="tone"),
    entry(None, "normal", 0, _RUMMAGE, tags="j26_rummage", fold="tone"),
    entry(None, "normal", 0, _OWNER_OUT, tags="j26_owner_out", fold="tone"),
    entry(None, "normal", 0, _INGESTED, tags="j26_swallowed", fold="tone"),
    entry("violation", "emergency", 3, _HELD, tags="crime", fold="tone", service="113"),
    entry("medical", "emergency", 3, _WIDE_BURN, tags="sick burn", fold="tone", service="115"),
)

_CRIME = frozenset({"crime"})
J26_COMBOS: tuple[Combo, ...] = (
    Combo(("j26_swallowed", "sick"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", at_second=True),
    Combo(("wild_food", "sick"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", at_second=True),
    Combo(("j26_swallowed", "cannot_cough"), "medical", "emergency", 5, window=10, ordered=True,
          service="115", at_second=True),
    Combo(("j26_swallowed", "wheeze"), "medical", "emergency", 5, window=10, ordered=True,
          service="115", at_second=True),
    Combo(("lurer", "j26_followed"), "violation", "emergency", 5, window=20, ordered=True,
          service="113", gives=_CRIME),
    Combo(("carry_off", "j26_followed"), "violation", "emergency", 5, window=20, ordered=True,
          service="113", gives=_CRIME),
    Combo(("j26_voice", "j26_rummage"), "violation", "emergency", 5, window=6, ordered=True,
          service="113", gives=_CRIME),
    Combo(("j26_voice", "thief_at_work"), "violation", "emergency", 5, window=6, ordered=True,
          service="113", gives=_CRIME),
    Combo(("j26_owner_out", "b21_carrying_out"), "violation", "emergency", 5, window=14,
          ordered=True, service="113", gives=_CRIME),
)
# fmt: on

# -- pretending to sleep ---------------------------------------------------------------------
J26_PRETEND = phrases("giả bộ, giả vờ, giả đò, làm bộ")
J26_PLAYED = words("ngủ chết xỉu")


def round26j_revise(marks: Marks, words_: list[str]) -> Marks:
    """``marks`` without the "drill" and "asleep" of callers pretending to sleep (docstring)."""
    feigned = [
        (s, e)
        for s, e in find(words_, J26_PRETEND)
        if words_[e : e + 1] and words_[e] in J26_PLAYED
    ]
    if not feigned:
        return marks
    starts = {s for s, _ in feigned}
    after = {e for _, e in feigned}
    drill = [sp for sp in marks.get("drill", []) if sp[0] not in starts]
    asleep = [sp for sp in marks.get("asleep", []) if sp[0] not in after]
    return {**marks, "drill": drill, "asleep": asleep}


# -- a threat for later ----------------------------------------------------------------------
J26_HELD = phrases(_HELD)
J26_SAID = words("nói hăm dọa biểu kêu")
J26_LATER = phrases("mai, ngày mai, mốt, tuần sau, tháng sau, bữa sau, bữa nào")
J26_SAID_REACH = 3
J26_LATER_REACH = 14


def round26j_marks(words_: list[str]) -> Marks:
    """ "feared" from a later day said right after "nói", "hăm"; "arrived" where they hold
    the caller (module docstring)."""
    spans = [
        (s, min(len(words_), e + J26_LATER_REACH))
        for s, e in find(words_, J26_LATER)
        if J26_SAID & set(words_[max(0, s - J26_SAID_REACH) : s])
    ]
    held = find(words_, J26_HELD)
    return {"feared": spans, "arrived": held, "media": _on_tv(words_)}


# -- seen on the television ------------------------------------------------------------------
J26_TV = phrases("coi ti vi, xem ti vi, coi tivi, xem tivi, coi ti di, coi truyền hình")
J26_TV_TOLD = phrases("""
    thấy ở, thấy dưới, thấy trên, thấy ngoài, thấy vụ, thấy người ta, thấy có vụ, nói ở,
    đưa tin, chiếu vụ, chiếu cảnh
""")
J26_TV_REACH = 3
J26_CLAUSE_END = words("mà nên tui")
J26_CLAUSE_MAX = 16


def _on_tv(words_: list[str]) -> list[tuple[int, int]]:
    """ "coi ti vi thấy ở bình dương có ông bị đánh chết": what the television told, to the
    caller's own clause ("mà tui lo quá")."""
    told = [s for s, _ in find(words_, J26_TV_TOLD)]
    out = []
    for s, e in find(words_, J26_TV):
        if not any(0 <= k - e < J26_TV_REACH for k in told):
            continue
        end = next(
            (
                k
                for k in range(e, min(len(words_), e + J26_CLAUSE_MAX))
                if words_[k] in J26_CLAUSE_END
            ),
            min(len(words_), e + J26_CLAUSE_MAX),
        )
        out.append((s, end))
    return out
