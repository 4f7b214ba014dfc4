"""Round 32X: writer X's variants and mirrors, said in other words (rules and model)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need


def _service(text: str) -> str | None:
    need = parse_need(text)
    return need.service if need.urgency == "emergency" else None


EMERGENCIES = [
    # 115, told by the body
    ("cái máy kẹp tay của ông nội đo có tám mươi mốt mà ổng cứ lơ mơ", "115"),
    ("nghe ba thở rít rít trong họng rồi nín một lúc lâu mới hớp lại", "115"),
    ("chị tui rặn nãy giờ mà đứa nhỏ mới ló được cái chân rồi hổng ra tiếp", "115"),
    ("con bé té cầu thang u một cục trên đầu rồi ói mấy lần liền", "115"),
    ("chú hàng xóm ngã trong sân tui kề tai vào ngực ổng mà không nghe thấy gì", "115"),
    ("ông cụ ngồi thở hớp hớp môi xám lại kêu không trả lời", "115"),
    ("đứa nhỏ vừa chào đời mà người xám xịt không oe tiếng nào", "115"),
    ("con chó becgie táp rách một mảng thịt ở bắp chân thằng nhỏ", "115"),
    # 114
    ("cái lò hơi sau nhà máy bể cái rầm khói trắng bay mù", "114"),
    ("tụi nhỏ chui vô cống ngầm chơi rồi nước ập tới lôi mất một đứa", "114"),
    ("anh thợ xuống hầm cầu hút phân bị ngạt hơi nằm dưới đó luôn", "114"),
    ("bức tường rào đổ ập lên hai ông thợ đang trộn hồ", "114"),
    ("cầu thang đen ngòm sặc quá tụi tui ở trên sân thượng không có đường xuống", "114"),
    ("đứa bé ngủ trong xe hơi ngoài bãi xe khóa kín mà nắng gắt quá", "114"),
    # 113
    ("thằng đó nhắn tối nay nó qua xử cả nhà tui", "113"),
    ("phòng bên kia la oai oái với tiếng chát chát nãy giờ", "113"),
    # what stays: a death then someone else now, a bang while watching television
    ("bà tui tắt thở rồi tui hỏi có cần gọi ai không mà sáng giờ bà ngất xỉu hoài", "115"),
    ("tui đang coi ti vi thì nghe tiếng nổ ở bếp", "114"),
]

CALM = [
    # news after the fact, heard on the radio, seen on television
    "bản tin thời sự nói cái lò hơi ở bình dương bể cái rầm tui hỏi có ai bị gì không",
    "cháy chợ lớn lắm có người kẹt là tin trên mạng tuần trước tui hỏi chợ mở lại chưa",
    "thằng nhỏ bị đâm ngoài quán nhậu là chuyện trong cái clip trên phây tui hỏi công an bắt chưa",
    "nghe ra đi ô nói có vụ sập cầu ở cần thơ tui hỏi xe đò còn chạy hông",
    "nghe nói có vụ cướp tiệm vàng ở quận năm trên ti vi tui hỏi chỗ đó an toàn hông",
    # a death confirmed, back from hospital, a burglary denied, near term
    "bà tui tắt thở hồi sáng rồi giờ nhà tui đang lo đám tang muốn hỏi thủ tục giấy chứng tử",
    "ba tui đột quỵ tuần trước nằm viện về rồi giờ cần mua xe lăn",
    "con tui co giật hồi tháng trước ở viện về rồi giờ xin hỏi chỗ tái khám",
    "không phải trộm đâu ông xã tui quên chìa khóa nên đang cạy cửa sổ tui hỏi thợ khóa",
    "vợ tui gần sanh mà chưa đau bụng gì hết tui muốn hỏi đi sanh ở đâu",
    "ba tui hay bị nổi mề đay mà không có thở khó gì tui hỏi thuốc dị ứng mua ở đâu",
    # look-alikes of the new readings
    "ông tui ngủ ngáy to lắm hỏi có sao không",
    "cúp điện cầu thang đen thui tụi con hổng thấy đường đi xuống",
    "con chó nhà tui táp rách cái dép",
    "tụi nhỏ hay ra cống thoát nước chơi tui sợ lỡ nước ào tới lôi mất tụi nó",
    "em bé ngồi trong ô tô với mẹ ngoài nắng có máy lạnh mát lắm",
    "hôm qua nó nhắn tối nay qua xử mà nó giỡn thôi",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_emergency(text: str, service: str) -> None:
    assert _service(text) == service


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_calm(text: str) -> None:
    assert _service(text) is None
