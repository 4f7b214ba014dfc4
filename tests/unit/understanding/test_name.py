"""parse_name on realistic Vosk transcripts: lead-ins, fillers, titles, number-word names."""

from __future__ import annotations

import pytest

from callbot.understanding.name import NameResult, parse_name, title_case
from callbot.understanding.registry import parse


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # lead-ins
        ("tên tôi là nguyễn văn an", "Nguyễn Văn An"),
        ("dạ tên tôi là huỳnh văn bảy ạ", "Huỳnh Văn Bảy"),
        ("tên em là trần thị mai", "Trần Thị Mai"),
        ("em tên là nguyễn thị tư", "Nguyễn Thị Tư"),
        ("tôi tên lê văn sáu", "Lê Văn Sáu"),
        ("con tên là phạm văn chín ạ", "Phạm Văn Chín"),
        ("cháu tên võ thị mười", "Võ Thị Mười"),
        ("họ tên là đặng thị năm", "Đặng Thị Năm"),
        ("họ và tên của em là bùi minh tuấn", "Bùi Minh Tuấn"),
        ("họ tên đầy đủ là đỗ thị thu hà", "Đỗ Thị Thu Hà"),
        ("mình là hồ ngọc hân", "Hồ Ngọc Hân"),
        ("dạ em là ngô thanh tâm", "Ngô Thanh Tâm"),
        ("tên em thì là dương văn một", "Dương Văn Một"),
        ("tên của tôi là lý thị hai", "Lý Thị Hai"),
        ("alo dạ tên tôi là nguyễn văn ba", "Nguyễn Văn Ba"),
        ("dạ vâng tên tôi là trương văn tám nha", "Trương Văn Tám"),
        ("ờ tên tôi à tên tôi là phan thị bốn", "Phan Thị Bốn"),
        ("họ nguyễn tên an", "Nguyễn An"),
        ("tên em lan", "Lan"),
        ("tên em là anh thư", "Anh Thư"),  # "anh" is a given name here
        ("tên là chú bảy", "Bảy"),
        # no lead-in: the whole answer
        ("nguyễn văn an", "Nguyễn Văn An"),
        ("đặng thị năm", "Đặng Thị Năm"),
        ("lê văn sáu ạ", "Lê Văn Sáu"),
        ("dạ huỳnh văn bảy", "Huỳnh Văn Bảy"),
        ("dạ nguyễn thị tư ạ", "Nguyễn Thị Tư"),
        ("ờ thì trần văn năm", "Trần Văn Năm"),
        ("anh nguyễn văn an", "Nguyễn Văn An"),
        ("chị phạm thị hoa", "Phạm Thị Hoa"),
        ("dạ chú bảy", "Bảy"),
        ("cô năm", "Năm"),
        ("nguyễn văn an là tên em", "Nguyễn Văn An"),
        ("dạ cho em hỏi là nguyễn văn hai", "Nguyễn Văn Hai"),
        ("minh tuấn", "Minh Tuấn"),
        # the name ends where other information starts
        ("tên em là lan em ở quận năm", "Lan"),
        ("tên tôi là nguyễn văn sáu số nhà mười hai", "Nguyễn Văn Sáu"),
        ("tôi là trần thị bảy năm nay sáu mươi tuổi", "Trần Thị Bảy"),
        ("tên tôi là lê thị năm năm nay bảy mươi", "Lê Thị Năm"),
        ("tên em là đỗ văn hai ba mẹ em bị bệnh", "Đỗ Văn Hai"),
        ("tên tôi là lê thị chín còn chồng tôi là lê văn tám", "Lê Thị Chín"),
        # stutters, restarts and lost diacritics
        ("phạm phạm văn đức", "Phạm Văn Đức"),
        ("dạ lê ờ lê thị hồng", "Lê Thị Hồng"),
        ("tên tôi là võ văn à võ văn kiệt", "Võ Văn Kiệt"),
        ("trần van tâm", "Trần Văn Tâm"),
        ("tên em là nguyễn thi bảy", "Nguyễn Thị Bảy"),
        ("lâm văn lâm", "Lâm Văn Lâm"),  # a surname as given name is no restart
        ("tên tôi là võ văn kiệt cảm ơn chị", "Võ Văn Kiệt"),
        ("tên em là lan à nhầm lam", "Lam"),
        ("tên tôi là nguyễn văn an à nhầm nguyễn văn ân", "Nguyễn Văn Ân"),
        ("em là mẹ của bé an", None),
        ("dạ em tên là bé", "Bé"),
        ("dạ tôi là bà năm", "Năm"),
        # input with capitals and punctuation
        ("Tên tôi là NGUYỄN Văn An.", "Nguyễn Văn An"),
    ],
)
def test_names(text: str, name: str | None) -> None:
    assert parse_name(text).name == name


@pytest.mark.parametrize(
    "text",
    [
        "",
        "dạ",
        "dạ vâng",
        "alo alo",
        "ạ",
        "không biết",
        "không muốn nói",
        "dạ em không muốn nói tên",
        "không",
        "em không nhớ",
        "giấu tên",
        "ẩn danh",
        "bí mật",
        "thôi",
        "tui hổng biết",
        "hông muốn nói đâu",
        "để sau nha em",
        "em là người nhà",
        "em muốn hỏi về việc nhận gạo",
        "tên em là",
        "0901234567",
    ],
)
def test_no_name(text: str) -> None:
    result = parse_name(text)
    assert result.name is None
    assert result.confidence == 0.0


def test_names_are_never_digits() -> None:
    for text in ("huỳnh văn bảy", "tên tôi là lê văn mười một", "đặng thị năm"):
        name = parse_name(text).name
        assert name is not None
        assert not any(ch.isdigit() for ch in name)


def test_confidence_order() -> None:
    lead_and_surname = parse_name("tên tôi là nguyễn văn an").confidence
    surname_only = parse_name("nguyễn văn an").confidence
    lead_only = parse_name("tên tôi là minh tuấn").confidence
    neither = parse_name("minh tuấn").confidence
    one_word = parse_name("tên em là lan").confidence
    one_word_bare = parse_name("dạ chú bảy").confidence
    long_name = parse_name("tên tôi là nguyễn văn an bình minh hải").confidence
    assert lead_and_surname == 0.95
    assert surname_only == lead_only == 0.85
    assert neither == 0.6
    assert one_word < lead_only
    assert one_word_bare < neither
    assert long_name < 0.7
    for value in (one_word, one_word_bare, long_name):
        assert 0 < value < 1


def test_title_case() -> None:
    assert title_case(["đặng", "thị", "năm"]) == "Đặng Thị Năm"
    assert title_case(["ông", "ích", "khiêm"]) == "Ông Ích Khiêm"
    assert title_case([]) == ""


def test_as_dict_and_registry() -> None:
    text = "dạ tên tôi là huỳnh văn bảy ạ"
    assert parse_name(text).as_dict() == {"name": "Huỳnh Văn Bảy", "confidence": 0.95}
    assert parse("name", text) == parse_name(text).as_dict()
    assert parse("name", "không biết") == {"name": None, "confidence": 0.0}
    assert isinstance(parse_name(text), NameResult)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # misheard lead-in words
        ("dạ tênh tôi là đoàn văn phúc", "Đoàn Văn Phúc"),
        ("tên em lả mai thị hồng", "Mai Thị Hồng"),
        ("con lá bùi văn khoa ạ", "Bùi Văn Khoa"),
        ("tiên tôi là trịnh thị diễm", "Trịnh Thị Diễm"),
        ("chị tến là quách thị ngọc", "Quách Thị Ngọc"),
        ("ten toi la ngo van hoang", "Ngô Văn Hoang"),
        # trailing particles
        ("tên cháu là hồ thị thắm nè", "Hồ Thị Thắm"),
        ("dạ em là phan văn lực thôi", "Phan Văn Lực"),
        ("tên tôi là dương thị kim hen", "Dương Thị Kim"),
        ("mình là tô văn đức đó", "Tô Văn Đức"),
        ("em tên hạnh vậy", "Hạnh"),
        ("tên chị là lụa ha", "Lụa"),
        # surnames without diacritics, given names as heard
        ("nguyen van tai", "Nguyễn Văn Tai"),
        ("dạ tên em là huynh thi my", "Huỳnh Thị My"),
        ("tran minh quan", "Trần Minh Quan"),
        ("tên tôi là pham thi ha", "Phạm Thị Ha"),
        ("vo van kiet", "Võ Văn Kiet"),
        ("dang thi hoa", "Đặng Thị Hoa"),
        # a surname misheard by its tone, in a name of three words
        ("dạ nguyển thị mai nha chị", "Nguyễn Thị Mai"),
        ("tên tui là trẩn văn tư", "Trần Văn Tư"),
        ("em tên nguyển lan", "Nguyển Lan"),  # two words: too little to say it is a surname
        # the southern ch/tr and d/v at the surname, in a name of three words
        ("chần thị mỹ", "Trần Thị Mỹ"),
        ("dạ tui tên dũ văn hòa", "Vũ Văn Hòa"),
        ("chu văn an", "Chu Văn An"),  # a surname already
        # Khmer surnames are written without tones
        ("chau sóc kha ở tri tôn đó cô", "Chau Sóc Kha"),
        ("tên con là danh thị sa rinh", "Danh Thị Sa Rinh"),
        # what ends a name: a southern "chớ", a vocative, a word spelt out
        ("tui là lê văn hưng chớ hổng phải hùng", "Lê Văn Hưng"),
        ("tên chú hả đỗ văn năm nghe cưng", "Đỗ Văn Năm"),
        ("lục thị hạnh lục là lục trong lục vân tiên đó", "Lục Thị Hạnh"),
        ("mạc văn đông mạc như mạc đĩnh chi", "Mạc Văn Đông"),
        # a name said part by part
        ("họ phan tên lót thanh tên tùng nha", "Phan Thanh Tùng"),
        ("dạ họ võ chữ lót thị tên kim ngân", "Võ Thị Kim Ngân"),
        ("họ lý tên hoa", "Lý Hoa"),
    ],
)
def test_misheard_lead_ins_particles_and_bare_surnames(text: str, name: str) -> None:
    assert parse_name(text).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tên em là thủy tiên", "Thủy Tiên"),  # "tiên" is a given name, not a lead-in
        ("tiên", "Tiên"),
        ("tôi là lã văn cường", "Lã Văn Cường"),  # "lã" is a surname, not "là"
        ("lã thị hoa", "Lã Thị Hoa"),
        ("tên em là lan anh", "Lan Anh"),
        ("lu van hai", "Lu Van Hai"),  # "lu" is Lư or Lữ: left as heard
    ],
)
def test_lookalikes_stay_as_said(text: str, name: str) -> None:
    assert parse_name(text).name == name


def test_thoi_alone_is_a_refusal_but_not_after_a_name() -> None:
    assert parse_name("thôi khỏi").name is None
    assert parse_name("hạnh thôi").name == "Hạnh"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a "không" right before a surname starts the name again; the word corrected away,
        # explained after the new name, is no part of it
        ("tên tui là trần văn sáu à không trần văn sáng sáu là em tui", "Trần Văn Sáng"),
        ("em tên phạm thị lan ờ không phạm thị lân", "Phạm Thị Lân"),
        ("tui tên đỗ văn ba không phải đỗ văn bảy", "Đỗ Văn Ba"),  # "không phải": no restart
        # an age after the name ends it
        ("dạ con tên là võ minh khang con chín tuổi", "Võ Minh Khang"),
        ("cháu là lê gia hân mười hai tuổi", "Lê Gia Hân"),
        ("tên tôi là nguyễn thị kim chi là con bà năm", "Nguyễn Thị Kim Chi"),
    ],
)
def test_restarts_and_ages_round_2(text: str, name: str) -> None:
    assert parse_name(text).name == name
