"""Emergencies the rules missed or sent to the wrong number, as the tenth development set's
writers X and Y said them (round 18 of issue 13; the entries are read by :mod:`.need_lexicon`,
:func:`fight_service` by :mod:`.need`, :func:`elsewhere_spans` by :mod:`.need_time_marks`).

Each reading covers a kind of speech, in several wordings and regions and as Vosk writes them
(what the entry fields mean: :mod:`.need_lexicon`):

- **Caught in a fight, not trapped** (113, :func:`fight_service`): "mấy đứa học sinh kẹt ở
  giữa" while two gangs throw bricks is people caught between the attackers, and "tui nhỏ
  quá hổng kéo ra được" after "đang bóp cổ má tui" is a child who cannot pull the attacker
  off: no rescue of a trapped person (114) when an attack goes on and nothing else calls the
  rescue (no fire, collapse, water or vehicle; "kẹt giữa hai chiếc xe" stays 114).
- **Severe burns after a fire put out** (115): the skin coming off ("da tuột ra", "tróc hết
  da", "bong da") after a burn, and a burn over a whole back or both arms ("phỏng hết cái
  lưng", "bỏng cả hai tay"): :mod:`.need_time` resolves the fire put out, not the burns.
- **Slumped and not answering now** (115): "gục lên vai tui ... giờ ổng không trả lời",
  "gục trên xe máy ... hổng trả lời": the slump may be said in a past stretch ("hồi nãy"), the
  state stands where the unanswered is said (:attr:`.need_base.Combo.at_second`).
- **A hospital named for someone else** (:func:`elsewhere_spans`): "chăm con gái ở bệnh viện
  mà không phải chuyện đó tui đang đi ngoài đường thấy ông xe ôm gục": a turn away from
  the hospital talk ends its reach; what is said after it is not someone being cared for.
- Vosk's "rượng" for "dượng" (a stepfather) is read in :data:`.need_base.DIALECT`; a low
  oxygen reading said "tám mươi mấy", "tám mấy" or after "của ba tui" is
  :mod:`.need_combine`'s.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["ROUND18_COMBOS", "ROUND18_ENTRIES", "elsewhere_spans", "fight_service"]

# -- burns ---------------------------------------------------------------------------------
_PARTS = ("cái lưng", "cái mặt", "cái bụng", "cái ngực", "hai tay", "hai chân", "hai cánh tay",
          "cánh tay", "hai đùi", "hai bên tay", "một bên người", "cái người")  # fmt: skip
_WHOLE = ("hết", "cả", "nguyên", "khắp", "hết nguyên")
_SKIN_OFF = (
    "da tuột ra", "tuột da", "tuột hết da", "da tuột hết", "da bị tuột", "da bong ra",
    "bong da", "bong hết da", "da bong hết", "da tróc ra", "tróc hết da", "da tróc hết",
    "lột hết da", "da lột ra", "da bóc ra", "da tuột", "da tróc", "da bong",
    "phồng rộp tuột", "phồng rộp bong", "phồng rộp tróc", "rộp tuột ra",
)  # fmt: skip
# -- slumped ------------------------------------------------------------------------------
# ("gục xuống", "ngã gục", "nằm gục"... are emergencies alone: :mod:`.need_emergency`)
_SLUMPED = ("gục", "gục lên", "gục vô", "gục vào", "gục trên", "gục ra", "gục ngay",
            "gục lên vai", "gục lên bàn", "gục trên xe", "gục vô vai", "gục vào vai")  # fmt: skip

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
ROUND18_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, pairings(_WHOLE, _PARTS), tags="extent", fold="tone"),
    entry(None, "normal", 0, ", ".join(_SKIN_OFF), tags="skin_off", fold="tone"),
    entry(None, "normal", 0, ", ".join(_SLUMPED), tags="slumped", fold="tone"),
)

ROUND18_COMBOS: tuple[Combo, ...] = (
    Combo(("burn", "skin_off"), "medical", "emergency", 5, window=12, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("slumped", "unanswered"), "medical", "emergency", 5, window=16, ordered=True,
          service="115", gives=frozenset({"sick", "unresponsive"}), at_second=True),
)
# fmt: on

# -- caught in a fight -------------------------------------------------------------------
# "kẹt (ở) giữa" of people between the attackers; a thing named after it is a trap.
_MIDDLE = ("kẹt", "giữa")
_THINGS = frozenset({
    "xe", "tường", "cửa", "khe", "kẽ", "đống", "thanh", "song", "lan", "cột", "máy", "thang",
    "tủ", "cây", "sắt", "bức", "ô", "hàng", "rào", "vách", "bàn", "ghế", "giường", "nệm", "đá",
})  # fmt: skip
_THING_REACH = 3  # "kẹt giữa hai chiếc xe"
# "hổng kéo ra được" of an attacker who cannot be pulled off ("lan can" is no "can").
_PULL = frozenset({"kéo", "lôi", "gỡ", "tách", "giằng", "giựt", "giật"})
_OFF = "ra"
_NOT_OF_A_FIGHT = frozenset({"fire", "smoke", "blast", "collapse", "water", "shut_in", "flood"})


def _caught_between(hit: Hit, words: list[str]) -> bool:
    """ "mấy đứa học sinh kẹt ở giữa": caught between two sides, no thing that holds them."""
    said = words[hit.start : hit.end]
    if said[:1] != [_MIDDLE[0]] and said[:2] != ["mắc", "kẹt"]:
        return False
    if said[-1] != _MIDDLE[1]:
        return False
    return not _THINGS.intersection(words[hit.end : hit.end + _THING_REACH])


def _pulled_off(hit: Hit, words: list[str], attack: int) -> bool:
    """ "hổng kéo ra được" said after the attack: the attacker cannot be pulled off."""
    said = words[hit.start : hit.end]
    return hit.start > attack and any(a in _PULL and b == _OFF for a, b in pairwise(said))


def fight_service(service: Service | None, hits: list[Hit], words: list[str]) -> Service | None:
    """113 for an attack going on whose only rescue words are the fight's (module docstring);
    ``service`` otherwise (``hits``: the answer's hits after time)."""
    if service != "114":
        return service
    urgent = [h for h in hits if h.entry.urgency == "emergency" and h.rank >= 2]
    attacks = [h for h in urgent if h.entry.alarm == "113"]
    rescues = [h for h in urgent if h.entry.alarm == "114"]
    if not attacks or not rescues or any(_NOT_OF_A_FIGHT & h.entry.tags for h in hits):
        return service
    first = min(h.start for h in attacks)
    if all(_caught_between(h, words) or _pulled_off(h, words, first) for h in rescues):
        return "113"
    return service


# -- a hospital named for someone else ---------------------------------------------------
_TURNS = (
    ("không", "phải", "chuyện", "đó"), ("hổng", "phải", "chuyện", "đó"),
    ("không", "phải", "chuyện", "này"), ("không", "phải", "vụ", "đó"),
    ("hổng", "phải", "vụ", "đó"), ("không", "phải", "chuyện", "đó", "đâu"),
    ("chuyện", "khác"), ("vụ", "khác"), ("không", "liên", "quan"), ("hông", "phải", "chuyện", "đó"),
    ("chẳng", "phải", "chuyện", "đó"), ("không", "phải", "việc", "đó"),
)  # fmt: skip
# Out of the hospital, the caller comes on someone: "đang đi ngoài đường thấy".
_OUTSIDE = (
    ("ngoài", "đường"), ("trên", "đường"), ("ra", "đường"), ("giữa", "đường"),
    ("lề", "đường"), ("ngoài", "chợ"), ("ngoài", "hẻm"), ("đầu", "hẻm"), ("ngoài", "lộ"),
    ("dưới", "quê"), ("ở", "nhà"), ("về", "nhà"), ("ngoài", "bến"), ("trên", "lộ"),
)  # fmt: skip
_SEEN = frozenset({"thấy", "gặp", "chộ", "thây"})
_SEEN_REACH = 6


def _find(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
    return [
        (i, i + len(p))
        for i in range(len(words))
        for p in phrases
        if tuple(words[i : i + len(p)]) == p
    ]


def elsewhere_spans(words: list[str]) -> list[tuple[int, int]]:
    """Where the answer turns away from a hospital named before: "mà không phải chuyện đó",
    "tui đang đi ngoài đường thấy ..." (a place outside, someone seen near it)."""
    out = _find(words, _TURNS)
    for start, end in _find(words, _OUTSIDE):
        near = range(max(0, start - _SEEN_REACH), min(len(words), end + _SEEN_REACH))
        seen = [j for j in near if words[j] in _SEEN]
        if seen:
            out.append((min(start, seen[0]), max(end, seen[0] + 1)))
    return sorted(set(out))
