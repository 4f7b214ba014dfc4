"""What the caller needs and how urgently: category, urgency and the words that decided.

``parse_need`` reads one answer to "what do you need?" against the lexicon of
:mod:`.need_lexicon` (phrases as data; this module and :mod:`.need_match` only interpret it)::

    "mẹ tôi sốt cao khó thở"               -> medical, emergency, ["sốt cao", "khó thở"]
    "đo ô xy trong máu còn tám mươi lăm"    -> medical, emergency (SpO2 85)
    "bà nội tám mươi tuổi hết đồ ăn rồi"    -> food, high (an elderly person)
    "mất việc không có tiền trả tiền nhà"  -> financial, normal
    "kho tho qua" (diacritics lost)        -> medical, emergency, lower confidence

How it reads:

1. Words are normalized (:func:`.text.tokens`), central words read the southern way ("mạ",
   "nỏ", "hắn": :data:`~.need_base.DIALECT`); lexicon phrases are found exactly or with
   recognition errors tolerated, the longest winning (:mod:`.need_match`).
2. A symptom denied just before ("không sốt", "không ai bị ho") is dropped; an emergency only
   when the denial scopes over it ("không khó thở", "không có ai bị đuối nước", "khó thở thì
   không"; not "không có ai khó thở": recall beats precision), :mod:`.need_negation`. What is
   past, resolved, supposed or joked about is not urgent (:mod:`.need_time`).
3. :data:`~.need_lexicon.COMBOS` fire (F0 + symptom, pregnancy + belly pain), numbers are read
   (:data:`~.need_lexicon.READINGS`: SpO2 below 94, fever from 39 degrees, a child's or an old
   person's age), and :data:`~.need_lexicon.DEMOTIONS` apply (an oxygen tank bought ahead):
   :mod:`.need_combine`.
4. Urgency is the highest found. The category is the most urgent, then the heaviest, among the
   phrases that name a need (weight >= 2); context ("F0", "có bầu") decides only when nothing
   else does, and an emergency of no category (fire) leaves the category to the rest. A
   report (weight >= 4: "thu tiền", "giấy đi đường giả") of the top urgency outweighs
   everything it is about ("gạo cứu trợ mà bắt trả tiền" is a violation); otherwise what the
   caller asks for (after the last "cần", "xin", "muốn", "hỏi", "nhờ") outweighs the story
   around it. An elderly person or a child named makes the need high only when something
   pressing is said (not when all that was urgent was defused, nor in a report of a
   violation). ``reasons`` lists the transcript's words of every match, in order.
5. Where the rules are unsure, the statistical model (:mod:`.need_model`) may overrule them:
   promote an answer with a cue of an emergency it reads as one on words the rules do not
   know, or demote an emergency word said in passing before a request. ``model`` in the
   result says when it did.

``confidence`` is that of the best evidence for the answer (exact 0.9, toneless 0.75, bare 0.6,
fuzzy 0.45), lowered when only context decided, when two categories were close, or when an
emergency phrase was said but denied.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from callbot.understanding.need_after_attack import attack_hits
from callbot.understanding.need_attacker_round21 import attacker_hits
from callbot.understanding.need_base import Service, standard
from callbot.understanding.need_combine import combine, demote, readings, reassured
from callbot.understanding.need_heads import recategorise, reurge
from callbot.understanding.need_hong import denied_hong
from callbot.understanding.need_lexicon import (
    CATEGORY_ORDER,
    URGENCY_RANK,
    Category,
    Urgency,
)
from callbot.understanding.need_marks import all_marks
from callbot.understanding.need_match import Hit, candidates, select
from callbot.understanding.need_model import (
    CUES,
    Model,
    Reading,
    Rules,
    Verdict,
    current,
    judge,
    reading,
    score,
)
from callbot.understanding.need_negation import minimised, negate
from callbot.understanding.need_number import emergency_number
from callbot.understanding.need_rescue_round20 import freed
from callbot.understanding.need_round28d import ill_inside
from callbot.understanding.need_round31s import born_stuck
from callbot.understanding.need_round34 import R34_SAID
from callbot.understanding.need_scene import scene_hits
from callbot.understanding.need_service import alarming, service_category
from callbot.understanding.need_still_in_danger import danger_hits
from callbot.understanding.need_time import defuse, quiet
from callbot.understanding.text import INTERJECTIONS, tokens

LEVEL_CONFIDENCE = (0.9, 0.75, 0.6, 0.45)

# A report ("thu tiền", "giấy giả") outweighs what it is about, however much that is.
REPORT_WEIGHT = 4
# What follows the last of these is what the caller asks for: it decides the category among
# needs of the same urgency ("mẹ nằm viện ... tui cần giấy tạm trú" is other).
REQUEST_WORDS = frozenset({"cần", "xin", "muốn", "hỏi", "nhờ"})
_WHO = "who"
_PERPETRATOR = "perpetrator"  # an attacker named (need_service)
_FIRE_OR_WATER = frozenset({"fire", "water"})
_SICK = "sick"
_MADE = "made_by_person"  # a danger a person makes (round 27K)


@dataclass(frozen=True)
class NeedResult:
    """The need of one answer; ``reasons`` are the transcript's words that decided it.

    ``service`` is the number an emergency caller must call ("115", "114" or "113"; None when
    the need is no emergency) and ``emergency_reasons`` the words that made it one.
    """

    category: Category
    urgency: Urgency
    reasons: tuple[str, ...]
    confidence: float
    service: Service | None = None
    emergency_reasons: tuple[str, ...] = ()
    model: Verdict | None = None  # the statistical model overruled the rules

    def as_dict(self) -> dict[str, Any]:
        """What ``callbot parse need`` prints (``model`` only when the model overruled the
        rules: "promote", "demote", "service", "category" or "urgency")."""
        return {
            "category": self.category,
            "urgency": self.urgency,
            "service": self.service,
            "reasons": list(self.reasons),
            "emergency_reasons": list(self.emergency_reasons),
            "confidence": self.confidence,
            **({"model": self.model} if self.model else {}),
        }


def _last_request(words: list[str]) -> int | None:
    """Where the answer's last request word ("cần", "xin", "hỏi"...) is, if it has one."""
    return next((i for i in range(len(words) - 1, -1, -1) if words[i] in REQUEST_WORDS), None)


def _asked(hits: list[Hit], words: list[str]) -> list[Hit]:
    """The hits said after the answer's last request word: what the caller asks for, rather
    than the story around it."""
    last = _last_request(words)
    return [h for h in hits if last is not None and h.start > last]


def _choose(hits: list[Hit], words: list[str]) -> tuple[Category, bool, bool]:
    """The category, whether only context decided it, and whether the runner-up was close."""
    named = [h for h in hits if h.entry.category is not None]
    strong = [h for h in named if h.weight >= 2]
    top = max((h.rank for h in strong), default=0)
    reports = [h for h in strong if h.weight >= REPORT_WEIGHT and h.rank == top]
    asked = [h for h in _asked(strong, words) if h.rank == top]
    strong = reports or asked or strong
    scores: dict[Category, tuple[int, int]] = {}
    for h in strong or named:
        if h.entry.category is not None:
            rank, weight = scores.get(h.entry.category, (-1, 0))
            scores[h.entry.category] = (max(rank, h.rank), weight + h.weight)
    if not scores:
        return "other", True, False
    ranked = sorted(scores, key=lambda c: (*scores[c], -CATEGORY_ORDER.index(c)), reverse=True)
    first, second = scores[ranked[0]], scores[ranked[1]] if len(ranked) > 1 else (-1, 0)
    close = first[0] == second[0] and first[1] - second[1] <= 1
    return ranked[0], not strong, close


def _who_in_need(hits: list[Hit], defused: bool) -> list[Hit]:
    """An elderly person or a child named ("ông nội", "đứa nhỏ") makes a need high only when
    something pressing is said: not when all that was urgent in the answer was put out of the
    present ("ông già tui hay đau ngực mỗi khi trở trời", "phòng khi ông nội khó thở")."""
    if not defused or not _only_who(hits, max((h.rank for h in hits), default=0)):
        return hits
    return [quiet(h) if _WHO in h.entry.tags else h for h in hits]


def _only_who(hits: list[Hit], top: int) -> bool:
    """Whether the answer is high only for who it names (an elderly person, a child)."""
    return top == URGENCY_RANK["high"] and all(_WHO in h.entry.tags for h in hits if h.rank == top)


def _reasons(hits: list[Hit], words: list[str]) -> tuple[str, ...]:
    spans = {s for h in hits for s in h.spans}
    kept = sorted(
        s for s in spans if not any(o != s and o[0] <= s[0] <= s[1] <= o[1] for o in spans)
    )
    out: list[str] = []
    for lo, hi in kept:
        text = " ".join(w for w in words[lo:hi] if w not in INTERJECTIONS)
        if text and text not in out:
            out.append(text)
    return tuple(out)


def parse_need(text: str) -> NeedResult:
    """Category, urgency, service, reasons and confidence of one answer (module docstring)."""
    said = R34_SAID(tokens(text))  # hesitations inside a phrase read across (round 34B)
    words = standard(said)
    found = minimised(denied_hong(negate(select(candidates(words)), words), words), words)
    live = [h for h in found if not h.negated]
    marks = all_marks(words)
    calm = defuse(live, words, marks)
    lowered = [a for a, b in zip(live, calm, strict=True) if a.rank > b.rank]
    denied = [h for h in found if h.negated and h.entry.urgency == "emergency"]
    # what is denied as a whole ("hổng có thiệt đâu", "báo nhầm") defuses who is named too
    defused = (
        bool(denied) or bool(marks["denied"]) or any(_WHO not in h.entry.tags for h in lowered)
    )
    combined, quieted = combine(calm)
    calm = [quiet(h) if id(h) in quieted else h for h in calm]
    before = demote(calm + combined + readings(calm, words))
    hits = defuse(before, words, marks)
    lowered += [a for a, b in zip(before, hits, strict=True) if a.rank > b.rank]
    hits = _who_in_need(reassured(hits, calm, words), defused)
    hits = danger_hits(live, scene_hits(live, hits, words, marks), words, marks)
    hits = attack_hits(live, hits, words, marks)
    hits = attacker_hits(live, hits, words, marks)
    result = _decide(hits, found, said, words)
    sure = not denied and not any(h.entry.urgency == "emergency" for h in lowered)
    # a breaker's trip the rules read calmly ("cầu dao tổng bị nhảy") is theirs to keep
    sure = sure and not marks.get("breaker_tripped")
    # so is a calm scene: a quarrel with words only ("hai đứa con đang cãi nhau giành đồ
    # chơi", need_calm_scenes), a minor wound, choking over or household water
    # (need_minor_and_asked)
    sure = sure and not marks.get("calm_scene")
    cue = any(CUES & h.entry.tags for h in live)
    # a symptom the rules read as high ("tim đập nhanh") is their reading, not a doubt
    read_high = any(h.rank == URGENCY_RANK["high"] and _WHO not in h.entry.tags for h in hits)
    return _with_model(result, hits, found, said, words, sure=sure, cue=cue, read_high=read_high)


def _with_model(
    result: NeedResult,
    hits: list[Hit],
    found: list[Hit],
    said: list[str],
    words: list[str],
    *,
    sure: bool,
    cue: bool,
    read_high: bool,
) -> NeedResult:
    """The rules' result, overruled by the statistical model where :func:`.need_model.judge`
    says so (``sure``: no emergency phrase was denied or defused in the answer; ``cue``: a
    cue of an emergency was found; ``read_high``: something was read as high but who is
    named)."""
    model = current()
    if model is None:
        return result
    known = frozenset(i for h in found for i in range(h.start, h.end))
    seen = reading(model, words)  # its features and whether the model knows it, once
    view = score(model, seen, known)
    alarms = alarming(hits, result.service)
    # every emergency phrase said before the caller's last request ("... tui muốn hỏi"): they
    # moved on from it; one said after it ("hỏi tiền hỗ trợ mà bà em mới té") is never so
    last = _last_request(words)
    moved_on = bool(alarms) and last is not None and all(a.end <= last for a in alarms)
    # one such phrase: the shape of an emergency word said in passing ("đau đầu muốn chết vì
    # giấy tờ, tui hỏi thủ tục")
    single = moved_on and len(alarms) == 1
    emergency = result.urgency == "emergency"
    no_police = _fire_without_police(hits, found)
    unhurt = result.service == "113" and not any(_medical(h) for h in found if not h.negated)
    made = unhurt and any(_MADE in h.entry.tags for h in hits if not h.negated)
    rules = Rules(
        emergency, result.service, cue, sure, read_high, single, moved_on, no_police, unhurt, made
    )
    verdict = judge(view, rules, seen)
    # the rules' 115 stands: someone freed, then ill (round 20); a moan behind a door nobody
    # opens (round 28D); a child stuck in its birth (round 31S)
    if verdict == "service" and result.service == "115":
        verdict = None if freed(words) or ill_inside(hits) or born_stuck(hits) else verdict
    if verdict == "demote":
        calmed = [quiet(h) if h.entry.urgency == "emergency" else h for h in hits]
        return replace(_decide(calmed, found, said, words), model=verdict)
    if verdict == "service":
        service = view.service
        return replace(result, category=service_category(service), service=service, model=verdict)
    if verdict == "promote":
        service = view.service
        return replace(
            result,
            category=service_category(service),
            urgency="emergency",
            service=service,
            emergency_reasons=tuple(" ".join(said[a:b]) for a, b in view.spans),
            confidence=round(0.6 * view.emergency, 2),
            model=verdict,
        )
    return _read_heads(model, seen, result, read_high)


def _fire_without_police(hits: list[Hit], found: list[Hit]) -> bool:
    """Whether the rules read a fire or someone in the water and heard nothing of the police
    (no act of violence, no attacker, however they read its time): the model may not make
    it 113 (:func:`.need_model.judge`)."""
    if not any(_FIRE_OR_WATER & h.entry.tags for h in hits):
        return False
    return not any(
        h.entry.alarm == "113" or h.entry.category == "violation" or _PERPETRATOR in h.entry.tags
        for h in found
    )


def _medical(hit: Hit) -> bool:
    """Whether ``hit`` says something medical: a wound, a sign, a symptom."""
    entry = hit.entry
    return entry.alarm == "115" or entry.category == "medical" or _SICK in entry.tags


def _read_heads(model: Model, seen: Reading, result: NeedResult, read_high: bool) -> NeedResult:
    """The rules' result of an answer that is no emergency, its category and urgency read
    again by the model's other heads where the rules are unsure (:mod:`.need_heads`;
    ``read_high``: the rules read a need as high on what was said, not only on who)."""
    if result.urgency == "emergency":
        return result
    read = recategorise(model, seen, result.category, result.confidence)
    if read is not None:
        result = replace(result, category=read, model="category")
    urged = reurge(model, seen, result.urgency, read_high)
    if urged is not None:
        result = replace(result, urgency=urged, model=result.model or "urgency")
    return result


def _decide(hits: list[Hit], found: list[Hit], said: list[str], words: list[str]) -> NeedResult:
    """The result the rules give for these hits (module docstring, step 4)."""
    decisive = [h for h in hits if h.entry.category is not None or h.entry.urgency != "normal"]
    if not decisive:
        meaningful = any(w not in INTERJECTIONS for w in words)
        return NeedResult("other", "normal", (), 0.3 if meaningful else 0.0)
    top = max(h.rank for h in decisive)
    urgency = next(u for u, r in URGENCY_RANK.items() if r == top)
    category, weak, close = _choose(decisive, words)
    if category == "violation" and _only_who(decisive, top):
        # children or elderly people named in a report ("mấy đứa nhỏ la hét đá banh") are
        # who the report is about, not people in need
        top, urgency = URGENCY_RANK["normal"], "normal"
    service = None
    if urgency == "emergency":
        service = emergency_number(hits, words)
    if service is not None:
        category = service_category(service)
    deciding = [h for h in decisive if h.entry.category == category or h.rank == top]
    confidence = max(LEVEL_CONFIDENCE[h.level] for h in deciding)
    if weak and service is None:
        confidence *= 0.8
    if close and service is None:
        confidence *= 0.85
    if top < URGENCY_RANK["emergency"] and any(
        h.negated and h.entry.urgency == "emergency" for h in found
    ):
        confidence *= 0.8
    return NeedResult(
        category,
        urgency,
        _reasons(decisive, said),
        round(confidence, 2),
        service,
        _reasons(alarming(hits, service), said),
    )
