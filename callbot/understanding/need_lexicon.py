"""The need parser's lexicon: what callers say, as data (read by :mod:`.need`).

Each :class:`Entry` gives phrases (as Vosk writes them: lowercase, numbers as words) and what
they mean:

- ``category``: the need they point to, or None for words that only set urgency or feed a
  combination (an elderly person, a child, "hết"...);
- ``urgency``: ``emergency`` (life-threatening now: the caller is told to call 115 and goes to
  the head of the queue), ``high`` or ``normal``;
- ``weight``: how much the phrase says about the *need*, not the context. 3 is a need ("hết
  gạo", "xét nghiệm", "mất việc"), 1 is context ("F0", "có bầu", "phản ánh"). The category is
  chosen among phrases of weight >= 2 first by urgency, then by total weight; context only
  decides when nothing else does;
- ``tags``: names used by :data:`COMBOS` ("f0" + "sick" -> medical, high);
- ``negatable``: a symptom a caller may deny ("không sốt"); never set on emergencies (recall
  beats precision: "không có ai khó thở" stays an emergency, with lower confidence);
- ``fold``: how tolerant matching may be. Multi-word phrases match exactly, then with the tones
  stripped ("khó thơ"), then with every diacritic stripped ("kho tho"). One-word phrases only
  ever match exactly: a folded syllable is too many words ("ho" is "họ", "đói" is "đòi").
  ``tone`` or ``exact`` stop earlier where folding meets a common phrase: "tự tử" folds to
  "từ từ", "vỡ ối" to "vợ ơi", "treo cổ" to "treo cờ".
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


# "Not" in the north and the south ("hổng có", "hông có").
NOT = ("không", "hổng", "hông")

# Ways Vosk writes oxygen and COVID.
_OXY = ("oxy", "oxi", "ô xy", "ô xi", "ôxy", "ôxi")
_COVID = ("covid", "cô vít", "cô vi", "co vid", "cô vích")


def _oxy(*patterns: str) -> str:
    return ", ".join(p.format(o) for p in patterns for o in _OXY)


def _covid(*patterns: str) -> str:
    return ", ".join(p.format(c) for p in patterns for c in _COVID)


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
        tức ngực, đau ngực, nặng ngực, đau thắt ngực, ngừng tim, tim ngừng, nhồi máu,
        bất tỉnh, ngất, ngất xỉu, xỉu, hôn mê, {k} tỉnh, lịm đi, mê man, lơ mơ,
        gọi {k} dậy, gọi {k} tỉnh, {k} phản ứng, {k} cử động,
        chảy máu, ra máu, mất máu, chảy nhiều máu, máu chảy, ho ra máu, nôn ra máu,
        ói ra máu, băng huyết, ra huyết,
        chuyển dạ, trở dạ, chuyển bụng, sắp sinh, sắp đẻ, đang sinh, đau đẻ, đau bụng sinh,
        đau bụng đẻ, vỡ nước ối, ra nước ối, rỉ ối, sinh non, đẻ rơi,
        tím tái, tím môi, môi tím, co giật, lên cơn hen, lên cơn suyễn, động kinh,
        sùi bọt mép, đột quỵ, tai biến, méo miệng, méo mặt, liệt nửa người, yếu nửa người,
        xuất huyết não, cấp cứu, nguy kịch, sắp chết, hấp hối, chuyển nặng, trở nặng,
        nguy hiểm tính mạng, sốc phản vệ, ngộ độc, một một năm, một một lăm,
        một trăm mười lăm, muốn chết, {k} muốn sống, chán sống, tự sát, quyên sinh,
        nhảy lầu, nhảy cầu, uống thuốc chuột, uống thuốc sâu, kết liễu
        """, tags="sick"),
    _e("medical", "emergency", 5, "vỡ ối, treo cổ, đau tim", fold="tone"),
    _e("medical", "emergency", 5, "tự tử, tự vẫn", fold="exact"),
    _e("medical", "emergency", 5, _oxy(
        "cần {}", "hết {}", "bình {}", "thở {}", "xin {}", "thiếu {}", "tụt {}", "{} tụt",
        "{} thấp", "{} máu thấp") + ", máy thở"),
    _e(None, "emergency", 4, """
        cháy nhà, hỏa hoạn, đang cháy, bị đâm, bị chém, đánh nhau, bạo hành, đánh đập, cướp
        """),
    # Longer phrases that contain an emergency's words without being one: the longest
    # match wins, so these keep "đang sinh sống" and "đói muốn chết" out of the emergencies.
    _e(None, "normal", 0, "đang sinh sống, sinh sống, đang sinh hoạt"),
    _e("food", "high", 3, "sắp chết đói, đói muốn chết, đói gần chết", tags="hunger"),
    _e("medical", "normal", 3, "mệt muốn chết", tags="sick", negatable=True),
    # -- medical ---------------------------------------------------------------------------
    _e("medical", "high", 3, """
        sốt cao, sốt li bì, sốt {k} hạ, {k} hạ sốt, sốt {k} giảm, sốt {k} dứt, khò khè,
        thở khò khè, chạy thận, lọc máu, ung thư, hóa trị, xạ trị, mệt lả, yếu lắm,
        ói liên tục, tai nạn, qua đời, tử vong, đã chết, chết rồi, chết ở nhà
        """, tags="sick"),
    _e("medical", "high", 3, "spo2, sp o2, sp o hai, ét pê ô hai, máy đo, đo nồng độ, " + _oxy(
        "{}", "chỉ số {}", "nồng độ {}", "đo {}", "{} máu", "{} trong máu"), tags="measure"),
    _e("medical", "high", 1, """
        có bầu, mang bầu, mang thai, có thai, đang bầu, bà bầu, bầu bì, thai phụ, sản phụ, bầu
        """),
    _e("medical", "normal", 3, """
        sốt, ho, ho khan, ho nhiều, đau họng, rát họng, mất vị giác, mất khứu giác, mất mùi,
        đau đầu, nhức đầu, đau nhức, nhức mỏi, đau bụng, tiêu chảy, ói, nôn, mệt, mệt mỏi,
        {k} khỏe, chóng mặt, sổ mũi, nghẹt mũi, bị cảm, cảm cúm, cảm sốt, cúm, bệnh, ốm,
        bị bệnh, đau, ớn lạnh
        """, tags="sick", negatable=True),
    _e("medical", "normal", 3, """
        bệnh nền, tiểu đường, đái tháo đường, huyết áp, cao huyết áp, tim mạch, bệnh tim,
        hen, suyễn, hen suyễn, phổi, bệnh phổi, suy thận, xơ gan, hiv
        """, tags="sick"),
    _e("medical", "normal", 3, """
        thuốc, túi thuốc, thuốc men, khám, khám bệnh, khám thai, bác sĩ, bệnh viện, trạm y tế,
        y tế, nhập viện, chuyển viện, điều trị, chữa bệnh, xe cứu thương, tiêm, chích,
        vắc xin, vaccine, tiêm ngừa, chích ngừa, mũi một, mũi hai, hạ sốt
        """, tags="medicine"),
    # -- food ------------------------------------------------------------------------------
    _e("food", "high", 3, """
        đói, bị đói, đói bụng, đói meo, nhịn đói, chết đói, nhịn ăn,
        {k} có gì ăn, {k} có gì để ăn, {k} có gì mà ăn, {k} còn gì ăn, {k} còn gì để ăn,
        {k} có cái ăn, {k} có cơm ăn, {k} có ăn, {k} có cái gì ăn, hết đồ ăn, hết thức ăn,
        hết cái ăn, {k} còn hột gạo, hết sạch gạo, hết trơn
        """, tags="hunger"),
    _e("food", "normal", 3, """
        gạo, thực phẩm, đồ ăn, thức ăn, lương thực, nhu yếu phẩm, rau, rau củ, mì gói, mì tôm,
        mì, sữa, bỉm, tã, trứng, thịt, cơm, đồ khô, thực phẩm thiết yếu, hàng thiết yếu,
        túi an sinh, gói an sinh, phần quà, túi quà, cứu trợ, tiếp tế, từ thiện, bếp ăn,
        suất cơm, cơm hộp, đi chợ, chợ, siêu thị, ăn uống, cái ăn
        """, tags="staple"),
    # -- financial -------------------------------------------------------------------------
    _e("financial", "normal", 3, """
        mất việc, thất nghiệp, nghỉ việc, {k} có việc, {k} có việc làm, hết việc,
        mất thu nhập, {k} có thu nhập, hết tiền, {k} có tiền, {k} còn tiền,
        {k} còn đồng nào, tiền nhà, tiền trọ, tiền thuê nhà, tiền phòng, thuê nhà, tiền điện,
        tiền nước, trợ cấp, tiền trợ cấp, gói hỗ trợ, tiền hỗ trợ, hỗ trợ tiền,
        nghị quyết sáu mươi tám, nghị quyết sáu tám, bảo hiểm thất nghiệp,
        gói hai mươi sáu nghìn tỷ, chủ nhà đuổi, bị đuổi, đóng tiền, trả tiền, tiền mặt,
        nợ, vay, lương, cho vay
        """),
    _e("financial", "normal", 1, """
        tiền, nhà trọ, phòng trọ, lao động tự do, bán vé số, chạy xe ôm, xe ôm, bán hàng rong,
        phụ hồ, chủ nhà, công nhân
        """),
    # -- testing and quarantine ------------------------------------------------------------
    _e("testing", "normal", 3, """
        xét nghiệm, test nhanh, tét nhanh, test, pcr, lấy mẫu, kết quả xét nghiệm, khu cách ly,
        cách ly tập trung, cách ly tại nhà, tự cách ly, giấy xác nhận, hoàn thành cách ly,
        truy vết, tiếp xúc gần, f1, ép một, f một, f2, ép hai, khai báo y tế
        """),
    _e("testing", "normal", 2, """
        kết quả, âm tính, cách ly, phong tỏa, khu phong tỏa, bị phong tỏa, một vạch, ca nhiễm
        """),
    _e("testing", "normal", 2, "dương tính, hai vạch, lên hai vạch, test dương", tags="f0"),
    _e("testing", "normal", 1, "f0, f không, ép không, ép zê rô, ép dê rô, bị nhiễm, "
       "nhiễm bệnh, " + _covid("bị {}", "nhiễm {}", "mắc {}", "dính {}"), tags="f0"),
    _e("testing", "normal", 1, _covid("{}")),
    # -- violations: a caller reporting a breach of the rules ------------------------------
    _e("violation", "normal", 3, """
        tụ tập, tụ tập đông người, tụm năm tụm ba, {k} đeo khẩu trang, {k} mang khẩu trang,
        {k} đeo khẩu, vi phạm, tố giác, tố cáo, trốn cách ly, trốn khỏi khu cách ly, bỏ trốn,
        mở quán, vẫn mở cửa, vẫn bán, lén bán, mở cửa buôn bán, chợ tự phát, chợ cóc,
        họp chợ, nhậu, nhậu nhẹt, ăn nhậu, đánh bài, đánh bạc, cờ bạc, karaoke, hát karaoke,
        {k} chấp hành, {k} tuân thủ, {k} khai báo, ăn chặn, thu tiền, đá banh, đá bóng,
        tổ chức tiệc, đám cưới, {k} giãn cách
        """),
    _e("violation", "normal", 1, """
        phản ánh, báo cáo, đông người, bán hàng, buôn bán, mở cửa, hàng xóm, khẩu trang,
        giãn cách, ồn ào, đi lại, ra đường, ra ngoài đường, đi chơi, đi dạo
        """),
    # -- other requests ----------------------------------------------------------------------
    _e("other", "normal", 2, """
        giấy đi đường, giấy thông hành, về quê, hồi hương, hỏa táng, mai táng, an táng, tro cốt,
        hỏi thông tin, thủ tục, kẹt lại, mắc kẹt
        """),
    # -- context: who is in need (urgency only, or tags for COMBOS) ------------------------
    _e(None, "high", 1, """
        neo đơn, sống một mình, ở một mình, một thân một mình, {k} ai chăm sóc,
        {k} có ai chăm sóc, {k} ai lo, {k} người thân, {k} có người thân, già yếu,
        khuyết tật, tàn tật, tật nguyền, bại liệt, liệt giường, nằm liệt, bị liệt, khiếm thị,
        mù, câm điếc, khiếm thính, thiểu năng, tâm thần, bệnh tâm thần, mồ côi
        """),
    _e(None, "normal", 0, """
        người già, người lớn tuổi, cụ già, ông già, bà già, ông cụ, bà cụ, lớn tuổi, cao tuổi,
        ông bà, bà nội, bà ngoại, ông nội, ông ngoại, bảy mươi tuổi, tám mươi tuổi,
        chín mươi tuổi, bảy mươi mấy, tám mươi mấy, chín mươi mấy, ngoài bảy mươi,
        ngoài tám mươi, hơn bảy mươi, hơn tám mươi
        """, tags="elderly"),
    _e(None, "normal", 0, """
        con nhỏ, con còn nhỏ, em bé, trẻ em, trẻ nhỏ, con nít, đứa nhỏ, mấy đứa nhỏ, sơ sinh,
        trẻ sơ sinh, cháu nhỏ, cháu bé, bé, mấy đứa con, các cháu, mấy cháu
        """, tags="child"),
    _e(None, "normal", 0, """
        hết, hết sạch, {k} có, {k} còn, thiếu, cạn, chưa có, chưa nhận được, {k} đủ
        """, tags="out"),
    _e(None, "normal", 0, "thấp, tụt, giảm, xuống", tags="low"),
    _e(None, "normal", 0, _DAYS + ", hổm rày, hổm nay, bữa giờ, mấy bữa nay, liên tục, hoài",
       tags="days"),
)

COMBOS: tuple[Combo, ...] = (
    Combo(("staple", "out"),    "food",    "high",      3, window=3),
    Combo(("medicine", "out"),  "medical", "high",      3, window=3),
    Combo(("child", "staple"),  "food",    "high",      3),
    Combo(("f0", "sick"),       "medical", "high",      3),
    Combo(("elderly", "sick"),  "medical", "high",      3),
    Combo(("sick", "days"),     "medical", "high",      3, window=6),
    Combo(("measure", "low"),   "medical", "emergency", 5, window=3),
)
# fmt: on

# SpO2 below this (a number said within a few words after a measure) is an emergency.
SPO2_EMERGENCY_BELOW = 94
SPO2_PLAUSIBLE_FROM = 50
SPO2_LOOKAHEAD = 4

# A denied symptom: one of these at most NEGATION_WINDOW words before it ("không sốt",
# "không có ai bị sốt"); AT_ONCE ones only right before it ("hết sốt", "đỡ ho").
NEGATORS: frozenset[str] = frozenset({"không", "hổng", "hông", "chưa", "ko", "chẳng", "chả"})
NEGATORS_AT_ONCE: frozenset[str] = frozenset({"hết", "khỏi", "đỡ"})
NEGATION_WINDOW = 3
# Words that end a negation's reach: "không sốt nhưng ho" denies the fever only.
NEGATION_STOPS: frozenset[str] = frozenset({"nhưng", "mà", "còn", "và", "với", "thì", "lại"})
