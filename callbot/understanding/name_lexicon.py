"""The words the name parser (:mod:`.name`) knows: surnames, lead-ins, stops, particles.

Data only, and the few tables derived from it (surnames by their toneless form); what the
words mean for a name is decided in :mod:`.name`.
"""

from __future__ import annotations

from callbot.understanding.text import FILLERS, fold


def words_of(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


SURNAMES: frozenset[str] = words_of(
    """
    nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lưu trương đinh
    đoàn lâm mai trịnh cao tạ hà đào lương thái châu quách tô tăng lại kiều từ triệu tôn âu
    mạc thân chu giang khổng kim lục nghiêm quan tống vương diệp hứa doãn phùng lạc thạch
    vi lò hầu mạch trà phương cù khúc ninh bạch văng lữ lư mã đàm tiêu lã ung viên lều la
    chau danh
    """
)  # "chau", "danh": Khmer surnames, written without tones ("Chau Sóc Kha", "Danh Út")

PRONOUNS: frozenset[str] = words_of(
    "tôi tui em con cháu mình tớ anh chị cô chú bác ông bà dì cậu mợ thím"
)
# Titles dropped at the start of a name; "anh" and "em" are not among them ("Anh Thư").
TITLES: frozenset[str] = words_of("chị cô chú bác ông bà dì cậu mợ thím")
# Words that end a name: they are never part of one.
STOPS: frozenset[str] = words_of(
    """
    tôi tui em mình tớ cháu ở nhà số sinh tuổi địa điện đang bị cần muốn xin còn và với hiện
    sống từng quận phường đường là thì không chưa có được cho hỏi gọi biết nhớ quên nói giúp
    làm đi về lấy nhận nhưng mà chứ hay hoặc cũng gì sao ai đâu đây này kia người tên họ của
    ạ nha nhé nhá hả đó đấy ấy vậy rồi hổng hông để lắm cảm cám mẹ bố má vợ chồng
    chớ nghe nghen nè cưng
    """
)
# Two words that end a name although the first may be part of one ("Năm").
STOP_PAIRS: frozenset[tuple[str, str]] = frozenset(
    {("năm", "nay"), ("năm", "sinh"), ("năm", "tuổi"), ("hai", "vợ"), ("ba", "mẹ")}
)
# A name word said again to spell it ("quách là quách trong quách tĩnh"; "như"): not the name.
SPELLING: frozenset[str] = words_of("là như")
# A caller correcting themselves: the name is what follows.
CORRECTIONS: frozenset[str] = frozenset({"nhầm", "lộn"})
# "... à không lê văn tâm": a "không" right before a surname starts the name again.
RESTART = "không"
# An age said after the name ("bùi gia bảo con tám tuổi"): ends it.
AGE = "tuổi"
AGE_NUMBERS: frozenset[str] = words_of(
    "một hai ba bốn tư năm lăm sáu bảy tám chín mười mươi mốt chục mấy"
)
# Middle names whose diacritics the recognizer may drop (only fixed between surname and name).
MIDDLE_NAMES: dict[str, str] = {"thi": "thị", "van": "văn"}
# Words that may come before a surname without being part of the name.
NOT_NAME: frozenset[str] = STOPS | PRONOUNS | FILLERS | {"tên", "họ", "là", "của", "thưa"}
REFUSALS: tuple[tuple[str, ...], ...] = (
    ("giấu", "tên"),
    ("ẩn", "danh"),
    ("bí", "mật"),
    ("quên", "rồi"),
    ("không",),  # "không biết", "không muốn nói", "không có"...
    ("hổng",),  # southern "không"
    ("hông",),
)
# Discourse particles that end an answer ("tên em là lan nè"): dropped from the name's end.
TRAILING: frozenset[str] = words_of("nè nha nhé nhen nghen nghe đó đấy á a hen thôi vậy há hả")
# A toneless "ha" after a word with diacritics is a particle ("lụa ha"), else Hà ("thi ha").
TONELESS_TRAILING: frozenset[str] = words_of("ha")
# Surnames said without diacritics, restored when only one surname folds to them.
FOLDED_SURNAMES: dict[str, str] = {
    bare: next(s for s in SURNAMES if fold(s) == bare)
    for bare in {fold(s) for s in SURNAMES}
    if sum(fold(s) == bare for s in SURNAMES) == 1
}
# Lead-in words as Vosk mishears them ("tênh tôi lả lan"): recognised by their folded form
# where a lead-in is expected (see :func:`_lead_in_words`).
LA_FOLDED = "la"
TEN_FOLDED: frozenset[str] = frozenset({"ten", "tenh", "tem", "tien"})
FOLDED_PRONOUNS: dict[str, str] = {fold(p): p for p in words_of("tôi tui em con cháu mình")}
LA_WINDOW = 5  # "tên" ... "là": how far to look for the "là"
MAX_WORDS = 5
MIDDLE_MARKS: tuple[tuple[str, ...], ...] = (
    ("tên", "lót"),
    ("chữ", "lót"),
    ("tên", "đệm"),
    ("chữ", "đệm"),
    ("lót",),
    ("đệm",),
)
