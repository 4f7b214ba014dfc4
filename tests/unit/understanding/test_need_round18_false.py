"""Round 18 of issue 13 (two new writers' false emergencies): a minor wound cared for, choking
over, a child out of the water by himself, pest control, household water, a stray animal to
catch, emergency services asked about, strangers seen for days, a theft over whose need is
food or money; with our own sentences, read by the rules alone, the emergencies beside them
that must stay, and the calm scenes the statistical model may not promote."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

NOT_EMERGENCIES = [
    # class 1: a minor wound cared for, choking over, out of the water by himself
    "tui cắt trái cây đứt tay chảy máu chút xíu rửa rồi dán băng cá nhân rồi",
    "em bị dao cứa vào tay chảy ít máu băng lại rồi hết chảy rồi",
    "tui gọt xoài đứt tay máu ra chút xíu lấy bông đè một lát là cầm máu rồi",
    "cháu tôi ngã xe đạp xước tay chảy tí máu đã rửa sạch băng lại rồi",
    "tui bị phỏng dầu ở tay nhỏ xíu xả nước lạnh rồi hết rát hỏi bôi thuốc gì",
    "bé nhà em hóc thạch vừa nãy em vỗ lưng nó nhả ra rồi giờ khóc to lắm",
    "thằng nhỏ hốc hột nhãn mà khạc ra được rồi giờ thở bình thường",
    "thằng cu té xuống mương mà nó tự leo lên được rồi giờ tắm xong đang ăn cơm",
    "con tui ngã xuống ao mà biết bơi nên bơi vô bờ rồi giờ không sao",
    # class 2: pest control, household water, a stray animal to catch
    "xin phường cho người tới rải thuốc chuột ngoài chợ chuột chạy đầy",
    "tiệm tạp hóa đầu hẻm bán thuốc diệt chuột cho con nít có sao không",
    "bể ống nước trước nhà nước xì lênh láng ra hẻm ai sửa giùm",
    "bồn nước trên sân thượng tràn xuống ướt hết tường nhà tui",
    "chó nhà bên thả rông cắn người ta hoài tui muốn phường bắt nhốt nó",
    "con chó dại chạy ngoài đường nhờ phường tới bắt đem nhốt",
    # class 3: which number, a supposition, the vehicle kept out, strangers for days
    "báo cháy là bấm một một bốn phải không em",
    "dạ cho hỏi gọi cứu thương thì gọi một một lăm hay gọi bệnh viện mới nhanh",
    "ông nhà tui dặn có gì thì gọi cứu hỏa mà điện thoại này tui không rành",
    "nhà tui ở hẻm nhỏ xe cứu hỏa không vào được lỡ cháy thì làm sao",
    "hẻm nhà em nhỏ quá xe cứu thương không vô được nếu có người bệnh thì sao",
    "mấy hôm nay có mấy thằng lạ hoắc đứng trước hẻm nhìn vô nhà em em sợ tụi nó vô ăn trộm",
    "dạo này có người lạ lảng vảng trong xóm nhờ công an khu vực tuần tra",
    # class 4: a theft over, the need now food or money
    "hồi sáng tui bị móc túi mất hết tiền rồi giờ không có tiền mua gạo",
    "chiều nay bị cướp mất hết tiền chợ rồi tui xin hỗ trợ chút gạo",
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_minor_and_asked_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.usefixtures("with_model")
@pytest.mark.parametrize(
    "text",
    [
        # calm scenes the rules read: the model may not promote them
        "thằng nhỏ hóc cục kẹo tui vỗ lưng nó ói ra rồi giờ nó khóc to lắm thở bình thường",
        "thằng nhỏ té trầy đầu gối rướm máu tui bôi thuốc đỏ rồi",
        "cái vòi nước nhà bên quên khóa nước tràn ra đường cả buổi",
    ],
)
def test_calm_scenes_are_not_promoted(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("thằng nhỏ hóc cục kẹo vỗ lưng hoài mà không ra giờ mặt tím tái", "115"),
        ("con tui té xuống ao chưa leo lên được cứu với", "114"),
        ("thằng nhỏ té xuống mương giờ đang chới với", "114"),
        ("ghe chìm giữa sông hai người đang bơi vô bờ mà đuối sức rồi", "114"),
        ("tui cắt trúng tay máu chảy không cầm được", "115"),
        ("em bị dao đâm chảy máu nhiều quá", "115"),
        ("thằng nhỏ ăn nhầm thuốc diệt chuột giờ ói quá trời", "115"),
        ("bà tui uống thuốc chuột tự tử rồi cứu với", "115"),
        ("vòi nước tràn ra mà ổng trượt té bất tỉnh rồi", "115"),
        ("tụi nó bắt nhốt con tui trong kho đòi tiền chuộc", "113"),
        ("có người lạ đang cạy cửa nhà tui gọi một một ba giùm", "113"),
        ("nhà tui đang cháy mà xe chữa cháy không vô được hẻm cứu với", "114"),
        ("mấy bữa nay có người lạ lảng vảng giờ tụi nó đang leo rào vô nhà", "113"),
        ("gọi một một lăm lẹ lên ba tui xỉu rồi", "115"),
        ("tui vừa bị giựt hết tiền rồi tụi nó đang chạy kìa", "113"),
    ],
)
def test_emergencies_beside_them_stay(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)
