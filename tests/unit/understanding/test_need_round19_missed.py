"""Round 19 of issue 13 (writers Z and Q of the eleventh development set: missed emergencies
and wrong services): the classes of wording they showed, with our own examples (other
wordings, regions, recognition damage) and their look-alikes, read by the rules alone (the
statistical model must not be what makes these pass), and the model kept from turning a
beating with nobody hurt into 115."""

from __future__ import annotations

import pytest

from callbot.understanding import need_model
from callbot.understanding.need import parse_need
from callbot.understanding.need_model import Rules, Score, judge
from tests.support.need import urgency_and_service as _service


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    "text",
    [
        # a blade that slipped: no attacker, a wound
        "ba tui đang bổ củi thì cái rựa trượt chém vô mu bàn chân máu chảy quá trời",
        "anh tôi chặt củi bị dao phay trật tay chặt trúng ngón cái máu ra không cầm",
        "thằng em tui phát cỏ lỡ tay chém trúng bắp chân sâu hoắm",
        "chị hai đang chẻ dừa bị trợt dao chém vào lòng bàn tay máu phun",
        # drooping eyelids as Vosk writes them, after a snake bite
        "ông ngoại bị rắn lục cắn ngoài vườn giờ mi mắc sụp nói không rõ",
        "thằng nhỏ bị rắn cạp nong cắn giờ hai mí mắc xụp xuống",
        # slumped with an overdose's marks
        "có thằng thanh niên gục ở gốc cây kế bên có kim tiêm",
        "ngoài bến xe có người ngồi gục trên ghế đá môi xanh mặt xanh lè",
        # someone down after a fire put out
        "lúc nãy bếp nhà bên bốc cháy dập tắt rồi mà bà cụ nằm trong bếp bất tỉnh",
        "hồi nãy kho hàng cháy xịt xong rồi nhưng có anh bảo vệ nằm co giật",
    ],
)
def test_blades_eyelids_overdoses_and_people_down_after_a_fire_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    "text",
    [
        # held captive
        "con gái tui bị chồng nó khóa trong phòng không cho ăn uống",
        "chị giúp việc nhà bên bị bà chủ khóa nhốt trong nhà kho mấy bữa nay",
        "em bị khóa trong phòng trọ hai ngày rồi em lén gọi cho anh",
        # a child lured away
        "có người lạ dụ thằng cu nhà tui lên xe máy chở đi mất",
        "bà kia dụ con bé lên xe hơi đóng cửa chạy mất",
        "hồi nãy có ông lừa con tui lên xe chở đi mất tiêu rồi",
    ],
)
def test_captives_and_children_lured_away_are_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    "text",
    [
        # clinging after a branch broke
        "thằng con tui trèo cây xoài bị gãy nhánh giờ nó đu lủng lẳng",
        "con nhỏ leo cây ổi cành gãy nó bám cành ở trên cao",
        # pinned by what fell
        "cánh cổng sắt nhà hàng xóm sập kẹp ngang bụng ông già",
        "bức vách tôn đổ kẹp đứa nhỏ ở dưới",
        "cấy tủ sắt ngã đè ngang ngực chị ấy",
    ],
)
def test_branches_broken_and_people_pinned_are_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    "text",
    [
        # a slip that only touches, a small cut cared for
        "hồi chiều gọt xoài dao trượt vô tay chảy chút máu dán băng keo rồi",
        # eyelids that droop with age
        "mẹ tui lớn tuổi mí mắt sụp xuống muốn hỏi chỗ mổ",
        # syringes and slumping without a person down
        "tui muốn báo ở công viên có ống chích vứt bậy nguy hiểm cho con nít",
        "ông xã tui mệt quá gục trên bàn ngủ luôn",
        # a fire put out, nobody down
        "hồi nãy nồi cơm điện bốc khói dập tắt rồi mà giờ nhà còn hôi",
        # locked out, not in
        "tui bị chủ nhà khóa cửa lại không cho vô lấy đồ",
        # a lure of another kind, a ride home
        "bà kia dụ tui mua bảo hiểm hoài",
        "có người chở con tui về nhà giùm rồi",
        # a branch broke, nobody clinging; a child at play
        "cành gãy rớt xuống sân mấy cái chậu bể hết",
        "tụi nhỏ đang chơi đu trên cây trong sân",
    ],
)
def test_their_look_alikes_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


def test_the_model_keeps_a_beating_with_nobody_hurt_at_113() -> None:
    """The model may not turn 113 into 115 when the rules heard nothing medical (it leaned on
    a crash's words); with a wound heard it still may."""
    view = Score((0.01, 0.97, 0.01, 0.01), ())
    seen = need_model.Reading([], {}, True)
    unhurt = Rules(True, "113", False, True, False, False, unhurt=True)
    hurt = Rules(True, "113", False, True, False, False, unhurt=False)
    assert judge(view, unhurt, seen) is None
    assert judge(view, hurt, seen) == "service"


def test_a_beating_after_a_small_crash_is_113_with_the_model() -> None:
    result = parse_need(
        "xe hơi quẹt xe ba tui ba tui không sao hết mà thằng tài xế xuống túm áo đấm liên tục"
    )
    assert (result.urgency, result.service) == ("emergency", "113")
