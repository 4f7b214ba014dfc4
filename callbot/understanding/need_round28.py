"""Round 28 of issue 13, gathered for :mod:`.need_lexicon`: the entries and combos of its
rounds, in the order the lexicon reads them.

- :mod:`.need_round28b` (writer B): emergencies said without a medical word, look-alikes.

The rounds' marks and number revisers are read by :mod:`.need_marks` and :mod:`.need_number`.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry
from callbot.understanding.need_round28b import B28_COMBOS, B28_ENTRIES

__all__ = ["ROUND28_COMBOS", "ROUND28_ENTRIES"]

ROUND28_ENTRIES: tuple[Entry, ...] = (*B28_ENTRIES,)
ROUND28_COMBOS: tuple[Combo, ...] = (*B28_COMBOS,)
