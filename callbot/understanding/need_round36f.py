"""Round 36F of issue 13 (writer F of session 18: emergencies described by what a layperson
sees and hears, with no medical or sign word: colours, sounds, postures, amounts of blood,
a body that does not answer).

115, entries (:data:`F36_ENTRIES`) and signs read together (:data:`F36_COMBOS`):

- **Blood brought up, said by its colour** ("khạc ra một búng đỏ lòm", "ọc ra nửa thau đỏ
  bầm", "ói ra như bã cà phê"): coughing or vomiting, then a red or coffee-ground colour
  within a few words. Phlegm said yellow ("khạc ra đờm vàng") stays calm.
- **Blood spurting or soaking** ("máu phọt theo nhịp", "máu bắn ra thấm đỏ", "máo thấm đỏ
  cái khăn" as Vosk writes it, "máu rỉ qua kẽ tay"): 115. "một đường máu phọt" is a cut,
  not the blood sugar ("đường máu"); water spurting ("nước phọt ra từng vòi") stays calm.
- **A rash that stays under a glass** ("lấy ly đè lên hổng mất", "ấn vô không mất"); the
  glass pressed is no one crushed ("lấy ly đè lên" is not "đè lên"), but a glass cabinet
  fallen ("tủ ly đè lên người") still is: 114.
- **A jaw locked, a body bent like a bow** ("hàm cứng hổng mở miệng được", "người cong lên
  như cây cung").
- **Skin blistered white after a burn** ("da phồng rộp trắng bệch") and a **swelling that
  spreads black** ("sưng đen lan lên tới gối"; a bite "sưng lan lên tới cùi chỏ" stays
  calm); a **bone through the skin** ("xương ống quyển trồi ra"; a splinter "trồi ra ngoài
  da" stays calm); a **belly torn open** ("bụng rách một đường") only with a fall, a wound or
  an animal said near ("con trâu ... bụng rách một đường"; a torn shirt stays calm).
- **A sting then faintness** (an allergen, then "tối sầm"), **vomiting then not getting up**
  ("ọc ra ... nằm hổng dậy"), **fumes then nobody answering** ("lò than ... gọi hổng ai
  thưa"; a door knocked with no answer and no fumes stays calm).
- **A fit seen** (a fall or staring white eyes, then a body jerking stiff: "ngã xuống ...
  người giựt cứng", "nằm giãy đành đạch mắt trắng dã"; froth at the mouth, "bọt trào ra
  miệng", only with a fall, a jerking, staring eyes or a fit said near: beer foaming over a
  glass stays calm); a fish flapping ("con cá giãy đành đạch") stays calm: no person down.
- **Choking seen** (something stuck in the throat, then no voice: "dính trong cổ ... hổng
  nói ra tiếng", "ôm cổ ... thâm lại"); a fish bone that only scratches stays calm.
- **Breathing heard** ("ngực kêu rít rít", "khò khè", then "nói hổng hết câu"); **no beat
  heard** with an ear on the chest ("áp tai vô ngực hổng nghe thình thịch gì"; music
  turned off, "hổng nghe thình thịch gì nữa", stays calm).
- **Pale and blacking out** ("mặt trắng bệch ... tối sầm"), **a belly swollen hard and a
  grey face** after a crash ("bụng phình lên cứng ngắc mặt xanh mét"), **eyes that open and
  close again when called** ("gọi nó chỉ hé mắt rồi nhắm lại").
- **Falling face down is a fall** ("ngã sấp xuống bàn"), not a building come down, so "kêu
  hổng ừ" after it is 115, not 114.

114: **cannot crawl back out** ("chui vô ống cống ... hổng chui ra được"; a cat stays calm,
an animal) and **a cry from the bottom of a well** (a well and "khóc vọng lên"; a frog's
"kêu" is not counted).

113 (:data:`F36_COMBOS`): **blows heard with a plea** ("tiếng bốp bốp ... đừng đừng mà") and
**glass breaking while money is demanded** ("kính vỡ loảng xoảng ... đòi tiền nợ"). A cry for
help echoing ("kêu cứu vọng lên trong hẻm") is still "kêu cứu": 113 (114 from a well).

Marks (:func:`round36f_marks`): **came up by itself** ("tự ngoi lên được rồi", "tự bơi vô
được"): a sinking over, ``resolved``.

Service (:func:`round36f_service`): a 113 where the attacker is said gone ("bỏ chạy rồi",
"chạy xe đi mất") and the victim is hurt (blood, a burn, acid) is 115, unless the attacker
is said to be back or still there ("quay lại", "còn đứng", "vẫn còn cầm dao"), threatens to
come back ("nói tối nay sẽ tới giết"), is being chased ("đang rượt theo nó"), the attack is
going on ("đang cầm tuýp đập"), someone was taken ("bắt cóc con tui chạy xe đi mất"), those
who fled are the bystanders ("khách bỏ chạy hết"), or the one who ran is the victim ("vợ tui
bị đánh chảy máu bỏ chạy qua nhà tui").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["F36_COMBOS", "F36_ENTRIES", "round36f_marks", "round36f_service"]

_COUGH_UP = "khạc ra, khạc nữa, khạc ra một búng, mửa ra một búng"
_RED = """
    đỏ lòm, đỏ bầm, đỏ tươi, đỏ thẫm, đỏ sậm, đỏ au au, bã cà phê, như bã cà phê, một búng đỏ,
    búng đỏ
"""
_SPURT = """
    máu phọt, máu phọt ra, máu bắn, máu bắn ra, máo phọt, máu thấm đỏ, máo thấm đỏ,
    máu bắn thấm đỏ, đường máu phọt,
    máu rỉ ra kẽ tay, máu rỉ qua kẽ tay, máu tràn qua kẽ tay
"""
_NOT = ("hổng", "không", "hông", "chẳng", "ko")
_GLASS_STAYS = pairings(("đè lên", "lấy ly đè lên", "ly đè lên"), _NOT, ("mất", "phai"))
# "ly đè lên" alone is also a glass cabinet fallen on someone ("tủ ly đè lên"): the glass
# is said taken or its own ("cái ly đè lên")
_GLASS = "lấy ly đè, lấy cái ly đè, lấy ly đè lên, cái ly đè lên, dùng ly đè"
_BOW = """
    người cong lên như cây cung, người cong như cây cung, cong người như cây cung,
    ưỡn cong như cây cung, người ưỡn cong lên như cây cung
"""
_JAW = pairings(("hàm cứng", "cứng hàm"), _NOT, ("mở miệng được", "há miệng được", "mở miệng"))
_BURN = """
    da phồng rộp trắng bệch, phồng rộp trắng bệch, da trắng bệch phồng rộp
"""
_SPREAD = """
    sưng đen lan lên, sưng đen lan, sưng tím lan lên, sưng đen lên tới
"""
_BONE_OUT = """
    xương trồi ra ngoài da, xương ống quyển trồi ra
"""
_TORN = "bụng rách, bụng rách một đường, bụng bị rách"
_FACE_DOWN = "ngã sấp xuống, té sấp xuống, ngã sấp, té sấp, ngã úp sấp, té úp sấp"
_NO_REPLY = "hổng ai thưa, không ai thưa, hông ai thưa, chẳng ai thưa, ko ai thưa"
_FROTH = "bọt trào ra miệng, bọt sùi ra miệng"
_JERK = """
    người giựt cứng, giựt cứng, giật cứng, người giật cứng, quặp cứng lại,
    tay quặp cứng
"""
_EYES = "mắt trắng dã, mắt mở trừng trừng, mắt mở trừng"
_CHOKE = "dính trong cổ, dính cứng trong cổ"
_VOICELESS = """
    hổng nói ra tiếng, không nói ra tiếng, hông nói ra tiếng, cứ ư ư, mặt đỏ gay, mắt lồi ra
"""
_WHEEZE = """
    kêu rít rít, kêu rít, kêu như ống bễ, rít như ống bễ
"""
_SHORT = """
    nói hổng hết câu, nói không hết câu, nói hông hết câu, vai nhô lên từng hồi,
    ngồi chồm người ra trước
"""
_PALE = "mặt trắng bệch, nằm trắng bệch, người trắng bệch"
_BELLY = "bụng phình lên cứng ngắc, bụng phình cứng ngắc, bụng sình lên cứng ngắc"
_DROWSE = "chỉ hé mắt rồi nhắm lại, hé mắt rồi nhắm lại, mở mắt rồi nhắm lại, hé mắt rồi nhắm"
_CANNOT_OUT = pairings(_NOT, ("chui ra được",)) + ", " + pairings(("chui ra",), _NOT, ("được",))
_ECHO = "khóc vọng lên, la vọng lên, khóc vọng lên từ dưới đáy"
_CRY_ECHO = "kêu cứu vọng lên"  # still "kêu cứu": the older 113 tags kept
_NO_BEAT = pairings(_NOT, ("nghe thình thịch", "nghe thình thịch gì"))
_PLEA = "đừng đừng, đừng đừng mà, tha cho con, tha cho em"

# fmt: off
F36_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _COUGH_UP, tags="f36_bring_up", fold="tone"),
    entry(None, "normal", 0, _RED, tags="f36_red", fold="tone"),
    entry("medical", "emergency", 5, _SPURT, tags="sick f36_spurt", fold="tone",
          service="115"),
    entry("medical", "emergency", 5, _GLASS_STAYS, tags="sick p27_no_blanch f36_rash", fold="tone",
          service="115"),
    entry(None, "normal", 0, _GLASS, tags="f36_glass", fold="tone"),
    entry("medical", "emergency", 5, _BOW + ", " + _JAW, tags="sick f36_rigid", fold="tone",
          service="115"),
    entry("medical", "emergency", 5, _BURN, tags="sick extent f36_burn", fold="tone",
          service="115"),
    entry("medical", "emergency", 5, _SPREAD, tags="sick f36_spread", fold="tone",
          service="115"),
    entry("medical", "emergency", 5, _BONE_OUT, tags="sick f36_bone_out", fold="tone",
          service="115"),
    entry(None, "normal", 0, _TORN, tags="f36_torn", fold="tone"),
    entry(None, "normal", 0, _FACE_DOWN, tags="fall", fold="tone"),
    entry(None, "normal", 0, _NO_REPLY, tags="f36_no_reply", fold="tone"),
    entry(None, "normal", 0, _PLEA, tags="f36_plea", fold="tone"),
    entry(None, "normal", 0, _FROTH, tags="t31_gush f36_froth", fold="tone"),
    entry(None, "normal", 0, _NO_BEAT, tags="f36_no_beat", fold="tone"),
    entry("other", "emergency", 5, _CANNOT_OUT, tags="stuck cannot_leave f36_cannot_out",
          fold="tone", service="114"),
    entry(None, "normal", 0, _JERK, tags="f36_jerk", fold="tone"),
    entry(None, "normal", 0, _EYES, tags="f36_eyes methanol", fold="tone"),
    entry(None, "normal", 0, _CHOKE, tags="f36_choke", fold="tone"),
    entry(None, "normal", 0, _VOICELESS, tags="f36_voiceless seize", fold="tone"),
    entry(None, "normal", 0, _WHEEZE, tags="f36_wheeze", fold="tone"),
    entry(None, "normal", 0, _SHORT, tags="f36_short", fold="tone"),
    entry(None, "normal", 0, _PALE, tags="f36_pale", fold="tone"),
    entry(None, "normal", 0, _BELLY, tags="f36_belly rigid q27_bloated y33_bloated", fold="tone"),
    entry(None, "normal", 0, _DROWSE, tags="f36_drowse", fold="tone"),
    entry(None, "normal", 0, _ECHO, tags="f36_echo", fold="tone"),
    entry("violation", "emergency", 5, _CRY_ECHO, service="113", tags="violence victim f36_echo",
          fold="tone"),
)


def _medical(a: str, b: str, window: int) -> Combo:
    return Combo((a, b), "medical", "emergency", 5, window=window, ordered=True,
                 service="115", gives=frozenset({"sick"}))


def _body(a: str, b: str, window: int) -> Combo:
    """A sign that is a body's only with a body's context, either side."""
    return Combo((a, b), "medical", "emergency", 5, window=window, service="115",
                 gives=frozenset({"sick"}))


def _police(a: str, b: str, window: int) -> Combo:
    return Combo((a, b), "violation", "emergency", 5, window=window, service="113",
                 gives=frozenset({"violence"}))


F36_COMBOS: tuple[Combo, ...] = (
    _medical("f36_bring_up", "f36_red", 6),
    _medical("t31_gush", "f36_red", 8),
    _medical("allergen", "q27_faintish", 16),
    _medical("t31_gush", "unanswered", 12),
    _medical("m27_fumes", "f36_no_reply", 16),
    _medical("fall", "f36_jerk", 10),
    _medical("f36_jerk", "f36_eyes", 10),
    _medical("f36_eyes", "f36_jerk", 10),
    _medical("e35_eyes", "f36_jerk", 10),
    _medical("fall", "f36_eyes", 10),
    _medical("swallowed", "f36_voiceless", 12),
    _medical("f36_choke", "f36_voiceless", 12),
    _medical("swallowed", "w32_dusky", 8),
    _medical("f36_wheeze", "f36_short", 16),
    _medical("wheeze", "f36_short", 16),
    _medical("f36_pale", "q27_faintish", 12),
    _medical("f36_belly", "f36_pale", 10),
    _medical("f36_belly", "blue_face", 10),
    _medical("struggle", "f36_eyes", 6),
    _medical("rouse", "f36_drowse", 4),
    # froth at a mouth, a beat not heard, a belly torn: a body's only with a body's context
    _body("fall", "f36_froth", 12),
    _body("f36_jerk", "f36_froth", 8),
    _body("f36_eyes", "f36_froth", 8),
    _body("seize", "f36_froth", 8),
    _body("x32_ear", "f36_no_beat", 6),
    _body("animal", "f36_torn", 14),
    _body("fall", "f36_torn", 12),
    _body("wound", "f36_torn", 10),
    Combo(("water_body", "f36_echo"), "other", "emergency", 5, window=14, service="114",
          gives=frozenset({"stuck"})),
    _police("x32_blows", "f36_plea", 14),
    _police("break_sound", "demand", 16),
)
# fmt: on

# -- marks ----------------------------------------------------------------------------------
F36_CAME_UP = phrases("""
    tự ngoi lên được, tự ngoi lên, ngoi lên được rồi, tự bơi vô được, tự bơi vào được,
    tự leo lên được
""")


def round36f_marks(ws: list[str]) -> Marks:
    """A sinking over: the one in the water came up by himself."""
    return {"resolved": find(ws, F36_CAME_UP)}


# -- service --------------------------------------------------------------------------------
F36_GONE = phrases("""
    chạy rồi, bỏ chạy, chạy mất, đi mất, trốn mất, trốn rồi, bỏ đi rồi, chạy xe đi mất,
    chạy mất tiêu, phóng xe đi
""")
F36_STILL = phrases("""
    quay lại, còn đứng, còn ở đó, còn ở đây, đang đánh, quay trở lại, còn đó,
    còn cầm, vẫn cầm, đang cầm, cầm dao đứng, còn cầm dao, còn núp, còn trốn trong,
    sẽ tới, sẽ quay, sẽ trở lại, sẽ lại, sẽ giết, sẽ quay lại, tới giết, về giết, dọa giết,
    rượt theo, đuổi theo, đang rượt, đang đuổi, còn rượt, còn đuổi, rượt nó, đuổi nó
""")
# a kidnapping is the police's whoever is hurt: the child is gone with them
F36_TAKEN = phrases("""
    bắt cóc, bị bắt cóc, bắt mất, bắt đi, bắt theo, lôi lên xe, kéo lên xe, ôm đi mất,
    dẫn đi mất, chở đi mất
""")
# the one who ran may be the victim ("vợ tui bị đánh chảy máu bỏ chạy qua nhà tui"): a "bị"
# just before the running, with no one else named between
F36_VICTIM_REACH = 8
F36_OTHERS = words("thằng nó tụi bọn đám kẻ tên hắn gã tụi nó mấy")
F36_HURT = words("máu máo rộp bỏng phỏng xít axit nhăn nhúm")
# who fled may be the bystanders ("khách bỏ chạy hết"): then nothing says the attacker left
F36_BYSTANDERS = words("khách người ta mọi tui")
F36_ONGOING = "đang"
F36_ONGOING_REACH = 4


def round36f_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """The attacker gone and the victim hurt: 115 (module docstring)."""
    if service != "113":
        return service
    gone = [
        s
        for s, _ in find(ws, F36_GONE)
        if not F36_BYSTANDERS.intersection(ws[max(0, s - 2) : s]) and not _victim_ran(ws, s)
    ]
    if not gone or find(ws, F36_STILL) or find(ws, F36_TAKEN):
        return service
    for h in hits:  # "đang cầm tuýp đập": the attack is still going on
        if (
            h.entry.alarm == "113"
            and F36_ONGOING in ws[max(0, h.start - F36_ONGOING_REACH) : h.start]
        ):
            return service
    if not F36_HURT.intersection(ws):
        return service
    return "115"


def _victim_ran(ws: list[str], start: int) -> bool:
    """The one who ran is the one hurt: "bị" just before, nobody else named between."""
    before = ws[max(0, start - F36_VICTIM_REACH) : start]
    if "bị" not in before:
        return False
    after = before[len(before) - before[::-1].index("bị") :]
    return not F36_OTHERS.intersection(after)
