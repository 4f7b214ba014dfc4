"""The combinations of the fire and rescue (114) and police (113) entries' tags.

The entries in :mod:`.need_danger` tag words that mean nothing alone ("ga", "xì", "dọa",
"đốt"); a :class:`Combo` here makes an emergency of two of them near each other ("xì ga" is a
gas leak, "dọa ... đốt nhà" a threat, "té xuống kênh" a fall into water). Read by
:mod:`.need_lexicon` into its ``COMBOS``.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo

# The table is laid out by hand, one meaning per combination: keep the formatter off it.
# fmt: off
_STUCK = frozenset({"stuck"})
# Shut in a lift or a car: 114 before the banging on the door it makes (113's "đập cửa"), and
# no emergency when nobody is inside (need_time).
_SHUT_IN = frozenset({"shut_in"})
DANGER_COMBOS: tuple[Combo, ...] = (
    Combo(("fall", "water_body"), "other", "emergency", 5, window=3, ordered=True,
          service="114", gives=frozenset({"water"})),
    Combo(("swim", "missing"), "other", "emergency", 5, window=6, ordered=True,
          service="114", gives=frozenset({"water"})),
    Combo(("water_body", "cannot_leave"), "other", "emergency", 5, window=8, service="114",
          gives=frozenset({"water"})),
    Combo(("stuck", "cannot_leave"), "other", "emergency", 5, window=8, service="114",
          gives=_STUCK),
    Combo(("flood", "stuck"), "other", "emergency", 5, window=10, service="114",
          gives=_STUCK),
    Combo(("flood", "cannot_leave"), "other", "emergency", 5, window=10, service="114",
          gives=_STUCK),
    Combo(("elevator", "stuck"), "other", "emergency", 5, window=5, service="114",
          gives=_SHUT_IN),
    Combo(("elevator", "stall"), "other", "emergency", 5, window=10, service="114",
          gives=_SHUT_IN),
    Combo(("car", "closed"), "other", "emergency", 5, window=10, service="114",
          gives=_SHUT_IN),
    Combo(("car", "stuck"), "other", "emergency", 5, window=6, service="114",
          gives=_SHUT_IN),
    Combo(("red_hot", "wall"), "other", "emergency", 5, window=4, service="114",
          gives=frozenset({"fire"})),
    Combo(("stranger", "away"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
    Combo(("prowler", "door_try"), "violation", "emergency", 5, window=10, service="113"),
    Combo(("stranger", "door_try"), "violation", "emergency", 5, window=10, service="113"),
    Combo(("gas", "leak"), "other", "emergency", 5, window=7, service="114",
          gives=frozenset({"blast"})),
    Combo(("threat", "act"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
    Combo(("hit", "kin"), "violation", "emergency", 5, window=0, ordered=True, service="113"),
    Combo(("stranger", "carry_off"), "violation", "emergency", 5, window=1, ordered=True,
          service="113"),
    Combo(("spot", "cannot_leave"), "other", "emergency", 5, window=3, ordered=True,
          service="114"),
    Combo(("hold", "weapon"), "violation", "emergency", 5, window=2, ordered=True,
          service="113"),
    Combo(("hit", "person"), "violation", "emergency", 5, window=0, ordered=True,
          service="113"),
    Combo(("seize", "away"), "violation", "emergency", 5, window=4, ordered=True,
          service="113"),
    Combo(("gang", "seize"), "violation", "emergency", 5, window=6, ordered=True,
          service="113"),
    Combo(("gang", "act"), "violation", "emergency", 5, window=6, ordered=True,
          service="113"),
    Combo(("enter", "take"), "violation", "emergency", 5, window=4, ordered=True,
          service="113"),
    Combo(("fuel", "pour"), "violation", "emergency", 5, window=3, service="113"),
    Combo(("male", "press"), "violation", "emergency", 5, window=2, ordered=True,
          service="113", quiets=True),
    Combo(("stranger", "press"), "violation", "emergency", 5, window=2, ordered=True,
          service="113", quiets=True),
    Combo(("we", "breakin"), None, "normal", 0, window=2, ordered=True, quiets=True),
    Combo(("jam", "place"), "other", "emergency", 5, window=2, ordered=True, service="114"),
    Combo(("water_body", "carry"), "other", "emergency", 5, window=3, ordered=True,
          service="114", gives=frozenset({"water"})),
    Combo(("flood", "carry"), "other", "emergency", 5, window=5, ordered=True,
          service="114", gives=frozenset({"water"})),
    Combo(("forbid", "leave"), "violation", "emergency", 5, window=2, ordered=True,
          service="113"),
)
# fmt: on
