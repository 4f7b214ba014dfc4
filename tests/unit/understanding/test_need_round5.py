"""Round 5 of issue 13 (the fourth development part studied, false emergencies first): the
classes of error it showed, with our own examples (other wordings, regions, recognition
damage), read by the rules alone (the statistical model is another engineer's work and must
not be what makes these pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency as _urgency

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        "thằng em tui nuốt hết lọ thuốc an thần rồi",
        "nó nuốt nguyên vỉ thuốc ngủ của má nó",
        "ông ngoại ngủ mà ngáy rồ rồ lạ lắm kêu hổng dậy",
        "ba tui ngáy khò khè bất thường lay mãi không tỉnh",
        "má tui uống lộn chai xăng tưởng nước giờ ói quá",
        "thằng nhỏ uống lầm nước tẩy bồn cầu",
        "vợ tui đang rặn mà xe cấp cứu chưa tới",
        "thấy cái đầu em bé rồi chị ơi làm sao đây",
        "chồng tui ngã thang trên mái xuống nằm đó",
        "thằng con giựt kinh phong mắt trợn ngược",
        "bà ngoại vã mồ hôi nói năng lung tung không nhận ra ai",
        "thợ điện bị giựt té xuống đất",
    ],
)
def test_115_said_without_a_medical_word(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115")


def test_a_phone_snatched_is_no_electric_shock() -> None:
    result = parse_need("bạn tui bị giật điện thoại trên đường hồi tối")
    assert result.service != "115"


@pytest.mark.parametrize(
    "text",
    [
        "con tui té xuống ao ông nội vớt lên ho sặc sụa giờ tỉnh táo rồi có cần đi khám không",
        "bả bị tụt đường huyết run rẩy tui cho ăn cục kẹo là hết liền",
        "ổng bị ong đốt sưng môi mà uống thuốc dị ứng giờ khỏe re",
        "bị dao cắt chảy máu quá trời mà đè một lát nó ngưng rồi",
        "thằng nhỏ bị điện giựt tê tay chút xíu giờ hết tê rồi",
        "con bé mắc nghẹn hột nhãn vỗ lưng ra được giờ chạy nhảy bình thường",
        "mấy đứa nhỏ chọc tui cười muốn tắt thở luôn chị ơi tui hỏi lịch tiêm",
        "nực quá thở không nổi mà cúp điện hoài vậy",
    ],
)
def test_recovered_or_said_big_is_no_emergency(text: str) -> None:
    assert _urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "mẹ tôi hết khó thở chưa thì tôi không biết",
        "con tui tỉnh táo được chút rồi lại co giật",
        "ba tui ho quá thở không nổi",
        "ông cười cười rồi tự nhiên méo miệng nói đớ",
    ],
)
def test_not_recovered_stays_an_emergency(text: str) -> None:
    assert _urgency(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "hôm qua tui đọc báo thấy vụ cháy nhà trọ chết mấy người tui muốn hỏi cách thoát hiểm",
        "coi thời sự thấy vụ trộm chó đâm người ở bình chánh tui lo quá",
        "nghe tin có vụ bắt cóc con nít ở chợ tui muốn hỏi có thiệt không",
        "con tui coi phim kinh dị thấy người ta bị treo cổ giờ nó sợ không dám ngủ",
        "tui xem clip thấy cảnh người ta bị điện giật té từ trên cột xuống hỏi sơ cứu sao",
        "vụ cướp ngân hàng trên ti vi là ở quận nào vậy",
        "nghe bên nhà kia la làng cứu với tưởng có trộm hóa ra tụi nhỏ coi phim",
        "nghe tiếng nổ đùng đùng tưởng cháy té ra pháo bông",
    ],
)
def test_seen_in_the_news_or_on_a_screen_is_no_emergency(text: str) -> None:
    assert _urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "ba tui đang coi phim thấy ổng ôm ngực khó thở",
        "đang coi ti vi thì nhà bên cháy lớn lắm",
        "má tui đọc báo tự nhiên méo miệng nói đớ",
        "tưởng không có gì hóa ra nó bị co giật",
    ],
)
def test_a_screen_in_the_room_is_no_fiction(text: str) -> None:
    assert _urgency(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "hồi tối có vụ đánh nhau ngoài quán bida công an phường tới giải tán rồi tui hỏi ai dọn",
        "kho bên cạnh cháy hồi khuya lính cứu hỏa tới xịt xong rồi giờ khói còn bay qua",
        "nhà bà tư bị cháy hồi sáng bà qua ở tạm nhà con gái tui muốn quyên góp",
        "thằng nhỏ bị giật dây chuyền hồi chiều ở chợ giờ nó về nhà rồi",
        "có ông say xỉn đập cửa nhà tui hồi nãy rồi bỏ đi mất tiêu",
        "mấy thằng lạ lảng vảng trước nhà nãy giờ nhưng giờ đi rồi",
        "thang máy kẹt hồi trưa bảo vệ mở ra rồi tui muốn phản ánh",
    ],
)
def test_handled_or_over_is_no_emergency(text: str) -> None:
    assert _urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "nhà tui cháy hồi nãy giờ lửa còn lớn lắm",
        "cháy hồi nãy chưa tắt nữa chị ơi",
        "em gái em đau đầu dữ dội chưa từng có rồi nôn vọt cổ cứng đơ",
        "tụi nó kéo lên xe chạy mất rồi",
        "ba tui bị đột quỵ hồi sáng ở nhà một mình",
        "mẹ tui bị tai biến hồi sáng nằm một chỗ",
        "công an tới mà chưa giải tán được tụi nó còn đang chém nhau",
    ],
)
def test_not_over_stays_an_emergency(text: str) -> None:
    assert _urgency(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "con chó nhà tui rớt xuống giếng sủa hoài không lên được",
        "con mèo leo lên cây cao kẹt trên đó không xuống được",
        "bầy gà nhà tui bị chết hết không biết có phải ngộ độc không",
        "thằng cha kế bên đòi đánh chết con chó nhà tui",
        "tụi nó đầu độc con chó nhà em rồi",
        "con bò nhà tui sa xuống mương không kéo lên được",
    ],
)
def test_an_animal_in_trouble_is_no_emergency(text: str) -> None:
    assert _urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "con chó nhà bên cắn thằng nhỏ chảy máu quá trời",
        "con chó sủa quá tui ra coi thấy ông hàng xóm nằm bất động",
        "con mèo làm đổ nồi nước sôi lên người bé phỏng khắp người",
        "nuôi con chó mà ổng ngất xỉu ngoài sân",
        "đang cho gà ăn thì nghe nổ lớn khói đen",
        "con mèo làm đổ nến cháy rèm cửa rồi",
        "con chó sủa dữ quá tui ra thấy nhà bên cháy",
    ],
)
def test_a_person_near_an_animal_stays_an_emergency(text: str) -> None:
    assert _urgency(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "thằng bồ cũ nhắn tin hăm dọa em hoài",
        "có tài khoản lạ trên mạng đe dọa sẽ tìm tới nhà tui",
        "nó gọi điện hăm he đòi nợ hoài tui muốn báo công an",
        "người ta bình luận trên phây dọa tui",
    ],
)
def test_a_vague_threat_sent_from_afar_is_no_emergency(text: str) -> None:
    assert _urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "có người nhắn tin dọa tối nay tới giết cả nhà tui",
        "nó nhắn tin nói sẽ tạt axit con gái tui",
        "ổng đứng trước cổng la sẽ đốt nhà tui",
        "chồng cũ đang đứng ngoài cửa hăm dọa em",
    ],
)
def test_a_threat_to_kill_or_at_the_door_stays_an_emergency(text: str) -> None:
    assert _urgency(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "cái hố ga ngoài đầu hẻm mất nắp người đi đêm dễ té xuống lắm",
        "cây me trước nhà nghiêng quá dễ đổ đè người đi đường",
        "chung cư tui khóa cửa thoát hiểm có cháy là chết hết",
        "cửa cuốn nhà tui bị kẹt không kéo lên được gọi thợ ở đâu",
        "tui lỡ khóa chìa trong xe hơi mà trong xe không có ai",
        "nhà tui có ổ ong vò vẽ trên cây mít muốn nhờ người phá",
        "tối nào cũng nghe mùi khét mà kiếm không ra",
        "bình ô xy của ông còn chừng một ngày nữa là hết",
        "mấy ông tụ tập đánh bài ăn tiền ồn quá",
        "trường muốn mời công an nói chuyện phòng chống đuối nước cho học sinh",
    ],
)
def test_a_hazard_with_nobody_hurt_is_no_emergency(text: str) -> None:
    assert _urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "thằng nhỏ té xuống hố ga mất nắp không lên được",
        "cây đổ đè người đi đường máu chảy nhiều lắm",
        "chung cư cháy mà cửa thoát hiểm bị khóa kẹt trong đó",
        "thằng nhỏ bị ong vò vẽ đốt sưng hết mặt khó thở",
        "bình ô xy của ông hết rồi ổng thở không được",
    ],
)
def test_a_hazard_that_hurt_someone_stays_an_emergency(text: str) -> None:
    assert _urgency(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "giá rau ngoài chợ giờ mắc như ăn cướp",
        "nhà trọ lấy tiền nước hai chục ngàn một khối đúng là ăn cướp",
        "giá xăng tăng muốn chết luôn",
        "sửa cái xe mà lấy tiền khác gì ăn cướp",
        "tiền điện tháng này cao như bị cướp",
    ],
)
def test_a_price_said_to_be_robbery_is_no_emergency(text: str) -> None:
    assert _urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "tụi nó cướp giật túi xách bà già rồi chạy",
        "có đứa cầm dao vô tiệm ăn cướp",
    ],
)
def test_a_robbery_stays_an_emergency(text: str) -> None:
    assert _urgency(text) == "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("khối đen bốc ra từ cửa sổ nhà bên", "114"),
        ("có thằng chèo rào vô sân nhà tui", "113"),
        ("hai đứa bịt mặt đang đập tủ kín tiệm vàng", "113"),
        ("ông hàng xóm say rượu đang đập vợ ngoài sân", "113"),
        ("thằng chồng nắm tóc lôi vợ ra đường", "113"),
    ],
)
def test_114_and_113_misheard_or_said_the_southern_way(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service)
