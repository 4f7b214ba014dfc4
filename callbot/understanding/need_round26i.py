"""Someone hurt after violence, the attackers gone (115), as writer T said it (round 26I of
issue 13). :func:`i26_gone` is joined to :func:`.need_scene.gone_spans` (so every reader of
where the attacker is sees it), the entries are read by :mod:`.need_lexicon`,
:func:`round26i_service` by :mod:`.need_number`.

- **The crowd dispersed** : "bà con giải tán hết dồi", "mỗi người một ngả", "ai về nhà
  nấy", "tản ra hết rồi": the fighters are gone.
- **The attacker handed over** : "giữ được thằng đâm người giao công an dồi", "bị công an
  còng đi rồi", "công an dẫn đi rồi": taken away ("bắt được thằng ăn trộm" alone is not: the
  one caught may be the one the crowd is beating).
- **The attackers named, then run off all** : "tụi nó chạy hết", "mấy bà kia chạy dồi"
  ("chạy hết" alone is said of anyone: "chạy hết nổi").
- **The fight over** : "vụ đánh nhau xong rồi", "đánh nhau ở quán nhậu xong dồi": a fight
  word, then "xong rồi" within a few words (not "chưa xong", not "đánh xong rồi quay lại":
  :mod:`.need_scene` reads the comeback).
- **A scald and a stab where it hurts (115)** : "bị tạt nước sôi", "bị dội nước sôi"; "đâm
  vô cổ", "chém trúng đầu": a wound, medical unless the attacker is still there.
- **Left lying after it (115, :func:`round26i_service`)** : the attackers said gone, a body in
  trouble after it, and every attack said before the leaving, or a wrongdoer who is the body
  lying ("thằng ăn trộm nằm bất tỉnh": the crowd beat the thief and left), or the attack told
  as done to the victim ("bị ổng đánh bầm hết mặt"), with nothing going on after it ("đang",
  "quay lại", "còn đứng").
- **The fight over, nobody hurt (not an emergency, :func:`round26i_revise`)** : "vụ đánh
  nhau xong dồi hông ai bị gì hết", "giải tán hết rồi không ai bị sao": resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Entry, Service, entry, pairings
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import NEGATING, phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["I26_ENTRIES", "i26_gone", "round26i_revise", "round26i_service"]

Span = tuple[int, int]

# -- the attackers gone ----------------------------------------------------------------------
_DONE = ("rồi", "dồi", "rùi")
I26_DISPERSED = phrases(
    ", ".join(
        f"{a} {d}"
        for a in (
            "giải tán hết",
            "giải tán",
            "tan hết",
            "tản ra hết",
            "tán loạn hết",
            "đi hết trơn",
        )
        for d in _DONE
    )
    + """, mỗi người một ngả, mỗi đứa một ngả, mỗi thằng một ngả, ai về nhà nấy,
    giải tán hết trơn, bà con giải tán hết"""
)
I26_HANDED = phrases(
    ", ".join(
        f"{a} {d}"
        for a in (
            "giao công an",
            "giao cho công an",
            "còng đi",
            "dẫn đi",
            "bắt đi",
            "áp giải đi",
            "còng tay",
        )
        for d in _DONE
    )
    + ", công an còng đi, công an dẫn đi, công an bắt đi, giao công an"
)
_GROUP = (
    "tụi nó",
    "bọn nó",
    "tụi kia",
    "bọn kia",
    "mấy thằng",
    "mấy đứa",
    "mấy bà",
    "mấy ông",
    "đám kia",
    "đám đó",
    "tụi đó",
    "bọn chúng",
    "mấy bà kia",
    "mấy thằng kia",
)
I26_RAN = phrases(
    ", ".join(
        f"{g} {r}" for g in _GROUP for r in ("chạy hết", "chạy dồi", "chạy luôn", "chạy tán loạn")
    )
)
I26_FIGHT = phrases("đánh nhau, đánh lộn, đánh ghen, ẩu đả, đâm chém, đánh người, hỗn chiến")
I26_OVER = phrases("xong rồi, xong dồi, xong rùi, xong xuôi, xong hết rồi, xong hết dồi")
I26_OVER_REACH = 6


def i26_gone(words_: list[str]) -> list[Span]:
    """Where the attackers are said gone in this round's ways (module docstring)."""
    found = find(words_, I26_DISPERSED) + find(words_, I26_HANDED) + find(words_, I26_RAN)
    fights = [e for _, e in find(words_, I26_FIGHT)]
    for s, e in find(words_, I26_OVER):
        if set(NEGATING) & set(words_[max(0, s - 2) : s]) or "chưa" in words_[max(0, s - 2) : s]:
            continue
        if any(0 <= s - f <= I26_OVER_REACH for f in fights):
            found.append((s, e))
    return sorted(set(found))


# -- wounds ----------------------------------------------------------------------------------
_SCALD = pairings(("bị tạt", "bị dội", "bị hắt", "bị tạt nguyên"), ("nước sôi", "nước nóng"))
_STAB_PART = pairings(
    ("đâm", "chém", "cứa", "đâm trúng", "chém trúng"),
    ("vô cổ", "vào cổ", "vô ngực", "vào ngực", "vô bụng", "vào bụng", "vô lưng", "vô đầu"),
)
I26_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 3, _SCALD, tags="sick burn wound", fold="tone", service="115"),
    entry("medical", "emergency", 3, _STAB_PART, tags="sick wound", fold="tone", service="115"),
)

# -- left lying after it ---------------------------------------------------------------------
I26_STILL = phrases("""
    đang, quay lại, trở lại, kéo thêm, còn đứng, vẫn còn đánh, còn đánh, tiếp tục đánh, rượt
""")
I26_WHO = words("thằng tên con đứa mấy")
I26_VICTIM_ACT = words("ổng nó hắn bả ảnh chả gã")
I26_NEAR = 3


def _lying(hit: Hit, hits: list[Hit], words_: list[str]) -> bool:
    """A wrongdoer named as the one lying hurt ("thằng ăn trộm nằm bất tỉnh"), or the attack
    told as done to the victim ("bị ổng đánh")."""
    before = words_[max(0, hit.start - 2) : hit.start]
    if before[-1:] and before[-1] in I26_VICTIM_ACT and "bị" in before[:1]:
        return True
    named = bool(before[-1:]) and before[-1] in I26_WHO and "crime" in hit.entry.tags
    return named and any(
        h.entry.alarm == "115" and 0 <= h.start - hit.end <= I26_NEAR for h in hits
    )


def round26i_service(
    service: Service | None, hits: list[Hit], words_: list[str], gone: list[Span]
) -> Service | None:
    """115 for a body left lying once the attackers are gone (``gone``: where
    :func:`.need_scene.gone_spans` says so; module docstring); ``service`` otherwise."""
    if service != "113" or not gone:
        return service
    first = min(s for s, _ in gone)
    last = max(e for _, e in gone)
    attacks = [h for h in hits if h.entry.alarm == "113" and h.entry.urgency == "emergency"]
    medical = [h for h in hits if h.entry.alarm == "115" and h.start >= first]
    if not medical or any("perpetrator" in h.entry.tags for h in hits):
        return service
    if find(words_[last:], I26_STILL):
        return service
    if all(h.end <= last or _lying(h, hits, words_) for h in attacks):
        return "115"
    return service


# -- the fight over and nobody hurt ------------------------------------------------------------
I26_CALM_REACH = 4


def round26i_revise(marks: Marks, words_: list[str]) -> Marks:
    """``marks`` with "the fight over, nobody hurt" ("đánh nhau xong dồi hông ai bị gì hết")
    read as resolved: the attack said before it is no emergency."""
    over = i26_gone(words_)
    calm = [
        (s, e)
        for s, e in marks.get("nobody_hurt", [])
        if any(0 <= s - oe <= I26_CALM_REACH for _, oe in over)
    ]
    if not calm:
        return marks
    return {**marks, "resolved": marks.get("resolved", []) + calm}
