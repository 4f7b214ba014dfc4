"""Round 30 of issue 13 (session 16), gathered in one place: the entries, combos, readings
and demotions of its rounds for :mod:`.need_rounds` (in the order the lexicon reads them),
and their marks, mark revisers and number revisers for :mod:`.need_marks` and
:mod:`.need_number` (read after every older round's).

Writers N (variants of the second development part's needs, the locked part's writer's
scenes said in other words), O (medical emergencies described by what a family sees, group
by group), P (work sites, roads, animals and weather) and Q (relayed reports: a caller told
by phone, by message or by a camera) were each scored unseen first, then studied; their lines
join the development parts (``parse_dev24.jsonl``); round 30R is the lead's read of P's false
emergencies. Round 31 of the same session is gathered here too: writers S (the second part's
medical emergencies said by a child, an old spouse, a migrant, in a few words) and T (its
lines through a weak recogniser) and U (rarer medical emergencies), ``parse_dev25.jsonl``;
31M holds a reviewer's mends of round 30. Each fixing round adds its module's tables here,
one line each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from callbot.understanding.need_base import Round, Service
from callbot.understanding.need_round30n import N30_COMBOS, N30_ENTRIES, round30n_marks
from callbot.understanding.need_round30o import (
    O30_COMBOS,
    O30_ENTRIES,
    round30o_marks,
    round30o_service,
)
from callbot.understanding.need_round30p import P30_COMBOS, P30_ENTRIES, round30p_service
from callbot.understanding.need_round30q import (
    Q30_COMBOS,
    Q30_ENTRIES,
    round30q_marks,
    round30q_rumours,
)
from callbot.understanding.need_round30r import R30_ENTRIES, round30r_marks
from callbot.understanding.need_round31m import round31m_marks
from callbot.understanding.need_round31s import (
    S31_COMBOS,
    S31_ENTRIES,
    round31s_revise,
    round31s_service,
)
from callbot.understanding.need_round31t import T31_COMBOS, T31_ENTRIES, round31t_marks
from callbot.understanding.need_time_marks import Marks

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["R30_MARKS", "R30_REVISERS", "R30_SERVICES", "ROUND30"]

ROUND30: Round = Round(
    entries=(
        *N30_ENTRIES,
        *O30_ENTRIES,
        *P30_ENTRIES,
        *Q30_ENTRIES,
        *R30_ENTRIES,
        *S31_ENTRIES,
        *T31_ENTRIES,
    ),
    combos=(*N30_COMBOS, *O30_COMBOS, *P30_COMBOS, *Q30_COMBOS, *S31_COMBOS, *T31_COMBOS),
)

#: Mark sources (``words -> marks``), read after :data:`.need_marks.MARK_SOURCES`' older ones.
R30_MARKS: tuple[Callable[[list[str]], Marks], ...] = (
    round30n_marks,
    round30o_marks,
    round30q_rumours,
    round30r_marks,
    round31m_marks,
    round31t_marks,
)

#: Mark revisers (``(marks, words) -> marks``), read after the older ones.
R30_REVISERS: tuple[Callable[[Marks, list[str]], Marks], ...] = (round30q_marks, round31s_revise)

#: Number revisers (``(service, hits, words) -> service``), read after the older ones.
R30_SERVICES: tuple[Callable[[Service | None, list[Hit], list[str]], Service | None], ...] = (
    round30o_service,
    round30p_service,
    round31s_service,
)
