"""Round 37 of issue 13 (session 19), gathered in one place: the entries, combos, readings
and demotions of its fixing rounds for :mod:`.need_rounds` (in the order the lexicon reads
them), and their marks, mark revisers and number revisers for :mod:`.need_marks` and
:mod:`.need_number` (read after round 34's).

Writers H (the locked part's register, scenes at night and at dawn, with mirrors) and I
(callers who give numbers: temperatures, pressures, blood sugars, oxygen, minutes of a fit,
pills, weeks) were each scored unseen at the end of session 18, then studied this session;
their lines join the development parts (``parse_dev31.jsonl``). Each fixing round adds its
module's tables here, one line each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from callbot.understanding.need_base import Round, Service
from callbot.understanding.need_round37h import (  # round 37H
    H37_COMBOS,
    H37_ENTRIES,
    round37h_marks,
    round37h_revise,
    round37h_service,
)
from callbot.understanding.need_round37i import (  # round 37I
    I37_COMBOS,
    I37_DEMOTIONS,
    I37_ENTRIES,
    I37_READINGS,
    round37i_marks,
    round37i_revise,
    round37i_service,
)
from callbot.understanding.need_round38j import (  # round 38J
    J38_COMBOS,
    J38_ENTRIES,
    round38j_service,
)
from callbot.understanding.need_round38k import (  # round 38K
    K38_COMBOS,
    K38_ENTRIES,
    round38k_revise,
    round38k_service,
)
from callbot.understanding.need_round39l import (  # round 39L
    L39_COMBOS,
    L39_ENTRIES,
    round39l_marks,
)
from callbot.understanding.need_round39m import (  # round 39M
    M39_COMBOS,
    M39_ENTRIES,
    round39m_marks,
    round39m_revise,
)
from callbot.understanding.need_round39x import (  # round 39X
    X39_COMBOS,
    X39_DEMOTIONS,
    X39_ENTRIES,
    round39x_revise,
)
from callbot.understanding.need_time_marks import Marks

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["R37_MARKS", "R37_REVISERS", "R37_SERVICES", "ROUND37"]

ROUND37: Round = Round(
    entries=(
        *H37_ENTRIES,
        *I37_ENTRIES,
        *J38_ENTRIES,
        *K38_ENTRIES,
        *L39_ENTRIES,
        *M39_ENTRIES,
        *X39_ENTRIES,
    ),
    combos=(
        *H37_COMBOS,
        *I37_COMBOS,
        *J38_COMBOS,
        *K38_COMBOS,
        *L39_COMBOS,
        *M39_COMBOS,
        *X39_COMBOS,
    ),
    readings=(*I37_READINGS,),
    demotions=(*I37_DEMOTIONS, *X39_DEMOTIONS),
)

#: Mark sources (``words -> marks``), read after round 34's.
R37_MARKS: tuple[Callable[[list[str]], Marks], ...] = (
    round37h_marks,
    round37i_marks,
    round39l_marks,
    round39m_marks,
)

#: Mark revisers (``(marks, words) -> marks``), read after round 34's.
R37_REVISERS: tuple[Callable[[Marks, list[str]], Marks], ...] = (
    round37h_revise,
    round37i_revise,
    round38k_revise,
    round39m_revise,
    round39x_revise,
)

#: Number revisers (``(service, hits, words) -> service``), read after round 34's.
R37_SERVICES: tuple[Callable[[Service | None, list[Hit], list[str]], Service | None], ...] = (
    round37h_service,
    round37i_service,
    round38j_service,
    round38k_service,
)
