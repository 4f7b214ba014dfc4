"""All the marks of one answer: where they come from and how they are read, in order.

:func:`.need_time_marks.time_marks` finds the markers of time, resolution, denial and the like
(past, resolved, denied, supposed, asleep, now...). The rounds of issue 13 each added marks of
their own (:data:`MARK_SOURCES`) and, since some marks change the meaning of others, readers of
the whole set (:data:`MARK_REVISERS`): a "now" that revives what a past stretch had put away,
a past stretch cut short where someone is freed. :func:`all_marks` runs them all, once per
answer; :func:`.need_time.defuse` and :mod:`.need_still_in_danger` read the result.

A new round adds its finder to :data:`MARK_SOURCES` and, if it must read the others' marks, a
reviser to the end of :data:`MARK_REVISERS` (each takes ``(marks, words)``).
"""

from __future__ import annotations

from collections.abc import Callable

from callbot.understanding import need_calm_scenes as cs
from callbot.understanding import need_false_round19 as fr
from callbot.understanding import need_look_alikes as la
from callbot.understanding import need_look_alikes_asked as lq
from callbot.understanding import need_look_alikes_more as lm
from callbot.understanding import need_look_alikes_passing as lp
from callbot.understanding import need_look_alikes_settled as ls
from callbot.understanding import need_look_alikes_things as lt
from callbot.understanding import need_minor_and_asked as mn
from callbot.understanding import need_missed_round19 as r19
from callbot.understanding import need_rescue_round20 as rr
from callbot.understanding import need_round21b as b21
from callbot.understanding import need_round22c as c22
from callbot.understanding import need_round22d as d22
from callbot.understanding import need_round23e as e23
from callbot.understanding import need_round23f as f23
from callbot.understanding import need_round25h as h25
from callbot.understanding import need_round26i as i26
from callbot.understanding import need_round26j as j26
from callbot.understanding import need_round27l as l27
from callbot.understanding import need_round27n as n27
from callbot.understanding import need_round27p as p27
from callbot.understanding import need_round27q as q27
from callbot.understanding import need_round28a as a28
from callbot.understanding import need_round28b as b28
from callbot.understanding import need_round28d as d28
from callbot.understanding import need_round28e as e28
from callbot.understanding import need_round28g as g28
from callbot.understanding import need_round29a as a29
from callbot.understanding import need_round29b as b29
from callbot.understanding import need_still_now as sn
from callbot.understanding.need_round30 import R30_MARKS, R30_REVISERS
from callbot.understanding.need_round32 import R32_MARKS, R32_REVISERS
from callbot.understanding.need_round34 import R34_MARKS, R34_REVISERS
from callbot.understanding.need_round37 import R37_MARKS, R37_REVISERS
from callbot.understanding.need_time_marks import Marks, time_marks

#: Where marks come from beyond :func:`time_marks`: each round's finder of its own marks, in
#: the order they were added (a key found by several is the union of their spans).
MARK_SOURCES: tuple[Callable[[list[str]], Marks], ...] = (
    la.look_alike_marks,
    lm.more_look_alike_marks,
    ls.settled_marks,
    sn.still_now_marks,
    lt.thing_marks,
    lq.asked_marks,
    lp.passing_marks,
    cs.calm_marks,
    mn.minor_marks,
    fr.round19_marks,
    rr.round20_marks,
    b21.round21b_marks,
    c22.round22c_marks,
    d22.round22d_marks,
    f23.round23f_marks,
    j26.round26j_marks,
    l27.round27l_marks,
    n27.round27n_marks,
    p27.round27p_marks,
    q27.round27q_marks,
    a28.round28a_marks,
    b28.round28b_marks,
    d28.round28d_marks,
    e28.round28e_marks,
    g28.round28g_marks,
    a29.round29a_marks,
    b29.round29b_marks,
    *R30_MARKS,
    *R32_MARKS,
    *R34_MARKS,
    *R37_MARKS,
)

#: What reads the marks once all are found, in this order, each given the previous one's
#: result: a "now" that revives what a past stretch had put away, a past stretch cut where
#: someone is freed... Each takes ``(marks, words)`` and returns new marks.
MARK_REVISERS: tuple[Callable[[Marks, list[str]], Marks], ...] = (
    sn.revise,
    r19.revived_now,
    lp.cut_now,
    rr.round20_adjust,
    b21.round21b_revise,
    c22.round22c_revise,
    e23.round23e_revise,
    h25.round25h_revise,
    i26.round26i_revise,
    j26.round26j_revise,
    q27.round27q_revise,
    d28.round28d_revise,
    a29.round29a_revise,
    b29.round29b_revise,
    *R30_REVISERS,
    *R32_REVISERS,
    *R34_REVISERS,
    *R37_REVISERS,
)


def all_marks(words: list[str]) -> Marks:
    """:func:`time_marks` of ``words`` and those of :data:`MARK_SOURCES`, together, then read
    by :data:`MARK_REVISERS` in turn."""
    marks = time_marks(words)
    for source in MARK_SOURCES:
        for key, found in source(words).items():
            marks[key] = marks.get(key, []) + found
    for revise in MARK_REVISERS:
        marks = revise(marks, words)
    return marks
