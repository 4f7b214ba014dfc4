"""Round 39M of issue 13: central and northern speakers in Ho Chi Minh City ("mệ", "o",
"bọ", "chừ", "dồi"; "bố", "bầu", "ngất"); cases in our own words, with look-alikes that stay
calm (over, a condition, a figure of speech, a report); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_base import standard
from callbot.understanding.need_marks import all_marks
from callbot.understanding.need_round39m import round39m_marks
from callbot.understanding.text import tokens

EMERGENCIES = [
    # fake liquor, then blurred eyes
    ("mấy anh thợ xây uống phải rượu giả tối nay giờ kêu mắt mờ", "115"),
    ("chú em uống rượu dỏm ở đám cưới về giờ nhìn không thấy đường", "115"),
    # bleeding through the dressing
    ("o tui bị dao chặt trúng bắp chân băng lại mà máu vẫn thấm ra ướt hết", "115"),
    ("bố em bị mảnh kính đâm vào chân máu thấm qua băng mấy lớp rồi", "115"),
    # a big snake come in and coiled further on
    ("con rắn hổ mang bò vô phòng trọ bầy tui chừ đang nằm cuộn tròn dưới gầm giường", "114"),
    # "dồi" said of a danger, not of a coming round
    ("eng tui té xe đập đầu xuống đường bấ tỉnh dồi", "115"),
    ("bọ tui ngất dồi gọi hông dậy", "115"),
    # a threat acted on now
    ("thằng đó dọa sẽ đốt nhà nếu không trả nợ giờ nó đang tưới xăng trước cửa", "113"),
    ("ổng đang cầm dao dọa sẽ đâm tui nếu tui la lên", "113"),
    # near term with labour begun
    ("vợ em bầu sắp đẻ mà không có tiền giờ đau bụng từng cơn", "115"),
    # a bite, and rabies signs now
    ("hôm qua cháu bị mèo hoang cào chưa chích ngừa giờ lên cơn sợ nước", "115"),
]

CALM = [
    # "ngất" as a figure
    "tòa nhà mới xây cao ngất mà hàng xóm hỏi có giấy phép không",
    "ông chú say ngất ngưởng hát karaoke tới khuya em phản ánh tiếng ồn",
    "em coi hài cười ngất hỏi lịch diễn",
    # came round, said with "dồi"
    "hồi trưa mạ tui choáng ngất mà tỉnh dồi chừ hỏi khám tim ở mô",
    "bọ tui khó thở hồi khuya chừ đỡ dồi tui hỏi bảo hiểm",
    # near term said bare, no money
    "chị em bầu sắp sinh mà không có tiền viện phí hỏi chỗ hỗ trợ",
    "vợ tui đang chửa gần đẻ mà hết tiền hỏi chỗ hỗ trợ",
    # a threat on a condition
    "bố dượng dọa sẽ đánh em nếu em bỏ học em hỏi chỗ tư vấn",
    # a bite, not yet vaccinated
    "hôm qua em bị chó nhà hàng xóm cắn rớm máu chưa tiêm phòng dại giờ hỏi chỗ tiêm",
    # fake liquor reported
    "quán đầu ngõ bán rượu giả em muốn báo",
    "băng lại dồi máu hết chảy tui hỏi thuốc bôi",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round39m_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round39m_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def _marks(text: str) -> dict[str, list[tuple[int, int]]]:
    return round39m_marks(standard(tokens(text)))


def test_doi_is_done_only_for_a_coming_round() -> None:
    assert _marks("mạ tui ngất mà tỉnh dồi")["resolved"]
    assert not _marks("bà tui uống thuốc huyết áp mà giờ hết dồi")["resolved"]
    assert not _marks("chồng bỏ đi dồi em hỏi chỗ ở")["resolved"]
    assert _marks("ba tui ăn dồi chó xong tỉnh queo") == {}
    assert _marks("sức khỏe dồi dào") == {}


def test_a_threat_with_a_weapon_is_no_condition() -> None:
    assert _marks("nó dọa sẽ đánh tui nếu tui về trễ")["feared"]
    assert "feared" not in _marks("nó cầm dao dọa sẽ đánh tui nếu tui về trễ")


def test_not_yet_vaccinated_takes_back_no_present_bleeding() -> None:
    ws = standard(tokens("hôm qua bị chó cắn chưa tiêm giờ vẫn còn chảy máu nhiều lắm"))
    assert all_marks(ws)["now"]
    assert parse_need("hôm qua bị chó cắn chưa tiêm giờ vẫn còn chảy máu nhiều lắm").urgency == (
        "emergency"
    )
