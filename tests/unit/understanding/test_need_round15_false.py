"""Round 15 of issue 13 (a reviewer's probe of round 13, classes C to F): general questions and
hearsay, what to do asked with "thì", a screen or a habit, a breaker named before its trip,
read by the rules alone, with our own sentences, and the emergencies that must stay; one
breaker test with the model too (it must not promote what the rules read calmly)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    "text",
    [
        # a general question, hearsay, a count of cases
        "bị đuối nước có nguy hiểm không",
        "người ta bảo bị ong đốt thì phải chườm đá đúng không",
        "nghe nói bị đột quỵ thì không được cho uống nước phải hông",
        "ở quận này có nhiều vụ cướp giật không",
        "mùa mưa hay bị điện giật lắm phải không",
        # what to do, whom to tell
        "nhà cháy thì báo cho cơ quan nào",
        "bị chó cắn thì sơ cứu ra sao",
        "khi gặp người đuối nước thì có được ấn bụng không",
        "bị giật điện thoại thì báo chỗ nào",
        # a screen, a habit
        "trong phim mỹ có cảnh người ta bị đâm chết",
        "hoạt hình tối qua có cảnh cháy rừng",
        "con tui đọc truyện thấy cảnh đứa nhỏ chết đuối",
        "thằng út suốt ngày la hét đòi mua đồ chơi",
        # a breaker named first
        "cầu dao nhà tui bị sập rồi",
        "cầu giao tổng lại nhảy",
        "aptomat trên lầu bị ngắt hoài",
    ],
)
def test_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    ("text", "service"),
    [
        # asked while it burns, a person of the caller's, now
        ("nhà tui đang cháy thì báo cho ai", "114"),
        ("ba tôi bị đột quỵ rồi giờ phải làm sao", "115"),
        # hearsay, then the caller's own people
        ("nghe nói ba tui bị xe tông đang nằm ngoài đường chảy máu nhiều", "115"),
        # a breaker that sparks and burns
        ("cầu dao nhảy xong ổ điện bốc khói khét lẹt", "114"),
        ("cầu giao bị sập rồi tủ điện đang cháy", "114"),
        # a film watched, then a real scene
        ("coi phim xong ra ngoài thấy có người đang chết đuối dưới kênh", "114"),
    ],
)
def test_still_emergencies(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.usefixtures("with_model")
@pytest.mark.parametrize("text", ["cầu dao tổng bị nhảy", "cầu giao nhà em bị sập"])
def test_breaker_not_promoted_by_the_model(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
