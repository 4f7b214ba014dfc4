"""Which number an emergency's caller is told: 115, 114 or 113.

:func:`.need_service.choose_service` gives the service of the strongest emergency among the
answer's hits; the readers of :data:`SERVICE_REVISERS` then read the scene around it, in this
order, each given the previous one's number:

- :func:`.need_scene.scene_service`: the state of the scene (the attackers gone or held, a
  live wire, a fire out...);
- :func:`.need_still_in_danger.water_service`: someone still in the water is 114;
- :func:`.need_missed_round18.fight_service`: a fight whose only rescue words are the
  fight's is 113;
- :func:`.need_attacker_round21.attacker_service`: where the attacker is (gone with someone
  hurt: 115; holding, forcing, threatening from a height: 113);
- round 22C's, round 23E's and round 25H's readings (:mod:`.need_round22c`,
  :mod:`.need_round23e`, :mod:`.need_round25h`), round 26I's (a body left once the attackers
  are gone), round 27K's (a 114 a person makes: :mod:`.need_round27k`), and round 28's
  (:mod:`.need_round28a`: a threat of suicide up high is 114; :mod:`.need_round28b`;
  :mod:`.need_round28c`: a slip of the knife is 115; :mod:`.need_round28d`: moaning
  behind a door is 115; :mod:`.need_round28e`: locked in by a landlord or a checkpoint while
  ill is 115).

A round that reads the number adds its reviser at the end; each takes ``(service, hits,
words)``, ``hits`` being the answer's hits after time.
"""

from __future__ import annotations

from collections.abc import Callable

from callbot.understanding.need_attacker_round21 import attacker_service
from callbot.understanding.need_base import Service
from callbot.understanding.need_match import Hit
from callbot.understanding.need_missed_round18 import fight_service
from callbot.understanding.need_round22c import round22c_service
from callbot.understanding.need_round23e import round23e_service
from callbot.understanding.need_round25h import round25h_service
from callbot.understanding.need_round26i import round26i_service
from callbot.understanding.need_round27k import round27k_service
from callbot.understanding.need_round27p import round27p_service
from callbot.understanding.need_round28a import round28a_service
from callbot.understanding.need_round28b import round28b_service
from callbot.understanding.need_round28c import round28c_service
from callbot.understanding.need_round28d import round28d_service
from callbot.understanding.need_round28e import round28e_service
from callbot.understanding.need_round29a import round29a_service
from callbot.understanding.need_round29b import round29b_service
from callbot.understanding.need_round29c import round29c_service
from callbot.understanding.need_round30 import R30_SERVICES
from callbot.understanding.need_round32 import R32_SERVICES
from callbot.understanding.need_round34 import R34_SERVICES
from callbot.understanding.need_round37 import R37_SERVICES
from callbot.understanding.need_scene import gone_spans, scene_service
from callbot.understanding.need_service import choose_service
from callbot.understanding.need_still_in_danger import water_service

Reviser = Callable[[Service | None, list[Hit], list[str]], Service | None]


def _round22c_service(service: Service | None, hits: list[Hit], words: list[str]) -> Service | None:
    """Round 22C's reviser, given where the attackers are said to be gone (it cannot import
    :mod:`.need_scene`, which reads the lexicon that reads it)."""
    return round22c_service(service, hits, words, gone_spans(words))


#: What reads the number once :func:`.need_service.choose_service` gave one, in this order
#: (module docstring).
SERVICE_REVISERS: tuple[Reviser, ...] = (
    scene_service,
    water_service,
    fight_service,
    attacker_service,
    _round22c_service,
    round23e_service,
    round25h_service,
    lambda s, h, w: round26i_service(s, h, w, gone_spans(w)),
    round27k_service,
    round27p_service,
    round28a_service,
    round28b_service,
    round28c_service,
    round28d_service,
    round28e_service,
    round29a_service,
    round29b_service,
    round29c_service,
    *R30_SERVICES,
    *R32_SERVICES,
    *R34_SERVICES,
    *R37_SERVICES,
)


def emergency_number(hits: list[Hit], words: list[str]) -> Service | None:
    """The number for the emergency among ``hits`` (the answer's hits after time), read by
    every reviser in turn."""
    service = choose_service(hits)
    for revise in SERVICE_REVISERS:
        service = revise(service, hits, words)
    return service
