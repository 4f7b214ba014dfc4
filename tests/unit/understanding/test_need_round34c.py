"""Round 34C of issue 13: emergencies framed as a question or hedged, whose signs were said in
words the lexicon did not know (cases in our own words, with look-alikes that are past,
resolved, denied, supposed or asked in general and stay calm); rules alone and with the
model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("chắc ba tui mất rồi tui kề tai lên ngực nghe mãi không thấy đập gì hết", "115"),
    ("không biết sao mà tui áp tai vô ngực bà nghe hoài chẳng thấy gì", "115"),
    ("em dâu tui sanh xong mà máu cứ chảy ướt hết tấm drap có sao không chị", "115"),
    ("vợ tui mới đẻ xong máo cứ ra hoài dị có cần đi viện hông", "115"),
    ("con gái tui có bầu bảy tháng tự nhiên máu đỏ tươi chảy xuống chân có sao hông", "115"),
    ("chồng tui đụng đầu vô cánh cửa giờ ói thốc ói tháo có cần đi khám hông", "115"),
    ("bé nhà tui sốt cao rồi cả người giật từng cơn tui phải làm sao", "115"),
    ("em bé mới ló được cái chân rồi kẹt luôn vợ tui rặn hết nổi gọi ai giờ", "115"),
    ("chú xe ôm ngồi ngoài nắng gắt xỉu ngang gọi hổng tỉnh có cần gọi xe hông", "115"),
    ("mẹ tui ngửi khói lò than trong phòng nãy giờ lơ mơ ói hoài có sao hông", "115"),
    ("xe hơi khóa kín cửa đậu giữa trưa thằng bé ở trong khóc ré có sao không", "114"),
    ("nước ống cống chảy mạnh quá thằng nhỏ lội ngang miệng cống bị nước cuốn vô cống", "114"),
    ("lũ về nước tràn ngập tới nóc tủ rồi bà nội tui bệnh nằm trên gác hổng ra được", "114"),
    ("hổng biết phải bà con hông mà có người bồng thằng nhỏ leo lên xe rồ ga chạy mất", "113"),
    ("dưới nhà có tiếng lục tủ mà cả nhà ngủ hết chắc mèo thôi mà nghe giọng đàn ông lạ", "113"),
    # a "lỡ" of an accident, asked about, is no what-if (the reviewer's lines, then ours)
    ("con tui lỡ uống nhầm thuốc chuột rồi giờ ói quá thì phải làm sao chị", "115"),
    ("thằng út lỡ uống nhầm thuốc diệt cỏ rồi giờ ói hoài thì làm sao đây", "115"),
    ("em lỡ đụng xe ông cụ ổng nằm bất tỉnh chảy máu đầu thì em phải làm gì", "115"),
    ("tui lỡ tông trúng bà cụ bả nằm bất tỉnh chảy máu đầu thì tui phải làm sao", "115"),
    ("bé lỡ té hồ bơi vớt lên tím tái không thở thì làm sao", "115"),
    ("thằng nhỏ lỡ té xuống ao vớt lên tím tái không thở thì phải làm gì", "115"),
    ("tui lỡ làm đổ xăng bắt lửa cháy bếp rồi thì làm sao đây", "114"),
    ("em lỡ làm đổ dầu hôi bắt lửa cháy bếp rồi thì làm sao", "114"),
    ("nó lỡ uống thuốc ngủ quá liều lần nữa rồi", "115"),
    ("má tui lỡ uống thuốc ngủ quá liều lần nữa rồi", "115"),
    # a stove's fire catching the bedding is a fire, not fumes
    ("bếp than bén qua mùng khói mù mịt bà tui ngộp thở xỉu", "114"),
    ("khói bếp than mù mịt bén qua mền rồi bà tui ngất trong phòng", "114"),
    ("bếp than bén qua tấm rèm khói mù mịt ông tui ngộp thở xỉu", "114"),
]

CALM = [
    "lỡ mai mốt con tui co giật lần nữa thì sao chị",
    "nhỡ ổng lên cơn co giật thì em phải làm sao chị chỉ em với",
    "hôm kia vợ tui sanh xong máu ra chút xíu giờ hết rồi hỏi giấy khai sinh",
    "chú ơi người ngồi ngoài nắng lâu bị xỉu thì có cần gọi xe không",
    "dưới bếp có tiếng lục tủ chắc chuột thôi",
    "ngoài đường có tiếng thì thầm chắc tụi nhỏ đi chơi về",
    "ba nó bế bé lên xe chở đi học rồi",
    "tháng trước thằng nhỏ đụng đầu vô bàn rồi ói thốc ói tháo đi khám rồi giờ khỏe",
    "mí mắt tui cứ giựt liên tục mấy bữa nay hổng biết thiếu chất gì",
    "nhà tui đậu xe hơi khóa kín cửa trong hầm hỏi tiền giữ xe",
    "hồi năm ngoái lụt nước ngập tới cửa sổ nhà tui hổng ra được giờ hỏi tiền hỗ trợ",
    # what-ifs and fears stay calm
    "nhỡ bé nhà tui lên cơn co giựt lần nữa thì tui phải làm sao chị",
    "tui lo nhà ở hẻm nhỏ quá lỡ ba tui lên cơn tim xe cấp cứu vô hông được thì sao",
    "nhà tui ở trong hẻm sâu lỡ má tui lên cơn suyễn xe cứu thương vô hông lọt thì sao",
    # a doctor, a nurse, a policeman called: a general question
    "bác sĩ ơi người bị ngất xỉu thì có cần gọi xe cấp cứu không",
    "bác sĩ ơi người già bị xỉu thì có cần gọi cấp cứu không",
    "cô y tá ơi người say nắng xỉu ngang có cần gọi xe hông",
    "chú công an ơi người bị say nắng xỉu thì có cần gọi xe hông",
    "cô giáo ơi học sinh bị xỉu thì có cần gọi xe cấp cứu không",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round34c_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round34c_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
