"""Look-alikes of emergencies that are none, fourth set: scenes settled, long past, in care or
asked about (round 11 of issue 13; entries read by :mod:`.need_lexicon`, marks and the test by
:mod:`.need_time`, as :mod:`.need_look_alikes_more`).

The seventh development part's near twins (the same scenes once the danger is over or handled,
asked about, or only a figure of speech) showed these classes, each covered in several
wordings, regions and recognition damages, not by their sentences:

- **A medical event long past** ("bị đột quỵ hồi năm ngoái", "chết đuối hồi tháng trước",
  "bị chém hôm trước"): a past marker of another day after a 115 emergency times it, as
  :func:`.need_time_marks.timed_spans` already does for the other services; one of the same
  day ("hồi sáng", "hôm qua") still may need 115 now (:data:`SAME_DAY`).
- **Bedridden after a stroke** ("tai biến nằm một chỗ", "liệt ... giờ nằm một chỗ vẫn vậy"):
  a stroke or a palsy followed by a bedridden state, nothing sudden between
  (:data:`BEDRIDDEN`, :data:`SUDDEN`); what is said after it still counts.
- **Settled, recovered, checked** ("bác sĩ lo hết rồi", "giờ ăn uống được rồi", "vẫn chạy
  nhảy", "xẹp rồi", "ban quản lý kiểm tra nói không có gì"), **in care** ("bác sĩ đang điều
  trị", "mới chuyển vô bệnh viện", "nằm chợ rẫy"), **asked only to know** ("hỏi để biết
  thôi", "nên hỏi trước"): :data:`SETTLED`, :data:`IN_CARE`.
- **A named event, over** ("sau vụ cháy khu trọ", "sạp cháy trong vụ cháy chợ"): what
  follows "sau vụ" and what is placed "trong vụ", nothing said to go on (:data:`AFTER_EVENT`).
- **Topics**: papers of a fire ("giấy xác nhận vụ cháy", "làm lại giấy tờ nhà bị cháy"), a
  charge ("tố cáo ảnh tội bạo hành"), a class or a skill ("lớp dạy phòng cháy", "kỹ năng khi
  bị lạc"), help for victims ("chỗ nào giúp người bị bạo hành"), handouts ("phát mì gạo cho
  mấy phòng bị cháy"): :data:`TOPICS`, joined to :mod:`.need_time`'s.
- **Seen in a clip** ("coi clip trên mạng thấy xe rơi xuống sông"): its clause (:data:`CLIP`);
  a clip being shot ("tụi nó đang quay clip") is the scene itself and stays.
- **Supposed**: "lỡ ban đêm trộm vô nhà", "lỡ mai mốt" (:data:`SOME_TIME`); a combination
  whose last part follows "nếu" ("thang máy ... nếu bị kẹt").
- **Not what it sounds like**: a bang after which the breaker tripped or the power went
  ("nổ cái bụp cầu dao nhảy", :data:`POWER_OUT`), firecrackers ("đốt pháo nổ đùng đùng"),
  fire and smoke listed as not seen ("không thấy lửa khói gì"), a pothole or a missing manhole
  cover a vehicle dips into ("ổ gà ... xe cứ sụp vô", :data:`ROAD_HOLES`), a thing dropped
  ("làm rớt cả vỉ xuống cống"), a caller held up at work or at a bedside ("kẹt trong bệnh
  viện chăm chồng"), a small burn cared for at home ("rộp một cục bằng đồng xu"), and idioms
  (:data:`SETTLED_LOOK_ALIKE_ENTRIES`: "tức nổ đom đóm mắt", "nợ ngập tới cổ", "chém dá").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_time_marks as tm
from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Entry, entry
from callbot.understanding.need_look_alikes import clause_end
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

# A past marker of the same day or the day before: a stroke "hồi sáng" may still need 115.
SAME_DAY = words("sáng trưa chiều tối khuya đêm qua nãy nảy nẩy nẫy hôm")
FAR = words("trước ngoái năm tháng tuần cách xưa kia đây còn bé nhỏ tết thứ chủ")
STROKE = words("tai biến đột quỵ liệt bại")
BEDRIDDEN = phrases("""
    nằm một chỗ, nằm liệt giường, liệt giường, nằm liệt một chỗ, nằm một chổ, nằm 1 chỗ,
    nằm im một chỗ mấy năm
""")
BEDRIDDEN_REACH = 10
STILL = words("vẫn còn")  # a sign said to remain: a stroke's after-effect (_after_effect)
SUDDEN = words("lại tự đột bỗng vừa mới nãy nảy sáng tối")
SETTLED = phrases("""
    kiểm tra nói không có gì, kiểm tra không có gì, kiểm tra rồi không có gì,
    kiểm tra thấy không có gì, kiểm tra nói không sao, kiểm tra rồi nói không sao,
    kiểm tra thấy bình thường, kiểm tra rồi bình thường, coi rồi không có gì,
    ăn uống được rồi, nói chuyện được rồi, đi lại được rồi, đi đứng được rồi,
    vẫn chạy nhảy, chạy nhảy được, vẫn chơi bình thường, vẫn giỡn, là ngưng rồi,
    xẹp rồi, xẹp xuống rồi, đỡ sưng rồi, bác sĩ lo hết rồi, bác sĩ lo rồi, lo hết rồi,
    khâu rồi, may rồi, băng bó rồi, được người ta cứu, được cứu lên, ổn định rồi,
    hỏi để biết thôi, hỏi để biết, hỏi cho biết, hỏi trước thôi, nên hỏi trước,
    hỏi trước cho biết, hỏi phòng hờ
""")
IN_CARE = phrases("""
    bác sĩ đang điều trị, bác sĩ điều trị rồi, bác sĩ đang chữa, chuyển vô bệnh viện,
    chuyển vào bệnh viện, chuyển lên bệnh viện, chuyển viện rồi, nằm chợ rẫy, ở chợ rẫy,
    nằm bạch mai, được đưa vô viện, được đưa vào viện, cứu đưa vô viện, cứu đưa vào viện,
    được chở vô viện, đưa vô viện lo, nằm viện rồi
""")
POWER_OUT = phrases("""
    cầu dao nhảy, nhảy cầu dao, cầu dao tự nhảy, cầu dao tự ngắt, cb nhảy, nhảy cb,
    át tô mát nhảy, cúp điện luôn, mất điện luôn, cúp điện hết, mất điện hết
""")
AFTER_EVENT = phrases("sau vụ, sau cái vụ, từ vụ, từ sau vụ, kể từ vụ, sau lần")
AFTER_EVENT_REACH = 3
IN_EVENT = phrases("trong vụ, trong cái vụ")
GOING_ON = words("đang vẫn chưa kẹt")
TOPICS = phrases("""
    giấy xác nhận, xác nhận, giấy tờ, làm lại giấy, tố cáo, chỗ nào giúp, nơi nào giúp,
    chỗ giúp, ở đâu giúp, nơi giúp đỡ, chỗ nào hỗ trợ, kỹ năng, lớp dạy, lớp học, khóa học,
    dạy cách, học cách, kiến thức, phát mì gạo, phát gạo, phát mì, phát cơm, phát đồ
""")
CHARGE = "tội"
NOT_A_CHARGE = words("nghiệp nghiệt lắm quá ghê")
CLIP = phrases("""
    coi clip, xem clip, cái clip, đoạn clip, clip trên mạng, coi video, xem video,
    cái video, đoạn video, video trên mạng, coi tóp tóp, lướt tóp tóp, coi tik tok,
    lướt phây, coi phây, coi cờ líp, cái cờ líp
""")
SOME_TIME = words("ban đêm ngày mai mốt sau một khi lúc hôm bữa đêm tối nửa")
THREAT = words("dọa doạ hăm đòi thách")
WHAT_IF = words("lỡ nhỡ")
NOT_SEEN = phrases("không thấy, hổng thấy, hông thấy, chẳng thấy, không có thấy, hổng có thấy")
NOT_SEEN_ENDS = words("gì chi")
NOT_SEEN_REACH = 4
FIRE_TAGS = frozenset({"fire", "smoke", "blast"})
FIRECRACKERS = phrases("""
    đốt pháo, bắn pháo, chơi pháo, pháo hoa, pháo bông, pháo tết, pháo chuột, pháo dây,
    pháo nổ, pháo đì đùng
""")
FIRECRACKER_REACH = 3
ROAD_HOLES = phrases("ổ gà, ổ voi, nắp cống, hố ga, lỗ cống, miệng cống, ổ trâu")
VEHICLE = words("xe là")
DROP = words("làm đánh")
SINGED = "xém"
FALL = words("rớt rơi")
AT_WORK = words("bệnh viện viện công ty chỗ làm cơ quan quê nhà máy xưởng sở")
DUTY = words("chăm trực làm lo nuôi")
DUTY_REACH = 5
BURN = words("phỏng bỏng phõng")
SMALL = phrases("""
    bằng đồng xu, bằng ngón tay, bằng móng tay, một chút, chút xíu, nhỏ xíu, một xíu,
    bằng hột đậu, bằng cái nút áo, một cục nhỏ, một chấm
""")
LARGE = words("cả khắp nguyên hết lớn to nặng sâu mặt")
SMALL_REACH = 10

# fmt: off
SETTLED_LOOK_ALIKE_ENTRIES: tuple[Entry, ...] = (
    # Idioms of anger, debt, overcharging and bragging: no explosion, no flood, no knife.
    entry(None, "normal", 0, """
        nổ đom đóm mắt, tức nổ đom đóm, nổ đom đóm, nổ con mắt, nổ như pháo, nói nổ,
        nợ ngập tới cổ, nợ ngập đầu, nợ ngập tới đầu, nợ nần ngập tới cổ, chém dá,
        đầu muốn bốc cháy, đầu như bốc cháy, đầu bốc khói
        """),
)
# fmt: on


def _charges(words_: list[str]) -> list[tuple[int, int]]:
    """ "tội bạo hành", "tội cố ý gây thương tích": a charge, not "tội nghiệp"."""
    return [
        (k, k + 1)
        for k, w in enumerate(words_)
        if w == CHARGE and not NOT_A_CHARGE & set(words_[k + 1 : k + 2])
    ]


def _long_ago(words_: list[str]) -> list[tuple[int, int]]:
    """What a past marker of another day times (:func:`.need_time_marks.timed_spans`)."""
    return [
        (back, start)
        for back, start in tm.timed_spans(words_)
        if FAR & set(words_[start : start + 3])
        and not SAME_DAY & set(words_[start : start + 2])
        and not _hours_ago(words_[start : start + 6])
    ]


def _hours_ago(marker: list[str]) -> bool:
    """ "cách đây hai tiếng", "cách đây mười lăm phút": the same day (a stroke's window), though
    "cách" is far; the first unit of time named decides ("cách đây hai năm giờ ..." is years)."""
    unit = next((w for w in marker if w in tw.HOURS or w in tw.UNITS), None)
    return unit in tw.HOURS


def _what_if(words_: list[str]) -> list[tuple[int, int]]:
    """ "lỡ ban đêm", "nhỡ mai mốt": a supposition of some time to come."""
    return [
        (k, k + 1)
        for k in range(len(words_) - 1)
        if words_[k] in WHAT_IF and words_[k + 1] in SOME_TIME
    ]


def _not_seen(words_: list[str]) -> list[tuple[int, int]]:
    """ "không thấy lửa khói gì": what lies between the denial and its "gì", "đâu"."""
    out = []
    for _, e in find(words_, NOT_SEEN):
        stop = next(
            (
                k
                for k in range(e, min(len(words_), e + NOT_SEEN_REACH))
                if words_[k] in NOT_SEEN_ENDS
            ),
            None,
        )
        if stop is not None:
            out.append((e, stop))
    return out


def settled_marks(words_: list[str]) -> Marks:
    """Where the answer says what this module's classes need (module docstring); the keys
    ``resolved``, ``hospital``, ``topic``, ``media``, ``supposed`` and ``power_handled`` add to
    those of :func:`.need_marks.all_marks`."""
    media = [(e, clause_end(words_, e, tw.CLAUSE_BREAKS)) for _, e in find(words_, CLIP)]
    return {
        "resolved": find(words_, SETTLED),
        "hospital": find(words_, IN_CARE),
        "topic": find(words_, TOPICS) + _charges(words_),
        "media": media,
        "supposed": _what_if(words_),
        "power_handled": find(words_, POWER_OUT),
        "long_ago": _long_ago(words_),
        "bedridden": find(words_, BEDRIDDEN),
        "after_event": find(words_, AFTER_EVENT),
        "in_event": find(words_, IN_EVENT),
        "not_seen": _not_seen(words_),
        "firecrackers": find(words_, FIRECRACKERS),
        "road_holes": find(words_, ROAD_HOLES),
        "small": find(words_, SMALL),
        "dropped": [
            (k + 1, k + 2)
            for k in range(len(words_) - 1)
            if words_[k] in DROP and words_[k + 1] in FALL
        ],
        "singed": [(k - 1, k + 1) for k in range(1, len(words_)) if words_[k] == SINGED],
    }


def _bedridden(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """A stroke or a palsy, then a bedridden state with nothing sudden between."""
    said = set(words_[hit.start : hit.end])
    if hit.entry.alarm != "115" or not STROKE & said:
        return False
    for s, _ in marks["bedridden"]:
        if 0 <= s - hit.end < BEDRIDDEN_REACH and not SUDDEN & set(words_[hit.end : s]):
            return True
    return False


def _after_effect(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """A stroke's sign said to remain ("vẫn", "còn") after a stroke of another day ("bị đột
    quỵ hồi năm ngoái giờ vẫn yếu một bên"), nothing sudden between: its after-effect."""
    if hit.entry.alarm != "115" or STROKE & set(words_[hit.start : hit.end]):
        return False
    if not STILL & set(words_[max(0, hit.start - 2) : hit.start]):
        return False
    return any(
        STROKE & set(words_[b:e]) and not SUDDEN & set(words_[e : hit.start])
        for b, e in marks["long_ago"]
        if e <= hit.start
    )


def _event_over(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Right after "sau vụ", or placed "trong vụ", with nothing said to go on ("sau vụ sập nhà
    hồi nãy còn hai người kẹt" is the collapse itself, still trapping them)."""
    if GOING_ON & set(words_):
        return False
    return any(0 <= hit.start - e < AFTER_EVENT_REACH for _, e in marks["after_event"]) or any(
        s == hit.end or 0 <= hit.start - e < 2 for s, e in marks["in_event"]
    )


def _supposed_part(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """A combination with "nếu" inside it: its last part is supposed ("thang máy ... nếu bị
    kẹt"); not a threat ("dọa nếu không đưa tiền sẽ đốt nhà")."""
    return not THREAT & set(words_[: hit.end]) and any(
        hit.start < s and e < hit.end for s, e in marks["supposed"]
    )


def _not_what_it_sounds(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """A bang of firecrackers, fire not seen, a road hole, a thing dropped, a caller held up,
    a small burn."""
    tags = hit.entry.tags
    said = set(words_[hit.start : hit.end])
    after = words_[hit.end : hit.end + DUTY_REACH]
    return (
        (
            "blast" in tags
            and any(0 <= hit.start - e < FIRECRACKER_REACH for _, e in marks["firecrackers"])
        )
        or (bool(FIRE_TAGS & tags) and any(s <= hit.start < e for s, e in marks["not_seen"]))
        or (
            "collapse" in tags
            and any(
                e <= hit.start and VEHICLE & set(words_[e : hit.start])
                for _, e in marks["road_holes"]
            )
        )
        or any(s == hit.start for s, _ in marks["dropped"])
        # singed, after the fire was put out: the damage left ("dập tắt rồi ... bị cháy xém")
        or (
            any(e == hit.end + 1 for _, e in marks["singed"])
            and any(e <= hit.start for _, e in marks["fire_out"])
        )
        or ("trapped" in tags and bool(AT_WORK & set(after)) and bool(DUTY & set(after)))
        or (
            bool(BURN & said)
            and any(0 <= s - hit.end < SMALL_REACH for s, _ in marks["small"])
            and not LARGE & set(words_[hit.start : hit.end + SMALL_REACH])
        )
    )


def settled(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    long_ago = hit.entry.alarm == "115" and any(b <= hit.start < s for b, s in marks["long_ago"])
    return (
        long_ago
        or _bedridden(hit, words_, marks)
        or _after_effect(hit, words_, marks)
        or _event_over(hit, words_, marks)
        or _supposed_part(hit, words_, marks)
        or _not_what_it_sounds(hit, words_, marks)
    )
