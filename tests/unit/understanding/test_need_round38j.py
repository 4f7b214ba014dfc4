"""Round 38J of issue 13: daytime scenes outside the home (cases in our own words, with
look-alikes that stay calm); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_base import standard
from callbot.understanding.need_match import candidates, select
from callbot.understanding.need_round38j import round38j_service
from callbot.understanding.text import tokens

EMERGENCIES = [
    # a flame on someone, a burner spitting flame: the burn
    ("ông thợ rèn bị lửa lò rèn táp vô tay phỏng rộp hết", "115"),
    ("chị bán lẩu bị bếp cồn phụt lửa phỏng nguyên cánh tay", "115"),
    # a battery burst: the acid decides
    ("cái ắc quy nổ ngay xưởng văng axit vô mặt thằng em tui", "115"),
    # driven into the trunk, run over a foot, cut through a limb
    ("thanh sắt rớt từ giàn giáo găm vào ngực anh công nhân", "115"),
    ("xe ben de lại cán qua bàn chân chú bảo vệ", "115"),
    ("cái máy cắt cỏ quấn đứt ngang cổ tay ổng", "115"),
    ("chú tui đạp trúng miếng sắt nhọn xuyên qua bàn chân", "115"),
    # caught in a machine: hurt, 115; still caught, 114
    ("cánh tay nó bị cuốn vô băng chuyền nát bét rồi", "115"),
    ("tóc con nhỏ bị cuốn vô máy xay còn kẹt gỡ hổng ra", "114"),
    ("ngoài ruộng có người nằm đó máu chảy lênh láng", "115"),
    ("thợ hồ bị máy bắn đinh bắn xuyên qua đùi", "115"),
    ("ông bảo vệ ngồi gục run bần bật toát mồ hôi lạnh", "115"),
    ("thợ điện bị giựt tụi em kéo ra mà ảnh hổng thở", "115"),
    # a tearing bite, the biter gone
    ("con chó điên cắn xé toạc bắp chân con nhỏ con chó chạy mất rồi", "115"),
    # hornets and someone down
    ("ong vò vẽ bay ra chích ông ngoại tui giờ ổng lịm đi", "115"),
    # a cobra come in with children crying; a car caught in a flooded underpass
    ("hổ mang bành bò vào phòng học mấy đứa nhỏ đang la hét", "114"),
    ("hầm chui bị ngập chiếc taxi chết máy hai người trong xe không ra được", "114"),
    # people chased by a man with a knife, a stranger, a drunk
    ("có ông say xỉn cầm mã tấu rượt mọi người ngoài bến xe", "113"),
    ("có thằng lạ rượt đánh người ta ngoài chợ", "113"),
    ("tên biến thái đang giữ chặt đứa nhỏ trong bụi chuối", "113"),
]

CALM = [
    "lò gạch đầu xóm bốc lửa táp qua mái nhà bên cạnh mà hổng có ai",  # a fire: not calm below
    "cái bếp cồn bắn lửa may mà hổng ai bị gì",
    "bình ắc quy nổ cái bụp hổng ai bị gì hết",
    "bà đó lấy cây ghim ghim vô áo cho thằng nhỏ",
    "dây điện đứt ngang đường hổng ai dám đi qua",
    "sợi dây bị cuốn vô máy trộn hư máy luôn",
    "lon sơn đỏ đổ lênh láng ra sân",
    "trời lạnh quá tụi nhỏ run lẩy bẩy",
    "con chó bên nhà hàng xóm chạy mất rồi tui đi kiếm hoài hổng thấy",
    "ông đồ tể cầm dao đâm heo ngoài lò mổ",
    "tụi nhỏ chơi rượt bắt ngoài sân",
    "coi phim biến thái bị má la",
    "hầm chui ngập nước xe cộ kẹt cứng đi hông được",
    "hồi trưa con rắn hổ mang bành bò vô nhà mà giờ nó bò đi rồi",
    "con nít trong xóm hay nhảy kênh tắm tui sợ tụi nó chết đuối xin cắm biển",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round38j_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM[1:])
def test_round38j_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("both")
def test_a_kiln_fire_licking_a_roof_stays_fire() -> None:
    need = parse_need(CALM[0])
    assert (need.urgency, need.service) == ("emergency", "114")


@pytest.mark.usefixtures("both")
def test_one_sinking_while_bathing_is_still_a_rescue() -> None:
    need = parse_need("tụi nhỏ hay nhảy sông tắm chiều nay có đứa chìm luôn hổng thấy lên")
    assert (need.urgency, need.service) == ("emergency", "114")


def _service(text: str, service: str) -> str | None:
    ws = standard(tokens(text))
    return round38j_service(service, select(candidates(ws)), ws)


def test_hornets_and_someone_down_is_medical() -> None:
    assert _service("ong vò vẽ bay ra đốt mấy đứa nhỏ có đứa ngất luôn", "114") == "115"


def test_hornets_with_nobody_down_stay_rescue() -> None:
    assert _service("ong vò vẽ bay ra đốt mấy đứa nhỏ tụi nó còn bu quanh đó", "114") == "114"


def test_hornets_and_a_fire_stay_rescue() -> None:
    assert _service("ong vò vẽ bay ra đốt mấy đứa nhỏ có đứa xỉu mà cháy nhà kho", "114") == "114"
