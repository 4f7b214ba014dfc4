"""The later rounds of issue 13, gathered into one :class:`.need_base.Round` for
:mod:`.need_lexicon`, which reads their entries, combos, readings and demotions after its own.

Each round's gathering module (:mod:`.need_round28` to :mod:`.need_round37`) lists its fixing
rounds' tables in order; this module keeps the rounds in order, so a later round's phrase is
found after an earlier one's.
"""

from __future__ import annotations

from callbot.understanding.need_base import Round
from callbot.understanding.need_round28 import ROUND28
from callbot.understanding.need_round29 import ROUND29
from callbot.understanding.need_round30 import ROUND30
from callbot.understanding.need_round32 import ROUND32
from callbot.understanding.need_round34 import ROUND34
from callbot.understanding.need_round37 import ROUND37

__all__ = ["LATER"]

LATER: Round = ROUND28.plus(ROUND29).plus(ROUND30).plus(ROUND32).plus(ROUND34).plus(ROUND37)
