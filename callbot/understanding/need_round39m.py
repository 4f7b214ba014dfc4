"""Round 39M of issue 13 (writer M of session 19: central and northern speakers living in Ho
Chi Minh City: "mệ", "o", "mạ", "bọ", "eng", "bầy tui", "chừ", "dồi"; "bố", "ngất", "bầu",
"cấp cứu hộ em với"). Most of their words were known already (``need_base.DIALECT`` reads
"mạ", "chừ", "hắn", "khôn", "nỏ", "bọ tau"; "lúc nãy", "ban nãy", "vừa nãy", "bữa tê" time
the past as "hồi nãy" does); what was missing:

Entries (:data:`M39_ENTRIES`) and what they are read with (:data:`M39_COMBOS`):

- **"ngất" as a figure** ("tòa nhà cao ngất" (of a building only: "sốt cao, ngất" loses
  its comma), "cười ngất" (not "cười ngất đi"), "say ngất ngưởng", "đẹp ngất ngây", "cười
  ngất"): towering, tipsy, enraptured, laughing hard, no fainting. "ngất", "ngất lịm",
  "khóc ngất" stay what they were.
- **Fake liquor drunk** ("uống phải rượu giả giờ mắt mờ"): the lexicon's ``drink``, so that
  the blurred eyes after it are a methanol poisoning (115). "bán rượu giả" stays a report.
- **Bleeding through the dressing** ("băng lại mà máu vẫn thấm ra", "máu thấm qua băng"):
  a bleed that a bandage does not stop, 115, "máu" said; not a pad ("băng vệ sinh"), a
  little ("chút", "xíu", "ít", "rỉ"), pus or fluid. "băng lại rồi máu hết chảy" names none.
- (A snake coiled under the bed sixteen words on was read, and taken out after review: the
  beasts and coils it joined were also a rabid dog and a kennel, an advice asked.)

Marks (:func:`round39m_marks`):

- **"dồi" for "rồi"** (the north's and Vosk's "d" for "r": "chừ đỡ dồi", "tỉnh dồi"): the
  resolutions and fires out that the answer would have with "rồi" are read as they are with
  it ("resolved", "fire_out"), when they say a body or a fire come round ("tỉnh", "đỡ",
  "ổn", "tắt"...), nothing after it with "mà", "nhưng", "còn", "vẫn", a fire out only of a
  fire named and no device ("tắt cầu dao dồi" is none): not "hết dồi" (pills run out too),
  "bỏ đi dồi" (a husband gone), "bấ tỉnh dồi" (Vosk's "bất tỉnh"); not the sausage ("dồi chó", "ăn
dồi") nor "dồi dào".
- **Pregnant said bare, near term, no money** ("vợ em bầu sắp sinh mà không có tiền đi
  viện", "đang chửa sắp đẻ mà hết tiền"): round 22D's "feared" reading when the pregnancy is
  told with the northern bare "bầu", "chửa" right before; a labour sign ("lên cơn", "sinh
  rớt", "bé không đạp", "tiền sản giật", "té") or anything after it with "giờ", "chừ",
  "đang", "rồi", "vừa" keeps the birth now.
- **A threat on a condition** ("chồng em dọa sẽ đánh em nếu em đi làm về muộn em hỏi chỗ tư
  vấn"): from a threat said with "sẽ" to the "nếu" within six words, "feared", only when the
  caller asks for advice after it; never with a weapon, a presence, a hold or "giờ"/"rồi"
  anywhere in the answer, nor self-harm or a bomb, nor another emergency said outside it
  (after review: a man at the door, a hostage, "đè em xuống" were lost).

Revision (:func:`round39m_revise`): **not yet vaccinated** ("hôm qua bị chó cắn chảy máu
chưa tiêm phòng dại giờ hỏi tiêm ở đâu"): round 12's "still" reading took "chưa" after a
marker of yesterday for a danger going on; "chưa" before a shot ("chưa tiêm", "chưa đi
chích") after an animal's bite or with rabies named is a care not yet had, and the "now" it
made goes, only for a bite a day or more back ("hôm qua", not "hồi nãy"), no rabid animal
("chó dại"; "phòng dại" is the shot) and no heavy bleeding. A sign said now after "giờ" ("giờ lên
cơn sợ nước") is outside the past anyway.
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

# towering, tipsy, enraptured, laughing hard ("ngất" alone, "ngất lịm", "khóc ngất" kept);
# "cao ngất" only of a building, a tree or a mountain: after "sốt", "huyết áp", "đường huyết"
# the recogniser has dropped a comma ("sốt cao, ngất") and the faint is real
_TALL = ("tòa nhà", "cao ốc", "chung cư", "tòa tháp", "tháp", "núi", "ống khói")
_FIGURES = (
    pairings(_TALL, ("cao ngất",))
    + """,
    cao ngất ngưởng, cao ngất trời, ngất ngưởng, say ngất ngưởng, đi ngất ngưởng,
    ngất ngây, ngây ngất, đẹp ngất ngây, cười ngất, xây cao ngất
"""
)
# ...but a faint said right after the figure is a faint ("cười ngất đi", "cây cao ngất lịm"
# cannot be said of a tree: the tree is never the one to faint, so only the laughing)
_FAINT_AFTER_FIGURE = pairings(
    ("cười ngất",),
    ("lịm", "đi", "xỉu", "luôn", "rồi", "mấy lần", "tại chỗ", "trong", "ở"),
)
# ("rượu giả" alone is need_requests' report of fake goods)
_FAKE_DRINK = """
    uống phải rượu giả, uống rượu giả, uống nhầm rượu giả, uống phải rượu dỏm, uống rượu dỏm
"""
# "máu" must be said, and a flow ("chảy", "thấm", "ướt"; "ra" only with how much)
_THROUGH_BANDAGE_LIST = [
    p.strip()
    for p in (
        pairings(
            ("băng lại", "băng rồi", "băng lại rồi", "băng bó", "băng kín", "quấn băng"),
            ("mà máu vẫn", "máu vẫn", "mà máu còn"),
            ("chảy", "thấm", "thấm ra", "ướt", "ra nhiều", "ra hoài", "ra quá trời",
             "ra không ngừng"),
        )
        # ("máu thấm ướt", "máu ra ướt", "máu ướt hết" are the lexicon's own bleeds)
        + ", máu thấm qua băng, máu thấm hết băng, thấm ướt hết băng"
    ).split(",")
]  # fmt: skip
_THROUGH_BANDAGE = ", ".join(_THROUGH_BANDAGE_LIST)
# a menstrual pad ("băng vệ sinh"), a little ("chút", "xíu", "ít", "rỉ"), or a medicine
# asked for ("hỏi thuốc": a sore kept, not a bleed now): longer than the phrase, it is
# taken over
_LITTLE = ("chút", "xíu", "ít", "rỉ", "tí")
_NOT_THROUGH = ", ".join(
    [f"{p} vệ sinh" for p in _THROUGH_BANDAGE_LIST if p.endswith("băng")]
    + [
        f"{p} {x}"
        for p in _THROUGH_BANDAGE_LIST
        for x in (
            *_LITTLE,
            *(f"một {w}" for w in _LITTLE),
            *(f"ra {w}" for w in _LITTLE),
            *(f"ra một {w}" for w in _LITTLE),
            "rỉ rỉ",
            "hỏi thuốc",
        )
    ]
)
# fmt: off
M39_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _FIGURES, tags="m39_figure", fold="exact"),
    entry("medical", "emergency", 5, _FAINT_AFTER_FIGURE, service="115", tags="sick",
          fold="exact"),
    entry(None, "normal", 0, _FAKE_DRINK, tags="drink m39_fake_drink", fold="tone"),
    entry("medical", "emergency", 5, _THROUGH_BANDAGE, service="115",
          tags="sick m39_through_bandage", fold="tone"),
    entry(None, "normal", 0, _NOT_THROUGH, tags="m39_not_through", fold="tone"),
)
# (round 39M's snake coiled within sixteen words is gone: the beasts and coils of rounds 21B
# and 22C are a rabid dog's kennel as well as a python under the bed; their ten stay)
M39_COMBOS: tuple[Combo, ...] = ()
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
# a danger said after it ("tỉnh dồi mà ói quá trời", "đỡ dồi nhưng chân sưng tím"): not over
M39_BUT = words("mà nhưng còn vẫn")
# a fire out names the fire; a device switched off is none ("tắt cầu dao dồi", "tắt bếp dồi")
M39_FIRE = words("lửa cháy")
M39_DEVICES = words("cầu dao điện bếp máy đèn cầu chì quạt ga")
M39_FIRE_REACH = 3


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
            if M39_CAME_ROUND & set(ws[s:e])
            and not (s > 0 and ws[s - 1] in M39_NOT_ROUND)
            and not M39_BUT & set(ws[_last_doi(ws, e) :])
            and (key != "fire_out" or _fire_named(ws, s, e))
        ]
        for key in M39_DONE_KEYS
    }


def _last_doi(ws: list[str], e: int) -> int:
    """Just past the last "dồi" of the span ending at ``e`` (or ``e``)."""
    return max((k + 1 for k in range(e) if ws[k] == M39_DOI), default=e)


def _fire_named(ws: list[str], s: int, e: int) -> bool:
    near = set(ws[max(0, s - M39_FIRE_REACH) : e])
    return bool(M39_FIRE & near) and not M39_DEVICES & near


# -- marks: pregnant said bare, near term, no money ------------------------------------------
M39_BARE_PREGNANT = words("bầu chửa")
M39_BARE_REACH = 2
# something going on now after the term ("... giờ lên cơn rồi", "... đẻ ở nhà rồi")
M39_BIRTH_NOW = words("giờ chừ đang rồi vừa")
# signs of labour or a danger round 22D's list does not hold
M39_BIRTH_SIGNS = phrases("""
    lên cơn, không đạp, hông đạp, không máy, hông máy, em bé ra, bé ra, sinh rớt, đẻ rớt,
    đẻ ở nhà, sinh ở nhà, sanh ở nhà, tiền sản giật, té, ngã, đập bụng, co giật, ngất
""")


def _bare_pregnant_unpaid(ws: list[str]) -> list[tuple[int, int]]:
    if not find(ws, d22.D22_NO_MONEY) or d22.D22_LABOUR & set(ws):
        return []
    if find(ws, d22.D22_LABOUR_SIGNS) or find(ws, M39_BIRTH_SIGNS):
        return []
    return [
        (s, e)
        for s, e in find(ws, d22.D22_BIRTH)
        if M39_BARE_PREGNANT & set(ws[max(0, s - M39_BARE_REACH) : s])
        and not M39_BIRTH_NOW & set(ws[e:])
    ]


# -- marks: a threat on a condition ----------------------------------------------------------
M39_THREAT = phrases("dọa sẽ, hăm sẽ, đe dọa sẽ, hăm dọa sẽ, dọa là sẽ, nói sẽ, thề sẽ")
M39_IF = "nếu"
M39_IF_REACH = 6
# a weapon, a presence, a hold or an act anywhere in the answer: the threat is live
M39_PRESENT = words("""
    đang dao súng mã tấu rựa búa gậy xăng cầm kề chĩa vác giờ chừ rồi kìa cửa cổng ngõ trước
    ngoài tới đến đứng ôm bắt giữ nhốt đè bóp khóa đập ga bật lửa can axit bom nổ mìn
""")
# self-harm or a bomb: never a words-only threat
M39_NEVER = words("nhảy tự tử sát treo cổ thuốc cắt lầu ban công cầu bom nổ mìn")
# the caller asks for advice: the shape of a words-only threat told to a hotline
M39_ADVICE = phrases("hỏi, tư vấn, làm sao, làm gì, xin chỗ")
# the caller got away ("giờ tui trốn qua nhà chị rồi ... xin chỗ tạm lánh"): "giờ", "rồi",
# "tới", "đến" then tell where the caller is, not the threatener
M39_FLED = phrases("trốn qua, trốn sang, trốn về, chạy qua nhà, chạy sang nhà, tạm lánh")
M39_WHEN = words("giờ chừ rồi kìa tới đến")


def _threat_if(ws: list[str]) -> list[tuple[int, int]]:
    """From a threat said with "sẽ" to its "nếu", when only words are told (nothing present,
    nothing done, no self-harm nor bomb) and the caller asks for advice after it."""
    said = set(ws)
    present = M39_PRESENT - M39_WHEN if find(ws, M39_FLED) else M39_PRESENT
    if present & said or M39_NEVER & said:
        return []
    out = []
    for s, e in find(ws, M39_THREAT):
        ifs = [k for k in range(e, min(len(ws), e + M39_IF_REACH + 1)) if ws[k] == M39_IF]
        if ifs and any(a > ifs[0] for a, _ in find(ws, M39_ADVICE)):
            out.append((s, ifs[0] + 1))
    return [span for span in out if not _danger_outside(ws, span)]


def _danger_outside(ws: list[str], span: tuple[int, int]) -> bool:
    """Whether an emergency phrase is said outside ``span`` (read late: need_match reads the
    lexicon, which reads this module)."""
    from callbot.understanding.need_match import candidates, select  # noqa: PLC0415

    return any(
        h.entry.urgency == "emergency" and not span[0] <= h.start < span[1]
        for h in select(candidates(ws))
    )


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
# a day or more back: the bite is no longer fresh ("hồi nãy", "hồi sáng" are the same day)
M39_DAYS_BACK = phrases("""
    hôm qua, bữa qua, chiều qua, trưa qua, sáng qua, hôm kia, bữa kia, tuần trước, bữa trước,
    hôm trước, mấy hôm, mấy bữa, mấy ngày
""")
# the shot named for rabies ("phòng dại", "ngừa dại") is no rabid animal
M39_SHOT_OF = words("phòng ngừa tiêm chích xin vắc vaccine vacxin")
# heavy bleeding ("chảy máu quá trời", "máu ra nhiều", "không cầm")
M39_HEAVY = phrases(
    "quá trời, nhiều, không cầm, hông cầm, không ngừng, dữ, lênh láng, hoài, xối xả"
)


def _days_back(ws: list[str]) -> bool:
    """Whether the last marker of time before the first "chưa" is a day or more back."""
    first = next((k for k, w in enumerate(ws) if w == M39_NOT_YET), len(ws))
    back = [(s, True) for s, _ in find(ws, M39_DAYS_BACK)] + [
        (s, False) for s, _ in find(ws, sn.TODAY)
    ]
    before = sorted(b for b in back if b[0] < first)
    return bool(before) and before[-1][1]


def _rabid(ws: list[str]) -> bool:
    """A rabid animal named ("chó dại"), not the shot against rabies ("tiêm phòng dại")."""
    return any(w in sn.RABIES and not (k and ws[k - 1] in M39_SHOT_OF) for k, w in enumerate(ws))


def round39m_revise(marks: Marks, ws: list[str]) -> Marks:
    """A "now" made by "chưa tiêm" after a bite goes (module docstring)."""
    if not marks.get("now") or not (sn.RABIES & set(ws) or sn.bitten(ws) is not None):
        return marks
    if not _days_back(ws) or _rabid(ws) or ("máu" in ws and find(ws, M39_HEAVY)):
        return marks  # a fresh bite, a rabid animal or heavy bleeding: kept now
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
