"""Which number the state of the scene calls for: the danger over or still there.

A caller often describes a scene with details of several services: an attack and a wound, a
crash and a person not breathing, a wire and a body. :func:`.need_service.choose_service`
ranks the services (114, then 113, then 115); this module reads what the caller says about
the *state* of the scene, which decides between them (round 11, writer L of the seventh
development part):

1. **The attacker gone or held** ("tụi nó chạy rồi", "thằng kia chạy mất", "bỏ đi hết rồi",
   "người ta giữ nó lại rồi") and the victim bleeding hard or unconscious: 115. The attack
   words said before it no longer call the police first. Not when the attacker is still
   there or coming back ("quay lại", "kéo thêm người", a ``perpetrator`` phrase), nor for
   an attack said after it ("thằng kia chạy rồi còn thằng này đang đánh").
2. **The attackers back** ("tụi nó chém chú tui xong chạy rồi nhưng giờ quay lại"): the
   attack said as over is live again, 113 (an emergency the past marker had put out).
3. **Pulled out already** ("moi được anh thợ ra rồi", "lôi được anh tài xế ra rồi", "đẩy xe
   ra được rồi", "kéo ra sân rồi") of a crash, a fire, a collapse, the water or a room full
   of fumes, and unresponsive, not breathing, bleeding: 115. The fire, the collapse, the
   trapping said before it, and the rescuers' means ("đập kính", "phá cửa"), no longer call
   114 or 113. Still 114 when someone is still inside ("còn kẹt", "còn một người trong đó").
4. **Our own hands**: the door forced or the cupboard searched by the caller or the family
   ("em phá cửa vô", "con cháu phá cửa", "con tui lục tủ nuốt thuốc") is no break-in when a
   medical emergency is said.
5. **A live wire**: someone electrocuted and still holding or stuck to it ("tay còn nắm chặt
   sợi dây", "dính luôn vô đường dây", "hổng buông ra được", "ai lại gần cũng bị tê", "chưa
   cúp điện được") needs 114 (the power cut, the body freed), even when said without an
   electrocution word ("đang dính vô dây điện"); freed already ("gạt dây ra rồi", "cúp cầu
   dao rồi") and not breathing: 115. "bị giật" where electricity is named ("đang sửa điện
   thì bị giật") is a shock, not a snatching.

Round 16: the attackers may be named by their attack ("tụi đánh đi rồi", "người ta đâm ảnh
xong về rồi": :func:`gone_spans`), and "quay lại" inside a fear stays feared
(:mod:`.need_time_marks`).

:func:`scene_hits` adds the emergencies rules 2 and 5 find (read against the answer's time
marks like any other: "sợ tụi nó quay lại" is feared, not now); :func:`scene_service` gives
the number once the rules of :mod:`.need_service` have chosen one.
"""

from __future__ import annotations

from collections.abc import Iterable

from callbot.understanding.need_base import NOT, Entry, Service
from callbot.understanding.need_leaving import more_gone
from callbot.understanding.need_match import Hit
from callbot.understanding.need_round26i import i26_gone
from callbot.understanding.need_service import choose_service
from callbot.understanding.need_time import defuse
from callbot.understanding.need_time_marks import Marks

Span = tuple[int, int]


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    """Comma-separated phrases; ``{k}`` stands for each negation of :data:`.need_base.NOT`."""
    out: list[tuple[str, ...]] = []
    for raw in text.split(","):
        phrase = " ".join(raw.split())
        forms = [phrase.replace("{k}", k) for k in NOT] if "{k}" in phrase else [phrase]
        out.extend(tuple(f.split()) for f in forms if f)
    return tuple(out)


# Rule 1: the attacker gone, or held by the people around.
GONE = _phrases("""
    chạy rồi, chạy mất, chạy mất rồi, chạy mất tiêu, chạy đâu mất, chạy đi rồi, chạy đi mất,
    chạy thoát, bỏ chạy rồi, bỏ chạy mất, bỏ đi, bỏ đi hết, bỏ đi rồi, bỏ trốn, trốn mất,
    trốn rồi, tẩu thoát, đi mất rồi, đi mất tiêu, phóng đi mất, vọt mất, vọt lẹ, chuồn mất,
    chuồn rồi, biến mất, ôm đồ chạy, lên xe chạy, rồ ga chạy,
    bỏ chạy hết, chạy hết rồi, chạy hết trơn, chạy về rồi, chạy về nhà rồi, chạy về nhà,
    bỏ về rồi, bỏ về, bỏ đi mất, đi mất, đi hết rồi, kéo nhau đi rồi, kéo nhau chạy,
    giữ nó lại, giữ lại rồi, giữ được nó, bắt được nó, bắt được rồi, tóm được nó, tóm được rồi,
    trói nó lại, trói lại rồi, khống chế được, công an bắt rồi, bị bắt rồi, bắt lại rồi
""")
# Rules 1-2: the attacker coming back, or still around.
BACK = _phrases("""
    quay lại, quay trở lại, trở lại, quay về, kéo tới, kéo đến, kéo lại, kéo qua, lại tới,
    lại đến, tới nữa, đến nữa, dẫn thêm, kéo thêm, gọi thêm người, rủ thêm, vòng lại,
    quay đầu lại, còn đứng, đang đứng đầu hẻm, đang đứng ngoài, đang tìm, la tìm, đi tìm,
    đang kiếm, đứng chờ, đứng đợi, còn rình
""")
ATTACKERS = _phrases("""
    tụi nó, bọn nó, chúng nó, nó, tụi kia, bọn kia, thằng đó, thằng kia, mấy thằng, tụi đó,
    đám đó, đám kia, bọn chúng, tụi giang hồ, băng đó
""")
# Rule 1 (round 14): the attackers named, then plainly gone ("tụi nó đi rồi", "bọn nó về
# rồi"); "đi rồi" alone is said of anyone.
LEFT = ("đi rồi", "về rồi", "đi hết", "về hết", "đi luôn rồi", "về luôn rồi")
GONE += tuple(a + tuple(w.split()) for a in ATTACKERS if a != ("nó",) for w in LEFT)
# Round 16 (a reviewer's probe): the attackers named by what they did ("tụi đánh đi rồi",
# "mấy đứa nó đánh con tui ... xong về rồi", "người ta đâm ảnh xong đi rồi"): a group word
# and an attack verb within ATTACK_REACH words before the leaving, or "xong" then the leaving.
GROUPS = _phrases("tụi, bọn, đám, mấy thằng, mấy đứa, mấy người, người, người ta, tụi nó, bọn nó")
ATTACK_VERBS = frozenset({"đánh", "đâm", "chém", "đập", "đạp", "chọt", "đấm", "đá", "phang"})
ATTACK_REACH = 8
GROUP_REACH = 3
# A wound named by what made it ("vết chém sâu", "chỗ bị đâm"): no attack of its own.
WOUND = frozenset({"vết", "chỗ"})
# Rule 3: someone pulled out (a verb, then "ra" or "lên bờ", with "được" or "rồi").
_FREEING = frozenset(
    [
        "kéo",
        "lôi",
        "moi",
        "khiêng",
        "khênh",
        "đưa",
        "cứu",
        "bế",
        "bồng",
        "ẵm",
        "cõng",
        "đào",
        "vớt",
        "đẩy",
        "gỡ",
        "cạy",
        "dìu",
        "xốc",
        "vực",
    ]
)
_OUT = (("ra",), ("lên", "bờ"), ("vô", "bờ"), ("vào", "bờ"), ("lên",))
_DONE = frozenset({"được", "rồi"})
_FREE_REACH = 6
STILL_IN = _phrases("""
    còn kẹt, vẫn kẹt, còn mắc kẹt, vẫn còn kẹt, còn ở trong, còn trong đó, còn bên trong,
    còn một người, còn mấy người, còn người, còn nằm dưới, còn nằm trong, còn dưới đó,
    chưa ra được, chưa kéo ra, chưa lôi ra, chưa cứu ra, chưa moi ra
""")
# Rules 1, 3, 4: the means of a rescue, or what the family does at home.
MEANS = _phrases("""
    phá cửa, phá cửa vô, phá cửa vào, đạp cửa, cạy cửa, phá khóa, đập kính, phá kính,
    đập vỡ kính, đập kính xe, lục tủ, lục đồ, lục lọi, leo rào, trèo rào
""")
OURS = frozenset(
    [
        "tui",
        "tôi",
        "em",
        "con",
        "cháu",
        "mình",
        "tao",
        "tau",
        "anh",
        "chị",
        "ba",
        "má",
        "mẹ",
        "cha",
        "vợ",
        "chồng",
        "nhà",
        "xóm",
        "ta",
    ]
)
# Rule 5: in contact with the live wire (holding it, or the power still on), or freed from it.
POWER_ON = _phrases("""
    chưa cúp điện, cúp điện chưa được, chưa ngắt điện, chưa cắt điện, chưa cúp cầu dao,
    chưa ngắt cầu dao, {k} biết cầu dao, {k} ai dám đụng, {k} ai dám lại
""")
HOLDING = _phrases("""
    dính vô, dính vào, dính luôn, dính chặt, còn dính, vẫn dính, đang dính, dính trên,
    còn nắm, vẫn nắm, nắm chặt, nắm cứng, còn cầm, vẫn cầm, {k} buông, {k} thả,
    {k} gỡ ra, {k} rời, ai lại gần cũng, lại gần là bị,
    đụng vô là bị, đụng vào là bị, treo trên đó, treo trên dây, treo lơ lửng trên
""")
LIVE_WIRE = POWER_ON + HOLDING
OFF_WIRE = _phrases("""
    gạt dây ra, gạt ra, kéo ra, lôi ra, đẩy ra, tách ra, văng ra, bật ra, buông ra rồi,
    gỡ ra, rời ra, thả ra rồi, cúp cầu dao rồi, ngắt cầu dao, kéo cầu dao, cúp điện rồi,
    ngắt điện rồi, cắt điện rồi
""")
_SHOCK = frozenset({"giật", "giựt", "chạm"})
_JERK = frozenset({"giật", "giựt"})
# who was shocked ("bị giật", "giật tui"): no object of a snatching ("giật dây chuyền")
_SHOCKED_WORDS = _JERK | frozenset(
    ["bị", "tui", "tôi", "em", "nó", "ổng", "bả", "con", "cháu", "anh", "chị"]
)
_WIRES = (("dây", "điện"), ("đường", "dây"), ("ổ", "điện"), ("ổ", "cắm"), ("cầu", "dao"))

_BACK_ENTRY = Entry(
    "violation", "emergency", 5, (), frozenset({"violence", "perpetrator"}), service="113"
)
_WIRE_ENTRY = Entry("other", "emergency", 5, (), frozenset({"live_wire"}), service="114")


def gone_spans(words: list[str]) -> list[Span]:
    """Where the attackers are said to be gone or held (rule 1)."""
    found = more_gone(words, GONE)  # round 21A: more ways of leaving, Vosk's "dồi"
    found = sorted(set(found) | set(i26_gone(words)))  # round 26I: dispersed, handed over
    if ATTACK_VERBS & set(words):
        found = sorted(set(found) | set(_left_after_attack(words)))
    return found


def _left_after_attack(words: list[str]) -> list[Span]:
    """The attackers named by their attack, then gone ("tụi đánh đi rồi", "người ta đâm ảnh
    xong về rồi"); "đi rồi" after no attack is said of anyone."""
    verbs = [k for k, w in enumerate(words) if w in ATTACK_VERBS]
    out = []
    for s, e in _find(words, [tuple(w.split()) for w in LEFT]):
        near = [v for v in verbs if 0 < s - v <= ATTACK_REACH]
        if not near or set(NOT) & set(words[max(0, s - 2) : s]):
            continue
        after_done = words[s - 1] == "xong"
        by_group = any(
            any(0 <= v - ge <= GROUP_REACH - 1 for gs, ge in _find(words[:v], GROUPS)) for v in near
        )
        if after_done or by_group:
            out.append((s, e))
    return out


def _find(words: list[str], phrases: Iterable[tuple[str, ...]]) -> list[Span]:
    """Where each phrase is said (every occurrence), in order."""
    said = set(words)
    found = {
        (i, i + len(p))
        for p in phrases
        if p[0] in said
        for i in range(len(words) - len(p) + 1)
        if tuple(words[i : i + len(p)]) == p
    }
    return sorted(found)


def freed_spans(words: list[str]) -> list[Span]:
    """Where someone is said to be pulled out (rule 3)."""
    return _freed(words)


def _freed(words: list[str]) -> list[Span]:
    """Where someone is said to be pulled out: "moi được anh thợ ra rồi", "kéo ra sân rồi"."""
    out = []
    for i, word in enumerate(words):
        if word not in _FREEING or set(NOT) & set(words[max(0, i - 3) : i]):
            continue
        for j in range(i + 1, min(len(words), i + 1 + _FREE_REACH)):
            part = next((p for p in _OUT if tuple(words[j : j + len(p)]) == p), None)
            if part is None:
                continue
            end = j + len(part)
            if _DONE & set(words[i + 1 : end + 3]) and not set(NOT) & set(words[i:end]):
                out.append((i, end))
            break
    return out


def _electric(words: list[str]) -> bool:
    """Whether electricity is named ("dây điện", "sửa điện", "cầu dao"; not "điện thoại",
    nor the pole a vehicle hit, "cột điện")."""
    named = any(
        w == "điện" and words[i + 1 : i + 2] != ["thoại"] and words[i - 1 : i] != ["cột"]
        for i, w in enumerate(words)
    )
    return named or bool(_find(words, _WIRES))


def _said(hit: Hit, words: list[str]) -> set[str]:
    return set(words[hit.start : hit.end])


def _shock(hit: Hit, words: list[str]) -> bool:
    """An electrocution's words ("bị điện giựt", "chạm điện")."""
    said = _said(hit, words)
    return "điện" in said and bool(_SHOCK & said)


def _snatch_of_a_shock(hit: Hit, words: list[str], electric: bool) -> bool:
    """ "bị giật" where electricity is named: a shock, not a snatching (rule 5)."""
    said = _said(hit, words)
    return electric and hit.entry.alarm == "113" and bool(_JERK & said) and said <= _SHOCKED_WORDS


def _means(hit: Hit, words: list[str], means: list[Span]) -> bool:
    return hit.entry.alarm == "113" and any(s <= hit.start < e for s, e in means)


def _wound(hit: Hit, words: list[str]) -> bool:
    """The attack's word names a wound ("vết chém", "chỗ bị đâm"), not an attack now."""
    return bool(WOUND & set(words[max(0, hit.start - 2) : hit.start]))


def _ours(span: Span, words: list[str]) -> bool:
    """The act's doer is the caller or the family ("em phá cửa", "con cháu phá cửa")."""
    return bool(OURS & set(words[max(0, span[0] - 2) : span[0]]))


def _on_the_wire(words: list[str], hits: list[Hit], *, strict: bool = False) -> bool:
    """Rule 5: someone electrocuted still in contact with the wire (the last word said):
    an electrocution said and the wire held or the power on, or (not ``strict``: the answer
    is an emergency already) electricity named and the wire held."""
    electric = _electric(words)
    if not electric:
        return False
    live = _find(words, LIVE_WIRE)
    shocked = any(_shock(h, words) or _snatch_of_a_shock(h, words, electric) for h in hits)
    holding = _find(words, HOLDING)
    now = any(words[s] in {"đang", "còn"} for s, _ in holding)
    if not live or not (shocked or now or (holding and not strict)):
        return False
    off = [s for s in _find(words, OFF_WIRE) if not any(a <= s[0] < b for a, b in live)]
    off += [s for s in _freed(words) if not any(a <= s[0] < b for a, b in live)]
    return max(e for _, e in live) > max((e for _, e in off), default=-1)


def scene_hits(
    live: list[Hit], hits: list[Hit], words: list[str], marks: Marks | None = None
) -> list[Hit]:
    """``hits`` with the emergencies of rules 2 and 5 added (``live``: before time and
    resolution were read), unless the answer's own marks (``marks``, when already read) put
    them out of the present."""
    extra: list[Hit] = []
    attacked = [h for h in live if h.entry.alarm == "113" and not h.negated]
    attackers = _find(words, ATTACKERS) if attacked else []
    for start, end in _find(words, BACK) if attackers else []:
        if any(h.end <= start for h in attacked) and any(e <= start for _, e in attackers):
            extra.append(Hit(_BACK_ENTRY, start, end, 0, ((start, end),)))
            break
    if not any(h.entry.urgency == "emergency" for h in hits) and _on_the_wire(
        words, live, strict=True
    ):
        start, end = _find(words, LIVE_WIRE)[-1]
        extra.append(Hit(_WIRE_ENTRY, start, end, 0, ((start, end),)))
    if not extra:
        return hits
    return hits + [h for h in defuse(extra, words, marks) if h.entry.urgency == "emergency"]


def scene_service(service: Service | None, hits: list[Hit], words: list[str]) -> Service | None:
    """The number for the emergency among ``hits`` (live), read against the state of the
    scene (module docstring); ``service`` is :func:`.need_service.choose_service`'s."""
    if service is None:
        return None
    if _on_the_wire(words, hits):
        return "114"
    electric = _electric(words)
    medical = [h for h in hits if h.entry.alarm == "115"]
    shocked = any(_snatch_of_a_shock(h, words, electric) for h in hits)
    if not medical and not shocked:
        return service
    means = [s for s in _find(words, MEANS) if _ours(s, words)]
    discounted = {
        id(h)
        for h in hits
        if _snatch_of_a_shock(h, words, electric) or (medical and _means(h, words, means))
    }
    gone = gone_spans(words)
    comeback = _find(words, BACK) + [
        (h.start, h.end) for h in hits if "perpetrator" in h.entry.tags
    ]
    if medical and gone:
        last = max(e for _, e in gone)
        if not any(s >= last for s, _ in comeback):
            discounted |= {
                id(h)
                for h in hits
                if h.entry.alarm == "113" and (h.start < last or _wound(h, words))
            }
    freed = _freed(words)
    if medical and freed:
        last = max(e for _, e in freed)
        inside = [s for s, _ in _find(words, STILL_IN) if s >= last]
        later = [h for h in hits if h.entry.alarm == "114" and h.start >= last]
        if not inside and not later:
            discounted |= {
                id(h)
                for h in hits
                if h.start < last
                and (h.entry.alarm == "114" or _means(h, words, _find(words, MEANS)))
            }
    if not discounted:
        return service
    kept = choose_service([h for h in hits if id(h) not in discounted])
    return kept or "115"
