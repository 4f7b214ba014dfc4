"""Round 28D of issue 13 (writer D of session 14, a social worker's calls about old people
living alone, bedridden, chronically ill or dying poor): a turn for the worse said vaguely.

"yếu", "mệt", "nằm một chỗ" are everyday for these people and stay calm; a 115 needs a sign
that things changed now. Read here (115 unless said):

- **Cannot be woken** ("kêu hổng thức", "gọi mãi không thức", "lay hông tỉnh"): a sleep that
  nobody can break, however long it lasted ("ngủ hoài từ hôm qua").
- **Lying limp** ("nằm lịm hổng biết gì", "nằm lịm đi", "người lịm lịm").
- **Face down on the floor** ("thấy bà nằm sấp dưới đất", "nằm úp mặt xuống sàn").
- **On the floor and not getting up** ("nằm dưới sàn nhà hổng dậy được"): round 23E's
  ``e23_lying`` then round 1's ``unanswered`` ("hổng dậy").
- **Moaning behind a door nobody opens, or of someone unseen for days** ("gọi cửa hổng mở
  nghe rên trong đó", "mấy bữa hổng ra khỏi nhà nghe rên nhỏ xíu"): 115, a body in trouble
  inside, not a person shut in (:func:`round28d_service`).
- **A hard swollen belly with moaning** ("bụng chướng cứng ngắc rên la"): round 1's
  ``rigid`` with a moan.
- **Snoring that rasps, and no waking** ("ngáy rít lên gọi hổng dậy").
- **Shivering and knowing nobody** ("run lẩy bẩy hổng còn nhận ra ai"), **a foul sore with
  fever** ("vết loét hôi thối giờ sốt"): the one alone is chronic, both together are not.
- **Kerosene drunk** ("uống nhầm dầu lửa", "uống lộn dầu hỏa"): a poisoning, 115, no fire.
- **A sign after a simile** ("khò khè như kéo bễ môi tím ngắt", "nóng như lửa nói mê
  sảng"): a simile describes what was said before it; a new body part or "nói" after its
  image starts a new sign, which stands (:func:`round28d_revise`).

113: **a snatch going on** ("có thằng đang giựt bóp bà", "giựt giỏ ... nó còn đứng đó").

Calm: **explained away** ("người lạnh ngắt là tại trời lạnh thôi", "mặt tái mét vì sợ kim
thôi"): a harmless cause and "thôi" put what was said before it to rest
(:func:`round28d_marks`, ``resolved``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import (
    NOT,
    Combo,
    Entry,
    Service,
    entry,
    pairings,
    signs_together,
)
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit
    from callbot.understanding.need_time_marks import Marks

__all__ = [
    "D28_COMBOS",
    "D28_ENTRIES",
    "ill_inside",
    "round28d_marks",
    "round28d_revise",
    "round28d_service",
]

_NO_WAKE = pairings(
    ("kêu", "gọi", "lay", "kêu mãi", "gọi mãi", "lay mãi", "kêu hoài", "gọi hoài", "lay hoài"),
    tuple(f"{k} {x}" for k in NOT for x in ("thức", "tỉnh", "chịu thức")),
)
_LIMP = """
    nằm lịm, nằm lịm đi, nằm lịm luôn, người lịm lịm, nằm lịm lịm, lịm hổng biết gì,
    lịm không biết gì, lịm hông biết gì
"""
_LYING_DOWN_FACE = ("nằm sấp", "nằm úp mặt", "nằm úp")
# face down on the ground: fallen (115)
_FACE_DOWN = pairings(
    _LYING_DOWN_FACE,
    ("dưới đất", "dưới sàn", "dưới sàn nhà", "dưới nền", "xuống đất", "dưới nền nhà"),
)
# face down on the floor: a baby at play, a man mopping, unless one more sign is said
_FACE_DOWN_FLOOR = pairings(_LYING_DOWN_FACE, ("trên sàn", "trên nền nhà", "xuống sàn"))
_MOAN = """
    nghe rên, tiếng rên, rên nhỏ, rên rỉ, rên la, rên hừ hừ, nghe tiếng rên, rên ư ử, rên quá
"""
_NO_ANSWER_LONG = pairings(
    ("gõ cửa", "kêu cửa", "đập cửa", "gọi cửa"),
    ("hoài", "mãi", "hoài hoài", "cả buổi", "muốn gãy tay"),
    tuple(f"{k} {x}" for k in NOT for x in ("mở", "ai mở", "ai trả lời", "ai thưa", "thấy mở")),
)
_UNSEEN = pairings(
    ("mấy bữa", "mấy ngày", "mấy hôm", "hai ba bữa", "cả tuần"),
    tuple(f"{k} {x}" for k in NOT for x in ("ra khỏi nhà", "thấy ra", "thấy mặt", "ra ngoài")),
)
_RASP = "ngáy rít, ngáy rít lên, ngáy rít rít, ngáy nghe rít"
_SHIVER = "run lập cập, run cầm cập, lạnh run lập cập"  # "sốt run" keeps its fever
_KNOWS_NOBODY = pairings(
    tuple(f"{k} còn" for k in NOT) + NOT, ("nhận ra ai", "nhận ra ai nữa", "biết ai nữa")
)
_FOUL_SORE = """
    vết loét hôi thối, loét hôi thối, vết loét hôi, lở loét hôi, vết loét chảy mủ,
    loét chảy mủ, vết loét mưng mủ, vết loét thúi
"""
_KEROSENE = pairings(
    ("uống nhầm", "uống lộn", "uống", "nuốt", "nuốt nhầm", "nhầm"),
    ("dầu lửa", "dầu hỏa", "dầu hôi"),
)
_SNATCH_NOW = pairings(
    ("đang giựt", "đang giật", "đang cướp"), ("bóp", "túi", "giỏ", "dây chuyền", "điện thoại")
)


# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
D28_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, _NO_WAKE, tags="sick d28_no_wake", fold="tone",
          service="115"),
    entry("medical", "emergency", 5, _LIMP, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _FACE_DOWN, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _FACE_DOWN_FLOOR, tags="d28_face_down", fold="tone"),
    entry(None, "normal", 0, _MOAN, tags="d28_moan", fold="tone"),
    entry(None, "normal", 0, _NO_ANSWER_LONG, tags="p27_no_answer", fold="tone"),
    entry(None, "normal", 0, _UNSEEN, tags="d28_unseen", fold="tone"),
    entry(None, "normal", 0, _RASP, tags="d28_rasp", fold="tone"),
    entry(None, "normal", 0, _SHIVER, tags="d28_shiver", fold="tone"),
    entry(None, "normal", 0, _KNOWS_NOBODY, tags="d28_knows_nobody", fold="tone"),
    entry(None, "normal", 0, _FOUL_SORE, tags="d28_foul_sore", fold="tone"),
    entry("medical", "emergency", 5, _KEROSENE, tags="sick d28_kerosene", fold="tone",
          service="115"),
    entry("violation", "emergency", 5, _SNATCH_NOW, tags="violence", fold="tone",
          service="113"),
)
D28_COMBOS: tuple[Combo, ...] = (
    signs_together("e23_lying", "unanswered", 6, ordered=True),
    signs_together("p27_no_answer", "d28_moan", 12),
    signs_together("d28_unseen", "d28_moan", 12),
    signs_together("rigid", "d28_moan", 8),
    signs_together("d28_rasp", "unresponsive", 6),
    signs_together("d28_shiver", "d28_knows_nobody", 10),
    signs_together("sweat", "d28_knows_nobody", 10),
    # face down on the floor, and not moving or answering
    signs_together("d28_face_down", "unanswered", 8),
    signs_together("d28_face_down", "unresponsive", 8),
    signs_together("d28_face_down", "still", 8),
    signs_together("d28_face_down", "e23_cannot_rise", 8),
    signs_together("d28_face_down", "d28_moan", 8),
    signs_together("d28_foul_sore", "fever", 10),
    signs_together("d28_foul_sore", "d28_shiver", 10),
    Combo(("q27_snatch", "perpetrator"), "violation", "emergency", 5, window=14,
          service="113"),
)
# fmt: on

_CAUSES = phrases("""
    trời lạnh, lạnh quá, gió lạnh, sợ, sợ kim, sợ chích, hồi hộp, mắc cỡ, ngại, giận, trời nóng
""")
_BECAUSE = words("tại vì do")
# what no harmless cause explains away (a reviewer's probes: "ngất xỉu ... chắc do trời nóng
# thôi", "đau ngực ... chắc tại giận thôi"), and a guess
_NOT_EXPLAINED = words("""
    ngất xỉu sỉu bất tỉnh giật co tím ngực tim thở máu cơn méo đớ liệt lịm hôn chắc
""")
_CAUSE_REACH = 5  # from "tại" to "thôi"
_NEW_SIGN = words("môi mặt da mắt miệng nói")
_IMAGE = 3  # how far after a simile a new sign may start
_RASPING = words("rít")  # "ngáy khò khò" is a sound sleep (round 18)


def round28d_marks(ws: list[str]) -> Marks:
    """ "là tại trời lạnh thôi": a harmless cause then "thôi" (``resolved``, docstring)."""
    found: list[tuple[int, int]] = []
    if _NOT_EXPLAINED.intersection(ws):
        return {"resolved": found}
    for k, w in enumerate(ws):
        if w not in _BECAUSE:
            continue
        rest = ws[k + 1 : k + 1 + _CAUSE_REACH]
        if "thôi" not in rest:
            continue
        end = k + 1 + rest.index("thôi")
        if any(tuple(ws[k + 1 : k + 1 + len(c)]) == c for c in _CAUSES) and end > k + 1:
            found.append((k, end + 1))
    return {"resolved": found}


def round28d_revise(marks: Marks, ws: list[str]) -> Marks:
    """A simile whose image is followed by a new sign does not reach that sign; a rasping
    snore is no sound sleep (docstring)."""
    similes = marks.get("simile", [])
    kept = [(s, e) for s, e in similes if not _NEW_SIGN.intersection(ws[e + 1 : e + 1 + _IMAGE])]
    out = {**marks, "simile": kept}
    if any(ws[k : k + 2] == ["ngáy", w] for k in range(len(ws)) for w in _RASPING):
        out.update(asleep=[], sound_asleep=[])
    return out


def ill_inside(hits: list[Hit]) -> bool:
    """Whether a moan of someone behind a door or unseen is heard: the rules' 115 stands
    against the model's 114 (:mod:`.need`)."""
    return any("d28_moan" in h.entry.tags for h in hits) and any(
        {"p27_no_answer", "d28_unseen"} & h.entry.tags for h in hits
    )


def round28d_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """Moaning behind a door nobody opens is a body in trouble (115), not someone shut in."""
    del ws
    if service != "114" or not ill_inside(hits):
        return service
    fire = any(h.entry.alarm == "114" for h in hits)
    ill = any(h.entry.alarm == "115" for h in hits)
    return "115" if ill and not fire else service
