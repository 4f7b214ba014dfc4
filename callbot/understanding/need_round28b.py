"""Emergencies said without a medical word, as writer B said them (round 28B of issue 13).
The entries and combos are read through :mod:`.need_round28` by :mod:`.need_lexicon`, and
:func:`round28b_service` by :mod:`.need_number` after the other revisers.

Missed emergencies:

- **A nail gun is a tool (115)** : "thợ hồ bị súng bắn đinh ghim vô đùi", "máy bắn đinh bắn
  trúng bụng": a nail gun ("súng bắn đinh", "máy bắn ghim") is no weapon; its nail in a body
  part is a wound, 115; the tool named alone is calm ("mượn cái súng bắn đinh").
- **Stinking is no lurking** : "vết thương hôi rình", "thúi rình": "rình" after a smell is
  "very", not lying in wait.
- **Shut in, now out, the body in trouble (115)** : "bé bị kẹt trong xe hơi mới bế ra được
  thì hổng tỉnh": someone shut in (114) then taken out ("mở cửa ra", "bế ra", "lôi ra")
  with a 115 sign said after it is 115 (:func:`round28b_service`).
- **A power line down in water (114)** : "dây điện đứt rớt xuống vũng nước", "dây điện sà
  xuống chỗ ngập": a fallen line with water near it, or an animal killed by it ("con chó bị
  giựt chết": "bị giựt chết" is a shock, not a snatch).
- **Startled jerks of a sick child (115)** : "bé bị tay chân miệng giật mình liên tục", "sốt
  hâm hấp mà giựt mình chới với hoài": startle jerks ("giựt mình chới với" is no drowning)
  with hand, foot and mouth disease or a fever.
- **Numbness after a wild food (115)** : "ăn cá nóc xong tê lưỡi", "ăn nấm lạ tê cứng miệng":
  round 20's wild foods, then numbness of the mouth or spreading.
- **Chest indrawing (115)** : "thằng nhỏ thở hóp ngực", "ngực hóp vô từng cơn".
- **Struck on the head, then signs (115)** : "cục gạch rớt trúng đầu giờ ói mửa", "trái mít
  rơi trúng đầu ổng lơ mơ": a falling thing on the head, then vomiting, drowsiness, confusion.
- **A hernia that will not go back (115)** : "thoát vị bẹn sưng cứng đẩy hổng vô".
- **A swollen belly and confusion (115)** : "bụng căng như cái trống mà lú lẫn", "bị suy gan
  giờ lú lẫn": a liver illness or a bloated belly with round 18's confusion.
- **A cosmetic injection gone wrong (115)** : "chích filler ở spa giờ mũi tím đen", "tiêm chất
  làm đầy xong mắt mờ": the skin turning dark or the sight going after it.
- **A surgical wound burst (115)** : "vết mổ bục ra chảy dịch sốt cao": a wound opened with
  a sign of illness (fever, pain) said with it.

Look-alikes, calm (:func:`round28b_marks`):

- **Treated already** : "ba tui té xe gãy chân mổ xong rồi giờ xin tiền", "bị chó cắn khâu
  rồi": an operation, stitches or a cast done puts what was said before it to rest
  (``resolved``); what is said after it ("mổ xong rồi mà giờ vết mổ bục") stands; a snake's
  "mổ" is its strike, no operation.
- **Only a scratch** : "té xe chỉ trầy đầu gối", "té cầu thang chỉ bị bầm nhẹ": an injury
  said, then only a small hurt (``resolved`` for what was said before it).
- **A doctor's word, then a request** : "bác sĩ nói thiếu máu tui xin tiền truyền máu": a
  doctor has seen and named it and the caller asks for help; what was said before the
  doctor's word is cared for (``resolved``).
- **Nothing urgent, denied** : "hổng có gì cấp cứu đâu", "không có chi gấp hết": "{k} có gì"
  (or "chi") and, within 4 words, "đâu", "hết" or "cả" (``mistaken``).
- **Long ago, by a life event** : "tui bị băng huyết hồi đẻ đứa đầu", "bị điện giựt hồi còn
  nhỏ": what is said before "hồi" and such an event, in the same clause, is past.
- **Talk of dying, asleep now** : "nó nói muốn chết mà giờ nó đang ngủ": reported talk of
  dying, then the person asleep now, and no act or means named (pills, a height, a knife...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings
from callbot.understanding.need_time_marks import Marks, closer, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["B28_COMBOS", "B28_ENTRIES", "round28b_marks", "round28b_service"]

# fmt: off
_NAILER = ("súng bắn đinh", "máy bắn đinh", "súng bắn ghim", "máy bắn ghim", "súng bắn tôn")
_NAILED = pairings(
    _NAILER,
    ("bắn trúng", "bắn vô", "bắn xuyên", "ghim vô", "găm vô", "bắn lủng", "bắn ghim vô"),
    ("ngực", "đầu", "bụng", "cổ", "mắt", "tay", "chân", "đùi", "lưng", "mặt", "bàn tay"),
) + ", " + pairings(("đinh",), ("ghim vô", "găm vô", "ghim xuyên", "đâm xuyên"),
                    ("ngực", "đầu", "bụng", "cổ", "mắt", "đùi", "lưng", "mặt"))
_NAILER_SAID = ", ".join(_NAILER) + ", " + pairings(("có", "cái", "cây", "mượn", "xài"), _NAILER)
_STENCH = "hôi rình, thúi rình, thối rình, hôi rình rình, khai rình, tanh rình"
_WIRE_DOWN = pairings(
    ("dây điện",),
    ("đứt", "bị đứt", "rớt", "đứt rớt", "bị đứt rớt", "sà xuống", "đứt lòng thòng",
     "rớt xuống", "đứt rớt xuống", "đứt nằm"),
)
_WET = "vũng nước, chỗ ngập, đường ngập, nước lênh láng, vũng nước đọng"
_SHOCKED = "bị giựt chết, bị giật chết, giựt chết, giật chết ngắc"
_HFMD = "tay chân miệng, bệnh tay chân miệng, bị tay chân miệng"
_STARTLE = pairings(
    ("giựt mình", "giật mình"),
    ("chới với", "liên tục", "hoài", "liên hồi", "hoài hoài", "chới với hoài", "từng cơn"),
)
_NUMB = """
    tê miệng, tê hết miệng, tê lưỡi, tê môi, tê cứng miệng, tê lan, tê rần miệng,
    tê hết tay chân, tê lan xuống, tê lan ra
"""
_INDRAWN = "hóp ngực, thở hóp ngực, ngực hóp, ngực hóp vô, thở hóp sườn, hóp sườn, lõm sườn"
_HEAD_STRUCK = pairings(
    ("rớt trúng", "rơi trúng", "rớt xuống trúng", "rơi xuống trúng", "văng trúng", "đổ trúng",
    ),
    ("đầu", "ngay đầu", "vô đầu"),
)
# vomiting said as "ói" is (medical, sick, 3): these keep that meaning
_HEAD_VOMIT = "ói mửa, nôn mửa, ói tùm lum, ói quá trời, ói liền, ói ra, nôn ra"
_HEAD_SIGNS = "nằm lăn ra, nằm lăn đùng ra"
_HERNIA = "thoát vị bẹn, thoát vị rốn, sa ruột, sa bẹn"  # not "thoát vị đĩa đệm"
_STUCK_OUT = """
    {k} đẩy vô được, đẩy {k} vô, {k} thụt vô, {k} thụt lên, {k} nhét vô được, sưng cứng
"""
_LIVER = "suy gan, bệnh gan, gan to, xơ gan cổ trướng, báng bụng, cổ trướng"
_COSMETIC = pairings(
    ("tiêm", "chích", "bơm"), ("filler", "phi lơ", "chất làm đầy", "làm đầy", "botox", "silicon"),
) + ", nâng mũi, độn cằm, nâng ngực, hút mỡ, tiêm môi, làm đầy môi"
_DUSKY = "tím đen, thâm đen, tím bầm, đen sì, tím rịm"
_BURST = pairings(
    ("vết mổ", "đường mổ", "chỗ mổ"),
    ("bục", "bục ra", "bị bục", "bung", "bung ra", "toác", "toác ra", "hở ra", "bị hở"),
) + ", bục chỉ, bung chỉ, bục vết mổ, bung vết mổ"

B28_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _NAILER_SAID, tags="b28_nailer", fold="tone"),
    entry("medical", "emergency", 5, _NAILED, tags="sick", fold="tone"),
    entry(None, "normal", 0, _STENCH, tags="b28_stench", fold="tone"),
    entry(None, "normal", 0, _WIRE_DOWN, tags="b28_wire_down", fold="tone"),
    entry(None, "normal", 0, _WET, tags="b28_wet water_body", fold="tone"),
    entry(None, "normal", 0, _SHOCKED, tags="b28_shocked", fold="tone"),
    entry("medical", "normal", 3, _HFMD, tags="b28_hfmd sick", fold="tone"),
    entry(None, "normal", 0, _STARTLE, tags="b28_startle", fold="tone"),
    entry(None, "normal", 0, _NUMB, tags="b28_numb", fold="tone"),
    entry("medical", "emergency", 5, _INDRAWN, tags="sick", fold="tone"),
    entry(None, "normal", 0, _HEAD_STRUCK, tags="b28_head_struck", fold="tone"),
    entry("medical", "normal", 3, _HEAD_VOMIT, tags="sick b28_head_sign", fold="tone"),
    entry(None, "normal", 0, _HEAD_SIGNS, tags="b28_head_sign", fold="tone"),
    entry("medical", "normal", 3, _HERNIA, tags="b28_hernia sick", fold="tone"),
    entry(None, "normal", 0, _STUCK_OUT, tags="b28_stuck_out", fold="tone"),
    entry("medical", "normal", 3, _LIVER, tags="b28_liver chronic sick", fold="tone"),
    entry("medical", "normal", 3, _COSMETIC, tags="b28_cosmetic", fold="tone"),
    entry(None, "normal", 0, _DUSKY, tags="b28_dusky", fold="tone"),
    entry("medical", "normal", 3, _BURST, tags="b28_burst", fold="tone"),
)

_SIGNS_AFTER_HEAD = ("b28_head_sign", "b21_fainting", "c22_listless", "confused", "babble")
B28_COMBOS: tuple[Combo, ...] = (
    Combo(("b28_wire_down", "b28_wet"), "other", "emergency", 5, window=8, service="114"),
    Combo(("b28_wire_down", "b28_shocked"), "other", "emergency", 5, window=14,
          service="114"),
    Combo(("b28_hfmd", "b28_startle"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("c22_fever", "b28_startle"), "medical", "emergency", 5, window=10, service="115"),
    # a plain "sốt" with startle jerks: high, as a fever said to last ("sốt ... hoài")
    Combo(("fever", "b28_startle"), "medical", "high", 3, window=10),
    Combo(("wild_food", "b28_numb"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", at_second=True),
    *(Combo(("b28_head_struck", sign), "medical", "emergency", 5, window=12, ordered=True,
            service="115", at_second=True) for sign in _SIGNS_AFTER_HEAD),
    Combo(("b28_hernia", "b28_stuck_out"), "medical", "emergency", 5, window=10,
          service="115"),
    Combo(("b28_liver", "confused"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("q27_bloated", "confused"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("b28_cosmetic", "b28_dusky"), "medical", "emergency", 5, window=12, ordered=True,
          service="115", at_second=True),
    Combo(("b28_cosmetic", "methanol"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", at_second=True),
    Combo(("b28_burst", "sick"), "medical", "emergency", 5, window=10, service="115"),
)
# fmt: on

# -- shut in, now out ------------------------------------------------------------------------
B28_OUT = phrases("""
    mở cửa ra, mở cửa xe ra, mở được cửa, bế ra, ẵm ra, lôi ra, kéo ra, đưa ra, bồng ra,
    mở ra thì, mở ra là, phá cửa ra
""")
_SHUT_IN = frozenset({"closed", "car", "elevator", "trapped"})
_STILL_IN = frozenset({"fire", "water", "trapped"})


def round28b_service(service: Service | None, hits: list[Hit], words: list[str]) -> Service | None:
    """Someone shut in (114), taken out, then a 115 sign: 115 (docstring)."""
    if service != "114" or not any(_SHUT_IN & h.entry.tags for h in hits):
        return service
    outs = [e for _, e in find(words, B28_OUT)]
    if not outs:
        return service
    out = min(outs)
    after = [h for h in hits if h.start >= out]
    if any(h.entry.alarm == "115" for h in after) and not any(
        _STILL_IN & h.entry.tags for h in after
    ):
        return "115"
    return service


# -- look-alikes -------------------------------------------------------------------------------
B28_TREATED = phrases("""
    mổ xong rồi, mổ xong, đã mổ xong, khâu xong rồi, khâu rồi, may mấy mũi rồi,
    khâu mấy mũi rồi, bó bột rồi, bó bột xong, băng bó rồi, băng bó xong, bó bột xong rồi,
    ra viện rồi, mổ nẹp vít rồi, bắt vít rồi, truyền máu xong, mổ xong xuôi
""")
# a snake's "mổ" is its strike ("con rắn mổ xong bò đi"), no operation
B28_STRIKERS = words("rắn rắng")
B28_SCRATCH = phrases("""
    chỉ trầy, chỉ bị trầy, chỉ trầy xước, chỉ xây xát, chỉ bầm, chỉ bị bầm, chỉ sưng nhẹ,
    chỉ u một cục, chỉ bị u, chỉ bị xước, chỉ xước, trầy sơ sơ, trầy chút xíu, chỉ sứt da
""")
B28_DOCTOR_SAID = phrases("""
    bác sĩ nói, bác sĩ bảo, bác sĩ kêu, bác sĩ dặn, bác sĩ chẩn đoán, bác sĩ kết luận,
    bác sỹ nói, bác sỹ bảo, bác sĩ nói là, bác sĩ khám nói, bác sĩ khám rồi
""")
B28_ASKS = words("xin hỏi hỗ trợ giúp giùm trợ cấp")
B28_NOTHING = phrases("hổng có gì, hông có gì, không có gì, chẳng có gì, không có chi, hổng có chi")
B28_NOTHING_ENDS = words("đâu hết cả")
B28_NOTHING_REACH = 4
B28_LIFE_EVENT = phrases("""
    hồi đẻ, hồi sanh, hồi mang bầu, hồi có bầu, hồi còn nhỏ, hồi nhỏ, hồi đi lính,
    hồi còn đi học, hồi đi học, hồi con gái, hồi mới cưới
""")
B28_BREAKS = words("giờ mà nhưng nay bây chừ rồi")
B28_TALK = phrases("""
    nói muốn chết, kêu muốn chết, than muốn chết, đòi chết, đòi tự tử, nói muốn tự tử,
    nói muốn tự vẫn, nói hổng muốn sống, nói không muốn sống, nói hông muốn sống
""")
B28_ASLEEP = phrases("đang ngủ, ngủ rồi, ngủ say, ngủ yên, đã ngủ, ngủ ngon")
B28_NOW = words("giờ bây chừ")
B28_ACTS = words("""
    uống thuốc thuốc dao kéo cắt lam treo dây nhảy leo lan sân thượng cầu sông xăng ga khí
    than nóc mái ngộ độc thắt cổ
""")


def _treated(ws: list[str]) -> list[tuple[int, int]]:
    return [(s, e) for s, e in find(ws, B28_TREATED) if not B28_STRIKERS & set(ws[:s])]


# a scratch says nothing of someone else badly hurt before it ("bị xe tông bất tỉnh còn tui
# chỉ trầy xíu")
B28_SERIOUS = words("bất tỉnh xỉu ngất sỉu gãy hôn mê co giật giựt thở máu chết cấp cứu")
B28_OTHER_ONE = words("còn người kia một ai")


def _scratch(ws: list[str]) -> list[tuple[int, int]]:
    return [
        (s, e) for s, e in find(ws, B28_SCRATCH) if not (B28_SERIOUS | B28_OTHER_ONE) & set(ws[:s])
    ]


def _doctor(ws: list[str]) -> list[tuple[int, int]]:
    return [(s, e) for s, e in find(ws, B28_DOCTOR_SAID) if B28_ASKS & set(ws[e:])]


def _nothing(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for s, e in find(ws, B28_NOTHING):
        end = closer(ws, e, B28_NOTHING_ENDS, B28_NOTHING_REACH)
        if end is not None:
            out.append((s, end + 1))
    return out


def _long_ago(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for s, e in find(ws, B28_LIFE_EVENT):
        start = max((k + 1 for k in range(s) if ws[k] in B28_BREAKS), default=0)
        out.append((start, e))
    return out


def _talk_asleep(ws: list[str]) -> list[tuple[int, int]]:
    if B28_ACTS & set(ws):
        return []
    out = []
    for s, e in find(ws, B28_TALK):
        for a, b in find(ws, B28_ASLEEP):
            if a >= e and B28_NOW & set(ws[e:a]):
                out.append((s, b))
    return out


def round28b_marks(words_: list[str]) -> Marks:
    """Treated already, only a scratch, a doctor's word then a request, talk of dying while
    asleep now (``resolved``), nothing urgent denied (``mistaken``), long ago by a life event
    (``past``) (docstring)."""
    return {
        "resolved": _treated(words_) + _scratch(words_) + _doctor(words_) + _talk_asleep(words_),
        "mistaken": _nothing(words_),
        "past": _long_ago(words_),
    }
