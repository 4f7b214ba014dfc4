"""Where an answer says past, resolved, denied, supposed, feared, asleep...: the markers.

:func:`time_marks` finds, in the words of one answer, the markers of :mod:`.need_time`'s rules
1-8 (their words are in :mod:`.need_time_words`) and the stretches they scope over: a past
marker to the next present one (:func:`past_spans`), a long-standing condition over its clause
(:func:`chronic_spans`), a fear or a future to the next clause break, "tưởng" to "ai dè". It
judges nothing: :func:`.need_time.defuse` decides which hits the marks put out of the present.
Phrases are looked up by their first word, each list indexed once.
"""

from __future__ import annotations

from datetime import date

from callbot.understanding import need_calm_scenes as cs
from callbot.understanding import need_false_alarms as fa
from callbot.understanding import need_time_words as tw
from callbot.understanding.need_missed_round18 import elsewhere_spans
from callbot.understanding.need_police_round20 import seen_instead
from callbot.understanding.numbers import DIGITS, read_number

_CLAUSE_BREAKS = tw.CLAUSE_BREAKS | {p[0] for p in tw.PRESENT if len(p) == 1}
# A present marker of several words breaks a clause only when said whole: "đột nhiên" does,
# the "đột" of "đột quỵ" does not (round 7).
_PRESENT_PHRASES = tuple(p for p in tw.PRESENT if len(p) > 1)


def _breaks(words: list[str], k: int) -> bool:
    """Whether a clause ends at word ``k``: a break word, or a present marker said whole."""
    return words[k] in _CLAUSE_BREAKS or any(
        _at(words, k, p) for p in _indexed(_PRESENT_PHRASES).get(words[k], ())
    )


def _at(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


_FIRST_WORD_INDEX: dict[int, dict[str, list[tuple[str, ...]]]] = {}


def _indexed(phrases: tw.Phrases) -> dict[str, list[tuple[str, ...]]]:
    """``phrases`` by their first word (built once per list)."""
    index = _FIRST_WORD_INDEX.get(id(phrases))
    if index is None:
        index = {}
        for phrase in phrases:
            index.setdefault(phrase[0], []).append(phrase)
        _FIRST_WORD_INDEX[id(phrases)] = index
    return index


def _find(words: list[str], phrases: tw.Phrases) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of the phrases, the longest at each start."""
    index = _indexed(phrases)
    firsts = index.keys() & words  # most lists have none of their first words in an answer
    if not firsts:
        return []
    found = []
    for i, word in enumerate(words):
        if word not in firsts:
            continue
        ends = [i + len(p) for p in index[word] if _at(words, i, p)]
        if ends:
            found.append((i, max(ends)))
    return found


find = _find  # the phrase lookup, for the other marks' modules (:mod:`.need_look_alikes`)


def closer(words: list[str], start: int, closers: frozenset[str], reach: int) -> int | None:
    """The first of ``closers`` from ``start`` to ``reach`` words after it: where a denial
    said in two parts closes ("hông ai ... đâu", "hổng có gì ... hết": rounds 27N, 27Q,
    28B)."""
    return next(
        (k for k in range(start, min(len(words), start + reach + 1)) if words[k] in closers),
        None,
    )


def _past_starts(words: list[str]) -> list[tuple[int, int]]:
    """Where a past stretch begins (and its marker ends); ongoing ones left out."""
    marks = _find(words, tw.PAST) + _years(words)
    marks += [
        (i, _month_named(words, i + 2) if words[i + 1] == "tháng" else i + 2)
        for i in range(len(words) - 1)
        if words[i] == tw.HOI and words[i + 1] in tw.HOI_TIMES
    ]
    for i in range(1, len(words) - 1):
        if words[i] == "trước" and words[i - 1] in tw.UNITS:
            start = i - 2 if i >= 2 else i - 1
            marks.append((start, i + 1))
        elif words[i] == "trước" and words[i - 1] in tw.WHO and words[i + 1] in ("bị", "có"):
            marks.append((i, i + 1))
    return [
        (s, e)
        for s, e in marks
        if not (s > 0 and words[s - 1] in tw.SINCE)
        and not any(_at(words, e, u) for u in tw.UNTIL_NOW)
        and not (words[e - 1] in tw.NAY and _at(words, e, ("giờ",)))
        # "bảy tuần" is seven weeks, "thứ bảy tuần rồi" last Saturday
        and not (
            s > 0
            and words[s] in tw.UNITS
            and words[s - 1] in tw.NUMBER_WORDS
            and not (s > 1 and words[s - 2] == "thứ")
        )
        and not (s > 0 and words[s - 1] in tw.NOT_YET_DEAD)
    ]


def _month_named(words: list[str], i: int) -> int:
    """Where "hồi tháng ba", "hồi tháng mười hai" end: past the month's number (round 10)."""
    said = words[i : i + 2]
    return i + next((k for k, w in enumerate(said) if w not in tw.NUMBER_WORDS), len(said))


def _years(words: list[str]) -> list[tuple[int, int]]:
    """ "năm hai ngàn mười lăm", "năm chín lăm": a year before this one (round 6)."""
    out = []
    for i in range(len(words) - 1):
        if words[i] != tw.YEAR:
            continue
        read = read_number(words, i + 1)
        if read is None:
            continue
        value, end = read
        if value < 10 and end < len(words) and words[end] in DIGITS:  # "năm chín tám"
            value, end = value * 10 + DIGITS[words[end]], end + 1
        if end < len(words) and words[end] == "tuổi":
            continue  # an age ("hồi năm mười tám tuổi")
        # "năm chín lăm", "năm tám mươi tư" (round 9): a year of the last century
        year = value + 1900 if 45 <= value <= 99 and end - i <= 4 else value
        if tw.FIRST_YEAR <= year < date.today().year:
            out.append((i, end))
    return out


def _counted_years(words: list[str]) -> list[tuple[int, int]]:
    """ "ba năm nay", "hai tháng nay": lasting that long (not "năm nay", this year; nor "ông
    bảy năm nay chín mươi tuổi", a name by birth order then an age: round 29A)."""
    return [
        (i - 1, i + 2)
        for i in range(1, len(words) - 1)
        if words[i] in tw.YEARS
        and words[i + 1] == "nay"
        and words[i - 1] in tw.NUMBER_WORDS
        and not (i > 1 and words[i - 2] in tw.TITLES)
        and "tuổi" not in words[i + 2 : i + 6]
    ]


def past_spans(words: list[str]) -> list[tuple[int, int]]:
    """The stretches of the answer said of the past: from a past marker to a present one.

    A marker that ends its clause ("bị tai biến hồi năm ngoái giờ...", "... chết đuối hồi năm
    ngoái") looks back too, to the present marker before it or the answer's start; one
    followed by "mà", "nhưng" ("quậy phá hồi nãy mà ...") covers that clause only.
    """
    return _spans(words, _past_starts(words), always_back=False)


def timed_spans(words: list[str]) -> list[tuple[int, int]]:
    """What a past marker said after it times ("bị trấn lột hồi trưa mất cái điện thoại",
    "nhà kế bên cháy hồi khuya người ta..."): from the present marker before to the marker,
    unless it is said to go on ("cháy hồi nãy chưa tắt", "hồi nãy giờ") or is no past at
    all ("chưa từng có"). Emergencies only: a request's topic stays (round 5)."""
    present = {s for s, _ in _find(words, tw.PRESENT) + _find(words, tw.ASKING_NOW)}
    out = []
    for start, end in _past_starts(words):
        if end >= len(words) or words[end] in tw.STILL_AFTER or end in present:
            continue
        if start > 0 and words[start - 1] in tw.NEGATING:
            continue
        back = max((p for p in present if p < start), default=-1) + 1
        out.append((back, start))
    return out


def chronic_spans(words: list[str]) -> list[tuple[int, int]]:
    """The clauses that tell of a long-standing or recurring condition ("lâu rồi", "ba năm
    nay", "mỗi khi", "thường xuyên"): from the present marker before to the one after."""
    return _spans(words, _find(words, tw.CHRONIC) + _counted_years(words), always_back=True)


def _spans(
    words: list[str], marks: list[tuple[int, int]], always_back: bool
) -> list[tuple[int, int]]:
    present = sorted(s for s, _ in _find(words, tw.PRESENT) + _find(words, tw.ASKING_NOW))
    spans = []
    for start, end in sorted(marks):
        stop = next((p for p in present if p >= end), len(words))
        back = max((p for p in present if p < start), default=-1) + 1
        if always_back or all(w in tw.CLAUSE_END for w in words[end:stop]):
            spans.append((back, stop))
        elif end < len(words) and words[end] in tw.CLAUSE_JOINS:
            spans.append((back, end))
        else:
            spans.append((start, stop))
    return spans


def _clauses(words: list[str], marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """From each marker's end to the next clause break ("mà", "nên", "muốn", "giờ"...)."""
    out = []
    for _, end in marks:
        stop = next(
            (k for k in range(end, len(words)) if _breaks(words, k) and not _back(words, k)),
            len(words),
        )
        out.append((end, stop))
    return out


_BACK_VERBS = frozenset({"quay", "trở", "vòng", "kéo"})


def _back(words: list[str], k: int) -> bool:
    """ "lại" of "quay lại", "trở lại" (the feared coming back): no clause break (round 16)."""
    return words[k] == "lại" and k > 0 and words[k - 1] in _BACK_VERBS


def _feared(words: list[str]) -> list[tuple[int, int]]:
    """The clauses said as feared (not a fear felt: "sợ quá") or of the future."""
    fears = [
        (s, e)
        for s, e in _find(words, tw.FEARED)
        if words[s:e] != ["lo"] and not (e < len(words) and words[e] in tw.FEAR_FELT)
    ]
    return _clauses(words, fears + cs.fears(words) + _find(words, tw.FUTURE))


def _mistaken(words: list[str]) -> list[tuple[int, int]]:
    """From "tưởng" to "ai dè", "hóa ra", "mà nhìn qua thấy" (or the end): what the caller
    wrongly thought (:func:`.need_police_round20.seen_instead`)."""
    reversals = sorted([s for s, _ in _find(words, tw.REVERSAL)] + seen_instead(words))
    return [
        (e, next((r for r in reversals if r >= e), len(words)))
        for _, e in _find(words, tw.MISTAKEN)
    ]


def _seeming(words: list[str], start: int) -> bool:
    """ "hình như", "dường như", "có vẻ như": it seems; "cứng như đá": a body described. No
    simile of what follows."""
    return start > 0 and (words[start - 1] in tw.SEEMING or words[start - 1] in tw.DESCRIBING)


def _negated(words: list[str], start: int) -> bool:
    """A resolution denied ("bất tỉnh rồi", "không tỉnh rồi", "chưa đỡ rồi", "không thấy
    tỉnh rồi", "hổng còn thở lại được")."""
    k = start - 1
    while k > 0 and words[k] in tw.ASPECTS:
        k -= 1
    return k >= 0 and words[k] in tw.NEGATING


def _completed(words: list[str], verbs: tw.Phrases) -> list[tuple[int, int]]:
    """ "<verb> ... rồi" ("tìm được rồi", "chở về nhà giùm rồi"), the verb not denied."""
    out = []
    for s, e in _find(words, verbs):
        after = words[e : e + tw.COMPLETED_REACH]
        denied = _negated(words, s) or tw.NEGATING & set(words[max(0, s - 3) : s] + after)
        if tw.DONE in after and not denied:
            out.append((s, e + after.index(tw.DONE) + 1))
    return out


def _helped(words: list[str]) -> list[tuple[int, int]]:
    """Helpers who took care of it: "xe cứu thương chở đi rồi", "bảo vệ đưa về rồi"."""
    out = []
    for s, e in _find(words, tw.HELPERS):
        for k in range(e, min(len(words), e + tw.HELPER_REACH)):
            if words[k] in tw.CARRY:
                after = words[k + 1 : k + 5]
                if tw.DONE in after and not tw.NEGATING & set(words[s : k + 1] + after):
                    out.append((s, k + 2 + after.index(tw.DONE)))
                break
    return out


def _handled(words: list[str]) -> list[tuple[int, int]]:
    """Helpers who dealt with it: "công an tới giải tán rồi", "công an tới lập biên bản vụ
    đánh nhau rồi", "xe cứu hỏa tới xịt xong xuôi rồi" (round 5)."""
    out = []
    for s, e in _find(words, tw.HELPERS):
        for _, he in _find(words[e : e + tw.HELPER_REACH + 2], tw.HANDLING):
            k = e + he
            after = words[k : k + tw.HANDLED_REACH]
            if tw.DONE in after and not tw.NEGATING & set(words[s:k] + after):
                out.append((s, k + after.index(tw.DONE) + 1))
            break
    return out


def _denied_at_end(words: list[str]) -> list[tuple[int, int]]:
    """ "... báo là không có gì": nothing happened, said at the very end."""
    return [(s, e) for s, e in _find(words, tw.NOTHING_AT_END) if e == len(words)]


def _what_if(words: list[str]) -> list[tuple[int, int]]:
    """ "lỡ cháy thì sao": a "lỡ" (or "nhỡ") that a "thì sao" answers soon after."""
    ends = [s for s, _ in _find(words, tw.WHAT_IF_ENDS)]
    return [
        (i, i + 1)
        for i, w in enumerate(words)
        if w in tw.WHAT_IF and any(0 < e - i <= tw.WHAT_IF_REACH for e in ends)
    ]


def _seen_in_media(words: list[str]) -> list[tuple[int, int]]:
    """ "đọc báo thấy ...", "coi phim thấy ...": the clause of what was told (round 5)."""
    told = [
        (s, e) for s, e in _find(words, tw.NEWS) if tw.TELLING & set(words[e : e + tw.MEDIA_REACH])
    ]
    scenes = [s for s, _ in _find(words, tw.SCENE)]
    told += [
        (s, e)
        for s, e in _find(words, tw.SCREEN)
        if any(0 <= k - e < tw.MEDIA_REACH for k in scenes)
    ]
    return _clauses(words, told)


def _revealed(words: list[str]) -> list[tuple[int, int]]:
    """ "hóa ra ti vi mở phim", "té ra con mèo": a reversal to something harmless."""
    return [
        (s, e)
        for s, e in _find(words, tw.REVERSAL)
        if tw.HARMLESS & set(words[e : e + tw.REVEALED_REACH])
    ]


Marks = dict[str, list[tuple[int, int]]]


def time_marks(words: list[str]) -> Marks:
    """Where the answer says past, resolved, denied, supposed, feared, asleep... (rules 1-8)."""
    resolved = [
        (s, e)
        for s, e in _find(words, tw.RESOLVED)
        if not _negated(words, s)
        and not (words[s] == "qua" and s and words[s - 1] in tw.TIMES | tw.SPREADING)
    ]
    return {
        "past": past_spans(words),
        "timed": timed_spans(words),
        "chronic": chronic_spans(words),
        "resolved": resolved
        + _completed(words, tw.COMPLETED_VERBS)
        + _helped(words)
        + _handled(words)
        + _revealed(words),
        "fire_out": [(s, e) for s, e in _find(words, tw.FIRE_OUT) if not _negated(words, s)]
        + _completed(words, tw.FIRE_OUT_VERBS),
        "nobody_hurt": _find(words, tw.NOBODY_HURT),
        "nobody_inside": _find(words, tw.NOBODY_INSIDE),
        "denied": _find(words, tw.DENIED) + _denied_at_end(words),
        "drill": [(s, e) for s, e in _find(words, tw.DRILL) if not tw.RUSE & {*words[e : e + 1]}],
        "joke": _find(words, tw.JOKE),
        "asleep": [(s, e) for s, e in _find(words, tw.ASLEEP) if not _not_asleep(words, s)],
        "sound_asleep": _find(words, tw.SOUND_ASLEEP),
        "supposed": _find(words, tw.SUPPOSED) + _what_if(words),
        "mistaken": _mistaken(words),
        "doubt": _find(words, tw.DOUBT),
        "screening": _find(words, tw.SCREENING),
        "test_of": _find(words, tw.TEST_OF),
        "feared": _feared(words),
        "lo": [(s, e) for s, e in _find(words, tw.FEARED) if words[s:e] == ["lo"]],
        "simile": [(s, e) for s, e in _find(words, tw.SIMILE) if not _seeming(words, s)],
        "fiction": _find(words, tw.FICTION),
        "media": _seen_in_media(words),
        "on_media": _find(words, tw.ON_MEDIA),
        "topic": _topics(words, tw.TOPIC),
        "hospital": _find(words, tw.HOSPITAL),
        "elsewhere": elsewhere_spans(words),
        "habit": [(s, e) for s, e in _find(words, tw.HABIT) if s > 0],
        "programme": _topics(words, tw.PROGRAMME),
        "remote": _find(words, fa.REMOTE),
    }


def _topics(words: list[str], phrases: tw.Phrases) -> list[tuple[int, int]]:
    """A topic or a programme ("hỗ trợ", "bảo hiểm"), not the helmet's "nón bảo hiểm"."""
    return [
        (s, e) for s, e in _find(words, phrases) if not (s and words[s - 1] in tw.NOT_A_TOPIC_AFTER)
    ]


def _not_asleep(words: list[str], start: int) -> bool:
    return start > 0 and words[start - 1] in tw.NOT_ASLEEP
