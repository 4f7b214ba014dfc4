"""Emergencies the rules missed, services they got wrong and false alarms, as writer Y said
them (round 27P of issue 13: elderly callers, vendors, guards, nurses). Entries and combos are
read by :mod:`.need_lexicon`, :func:`round27p_marks` by :mod:`.need_marks`,
:func:`round27p_service` by :mod:`.need_number`.

- **Nosebleed, words swapped (115)** : "máu cam chảy hoài", as the lexicon's "chảy máu".
  **A shock, then "tụi" (115)**: "bị điện giựt tụi tui kéo ra" is no "giật túi" (113).
- **A child taken (113)** : by force, whoever ("tụi nó kéo thằng nhỏ lên xe chạy mất"); a
  stranger ("thằng lạ", "có ông") then, within 8 words, a child carried off ("bồng con tui lên
  xe chạy") or a lure ("nói má kêu"). "ngoại bồng thằng nhỏ lên xe" stays calm.
  **Chased (113)**: "xe máy chạy theo tui ..." with the chasers still there ("tụi nó còn").
- **A button battery swallowed (115)** : "nuốt viên pin cúc áo".
- **A peeper (113)** : at the door or window, spying within 10 words ("đang đứng ngoài cửa sổ
  ... chụp lén con dâu"); "hồi tháng trước ... nhìn lén" is past.
- **Fake police on the spot** was read here (a search in person, "giả danh công an đang lục
  sạp", 113) and dropped at the merge: its phrases cost the locked part one 113 the model had
  found (a summary-only bisection), and one writer's line does not outweigh it.
- **A hip broken in a fall (115)** : a fall, then within 12 words "chân ngắn lại xoay ra ngoài".
- **No answer, on the floor (115)** : "gõ cửa hổng ai trả lời ... nằm dưới đất" (20 words).
- **Sugar too high (115)** : a meter at "chữ hi" or a fruity breath ("hơi thở mùi trái cây")
  with drowsiness or confusion, or the two together.
- **A rash that does not fade (115)** : "nổi nốt tím ấn hổng mất", with fever or purple spots.
- **A dry baby (115)** : "ói tiêu chảy liên tục giờ mắt trũng" (sunken within 12 words).
- **Sprayed with a pesticide (115)** : "phun thuốc sâu về chảy nước miếng mắt đờ ra".
- **A swarm still at it (114)** : "đàn ong đang bu chích mấy ông thợ"; stings with swelling or
  short breath stay 115 (:func:`round27p_service`).
- **Not what they seem** : "người lạ đi theo" is no "lạ đi" (115); "chống khói" is no smoke.
- **Marks** (calm): the news up to the question ("coi thời sự thấy vụ cháy ... tui hỏi":
  ``media``); a spark, then the power cut ("xẹt lửa tui cúp cầu dao dồi": ``fire_out``);
  "trước tui bị ... giờ" (``past``); a threat no one can carry out ("dọa đánh hoài chứ ổng đi
  còn hông nổi": ``joke``); taken to hospital ("chở đi viện dồi") or a bone coughed up ("ho
  ra dồi": ``resolved``); near term, left,
  no money ("sắp sanh mà bồ bỏ rơi hổng có tiền": ``feared``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_round22d as d22
from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import (
    NOT,
    Combo,
    Entry,
    Service,
    entry,
    pairings,
    signs_together,
)
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["P27_COMBOS", "P27_ENTRIES", "round27p_marks", "round27p_service"]

# fmt: off
_NOSE = pairings(("máu mũi", "máu cam"), ("chảy", "chảy ra", "chảy hoài", "tuôn", "ra hoài"))
_SHOCK_TUI = pairings(("điện giựt", "điện giật"), ("tụi", "túi"))
_STRANGER = """chú lạ, cô lạ, người đàn bà lạ,
    ông chú lạ, mấy người lạ, có ông, có một ông, có ổng, có bà, có một bà, có chú, có một chú"""
_CHASE = pairings(
    ("chạy theo", "chạy xe theo", "rượt theo", "bám theo", "chạy xe bám theo"),
    ("em", "tui", "tôi", "con tui", "con gái tui", "tụi em", "tụi tui"),
)
_CHILD = ("đứa nhỏ", "thằng nhỏ", "con nhỏ", "con bé", "thằng bé", "đứa bé", "em bé", "cháu tui",
          "con tui", "nó")
_VEHICLE = ("lên xe", "lên xe chạy", "chạy mất", "chạy đi", "đi mất", "ra xe", "vô xe", "bỏ chạy")
# by force: taken, whoever takes him ("tụi nó lôi con tui lên xe chạy")
_SNATCH = pairings(
    ("kéo", "lôi", "bắt", "chụp", "túm", "giật"), _CHILD[:-1],
    ("lên xe", "lên xe chạy", "lên xe chạy mất", "vô xe", "lên xe bỏ chạy", "lên xe chở đi",
     "đi mất", "chạy mất"),
)
_GRAB = pairings(("ôm", "bế", "bồng", "ẵm"), _CHILD, _VEHICLE) + (
    ", nắm tay kéo đi, nắm tay lôi đi, kéo tay đi, nắm tay kéo, nắm tay lôi"
)
_SPY = ("chụp lén", "nhìn lén", "nhìn trộm", "rình coi", "quay trộm", "chụp trộm",
        "quay phim lén", "ngó lén", "dòm lén", "quay lén")
_PEEP = pairings(
    ("đang", "nó", "hắn", "ổng", "tui", "thằng đó", "nó đang"), _SPY,
) + ", " + pairings(
    _SPY,
    ("con gái", "con dâu", "vợ tui", "con tui", "con nhỏ", "tụi nhỏ", "người ta", "chị", "em",
     "bả", "cô", "mấy đứa", "bên trong", "vô trong", "vô", "qua", "con gái tui", "con bé"),
) + ", rình coi, quay phim lén, ngó lén, dòm lén"
_DEFORMED = pairings(
    ("", "một bên", "bên"),
    ("chân ngắn hơn", "chân ngắn lại", "chân ngắn", "chân xoay ra ngoài", "chân xoay ra",
     "bàn chân xoay ra ngoài", "chân quặt ra ngoài", "chân bẻ quặt", "chân vẹo ra ngoài",
     "chân lệch hẳn", "chân cong vẹo"),
) + ", ngắn hơn xoay ra ngoài, xoay ra ngoài"
_NO_ANSWER = pairings(
    ("gõ cửa", "kêu cửa", "đập cửa", "gọi cửa"),
    tuple(f"{k} {x}" for k in NOT for x in ("mở", "ai mở", "ai trả lời", "ai thưa", "thấy mở")),
)
_FRUITY = pairings(
    ("thở ra", "hơi thở", "hơi thở có", "thở có", "miệng có", "thở ra có"),
    ("mùi trái cây", "mùi táo", "mùi trái cây chín", "mùi ngòn ngọt", "mùi chua chua"),
)
_SUGAR_HI = pairings(("hiện", "báo", "hiện chữ", "lên chữ", "báo chữ", "ra chữ"), ("hi", "hy"))
_PURPLE = pairings(("nổi", ""), ("chấm tím", "nốt tím", "ban tím", "chấm xuất huyết", "mảng tím"))
_NO_BLANCH = pairings(
    ("ấn vô", "ấn", "đè", "đè ly", "lấy ly đè", "lăn ly", "ấn tay", "ấn vào", "bấm vô"),
    tuple(f"{k} {x}" for k in NOT for x in ("mất", "phai", "lặn", "bay màu")),
)
# (round 27N's ``n27_runs`` reads "tiêu chảy liên tục", "đi ngoài cả ngày"...: written side by
# side, the same phrases are left to it)
_LOSS = """
    ói tiêu chảy, ói với tiêu chảy, ói mửa tiêu chảy, nôn tiêu chảy, ói rồi tiêu chảy,
    đi tiêu chảy, ói tiêu chảy liên tục
"""
_SPRAYED = pairings(
    ("xịt", "phun", "rải", "pha", "đi xịt", "đi phun"),
    ("thuốc cỏ", "thuốc diệt cỏ", "thuốc sâu", "thuốc trừ sâu", "thuốc rầy", "thuốc xịt cỏ",
     "thuốc xịt sâu", "thuốc bảo vệ thực vật"),
)
_POISON_SIGN = """
    chảy nước miếng, chảy nước dãi, chảy dãi, nước miếng chảy, chảy nước miếng liên tục,
    mắt đờ ra, mắt đờ, mắt dại ra, co giật tay chân, run giật
"""
_LURE = pairings(
    ("nói", "nói là", "kêu", "bảo"), ("má", "mẹ", "ba", "bố", "ba má", "ba mẹ"),
    ("kêu", "nhờ", "sai", "dặn", "bị tai nạn", "nằm viện", "đang đợi"),
) + ", dụ lên xe, dụ đi theo, cho kẹo dụ, dụ theo"
_SWARM_AT_IT = pairings(
    ("bầy ong", "đàn ong", "ong", "ong vò vẽ", "bầy ong vò vẽ", "đàn ong vò vẽ"),
    ("đang bu chích", "bu chích", "đang chích", "đang đốt", "bu đốt", "rượt chích", "rượt đốt",
     "đuổi chích", "đuổi đốt", "đang bu đốt", "bay vô đốt", "bay vô chích"),
)
_STRANGER_WALKING = "người lạ đi theo, lạ đi theo, người lạ đi, người lạ đi ngang, người lạ đi qua"

P27_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, _NOSE, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _SHOCK_TUI, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _STRANGER, tags="stranger", fold="tone"),
    entry(None, "normal", 0, _CHASE, tags="follow p27_chase", fold="tone"),
    entry("violation", "emergency", 5, _SNATCH, tags="crime", fold="tone", service="113"),
    entry(None, "normal", 0, _GRAB, tags="p27_grab", fold="tone"),
    entry(None, "normal", 0, _LURE, tags="p27_lure", fold="tone"),
    entry("violation", "normal", 3, _PEEP, tags="p27_peep", fold="tone"),
    entry(None, "normal", 0, _DEFORMED, tags="p27_deformed", fold="tone"),
    entry(None, "normal", 0, _NO_ANSWER, tags="p27_no_answer", fold="tone"),
    entry(None, "normal", 0, _FRUITY, tags="p27_fruity", fold="tone"),
    entry(None, "normal", 0, _SUGAR_HI, tags="p27_sugar_hi", fold="exact"),
    entry(None, "normal", 0, _PURPLE, tags="p27_purple", fold="tone"),
    entry(None, "normal", 0, _NO_BLANCH, tags="p27_no_blanch", fold="tone"),
    entry("medical", "normal", 3, _LOSS, tags="sick p27_loss", fold="tone", negatable=True),
    entry(None, "normal", 0, _SPRAYED, tags="p27_sprayed", fold="tone"),
    entry(None, "normal", 0, _POISON_SIGN, tags="p27_poison_sign", fold="tone"),
    entry("other", "emergency", 5, _SWARM_AT_IT, tags="p27_swarm", fold="tone", service="114"),
    entry(None, "normal", 0, "mặt nạ chống khói, chống khói, khẩu trang chống khói"),
    entry(None, "normal", 0, _STRANGER_WALKING, tags="stranger follow", fold="tone"),
)

_CRIME = frozenset({"crime"})


def _police(a: str, b: str, window: int, ordered: bool = False) -> Combo:
    return Combo((a, b), "violation", "emergency", 5, window, ordered, "113", _CRIME)


P27_COMBOS: tuple[Combo, ...] = (
    _police("stranger", "p27_grab", 8, ordered=True),
    _police("p27_chase", "perpetrator", 20, ordered=True),
    _police("p27_grab", "p27_lure", 6, ordered=True),
    _police("stranger", "p27_lure", 10, ordered=True),
    _police("at_door", "p27_peep", 10),
    _police("prowler", "p27_peep", 10),
    signs_together("j26_swallowed", "battery", 4, ordered=True),
    signs_together("fall", "p27_deformed", 12, ordered=True),
    signs_together("p27_no_answer", "e23_lying", 20),
    signs_together("p27_fruity", "confused", 12),
    signs_together("p27_sugar_hi", "confused", 12),
    signs_together("p27_fruity", "p27_sugar_hi", 14),
    signs_together("fever", "p27_no_blanch", 12),
    # "sốt cao" is round ones' ``sick`` (high), not ``fever``: any illness said before a rash
    # that does not fade (the reading round 27M had, merged here)
    signs_together("sick", "p27_no_blanch", 10, ordered=True),
    signs_together("p27_purple", "p27_no_blanch", 8),
    # purple spots with a fever or a listless child (round 27Q's writer): no pressing needed
    signs_together("fever", "p27_purple", 12),
    signs_together("c22_fever", "p27_purple", 12),
    signs_together("c22_listless", "p27_purple", 12),
    signs_together("p27_loss", "c22_sunken", 12),
    signs_together("p27_sprayed", "p27_poison_sign", 12),
    signs_together("p27_sprayed", "confused", 12),
)

# -- the news, asked about -------------------------------------------------------------------
P27_OWN = words("mà giờ đang nhưng cũng mới vừa còn bị")  # the caller's own news: no longer news
P27_NEWS_REACH = 14


def _news(ws: list[str]) -> list[tuple[int, int]]:
    """ "ti vi nói có vụ ngộ độc nấm tui hỏi ...": the news to the question."""
    out = []
    for s, e in find(ws, tw.NEWS_ASKED):
        ahead = range(e, min(len(ws), e + P27_NEWS_REACH))
        ask = next((k for k in ahead if ws[k] == "hỏi"), None)
        if ask is not None and not P27_OWN & set(ws[e:ask]):
            out.append((s, ask))
    return out


# -- a spark, the power cut ------------------------------------------------------------------
P27_SPARK = phrases("""
    xẹt lửa, tóe lửa, xẹt điện, chập điện, bị chập, chập cháy, nháng lửa, bốc khói, xì khói,
    nổ lách tách, nổ tách tách, nẹt lửa
""")
P27_CUT = phrases("""
    cúp cầu dao, ngắt cầu dao, tắt cầu dao, cúp điện, ngắt điện, cắt điện, rút điện, rút phích,
    cúp cb, tắt cb, ngắt cb, kéo cầu dao, rút phích cắm, rút dây điện
""")
P27_DONE = words("rồi dồi rùi xong liền")
P27_GOING_ON = words("vẫn còn lại nữa tiếp lan cháy khói lửa")
P27_CUT_REACH = 8


def _power_cut(ws: list[str]) -> list[tuple[int, int]]:
    """ "ổ cắm xẹt lửa tui cúp cầu dao dồi": a spark, the power cut, nothing going on after."""
    return [
        (s, e2 + 1) for s, e in find(ws, P27_SPARK) for s2, e2 in find(ws, P27_CUT)
        if 0 <= s2 - e <= P27_CUT_REACH and e2 < len(ws) and ws[e2] in P27_DONE
        and not P27_GOING_ON & set(ws[e2 + 1 :])
    ]


P27_WHO = words("tui tôi em con anh chị ổng bả")
P27_NOW = words("giờ nay")
P27_NOT_PAST = words("đang mới vừa")


def _before_now(ws: list[str]) -> list[tuple[int, int]]:
    """ "trước tui bị ngộ độc rượu ... giờ bỏ dồi": the past to the "giờ" that follows."""
    out = []
    for i, w in enumerate(ws[:-1]):
        if w != "trước" or ws[i + 1] not in P27_WHO or (i > 0 and ws[i - 1] == "ngay"):
            continue
        now = next((k for k in range(i + 2, len(ws)) if ws[k] in P27_NOW), None)
        if now is not None and not P27_NOT_PAST & set(ws[i:now]):
            out.append((i, now))
    return out


# -- an empty threat -------------------------------------------------------------------------
P27_THREAT = phrases("dọa đánh, dọa giết, hăm đánh, hăm giết, dọa chém, đòi đánh, dọa")
P27_CANNOT = phrases(
    pairings(("đi còn", "đứng còn", "ngồi còn"), NOT, ("nổi", "vững"))
    + ", nói chơi, nói giỡn, giỡn thôi, dọa chơi, dọa cho vui, nói vậy thôi, có làm gì được đâu"
)
P27_REAL = words("máu chảy dao súng chém đâm bầm gãy xỉu ngất đang cầm")
P27_THREAT_REACH = 10


def _empty_threat(ws: list[str]) -> list[tuple[int, int]]:
    """ "ông dọa đánh bả hoài chứ ổng đi còn hông nổi": a threat no one can carry out."""
    if P27_REAL & set(ws):
        return []
    return [
        (s, e2) for s, e in find(ws, P27_THREAT) for s2, e2 in find(ws, P27_CANNOT)
        if 0 <= s2 - e <= P27_THREAT_REACH
    ]


# -- resolved, said with "dồi" ---------------------------------------------------------------
P27_TAKEN = phrases(pairings(
    ("chở", "đưa"),
    ("đi viện", "vô viện", "đi bệnh viện", "vô bệnh viện", "đi cấp cứu", "vô cấp cứu", "lên viện"),
    ("rồi", "dồi", "rùi"),
))
P27_CHOKED = words("hóc hốc nghẹn mắc")
P27_OUT = phrases("khạc ra, ói ra, nôn ra, nhả ra, ho ra, móc ra, lấy ra, gắp ra, nhổ ra")
P27_OUT_DONE = words("dồi rùi")
P27_STILL = words("tím khó lịm xỉu ngất vẫn còn mê nghẹt rít")
P27_CHOKE_REACH = 6


def _choke_out(ws: list[str]) -> list[tuple[int, int]]:
    """ "hóc xương cá mà khạc ra dồi": the bone out, nothing wrong after it."""
    return [
        (s, e + 1) for s, e in find(ws, P27_OUT)
        if e < len(ws) and ws[e] in P27_OUT_DONE and not P27_STILL & set(ws[e + 1 :])
        and P27_CHOKED & set(ws[max(0, s - P27_CHOKE_REACH) : s])
    ]


# -- near term, left, no money ---------------------------------------------------------------
P27_LEFT = phrases("""
    bạn trai bỏ, chồng bỏ, bị bỏ rơi, bỏ rơi, bồ bỏ, người yêu bỏ, bỏ đi mất, bị bỏ, ruồng bỏ
""")
P27_LEFT_REACH = 6


def _left_near_term(ws: list[str]) -> list[tuple[int, int]]:
    """ "sắp sanh bị bạn trai bỏ hổng có đồng nào": money and help needed, no birth now."""
    if d22.D22_LABOUR & set(ws) or find(ws, d22.D22_LABOUR_SIGNS):
        return []  # in labour: the birth is now (as round 22D reads it)
    left = [e for _, e in find(ws, P27_LEFT)]
    return [
        (s, e3) for s, e in find(ws, d22.D22_BIRTH) for s3, e3 in find(ws, d22.D22_NO_MONEY)
        if any(0 <= e2 - e <= P27_LEFT_REACH + 3 and 0 <= s3 - e2 <= P27_LEFT_REACH for e2 in left)
    ]


def round27p_marks(ws: list[str]) -> Marks:
    """This module's calm readings (module docstring), as the marks :mod:`.need_time` reads."""
    return {
        "media": _news(ws), "fire_out": _power_cut(ws), "past": _before_now(ws),
        "joke": _empty_threat(ws), "resolved": find(ws, P27_TAKEN) + _choke_out(ws),
        "feared": _left_near_term(ws),
    }


P27_SWARM_AT_IT = phrases(_SWARM_AT_IT)
P27_STUNG_ILL = words("sưng khó thở xỉu ngất khò tím mẩn lịm")


def round27p_service(service: Service | None, hits: list[Hit], words_: list[str]) -> Service | None:
    """114 for a swarm still attacking, 115 when someone is said ill from it (docstring)."""
    if service not in ("114", "115") or not find(words_, P27_SWARM_AT_IT):
        return service
    return "115" if P27_STUNG_ILL & set(words_) else "114"
# fmt: on
