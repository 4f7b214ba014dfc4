"""Round 30P: work sites, roads, animals and weather (need_round30p), in our own words."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("chú tui chăn bò ngoài đồng bị rắn hổ cắn bắp chân sưng tím lên", "115"),
        ("anh hàng xóm bị trâu hất văng gãy xương sườn thở hổng nổi", "115"),
        ("thằng thợ hồ bị vôi bột bắn vô hai mắt giờ hổng thấy đường", "115"),
        ("con chó dữ cắn ông bảo vệ rách hết tay chân", "115"),
        ("ba tui cắt lúa ngoài nắng cả ngày về nói nhảm lừ đừ", "115"),
        ("hai xe tải đăm nhau ngoài ngã ba có người nằm dưới đường", "115"),
        ("chị làm bếp bị dao thái cắt trúng cổ tay máo phun ra", "115"),
        ("anh công nhân bị kéo lên rồi mà hổng thở", "115"),
        ("thợ điện đứng trên mái nhà té xuống nằm rên", "115"),
        ("ông thợ bị tia lửa hàn văng cháy áo dập rồi mà da ngực tróc hết", "115"),
    ],
)
def test_worker_hurt_is_115(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service), text


@pytest.mark.parametrize(
    "text",
    [
        "bé sơ sinh nhà tui bị vàng da bác sĩ nói chiếu đèn là được",
        "nhà bị bão quần áo rách hết tui xin ít đồ cũ",
        "làm ngoài nắng cả buổi mệt quá muốn hỏi chỗ mua nón",
        "tui chăn vịt thuê muốn hỏi chỗ vay vốn mua thêm bầy",
        "xe chở heo đi ngang nhà mùi hôi quá trời",
    ],
)
def test_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency", text


def test_a_gas_tanker_is_no_herd() -> None:
    # toneless "cho ga" is not "chở gà": the tanker's leak stays 114
    result = parse_need("xe bồn chở ga bị lật xì ra mùi nồng nặc người ta chạy tán loạn")
    assert (result.urgency, result.service) == ("emergency", "114")
