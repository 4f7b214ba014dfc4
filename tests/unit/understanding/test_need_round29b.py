"""Round 29B (writers H and I of session 15): small bodies in trouble, poisons swallowed, and
their calm look-alikes (cases in our own words)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

pytestmark = pytest.mark.usefixtures("both")  # with the model, then without (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("thằng út nuốt đồng xu giờ mắc trong cổ họng thở hổng ra hơi", "115"),
        ("con bé bị bệnh máu khó đông lỡ cứa tay vô mảnh chai chảy hoài không chịu cầm", "115"),
        ("bé nhà tôi bị nồi canh đang sôi đổ lên chân da tróc ra một mảng", "115"),
        ("con tôi đụng lò than phỏng cả cánh tay da cháy đen luôn", "115"),
        ("dạ con tôi năm tháng thóp phồng lên sốt quá trời bỏ bú", "115"),
        ("em bé mới sinh rên è è cả buổi thở bụng mệt lắm", "115"),
        ("cháu tôi rớt từ trên ghế xuống đầu sưng một cục giờ ói hoài", "115"),
        ("đứa nhỏ té cầu thang đầu bị móp vô một chỗ", "115"),
        ("ông nội lỡ uống thuốc cỏ hồi chiều giờ ói ra hoài", "115"),
        ("con tui ăn mấy cục băng phiến tưởng kẹo giờ lừ đừ", "115"),
        ("bé lấy vỉ thuốc của ông nhai hết mấy viên giờ lờ đờ", "115"),
        ("mấy đứa nhỏ đi ăn cưới về ói mửa tiêu chảy nằm lả", "115"),
        ("cậu tôi trèo ra lan can tầng mười đòi nhảy xuống", "114"),
        ("xe bồn chở hóa chất lật tràn ra đường mùi nồng nặc", "114"),
        ("thằng cha say đang ép con nó uống thuốc chuột", "113"),
        ("ông kia đang lấy tàn thuốc dí vô lưng thằng nhỏ", "113"),
        ("có người lạ bế em bé của tui đi đâu mất rồi", "113"),
    ],
)
def test_emergencies(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service), text


@pytest.mark.parametrize(
    "text",
    [
        "bé nhà tôi là bé sinh non giờ đã cứng cáp tôi muốn hỏi chích ngừa",
        "con gái tôi đẻ non cháu đang nằm lồng kính tôi hỏi thủ tục bảo hiểm",
        "vợ tôi bị dọa sảy thai bác sĩ cho về nhà nằm nghỉ tôi hỏi chế độ nghỉ",
        "cháu tui mới xuất viện vụ phỏng nồi canh giờ cần mua thêm băng gạc",
        "tui đọc báo thấy có đứa nhỏ chết đuối dưới sông tui muốn hỏi lớp dạy bơi",
        "con tui coi hoạt hình có nhà bị cháy nó sợ quá tui hỏi chỗ tư vấn tâm lý",
        "thằng nhỏ la bị chó cắn để chọc tui chứ hổng có gì tui hỏi chích ngừa dại",
        "hổng biết khi chuyển dạ thì tui phải gọi ai đưa đi",
        "con tui cầm chai thuốc sâu tui lấy lại kịp rồi muốn hỏi chỗ bỏ vỏ chai",
        "tui muốn mua thuốc trừ sâu cho vườn rau ở đâu bán",
        "bà ngoại ẵm bé đi chợ rồi tui hỏi lịch chích ngừa",
    ],
)
def test_calm_look_alikes(text: str) -> None:
    assert parse_need(text).urgency != "emergency", text


def test_scene_while_watching_stays_an_emergency() -> None:
    result = parse_need("tui coi ti vi xong thì nghe nổ lớn nhà kế bên cháy dữ lắm")
    assert (result.urgency, result.service) == ("emergency", "114")
