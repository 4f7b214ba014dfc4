"""False emergencies of the eleventh development set: public-order nuisances, a word shouted in
a game with nothing happening, someone to identify on camera, the caller kept away (round 19
of issue 13, two new writers; entries read by :mod:`.need_lexicon`, marks and the test by
:mod:`.need_time`, as :mod:`.need_minor_and_asked`).

Each class is read as a pattern, in several wordings, regions and recognition damages:

- **A walkway blocked** ("lấn chiếm vỉa hè bán hàng kín hết lối đi", "đậu xe chắn lối đi vô
  hẻm"): "lối đi", "lối vào" are a path, not the "lôi đi" (dragged away) their toneless form
  matches, which with "có người" made a stranger taking someone away. The path phrases are
  entries matched exactly (:data:`ROUND19_FALSE_ENTRIES`), so they win over the toneless
  "lôi đi" and leave a true "có người lạ lôi đi đứa nhỏ" alone; the path blocked ("kín hết
  lối đi", "chắn lối vào") is an obstruction reported to the ward.
- **A barking dog the owner will not shut in** ("nuôi chó xủa suốt đêm mà chủ hổng chịu
  nhốt", "chó tru cả đêm chủ không thèm nhốt lại"): "nhốt" after a refusal or a request
  (:data:`REFUSED`) with an animal named before it and nobody after it (no person, no room:
  "nhốt tui trong phòng" stays 113) is an animal to shut in, a nuisance. Vosk's "xủa" for
  "sủa" is a noise report like "sủa".
- **A word shouted in a game or a joke, nothing happening** ("chơi game la cháy rồi cháy rồi
  ... mà không có chi hết", "giỡn hét có trộm mà chẳng có gì cả"): a play or a shout
  (:data:`PLAY`, :data:`SHOUT`) before the emergency word, and after it "nothing" (:data:
  `NOTHING`: central "không có chi", "hổng có gì hết", "có chi mô") not followed by what is
  lacking ("không có gì ăn"): the emergencies said before the "nothing" are denied; one said
  after it ("... giờ ông nội lên cơn co giật") still counts.
- **Someone to identify, not cyanosis** ("xin trích camera để tìm người tông", "nhờ tìm người
  gây tai nạn"): "tìm người" heard as the toneless "tím người" (turning blue) is a search when a
  purpose comes before it (:data:`SEARCH_BEFORE`: "để", "muốn", "nhờ", "truy") or an act of the
  one sought after it (:data:`SOUGHT_ACTS`: "tông", "đụng", "gây"); "con tui tìm người rồi"
  stays 115.
- **The caller kept away** ("tui kẹt ở quê chưa lên được", "kẹt công việc chưa về", "kẹt lại
  ngoài bắc không về kịp"): "kẹt" followed by where or what keeps one away (:data:`AWAY`), in
  an answer with no danger (:data:`DANGER`: a flood, a fire, a collapse, a lift) is nobody
  trapped: the need is who waits at home (an elderly mother without food: high). So is a
  boat or a bus that has not left ("ở đảo ghe chưa chạy ra được"): transport (:data:`CARRIERS`)
  right before "chưa ... được", no danger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Entry, entry
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
ROUND19_FALSE_ENTRIES: tuple[Entry, ...] = (
    # A path, matched exactly: not the toneless "lôi đi" of someone dragged away.
    entry(None, "normal", 0, """
        lối đi, lối vào, lối đi lại, lối đi chung, lối vô, lối ra vào, lối đi bộ
        """, fold="exact"),
    # A path blocked: an obstruction, a report to the ward ("đậu xe kín lối đi").
    entry("violation", "normal", 3, ", ".join(
        f"{how} {path}"
        for how in ("kín", "kín hết", "chắn", "chắn hết", "bít", "bít hết", "lấn", "chiếm",
                    "chiếm hết", "hết")
        for path in ("lối đi", "lối vào", "lối vô")), fold="exact"),
    # Vosk's "xủa" for "sủa": a barking dog, a noise report.
    entry("violation", "normal", 3, "xủa, chó xủa, xủa cả đêm, xủa suốt đêm", fold="exact"),
)
# fmt: on

# 2. A barking dog the owner will not shut in.
LOCK = "nhốt"
ANIMALS = words("chó mèo heo gà vịt bò trâu khỉ ngỗng dê")
REFUSED = words("""
    không hổng hông chẳng chả ko hỏng chịu thèm chủ nhắc biểu kêu yêu cầu
""")
PEOPLE = words("""
    người con cháu em bé nhỏ tui tôi mình ông bà anh chị vợ chồng ba má mẹ bố thằng đứa cô
    chú bác ai tao tau
""")
ROOMS = words("trong vô vào phòng nhà kho tủ xe")
LOCK_REACH = 3
# 3. A word shouted in a game or a joke.
PLAY = words("game gêm chơi giỡn đùa chọc ghẹo trò điện tử")
SHOUT = words("la hét kêu hô rú gào hú")
SHOUT_REACH = 5  # "la cháy rồi cháy rồi": the second shout too
NOTHING = phrases("""
    không có chi, không có gì, hổng có gì, hông có gì, hổng có chi, hông có chi, chẳng có gì,
    chả có gì, chẳng có chi, chả có chi, có gì đâu, có chi mô, có chi đâu, không có chuyện gì,
    không có chuyện chi, hổng có chuyện gì, chẳng có chuyện gì, không có răng, ko có gì
""")
LACKING = words("ăn uống để mặc bán làm trong ở mà nấu xài")
# 4. Someone to identify.
SEARCHED = ("tìm", "người")
SEARCH_BEFORE = words("để muốn cần nhờ truy kiếm giúp cách đi xin hỏi phải coi tra")
SOUGHT_ACTS = words("""
    tông đụng húc cán gây lấy trộm chôm giựt giật lái làm đã chạy quẹt ủi tung đâm bỏ
""")
# 5. The caller kept away.
STUCK = "kẹt"
AWAY = phrases("""
    ở quê, dưới quê, ngoài quê, trên quê, ở ngoải, ngoài bắc, ở ngoài bắc, trong nam,
    ở trong nam, ở xa, ở nước ngoài, bên nước ngoài, bên quê, công việc, việc, chuyện, xe,
    dịch, đi làm, ở công ty, công tác, đi công tác, ca, lịch, họp, ở chỗ làm, ở sài gòn,
    ở hà nội, trên thành phố, ở thành phố, ngoài đảo, bên đó, bên kia, ở bển, dưới bển
""")
AWAY_GAP = 1  # "kẹt lại ở quê", "kẹt luôn ngoài bắc"
GAP = words("lại luôn hoài còn")
DANGER = words("""
    lũ ngập dâng cháy khói sập sạt đè lún thang chìm lật xiết cuốn cứu lửa nổ gạch đổ hầm
    giếng cống gầm mắc cạn bão
""")
CARRIERS = words("ghe tàu đò phà xuồng thuyền canô")
NOT_YET = words("chưa không hổng hông")
MOVES = words("chạy ra vô vào qua đi cập tới về lên")
CARRIER_REACH = 4
CUES = frozenset({LOCK, STUCK, "tìm"}) | PLAY | SHOUT | CARRIERS


def round19_marks(words_: list[str]) -> Marks:
    """Where the answer says what this module's classes need (module docstring)."""
    said = set(words_)
    if not CUES & said:
        return {}
    return {
        # one of this module's cues: :func:`.need_time.defuse` reads the answer's hits
        "round19_cue": [(0, 1)],
        "nothing": _nothing(words_) if (PLAY | SHOUT) & said else [],
        "kept_away": _kept_away(words_),
    }


def _nothing(words_: list[str]) -> list[tuple[int, int]]:
    """Each "nothing" said that lacks no thing ("không có gì ăn" is a need)."""
    return [
        (s, e) for s, e in find(words_, NOTHING) if e >= len(words_) or words_[e] not in LACKING
    ]


def _kept_away(words_: list[str]) -> list[tuple[int, int]]:
    """Each "kẹt" of someone kept away, or a carrier not yet gone, in an answer of no danger."""
    out: list[tuple[int, int]] = []
    for k, w in enumerate(words_):
        if w == STUCK:
            rest = words_[k + 1 :]
            gap = AWAY_GAP if rest[:1] and rest[0] in GAP else 0
            if any(s == gap for s, _ in find(rest[: gap + 4], AWAY)):
                out.append((k, k + 1))
        elif w in CARRIERS:
            after = set(words_[k + 1 : k + 1 + CARRIER_REACH])
            if NOT_YET & after and MOVES & after:
                out.append((k + 1, k + 1 + CARRIER_REACH))
    if not out:
        return []
    return [] if DANGER & set(words_) else out


def _animal_to_shut_in(hit: Hit, words_: list[str]) -> bool:
    """ "nhốt" refused or asked of an animal named before it, nobody shut in after it."""
    said = words_[hit.start : hit.end]
    if LOCK not in said:
        return False
    k = hit.start + said.index(LOCK)
    if not ANIMALS & set(words_[:k]):
        return False
    before, after = words_[max(0, k - LOCK_REACH) : k], words_[k + 1 : k + 1 + LOCK_REACH]
    if PEOPLE & set(after) or ROOMS & set(after):
        return False
    return bool(REFUSED & set(before)) and not PEOPLE & set(before[-1:])


def _search(hit: Hit, words_: list[str]) -> bool:
    """ "tìm người" said as a search: a purpose before it or an act of the one sought after."""
    if tuple(words_[hit.start : hit.end]) != SEARCHED:
        return False
    before = words_[max(0, hit.start - 2) : hit.start]
    after = words_[hit.end : hit.end + 2]
    return bool(SEARCH_BEFORE & set(before) or SOUGHT_ACTS & set(after))


def _shouted(hit: Hit, words_: list[str], nothing: list[tuple[int, int]]) -> bool:
    """An emergency word shouted ("la cháy rồi") or said at play, "nothing" said after it."""
    if not any(hit.end <= s for s, _ in nothing):
        return False
    near = words_[max(0, hit.start - SHOUT_REACH) : hit.end]  # "kêu cứu" shouts itself
    return bool(SHOUT & set(near) or PLAY & set(words_[: hit.start]))


def round19_look_alike(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    if not marks.get("round19_cue"):  # none of this module's cues in the answer
        return False
    spans = hit.spans or ((hit.start, hit.end),)
    return (
        _animal_to_shut_in(hit, words_)
        or _search(hit, words_)
        or _shouted(hit, words_, marks["nothing"])
        or any(s < me and ms < e for ms, me in marks["kept_away"] for s, e in spans)
    )
