"""Look-alikes of emergencies that are none, fifth set: things, opinions and people at ease
(round 12 of issue 13, a reviewer's probes; marks and tests read by :mod:`.need_time`, as
:mod:`.need_look_alikes_settled`).

The reviewer's false emergencies showed these classes, each covered in several wordings,
regions and recognition damages, not by their sentences:

- **A device "bị sập"** ("máy tính bị sập hoài", "mạng sập từ sáng", "app ngân hàng sập",
  "điện thoại sập nguồn"): a collapse said of a machine, a network, a site, an app or a
  breaker (:data:`DEVICES` just before it, or "nguồn", "mạng" right after it) is no building
  falling; a building named between ("trần", "tường", "nhà" right before) or people under it
  ("đè", "kẹt", "vùi") keep it.
- **A small device's bang, gone out** ("cục sạc nổ tạch một cái rồi tắt không có lửa",
  "bóng đèn nổ cái bốp rồi tắt"): a blast of a small device (:data:`SMALL_DEVICES`) followed by
  it going out or fire denied (:data:`WENT_OUT`), nobody hit and nothing burning.
- **An opinion** ("bả nói thằng đó đáng bị đánh lắm", "ổng nói đáng bị đánh đòn"): "đáng"
  (deserves) right before the event, with someone's saying or thinking before it or an
  opinion's tail after it (:data:`SAYS`, :data:`OPINION_TAIL`); Vosk may write "đang" as
  "đáng", hence both are needed.
- **A thing dropped** ("làm rớt cái điện thoại xuống cống lấy lên không được", "chùm chìa
  khóa rơi xuống giếng"): a thing (:data:`THINGS`, or a classifier of things) falling, no
  person named between it and the event.
- **Handouts after a fire** ("mấy phòng bị cháy cần phát mì gạo ở đâu", "nhà bị sập xin
  quần áo"): a fire or a collapse followed by a request for handouts (:data:`HANDOUTS`),
  nothing said to go on.
- **Under observation in hospital** ("bác sĩ nói ba bị tai biến nhẹ đang nằm theo dõi trong
  viện"): "theo dõi" with a doctor or a hospital named is care (joined to the ``hospital``
  marks), unless sent home or something new happens after it.
- **A near miss** ("chết đuối hụt", "bị xe tông hụt"): the event right before "hụt" did not
  happen.
- **A rhetorical denial** ("giỡn thôi chứ có ai cháy nhà đâu", "chứ đâu có ai đánh"): the
  events between "chứ có" and its "đâu", or after "chứ đâu có", "làm gì có", to the clause's
  end.
- **People at ease**: a class for children ("lớp dạy phòng cháy cho con nít"), an elderly
  person doing heavy chores ("ông già đang khiêng cái tủ lên lầu", :data:`ABLE`) and a
  vulnerable person said to be unchanged ("bị liệt nằm một chỗ vẫn vậy không có gì mới",
  :data:`UNCHANGED`) are no one in need, when nothing else pressing is said
  (:func:`at_ease`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import NOT
from callbot.understanding.need_look_alikes import clause_end
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

DEVICES = phrases("""
    máy tính, máy vi tính, vi tính, laptop, láp tóp, lap top, điện thoại, đt, mạng, wifi,
    wi fi, oai phai, web, trang web, website, app, áp, ứng dụng, hệ thống, server, máy chủ,
    zalo, da lô, facebook, phây, phây búc, ti vi, tivi, màn hình, sóng, internet, in tơ nét,
    game, gêm, cổng dịch vụ công, cổng thông tin, tổng đài, cầu dao, cb, át tô mát, aptomat
""")
DEVICE_REACH = 5
DEVICE_AFTER = words("nguồn mạng web wifi app")
BUILDING = words("trần tường mái cầu giàn lầu vách cột tòa hầm mỏ đất núi nhà")
UNDER = words("đè kẹt vùi chôn lấp mắc dưới")
SMALL_DEVICES = phrases("""
    sạc, cục sạc, củ sạc, dây sạc, bóng đèn, bóng, đèn, ổ cắm, ổ điện, phích cắm, quạt, pin,
    cục pin, cầu chì, công tắc, tụ, tụ điện, adapter, loa, remote, chuột, đồng hồ điện
""")
SMALL_REACH = 6
WENT_OUT = phrases("""
    rồi tắt, tắt luôn, tắt ngúm, tắt ngấm, tắt lịm, không có lửa, hổng có lửa, hông có lửa,
    không có cháy, không cháy, hổng cháy, không bốc cháy, không thấy lửa, không có khói,
    không bắt lửa, chẳng có lửa
""")
WENT_OUT_REACH = 10
HIT_BY = words("trúng văng thương phỏng bỏng máu mù bén lan")
BURNING = words("cháy khói")
DESERVES = "đáng"
DESERVES_JOIN = words("ra lẽ phải cho nó bị")
SAYS = words("nói bảo biểu kêu thấy nghĩ chửi mắng la rầy")
SAYS_REACH = 8
OPINION_TAIL = words("lắm đời chừa đòn đúng phải thật thiệt")
THINGS = phrases("""
    điện thoại, đt, chìa khóa, chìa khoá, chùm chìa khóa, ví, bóp, nhẫn, dép, giày, tiền,
    kính, mắt kính, nón, đồng hồ, dây chuyền, bông tai, ly, chén, muỗng, đũa, remote
""")
CLASSIFIERS = words("cái chiếc chùm cục bịch cây đôi sợi tờ cuốn bộ")
FALL = words("rớt rơi lọt văng")
PERSONS = words("""
    thằng con bé em đứa người ông bà cháu ba má mẹ cha bố anh chị cô chú nhỏ ảnh ổng bả nó
""")
DROP_REACH = 7
FALL_REACH = 5
DROP_VERB = "đánh"
FELL = [[w] for w in FALL]
VEHICLES = words("xe ô tô ôtô oto ghe thuyền tàu xuồng đò thang cabin cáp lồng")
HANDOUTS = words("gạo mì quần áo mền mùng chăn cứu trợ quyên góp ủng hộ nhu yếu phẩm trợ cấp")
ASKS = words("cần xin hỏi muốn nhận phát")
HANDOUT_REACH = 10
GOING_ON = words("đang vẫn chưa còn kẹt lan cứu")
OBSERVED = phrases("""
    đang theo dõi, nằm theo dõi, đang nằm theo dõi, giữ lại theo dõi, nằm lại theo dõi,
    cho nằm theo dõi, nhập viện theo dõi, đang được theo dõi, được theo dõi,
    theo dõi trong viện, theo dõi ở viện, theo dõi tại viện, theo giỏi, đang theo giỏi
""")
CARERS = words("bệnh viện viện bác sĩ bs y tá nhập diện")
SENT_HOME = phrases("về nhà, ở nhà, xuất viện, cho về, tự nhiên, đột nhiên, bỗng, lại")
NEAR_MISS = "hụt"
BUT = "chứ"
DENIAL_TO_DAU = 8
DAU = "đâu"
WHERE = words("ở chỗ tới đi về từ")
CLASSES = words("lớp khóa khoá dạy học chương trình câu lạc bộ clb trại")
CLASS_REACH = 8
ELDERLY = phrases("""
    ông già, bà già, ông nội, bà nội, ông ngoại, bà ngoại, ông cụ, bà cụ, mẹ già, má già,
    ba già, cha già, ông bà
""")
ABLE = words("khiêng vác bưng bê xách dọn sửa chặt cuốc tưới câu")
ABLE_BETWEEN = words("tui tôi em mình con đang vẫn còn hay tự đi ra")
ABLE_REACH = 4
UNCHANGED = phrases("""
    vẫn vậy, vẫn như cũ, vẫn thế, vẫn như vậy, như cũ, không có gì mới, hông có gì mới,
    hổng có gì mới, không có chi mới, không có gì khác, không có gì lạ, không có chi lạ
""")
SUDDEN = words("lại tự đột bỗng vừa mới")
CUES = FALL | HANDOUTS | ABLE | {DESERVES, NEAR_MISS}


def _observed(words_: list[str]) -> list[tuple[int, int]]:
    """ "đang nằm theo dõi" with a doctor or a hospital named and nobody sent home, nothing new
    after it: care, read as the ``hospital`` marks."""
    if not CARERS & set(words_) or find(words_, SENT_HOME[:3]):
        return []
    return [(s, e) for s, e in find(words_, OBSERVED) if not find(words_[e:], SENT_HOME)]


def _denials(words_: list[str]) -> list[tuple[int, int]]:
    """ "chứ có ai cháy nhà đâu": to its "đâu"; "chứ đâu có", "làm gì có": to the clause end."""
    out = []
    for k, w in enumerate(words_[:-1]):
        nxt = words_[k + 1]
        if w == BUT and nxt == "có":
            dau = next(
                (
                    j
                    for j in range(k + 2, min(len(words_), k + 2 + DENIAL_TO_DAU))
                    if words_[j] == DAU and words_[j - 1] not in WHERE
                ),
                None,
            )
            if dau is not None:
                out.append((k + 1, dau))
        elif (w == BUT and nxt == DAU) or (w == "làm" and words_[k + 1 : k + 3] == ["gì", "có"]):
            out.append((k + 1, clause_end(words_, k + 2, tw.CLAUSE_BREAKS)))
    return out


def thing_marks(words_: list[str]) -> Marks:
    """Where the answer says what this module's classes need (module docstring); the key
    ``hospital`` adds to those of :func:`.need_marks.all_marks`."""
    return {
        "hospital": _observed(words_),
        "devices": find(words_, DEVICES),
        "small_devices": find(words_, SMALL_DEVICES),
        "went_out": find(words_, WENT_OUT),
        "denials": _denials(words_),
        "unchanged": find(words_, UNCHANGED),
        # where the other classes' words are, that :func:`.need_time.defuse` reads the answer
        "thing_cues": [(k, k + 1) for k, w in enumerate(words_) if w in CUES],
    }


def _device_down(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """ "máy tính bị sập", "bị sập nguồn": a device's collapse, no building, nobody under it."""
    if "collapse" not in hit.entry.tags or UNDER & set(words_[hit.end :]):
        return False
    if hit.end < len(words_) and words_[hit.end] in DEVICE_AFTER:
        return True
    return (hit.start == 0 or words_[hit.start - 1] != "nhà") and any(
        0 <= hit.start - e < DEVICE_REACH and not (BUILDING - {"nhà"}) & set(words_[e : hit.start])
        for _, e in marks["devices"]
    )


def _small_bang(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """A small device's bang, then it went out or no fire: nobody hit, nothing burning."""
    if "blast" not in hit.entry.tags or HIT_BY & set(words_):
        return False
    burning = any(w in BURNING and words_[k - 1] not in NOT for k, w in enumerate(words_) if k)
    return (
        not burning
        and any(0 <= hit.start - e < SMALL_REACH or s == hit.end for s, e in marks["small_devices"])
        and any(0 <= s - hit.end < WENT_OUT_REACH for s, _ in marks["went_out"])
    )


def _deserved(hit: Hit, words_: list[str]) -> bool:
    """ "đáng bị đánh lắm": an opinion of what someone deserves."""
    at = next(
        (
            k
            for k in range(max(0, hit.start - 2), hit.start + 1)
            if words_[k] == DESERVES and set(words_[k + 1 : hit.start]) <= DESERVES_JOIN
        ),
        None,
    )
    if at is None:
        return False
    said = SAYS & set(words_[max(0, at - SAYS_REACH) : at])
    return bool(said or OPINION_TAIL & set(words_[hit.end : hit.end + 3]))


def _dropped(hit: Hit, words_: list[str]) -> bool:
    """A thing falls ("làm rớt cái điện thoại xuống cống"), no person named after it."""
    if hit.entry.alarm == "115":
        return False  # a cup dropped by a hand gone weak is a stroke's sign
    lo = max(0, hit.start - DROP_REACH)
    things = [s for s, _ in find(words_, THINGS)] + [
        k
        for k, w in enumerate(words_[:-1])
        if w in CLASSIFIERS and words_[k + 1] not in PERSONS | VEHICLES
    ]
    falls = [k for k in range(lo, hit.end) if words_[k] in FALL]
    return any(
        lo <= t < hit.start
        and any((f == t - 1 or t < f) and hit.start - f <= FALL_REACH for f in falls)
        and not PERSONS & set(words_[t + 1 :])
        for t in things
    )


def _handouts(hit: Hit, words_: list[str]) -> bool:
    """ "mấy phòng bị cháy cần phát mì gạo": handouts asked after a fire or a collapse."""
    if not {"fire", "collapse"} & hit.entry.tags or GOING_ON & set(words_):
        return False
    after = words_[hit.end : hit.end + HANDOUT_REACH]
    asked = next((k for k, w in enumerate(after) if w in ASKS), None)
    return asked is not None and bool(HANDOUTS & set(after[asked:]))


def thing_look_alike(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    return (
        _device_down(hit, words_, marks)
        or _small_bang(hit, words_, marks)
        or _deserved(hit, words_)
        or _dropped(hit, words_)
        # "đánh rớt", "đánh rơi": dropped, no blow
        or (words_[hit.start : hit.end] == [DROP_VERB] and words_[hit.end : hit.end + 1] in FELL)
        or _handouts(hit, words_)
        or (hit.end < len(words_) and words_[hit.end] == NEAR_MISS)
        or any(s <= hit.start and hit.end <= e for s, e in marks["denials"])
    )


def class_for(hit: Hit, words_: list[str]) -> bool:
    """A child named as who a class is for ("lớp dạy bơi cho con nít")."""
    if hit.start == 0 or words_[hit.start - 1] != "cho":
        return False
    before = words_[max(0, hit.start - 1 - CLASS_REACH) : hit.start - 1]
    at = max((k for k, w in enumerate(before) if w in CLASSES), default=None)
    return at is not None and not tw.CLAUSE_BREAKS & set(before[at + 1 :])


def at_ease(hits: list[Hit], words_: list[str], marks: Marks) -> bool:
    """Whether all that is urgent in ``hits`` is who the people named are, and they are at
    ease: an elderly person doing heavy chores, a vulnerable person said to be unchanged."""
    urgent = [h for h in hits if h.entry.urgency != "normal"]
    if not urgent or any("person" not in h.entry.tags for h in urgent):
        return False
    last = max(h.end for h in urgent)
    unchanged = any(s >= last and not SUDDEN & set(words_[last:s]) for s, _ in marks["unchanged"])
    return unchanged or _able(words_)


def _able(words_: list[str]) -> bool:
    """ "ông già tui đang khiêng cái tủ": an elderly person doing a heavy chore."""
    for _, e in find(words_, ELDERLY):
        ahead = words_[e : e + ABLE_REACH]
        at = next((k for k, w in enumerate(ahead) if w in ABLE), None)
        if at is not None and set(ahead[:at]) <= ABLE_BETWEEN:
            return True
    return False
