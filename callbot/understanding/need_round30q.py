"""Round 30Q of issue 13 (session 16's writer Q: relayed, second-hand reports): a caller told
by phone, by a message or by a camera, or hearing through a wall, that someone is in danger
now; and the look-alikes with the same reported speech that are past, rumours or news.

A message is no threat in itself when what it tells is done to the body:

- **A message that relays an attack under way** ("con trai nhắn bị nhóm bạn chặn đánh ở cổng
  trường", "nhắn nói thằng chồng cũ đang cầm dao đứng trước cửa", "nhắn ông tài xế chở đi
  đường lạ"): round 18's ``remote`` mark (a threat sent by message or online, "nhắn tin hăm
  dọa") is taken back when nothing after it is a threat, a scam, a debt or an insult
  (:func:`round30q_marks`); the past, the rumour and the joke keep their own marks ("nhắn bị
  giựt điện thoại hồi chiều").
- **A rumour said "đồn có"** ("mấy người trong chợ đồn có băng bắt cóc con nít, thiệt hông"):
  read as the older "nghe đồn" (:func:`round30q_rumours`), unless said to be real.

115:

- **A fall and cannot get up, or nobody to lift them** ("té gãy chân rồi không đứng được",
  "ngã ngoài sân không đỡ dậy nổi", "té từ tối qua tới giờ chưa ai đỡ dậy").
- **A sound of distress, then no answer** ("nghe bên vách cái rầm rồi bà cụ rên hoài mà hổng
  ai qua", "ho sặc sụa rồi im ru gọi hổng ai trả lời", "thở khò khè rồi rớt máy", "nói muốn
  xỉu rồi gọi hoài hổng nghe máy"): a sign in :data:`Q30_DISTRESS` (or round 1's wheeze),
  then :data:`Q30_NO_ANSWER` within 16 words.
- **A birth that came in a room** ("đẻ rớt trong phòng trọ", "sanh rớt trong phòng").
- **An arm that cannot be lifted** ("không nhấc tay lên được"), a stroke sign beside another.
- **A blister pack swallowed**, said "dỉ" ("uống hết một dỉ thuốc").
- **Blood sugar dropped**, said "tục" ("đường huyết tục run hết tay chân").
- **Scalded and blistered** ("nồi nước sôi đổ lên chân phồng hết da").

114:

- **A child perched on a balcony rail** ("ngồi vắt vẻo ngoài lan can lầu bốn"): a height
  and a perch within 8 words.

113:

- **Held at home by strangers** ("hai người tự xưng công an vô nhà giữ ổng không cho gọi ai").
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, signs_together
from callbot.understanding.need_look_alikes_asked import DREAM_STOPS
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases

_NOT = ("không", "hông", "hổng", "chưa")
_CANNOT_LIFT = ", ".join(
    f"{k} {v}"
    for k in _NOT
    for v in (
        "đỡ dậy nổi", "đỡ dậy được", "ai đỡ dậy", "ai đỡ", "đỡ lên nổi", "ai đỡ lên",
        "dậy nổi", "ngồi dậy nổi", "đứng dậy nổi", "đứng lên nổi",
    )
)  # fmt: skip
_DISTRESS = """
    rên hoài, rên quá, rên rỉ, rên la, ho sặc sụa, ho sặt sụa,
    ho sặc, cái rầm, cái uỵch, cái ầm, rớt máy
"""
_NO_ANSWER = ", ".join(
    f"{c} {k} {v}"
    for c in ("cuộc", "kêu hoài", "gọi hoài", "kêu mãi", "gọi mãi", "kêu quài", "gọi quài")
    for k in ("không", "hông", "hổng")
    for v in ("ai trả lời", "nghe máy", "bắt máy", "ai nghe", "ai bắt máy")
)  # fmt: skip
_NOBODY = "không ai qua, hông ai qua, hổng ai qua, im ru, im re, im luôn"
_BIRTH_IN = """
    đẻ rớt trong phòng, đẻ rớt trong phòng trọ, sanh rớt trong phòng, sinh rớt trong phòng,
    đẻ rớt ở phòng trọ, sanh rớt ở phòng trọ
"""
_ARM = ", ".join(
    f"{k} {v}"
    for k in _NOT[:3]
    for v in ("nhấc tay lên được", "nhấc tay lên nổi", "giơ tay lên được", "giơ tay lên nổi",
              "nhấc nổi tay", "giơ nổi tay")
)  # fmt: skip
_PACK = "một dỉ thuốc, nguyên dỉ thuốc, hết dỉ thuốc, cả dỉ thuốc, nguyên dỉ, hết dỉ"
_SUGAR_LOW = "đường huyết tục, đường huyết bị tục, tục đường huyết, hạ đường huyết tục"
_BLISTER = "phồng hết da, phồng rộp hết, tuột da, lột hết da, phồng da hết"
_PERCH = "ngồi vắt vẻo, đứng vắt vẻo, vắt vẻo ngoài, vắt vẻo trên"
_HELD = ", ".join(
    f"{k} {v}"
    for k in ("không", "hông", "hổng")
    for v in ("cho gọi ai", "cho gọi điện", "cho ra khỏi nhà", "cho ổng đi", "cho bả đi")
)

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
Q30_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _CANNOT_LIFT, tags="q30_not_lifted", fold="tone"),
    entry(None, "normal", 0, _DISTRESS, tags="q30_distress", fold="tone"),
    entry(None, "normal", 0, _NO_ANSWER, tags="q30_no_answer", fold="tone"),
    entry(None, "normal", 0, _NOBODY, tags="q30_nobody", fold="tone"),
    entry("medical", "emergency", 5, _BIRTH_IN, tags="sick birth", fold="tone", service="115"),
    entry(None, "normal", 0, _ARM, tags="stroke_sign", fold="tone"),
    entry(None, "normal", 0, _PACK, tags="pack", fold="tone"),
    entry("medical", "emergency", 5, _SUGAR_LOW, tags="sick", fold="exact", service="115"),
    entry(None, "normal", 0, _BLISTER, tags="q30_blister", fold="tone"),
    entry(None, "normal", 0, _PERCH, tags="q30_perch", fold="tone"),
    entry(None, "normal", 0, _HELD, tags="q30_held", fold="tone"),
)
Q30_COMBOS: tuple[Combo, ...] = (
    signs_together("fall", "a29_cannot_stand", 8, ordered=True),
    signs_together("fall", "q30_not_lifted", 10, ordered=True),
    signs_together("e23_fell_from", "q30_not_lifted", 12, ordered=True),
    signs_together("q30_distress", "q30_no_answer", 16, ordered=True),
    signs_together("wheeze", "q30_no_answer", 16, ordered=True),
    signs_together("q30_distress", "q30_nobody", 16, ordered=True),
    signs_together("wheeze", "q30_nobody", 16, ordered=True),
    signs_together("sick", "q30_no_answer", 16, ordered=True),  # "mệt muốn xỉu"
    signs_together("boiling", "q30_blister", 8, ordered=True),
    Combo(("height", "q30_perch"), "other", "emergency", 5, window=8, service="114"),
    Combo(("stranger", "q30_held"), "violation", "emergency", 5, window=12, ordered=True,
          service="113"),
)
# fmt: on

# -- a message that relays, not threatens -----------------------------------------------------
Q30_THREAT = phrases("""
    dọa, hăm, đe, đe dọa, chửi, mắng, đòi nợ, đòi tiền, lừa, lừa đảo, khủng bố, tống tiền,
    bêu, nói xấu, xúc phạm, làm nhục, quấy rối, bôi nhọ, tung, đăng, giả, giả danh, mạo danh,
    chuyển tiền, chuyển khoản, hack, hăm he, thách, kêu ra, đánh ghen, ghen, xin tiền, chuộc,
    tiền chuộc, giỡn, đùa, chọc
""")
# a message sent to the caller (not a post online, "trên phây có vụ bắt cóc")
Q30_MESSAGE = frozenset({"nhắn", "tin", "zalo", "điện", "gửi"})
Q30_RELAY_REACH = 12  # after the message, where its threat would be said


def round30q_marks(marks: Marks, words: list[str]) -> Marks:
    """ "nhắn bị nhóm bạn chặn đánh": a message with no threat, scam, debt or insult after it
    relays what is done to a body, so round 18's ``remote`` is taken back (module docstring)."""
    remote = marks.get("remote", [])
    if not remote:
        return marks
    kept = [
        (s, e)
        for s, e in remote
        if not Q30_MESSAGE.intersection(words[s:e])
        or find(words[s : e + Q30_RELAY_REACH], Q30_THREAT)
    ]
    return marks if len(kept) == len(remote) else {**marks, "remote": kept}


# -- a rumour said "đồn có" --------------------------------------------------------------------
Q30_RUMOURS = phrases("""
    đồn có, đồn là có, xóm đồn, đồn ầm lên, đồn quá trời, hay đồn, bữa giờ đồn
""")

# a place word before "đồn": the police station, no rumour
Q30_AT_STATION = frozenset(
    {"cửa", "vô", "vào", "tới", "đến", "lên", "ở", "ra", "trong", "ngoài", "gần", "kế"}
    | {"cạnh", "trước", "sau", "bên", "ngay", "về", "qua", "tại", "đầu", "cuối", "phía"}
)


def round30q_rumours(words: list[str]) -> Marks:
    """ "mấy đứa trong xóm đồn có người bị bắt cóc": a rumour, read as round 26's dream and
    rumour are (to the next "thì", "mà", "giờ"...), unless said to be real."""
    return {
        "dream": [
            (e, next((k for k in range(e, len(words)) if words[k] in DREAM_STOPS), len(words)))
            for s, e in find(words, Q30_RUMOURS)
            # "trước cửa đồn có người", "chạy vô đồn có thằng": the police station (round 31M)
            if not (s > 0 and words[s] == "đồn" and words[s - 1] in Q30_AT_STATION)
        ]
    }
