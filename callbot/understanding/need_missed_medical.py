"""Medical emergencies (115) described in plain words that the rules missed, as the seventh
development part's writers p to u said them (round 12 of issue 13; read by
:mod:`.need_lexicon`).

Callers rarely name the illness: they say what they see. Each entry covers a kind of speech,
in several wordings and regions and as Vosk damages them, not one transcript (what the
fields mean: :mod:`.need_lexicon`):

- **Stroke signs said plainly**: an arm that will not lift ("tay không nhấc lên được",
  "giơ tay hổng lên"), a hand that drops what it holds ("rớt đôi đũa", "rớt cái ly"), a mouth
  pulled aside ("miệng xệ qua một bên", "miệng lệch qua một bên"), speech slurred ("nói
  ngọng ngọng", "nói lộn xộn", "nói năng lung tung", "lắp bắp hổng ra chữ"), one side weak
  ("người bên phải yếu xìu", "chân bên trái lê lê"), eyes staring ("mắt nhìn đờ đẫn"). One sign
  is a ``stroke_sign``; two of them in one answer make the emergency (one alone may be old,
  or a child's speech).
- **Choking that cannot cough** (``swallowed`` + ``cannot_cough``): "nghẹn bánh ... không ho
  ra được", "nuốt cục kẹo ... hổng ho ra tiếng".
- **A throat closing** ("cổ họng như bị thắt lại", "họng thắt lại thở rít"): an allergy's
  airway, 115 on its own.
- **Low sugar after insulin** (``insulin`` + ``hypo_sign``): "chích in su lin xong ... run lẩy
  bẩy mồ hôi ướt đẫm", "tiêm insulin rồi giờ vã mồ hôi nói lảm nhảm".
- **A caustic swallowed**: "uống phải nước tẩy bồn cầu", "uống nhầm thuốc tẩy", "nuốt lộn
  nước rửa chén" (the drinker's mistake with a household poison).
- **A snake bite heard "rắn lụt"**, **waters broken heard "dỡ ối"**, **a fit heard "đọng
  kinh"** (matched exactly: these spellings are Vosk's).
- **Bleeding after giving birth heard "ra quyết"** (``birth`` + ``bleeding_on``): "mới đẻ ...
  ra quyết quá trời" ("ra huyết"); the hit stands at the bleeding, so "mới đẻ hồi sáng giờ
  ra quyết" is now (:attr:`.need_base.Combo.at_second`). "máu ra" is already an emergency:
  no longer phrase here may hide it.
- **Look-alikes**: a figure of speech ("tức muốn đột quỵ", a feeling said big, is
  :mod:`.need_lexicon`'s), a question about the signs, a sign that is habitual or over
  (:mod:`.need_time`'s), a child's slurred speech with no second sign: no emergency.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings

_ARMS = ("tay", "tay trái", "tay phải", "cánh tay", "một tay", "tay bên trái", "tay bên phải")
_LIFT = (
    "{k} nhấc lên được", "{k} nhấc được", "{k} giơ lên được", "{k} giơ được", "{k} cử động được",
    "{k} nhấc nổi", "{k} giơ nổi", "{k} nhấc lên nổi", "{k} giở lên được", "{k} cầm được",
    "rớt xuống", "buông thõng", "rũ xuống", "thõng xuống",
)  # fmt: skip
_DROPPED = ("rớt", "làm rớt", "đánh rơi", "rơi", "rớt cái", "rớt đôi", "làm rơi")
_HELD = ("đôi đũa", "đũa", "cái ly", "ly", "cái chén", "chén", "cái muỗng", "muỗng", "cái tách",
         "cái cốc", "cốc", "bát", "cái bát", "cây viết")  # fmt: skip
# held, then let fall: "cầm cái ly cũng rớt", "cầm đũa là rơi"
_FELL = ("cũng rớt", "là rớt", "rớt", "bị rớt", "rớt luôn", "cũng rơi", "là rơi", "rơi",
         "rơi luôn", "cũng hổng được", "{k} chặt", "hổng nổi")  # fmt: skip
_MOUTHS = ("miệng", "cái miệng", "mồm", "môi", "mặt", "khóe miệng", "nửa mặt")
_PULLED = ("xệ qua một bên", "lệch qua một bên", "méo qua một bên", "xệ một bên",
           "lệch một bên", "méo một bên", "kéo qua một bên", "xệ xuống một bên",
           "lệch sang một bên", "méo sang một bên", "xệ sang một bên", "bị lệch",
           "bị xệ", "méo xệch", "xệch qua một bên", "xệch một bên", "méo qua", "bị méo",
           "méo xẹo", "lệch qua", "xệ qua")  # fmt: skip
_SIDES = ("người bên phải", "người bên trái", "nửa người", "bên phải", "bên trái",
          "nửa người bên phải", "nửa người bên trái", "chân bên trái", "chân bên phải",
          "tay chân bên phải", "tay chân bên trái", "một bên người")  # fmt: skip
_WEAK = ("yếu xìu", "yếu hẳn", "yếu đi", "mất lực", "tê cứng", "lê lê", "kéo lê", "bị tê",
         "tê rần", "{k} nhúc nhích được", "{k} cử động được", "rũ ra")  # fmt: skip
_ANGRY = ("tức", "bực", "giận", "tức giận", "điên", "cay", "quê", "sợ", "hồi hộp")
_STROKE_BIG = ("muốn đột quỵ", "muốn tai biến", "gần đột quỵ", "tới đột quỵ", "đến đột quỵ",
               "muốn đứng tim", "gần tai biến")  # fmt: skip
_DRINK = ("uống phải", "uống nhầm", "uống lộn", "nuốt phải", "nuốt nhầm", "nuốt lộn",
          "uống trúng", "lỡ uống", "tu nhầm", "tu phải", "uống nhằm")  # fmt: skip
_CAUSTICS = (
    "nước tẩy", "thuốc tẩy", "nước tẩy bồn cầu", "chất tẩy", "nước javen", "nước gia ven",
    "xút", "nước xút", "axit", "a xít", "nước rửa chén", "nước lau sàn", "nước lau nhà",
    "nước thông cống", "bột thông cống", "nước giặt", "thuốc thông cống", "vim", "nước vim",
)  # fmt: skip
_GULP = ("nốc", "tu", "uống", "nuốt", "uống hết", "nốc hết", "nuốt hết", "uống cả", "nốc cả")
_WHOLE = ("nguyên lọ", "hết lọ", "cả lọ", "nguyên vỉ", "hết vỉ", "cả vỉ", "nguyên hộp",
          "hết hộp", "cả hộp", "một đống", "cả nắm", "một nắm", "nguyên nắm")  # fmt: skip
# "mới đẻ", "sau sinh"... carry the lexicon's ``birth`` tag already (:mod:`.need_emergency`)
_BIRTHS = ("sanh ở nhà", "đẻ ở nhà", "sinh ở nhà", "sinh em bé", "đẻ em bé", "sanh em bé",
           "đẻ rớt", "sanh rớt")  # fmt: skip


# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
MISSED_MEDICAL_ENTRIES: tuple[Entry, ...] = (
    # Stroke signs, each alone a sign only (two make the emergency, see the combos).
    entry(None, "normal", 0, pairings(_ARMS, _LIFT), tags="stroke_sign", fold="tone"),
    entry(None, "normal", 0, pairings(_DROPPED, _HELD), tags="stroke_sign", fold="tone"),
    entry(None, "normal", 0, pairings(("cầm",), _HELD, _FELL), tags="stroke_sign", fold="tone"),
    entry(None, "normal", 0, pairings(_MOUTHS, _PULLED), tags="stroke_sign", fold="tone"),
    entry(None, "normal", 0, pairings(_SIDES, _WEAK), tags="stroke_sign", fold="tone"),
    entry(None, "normal", 0, """
        nói ngọng ngọng, nói chuyện ngọng, nói cứ ngọng, nói ngọng líu, nói lộn xộn,
        nói năng lung tung, nói năng lộn xộn, nói lung tung, nói líu lưỡi,
        lắp bắp hổng ra chữ, lắp bắp không ra chữ, nói {k} tròn chữ,
        nói chi cũng {k} rõ, nói gì cũng {k} rõ, nói cái gì cũng lắp bắp, mắt nhìn đờ đẫn,
        mắt đờ đẫn, nhìn đờ đẫn, mắt nhìn trân trân, mắt đứng tròng, nói ú ớ {k} ra tiếng,
        lưỡi cứng đơ, giơ tay {k} lên, nhấc tay {k} lên, giơ tay {k} lên được,
        nhấc tay {k} lên được, giở tay {k} lên
        """, tags="stroke_sign", fold="tone"),
    # A feeling said big: "tức muốn đột quỵ" is anger, no stroke.
    entry(None, "normal", 0, pairings(_ANGRY, _STROKE_BIG), fold="tone"),
    # Babbling (a high alone, as :mod:`.need_described` read it) beside another sign is a
    # stroke's.
    entry("medical", "high", 3, "nói lảm nhảm, lảm nhảm", tags="sick babble"),
    # A cloth pressed on a wound that keeps bleeding (no one under a collapse, round 14).
    entry("medical", "normal", 3, """
        đè hoài {k} cầm, đè mãi {k} cầm, đè hoài mà {k} cầm, đè mãi mà {k} cầm,
        ấn hoài {k} cầm, ấn mãi {k} cầm, bịt hoài {k} cầm, đè cỡ nào cũng {k} cầm,
        đè hoài {k} hết, đè {k} hết chảy, đè mà máu vẫn chảy, đè mà vẫn chảy
        """, tags="sick", fold="tone"),
    # Choking that cannot cough.
    entry(None, "normal", 0, """
        nghẹn, hóc, nuốt, ôm cổ, ôm lấy cổ
        """, tags="swallowed", fold="tone"),
    entry(None, "normal", 0, """
        {k} ho ra được, {k} ho ra tiếng, {k} ho được, {k} ho nổi, ho {k} ra, ho {k} được,
        {k} ho ra
        """, tags="cannot_cough", fold="tone"),
    # A throat closing.
    entry("medical", "emergency", 5, """
        cổ họng như bị thắt lại, cổ họng bị thắt lại, cổ họng thắt lại, họng thắt lại,
        họng như bị thắt, cổ họng như thắt lại, họng bị thắt lại, cổ họng sưng nghẹt,
        họng sưng nghẹt, cổ họng như bị bóp, họng như bị bóp nghẹt, cổ họng bị bóp nghẹt,
        cổ họng co thắt, họng co thắt, sưng cổ họng thở rít, sưng họng thở rít
        """, service="115", tags="sick", fold="tone"),
    # Low sugar after insulin.
    entry(None, "normal", 0, """
        insulin, in su lin, in xu lin, insu lin, chích in, tiêm in, thuốc tiểu đường,
        uống thuốc hạ đường, chích thuốc tiểu đường, tiêm thuốc tiểu đường
        """, tags="insulin", fold="tone"),
    entry(None, "normal", 0, """
        run lẩy bẩy, run bần bật, run cầm cập, run rẩy, vã mồ hôi, mồ hôi ướt đẫm,
        mồ hôi ra như tắm, mồ hôi đầm đìa, toát mồ hôi, {k} nhận ra,
        lừ đừ, vật vã
        """, tags="hypo_sign", fold="tone"),
    # A caustic swallowed; a snake, the waters and a fit as Vosk spells them.
    entry("medical", "emergency", 5, pairings(_DRINK, _CAUSTICS), service="115",
          tags="sick poison", fold="tone"),
    entry("medical", "emergency", 5, """
        rắn lụt cắn, rắn lục cắng, rắn lụt cắng, bị rắn lụt, rắn hổ mang cắng, rắn độc cắng,
        dỡ ối, bị dỡ ối, dỡ ối rồi, vở ối, bể ối, bể nước ối, vỡ nước ối, rỉ ối, rỉ nước ối,
        cơn đọng kinh, lên cơn đọng kinh, đang lên cơn đọng kinh
        """, service="115", tags="sick", fold="exact"),
    # An overdose of sleeping pills (snoring after it is no sleep: :mod:`.need_time` reads
    # "ngáy" as sleep only for who is unresponsive).
    entry("medical", "emergency", 5, pairings(_GULP, _WHOLE, ("thuốc ngủ", "thuốc an thần")),
          service="115", tags="sick poison", fold="tone"),
    entry("medical", "emergency", 5, pairings(_GULP, ("thuốc ngủ", "thuốc an thần")),
          service="115", tags="sick poison", fold="tone"),
    # Bleeding after giving birth.
    entry(None, "normal", 0, ", ".join(_BIRTHS), tags="birth", fold="tone"),
    entry(None, "normal", 0, """
        ra quyết, ra quyết nhiều, ra quyết quá trời, ra quyết hoài, quyết ra hoài, băng quyết,
        quyết ra nhiều, quyết chảy hoài
        """, tags="bleeding_on", fold="exact"),
)

MISSED_MEDICAL_COMBOS: tuple[Combo, ...] = (
    Combo(("stroke_sign", "stroke_sign"), "medical", "emergency", 5, window=None,
          service="115", gives=frozenset({"sick"})),
    Combo(("swallowed", "cannot_cough"), "medical", "emergency", 5, window=10,
          service="115", gives=frozenset({"sick"})),
    Combo(("insulin", "hypo_sign"), "medical", "emergency", 5, window=16, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("birth", "bleeding_on"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", gives=frozenset({"sick"}), at_second=True),
    Combo(("confused", "stroke_sign"), "medical", "emergency", 5, window=None,
          service="115", gives=frozenset({"sick"})),
    Combo(("babble", "stroke_sign"), "medical", "emergency", 5, window=12,
          service="115", gives=frozenset({"sick"})),
)
# fmt: on
