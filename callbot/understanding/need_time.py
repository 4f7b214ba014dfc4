"""When the need parser's evidence holds: past, resolved, denied, joked about, asleep.

An emergency is life at risk *now*. :func:`defuse` takes the hits of one answer (after
negation, combinations and readings) and lowers the urgency of those the answer itself puts
out of the present::

    "năm ngoái nhà tui bị cháy giờ xin hỏi hỗ trợ sửa nhà"   the fire was last year
    "má tui trước bị tai biến giờ đỡ rồi muốn xin xe lăn"   past, and better now
    "con tui bị co giật nhưng đi viện về rồi"               resolved: back from hospital
    "dạ không gấp đâu chị tui chỉ muốn hỏi chỗ tiêm ngừa"   the caller says it is not urgent
    "đói muốn chết luôn á giỡn chứ nhà còn gạo"             a joke
    "ông nội tui ngủ say nằm im ngáy đều"                   asleep, not unresponsive

The rules, each over the answer's words (exact, as Vosk writes them):

1. **Past, or long-standing.** A past marker ("năm ngoái", "tuần trước", "hôm qua", "hồi
   sáng", "mấy bữa trước", "từng bị", "má tui trước bị") opens a past stretch; a present
   marker ("giờ", "bây giờ", "đang", "lại", "vừa", "tự nhiên") closes it. A marker that ends
   its clause ("bị tai biến hồi năm ngoái, giờ...") covers the clause before it too. An event
   said in a past stretch is not urgent now. "từ hôm qua", "hồi sáng tới giờ" are ongoing,
   not past. A long-standing or recurring condition ("liệt nửa người lâu rồi", "ba năm nay",
   "mỗi khi trời lạnh", "thường xuyên") is no emergency in its clause.
2. **Resolved.** After a resolution ("đỡ rồi", "tỉnh lại rồi", "dập xong", "vớt lên kịp",
   "đi viện về rồi", "không sao"), the events said before it are not urgent now; what comes
   after still counts ("tỉnh rồi mà giờ lại co giật"). Someone already in hospital ("đang
   nằm viện", "điều trị ở bệnh viện") is cared for: no emergency in the answer.
3. **Nobody hurt.** "không ai bị sao", "may không ai bị thương": the medical emergencies, the
   explosions and collapses of the answer are not urgent (a fire still burning still is).
4. **Denied.** "không gấp", "không phải cấp cứu", "không nguy hiểm": no emergency anywhere in
   the answer (the caller knows best; the operator still reads the answer).
5. **Joke, supposition, habit.** "giỡn", "nói đùa": what came before is not urgent; "nếu",
   "lỡ mà", "phòng khi": what follows is supposed; "thằng nhỏ hay đánh nhau", "ổng thường bị
   lên cơn": a habit, not now.
6. **Asleep or at play.** With "ngủ", "ngáy", "chơi", "coi ti vi" in the answer, lying still
   ("nằm im") is no emergency, and the person said just before sleeping is not in need.
7. **Beneficiaries and topics.** An elderly person or a child named as who a programme is for
   ("tiền hỗ trợ người già", "lớp hè cho con nít", "khám sức khỏe người cao tuổi") is no
   vulnerable person in need; an emergency named as a programme's topic ("hỗ trợ cho người
   bị bạo lực gia đình", "nạn nhân vụ cháy", "thủ tục ... đột quỵ") is no emergency now.
8. **Feared.** "sợ nổ", "có nguy cơ sập": right after a fear, an event is not happening.

"Not urgent" lowers the hit to ``normal``, its weight to context (1) and takes it out of the
combinations, so the category comes from what the caller asks now ("giờ xin hỏi hỗ trợ sửa
nhà" is financial). In a past stretch everything said is lowered; a resolution or a joke
lowers what was urgent before it; a denial lowers the emergencies only.
"""

from __future__ import annotations

from dataclasses import replace

from callbot.understanding.need_match import Hit


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in (" ".join(q.split()) for q in text.split(",")) if p)


PAST = _phrases("""
    năm ngoái, năm rồi, năm trước, năm kia, tháng trước, tháng rồi, tuần trước, tuần rồi,
    hôm qua, hôm kia, hôm trước, hôm bữa, hổm bữa, bữa trước, bữa hổm, bữa kia, hồi sáng,
    hồi trưa, hồi chiều, hồi tối, hồi khuya, hồi đêm, đêm qua, tối qua, sáng qua, chiều qua,
    trưa qua, hồi trước, lúc trước, trước đây, trước kia, hồi xưa, hồi đó, hồi năm, hồi tháng,
    lần trước, đợt trước, dạo trước, từng bị, từng có, đã từng, cách đây, hồi tết, hồi hôm,
    đầu tháng, cuối tháng, đầu năm, cuối năm, đã mất, đã qua đời, mất vì, chết vì, qua đời vì,
    mất do, chết do, qua đời do, tử vong vì, tử vong do
""")
# Long-standing or recurring: "bị tai biến liệt nửa người lâu rồi", "khó thở mỗi khi trời
# lạnh", "co giật thường xuyên": a condition, not an emergency now (the whole clause).
CHRONIC = _phrases("""
    mấy năm nay, nhiều năm nay, mấy năm rồi, nhiều năm rồi, lâu rồi, lâu năm, lâu nay, từ nhỏ,
    bẩm sinh, từ lâu, bao năm nay, cả năm nay, mấy tháng nay, nhiều tháng nay, mỗi khi,
    mỗi lần, thường xuyên
""")
_YEARS = _words("năm tháng")
# "hồi" + a time: "hồi đầu tháng", "hồi nhỏ", "hồi nãy" (not "hồi phục", "hồi hương").
_HOI = "hồi"
_HOI_TIMES = _words("sáng trưa chiều tối khuya đêm hôm trước xưa đó năm tháng tuần nhỏ tết đầu")
_HOI_TIMES |= _words("cuối mấy bữa nãy hai ba bốn mười")
# "<n> ngày trước", "mấy bữa trước": a count of these, then "trước".
_UNITS = frozenset({"ngày", "hôm", "bữa", "tuần", "tháng", "năm"})
# "má tui trước bị tai biến": "trước" after who it happened to (not "phía trước bị cháy").
_WHO = _words("tui tôi em anh chị ổng bả nó con cháu mẹ má ba cha bố ông bà chồng vợ mình")
# "một một năm rồi" is 115, not "năm rồi" (last year).
_NUMBER_WORDS = _words("không một hai ba bốn tư năm lăm sáu bảy tám chín mười mươi mốt trăm")
# Said right before a past marker ("từ hôm qua") or right after it ("hồi sáng tới giờ"):
# going on since then.
_SINCE = frozenset({"từ", "tự"})
# Words that may close a clause after a trailing past marker ("hồi năm ngoái rồi á").
_CLAUSE_END = _words("rồi á à ạ đó nha nhé vậy thôi luôn mà nhưng")
_UNTIL_NOW = _phrases("tới giờ, đến giờ, tới nay, đến nay, tới bây giờ, đến bây giờ, giờ vẫn")
PRESENT = _phrases("""
    giờ, bây giờ, hiện giờ, hiện tại, hiện nay, lúc này, nãy giờ, bữa nay, hôm nay, đang,
    lại, vừa, vừa mới, tự nhiên, đột nhiên, bỗng nhiên
""")
RESOLVED = _phrases("""
    giờ hết rồi, giờ đỡ rồi, giờ ổn rồi, đỡ rồi, ổn rồi, khỏi rồi, khỏe rồi, hết bệnh,
    bình thường rồi, không sao rồi, không sao, hông sao, hổng sao, không có sao, không bị sao,
    tỉnh lại rồi, tỉnh rồi, đã tỉnh, thở lại rồi, thở lại được, thở bình thường,
    cầm máu được rồi, cầm được rồi, hết chảy máu, máu ngừng chảy, máu cầm rồi, dập tắt,
    dập xong, dập được rồi, tắt rồi, lửa tắt, đã được cứu, cứu ra hết rồi, vớt lên kịp,
    cứu kịp, được cứu kịp, kéo lên kịp, công an tới rồi, công an bắt rồi, công an đã bắt,
    bỏ đi rồi, về ngủ rồi, đi viện về rồi, xuất viện, đưa vô viện rồi, đưa đi viện rồi,
    đã đưa đi cấp cứu, đi cấp cứu rồi,
    cấp cứu xong, lập biên bản rồi, qua rồi, hết nguy hiểm, được đưa đi cấp cứu,
    đưa đi cấp cứu rồi, đã được cấp cứu, hồi tỉnh, hồi phục, qua cơn, qua khỏi
""")
# In hospital already: the emergency is being cared for (wherever it is said in the answer).
IN_HOSPITAL = _phrases("""
    đang nằm viện, nằm bệnh viện, đang nằm bệnh viện, điều trị ở bệnh viện,
    điều trị tại bệnh viện, đã nhập viện, nhập viện rồi, đang điều trị ở
""")
NOBODY_HURT = _phrases("""
    không ai sao, không ai bị sao, không có ai bị sao, không ai bị gì, không ai bị thương,
    không có ai bị thương, may không ai, hổng ai sao, hông ai sao, không ai bị làm sao
""")
DENIED = _phrases("""
    không gấp, hông gấp, hổng gấp, không có gì gấp, chưa gấp, không gấp gáp, không khẩn cấp,
    không phải khẩn cấp, không phải cấp cứu, không cần cấp cứu, chưa cần cấp cứu,
    không nguy hiểm, không có gì nguy hiểm, không nguy kịch, không phải chuyện gấp,
    chưa tới mức cấp cứu, không tới mức cấp cứu, không nghiêm trọng, không có gì nghiêm trọng,
    không có gì nặng, không tới nỗi, không đến nỗi, nhẹ thôi, chút xíu thôi, không vội,
    khó thở nhẹ, thở nhẹ khi,
    từ từ cũng được, khi nào rảnh, lúc nào rảnh, không cần gấp, chưa cần gấp, hơi đau,
    đau nhẹ, bị nhẹ, nhẹ nhẹ, sơ sơ thôi
""")
JOKE = _phrases("giỡn, nói giỡn, giỡn thôi, đùa thôi, nói đùa, đùa chứ, giỡn chứ, nói chơi")
# "nếu có người bị đột quỵ thì gọi số nào": what follows is supposed, not happening.
SUPPOSED = _phrases("""
    nếu, lỡ mà, lỡ như, nhỡ mà, nhỡ như, giả sử, phòng khi, trường hợp, cách sơ cứu, sơ cứu,
    cách xử lý khi, làm sao khi, khi có người
""")
# "sợ nổ", "có nguy cơ sập": feared, not happening (right before the event only: "tui sợ
# quá, tụi nó đang đập cửa" is happening).
FEARED = _phrases("sợ, lo, e là, nguy cơ, có nguy cơ, sợ là, sợ bị, lo bị")
_FEAR_REACH = 2
# Who a programme is for, an event's victims as a topic ("hỗ trợ cho người bị bạo lực gia
# đình", "nạn nhân vụ cháy"): no emergency now.
_TOPIC_REACH = 4
# "thằng nhỏ nhà tui hay đánh nhau": a habit, not now (not right after a symptom: "khó thở
# hay đau ngực" is "or").
HABIT = _phrases("hay, thường, thường hay, lâu lâu, thỉnh thoảng, hay bị, thường bị")
_HABIT_REACH = 3
# "hay sao", "hay gì", "hay là": "or", not a habit.
_OR_WHAT = _words("sao gì là không chưa hông hổng ai đâu chi")
ASLEEP = _phrases("""
    ngủ, ngủ say, ngủ trưa, ngủ ngon, ngủ ngon lành, ngáy, đang ngủ, chơi, chơi điện thoại,
    coi ti vi, coi tivi, xem ti vi, xem tivi, coi phim, xem phim, nghe nhạc, đọc sách,
    nghỉ trưa, nghỉ ngơi, ngủ khò, coi điện thoại, xem điện thoại, lướt điện thoại, nằm nghỉ,
    nằm chơi, thư giãn
""")
PROGRAMME = _phrases("""
    hỗ trợ, trợ cấp, phụ cấp, tiền, phiếu, sức khỏe, chế độ, chính sách, lớp, lớp hè,
    trường, thẻ, bảo hiểm, dành cho, chương trình, câu lạc bộ, hội, khám
""")
TOPIC = _phrases("""
    hỗ trợ, trợ cấp, chế độ, chính sách, bảo hiểm, chương trình, nạn nhân, thủ tục, bồi thường
""")
_PROGRAMME_REACH = 3
_ASLEEP_REACH = 3
# "chỗ ngủ", "không ngủ được": no one asleep.
_NEGATING = frozenset({"không", "chưa", "hổng", "hông", "chẳng", "bất", "chả", "ko"})
_NOT_ASLEEP = frozenset({"chỗ", "nơi", "không", "chưa", "hổng", "hông", "mất", "khó"})
_BENEFICIARY = "person"


def _at(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


_Phrases = tuple[tuple[str, ...], ...]
_FIRST_WORD_INDEX: dict[int, dict[str, list[tuple[str, ...]]]] = {}


def _indexed(phrases: _Phrases) -> dict[str, list[tuple[str, ...]]]:
    """``phrases`` by their first word (built once per list)."""
    index = _FIRST_WORD_INDEX.get(id(phrases))
    if index is None:
        index = {}
        for phrase in phrases:
            index.setdefault(phrase[0], []).append(phrase)
        _FIRST_WORD_INDEX[id(phrases)] = index
    return index


def _find(words: list[str], phrases: _Phrases) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of the phrases, the longest at each start."""
    index = _indexed(phrases)
    found = []
    for i, word in enumerate(words):
        ends = [i + len(p) for p in index.get(word, ()) if _at(words, i, p)]
        if ends:
            found.append((i, max(ends)))
    return found


def _past_starts(words: list[str]) -> list[tuple[int, int]]:
    """Where a past stretch begins (and its marker ends); ongoing ones left out."""
    marks = _find(words, PAST)
    marks += [
        (i, i + 2) for i in range(len(words) - 1) if words[i] == _HOI and words[i + 1] in _HOI_TIMES
    ]
    for i in range(1, len(words) - 1):
        if words[i] == "trước" and words[i - 1] in _UNITS:
            start = i - 2 if i >= 2 else i - 1
            marks.append((start, i + 1))
        elif words[i] == "trước" and words[i - 1] in _WHO and words[i + 1] in ("bị", "có"):
            marks.append((i, i + 1))
    return [
        (s, e)
        for s, e in marks
        if not (s > 0 and words[s - 1] in _SINCE)
        and not any(_at(words, e, u) for u in _UNTIL_NOW)
        and not (s > 0 and words[s] in _UNITS and words[s - 1] in _NUMBER_WORDS)
    ]


def _counted_years(words: list[str]) -> list[tuple[int, int]]:
    """ "ba năm nay", "hai tháng nay": lasting that long (not "năm nay", this year)."""
    return [
        (i - 1, i + 2)
        for i in range(1, len(words) - 1)
        if words[i] in _YEARS and words[i + 1] == "nay" and words[i - 1] in _NUMBER_WORDS
    ]


def past_spans(words: list[str]) -> list[tuple[int, int]]:
    """The stretches of the answer said of the past: from a past marker to a present one.

    A marker that ends its clause ("bị tai biến hồi năm ngoái giờ...", "... chết đuối hồi năm
    ngoái") looks back too, to the present marker before it or the answer's start.
    """
    return _spans(words, _past_starts(words), always_back=False)


def chronic_spans(words: list[str]) -> list[tuple[int, int]]:
    """The clauses that tell of a long-standing or recurring condition ("lâu rồi", "ba năm
    nay", "mỗi khi", "thường xuyên"): from the present marker before to the one after."""
    return _spans(words, _find(words, CHRONIC) + _counted_years(words), always_back=True)


def _spans(
    words: list[str], marks: list[tuple[int, int]], always_back: bool
) -> list[tuple[int, int]]:
    present = sorted(s for s, _ in _find(words, PRESENT))
    spans = []
    for start, end in sorted(marks):
        stop = next((p for p in present if p >= end), len(words))
        trailing = always_back or all(w in _CLAUSE_END for w in words[end:stop])
        begin = max((p for p in present if p < start), default=-1) + 1 if trailing else start
        spans.append((begin, stop))
    return spans


def _negated(words: list[str], start: int) -> bool:
    """A resolution denied ("bất tỉnh rồi", "không tỉnh rồi", "chưa đỡ rồi")."""
    return start > 0 and words[start - 1] in _NEGATING


def _not_asleep(words: list[str], start: int) -> bool:
    return start > 0 and words[start - 1] in _NOT_ASLEEP


def _event(hit: Hit) -> bool:
    return hit.entry.urgency == "emergency" or hit.entry.category is not None


def _calm(hit: Hit) -> Hit:
    """``hit`` no longer urgent: normal, only context for the category, and no part of a
    combination any more (its tags dropped)."""
    calm = replace(hit.entry, urgency="normal", weight=min(hit.weight, 1), tags=frozenset())
    return replace(hit, entry=calm)


def _calmed(hit: Hit, words: list[str], marks: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether rules 1-7 (module docstring) put ``hit`` out of the present."""
    urgent = hit.entry.urgency != "normal"
    emergency = hit.entry.urgency == "emergency"
    tags = hit.entry.tags
    medical = hit.entry.alarm == "115" or "blast" in tags or "collapse" in tags
    asleep = marks["asleep"]
    person = _BENEFICIARY in tags and urgent
    return (
        ((urgent or _event(hit)) and any(s <= hit.start < e for s, e in marks["past"]))
        or (urgent and any(e >= hit.end for _, e in marks["resolved"] + marks["joke"]))
        or (emergency and any(s <= hit.start < e for s, e in marks["chronic"]))
        or (emergency and bool(marks["denied"]))
        or (emergency and any(e <= hit.start for _, e in marks["supposed"]))
        or (emergency and any(0 <= hit.start - e < _FEAR_REACH for _, e in marks["feared"]))
        or (
            emergency
            and any(hit.start - _TOPIC_REACH <= e - 1 < hit.start for _, e in marks["topic"])
        )
        or (emergency and bool(marks["hospital"]))
        or (urgent and any(0 <= hit.start - e < _HABIT_REACH for _, e in marks["habit"]))
        or (emergency and medical and bool(marks["nobody_hurt"]))
        or ("still" in tags and bool(asleep))
        or (person and any(0 <= s - hit.end < _ASLEEP_REACH for s, _ in asleep))
        or (
            person
            and any(
                hit.start - _PROGRAMME_REACH <= e - 1 < hit.start for _, e in marks["programme"]
            )
        )
    )


Marks = dict[str, list[tuple[int, int]]]


def time_marks(words: list[str]) -> Marks:
    """Where the answer says past, resolved, denied, supposed, feared, asleep... (rules 1-8)."""
    return {
        "past": past_spans(words),
        "chronic": chronic_spans(words),
        "resolved": [(s, e) for s, e in _find(words, RESOLVED) if not _negated(words, s)],
        "nobody_hurt": _find(words, NOBODY_HURT),
        "denied": _find(words, DENIED),
        "joke": _find(words, JOKE),
        "asleep": [(s, e) for s, e in _find(words, ASLEEP) if not _not_asleep(words, s)],
        "supposed": _find(words, SUPPOSED),
        "feared": _find(words, FEARED),
        "topic": _find(words, TOPIC),
        "hospital": _find(words, IN_HOSPITAL),
        "habit": [(s, e) for s, e in _find(words, HABIT) if s > 0],
        "programme": _find(words, PROGRAMME),
    }


def defuse(hits: list[Hit], words: list[str], marks: Marks | None = None) -> list[Hit]:
    """The hits with those the answer puts out of the present made not urgent (``marks``:
    :func:`time_marks` of ``words``, computed once for several calls)."""
    marks = time_marks(words) if marks is None else marks
    if not any(marks.values()):
        return hits
    ends = {h.end for h in hits if h.entry.category is not None}
    habits = [
        (s, e)
        for s, e in marks["habit"]
        if s not in ends and (e >= len(words) or words[e] not in _OR_WHAT)
    ]
    marks = {**marks, "habit": habits}
    return [_calm(h) if _calmed(h, words, marks) else h for h in hits]
