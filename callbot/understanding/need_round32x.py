"""Round 32X of issue 13 (session 17's writer X: one new-caller variant of each emergency of
the second development part, and mirrors of them that are not emergencies now). The marks
that put a scene out of the present are in :mod:`.need_round32y`.

115, described by the body only:

- **An oxygen clip called "máy kẹp tay"** with its number ("cái máy kẹp tay của ông báo có
  tám mươi hai"): read as the older clip (round 28A's number reading); "bị máy kẹp tay" (a
  machine crushing a hand) keeps its jam.
- **Breathing that rasps, then stops a while** ("nghe rít rít trong họng rồi nín một lúc mới
  hớp lại"): round 31S's rattle and pause said other ways.
- **A birth stuck half out** ("rặn hoài mà mới ló cái chân rồi hổng ra tiếp"): straining, a
  part out (:data:`X32_PART_OUT`), or a part out then no further (:data:`X32_NO_FURTHER`).
- **A head lump or a knock, then vomiting again and again** ("u một cục trên đầu rồi ói mấy
  lần liền").
- **No heartbeat heard** ("áp tai lên ngực ổng hổng nghe gì", "không nghe tim đập").
- **Gasping with dark lips** ("ngồi hớp hơi từng chặp môi tím lại").
- **A newborn grey and silent** ("em bé mới lọt lòng da xám ngoét hổng khóc tiếng nào").
- **A dog's bite tearing flesh** ("con chó ngoạm rách một mảng thịt ở bắp chân").

114 (:func:`round32x_service` keeps them 114 when a hurt or a broken window is said too):

- **A boiler burst** ("cái lò hơi sau xưởng nổ cái rầm").
- **Swept away in a drain** ("tụi nhỏ chui vô cống ngầm nước ập tới cuốn mất một đứa").
- **Gas in a pit** ("anh thợ xuống bể phốt ngạt khí nằm luôn dưới đó").
- **A wall fallen onto people** ("bức tường mới xây đổ ập lên hai ông thợ").
- **Smoke on the stairs, no way down** ("cầu thang khói mù mịt sặc quá tụi tui kẹt trên
  sân thượng hổng xuống được").
- **A child shut in a car** ("đứa nhỏ ngồi trong xe hơi cửa xe khóa kín ngoài nắng").

113:

- **A threat to come tonight** ("nó nhắn tối nay qua chém cả nhà").
- **Cries and blows next door** ("bên nhà kế la oai oái với tiếng chát chát").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_round32v import GASP_TAGS, GREY_TAGS, KNOCK_TAGS

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["X32_COMBOS", "X32_ENTRIES", "round32x_service"]

_CLIP = pairings(
    ("máy kẹp tay", "cái máy kẹp tay", "cái kẹp tay"),
    ("của", "đo", "chỉ", "có", "còn", "hiện", "nhảy"),
)
_RATTLE = """
    rít rít trong cổ, rít rít trong họng, rít trong cổ, rít trong họng,
    khè khè trong cổ, khè khè trong họng, ồ ồ trong cổ, khọt khẹt trong họng
"""
_PAUSE = pairings(
    ("im", "nín", "im ru", "nín hơi", "tắt hơi"),
    ("một hồi", "một hồi lâu", "một lúc", "một lúc lâu", "một lát", "một chặp", "hồi lâu",
     "cả phút", "mấy giây", "lâu lắm"),
    ("mới hớp lại", "mới hớp", "mới thở lại", "mới hít lại", "mới hắt ra",
     "mới thở tiếp", "mới hít vô"),
)  # fmt: skip
_STRAIN = """
    rặn từ sáng, rặn từ tối, rặn từ khuya, rặn từ trưa, rặn từ chiều, rặn hoài, rặn mãi,
    rặn quài, rặn nãy giờ, rặn cả buổi, rặn mấy tiếng
"""
_PART_OUT = pairings(
    ("ra", "ló", "ló được", "ra được", "mới ra", "mới ló", "lòi"),
    ("cái mông", "cái chân", "một chân", "hai chân", "bàn chân", "cái tay", "một tay"),
) + ", " + pairings(("ló được", "ra được", "mới ra"), ("cái đầu", "cái đầu ra"))  # fmt: skip
_NO_FURTHER = """
    hổng ra tiếp, không ra tiếp, hông ra tiếp, hổng ra nữa, không ra nữa, hông ra nữa,
    đứng đó hổng ra, đứng luôn hổng ra, hổng chịu ra, không chịu ra
"""
_VOMIT_AGAIN = """
    ói hết lần này tới lần khác, nôn hết lần này tới lần khác, ói mấy lần, nôn mấy lần,
    ói mấy lần liền, nôn mấy lần liền, nôn liền mấy lần, ói mấy bận,
    ói ba bốn lần, nôn ba bốn lần, ói quài
"""
_KNOCK = """
    cụng đầu, va đầu, đụng đầu, u một cục trên đầu, sưng một cục trên đầu,
    đầu u lên, trán sưng một cục, đầu sưng vù
"""
_EAR = pairings(("áp tai", "kề tai", "ghé tai"), ("vô ngực", "lên ngực", "vào ngực", "sát ngực"))
_HEAR_NOTHING = """
    hổng nghe gì, không nghe gì, hông nghe gì, hổng nghe thấy gì, không nghe thấy gì,
    hổng nghe tiếng tim, không nghe tiếng tim, hổng nghe tim, không nghe tim
"""
_NO_BEAT = """
    không nghe tim đập, hổng nghe tim đập, hông nghe tim đập, không thấy tim đập,
    hổng thấy tim đập
"""
_GASP = """
    hớp hơi, hớp hơi từng chặp, hớp từng hơi, há miệng thở hớp, thở hớp,
    thở hớp hớp, há miệng đớp không khí, đớp không khí
"""
_DARK_LIPS = """
    môi bầm lại, môi bầm, môi xám, môi xám ngoét, môi xám lại
"""
_GREY = "da xám ngoét, xám ngoét, xám ngắt"  # "xám xịt", "tái xám": round 32V's, both tags
_SILENT = pairings(
    ("hổng", "không", "hông", "chưa"), ("ré tiếng nào", "ré", "oe tiếng nào", "kêu tiếng nào")
)
_NEWBORN = "mới chào đời, vừa chào đời, mới sanh ra"
_TEAR = pairings(
    ("ngoạm", "táp"),
    ("đứt", "rách", "nát", "toạc"),
    ("một mảng thịt", "một miếng thịt ở", "một mảng thịt ở", "thịt ở", "thịt bắp chân"),
)
_BOILER = "nồi hơi, lò hơi, bình hơi, nồi hơi công nghiệp, bồn hơi, bình nén khí, bình khí nén"
_BURST = """
    bể cái ầm, bể cái rầm, bể cái đùng, bung cái ầm, bể cái bùm, bể tung, bung cái rầm
"""
_DRAIN = """
    ống thoát nước, cống thoát nước, miệng cống, cống ngầm, mương thoát nước,
    đường cống, lòng cống
"""
_SWEPT = "nước ào tới, nước ập tới, " + pairings(  # someone swept away, not a sandal
    ("lôi mất", "lôi mấc", "cuốn mấc", "cuốn mất", "cuốn đi mất", "hút mất", "hút vô trong"),
    ("một đứa", "thằng nhỏ", "con nhỏ", "đứa nhỏ", "em bé", "người", "ông", "bà", "thằng",
     "con tui", "cháu tui"),
)  # fmt: skip
_PIT = """
    bể biogas, hầm ủ phân, hố chứa
"""
_GAS = """
    ngộp hơi, ngạt hơi, ngộp khí, trúng khí, hít phải khí, trúng hơi độc
"""
_ONTO = pairings(("ngã", "đổ"), ("ập lên", "ập xuống", "lên người", "trúng người"))
_DARK = pairings(("khói", "cầu thang", "hành lang"), ("đen kịt", "đen ngòm", "đen thui", "mù mịt"))
_SMOKE_DARK = pairings(  # smoke or a dark stairway, not a sultry sky ("trời đen kịt")
    (*_DARK.split(", "), "khói"),
    ("ngộp quá", "ngộp", "sặc quá", "ngột ngạt", "cay mắt"),
)
_NO_WAY = """
    hổng đi đâu được, không đi đâu được, hông đi đâu được, hổng có đường xuống,
    không có đường xuống, hổng có lối ra, không có lối ra, hổng có đường ra, không có đường ra
"""
_CHILD_CAR = pairings(
    ("em bé", "bé", "con nít", "đứa nhỏ", "thằng nhỏ", "con nhỏ", "cháu bé", "đứa bé"),
    ("ngồi trong", "nằm trong", "ở trong", "ngủ trong"),
    ("ô tô", "xe hơi", "xe ô tô", "xe con"),
)
_SHUT_CAR = """
    xe đóng chặt, xe khóa chặt, cửa xe đóng kín, xe khóa kín, xe đóng kín, xe khóa cửa
"""
_TONIGHT = "đêm nay, tối nay, khuya nay, lát nữa, chút nữa, tối mai, đêm mai"
_COME_KILL = pairings(
    ("tới", "qua", "đến", "sang"),
    ("xử cả", "xử hết nhà", "xử hết cả", "đốt nhà", "xử đẹp", "xử mày", "thanh toán mày"),
)  # fmt: skip
_CRIES = """
    kêu chời kêu đất, kêu trời kêu đất, la oai oái, la ới ới, khóc thét,
    kêu la thảm thiết, la làng
"""
_BLOWS = """
    tiếng bốp bốp, bốp bốp, chát chát, tiếng chát chát
"""

_RESCUE = "x32_rescue"
_AIR = frozenset({"x32_air"})  # the gas and smoke scenes
_STUCK = frozenset({"kẹt", "hầm", "giếng", "dưới", "sập"})

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
X32_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "high", 3, _CLIP, tags="measure jam stuck", fold="tone"),
    entry(None, "normal", 0, _RATTLE, tags="s31_rattle", fold="tone"),
    entry(None, "normal", 0, _PAUSE, tags="s31_pause", fold="tone"),
    entry(None, "normal", 0, _STRAIN, tags="birth", fold="tone"),
    entry(None, "normal", 0, _PART_OUT, tags="x32_part_out", fold="tone"),
    entry(None, "normal", 0, _NO_FURTHER, tags="x32_no_further", fold="tone"),
    entry("medical", "normal", 3, _VOMIT_AGAIN, tags="sick x32_vomit_again", fold="tone"),
    entry(None, "normal", 0, _KNOCK, tags=KNOCK_TAGS, fold="tone"),
    entry(None, "normal", 0, _EAR, tags="x32_ear", fold="tone"),
    entry(None, "normal", 0, _HEAR_NOTHING, tags="x32_hear_nothing", fold="tone"),
    entry("medical", "emergency", 5, _NO_BEAT, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _GASP, tags=GASP_TAGS, fold="tone"),
    entry(None, "normal", 0, _DARK_LIPS, tags="x32_dark_lips", fold="tone"),
    entry(None, "normal", 0, _GREY, tags=GREY_TAGS, fold="tone"),
    entry(None, "normal", 0, _SILENT, tags="n30_silent", fold="tone"),
    entry(None, "normal", 0, _NEWBORN, tags="x32_newborn", fold="tone"),
    entry(None, "normal", 0, _TEAR, tags="n30_tearing", fold="tone"),
    entry(None, "normal", 0, _BOILER, tags="x32_boiler", fold="tone"),
    entry(None, "normal", 0, _BURST, tags="x32_burst", fold="tone"),
    entry(None, "normal", 0, _DRAIN, tags="x32_drain", fold="tone"),
    entry(None, "normal", 0, _SWEPT, tags="x32_swept", fold="tone"),
    entry(None, "normal", 0, _PIT, tags="x32_pit", fold="tone"),
    entry(None, "normal", 0, _GAS, tags="x32_gas", fold="tone"),
    entry(None, "normal", 0, _ONTO, tags="fall x32_onto", fold="tone"),
    entry(None, "normal", 0, _SMOKE_DARK, tags="x32_smoke", fold="tone"),
    entry(None, "normal", 0, _NO_WAY, tags="x32_no_way", fold="tone"),
    entry(None, "high", 0, _CHILD_CAR, tags="person who x32_child_car", fold="tone"),
    entry(None, "normal", 0, _SHUT_CAR, tags="x32_shut_car", fold="tone"),
    entry(None, "normal", 0, _TONIGHT, tags="x32_tonight", fold="tone"),
    entry(None, "normal", 0, _COME_KILL, tags="x32_come_kill", fold="tone"),
    entry(None, "normal", 0, _CRIES, tags="x32_cries", fold="tone"),
    entry(None, "normal", 0, _BLOWS, tags="x32_blows", fold="tone"),
    # a breath denied ("mà hổng có thở khó gì"): no "hổng có thở" inside
    entry(None, "normal", 0, "{k} có thở khó, {k} có thở dốc", fold="tone"),
)


def _rescue(a: str, b: str, window: int, tag: str) -> Combo:
    """A scene for the rescuers (114), its hit tagged ``tag`` and :data:`_RESCUE`."""
    return Combo((a, b), "other", "emergency", 5, window=window, ordered=True, service="114",
                 gives=frozenset({*tag.split(), _RESCUE}))


X32_COMBOS: tuple[Combo, ...] = (
    signs_together("birth", "x32_part_out", 12, ordered=True),
    signs_together("x32_part_out", "x32_no_further", 8, ordered=True),
    signs_together("b29_head_lump", "x32_vomit_again", 12, ordered=True),
    signs_together("x32_knock", "x32_vomit_again", 12, ordered=True),
    signs_together("x32_ear", "x32_hear_nothing", 6, ordered=True),
    signs_together("x32_gasp", "x32_dark_lips", 10),
    signs_together("x32_newborn", "n30_blue", 10, ordered=True),
    signs_together("x32_newborn", "n30_silent", 12, ordered=True),
    signs_together("q27_newborn", "n30_blue", 10, ordered=True),
    signs_together("q27_newborn", "n30_silent", 12, ordered=True),
    _rescue("x32_boiler", "x32_burst", 10, "blast"),
    _rescue("x32_drain", "x32_swept", 12, "x32_water"),
    _rescue("x32_pit", "x32_gas", 12, "trapped x32_air"),
    _rescue("container", "x32_gas", 12, "trapped x32_air"),
    _rescue("wall", "x32_onto", 10, "collapse"),
    _rescue("x32_smoke", "x32_no_way", 16, "smoke x32_air"),
    _rescue("x32_child_car", "x32_shut_car", 14, "trapped"),
    _rescue("x32_child_car", "closed", 14, "trapped"),
    Combo(("x32_tonight", "x32_come_kill"), "violation", "emergency", 5, window=6,
          ordered=True, service="113", gives=frozenset({"violence"})),
    Combo(("x32_cries", "x32_blows"), "violation", "emergency", 5, window=10, service="113",
          gives=frozenset({"violence"})),
)
# fmt: on


def round32x_service(service: Service | None, hits: list[Hit], words: list[str]) -> Service | None:
    """A rescue scene of this round (a boiler, a drain, a pit, a wall, smoke on the stairs, a
    child shut in a car) stays 114 when a hurt or a window broken to reach them is said too."""
    if service not in ("113", "115"):
        return service
    rescue = [
        h
        for h in hits
        if _RESCUE in h.entry.tags and h.entry.urgency == "emergency" and not h.negated
    ]
    if service == "115" and all(_AIR.intersection(h.entry.tags) for h in rescue):
        # smoke or gas alone: a body collapsed in it stays 115 unless someone is stuck
        rescue = rescue if _STUCK.intersection(words) else []
    return "114" if rescue else service
