"""Emergencies the rules missed or sent to the wrong number, as the eleventh development set's
writers Z and Q said them (round 19 of issue 13; the entries and combinations are read by
:mod:`.need_lexicon`, :func:`revived_now` by :func:`.need_marks.all_marks`).

Each reading covers a kind of speech, in several wordings and regions and as Vosk writes them
(what the entry fields mean: :mod:`.need_lexicon`):

- **A blade that slipped** (115): "dao trượt chém vào cổ tay", "chặt mía bị dao trượt chém
  trúng ống quyển", "lỡ tay chém trúng cổ chân", "trợt tay chặt vô chân": an accident with
  no attacker, a wound (the longest match keeps the police's "chém" out). A slip that only
  touches ("dao trượt vô tay") is no emergency by itself: the bleeding said decides.
- **Drooping eyelids as Vosk writes them** ("mí mắc sụp xuống"): a sign, no collapse (114).
- **Slumped with an overdose's marks** (115): someone slumped ("gục trên xe máy") with a
  syringe beside ("ống chích", Vosk's "ống chít") or a blue face ("mặt xanh lè").
- **Someone down after a fire put out** (115, :func:`down_after_out`): "dập xong rồi khói
  cũng hết mà có chị công nhân nằm bất động": the turn after the fire put out starts the
  present, when a state of someone down is said in it (:func:`revived_now`).
- **Held captive** (113): "bị chủ nhà khóa trong phòng", "bị chồng tui khóa trái cửa nhốt";
  locked in and calling in secret ("bị khóa trong phòng ... lén gọi").
- **A child lured away** (113): "ông đó dụ con tui lên xe hơi chạy mất rồi": someone who lures
  ("ông đó dụ", "có người lừa") and a going away ("lên xe", "chạy mất"); after a marker of
  today ("hồi nãy") the child is still gone (:func:`revived_now`).
- **Clinging after a branch broke** (114): "cành gãy nó đu trên cao", "gãy nhánh thằng nhỏ
  bám cành lủng lẳng".
- **Pinned by what fell** (114): "hàng rào đổ kẹp ngang người", "cổng sập kẹp", "đè ngang
  bụng".

A beating after a small crash ("quệt vào xe ... không sao cả nhưng ông ấy túm cổ áo đấm")
stays 113 against the model's 115: :attr:`.need_model.Rules.unhurt`.
"""

from __future__ import annotations

from callbot.understanding import need_still_now as sn
from callbot.understanding.need_base import Combo, Entry, entry, pairings
from callbot.understanding.need_time_words import phrases

__all__ = ["ROUND19_COMBOS", "ROUND19_ENTRIES", "revived_now"]

# -- a blade that slipped ------------------------------------------------------------------
# "con dao", "cây rựa", "lưỡi dao" hold these; few phrases keep the matcher quick
_BLADES = ("dao", "dao phay", "dao rựa", "dao bầu", "rựa", "phảng", "mác", "búa")
_HAND_SLIPS = ("trượt tay", "trợt tay", "trật tay", "tuột tay", "sẩy tay", "lỡ tay")
_SLIPS = ("trượt", "trợt", "trật", "tuột", "sẩy", "văng", "bật", "sượt")
_BLOWS = ("chém", "chặt", "phạt", "bổ", "phập")
_TOUCH = ("vào", "vô", "trúng", "qua")
# -- drooping eyelids --------------------------------------------------------------------
_LIDS = ("mí mắc", "mi mắc", "hai mí mắc", "mí mắt", "mi mắt", "hai mí mắt")
_DROOP = ("sụp", "xụp", "sụp xuống", "xụp xuống", "bị sụp", "bị xụp", "sụp hết", "rũ xuống",
          "díp lại", "sụp lại")  # fmt: skip
# -- an overdose --------------------------------------------------------------------------
_SYRINGES = "ống chích, ống chít, kim chích, kim chít, ống tiêm, kim tiêm, xi lanh, xi ranh"
# ("tái xanh" is an emergency alone: :mod:`.need_emergency`)
_BLUE = ("mặt xanh lè", "mặt xanh lét", "mặt xanh tím", "mặt xanh mét", "mặt xanh như tàu lá",
         "môi xanh", "mặt xám ngắt", "mặt xanh")  # fmt: skip
# -- snakes named by kind ("rắn cạp nong cắn"; "rắn lục cắn", "rắn hổ cắn": need_emergency)
_SNAKES = ("rắn", "rắng", "con rắn")
_KINDS = ("cạp nong", "cạp nia", "hổ chúa", "hổ đất", "hổ mèo", "hổ mây", "chàm quạp",
          "lục đuôi đỏ", "lục xanh", "lục mũi hếch", "mái gầm", "biển", "hổ mang chúa")  # fmt: skip
_BITES = ("cắn", "cắng", "mổ", "đớp")
# -- held captive, lured away ("hắn" is read "nó": need_base.DIALECT) ------------------
_HOLDERS = ("chủ nhà", "chủ", "ông chủ", "bà chủ", "cô chủ", "chủ quán", "chủ xưởng",
            "chủ lò", "chủ ghe", "chủ tàu", "tụi nó", "bọn nó", "chúng nó", "người ta", "nó",
            "họ", "ổng", "bả", "thằng đó", "mấy người đó")  # fmt: skip
_KIN_HOLDERS = ("chồng", "vợ", "mẹ chồng", "má chồng", "cha dượng", "dượng", "ba dượng",
                "người yêu", "bạn trai")  # fmt: skip
_OF = ("", " tui", " tôi", " em", " nó")
# (not "khóa cửa lại", "khóa trái cửa": one may be locked out, "không cho vô")
_LOCKS = ("khóa trong", "khóa lại trong", "khóa cửa trong", "khóa trái trong", "khóa nhốt",
          "khóa cửa nhốt", "khóa trái cửa nhốt", "giam trong")  # fmt: skip
_HIDDEN_CALLS = "lén gọi, gọi lén, lén lấy điện thoại, lén xài điện thoại, giấu điện thoại"
_LURERS = ("ông đó", "ông kia", "bà đó", "bà kia", "thằng đó", "thằng kia", "thằng cha",
           "con mẹ đó", "mụ đó", "gã đó", "gã", "có người", "có ông", "có bà",
           "có thằng", "một ông", "một bà", "một người", "một thằng", "người lạ", "ông lạ",
           "người đàn ông", "người đàn bà", "người phụ nữ", "tên đó")  # fmt: skip
_LURES = ("dụ", "dụ dỗ", "dụ dổ", "lừa", "gạt", "dỗ", "dỗ dành", "rủ rê")
_LURE_WORDS = frozenset(w for lure in _LURES for w in lure.split())
# -- clinging after a branch broke, pinned by what fell ------------------------------------
_BRANCH = "cành gãy, nhánh gãy, cành cây gãy, nhánh cây gãy, cành bị gãy, nhánh bị gãy"
# ("đu lủng lẳng", "đu một tay" are emergencies alone: need_perils; "đu lơ lửng" too:
# need_rescue_round20)
_CLING = """
    đu trên cao, đu tòn ten, đu cành, đu nhánh, bám cành, bám nhánh,
    ôm cành, ôm nhánh, đeo lủng lẳng
"""
_FELL = ("đổ", "sập", "ngã", "đổ ập", "sập xuống", "đổ xuống", "ngã xuống")
_ACROSS = ("ngang người", "ngang bụng", "ngang ngực", "ngang lưng", "ngang hông", "ngang chân")

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
ROUND19_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5,
          pairings(_BLADES, _SLIPS + _HAND_SLIPS, _BLOWS) + ", " + pairings(_HAND_SLIPS, _BLOWS)
          + ", " + pairings(_SLIPS, _BLADES, _BLOWS), tags="sick wound blade_slip", fold="tone"),
    entry("medical", "normal", 3, pairings(_BLADES, _SLIPS + _HAND_SLIPS, _TOUCH),
          tags="blade_slip", fold="tone"),
    entry("medical", "normal", 3, pairings(_LIDS, _DROOP), tags="sick", fold="tone"),
    entry("medical", "emergency", 5, pairings(_SNAKES, _KINDS, _BITES), tags="sick",
          fold="tone"),
    entry(None, "normal", 0, _SYRINGES, tags="syringe", fold="tone"),
    entry(None, "normal", 0, ", ".join(_BLUE), tags="blue_face", fold="tone"),
    entry("violation", "emergency", 5,
          pairings(("bị",), _HOLDERS + tuple(h + o for h in _KIN_HOLDERS for o in _OF), _LOCKS),
          service="113", tags="crime captive", fold="tone"),
    entry(None, "normal", 0, _HIDDEN_CALLS, tags="secret_call", fold="tone"),
    entry(None, "normal", 0, pairings(_LURERS, _LURES), tags="lurer", fold="tone"),
    entry(None, "normal", 0, _BRANCH, tags="branch_broke", fold="tone"),
    entry(None, "normal", 0, _CLING, tags="dangling", fold="tone"),
    entry("other", "emergency", 5,
          pairings(_FELL, ("kẹp", "đè"), _ACROSS) + ", " + pairings(_FELL, ("kẹp",))
          + ", " + pairings(("kẹp", "đè"), _ACROSS),
          service="114", tags="collapse press", fold="tone"),
)

ROUND19_COMBOS: tuple[Combo, ...] = (
    Combo(("slumped", "syringe"), "medical", "emergency", 5, window=12, service="115",
          gives=frozenset({"sick", "unresponsive"})),
    Combo(("slumped", "blue_face"), "medical", "emergency", 5, window=8, service="115",
          gives=frozenset({"sick", "unresponsive"})),
    Combo(("stuck", "secret_call"), "violation", "emergency", 5, window=14, ordered=True,
          service="113", gives=frozenset({"crime"})),
    Combo(("lurer", "away"), "violation", "emergency", 5, window=8, ordered=True,
          service="113", gives=frozenset({"crime"})),
    Combo(("branch_broke", "dangling"), "other", "emergency", 5, window=8, service="114",
          gives=frozenset({"stuck"})),
)
# fmt: on

# -- someone down after a fire put out ----------------------------------------------------
_TURNS = frozenset({"mà", "nhưng", "còn", "giờ"})
_TURN_REACH = 8
_DOWN = phrases("""
    bất động, bất tỉnh, sùi bọt, sủi bọt, ngưng thở, không thở, hổng thở, hông thở, không còn thở,
    tắt thở, co giật, mê man, tím tái, không cử động, gọi không dậy, lay không dậy,
    kêu không dậy, gọi không trả lời, không tỉnh, hổng tỉnh, ngất xỉu, xỉu, ngất
""")
_Spans = list[tuple[int, int]]


def _said(words: list[str], start: int) -> bool:
    return any(tuple(words[k : k + len(p)]) == p for k in range(start, len(words)) for p in _DOWN)


# a child lured away today or yesterday is gone now ("hồi nãy có ông dụ con tui lên xe")
_LURED = phrases(pairings(_LURERS, _LURES))
_AWAY = phrases("lên xe, chở đi, đi mất, chạy mất, mang đi, đem đi, lên ô tô, vô xe, vào xe")
_AWAY_REACH = 8


def _find(words: list[str], wanted: tuple[tuple[str, ...], ...]) -> _Spans:
    return [
        (k, k + len(p))
        for k in range(len(words))
        for p in wanted
        if tuple(words[k : k + len(p)]) == p
    ]


def _lured_away(words: list[str]) -> _Spans:
    """Someone lured a child away ("ông đó dụ con tui lên xe chạy mất") after a marker of
    today or yesterday: what follows the lure is now."""
    if not any(w in _LURE_WORDS for w in words):
        return []
    days = [e for _, e in _find(words, sn.TODAY + sn.YESTERDAY)]
    aways = [s for s, _ in _find(words, _AWAY)]
    return [
        (s, len(words))
        for s, e in _find(words, _LURED)
        if any(d <= s for d in days) and any(0 <= a - e < _AWAY_REACH for a in aways)
    ]


def revived_now(marks: dict[str, _Spans], words: list[str]) -> dict[str, _Spans]:
    """``marks`` with two more stretches said to be now: what follows the turn after a fire
    put out ("dập xong rồi khói cũng hết mà có chị ... nằm bất động"), when someone is said
    to be down in it; and what follows a child lured away today (:func:`_lured_away`)."""
    out = _lured_away(words)
    for _, end in marks.get("fire_out", ()):
        turn = next(
            (k for k in range(end, min(len(words), end + _TURN_REACH)) if words[k] in _TURNS),
            None,
        )
        if turn is not None and _said(words, turn + 1):
            out.append((turn, len(words)))
    if not out:
        return marks
    return {**marks, "now": marks.get("now", []) + out}
