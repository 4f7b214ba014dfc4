"""The review of round 32: marks that took back a real emergency, false emergencies, shared
phrases hiding each other's tags (own wordings, with and without the model)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_round32w import W32_SHOT

pytestmark = pytest.mark.usefixtures("both")  # with the model, then without (conftest.py)

# A calm mark must not take back what is happening now: (text, service).
STILL_EMERGENCIES = [
    # a denied burglary, then a fall
    ("không phải trộm đâu anh tui quên chìa khóa trèo vô nhà té từ trên lầu xuống bất tỉnh", "115"),
    # a death, a wedding or an anniversary later: no funeral
    ("bà nội tui ngừng thở rồi nhà tui đang lo đám cưới cho chị hai", "115"),
    ("ba tui ngừng thở rồi tui đang ép tim cho ổng mà bên nội lo đám giỗ", "115"),
    # news denied, or thought a film
    ("nhà tui đang cháy thật mà không phải là chuyện trên mạng đâu", "114"),
    ("tụi nó đâm nhau trước hẻm tui cứ tưởng là phim ai dè thiệt", "113"),
    # the caller's own scene, posted or looked up
    ("tui thấy dãy trọ kế bên cháy dữ lắm khói đen mù tui quay đăng trên phây rồi", "114"),
    ("má tui té xỉu bất tỉnh rồi tui đang coi trên mạng cách sơ cứu", "115"),
    # the loudspeaker's fire has reached the caller
    ("loa phường nói cháy chợ mà lửa lan qua dãy nhà bên này rồi cứu với", "114"),
    # due soon, no labour yet, but a fall
    ("vợ tui sắp sinh mà trượt té cầu thang chưa đau bụng gì hết", "115"),
    # shared phrases: each round's combos read them
    ("ông nội thở rồ rồ rồi im bặt một hồi", "115"),
    ("bà ngoại há miệng hớp hơi môi bầm lại rồi", "115"),
    ("con tui vừa chào đời da xám xịt", "115"),
]
CALM = [
    "chút nữa chị qua thanh toán tiền nước giùm em nha",
    "lát nữa mấy đứa qua xử hết nồi bánh của ngoại",
    "tụi nhỏ la oai oái chơi trận giả binh binh ngoài sân",
    "mưa to nước ập tới miệng cống hút mất chiếc dép của thằng nhỏ",
    "cống thoát nước trước cửa bị ai lôi mất cái nắp",
    "trời đen kịt ngột ngạt quá chắc sắp mưa tui hổng đi đâu được",
    "cái phòng trọ trong đó ngộp hơi quá tui muốn hỏi gắn quạt hút",
    "con chó nhà tui cắn cái dép te tua hết trơn",
    "con chó nó tha ổ bánh mì xé một miếng",
    "con chó ngoạm rách một miếng thịt heo trên bàn",
    "thằng nhỏ lú đầu ra cửa sổ xe đò tui la quá trời",
    "đứa nhỏ lú đầu ra cửa sổ xe buýt",
    "em bé mới sanh tè ướt hết giường tui thay tã không kịp",
    "vợ tui mới sanh xong làm đổ ly nước ướt cả giường",
    "thằng nhỏ chơi game bắn nhau nhân vật bị bắn gục nằm đó máu chảy lai láng",
]


@pytest.mark.parametrize(("text", "service"), STILL_EMERGENCIES)
def test_a_calm_mark_does_not_take_back_a_real_emergency(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service), result


@pytest.mark.parametrize("text", CALM)
def test_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_collapse_in_stuffy_air_stays_115() -> None:
    result = parse_need("má tui nằm trong phòng trong đó ngộp hơi quá bả xỉu bất tỉnh rồi")
    assert (result.urgency, result.service) == ("emergency", "115"), result


def test_five_days_of_belly_ache_is_no_pregnancy() -> None:
    result = parse_need("tui đau bụng đã năm ngày nay rồi")
    assert "bụng đã năm" not in result.reasons


def test_game_felling_words_are_words() -> None:
    assert {"bắn", "chém"} <= W32_SHOT
    assert "b" not in W32_SHOT
