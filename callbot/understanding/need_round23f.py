"""False emergencies the rules gave on the fourteenth development part's writers N and O
(round 23F of issue 13): an emergency word echoed to deny it, taken back, cancelled, over
with nobody hurt, threatened for later, a prevention course, a case in the news or days ago,
a rumour about someone else, a birth near term with no money. :func:`round23f_marks` is read
by :mod:`.need_marks`; its marks are the keys :mod:`.need_time` already reads.

- **Echoed and denied** ("mistaken"): "cháy hả hông phải đâu tui hỏi chuyện khác", "đâm
  người hả không phải đâu chị tui kể phim": the word repeated as a question ("hả", "hở", "à")
  and denied at once ("hông/không/hổng/đâu phải"). Only the words before the denial.
- **Taken back** ("mistaken"): "hồi nãy tui nói bị giựt đồ là nhầm", "em báo cháy là lộn
  nha": what was said ("nói", "báo", "kêu") followed within 8 words by "là nhầm / là lộn /
  nhầm rồi / lộn rồi".
- **Called off** ("resolved"): "khỏi cấp cứu nha ổng tỉnh rồi", "hổng cần kêu xe cấp cưu nữa
  bả khỏe lại rồi": the crew called off, with the person come round or the thing over, and no
  "đang" nor weapon in the answer.
- **Fight over, nobody hurt** ("resolved"): "đánh lộn ngoài chợ mà tan hết rồi hông ai bị
  gì": a brawl, dispersed ("giải tán, tan, đi hết, bỏ chạy hết"), with nobody hurt said.
  Without "nobody hurt" ("giải tán rồi mà có người nằm đó chảy máu") it stays.
- **Nobody hurt** ("nobody_hurt"), more wordings: "hổng có ai bị gì", "hông có ai bị thương"
  ("cây gãy đè lên mái tôn" with nobody hurt is a clean-up).
- **Threatened for later** ("feared"): "nó dọa mai đánh tui ở trường", "hăm tuần sau tới
  đốt nhà": a threat put off to a later day, up to the end of its clause; and a threat of
  words only, the threatener gone ("nói sẽ đốt nhà mà nói dị thôi ổng đi rồi"), when no
  "đang" is in the answer.
- **Prevention** ("mistaken" over the name's words, "topic"): "bên phòng cháy", "đội phòng
  cháy chữa cháy", "dạy thoát hiểm khi cháy": the service or a course named by the fire it
  prevents. "cái phòng cháy rồi" (the room is on fire) is not this, nor a fire after the name
  ("đang tập phòng cháy thì cháy thật").
- **A case in the news or days ago** ("media", "past"): "vụ điện giật ở hồ bơi báo đăng đó",
  "cái vụ đuối nước hôm trước": "vụ" and the event, then within 8 words a paper, the TV, or a
  day gone by, with no "đang" between.
- **Heard of someone else, then asked** ("media"): "nghe nói có bé bị sốc phản vệ em sợ quá
  hỏi chích ở đâu": hearsay about "có" someone, the caller asking, no sign of now ("đang",
  "giờ", "cứu", "mau").
- **Scolded to death** ("simile"): "bị sếp chửi muốn chết luôn", "bị má mắng gần chết": a
  feeling said big after a scolding, not a death wish.
- **Near term and no money** ("feared"), pregnancy told by its months: "vợ em bầu chín tháng
  sắp sinh rồi mà mất việc không có tiền" is high, like round 22D's "mang bầu ... sắp sanh";
  with a labour sign ("đau bụng", "ra nước") it stays 115.
"""

from __future__ import annotations

from callbot.understanding import need_round22d as d22
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import NOBODY_HURT, phrases, words

__all__ = ["round23f_marks"]

# -- echoed and denied -----------------------------------------------------------------------
F23_ECHO = words("hả hở à hả hử")
F23_DENY = phrases("hông phải, không phải, hổng phải, đâu phải, hông có, không có, hổng có")
F23_ECHO_BACK = 5

# -- taken back ------------------------------------------------------------------------------
F23_SAID = words("nói báo kêu khai")
F23_RETRACT = phrases("""
    là nhầm, là lộn, là sai, là tui nhầm, là em nhầm, là tôi nhầm, là tui lộn, là em lộn,
    nhầm rồi, lộn rồi, nhầm dồi, lộn dồi, nói nhầm, báo nhầm
""")
F23_RETRACT_REACH = 8

# -- called off ------------------------------------------------------------------------------
F23_CALL_OFF = phrases("""
    khỏi cấp cứu, khỏi cấp cưu, khỏi gọi cấp cứu, khỏi kêu cấp cứu, khỏi kêu xe, khỏi gọi xe,
    khỏi cần cấp cứu, không cần cấp cứu, hông cần cấp cứu, hổng cần cấp cứu,
    không cần gọi cấp cứu, hông cần kêu xe, hổng cần kêu xe, không cần kêu xe, không cần xe,
    hông cần xe, hổng cần xe, khỏi xe cấp cứu, khỏi cấp cứu nữa, khỏi tới, không cần tới,
    hông cần tới, hổng cần tới, khỏi cho người tới, khỏi qua
""")
F23_CAME_ROUND = phrases("""
    tỉnh rồi, tỉnh dồi, tỉnh lại rồi, tỉnh lại dồi, khỏe rồi, khỏe lại rồi, ổn rồi, ổn dồi,
    hết rồi, không sao rồi, hông sao rồi, hổng sao rồi, đỡ rồi, đỡ dồi, tắt rồi, dập rồi,
    ngồi dậy, tự về, về rồi, hết sao rồi
""")
F23_DANGER_NOW = words("đang dao súng máu máo cháy khói nổ kẹt chìm")

# -- fight over, nobody hurt -----------------------------------------------------------------
F23_BRAWL = phrases("""
    ẩu đả, đánh nhau, đánh lộn, đập lộn, xô xát, gây gổ, đánh lộng, quánh lộn, oánh nhau,
    đâm chém nhau, chém nhau
""")
F23_DISPERSED = phrases("""
    giải tán, tan rồi, tan hết, đi hết, về hết, chạy hết, bỏ đi hết, bỏ chạy, tản ra, can ra,
    can được rồi, dẹp rồi, thôi rồi, ngưng rồi
""")
F23_NOBODY_HURT = phrases("""
    hổng có ai bị gì, hông có ai bị gì, không có ai bị gì hết, không ai bị gì hết,
    hổng ai bị thương, hông ai bị thương, hổng có ai bị thương, hông có ai bị thương,
    hông có ai sao, hổng có ai sao, không có ai sao, hông ai bị chi, hổng ai bị chi,
    không ai bị gì cả, không có ai bị thương hết, hông ai bị sao, hổng ai bị sao
""")

# -- threatened for later --------------------------------------------------------------------
F23_THREAT = phrases("dọa, hăm, đe dọa, hăm dọa, hăm he, dọa dẫm, nói sẽ, thề sẽ, tuyên bố")
F23_LATER = phrases("""
    mai, ngày mai, mốt, ngày mốt, tuần sau, bữa sau, tháng sau, hôm sau, lần sau, bữa khác,
    bữa nào, tối mai, chiều mai, sáng mai, mai mốt, tan học, ra chơi
""")
F23_LATER_REACH = 4
F23_CLAUSE_END = words("mà nhưng giờ còn nên vì tại chị anh cô chú ơi")
F23_WORDS_ONLY = phrases("""
    nói dị thôi, nói vậy thôi, nói zậy thôi, nói chơi thôi, dọa thôi, hăm thôi, nói cho sướng
    miệng, nói miệng thôi, ổng đi rồi, bả đi rồi, nó đi rồi, tụi nó đi rồi, ổng về rồi,
    nó về rồi, bỏ đi rồi
""")

# -- prevention ------------------------------------------------------------------------------
F23_PREVENTION = phrases("phòng cháy chữa cháy, phòng cháy, pccc, phòng chống cháy")
F23_INSTITUTION = words("""
    bên đội cảnh sát lính cục tổ ban lớp học dạy kỹ năng kiến thức thiết bị bình công tác
    tập huấn trường chú anh chị mời của về hội
""")
F23_ESCAPE = phrases("thoát hiểm, thoát nạn, chạy thoát, sơ tán")
F23_TEACH = words("dạy học tập huấn hướng dẫn chỉ diễn")
F23_TEACH_REACH = 6
F23_REAL = words("thật thiệt")

# -- a case in the news or days ago ----------------------------------------------------------
F23_CASE = words("vụ")
F23_NEWS = phrases("""
    trên báo, báo đăng, báo đưa, báo nói, đăng báo, lên báo, trên ti vi, trên tivi, ti vi nói,
    tivi nói, thời sự, tin tức, trên mạng, trên phây, trên phây búc, trên facebook
""")
F23_DAYS_AGO = phrases("""
    hôm trước, bữa trước, tuần trước, tháng trước, hôm qua, năm ngoái, hồi trước, bữa hổm,
    hôm bữa, hổm bữa, năm rồi, tuần rồi, tháng rồi, mấy bữa trước, mấy hôm trước
""")
F23_CASE_REACH = 8

# -- heard of someone else, then asked -------------------------------------------------------
F23_HEARSAY = phrases("""
    nghe nói, nghe đồn, nghe người ta nói, người ta đồn, nghe kể, nghe bà con nói
""")
F23_SOMEONE = words("có")
F23_ASKING = phrases("hỏi, ở đâu, chỗ nào, có sao không, có sao hông, được không, được hông")
F23_NOW = words("đang giờ cứu mau lẹ nè kìa liền gấp")

# -- scolded to death -----------------------------------------------------------------------
F23_SCOLDED = words("chửi mắng la rầy chửi bới quạu hành")
F23_TO_DEATH = phrases("muốn chết, gần chết, chết luôn, thấy mồ, chết được, muốn xỉu")
F23_SCOLDED_REACH = 3

# -- near term and no money ------------------------------------------------------------------
F23_MONTHS = words("bảy tám chín mười")
F23_BAU = words("bầu")


def _echo_denied(ws: list[str]) -> list[tuple[int, int]]:
    return [
        (max(0, i - F23_ECHO_BACK), i + 1)
        for i, w in enumerate(ws)
        if w in F23_ECHO and any(s == i + 1 for s, _ in find(ws, F23_DENY))
    ]


def _taken_back(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    retracts = find(ws, F23_RETRACT)
    for i, w in enumerate(ws):
        if w not in F23_SAID:
            continue
        # "nói lộn xộn": speech confused (a stroke), not a slip taken back
        ends = [
            e for s, e in retracts if 0 <= s - i <= F23_RETRACT_REACH and ws[e : e + 1] != ["xộn"]
        ]
        if ends:
            out.append((i, max(ends)))
    return out


def _called_off(ws: list[str]) -> list[tuple[int, int]]:
    if F23_DANGER_NOW & set(ws) or not find(ws, F23_CAME_ROUND) or not find(ws, F23_CALL_OFF):
        return []
    return [(0, len(ws))]


def _fight_over(ws: list[str]) -> list[tuple[int, int]]:
    brawls = find(ws, F23_BRAWL)
    if not brawls or not find(ws, F23_DISPERSED):
        return []
    hurt = find(ws, F23_NOBODY_HURT) + find(ws, NOBODY_HURT)
    first = min(s for s, _ in brawls)
    return [(first, e) for s, e in hurt if s > first]


def _clause_end(ws: list[str], start: int, span: int) -> int:
    return next(
        (k for k in range(start, min(len(ws), start + span)) if ws[k] in F23_CLAUSE_END),
        min(len(ws), start + span),
    )


def _threat_later(ws: list[str]) -> list[tuple[int, int]]:
    if "đang" in ws:
        return []
    later = find(ws, F23_LATER)
    only_words = find(ws, F23_WORDS_ONLY)
    out = []
    for s, e in find(ws, F23_THREAT):
        if any(0 <= s2 - e <= F23_LATER_REACH for s2, _ in later):
            out.append((s, _clause_end(ws, e + 1, 7)))
        ends = [e2 for s2, e2 in only_words if s2 > e]
        if ends:
            out.append((s, max(ends)))
    return out


def _prevention_named(ws: list[str]) -> list[tuple[int, int]]:
    """Only the words of the name: "đang tập phòng cháy thì cháy thật" keeps its fire."""
    return [
        (s, e)
        for s, e in find(ws, F23_PREVENTION)
        if e - s > 2 or ws[s] == "pccc" or (s > 0 and ws[s - 1] in F23_INSTITUTION)
    ]


def _escape_taught(ws: list[str]) -> list[tuple[int, int]]:
    if F23_REAL & set(ws):
        return []
    teach = [i for i, w in enumerate(ws) if w in F23_TEACH]
    return [
        (s, e) for s, e in find(ws, F23_ESCAPE) if any(0 <= s - t <= F23_TEACH_REACH for t in teach)
    ]


def _case_of(ws: list[str], table: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
    marks = find(ws, table)
    out = []
    for i, w in enumerate(ws):
        if w not in F23_CASE:
            continue
        ends = [e for s, e in marks if 1 < s - i <= F23_CASE_REACH and "đang" not in ws[i:s]]
        if ends:
            out.append((i, min(ends)))
    return out


def _heard_asked(ws: list[str]) -> list[tuple[int, int]]:
    if F23_NOW & set(ws):
        return []
    asked = find(ws, F23_ASKING)
    out = []
    for s, e in find(ws, F23_HEARSAY):
        if "có" in ws[e : e + 5] and any(s2 > e for s2, _ in asked):
            out.append((s, min(s2 for s2, _ in asked if s2 > e)))
    return out


def _scolded(ws: list[str]) -> list[tuple[int, int]]:
    deaths = find(ws, F23_TO_DEATH)
    return [
        (i, i + 1)
        for i, w in enumerate(ws)
        if w in F23_SCOLDED and any(0 < s - i <= F23_SCOLDED_REACH for s, _ in deaths)
    ]


def _birth_unpaid(ws: list[str]) -> list[tuple[int, int]]:
    if not find(ws, d22.D22_NO_MONEY) or d22.D22_LABOUR & set(ws) or find(ws, d22.D22_LABOUR_SIGNS):
        return []
    told = [
        i
        for i, w in enumerate(ws)
        if w in F23_BAU and F23_MONTHS & set(ws[i + 1 : i + 3]) and "tháng" in ws[i + 2 : i + 4]
    ]
    return [(s, e) for s, e in find(ws, d22.D22_BIRTH) if any(t < s for t in told)]


def round23f_marks(ws: list[str]) -> Marks:
    """This module's readings (module docstring), as the marks :mod:`.need_time` reads."""
    return {
        "mistaken": _echo_denied(ws) + _taken_back(ws) + _prevention_named(ws),
        "resolved": _called_off(ws) + _fight_over(ws),
        "nobody_hurt": find(ws, F23_NOBODY_HURT),
        "feared": _threat_later(ws) + _birth_unpaid(ws),
        "topic": _escape_taught(ws),
        "media": _case_of(ws, F23_NEWS) + _heard_asked(ws),
        "past": _case_of(ws, F23_DAYS_AGO),
        "simile": _scolded(ws),
    }
