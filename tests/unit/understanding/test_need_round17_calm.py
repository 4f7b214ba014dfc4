"""Round 17 of issue 13 (reviewers' probes): a quarrel with words only, a question of how often
and a fear said with "lo" or "e" are no emergency; their twins that say a blow, a weapon or now
stay 113. Our own sentences (southern, northern, central forms, Vosk's spellings). The rule
cases are read by the rules alone; the quarrels the model promoted are read with the model on,
since that it may not promote them is what they test."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_base import standard
from callbot.understanding.need_calm_scenes import calm_marks, fears
from callbot.understanding.text import tokens
from tests.support.need import urgency_and_service as _service


def _words(text: str) -> list[str]:
    return standard(tokens(text))


QUARRELS = [
    "hai đứa con tui đang cãi nhau giành cái xe đạp",
    "thằng anh với thằng em nó đang cự nhau chuyện cái máy chơi game",
    "ba má tui đang cãi nhau lớn tiếng trong phòng",
    "bọn trẻ nhà hàng xóm chí chóe giành nhau cái điện thoại",
    "hai vợ chồng nhà kia cãi vã suốt từ tối tới giờ",
    "hai đứa con tau đang cãi nhau trong nhà rứa",
    "mấy đứa cháu nội tui cải lộn giành cái bánh",
]


@pytest.mark.usefixtures("with_model")
@pytest.mark.parametrize("text", QUARRELS)
def test_a_quarrel_with_words_only_is_not_promoted(text: str) -> None:
    assert calm_marks(_words(text))["calm_scene"]  # read as a known calm scene
    result = parse_need(text)
    assert result.urgency != "emergency"
    assert result.model != "promote"


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    "text",
    [
        # a quarrel word the rules read as 113, between family or neighbours, words only
        "con tui với con nhà bên gây lộn với nhau ngoài sân",
        "ông bà hàng xóm gây gổ nhau chuyện cái hàng rào",
        "hai chị em nó gây sự với nhau vì cái áo",
        # how many, how often: a general question, "ở đây" and "mình" included
        "gần đây ở quận bảy có nhiều vụ cướp không",
        "dạo này khu phố mình có trộm chó không anh",
        "ở chỗ này có thường xuyên bị cướp giật không chị",
        "xóm tui dạo này có hay bị trộm vô nhà không vậy",
        "năm nay ở phường mình có bao nhiêu vụ cướp giật",
        # a fear said with "lo", "lo lắng", "e"
        "tôi lo bọn nó đến đánh con tôi",
        "tui lo lắng tụi nó quay lại đập phá",
        "tau lo tụi hắn tới đánh",
        "tui lo mai tụi nó tới siết nợ đánh người",
        "em e tụi nó tới đập nhà",
        # a fear's "bị" belongs to the feared clause
        "hẻm tối thui tui đi làm về khuya sợ bị giựt đồ",
    ],
)
def test_calm_scenes_questions_and_fears_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


TWINS = [
    # a quarrel that turned to blows, a knife, a threat, poison
    ("hai anh em cãi nhau rồi thằng anh cầm dao chém thằng em", "113"),
    ("vợ chồng hàng xóm cãi nhau ông chồng đang đánh bà vợ", "113"),
    ("ba tui cãi nhau với má rồi bóp cổ má tui", "113"),
    ("hàng xóm cãi nhau rồi ném gạch qua nhà tui", "113"),
    ("chồng tui cãi nhau rồi đòi đốt nhà", "113"),
    ("thằng em cãi nhau với thằng anh giờ nó uống thuốc chuột", "115"),
    # a brawl brewing between strangers stays the rules' 113
    ("có đám thanh niên đang gây gổ trước quán nhậu", "113"),
    # a crime now, said with "ở đây" or after "dạo này"
    ("có cướp giật ngay đầu hẻm nè", "113"),
    ("dạo này hay bị trộm mà giờ tụi nó đang cạy cửa nhà tui", "113"),
    # a fear about something happening now
    ("tui lo quá tụi nó đang đập cửa nhà tui", "113"),
    ("tui lo tụi nó đang đánh con tui", "113"),
    ("tui lo tụi nó đập cửa nhà tui kìa", "113"),
    ("tui lo quá thằng nhỏ đang co giật", "115"),
    # "lo" as taking care of, beside an emergency now
    ("tui đang lo cơm nước thì nghe tiếng nổ bên nhà hàng xóm giờ cháy lớn", "114"),
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("text", "service"), TWINS)
def test_twins_that_are_emergencies_stay(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.usefixtures("with_model")
@pytest.mark.parametrize(("text", "service"), TWINS[:6])
def test_twins_stay_with_the_model(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    ("text", "opened"),
    [
        ("tui lo tụi nó tới đánh", True),
        ("con lo mai chủ nợ tới", True),
        ("tui e là bọn nó quay lại", True),
        ("bác sĩ lo rồi tui hỏi giờ thăm", False),  # "lo" as taking care of
        ("tui lo quá tụi nó tới", False),  # a fear felt
        ("e tụi nó đang đánh nhau", False),  # "e" with nobody speaking before it
        ("tui lo tụi nó tới kìa", False),  # now, here
    ],
)
def test_which_fear_words_open_a_feared_clause(text: str, opened: bool) -> None:
    """Only where "lo" or "e" are followed by who is feared or a time to come."""
    assert bool(fears(_words(text))) is opened


@pytest.mark.usefixtures("with_model")
@pytest.mark.parametrize(
    "text",
    [
        "thằng nhỏ khóa trái cửa phòng đang coi ti vi không chịu mở nhờ người tới mở giùm",
        "con bé tự khóa cửa phòng chơi trong đó cười giỡn quá trời tui cần thợ mở khóa",
        "đứa cháu tui khóa trái cửa phòng mà nó ngủ ngon lành kêu thợ tới mở dùm",
    ],
)
def test_a_child_shut_in_a_room_at_play_is_not_promoted(text: str) -> None:
    """The retrained model of session 10 told such a child 114 on "vui", "thợ"."""
    assert calm_marks(_words(text))["calm_scene"]
    result = parse_need(text)
    assert result.urgency != "emergency" and result.model != "promote"


@pytest.mark.usefixtures("with_model")
@pytest.mark.parametrize(
    "text",
    [
        "bé khóa cửa xe hơi ngoài nắng mà nó đang chơi trong xe",
        "đứa nhỏ tự khóa trái cửa phòng mà trong phòng có mùi khói",
    ],
)
def test_a_child_shut_in_where_danger_is_said_stays_114(text: str) -> None:
    assert not calm_marks(_words(text))["calm_scene"]
    assert (parse_need(text).urgency, parse_need(text).service) == ("emergency", "114")
