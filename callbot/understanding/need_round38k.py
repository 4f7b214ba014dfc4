"""Round 38K of issue 13 (writer K of session 19: relayed calls, the caller is elsewhere and a
relative phoned or texted them, a neighbour hears through a wall, a passer-by sees across the
street: "má tui mới gọi nói là...", "bả nhắn tin nói...").

Entries (:data:`K38_ENTRIES`) and what they are read with (:data:`K38_COMBOS`):

- **About to jump** ("đứng trên sân thượng sắp nhảy xuống"): joins round 22C's
  ``c22_wants_jump``, read with a height as 114 (a rescue), not as a fall (115); alone
  ("đứng trên ghế sắp nhảy xuống") it is calm. "sắp nhảy lầu", "sắp gieo mình" (the floor is
  a height) and "sắp nhảy xuống sông/kênh/ao/giếng/biển" (a drowning) are 114 as they are:
  the lexicon's "nhảy lầu" and fall + water are read inside them. A pool ("hồ bơi") and a
  bare "sắp nhảy" (a dance) stay out.
- **Fallen and cannot get up** ("ổng té trong nhà hổng dậy được", "té dậy không được"): a
  fall, then "hổng dậy được" within six words: 115 ("hổng dậy" keeps the lexicon's
  ``unanswered``: "kêu hổng dậy được" is someone not woken). Said after a time long gone
  ("té mấy hôm rồi hổng dậy được", "té hồi tết tới giờ ..."): days, no fall now; "dựng xe
  hổng dậy được" is a bike.
- **A blood sugar beyond the meter** ("đường huyết cao quá máy đo hổng đọc được", "máy đo
  báo chữ hi"): the meter's words are a measure (high, as "máy đo"), and 115 after the sugar
  named (round 27N's ``n27_sugar``) or "đường (lên) cao quá máy (đo) hổng đọc được" (the
  everyday word). "sốt cao quá máy đo ...", "huyết áp cao quá ..." keep what they were.
- **Driven somewhere unknown and not let off** ("tài xế chở đi đâu lạ hoắc ... khóa cửa
  hổng cho xuống", "tắc xi chở tui chạy vòng vòng"): more ways of the lexicon's ``detour``
  (read with ``extort``'s "hổng cho xuống": 113), said of a hired driver or a ride given;
  a coach, a bus or a fair ride going round is no one held.
- **Dog thieves at work** ("băng trộm chó đang bắt chó nhà ổng còn xịt hơi cay vô mặt
  ổng"): a theft going on, 113 (as "đang trộm chó"), and the dog their loot, so an attack
  after it is no animal's business (round 10). "bắt chó" alone, ward dog catchers and a dog
  carried off ("cẩu tặc bắt chó chở đi mất") stay what they were.
- **A sudden headache, then a collapse** ("ôm đầu la đau rồi ngã xuống"): pain said ("la
  đau", "kêu nhức"), then "té/ngã/quỵ xuống": 115 (a bleed in the head). "ôm đầu la trời"
  (despair) and "thi rớt" are no part of it.

Marks (:func:`round38k_revise`):

- **Lured, then held** ("em tui gọi nói nó bị lừa vô một căn nhà ... nhốt hổng cho ra đòi
  tiền chuộc"): "lừa" followed by a way of going ("lừa vô", "lừa qua") names how someone was
  lured to where they are held, not a scam; a relative's call relaying it ("em tui gọi
  nói") is then not round 9's claimed kidnapping, unless someone is said safe after it.
  An unknown number ("số lạ gọi nói"), "tự xưng", "mạo danh" stay claims.
- **Up again after the knock** ("ôm đầu la đau rồi té xuống xong đứng dậy chơi tiếp", "...
  nín rồi"): over (``resolved``).

Services (:func:`round38k_service`, a number reviser):

- **A child climbing out of a window falls** ("thằng nhỏ leo cửa sổ té từ tầng hai xuống
  sân nằm im"): a child named, a climbing phrase that is not a climbing in ("leo cửa sổ vô
  nhà", "leo rào nhà tui"), a fall right after it, no stranger nor thief: 115.
- **A machine's blade cuts** ("máy cắt cỏ văng lưỡi chém đứt mấy ngón tay", "bị máy cưa
  ..."): every police word said a few words after a bladed machine ("máy cưa/cắt/xay", not
  "xe máy", "máy giặt"), by its blade ("văng lưỡi", "cuốn") or in the passive ("bị máy"),
  nobody wielding it ("cầm/nổ/ôm máy cưa"), no person before it nor attacker named: 115.
- **The attacker rode off, the victim bleeds** ("chồng chỉ đánh gãy mũi xong xách xe đi rồi
  giờ chỉ chảy máu hổng ngừng"): an attack, then a leaving on the bike (not "một thằng" of
  several, nobody left there: "còn mấy thằng kia", "vẫn đứng đó"; "lấy xe" is a robbery),
  then a medical emergency and no police word after the leaving: 115.

Calm: "sắp nhảy" said of a dance, "đứng trên ghế sắp nhảy xuống", a meter without a sugar, a
fall long ago, "lừa" as a scam ("số lạ gọi nói con bị bắt cóc kêu chuyển tiền, lừa đảo"), a
burglar climbing in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import (
    Combo,
    Entry,
    Service,
    entry,
    pairings,
    signs_together,
)
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, with_denials, words

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["K38_COMBOS", "K38_ENTRIES", "round38k_revise", "round38k_service"]

# ("đòi nhảy xuống", "định nhảy xuống" are round 22C's; a bare "sắp nhảy" is a dance too).
# Read with a height (114); alone it is calm ("đứng trên ghế sắp nhảy xuống").
_ABOUT_TO_JUMP = "sắp nhảy xuống, sắp sửa nhảy xuống, chuẩn bị nhảy xuống"
_JUMP_SOON = ("sắp nhảy", "sắp sửa nhảy", "chuẩn bị nhảy")
# "lầu" is itself a height, and water is a drowning: 114 as they are (the lexicon's "nhảy
# lầu" and fall + water are read inside them). No pool: "hồ bơi" is where one plays.
_JUMP_NOW = pairings(_JUMP_SOON, ("lầu",)) + ", sắp gieo mình, chuẩn bị gieo mình"
_INTO_WATER = pairings(
    tuple(f"{j} xuống" for j in _JUMP_SOON),
    ("sông", "kênh", "kinh", "rạch", "ao", "mương", "giếng", "biển", "suối", "hồ nước",
     "dòng sông", "con sông", "con kênh", "cái ao", "cái giếng", "dưới sông", "dưới kênh"),
)  # fmt: skip
# a fall, then cannot rise ("{k} dậy" alone is the lexicon's ``unanswered``: kept as a tag);
# said after a time long gone it is no fall now ("té mấy hôm rồi hổng dậy được": days)
_CANNOT_RISE = "{k} dậy được"
_AGO = (
    "mấy hôm", "mấy bữa", "mấy ngày", "mấy tuần", "mấy tháng", "hôm kia", "hôm bữa",
    "bữa hổm", "hồi tết", "tuần trước", "tháng trước", "năm ngoái",
)  # fmt: skip
_SINCE = ("", "rồi", "nay", "tới giờ", "tới nay", "rồi tới giờ", "nay rồi")
_NOT_RISEN = ", ".join(
    (pairings(_AGO, _SINCE, ("{k} dậy được", "dậy {k} được")),
     pairings(("hôm qua",), ("rồi", "tới giờ", "tới nay", "rồi tới giờ"),
              ("{k} dậy được", "dậy {k} được")))
)  # fmt: skip
# a bike that will not stand up is nobody fallen ("dựng xe hổng dậy được")
_BIKE_DOWN = pairings(("dựng xe", "đỡ xe", "nâng xe"), ("{k} dậy được", "dậy {k} được"))
# the meter that cannot show it: a measure (high), never less; the sugar named before it
# (round 27N's ``n27_sugar``) or said plainly as "đường (lên) cao" (the everyday word): 115
_OFF_SCALE = """
    máy đo {k} đọc được, máy đo {k} đo được, máy đo {k} đọc nổi, máy đo {k} hiện được,
    máy đo báo hi, máy đo báo chữ hi, máy đo hiện chữ hi, máy báo chữ hi, máy hiện chữ hi,
    máy báo hi, máy đo báo lô, máy đo báo chữ lô, máy đo hiện chữ lô,
    vượt ngưỡng máy đo, quá ngưỡng máy đo
"""
_SUGAR_OFF_SCALE = pairings(
    ("đường", "đường lên", "đường nó lên"),
    ("cao quá", "cao quá trời", "cao"),
    ("máy đo {k} đọc được", "máy {k} đọc được", "máy đo {k} đo được", "máy {k} đo được"),
)
# driven somewhere unknown by a hired driver ("chở đi" alone is the lexicon's ``away``: kept
# as a tag); a bus or a ride going round is no one held
_HIRED = ("tài xế", "tài xế taxi", "tài xế tắc xi", "tài xế grab", "taxi", "tắc xi", "grab",
          "xe ôm", "ông xe ôm", "thằng tài xế", "ông tài xế", "xe công nghệ")  # fmt: skip
_UNKNOWN_WAY = pairings(
    _HIRED,
    ("chở đi đâu lạ hoắc", "chở đi chỗ lạ", "chở đi chỗ lạ hoắc", "chở đi đâu {k} biết",
     "chở tui đi đâu {k} biết", "chở nó đi đâu {k} biết", "chở đi đường lạ hoắc"),
)  # fmt: skip
_ROUND_AND_ROUND = ", ".join(
    (pairings(_HIRED, ("chạy vòng vòng",)),
     pairings(("chở", "chở tui", "chở em", "chở nó"), ("chạy vòng vòng", "đi vòng vòng")))
)  # fmt: skip
# dogs being caught by thieves: a theft going on (as "đang trộm chó", 113), and the dog their
# loot, not whose an attack said after it is ("chó" alone is the lexicon's ``animal``).
# Catching a dog is no theft ("bắt chó" alone, "đội bắt chó": calm); a dog carried off
# ("cẩu tặc bắt chó chở đi mất") is the animal's business, over.
_DOG_THIEVES = pairings(
    ("trộm chó", "băng trộm chó", "tụi trộm chó", "bọn trộm chó", "cẩu tặc", "băng cẩu tặc",
     "tụi cẩu tặc"),
    ("đang bắt chó", "đang câu chó", "đang bắt trộm chó"),
)  # fmt: skip
# a headache said as pain, then the fall ("ôm đầu la" alone is also despair: "la trời"; a
# fall is "té/ngã/quỵ xuống", not "rớt": an exam failed)
_HEAD_FALL = pairings(
    ("ôm đầu la đau", "ôm đầu kêu đau", "ôm đầu la nhức", "ôm đầu kêu nhức"),
    ("", "quá", "quá trời"),
    ("", "rồi", "dồi", "xong", "rồi tự nhiên", "một hồi"),
    ("té xuống", "ngã xuống", "quỵ xuống"),
)

# fmt: off
K38_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _ABOUT_TO_JUMP, tags="c22_wants_jump k38_jump", fold="tone"),
    entry("other", "emergency", 5, _JUMP_NOW, tags="c22_wants_jump k38_jump", fold="tone",
          service="114"),
    entry("other", "emergency", 5, _INTO_WATER, tags="c22_wants_jump k38_jump water_body",
          fold="tone", service="114"),
    entry(None, "normal", 0, _CANNOT_RISE, tags="unanswered k38_cannot_rise", fold="tone"),
    entry(None, "normal", 0, _NOT_RISEN, tags="unanswered days", fold="tone"),
    entry(None, "normal", 0, _BIKE_DOWN, fold="tone"),
    entry("medical", "high", 3, _OFF_SCALE, tags="measure k38_off_scale", fold="tone"),
    entry("medical", "emergency", 5, _SUGAR_OFF_SCALE, tags="measure k38_off_scale",
          fold="tone", service="115"),
    entry(None, "normal", 0, _UNKNOWN_WAY, tags="detour away k38_detour", fold="tone"),
    entry(None, "normal", 0, _ROUND_AND_ROUND, tags="detour k38_detour", fold="tone"),
    entry("violation", "emergency", 5, _DOG_THIEVES, tags="crime k38_dog_thieves", fold="tone",
          service="113"),
    entry("medical", "emergency", 5, _HEAD_FALL, tags="v32_head fall k38_head_fall",
          fold="tone", service="115"),
)
K38_COMBOS: tuple[Combo, ...] = (
    signs_together("fall", "k38_cannot_rise", 6, ordered=True),
    Combo(("n27_sugar", "k38_off_scale"), "medical", "emergency", 5, window=6, ordered=True,
          service="115"),
)
# fmt: on

# -- marks: lured, then held; a knock on the head that passed ------------------------------
K38_LURE = words("lừa")
K38_SCAM = words("lừa đảo gạt bịp lường giả chiêu mánh")  # need_look_alikes.SCAM
K38_GOING = words("vô vào tới đến qua sang ra lên xuống về")
K38_HELD = with_denials(
    phrases("""
    nhốt, giam, giữ lại, bị giữ, giữ người, {k} cho ra, {k} cho về, {k} cho đi,
    đòi tiền chuộc, tiền chuộc, bắt cóc
""")
)
# who relays it: kin of the caller ("em tui gọi nói"), not a stranger ("số lạ", "có người")
K38_KIN = words("má mẹ ba cha bố tía em anh chị con cháu vợ chồng bạn dì cậu mợ ngoại nội dượng")
K38_KIN_REACH = 3
# up again after the knock ("ôm đầu la đau rồi té xuống xong đứng dậy chơi tiếp")
K38_HEAD = phrases("ôm đầu")
K38_UP_AGAIN = phrases("""
    đứng dậy chơi tiếp, chơi tiếp, đi tiếp, nín rồi, nín khóc rồi, hết đau rồi, đỡ rồi,
    tỉnh lại rồi, tự đứng dậy
""")


def _lured(ws: list[str]) -> bool:
    """Every scam word is "lừa" said of a way of going ("bị lừa vô", "lừa qua"), and being
    held is said after it."""
    scams = [k for k, w in enumerate(ws) if w in K38_SCAM]
    if not scams or not all(_going(ws, k) for k in scams):
        return False
    return any(s > scams[0] for s, _ in find(ws, K38_HELD))


def _going(ws: list[str], k: int) -> bool:
    """ "lừa" at ``k`` said of a way of going ("lừa vô", "lừa qua")."""
    return ws[k] in K38_LURE and k + 1 < len(ws) and ws[k + 1] in K38_GOING


def _by_kin(ws: list[str], start: int) -> bool:
    """The claim at ``start`` relayed by kin ("con gái tui nhắn tin nói")."""
    return bool(K38_KIN.intersection(ws[max(0, start - K38_KIN_REACH) : start]))


def round38k_revise(marks: Marks, ws: list[str]) -> Marks:
    """Lured, then held: a relative's relaying call is no claimed kidnapping; a knock on the
    head the child got up from is over (module docstring)."""
    heads = [s for s, _ in find(ws, K38_HEAD)]
    ups = [(s, e) for s, e in find(ws, K38_UP_AGAIN) if heads and s > heads[0]]
    if ups:
        marks = {**marks, "resolved": [*marks.get("resolved", []), *ups]}
    claims = marks.get("claimed", [])
    if not claims or not _lured(ws):
        return marks
    if any(c < s for c, _ in claims for s, _ in marks.get("safe", [])):
        return marks  # said safe after the call: a scam still
    return {**marks, "claimed": [(s, e) for s, e in claims if not _by_kin(ws, s)]}


# -- services --------------------------------------------------------------------------
# Rule 1: a child climbing out of a window falls (an intruder stays police).
K38_CLIMB = words("leo trèo")
K38_IN = words("vô vào qua")  # "leo cửa sổ vô nhà": a burglar climbing in
K38_FALL = words("té ngã rớt rơi lọt")
K38_FALL_REACH = 3
K38_CHILDREN = phrases("""
    thằng nhỏ, con nhỏ, đứa nhỏ, thằng bé, con bé, em bé, bé, thằng cu, cu tí, con tui,
    con tôi, con em, con trai, con gái, cháu, cháu tui, cháu nội, cháu ngoại
""")
K38_INTRUDER = words("lạ trộm cướp")  # "người lạ leo cửa sổ"
K38_HOME = words("nhà")  # "leo rào nhà tui": into the caller's home
# Rule 2: a machine's blade, and no one wielding it.
K38_MACHINE = words("máy")
K38_TOOLS = words("cưa cắt xay khoan mài cày xới băm ép tuốt dập")
K38_MACHINE_REACH = 6
K38_WIELDING = words("cầm vác xách quơ rượt dọa hăm lấy nổ ôm dùng xài bật mang đem")
K38_PEOPLE = words("ông bà chồng vợ người hàng xóm")
K38_WIELD_REACH = 3
K38_BLADE = words("văng lưỡi cuốn kẹp")  # the machine's own doing
K38_ATTACKERS = words("thằng tụi bọn nó đứa kẻ gã cướp hắn")
# Rule 3: the attacker rode off, alone ("lấy xe đi" is a robbery itself).
K38_ATTACKS = words("đánh đâm chém đập đạp đấm đá phang tạt táng nện")
K38_RODE_OFF = phrases("""
    xách xe đi, xách xe chạy, xách xe bỏ đi, dắt xe đi, dắt xe ra đi, chạy xe mất,
    nổ máy xe đi, nổ máy chạy
""")
K38_RODE_REACH = 8
K38_ONE_OF = phrases("một thằng, một đứa, một tên")  # one of several attackers
K38_STILL_THERE = phrases("""
    còn thằng, còn tụi, còn mấy, còn đứa, còn bọn, còn đồng bọn, vẫn ở đó, còn ở đó,
    vẫn đứng, còn đứng, đứng đó, vẫn còn đó
""")


def _alarmed(hits: list[Hit], service: Service) -> list[Hit]:
    return [h for h in hits if not h.negated and h.entry.alarm == service]


def round38k_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """A climbing child's fall, a machine's blade, an attacker who rode off: 115 (module
    docstring)."""
    if service != "113":
        return service
    police = _alarmed(hits, "113")
    medical = _alarmed(hits, "115")
    if not police or not medical:
        return service
    if all(_climbing_fall(h, ws) for h in police):
        return "115"
    if _machine(police, ws) or _rode_off(police, medical, ws):
        return "115"
    return service


def _climbing_fall(hit: Hit, ws: list[str]) -> bool:
    """A child's climbing phrase not into a place, a fall said right after it, nobody strange."""
    span = ws[hit.start : hit.end]
    after = ws[hit.end : hit.end + K38_FALL_REACH]
    return (
        bool(K38_CLIMB.intersection(span))
        and not K38_IN.intersection(ws[hit.end : hit.end + 1])
        and bool(K38_FALL.intersection(after))
        and any(s < hit.start for s, _ in find(ws, K38_CHILDREN))
        and not K38_INTRUDER.intersection(ws)
        and not K38_HOME.intersection(ws[hit.start : hit.end + 2])
    )


def _machine(police: list[Hit], ws: list[str]) -> bool:
    """Every police word said a few words after a machine's blade ("bị máy cắt", "văng
    lưỡi"), none wielded ("cầm máy cưa") nor a person before it, no attacker named."""
    if K38_ATTACKERS.intersection(ws):
        return False
    machines = [k for k, _ in enumerate(ws) if _a_machine(ws, k)]
    return all(any(_cut_by(ws, k, h.start) for k in machines) for h in police)


def _a_machine(ws: list[str], k: int) -> bool:
    """ "máy" at ``k`` a tool with a blade ("máy cưa", not "xe máy", "máy giặt"), unwielded."""
    if ws[k] not in K38_MACHINE or k + 1 >= len(ws) or ws[k + 1] not in K38_TOOLS:
        return False
    if k > 0 and ws[k - 1] == "xe":
        return False
    before = ws[max(0, k - K38_WIELD_REACH) : k]
    passive = k > 0 and ws[k - 1] == "bị"  # "bị máy cắt": the machine did it
    return not K38_WIELDING.intersection(before) and (
        passive or not K38_PEOPLE.intersection(before)
    )


def _cut_by(ws: list[str], k: int, start: int) -> bool:
    """The police word at ``start`` said of the machine at ``k``: passive, or its blade."""
    if not 0 < start - k <= K38_MACHINE_REACH:
        return False
    return (k > 0 and ws[k - 1] == "bị") or bool(K38_BLADE.intersection(ws[k + 1 : start]))


def _rode_off(police: list[Hit], medical: list[Hit], ws: list[str]) -> bool:
    """An attack, the attacker riding off after it (not one of several, none left there), a
    medical emergency after that and no police word."""
    attacks = [k for k, w in enumerate(ws) if w in K38_ATTACKS]
    ones = [e for _, e in find(ws, K38_ONE_OF)]
    for s, e in find(ws, K38_RODE_OFF):
        if not any(0 < s - a <= K38_RODE_REACH for a in attacks) or s in ones:
            continue
        if any(t >= e for t, _ in find(ws, K38_STILL_THERE)):
            continue
        if any(h.start >= e for h in medical) and not any(h.start >= e for h in police):
            return True
    return False
