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
    # a snake under the bed within round 22C's ten words
    ("con rắn hổ mang bò vô phòng bầy tui chừ đang cuộn dưới gầm giường", "114"),
    # "dồi" said of a danger, not of a coming round
    ("eng tui té xe đập đầu xuống đường bấ tỉnh dồi", "115"),
    ("bọ tui ngất dồi gọi hông dậy", "115"),
    # a threat acted on now
    ("thằng đó dọa sẽ đốt nhà nếu không trả nợ giờ nó đang tưới xăng trước cửa", "113"),
    ("ổng đang cầm dao dọa sẽ đâm tui nếu tui la lên", "113"),
    # near term with labour begun
    ("vợ em bầu sắp đẻ mà không có tiền giờ đau bụng từng cơn", "115"),
    # after review (H1): a bleed through the dressing, said heavy
    ("ba tui bị dao cứa tay băng lại rồi mà máu vẫn ra nhiều", "115"),
    # (H2) a threat with someone at the door, a hold, a weapon, self-harm: live
    ("thằng kia đứng ngoài cổng dọa sẽ chém tui nếu tui không ra tui hỏi làm sao", "113"),
    ("nó đè em xuống dọa sẽ giết nếu em la", "113"),
    ("nó dọa sẽ chém tui nếu tui không đưa tiền nó có dao trong tay", "113"),
    ("thằng nhỏ nói sẽ nhảy lầu nếu ba nó không về nó đứng ngoài ban công", "115"),
    # (H3) a high sugar or fever, and a faint after it (the comma lost)
    ("ông tui đường huyết lên cao ngất lịm", "115"),
    ("con em sốt cao ngất đi rồi", "115"),
    ("cháu nó cười ngất đi", "115"),
    # (H4) come round with "dồi", then a danger after "mà"; a device off is no fire out
    ("ông tui té đập đầu tỉnh dồi mà ói liên tục", "115"),
    ("tắt cầu dao dồi mà ổ cắm vẫn bốc khói khét lẹt", "114"),
    # (H5) near term said bare, no money, and something happening now
    ("vợ em bầu sắp đẻ mà hết tiền giờ lên cơn rồi", "115"),
    ("vợ tui chửa sắp đẻ mà không có tiền sinh rớt ở nhà rồi", "115"),
    ("vợ em bầu sắp sinh mà không có tiền giờ bị tiền sản giật", "115"),
    # (H6) not yet vaccinated, but the bite fresh, the dog rabid or the bleed heavy
    ("hồi nãy bé bị chó dại cắn chảy máu chưa tiêm", "115"),
    ("hồi sáng bé bị chó cắn chảy máu quá trời chưa đi chích", "115"),
    ("hôm qua bé bị chó dại cắn chảy máu chưa tiêm", "115"),
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
    # after review (H1): fluid, a little, a pad, a sore and medicine asked
    "vết mổ băng lại rồi mà vẫn ra dịch vàng",
    "quấn băng mà vẫn chảy nước mũi hỏi thuốc",
    "băng lại mà máu vẫn chảy chút xíu",
    "máu thấm qua băng vệ sinh",
    "ông tui bị trĩ băng lại mà máu vẫn ra",
    "bà tui bị loét chân băng lại mà máu vẫn chảy hỏi thuốc",
    # (H3) a tower is no faint
    "tòa nhà cao ngất ngưởng ở quận một em hỏi giá thuê",
    # (H7) a fierce dog and a kennel, far apart in an advice
    "nhà em nuôi con chó dại lắm ai lạ vô là sủa hỏi cách huấn luyện cho nó vô chuồng",
    # (H4) a fire out said with "dồi"
    "cháy bếp nhà em lửa tắt dồi em hỏi bảo hiểm",
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
    assert _marks("nó dọa sẽ đánh tui nếu tui về trễ tui hỏi làm sao")["feared"]
    assert "feared" not in _marks("nó dọa sẽ đánh tui nếu tui về trễ")  # no advice asked
    assert "feared" not in _marks("nó cầm dao dọa sẽ đánh tui nếu tui về trễ tui hỏi làm sao")
    # a weapon, a presence or "giờ" after the "nếu", or a bomb
    assert "feared" not in _marks("nó dọa sẽ chém nếu tui la tui hỏi làm sao nó cầm dao")
    assert "feared" not in _marks("nó dọa sẽ giết nếu tui la giờ nó tới rồi tui hỏi làm sao")
    assert "feared" not in _marks("có người dọa sẽ đặt bom nếu không đưa tiền hỏi làm sao")


def test_doi_takes_back_no_danger_after_it() -> None:
    assert not _marks("ông tui ngã đập đầu tỉnh dồi mà ói quá trời")["resolved"]
    assert not _marks("tắt bếp dồi mà khói vẫn bốc lên")["fire_out"]
    assert not _marks("em tắt cầu dao dồi")["fire_out"]
    assert _marks("lửa tắt dồi em hỏi bảo hiểm")["fire_out"]


def test_bare_pregnant_with_something_now_is_no_fear() -> None:
    assert _marks("vợ em bầu sắp sinh mà không có tiền đi viện")["feared"]
    assert "feared" not in _marks("vợ em bầu sắp sinh mà không có tiền giờ té đập bụng")
    assert "feared" not in _marks("vợ em bầu sắp đẻ không có tiền bé không đạp nữa")


def test_not_yet_vaccinated_takes_back_no_present_bleeding() -> None:
    ws = standard(tokens("hôm qua bị chó cắn chưa tiêm giờ vẫn còn chảy máu nhiều lắm"))
    assert all_marks(ws)["now"]
    assert parse_need("hôm qua bị chó cắn chưa tiêm giờ vẫn còn chảy máu nhiều lắm").urgency == (
        "emergency"
    )


def test_a_threat_the_caller_fled_from_stays_a_fear() -> None:
    text = "chồng tui dọa sẽ giết tui nếu tui bỏ đi giờ tui trốn qua nhà chị rồi xin chỗ tạm lánh"
    assert _marks(text)["feared"]
    assert "feared" not in _marks("chồng tui dọa sẽ giết tui nếu tui bỏ đi giờ ổng tới rồi")
