"""The need model's other heads, read where the need rules are unsure of themselves.

The statistical model (:mod:`.need_model`) has, beside its emergency head, two more over the
same features, trained by ``callbot train need-model`` on the same answers:

- **category** (six classes): for an answer that is no emergency, it replaces the rules'
  category when the rules are unsure of theirs (a close runner-up, only context, an inexact
  match: confidence below :data:`RULES_SURE`) and the head sure of another
  (>= :data:`CATEGORY_SURE`);
- **urgency** (high or normal, trained on the needs that are no emergency): it raises a need
  the rules read normal to high, or lowers one they read high only for who is named (an
  elderly person, a child), when the head is sure of the other (>= :data:`URGENCY_SURE`).
  Callers name the elderly and children in ordinary requests too ("bà nội tám mươi tuổi muốn
  hỏi lịch tiêm"), which the head has seen labelled normal; a high the rules read on what was
  said (a daily medicine run out, an F0 with symptoms) stands.

Both only on an answer the model knows (:func:`.need_model.knows`: eight words or more, most
of them seen in training): on a short or unfamiliar answer the rules' reading stands. Neither
ever touches an emergency. The ticket shows ``model: "category"`` or ``"urgency"`` when they
changed something; the rules' reasons stay.

Chosen in round 3 of issue 13 with models trained without the set they were scored on, on
the rules as they were before that round studied the third development part's half A (so
that neither had seen it): categories 185 -> 191 of 222 on that half and 489 of 498 either
way on the second development part (without the rules' doubt the head undid 10 right
categories there: "tôi không sốt không ho chỉ cần gạo" is words to it, not what is denied);
urgency 192 -> 200 of 222 and 488 -> 494 of 498 (of its 15 changes, 14 right; 13 of them
high read by the rules where the label says normal).
"""

from __future__ import annotations

from typing import cast

from callbot.understanding.need_base import Category, Urgency
from callbot.understanding.need_model import Model, Reading

CATEGORY_SURE = 0.7
RULES_SURE = 0.9  # the confidence of a category the rules read on an exact phrase, unrivalled
URGENCY_SURE = 0.8


def category(model: Model, seen: Reading) -> tuple[Category, float] | None:
    """The category the model reads in an answer, and its probability (None: no such head)."""
    head = model.heads.get("category")
    if head is None:
        return None
    read, probability = head.read(seen)
    return cast(Category, read), probability


def recategorise(
    model: Model, seen: Reading, theirs: Category, confidence: float
) -> Category | None:
    """The head's category where the rules are unsure of theirs (``confidence``) and the head
    sure of another, on an answer the model knows; None: the rules' category stands."""
    if confidence >= RULES_SURE or not seen.known:
        return None
    read = category(model, seen)
    if read is None or read[0] == theirs or read[1] < CATEGORY_SURE:
        return None
    return read[0]


def reurge(model: Model, seen: Reading, theirs: Urgency, read_high: bool) -> Urgency | None:
    """High or normal, where the head is sure of the other than the rules' (``theirs``) on an
    answer the model knows; None: the rules' urgency stands (always for an emergency, and for
    a high the rules read on what was said, ``read_high``: a medicine run out, a fever of an
    F0, rather than only on who is named)."""
    head = model.heads.get("urgency")
    if head is None or theirs == "emergency" or not seen.known:
        return None
    if theirs == "high" and read_high:
        return None
    read, probability = head.read(seen)
    if read == theirs or probability < URGENCY_SURE:
        return None
    return cast(Urgency, read)
