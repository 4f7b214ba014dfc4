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
    COVID,
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
from callbot.understanding.need_danger import DANGER_COMBOS, FIRE_RESCUE_ENTRIES, POLICE_ENTRIES
from callbot.understanding.need_emergency import EMERGENCY_COMBOS, EMERGENCY_ENTRIES

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
    "chết được",
    "chết luôn",
    "chết đi được",
    "muốn điên",
    "chết mất",
    "muốn ngất",
)
_FIGURES = ", ".join(f"{f} {i}" for f in _FEELINGS for i in _INTENSIFIERS) + (
    ", mắc cười muốn chết, buồn ngủ muốn chết, lo lắng muốn chết, quá trời muốn chết"
)

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
ENTRIES: tuple[Entry, ...] = (
    *EMERGENCY_ENTRIES,
    *FIRE_RESCUE_ENTRIES,
    *POLICE_ENTRIES,
    # Longer phrases that contain an emergency's words without being one: the longest
    # match wins, so these keep "đang sinh sống" and "đói muốn chết" out of the emergencies.
    entry(None, "normal", 0, "đang sinh sống, sinh sống, đang sinh hoạt, hỗ trợ, mù mờ"),
    entry("food", "high", 3, "sắp chết đói, đói muốn chết, đói gần chết, đói muốn xỉu",
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
    # -- medical ---------------------------------------------------------------------------
    entry("medical", "high", 3, """
        sốt cao, sốt li bì, sốt {k} hạ, {k} hạ sốt, sốt {k} giảm, sốt {k} dứt, khò khè,
        thở khò khè, chạy thận, lọc máu, ung thư, hóa trị, xạ trị, mệt lả, yếu lắm,
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
    entry("medical", "normal", 3, "xe lăn, nạng, máy đo huyết áp, phiếu khám, khám sức khỏe"),
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
    # -- food ------------------------------------------------------------------------------
    entry("food", "high", 3, """
        đói, bị đói, đói bụng, đói meo, nhịn đói, chết đói, nhịn ăn, {k} ăn gì,
        {k} có gì ăn, {k} có gì để ăn, {k} có gì mà ăn, {k} còn gì ăn, {k} còn gì để ăn,
        {k} có cái ăn, {k} có cơm ăn, {k} có ăn, {k} có cái gì ăn, {k} có gì bỏ bụng,
        {k} còn hột gạo, {k} được ăn
        """, tags="hunger"),
    entry("food", "normal", 3, """
        gạo, thực phẩm, đồ ăn, thức ăn, lương thực, nhu yếu phẩm, rau, rau củ, mì gói, mì tôm,
        mì, sữa, bỉm, tã, trứng, thịt, cơm, mắm, đồ khô, thực phẩm thiết yếu, hàng thiết yếu,
        túi an sinh, gói an sinh, phần quà, túi quà, cứu trợ, tiếp tế, từ thiện, bếp ăn,
        suất cơm, cơm hộp, đi chợ, chợ, siêu thị, ăn uống, cái ăn
        """),
    # -- financial -------------------------------------------------------------------------
    entry("financial", "normal", 3, """
        mất việc, thất nghiệp, nghỉ việc, {k} có việc, {k} có việc làm, hết việc,
        mất thu nhập, {k} có thu nhập, hết tiền, {k} có tiền, {k} còn tiền, {k} có đồng nào,
        {k} còn đồng nào, tiền nhà, tiền trọ, tiền thuê nhà, tiền phòng, thuê nhà, tiền điện,
        tiền nước, trợ cấp, tiền trợ cấp, gói hỗ trợ, tiền hỗ trợ, hỗ trợ tiền,
        nghị quyết sáu mươi tám, nghị quyết sáu tám, bảo hiểm thất nghiệp,
        gói hai mươi sáu nghìn tỷ, chủ nhà đuổi, bị đuổi, đóng tiền, trả tiền, tiền mặt,
        nợ, vay, lương, cho vay, nghỉ không lương, viện phí, tiền viện phí, học phí,
        tiền học, tiền học phí, sửa nhà, hỗ trợ sửa nhà, xây lại nhà, tiền sửa nhà
        """),
    entry("financial", "normal", 1, """
        tiền, nhà trọ, phòng trọ, lao động tự do, bán vé số, chạy xe ôm, xe ôm, bán hàng rong,
        phụ hồ, chủ nhà, công nhân
        """),
    # -- testing and quarantine ------------------------------------------------------------
    entry("testing", "normal", 3, """
        xét nghiệm, test nhanh, tét nhanh, test, pcr, pê xê rờ, lấy mẫu, kết quả xét nghiệm,
        khu cách ly, cách ly tập trung, cách ly tại nhà, tự cách ly, giấy xác nhận,
        hoàn thành cách ly, truy vết, tiếp xúc gần, f1, ép một, f một, f2, ép hai,
        khai báo y tế
        """),
    entry("testing", "normal", 2, """
        kết quả, âm tính, cách ly, phong tỏa, khu phong tỏa, bị phong tỏa, một vạch, ca nhiễm,
        tiếp xúc
        """),
    entry("testing", "normal", 2, "dương tính, hai vạch, lên hai vạch, test dương", tags="f0"),
    entry("testing", "normal", 1, "f0, f không, ép không, ép zê rô, ép dê rô, bị nhiễm, "
       "nhiễm bệnh, " + each(COVID, "bị {}", "nhiễm {}", "mắc {}", "dính {}"), tags="f0"),
    entry("testing", "normal", 1, each(COVID, "{}")),
    # -- violations: a caller reporting a breach of the rules ------------------------------
    entry("violation", "high", 3, """
        trốn cách ly, trốn khỏi khu cách ly, trốn khỏi, bỏ trốn, trốn ra, trốn về
        """),
    entry("violation", "normal", 4, """
        thu tiền, ăn chặn, ăn bớt, bớt xén, tham nhũng, giá cắt cổ, bán giá cao, chặt chém,
        nâng giá, tố giác, tố cáo
        """),
    # Forged papers, price gouging, charging for what is given free.
    entry("violation", "normal", 4, """
        giấy đi đường giả, giấy giả, giấy tờ giả, làm giả, làm giấy giả, giả mạo, giả giấy,
        bán giấy, bán giấy đi đường, mua giấy đi đường, mua bán giấy, chạy giấy, kết quả giả,
        giấy xét nghiệm giả, xét nghiệm giả, giấy xác nhận giả, bán mắc, bán đắt, hét giá,
        đội giá, thổi giá, giá trên trời, găm hàng, đầu cơ, bắt đóng tiền, bắt trả tiền,
        thu phí, thu lệ phí, lấy phí, đòi phí, hối lộ, tiền cà phê, phong bì, bồi dưỡng,
        bán lại, miễn phí mà, mà lấy tiền, mà đòi tiền, mà tính tiền, lại lấy tiền,
        lại đòi tiền, cũng lấy tiền, còn lấy tiền, phải đóng tiền mới, phải trả tiền mới
        """),
    entry("violation", "normal", 3, """
        tăng giá, tụ tập, tụ tập đông người, tụm năm tụm ba, {k} đeo khẩu trang,
        {k} mang khẩu trang,
        {k} đeo khẩu, vi phạm, mở quán, vẫn mở, vẫn mở cửa, vẫn bán, lén bán, bán lén,
        mở cửa buôn bán, chợ tự phát, chợ cóc, họp chợ, nhậu, nhậu nhẹt, ăn nhậu, đánh bài,
        đánh bạc, cờ bạc, karaoke, hát karaoke, {k} chấp hành, {k} tuân thủ, {k} khai báo,
        đá banh, đá bóng, tổ chức tiệc, đám cưới, đám giỗ, đám tiệc, {k} giãn cách,
        {k} có lý do, {k} lý do
        """),
    entry("violation", "normal", 1, """
        phản ánh, báo cáo, đông người, bán hàng, buôn bán, mở cửa, hàng xóm, khẩu trang,
        giãn cách, ồn ào
        """),
    entry("violation", "normal", 1, """
        ra ngoài, đi ra ngoài, ra đường, ra ngoài đường, đi lung tung, đi khắp nơi, đi chơi,
        đi dạo, đi lại
        """, tags="outing"),
    # -- other requests ----------------------------------------------------------------------
    entry("other", "normal", 2, """
        giấy đi đường, giấy thông hành, giấy tờ, về quê, hồi hương, hỏa táng, mai táng,
        an táng, tro cốt, hỏi, cho hỏi, muốn hỏi, hỏi thông tin, khi nào, thủ tục,
        kẹt lại, giới nghiêm, cúp nước, cúp điện, mất nước, mất điện, vô gia cư,
        chỗ ngủ, chỗ ở, ngủ ngoài đường, tình nguyện viên, số điện thoại, rào chắn, làm rào,
        dọn dẹp, dọn rác, học nghề, lớp học nghề, lớp hè, kiểm tra an toàn
        """),
    # Papers of the ward: residence, identity, civil status.
    entry("other", "normal", 3, """
        xác nhận cư trú, giấy xác nhận cư trú, đăng ký tạm trú, tạm trú, tạm vắng, hộ khẩu,
        sổ hộ khẩu, căn cước, căn cước công dân, chứng minh nhân dân, giấy khai sinh, khai sinh,
        khai tử, làm giấy tờ
        """),
    # Stuck somewhere: stranded (other), or trapped with "không ra được" (need_danger).
    entry("other", "normal", 2, "kẹt, mắc kẹt, bị kẹt", tags="stuck jam"),
    # Public works for the ward: lights, roads, trees, drains (not a violation, no danger).
    entry("other", "normal", 3, """
        đèn đường, bóng đèn đường, đèn hư, đèn chớp tắt, đèn giao thông, bóng đèn,
        đèn chiếu sáng, đèn tín hiệu
        """, tags="lamp"),
    entry("other", "normal", 3, """
        ổ gà, ổ voi,
        đường hư, đường bể, mặt đường, cây gãy, gãy nhánh, gãy cành, nhánh cây, cây xanh,
        cây đổ, nắp cống, mất nắp cống, cống nghẹt, nghẹt cống, rác thải, ngập nước,
        nước ngập, triều cường, vỉa hè, trụ điện, cột điện
        """),
    # -- context: who is in need -----------------------------------------------------------
    entry(None, "high", 0, """
        neo đơn, {k} ai chăm sóc, {k} có ai chăm sóc, {k} ai lo, {k} người thân,
        {k} có người thân, già yếu, khuyết tật, tàn tật, tật nguyền, bại liệt, liệt giường,
        nằm liệt, bị liệt, khiếm thị, mù, câm điếc, khiếm thính, thiểu năng, tâm thần,
        bệnh tâm thần, mồ côi, đơn thân, nuôi con một mình,
        người già, người lớn tuổi, cụ già, ông già, bà già, ông cụ, bà cụ, lớn tuổi, cao tuổi,
        ông bà, bà nội, bà ngoại, ông nội, ông ngoại, mẹ già, má già, cha già, ba già,
        già rồi, tuổi già,
        con nhỏ, con còn nhỏ, em bé, trẻ em, trẻ nhỏ, con nít, đứa nhỏ, sơ sinh, trẻ sơ sinh,
        mới sinh, mới đẻ, cháu nhỏ, cháu bé, bé, tháng tuổi
        """, tags="person"),
    entry(None, "normal", 0, "tuổi", tags="age"),
    entry(None, "normal", 0, "thấp, tụt, giảm, xuống", tags="low"),
    entry(None, "normal", 0, _DAYS + ", hổm rày, hổm nay, bữa giờ, mấy bữa nay, liên tục, hoài",
       tags="days"),
)

COMBOS: tuple[Combo, ...] = (
    *EMERGENCY_COMBOS,
    *DANGER_COMBOS,
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
)
# Readings that reassure: a measure said to be normal makes the measuring no high need.
REASSURING: tuple[Reading, ...] = (
    Reading("measure",  True,  94,  100, "medical", "normal",    3, loose=True),
)
# fmt: on

DEMOTIONS: tuple[Demotion, ...] = (
    Demotion("equipment", "precaution", "normal"),
    Demotion("smoke", "smoke_daily", "normal"),  # the smoke of burning rubbish, of a grill
    Demotion("plain", "lamp", "normal"),  # "bóng đèn đường bị cháy": burnt out
    Demotion("brawl", "animal", "normal"),  # "hai con chó nhà bên đánh nhau"
)

# Words stepped over between a phrase and its number ("spo2 xuống còn tám mươi"), or between
# a number and "tuổi" ("bảy mươi mấy tuổi").
READING_SKIP: frozenset[str] = frozenset(
    {"còn", "là", "có", "chỉ", "tụt", "xuống", "đo", "được", "khoảng", "tầm", "chừng", "mức"}
    | {"ở", "tới", "lên", "gần", "hơn", "cao", "đến", "tận", "bị", "mấy", "ngoài"}
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
