"""Round 34 of issue 13 (session 18), gathered in one place: the entries, combos, readings
and demotions of its fixing rounds for :mod:`.need_rounds` (in the order the lexicon reads
them), and their marks, mark revisers and number revisers for :mod:`.need_marks` and
:mod:`.need_number` (read after round 32's).

Writers B (very old callers: slow, repeated, wandering speech, the danger said late or half
said) and C (the danger framed as a question or hedged: "có sao không", "chắc không sao đâu
hả", "có cần gọi không") were each scored unseen first, then studied; their lines join the
development parts (``parse_dev28.jsonl``). Each fixing round adds its module's tables here,
one line each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from callbot.understanding.need_base import Round, Service

# round 34B
from callbot.understanding.need_round34b import (
    B34_COMBOS,
    B34_ENTRIES,
    B34_READINGS,
    round34b_marks,
    round34b_revise,
    round34b_service,
    unbroken,
)
from callbot.understanding.need_time_marks import Marks

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["R34_MARKS", "R34_REVISERS", "R34_SAID", "R34_SERVICES", "ROUND34"]

ROUND34: Round = Round(
    entries=(
        # round 34B
        *B34_ENTRIES,
    ),
    combos=(
        # round 34B
        *B34_COMBOS,
    ),
    readings=(
        # round 34B
        *B34_READINGS,
    ),
)

#: Mark sources (``words -> marks``), read after round 32's.
R34_MARKS: tuple[Callable[[list[str]], Marks], ...] = (
    # round 34B
    round34b_marks,
)

#: Mark revisers (``(marks, words) -> marks``), read after round 32's.
R34_REVISERS: tuple[Callable[[Marks, list[str]], Marks], ...] = (
    # round 34B
    round34b_revise,
)

#: Number revisers (``(service, hits, words) -> service``), read after round 32's.
R34_SERVICES: tuple[Callable[[Service | None, list[Hit], list[str]], Service | None], ...] = (
    # round 34B
    round34b_service,
)

#: How the answer's words are read before anything else (``said -> said``): round 34B's
#: hesitations inside a phrase read across.
R34_SAID: Callable[[list[str]], list[str]] = unbroken
