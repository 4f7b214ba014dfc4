"""Round 31T of issue 13: slipped speech and rarer medical emergencies (cases in our own
words, with look-alikes that stay calm); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_round31t import slipped

EMERGENCIES = [
    ("mấy thằng say đang ném đá dô nhà tui bể hết kiếng", "113"),
    ("bên kia có con nhỏ bị xít chân vô chân giường", "113"),
    ("ông dượng đang lấy roi quấc thằng nhỏ té lăn ra", "113"),
    ("ngoài chợ tụi thanh niên đang xúm lại đánh một ông già", "113"),
    ("ổng nhốt tui trong nhà nói bước ra khỏi cửa là chếc với ổng", "113"),
    ("thằng chồng đang túm tóc cổ đập đầu vô tường", "113"),
    ("khuya rồi có ai đi lại trong nhà mà cả nhà ngủ hết", "113"),
    ("nước dâng tới mái dồi cả nhà leo lên nóc", "114"),
    ("ông tui nằm im khôngthở nữa", "115"),
    ("vợ tui đẻ ở nhà mà thấy dây rốn lòi ra trước", "115"),
    ("chị tui sanh ngượt kẹt cái mông em bé hoài", "115"),
    ("ông nội thở hắt ra từng cái nghe sợ lắm", "115"),
    ("ba tui đau tức ngực như có đá đè vã mồ hôi", "115"),
    ("thằng út tiêu chảy đi ngoài toàn nước từ hôm qua mà tã khô queo", "115"),
    ("tự nhiên anh tui đau như muốn nổ cái đầu", "115"),
    ("con gái tui sốt cao cổ cứng đơ hông cúi được", "115"),
    ("ba tui đi cầu phân đen thui giờ choáng váng", "115"),
    ("mẹ tui mới sáng còn khỏe giờ hai chân liệt đau lưng dữ lắm", "115"),
    ("thằng cháu tự nhiên đau trứng dái sưng to lên", "115"),
    ("anh tui té xe giờ bàn chân lạnh mà sờ không thấy mạch", "115"),
    ("chú tui bị thanh sắt quật trúng mặt máu ọc ra miệng", "115"),
]

CALM = [
    "chiều nào tụi nhỏ cũng xúm lại đá banh ngoài bãi",
    "má tui dặn ra khỏi nhà là chết với má nên tui ở nhà học",
    "bà tui liệt hai chân mấy năm nay cần người chăm",
    "anh tui từng treo cổ hồi trước giờ đi làm lại bình thường rồi",
    "tui nghe nói nuốt pin nguy hiểm lắm phải hông cô",
    "tháng dồi nhà kế bên cháy tui muốn hỏi kiểm tra điện",
    "bé chơi với con mèo cả buổi tui hỏi chích ngừa",
    "cổ cứng vì nằm gối cao hỏi có thuốc xoa bóp không",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round31t_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round31t_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_heart_out_of_step_is_no_fight() -> None:
    need = parse_need("ông tui thở hụt hơi tim đập lộn xộn quá")
    assert need.service != "113"


def test_slips_say_each_word_once_slipped() -> None:
    said = slipped("vô nhà").split(", ")
    assert said == ["vô nhà", "dô nhà"]
    assert "là chếc" in slipped("là chết")
