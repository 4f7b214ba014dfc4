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


# -- the mend of round 38J (review): no old emergency word taken over by a calm phrase ------

KEPT = [
    # a limb, hair or clothes pulled into a machine, whatever follows: 114 to free it
    ("cánh tay ông chú bị cuốn vô máy cày gãy mấy ngón", "114"),
    ("chân anh thợ bị cuốn vô trục quay kéo mãi hổng ra", "114"),
    ("tóc bé gái bị cuốn vô máy xay cà phê", "114"),
    ("vạt áo ông nội bị cuốn vô dây curoa ổng bị kéo theo", "114"),
    ("bàn tay nó bị cuốn vô bánh răng còn kẹt trong đó máu chảy quá trời", "114"),
    # hurt and no longer caught: 115
    ("tay anh công nhân bị cuốn vô máy trộn lôi ra được rồi máu chảy nhiều", "115"),
    # a kiln's or a burner's flame on property: a fire
    ("căn nhà kho bị lửa lò gạch táp qua", "114"),
    ("cái chòi bán nước bị lửa lò than táp vô", "114"),
    ("bếp nướng phụt lửa bén lên tấm bạt che", "114"),
    ("cái bếp cồn bắn lửa may mà hổng ai bị gì", "114"),
    # a flame on a person with a burn: 115
    ("cô phụ bếp bị lửa lò nướng táp vô mặt phỏng rộp", "115"),
    # a battery blast: 114, 115 once someone is hit
    ("xe tải đụng nhau cái bình ắc quy nổ luôn", "114"),
    ("bình ắc quy nổ ngay trong nhà kho", "114"),
    ("bình ắc quy nổ văng miểng trúng mắt anh thợ", "115"),
    ("cái ắc quy phát nổ chú thợ bị thương ở tay", "115"),
    # water near a car's roof: 114, said with or without who is inside
    ("nước ngập gần nóc xe mà má tui còn ngồi trong xe", "114"),
    ("nước ngập gần nóc xe rồi", "114"),
    ("hầm chui ngập nước có mấy người mắc kẹt", "114"),
    ("hầm chui ngập nước xe chết máy nước lên tới ngực", "114"),
    # a jump to bathe with no habit said, then gone: 114
    ("thằng cháu nhảy xuống sông tắm nãy giờ hông thấy lên", "114"),
    ("đứa nhỏ nhảy xuống ao bơi mà giờ mất tiêu", "114"),
    ("có người nhảy sông tắm rồi biệt tăm luôn", "114"),
    # a nail gun aimed at someone: 113
    ("thằng kia lấy súng bắn đinh bắn vô người bạn nó", "113"),
    # trembling with a cold sweat and diabetes or no answer: 115
    ("ông hàng xóm bị tiểu đường run bần bật vã mồ hôi lạnh", "115"),
    # people fleeing a drunk chasing them
    ("có ông say xỉn rượt bà con ngoài chợ chạy tán loạn", "113"),
    # a cobra come into a room; a heavy truck over a foot; a light one that crushed it
    ("con hổ mang bành chui vô phòng ngủ tụi nhỏ", "114"),
    ("xe ben lùi cán qua bàn chân chú phụ hồ", "115"),
    ("xe máy cán lên bàn chân con nhỏ nát bét", "115"),
    # hornets: someone blacked out is 115; still swarmed or up a tree is 114
    ("bầy ong vò vẽ bay ra đốt mấy người có chú ngã ra bất tỉnh", "115"),
    ("ong vò vẽ bay ra đốt anh thợ trên cây ảnh xỉu mà còn treo trên cây", "114"),
]

STILL_CALM = [
    # "hông" is "không", "đầu" a start; a pin in clothes, acupuncture, a splinter, a mosquito
    "cái sạc ghim vô hông vô điện",
    "câu hát đó ghim vô đầu tui mãi",
    "ghim vô đầu trang cái thông báo họp",
    "lấy kim tây ghim vô ngực áo cái bảng tên",
    "cô y tá châm cứu ghim vô lưng mấy cây kim",
    "cái gai ghim vô đùi nhức xíu",
    "con muỗi găm vô bụng chích một cái",
    # trembling with a cold sweat out of fright, an exam, a run
    "thi vấn đáp hồi hộp quá run bần bật toát mồ hôi lạnh",
    "chạy bộ về run lẩy bẩy ra mồ hôi lạnh nghỉ xíu là hết",
    # a sleeve, a glove, a doll, a bracelet cut through
    "cái găng tay bị rách đứt ngang ngón tay",
    "con búp bê của bé bị gãy đứt ngang cánh tay",
    "cái áo sơ mi bị đứt ngang cổ tay áo",
    "vòng tay bạc bị đứt ngang cổ tay",
    # chasing by habit, to sell, to collect a debt
    "có ông khùng hay rượt người ta ngoài bến xe",
    "có thằng bán vé số rượt người ta mời mua hoài",
    "có thằng cho vay hay rượt người ta đòi tiền",
    # a cobra into a bush, out of sight
    "con rắn hổ mang bành bò vô bụi chuối rồi",
    # fish cleaned, a slaughterhouse's waste, bleeding stopped
    "mổ cá lóc máu lênh láng cái thớt",
    "tui đứt tay máu lênh láng mà băng lại rồi hết chảy rồi",
    # a light vehicle over a foot
    "chiếc xe đẩy cán lên bàn chân tui chút xíu",
    "xe máy cán qua bàn chân tui hơi rát thôi",
    # hooked on a screen, a rope in the machine
    "thằng con tui bị cuốn vô máy chơi game cả ngày",
    "sợi dây thừng bị cuốn vô máy cày",
    # bathing by habit
    "tụi nhỏ thường nhảy kênh tắm mỗi chiều",
    # light or a leaf "through" a hand
    "ánh nắng xuyên qua bàn tay đỏ hồng",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), KEPT)
def test_round38j_mend_keeps_the_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", STILL_CALM)
def test_round38j_mend_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("rules_only")
def test_a_slaughterhouse_s_waste_is_no_patient_to_the_rules() -> None:
    # (the model alone already read this kind of line as 115 before round 38J)
    assert parse_need("lò mổ bên kia thải máu lênh láng ra kênh hôi quá").urgency == "normal"
