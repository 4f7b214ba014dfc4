"""When the need parser's evidence holds: past, resolved, denied, supposed, a figure of speech.

An emergency is life at risk *now*. :func:`defuse` takes the hits of one answer (after
negation, combinations and readings) and lowers the urgency of those the answer itself puts
out of the present::

    "năm ngoái nhà tui bị cháy giờ xin hỏi hỗ trợ sửa nhà"   the fire was last year
    "má tui trước bị tai biến giờ đỡ rồi muốn xin xe lăn"   past, and better now
    "con tui bị co giật nhưng đi viện về rồi"               resolved: back from hospital
    "dạ không gấp đâu chị tui chỉ muốn hỏi chỗ tiêm ngừa"   the caller says it is not urgent
    "đói muốn chết luôn á giỡn chứ nhà còn gạo"             a joke
    "ông nội tui ngủ say nằm im ngáy đều"                   asleep, not unresponsive

Each marker scopes over the events of its own clause or stretch, not over the whole answer
(the words are in :mod:`.need_time_words`, where they are found in :mod:`.need_time_marks`):

1. **Past, or long-standing.** A past marker ("năm ngoái", "tuần trước", "hôm qua", "hồi sáng",
   "mấy bữa trước", "từng bị", "má tui trước bị", "hồi mới sinh", "lúc còn nhỏ") opens a past
   stretch; a present marker ("giờ", "bây giờ", "đang", "lại", "vừa", "tự nhiên") closes it. A
   marker that ends its clause ("bị tai biến hồi năm ngoái, giờ...", "quậy phá hồi nãy mà ...")
   covers the clause before it. "từ hôm qua", "hồi sáng tới giờ" are ongoing, not past. A
   long-standing or recurring condition ("liệt nửa người lâu rồi", "ba năm nay", "mỗi khi trời
   lạnh") is no emergency in its clause. A year before this one ("năm hai ngàn mười lăm",
   "năm chín tám") and a death "trong vụ" ("mất trong vụ cháy chợ") are past markers too.
2. **Resolved.** After a resolution ("đỡ rồi", "tỉnh lại rồi", "vớt lên kịp", "đi viện về
   rồi", "ăn uống bình thường"), a completed rescue or return ("tìm được rồi", "chở về nhà
   giùm rồi", "mở ra được rồi") or helpers who took care of it ("xe cứu thương chở đi rồi",
   "bảo vệ đưa về rồi"), the events said before it are not urgent now; what comes after still
   counts ("tỉnh rồi mà giờ lại co giật"). Helpers who dealt with it ("công an tới giải tán
   rồi", "xe cứu hỏa tới xịt xong xuôi rồi") resolve it too, and the smoke left after a fire
   put out is none. A past marker after an emergency times it ("bị trấn lột hồi trưa mất
   cái điện thoại") unless it goes on ("cháy hồi nãy chưa tắt") or is medical ("bị đột
   quỵ hồi sáng" may still need 115). A fire put out ("dập tắt",
   "tạt nước tắt liền rồi") resolves the fire said before it, not the burns. Someone in
   hospital ("đang nằm viện", "ở bệnh viện", "bác sĩ đang theo dõi") is cared for: no
   medical emergency (a fire or an attacker at the hospital still is one), unless the
   answer turns away from it first ("mà không phải chuyện đó", "tui đang đi ngoài đường
   thấy ...": :func:`.need_missed_round18.elsewhere_spans`).
3. **Nobody hurt.** "không ai bị sao", "may không ai bị thương": the medical emergencies, the
   explosions and collapses of the answer are not urgent (a fire still burning still is).
4. **Denied, or a drill.** "không gấp", "không phải cấp cứu", "báo động giả", "... là không
   có gì" at the end: no emergency anywhere in the answer (the caller knows best; the
   operator still reads the answer). A drill ("diễn tập", "tập huấn", "khói giả"): no
   emergency unless said to be real ("... thật").
5. **Joke, supposition, fear, habit.** "giỡn", "nói đùa": what came before is not urgent;
   "nếu", "lỡ mà", "phòng khi": what follows is supposed; "tưởng" what was thought, until "ai
   dè", "hóa ra". A fear of a future event ("sợ là nhà bị chập điện cháy", "sợ có ngày té
   xuống chết đuối") and a future ("mai mốt", "có ngày", "sau này") scope over their clause,
   to the next "mà", "nên", "muốn", "giờ", "đang"...; a fear felt ("sợ quá", "sợ lắm") is no
   supposition ("tui sợ quá tụi nó đang đập cửa"). "thằng nhỏ hay đánh nhau", "ổng thường
   bị lên cơn": a habit, not now. A threat said by habit and denied ("nói vậy hoài",
   "quen miệng", "chứ có đánh ai đâu") is a joke's kin: what came before is not urgent.
6. **Figures of speech.** An event right after a simile ("như bị cướp", "ngủ say như chết"),
   in a game or a film ("chơi game bắn nhau"), and a feeling said big ("đau đầu muốn chết vì
   chuyện giấy tờ", "nghe giá nhà mà muốn ngất luôn") are no emergency. What was seen in the
   news or in a film ("đọc báo thấy vụ cháy...", "coi phim thấy người ta bị bắt cóc", "cướp
   tiệm vàng trên ti vi") is none in its clause; a screen in the room is no film ("đang coi
   phim thấy ổng ôm ngực"). "tưởng ... hóa ra ti vi mở phim": a reversal to something
   harmless resolves what came before.
7. **Asleep or at play.** With "ngủ", "ngáy", "chơi", "coi ti vi" in the answer, lying still
   ("nằm im") is no emergency, and the person said just before sleeping is not in need; with
   sound sleep ("ngủ say", "ngáy", "thức khuya"), neither is "gọi không dậy", "bất động".
8. **Beneficiaries and topics.** An elderly person or a child named as who a programme is for
   ("tiền hỗ trợ người già", "lớp hè cho con nít") is no vulnerable person in need; an
   emergency named as a programme's topic ("hỗ trợ cho người bị bạo lực gia đình", "nạn nhân
   vụ cháy", "tầm soát ung thư") is no emergency now, further off when "cho" says who it is
   for ("tiền hỗ trợ của phường cho nhà bị cháy"); "nón bảo hiểm" is a helmet, no topic.

9. **Look-alikes of round 9** (:mod:`.need_look_alikes`, its marks joined to these by
   :func:`all_marks`): a game's or a film shoot's clause, a how-to question or a first-aid
   class, threats from a lending app by phone, a kidnapping claimed by a scammer, a theft
   over with the thief gone.
10. **Look-alikes of round 10** (:mod:`.need_look_alikes_more`, joined the same way): a play
   rehearsed, a scare that was a rat, which number is which, aid or counselling asked for,
   an epilepsy medicine, snoring for years, people let out already, the power cut after a bang.
11. **Look-alikes of round 11** (:mod:`.need_look_alikes_settled`, joined the same way): a
   medical event of another day, a stroke long bedridden, a scene settled, in care or asked
   only to know, an event named as over, its papers and handouts, a clip, a supposed part, a
   bang with the breaker tripped, firecrackers, a road hole, a thing dropped, a small burn.
12. **Look-alikes of round 12** (:mod:`.need_look_alikes_things`, joined the same way): a
   device "bị sập", a small device's bang gone out, "đáng bị" (an opinion), a thing dropped,
   handouts after a fire, observation in hospital, a near miss ("hụt"), "chứ có ai ... đâu",
   and people at ease (a class for children, an elder's chores, a palsy unchanged).
13. **Look-alikes of round 13** (:mod:`.need_look_alikes_asked`, joined the same way): a
   harmless drink taken by mistake, a tripped breaker, which number or what to do asked
   about, a dream or a rumour, a medicine taken as prescribed.
14. **Look-alikes of round 14** (:mod:`.need_look_alikes_passing`, joined the same way): a
   road sunk, an oxygen cylinder with supply left, "đêm nào ... cũng", asthma managed, what
   goes on "tới giờ" ended by a past episode of another year.
15. **Look-alikes of round 18** (:mod:`.need_minor_and_asked`, joined the same way): a minor
   wound cared for, choking over, out of the water by himself, pest control, a stray animal to
   catch, a number or a service asked about, strangers seen for days, a theft over.
16. **False emergencies of round 19** (:mod:`.need_false_round19`, joined the same way): a
   dog the owner will not shut in, a word shouted at play with "nothing" after it, "tìm
   người" as a search, the caller kept away ("kẹt ở quê").
17. **Round 20** (:mod:`.need_rescue_round20`, joined the same way): a first-aid question and a
   recurring event are look-alikes; a past stretch ends where someone is freed ("lôi ra được
   mà ..."), and "thở ngáy" with no sleep named is no sleep.

"Not urgent" lowers the hit to ``normal``, its weight to context (1) and takes it out of the
combinations, so the category comes from what the caller asks now ("giờ xin hỏi hỗ trợ sửa
nhà" is financial). In a past stretch everything said is lowered; a resolution or a joke
lowers what was urgent before it; a denial lowers the emergencies only.
"""

from __future__ import annotations

from dataclasses import replace

from callbot.understanding import need_calm_scenes as cs
from callbot.understanding import need_false_alarms as fa
from callbot.understanding import need_false_round19 as fr
from callbot.understanding import need_look_alikes as la
from callbot.understanding import need_look_alikes_asked as lq
from callbot.understanding import need_look_alikes_more as lm
from callbot.understanding import need_look_alikes_passing as lp
from callbot.understanding import need_look_alikes_settled as ls
from callbot.understanding import need_look_alikes_things as lt
from callbot.understanding import need_minor_and_asked as mn
from callbot.understanding import need_rescue_round20 as rr
from callbot.understanding import need_still_now as sn
from callbot.understanding import need_time_words as tw
from callbot.understanding.need_marks import all_marks
from callbot.understanding.need_match import Hit
from callbot.understanding.need_time_marks import Marks

_FEAR_REACH = 2  # a plain "lo" right before the event ("lo sập")
_TOPIC_REACH = 4
_FOR_WHOM_REACH = 8
_HABIT_REACH = 3
_PROGRAMME_REACH = 3
_ASLEEP_REACH = 3
_BENEFICIARY = "person"
_FIRE = frozenset({"fire", "smoke", "blast"})
_SHUT_IN = frozenset({"stuck", "trapped", "shut_in", "collapse"})
_SUPPLY = "supply"  # a supply running low is not resolved by the patient being well


def _event(hit: Hit) -> bool:
    return hit.entry.urgency == "emergency" or hit.entry.category is not None


def quiet(hit: Hit) -> Hit:
    """``hit`` no longer urgent: normal, only context for the category, and no part of a
    combination any more (its tags dropped)."""
    calm = replace(hit.entry, urgency="normal", weight=min(hit.weight, 1), tags=frozenset())
    return replace(hit, entry=calm)


def _within(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(s <= hit.start < e for s, e in spans)


def _after(hit: Hit, marks: list[tuple[int, int]]) -> bool:
    return any(e <= hit.start for _, e in marks)


def _right_after(hit: Hit, marks: list[tuple[int, int]], reach: int) -> bool:
    return any(0 <= hit.start - e < reach for _, e in marks)


def _hyperbole(hit: Hit, words: list[str]) -> bool:
    """A feeling said big: "đau đầu muốn chết", "muốn xỉu vì", "mà muốn ngất"."""
    if "hyperbole" not in hit.entry.tags:
        return False
    near = words[max(0, hit.start - tw.FEELING_REACH) : hit.start]
    after = words[hit.end] if hit.end < len(words) else ""
    dying = "chết" in words[hit.start : hit.end]  # "muốn chết vì nợ" may be meant
    return (
        bool(tw.FEELINGS.intersection(near))
        or (after in tw.HYPERBOLE_AFTER and not dying)
        or bool(near and near[-1] in tw.HYPERBOLE_BEFORE)
    )


def _doubted(hit: Hit, words: list[str], marks: Marks) -> bool:
    """Asked, not said: "có phải bị ngộ độc không"."""
    after = words[hit.end : hit.end + tw.DOUBT_REACH]
    return _right_after(hit, marks["doubt"], tw.DOUBT_REACH) and bool(tw.DOUBT_ENDS & set(after))


def _figure(hit: Hit, words: list[str], marks: Marks) -> bool:
    """Rule 6: a simile, a game or a film, a feeling said big."""
    return (
        _right_after(hit, marks["simile"], tw.SIMILE_REACH)
        or la.in_fiction(hit, words, marks["fiction"], tw.FICTION_REACH)
        or _within(hit, marks["media"])
        or any(0 <= s - hit.end < tw.ON_MEDIA_REACH for s, _ in marks["on_media"])
        or _hyperbole(hit, words)
    )


def _resolved(hit: Hit, marks: Marks) -> bool:
    """Rules 2-3: resolved, a fire put out, in hospital, nobody hurt."""
    tags = hit.entry.tags
    medical = hit.entry.alarm == "115"
    return (
        any(e >= hit.end for _, e in marks["resolved"] + marks["joke"])
        or (bool(_FIRE & tags) and any(e >= hit.end for _, e in marks["fire_out"]))
        # the smoke left of a fire put out ("xịt xong rồi giờ khói còn bay qua")
        or ("smoke" in tags and any(e <= hit.start for _, e in marks["fire_out"]))
        or ((medical or hit.entry.category == "medical") and _in_care(hit, marks))
        or ((medical or "blast" in tags or "collapse" in tags) and bool(marks["nobody_hurt"]))
        or (bool(_SHUT_IN & tags) and bool(marks["nobody_inside"]))
    )


def _in_care(hit: Hit, marks: Marks) -> bool:
    """A hospital named, and no turn away from it ("mà không phải chuyện đó", "đang đi
    ngoài đường thấy") between it and ``hit``: someone cared for (round 18)."""
    return any(
        not any(e <= turn < hit.start for turn, _ in marks["elsewhere"])
        for _, e in marks["hospital"]
    )


def _not_now(hit: Hit, words: list[str], marks: Marks, now: bool) -> bool:
    """Rules 4-5 and 8 for an emergency: denied, a drill, supposed, feared, a topic (``now``:
    said to go on now, :mod:`.need_still_now`)."""
    return (
        bool(marks["denied"])
        or (bool(marks["drill"]) and not la.said_real(words, hit.end))
        or (_after(hit, marks["supposed"]) and not now)
        or _within(hit, marks["mistaken"])
        or _doubted(hit, words, marks)
        or _within(hit, marks["feared"])
        or _right_after(hit, marks["lo"], _FEAR_REACH)
        or any(
            hit.start - _reach(words, e, hit.start) <= e - 1 < hit.start
            and not tw.CLAUSE_BREAKS.intersection(words[e : hit.start])
            for _, e in marks["topic"]
        )
    )


def _reach(words: list[str], end: int, start: int) -> int:
    """How far a topic ("hỗ trợ", "chế độ") reaches: further when "cho" names who it is for
    ("tiền hỗ trợ của phường cho nhà bị cháy", round 6)."""
    if tw.FOR_WHOM in words[end:start]:
        return _FOR_WHOM_REACH
    return _TOPIC_REACH


def _calmed(hit: Hit, words: list[str], marks: Marks) -> bool:
    """Whether rules 1-8 (module docstring) put ``hit`` out of the present."""
    urgent = hit.entry.urgency != "normal"
    emergency = hit.entry.urgency == "emergency"
    tags = hit.entry.tags
    asleep = marks["asleep"]
    person = _BENEFICIARY in tags and urgent
    now = sn.now(hit, marks)
    return (
        ((urgent or _event(hit)) and _within(hit, marks["past"]) and not now)
        or (urgent and _resolved(hit, marks) and _SUPPLY not in tags)
        # stuck "lâu rồi" is stuck the longer, not a chronic complaint (round 8)
        or (emergency and _within(hit, marks["chronic"]) and not _SHUT_IN & tags)
        # not a medical one: a stroke "hồi sáng" may still need 115 now
        or (emergency and hit.entry.alarm != "115" and _within(hit, marks["timed"]) and not now)
        or (emergency and _not_now(hit, words, marks, now))
        or (emergency and _figure(hit, words, marks))
        or (emergency and la.look_alike(hit, words, marks))
        or (emergency and lm.more_look_alike(hit, words, marks))
        or (emergency and ls.settled(hit, words, marks))
        or (emergency and lt.thing_look_alike(hit, words, marks))
        or (emergency and lq.asked_look_alike(hit, words, marks))
        or (emergency and lp.passing_look_alike(hit, words))
        or (emergency and cs.calm_look_alike(hit, marks))
        or (emergency and mn.minor_look_alike(hit, words, marks))
        or (emergency and fr.round19_look_alike(hit, words, marks))
        or (emergency and rr.round20_look_alike(hit, words, marks))
        or (urgent and _right_after(hit, marks["habit"], _HABIT_REACH))
        or (urgent and _right_after(hit, marks["screening"], tw.SCREENING_REACH))
        or (
            hit.entry.category == "medical"
            and not emergency
            and _right_after(hit, marks["test_of"], 1)
        )
        or (person and (_within(hit, marks["feared"]) or _after(hit, marks["supposed"])))
        or (person and lt.class_for(hit, words))
        or ("still" in tags and bool(asleep))
        or ("unresponsive" in tags and bool(marks["sound_asleep"]))
        or (person and any(0 <= s - hit.end < _ASLEEP_REACH for s, _ in asleep))
        or (
            person
            and any(
                hit.start - _PROGRAMME_REACH <= e - 1 < hit.start for _, e in marks["programme"]
            )
        )
    )


def _of_an_animal(hit: Hit, animals: list[int], words: list[str]) -> bool:
    """An emergency said of an animal (:mod:`.need_false_alarms`): one named before it, no
    person, attack nor "rồi" between ("con mèo ... kẹt trên mái"), or after it ("giết con chó")."""
    if _FIRE & hit.entry.tags:
        return False  # a fire is nobody's ("con mèo làm đổ nến cháy rèm")
    if words[hit.start] in fa.ATTACKS:
        return False  # the animal attacks someone ("chó dữ cắn nát bắp chân")
    person = bool(fa.HUMANS & set(words[hit.start : hit.end + 1]))  # "rồi ... đánh ba"
    for a in animals:
        between = {  # an owner named is no one there: fa.OWNED
            w
            for k, w in enumerate(words[a + 1 : hit.start], a + 1)
            if not (w in fa.HUMANS and words[k - 1] in fa.OWNED)
        }
        then = person and fa.THEN in between  # "rồi" counts before a person only: fa.THEN
        if 0 < hit.start - a <= fa.ANIMAL_REACH and not (fa.NOT_OF_AN_ANIMAL & between or then):
            return True
        if 0 <= a - hit.end < fa.ANIMAL_AFTER:
            return True
    return False


def _sent_from_afar(hit: Hit, remote: list[tuple[int, int]], words: list[str]) -> bool:
    """A vague threat by message or online ("nhắn tin hăm dọa"): a report, unless it is to
    kill, burn or maim (:mod:`.need_false_alarms`)."""
    return (
        hit.entry.category == "violation"
        and not fa.LETHAL & set(words)
        and not (
            "crime" in hit.entry.tags
            and fa.UNDER_WAY & set(words[hit.end : hit.end + fa.UNDER_WAY_REACH])
        )
        and any(0 <= hit.start - e < fa.REMOTE_REACH for _, e in remote)
    )


def defuse(hits: list[Hit], words: list[str], marks: Marks | None = None) -> list[Hit]:
    """The hits with those the answer puts out of the present made not urgent (``marks``:
    :func:`.need_marks.all_marks` of ``words``, computed once for several calls)."""
    marks = all_marks(words) if marks is None else marks
    if lt.at_ease(hits, words, marks):
        return [quiet(h) if h.entry.urgency != "normal" else h for h in hits]
    if not any(marks.values()) and not any({"hyperbole", "animal"} & h.entry.tags for h in hits):
        return hits
    ends = {h.end for h in hits if h.entry.category is not None}
    habits = [
        (s, e)
        for s, e in marks["habit"]
        if s not in ends and (e >= len(words) or words[e] not in tw.OR_WHAT)
    ]
    marks = {**marks, "habit": habits}
    alive = [h for h in hits if not _calmed(h, words, marks)]
    marks = {**marks, "now": marks["now"] + sn.revived(hits, alive, words)}
    animals = [h.start for h in hits if "animal" in h.entry.tags]
    return [
        quiet(h)
        if _calmed(h, words, marks)
        or (
            h.entry.urgency == "emergency"
            and (_of_an_animal(h, animals, words) or _sent_from_afar(h, marks["remote"], words))
        )
        else h
        for h in hits
    ]
