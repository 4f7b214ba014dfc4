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

from dataclasses import dataclass
from typing import Literal

Category = Literal["food", "medical", "financial", "testing", "violation", "other"]
Urgency = Literal["emergency", "high", "normal"]
Fold = Literal["exact", "tone", "full"]

URGENCY_RANK: dict[Urgency, int] = {"normal": 0, "high": 1, "emergency": 2}
# Ties between categories of equal urgency and weight go to the first in this order.
CATEGORY_ORDER: tuple[Category, ...] = (
    "medical",
    "food",
    "testing",
    "financial",
    "violation",
    "other",
)


@dataclass(frozen=True)
class Entry:
    """Phrases with one meaning."""

    category: Category | None
    urgency: Urgency
    weight: int
    phrases: tuple[str, ...]
    tags: frozenset[str] = frozenset()
    negatable: bool = False
    fold: Fold = "full"


@dataclass(frozen=True)
class Combo:
    """Two tags in one answer (within ``window`` words of each other, None: anywhere)."""

    tags: tuple[str, str]
    category: Category | None
    urgency: Urgency
    weight: int
    window: int | None = None


@dataclass(frozen=True)
class Reading:
    """A number said right after (or before) a tagged phrase, within ``low..high``."""

    tag: str
    after: bool
    low: int
    high: int
    category: Category | None
    urgency: Urgency
    weight: int


@dataclass(frozen=True)
class Demotion:
    """Phrases tagged ``tag`` fall to ``urgency`` when a phrase tagged ``by`` is said."""

    tag: str
    by: str
    urgency: Urgency


def _e(
    category: Category | None,
    urgency: Urgency,
    weight: int,
    phrases: str,
    *,
    tags: str = "",
    negatable: bool = False,
    fold: Fold = "full",
) -> Entry:
    """An entry from a comma-separated phrase list; ``{k}`` stands for each of :data:`NOT`."""
    listed: list[str] = []
    for raw in phrases.split(","):
        phrase = " ".join(raw.split())
        if phrase:
            forms = [phrase.replace("{k}", k) for k in NOT] if "{k}" in phrase else [phrase]
            listed.extend(f for f in forms if f not in listed)
    return Entry(category, urgency, weight, tuple(listed), frozenset(tags.split()), negatable, fold)


# "Not", north and south ("hổng có", "hông có"), and "not yet".
NOT = ("không", "hổng", "hông", "chưa", "chẳng")

# Ways Vosk writes oxygen, SpO2 and COVID.
_OXY = ("oxy", "oxi", "ô xy", "ô xi", "ôxy", "ôxi")
_SPO2 = ("spo2", "sp o2", "spo hai", "sp ô hai", "ét pê ô hai", "ét bê ô hai", "xpo2")
_COVID = ("covid", "cô vít", "cô vi", "co vid", "cô vích")


def _each(forms: tuple[str, ...], *patterns: str) -> str:
    return ", ".join(p.format(f) for p in patterns for f in forms)


# How long something has lasted ("sốt ba ngày", "mấy bữa nay", "hổm rày").
_SPANS = ("hai", "ba", "bốn", "năm", "sáu", "bảy", "mấy", "nhiều", "cả", "mười")
_DAYS = ", ".join(f"{n} {u}" for n in _SPANS for u in ("ngày", "hôm", "bữa", "tuần"))

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
ENTRIES: tuple[Entry, ...] = (
    # -- emergencies: life-threatening now ------------------------------------------------
    _e("medical", "emergency", 5, """
        khó thở, thở {k} được, {k} thở được, thở {k} nổi, {k} thở nổi, thở dốc, thở gấp,
        thở mệt, thở hổn hển, hụt hơi, ngộp thở, ngạt thở, tức thở, ngưng thở, ngừng thở,
        rút lõm ngực, lõm ngực, thở rút lõm, thở máy,
        tức ngực, đau ngực, nặng ngực, đau thắt ngực, ngừng tim, tim ngừng, nhồi máu,
        bất tỉnh, bất tỉnh nhân sự, ngất, ngất xỉu, xỉu, hôn mê, {k} tỉnh, lịm đi, mê man,
        lơ mơ, mất ý thức, {k} còn ý thức, gọi {k} dậy, lay {k} dậy, kêu {k} dậy,
        gọi {k} tỉnh, {k} phản ứng, {k} cử động,
        chảy máu, ra máu, mất máu, chảy nhiều máu, máu chảy, ho ra máu, nôn ra máu,
        ói ra máu, băng huyết, ra huyết,
        chuyển dạ, trở dạ, chuyển bụng, sắp sinh, sắp đẻ, đang sinh, đau đẻ, đau bụng sinh,
        đau bụng đẻ, nước ối, rỉ ối, bể ối, sinh non, đẻ rơi,
        tím tái, tím môi, môi tím, co giật, co giựt, co dựt, lên cơn hen, lên cơn suyễn,
        động kinh, sùi bọt mép, đột quỵ, tai biến, méo miệng, méo mặt, liệt nửa người,
        yếu nửa người, xuất huyết não, cấp cứu, nguy kịch, sắp chết, hấp hối, chuyển nặng,
        trở nặng, nguy hiểm tính mạng, sốc phản vệ, ngộ độc, một một năm, một một lăm,
        một trăm mười lăm, muốn chết, {k} muốn sống, chán sống, tự sát, quyên sinh,
        nhảy lầu, nhảy cầu, uống thuốc chuột, uống thuốc sâu, kết liễu
        """, tags="sick"),
    _e("medical", "emergency", 5, "vỡ ối, treo cổ, đau tim", fold="tone"),
    _e("medical", "emergency", 5, "tự tử, tự vẫn, chuyển giạ, trở giạ", fold="exact"),
    _e("medical", "emergency", 5, _each(_OXY,
        "cần {}", "hết {}", "thở {}", "xin {}", "thiếu {}", "tụt {}", "{} tụt", "{} thấp",
        "{} máu thấp")),
    _e("medical", "emergency", 5, "máy thở, " + _each(_OXY, "bình {}", "máy tạo {}"),
       tags="equipment"),
    _e(None, "emergency", 4, """
        cháy nhà, bị cháy, cháy rồi, đang cháy, hỏa hoạn, bị đâm, bị chém, đánh nhau,
        bạo hành, đánh đập, cướp
        """),
    # Longer phrases that contain an emergency's words without being one: the longest
    # match wins, so these keep "đang sinh sống" and "đói muốn chết" out of the emergencies.
    _e(None, "normal", 0, "đang sinh sống, sinh sống, đang sinh hoạt, hỗ trợ, mù mờ"),
    _e("food", "high", 3, "sắp chết đói, đói muốn chết, đói gần chết", tags="hunger"),
    _e("medical", "normal", 3, "mệt muốn chết", tags="sick", negatable=True),
    # Said of emergency equipment bought ahead ("mua bình ô xy để sẵn phòng khi cần").
    _e(None, "normal", 0, """
        phòng khi, phòng hờ, dự phòng, để sẵn, mua sẵn, trữ sẵn, phòng trường hợp, lỡ khi
        """, tags="precaution"),
    # -- medical ---------------------------------------------------------------------------
    _e("medical", "high", 3, """
        sốt cao, sốt li bì, sốt {k} hạ, {k} hạ sốt, sốt {k} giảm, sốt {k} dứt, khò khè,
        thở khò khè, chạy thận, lọc máu, ung thư, hóa trị, xạ trị, mệt lả, yếu lắm,
        ói liên tục, tai nạn, qua đời, tử vong, đã chết, chết rồi, chết ở nhà
        """, tags="sick"),
    _e("medical", "high", 3, "máy đo, đo nồng độ, " + ", ".join(_SPO2) + ", " + _each(_OXY,
        "{}", "chỉ số {}", "nồng độ {}", "đo {}", "{} máu", "{} trong máu"), tags="measure"),
    _e("medical", "high", 1, """
        có bầu, mang bầu, mang thai, có thai, đang bầu, bà bầu, bầu bì, thai phụ, sản phụ, bầu
        """, tags="pregnant"),
    _e("medical", "normal", 3, "sốt", tags="sick fever", negatable=True),
    _e("medical", "normal", 3, "đau bụng, đau bụng từng cơn, đau từng cơn, cơn gò, gò bụng",
       tags="sick belly", negatable=True),
    _e("medical", "normal", 3, """
        ho, ho khan, ho nhiều, đau họng, rát họng, mất vị giác, mất khứu giác, mất mùi,
        đau đầu, nhức đầu, đau nhức, nhức mỏi, tiêu chảy, ói, nôn, mệt, mệt mỏi,
        {k} khỏe, chóng mặt, sổ mũi, nghẹt mũi, bị cảm, cảm cúm, cảm sốt, cúm, bệnh, ốm,
        bị bệnh, đau, ớn lạnh, triệu chứng, bỏ ăn, dị ứng, nổi mẩn, ngứa, phát ban, mề đay,
        dạ dày, đau dạ dày, bao tử, đau răng, bị thương, vết thương, bỏng, phỏng, gãy,
        gãy chân, gãy tay, gãy xương, bị té, té ngã, bị ngã
        """, tags="sick", negatable=True),
    _e("medical", "normal", 3, """
        bệnh nền, tiểu đường, đái tháo đường, huyết áp, cao huyết áp, tim mạch, bệnh tim,
        hen, suyễn, hen suyễn, phổi, bệnh phổi, suy thận, xơ gan, hiv
        """, tags="sick"),
    _e("medical", "normal", 3, """
        thuốc, túi thuốc, thuốc men, khám, khám bệnh, khám thai, bác sĩ, bệnh viện, trạm y tế,
        y tế, nhập viện, chuyển viện, điều trị, chữa bệnh, xe cứu thương, tiêm, chích,
        vắc xin, vaccine, tiêm ngừa, chích ngừa, mũi một, mũi hai, hạ sốt, tư vấn sức khỏe
        """),
    # -- food ------------------------------------------------------------------------------
    _e("food", "high", 3, """
        đói, bị đói, đói bụng, đói meo, nhịn đói, chết đói, nhịn ăn, {k} ăn gì,
        {k} có gì ăn, {k} có gì để ăn, {k} có gì mà ăn, {k} còn gì ăn, {k} còn gì để ăn,
        {k} có cái ăn, {k} có cơm ăn, {k} có ăn, {k} có cái gì ăn, {k} có gì bỏ bụng,
        {k} còn hột gạo, {k} được ăn
        """, tags="hunger"),
    _e("food", "normal", 3, """
        gạo, thực phẩm, đồ ăn, thức ăn, lương thực, nhu yếu phẩm, rau, rau củ, mì gói, mì tôm,
        mì, sữa, bỉm, tã, trứng, thịt, cơm, mắm, đồ khô, thực phẩm thiết yếu, hàng thiết yếu,
        túi an sinh, gói an sinh, phần quà, túi quà, cứu trợ, tiếp tế, từ thiện, bếp ăn,
        suất cơm, cơm hộp, đi chợ, chợ, siêu thị, ăn uống, cái ăn
        """),
    # -- financial -------------------------------------------------------------------------
    _e("financial", "normal", 3, """
        mất việc, thất nghiệp, nghỉ việc, {k} có việc, {k} có việc làm, hết việc,
        mất thu nhập, {k} có thu nhập, hết tiền, {k} có tiền, {k} còn tiền, {k} có đồng nào,
        {k} còn đồng nào, tiền nhà, tiền trọ, tiền thuê nhà, tiền phòng, thuê nhà, tiền điện,
        tiền nước, trợ cấp, tiền trợ cấp, gói hỗ trợ, tiền hỗ trợ, hỗ trợ tiền,
        nghị quyết sáu mươi tám, nghị quyết sáu tám, bảo hiểm thất nghiệp,
        gói hai mươi sáu nghìn tỷ, chủ nhà đuổi, bị đuổi, đóng tiền, trả tiền, tiền mặt,
        nợ, vay, lương, cho vay, nghỉ không lương
        """),
    _e("financial", "normal", 1, """
        tiền, nhà trọ, phòng trọ, lao động tự do, bán vé số, chạy xe ôm, xe ôm, bán hàng rong,
        phụ hồ, chủ nhà, công nhân
        """),
    # -- testing and quarantine ------------------------------------------------------------
    _e("testing", "normal", 3, """
        xét nghiệm, test nhanh, tét nhanh, test, pcr, pê xê rờ, lấy mẫu, kết quả xét nghiệm,
        khu cách ly, cách ly tập trung, cách ly tại nhà, tự cách ly, giấy xác nhận,
        hoàn thành cách ly, truy vết, tiếp xúc gần, f1, ép một, f một, f2, ép hai,
        khai báo y tế
        """),
    _e("testing", "normal", 2, """
        kết quả, âm tính, cách ly, phong tỏa, khu phong tỏa, bị phong tỏa, một vạch, ca nhiễm,
        tiếp xúc
        """),
    _e("testing", "normal", 2, "dương tính, hai vạch, lên hai vạch, test dương", tags="f0"),
    _e("testing", "normal", 1, "f0, f không, ép không, ép zê rô, ép dê rô, bị nhiễm, "
       "nhiễm bệnh, " + _each(_COVID, "bị {}", "nhiễm {}", "mắc {}", "dính {}"), tags="f0"),
    _e("testing", "normal", 1, _each(_COVID, "{}")),
    # -- violations: a caller reporting a breach of the rules ------------------------------
    _e("violation", "high", 3, """
        trốn cách ly, trốn khỏi khu cách ly, trốn khỏi, bỏ trốn, trốn ra, trốn về
        """),
    _e("violation", "normal", 4, """
        thu tiền, ăn chặn, ăn bớt, bớt xén, tham nhũng, giá cắt cổ, bán giá cao, chặt chém,
        nâng giá, tố giác, tố cáo
        """),
    _e("violation", "normal", 3, """
        tụ tập, tụ tập đông người, tụm năm tụm ba, {k} đeo khẩu trang, {k} mang khẩu trang,
        {k} đeo khẩu, vi phạm, mở quán, vẫn mở, vẫn mở cửa, vẫn bán, lén bán, bán lén,
        mở cửa buôn bán, chợ tự phát, chợ cóc, họp chợ, nhậu, nhậu nhẹt, ăn nhậu, đánh bài,
        đánh bạc, cờ bạc, karaoke, hát karaoke, {k} chấp hành, {k} tuân thủ, {k} khai báo,
        đá banh, đá bóng, tổ chức tiệc, đám cưới, đám giỗ, đám tiệc, {k} giãn cách,
        {k} có lý do, {k} lý do
        """),
    _e("violation", "normal", 1, """
        phản ánh, báo cáo, đông người, bán hàng, buôn bán, mở cửa, hàng xóm, khẩu trang,
        giãn cách, ồn ào
        """),
    _e("violation", "normal", 1, """
        ra ngoài, đi ra ngoài, ra đường, ra ngoài đường, đi lung tung, đi khắp nơi, đi chơi,
        đi dạo, đi lại
        """, tags="outing"),
    # -- other requests ----------------------------------------------------------------------
    _e("other", "normal", 2, """
        giấy đi đường, giấy thông hành, giấy tờ, về quê, hồi hương, hỏa táng, mai táng,
        an táng, tro cốt, hỏi, cho hỏi, muốn hỏi, hỏi thông tin, khi nào, thủ tục, kẹt,
        kẹt lại, mắc kẹt, giới nghiêm, cúp nước, cúp điện, mất nước, mất điện, vô gia cư,
        chỗ ngủ, chỗ ở, ngủ ngoài đường, tình nguyện viên, số điện thoại
        """),
    # -- context: who is in need -----------------------------------------------------------
    _e(None, "high", 0, """
        neo đơn, {k} ai chăm sóc, {k} có ai chăm sóc, {k} ai lo, {k} người thân,
        {k} có người thân, già yếu, khuyết tật, tàn tật, tật nguyền, bại liệt, liệt giường,
        nằm liệt, bị liệt, khiếm thị, mù, câm điếc, khiếm thính, thiểu năng, tâm thần,
        bệnh tâm thần, mồ côi, đơn thân, nuôi con một mình,
        người già, người lớn tuổi, cụ già, ông già, bà già, ông cụ, bà cụ, lớn tuổi, cao tuổi,
        ông bà, bà nội, bà ngoại, ông nội, ông ngoại, mẹ già, má già, cha già, ba già,
        già rồi, tuổi già,
        con nhỏ, con còn nhỏ, em bé, trẻ em, trẻ nhỏ, con nít, đứa nhỏ, sơ sinh, trẻ sơ sinh,
        mới sinh, mới đẻ, cháu nhỏ, cháu bé, bé, tháng tuổi
        """),
    _e(None, "normal", 0, "tuổi", tags="age"),
    _e(None, "normal", 0, "thấp, tụt, giảm, xuống", tags="low"),
    _e(None, "normal", 0, _DAYS + ", hổm rày, hổm nay, bữa giờ, mấy bữa nay, liên tục, hoài",
       tags="days"),
)

COMBOS: tuple[Combo, ...] = (
    Combo(("f0", "sick"),        "medical",   "high",      3),
    Combo(("f0", "outing"),      "violation", "high",      3),
    Combo(("sick", "days"),      "medical",   "high",      3, window=6),
    Combo(("measure", "low"),    "medical",   "emergency", 5, window=3),
    Combo(("pregnant", "belly"), "medical",   "emergency", 5, window=8),
)

READINGS: tuple[Reading, ...] = (
    # SpO2 "còn tám mươi lăm"; temperature "ba mươi chín độ"; "hai tuổi", "tám mươi tuổi".
    Reading("measure", True,  50, 93,  "medical", "emergency", 5),
    Reading("fever",   True,  39, 43,  "medical", "high",      3),
    Reading("age",     False, 0,  12,  None,      "high",      0),
    Reading("age",     False, 60, 120, None,      "high",      0),
)
# fmt: on

DEMOTIONS: tuple[Demotion, ...] = (Demotion("equipment", "precaution", "normal"),)

# Words stepped over between a phrase and its number ("spo2 xuống còn tám mươi"), or between
# a number and "tuổi" ("bảy mươi mấy tuổi").
READING_SKIP: frozenset[str] = frozenset(
    {"còn", "là", "có", "chỉ", "tụt", "xuống", "đo", "được", "khoảng", "tầm", "chừng", "mức"}
    | {"ở", "tới", "lên", "gần", "hơn", "cao", "đến", "tận", "bị", "mấy", "ngoài"}
)
READING_REACH = 4

# A denied symptom: one of these at most NEGATION_WINDOW words before it ("không sốt",
# "không có ai bị sốt"); AT_ONCE ones only right before it ("hết sốt", "đỡ ho").
NEGATORS: frozenset[str] = frozenset({"không", "hổng", "hông", "chưa", "ko", "chẳng", "chả"})
NEGATORS_AT_ONCE: frozenset[str] = frozenset({"hết", "khỏi", "đỡ"})
NEGATION_WINDOW = 3
# Words that end a negation's reach: "không sốt nhưng ho" denies the fever only.
NEGATION_STOPS: frozenset[str] = frozenset({"nhưng", "mà", "còn", "và", "với", "thì", "lại"})
# An emergency is denied only right after one of these, possibly through a BRIDGE ("không
# khó thở", "không bị khó thở"). "hông" is left out: it is also the hip ("đau hông khó thở").
EMERGENCY_NEGATORS: frozenset[str] = frozenset({"không", "hổng", "chưa", "chẳng"})
EMERGENCY_BRIDGES: frozenset[str] = frozenset({"bị", "có", "thấy"})
