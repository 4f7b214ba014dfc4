"""Round 28G: ordinary city emergencies read only in other words (an animal attacking,
something coiled under the furniture, up on a roof terrace, a grown-up dragged into a car, a
burn on the body, stuck to a live source, twins and belly pain, a whole strip swallowed, a
boy up a pole, the scalp torn), and words said in anger, not meant.

Cases in the tests' own words, not a writer's lines.
"""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("con chó becgie nhà bên sổng dây đang cắn ông già bán vé số", "114"),
    ("con trâu đứt dây đang húc người ngoài bờ ruộng", "114"),
    ("có con trăn bự nằm quấn dưới gầm tủ trong phòng", "114"),
    ("có chị đứng trên sân thượng chung cư la đòi nhảy xuống", "114"),
    ("mấy thằng xăm trổ đang lôi anh tui lên xe hơi", "113"),
    ("có người đang kéo tay vợ tui vô xe", "113"),
    ("thằng em tui bị axit văng trúng cháy đỏ hết tay", "115"),
    ("có ông thợ bị điện giật dính vô hàng rào điện chưa ai dám đụng", "114"),
    ("vợ tui mang song thai tám tháng đau bụng quá", "115"),
    ("con tui uống nhầm nguyên vỉ thuốc ngủ của bà", "115"),
    ("thằng nhỏ trèo lên trụ điện cao thế không chịu xuống", "114"),
    ("chị công nhân bị máy quấn tóc kéo ra được rồi mà lột da đầu", "115"),
]
CALM = [
    "tui tức quá muốn đánh chết thằng đó luôn mà nói cho đã miệng thôi tui hỏi chỗ hòa giải",
    "con chó nhà tui hay cắn người lạ tui hỏi chỗ chích ngừa",
    "hồi năm ngoái chồng tui bị axit văng trúng cháy đỏ tay giờ lành rồi tui hỏi bảo hiểm",
    "tui muốn lên sân thượng phơi đồ mà chủ nhà khóa cửa tui phản ánh",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_ordinary_emergencies_said_otherwise(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service)


@pytest.mark.usefixtures("rules_only")
def test_a_thing_pulled_onto_a_bus_is_no_abduction() -> None:
    """The rules' reading needs a grown-up pulled (the statistical model still calls this one
    113: a known weakness, session 14's closing note)."""
    assert parse_need("con tui đang kéo xe đẩy lên xe buýt tui hỏi giá vé").urgency == "normal"


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_the_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


# Nghệ An and Hà Tĩnh words read the southern way (need_base.DIALECT; writer F of session 14)
@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mạ tau té trong nhà tắm nằm đó khôn dậy nổi", ("emergency", "115")),
        ("khôn phải cháy mô bên nớ đốt rác thôi tau hỏi giờ thu gom rác", ("normal", None)),
        ("bọ tau đau trốc dữ lắm mà uống thuốc rồi hỏi khám ở mô", ("normal", None)),
    ],
)
def test_central_words(text: str, want: tuple[str, str | None]) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == want


# A second reviewer's probes of rounds 28D, 28E and 28G: what they must not calm or raise.
@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ổng ngất xỉu bất tỉnh luôn rồi chắc do trời nóng thôi", ("emergency", "115")),
        ("ba tui đau ngực dữ lắm vã mồ hôi chắc tại giận thôi", ("emergency", "115")),
        ("bị bọ cạp chích sưng hết mặt", ("emergency", "115")),
        ("chồng nhốt vợ trong phòng vợ bị ngất khu này đang phong tỏa", ("emergency", "113")),
        ("khó thở từ xưa giờ rồi nay lên cơn nặng tím tái", ("emergency", "115")),
        ("thằng nhỏ leo lên mái nhà hổng chịu xuống", ("emergency", "114")),
        ("con chó đang cắn xương", ("normal", None)),
        ("con bò đang húc cái cột", ("normal", None)),
        ("ba tui nằm úp trên sàn nhà lau nhà", ("normal", None)),
        ("ổng ngồi trên sân thượng hóng mát hổng chịu xuống ăn cơm", ("normal", None)),
        ("con tui đang lôi anh nó lên xe đạp chở đi học", ("normal", None)),
        ("ông run cầm cập là tại trời lạnh thôi", ("normal", None)),
    ],
)
def test_the_second_reviewers_probes(text: str, want: tuple[str, str | None]) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == want
