"""Round 31M: a reviewer's look-alikes of round 30's readings (O, P, Q), and the real
emergencies beside them (cases in our own words)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_model import use_model

pytestmark = pytest.mark.usefixtures("both")  # with the model, then without (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # 1: "hoài" is no "said for days"; now is said
        ("má tui cứ than đau ngực khó thở vã mồ hôi hoài", "115"),
        ("ba tui cứ than tức ngực khó thở hoài", "115"),
        ("ổng cứ đòi nhảy lầu hoài giờ đang đứng trên lan can", "115"),
        # 2: a panicked "là sao"
        ("con tui bị co giật mắt trợn ngược là sao vậy tui không hiểu", "115"),
        ("ba tui đang co giật sùi bọt mép là sao tui hông hiểu gì hết", "115"),
        # 4: the police station's "đồn có"
        ("trước cửa đồn có người bị xe tông nằm bất tỉnh", "115"),
        ("tui chạy vô đồn có thằng cầm dao rượt tui tới giờ", "113"),
        ("ngay cạnh đồn có ông già té xỉu bất tỉnh", "115"),
        # 5: a snatching, no shock
        ("tui đang ngồi ở bàn nhậu bị giựt giỏ xách", "113"),
        ("đang cắm sạc điện thoại bị giựt mất luôn cái điện thoại", "113"),
        ("đang cắm sạc thì bị giựt điện thoại", "113"),
        # 5: the shock itself stays
        ("má tui đang ủi đồ bị giựt té ngửa", "115"),
        ("bạn tui cắm sạc điện thoại bị giựt té xỉu", "115"),
        ("con tui đang cắm quạt bị giựt điện té ngửa", "115"),
        # 6: someone else's hands
        ("thằng chồng xỉn chụp tóc vợ đập đầu vô tường liên tục", "113"),
        ("nó đè con tui xuống đập đầu vô tường liên tục", "113"),
        ("thằng đó xô bà già đập đầu vô tường liên tục", "113"),
        ("đứa em tui lên cơn đập đầu vô tường liên tục máu me tùm lum", "115"),
        # 7: the family's own car to hospital
        ("má tui mệt lừ đừ tụi tui kéo ra xe chở đi cấp cứu", "115"),
        ("ông ngoại lừ đừ nhà tui kéo lên xe chở đi cấp cứu", "115"),
        ("con nhỏ lừ đừ bị hai thằng lạ lôi ra xe", "113"),
        # 9: a birth now stays
        ("vợ tui bầu chín tháng đang trên taxi la muốn rặn đau dồn dập", "115"),
        ("hồi sanh đứa đầu dễ lắm mà giờ chị tui đẻ rớt ngoài hành lang dây rốn còn dính", "115"),
        ("vợ tui bầu tám tháng giờ đau bụng dồn dập muốn rặn", "115"),
        ("hồi sanh đứa đầu bị băng huyết giờ vợ tui đang đẻ muốn rặn", "115"),
        ("vợ tui bầu đi cầu thì vỡ ối muốn rặn quá", "115"),
        # 10: not answering after a fall stays
        ("ông nội té xuống sân kêu hông nghe gì hết", "115"),
        # 15: a child perched, heat and raving, drink with a head wound stay
        ("thằng nhỏ ngồi vắt vẻo trên mái nhà", "114"),
        ("ông đi làm ngoài nắng cả ngày về nói lung tung lừ đừ", "115"),
        ("ổng bị sốt cao người nóng hầm hập nói nhảm", "115"),
        ("ổng say rượu té đập đầu chảy máu nói nhảm", "115"),
        ("bà ngoại tự nhiên nói lộn xộn méo miệng", "115"),
        # 11: a numb half of the body stays
        ("ba tui tự nhiên tê nửa người không nhấc tay lên được", "115"),
    ],
)
def test_emergencies(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service), text


@pytest.mark.parametrize(
    "text",
    [
        # 9: pregnancy talk and births told from before
        "vợ tui bầu đi siêu âm bác sĩ nói thấy đầu đứa nhỏ quay xuống rồi",
        "vợ tui đang bầu bị táo bón đi cầu muốn rặn mà không ra",
        "tui bầu sáu tháng đi tiêu khó lắm muốn rặn mạnh có sao hông",
        "hồi đi sanh đứa đầu bả muốn rặn mà bác sĩ không cho",
        "hồi sanh con tui tự sanh ở nhà dây rốn còn dính mẹ tui cắt",
        # 1-3: talk for days, a word asked about, a sign asked about stay calm
        "dạo này ổng cứ đòi nhảy lầu tui lo quá",
        "ngộ độc rượu là sao tui hông hiểu",
        "nghe nói đột quỵ là sao hông hiểu",
        "em bầu lần đầu muốn hỏi đau bụng kiểu nào mới là sắp sanh",
        "chị muốn hỏi làm sao biết là bị sốt xuất huyết",
        # 11: a sore shoulder, a language
        "tui bị đau vai mấy tháng nay tự nhiên không nhấc tay lên được hỏi khám ở đâu",
        "thằng nhỏ nhà tui tự nhiên nói lộn xộn tiếng anh tiếng việt mắc cười lắm",
        # 15
        "ông thợ ngồi vắt vẻo trên mái nhà sửa ăng ten",
        "chú thợ điện đứng vắt vẻo trên cột điện lắp dây cáp",
        "tui làm ngoài nắng cả ngày về nói lung tung với vợ cho vui",
        "ổng say rượu về nói nhảm người nóng hầm hập",
        "chồng tui nhậu xỉn về nói nhảm cả buổi",
    ],
)
def test_calm_look_alikes(text: str) -> None:
    assert parse_need(text).urgency != "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        # 3: a question after the signs (the model demotes this line on its own)
        "thằng nhỏ co giật sùi bọt mép muốn hỏi làm sao biết bị gì",
        "con tui lên cơn co giật tím tái tui muốn hỏi làm sao biết bị gì",
    ],
)
def test_rules_keep_signs_said_before_a_question(text: str) -> None:
    use_model(False)
    assert parse_need(text).urgency == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        # 10: "kêu hông nghe" as "won't obey" (the model promotes these lines on its own)
        "thằng nhỏ chơi té xuống trầy đầu gối tui kêu hông nghe cứ chạy hoài",
        "thằng nhỏ sốt người nóng ran mà kêu hông nghe chịu uống thuốc",
        "con bé té xe đạp trầy tay tui gọi hổng nghe cứ chơi tiếp",
    ],
)
def test_rules_read_disobeying_as_calm(text: str) -> None:
    use_model(False)
    assert parse_need(text).urgency != "emergency", text


def test_talk_for_days_ends_where_now_is_said() -> None:
    said = "mấy bữa nay cứ nói hông muốn sống giờ đang cầm dao cứa tay"
    assert parse_need(said).urgency == "emergency"
