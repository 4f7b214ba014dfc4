"""Emergencies the rules missed and services they got wrong, as the fourteenth development
part's writers N and O said them (round 23E of issue 13). The entries and combos are read by
:mod:`.need_lexicon`, :func:`round23e_revise` by :mod:`.need_marks`, :func:`round23e_service`
by :func:`.need._decide`.

- **A covert call** : "có hai thằng kè em bắt rút tiền em giả bộ gọi điện cho mẹ", "nó còn
  đứng ngoài cửa tui giả bộ gọi con": "giả bộ" / "giả vờ" before a call ("gọi", "nói
  chuyện", "nhắn") is the caller hiding the call from the offender, no drill, and the call it
  names is no remote story.
- **A plea by message** : "giờ nó nhắn tin cầu cứu nói bị nhốt ở nhà nghỉ": a message or call
  begging for help ("nhắn tin cầu cứu", "gọi kêu cứu") is no story read on the net.
- **A motel is no home, papers held no question** : "em đang ở nhà nghỉ mấy người đàn ông
  giữ giấy tờ": "đang ở nhà" followed by "nghỉ" is no safe place, and papers held ("giữ
  giấy tờ", "lấy giấy tờ") are no question about papers.
- **A mistaken belief ends at now** : "bị cả đám đánh vì tưởng ăn trộm giờ người ta tản ra
  hết rồi ổng nằm bất động": the mistaken stretch ends at "giờ" when the attackers are said
  to leave after it (not "tưởng rượu giờ ói ra": the belief and the harm are one scene).
- **A thing run over** : "cái xe của tui bị xe tải cán qua bể bánh", "con chó bị xe hơi
  cán": this round's "bị xe tải cán" said of a vehicle, a thing or a beast named just before
  is marked ``mistaken``.
- **Struck and lying there** (115): a vehicle hit someone ("bị xe hơi tông", "bị xe đụng
  văng ra") and they lie there ("nằm giữa đường", "nằm ngay đây", "đang nằm la"); a fall from
  high ("té từ giàn giáo", "rớt từ trên mái") and lying or not getting up; an old person
  fallen who cannot get up or crawl to the door ("té ... bò hổng tới cửa").
- **Signs told plainly** (115): run over ("bị xe tải cán", "xe buýt cán chân"); a finger cut
  off ("ngón tay đứt", "đứt lìa"); a burnt face or body ("phỏng cái mặt", "bỏng khắp
  người"); shot ("trúng đạn"); a newborn that does not cry ("vợ tui sanh rồi ... đứa nhỏ
  hông khóc").
- **Told plainly** (113): still beating now ("giờ vẫn còn đánh"); a person chained ("có
  người bị xích trong chuồng chó"); forced into prostitution ("bắt đi tiếp khách"); throwing
  glasses or chairs ("đang ném ly", "đang chọi ghế"); climbing in and carrying goods off
  ("trèo vô kho ... đang khiêng đồ ra xe").
- **A venomous snake where people sleep** (114): a cobra added to round 21B's beasts, so that
  "con rắn hổ mang chui vô nhà nó đang nằm dưới gầm giường" is a rescue (round 22C's combo).
- **A past stretch ends where the attackers leave** : "hồi nãy tụi nó bắn một phát rồi chạy
  mất ông chủ tiệm trúng đạn vô vai": what follows "rồi chạy mất" is how the victim is now,
  unless a chase or a return is told after it ("nó chạy mất rồi mà ba tui rượt theo").
- **Which number** (:func:`round23e_service`): the attacker or the driver gone ("rồi bỏ
  chạy", "chạy mất rồi", "tài xế bỏ chạy", "nó đi nhậu rồi", "người ta tản ra hết rồi") with
  nothing of the attack said after it, and a body hurt (a sign, a wound, or a wounding attack:
  acid, a wheel, a blade) is 115; a lost elder found lying hurt ("đi lạc ... thấy ổng nằm
  ... lạnh ngắt") is 115; a crash ("tông vô xe tải") with a body hurt and no attacker is 115.
- **Grabbed, then still followed** (113, the retrained model's check): a hand seized ("kéo
  tay con", "túm tay em"), then the follower named and still after them ("mà ổng vẫn theo",
  "nó vẫn bám theo"); a parent's or grandparent's hand ("ông ngoại nắm tay con") is none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = [
    "E23_COMBOS",
    "E23_ENTRIES",
    "round23e_revise",
    "round23e_service",
]

# -- marks: a covert call, a plea by message, a motel -----------------------------------------
E23_CALLING = words("gọi nói nhắn nghe alo")
E23_PLEA = phrases("cầu cứu, kêu cứu, xin cứu, kêu cứu giùm, cứu em, cứu con, cứu tui")
E23_PLEA_REACH = 4
E23_NOT_HOME = words("nghỉ")
E23_SEIZED = words("giữ lấy thu tịch giựt giật")
E23_NOW = words("giờ")
E23_VEHICLES = ("xe hơi", "xe tải", "xe buýt", "xe máy", "xe ben", "xe container", "ô tô")
E23_RUN_OVER = phrases(", ".join(f"bị {v} cán" for v in E23_VEHICLES))
# run over, but a thing or a beast: "cái xe của tui bị xe tải cán qua bể bánh"
E23_THINGS = phrases("""
    cái xe, chiếc xe, xe của, xe đạp, con chó, con mèo, con gà, con vịt, con heo, cái thùng
""")
E23_THING_REACH = 6


def _drop(marks: Marks, key: str, gone: list[tuple[int, int]]) -> Marks:
    """``marks`` without the spans ``gone`` of ``key``."""
    if not gone:
        return marks
    return {**marks, key: [sp for sp in marks.get(key, []) if sp not in gone]}


def round23e_revise(marks: Marks, words_: list[str]) -> Marks:
    """``marks`` with a covert call no drill, a plea by message no remote story, a motel no
    safe home (module docstring)."""
    covert = [(s, e) for s, e in marks.get("drill", []) if E23_CALLING & set(words_[e : e + 2])]
    marks = _drop(marks, "drill", covert)
    calls = [(s, e) for s, e in marks.get("remote", []) if any(s <= c <= s + 3 for _, c in covert)]
    pleas = [s for s, _ in find(words_, E23_PLEA)]
    if pleas:
        for key in ("remote", "on_media"):
            near = [
                (s, e)
                for s, e in marks.get(key, [])
                if any(0 <= p - e <= E23_PLEA_REACH for p in pleas)
            ]
            marks = _drop(marks, key, near + (calls if key == "remote" else []))
    else:
        marks = _drop(marks, "remote", calls)
    motel = [(s, e) for s, e in marks.get("safe", []) if E23_NOT_HOME & set(words_[e : e + 1])]
    marks = _drop(marks, "safe", motel)
    seized = [(s, e) for s, e in marks.get("topic", []) if E23_SEIZED & set(words_[s - 1 : s])]
    marks = _drop(marks, "topic", seized)
    things = [
        (a, b)
        for a, b in find(words_, E23_RUN_OVER)
        if find(words_[max(0, a - E23_THING_REACH) : a], E23_THINGS)
    ]
    if things:
        marks = {**marks, "mistaken": [*marks.get("mistaken", []), *things]}
    if marks.get("past"):
        marks = {**marks, "past": [_cut_left(sp, words_) for sp in marks["past"]]}
    if marks.get("mistaken"):
        marks = {**marks, "mistaken": [_cut_now(sp, words_) for sp in marks["mistaken"]]}
    return marks


def _cut_left(span: tuple[int, int], words_: list[str]) -> tuple[int, int]:
    """A past stretch ("hồi nãy tụi nó bắn một phát") ended where the attackers leave ("rồi
    chạy mất"): what is said after is how the victim is now ("ông chủ tiệm trúng đạn")."""
    s, e = span
    left = [b for a, b in find(words_, E23_LEAVING) if s < a and b < e]
    if not left or E23_STILL & set(words_[min(left) : e]):
        return span  # "nó chạy mất rồi mà ba tui rượt theo": the chase is the same past
    return s, min(left)


def _cut_now(span: tuple[int, int], words_: list[str]) -> tuple[int, int]:
    """A mistaken belief ("vì tưởng ăn trộm") ended where the scene turns to now and the
    attackers leave ("giờ người ta tản ra hết")."""
    s, e = span
    turn = next((k for k in range(s + 1, e) if words_[k] in E23_NOW), e)
    if not any(turn < a and b <= e for a, b in find(words_, E23_LEAVING)):
        return span  # "tưởng rượu giờ ói ra": no one leaves, the belief is all one scene
    return s, turn


# -- signs told plainly --------------------------------------------------------------------------
_VEHICLES = ("xe", "xe hơi", "xe tải", "xe buýt", "xe máy", "xe ben", "xe container", "ô tô")
_STRUCK = (
    ", ".join(f"bị {v} {verb}" for v in _VEHICLES for verb in ("tông", "đụng", "húc", "tông trúng"))
    + ", đụng văng ra, tông văng ra, tông văng, đụng văng"
)
_LYING = """
    nằm giữa đường, nằm ngay đây, nằm ngay đó, nằm dưới đường, nằm la, đang nằm la,
    nằm đó chưa dậy, nằm đó hông dậy, nằm một đống, nằm sóng soài, văng ra nằm,
    nằm lề đường, nằm bên lề, nằm rên, nằm đó rên
"""
_FELL_FROM = """
    té từ, rớt từ, ngã từ, rơi từ, té trên giàn giáo, rớt giàn giáo, té xuống từ,
    rớt xuống từ, rớt từ mái
"""
_CANNOT_RISE = """
    bò {k} tới, lết {k} tới, bò {k} ra tới, lết {k} ra, {k} đứng dậy nổi, {k} ngồi dậy nổi,
    {k} tự dậy nổi, {k} gượng dậy nổi, ngồi dậy {k} nổi, dậy {k} nổi
"""
_RUN_OVER = (
    ", ".join(f"bị {v} cán" for v in _VEHICLES[1:])
    + """,
    cán chân, cán lên tay, cán đầu, cán ngang bụng, cán lên bụng
"""
)
_AMPUTATED = """
    đứt ngón tay, ngón tay đứt, ngón tay bị đứt, cụt ngón, đứt mất ngón,
    đứt hai ngón, đứt một ngón, đứt ba ngón, máy cắt đứt, máy cắt tay, máy cắt trúng tay,
    máy dập đứt, máy cưa đứt, cưa đứt tay, đứt lìa ngón tay
"""
_BURNT_BODY = """
    phỏng cái mặt, phỏng mặt, bỏng cái mặt, bỏng mặt, phỏng nguyên cái mặt, phỏng hết mặt,
    bỏng hết mặt, phỏng hết người, bỏng hết người,
    phỏng rộp, bỏng rộp, mặt bỏng rát, mặt phỏng rát
"""
_SHOT = "trúng đạn, bị trúng đạn, dính đạn, lãnh đạn, bị bắn trúng, đạn trúng"
_BORN = """
    sanh rồi, sinh rồi, đẻ rồi, mới sanh, vừa sanh, vừa đẻ, vừa sinh, sanh dồi, đẻ dồi
"""
_SILENT_BABY = """
    {k} khóc, {k} chịu khóc, {k} biết khóc, {k} nghe khóc, {k} cựa
"""
# -- told plainly: 113 ---------------------------------------------------------------------------
_STILL_BEATING = """
    giờ vẫn còn đánh, giờ còn đánh, giờ vẫn đánh, giờ còn đang đánh, bây giờ vẫn còn đánh,
    bây giờ còn đánh, mà giờ vẫn đánh, giờ vẫn đang đánh, giờ vẫn còn đáng, giờ còn quánh,
    giờ vẫn còn quánh
"""
_CHAINED = """
    bị xích trong chuồng chó, có người bị xích, người bị xích, bị xích như chó,
    xích như con chó, bị xiềng, bị xiềng xích, bị xích trong phòng,
    bị xích trong nhà
"""
_TRAFFICKED = """
    bắt đi tiếp khách, bắt tiếp khách, ép tiếp khách, ép đi tiếp khách, bắt bán dâm,
    ép bán dâm, ép làm gái, bắt làm gái, ép đi khách, bắt đi khách
"""
_THROWING = ", ".join(
    f"đang {v} {o}"
    for v in ("ném", "chọi", "liệng", "quăng", "đập")
    for o in ("ly", "chai", "ghế", "chén", "dĩa")
)
_SNAKES = """
    rắn hổ mang, con rắn hổ mang, rắn hổ mang chúa, hổ mang chúa, rắn độc, con rắn độc,
    rắn lục, con rắn lục, rắn cạp nong, rắn hổ đất
"""
_CLIMBED_IN = "trèo vô, leo vô, trèo vào, leo vào"
# A child or the caller grabbed, then still followed (the retrained model's check: "ông kia cứ
# đi theo con nãy giờ kéo tay con con giật ra chạy mà ổng vẫn theo"): a hand seized, then the
# follower (named: "ổng", "nó", "ông kia") still after them now; a parent's "nắm tay con" is none.
_STILL_FOLLOWING = pairings(
    ("ổng", "nó", "hắn", "gã", "ông kia", "thằng kia", "ông đó", "thằng đó", "người đó",
     "tụi nó", "mấy thằng đó", "ông lạ", "người lạ"),
    ("vẫn theo", "vẫn đi theo", "vẫn bám theo", "vẫn chạy theo", "còn đi theo", "còn bám theo",
     "còn chạy theo", "cứ theo hoài", "vẫn còn theo", "vẫn rượt theo"),
)  # fmt: skip
_GRABBED = ", ".join(
    f"{verb} tay {who}"
    for verb in ("kéo", "nắm", "níu", "lôi", "túm", "chụp", "giật")
    for who in ("con", "cháu", "tui", "tôi", "bé", "nó", "em")
    if f"{verb} tay {who}" not in ("kéo tay em", "nắm tay em")  # need_witnessed's "grab"
)

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
E23_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 3, _RUN_OVER, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 3, _AMPUTATED, tags="sick wound", fold="tone",
          service="115"),
    entry("medical", "emergency", 3, _BURNT_BODY, tags="sick burn", fold="tone",
          service="115"),
    entry("medical", "emergency", 3, _SHOT, tags="sick wound", fold="tone", service="115"),
    entry("violation", "emergency", 3, _STILL_BEATING, tags="violence", fold="tone",
          service="113"),
    entry("violation", "emergency", 3, _CHAINED, tags="crime captive", fold="tone",
          service="113"),
    entry("violation", "emergency", 3, _TRAFFICKED, tags="crime captive", fold="tone",
          service="113"),
    entry("violation", "emergency", 3, _THROWING, tags="violence", fold="tone", service="113"),
    entry(None, "normal", 0, _STRUCK, tags="e23_struck", fold="tone"),
    entry(None, "normal", 0, _LYING, tags="e23_lying", fold="tone"),
    entry(None, "normal", 0, _FELL_FROM, tags="e23_fell_from", fold="tone"),
    entry(None, "normal", 0, _CANNOT_RISE, tags="e23_cannot_rise", fold="tone"),
    entry(None, "normal", 0, _BORN, tags="e23_born", fold="tone"),
    entry(None, "normal", 0, _SILENT_BABY, tags="e23_silent_baby", fold="tone"),
    entry(None, "normal", 0, _SNAKES, tags="b21_beast", fold="tone"),
    entry(None, "normal", 0, _CLIMBED_IN, tags="e23_climbed_in", fold="tone"),
    entry(None, "normal", 0, _GRABBED, tags="e23_grabbed", fold="tone"),
    entry(None, "normal", 0, _STILL_FOLLOWING, tags="e23_still_following", fold="tone"),
)

E23_COMBOS: tuple[Combo, ...] = (
    Combo(("e23_struck", "e23_lying"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", gives=frozenset({"sick", "wound"})),
    Combo(("e23_fell_from", "e23_lying"), "medical", "emergency", 5, window=14, ordered=True,
          service="115", gives=frozenset({"sick", "wound"})),
    Combo(("fall", "b21_fainting"), "medical", "emergency", 5, window=6, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("fall", "e23_cannot_rise"), "medical", "emergency", 5, window=10, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("birth", "e23_silent_baby"), "medical", "emergency", 5, window=12, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("e23_born", "e23_silent_baby"), "medical", "emergency", 5, window=12, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("e23_climbed_in", "thief_at_work"), "violation", "emergency", 5, window=14,
          ordered=True, service="113", gives=frozenset({"crime"})),
    Combo(("e23_grabbed", "e23_still_following"), "violation", "emergency", 5, window=12,
          ordered=True, service="113", gives=frozenset({"crime"})),
    Combo(("grab", "e23_still_following"), "violation", "emergency", 5, window=12,
          ordered=True, service="113", gives=frozenset({"crime"})),
)
# fmt: on

# -- which number ------------------------------------------------------------------------------
E23_LEAVING = phrases("""
    rồi bỏ chạy, xong bỏ chạy, bỏ chạy rồi, bỏ chạy mất, tài xế bỏ chạy, chạy mất rồi,
    rồi chạy mất, xong chạy mất, rồi chạy luôn, chạy luôn rồi, bỏ đi rồi, rồi bỏ đi,
    xong bỏ đi, đi nhậu rồi, tản ra hết, bỏ trốn rồi, rồi bỏ trốn, rồ ga chạy, phóng xe chạy,
    chạy mất tiêu, đi mất rồi, rồi đi mất
""")
E23_STILL = words("còn vẫn quay lại trở lại rượt đuổi")
E23_WOUNDING = words("tạt axit a xít cán tông đụng chém đâm bắn")
E23_BODY = frozenset({"sick", "wound", "burn", "unresponsive", "b21_fainting", "e23_lying"})
E23_LOST = words("lạc")
E23_FOUND = phrases("thấy ổng, thấy bả, thấy nó, tìm thấy, thấy ông, thấy bà, thấy ảnh, thấy chỉ")
E23_CRASH = words("tông đụng húc va")
E23_ATTACKER = frozenset({"perpetrator", "violence"})


def _said(hit: Hit, words_: list[str]) -> set[str]:
    return set(words_[hit.start : hit.end])


def _fled(attacks: list[Hit], hits: list[Hit], words_: list[str]) -> bool:
    """Whether the attackers are said to leave after every attack, nothing of them said after,
    and a body is hurt (a sign said, or a wounding attack)."""
    leaving = [(s, e) for s, e in find(words_, E23_LEAVING)]
    if not leaving:
        return False
    _, end = max(leaving)
    if any(h.start >= end for h in attacks) or E23_STILL & set(words_[end:]):
        return False
    hurt = any(E23_BODY & h.entry.tags or h.entry.alarm == "115" for h in hits)
    return hurt or any(E23_WOUNDING & _said(h, words_) for h in attacks)


def _lost_found(attacks: list[Hit], medical: list[Hit], words_: list[str]) -> bool:
    """Whether every attack is someone lost and they are found hurt ("thấy ổng nằm")."""
    found = [e for _, e in find(words_, E23_FOUND)]
    return (
        all(E23_LOST & _said(h, words_) for h in attacks)
        and bool(found)
        and any(h.start >= min(found) for h in medical)
    )


def _crash(attacks: list[Hit], hits: list[Hit], words_: list[str]) -> bool:
    """Whether every attack is a crash ("tông vô xe tải") and no attacker is named."""
    return all(E23_CRASH & _said(h, words_) for h in attacks) and not any(
        E23_ATTACKER & h.entry.tags and h not in attacks for h in hits
    )


def round23e_service(service: Service | None, hits: list[Hit], words_: list[str]) -> Service | None:
    """The number once this round's scenes are read (module docstring); ``service``
    otherwise."""
    if service != "113":
        return service
    urgent = [h for h in hits if h.entry.urgency == "emergency"]
    attacks = [h for h in urgent if h.entry.alarm == "113"]
    medical = [h for h in urgent if h.entry.alarm == "115"]
    if not attacks:
        return service
    if _fled(attacks, hits, words_):
        return "115"
    if medical and (_lost_found(attacks, medical, words_) or _crash(attacks, hits, words_)):
        return "115"
    return service
