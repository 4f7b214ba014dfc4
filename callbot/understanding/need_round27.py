"""Round 27 of issue 13, gathered for :mod:`.need_lexicon`: the entries and combos of its five
rounds, in the order the lexicon reads them.

- :mod:`.need_round27m` (writer V): fumes indoors, many sick at once, an eye hit and blind;
- :mod:`.need_round27k` (writers V and X): a danger a person makes is 113;
- :mod:`.need_round27l` (writer W): lying in wait, heat and low sugar described, a caustic;
- :mod:`.need_round27n` (writer X): rescues and signs on the 113/114 border, look-alikes;
- :mod:`.need_round27p` (writer Y): children taken, signs an elder's caller gives, news;
- :mod:`.need_round27q` (writer Z): a nurse's 115 calls without a keyword.

The rounds' marks and number revisers are read by :mod:`.need_marks` and :mod:`.need_number`.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry
from callbot.understanding.need_round27k import K27_COMBOS, K27_ENTRIES
from callbot.understanding.need_round27l import L27_COMBOS, L27_ENTRIES
from callbot.understanding.need_round27m import M27_COMBOS, M27_ENTRIES
from callbot.understanding.need_round27n import N27_COMBOS, N27_ENTRIES
from callbot.understanding.need_round27p import P27_COMBOS, P27_ENTRIES
from callbot.understanding.need_round27q import Q27_COMBOS, Q27_ENTRIES

__all__ = ["ROUND27_COMBOS", "ROUND27_ENTRIES"]

ROUND27_ENTRIES: tuple[Entry, ...] = (
    *M27_ENTRIES,
    *K27_ENTRIES,
    *L27_ENTRIES,
    *N27_ENTRIES,
    *P27_ENTRIES,
    *Q27_ENTRIES,
)
ROUND27_COMBOS: tuple[Combo, ...] = (
    *M27_COMBOS,
    *K27_COMBOS,
    *L27_COMBOS,
    *N27_COMBOS,
    *P27_COMBOS,
    *Q27_COMBOS,
)
