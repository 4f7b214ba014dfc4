"""Round 31M of issue 13: a reviewer's look-alikes of round 30's two-sign readings, put out
of the present by marks (round 30's modules narrow their own phrases the rest of the way).

Mistaken (``mistaken``, :func:`round31m_marks`):

- **The urge to push on the toilet** ("đang bầu bị táo bón đi cầu muốn rặn mà không ra"):
  a pregnant woman's constipation, no birth; a birth's push stays ("chở vợ đi sanh ... muốn
  rặn").
- **An arm that will not lift, with a sore shoulder** ("đau vai mấy tháng nay tự nhiên không
  nhấc tay lên được"): a joint, no stroke; a numb half of the body stays.
- **Jumbled speech that is a language or a joke** ("nói lộn xộn tiếng anh tiếng việt", "về
  nói lung tung với vợ cho vui", "nói nhảm cho mắc cười").
- **Raving after drink** ("say rượu về nói nhảm người nóng hầm hập"): the drink's talk.
- **A worker perched on a roof at his job** ("ông thợ ngồi vắt vẻo trên mái nhà sửa ăng
  ten"): his trade, no child on a rail.

Past (``past``): **a birth told from before** ("hồi đi sanh đứa đầu bả muốn rặn", "hồi sanh
con tui ... dây rốn còn dính"), up to a word of now ("giờ", "đang").
"""

from __future__ import annotations

from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import Phrases, phrases, words

M31_BOWEL = phrases(
    "đi cầu, đi tiêu, đi ngoài, táo bón, bị bón, đi đại tiện, ngồi cầu, ngồi bồn cầu"
)
M31_PUSH = phrases("muốn rặn, mót rặn, đòi rặn, rặn ra, rặn hoài, rặn mạnh")
M31_BOWEL_REACH = 6
M31_SHOULDER = words("vai khớp")
M31_ARM = phrases("nhấc tay lên, giơ tay lên, nhấc nổi tay, giơ nổi tay")
M31_SHOULDER_REACH = 10
M31_SPEECH = phrases("nói lộn xộn, nói lung tung, nói nhảm, nói nhảm nhí, nói xàm xàm, nói nhẳm")
M31_LANGUAGE = phrases("tiếng anh, tiếng việt, tiếng tây, tiếng hoa, tiếng pháp, tiếng nhật")
M31_FUN = phrases("cho vui, mắc cười, giỡn chơi, chọc cười, cho zui, tấu hài")
M31_FUN_REACH = 10
M31_SIGN_REACH = 14  # back to the first of two signs ("ngoài nắng ... nói lung tung")
M31_DRINK = phrases("say rượu, say xỉn, xỉn, nhậu say, quắc cần câu, say bí tỉ, nhậu xỉn")
M31_DRINK_REACH = 6
M31_PERCH = phrases("ngồi vắt vẻo, đứng vắt vẻo")
M31_TRADE = words("thợ sửa lợp gắn lắp sơn hái câu")
M31_TRADE_REACH = 8
M31_BEFORE = words("hồi")
M31_BIRTH = words("sanh đẻ sinh")
M31_BIRTH_REACH = 3
M31_NOW = words("giờ đang bây nay mà nhưng")
# "một hồi" (a while), "hồi nãy", "hồi khuya" (tonight): no birth from before
M31_WHILE = words("nãy khuya tối sáng trưa chiều")


def said_near(
    ws: list[str], said: Phrases, near: frozenset[str], before: int, after: int = 0
) -> list[tuple[int, int]]:
    """(start, end) of each of ``said`` with one of the words ``near`` within ``before`` words
    before it or ``after`` words after it: the context that makes a look-alike ("thợ hồ quăng
    gạch lên mái", "chạy bộ ... hổng còn hơi thở"; round 31T's too)."""
    return [
        (s, e)
        for s, e in find(ws, said)
        if near.intersection(ws[max(0, s - before) : s] + ws[e : e + after])
    ]


def _near(spans: list[tuple[int, int]], s: int, e: int, before: int, after: int) -> bool:
    return any(s - before <= ps and pe <= e + after for ps, pe in spans)


def _mistaken(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    bowel = find(ws, M31_BOWEL)
    out += [(s, e) for s, e in find(ws, M31_PUSH) if _near(bowel, s, e, M31_BOWEL_REACH, 0)]
    out += [(max(0, s - 3), e) for s, e in said_near(ws, M31_ARM, M31_SHOULDER, M31_SHOULDER_REACH)]
    language, fun = find(ws, M31_LANGUAGE), find(ws, M31_FUN)
    for s, e in find(ws, M31_SPEECH):
        if _near(language, s, e, 0, 3) or _near(fun, s, e, 0, M31_FUN_REACH):
            out.append((max(0, s - M31_SIGN_REACH), e))
    drink = find(ws, M31_DRINK)
    out += [(s, e) for s, e in find(ws, M31_SPEECH) if _near(drink, s, e, M31_DRINK_REACH, 0)]
    out += said_near(ws, M31_PERCH, M31_TRADE, M31_TRADE_REACH, M31_TRADE_REACH)
    return out


def _past_birth(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for k, w in enumerate(ws):
        if (
            w not in M31_BEFORE
            or ws[k - 1 : k] == ["một"]
            or M31_WHILE.intersection(ws[k + 1 : k + 2])
        ):
            continue
        if M31_BIRTH.intersection(ws[k + 1 : k + 1 + M31_BIRTH_REACH]):
            end = next((j for j in range(k + 1, len(ws)) if ws[j] in M31_NOW), len(ws))
            out.append((k, end))
    return out


def round31m_marks(ws: list[str]) -> Marks:
    """A push on the toilet, a sore shoulder, a language or a joke, drink, a trade; a birth
    from before (module docstring)."""
    return {"mistaken": _mistaken(ws), "past": _past_birth(ws)}
