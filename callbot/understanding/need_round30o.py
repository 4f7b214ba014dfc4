"""Round 30O of issue 13 (session 16's writer O, medical emergencies told by what a family
sees): signs read together where each alone may be calm, and the calm look-alikes of a
question, a worry or a drunk's speech.

115 (two signs together, :func:`.need_base.signs_together`):

- **Not answering when called** ("kêu hông nghe", "gọi hoài không nghe") with someone
  slumped ("gục trên xe") or fallen ("té xuống") or burning hot ("người nóng ran"); not
  "kêu hổng nghe lời" (disobeys) nor "gọi không nghe máy" (the phone). **A pale or grey
  body** ("người xanh lè", "mặt xanh le") joins round 19's slumped-and-blue reading.
- **A fall, then burning hot** ("té xuống người nóng như lửa"): heat stroke.
- **Raving** ("nói nhảm") joins round 27L's hot body and round 11's stroke signs.
- **A body cold as stone** ("người lạnh như đá", "mình lạnh băng") that cannot speak ("nói
  hổng ra tiếng"), is confused or does not answer.
- **A birth now**: a baby born on the floor with its cord still on ("đẻ rớt ... dây rốn còn
  dính"), a baby's head showing ("đầu em bé ló ra"; not a child leaning out of a window)
  or the urge to push ("muốn rặn") said of a pregnant woman or one on her way to give
  birth ("chở vợ đi sanh ... muốn rặn"); read at the sign, so a question about it is calm.
- **Pulled out of the water, then silent or swollen** ("vớt lên mà hông khóc", "vớt lên bụng
  chướng").
- **Wheezing, then blue** ("thở khò khè ... môi tím"); **blue lips and fast breathing**
  ("môi tím rịm thở nhanh lắm").
- **Green or yellow vomit** ("ói ra nước màu xanh vàng") joins round 27Q's swollen belly.
- **A food allergen, then drowsy** ("ăn đậu phộng ... lừ đừ").
- **A stroke sign come all of a sudden** ("tự nhiên nói lộn xộn").
- **Blood sugar named, then shaking or sweating** ("bệnh đường máu ... run tay hoa mắt"; round
  27N's "đường huyết"; "tiểu đường" alone is chronic and not read here).
- **Pain moved down to the right, sore to the touch** ("lan xuống bên phải ... đụng vô là
  la") joins round 22C's right belly.

114: **held by the current** ("bị điện dính"), like round 16's "dính điện"; "chới dới" is
"chới với" said the southern way.

113: **someone drowsy dragged to a car** ("lừ đừ ... lôi ra xe"; not helped: "dìu ra xe").

Services (:func:`round30o_service`): **a shock from an iron or a socket** ("ủi đồ bị giựt")
is no snatching, 115; **a head beaten against the wall by its owner** ("tự đập đầu vô tường",
"đập đầu vô tường liên tục", and nobody holding them) is 115; **someone high threatening to
jump from a roof** ("ngáo đá leo lên nóc nhà đòi nhảy") is 114 when the drug is the only
crime said and nobody was hurt by them.

Round 31M narrowed these after a review: "hoài" is no "said for days" and the talk ends at
"giờ"/"đang"; a "là sao" after signs said of someone ("con tui bị co giật ... là sao vậy")
is a panic; "kêu hông nghe cứ chạy" disobeys; "tụi tui kéo ra xe" is the family's car; a
shock needs an appliance ("bàn ủi", not "bàn nhậu") and nothing taken ("giựt mất"); a head
against the wall with "chụp", "đè", "xô" is someone else's doing.

Calm look-alikes (marks, :func:`round30o_marks`):

- **A question about a sign** ("đau bụng kiểu nào mới là sắp sanh"), **a word asked about**
  ("ngộ độc rượu là sao ... hông hiểu", "muốn hỏi ... là sao"): feared, not now.
- **Talk of not wanting to live, said for days** ("mấy bữa nay cứ nói hông muốn sống"): what
  was said, not an act (an act said after it stays).
- **A machine's battery about to run out** ("máy thở ô xy sắp hết pin"): a worry, high (a
  body in trouble said beside it stays).
- **Slurred from drink, said so** ("nói đớ là do xỉn thôi"; not asked: "do xỉn thôi hả"):
  mistaken for an illness.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

# (not "kêu {k} biết": it would swallow the lexicon's "{k} biết gì" after "gọi", "kêu")
_UNHEARD = "kêu {k} nghe, gọi {k} nghe, kêu hoài {k} nghe, gọi hoài {k} nghe"
_DISOBEYS = "kêu {k} nghe lời, gọi {k} nghe lời, kêu {k} nghe máy, gọi {k} nghe máy"
# told and not obeying: a child who runs on, won't take the medicine (round 31M)
_WONT = ", ".join(
    f"{c} {{k}} nghe {v}"
    for c in ("kêu", "gọi", "biểu", "la")
    for v in ("cứ chạy", "cứ chơi", "cứ giỡn", "cứ đòi", "cứ leo", "cứ đi", "chịu")
)
# the family taking their own to the car is no abduction (round 31M)
_WE_TO_CAR = (
    ", ".join(
        f"{w} {v}"
        for w in ("tụi tui", "tụi em", "người nhà tui", "tụi con", "anh em tui", "cả nhà")
        for v in ("kéo ra xe", "lôi ra xe", "kéo lên xe", "lôi lên xe")
    )
    + ", nhà tui kéo ra xe, nhà tui kéo lên xe"
)  # "nhà tui lôi": my house, dragged (113)
_HELPED_TO_CAR = "dìu ra xe, đỡ ra xe, bế ra xe, khiêng ra xe, cõng ra xe, dìu lên xe, đỡ lên xe"
_PALE = """
    người xanh le, người xanh lè, người xanh lét, mặt xanh le, người xám ngắt, người xám xịt
"""
_RAVING = "nói nhảm, nói nhảm nhí, nói xàm xàm"  # ("nói sảng" is an emergency alone)
_COLD = pairings(
    ("người", "mình", "cả người", "mình mẩy"),
    ("lạnh như đá", "lạnh như nước đá", "lạnh băng", "lạnh ngắc", "lạnh như cục đá"),
)
_MUTE = "nói {k} ra, nói {k} nên lời"  # ("nói {k} ra tiếng/lời" are emergencies alone)
_CORD = "dây rốn còn dính, còn dính dây rốn, dây rốn chưa cắt, chưa cắt dây rốn"
_CROWN = """
    em bé ló ra, đứa nhỏ ló ra, đầu đứa nhỏ ló ra, em bé ra tới đầu
"""
_PUSH = "muốn rặn, mót rặn, đòi rặn, rặn ra, muốn rặn đẻ, muốn rặn sanh"
_TO_BIRTH = "đi sanh, đi đẻ, đi sinh, chở đi sanh, chở đi đẻ"
_FAST = "thở nhanh lắm, thở nhanh quá, thở nhanh dữ lắm, thở nhanh dữ, thở nhanh quá trời"
_GREEN = pairings(
    ("ói ra", "ói", "nôn ra", "mửa ra"),
    ("nước màu xanh", "nước màu vàng", "nước xanh vàng", "màu xanh vàng", "dịch vàng",
     "nước vàng xanh", "mật vàng"),
)  # fmt: skip
_SUDDEN = "tự nhiên, tự dưng, đột nhiên, bỗng nhiên, bất thình lình"
_SHAKY = "run tay, hoa mắt, run run, run rẩy, xay xẩm, xay xẩm mặt mày"
_MOVED_RIGHT = """
    lan xuống bên phải, xuống bên phải, lan qua bên phải, dời xuống bên phải,
    chuyển xuống bên phải, chạy xuống bên phải
"""
_TENDER = """
    đụng vô là la, đụng vào là la, ấn vô là la, ấn vào là la, đè vô là la, đụng vô là đau điếng,
    ấn vô là đau điếng, đụng vô là kêu, ấn vô là kêu
"""
_HELD = "điện dính, bị điện dính, điện dính luôn, điện dính chặt"
_FLAILING = "chới dới, đang chới dới, chới dới giữa"

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
O30_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _UNHEARD, tags="o30_unheard", fold="tone"),
    entry(None, "normal", 0, _DISOBEYS, fold="tone"),  # disobeys, no answer on the phone
    entry(None, "normal", 0, _HELPED_TO_CAR, fold="tone"),  # helped to a car, not dragged
    entry(None, "normal", 0, _WONT, fold="tone"),  # told and not obeying
    entry(None, "normal", 0, _WE_TO_CAR, fold="tone"),  # the family's own car
    entry(None, "normal", 0, _PALE, tags="blue_face", fold="tone"),
    entry(None, "normal", 0, _RAVING, tags="babble", fold="tone"),
    entry(None, "normal", 0, _COLD, tags="o30_cold", fold="tone"),
    entry(None, "normal", 0, _MUTE, tags="o30_mute", fold="tone"),
    entry(None, "normal", 0, _CORD, tags="o30_cord", fold="tone"),
    entry(None, "normal", 0, _CROWN, tags="o30_crown", fold="tone"),
    entry(None, "normal", 0, _PUSH, tags="o30_push", fold="tone"),
    entry(None, "normal", 0, _TO_BIRTH, tags="o30_to_birth", fold="tone"),
    entry(None, "normal", 0, _FAST, tags="o30_fast", fold="tone"),
    entry(None, "normal", 0, _GREEN, tags="n27_green", fold="tone"),
    entry(None, "normal", 0, _SUDDEN, tags="o30_sudden", fold="exact"),
    entry(None, "normal", 0, _SHAKY, tags="o30_shaky", fold="exact"),
    entry(None, "normal", 0, _MOVED_RIGHT, tags="c22_right_belly", fold="tone"),
    entry(None, "normal", 0, _TENDER, tags="o30_tender", fold="tone"),
    entry("other", "emergency", 5, _HELD, service="114", tags="trapped", fold="tone"),
    entry("other", "emergency", 5, _FLAILING, service="114", tags="water", fold="exact"),
)
O30_COMBOS: tuple[Combo, ...] = (
    signs_together("slumped", "o30_unheard", 16, ordered=True),
    signs_together("fall", "o30_unheard", 10, ordered=True),
    signs_together("fall", "l27_body_hot", 6, ordered=True),
    signs_together("l27_body_hot", "o30_unheard", 10),
    signs_together("o30_cold", "o30_mute", 10),
    signs_together("o30_cold", "confused", 10),
    signs_together("o30_cold", "unanswered", 10),
    signs_together("o30_cold", "o30_unheard", 10),
    signs_together("birth", "o30_cord", 16, ordered=True, at_second=True),
    signs_together("pregnant", "o30_crown", 20, ordered=True, at_second=True),
    signs_together("birth", "o30_crown", 20, ordered=True, at_second=True),
    signs_together("pregnant", "o30_push", 24, ordered=True, at_second=True),
    signs_together("o30_to_birth", "o30_push", 30, ordered=True, at_second=True),
    signs_together("rescued", "e23_silent_baby", 10, ordered=True),
    signs_together("rescued", "q27_bloated", 8, ordered=True),
    signs_together("wheeze", "n27_blue", 16, ordered=True),
    signs_together("b28_dusky", "o30_fast", 6),
    signs_together("n27_blue", "o30_fast", 6),
    signs_together("allergen", "confused", 14, ordered=True),
    signs_together("o30_sudden", "stroke_sign", 3, ordered=True),
    signs_together("n27_sugar", "o30_shaky", 10, ordered=True),
    signs_together("n27_sugar", "sweat", 10, ordered=True),
    signs_together("c22_right_belly", "o30_tender", 12),
    Combo(("confused", "g24_to_car"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
)
# fmt: on

# -- marks -------------------------------------------------------------------------------------
O30_WHICH_SIGN = phrases("""
    kiểu nào mới là, sao mới là, thế nào mới là, cỡ nào mới là, khi nào mới là,
    làm sao biết là, làm sao biết
""")
O30_SIGN_REACH = 5
O30_ASK = words("hỏi")
O30_ASK_REACH = 4  # "hỏi đau bụng kiểu nào mới là": the sign between the request and its form
O30_NOW = words("đang giờ rồi bữa hồi tự")
O30_MEANING = phrases("là sao, là gì, nghĩa là gì, là bệnh gì")
O30_LOST = phrases("""
    hông hiểu, không hiểu, hổng hiểu, chưa hiểu, muốn biết, nghe trên, coi trên, đọc trên,
    nghe nói, muốn hỏi, cho hỏi, hỏi thử
""")
O30_MEANING_REACH = 5
O30_HAPPENING = words("bị đang giờ tự lên")
O30_SAYING = phrases("cứ nói, hay nói, suốt ngày nói, cứ than, hay than, cứ đòi")
O30_DAYS = phrases("mấy bữa nay, mấy hôm nay, mấy ngày nay, dạo này, cả tuần nay")
O30_SAID_NOW = words("giờ đang bây")  # the talk ends where now is said
O30_SAYING_REACH = 6
O30_MACHINE = phrases("thở máy, máy thở, máy ô xy, máy tạo ô xy, bình ô xy, máy oxy")
O30_RUNNING_OUT = phrases("sắp hết pin, sắp hết điện, sắp hết bình, sắp hết ô xy, gần hết pin")
O30_MACHINE_REACH = 10
O30_DRUNK = phrases("""
    do xỉn thôi, tại xỉn thôi, do say thôi, tại say thôi, do nhậu thôi, do say rượu thôi,
    tại nhậu thôi, do xỉn chứ, tại xỉn chứ
""")
O30_DRUNK_REACH = 5
O30_QUESTION = words("hả hông không hổng ha sao phải chăng")


def _which_sign(ws: list[str]) -> list[tuple[int, int]]:
    """ "muốn hỏi đau bụng kiểu nào mới là sắp sanh": a sign asked about; when the caller
    said only who they are before the request ("em bầu lần đầu muốn hỏi"), the whole
    question (not when anything before it is said to happen now or to have happened)."""
    out = []
    for s, e in find(ws, O30_WHICH_SIGN):
        ask = next(
            (k for k in range(s - 1, max(-1, s - O30_ASK_REACH - 2), -1) if ws[k] in O30_ASK), None
        )
        # the sign said between the request and its form ("hỏi đau bụng kiểu nào mới là"),
        # not a question after the signs ("co giật ... muốn hỏi làm sao biết bị gì")
        whole = ask is not None and ask < s - 1 and not O30_NOW.intersection(ws[:ask])
        out.append((0 if whole else s, e + O30_SIGN_REACH))
    return out


def _meaning_asked(ws: list[str]) -> list[tuple[int, int]]:
    """ "ngộ độc rượu là sao ... hông hiểu": a word asked about, not a scene."""
    lost = find(ws, O30_LOST)
    if not lost:
        return []
    return [
        (max(0, s - O30_MEANING_REACH), e)
        for s, e in find(ws, O30_MEANING)
        # "con tui bị co giật ... là sao vậy tui không hiểu": signs said of someone now,
        # a panic, unless the word was asked about first ("nghe nói ... là sao")
        if any(le <= s for _, le in lost)
        or not O30_HAPPENING.intersection(ws[max(0, s - O30_MEANING_REACH - 3) : s])
    ]


def _said_for_days(ws: list[str]) -> list[tuple[int, int]]:
    """ "mấy bữa nay cứ nói hông muốn sống nữa": talk said again and again, not an act."""
    if not find(ws, O30_DAYS):
        return []
    out = []
    for s, e in find(ws, O30_SAYING):
        end = min(e + O30_SAYING_REACH, len(ws))
        end = next((k for k in range(e, end) if ws[k] in O30_SAID_NOW), end)
        out.append((s, end))
    return out


def _running_out(ws: list[str]) -> list[tuple[int, int]]:
    """ "máy thở ô xy ở nhà sắp hết pin": a worry about the machine, not a body now."""
    ends = [e for _, e in find(ws, O30_RUNNING_OUT)]
    return [
        (s, end)
        for s, _ in find(ws, O30_MACHINE)
        for end in ends
        if 0 < end - s <= O30_MACHINE_REACH
    ]


def _drunk_said(ws: list[str]) -> list[tuple[int, int]]:
    """ "nói đớ đớ là do xỉn thôi": the caller puts it down to drink (not when asking: "do
    xỉn thôi hả")."""
    return [
        (max(0, s - O30_DRUNK_REACH), e)
        for s, e in find(ws, O30_DRUNK)
        if not O30_QUESTION.intersection(ws[e : e + 1])
    ]


def round30o_marks(ws: list[str]) -> Marks:
    """A question, talk said for days, a machine running out, drink (module docstring)."""
    return {
        "feared": _which_sign(ws) + _meaning_asked(ws) + _said_for_days(ws) + _running_out(ws),
        "mistaken": _drunk_said(ws),
    }


# -- services ----------------------------------------------------------------------------------
O30_SHOCK_THINGS = phrases("""
    ủi, bàn ủi, ổ cắm, ổ điện, phích cắm, phích điện, cắm, sạc, quạt, dây điện, công tắc
""")
# what a snatcher takes, said after "giựt" ("giựt mất", "giựt giỏ xách")
O30_TAKEN = words("mất lấy giỏ túi ví bóp dây xách nón tiền vàng")
O30_SHOCK = words("giựt giật")
O30_SHOCK_REACH = 4
O30_WALL = phrases("đập đầu vô tường, đập đầu vào tường, đập đầu vô vách, đập đầu vào vách")
O30_BY_OTHER = words("nắm túm bị tiếng ép chụp chộp đè xô đánh ghì kéo lôi đẩy níu bóp")
O30_SELF = words("tự")
O30_AGAIN = words("liên tục hoài mãi liên hồi")
O30_OTHER_REACH = 6
O30_HIGH = words("ngáo phê")
O30_HURTS = words("bị đâm chém đánh dao mác bắn đập rượt")  # someone hurt by the one high
O30_JUMP = "c22_wants_jump"


def _crimes(hits: list[Hit]) -> list[Hit]:
    """The hits that call the police: a 113 phrase, or a violation said as an emergency."""
    return [
        h
        for h in hits
        if h.entry.alarm == "113"
        or (h.entry.category == "violation" and h.entry.urgency == "emergency")
    ]


def _shocked(hit: Hit, ws: list[str]) -> bool:
    """ "ủi đồ bị giựt": the iron's current, not a snatching."""
    said = ws[hit.start : hit.end]
    before = ws[max(0, hit.start - O30_SHOCK_REACH) : hit.start]
    after = ws[hit.start : hit.end + 3]
    return (
        bool(O30_SHOCK.intersection(said))
        and bool(find(before, O30_SHOCK_THINGS))
        and not O30_TAKEN.intersection(after)
        and "điện thoại" not in " ".join(after)
    )


def _own_head(hit: Hit, ws: list[str]) -> bool:
    """ "tự đập đầu vô tường", "đập đầu vô tường liên tục": nobody else's hand."""
    if (hit.start, hit.end) not in find(ws, O30_WALL):
        return False
    before = ws[max(0, hit.start - O30_OTHER_REACH) : hit.start]
    if O30_BY_OTHER.intersection(before):
        return False
    after = ws[hit.end : hit.end + 3]
    return bool(O30_SELF.intersection(before[-2:])) or bool(O30_AGAIN.intersection(after))


def round30o_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """A shock, a head against the wall, someone high on a roof (module docstring)."""
    if service != "113":
        return service
    live = [h for h in hits if not h.negated]
    crimes = _crimes(live)
    if not crimes:
        return service
    if all(_shocked(h, ws) for h in crimes) or all(_own_head(h, ws) for h in crimes):
        return "115"
    high = all(O30_HIGH.intersection(ws[h.start : h.end]) for h in crimes)
    high = high and not O30_HURTS.intersection(ws)
    if high and any(O30_JUMP in h.entry.tags for h in live):
        return "114"
    return service
