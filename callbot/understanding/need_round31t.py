"""Round 31T of issue 13 (session 17's writers T, the second development part's needs said
again through a weak recogniser, and U, rarer medical emergencies told in plain words).

**Slips, read in general** (:func:`slipped`): a weak recogniser says "v" and "r" as "d"
("dô" for "vô", "dợ" for "vợ", "dừa" for "vừa"), "tr" as "ch", and mixes the finals "t",
"c", "ch" and "p" ("quấc", "chếc", "huyếc", "xít", "ngượt"). Every phrase of this round is
also listed with each of its words so slipped (round 11's accent key reads "gi", "r", "s" and
"tr" already, but only for emergencies and never "v").

113 (writer T):

- **Bricks or stones thrown at a house**: "quăng gạch dô nhà", "ném đá vô nhà".
- **A child chained**: "bị xít chân" ("xích"); **whipped with a cane**: "lấy roi mây quấc".
- **A gang kicking one**: "xúm lại đá một đứa" (not "xúm lại đá banh", "bu lại đánh bài").
- **Kept in and threatened**: "ra khỏi cửa là chếc" (not a parent's "là chết với má").
- **Hair grabbed and head beaten**: "nắm tóc dợ đập đầu dô tường" is 113, not 115.
- **Someone walking in the house while nobody is up**: "có người đi lại trong nhà ... hông
  ai thức".

114: a flood up to the roof ("lũ dâng tới mái").

115 (writer T): the merged "khôngthở"; a cord seen before the baby ("giây rốn lòi ra"); a
breech birth stuck ("sanh ngượt ... kẹt"); gasps with pauses ("thở hắc ra từng cái");
blood after a birth just now ("dừa sinh ... ra huyếc nhiều"); a crushing chest ("đau tứt ngực
như có đá đè"); a high pressure with confusion ("áp huyết cao ... nói năng lộn xộn").

115 (writer U), two signs together: a baby's watery stools and a dry nappy or no tears; a
headache "như muốn nổ" with a stiff neck or all of a sudden; fever with a stiff neck or a
rash that stays when pressed ("bấm hông mất"); black stools with dizziness; a diabetic's
black foot with fever or swelling; legs gone dead with back pain; a boy's sudden pain in
the testicle with swelling or vomiting; no sweat in the sun and raving; raving and not
knowing anyone; a lump in the throat and wheezing; a struck face gushing from the mouth;
a household cleaner drunk, then vomiting. Alone: no pulse felt ("hổng sờ thấy mạch").

Services: "tim đập lộn xộn" is the heart (not "đập lộn", a fight); "chơi với cái chai" is
play (not "chới với", drowning).

Calm (marks, :func:`round31t_marks`): "từng treo cổ" (once, ``past`` to the next clause;
not "từng cơn", "từng phòng": each);
"tháng dồi" (a slipped "tháng rồi", ``past``); "nghe nói ... nguy hiểm ... phải hông" (a
danger asked about, ``feared``).
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings, signs_together
from callbot.understanding.need_round31m import said_near
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

__all__ = ["T31_COMBOS", "T31_ENTRIES", "round31t_marks", "slipped"]

_INITIAL_SLIPS = (("v", "d"), ("r", "d"), ("tr", "ch"))
_FINAL_SLIPS = (("ch", "t"), ("t", "c"), ("c", "t"), ("p", "t"))


def _slips(word: str) -> list[str]:
    """``word`` as a weak recogniser may say it (one slip)."""
    out = []
    for said, heard in _INITIAL_SLIPS:
        if word.startswith(said) and len(word) > len(said):
            out.append(heard + word[len(said) :])
            break
    for said, heard in _FINAL_SLIPS:
        if word.endswith(said) and len(word) > len(said) + 1:
            out.append(word[: -len(said)] + heard)
            break
    return out


def slipped(text: str) -> str:
    """A comma-separated phrase list with every phrase also said with one word slipped."""
    out: list[str] = []
    for raw in text.split(","):
        ws = raw.split()
        if not ws:
            continue
        said = [" ".join(ws)]
        for k, w in enumerate(ws):
            said += [" ".join([*ws[:k], s, *ws[k + 1 :]]) for s in _slips(w)]
        out += [p for p in said if p not in out]
    return ", ".join(out)


_THROWN = slipped(
    pairings(
        ("quăng", "ném", "chọi", "liệng"),
        ("gạch", "đá", "gạch đá"),
        ("vô nhà", "vào nhà", "vô cửa", "lên mái"),
    )
)
_CHAINED = slipped("bị xích chân, bị xích tay, xích chân nó, xích tay nó, xích chân đứa nhỏ")
_CANED = slipped(
    pairings(("lấy roi", "cầm roi", "lấy roi mây", "cầm roi mây", "lấy cây roi"), ("quất", "quật"))
)
_GANG = slipped(pairings(("xúm lại", "xúm vô", "bu lại", "hùa nhau"), ("đá", "đánh", "đạp")))
_GANG_PLAY = slipped(
    pairings(
        ("xúm lại", "xúm vô", "bu lại", "hùa nhau"),
        (
            "đá banh",
            "đá bóng",
            "đá cầu",
            "đánh bài",
            "đánh cờ",
            "đánh bi",
            "đánh cầu",
            "đá gà",
            "đánh bạc",
            "đánh đề",
            "đá dế",
        ),
    )
)
_LEAVING = ("ra khỏi cửa", "ra khỏi nhà", "ra khỏi phòng", "bước ra", "bước ra khỏi cửa")
_KEPT_IN = slipped(pairings(_LEAVING, ("là chết", "là giết", "là chém")))
# a parent's warning ("ra khỏi nhà là chết với má"): the longer phrase hides the threat
_PARENT = pairings(_LEAVING, ("là chết với",), ("má", "mẹ", "ba", "tao", "bố", "ông", "bà"))
_HAIR = slipped(
    pairings(
        ("nắm tóc", "túm tóc", "níu tóc"),
        ("vợ", "con", "nó", "bà", "chị", "cổ", "bả", "", "rồi"),
        ("đập đầu", "đập đầu vô tường", "dộng đầu"),
    )
)
_INSIDE = slipped("đi lại trong nhà, đi trong nhà, lục lọi trong nhà, đi lại dưới nhà")
_NOBODY_UP = slipped("hông ai thức, không ai thức, hổng ai thức, cả nhà ngủ hết, ai cũng ngủ")
_ROOF_FLOOD = slipped(
    pairings(("lũ", "nước", "nước lũ"), ("dâng tới mái", "lên tới mái", "ngập tới mái"))
)
_MERGED = ", ".join(f"{k}thở" for k in ("không", "hông", "hổng", "chưa"))
_CORD = slipped("dây rốn lòi ra, dây rốn ra trước")
# a cord slipped out is a birth's only with a birth told (a week-old's stump falls off)
_CORD_OUT = slipped("dây rốn sa ra, dây rốn tuột ra")
_BREECH = slipped("sanh ngược, đẻ ngược, sinh ngược, ra cái chân trước, ra chân trước")
_GASPS = slipped("""
    thở hắt ra từng cái, thở hắt từng cái, ngưng thở một hồi, thở một cái rồi ngưng
""")  # "ngưng một hồi mới thở" is round 31S's pause: a snore's too, read with a rattle)
_JUST_BORN = slipped("vừa sinh con, vừa sanh con, vừa đẻ con, mới sinh con")
# round 1's "ra huyết" is an emergency alone: its slipped form is too
_POURING = "ra huyếc, ra huyếc nhiều"
_CRUSH = slipped("như có đá đè, như đá đè, như có ai đè, như bị đè, như có tảng đá đè")
# round 1's "tức ngực" is an emergency alone: its slipped forms are too
_CHEST = "tứt ngực, đau tứt ngực, tứt ngựt, đau tứt ngựt"
_PRESSURE = slipped("áp huyết cao, áp huyết lên, huyết áp lên cao, áp huyết tăng")
_WATERY = "đi ngoài toàn nước, đi cầu toàn nước, đi ngoài ra nước, tiêu chảy toàn nước"
_DRY = "tã khô, tã khô queo, cả ngày hông tè, {k} đi tiểu"
_BURSTING = "đau như muốn nổ, đầu như muốn nổ, đau muốn nổ đầu, đau như búa bổ"
_STIFF = "cổ cứng, cứng cổ, cổ gồng cứng, gồng cứng cổ"
_RASH_STAYS = "bấm {k} mất, ấn {k} mất, đè {k} mất, bấm vô {k} mất"
_DIZZY = "choáng váng, chóng mặt muốn té"
_BLACK_FOOT = """
    bàn chân đen thui, chân đen thui, chân đen xì, bàn chân đen xì, ngón chân đen,
    đen xì sưng lên, đen thui sưng lên
"""
# not "liệt hai chân": round 1's "bị liệt" (a lasting palsy) is read before it
_LEGS_DEAD = "hai cái chân liệt, hai chân liệt, chân liệt, chân bị liệt"
_BACK = "đau lưng dữ, đau lưng dữ lắm, đau lưng quá, đau lưng dữ dội"
_TESTIS = pairings(
    ("đau",),
    ("", "một bên"),
    ("trứng dái", "bìu", "hạ bộ", "dưới hạ bộ", "tinh hoàn", "chỗ kín một bên bìu"),
)
_SWELLS = "sưng lên, sưng to, sưng đỏ"
_NO_PULSE = "{k} sờ thấy mạch, sờ {k} thấy mạch, bắt {k} được mạch, {k} bắt được mạch"
_STRUCK = pairings(
    ("thanh sắt", "cây sắt", "thanh gỗ", "sợi cáp", "dây cáp", "tấm tôn"),
    ("quất trúng", "quật trúng", "đập trúng", "văng trúng"),
)
_GUSH = "ọc ra miệng, ọc ra, trào ra miệng"
_HEART = "tim đập lộn xộn, đập lộn xộn, tim đập lộn xà ngầu"
_PLAY = pairings(("chơi với",), ("chai", "cái", "con", "mấy", "đồ", "bạn", "tụi", "đứa", "hộp"))
_CLEANER = slipped("tẩy bồn cầu, chai tẩy, nước tẩy, thuốc tẩy, nước rửa chén")
_SPLASH = slipped("văng vô mắt, bắn vô mắt, văng vào mắt, dính vô mắt")
# dish soap in the eye at the sink stings: no burn (drunk, it stays the cleaner)
_SOAP_EYE = pairings(
    ("nước rửa chén",), ("văng vô mắt", "bắn vô mắt", "văng vào mắt", "dính vô mắt")
)

# fmt: off
T31_ENTRIES: tuple[Entry, ...] = (
    entry("violation", "emergency", 5, _THROWN, tags="violence", fold="tone", service="113"),
    entry("violation", "emergency", 3, _CHAINED, tags="violence", fold="tone", service="113"),
    entry("violation", "emergency", 5, _CANED, tags="violence", fold="tone", service="113"),
    entry("violation", "emergency", 5, _GANG, tags="violence", fold="tone", service="113"),
    entry(None, "normal", 0, _GANG_PLAY, fold="tone"),
    entry("violation", "emergency", 5, _KEPT_IN, tags="violence", fold="tone", service="113"),
    entry(None, "normal", 0, _PARENT, fold="tone"),
    entry("violation", "emergency", 5, _HAIR, tags="violence", fold="tone", service="113"),
    entry(None, "normal", 0, _INSIDE, tags="t31_inside", fold="tone"),
    entry(None, "normal", 0, _NOBODY_UP, tags="t31_nobody_up", fold="tone"),
    entry("other", "emergency", 5, _ROOF_FLOOD, tags="flood", fold="tone", service="114"),
    entry("medical", "emergency", 5, _MERGED, tags="sick", fold="exact", service="115"),
    entry("medical", "emergency", 5, _CORD, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _CORD_OUT, tags="t31_cord_out", fold="tone"),
    entry(None, "normal", 0, _BREECH, tags="t31_breech", fold="tone"),
    entry("medical", "emergency", 5, _GASPS, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _JUST_BORN, tags="birth", fold="tone"),
    entry("medical", "emergency", 5, _POURING, tags="sick", fold="exact", service="115"),
    entry(None, "normal", 0, _CRUSH, tags="t31_crush", fold="tone"),
    entry("medical", "emergency", 5, _CHEST, tags="sick", fold="exact", service="115"),
    entry(None, "normal", 0, _PRESSURE, tags="t31_pressure", fold="tone"),
    entry(None, "normal", 0, _WATERY, tags="t31_watery", fold="tone"),
    entry(None, "normal", 0, _DRY, tags="t31_dry", fold="tone"),
    entry(None, "normal", 0, _BURSTING, tags="t31_bursting", fold="tone"),
    entry(None, "normal", 0, _STIFF, tags="t31_stiff", fold="tone"),
    entry(None, "normal", 0, _RASH_STAYS, tags="t31_rash", fold="tone"),
    entry(None, "normal", 0, _DIZZY, tags="t31_dizzy", fold="tone"),
    entry(None, "normal", 0, _BLACK_FOOT, tags="t31_black_foot", fold="tone"),
    entry(None, "normal", 0, _LEGS_DEAD, tags="t31_legs", fold="tone"),
    entry("medical", "normal", 3, _BACK, tags="t31_back", fold="tone"),  # no "sick": a desk's
    entry(None, "normal", 0, _TESTIS, tags="t31_testis", fold="tone"),
    entry(None, "normal", 0, _SWELLS, tags="t31_swells", fold="tone"),
    entry("medical", "emergency", 5, _NO_PULSE, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _STRUCK, tags="t31_struck", fold="tone"),
    entry(None, "normal", 0, _GUSH, tags="t31_gush", fold="tone"),
    entry(None, "normal", 0, _HEART, tags="n27_palpitation", fold="tone"),
    entry(None, "normal", 0, _PLAY, fold="tone"),
    entry(None, "normal", 0, _CLEANER, tags="chemical", fold="tone"),
    entry(None, "normal", 0, _SPLASH, tags="splash", fold="tone"),
    entry(None, "normal", 0, _SOAP_EYE, fold="tone"),
)
T31_COMBOS: tuple[Combo, ...] = (
    Combo(("t31_inside", "t31_nobody_up"), "violation", "emergency", 5, window=8,
          service="113"),
    signs_together("t31_breech", "stuck", 8, ordered=True),
    signs_together("t31_breech", "jam", 8, ordered=True),
    signs_together("b21_chest", "t31_crush", 4, ordered=True),
    signs_together("t31_pressure", "confused", 12, ordered=True),
    signs_together("t31_watery", "t31_dry", 12, ordered=True),
    signs_together("t31_watery", "c22_sunken", 16, ordered=True),
    signs_together("t31_bursting", "t31_stiff", 8),
    # round 31S's splitting head and hard vomiting, its high pressure, said this round's way
    signs_together("t31_bursting", "s31_vomit", 8),
    signs_together("s31_head", "t31_stiff", 8),
    signs_together("pressure", "t31_bursting", 24, ordered=True, at_second=True),
    signs_together("o30_sudden", "t31_bursting", 6, ordered=True),
    signs_together("fever", "t31_stiff", 8, ordered=True),
    signs_together("sick", "t31_stiff", 4, ordered=True),
    signs_together("t31_stiff", "p27_purple", 8),
    signs_together("fever", "t31_rash", 14, ordered=True),
    signs_together("q27_melena", "t31_dizzy", 6, ordered=True),
    signs_together("q27_melena", "b21_fainting", 6, ordered=True),
    signs_together("t31_black_foot", "fever", 8, ordered=True),
    signs_together("t31_black_foot", "sick", 8, ordered=True),
    signs_together("t31_legs", "t31_back", 10),
    signs_together("t31_testis", "t31_swells", 10, ordered=True),
    signs_together("t31_testis", "sick", 8, ordered=True),
    signs_together("o30_sudden", "t31_testis", 3, ordered=True),
    signs_together("a29_no_sweat", "babble", 8, ordered=True),
    signs_together("a29_no_sweat", "confused", 8, ordered=True),
    signs_together("babble", "confused", 4, ordered=True),
    signs_together("b29_throat", "wheeze", 8, ordered=True),
    signs_together("t31_struck", "t31_gush", 6, ordered=True),
    signs_together("c29_drank", "b21_fainting", 12, ordered=True),
    signs_together("chemical", "splash", 8, ordered=True),
    *(signs_together(b, "t31_cord_out", 12, ordered=True)
      for b in ("birth", "o30_to_birth", "o30_push", "o30_crown")),
)
# fmt: on

# -- marks -------------------------------------------------------------------------------------
_ONCE = words("từng")
# "từng cơn", "từng phòng", "từng cái": each, not once
_EACH = words("""
    cơn lúc chút phòng nhà cái người đứa bữa ngày giờ tiếng hơi ngụm miếng đợt lần khúc bước
    nhà căn món bãi cục đống hộp chai con chiếc tầng
""")
_CLAUSE_END = words("giờ mà nhưng nay đang lại bây mới")
# a sudden turn ends the clause too ("từng bị đột quỵ tự nhiên méo miệng")
_TURN = phrases("tự nhiên, tự dưng, đột nhiên, bỗng nhiên, bỗng dưng, rồi giờ")
_ONCE_REACH = 8
_MONTH_GONE = phrases("tháng dồi, tuần dồi, năm dồi, tháng rùi, tuần rùi, năm rùi")
_HEARD = phrases("nghe nói, nghe người ta nói, đọc báo thấy, coi ti vi thấy")
_DANGER = phrases("nguy hiểm, có sao, có sao hông, có chết")
_ASKED = words("hông không hổng ha hả")
_HEARD_REACH = 10


def _until_clause(ws: list[str], start: int) -> int:
    """The end of the clause that begins at ``start`` (the next present or contrast word)."""
    turns = {s for s, _ in find(ws, _TURN)}
    return next(
        (
            k
            for k in range(start + 1, min(len(ws), start + _ONCE_REACH))
            if ws[k] in _CLAUSE_END or k in turns
        ),
        min(len(ws), start + _ONCE_REACH),
    )


def round31t_marks(ws: list[str]) -> Marks:
    """``past``: "từng treo cổ", "tháng dồi"; ``feared``: a danger heard of and asked about."""
    past = [
        (k, _until_clause(ws, k))
        for k, w in enumerate(ws)
        if w in _ONCE and not _EACH.intersection(ws[k + 1 : k + 2])
    ]
    past += [(s, _until_clause(ws, e - 1)) for s, e in find(ws, _MONTH_GONE)]
    feared = []
    for s, e in find(ws, _HEARD):
        rest = ws[e : e + _HEARD_REACH]
        if find(rest, _DANGER) and _ASKED.intersection(rest):
            feared.append((s, e + _HEARD_REACH))
    return {"past": past, "feared": feared, "mistaken": _look_alikes(ws)}


# bricks thrown up to a roof at work ("thợ hồ quăng gạch lên mái để lợp")
_THROWN_P = phrases(_THROWN)
_TRADE = words("thợ lợp xây sửa dựng")
_TRADE_REACH = 8
# a black foot is the diabetic's gangrene only with the sugar, the rot or a swelling told
_BLACK = phrases(_BLACK_FOOT)
_ROT = words("đường hoại sưng mủ hôi thối")
# out of breath from a run ("chạy bộ mệt quá hổng còn hơi thở")
_NO_AIR = phrases("còn hơi thở")
_EXERTION = words("chạy leo tập dốc gym")
_EXERTION_REACH = 6
# an epidemic's or the weather's "ra khỏi nhà là chết" ("ngoài đường dịch dữ lắm ...")
_KEPT_IN_P = phrases(_KEPT_IN)
_WEATHER = words("dịch covid vít nắng nóng lạnh mưa bão lũ ngập gió bụi khói")
_WEATHER_REACH = 8


def _look_alikes(ws: list[str]) -> list[tuple[int, int]]:
    """Bricks to a roof at work, a black foot from the fields, a breath lost to a run, an
    epidemic's or the heat's "ra khỏi nhà là chết" (``mistaken``)."""
    out = said_near(ws, _THROWN_P, _TRADE, _TRADE_REACH, _TRADE_REACH)
    if not _ROT.intersection(ws):
        out += find(ws, _BLACK)
    out += [(max(0, s - 1), e) for s, e in said_near(ws, _NO_AIR, _EXERTION, _EXERTION_REACH)]
    out += said_near(ws, _KEPT_IN_P, _WEATHER, _WEATHER_REACH)
    return out
