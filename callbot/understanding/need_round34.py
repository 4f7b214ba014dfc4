"""Round 34 of issue 13 (session 18), gathered in one place: the entries, combos, readings
and demotions of its fixing rounds for :mod:`.need_rounds` (in the order the lexicon reads
them), and their marks, mark revisers and number revisers for :mod:`.need_marks` and
:mod:`.need_number` (read after round 32's).

Round 34B also reads the answer's words first (:data:`R34_SAID`, one line in
:func:`.need.parse_need`): a hesitation inside a phrase is read across.

Writers B (very old callers: slow, repeated, wandering speech, the danger said late or half
said) and C (the danger framed as a question or hedged: "có sao không", "chắc không sao đâu
hả", "có cần gọi không") were each scored unseen first, then studied; their lines join the
development parts (``parse_dev28.jsonl``). Round 35 of the same session is gathered here too:
writers D (people living with a chronic illness and their carers) and E (the COVID-19
lockdown calls of July-August 2021), ``parse_dev29.jsonl``. Round 36's writers F (emergencies
described by what a layperson sees and hears, no medical word) and G (new scenes in short
southern lines, with mirrors over, denied, feared or asked about) join here too. Each fixing
round adds its module's tables here, one line each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from callbot.understanding.need_base import Round, Service
from callbot.understanding.need_round34b import (  # round 34B
    B34_COMBOS,
    B34_ENTRIES,
    B34_READINGS,
    round34b_marks,
    round34b_revise,
    round34b_service,
    unbroken,
)
from callbot.understanding.need_round34c import (  # round 34C
    C34_COMBOS,
    C34_ENTRIES,
    round34c_marks,
    round34c_revise,
    round34c_service,
)
from callbot.understanding.need_round35d import (  # round 35D
    D35_COMBOS,
    D35_DEMOTIONS,
    D35_ENTRIES,
    round35d_marks,
    round35d_revise,
)
from callbot.understanding.need_round35e import (  # round 35E
    E35_COMBOS,
    E35_DEMOTIONS,
    E35_ENTRIES,
    E35_READINGS,
    round35e_marks,
    round35e_revise,
    round35e_service,
)
from callbot.understanding.need_round36f import (  # round 36F
    F36_COMBOS,
    F36_ENTRIES,
    round36f_marks,
    round36f_service,
)
from callbot.understanding.need_round36g import (  # round 36G
    G36_COMBOS,
    G36_ENTRIES,
    round36g_marks,
    round36g_service,
)
from callbot.understanding.need_time_marks import Marks

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["R34_MARKS", "R34_REVISERS", "R34_SAID", "R34_SERVICES", "ROUND34"]

ROUND34: Round = Round(
    entries=(*B34_ENTRIES, *C34_ENTRIES, *D35_ENTRIES, *E35_ENTRIES, *F36_ENTRIES, *G36_ENTRIES),
    combos=(*B34_COMBOS, *C34_COMBOS, *D35_COMBOS, *E35_COMBOS, *F36_COMBOS, *G36_COMBOS),
    readings=(*B34_READINGS, *E35_READINGS),
    demotions=(*D35_DEMOTIONS, *E35_DEMOTIONS),
)

#: Mark sources (``words -> marks``), read after round 32's.
R34_MARKS: tuple[Callable[[list[str]], Marks], ...] = (
    round34b_marks,
    round34c_marks,
    round35d_marks,
    round35e_marks,
    round36f_marks,
    round36g_marks,
)

#: Mark revisers (``(marks, words) -> marks``), read after round 32's.
R34_REVISERS: tuple[Callable[[Marks, list[str]], Marks], ...] = (
    round34b_revise,
    round34c_revise,
    round35d_revise,
    round35e_revise,
)

#: Number revisers (``(service, hits, words) -> service``), read after round 32's.
R34_SERVICES: tuple[Callable[[Service | None, list[Hit], list[str]], Service | None], ...] = (
    round34b_service,
    round34c_service,
    round35e_service,
    round36f_service,
    round36g_service,
)

#: How the answer's words are read before anything else (``said -> said``): round 34B's
#: hesitations inside a phrase read across.
R34_SAID: Callable[[list[str]], list[str]] = unbroken
