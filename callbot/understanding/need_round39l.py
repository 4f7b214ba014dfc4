"""Round 39L of issue 13 (writer L of session 19: very short blurted lines, four to ten words,
each emergency with a mirror that stays calm).

115, phrases and signs read together (:data:`L39_ENTRIES`, :data:`L39_COMBOS`):

- **Stabbed or slashed by a knife** ("bị dao đâm bụng", "bị dao chém trúng tay"): the
  lexicon's "bị đâm", "bị chém" with the blade said between; a wound, 115.
- **Half the body numb, as "ngừi"** ("chồng tui tê nửa ngừi", "yếu nửa ngừi"): the southern
  spelling of "người" in the lexicon's half-body phrases, a stroke.
- **A fall from a floor said with "rớt"** ("rớt từ lầu hai xuống", "rớt từ ban công"): the
  lexicon's "té từ lầu" ("tầng" left to the lexicon's lift reading). A thing, or whose thing,
  that drops ("quần áo", "điện thoại tui", "cái dép của thằng nhỏ") is no one hurt.
- **A power saw's cut into the body** ("máy cưa cắt vô đùi", "lưỡi cưa cứa trúng bắp
  chân"): a cutting machine, then a cut into a limb within five words. The saw cutting wood
  or a pipe ("máy cưa cắt trúng ống nước") stays calm.
- **A cry for help and choking** ("cứu với ông tui nghẹn"): "cứu" then the lexicon's choking
  word within six words. "nghẹn" alone is also a throat tight with tears ("nghẹn ngào").
- **Raw cassava** ("ăn khoai mì sống ói mửa", "ăn sắn sống chóng mặt"): a poisonous food like
  the lexicon's wild mushrooms, read with a sign of sickness after it; bought to cook with
  nothing wrong ("mua khoai mì sống về luộc") stays calm.
- **The baby's feet first** ("cái chân em bé ra trước", "em bé ra mông trước"): a breech birth
  under way.
- **Born where no one could help** ("đẻ rớt con trong nhà tắm", "sanh em bé trên xe"): a
  birth, then a bathroom, a car or the road within six words.
- **Many fell sick after one meal** ("cả xóm ăn đám giỗ xong đau bụng", "mấy chục người ăn
  tiệc cưới về ói"): a crowd that ate, then a sign of sickness; one family's upset stomach
  ("cả nhà ăn xong đầy bụng") is not read so.
- **A late period and a hard belly pain** ("trễ kinh đau bụng dữ lắm", "chậm kinh mà đau bụng
  quặn"), said in one breath: a pregnancy outside the womb may be bleeding; a late period
  alone, or with a dull ache, stays calm.
- **A baby of a month or two** ("em bé hai tháng sốt cao bỏ bú thở nhanh"): round 33Y's
  ``y33_young`` ("hai tháng tuổi") said without "tuổi", read with its baby signs.

Marks (:func:`round39l_marks`), each bounded to what it takes back:

- **A near miss** ("thằng cháu suýt đuối nước", "xém bị xe tông"): the emergency said right
  after "suýt", "xém", "xíu nữa là" did not happen (the two words after the marker only);
  what is said after it ("... giờ thở yếu") still counts.
- **Which number, in case** ("lỡ cháy nhà gọi số nào"): "lỡ" opening the answer, a question
  of which number or what to do after it, nothing said to have happened ("rồi", "giờ",
  "đang") and no act by mistake ("lỡ uống lộn thuốc ... gọi số nào" stays 115).
- **Only words, no blows** ("cãi nhau to tiếng thôi hông đánh"): "thôi hông" denies the
  attack said right after it (two words).
- **Asked what to do** ("hỏi coi con sốt co giật thì làm sao"): "hỏi" with a filler ("coi",
  "thử", "chút") at the answer's start, then "thì làm sao" within ten words, nobody of the
  caller's named and nothing said now: the event between is asked about.
- **Burned down, nowhere to sleep** ("nhà cháy hết rồi tối nay hổng chỗ ngủ"): a fire said
  burned out, then within six words a lack of shelter: the fire is over (burns still count).
- **It was a game** ("la cứu cứu là chơi trò chơi thôi"): "là (đang) chơi ... thôi" takes back
  a cry or a play-fight in the five words before it, never a hurt ("té chảy máu", "điện giật").
- Mend: no near miss if it came after all ("xém té mà té thiệt"), no "hỏi coi" with "ổng";
  taken back: "dao đâm sau lưng", a saw into "chân ghế", "nghẹn ngào", a breech on a scan.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings, signs_together
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import CLAUSE_BREAKS, phrases, words

__all__ = ["L39_COMBOS", "L39_ENTRIES", "round39l_marks"]

_KNIFE = "bị dao đâm, bị dao chém, bị dao đâm trúng, bị dao chém trúng"
_HALF_NUMB = """
    tê nửa ngừi, liệt nửa ngừi, yếu nửa ngừi, tê một bên ngừi, yếu một bên ngừi,
    liệt một bên ngừi, tê nửa bên ngừi, yếu nửa bên ngừi
"""
# ("rớt từ tầng" stays the lexicon's sign ``fall``, a lift's; "rớt từ trên lầu" its emergency)
_FELL_FLOOR = "rớt từ lầu, rớt lầu, rớt từ sân thượng, rớt từ ban công, rớt từ trên sân thượng"
_SAWS = "máy cưa, cưa máy, lưỡi cưa, máy cắt, máy mài, máy cắt cỏ, máy cắt sắt, máy phát cỏ"
_LIMBS = (
    "đùi", "chân", "tay", "bụng", "cổ", "mặt", "bắp chân", "bắp tay", "bàn tay", "bàn chân",
    "ngón tay", "ngón chân", "cổ tay", "cổ chân", "vai", "lưng", "đầu gối",
)  # fmt: skip
# the lexicon's own cuts ("cắt vô tay", "cứa vô cổ", "cưa đứt tay") keep their meaning
_OWN_CUTS = {
    "cắt trúng tay", "cắt vô tay", "cắt vô cổ tay", "cứa vô cổ", "cứa vào cổ",
    "cứa vô bụng", "cứa vào bụng", "cứa vô lưng", "cứa trúng tay", "cứa vô tay",
}  # fmt: skip
_CUT_INTO = ", ".join(
    p
    for p in pairings(("cắt", "cứa"), ("vô", "dô", "vào", "trúng", "đứt"), _LIMBS).split(", ")
    if p not in _OWN_CUTS
)
_CRY = "cứu, cứu với, cứu tui, cứu tôi, cứu em"
_CASSAVA = "khoai mì sống, củ mì sống, sắn sống, củ sắn sống"
_BREECH = """
    chân em bé ra trước, chân bé ra trước, chân đứa nhỏ ra trước, chân con ra trước,
    mông em bé ra trước, tay em bé ra trước, em bé ra chân trước, em bé ra mông trước
"""
_NO_WARD = """
    trong nhà tắm, trong phòng tắm, trong nhà vệ sinh, trong toilet, trên xe, trên taxi,
    dọc đường, giữa đường, ngoài đường, ngoài ruộng
"""
_CROWD_ATE = pairings(
    ("cả xóm", "cả lớp", "cả công ty", "cả xưởng", "cả đám cưới", "mấy chục người",
     "chục người", "cả chục người", "nhiều người"),
    ("ăn", "đi ăn", "mới ăn"),
)  # fmt: skip
_LATE = ("trễ kinh", "chậm kinh", "trễ kinh nguyệt", "chậm kinh nguyệt", "trễ ngày kinh")
# one phrase, the degree said with it ("dữ lắm" alone is other phrases' word too)
_LATE_HARD_BELLY = pairings(
    _LATE, ("", "mà"), ("đau bụng",),
    ("dữ lắm", "dữ quá", "dữ dội", "quặn", "quặn thắt", "quá trời", "chịu hổng nổi"),
)  # fmt: skip
_BABY_MONTHS = pairings(("em bé", "bé", "đứa nhỏ", "con nhỏ"), ("", "mới"), ("một", "hai"),
                        ("tháng",))  # fmt: skip

# fmt: off
L39_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, _KNIFE, tags="sick wound l39_knife", fold="tone",
          service="115"),
    entry("medical", "emergency", 5, _HALF_NUMB, tags="sick l39_half", fold="exact",
          service="115"),
    entry("medical", "emergency", 5, _FELL_FLOOR, tags="sick l39_fell", fold="tone",
          service="115"),
    entry(None, "normal", 0, _SAWS, tags="l39_saw", fold="tone"),
    entry(None, "normal", 0, _CUT_INTO, tags="l39_cut_into", fold="exact"),
    entry(None, "normal", 0, _CRY, tags="l39_cry", fold="tone"),
    entry(None, "normal", 0, _CASSAVA, tags="wild_food l39_cassava", fold="tone"),
    entry("medical", "emergency", 5, _BREECH, tags="sick l39_breech", fold="tone",
          service="115"),
    entry(None, "normal", 0, _NO_WARD, tags="l39_no_ward", fold="tone"),
    entry(None, "normal", 0, _CROWD_ATE, tags="l39_crowd_ate", fold="tone"),
    entry("medical", "emergency", 5, _LATE_HARD_BELLY, tags="sick belly l39_late", fold="tone",
          service="115"),
    entry(None, "high", 0, _BABY_MONTHS, tags="person who y33_young", fold="tone"),
)
_BABY_SIGNS = ("y33_baby_sign", "c22_listless", "limp", "o30_fast")
L39_COMBOS: tuple[Combo, ...] = (
    signs_together("l39_saw", "l39_cut_into", 5, ordered=True),
    signs_together("l39_cry", "swallowed", 6, ordered=True),
    signs_together("birth", "l39_no_ward", 6, ordered=True),
    signs_together("l39_crowd_ate", "sick", 12, ordered=True, at_second=True),
    *(signs_together("y33_young", b, 16, ordered=True) for b in _BABY_SIGNS),
)
# fmt: on

# -- marks ---------------------------------------------------------------------------------
# A thing that drops from a floor: no one hurt.
L39_FELL = phrases(_FELL_FLOOR)
L39_THINGS = words("""
    cái chiếc chậu cục viên trái thùng bao điện thoại đồ quần áo giá hàng xe ly chén
    dép nón gạch ngói kiếng kính tiền điểm hạng
""")
L39_PEOPLE = words("thằng con bé nhỏ đứa ông bà anh chị em má mẹ ba bố tui người cháu nó")
L39_OWNERS = words("tui tôi mình của")  # "điện thoại tui rớt": whose thing, not who fell
L39_THING_REACH = 4
# A knife said of a betrayal or a feeling ("bị dao đâm sau lưng", "như bị dao đâm").
L39_KNIFE = phrases(_KNIFE)
L39_AS_IF = words("như giống tựa")
L39_BACK = ("sau", "lưng")
# A saw's cut into a thing's "leg" or "neck" ("cắt trúng chân ghế", "cứa vô cổ chai").
L39_CUT = phrases(_CUT_INTO)
L39_CUT_THINGS = words("ghế bàn giường tủ chai lọ bình ly cửa nắm vịn kệ gỗ cây ống")
L39_SAW = phrases(_SAWS)
L39_CRY = phrases(_CRY)
L39_BEFORE_CUT = 5  # the combos' windows: the saw or the cry taken back with its cut or tears
L39_BEFORE_TEARS = 6
# Tears, not a blocked throat ("nghẹn ngào", "nghẹn lời").
L39_TEARS = phrases("nghẹn ngào, nghẹn lời")
# A breech seen on a scan, a planned operation ("siêu âm thấy em bé ra mông trước hẹn mổ").
L39_BREECH = phrases(_BREECH)
L39_SCAN = phrases("siêu âm, bác sĩ nói, bác sĩ bảo, bác sĩ dặn, khám thai")
L39_PLAN = phrases("hẹn mổ, cho mổ, lên lịch mổ, mổ chủ động, tuần sau, tháng sau, còn mấy tuần")
L39_SCAN_REACH = 6
L39_PLAN_REACH = 10
# A crowd's upset stomach already better ("... uống thuốc rồi đỡ").
L39_CROWD = phrases(_CROWD_ATE)
L39_BETTER = phrases("rồi đỡ, đỡ rồi, đỡ hết, khỏe lại, khỏe rồi, ổn rồi, hết đau rồi, hết rồi")
L39_BETTER_REACH = 14
# A near miss.
L39_NEAR = phrases("suýt, suýt nữa, suýt chút nữa, xém, xém chút, xém chút nữa, xíu nữa là")
L39_NEAR_REACH = 2  # "suýt bị xe tông", "xém chết đuối"
L39_SINGED = words("cháy bị")  # "cháy xém": singed, no near miss
L39_REAL = words("thiệt thật")  # "xém té mà té thiệt": it happened after all
L39_HURT_AFTER = words("gãy chảy bất tỉnh xỉu ngất phỏng tê")
L39_AFTER_REACH = 8
# Which number, in case.
L39_IN_CASE = "lỡ"
L39_BY_MISTAKE = words("uống ăn nuốt tay chân làm đụng đạp cắt đổ chích")
L39_WHICH = phrases("""
    gọi số nào, gọi số mấy, báo số nào, gọi ai, thì làm sao, thì làm gì, thì sao,
    phải làm sao, phải làm gì
""")
L39_HAPPENED = words("rồi giờ đang mới vừa")
L39_ASK_REACH = 10
# Only words, no blows.
L39_ONLY_NOT = phrases("thôi hông, thôi hông có, thôi chứ hông, thôi chớ hông")
L39_DENIED_REACH = 2
# Asked what to do.
L39_ASKING = phrases("hỏi coi, hỏi thử, hỏi chút, hỏi xíu, hỏi giùm, cho hỏi coi")
L39_ADVICE = phrases("thì làm sao, thì làm gì, thì phải làm sao, thì phải làm gì, thì sao")
L39_MINE = words("tui tôi em mình nhà của")
# someone there, not a case asked about ("hỏi coi ổng ngưng thở thì làm sao"); a bare "con"
# is the writer's general question ("hỏi coi con sốt co giật thì làm sao")
L39_SOMEONE = words("ổng bả ảnh chỉ nó thằng đứa ông bà bé ba má mẹ vợ chồng anh chị cháu")
# Burned down, nowhere to sleep.
L39_BURNED = phrases("cháy hết rồi, cháy rụi rồi, cháy sạch rồi, cháy trụi rồi, cháy rụi hết rồi")
L39_NO_SHELTER = phrases("""
    hổng chỗ ngủ, không chỗ ngủ, hông chỗ ngủ, hổng có chỗ ngủ, không có chỗ ngủ,
    hổng chỗ ở, không chỗ ở, không có chỗ ở, hổng có chỗ ở, hết chỗ ở, ngủ ngoài đường
""")
L39_SHELTER_REACH = 6
# It was a game.
L39_GAME = phrases("là chơi, là đang chơi, là tụi nhỏ chơi, là tụi nó chơi, là nó chơi")
L39_ONLY = "thôi"
L39_GAME_REACH = 4  # from the game to its "thôi"
L39_TAKEN_BACK = 5  # the words before "là" it takes back
# only noise and play-fights are a game; a hurt while playing is not taken back
L39_PLAY_ACTS = words("la hét kêu cứu đánh bắn súng cướp rượt đuổi ma giết")
L39_PLAY_HURT = words("""
    máu chảy té ngã gãy đầu giật điện uống nuốt thuốc ngất xỉu bất tỉnh phỏng cháy chết
""")


def round39l_marks(ws: list[str]) -> Marks:
    """A thing dropped, a near miss, only words, asked what to do, a game (``mistaken``); in
    case (``supposed``); burned down with nowhere to sleep (``fire_out``): module docstring."""
    return {
        "mistaken": _thing_dropped(ws)
        + _near_miss(ws)
        + _only_words(ws)
        + _asked(ws)
        + _game(ws)
        + _not_a_wound(ws)
        + _planned_breech(ws)
        + _crowd_better(ws),
        "supposed": _in_case(ws),
        "fire_out": _burned_down(ws),
    }


def _thing_dropped(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for s, e in find(ws, L39_FELL):
        before = ws[max(0, s - L39_THING_REACH) : s]
        things = [k for k, w in enumerate(before) if w in L39_THINGS]
        after = before[things[-1] + 1 :] if things else []
        # whose thing ("cái dép của thằng nhỏ", "điện thoại tui") is not who fell
        owned = [k for k, w in enumerate(after) if w in L39_OWNERS]
        who = set(after[: owned[0]] if owned else after)
        if things and not (L39_PEOPLE - L39_OWNERS).intersection(who):
            out.append((s, e))
    return out


def _near_miss(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for s, e in find(ws, L39_NEAR):
        end = min(len(ws), e + L39_NEAR_REACH)
        later = ws[end : end + L39_AFTER_REACH]
        missed = set(ws[e:end]) - words("bị chết")
        if (ws[s] == "xém" and s > 0 and ws[s - 1] in L39_SINGED) or (
            # the danger came after all: said again, "thiệt", or a hurt said after it
            (missed | L39_REAL | L39_HURT_AFTER).intersection(later)
        ):
            continue
        out.append((e, end))
    return out


def _in_case(ws: list[str]) -> list[tuple[int, int]]:
    if not ws or ws[0] != L39_IN_CASE or L39_BY_MISTAKE.intersection(ws[1:2]):
        return []
    for s, _ in find(ws, L39_WHICH):
        if s <= L39_ASK_REACH and not L39_HAPPENED.intersection(ws[1:s]):
            return [(0, 1)]
    return []


def _only_words(ws: list[str]) -> list[tuple[int, int]]:
    return [(e, min(len(ws), e + L39_DENIED_REACH)) for _, e in find(ws, L39_ONLY_NOT)]


def _asked(ws: list[str]) -> list[tuple[int, int]]:
    for s, e in find(ws, L39_ASKING):
        if s > 1:
            continue
        for q, _ in find(ws, L39_ADVICE):
            span = ws[e:q]
            if 0 < q - e <= L39_ASK_REACH and not (
                L39_MINE | L39_HAPPENED | L39_SOMEONE
            ).intersection(span):
                return [(e, q)]
    return []


def _burned_down(ws: list[str]) -> list[tuple[int, int]]:
    shelters = [s for s, _ in find(ws, L39_NO_SHELTER)]
    return [
        (s, e)
        for s, e in find(ws, L39_BURNED)
        if any(0 <= k - e <= L39_SHELTER_REACH for k in shelters)
    ]


def _game(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for s, e in find(ws, L39_GAME):
        if L39_ONLY not in ws[e : e + L39_GAME_REACH]:
            continue
        start = max(0, s - L39_TAKEN_BACK)
        breaks = [k for k in range(start, s) if ws[k] in CLAUSE_BREAKS]
        start = breaks[-1] + 1 if breaks else start
        before = set(ws[start:s]) | set(ws[e : e + L39_GAME_REACH])
        if L39_PLAY_ACTS.intersection(before) and not L39_PLAY_HURT.intersection(before):
            out.append((start, s))
    return out


def _not_a_wound(ws: list[str]) -> list[tuple[int, int]]:
    """A knife as a feeling or a betrayal; a saw's cut into a thing, a cry with tears in the
    throat: the saw or the cry is taken back, which the combos start from."""
    out = [
        (s, e)
        for s, e in find(ws, L39_KNIFE)
        if L39_AS_IF.intersection(ws[max(0, s - 3) : s]) or tuple(ws[e : e + 2]) == L39_BACK
    ]
    things = [s for s, e in find(ws, L39_CUT) if L39_CUT_THINGS.intersection(ws[e : e + 1])]
    tears = [s for s, _ in find(ws, L39_TEARS)]
    for table, parts, reach in (
        (L39_SAW, things, L39_BEFORE_CUT),
        (L39_CRY, tears, L39_BEFORE_TEARS),
    ):
        out += [(s, e) for s, e in find(ws, table) if any(0 < k - s <= reach for k in parts)]
    return out


def _planned_breech(ws: list[str]) -> list[tuple[int, int]]:
    scans = [e for _, e in find(ws, L39_SCAN)]
    plans = [s for s, _ in find(ws, L39_PLAN)]
    return [
        (s, e)
        for s, e in find(ws, L39_BREECH)
        if any(0 <= s - k <= L39_SCAN_REACH for k in scans)
        or any(0 <= k - e <= L39_PLAN_REACH for k in plans)
    ]


def _crowd_better(ws: list[str]) -> list[tuple[int, int]]:
    """From the meal to the better said after it, no clause break between (the combo is read
    at its sign of sickness)."""
    better = [s for s, _ in find(ws, L39_BETTER)]
    return [
        (e, k)
        for _, e in find(ws, L39_CROWD)
        for k in better
        if 0 < k - e <= L39_BETTER_REACH and not CLAUSE_BREAKS.intersection(ws[e:k])
    ]
