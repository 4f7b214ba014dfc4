"""Police scenes with a fire's, a blast's or a rescue's props (round 27K of issue 13).

:func:`.need_service.choose_service`'s rule 1 tells 114 first when something burns, explodes
or someone is trapped or in the water; a danger a person makes now (a threat, a bomb, a
drowning by force, someone held) is 113 all the same: the writer of the development and
locked parts' register, and unseen writers V and X, told such scenes as 113, and the parser
told them 114. Whether the act is now or over is read as for any hit (:mod:`.need_time`:
"hôm qua ổng dọa cho nổ bình gas mà giờ ổng đi rồi" is calm); these readings do not look for
the person's whereabouts themselves. Each phrase names the act with its object or its actor,
so that everyday speech with the same verbs stays calm ("quay lại xử lý giấy tờ", "cầm bom
xịt muỗi", "hàng bị giữ trong kho", "giam trong lòng nỗi buồn", "treo ra cửa sổ phơi đồ": a
reviewer's probes). The entries and combos are read by :mod:`.need_lexicon`,
:func:`round27k_service` by :mod:`.need_number`.

Their hits carry the tag ``made_by_person``: where the rules read 113 on one, the statistical
model may not tell another number (:func:`.need_model.judge`; it told "thò ra ngoài lan can
dọa thả xuống" 114 on the height).

- **A blast threatened (113)** : "ôm bình ga mini giữa quán dọa cho nổ", "mở van gas ... dọa
  cho nổ cả dãy trọ": a threat word (round ones' ``threat``: "dọa", "hăm") then, within 6
  words, a blast; the combination quiets the blast, so nothing of a 114 is left. A blast
  told as news or feared ("sợ bình gas nổ") has no threat word and stays 114 or calm.
- **A bomb used or planted (113)** : "ném bom xăng vô nhau", "quăng bom xăng vô nhà", "nói gài
  bom trong kho đòi chuyển tiền": an attack or an extortion, not an accident (round ones read
  "bom xăng" alone as a blast: the longer phrase hides it). "bị bom hàng" (orders not picked
  up) holds no such phrase. A fire burning or someone trapped besides ("ném bom xăng vô nhà
  rồi chạy mất lửa đang cháy ... còn trên lầu") is still 114 first: these readings give 113
  only where no other 114 is said.
- **Gunfire (113)** : "có vụ nổ súng ngoài quán", "nghe tiếng nổ súng": "vụ nổ" and "tiếng
  nổ" inside them are no blast.
- **Held under water (113)** : "dìm đầu xuống lu nước", "dọa dìm chết", "đè đầu ... xuống
  nước": someone drowned by a person ("đè đầu" hides round ones' "đè", a collapse).
- **Held out over a drop, or taken along in a jump (113)** : "nắm tay con chìa ra ngoài lan
  can dọa thả", "ôm con nhỏ ra mé sông dọa nhảy xuống chung": a life threatened by a person
  (round 22C: someone about to jump alone is 114, and stays so).
- **A blast threatened with "đòi" or "nói" (113)** : "ôm bình ga đứng giữa quán đòi mở van
  cho nổ"; the blast that crosses the threat ("dọa cho nổ bình gas") is part of it.
- **Coming to attack at once (113)** : "nói tới đốt cho chết hết", "chút nữa quay lại đốt nhà".
- **Fire or a live wire put to a person (113)** : "châm lửa vô áo vợ", "dọa chích điện vợ".
- **Carried off, kept (113)** : "bỏ em trong cốp xe đang chạy", "nhốt trong xe hơi đang
  chạy", "bị giữ trong căn hộ ... tụi nó canh cửa", "treo ngược ra ngoài cửa sổ" (as said:
  "trèo" is a climb); a pressing down next to a drowning by force ("đè thằng nhỏ vô lu nước
  nhận đầu xuống": Vosk's "nhận" for "nhấn") is the person's, no collapse.
- **Chained or tied and beaten (113)** : "bị chồng xích chân trong nhà", "trói lại đánh".
- **A head slammed (113)** : "dộng đầu ba tui vô cột điện" (a fall is "té đập đầu": 115).
- **Held by others (113)** : "tụi nó giam em trong căn nhà hoang", "bị bắt cóc nhốt trong
  kho"; a way out barred just after ("bắt cóc nhốt dưới hầm không ra được") is the holding,
  not a trap; the police's custody ("em tui bị tạm giam") is no crime.
- **An engine** : "máy nổ" (a generator, a pump) hides round ones' "nổ"; "phát nổ" said
  after it is still a blast.
- **An idiom** : "bị đè đầu cưỡi cổ" (oppressed for years) holds no head held down.
- **Where the attackers are is no trap** : "bị tụi trộm đánh bể đầu tụi nó còn dưới hầm": a
  place said right after the attackers' presence (round ones' ``perpetrator``: "tụi nó còn")
  tells where they are; a 114 read only there (a "dưới hầm", a cellar) gives way to 113.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["K27_COMBOS", "K27_ENTRIES", "round27k_service"]

# fmt: off
# (a weapon named: "cầm bom xịt muỗi" is a spray can, a reviewer's probe)
_BOMB = pairings(
    ("ném", "quăng", "chọi", "liệng", "thảy", "tạt", "cầm", "ôm", "xách", "cầm theo"),
    ("bom xăng", "lựu đạn", "chai xăng"),
) + """,
    ném bom, quăng bom, gài bom, đặt bom, gài mìn, đặt mìn, dọa đánh bom, đòi đánh bom,
    dọa cho nổ bom, chai xăng có lửa
"""
# who holds or hurts, and who is held (a person, not goods nor a feeling)
_ACTOR = ("tụi nó", "người ta", "nó", "chồng", "thằng đó", "thằng kia", "chủ quán", "ông chủ",
          "bạn trai", "chủ nhà", "bọn nó", "tụi đòi nợ")
_PERSON = ("em", "tui", "tôi", "con", "cháu", "chị", "vợ", "nó", "con tui", "con nhỏ",
           "thằng nhỏ", "đứa nhỏ", "em bé", "bé", "người")
# a blast threatened (round ones' ``threat`` reads "dọa", "hăm" before a blast: the combo);
# "đòi" only with a gas valve or a lighter ("quân đội đòi cho nổ bom tồn lưu" is no threat)
_BLAST_THREAT = pairings(
    ("hăm", "dọa"),
    ("mở van cho nổ", "cho nổ", "cho nổ tung", "kích nổ", "bật lửa cho nổ", "mở ga cho nổ",
     "mở gas cho nổ"),
) + ", " + pairings(("đòi",), ("mở van cho nổ", "bật lửa cho nổ", "mở ga cho nổ",
                               "mở gas cho nổ"))
# a threat to come and attack at once ("nói tới đốt cho chết hết", "chút nữa quay lại đốt")
# (the act with its object: "quay lại đốt nhang", "nói qua xử lý", "chém gió" are no threat)
_COMING = pairings(
    ("nói tới", "nói qua", "đòi tới", "đòi qua", "quay lại", "hăm quay lại", "nói quay lại"),
    ("đốt nhà", "đốt cho chết", "đốt chết", "chém chết", "chém cả nhà", "giết cả nhà",
     "đâm chết", "xử đẹp", "giết tui", "giết em", "chém tui", "chém em"),
)
# fire or a live wire put to a person ("châm lửa vô áo vợ", "dọa chích điện vợ")
_SET_ON = pairings(
    ("châm lửa", "bật lửa", "mồi lửa"), ("vô áo", "vào áo", "vô người", "vào người", "lên người"),
) + """,
    châm lửa đốt người, đốt áo vợ, tưới xăng lên người, dọa chích điện, đòi chích điện,
    dọa giật điện, đòi giật điện, dí điện, chích điện vợ, chích điện con
"""
# taken away in a moving vehicle ("bỏ em trong cốp xe đang chạy", "bắt lên ghe máy đang chạy")
# (a person put there: "cái cốp xe đang chạy bị bung" is a car)
_CARRIED_OFF = pairings(
    ("nhốt trong", "bỏ trong", "bắt lên", "lôi lên", "kéo lên", "đẩy lên"),
    ("cốp xe đang chạy", "cốp xe hơi đang chạy", "ghe máy đang chạy", "ghe đang chạy"),
) + ", " + pairings(
    ("bỏ", "nhốt", "nhét", "quăng", "tống"), _PERSON, ("trong cốp xe", "vô cốp xe"),
) + """,
    nhốt trong xe hơi đang chạy, nhốt trong xe đang chạy, bắt lên xe đang chạy, bị tụi nó nhốt
"""
# kept by others ("tui bị giữ trong căn hộ ... tụi nó canh cửa", "bạn trai giữ trong phòng"):
# someone named as held, or someone holding; "hàng bị giữ trong kho", "máy lạnh giữ trong
# phòng", "em bị giữ trong phòng cách ly" (no one holding) are not (a reviewer's probes)
_KEPT = pairings(
    ("tui", "em", "tôi", "con tui", "cháu", "chị"),
    ("bị giữ trong căn hộ", "bị giữ trong nhà hoang", "bị giữ trong kho", "bị giữ trong xe"),
) + ", " + pairings(_ACTOR, ("giữ trong", "giữ em trong", "giữ tui trong", "giữ con tui trong")
) + ", tụi nó canh cửa, canh cửa không cho ra, canh không cho ra"
_GUNFIRE = "vụ nổ súng, tiếng nổ súng, nổ súng bắn, nổ mấy phát súng, nổ súng vô"
_DROWNED = pairings(
    ("dìm", "dọa dìm", "đòi dìm"),
    ("chết", "đầu", "xuống nước", "xuống lu", "xuống sông", "xuống kênh", "xuống hồ",
     "xuống thau", "xuống xô", "xuống chậu"),
) + """,
    đè đầu, nhấn đầu, ấn đầu, dìm nó, dìm con, dìm vợ, dìm bà, dìm má, dìm mẹ,
    nhận đầu xuống, nhấn đầu xuống, đòi nhận nước, nhận xuống nước, nhấn xuống nước,
    nhấn chìm, nhận chìm
"""
_HELD_OUT = pairings(
    ("chìa", "thò", "đưa", "giơ", "thòng"),
    ("ra ngoài lan can", "ra khỏi lan can", "qua lan can", "ra cửa sổ", "ra ngoài cửa sổ"),
) + """,
    dọa thả xuống, đòi thả xuống, hăm thả xuống, dọa buông tay, dọa thả tay, dọa thả con,
    dọa nhảy xuống chung, đòi nhảy xuống chung, dọa nhảy chung, đòi nhảy chung,
    nhảy xuống chung, dọa ôm con nhảy, đòi ôm con nhảy, dọa chết chung, đòi chết chung,
    nói chết chung, cho chết chung, chết chung cả nhà, đẩy ra mép lan can, đẩy ra lan can,
    xô ra lan can, đẩy ra mép, kéo ra mép lan can, đẩy ra ngoài lan can
"""
# a child hung out of a window ("treo" only as said: "trèo" is a climb; laundry is no child)
_HUNG = pairings(
    ("thằng nhỏ", "con nhỏ", "đứa nhỏ", "em bé", "con tui", "con nó", "bé"),
    ("treo ngược", "treo lơ lửng", "treo ngược ra ngoài", "treo ra ngoài"),
)
# "dộng đầu" is always someone slamming a head ("té đập đầu" is a fall: round ones' 115)
_SLAMMED = "dộng đầu, dộng đầu vô, dộng đầu vào, nắm đầu dộng, nắm đầu đập vô tường"
# a person held by others ("bắt cóc" and "nhốt" alone are round ones' crimes, but the model
# told "bị bắt cóc nhốt trong kho không ra được" 114 on the "không ra được")
# ("giam trong lòng nỗi buồn" holds a feeling: a person is named)
_HELD = pairings(("giam", "giam lỏng", "giam giữ"), _PERSON) + ", " + pairings(
    _ACTOR, ("giam trong", "giam lỏng"),
) + ", bắt cóc nhốt, bắt cóc rồi nhốt, bắt cóc đem nhốt"
# the police's own custody, no crime ("tạm giam trong" hides "giam trong")
_CUSTODY = "tạm giam, bị tạm giam, tạm giam trong, trại tạm giam, lệnh tạm giam"
# an engine ("máy nổ": a generator, a pump) is no blast; "phát nổ" after it still is
_ENGINE = "máy nổ, cái máy nổ, chạy máy nổ, sửa máy nổ, chữa máy nổ"
# an idiom of oppression, no head held down
_IDIOM = "đè đầu cưỡi cổ, đè đầu đè cổ"
_CHAINED = """
    xích chân, xích tay, xích cổ, xích trong nhà, xích lại trong phòng,
    trói lại đánh, trói lại rồi đánh, trói vô cột đánh, trói vào cột đánh, trói lại đập
"""

K27_ENTRIES: tuple[Entry, ...] = (
    entry("violation", "emergency", 5, _BOMB, tags="violence made_by_person", fold="tone",
          service="113"),
    entry("violation", "emergency", 5, _GUNFIRE, tags="violence made_by_person", fold="tone",
          service="113"),
    entry("violation", "emergency", 5, _DROWNED, tags="violence made_by_person", fold="tone",
          service="113"),
    entry("violation", "emergency", 5, _HELD_OUT, tags="violence made_by_person", fold="tone",
          service="113"),
    entry("violation", "emergency", 5, _CHAINED, tags="crime made_by_person", fold="tone",
          service="113"),
    entry("violation", "emergency", 5, _SLAMMED, tags="violence made_by_person", fold="tone",
          service="113"),
    entry(None, "normal", 0, _IDIOM, tags="k27_idiom", fold="tone"),
    entry(None, "normal", 0, _ENGINE, tags="k27_engine", fold="tone"),
    entry("violation", "emergency", 5, _HELD, tags="crime made_by_person", fold="tone",
          service="113"),
    entry("violation", "normal", 2, _CUSTODY, tags="k27_custody", fold="tone"),
    entry("violation", "emergency", 5, _HUNG, tags="violence made_by_person", fold="exact",
          service="113"),
    *(entry("violation", "emergency", 5, p, tags="violence made_by_person", fold="tone",
            service="113") for p in (_BLAST_THREAT, _COMING, _SET_ON, _CARRIED_OFF, _KEPT)),
)

K27_COMBOS: tuple[Combo, ...] = (
    Combo(("threat", "blast"), "violation", "emergency", 5, window=6, ordered=True,
          service="113", gives=frozenset({"violence", "made_by_person"}), quiets=True),
)
# fmt: on

_PERPETRATOR = "perpetrator"
_MADE = "made_by_person"
_HAZARDS = frozenset({"fire", "smoke", "blast", "water", "collapse", "press"})
_KEPT_REACH = 4  # words between the holding and the way out barred
_PRESS = "press"
_BLAST = "blast"
_PRESS_REACH = 6  # words between a pressing down and what a person does with it
_WHERE_REACH = 2  # words between the attackers' presence and the place that says where


def _where_they_are(hit: Hit, hits: list[Hit]) -> bool:
    """Whether ``hit`` starts right after a phrase of the attackers' presence."""
    return any(
        _PERPETRATOR in h.entry.tags and 0 <= hit.start - h.end <= _WHERE_REACH for h in hits
    )


def _kept_in(hit: Hit, made: list[Hit]) -> bool:
    """Whether ``hit`` is a way out barred, said just after someone was held ("bắt cóc nhốt
    dưới hầm không ra được": no fire, water or collapse in it, the holding told first), or a
    pressing down next to what a person does ("đè thằng nhỏ vô lu nước nhận đầu xuống"), or
    a blast that is part of the threat ("dọa cho nổ bình gas": "nổ bình gas" crosses it)."""
    if _PRESS in hit.entry.tags:  # a person pressing down ("đè thằng nhỏ vô lu nước")
        return any(hit.gap(h) <= _PRESS_REACH for h in made)
    if _BLAST in hit.entry.tags:  # the blast threatened ("dọa cho nổ bình gas")
        return any(hit.gap(h) == 0 for h in made)
    if _HAZARDS & hit.entry.tags:
        return False
    return any(0 <= hit.start - h.end <= _KEPT_REACH for h in made)


def round27k_service(service: Service | None, hits: list[Hit], words: list[str]) -> Service | None:
    """113 for a 114 made by a person (a threat, a bomb, a drowning, a child held out), or
    read only where the attackers are said to be (module docstring); ``service`` otherwise."""
    if service != "114":
        return service
    live = [h for h in hits if not h.negated and h.entry.urgency == "emergency"]
    made = [h for h in live if _MADE in h.entry.tags]
    rescue = [h for h in live if h.entry.alarm == "114" and not _kept_in(h, made)]
    if made and not rescue:
        return "113"
    police = any(h.entry.alarm == "113" for h in live)
    if police and rescue and all(_where_they_are(h, hits) for h in rescue):
        return "113"
    return service
