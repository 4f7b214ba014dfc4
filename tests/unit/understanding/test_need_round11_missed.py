"""Round 11 of issue 13 (the seventh development part's missed emergencies): accent damage read
in general (:func:`.need_missed_accents.accent_key`) and scenes said without an emergency word,
with our own sentences and their look-alikes, by the rules alone (the statistical model must
not be what makes these pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_missed_accents import accent_key
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("chộm", "trộm"),
        ("nôi", "lôi"),
        ("xân", "sân"),
        ("dơi", "rơi"),
        ("giữ", "dữ"),
        ("xăn", "xăng"),
        ("đáng", "đánh"),
        ("khiên", "khiêng"),
    ],
)
def test_accent_key_merges_what_accents_merge(heard: str, meant: str) -> None:
    assert accent_key(heard) == accent_key(meant)


@pytest.mark.parametrize(
    ("one", "other"),
    [("tắc", "tắt"), ("lá", "lả"), ("sâu", "xấu"), ("trộm", "chồm")],
)
def test_accent_key_keeps_tones_vowels_and_final_stops(one: str, other: str) -> None:
    assert accent_key(one) != accent_key(other)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # tr/ch, l/n, r/d/gi, s/x as a northern or central caller is heard
        ("mạ ơi nhà có chộm đang lục tủ dưới bếp", "113"),
        ("thằng chộm đang cạy cửa nhà bên", "113"),
        ("có đứa con gái bị mấy thằng nôi lên xe ngoài chợ", "113"),
        ("ông thợ dơi xuống hố ga sâu lắm", "114"),
        ("con dâu tui có bầu sáu tháng da máu nhiều quá", "115"),
        ("ba tui đau đầu giữ dội rồi ói liên tục", "115"),
        ("thằng cháu bị giật điện ngoài ruộng giờ không thở", "115"),
    ],
)
def test_accent_damaged_emergencies_are_read(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        # up a tree, a pole or a loft, unable to come down, or hanging
        "ba tui trèo lên cây dừa bị vọp bẻ ôm thân cây không xuống được",
        "thằng nhỏ leo lên trụ điện lấy con diều giờ hổng dám leo xuống",
        "anh thợ sơn đang bám đu ngoài mép tường tầng ba",
        # shut in a freezer, locked in a car, a hand in an escalator, a live wire, a gas leak
        "con tui chui vô cái tủ đông ngoài hiên nắp đóng lại mở không ra",
        "thằng bé tự khóa mình trong xe hơi giữa trưa nắng",
        "bé gái kẹt tay vô thang cuốn ở siêu thị",
        "chú thợ điện dính vô dây điện trên cột không buông ra",
        "xưởng bên cạnh xì khí độc ai cũng ho mà còn người bên trong",
        # a flood with someone nobody can carry out, heard "khiên"
        "nước lên tới giường rồi bà tui nằm liệt không ai khiên ra nổi",
    ],
)
def test_stuck_high_shut_in_and_live_wires_are_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # someone at the door now, a follower waiting, a weapon or petrol at the gate
        "có người lạ đang cố mở cửa nhà tui nãy giờ",
        "mấy người tự xưng công an không giấy tờ đang cố đẩy cửa vô",
        "có thằng chạy xe theo em từ quán về giờ còn đậu chờ ngoài hẻm",
        "chồng cũ của chị tôi cầm cây dao đứng trước cổng la hét",
        "thằng đó cầm can xăn đứng ngoài cửa phòng đòi đốt phòng tui",
        # a thief at work, a shop looted
        "có trộm đang ở dưới nhà tui nghe tiếng mở ngăn kéo",
        "nghe tiếng kính bể bên tiệm vàng mấy thằng đang bê đồ ra xe",
        # a relative forced at a cash machine
        "má tui gọi nói bị hai đứa ép đưa thẻ ngân hàng ở cây rút tiền",
    ],
)
def test_at_the_door_thieves_and_threats_are_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "ông tui tiểu đường mà giờ vã mồ hôi nói lảm nhảm không biết ai",
        "mẹ em ra mồ hôi ướt hết áo rồi lú lẫn gọi không biết ai",
        "về nhà thấy ôn nằm dưới đất kêu chi cũng hông biết",
        "ông cụ nằm sõng soài giữa nhà chỉ rên khe khẽ",
        "cậu tui bị xơ gan nôn ra cả chậu máu",
    ],
)
def test_confusion_the_unanswering_and_blood_vomited_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes: a mild burn, a freezer to buy, a tree to cut, a salesman, the idiom
        "em bị phỏng giầu nhẹ ở tay bôi gì cho đỡ",
        "tui muốn hỏi mua cái tủ đông cũ ở đâu rẻ",
        "nhờ phường cho người chặt cây dừa trước nhà sắp ngã",
        "có người bán hàng gõ cửa mời mua nồi",
        "kẹt xe ở ngã tư muốn tắc thở luôn",
        "hồi năm ngoái nhà tui có chộm vô lấy cái xe giờ muốn hỏi giấy tờ",
    ],
)
def test_look_alikes_stay_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    "text", ["tui mua cái nôi lên xe chở về cho con", "đi xe nôi lên xe buýt được không"]
)
def test_a_cradle_is_not_dragged_into_a_car(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
