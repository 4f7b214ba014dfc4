"""Round 39M of issue 13 (writer M of session 19: central and northern speakers living in Ho
Chi Minh City: "mệ", "o", "mạ", "bọ", "eng", "bầy tui", "chừ", "dồi"; "bố", "ngất", "bầu",
"cấp cứu hộ em với"). Most of their words were known already (``need_base.DIALECT`` reads
"mạ", "chừ", "hắn", "khôn", "nỏ", "bọ tau"; "lúc nãy", "ban nãy", "vừa nãy", "bữa tê" time
the past as "hồi nãy" does); what was missing:

Entries (:data:`M39_ENTRIES`) and what they are read with (:data:`M39_COMBOS`):

- **"ngất" as a figure** ("tòa nhà cao ngất", "say ngất ngưởng", "đẹp ngất ngây", "cười
  ngất"): towering, tipsy, enraptured, laughing hard, no fainting. "ngất", "ngất lịm",
  "khóc ngất" stay what they were.
- **Fake liquor drunk** ("uống phải rượu giả giờ mắt mờ"): the lexicon's ``drink``, so that
  the blurred eyes after it are a methanol poisoning (115). "bán rượu giả" stays a report.
- **Bleeding through the dressing** ("băng lại mà máu vẫn thấm ra", "máu thấm qua băng"):
  a bleed that a bandage does not stop, 115. "băng lại rồi máu hết chảy" names none.
- **A big snake come in, coiled under the bed further on** ("con trăn bò vào nhà ... đang
  cuộn dưới gầm giường"): rounds 21B and 22C's beast and coil, within sixteen words: 114.

Marks (:func:`round39m_marks`):

- **"dồi" for "rồi"** (the north's and Vosk's "d" for "r": "chừ đỡ dồi", "tỉnh dồi"): the
  resolutions and fires out that the answer would have with "rồi" are read as they are with
  it ("resolved", "fire_out"), when they say a body or a fire come round ("tỉnh", "đỡ",
  "ổn", "tắt"...): not "hết dồi" (pills run out too), "bỏ đi dồi" (a husband gone), "bấ
  tỉnh dồi" (Vosk's "bất tỉnh"); not the sausage ("dồi chó", "ăn dồi") nor "dồi dào".
- **Pregnant said bare, near term, no money** ("vợ em bầu sắp sinh mà không có tiền đi
  viện", "đang chửa sắp đẻ mà hết tiền"): round 22D's "feared" reading when the pregnancy is
  told with the northern bare "bầu", "chửa" right before; a labour sign keeps the birth now.
- **A threat on a condition** ("chồng em dọa sẽ đánh em nếu em đi làm về muộn"): from a
  threat said with "sẽ" to the "nếu" within six words, "feared"; a present word or a weapon
  in between ("nó đang cầm dao dọa sẽ đâm nếu...") or "đang" after it ("... nếu tui bỏ đi
  giờ đang khóa cửa nhốt tui") keeps it.

Revision (:func:`round39m_revise`): **not yet vaccinated** ("hôm qua bị chó cắn chảy máu
chưa tiêm phòng dại giờ hỏi tiêm ở đâu"): round 12's "still" reading took "chưa" after a
marker of yesterday for a danger going on; "chưa" before a shot ("chưa tiêm", "chưa đi
chích") after an animal's bite or with rabies named is a care not yet had, and the "now" it
made goes. A sign said now after "giờ" ("giờ lên cơn sợ nước") is outside the past anyway.
"""

from __future__ import annotations

from collections import Counter

from callbot.understanding import need_round22d as d22
from callbot.understanding import need_still_now as sn
from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Combo, Entry, entry, pairings
from callbot.understanding.need_time_marks import Marks, find, time_marks
from callbot.understanding.need_time_words import phrases, words

__all__ = ["M39_COMBOS", "M39_ENTRIES", "round39m_marks", "round39m_revise"]

# towering, tipsy, enraptured, laughing hard ("ngất" alone, "ngất lịm", "khóc ngất" kept)
_FIGURES = """
    cao ngất, cao ngất ngưởng, cao ngất trời, ngất ngưởng, say ngất ngưởng, đi ngất ngưởng,
    ngất ngây, ngây ngất, đẹp ngất ngây, cười ngất
"""
# ("rượu giả" alone is need_requests' report of fake goods)
_FAKE_DRINK = """
    uống phải rượu giả, uống rượu giả, uống nhầm rượu giả, uống phải rượu dỏm, uống rượu dỏm
"""
_THROUGH_BANDAGE = (
    pairings(
        ("băng lại", "băng rồi", "băng lại rồi", "băng bó", "băng kín", "quấn băng"),
        ("mà máu vẫn", "máu vẫn", "mà máu còn", "mà vẫn"),
        ("chảy", "thấm", "thấm ra", "ra", "ướt"),
    )
    + ", máu thấm qua băng, máu thấm ướt băng, máu thấm hết băng, máu ra ướt băng"
    + ", thấm ướt hết băng, máu ướt hết băng"
)

# fmt: off
M39_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _FIGURES, tags="m39_figure", fold="exact"),
    entry(None, "normal", 0, _FAKE_DRINK, tags="drink m39_fake_drink", fold="tone"),
    entry("medical", "emergency", 5, _THROUGH_BANDAGE, service="115",
          tags="sick m39_through_bandage", fold="tone"),
)
M39_COMBOS: tuple[Combo, ...] = (
    Combo(("b21_beast", "c22_coiled"), "other", "emergency", 5, window=16, ordered=True,
          service="114"),
)
# fmt: on

# -- marks: "dồi" for "rồi" ------------------------------------------------------------------
M39_DOI = "dồi"
M39_DONE = "rồi"
M39_SAUSAGE_AFTER = words("chó lợn heo trường sụn dào mài bò tiết huyết")
M39_SAUSAGE_BEFORE = words("ăn món miếng đĩa dĩa khúc khoanh nướng")
M39_DONE_KEYS = ("resolved", "fire_out")
# a body or a fire come round ("tỉnh dồi", "đỡ dồi", "lửa tắt dồi"), not "hết dồi" (a
# medicine run out too) nor "bỏ đi dồi" (a husband gone)
M39_CAME_ROUND = words("tỉnh đỡ ổn khỏe khỏi bớt dịu cầm ngưng ngừng tắt dập thở êm yên")
# "bấ tỉnh dồi": Vosk's "bất tỉnh rồi", no coming round
M39_NOT_ROUND = tw.NEGATING | words("bấ mất")


def _done_said(ws: list[str]) -> list[str] | None:
    """``ws`` with each "dồi" said for "rồi" as "rồi", or None if there is none."""
    said = list(ws)
    for k, w in enumerate(ws):
        if w != M39_DOI:
            continue
        if ws[k + 1 : k + 2] and ws[k + 1] in M39_SAUSAGE_AFTER:
            continue
        if k > 0 and ws[k - 1] in M39_SAUSAGE_BEFORE:
            continue
        said[k] = M39_DONE
    return said if said != ws else None


def _done_marks(ws: list[str]) -> Marks:
    said = _done_said(ws)
    if said is None:
        return {}
    before, after = time_marks(ws), time_marks(said)
    return {
        key: [
            (s, e)
            for s, e in (Counter(after[key]) - Counter(before[key])).elements()
            if M39_CAME_ROUND & set(ws[s:e]) and not (s > 0 and ws[s - 1] in M39_NOT_ROUND)
        ]
        for key in M39_DONE_KEYS
    }


# -- marks: pregnant said bare, near term, no money ------------------------------------------
M39_BARE_PREGNANT = words("bầu chửa")
M39_BARE_REACH = 2


def _bare_pregnant_unpaid(ws: list[str]) -> list[tuple[int, int]]:
    if not find(ws, d22.D22_NO_MONEY) or d22.D22_LABOUR & set(ws):
        return []
    if find(ws, d22.D22_LABOUR_SIGNS):
        return []
    return [
        (s, e)
        for s, e in find(ws, d22.D22_BIRTH)
        if M39_BARE_PREGNANT & set(ws[max(0, s - M39_BARE_REACH) : s])
    ]


# -- marks: a threat on a condition ----------------------------------------------------------
M39_THREAT = phrases("dọa sẽ, hăm sẽ, đe dọa sẽ, hăm dọa sẽ, dọa là sẽ, nói sẽ, thề sẽ")
M39_IF = "nếu"
M39_IF_REACH = 6
M39_PRESENT = words("""
    đang dao súng mã tấu rựa búa gậy xăng cầm kề chĩa vác giờ chừ
""")

M39_NOW_AFTER = words("đang")


def _threat_if(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for s, e in find(ws, M39_THREAT):
        ifs = [k for k in range(e, min(len(ws), e + M39_IF_REACH + 1)) if ws[k] == M39_IF]
        if not ifs or M39_NOW_AFTER & set(ws[ifs[0] :]):
            continue  # "... nếu tui bỏ đi giờ đang khóa cửa nhốt tui": acted on now
        if not M39_PRESENT & set(ws[max(0, s - 2) : ifs[0]]):
            out.append((s, ifs[0] + 1))
    return out


def round39m_marks(ws: list[str]) -> Marks:
    """This module's marks (module docstring)."""
    marks = _done_marks(ws)
    feared = _bare_pregnant_unpaid(ws) + _threat_if(ws)
    if feared:
        marks["feared"] = feared
    return marks


# -- revision: not yet vaccinated --------------------------------------------------------------
M39_NOT_YET = "chưa"
M39_SHOTS = words("tiêm chích")
M39_SHOT_REACH = 2  # "chưa tiêm", "chưa đi chích"


def round39m_revise(marks: Marks, ws: list[str]) -> Marks:
    """A "now" made by "chưa tiêm" after a bite goes (module docstring)."""
    if not marks.get("now") or not (sn.RABIES & set(ws) or sn.bitten(ws) is not None):
        return marks
    masked = list(ws)
    for k, w in enumerate(ws):
        if w == M39_NOT_YET and M39_SHOTS & set(ws[k + 1 : k + 1 + M39_SHOT_REACH]):
            masked[k] = "_"
    if masked == ws:
        return marks
    gone = Counter(sn._still_spans(ws)) - Counter(sn._still_spans(masked))
    if not gone:
        return marks
    now = list(marks["now"])
    for span in gone.elements():
        if span in now:
            now.remove(span)
    return {**marks, "now": now}
