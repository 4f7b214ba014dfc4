"""Round 27P: emergencies the rules missed, services they got wrong and false alarms (writer
Y), in other words than theirs, with look-alikes that must stay calm."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("ông ngoại uống thuốc chống đông giờ máu cam chảy hoài hổng ngưng", "115"),
        ("bà cụ bị điện giựt tụi tui kéo ra mà bả hổng thở", "115"),
        ("có thằng lạ bồng con tui lên xe chạy mất", "113"),
        ("tụi nó kéo thằng nhỏ lên xe chạy mất tiêu", "113"),
        ("có người lạ ở cổng trường nói má kêu rồi dắt con tui đi", "113"),
        ("thằng cha hàng xóm đang đứng ngoài cửa sổ phòng tắm chụp lén con dâu tui", "113"),
        ("ông tui té trong nhà tắm giờ chân ngắn lại xoay ra ngoài hông đứng dậy được", "115"),
        ("gõ cửa hổng ai trả lời nhìn vô thấy ông cụ nằm dưới đất", "115"),
        ("máy đo đường báo chữ hi ông lơ mơ hỏi gì cũng hổng biết", "115"),
        ("con tui sốt cao nổi nốt tím ấn hổng mất", "115"),
        ("thằng nhỏ ói tiêu chảy liên tục giờ mắt trũng lờ đờ", "115"),
        ("ba tui đi phun thuốc sâu về chảy nước miếng mắt đờ ra", "115"),
        ("đứa nhỏ nuốt viên pin cúc áo hồi nãy giờ ọe hoài", "115"),
        ("có đàn ong đang bu chích mấy ông thợ trên giàn", "114"),
        ("hai xe máy chạy theo tui từ cầu về tới giờ tụi nó còn đứng ngoài cổng", "113"),
        ("chị tui sắp sanh bị chồng bỏ hổng có đồng nào mà giờ đau bụng ra nước", "115"),
    ],
)
def test_round27p_emergency_and_service(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        # asked about, past, resolved, figurative, the news, harmless look-alikes
        "hôm qua có người lạ đi theo con tui tui hỏi phải làm sao",
        "ngoại bồng thằng nhỏ lên xe chạy đi chợ",
        "công an bắt nó lên xe chở về phường rồi tui hỏi thủ tục bảo lãnh",
        "hồi tháng trước có thằng đứng ngoài cửa sổ nhìn lén con gái tui giờ tui hỏi làm đơn ở đâu",
        "có người gọi điện giả danh công an đòi chuyển tiền tui hỏi báo ở đâu",
        "má tui bẩm sinh chân ngắn hơn chân kia tui hỏi trợ cấp khuyết tật",
        "gõ cửa hông ai mở chắc ổng đi chợ rồi",
        "máy đo đường hiện chữ hi mà bà vẫn tỉnh táo tui hỏi có sao hông",
        "con tui nổi chấm đỏ ấn vô thì mất hết tui hỏi có phải sởi hông",
        "con tui tiêu chảy cả ngày mà vẫn chơi bình thường",
        "tui xịt thuốc cỏ xong tui hỏi mua đồ bảo hộ ở đâu",
        "tui sợ con nuốt pin nên cất hết tui hỏi loại pin nào an toàn",
        "có tổ ong to trước nhà tui hỏi ai tới gỡ",
        "coi thời sự thấy vụ cháy chung cư tui hỏi mua mặt nạ chống khói ở đâu",
        "ổ điện xẹt lửa tui cúp cầu dao dồi giờ hỏi thợ",
        "trước tui bị đột quỵ giờ khỏe rồi tui hỏi bảo hiểm",
        "ổng dọa đánh tui hoài chứ ổng đi còn hông nổi tui hỏi ly hôn",
        "thằng nhỏ mắc xương gà mà ho ra dồi giờ chơi bình thường",
        "hồi trưa ông hàng xóm xỉu mà người nhà chở đi viện dồi tui hỏi thăm",
        "máu cam chảy một chút rồi cầm được rồi tui hỏi khám ở đâu",
        "em gái tui mười bảy tuổi sắp sanh mà bồ bỏ rơi hổng có tiền tui hỏi xin trợ giúp",
    ],
)
def test_round27p_look_alikes_stay_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # what follows the calm part still counts
        ("chồng tui dọa giết tui chứ ổng đi còn hông nổi mà giờ ổng cầm dao", "113"),
        ("con tui hóc xương cá khạc ra dồi mà vẫn còn khó thở", "115"),
        ("người nhà chở đi viện dồi mà ở đây còn một người nằm bất tỉnh", "115"),
        ("nghe tin có vụ ngộ độc mà giờ nhà tui cũng ăn nấm đó cả nhà ói xỉu", "115"),
        ("bầy ong vò vẽ bu chích ông tui sưng hết mặt thở hổng nổi", "115"),
    ],
)
def test_round27p_what_follows_still_counts(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)
