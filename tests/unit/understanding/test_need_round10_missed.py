"""Round 10 of issue 13 (writers g, h and i of the sixth development part: missed emergencies
and wrong services): the classes of wording they showed, with our own examples (other
wordings, regions, recognition damage) and their look-alikes, read by the rules alone (the
statistical model must not be what makes these pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # a bite bleeding hard, bleeding heard "máo"
        "thằng nhỏ bị con chó bẹc giê cắn nát bắp tay máu chảy ròng ròng",
        "má tui bị chó hàng xóm cắn nát cổ chân chảy máo quá trời",
        "anh tui đứt tay máo ra nhiều lắm không cầm được",
        # choking heard "nghẹ", food named with an animal's word
        "con tui ăn bò viên bị mắc nghẹ giờ tím tái",
        "bà nội đang ăn xôi gà thì bị nghẹ thở không được",
        "thằng út hóc nghẹ cục kẹo mặt tím",
        # the caller forced the door: the one found needs 115
        "tôi phải phá khóa vô thì thấy bác hàng xóm nằm bất tỉnh dưới sàn",
        "em liền đạp cửa vô thấy chú bảy nằm im gọi không dậy",
        # the thud of a fall, a bleeding head
        "bà cụ té đánh uỵch ngoài sân giờ đầu chảy máu nhiều",
        # vehicles that crashed into each other, someone not moving
        "ngoài ngã tư xe tải với xe máy tông nhau người chạy xe máy nằm bất động",
        "hai chiếc xe đạp đụng nhau thằng nhỏ bất tỉnh luôn",
        # a chemical splashed in the face or the eyes
        "chị công nhân bị hóa chất bắn vô mắt giờ la quá trời",
        "thằng con tui nghịch vôi sống bị văng vô mắt nó khóc thét",
        "ổng đang châm a xít vô bình thì văng trúng mặt",
    ],
)
def test_bites_choking_forced_doors_crashes_and_splashes_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # a flood with people nobody can carry out
        "nước lên tới ngực mà bà ngoại bị liệt hổng ai cõng ra được",
        "xóm tui bị ngập nhà có ông cụ nằm một chỗ không khiêng nổi",
        "lũ về nhanh quá ba tui nằm liệt giường tui không bế ra được",
        # stuck on a ledge high up, not daring to move
        "có người đàn ông đứng ngoài bệ cửa sổ tầng tám không dám nhúc nhích",
        "thằng nhỏ leo ra mép mái nhà giờ ngồi đó hổng dám leo xuống",
        "anh thợ bị kẹt trên giàn giáo tầng mười không dám cử động",
        "chị kia trèo qua lan can rồi đứng ngoài gờ tường tầng năm không dám buông tay",
    ],
)
def test_floods_nobody_can_carry_out_and_ledges_are_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # a child heard muffled with people guarding the door
        "trong căn phòng trọ kế bên có tiếng đứa nhỏ kêu ú ớ với hai thằng đứng canh cửa",
        "nghe con bé bị bịt miệng trong nhà có ông kia đứng gác cửa",
        # a break-in relayed by message, under way; "vào" heard "dào"
        "chị tôi nhắn tin bảo có thằng cạy cửa đang vô nhà chị",
        "ba tui gọi điện nói có người phá khóa đang dào nhà",
        # someone climbing in over the roof or a wall
        "khuya rồi mà có đứa leo qua mái tôn vô nhà tui",
        "nửa đêm có người lạ trèo qua mái ngói nhà bên định vô nhà tui",
        # a beating that turns from an animal to a person
        "ông chồng xỉn đá con mèo xong quay sang đánh vợ",
    ],
)
def test_captives_relayed_break_ins_climbers_and_beatings_are_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # an animal on a ledge, in a beating, biting another animal
        "con mèo kẹt ngoài gờ tường không dám nhúc nhích",
        "thằng say rượu đánh con chó nhà nó",
        # food with an animal's word, no emergency
        "cho tui hỏi chỗ nào bán bánh bò ngon",
        # a ledge described, a scaffold at work
        "chung cư tui gờ tường bị nứt muốn báo phường sửa",
        "công ty xây dựng dựng giàn giáo chắn hết lối đi",
        # a crash in the past, in a film, resolved
        "tuần trước hai chiếc xe máy đâm nhau ở đầu hẻm giờ muốn xin trích lục camera",
        "coi phim thấy hai xe tải tông nhau ghê quá",
        # a question about acid, a splash in the past and better
        "cho hỏi bị axit văng vô mắt thì sơ cứu sao",
        "hồi năm ngoái tui bị nước vôi văng vô mắt giờ hết rồi",
        # a flood with nobody to carry, a question; the caller asks to move an old man later
        "nếu nước ngập mà không ai khiêng ra được thì phường có hỗ trợ không",
        # the caller forced their own door after losing a key
        "tui mới phá khóa cửa nhà mình vì làm mất chìa khóa muốn hỏi chỗ làm khóa mới",
        # a fall with a thud, nobody hurt
        "cái tủ đổ đánh rầm may không ai bị sao",
    ],
)
def test_look_alikes_stay_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
