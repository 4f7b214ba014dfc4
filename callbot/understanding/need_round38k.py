"""Round 38K of issue 13 (writer K of session 19: relayed calls, the caller is elsewhere and a
relative phoned or texted them, a neighbour hears through a wall, a passer-by sees across the
street: "má tui mới gọi nói là...", "bả nhắn tin nói...").

Entries (:data:`K38_ENTRIES`) and what they are read with (:data:`K38_COMBOS`):

- **About to jump** ("đứng trên sân thượng sắp nhảy xuống", "chuẩn bị gieo mình"): joins
  round 22C's ``c22_wants_jump``, read with a height as 114 (a rescue), not as a fall (115).
  A bare "sắp nhảy" is a dance too, and stays out.
- **Fallen and cannot get up** ("ổng té trong nhà hổng dậy được", "té dậy không được"):
  "hổng dậy được" joins round 23E's ``e23_cannot_rise`` (a fall, then unable to rise: 115)
  and keeps the lexicon's ``unanswered`` ("kêu hổng dậy được": not woken).
- **A blood sugar beyond the meter** ("đường huyết cao quá máy đo hổng đọc được", "máy đo
  báo chữ hi"): the meter cannot show it, which is over 600 mg/dL (or under 20), 115 with
  the sugar named (round 27N's ``n27_sugar``). A meter that cannot read for its battery
  names no sugar too high: calm.
- **Driven somewhere unknown and not let off** ("tài xế chở đi đâu lạ hoắc ... khóa cửa
  hổng cho xuống"): more ways of the lexicon's ``detour`` (read with ``extort``'s "hổng cho
  xuống": 113).
- **Dog thieves at work** ("băng trộm chó đang bắt chó nhà ổng còn xịt hơi cay vô mặt ổng",
  "câu trộm chó", "cẩu tặc"): the dog caught is the thieves' loot, so "bắt chó" is no longer
  an ``animal`` named before the attack (round 10 reads an emergency said right after an
  animal as the animal's: "con chó ... kẹt trên mái"); the spray in a man's face is 113 again.
  Dog catchers of the ward ("đội bắt chó thả rông") name no attack: calm.
- **A sudden headache, then a collapse** ("ôm đầu la đau rồi ngã xuống"): round 32V's
  ``v32_head`` then a fall, within six words: 115 (a bleed in the head). The headache alone,
  for days, stays what it was.

Marks (:func:`round38k_revise`): **lured, then held** ("em tui gọi nói nó bị lừa vô một căn
nhà ... nhốt hổng cho ra đòi tiền chuộc"): "lừa" followed by a way of going ("lừa vô",
"lừa qua", "lừa tới") names how someone was lured to where they are held, not a scam; a
phone call relaying it ("gọi nói") is not then round 9's claimed kidnapping, unless someone
is said safe after it ("... mà nó đang ở nhà": a scam still).

Services (:func:`round38k_service`, a number reviser):

- **A child climbing out of a window falls** ("thằng nhỏ leo cửa sổ té từ tầng hai xuống
  sân nằm im"): a climbing phrase that is not a climbing in ("leo cửa sổ vô nhà" stays a
  burglar, 113), a fall said right after it and a body hurt: 115.
- **A machine's blade cuts** ("máy cắt cỏ văng lưỡi chém đứt mấy ngón tay"): every police
  word said within a few words after a machine named, nobody wielding it nor any attacker
  named: an accident, 115 (as round 28C's slip of the knife).
- **The attacker rode off, the victim bleeds** ("chồng chỉ đánh gãy mũi xong xách xe đi rồi
  giờ chỉ chảy máu hổng ngừng"): an attack, then a leaving with the bike, then a medical
  emergency and no police word after the leaving: 115.

Calm: "sắp nhảy" said of a dance, a meter without a sugar, "lừa" as a scam ("số lạ gọi nói
con bị bắt cóc kêu chuyển tiền, lừa đảo"), a burglar climbing in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, signs_together
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, with_denials, words

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["K38_COMBOS", "K38_ENTRIES", "round38k_revise", "round38k_service"]

# ("đòi nhảy xuống", "định nhảy xuống" are round 22C's; a bare "sắp nhảy" is a dance too)
_ABOUT_TO_JUMP = """
    sắp nhảy xuống, sắp sửa nhảy xuống, chuẩn bị nhảy xuống, sắp nhảy xuống sông,
    sắp nhảy lầu, chuẩn bị nhảy lầu, sắp gieo mình, chuẩn bị gieo mình
"""
# ("{k} dậy" alone is the lexicon's ``unanswered``: kept as a tag)
_CANNOT_RISE = "{k} dậy được"
_OFF_SCALE = """
    cao quá máy đo {k} đọc được, cao quá máy {k} đọc được, cao quá máy đo {k} đo được,
    cao quá máy {k} đo được, cao quá máy đo {k} đọc nổi, cao quá máy {k} đọc nổi,
    máy đo báo hi, máy báo hi, máy đo báo chữ hi, máy báo chữ hi, máy đo hiện chữ hi,
    máy hiện chữ hi, máy đo báo lô, máy báo lô, máy đo hiện chữ lô, máy hiện chữ lô,
    vượt ngưỡng máy đo, quá ngưỡng máy đo
"""
# ("chở đi" alone is the lexicon's ``away``: kept as a tag)
_UNKNOWN_WAY = """
    chở đi đâu lạ hoắc, chở đi chỗ lạ, chở đi chỗ lạ hoắc, chở đi đâu {k} biết,
    chở tui đi đâu {k} biết, chở đi đường lạ hoắc
"""
_ROUND_AND_ROUND = "chạy vòng vòng, chở chạy vòng vòng, chở đi vòng vòng, đường lạ hoắc"
# dogs caught by thieves: their loot, not whose an attack said after it is ("chó" alone is
# the lexicon's ``animal``)
_DOG_THIEVES = """
    bắt chó, câu chó, câu trộm chó, cẩu tặc, băng cẩu tặc
"""

# fmt: off
K38_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _ABOUT_TO_JUMP, tags="c22_wants_jump k38_jump", fold="tone"),
    entry(None, "normal", 0, _CANNOT_RISE, tags="unanswered e23_cannot_rise", fold="tone"),
    entry(None, "normal", 0, _OFF_SCALE, tags="k38_off_scale", fold="tone"),
    entry(None, "normal", 0, _UNKNOWN_WAY, tags="detour away k38_detour", fold="tone"),
    entry(None, "normal", 0, _ROUND_AND_ROUND, tags="detour k38_detour", fold="tone"),
    entry(None, "normal", 0, _DOG_THIEVES, tags="seize k38_dog_thieves", fold="tone"),
)
K38_COMBOS: tuple[Combo, ...] = (
    signs_together("v32_head", "fall", 6, ordered=True),
    Combo(("n27_sugar", "k38_off_scale"), "medical", "emergency", 5, window=6, ordered=True,
          service="115"),
)
# fmt: on

# -- marks: lured, then held ---------------------------------------------------------------
K38_LURE = words("lừa")
K38_SCAM = words("lừa đảo gạt bịp lường giả chiêu mánh")  # need_look_alikes.SCAM
K38_GOING = words("vô vào tới đến qua sang ra lên xuống về")
K38_HELD = with_denials(
    phrases("""
    nhốt, giam, giữ lại, bị giữ, giữ người, {k} cho ra, {k} cho về, {k} cho đi,
    đòi tiền chuộc, tiền chuộc, bắt cóc
""")
)


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


def round38k_revise(marks: Marks, ws: list[str]) -> Marks:
    """Lured, then held: the relaying call is no claimed kidnapping (module docstring)."""
    claims = marks.get("claimed", [])
    if not claims or not _lured(ws):
        return marks
    if any(c < s for c, _ in claims for s, _ in marks.get("safe", [])):
        return marks  # said safe after the call: a scam still
    return {**marks, "claimed": []}


# -- services --------------------------------------------------------------------------
# Rule 1: a child climbing out of a window falls.
K38_CLIMB = words("leo trèo")
K38_IN = words("vô vào qua")  # "leo cửa sổ vô nhà": a burglar climbing in
K38_FALL = words("té ngã rớt rơi lọt")
K38_FALL_REACH = 3
# Rule 2: a machine's blade.
K38_MACHINE = words("máy")
K38_MACHINE_REACH = 6
K38_WIELDING = words("cầm vác xách quơ rượt dọa hăm lấy")
K38_WIELD_REACH = 3
K38_ATTACKERS = words("thằng tụi bọn nó đứa kẻ gã cướp hắn")
# Rule 3: the attacker rode off.
K38_ATTACKS = words("đánh đâm chém đập đạp đấm đá phang tạt táng nện")
K38_RODE_OFF = phrases("""
    xách xe đi, xách xe chạy, xách xe bỏ đi, lấy xe đi, lấy xe chạy, dắt xe đi, dắt xe ra đi,
    chạy xe mất, nổ máy xe đi, nổ máy chạy
""")
K38_RODE_REACH = 8


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
    """A climbing phrase not into a place, a fall said right after it."""
    span = ws[hit.start : hit.end]
    after = ws[hit.end : hit.end + K38_FALL_REACH]
    return (
        bool(K38_CLIMB.intersection(span))
        and not K38_IN.intersection(ws[hit.end : hit.end + 1])
        and bool(K38_FALL.intersection(after))
    )


def _machine(police: list[Hit], ws: list[str]) -> bool:
    """Every police word said a few words after a machine, none wielded ("cầm máy cưa"), no
    attacker named."""
    if K38_ATTACKERS.intersection(ws):
        return False
    machines = [k for k, w in enumerate(ws) if w in K38_MACHINE]
    if any(K38_WIELDING.intersection(ws[max(0, k - K38_WIELD_REACH) : k]) for k in machines):
        return False
    return all(any(0 < h.start - k <= K38_MACHINE_REACH for k in machines) for h in police)


def _rode_off(police: list[Hit], medical: list[Hit], ws: list[str]) -> bool:
    """An attack, the attacker riding off after it, a medical emergency after that and no
    police word."""
    attacks = [k for k, w in enumerate(ws) if w in K38_ATTACKS]
    for s, e in find(ws, K38_RODE_OFF):
        if not any(0 < s - a <= K38_RODE_REACH for a in attacks):
            continue
        if any(h.start >= e for h in medical) and not any(h.start >= e for h in police):
            return True
    return False
