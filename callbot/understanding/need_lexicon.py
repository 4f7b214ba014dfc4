"""The need parser's lexicon: what callers say, as data (read by :mod:`.need`).

Each :class:`Entry` gives phrases (as Vosk writes them: lowercase, numbers as words) and what
they mean:

- ``category``: the need they point to, or None for words that only set urgency or feed a
  combination (an elderly person, a child, "F0"...);
- ``urgency``: ``emergency`` (life-threatening now: the caller is told to call 115 and goes to
  the head of the queue), ``high`` (a vulnerable person, hunger, fever for days, F0 with
  symptoms) or ``normal``;
- ``weight``: how much the phrase says about the *need*, not the context. 3 is a need ("gạo",
  "xét nghiệm", "mất việc"), 4 a report that outweighs what it is about ("thu tiền gói hỗ
  trợ" is a violation), 1 context ("F0", "có bầu", "phản ánh"), 0 nothing but urgency or tags.
  The category is chosen among phrases of weight >= 2, first by urgency, then by total weight;
  context decides only when nothing else does;
- ``tags``: names used by :data:`COMBOS`, :data:`READINGS` and :data:`DEMOTIONS`;
- ``negatable``: a symptom a caller may deny ("không sốt", "không có ai bị ho");
- ``fold``: how tolerant matching may be. Multi-word phrases match exactly, then with the tones
  stripped ("khó thơ"), then with every diacritic stripped ("kho tho"), then (not emergencies,
  phrases of 9+ letters) one letter off in one long word ("xét nhiệm"). One-word phrases match
  exactly: a folded syllable is too many words ("ho" is "họ", "đói" is "đòi"); only an answer
  with no diacritic at all ("xin ho tro gao") is read bare throughout, at low confidence and
  one-word matches as mere context. ``tone`` or ``exact`` stop earlier where folding
  meets a common phrase: "tự tử" folds to "từ từ", "vỡ ối" to "vợ ơi", "chuyển giạ" to "chuyên
  gia".

Emergencies are denied only by a negation right before them ("không khó thở", "không bị khó
thở"); "không có ai khó thở" stays an emergency: a missed emergency costs a life, a false one a
few seconds of an operator's time.
"""

from __future__ import annotations

from callbot.understanding.need_base import (
    CATEGORY_ORDER,
    NOT,
    OXY,
    SPO2,
    URGENCY_RANK,
    Category,
    Combo,
    Demotion,
    Entry,
    Reading,
    Urgency,
    each,
    entry,
)
from callbot.understanding.need_danger import FIRE_RESCUE_ENTRIES, POLICE_ENTRIES
from callbot.understanding.need_danger_combos import DANGER_COMBOS
from callbot.understanding.need_danger_more import MORE_DANGER_ENTRIES
from callbot.understanding.need_described import DESCRIBED_COMBOS, DESCRIBED_ENTRIES
from callbot.understanding.need_described_more import (
    DESCRIBED_MORE_COMBOS,
    DESCRIBED_MORE_ENTRIES,
)
from callbot.understanding.need_emergency import EMERGENCY_COMBOS, EMERGENCY_ENTRIES
from callbot.understanding.need_false_alarms import FALSE_ALARM_DEMOTIONS, FALSE_ALARM_ENTRIES
from callbot.understanding.need_false_round19 import ROUND19_FALSE_ENTRIES
from callbot.understanding.need_look_alikes import LOOK_ALIKE_ENTRIES
from callbot.understanding.need_look_alikes_more import MORE_LOOK_ALIKE_ENTRIES
from callbot.understanding.need_look_alikes_passing import PASSING_ENTRIES
from callbot.understanding.need_look_alikes_settled import SETTLED_LOOK_ALIKE_ENTRIES
from callbot.understanding.need_missed import MISSED_COMBOS, MISSED_ENTRIES
from callbot.understanding.need_missed_accents import (
    MISSED_ACCENT_COMBOS,
    MISSED_ACCENT_ENTRIES,
)
from callbot.understanding.need_missed_medical import (
    MISSED_MEDICAL_COMBOS,
    MISSED_MEDICAL_ENTRIES,
)
from callbot.understanding.need_missed_more import MISSED_MORE_COMBOS, MISSED_MORE_ENTRIES
from callbot.understanding.need_missed_round18 import ROUND18_COMBOS, ROUND18_ENTRIES
from callbot.understanding.need_missed_round19 import ROUND19_COMBOS, ROUND19_ENTRIES
from callbot.understanding.need_perils import PERIL_COMBOS, PERIL_ENTRIES
from callbot.understanding.need_police_round20 import POLICE20_COMBOS, POLICE20_ENTRIES
from callbot.understanding.need_requests import REQUEST_ENTRIES
from callbot.understanding.need_rescue_round20 import ROUND20_COMBOS, ROUND20_ENTRIES
from callbot.understanding.need_round21b import B21_COMBOS, B21_ENTRIES
from callbot.understanding.need_round22c import C22_COMBOS, C22_ENTRIES
from callbot.understanding.need_round22d import D22_ENTRIES
from callbot.understanding.need_round23e import E23_COMBOS, E23_ENTRIES
from callbot.understanding.need_round24g import G24_COMBOS, G24_ENTRIES
from callbot.understanding.need_round25h import H25_COMBOS, H25_ENTRIES
from callbot.understanding.need_round26i import I26_ENTRIES
from callbot.understanding.need_round26j import J26_COMBOS, J26_ENTRIES
from callbot.understanding.need_round27 import ROUND27_COMBOS, ROUND27_ENTRIES
from callbot.understanding.need_rounds import LATER
from callbot.understanding.need_still_now import STILL_NOW_ENTRIES
from callbot.understanding.need_witnessed import WITNESSED_COMBOS, WITNESSED_ENTRIES

__all__ = [
    "CATEGORY_ORDER",
    "COMBOS",
    "DEMOTIONS",
    "ENTRIES",
    "LOOSE_REACH",
    "NOT",
    "OTHER_MEASURES",
    "READINGS",
    "REASSURING",
    "URGENCY_RANK",
    "Category",
    "Combo",
    "Demotion",
    "Entry",
    "Reading",
    "Urgency",
]

# How long something has lasted ("sốt ba ngày", "mấy bữa nay", "hổm rày").
_SPANS = ("hai", "ba", "bốn", "năm", "sáu", "bảy", "mấy", "nhiều", "cả", "mười")
_DAYS = ", ".join(f"{n} {u}" for n in _SPANS for u in ("ngày", "hôm", "bữa", "tuần"))


def _words(text: str) -> list[str]:
    return text.split()


# Figures of speech: "nóng muốn chết", "mệt muốn xỉu", "ồn muốn điên" say how much, not that a
# life is at risk ("tôi muốn chết" alone still is).
_FEELINGS = _words("""
    nóng lạnh mệt khát buồn chán sợ lo tức giận ồn cười ngứa mỏi cực khổ bực ghét thèm nhớ hôi
    thúi thối dơ nghèo vui sướng ngán quê nực oi mập chật đông đau nhức quá trời luôn ngủ
""")
_INTENSIFIERS = (
    "muốn chết",
    "gần chết",
    "muốn xỉu",
    "muốn sỉu",
    "chết được",
    "chết luôn",
    "chết đi được",
    "muốn điên",
    "chết mất",
    "muốn ngất",
    "muốn tắt thở",
    "tắt thở luôn",
    "muốn đứt hơi",
)
_FIGURES = ", ".join(f"{f} {i}" for f in _FEELINGS for i in _INTENSIFIERS) + (
    ", mắc cười muốn chết, buồn ngủ muốn chết, lo lắng muốn chết, quá trời muốn chết"
    ", mệt đứt hơi, leo đứt hơi, chạy đứt hơi, đói xỉu, đói xỉu luôn, đói sỉu, chờ muốn chết"
    ", đợi muốn chết, chờ muốn xỉu, đợi muốn xỉu, chờ gần chết"
    # the weather said big (round 5): "nực quá thở không nổi luôn mà cúp điện"
    ", nực quá thở không nổi, nực thở không nổi, oi quá thở không nổi, oi bức thở không nổi"
    ", nóng nực thở không nổi, nóng nực quá thở không nổi, nực muốn ngộp thở, oi muốn ngộp thở"
    ", nực quá ngộp thở, ngột ngạt quá thở không nổi, cười tắt thở, cười muốn đứt ruột"
)

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
ENTRIES: tuple[Entry, ...] = (
    *EMERGENCY_ENTRIES,
    *FIRE_RESCUE_ENTRIES,
    *POLICE_ENTRIES,
    *MORE_DANGER_ENTRIES,
    *DESCRIBED_ENTRIES,
    *DESCRIBED_MORE_ENTRIES,
    *FALSE_ALARM_ENTRIES,
    *PERIL_ENTRIES,
    *WITNESSED_ENTRIES,
    *LOOK_ALIKE_ENTRIES,
    *MORE_LOOK_ALIKE_ENTRIES,
    *SETTLED_LOOK_ALIKE_ENTRIES,
    *PASSING_ENTRIES,
    *MISSED_ENTRIES,
    *MISSED_MORE_ENTRIES,
    *MISSED_ACCENT_ENTRIES,
    *STILL_NOW_ENTRIES,
    *MISSED_MEDICAL_ENTRIES,
    *ROUND18_ENTRIES,
    *ROUND19_FALSE_ENTRIES,
    *ROUND19_ENTRIES,
    *ROUND20_ENTRIES,
    *POLICE20_ENTRIES,
    *B21_ENTRIES,
    *C22_ENTRIES,
    *E23_ENTRIES,
    *G24_ENTRIES,
    *H25_ENTRIES,
    *I26_ENTRIES,
    *J26_ENTRIES,
    *ROUND27_ENTRIES,
    *LATER.entries,
    *D22_ENTRIES,
    # Longer phrases that contain an emergency's words without being one: the longest
    # match wins, so these keep "đang sinh sống" and "đói muốn chết" out of the emergencies.
    entry(None, "normal", 0, "đang sinh sống, sinh sống, đang sinh hoạt, hỗ trợ, mù mờ"),
    entry("food", "high", 3,
          "sắp chết đói, đói muốn chết, đói gần chết, đói muốn xỉu, đói muốn sỉu",
          tags="hunger"),
    entry(None, "normal", 0, _FIGURES),
    # Everyday phrases one tone away from an emergency's ("chạy mau" / "chảy máu").
    entry(None, "normal", 0, """
        chạy mau, mau chạy, chạy ra mau, đi ra mau, ra mau đi, ra mau lên, mau ra đây,
        mau ra đi, mau ra ngoài, lại đây mau, tới đây mau, vô đây mau, ra đây mau, qua đây mau,
        mau mau, thợ máy, thợ mệt, mấy thợ
        """),
    # Said of emergency equipment bought ahead ("mua bình ô xy để sẵn phòng khi cần").
    entry(None, "normal", 0, """
        phòng khi, phòng hờ, dự phòng, để sẵn, mua sẵn, trữ sẵn, phòng trường hợp, lỡ khi
        """, tags="precaution"),
    # Oxygen at home still running, running low: high, not an emergency ("máy đang chạy bằng
    # pin còn được ba tiếng", "bình sắp hết"; DEMOTIONS), and not reassured by the patient
    # being well ("ông vẫn tỉnh nói chuyện bình thường": a supply, need_time).
    entry(None, "normal", 0, """
        đang chạy bằng pin, chạy bằng pin, còn được chừng, còn dùng được, còn xài được,
        còn chạy được, vẫn chạy, vẫn đang chạy, còn được mấy tiếng, dùng được tới, sắp hết,
        đang chạy, vẫn còn chạy, máy còn chạy,
        gần hết, sắp cạn, sắp hết rồi, gần hết rồi, nữa là hết, còn chừng, còn khoảng
        """, tags="lasting"),
    entry("medical", "high", 3, "bình sắp hết, bình gần hết, bình sắp cạn, " + each(OXY,
        "{} sắp hết", "sắp hết {}", "{} gần hết", "gần hết {}", "{} sắp cạn"),
        tags="lasting supply"),
    # -- medical ---------------------------------------------------------------------------
    entry("medical", "high", 3, """
        sốt cao, sốt li bì, sốt {k} hạ, {k} hạ sốt, sốt {k} giảm, sốt {k} dứt,
        chạy thận, lọc máu, ung thư, hóa trị, xạ trị, mệt lả, yếu lắm,
        ói liên tục, tim đập nhanh, đánh trống ngực, vã mồ hôi lạnh, tai nạn,
        qua đời, tử vong, đã chết, chết rồi, chết ở nhà
        """, tags="sick"),
    entry("medical", "high", 3, "máy đo, đo nồng độ, " + ", ".join(SPO2) + ", " + each(OXY,
        "{}", "chỉ số {}", "nồng độ {}", "đo {}", "{} máu", "{} trong máu"), tags="measure"),
    entry("medical", "high", 1, """
        có bầu, mang bầu, mang thai, có thai, đang bầu, bà bầu, bầu bì, thai phụ, sản phụ, bầu
        """, tags="pregnant"),
    entry("medical", "normal", 3, "sốt", tags="sick fever", negatable=True),
    entry("medical", "normal", 3, "đau bụng, đau bụng từng cơn, đau từng cơn, cơn gò, gò bụng",
       tags="sick belly", negatable=True),
    entry("medical", "normal", 3, """
        ho, ho khan, ho nhiều, đau họng, rát họng, mất vị giác, mất khứu giác, mất mùi,
        đau đầu, nhức đầu, đau nhức, nhức mỏi, tiêu chảy, ói, nôn, mệt, mệt mỏi,
        {k} khỏe, chóng mặt, sổ mũi, nghẹt mũi, bị cảm, cảm cúm, cảm sốt, cúm, bệnh, ốm,
        bị bệnh, đau, ớn lạnh, triệu chứng, bỏ ăn, dị ứng, nổi mẩn, ngứa, phát ban, mề đay,
        dạ dày, đau dạ dày, bao tử, đau răng, bị thương, vết thương, gãy,
        gãy chân, gãy tay, gãy xương, bị té, té ngã, bị ngã
        """, tags="sick", negatable=True),
    entry("medical", "normal", 3, "bỏng, phỏng, bị bỏng, bị phỏng, cháy phỏng, phỏng da",
          tags="sick burn", negatable=True),
    entry("medical", "normal", 3, """
        bệnh nền, tiểu đường, đái tháo đường, tim mạch, bệnh tim, hen, suyễn, hen suyễn,
        phổi, bệnh phổi, suy thận, xơ gan, hiv, bệnh lao, bị lao, lao phổi, parkinson, pác kin sơn,
        động kinh, trầm cảm, tuyến giáp, bướu cổ, mỡ máu, suy tim, arv, a ru vê, thuốc arv,
        ung thư máu, bệnh thận, thận
        """, tags="sick chronic"),
    entry("medical", "normal", 3, "huyết áp, cao huyết áp", tags="sick chronic pressure"),
    # Medicine someone depends on, run out (the chronic or daily + runout combinations).
    entry("medical", "normal", 3, """
        hết thuốc, hết sạch thuốc, {k} còn thuốc, {k} có thuốc uống, thiếu thuốc,
        {k} lãnh được thuốc, chưa lãnh được, {k} mua được thuốc, hết thuốc uống
        """, tags="runout"),
    entry("medical", "normal", 3, """
        đang uống thuốc, uống thuốc đều, uống thuốc mỗi ngày, đang điều trị, thuốc hằng ngày,
        thuốc mỗi ngày
        """, tags="daily"),
    entry(None, "normal", 0, "hết rồi, hết sạch rồi, xài hết rồi, uống hết rồi", tags="runout"),
    entry(None, "normal", 0, """
        hằng ngày, hàng ngày, mỗi ngày, ngày nào cũng, đều đặn, thường xuyên, suốt đời,
        lâu năm, mỗi sáng, mỗi tối, cữ thuốc
        """, tags="daily"),
    entry("medical", "normal", 3, """
        xe lăn, nạng, máy đo huyết áp, phiếu khám, khám sức khỏe, máy xông, máy xông mũi họng,
        dầu gió, dầu xanh, cao xoa, thuốc nhỏ mắt, thuốc giảm đau, khám mắt, tiền đình,
        vật lý trị liệu, tập vật lý, phục hồi chức năng, phẫu thuật, sẹo, mổ, tái khám
        """),
    # A named daily medicine run out: high ("hết insulin", "hết thuốc huyết áp").
    entry("medical", "high", 3, """
        hết insulin, {k} còn insulin, hết thuốc tiểu đường, hết thuốc huyết áp, hết thuốc tim,
        hết thuốc tâm thần, hết thuốc động kinh, hết thuốc hen, hết thuốc suyễn,
        hết thuốc tuyến giáp, hết thuốc chống đông, hết thuốc arv, hết thuốc ung thư
        """),
    entry("medical", "normal", 3, """
        thuốc, túi thuốc, thuốc men, khám, khám bệnh, khám thai, bác sĩ, bệnh viện, trạm y tế,
        y tế, nhập viện, chuyển viện, điều trị, chữa bệnh, xe cứu thương, tiêm, chích,
        vắc xin, vaccine, tiêm ngừa, chích ngừa, mũi một, mũi hai, hạ sốt, tư vấn sức khỏe
        """),
    # A place of care as where someone works or lives near: background, not a need.
    entry("medical", "normal", 1, each(("bệnh viện", "trạm y tế", "phòng khám", "trung tâm y tế"),
        "làm ở {}", "làm việc ở {}", "làm việc tại {}", "làm tại {}", "làm {}", "công tác ở {}",
        "công tác tại {}", "gần {}", "ở gần {}", "kế {}", "kế bên {}", "cạnh {}", "bên cạnh {}",
        "đối diện {}", "sau {}", "phía sau {}", "trước {}", "hẻm {}", "đường {}") + """,
        nhân viên y tế, làm y tế, làm y tá, là y tá, làm bác sĩ, là bác sĩ, làm điều dưỡng
        """),
    *REQUEST_ENTRIES,
    # -- context: who is in need -----------------------------------------------------------
    entry(None, "high", 0, """
        neo đơn, {k} ai chăm sóc, {k} có ai chăm sóc, {k} ai lo, {k} người thân,
        {k} có người thân, già yếu, khuyết tật, tàn tật, tật nguyền, bại liệt, liệt giường,
        nằm liệt, bị liệt, khiếm thị, mù, câm điếc, khiếm thính, thiểu năng, tâm thần,
        bệnh tâm thần, mồ côi, đơn thân, nuôi con một mình
        """, tags="person"),
    # Who: an elderly person or a child named (high when the need is theirs, :mod:`.need`).
    entry(None, "high", 0, """
        người già, người lớn tuổi, cụ già, ông già, bà già, ông cụ, bà cụ, lớn tuổi, cao tuổi,
        ông bà, bà nội, bà ngoại, ông nội, ông ngoại, già rồi, tuổi già,
        con nhỏ, con còn nhỏ, em bé, trẻ em, trẻ nhỏ, con nít, đứa nhỏ, sơ sinh, trẻ sơ sinh,
        mới sinh, mới đẻ, cháu nhỏ, cháu bé, bé, tháng tuổi
        """, tags="person who"),
    # Matched exactly: "mà giá rau" (but the price of vegetables) is no "má già".
    entry(None, "high", 0, "mẹ già, má già, cha già, ba già", tags="person who", fold="exact"),
    entry(None, "normal", 0, "tuổi", tags="age"),
    entry(None, "normal", 0, "thấp, tụt, giảm, xuống", tags="low"),
    entry(None, "normal", 0, _DAYS + ", hổm rày, hổm nay, bữa giờ, mấy bữa nay, liên tục, hoài",
       tags="days"),
)

COMBOS: tuple[Combo, ...] = (
    *EMERGENCY_COMBOS,
    *DANGER_COMBOS,
    *DESCRIBED_COMBOS,
    *DESCRIBED_MORE_COMBOS,
    *PERIL_COMBOS,
    *WITNESSED_COMBOS,
    *MISSED_COMBOS,
    *MISSED_MORE_COMBOS,
    *MISSED_ACCENT_COMBOS,
    *MISSED_MEDICAL_COMBOS,
    *ROUND18_COMBOS,
    *ROUND19_COMBOS,
    *ROUND20_COMBOS,
    *POLICE20_COMBOS,
    *B21_COMBOS,
    *C22_COMBOS,
    *E23_COMBOS,
    *G24_COMBOS,
    *H25_COMBOS,
    *J26_COMBOS,
    *ROUND27_COMBOS,
    *LATER.combos,
    Combo(("chronic", "runout"), "medical",   "high",      3),
    Combo(("daily", "runout"),   "medical",   "high",      3),
    Combo(("f0", "sick"),        "medical",   "high",      3),
    Combo(("f0", "outing"),      "violation", "high",      3),
    Combo(("sick", "days"),      "medical",   "high",      3, window=6),
    Combo(("measure", "low"),    "medical",   "emergency", 5, window=3),
    Combo(("pregnant", "belly"), "medical",   "emergency", 5, window=8),
)

READINGS: tuple[Reading, ...] = (
    # SpO2 "còn tám mươi lăm"; temperature "ba mươi chín độ"; "hai tuổi", "tám mươi tuổi";
    # blood pressure "huyết áp lên hai trăm".
    Reading("measure",  True,  50,  93,  "medical", "emergency", 5, loose=True),
    Reading("fever",    True,  39,  43,  "medical", "high",      3),
    Reading("age",      False, 0,   12,  None,      "high",      0),
    Reading("age",      False, 60,  120, None,      "high",      0),
    Reading("pressure", True,  180, 300, "medical", "emergency", 5),
    *LATER.readings,
)
# Readings that reassure: a measure said to be normal makes the measuring no high need.
REASSURING: tuple[Reading, ...] = (
    Reading("measure",  True,  94,  100, "medical", "normal",    3, loose=True),
)
# fmt: on

DEMOTIONS: tuple[Demotion, ...] = (
    Demotion("equipment", "precaution", "normal"),
    Demotion("equipment", "lasting", "high"),
    Demotion("seizure", "twitch", "normal"),  # "mạng giật liên tục", "mí mắt giật hoài"
    Demotion("smoke", "smoke_daily", "normal"),  # the smoke of burning rubbish, of a grill
    Demotion("plain", "lamp", "normal"),  # "bóng đèn đường bị cháy": burnt out
    Demotion("plain", "appliance", "normal"),  # "cái nồi cơm điện cháy rồi"
    Demotion("jammed", "traffic", "normal"),  # "kẹt xe ở ngã tư ngày nào cũng kẹt cứng"
    Demotion("brawl", "animal", "normal"),  # "hai con chó nhà bên đánh nhau"
    *FALSE_ALARM_DEMOTIONS,
    *LATER.demotions,
)

# Words stepped over between a phrase and its number ("spo2 xuống còn tám mươi"), or between
# a number and "tuổi" ("bảy mươi mấy tuổi").
READING_SKIP: frozenset[str] = frozenset(
    {"còn", "là", "có", "chỉ", "tụt", "xuống", "đo", "được", "khoảng", "tầm", "chừng", "mức"}
    | {"ở", "tới", "lên", "gần", "hơn", "cao", "đến", "tận", "bị", "mấy", "ngoài", "giờ", "đang"}
)
READING_REACH = 4
LOOSE_REACH = 7
# A loose reading stops at these, and a number followed by them is not the one looked for
# ("máy đo tám mươi lăm là nhịp tim").
OTHER_MEASURES: frozenset[str] = frozenset({"nhịp", "mạch", "tim", "độ", "tuổi", "huyết"})

# A denied symptom: one of these at most NEGATION_WINDOW words before it ("không sốt",
# "không có ai bị sốt"); AT_ONCE ones only right before it ("hết sốt", "đỡ ho").
NEGATORS: frozenset[str] = frozenset({"không", "hổng", "hông", "chưa", "ko", "chẳng", "chả"})
NEGATORS_AT_ONCE: frozenset[str] = frozenset({"hết", "khỏi", "đỡ"})
NEGATION_WINDOW = 3
# Words that end a negation's reach: "không sốt nhưng ho" denies the fever only.
NEGATION_STOPS: frozenset[str] = frozenset({"nhưng", "mà", "còn", "và", "với", "thì", "lại"})
# An emergency is denied only right after one of these, possibly through a BRIDGE ("không
# khó thở", "không bị khó thở"). "hông" is left out: it is also the hip ("đau hông khó thở").
EMERGENCY_NEGATORS: frozenset[str] = frozenset({"không", "hổng", "chưa", "chẳng", "đâu"})
EMERGENCY_BRIDGES: frozenset[str] = frozenset({"bị", "có", "thấy", "phải", "là", "hề"})
# "khó thở thì không", "khó thở thì không có đâu": a denial that ends there.
EMERGENCY_DENIAL_ENDS: frozenset[str] = frozenset(
    {"có", "đâu", "gì", "hết", "ạ", "à", "nha", "nhé", "rồi", "bị"}
)
