"""Round 9 of issue 13 (the sixth development part's false emergencies): each class of
look-alike in our own wordings (other regions, recognition damage), with the real emergencies
that share its words next to it, read by the rules alone (the statistical model must not be
what makes these pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency, urgency_and_service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # a fire out, heard "tắc"; everyone ashore
        "dạ lữa tắt hẳn rồi hổng ai bị gì hết chỉ muốn báo cho tổ dân phố",
        "cháy cái chòi sau vườn mà lửa tắc rồi không ai sao tui báo cho biết",
        "chiếc ghe bị nước cuốn mà mấy người trên ghe bơi vô bờ hết rồi giờ hỏi trục vớt ghe",
        "xe máy bị nước cuốn mà người lên bờ an toàn rồi muốn hỏi chỗ sửa xe",
        "xe tải bị lũ cuốn tài xế bơi vô bờ được rồi hỏi chỗ kéo xe",
    ],
)
def test_fire_out_and_everyone_ashore_are_resolved(text: str) -> None:
    assert urgency(text) != "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("lửa tắc rồi mà ông già tui còn kẹt trong nhà", "114"),
        ("lửa tắc rồi nhưng giờ lại bùng lên cháy nữa", "114"),
        ("nhà bên cháy lớn lửa chưa tắt", "114"),
        ("xe bị nước cuốn một người lên bờ rồi còn một người vẫn đang bị cuốn trôi", "114"),
        ("chiếc xe hơi bị nước cuốn trôi có hai người ở trong", "114"),
    ],
)
def test_a_fire_still_burning_or_someone_still_in_the_water_is_an_emergency(
    text: str, service: str
) -> None:
    assert urgency_and_service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        "con tui chơi điện tử bị tụi nó vây đánh la quá trời",
        "em đang chơi gêm kẹt trong hang bị quái vật giết hoài",
        "thằng cháu mê game sinh tồn toàn chém giết muốn hỏi có nên cấm không",
        "người ta quay phim cảnh đâm chém ngoài chợ làm con tui sợ",
        "đoàn phim quay cảnh cháy nhà ngoài đầu hẻm khói mù mịt",
        "mấy đứa quay tiktok cảnh bắt cóc giả ngoài công viên ồn ào",
    ],
)
def test_a_game_or_a_film_shoot_is_no_emergency(text: str) -> None:
    assert urgency(text) != "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("thằng nhỏ đang chơi game thì ba nó té xỉu bất tỉnh", "115"),
        ("chơi game xong ra ngoài đánh nhau thiệt với thằng bạn", "113"),
        ("đoàn phim đang quay thì cháy thiệt luôn có người kẹt bên trong", "114"),
        ("tui quay clip tụi nó đánh người ngoài đầu hẻm", "113"),
        ("thằng nhỏ chơi game cả đêm ngất xỉu không tỉnh", "115"),
    ],
)
def test_what_happens_beside_a_game_or_a_shoot_is_an_emergency(text: str, service: str) -> None:
    assert urgency_and_service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        "cho hỏi bị điện giật thì sơ cứu thế nào",
        "em hỏi thử bị ong đốt sưng mặt thì xử lý sao",
        "cho hỏi người bị đuối nước thì sơ cứ sao",
        "cho hỏi bị rắn cắn thì xơ cứu sao",
        "tui muốn hỏi kẹt thang máy thì gọi số nào",
        "tui thấy trên ti vi người ta dạy cách hô hấp nhân tạo cho người bị đuối nước",
        "phường có mở lớp sơ cứu cho người ngưng tim không",
    ],
)
def test_a_how_to_question_or_a_first_aid_class_is_no_emergency(text: str) -> None:
    assert urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "cho tui hỏi ba tui bị rắn cắn thì sơ cứu sao",
        "hỏi chút nha con tui bị hóc xương cá giờ thở không được thì làm sao",
    ],
)
def test_a_question_about_someone_of_the_callers_is_an_emergency(text: str) -> None:
    assert urgency_and_service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "thằng nhỏ khóc quá trời mà có ai đánh nó đâu tại nó đói",
        "hai vợ chồng cãi nhau to chứ không ai đánh ai",
        "con bé bị cô giáo la thôi chứ hổng ai đánh đập gì",
    ],
)
def test_a_beating_denied_after_the_verb_is_no_emergency(text: str) -> None:
    assert urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "thằng chồng nó đang đánh vợ nó mà không ai can",
        "tụi nó đánh thằng nhỏ mà không ai dám can",
    ],
)
def test_a_beating_nobody_stops_is_an_emergency(text: str) -> None:
    assert urgency_and_service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "bên app vay gọi điện hăm dọa giết cả nhà tui",
        "áp vay nhắn tin chửi bới khủng bố bạn bè tui",
        "tụi vay tiền online gọi khủng bố hàng xóm tui",
        "bên app cho vay nhắn tin dọa qua nhà chém cả nhà tui",
        "số lạ gọi nói giả danh công an nói con tui bị bắt giữ mà con tui đang ở nhà bình thường",
        "có người gọi nói bắt cóc đứa cháu đòi tiền chuộc tui biết là tụi lừa đảo",
        "hồi nảy bị cướp giật túi xách tụi nó chạy mất rồi",
        "tôi đi chợ về thấy nhà bị lục tung kẻ trộm đi mất rồi muốn trình báo",
    ],
)
def test_threats_by_phone_scams_and_thefts_over_are_no_emergency(text: str) -> None:
    assert urgency(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "tụi app cho vay đang đứng trước cửa nhà tui cầm mã tấu đòi chém",
        "tụi đòi nợ app vay kéo tới đập cửa nhà tui",
        "tụi app vay tới nhà tui chém chồng tui",
        "tụi app vay đang ở dưới nhà cầm dao la hét",
        "có người gọi nói con tui bị bắt cóc đòi tiền chuộc giờ tui hổng liên lạc được với nó",
        "tụi nó bắt cóc con tui rồi gọi điện đòi tiền chuộc",
        "thằng trộm còn ở trong nhà tui đang trốn",
        "có người lạ bắt cóc con tui chạy mất tiêu rồi",
    ],
)
def test_thugs_at_the_door_a_real_kidnapping_a_thief_inside_are_113(text: str) -> None:
    assert urgency_and_service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("bụi mù mịt ngộp thở muốn chết luôn công trình làm ẩu", "normal"),
        ("nhà máy kế bên xả khói ngột ngạt muốn chết", "normal"),
        ("bụi quá thở không nổi luôn công trình bên cạnh", "normal"),
        ("nhìn hóa đơn tiền nước muốn đứng tim", "normal"),
        ("bờ sông sạt lở dần mỗi năm mất một khúc đất", "normal"),
        ("cho hỏi số một một ba với một một bốn khác gì nhau", "normal"),
        ("bà nội hay đi lạc hồi chiều đi lạc nữa mà người ta dắt về rồi", "normal"),
        ("năm tám mươi tư nhà tui bị lũ cuốn trôi mất giấy tờ giờ muốn làm lại", "normal"),
        ("ba tui uống thuốc tim hằng ngày mà hết thuốc rồi", "high"),
    ],
)
def test_figures_slow_hazards_found_wanderers_and_medicine_run_out(text: str, level: str) -> None:
    assert urgency(text) == level


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("ba tui khó thở ngộp thở muốn chết mặt tái xanh", "115"),
        ("ông tui bị đứng tim ngã ra bất tỉnh", "115"),
        ("ba tui uống thuốc tim mỗi ngày giờ đau ngực dữ lắm khó thở", "115"),
        ("bờ kè sạt lở cuốn hai căn nhà xuống sông có người bị vùi", "114"),
    ],
)
def test_the_real_emergencies_beside_them(text: str, service: str) -> None:
    assert urgency_and_service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        "đêm hôm kia có trộm cạy cửa dắt mất chiếc xe đạp giờ tui muốn trình báo",
        "tụi đòi nợ nhắn tin chửi bới gửi hình chế của tui cho bà con",
        "bên cho vay qua ứng dụng gọi điện cả ngày hăm dọa người nhà tui",
        "có người gọi điện giả công an bắt tui chuyển tiền",
    ],
)
def test_thefts_reported_afterwards_lenders_and_scams_are_violations(text: str) -> None:
    result = parse_need(text)
    assert (result.category, result.urgency) == ("violation", "normal")
