"""Round 32X's marks (:func:`round32x_marks`, read with the others by :mod:`.need_marks`):
writer X's mirrors, scenes said in the words of an emergency that are not one now.

- **News told after the scene** (``media``): the scene, then "là" and where it was told
  ("... là tin trên báo hồi tuần rồi", "... là chuyện trong cái clip trên phây", "... là
  bản tin thời sự"): everything before the "là" is the news'.
- **Heard on the radio or read, then the scene** (``media``): "nghe ra đi ô nói", "đài phát
  thanh đưa tin", "báo đưa tin" open the news, to the caller's own question or request
  ("tui hỏi", "muốn hỏi", "xin"...) or a present word ("giờ", "bây giờ").
- **Heard, then where it was shown** (``media``): "nghe nói", "nghe", "đọc", "coi" then within
  :data:`_SHOWN_REACH` words "trên ti vi", "trên báo", "trên mạng" (round 5's ``on_media``):
  "nghe nói có vụ sập cầu ở miền Tây trên thời sự".
- **A death already confirmed** (``resolved``): a death ("tắt thở", "mất rồi", "qua đời"),
  then its funeral or its papers ("lo ma chay", "đám tang", "giấy báo tử"): no crew can come
  for it. What is said after the death stays ("... mà giờ bà tui cũng xỉu luôn").
- **Back from a stay in hospital** (``resolved``): "nằm viện về rồi", "ở viện mấy bữa mới về",
  said after a stroke or a fit: what was before is over, what comes after stays.
- **A burglary denied and explained** (``mistaken``): "không phải trộm đâu" with a key forgotten
  or a lock stuck ("ổng quên chìa khóa nên cạy cửa"): the prying is the family's, unless a
  weapon or a blow is said.
- **Near term, no labour** (``mistaken``): "sắp sanh", "tới ngày sanh" then "mà chưa vỡ ối",
  "chưa chuyển dạ", "chưa đau bụng gì": the birth is to come, unless a sign of labour is said
  (:data:`_LABOUR`).
"""

from __future__ import annotations

from callbot.understanding.need_base import NOT
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases

__all__ = ["news_end", "round32x_marks"]

_IS = "là"
_NEWS_AFTER = phrases("""
    tin trên, tin trên báo, tin trên mạng, tin trên ti vi, chuyện trên báo, chuyện trên mạng,
    chuyện trên ti vi, chuyện trên phây, chuyện trong clip, chuyện trong cái clip,
    trong cái clip, trong clip, clip trên, cái clip, video trên, trong video, trong cái video,
    bản tin, tin tức, tin thời sự
""")
# Before "là": the caller denies the news or thought it a film ("tưởng là").
_NEWS_DENIED = frozenset(NOT) | {"tưởng"}
_NEWS_TRUE = phrases("ai dè, thiệt, thật, mà thiệt")
_NEWS_BEFORE = phrases("""
    nghe ra đi ô, ra đi ô nói, ra đi ô đưa, nghe radio, radio nói, nghe đài nói,
    đài phát thanh, nghe đài phát thanh, báo đưa tin, ti vi đưa tin, tivi đưa tin,
    thời sự đưa tin, nghe bản tin, nghe thời sự nói, loa phường nói
""")
_OWN_TURN = phrases("""
    tui hỏi, tôi hỏi, em hỏi, con hỏi, cho hỏi, muốn hỏi, xin hỏi, hỏi thử, giờ, bây giờ,
    tui muốn, tui xin, mà nhà tui, mà tui
""")
# The news reaches the caller: a plea or the fire at their door ("lan qua bên này rồi cứu với").
_REACHES = phrases("cứu với, cứu, kêu giùm, bên này, qua tới, lan tới, nhà tui, nhà tôi, nhà em")
_HEARD = phrases("nghe nói, nghe người ta nói, đọc, coi, xem")
_SAW = phrases("nghe, thấy")  # only right before the channel ("thấy trên phây")
_SAW_REACH = 1
_MINE = frozenset({"tui", "tôi", "tao", "mình"})  # the caller's own scene between
_SHOWN = phrases("""
    trên ti vi, trên tivi, trên báo, trên mạng, trên thời sự, trên phây, trên facebook,
    trên đài, trên youtube, trên tóp tóp, trên tiktok
""")
_SHOWN_REACH = 14
_PRESENT = frozenset({"giờ", "đang", "nè", "ngay"})

_DEATH = phrases("""
    tắt thở, tắt thở rồi, mất rồi, qua đời, chết rồi, đi rồi, ngừng thở, tim hổng còn đập,
    tim không còn đập, tim ngừng đập, hết thở rồi
""")
_FUNERAL = phrases("""
    ma chay, đám ma, đám tang, lo đám ma, lo đám tang, làm đám ma, hậu sự, chôn cất, mai táng,
    hỏa táng, khâm liệm, tẩm liệm, nhà tang lễ, báo tử, giấy chứng tử, quan tài, hòm
""")

_FUNERAL_REACH = 8
_STILL_FIGHTING = phrases("hô hấp nhân tạo, ép tim, cấp cứu, đang")
_HOME_FROM_WARD = phrases("""
    nằm viện về rồi, nằm viện về, ở viện về rồi, ở viện về, nằm viện mấy bữa về rồi,
    nằm viện mấy bữa mới về, nằm viện xong về rồi, điều trị xong về rồi, nằm viện rồi về
""")

_NOT_THIEF = phrases(
    ", ".join(
        f"{k} {v}"
        for k in NOT
        for v in ("phải trộm", "phải là trộm", "phải ăn trộm", "phải kẻ trộm", "phải ăn cắp")
    )
)
_INNOCENT = phrases("""
    quên chìa khóa, quên chìa, mất chìa khóa, làm mất chìa, rớt chìa khóa, khóa bị kẹt,
    kẹt khóa, khóa hư, ổ khóa hư, thợ khóa, thợ sửa khóa, người nhà
""")
_VIOLENT = frozenset({"dao", "súng", "mã", "tấu", "đâm", "chém", "đánh", "đập", "cướp"})

_BIRTH_SOON = phrases("""
    sắp sanh, sắp sinh, sắp đẻ, gần sanh, gần sinh, gần đẻ, tới ngày sanh, tới ngày sinh,
    tới ngày đẻ, đủ tháng, tới tháng sanh
""")
_NO_LABOUR = phrases(
    ", ".join(
        f"{k} {v}"
        for k in NOT
        for v in ("vỡ ối", "bể nước ối", "chuyển dạ", "đau bụng", "đau bụng gì", "đau đẻ",
                  "có dấu hiệu", "thấy dấu hiệu", "ra nước", "rỉ ối", "ra máu")
    )
)  # fmt: skip
_LABOUR = phrases("""
    rặn, ra huyết, co thắt, đau bụng dữ, đau quặn, vỡ ối rồi, bể nước ối rồi, đau đẻ rồi,
    ló đầu, ra máu nhiều
""")
_NO_LABOUR_REACH = 10
_HURT = frozenset({"té", "ngã", "đụng", "tông", "đâm", "đánh", "trượt", "va"})
_INNOCENT_REACH = 12
_GOT_IN_REACH = 4
_CLAUSE_ENDS = frozenset({"mà", "giờ", "rớt", "bất", "xỉu", "bị", "rồi"})


def _stop(words: list[str], start: int) -> int:
    """Where the caller's own turn begins after ``start`` (or the end)."""
    return min((s for s, _ in find(words, _OWN_TURN) if s > start), default=len(words))


def news_end(words: list[str], start: int) -> int:
    """Where news heard from ``start`` ends: nowhere (``start``) when it reaches the caller."""
    if any(s > start for s, _ in find(words, _REACHES)):
        return start
    return _stop(words, start)


def _news(words: list[str]) -> list[tuple[int, int]]:
    media = []
    for s, _ in find(words, _NEWS_AFTER):
        if s > 0 and words[s - 1] == _IS:
            denied = _NEWS_DENIED.intersection(words[max(0, s - 4) : s - 1])
            if not denied and not find(words[s : s + 8], _NEWS_TRUE):
                media.append((0, s))
    for s, _ in find(words, _NEWS_BEFORE):
        if news_end(words, s) > s:
            media.append((s, news_end(words, s)))
    heard = find(words, _HEARD)
    saw = find(words, _SAW)
    for s, e in find(words, _SHOWN):
        cues = [c for c, _ in heard if 0 < s - c <= _SHOWN_REACH]
        cues = [c for c in cues if not _MINE.intersection(words[c + 1 : s])]
        cues += [c for c, ce in saw if 0 <= s - ce < _SAW_REACH]
        if cues and not _PRESENT.intersection(words[min(cues) : s]):
            media.append((min(cues), e))
    return media


def _settled(words: list[str]) -> list[tuple[int, int]]:
    resolved = []
    funerals = find(words, _FUNERAL)
    deaths = find(words, _DEATH)
    led: list[int] = []  # deaths followed by a funeral, themselves or through a death told again
    for s, e in reversed(deaths):
        soon = words[e : e + 2]
        near = [f for f in led + [f for f, _ in funerals] if 0 <= f - e <= _FUNERAL_REACH]
        if near and not find(words[e : min(near)], _STILL_FIGHTING):
            led.append(s)
            if not _PRESENT.intersection(soon):
                resolved.append((s, e))
    resolved += find(words, _HOME_FROM_WARD)
    return resolved


def _mistaken(words: list[str]) -> list[tuple[int, int]]:
    mistaken = []
    innocent = find(words, _INNOCENT)
    if not _VIOLENT.intersection(words):
        for _, e in find(words, _NOT_THIEF):
            ends = [ie for i, ie in innocent if abs(i - e) <= _INNOCENT_REACH]
            for i, ie in innocent:  # a chain of innocent reasons ("... thợ sửa khóa")
                if ends and 0 <= i - max(ends) <= _INNOCENT_REACH:
                    ends.append(ie)
            if ends:  # the innocent reason and how they got in ("trèo vô"): a fall after stays
                end = max(e, *ends)
                while end < min(len(words), max(e, *ends) + _GOT_IN_REACH) and not (
                    words[end] in _HURT or words[end] in _CLAUSE_ENDS
                ):
                    end += 1
                mistaken.append((0, end))
    soon = find(words, _BIRTH_SOON)
    if soon and not find(words, _LABOUR):
        for s, e in find(words, _NO_LABOUR):
            starts = [bs for bs, be in soon if 0 <= s - be <= _NO_LABOUR_REACH]
            if starts and not _HURT.intersection(words[min(starts) : e]):
                mistaken.append((min(starts), e))
    return mistaken


def round32x_marks(words: list[str]) -> Marks:
    """The module docstring's marks."""
    return {"media": _news(words), "resolved": _settled(words), "mistaken": _mistaken(words)}
