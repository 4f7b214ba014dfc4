"""Round 34C of issue 13 (session 18's writer C: emergencies framed as a question or hedged,
"hình như", "có sao hông chị", "chắc mệt thôi mà"). The frame was mostly not what hid them:
the signs were said in words the lexicon did not know.

115, signs read together (:data:`C34_COMBOS`, with round 32X's and 33Z's combos):

- **No heartbeat heard, said long**: an ear on the chest (round 32X's, and "úp tai lên
  ngực") then listening and hearing nothing ("nghe hoài hổng thấy gì", "nghe mãi không
  thấy đập").
- **A birth done, then blood that keeps coming**: "đẻ xong", "sanh xong" (a birth, done)
  then "máu cứ ra", "huyết cứ chảy", also the slip "máo" ("máo cứ ra ướt hết khăn");
  pregnant ("mang thai", "có bầu") then "máu đỏ chảy", "máu đỏ ra". "máu ra ...", "máu
  chảy ...", "máo ra" are older phrases, not hidden by longer ones here.
- **A knock on the head, then hard vomiting** ("đụng đầu ... nôn thốc nôn tháo", round
  31S's phrase; "ói xối xả", "nôn ào ào").
- **Limbs jerking on and on** ("tay chân giật liên tục", "cả người giựt từng cơn"), read
  alone like a fit.
- **A birth stuck half out**: a part out ("ra được cái mông") then stuck or no strength left
  ("rồi kẹt luôn", "rặn hổng nổi"; "kẹt lại", "kẹt cứng" are older); a part out is no
  resolution ("ra được cái chân rồi" is not "lấy ra được rồi").

114 (kept 114 by round 32X's reviser, its tags given):

- **A child inside a shut car**, the car said first ("xe hơi đóng kín kiếng, thằng bé ở
  trong").
- **Sucked down a drain**: a drain then "bị hút xuống mất", "bị nước hút vô cống".
- **Flood water, then nobody can get out** ("nước tràn ngập tới cửa sổ ... bà nội hổng ra
  được").

113:

- **Someone carried off, then a vehicle speeding away** (the older carrying off, "ôm",
  "lôi", then "rồ ga chạy mất", "phóng xe chạy mất"), whatever doubt opens the answer
  ("không biết có phải bắt cóc hông"). "rồ ga" is no gas.
- **Someone rummaging in the house, or a break-in sound, and a man's voice** ("tiếng lục
  tủ dưới nhà ... nghe giọng đàn ông thì thầm"), whatever the caller hopes it is ("chắc
  chuột").

Marks:

- **Supposed, asked** (:func:`round34c_marks`): "lỡ" or "nhỡ" then, within a clause, "thì"
  and a question a few words after ("lỡ nó lên cơn lần nữa thì em phải làm sao"), or "lỡ
  ... lần nữa" (not "lần nữa rồi"), with nothing said as done or happening between ("rồi",
  "giờ", "luôn", "đang"). A "lỡ" of an accident (:func:`by_accident`, shared with round
  35E) is none: "lỡ tay", "lỡ uống nhầm ... thì làm sao", "lỡ té hồ", "lỡ đụng xe", "lỡ làm
  đổ xăng" stay emergencies.
- **A named bystander is no general question** (:func:`round34c_revise`): an answer about
  "cô", "chú", "bác", "dì" ... not called ("cô ơi", "chú công an ơi"), not a teacher, a
  doctor or a nurse ("cô giáo", "bác sĩ", "cô y tá"), is a scene, not an asked-in-general
  ("chú xe ôm ngồi ngoài nắng xỉu ngang có cần gọi xe hông").

Service (:func:`round34c_service`): smoke smelled from a stove or a generator with a body in
trouble and nothing burning or catching ("bén qua mùng") is fumes, 115 ("ngửi khói bếp than
nãy giờ lơ mơ ói hoài").

Calm: "lỡ mai mốt nó co giật nữa thì sao" (supposed), "hôm qua sanh xong máu ra chút xíu giờ
hết rồi" (over), "chú ơi người ngồi nắng lâu bị xỉu thì có cần gọi xe không" (general),
"chắc chuột thôi" alone, "tiếng thì thầm ngoài đường" alone, "ba nó bế bé lên xe chở đi học".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = [
    "C34_COMBOS",
    "C34_ENTRIES",
    "by_accident",
    "round34c_marks",
    "round34c_revise",
    "round34c_service",
]

_HEAR_NOTHING = pairings(
    ("nghe", "nghe hoài", "nghe mãi", "nghe hoài mà", "nghe mãi mà", "nghe một hồi", "nghe kỹ"),
    ("hổng thấy gì", "không thấy gì", "hông thấy gì", "chẳng thấy gì", "hổng thấy đập",
     "không thấy đập", "hông thấy đập", "hổng thấy thình thịch", "không thấy thình thịch"),
)  # fmt: skip
_EAR = pairings(("úp tai", "kề tai sát"), ("lên ngực", "vô ngực", "vào ngực"))  # the rest: older
_BIRTH_DONE = pairings(("đẻ", "sanh", "sinh"), ("xong", "xong rồi", "xong xuôi"))
_FLOW = (
    pairings(  # "máu ra ...", "máu chảy ..." are older phrases: not hidden
        ("máu", "huyết"), ("cứ ra", "cứ chảy", "đỏ chảy", "đỏ ra", "đỏ tươi ra")
    )
    + ", "
    + pairings(("máo",), ("cứ ra", "cứ chảy", "ra hoài", "chảy hoài"))  # "máo ra": older
)
_VOMIT_HARD = """
    ói xối xả, nôn xối xả, ói ào ào, nôn ào ào, ói thốc tháo, nôn thốc tháo
"""
_STUCK_HALF = (
    pairings(("rồi", "mà"), ("kẹt luôn",))
    + ", "
    + pairings(("rặn",), ("hổng nổi", "không nổi", "hông nổi", "hết nổi"))
)
_JERKING = pairings(
    ("tay chân", "chân tay", "người", "cả người"),
    ("giựt", "giật"),
    ("liên hồi", "liên tục", "từng cơn", "không ngừng", "hổng ngừng", "hông ngừng"),
)
_CAR = ("ô tô", "xe hơi", "xe ô tô", "xe con")
_CAR_SHUT = pairings(
    _CAR, ("đóng kín kiếng", "đóng kín cửa", "khóa kín cửa", "đóng kín", "khóa kín", "đóng chặt",
           "khóa chặt", "đóng kiếng"),
)  # fmt: skip
_CHILD = (
    "em bé", "bé", "con nít", "đứa nhỏ", "thằng nhỏ", "con nhỏ", "cháu bé", "đứa bé", "thằng bé",
    "con bé",
)  # fmt: skip
_INSIDE = pairings(_CHILD, ("bên trong", "ở trong", "ở trỏng"))  # not "trong xe": older
_SUCKED = pairings(
    ("bị hút", "bị nước hút"), ("xuống mất", "xuống cống", "vô cống", "mất tiêu", "xuống mất tiêu")
)
_SPEED_OFF = """
    rồ ga, rồ ga chạy mất, rồ ga phóng đi, rồ ga bỏ chạy, rồ máy chạy mất, phóng xe chạy mất,
    vọt xe chạy mất
"""
_RUMMAGE = pairings(
    ("tiếng", "có tiếng", "nghe tiếng"),
    ("kéo hộc tủ", "kéo ngăn kéo", "mở hộc tủ", "lục tủ", "lục hộc tủ", "lục lọi đồ",
     "mở ngăn kéo"),  # not "cạy cửa": older
)  # fmt: skip
_MAN_VOICE = """
    đàn ông thì thầm, tiếng đàn ông thì thầm, giọng đàn ông thì thầm, tiếng người thì thầm,
    giọng đàn ông lạ, tiếng đàn ông lạ, tiếng người lạ nói, giọng người lạ, tiếng thì thầm,
    mấy người thì thầm, đàn ông nói chuyện nhỏ nhỏ
"""

_GIVES_114 = frozenset({"trapped", "x32_rescue"})

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
C34_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _HEAR_NOTHING, tags="x32_hear_nothing", fold="tone"),
    entry(None, "normal", 0, _EAR, tags="x32_ear", fold="tone"),
    entry(None, "normal", 0, _BIRTH_DONE, tags="birth z33_birth", fold="tone"),
    # "mới đẻ" is older (someone just born or just given birth): keep its tags
    entry(None, "high", 0, pairings(("mới", "vừa"), tuple(_BIRTH_DONE.split(", "))),
          tags="person who birth z33_birth", fold="tone"),
    entry(None, "normal", 0, _FLOW, tags="z33_flow c34_flow", fold="tone"),
    entry(None, "normal", 0, _VOMIT_HARD, tags="c34_vomit", fold="tone"),
    entry("medical", "emergency", 5, _JERKING, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _STUCK_HALF, tags="x32_no_further", fold="tone"),
    entry(None, "normal", 0, _CAR_SHUT, tags="x32_shut_car", fold="tone"),
    entry(None, "high", 0, _INSIDE, tags="person who c34_inside", fold="tone"),
    entry(None, "normal", 0, _SUCKED, tags="x32_swept", fold="tone"),
    entry(None, "normal", 0, _SPEED_OFF, tags="away c34_speed_off", fold="tone"),
    entry(None, "normal", 0, _RUMMAGE, tags="c34_rummage", fold="tone"),
    entry(None, "normal", 0, _MAN_VOICE, tags="c34_voice", fold="tone"),
)
C34_COMBOS: tuple[Combo, ...] = (
    signs_together("pregnant", "c34_flow", 14, ordered=True, at_second=True),
    signs_together("x32_knock", "c34_vomit", 12, ordered=True),
    signs_together("x32_knock", "s31_vomit", 12, ordered=True),
    Combo(("x32_shut_car", "c34_inside"), "other", "emergency", 5, window=10, ordered=True,
          service="114", gives=_GIVES_114),
    Combo(("flood", "cannot_leave"), "other", "emergency", 5, window=22, ordered=True,
          service="114", gives=frozenset({"trapped"})),
    Combo(("carry_off", "c34_speed_off"), "violation", "emergency", 5, window=12,
          ordered=True, service="113", gives=frozenset({"crime"})),
    Combo(("c34_rummage", "c34_voice"), "violation", "emergency", 5, window=18,
          service="113", gives=frozenset({"crime"})),
    Combo(("break_sound", "c34_voice"), "violation", "emergency", 5, window=18,
          service="113", gives=frozenset({"crime"})),
)
# fmt: on

# "lỡ ... thì em phải làm sao": the question a few words after "thì".
C34_THEN = words("thì thời")
C34_ASK = words("sao răng gì ai nào đâu")
C34_ASK_REACH = 4
C34_CLAUSE_REACH = 14  # "lỡ ba tui lên cơn tim xe cấp cứu vô hông được thì sao"
C34_AGAIN = phrases("lần nữa, lần sau, bữa nào, mai mốt, sau này, tái phát")
# "lỡ" said of an accident ("lỡ tay", "lỡ uống nhầm", "lỡ té hồ"), the word right after it
# (after "mà", "như", "có"): never a what-if.
C34_ACCIDENT = words("""
    tay chân miệng bước trớn đà uống nuốt hít ăn té ngã đụng tông va quẹt đâm cán làm đổ cắt
    đứt đạp giẫm dẫm vấp trượt rớt xô đẩy bấm chạm nhậu
""")
C34_WHAT_IF_FILLERS = words("mà như có")
# Said of what is done or happening, between "lỡ" and its question: no what-if.
C34_DONE = words("rồi giờ luôn đã đang nãy")
# A named bystander: a title the lexicon's PERSONAL lacks; not a call, not a teacher.
C34_TITLES = words("cô chú bác dì cậu mợ thím dượng")
C34_NOT_SCENE = words("ơi giáo sĩ y nói bảo ạ à hỏi")
C34_CALL_REACH = 3  # "chú công an ơi", "cô bán thuốc ơi": a call, not a bystander
# A part out of a birth is no resolution ("ra được cái mông rồi").
C34_PART_OUT = phrases(pairings(
    ("ra", "ló", "ló được", "ra được", "mới ra", "mới ló", "lòi"),
    ("cái mông", "cái chân", "một chân", "hai chân", "bàn chân", "cái tay", "một tay", "cái đầu"),
))  # fmt: skip
# Fumes, not a fire: smoke from a stove or a generator, a body in trouble, nothing burning.
C34_FUMES = "m27_fumes"
C34_BURNING = words("cháy lửa bùng bốc kẹt nổ bén")  # "bén qua mùng": catching


def by_accident(ws: list[str], i: int) -> bool:
    """Whether the word at ``i`` is a "lỡ" (or "nhỡ") of an accident ("lỡ uống nhầm", "lỡ té",
    "lỡ mà đụng"), which never opens a what-if. Shared with round 35E's feared states."""
    if ws[i] not in tw.WHAT_IF:
        return False
    k = i + 1
    while k < len(ws) and ws[k] in C34_WHAT_IF_FILLERS:
        k += 1
    return k >= len(ws) or ws[k] in C34_ACCIDENT


def _asked_what_if(ws: list[str]) -> list[tuple[int, int]]:
    """A "lỡ" answered by "thì" and a question soon after, or by a repeat ("lần nữa", not
    "lần nữa rồi"), with nothing said as done or happening between ("rồi", "giờ", "luôn")."""
    again = [s for s, e in find(ws, C34_AGAIN) if not C34_DONE.intersection(ws[e : e + 1])]
    out = []
    for i in range(len(ws)):
        if ws[i] not in tw.WHAT_IF or by_accident(ws, i):
            continue
        ahead = range(i + 1, min(len(ws), i + C34_CLAUSE_REACH))
        asked = [
            k
            for k in ahead
            if ws[k] in C34_THEN and C34_ASK & set(ws[k + 1 : k + 1 + C34_ASK_REACH])
        ]
        ends = asked[:1] + [a for a in again if i < a < i + C34_CLAUSE_REACH][:1]
        if any(not C34_DONE.intersection(ws[i + 1 : end]) for end in ends):
            out.append((i, i + 1))
    return out


def round34c_marks(ws: list[str]) -> Marks:
    """A "lỡ" asked about or said of a repeat is supposed (module docstring)."""
    return {"supposed": _asked_what_if(ws)}


def _bystander(ws: list[str]) -> bool:
    """Whether the answer names a bystander by a title ("cô bán vé số"), not calling one."""
    return any(
        w in C34_TITLES
        and k + 1 < len(ws)
        and ws[k + 1] not in C34_NOT_SCENE
        and "ơi" not in ws[k + 1 : k + 1 + C34_CALL_REACH]
        for k, w in enumerate(ws)
    )


def round34c_revise(marks: Marks, ws: list[str]) -> Marks:
    """A named bystander is no general question; a part of a birth out is no resolution."""
    parts = find(ws, C34_PART_OUT)
    resolved = [
        (s, e)
        for s, e in marks.get("resolved", [])
        if not any(s <= ps < e and pe <= e for ps, pe in parts)
    ]
    general = [] if _bystander(ws) else marks.get("general", [])
    return {**marks, "resolved": resolved, "general": general}


def round34c_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """Smoke from a stove or a generator with a body in trouble, nothing burning: 115."""
    if service != "114" or C34_BURNING & set(ws):
        return service
    if not any(C34_FUMES in h.entry.tags for h in hits):
        return service
    alive = [h for h in hits if h.entry.urgency == "emergency" and not h.negated]
    body = any(h.entry.category == "medical" or "sick" in h.entry.tags for h in alive)
    only_smoke = all("smoke" in h.entry.tags for h in alive if h.entry.alarm == "114")
    return "115" if body and only_smoke else service
