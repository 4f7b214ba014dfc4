"""Emergencies the rules missed, services they got wrong and false alarms, as writer X said
them (round 27N of issue 13). The entries and combos are read by :mod:`.need_lexicon`,
:func:`round27n_marks` by :mod:`.need_marks`.

Missed emergencies:

- **On a railing, saying they will jump (114)** : "có ông ngồi trên lan can cầu nói muốn
  nhảy": a height ("trên lan can", "trên mép") with, within 12 words, the wish to jump
  ("muốn nhảy", "định nhảy", round 22C's "đòi nhảy", "dọa nhảy").
- **Set on fire, people still inside (114)** : "cái xưởng bị ai đốt hồi nãy còn mấy người
  ở trong": a building burnt by someone ("nhà kho bị đốt") with people inside said after it
  ("còn ... ở trong", "kẹt ở trong"); the arsonist gone does not put the fire in the past.
- **A venomous snake in the house (114)** : "con rắn hổ bò vô nằm dưới giường em bé": a
  cobra ("rắn hổ", "con rắn hổ bự") with, within 12 words, where people
  live ("dưới giường", "trong nhà", "vô nhà", "trong mùng").
- **A latch broken, a child shut in (114)** : "thằng nhỏ chốt cửa nhà tắm chốt gãy mở hông
  ra": a broken latch ("chốt gãy", "chốt hư") with the door not opening within 6 words.
- **Blood sugar and drowsy (115)** : "máy đo đường báo hai mươi mấy ông ngủ li bì": a
  sugar reading named with drowsiness or deep sighing breath ("li bì", "thở sâu").
- **Palpitations and a heavy chest (115)** : "tim đập thình thịch ngực nặng trĩu": a racing
  heart with, within 12 words, a chest heavy or tight.
- **A pregnant woman jerks, a head splitting (115)** : "bà bầu nhức đầu dữ dội", "bà bầu vừa
  giựt một cái": "nhức đầu dữ dội" reads as "đau đầu dữ dội"; a jerk with a pregnancy said
  within 14 words.
- **A newborn yellow and drowsy (115)** : "em bé mới sanh vàng khè bú hông được": yellow
  skin with, within 8 words, not feeding or drowsy.
- **Hit by a vehicle, bleeding from the head (115)** : "bị xe tông máu tai chảy ra", "máu
  mũi máu miệng hông ngừng": blood from the ear, nose or mouth within 14 words of a
  vehicle hit.
- **A limb bent after a fall (115)** : "té xe chân gãy gập lại": a fall or a hit with a
  bone bent ("gãy gập", "cong quẹo"; "lòi xương" is already an emergency).
- **Choking, turning blue (115)** : "ôm cổ mặt đỏ rồi tím": a choking sign with turning
  blue ("rồi tím", "tím dần").
- **Diarrhoea, dried out (115)** : "đi ngoài cả chục lần mắt trũng sâu": many stools or
  vomits with the sunken eyes, no tears of round 22C.
- **A hard belly, green vomit (115)** : "bụng cứng như đá ói ra nước xanh".
- **Still spurting after the attacker fled (115)** : "ổng bỏ trốn rồi mà máu vẫn phun ra":
  "máu vẫn phun" reads as "máu phun", so the wound is for 115 once the attacker is gone.

Look-alikes, calm:

- **Nobody (hông ai ...)** : "hông ai bị trói đâu", "hổng có ai kẹt thang máy hết": a
  ``mistaken`` span from "hông ai" to its closer ("đâu", "hết", "cả") over at most 6 words;
  not when they say nobody helps ("hông ai cứu hết").
- **Rehab and jail** : "bị nhốt trong trại cai nghiện", "nhốt trong trại giam" is no crime.
- **Actually** : "bị cô nhốt trong lớp thiệt ra là học phụ đạo": what is said before "thiệt
  ra là", "hóa ra là" is corrected (``resolved`` up to it); what follows still counts. A
  body or a place in danger said before it stays ("té xỉu không dậy thiệt ra là ổng có bệnh
  tim": the illness explains the fall, it does not take it back; the lead's probe).
- **Seen on TV** : "coi ti vi vụ bắt cóc ở tỉnh khác": a ``media`` span from the TV, the
  paper, the web to 8 words after, when "vụ" follows at once.
- **Heard of, asked** : "nghe nói có vụ nổ ở quận mười có phải khu nhà tui hông": news heard
  and asked about (the answer ends in a question, no call for help).
- **The knife man arrested** : "thằng cầm dao bị bắt rồi chừng nào chợ mở lại": a culprit
  ("thằng", "tụi", "kẻ" before) arrested ("bị bắt rồi", "bị còng rồi"), no wound said, is
  ``resolved`` up to it; "mẹ tôi bị bắt đi rồi" is no arrest and stays.
- **The lift running again** : "thang máy kẹt chút rồi chạy lại": a lift running again.
- **Smoke explained** : "khói đen đằng kia là đốt đồng": smoke said to be field or rubbish
  burning.
- **Funeral aid** : "đuối nước hôm qua nhà nó xin hỗ trợ mai táng": a death past (a past
  word) and help asked for the funeral.
- **Feeding well again** : "sặc sữa hồi nãy giờ bú ngon rồi".
- **Power cut for a bill (high)** : "nhà bị cắt điện vì nợ tiền mà máy tạo oxy của ba tui
  cần điện", "sắp bị cắt điện": a cut for unpaid bills, or one to come, is ``lasting``, so
  the home oxygen falls to high (the lexicon's DEMOTIONS); a breathing sign said still counts.
"""

from __future__ import annotations

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Combo, Entry, entry, pairings
from callbot.understanding.need_time_marks import Marks, closer, find
from callbot.understanding.need_time_words import phrases, words

__all__ = ["N27_COMBOS", "N27_ENTRIES", "round27n_marks"]

# fmt: off
_JUMP = pairings(
    ("muốn", "định", "tính", "hăm", "nói muốn", "la muốn", "nói sẽ", "đòi chết"),
    ("nhảy", "nhảy cho chết"),
) + ", dọa nhảy cho chết, đòi nhảy cho chết, hăm nhảy xuống"  # more: round 22C's wants_jump
_BURNT = """
    bị ai đốt, bị người ta đốt, bị tụi nó đốt, bị kẻ gian đốt, bị phóng hỏa, bị ai phóng hỏa,
    bị ai châm lửa đốt, bị tụi nó phóng hỏa
"""
_PEOPLE = pairings(
    ("còn", "vẫn còn"),
    ("người", "một người", "hai người", "ba người", "mấy người", "vài người", "người bảo vệ",
     "bảo vệ", "công nhân", "anh bảo vệ", "ông bảo vệ", "người ngủ", "người làm"),
)
_SNAKE = "rắn hổ, con rắn hổ, rắn hổ chúa, rắn hổ bự, con rắn hổ bự"  # more in round 23E
_HOME = """
    dưới giường, trên giường, trong mùng, trong nôi, trong nhà, bò vô nhà, kế bên em bé,
    gần em bé, trong bếp
"""
_LATCH = """
    chốt gãy, chốt bị gãy, gãy chốt, ổ khóa gãy, khóa bị hư, chốt hư, chốt bị hư, gãy cái chốt,
    cái chốt gãy
"""
_SUGAR_METER = "máy đo đường, máy đo đường huyết, máy thử đường"
_SUGAR = "đo đường huyết, đường huyết, chỉ số đường, đo đường lên"
_DEEP = """
    thở sâu, thở sâu mạnh, thở dốc sâu, thở sâu thở nhanh,
    thở ra mùi trái cây, hơi thở mùi trái cây
"""
N27_PALPITATION = pairings(
    ("tim", "tim nó", "tim tui", "tim ổng", "tim bả"),
    ("đập thình thịch", "đập thùm thụp", "đập như trống", "đập loạn xạ", "đập dồn dập",
     "đập liên hồi"),
) + ", " + pairings(  # round 27Q's writer's ways, read by its combos (fainting, blackout)
    ("tim", "tim tui", "tim nó", "tim ổng", "tim bả", "tim em", "tim con"),
    ("đập loạn xạ", "đập bình bịch", "đập thình thịch loạn xạ", "đập loạn nhịp", "đập rộn"),
)
_CHEST = pairings(
    ("ngực",), ("nặng trĩu", "nặng trịch", "nặng như đá đè", "bị đè nặng", "thắt lại"),
) + ", tức ngực quá, đè nặng ngực"
_HEAD_BAD = "nhức đầu dữ dội, nhức đầu như búa bổ, nhức đầu muốn bể"
_JERK = "giựt một cái, giật một cái, giựt lên một cái, giật lên một cái, giựt tay chân"
_YELLOW = "vàng khè, da vàng khè, vàng da, da vàng, vàng hết người, vàng tới chân, vàng ệch"
_HEAD_BLOOD = """
    máu tai, máu lỗ tai, máu mũi máu miệng, máu miệng máu mũi, máu tai máu mũi, máu miệng,
    máu từ tai, máu từ lỗ tai
"""
_BENT = """
    gãy gập, gãy gập lại, gập ngược, cong quẹo, quặt ngược, gãy quặt
"""
_BLUE = "rồi tím, tím dần, tím lại, bắt đầu tím, đỏ rồi tím"
_RUNS = pairings(
    ("tiêu chảy", "đi ngoài", "đi cầu", "ỉa chảy", "đi tả", "ói mửa"),
    ("cả chục lần", "chục lần", "mấy chục lần", "liên tục", "hoài", "cả ngày"),
)
_GREEN = pairings(
    ("ói ra", "nôn ra", "ói", "mửa ra"), ("nước xanh", "mật xanh", "dịch xanh", "nước mật xanh"),
)
_SPURT = pairings(("máu vẫn", "máu còn", "máu cứ"), ("phun", "phun ra", "xịt ra", "vọt ra"))
_UNPAID_CUT = pairings(
    ("bị cắt điện", "cắt điện", "cúp điện", "bị cúp điện"),
    ("vì nợ", "do nợ", "vì nợ tiền", "do nợ tiền", "vì chưa đóng tiền", "do chưa đóng tiền",
     "vì thiếu tiền", "vì {k} đóng tiền"),
) + ", sắp bị cắt, sắp bị cắt rồi, sắp bị cắt dồi, sắp cắt điện, sắp bị cắt điện"
_REHAB = pairings(
    ("bị nhốt", "nhốt", "bị giữ", "bị đưa"),
    ("trong trại cai nghiện", "ở trại cai nghiện", "trong trung tâm cai nghiện",
     "ở trung tâm cai nghiện", "trong trại giam", "trong tù", "trong trại cải tạo"),
)

N27_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _JUMP, tags="n27_jump", fold="tone"),
    entry(None, "normal", 0, _BURNT, tags="n27_burnt", fold="tone"),
    entry(None, "normal", 0, _PEOPLE, tags="n27_people", fold="tone"),
    entry(None, "normal", 0, _SNAKE, tags="n27_snake b21_beast", fold="tone"),
    entry(None, "normal", 0, _HOME, tags="n27_home", fold="tone"),
    entry(None, "normal", 0, _LATCH, tags="n27_latch", fold="tone"),
    entry("medical", "high", 3, _SUGAR_METER, tags="measure n27_sugar", fold="tone"),
    entry(None, "normal", 0, _SUGAR, tags="n27_sugar", fold="tone"),
    entry(None, "normal", 0, _DEEP, tags="n27_deep", fold="tone"),
    entry(None, "normal", 0, N27_PALPITATION, tags="n27_palpitation", fold="tone"),
    entry(None, "normal", 0, _CHEST, tags="n27_chest b21_chest", fold="tone"),
    entry("medical", "emergency", 5, _HEAD_BAD, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _JERK, tags="n27_jerk", fold="tone"),
    entry(None, "normal", 0, _YELLOW, tags="n27_yellow", fold="tone"),
    entry(None, "normal", 0, _HEAD_BLOOD, tags="n27_head_blood", fold="tone"),
    entry(None, "normal", 0, _BENT, tags="n27_bent", fold="tone"),
    entry(None, "normal", 0, _BLUE, tags="n27_blue", fold="tone"),
    entry("medical", "normal", 3, _RUNS, tags="sick n27_runs", fold="tone", negatable=True),
    entry(None, "normal", 0, _GREEN, tags="n27_green", fold="tone"),
    entry("medical", "emergency", 5, _SPURT, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _REHAB, fold="tone"),
    entry(None, "normal", 0, _UNPAID_CUT, tags="lasting", fold="tone"),
)

N27_COMBOS: tuple[Combo, ...] = (
    Combo(("height", "n27_jump"), "other", "emergency", 5, window=12, service="114"),
    Combo(("n27_burnt", "n27_people"), "other", "emergency", 5, window=16, ordered=True,
          service="114", at_second=True),
    Combo(("n27_snake", "n27_home"), "other", "emergency", 5, window=12, service="114"),
    Combo(("n27_latch", "shut"), "other", "emergency", 5, window=6, service="114"),
    Combo(("n27_sugar", "c22_listless"), "medical", "emergency", 5, window=14, service="115"),
    Combo(("n27_sugar", "n27_deep"), "medical", "emergency", 5, window=14, service="115"),
    Combo(("n27_sugar", "confused"), "medical", "emergency", 5, window=14, service="115"),
    Combo(("n27_palpitation", "n27_chest"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("pregnant", "n27_jerk"), "medical", "emergency", 5, window=14, service="115"),
    Combo(("n27_yellow", "c22_listless"), "medical", "emergency", 5, window=8, service="115"),
    Combo(("e23_struck", "n27_head_blood"), "medical", "emergency", 5, window=14, ordered=True,
          service="115"),
    Combo(("fall", "n27_bent"), "medical", "emergency", 5, window=12, ordered=True, service="115"),
    Combo(("e23_struck", "n27_bent"), "medical", "emergency", 5, window=14, ordered=True,
          service="115"),
    Combo(("swallowed", "n27_blue"), "medical", "emergency", 5, window=10, service="115"),
    Combo(("n27_runs", "c22_sunken"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("rigid", "n27_green"), "medical", "emergency", 5, window=12, service="115"),
)
# fmt: on

# -- nobody ---------------------------------------------------------------------------------
N27_NOBODY = phrases("hông ai, hổng ai, hông có ai, hổng có ai, hông người nào, hổng người nào")
N27_CLOSERS = words("đâu hết cả")
N27_HELPLESS = words("cứu giúp dám chịu tới lo biết nghe để mở kêu gọi thèm")
N27_NOBODY_REACH = 6


def _nobody(ws: list[str]) -> list[tuple[int, int]]:
    """ "hông ai bị trói đâu": nobody, up to the closer (docstring)."""
    out = []
    for s, e in find(ws, N27_NOBODY):
        k = closer(ws, e, N27_CLOSERS, N27_NOBODY_REACH)
        if k is not None and k > e and not N27_HELPLESS & set(ws[e:k]):
            out.append((s, k + 1))
    return out


# -- actually, on TV, heard of ----------------------------------------------------------------
N27_ACTUALLY = phrases("""
    thiệt ra là, thật ra là, thực ra là, hóa ra là, té ra là, thiệt ra chỉ là, thật ra chỉ là
""")
N27_SCREEN_REACH = 8
N27_ASKING_END = words("hông không hả ta hem")
N27_CALLING = words("cứu giúp đang kẹt kêu la còn")


# a body or a place in danger before "thiệt ra là" is not taken back by what explains it
# ("té xỉu không dậy thiệt ra là ổng có bệnh tim": the illness explains, the fall is now)
N27_BODY = words("thở xỉu ngất té máu tím giật bất tỉnh sốt ói mửa cháy khói nổ kẹt chìm đuối dậy")


def _actually(ws: list[str]) -> list[tuple[int, int]]:
    return [(0, s) for s, _ in find(ws, N27_ACTUALLY) if s > 0 and not N27_BODY & set(ws[:s])]


def _on_screen(ws: list[str]) -> list[tuple[int, int]]:
    return [
        (s, min(len(ws), e + N27_SCREEN_REACH))
        for s, e in find(ws, tw.NEWS_ASKED)
        if "vụ" in ws[e : e + 2]
    ]


def _heard_asked(ws: list[str]) -> list[tuple[int, int]]:
    """ "nghe nói có vụ nổ ... có phải khu nhà tui hông": news asked about."""
    heard = [s for s, _ in find(ws, tw.HEARD) if s <= 2]
    if not heard or not ws or ws[-1] not in N27_ASKING_END or N27_CALLING & set(ws):
        return []
    return [(heard[0], len(ws))]


# -- arrested, running again, smoke explained, funeral aid, feeding -----------------------------
N27_ARRESTED = phrases("""
    bị bắt rồi, bị công an bắt rồi, bị còng rồi, bị tóm rồi, bị công an còng rồi
""")
N27_CULPRIT = words("thằng tên kẻ tụi bọn gã đứa")
N27_HURT = words("máu đâm chém thương xỉu ngất bất tỉnh gãy cấp cứu chết")
N27_LIFT = phrases("thang máy")
N27_RUNNING = phrases("""
    rồi chạy lại, chạy lại rồi, giờ chạy lại, hoạt động lại rồi, chạy bình thường lại,
    chạy bình thường rồi, mở được rồi, mở ra được rồi
""")
N27_STILL = words("còn vẫn")
N27_SMOKE_IS = pairings(
    ("là", "do", "tại", "của"),
    (
        "đốt đồng",
        "đốt rơm",
        "đốt rạ",
        "đốt rác",
        "đốt lá",
        "đốt cỏ",
        "người ta đốt đồng",
        "người ta đốt rác",
        "người ta đốt rơm",
        "đốt vàng mã",
        "đốt đồng ruộng",
    ),
)
N27_SMOKE_IS_P = phrases(N27_SMOKE_IS)
N27_FUNERAL = pairings(
    ("hỗ trợ", "xin", "tiền", "chi phí", "lo"),
    ("mai táng", "chôn cất", "hậu sự", "đám tang"),
)
N27_FUNERAL_P = phrases(N27_FUNERAL)
N27_PAST = phrases("""
    hôm qua, hôm kia, hôm trước, tuần trước, tuần rồi, tháng trước, bữa trước, hổm bữa,
    mất rồi, chết rồi, qua đời rồi
""")
N27_FED = phrases("""
    giờ bú ngon rồi, bú ngon rồi, bú lại rồi, bú lại bình thường rồi, giờ bú được rồi,
    giờ ăn ngon rồi, giờ chơi bình thường rồi, giờ khỏe re rồi
""")


def _arrested(ws: list[str]) -> list[tuple[int, int]]:
    if N27_HURT & set(ws):
        return []
    return [(0, e) for s, e in find(ws, N27_ARRESTED) if N27_CULPRIT & set(ws[:s])]


def _running_again(ws: list[str]) -> list[tuple[int, int]]:
    if not find(ws, N27_LIFT):
        return []
    return [(0, e) for s, e in find(ws, N27_RUNNING) if not N27_STILL & set(ws[e:])]


def _settled(ws: list[str]) -> list[tuple[int, int]]:
    """Smoke said to be burning fields, a funeral helped after a past death, feeding again."""
    out = [(0, e) for s, e in find(ws, N27_SMOKE_IS_P) if "khói" in ws[:s]]
    if find(ws, N27_PAST):
        out += [(0, s) for s, _ in find(ws, N27_FUNERAL_P)]
    out += [(0, e) for s, e in find(ws, N27_FED) if not N27_STILL & set(ws[e:])]
    return out


N27_PEOPLE_P = phrases(_PEOPLE)
N27_BUT = phrases("chứ hông, chứ hổng, chứ đâu có")  # "chớ" is read "chứ" (need_base)
N27_BUT_REACH = 4


def _still_inside(ws: list[str]) -> list[tuple[int, int]]:
    """ "... bỏ chạy rồi mà còn hai người bảo vệ ở trong": people still inside, now."""
    return [
        (s, len(ws))
        for s, e in find(ws, N27_PEOPLE_P)
        if s > 0 and ws[s - 1] in ("mà", "nhưng", "giờ")
    ]


def _but_not(ws: list[str]) -> list[tuple[int, int]]:
    """ "chửi tui chứ hông đánh tui": what is denied after "chứ hông"."""
    return [(s, min(len(ws), e + N27_BUT_REACH)) for s, e in find(ws, N27_BUT)]


def round27n_marks(words_: list[str]) -> Marks:
    """Nobody, actually, on TV, heard of, arrested, running again, explained (docstring)."""
    return {
        "mistaken": _nobody(words_) + _but_not(words_),
        "now": _still_inside(words_),
        "resolved": _actually(words_)
        + _arrested(words_)
        + _running_again(words_)
        + _settled(words_),
        "media": _on_screen(words_) + _heard_asked(words_),
    }
