"""Round 32 of issue 13 (session 17), gathered in one place: the entries, combos, readings
and demotions of its fixing rounds for :mod:`.need_rounds` (in the order the lexicon reads
them), and their marks, mark revisers and number revisers for :mod:`.need_marks` and
:mod:`.need_number` (read after round 30's).

Writers V (the second development part's medical emergencies buried in long calls about
aid, said in the middle or at the end), W (the same scenes said by a northern, a central,
a Mekong-delta and a teenage caller) and X (one variant of each of that part's emergencies,
and mirrors of them that are not emergencies now) were each scored unseen first, then
studied; their lines join the development parts (``parse_dev26.jsonl``). Round 33 of the
same session is gathered here too: writers Y (new medical emergencies head to toe in the
locked part's register) and Z (emergencies with time words around a danger still there now,
and mirrors truly over), ``parse_dev27.jsonl``. Each fixing round adds its module's tables
here, one line each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from callbot.understanding.need_base import Round, Service
from callbot.understanding.need_round32v import (
    V32_COMBOS,
    V32_ENTRIES,
    round32v_marks,
    round32v_revise,
    round32v_service,
)
from callbot.understanding.need_round32w import W32_COMBOS, W32_ENTRIES, round32w_revise
from callbot.understanding.need_round32x import X32_COMBOS, X32_ENTRIES, round32x_service
from callbot.understanding.need_round32y import round32x_marks
from callbot.understanding.need_round33y import (
    Y33_COMBOS,
    Y33_ENTRIES,
    round33y_revise,
    round33y_service,
)
from callbot.understanding.need_round33z import (
    Z33_COMBOS,
    Z33_ENTRIES,
    Z33_READINGS,
    round33z_revise,
    round33z_service,
)
from callbot.understanding.need_time_marks import Marks

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["R32_MARKS", "R32_REVISERS", "R32_SERVICES", "ROUND32"]

ROUND32: Round = Round(
    entries=(*V32_ENTRIES, *W32_ENTRIES, *X32_ENTRIES, *Y33_ENTRIES, *Z33_ENTRIES),
    combos=(*V32_COMBOS, *W32_COMBOS, *X32_COMBOS, *Y33_COMBOS, *Z33_COMBOS),
    readings=Z33_READINGS,
)

#: Mark sources (``words -> marks``), read after round 30's.
R32_MARKS: tuple[Callable[[list[str]], Marks], ...] = (round32v_marks, round32x_marks)

#: Mark revisers (``(marks, words) -> marks``), read after round 30's.
R32_REVISERS: tuple[Callable[[Marks, list[str]], Marks], ...] = (
    round32v_revise,
    round32w_revise,
    round33y_revise,
    round33z_revise,
)

#: Number revisers (``(service, hits, words) -> service``), read after round 30's.
R32_SERVICES: tuple[Callable[[Service | None, list[Hit], list[str]], Service | None], ...] = (
    round32v_service,
    round32x_service,
    round33y_service,
    round33z_service,
)
