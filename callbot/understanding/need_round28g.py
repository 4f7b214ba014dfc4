"""Round 28G of issue 13 (writer G of session 14, who imitated the locked part's writer):
ordinary city emergencies that were read only in other words.

- **An animal attacking now** ("chó dữ sổng ra đang cắn con nít", "con bò sổng chuồng húc
  người"): round 28E's attack with more verbs (``e28_mauling``): 114.
- **Coiled somewhere in the house** ("con trăn bò vô nhà quấn dưới gầm bếp"): round 22C's
  snake coiled (``c22_coiled``) under more furniture: 114.
- **Up on a roof terrace** ("đứng trên sân thượng ... đòi nhảy xuống"): a height (``height``,
  still a place): round 22C's jumper is 114.
- **Dragged into a vehicle** ("tụi cho vay nặng lãi đang lôi anh tui lên xe", "đang kéo tay
  con tui lôi ra xe"): a pull going on, then into a car: 113.
- **A burn on the body** ("bị đổ axit cháy đỏ hết ngực", "chảo dầu văng trúng mặt"): 115, not
  a fire.
- **Stuck to a live source** ("bị điện giựt dính trên hàng rào chưa ai dám kéo ra"): 114.
- **Twins** ("song thai") are a pregnancy (round 1's ``pregnant``).
- **Swallowed a whole strip** ("uống lộn nguyên vỉ thuốc"): round 4's poisoning.
- **A boy up a pole who will not come down** ("leo lên trụ điện ... hổng chịu xuống"): 114.
- **The scalp torn** ("máy cuốn tóc gỡ ra rồi mà da đầu rách"): 115 (the hair still caught
  is 114).

Calm: **said in anger, not meant** ("tui muốn giết thằng chồng luôn á mà nói dị thôi"): a
``joke`` mark, unless a weapon is named.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings, signs_together
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

# attacking a person ("con chó đang cắn xương" is no attack)
_MAULING = (
    pairings(
        ("đang cắn", "đang húc", "đang vồ"),
        ("người", "con nít", "thằng nhỏ", "con nhỏ", "đứa nhỏ", "em bé", "bà già", "ông già"),
    )
    + ", húc người, húc văng"
)
_COILED = "quấn dưới gầm bếp, dưới gầm bếp, trong gầm bếp, dưới gầm tủ, trong kẹt tủ"
_ROOF_TERRACE = """
    đứng trên sân thượng, mép sân thượng, đứng ở mép sân thượng, leo lên sân thượng,
    trèo lên sân thượng
"""
# a pull of a grown-up going on ("đang kéo xe đẩy lên xe buýt" is no abduction; a child
# pulled away is older rounds' "đang kéo con ...")
_PULLING = pairings(
    ("đang lôi", "đang kéo", "đang bắt", "đang ép", "đang xô", "đang đẩy", "đang khiêng"),
    ("anh", "chị", "ông", "bà", "người", "vợ", "chồng", "tay"),
)
_INTO_CAR = "lên xe, ra xe, vô xe, vào xe, lên xe hơi, vô xe hơi, lên ô tô, vô cốp xe"
# a ride of every day, no abduction ("đang lôi anh nó lên xe đạp chở đi học")
_RIDES = "lên xe đạp, lên xe buýt, lên xe lam, lên xe đò, lên xe về quê, lên xe đi học"
_BURNT_BODY = (
    pairings(
        ("cháy đỏ", "cháy đỏ hết", "phỏng hết", "bỏng hết", "cháy da", "phỏng da", "bỏng da"),
        ("ngực", "tay", "chân", "lưng", "bụng", "cổ"),
    )
    + """,
    đổ axit, axit văng, axit đổ, bị axit, bỏng axit, phỏng axit, chảo dầu văng,
    dầu văng trúng, dầu sôi văng trúng
"""
)
_STUCK_LIVE = """
    giựt dính, giật dính, bị điện giựt dính, bị điện giật dính, dính vô hàng rào điện,
    dính trên hàng rào
"""
_TWINS = "song thai, bầu song thai, mang song thai, có song thai, bầu đôi"
_WHOLE_STRIP = """
    uống lộn nguyên vỉ, uống nguyên vỉ, uống hết nguyên vỉ, uống lộn cả vỉ, uống lộn hết vỉ,
    uống nhầm nguyên vỉ, uống nhầm cả vỉ
"""
_WONT_COME_DOWN = """
    hổng chịu xuống, không chịu xuống, hông chịu xuống, chưa chịu xuống, nhất định không
    xuống, hổng chịu leo xuống, không chịu leo xuống
"""
# the scalp torn once freed (the hair still caught is older rounds' 114)
_HAIR_CAUGHT = "rách da đầu, lột da đầu, tróc da đầu, da đầu rách, da đầu bị rách"

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
G28_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _MAULING, tags="e28_mauling", fold="tone"),
    entry(None, "normal", 0, _COILED, tags="c22_coiled", fold="tone"),
    entry(None, "normal", 0, _ROOF_TERRACE, tags="place height", fold="tone"),
    entry(None, "normal", 0, _PULLING, tags="g28_pulling", fold="tone"),
    entry(None, "normal", 0, _INTO_CAR, tags="g28_into_car", fold="tone"),
    entry(None, "normal", 0, _RIDES, fold="tone"),
    entry("medical", "emergency", 5, _BURNT_BODY, tags="sick burn", fold="tone",
          service="115"),
    entry("other", "emergency", 5, _STUCK_LIVE, tags="g28_live", fold="tone", service="114"),
    entry("medical", "high", 1, _TWINS, tags="pregnant", fold="tone"),
    entry("medical", "emergency", 5, _WHOLE_STRIP, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _WONT_COME_DOWN, tags="g28_wont_come_down", fold="tone"),
    entry("medical", "emergency", 5, _HAIR_CAUGHT, tags="sick wound", fold="tone",
          service="115"),
)
G28_COMBOS: tuple[Combo, ...] = (
    Combo(("g28_pulling", "g28_into_car"), "violation", "emergency", 5, window=5,
          ordered=True, service="113"),
    # round 1's "lên xe" (``away``)
    Combo(("g28_pulling", "away"), "violation", "emergency", 5, window=3, ordered=True,
          service="113"),
    # round 24G's "lôi ra xe" (``g24_to_car``)
    Combo(("g28_pulling", "g24_to_car"), "violation", "emergency", 5, window=5, ordered=True,
          service="113"),
    Combo(("height", "g28_wont_come_down"), "other", "emergency", 5, window=6, ordered=True,
          service="114"),
    # round 1's "leo lên mái" (``stuck``)
    Combo(("stuck", "g28_wont_come_down"), "other", "emergency", 5, window=6, ordered=True,
          service="114"),
    signs_together("pregnant", "belly", 8),
)
# fmt: on

G28_NOT_MEANT = phrases("""
    nói vậy thôi, nói dị thôi, nói zậy thôi, nói chơi thôi, nói giỡn thôi, nói cho vui thôi,
    nói cho đã miệng thôi, nói vậy chứ, nói dị chứ, nói cho sướng miệng
""")
G28_WEAPONS = words("dao mã tấu súng rựa búa gậy xăng axit")


def round28g_marks(ws: list[str]) -> Marks:
    """Said in anger, not meant (module docstring): what came before is a joke."""
    if G28_WEAPONS.intersection(ws):
        return {}
    return {"joke": [(0, e) for _, e in find(ws, G28_NOT_MEANT)]}
