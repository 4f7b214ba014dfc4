"""Round 29 of issue 13 (session 15), gathered for :mod:`.need_rounds`: the entries, combos,
readings and demotions of its rounds, in the order the lexicon reads them.

Writers H (babies and small children), I (pregnancy, birth and poisoning), K (the locked part's
register through a weak recogniser), L (old people calling for themselves) and M (bystanders
who call about a stranger in a public place) were each scored unseen first,
then studied; their lines join the development parts. Each fixing round adds its module's
tables here, one line each.

The rounds' marks and number revisers are read by :mod:`.need_marks` and :mod:`.need_number`.
"""

from __future__ import annotations

from callbot.understanding.need_base import Round
from callbot.understanding.need_round29a import A29_COMBOS, A29_ENTRIES

__all__ = ["ROUND29"]

ROUND29 = Round(entries=(*A29_ENTRIES,), combos=(*A29_COMBOS,))
