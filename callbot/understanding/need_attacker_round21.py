"""Where the attacker is: gone (115 for the hurt), still there and acting (113), or the attack
long over (no emergency) (round 21A of issue 13, writers J and K).

The brief's rule: 113 while whoever threatens or hurts is still there or coming; 115 once no
attacker is present and a body is in trouble. Read in several wordings, regions and Vosk's
spellings:

1. **More ways of leaving** (:func:`.need_leaving.more_gone`, joined to
   :func:`.need_scene.gone_spans`):
   "bỏ chạy luôn", "bỏ chạy dồi" (Vosk's "dồi", "rùi" for "rồi", in every leaving phrase),
   "leo lên xe chạy", "phóng xe đi", "chạy xe đi mất tiêu", "lên phà qua sông rồi",
   "đi khỏi rồi", "mất dạng"; one attacker named by a pronoun after the attack ("em bị bạn
   trai đánh ảnh đi rồi", "ổng đâm tui xong hắn đi rồi").
2. **The attack over, a body hurt now** (115, :func:`attacker_hits`): an attack (a
   ``violence`` phrase, or "bị" and an attack verb: "bị thằng chồng cũ đâm ba nhát", "bị xe
   hơi tông"), the attacker gone after it, then any harm to the body ("chóng mặt", "gãy
   tay", "cái tay gần đứt", "mắt hổng mở được", "đứng dậy hổng nổi"): a medical emergency,
   so :mod:`.need_scene` no longer calls 113 for the attack said before the leaving. Not when
   the attack is put out of the present ("tuần trước bị đâm nó bỏ chạy giờ còn đau").
3. **Reported home after the attack** (115, :func:`attacker_service`): "đi học về nói bị ông
   thầy đánh vô đầu giờ nhức đầu ói", "đi làm về kể bị tụi nó đập": the victim came back and
   told, the attacker is not there; with a medical emergency said, 115.
4. **The attacker there and acting** (113, :func:`attacker_service`): someone holding a
   person down to beat or assault them ("mấy người đang đè một ông ra đánh", "ông đang đè
   con nhỏ xuống đất xé áo": a human doer of "đè", not a collapse's 114); a person forced
   ("đang ép chị uống nguyên vỉ thuốc", "ổng giữ chặt chị trong phòng", "trói nó vô cột rồi
   lấy cây đánh"), or the caller hiding to call ("em lén gọi") beside a medical emergency:
   the harm goes on, 113. Not once the doer is gone after it.
5. **A child threatened from a height** (113): "hăm quăng xuống", "dọa ném thằng nhỏ xuống
   sông", "đòi liệng con xuống lầu" with a child or person said.
6. **Look-alikes put out** (:func:`attacker_hits`): a husband jailed ("bị bắt đi tù rồi",
   "đi tù về rồi"), someone beaten who lies in hospital now ("bị người ta đánh nằm viện hông
   ai đi làm"), an attack denied by "hông có" before it ("hông có đánh ai hết"). (An old
   person with dementia wandered off stays 113, as round 9's tests hold, though writer K
   labelled one high.)
"""

from __future__ import annotations

from callbot.understanding.need_base import Entry, Service
from callbot.understanding.need_leaving import A21_VERBS
from callbot.understanding.need_marks import all_marks
from callbot.understanding.need_match import Hit
from callbot.understanding.need_scene import gone_spans
from callbot.understanding.need_time import defuse, quiet
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import NEGATING, phrases, with_denials, words

Span = tuple[int, int]
Phrases = tuple[tuple[str, ...], ...]

# Rule 2: the attack said ("bị ... đâm", "đâm ba nhát") and harm to the body after the leaving.
A21_BY = 5
A21_HARM = with_denials(
    phrases("""
    gần đứt, đứt lìa, muốn đứt, đứt tay, lòi xương, gãy tay, gãy chân, gãy xương, bể đầu,
    vỡ đầu, máu me, chảy máu, ra máu, máu ra, mắt {k} mở được, {k} mở mắt được, {k} mở mắt,
    đứng dậy {k} nổi, {k} đứng dậy được, {k} đứng dậy nổi, chóng mặt, xây xẩm, nằm bất động,
    đau quá, rát quá, phỏng rát, bỏng rát, lả đi, ngất, xỉu, nhức đầu, ói, sưng vù
""")
)
A21_HARM_REACH = 25
_MEDICAL = Entry("medical", "emergency", 5, (), frozenset({"sick"}), service="115")
_ATTACK = Entry("violation", "emergency", 5, (), frozenset({"violence"}), service="113")
# Rule 3: the victim came back and told.
A21_TOLD = phrases("""
    về nói, về kể, về mách, về méc, về khóc nói, về nhà nói, về nhà kể, về tới nhà nói,
    về khóc kể, về nhà mách, về nhà méc
""")
A21_TOLD_REACH = 6
# Rule 4: the doer of "đè" a person, and a person forced or held.
A21_DOERS = words("ông thằng người ta tụi bọn đám nó hắn ổng gã chồng mấy")
A21_FORCE = with_denials(
    phrases("""
    ép uống, bắt uống, ép chị uống, ép em uống, ép nó uống, ép bả uống, ép mẹ uống,
    đổ thuốc vô miệng, lấy cây đánh, lấy gậy đánh,
    lấy roi đánh, trói vô cột, lén gọi, gọi lén, trốn gọi
""")
)
A21_PRESENT = phrases("""
    còn ở trong nhà, còn ở trong, còn trong nhà, còn ở nhà, còn ở đây, còn ở đó, còn đứng đó,
    vẫn còn ở, đang ở ngoài, còn ngồi ngoài, còn ngồi đó
""")
# held by someone else ("ổng giữ chặt chị"; not the family holding a child in a fit)
A21_HOLD = words("giữ ghì")
A21_HOLDERS = words("ổng nó hắn gã thằng chả ảnh")
# Rule 5: a child threatened from a height.
A21_THREATEN = words("hăm dọa đòi hù")
A21_THROW = words("quăng ném liệng thảy vứt thả")
A21_CHILD = words("nhỏ bé con cháu")
A21_THING = words("cái đồ chén dĩa ly ti máy xe")
# Rule 6: look-alikes.
A21_JAIL = words("tù")
A21_IN_CARE = phrases("""
    nằm viện, nằm bệnh viện, nhập viện, đang nằm viện, phải nằm viện, đang điều trị,
    nằm viện rồi, nằm bệnh diện, vô viện nằm
""")
A21_CARE_REACH = 4


def _attacks(live: list[Hit], words_: list[str]) -> list[Span]:
    """Rule 2: where an attack is said (a violence phrase, "bị" then an attack verb, an
    attack verb then "nhát")."""
    out = [(h.start, h.end) for h in live if h.entry.alarm == "113" and "violence" in h.entry.tags]
    for k, w in enumerate(words_):
        if w not in A21_VERBS:
            continue
        if "bị" in words_[max(0, k - A21_BY) : k] or "nhát" in words_[k + 1 : k + 4]:
            out.append((k, k + 1))
    return out


def _hurt_after_leaving(live: list[Hit], words_: list[str]) -> list[Span]:
    """Rule 2: harm to the body said after the attacker left, the attack before it."""
    attacks = _attacks(live, words_)
    if not attacks:
        return []
    first = min(s for s, _ in attacks)
    left = [e for s, e in gone_spans(words_) if s > first]
    if not left:
        return []
    after = min(left)
    harm = [(h.start, h.end) for h in live if "sick" in h.entry.tags or h.entry.alarm == "115"]
    harm += find(words_, A21_HARM)
    return sorted({(s, e) for s, e in harm if after <= s <= after + A21_HARM_REACH})[:1]


def _throw_threats(words_: list[str]) -> list[Span]:
    """Rule 5: "hăm quăng xuống" of a child or person said."""
    out = []
    for k, w in enumerate(words_):
        if w not in A21_THREATEN:
            continue
        rest = words_[k + 1 : k + 6]
        throw = next((j for j, x in enumerate(rest) if x in A21_THROW), None)
        if throw is None or throw > 1 or "xuống" not in rest[throw:]:
            continue
        if words_[k + 2 + throw : k + 3 + throw] and words_[k + 2 + throw] in A21_THING:
            continue  # a thing thrown ("dọa quăng cái ti vi xuống")
        if A21_CHILD & set(words_[max(0, k - 12) : k + 6]):
            out.append((k, k + 2 + throw))
    return out


def _look_alike(hit: Hit, words_: list[str]) -> Hit:
    """Rule 6: a jailing, an attack on someone now in hospital, an attack denied; ``hit``
    otherwise."""
    if hit.entry.alarm != "113" or hit.negated:
        return hit
    near = words_[hit.end : hit.end + 2]
    if A21_JAIL & set(near + words_[hit.start : hit.end]):
        return quiet(hit)
    if "violence" in hit.entry.tags and words_[hit.start - 1 : hit.start] != ["đang"]:
        care = [s for s, _ in find(words_, A21_IN_CARE)]
        if any(0 <= s - hit.end <= A21_CARE_REACH for s in care):
            return quiet(hit)
        before = words_[max(0, hit.start - 2) : hit.start]
        if len(before) == 2 and before[0] in NEGATING and before[1] == "có":
            return quiet(hit)
    return hit


def _not_left(words_: list[str], marks: Marks | None) -> Marks:
    """The answer's marks without the "resolved" of the attacker's leaving ("bỏ đi rồi")."""
    marks = all_marks(words_) if marks is None else marks
    gone = gone_spans(words_)
    kept = [r for r in marks.get("resolved", []) if not any(s <= r[0] < e for s, e in gone)]
    return {**marks, "resolved": kept}


def attacker_hits(
    live: list[Hit], hits: list[Hit], words_: list[str], marks: Marks | None = None
) -> list[Hit]:
    """``hits`` with the look-alikes of rule 6 put out and the emergencies of rules 2 and 5
    added, unless the answer's own marks put them out of the present."""
    hits = [_look_alike(h, words_) for h in hits]
    extra = [Hit(_MEDICAL, s, e, 0, ((s, e),)) for s, e in _hurt_after_leaving(live, words_)]
    if extra:
        # the attack itself must be of now ("tuần trước bị đâm ... giờ còn đau" is not)
        # (the leaving itself, read as "resolved", does not count)
        s, e = min(_attacks(live, words_))
        if defuse([Hit(_ATTACK, s, e, 0, ((s, e),))], words_, _not_left(words_, marks))[0].rank < 2:
            extra = []
    extra += [Hit(_ATTACK, s, e, 0, ((s, e),)) for s, e in _throw_threats(words_)]
    if not extra:
        return hits
    return hits + [h for h in defuse(extra, words_, marks) if h.entry.urgency == "emergency"]


def _human_hold(hit: Hit, words_: list[str]) -> bool:
    """Rule 4: "đè" done by a person ("mấy người đang đè một ông"), not something fallen."""
    if "press" not in hit.entry.tags:
        return False
    before = [w for w in words_[max(0, hit.start - 3) : hit.start] if w not in {"đang", "còn"}]
    return bool(before) and before[-1] in A21_DOERS and "bị" not in before


def attacker_service(service: Service | None, hits: list[Hit], words_: list[str]) -> Service | None:
    """The number once the attacker's whereabouts are read (rules 3 and 4); ``service``
    otherwise (``hits``: the answer's hits after time)."""
    urgent = [h for h in hits if h.entry.urgency == "emergency"]
    attacks = [h for h in urgent if h.entry.alarm == "113"]
    medical = [h for h in urgent if h.entry.alarm == "115"]
    gone = gone_spans(words_)
    if service == "113" and medical and not any("perpetrator" in h.entry.tags for h in hits):
        told = [e for s, e in find(words_, A21_TOLD)]
        first = min(h.start for h in attacks) if attacks else -1
        if attacks and any(0 <= first - e <= A21_TOLD_REACH for e in told):
            return "115"
    if service == "114" and attacks:
        holds = [h for h in urgent if h.entry.alarm == "114"]
        if holds and all(_human_hold(h, words_) for h in holds):
            return "113"
    if service == "115":
        force = [s for s, _ in find(words_, A21_FORCE)]
        if find(words_, A21_PRESENT):  # hiding to call, the doer in the house
            force += [h.start for h in hits if "secret_call" in h.entry.tags]
        force += [
            k
            for k, w in enumerate(words_)
            if w in A21_HOLD and words_[k - 1 : k] and words_[k - 1] in A21_HOLDERS
        ]
        if force and not any(s >= max(force) for s, _ in gone):
            return "113"
    return service
