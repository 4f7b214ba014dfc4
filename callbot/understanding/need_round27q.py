"""Emergencies the rules missed and false alarms, as writer Z (a nurse) said them (round 27Q
of issue 13). The entries and combos are read by :mod:`.need_lexicon`, :func:`round27q_marks`
by :mod:`.need_marks` and :func:`round27q_revise` after the other revisers.

Missed emergencies:

- **A snatcher dragging the victim (113)** : "thằng đó giựt túi bà già rồi lôi lê bà ngoài
  đường", "nó giật dây chuyền còn giằng co": a snatch with, within 12 words, dragging or a
  tug still going on ("kéo lê", "lôi lê", "đang giằng co").
- **Dried out (115)** : "ói với tiêu chảy cả đêm mắt trũng": vomiting and diarrhoea said
  together read as round 27N's many stools; two signs of round 22C's dried-out child
  ("thóp lõm", "khóc hông ra nước mắt", "hổng có nước mắt") together.
- **A fall, unable to get up (115)** : "ông té trong phòng tắm hổng dậy nổi": "{k} dậy nổi"
  joins round 23E's cannot rise; "nằm dưới sàn", "nằm trên nền" join its lying.
- **A limb turned the wrong way (115)** : "té xong bàn chân xoay ngược ra ngoài": joins round
  27N's bent limb.
- **Snoring and not waking (115)** : "ổng ngủ ngáy khò khò lay hoài hông tỉnh": snoring is no
  sound sleep when tried again and again to wake (the "asleep" marks go).
- **Insulin, then shaking (115)** : "chích thuốc đường rồi hông ăn giờ run lẩy bẩy": the
  southern "thuốc đường" is insulin.
- **A swollen belly, green vomit (115)** : "bụng chướng căng ói ra dịch xanh".
- **Arm weak and slurred speech (115)** : "giơ tay lên hông nổi nói lè nhè": more stroke signs.
- **Followed, then run off the road (113)** : "có người chạy xe theo rồi ép tui vô lề".
- **Racing heart, about to fall (115)** : "tim đập loạn xạ xây xẩm mặt mày" (the racing heart
  is round 27N's ``n27_palpitation``, whose table holds this round's ways of saying it too).
- **A newborn with fever (115)** : "con mới đẻ được một tuần sốt hầm hập", "bé chưa đầy tháng
  sốt nóng"; "bú ít", "bú yếu" join round 22C's listless.
- **Black stool, then fainting (115)** : "đi cầu phân đen như hắc ín rồi ngất": a colour
  likened ("đen như hắc ín", "vàng như nghệ", "tím như") describes the body, it is no
  figure, so the fainting after it stands; black stool with dizziness is an emergency too.
- **A wild animal in the house, people afraid (114)** : "con trăn bò vô bếp hông ai dám bắt",
  "ong bay vô phòng tụi nhỏ la khóc": round 21B's beasts with children crying or nobody
  daring.
- **Purple spots** : "nổi chấm đỏ tím", "đốm tím" join round 27P's purple spots, which a
  fever or a listless child makes 115 ("sốt nóng như lửa nằm li bì nổi chấm đỏ tím").
- **Soaked in blood (115)** : "máu ướt đẫm cái quần", "máu thấm đẫm áo".
- **A broken glass thrust at people (113)** : "cầm chai bể dí người ta", "miểng chai quơ".
- **Burnt by a flash (115)** : "bị lửa táp mặt cháy đen", "bị lửa tạt hai tay phồng rộp": a
  person caught by a flash ("bị lửa táp", not "lửa bén vô" a house, which is the fire) with
  charred or blistered skin; the fire put out leaves the burns.

- **Not breathing at all (115)** : "nó hông có thở gì hết", "hổng có nhúc nhích gì hết": "{k}
  có thở" reads as "không thở" (the denial of round 27Q below leaves an absence be).

Look-alikes, calm:

- **Denied** : "tui hông có đau ngực gì hết", "hông phải ai ngộ độc đâu": a ``mistaken`` span
  from "hông có" to "gì hết" (from "hông phải" to "đâu") over at most 6 words; not when the
  sign denied is an absence ("hông có thở gì hết" is not breathing).
- **Hearsay, general** : "nghe nói ăn nấm lạ bị ngộ độc mà chợ còn bán": what is known of
  eating or drinking, up to "mà" (``media``).
- **The wreck, not the man** : "người ta chở ông đi viện rồi mà xe còn nằm giữa đường".
- **Said big** : "nóng muốn sốc nhiệt luôn", "thi xong mệt xỉu luôn á".
- **Near term, no money left** : "bầu chín tháng sắp sanh mà hông còn đồng nào" (``feared``).
"""

from __future__ import annotations

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Combo, Entry, entry, pairings
from callbot.understanding.need_time_marks import Marks, closer, find
from callbot.understanding.need_time_words import phrases, words

__all__ = ["Q27_COMBOS", "Q27_ENTRIES", "round27q_marks", "round27q_revise"]

# fmt: off
_SNATCH = pairings(
    ("giựt", "dựt"), ("giỏ", "bóp", "ví", "cái túi", "bông tai", "nón", "cái nón"),
) + ", dựt túi, dựt dây chuyền, dựt điện thoại, giật bóp, giật ví, giật bông tai"
_DRAG = """
    kéo lê, lôi lê, kéo lết, lôi xềnh xệch, kéo xềnh xệch, đang giằng co, còn giằng co,
    còn đang giằng co, vẫn giằng co, đang giành giật, đang giằng, kéo té
"""
_RUNS = pairings(
    ("ói", "nôn", "ói mửa"),
    ("tiêu chảy", "với tiêu chảy", "và tiêu chảy", "rồi tiêu chảy", "đi ngoài", "ỉa chảy"),
) + ", vừa ói vừa tiêu chảy, tiêu chảy với ói, tiêu chảy ói mửa, tiêu chảy rồi ói"
_CANNOT_RISE = "{k} dậy nổi, {k} đứng lên nổi, đứng lên {k} nổi, {k} lồm cồm dậy nổi"
_LYING = pairings(
    ("nằm", "nằm dài", "nằm sải"), ("dưới sàn", "trên sàn", "dưới nền", "trên nền", "dưới sàn nhà"),
)
_BENT = """
    xoay ngược, chân xoay ngược, bàn chân xoay ngược, xoay ra ngoài, chân xoay ra ngoài,
    bàn chân xoay ra ngoài, vẹo qua một bên, vẹo hẳn ra, lệch hẳn qua
"""
_INSULIN = """
    chích thuốc đường, tiêm thuốc đường, chích đường, chích thuốc hạ đường, tiêm thuốc hạ đường,
    chích ống đường
"""
_BLOATED = pairings(
    ("bụng chướng", "bụng căng", "bụng phình"),
    ("căng", "căng tròn", "tròn", "to", "lên", "to lên", "như cái trống", "ì"),
) + ", bụng chướng, bụng căng tròn"
_STROKE = """
    giơ lên {k} nổi, {k} giơ lên nổi, nhấc lên {k} nổi, {k} nhấc lên nổi, giơ tay lên {k} nổi,
    nói chuyện lè nhè, nói lè nhè, nói chuyện đớ, nói ngọng líu, nói líu lưỡi
"""
_FORCED = pairings(
    ("ép", "ép xe", "ép sát", "tạt", "tạt đầu"),
    ("tui vô lề", "xe tui vô lề", "vô lề", "tui té", "xe tui té", "tui xuống ruộng"),
)
_FAINTISH = """
    chóng mặt muốn té, chóng mặt muốn ngã, chóng mặt muốn ngất,
    tối sầm mặt mày, tối sầm, choáng váng muốn té, đứng {k} vững, muốn té
"""
_NEWBORN = """
    mới đẻ được, mới sanh được, mới sinh được, chưa đầy tháng, chưa đầy tháng tuổi,
    mới lọt lòng, mới đẻ mấy ngày, đẻ được mấy ngày, mới đầy tuần
"""
_FEVER = "sốt nóng như lửa, sốt hâm hấp, sốt nóng hổi, sốt cao nóng"
_WEAK_FEED = "bú ít, bú yếu, bú kém, bú chút xíu, bú được chút xíu, bú yếu lắm, bú ít lắm"
_DRY_EYES = "{k} ra nước mắt, {k} có nước mắt, khóc mà {k} ra nước mắt"
_NOT_AT_ALL = "{k} có thở, {k} có cử động, {k} có nhúc nhích, {k} có phản ứng, {k} có cục cựa"
_MELENA = """
    phân đen, đi cầu phân đen, đi cầu ra phân đen, đi ngoài phân đen, đi cầu đen thui,
    phân đen thui, phân đen như hắc ín, đi cầu ra phân đen thui
"""
_CRY = pairings(
    ("tụi nhỏ", "con nít", "tụi con nít", "học sinh", "mấy đứa nhỏ", "bọn trẻ", "em bé"),
    ("la khóc", "khóc thét", "la hét", "khóc la", "la ầm"),
)
_DARE_NOT = pairings(
    ("hông ai", "hổng ai", "không ai", "chẳng ai"), ("dám bắt", "dám đụng", "dám lại gần"),
)
_SWARM = "ong bay vô, ong bay tràn vô, ong tràn vô, ong bu kín, ong vỡ tổ, ong rượt"
# purple spots join round 27P's ``p27_purple`` (written side by side: 27P reads "chấm tím",
# "nốt tím"), which a fever or a listless child makes 115 there
_RASH = "chấm đỏ tím, nổi chấm đỏ tím, đốm tím, nổi đốm tím, ban đỏ tím"
_SOAKED = """
    máu ướt đẫm, máu ướt sũng, máu thấm đẫm, máu ướt nhẹp, máu ướt hết, máu đẫm, máu thấm ướt
"""
_SHARD = """
    ly bể, chai bể, miểng chai, mảnh chai, cổ chai bể, miểng ly, chai bia bể, miểng kính,
    mảnh ly bể
"""
_FLASH = pairings(("bị lửa", "bị ngọn lửa"), ("táp", "tạt", "phựt", "phụt"))
_CHARRED = pairings(
    ("tay", "hai tay", "mặt", "người", "da", "chân", "lưng", "ngực", "cổ"),
    ("cháy đen", "cháy xém", "tróc da", "lột da", "cháy sém"),
)
_WRECK = pairings(
    ("xe", "cái xe", "chiếc xe"),
    ("còn nằm giữa đường", "nằm giữa đường", "vẫn nằm giữa đường", "còn nằm ngoài đường",
     "còn nằm đó", "nằm chắn đường", "còn nằm chắn đường"),
)
_BIG = "muốn sốc nhiệt, muốn say nắng, mệt xỉu, muốn sốc"

Q27_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _SNATCH, tags="q27_snatch", fold="tone"),
    entry(None, "normal", 0, _DRAG, tags="q27_drag", fold="tone"),
    entry("medical", "normal", 3, _RUNS, tags="sick n27_runs", fold="tone"),
    entry(None, "normal", 0, _CANNOT_RISE, tags="e23_cannot_rise", fold="tone"),
    entry(None, "normal", 0, _LYING, tags="e23_lying", fold="tone"),
    entry(None, "normal", 0, _BENT, tags="n27_bent", fold="tone"),
    entry(None, "normal", 0, _INSULIN, tags="insulin", fold="tone"),
    entry(None, "normal", 0, _BLOATED, tags="q27_bloated", fold="tone"),
    entry(None, "normal", 0, _STROKE, tags="stroke_sign", fold="tone"),
    entry(None, "normal", 0, _FORCED, tags="q27_forced", fold="tone"),
    entry(None, "normal", 0, _FAINTISH, tags="q27_faintish", fold="tone"),
    entry(None, "high", 0, _NEWBORN, tags="person who q27_newborn", fold="tone"),
    entry(None, "normal", 0, _FEVER, tags="c22_fever", fold="tone"),
    entry(None, "normal", 0, _WEAK_FEED, tags="c22_listless", fold="tone"),
    entry(None, "normal", 0, _DRY_EYES, tags="c22_sunken", fold="tone"),
    entry("medical", "emergency", 5, _NOT_AT_ALL, tags="sick", fold="tone"),
    entry(None, "normal", 0, _MELENA, tags="q27_melena", fold="tone"),
    entry(None, "normal", 0, _CRY, tags="q27_cry", fold="tone"),
    entry(None, "normal", 0, _DARE_NOT, tags="h25_dare_not", fold="tone"),
    entry(None, "normal", 0, _SWARM, tags="b21_beast", fold="tone"),
    entry(None, "normal", 0, _RASH, tags="p27_purple", fold="tone"),
    entry("medical", "emergency", 5, _SOAKED, tags="sick", fold="tone"),
    entry(None, "normal", 0, _SHARD, tags="q27_shard", fold="tone"),
    entry(None, "normal", 0, _FLASH, tags="q27_flash", fold="tone"),
    entry(None, "normal", 0, _CHARRED, tags="q27_charred", fold="tone"),
    entry(None, "normal", 0, _WRECK, fold="tone"),
    entry("medical", "emergency", 5, _BIG, tags="sick hyperbole", fold="tone"),
)

Q27_COMBOS: tuple[Combo, ...] = (
    Combo(("q27_snatch", "q27_drag"), "violation", "emergency", 5, window=12, ordered=True,
          service="113"),
    Combo(("c22_sunken", "c22_sunken"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("insulin", "hypo_sign"), "medical", "emergency", 5, window=16, ordered=True,
          service="115", at_second=True),
    Combo(("insulin", "sweat"), "medical", "emergency", 5, window=16, ordered=True,
          service="115", at_second=True),
    Combo(("q27_bloated", "n27_green"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("follow", "q27_forced"), "violation", "emergency", 5, window=None, ordered=True,
          service="113"),
    Combo(("n27_palpitation", "q27_faintish"), "medical", "emergency", 5, window=12,
          service="115"),
    Combo(("q27_newborn", "c22_fever"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("e23_born", "c22_fever"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("q27_newborn", "c22_listless"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("n27_palpitation", "b21_fainting"), "medical", "emergency", 5, window=12,
          service="115"),
    Combo(("q27_melena", "b21_fainting"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("q27_melena", "q27_faintish"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("b21_beast", "q27_cry"), "other", "emergency", 5, window=16, service="114"),
    Combo(("q27_shard", "hold"), "violation", "emergency", 5, window=2, ordered=True,
          service="113"),
    Combo(("q27_flash", "q27_charred"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", at_second=True),
    Combo(("q27_flash", "extent"), "medical", "emergency", 5, window=8, ordered=True,
          service="115", at_second=True),
    Combo(("q27_flash", "l27_blister"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", at_second=True),
)
# fmt: on

# -- denied ------------------------------------------------------------------------------------
Q27_NO_SIGN = phrases("hông có, hổng có, không có, chẳng có, khong co, hong co")
Q27_NO_SUCH = phrases("""
    hông phải, hổng phải, không phải, chẳng phải, hông có phải, không có phải, khong phai,
    hong phai
""")
Q27_WHAT = words("gì gi")  # "hông có đau ngực gì hết": "gì" before the closer
Q27_ALL = words("hết đâu cả het dau ca")
Q27_NOT_SO = words("đâu dau")
# an absence denied is the sign itself ("hông có thở gì hết", "hông có phản ứng gì hết")
Q27_ABSENCE = words("thở tho mạch tỉnh dậy phản cử nhúc cục động mở nói khóc ai")
Q27_DENIED_REACH = 6


def _denied(ws: list[str]) -> list[tuple[int, int]]:
    """ "tui hông có đau ngực gì hết", "hông phải có ai ngộ độc đâu" (docstring)."""
    out = []
    for s, e in find(ws, Q27_NO_SIGN):
        k = closer(ws, e + 1, Q27_ALL, Q27_DENIED_REACH - 1)
        if k is not None and ws[k - 1] in Q27_WHAT and not Q27_ABSENCE & set(ws[e:k]):
            out.append((s, k + 1))
    for s, e in find(ws, Q27_NO_SUCH):
        k = closer(ws, e + 1, Q27_NOT_SO, Q27_DENIED_REACH - 1)
        if k is not None:
            out.append((s, k + 1))
    return out


# -- hearsay of what is known -------------------------------------------------------------------
Q27_GENERAL = words("ăn uống xài dùng hít chích")
Q27_BUT = words("mà nên")


def _known(ws: list[str]) -> list[tuple[int, int]]:
    """ "nghe nói ăn cá nóc bị ngộ độc mà ...": general knowledge up to "mà" (docstring)."""
    out = []
    for s, e in find(ws, tw.HEARD):
        if e < len(ws) and ws[e] in Q27_GENERAL:
            end = next((k for k in range(e, len(ws)) if ws[k] in Q27_BUT), None)
            if end is not None:
                out.append((s, end))
    return out


# -- near term, no money left -------------------------------------------------------------------
Q27_BIRTH = phrases("sắp sanh, sắp sinh, sắp đẻ, gần sanh, gần sinh, gần đẻ, sắp xanh")
Q27_CARRYING = words("bầu thai")
Q27_BROKE = phrases("""
    hông còn đồng nào, không còn đồng nào, hổng còn đồng nào, hông còn tiền, không còn tiền,
    hổng còn tiền, hết sạch tiền, cạn tiền, hông còn một đồng, không còn một đồng
""")
Q27_LABOUR = words("đau rặn quặn ối nước máu dạ")


def _near_term(ws: list[str]) -> list[tuple[int, int]]:
    if not find(ws, Q27_BROKE) or Q27_LABOUR & set(ws):
        return []
    return [(s, e) for s, e in find(ws, Q27_BIRTH) if Q27_CARRYING & set(ws[:s])]


def round27q_marks(words_: list[str]) -> Marks:
    """Denied, hearsay of what is known, near term without money (docstring)."""
    return {
        "mistaken": _denied(words_),
        "media": _known(words_),
        "feared": _near_term(words_),
    }


# -- revised: snoring and not waking, a colour likened --------------------------------------
Q27_SNORING = words("ngáy")
Q27_TRIED = phrases("""
    kêu hoài, lay hoài, gọi hoài, kêu mãi, gọi mãi, lay mãi, kêu mấy lần, gọi mấy lần,
    lay mấy lần, lay mạnh, kêu lớn, kêu muốn bể họng
""")
Q27_NOT_WAKING = phrases("""
    hông dậy, không dậy, hổng dậy, chẳng dậy, hông tỉnh, không tỉnh, hổng tỉnh, hông mở mắt,
    không mở mắt, hổng mở mắt
""")


Q27_COLOURS = words("đen thui vàng tím ngắt bệch xanh")


def round27q_revise(marks: Marks, words_: list[str]) -> Marks:
    """Snoring tried in vain to wake is no sleep; a colour likened is no figure (docstring)."""
    out = dict(marks)
    tried = find(words_, Q27_TRIED)
    woke_not = find(words_, Q27_NOT_WAKING)
    if Q27_SNORING & set(words_) and any(t < w for t, _ in tried for w, _ in woke_not):
        out.update(asleep=[], sound_asleep=[])
    out["simile"] = [
        (s, e) for s, e in marks.get("simile", []) if not (s and words_[s - 1] in Q27_COLOURS)
    ]
    return out
