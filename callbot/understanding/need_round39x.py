"""Round 39X of issue 13 (two known misses of session 19, fixed narrowly).

Entries (:data:`X39_ENTRIES`, :data:`X39_DEMOTIONS`):

- **A person fallen from a floor, said with "rớt từ tầng"** ("thằng nhỏ rớt từ tầng ba
  xuống", "con tui rớt từ tầng hai xuống đất", "có người rớt từ tầng năm xuống"): a person
  word right before "rớt từ tầng" (:data:`X39_PERSONS`, maybe with whose or where from,
  :data:`X39_OWNERS`: "bà nội tui", "thằng nhỏ nhà bên") is a fall from a height, 115, as "té
  từ tầng" and "rớt từ lầu" are already. The phrase keeps the lexicon's sign ``fall``, so a
  lift ("thang máy rớt từ tầng ba xuống", 114) is read as before; and when a lift is named
  anywhere ("thang máy chở hai người rớt từ tầng năm") the person reading falls to normal
  (the lift's rescue stands). A thing falling ("điện thoại rớt từ tầng ba", "đồ phơi rớt từ
  tầng hai", "giá rớt từ tầng hai xuống tầng một") names no person and stays calm; a thing
  owned ("điện thoại của bé rớt từ tầng hai") is taken over by the longer "của ..." phrase,
  which means what the bare "rớt từ tầng" meant, and so are a thing said right before the
  person ("điện thoại anh rớt từ tầng ba", :data:`X39_THINGS`). A warning right before the
  person ("coi chừng em bé rớt từ tầng hai", "kẻo bé rớt ...", :data:`X39_WARNINGS`) is read
  by :func:`round39x_revise` as "feared", from the warning to the phrase's end only. A past
  fall ("năm ngoái thằng nhỏ rớt từ tầng hai giờ khỏe rồi") is calmed by the past marks as
  "té từ tầng" is.

Revision (:func:`round39x_revise`):

- **A poison swallowed a short while ago, a sign now** ("hồi nãy thằng nhỏ uống thuốc chuột
  giờ ói quá trời", "lúc nãy bà uống lộn thuốc sâu giờ lơ mơ"): the past span that starts with
  a recent time (:data:`X39_RECENT`: "hồi nãy", "lúc nãy", "hồi sáng", "hồi trưa", ...) and
  holds a swallowed poison (:data:`X39_POISONS`) goes, when "giờ" or "bây giờ" follows it
  at once and a sign of the poisoning (:data:`X39_SIGNS`: "ói", "co giật", "lơ mơ", "tím",
  "sùi bọt mép", "đau bụng dữ" ...) comes within four words of that "giờ". Not when the sign
  is denied ("giờ không ói"), nor when a recovery is said after "giờ" ("giờ khỏe rồi", "giờ
  đỡ rồi"), nor for a longer past ("hồi tháng trước uống thuốc chuột giờ hỏi hỗ trợ viện
  phí" names no recent time and no sign).
"""

from __future__ import annotations

from callbot.understanding.need_base import Demotion, Entry, entry, pairings
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

__all__ = ["X39_COMBOS", "X39_DEMOTIONS", "X39_ENTRIES", "round39x_revise"]

# -- a person fallen from a floor --------------------------------------------------------------
X39_PERSONS = (
    "thằng nhỏ", "con nhỏ", "đứa nhỏ", "thằng bé", "con bé", "đứa bé", "em bé", "bé",
    "con tui", "con tôi", "con em", "con trai", "con gái", "cháu", "cháu tui", "cháu nội",
    "cháu ngoại", "có người", "một người", "người", "ông", "bà", "ông nội", "bà nội",
    "ông ngoại", "bà ngoại", "ba", "má", "mẹ", "bố", "anh", "chị", "em", "ổng", "bả",
    "chồng", "vợ", "thằng em", "công nhân", "anh thợ", "thợ",
)  # fmt: skip
# whose or where from, said between the person and the fall ("bà nội tui", "thằng nhỏ nhà bên")
X39_OWNERS = ("", "tui", "tôi", "em", "mình", "nhà tui", "nhà em", "nhà bên", "hàng xóm")
X39_WHO = tuple(" ".join(f"{p} {o}".split()) for p in X39_PERSONS for o in X39_OWNERS)
_DROP = "rớt từ tầng"
_PERSON_DROPS = ", ".join(dict.fromkeys(f"{p} {_DROP}" for p in X39_WHO))
# a person's thing ("điện thoại của bé rớt từ tầng hai"): what the bare phrase meant
_OWNED_DROPS = pairings(("của",), tuple(dict.fromkeys(f"{p} {_DROP}" for p in X39_WHO)))
# a thing of a person's said without "của" ("điện thoại anh rớt từ tầng ba"): what the bare
# phrase meant
X39_THINGS = (
    "điện thoại", "đt", "chìa khóa", "ví", "bóp", "nhẫn", "dép", "giày", "tiền", "kính",
    "mắt kính", "nón", "mũ", "đồng hồ", "dây chuyền", "ly", "chén", "remote", "đồ chơi",
    "đồ", "quần áo", "áo", "chậu", "chậu bông", "chậu cây", "máy tính", "laptop", "xe đạp",
    "ba lô", "cặp", "sách", "bình", "chai", "hũ", "búp bê", "gấu bông", "banh", "trái banh",
    "con mèo", "con chó", "mèo", "chó", "chim",
)  # fmt: skip
_NOT_PERSON_DROPS = pairings(X39_THINGS, tuple(dict.fromkeys(f"{p} {_DROP}" for p in X39_WHO)))
# a warning right before the person (read as "feared" by :func:`round39x_revise`; the
# person's own entry, "em bé" and its tags, is not taken over)
X39_WARNINGS = phrases("coi chừng, cẩn thận, kẻo, lỡ, nhỡ, lỡ như, nhỡ như, sợ, lo, không cho")
X39_PERSON_DROPS = phrases(_PERSON_DROPS)
# fmt: off
X39_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, _PERSON_DROPS, service="115",
          tags="sick fall x39_person_drop", fold="exact"),
    entry(None, "normal", 0, _OWNED_DROPS + ", " + _NOT_PERSON_DROPS, tags="fall",
          fold="exact"),
)
# fmt: on
X39_COMBOS = ()
# a lift named: its rescue (114) stands, the person's fall is no medical call of its own
X39_DEMOTIONS: tuple[Demotion, ...] = (Demotion("x39_person_drop", "elevator", "normal"),)

# -- a poison swallowed a short while ago, a sign now ----------------------------------------
X39_RECENT = phrases("""
    hồi nãy, lúc nãy, ban nãy, vừa nãy, khi nãy, hồi sáng, lúc sáng, sáng nay, hồi trưa,
    lúc trưa, trưa nay, hồi chiều, lúc chiều, chiều nay, hồi tối, lúc tối, tối nay
""")
X39_POISONS = phrases("""
    uống thuốc chuột, nuốt thuốc chuột, uống thuốc sâu, nuốt thuốc sâu, uống thuốc diệt chuột,
    uống lộn thuốc, uống nhầm thuốc, uống lầm, uống lộn thuốc sâu, uống thuốc rầy,
    uống lộn dầu, uống nhầm dầu, uống lộn xăng, uống nhầm xăng, uống xăng, uống dầu hỏa,
    uống lộn nước tẩy, uống nhầm nước tẩy, uống thuốc tẩy, uống nước tẩy, uống lộn axit,
    uống nhầm axit, uống lộn chai, uống nhầm chai, nuốt thuốc ngủ, nuốt cả vỉ, nuốt hết vỉ,
    uống thuốc ngủ, uống cả vỉ, uống hết vỉ, uống nguyên vỉ
""")
X39_NOW = ("giờ", "bây giờ", "giờ thì", "mà giờ")
X39_SIGNS = phrases("""
    ói, nôn, mửa, co giật, co giựt, giật, lơ mơ, li bì, mê man, lịm, xỉu, ngất, tím,
    sùi bọt, sùi bọt mép, nổi bọt mép, đau bụng dữ, đau bụng quá, quằn quại, khó thở,
    thở dốc, không tỉnh, hông tỉnh, gọi không dậy, run, vã mồ hôi, chảy nước miếng
""")
X39_SIGN_REACH = 4
X39_WELL = words("khỏe khỏi đỡ ổn bớt hết tỉnh bình")
X39_DENIED = words("không hông hổng chưa đâu chẳng chả")


def _sign_now(ws: list[str], at: int) -> bool:
    """A sign of poisoning within reach of ``at`` (right after "giờ"), not denied, and no
    recovery said after "giờ"."""
    rest = ws[at:]
    if X39_WELL & set(rest):
        return False
    for s, _ in find(rest[: X39_SIGN_REACH + 1], X39_SIGNS):
        if s < X39_SIGN_REACH and not X39_DENIED & set(rest[:s]):
            return True
    return False


def _warned(ws: list[str]) -> list[tuple[int, int]]:
    """ "coi chừng em bé rớt từ tầng hai": from the warning to the end of the person's fall."""
    spans = []
    for s, e in find(ws, X39_PERSON_DROPS):
        lo = max(0, s - 3)
        spans += [(lo + a, e) for a, b in find(ws[lo:s], X39_WARNINGS) if lo + b == s]
    return spans


def round39x_revise(marks: Marks, ws: list[str]) -> Marks:
    """A warned person's fall is feared; the past span of a poison swallowed a short while
    ago goes when a sign is said now (module docstring)."""
    warned = _warned(ws)
    if warned:
        marks = {**marks, "feared": [*(marks.get("feared") or []), *warned]}
    past = marks.get("past") or []
    if not past:
        return marks
    kept = []
    for s, e in past:
        span = ws[s:e]
        recent = any(r == 0 for r, _ in find(span, X39_RECENT))
        poison = bool(find(span, X39_POISONS))
        nows = [b for a, b in find(ws[e : e + 3], phrases(", ".join(X39_NOW))) if a == 0]
        if recent and poison and nows and _sign_now(ws, e + max(nows)):
            continue
        kept.append((s, e))
    if len(kept) == len(past):
        return marks
    return {**marks, "past": kept}
