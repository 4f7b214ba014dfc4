"""Round 28 of issue 13, gathered for :mod:`.need_rounds`: the entries, combos, readings and
demotions of its rounds, in the order the lexicon reads them.

- :mod:`.need_round28a` (writer A of session 14): readings said in words (blood sugar, a
  pulse, blood pressure down, the oxygen clip), a child fighting for breath, dialysis missed,
  up high and wanting to die; F0's "không", words only, a what-if;
- :mod:`.need_round28b` (writer B of session 14): emergencies said without a medical word
  (a nail gun's nail, taken out then a sign, a fallen line in water, wild food and numbness,
  a struck head then drowsy...), look-alikes (treated already, "bác sĩ nói", "chỉ trầy");
- :mod:`.need_round28c` (writer C of session 14): everyday 115 signs read together (the baby
  stopped moving, fell and lies there, no pulse, fits with a fever...), a kick going on, a
  slip of the knife;
- :mod:`.need_round28d` (writer D of session 14): a turn for the worse of old and bedridden
  people said vaguely (cannot be woken, lying limp, face down, moaning behind a door, a sign
  after a simile), a snatch going on; a harmless cause said;
- :mod:`.need_round28e` (writer E of session 14): a battery swallowed, blood spurting, shut in
  a lift, a head stuck, a dog attacking, about to jump into the water, rising water and a
  bedridden elder; long-standing and uncared-for conditions;
- :mod:`.need_round28g` (writer G of session 14, imitating the locked part's writer): an
  animal attacking, dragged into a car, a burn on the body, stuck to a live source, a boy up
  a pole; said in anger, not meant.

The rounds' marks and number revisers are read by :mod:`.need_marks` and :mod:`.need_number`.
"""

from __future__ import annotations

from callbot.understanding.need_base import Round
from callbot.understanding.need_round28a import (
    A28_COMBOS,
    A28_DEMOTIONS,
    A28_ENTRIES,
    A28_READINGS,
)
from callbot.understanding.need_round28b import B28_COMBOS, B28_ENTRIES
from callbot.understanding.need_round28c import C28_COMBOS, C28_ENTRIES
from callbot.understanding.need_round28d import D28_COMBOS, D28_ENTRIES
from callbot.understanding.need_round28e import E28_COMBOS, E28_ENTRIES
from callbot.understanding.need_round28g import G28_COMBOS, G28_ENTRIES

__all__ = ["ROUND28"]


ROUND28 = Round(
    entries=(*A28_ENTRIES, *B28_ENTRIES, *C28_ENTRIES, *D28_ENTRIES, *E28_ENTRIES, *G28_ENTRIES),
    combos=(*A28_COMBOS, *B28_COMBOS, *C28_COMBOS, *D28_COMBOS, *E28_COMBOS, *G28_COMBOS),
    readings=(*A28_READINGS,),
    demotions=(*A28_DEMOTIONS,),
)
