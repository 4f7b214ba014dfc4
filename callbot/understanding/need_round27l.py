"""Emergencies the rules missed, services they got wrong and false alarms, as writer W said
them (round 27L of issue 13). The entries and combos are read by :mod:`.need_lexicon`,
:func:`round27l_marks` by :mod:`.need_marks`.

- **Lying in wait (113)** : "tụi nó phục ở đầu hẻm chờ tui đi làm về đòi xử tui", "mấy thằng
  đó đứng canh ngoài ngã tư em hổng dám về": a gang waiting for the caller ("phục ở", "phục
  sẵn", "đứng canh", "chờ sẵn", "đón đường"...) with, within 14 words, what they want
  ("đòi xử", "đòi tính sổ", "hăm xử") or the caller not daring to go home ("hổng dám về").
  "rình" is left to the lexicon (an emergency alone).
- **The animal taken away (115)** : "con chó nhà bên cắn rách mặt thằng nhỏ chủ nó nhốt con
  chó lại rồi giờ máu ra quá trời": "kéo con chó đi", "nhốt con chó lại", "dắt con chó ra"
  name the animal only to say it is gone; the bleeding after it is the bitten child's, not
  the dog's (:func:`.need_time._of_an_animal` no longer sees an animal there).
- **Heat stroke, unnamed (115)** : "đi phụ hồ về người nóng hầm hập nói lảm nhảm": the body
  hot ("người nóng ran", "mình nóng hổi") with babbling or confusion within 10 words.
- **Low sugar, unnamed (115)** : "ba tui tiểu đường giờ run lẩy bẩy hỏi gì cũng hổng biết":
  a low-sugar sign (shaking, sweating) with confusion ("hỏi gì cũng hổng biết", "ngơ ngác")
  or babbling within 10 words.
- **A caustic drunk, the mouth burnt (115)** : "thằng nhỏ tu nguyên chai nước tẩy họng nó
  cháy rát": "miệng cháy", "cháy họng" after a chemical is a burn inside, not a fire; a whole
  bottle of a chemical drunk ("uống nguyên chai nước tẩy") is 115 too.
- **The attacker not gone (113)** : "tui bị chém ở tay mà tụi nó chưa chịu đi": "chưa đi",
  "chưa chịu đi", "hổng chịu đi" of the attackers says they are still there (a
  ``perpetrator`` phrase: a wound is a police matter first, :mod:`.need_service`).
- **A wandering elder (high, not 113)** : "bà ngoại lú lẫn đi lạc từ trưa tới giờ": an
  elder with dementia, or an elder named, gone astray is a search, not a crime; a fall, the
  water or a roof said with it keeps its own emergency.
- **Goods swept away (not now)** : "lũ cuốn hết đồ đạc giờ nhà tui hổng còn gì ăn": a flood
  that carried off things is a loss to be helped, not someone in the water.
- **Armed at the door (113)** : "thằng em rể vác súng qua nhà": "mang súng", "vác súng",
  "mang theo súng" as the lexicon's "cầm súng"; a water gun, a plastic one is none.
- **A scald by the skin (115)** : "làm đổ nồi nước sôi trúng hai chân da phồng hết": boiling
  water with, within 12 words, skin blistered or peeling all over ("da phồng hết", "tuột
  da"); "bị phồng da xíu xíu" is no extent and stays calm.
- **Gasping like a fish (115)** : "ông tui nằm thở như cá ngáp": agonal breathing, no simile.
- **Drowned in debt (figure)** : "nợ chết chìm luôn", "ngập đầu chết chìm" is no one in water.
- **Treated, at rest (resolved)** : "lên cơn suyễn xịt thuốc xong ngủ ngon rồi": a treatment
  then, within 6 words, at rest ("ngủ ngon rồi", "thở êm rồi"); what is said after it ("mà
  giờ lại thở hổng nổi") still counts.
- **Fight made up (resolved)** : "hai ông đánh lộn mà giờ bắt tay làm hòa rồi": a brawl and,
  within 12 words, "bắt tay rồi", "làm hòa rồi", "huề rồi"; not when a wound, a blade or
  blood is said, nor when the fight starts again ("lại đánh", "đánh tiếp", "nữa").
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

__all__ = ["L27_COMBOS", "L27_ENTRIES", "round27l_marks"]

# fmt: off
_AMBUSH = pairings(
    ("phục ở", "phục sẵn", "phục kích", "nằm phục", "núp chờ", "đứng canh", "canh sẵn",
     "canh ở", "chờ sẵn", "đợi sẵn", "đứng chờ sẵn", "đón đường", "đón lõng", "chặn ở",
     "đón ở", "phục ngoài", "canh ngoài", "canh me"),
) + ", " + pairings(
    ("đứng canh", "canh", "phục", "núp"),
    ("ngoài đầu", "ở đầu", "ngoài ngã", "ở ngã", "ngoài cổng", "ở cổng", "dưới chân",
     "ngay đầu"),
)
_WANT = """
    đòi xử, hăm xử, đòi xử đẹp, đòi tính sổ, đòi dằn mặt, đòi cho biết tay, đòi xử lý,
    đòi cho một trận, đòi dạy cho, chờ xử, để xử, xử em, xử tui, xử tôi, xử con
"""
_DARE_NOT = pairings(
    ("{k} dám",),
    ("về", "đi về", "ra về", "ra khỏi", "ra ngoài", "đi ngang", "đi làm về", "về nhà"),
)
_ANIMAL_OFF = pairings(
    ("kéo", "lôi", "dắt", "đuổi", "xua", "cột", "nhốt", "giữ", "bắt"),
    ("con chó", "con chó đó", "con mèo", "con khỉ", "con chó nó"),
    ("đi", "ra", "lại", "vô chuồng", "vào chuồng", "vô nhốt", "vào nhốt", "nhốt lại",
     "đi nhốt", "vô nhà nhốt"),
)
_BODY_HOT = pairings(
    ("người", "mình", "cả người", "mình mẩy", "người ổng", "người bả", "người nó"),
    ("nóng ran", "nóng hổi", "nóng rực", "nóng hầm hập", "nóng như lửa", "nóng bừng",
     "nóng như hòn than", "nóng ran hết"),
)
_CONFUSED = """
    hỏi gì cũng {k} biết, hỏi gì cũng {k} trả lời, hỏi gì cũng {k} nói, hỏi gì cũng ngơ,
    hỏi gì cũng lắc, ngơ ngơ ngác ngác, ngơ ngác, hỏi {k} biết gì, kêu {k} biết gì
"""
# the caller at a loss for words, not confused
_AT_A_LOSS = "hỏi gì cũng {k} biết trả lời, {k} biết trả lời sao, {k} biết trả lời làm sao"
_MOUTH_BURNT = pairings(
    ("miệng", "họng", "cổ họng", "lưỡi", "môi", "trong miệng"),
    ("", "nó", "bả", "ổng", "con bé", "thằng nhỏ", "con nhỏ", "tui", "em"),
    ("cháy", "cháy hết", "cháy rát", "bỏng rát", "phỏng hết", "bỏng hết", "rộp hết",
     "lở hết", "cháy đỏ"),
) + ", cháy miệng, cháy họng, cháy cổ họng, bỏng thực quản, phỏng trong miệng"
_NOT_GONE = pairings(
    ("thằng đó", "nó", "tụi nó", "bọn nó", "mấy thằng đó", "thằng kia", "ổng", "tụi kia",
     "bọn kia", "thằng đó nó"),
    ("chưa đi", "chưa chịu đi", "vẫn chưa đi", "chưa bỏ đi", "chưa chịu về", "hổng chịu đi",
     "không chịu đi", "hông chịu đi", "vẫn chưa chịu đi", "chưa chạy"),
)
_ELDER_LOST = pairings(
    ("lẩm cẩm", "bị lẫn", "lú lẫn", "bị lú", "lãng trí", "đãng trí", "mất trí nhớ",
     "lẫn rồi", "lẫn lộn", "ông già", "bà già", "ông cụ", "bà cụ", "ông nội", "bà nội",
     "ông ngoại", "bà ngoại", "ông già tui", "bà già tui", "lẫn"),
    ("đi lạc", "bị lạc", "đi lạc đâu mất", "đi lạc mất", "đi lạc đâu"),
)
_SWEPT_GOODS = pairings(
    ("lũ cuốn", "nước lũ cuốn", "nước cuốn", "lũ cuốn trôi", "nước cuốn trôi"),
    ("hết đồ ăn", "hết đồ đạc", "hết đồ", "mất hết đồ", "đồ ăn", "đồ đạc", "hết lúa",
     "hết gạo", "hết heo gà", "hết gà vịt", "hết tài sản", "hết đồ dùng", "hết hoa màu",
     "hết ruộng", "hết mùa màng", "hết lương thực", "hết nồi niêu"),
)
_ARMED = "mang súng, vác súng, mang theo súng, cầm theo súng, giắt súng, đem súng, dắt súng"
_TOY_GUN = pairings(("mang", "vác", "cầm theo", "đem"), ("súng nước", "súng nhựa", "súng đồ chơi"))
_BLISTER = """
    da phồng hết, da phồng rộp hết, phồng rộp hết, da phồng lên hết, rộp hết da, tuột da,
    tuột hết da, lột da, bong hết da, da bong hết, da tróc hết
"""
_GASPING = """
    thở như cá ngáp, thở như cá mắc cạn, thở ngáp ngáp, thở ngáp cá, thở như cá,
    há miệng ngáp ngáp
"""
_DEBT_DROWNED = pairings(("ngập đầu", "nợ", "nợ nần", "nợ ngập đầu"), ("chết chìm", "chìm luôn"))

L27_ENTRIES: tuple[Entry, ...] = (
    entry("violation", "emergency", 5, _ARMED, tags="violence", fold="tone", service="113"),
    entry(None, "normal", 0, _TOY_GUN, fold="tone"),
    entry(None, "normal", 0, _BLISTER, tags="l27_blister", fold="tone"),
    entry("medical", "emergency", 5, _GASPING, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _DEBT_DROWNED, fold="tone"),
    entry(None, "normal", 0, _AMBUSH, tags="l27_ambush", fold="tone"),
    entry(None, "normal", 0, _WANT, tags="act l27_want", fold="tone"),
    entry(None, "normal", 0, _DARE_NOT, tags="l27_dare_not", fold="tone"),
    entry(None, "normal", 0, _ANIMAL_OFF, tags="l27_animal_off", fold="tone"),
    entry(None, "normal", 0, _BODY_HOT, tags="l27_body_hot", fold="tone"),
    entry(None, "normal", 0, _CONFUSED, tags="confused", fold="tone"),
    entry(None, "normal", 0, _AT_A_LOSS, fold="tone"),
    entry(None, "normal", 0, _MOUTH_BURNT, tags="l27_mouth_burnt", fold="tone"),
    entry(None, "normal", 0, _NOT_GONE, tags="perpetrator", fold="tone"),
    entry("other", "high", 3, _ELDER_LOST, tags="l27_lost", fold="tone"),
    entry(None, "normal", 0, _SWEPT_GOODS, tags="l27_swept", fold="tone"),
)

_CRIME = frozenset({"crime"})
L27_COMBOS: tuple[Combo, ...] = (
    Combo(("l27_ambush", "l27_want"), "violation", "emergency", 5, window=14, service="113",
          gives=_CRIME),
    Combo(("l27_ambush", "l27_dare_not"), "violation", "emergency", 5, window=14,
          ordered=True, service="113", gives=_CRIME),
    Combo(("l27_body_hot", "babble"), "medical", "emergency", 5, window=10, service="115"),
    Combo(("l27_body_hot", "confused"), "medical", "emergency", 5, window=10, service="115"),
    Combo(("hypo_sign", "confused"), "medical", "emergency", 5, window=10, service="115"),
    Combo(("hypo_sign", "babble"), "medical", "emergency", 5, window=10, service="115"),
    Combo(("chemical", "l27_mouth_burnt"), "medical", "emergency", 5, window=12,
          service="115"),
    Combo(("boiling", "l27_blister"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("swallow_all", "chemical"), "medical", "emergency", 5, window=4, ordered=True,
          service="115"),
)
# fmt: on

# -- a fight made up -------------------------------------------------------------------------
L27_BRAWL = phrases("""
    ẩu đả, đánh nhau, đánh lộn, đập lộn, xô xát, gây gổ, quánh lộn, oánh nhau, cãi nhau,
    gây lộn, cự lộn, giành khách đánh nhau
""")
L27_MADE_UP = phrases("""
    bắt tay rồi, bắt tay dồi, bắt tay làm hòa, làm hòa rồi, làm hòa dồi, làm lành rồi,
    huề rồi, huề dồi, giảng hòa rồi, xin lỗi nhau rồi, bắt tay xin lỗi, hòa nhau rồi,
    bỏ qua cho nhau rồi, làm hòa với nhau, bắt tay nhau rồi
""")
L27_HURT = words("""
    máu đâm chém dao mã tấu súng xỉu ngất bất tỉnh gãy bể vỡ thương cấp cứu
""")
L27_AGAIN = words("lại tiếp nữa")
L27_MADE_UP_REACH = 12


def _made_up(ws: list[str]) -> list[tuple[int, int]]:
    """ "đánh nhau mà giờ bắt tay rồi": the brawl to the making up, resolved (docstring)."""
    if L27_HURT & set(ws):
        return []
    made = find(ws, L27_MADE_UP)
    out = []
    for s, _ in find(ws, L27_BRAWL):
        ends = [e for b, e in made if 0 < b - s <= L27_MADE_UP_REACH]
        if ends and not L27_AGAIN & set(ws[max(ends) :]):
            out.append((s, max(ends)))
    return out


# -- treated, asleep now ---------------------------------------------------------------------
L27_TREATED = phrases("""
    xịt thuốc xong, xịt xong, uống thuốc xong, chích thuốc xong, ngậm thuốc xong,
    xịt thuốc rồi, uống thuốc rồi, xịt thuốc vô
""")
L27_SETTLED = phrases("""
    ngủ ngon rồi, ngủ ngon dồi, ngủ được rồi, ngủ được dồi, ngủ ngon lành rồi, thở êm rồi,
    thở đều rồi, thở đều lại rồi, thở lại bình thường, êm rồi, nằm nghỉ rồi, hết khò khè rồi
""")
L27_SETTLED_REACH = 6


def _treated(ws: list[str]) -> list[tuple[int, int]]:
    """ "lên cơn hen hồi tối xịt thuốc xong ngủ ngon rồi": treated, then at rest."""
    settled = find(ws, L27_SETTLED)
    return [
        (0, e2)
        for _, e in find(ws, L27_TREATED)
        for s2, e2 in settled
        if 0 <= s2 - e <= L27_SETTLED_REACH
    ]


def round27l_marks(words_: list[str]) -> Marks:
    """ "resolved" where a fight is made up or a treated patient is at rest (module
    docstring)."""
    return {"resolved": _made_up(words_) + _treated(words_)}
