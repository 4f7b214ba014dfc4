"""Everyday scenes taken for emergencies, and fears: a quarrel with words only, a question of how
often, a fear said with "lo" or "e" (round 17 of issue 13, reviewers' probes; marks read by
:mod:`.need_time` and :mod:`.need`, the fears by :mod:`.need_time_marks`).

Each class is read as a pattern, in several wordings, regions and recognition damages:

- **A quarrel with words only** ("hai đứa con đang cãi nhau giành đồ chơi", "vợ chồng nhà bên
  cãi lộn", "hai anh em nó gây gổ với nhau", "hàng xóm la hét chửi bới nhau"): a quarrel word
  (:data:`QUARRELS`) between people of an everyday circle (:data:`PARTIES`: children, siblings,
  a couple, neighbours; not a gang, :data:`GANGS`), and nothing in the answer of a blow, a
  weapon, a threat, a wound, an illness, a fire or a cry for help (:data:`HARM`). The mark
  ``calm_scene`` tells :mod:`.need` the rules read a known calm scene: the model may not promote
  it (as a breaker's trip, :mod:`.need_look_alikes_general`), and a quarrel word the rules read
  as 113 in it ("gây gổ", "gây sự") is calm when the quarrel is among themselves ("nhau": not
  "mẹ tôi gây gổ rồi", one who picks a fight). Its twins that turned to blows or a knife now
  ("cãi nhau rồi xách dao", "cãi lộn xong đánh nhau đang chảy máu", "chồng cãi nhau rồi đánh
  vợ") say a :data:`HARM` word and stay 113.
- **How many, how often** ("tháng này ở đây có nhiều vụ cướp giật không", "dạo này phường mình
  có trộm không anh", "khu này có thường xuyên bị cướp không"): a frequency or a period
  (:data:`OFTEN`) and, after it, a yes-no question ("có", "hay" ... a final "không", "hông"
  before nothing but particles, :data:`PARTICLES`) or a count ("bao nhiêu", not the "bao nhiêu
  là" of so much), nothing of now (:data:`NOW`), not of a medical emergency (those are
  :mod:`.need_look_alikes_general`'s to read: "xịt thuốc mấy lần không đỡ" is now): a general
  question, not a crime now, even about "ở đây", "phường mình" (which round 15's general question,
  :mod:`.need_look_alikes_general`, reads as someone's or now). "có cướp giật ở đây" stays.
- **A fear said with "lo" or "e"** ("tui lo tụi nó tới đánh", "con lo mai chủ nợ tới đập nhà",
  "tôi e bọn nó quay lại phá"): "lo", "lo lắng", "lo sợ" (or "e" after who speaks) followed by
  who is feared or a time to come (:data:`FEARED_START`) opens a feared clause like "sợ" does
  (:func:`fears`, read by :func:`.need_time_marks.time_marks`): what is feared is not happening
  now. "lo" alone stays a two-word reach ("lo sập"), since "lo" also means to take care of ("bác
  sĩ lo rồi", "lo tiền nhà"). A fear felt ("lo quá") opens nothing, and a clause break ("đang",
  "giờ") ends the feared clause: "tui lo quá tụi nó đang đập cửa nhà tui" stays 113, and so does
  one that says now (:data:`NOW_HERE`: "tui lo tụi nó đập cửa nhà tui kìa"). A fear's "bị"
  ("sợ bị giựt đồ", "lo bị cướp") belongs to the feared clause, whose emergency starts with it.
- **A child shut in a room at play** ("đứa nhỏ tự khóa trái cửa phòng ngủ mà nó đang chơi trong
  đó vui vẻ, tui muốn kiếm thợ mở khóa"): a room (not a car), a door locked (:data:`SHUT_IN_ROOM`),
  someone at play or at ease (:data:`AT_PLAY`) and nothing of danger (:data:`DANGER`: heat,
  crying, smoke, gas...): a ``calm_scene`` the model may not promote (the retrained model of
  session 10 told it 114 on "vui", "thợ").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_time_words import Phrases, phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit
    from callbot.understanding.need_time_marks import Marks

# 1. A quarrel with words only.
QUARRELS = phrases("""
    cãi nhau, cãi lộn, cãi vã, cãi cọ, cãi qua cãi lại, cãi, cải nhau, cải lộn, cãi nhao,
    cự nhau, cự cãi, chửi nhau, chửi lộn, chửi bới nhau, chửi qua chửi lại, giành, giành nhau,
    giành giật, dành nhau, tranh nhau, gây gổ, gây lộn, gây nhau, gây sự, gấu nhau, xích mích,
    hục hặc, chí chóe, chí choé, to tiếng, lớn tiếng, khắc khẩu, đấu khẩu, lời qua tiếng lại
""")
# People of an everyday circle: children, siblings, a couple, family, neighbours.
PARTIES = words("""
    con nhỏ bé em anh chị vợ chồng ba má mẹ bố cha ông bà cháu xóm nít đứa bạn dì cô chú bác
    cậu mợ thím dượng trọ nhà
""")
EACH_OTHER = "nhau"
GANGS = phrases("thanh niên, đầu gấu, giang hồ, côn đồ, băng, nhóm, phe, đám, xã hội đen")
# A blow, a weapon, a threat, a wound, an illness, a fire, a cry for help: not words only.
HARM = words("""
    đánh đáng đập đấm đá đâm chém chích tát bạt xô đẩy bóp siết kéo túm nắm ném chọi liệng phang
    quánh uýnh oánh tẩn thụi vật xô xát ẩu đả lao xông sáp rượt đuổi dí cầm xách rút dao rựa mã
    mả tấu súng gậy gạch chai búa kiếm mác phay xăng lửa đốt cháy nổ bắn dọa hăm giết chết thù
    máu thương chảy sưng bầm gãy rách té ngã ngất xỉu bất thở co giật ói nôn thuốc uống tự treo
    nhảy cắt rạch cứu kêu vỡ bể phá nhốt khóa bắt cóc trói hiếp sàm
""")
# 2. How many, how often.
OFTEN = phrases("""
    có nhiều, nhiều vụ, có hay, hay bị, hay có, thường bị, thường có, thường hay, thường xuyên,
    có thường, bao nhiêu, mấy vụ, mấy ca, dạo này, dạo gần đây, gần đây, độ này,
    thời gian này, thời gian gần đây, mùa này, năm nay có, tháng này có
""")
# A yes-no question asks only with one of these before its "không" ("có trộm không").
ASKING = words("có hay thường nhiều")
ENDS = words("không hông hôn hem ko")
PARTICLES = words("""
    anh chị em cô chú bác ạ dạ vậy hả à nhỉ ha hén nha đó ta ơi ông bà con cháu rứa hở
""")
NOW = words("đang giờ bây chừ vừa mới nãy cứu lẹ gấp kìa nhanh rồi ngay nè")
# 3. A fear said with "lo" or "e": who is feared, or a time to come, right after it.
FEAR_WORDS = phrases("lo, lo lắng, lo sợ, lo ngại, e")
FEARED_START = words("""
    nó tụi bọn chúng thằng ổng bả họ đám chủ lão mụ gã tên kẻ trộm cướp mai tối đêm sẽ lỡ nhỡ
""")
SPEAKERS = words("tui tôi tao tau em con cháu mình anh chị mẹ má ba bố bà ông")
LINKS = words("là rằng")
FEARED_BY = phrases(
    "sợ bị, lo bị, dễ bị, có thể bị, coi chừng bị, e bị, ngại bị, sợ là bị, lo là bị"
)
NOW_HERE = words("kìa nè ngay")
# 4. A child shut in a room at play: a locksmith's job ("đứa nhỏ tự khóa trái cửa phòng ngủ mà
# nó đang chơi trong đó vui vẻ"), unless anything of danger is said (a car, heat, crying...);
# "kêu", "kiếm", "tự" are calling, looking for and "by himself" here ("kêu thợ", "kiếm thợ").
SHUT_IN_ROOM = phrases("khóa trái, tự khóa, khóa cửa, kẹt trong phòng, nhốt trong phòng")
AT_PLAY = phrases("""
    vui vẻ, đang chơi, chơi trong, cười giỡn, ngủ ngon, coi ti vi, xem ti vi, coi phim, xem phim
""")
DANGER = (HARM - {"khóa", "nhốt", "tự", "kiếm", "kêu"}) | words(
    "xe nắng nóng khóc thét khói ga điện ngột sợ"
)


_INDEX: dict[int, dict[str, list[tuple[str, ...]]]] = {}


def _find(words_: list[str], table: Phrases) -> list[tuple[int, int]]:
    """(start, end) of every phrase of ``table`` in ``words_``, the longest at each start (the
    phrases looked up by their first word, each table indexed once)."""
    index = _INDEX.get(id(table))
    if index is None:
        index = {}
        for phrase in table:
            index.setdefault(phrase[0], []).append(phrase)
        _INDEX[id(table)] = index
    out = []
    for i, word in enumerate(words_):
        ends = [i + len(p) for p in index.get(word, ()) if tuple(words_[i : i + len(p)]) == p]
        if ends:
            out.append((i, max(ends)))
    return out


def _calm_quarrel(words_: list[str]) -> list[tuple[int, int]]:
    """The quarrel words of an answer that tells a quarrel with words only (module docstring)."""
    said = set(words_)
    if HARM & said or not PARTIES & said or _find(words_, GANGS):
        return []
    return _find(words_, QUARRELS)


def _how_often(words_: list[str]) -> list[tuple[int, int]]:
    """The whole answer when it asks how many or how often (module docstring)."""
    if NOW & set(words_):
        return []
    k = len(words_)
    while k > 0 and words_[k - 1] in PARTICLES:
        k -= 1
    closed = k > 0 and words_[k - 1] in ENDS
    for s, _ in _find(words_, OFTEN):
        counted = words_[s] == "bao" and words_[s + 2 : s + 3] != ["là"]
        asked = closed and s < k - 1 and ASKING & set(words_[s : k - 1])
        if counted or asked:
            return [(0, len(words_))]
    return []


def fears(words_: list[str]) -> list[tuple[int, int]]:
    """Where "lo", "lo lắng", "e" (after who speaks) open a feared clause: followed, past "là",
    "rằng", by who is feared or a time to come, and the clause says nothing of now here."""
    out = []
    for s, e in _find(words_, FEAR_WORDS):
        if words_[s] == "e" and not (s > 0 and words_[s - 1] in SPEAKERS):
            continue
        k = e + 1 if e < len(words_) and words_[e] in LINKS else e
        if k < len(words_) and words_[k] in FEARED_START and not NOW_HERE & set(words_[k:]):
            out.append((s, e))
    # "sợ bị", "lo bị", "dễ bị": the feared clause holds its "bị" ("sợ bị giựt đồ": "bị giựt")
    out += [(s, e - 1) for s, e in _find(words_, FEARED_BY) if words_[e - 1] == "bị"]
    return out


def _at_play_inside(words_: list[str]) -> bool:
    """A child shut in a room and at play, nothing of danger said (module docstring)."""
    said = set(words_)
    if "phòng" not in said or DANGER & said:
        return False
    return bool(_find(words_, SHUT_IN_ROOM)) and bool(_find(words_, AT_PLAY))


def calm_marks(words_: list[str]) -> Marks:
    """Where the answer says what this module's classes need."""
    quarrel = _calm_quarrel(words_)
    calm = bool(quarrel) or _at_play_inside(words_)
    return {
        # the rules' 113 of a quarrel word only among themselves ("gây gổ với nhau"): one who
        # picks a fight on the caller's ("mẹ tôi gây gổ rồi") may threaten
        "calm_quarrel": quarrel if EACH_OTHER in words_ else [],
        "calm_scene": [(0, len(words_))] if calm else [],
        "how_often": _how_often(words_),
    }


def calm_look_alike(hit: Hit, marks: Marks) -> bool:
    """Whether an emergency ``hit`` is a quarrel word of a calm quarrel, or said in a question
    of how often (module docstring)."""
    if any(
        hit.start <= s < hit.end or s <= hit.start < e for s, e in marks.get("calm_quarrel", [])
    ):
        return True
    # a medical question stays the rules' others' to read ("dạo này ba hay đau ngực")
    asked = marks.get("how_often", [])
    return hit.entry.alarm != "115" and any(s <= hit.start < e for s, e in asked)
