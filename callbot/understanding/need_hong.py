"""The southern "hông" as a negator of an emergency (round 22D of issue 13, widened in round
35D; moved here from :mod:`.need_round22d` in session 18). :func:`denied_hong` is read by
:func:`.need.parse_need` after :func:`.need_negation.negate`.

The lexicon leaves "hông" out of the emergency negators: it is also the hip ("đau hông phải"
keeps its pain) and the question's last word ("có sao hông"). It denies:

- **with "phải"**: "ống nước bể hông phải ga đâu", "hông phải cháy nhà đâu mà khói làm con
  tui ho", "hông phải cấp cưu đâu" (not after a hip word);
- **with a closer right after the event**: "gì", "đâu", "chi" or a nobody "ai" ("hông có khó
  thở gì hết", "hông ho ra máu gì hết", "hông đánh ai"), but not the hip struck ("đâm vô
  hông"), a question's "hông" ("có ai hông cháy gì đâu mà lớn quá"), an event said big ("gì
  đâu mà dữ quá"), nor a "where" ("chảy máu ở đâu");
- never as a self-repair ("bị ho à hổng phải khó thở": :func:`.need_base.self_repair`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from callbot.understanding.need_base import self_repair
from callbot.understanding.need_time_words import words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["denied_hong"]

D22_HONG = words("hông")
D22_BRIDGE = words("phải là có")
# "đau hông phải", "bên hông phải": the right hip.
D22_HIP = words("""
    đau nhức mỏi sưng bên phía vùng chỗ ở gãy trặc u cục eo lưng bụng hai hông ê bầm rát
""")
D22_DENIED_TAGS = frozenset({"gas", "fire", "smoke", "blast"})
# "hông có khó thở gì hết", "hông đánh ai": a closer right after the event (round 35D)
D22_CLOSERS = words("gì đâu chi")
D22_CLOSER_REACH = 2
D22_NOBODY = "ai"  # "hông đánh ai" ("nghe hông bắn ai ngoài đường" is asked: someone)
D22_WHERE = words("ở chỗ tới từ")  # "chảy máu ở đâu": where, no closer
# "đâm vô hông", "xe tông hông": a blow to the hip, never a denial
D22_STRUCK = words("vô vào trúng ngang qua đâm chém đá đập đụng tông húc cán va xô")
# "có ai hông", "có sao hông", "nghe hông": a question's "hông", no negator
D22_ASKED = words("có")
D22_ASK_REACH = 3
D22_ASK_VERBS = words("nghe thấy biết hiểu coi xem sao được chưa kịp")
# "gì đâu mà lớn quá trời": said big
D22_DEGREE = words("quá lớn dữ đông nhiều ghê mù trời vậy dị dzậy thiệt")
D22_EXCLAIM_REACH = 6


def _hong_before(h: Hit, ws: list[str]) -> bool:
    k = h.start - 1
    while k >= 0 and ws[k] in D22_BRIDGE:
        k -= 1
    if k < 0 or ws[k] not in D22_HONG or (k > 0 and ws[k - 1] in D22_HIP):
        return False
    if ws[k + 1 : k + 2] == ["phải"]:
        return not self_repair(ws, k, h.start, h.end)  # "bị ho à hổng phải khó thở": corrected
    after = ws[h.end : h.end + D22_CLOSER_REACH]
    closed = any(
        w in D22_CLOSERS and not (w == "đâu" and ws[h.end + i - 1] in D22_WHERE)
        for i, w in enumerate(after)
    ) or ws[h.end : h.end + 1] == [D22_NOBODY]
    return (
        closed
        and not (k > 0 and ws[k - 1] in D22_STRUCK)
        and not _asking_hong(ws, k)
        and not _exclaimed(ws, h.end)
    )


def _asking_hong(ws: list[str], k: int) -> bool:
    """ "có ai hông", "có sao hông", "nghe hông": the "hông" that ends a question."""
    return bool(D22_ASKED.intersection(ws[max(0, k - D22_ASK_REACH) : k])) or (
        k > 0 and ws[k - 1] in D22_ASK_VERBS
    )


def _exclaimed(ws: list[str], end: int) -> bool:
    """ "cháy gì đâu mà lớn quá trời": "what a fire", said big, no denial."""
    rest = ws[end : end + D22_EXCLAIM_REACH]
    return "mà" in rest and bool(D22_DEGREE.intersection(rest))


def denied_hong(found: list[Hit], ws: list[str]) -> list[Hit]:
    """``found`` with the emergencies (and gas, fire, smoke words) said after "hông phải"
    marked ``negated`` (module docstring)."""
    return [
        replace(h, negated=True)
        if not h.negated
        and (h.entry.urgency == "emergency" or D22_DENIED_TAGS & h.entry.tags)
        and _hong_before(h, ws)
        else h
        for h in found
    ]
