"""More ways of saying the attacker left, as people say it and as Vosk writes "rồi" (round 21A
of issue 13): joined to :data:`.need_scene.GONE` by :func:`.need_scene.gone_spans`, and read by
:mod:`.need_attacker_round21`.

- Leaving phrases :data:`.need_scene.GONE` lacks: "bỏ chạy luôn", "leo lên xe chạy", "phóng xe
  đi", "chạy xe đi mất tiêu", "lên phà qua sông rồi", "đi khỏi rồi", "mất dạng".
- Every leaving phrase with "rồi" also as Vosk writes it: "dồi", "rùi", "dùi" ("bỏ chạy dồi").
- One attacker named by a pronoun, then "đi rồi", within a few words of an attack verb: "em bị
  bạn trai đánh ảnh đi rồi", "ổng đâm tui xong hắn đi rồi" (a pronoun alone before "đi rồi",
  with no attack near, is anyone going anywhere).

A leaf of the need parser's imports: it reads only :mod:`.need_time_marks` and
:mod:`.need_time_words`, so that :mod:`.need_scene` and :mod:`.need_attacker_round21` can both
use it.
"""

from __future__ import annotations

from functools import lru_cache

from callbot.understanding.need_time_marks import find
from callbot.understanding.need_time_words import phrases, words

Span = tuple[int, int]
Phrases = tuple[tuple[str, ...], ...]

# Rule 1: leaving, as people say it (and Vosk's "dồi", "rùi" for "rồi").
A21_GONE = phrases("""
    bỏ chạy luôn, bỏ chạy mất tiêu, bỏ chạy đi, bỏ đi luôn, bỏ đi mất tiêu, bỏ đi đâu mất,
    chạy đâu mất tiêu, chạy xe đi, chạy xe đi mất, phóng xe đi, phóng xe chạy, phóng đi,
    phóng xe bỏ chạy, leo lên xe chạy, nhảy lên xe chạy, lên xe đi mất, lên xe chạy mất,
    lên xe bỏ đi, lên xe bỏ chạy, lên xe chạy luôn, rồ ga bỏ chạy, lên phà qua sông,
    lên ghe chạy, lên ghe đi, lên đò qua sông, qua sông rồi, qua sông mất, qua bên kia sông,
    đi khỏi rồi, đi khỏi, mất dạng, mất hút, chạy mất dạng, chạy trốn, trốn đi, bỏ trốn rồi,
    tẩu thoát rồi, đi mất biệt, chạy mất biệt, bỏ về nhà
""")
A21_DONE = ("dồi", "rùi", "dùi")
# one attacker named by a pronoun, then "đi rồi" ("ảnh đi rồi"), after an attack
A21_ONE = words("ảnh ổng hắn gã nó chả y")
A21_LEFT = phrases("đi rồi, đi luôn rồi, đi mất, đi luôn, về rồi, đi dồi, về dồi")
A21_VERBS = words("đánh đâm chém đập đạp chọt đấm đá phang tạt tông húc cán đụng táng nện")
A21_REACH = 8


def _with_done(table: Phrases) -> Phrases:
    """``table`` with each "rồi" also as Vosk writes it ("dồi", "rùi")."""
    out = list(table)
    for p in table:
        if "rồi" in p:
            out += [tuple(d if w == "rồi" else w for w in p) for d in A21_DONE]
    return tuple(out)


@lru_cache(maxsize=4)
def _leavings(base: Phrases) -> Phrases:
    return _with_done(base) + _with_done(A21_GONE)


def more_gone(words_: list[str], base: Phrases) -> list[Span]:
    """Where ``words_`` say an attacker left: the phrases of ``base`` (:data:`.need_scene.GONE`)
    and this module's, with Vosk's "rồi"."""
    found = find(words_, _leavings(base))
    verbs = [k for k, w in enumerate(words_) if w in A21_VERBS]
    for s, e in find(words_, A21_LEFT):
        if s and words_[s - 1] in A21_ONE and any(0 < s - v <= A21_REACH for v in verbs):
            found.append((s - 1, e))
    return sorted(set(found))
