"""Round 28A of issue 13 (writer A of session 14, a home-care nurse of the 2021 lockdown):
readings said in words, as a family reads them off a device, and their calm look-alikes.

Readings (numbers read by :func:`.need_combine.readings`, with :data:`A28_READINGS`):

- **Blood sugar** ("đường huyết còn hai chấm tám", "thử đường có hai phẩy năm", "đo đường
  được ba mươi lăm"): read in tenths of mmol/l (:attr:`~.need_base.Reading.tenths`), below 3
  is 115, 3 to 3.9 high; a whole number from 30 to 54 is 115 either way (mg/dl too low, or
  mmol/l far too high), from 20 to 29 high. The phrases are round 27N's (``n27_sugar``), with
  more ways of saying them.
- **A pulse** ("nhịp tim có một trăm tám mươi", "mạch đập bốn mươi"): from 150, or 40 and
  below, is 115.
- **Blood pressure down** ("huyết áp tụt còn tám mươi trên năm mươi", "huyết áp bị tụt"):
  said fallen it is 115 like round 1's "tụt huyết áp"; a number of 85 or less after "huyết áp"
  ("huyết áp còn bảy mươi") is 115 too.
- **The oxygen clip** ("chỉ số kẹp ngón tay có tám mươi mốt", "máy kẹp ngón tay báo chín
  mươi"): an SpO2 measure (``measure``), read as one, not a hand caught in a machine.

Signs:

- **A child fighting for breath**: the nostrils flaring, the chest drawn in ("cánh mũi phập
  phồng", "rút lõm lồng ngực"): 115.
- **Dialysis missed**, and the heart racing or the limbs numb or swollen ("hổng đi chạy thận
  được giờ tim đập loạn xạ tay chân tê cứng"): 115, even when the missed session is told in
  the past ("hôm qua"): it is missed still (a ``now`` mark).
- **Up high and saying they want to die** ("leo lên trụ điện cao thế la muốn chết", "đứng
  trên nóc la đòi nhảy xuống"): 114, as round 22C's jumper (:func:`round28a_service` turns a
  threat of suicide made up high from 115 to 114).

Calm look-alikes (marks read by :mod:`.need_time`):

- **"ép không" is F0** ("ông nội ép không thở bình thường"): its "không" denies no breath.
- **Words only** ("dọa đánh mà chỉ la thôi", "chỉ chửi thôi chứ hổng đánh"): the threat before
  is not carried out, unless a wound or a weapon is said.
- **Measured again, and normal** ("máy kẹp ngón tay báo tám mươi mà đo lại chín mươi bảy"):
  the first reading was wrong.
- **"lỡ ... sao"** ("lỡ nó tụt sao biết", "lỡ cháy thì sao"): a what-if, not an accident ("lỡ
  tay", "lỡ uống" are).
- **The oxygen machine alarms but the patient breathes well** ("máy tạo ô xy kêu báo lỗi mà
  ba tui vẫn thở ổn"): high, not 115 (:data:`A28_DEMOTIONS`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import (
    Combo,
    Demotion,
    Entry,
    Reading,
    Service,
    entry,
    signs_together,
)
from callbot.understanding.need_round27n import N27_PALPITATION
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words
from callbot.understanding.numbers import read_number

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

_SUGAR = """
    thử đường, đo đường, đường máu, đường trong máu, chỉ số đường huyết, thử đường huyết,
    máy thử đường huyết, đường huyết đo, lượng đường trong máu
"""
_PULSE = "nhịp tim, nhịp mạch, mạch đập, mạch tim, bắt mạch"  # not "đo mạch (điện)"
_PRESSURE_DOWN = """
    huyết áp tụt, huyết áp tuột, huyết áp bị tụt, huyết áp tụt xuống, huyết áp xuống thấp,
    huyết áp tụt còn, huyết áp tuột còn, bị tụt áp, tụt áp, huyết áp tụt quá
"""
_CLIP = """
    chỉ số kẹp ngón tay, chỉ số kẹp tay, chỉ số máy kẹp, cái kẹp ngón tay, máy đo kẹp ngón tay,
    máy đo kẹp tay, máy đo ngón tay, kẹp ngón tay báo, máy kẹp ngón tay báo, máy kẹp tay báo,
    máy kẹp ngón báo, máy kẹp ngón tay đo, kẹp ngón tay đo
"""
_FLARING = """
    cánh mũi phập phồng, phập phồng cánh mũi, cánh mũi phập phòng, mũi phập phồng,
    thở phập phồng cánh mũi, rút lõm lồng ngực, lõm lồng ngực, thở lõm ngực, ngực rút lõm,
    hõm ức
"""
_NO_DIALYSIS = """
    {k} đi chạy thận được, {k} chạy thận được, {k} được chạy thận, chưa đi chạy thận,
    chưa chạy thận, bỏ buổi chạy thận, lỡ buổi chạy thận, trễ buổi chạy thận, nghỉ chạy thận,
    bị lỡ chạy thận, {k} đi lọc máu được, chưa lọc máu, bỏ buổi lọc máu
"""
_OVERLOAD = """
    tê cứng, tay chân tê cứng, tê rần, phù hết người, phù toàn thân,
    sưng phù, phù nề, phù lên, phù chân
"""
_UP_HIGH = """
    đứng trên lan can, leo lên trụ điện cao thế
"""
_WANTS_DIE = "la muốn chết, la đòi chết, hét muốn chết, nói muốn chết, la muốn tự tử, đòi tự sát"
_BREATHING_FINE = """
    vẫn thở ổn, vẫn thở bình thường, thở vẫn ổn, thở vẫn bình thường, vẫn thở đều, thở vẫn đều,
    vẫn thở được
"""

_NO_DIALYSIS_ENTRY = entry(
    "medical", "high", 3, _NO_DIALYSIS, tags="sick a28_no_dialysis", fold="tone"
)

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
A28_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _SUGAR, tags="n27_sugar", fold="tone"),
    entry(None, "normal", 0, _PULSE, tags="a28_pulse", fold="tone"),
    entry("medical", "emergency", 5, _PRESSURE_DOWN, tags="sick", fold="tone", service="115"),
    entry("medical", "high", 3, _CLIP, tags="measure", fold="tone"),
    entry("medical", "emergency", 5, _FLARING, tags="sick", fold="tone", service="115"),
    _NO_DIALYSIS_ENTRY,
    entry(None, "normal", 0, _OVERLOAD, tags="a28_overload", fold="tone"),
    entry(None, "normal", 0, _UP_HIGH, tags="height", fold="tone"),
    entry(None, "normal", 0, _WANTS_DIE, tags="a28_wants_die", fold="tone"),
    entry(None, "normal", 0, _BREATHING_FINE, tags="a28_breathing_fine", fold="tone"),
)
A28_COMBOS: tuple[Combo, ...] = (
    signs_together("a28_no_dialysis", "n27_palpitation", 14, at_second=True),
    signs_together("a28_no_dialysis", "a28_overload", 14, at_second=True),
    Combo(("height", "a28_wants_die"), "other", "emergency", 5, window=10, service="114"),
    # a spot up high ("trên nóc", "trên mái", "trên đó": round 1's ``spot``)
    Combo(("spot", "a28_wants_die"), "other", "emergency", 5, window=10, service="114"),
    Combo(("spot", "c22_wants_jump"), "other", "emergency", 5, window=10, service="114"),
)
A28_READINGS: tuple[Reading, ...] = (
    Reading("n27_sugar", True, 5,   29,  "medical", "emergency", 5, loose=True, tenths=True),
    Reading("n27_sugar", True, 30,  39,  "medical", "high",      3, loose=True, tenths=True),
    Reading("n27_sugar", True, 30,  54,  "medical", "emergency", 5, loose=True),
    Reading("n27_sugar", True, 20,  29,  "medical", "high",      3, loose=True),
    Reading("a28_pulse", True, 150, 300, "medical", "emergency", 5, loose=True),
    Reading("a28_pulse", True, 20,  40,  "medical", "emergency", 5, loose=True),
    Reading("pressure",  True, 30,  85,  "medical", "emergency", 5),
)
A28_DEMOTIONS: tuple[Demotion, ...] = (
    Demotion("equipment", "a28_breathing_fine", "high"),
)
# fmt: on

A28_NO_DIALYSIS = tuple(tuple(p.split()) for p in _NO_DIALYSIS_ENTRY.phrases)
A28_CONSEQUENCES = phrases(_OVERLOAD + "," + N27_PALPITATION)

# -- calm look-alikes ------------------------------------------------------------------------
A28_F = words("ép f")
A28_NOT = words("không hông hổng")
A28_ONLY = words("chỉ")
A28_VERBAL = words("la chửi nói cãi hăm dọa")
A28_ONLY_ENDS = phrases("thôi, chứ hổng, chứ không, chứ hông, chứ chưa, chứ đâu có")
A28_HARM = words("máu dao mã tấu chém đâm thương gãy xỉu ngất bất tỉnh súng cây gậy búa")
A28_THREATS = words("dọa hăm đòi chửi cãi la")
A28_ONLY_REACH = 2  # from the verb to "thôi": "chỉ la thôi", "chỉ la lối thôi"
A28_BEFORE_REACH = 10  # what "chỉ la thôi" takes back, before it
A28_WHAT_IF = words("lỡ")
A28_ACCIDENT = words("tay chân miệng uống ăn nuốt tắt quên làm té bị rớt")
A28_DONE = words("rồi đã đang giờ")
A28_QUESTIONS = frozenset({("thì", "sao"), ("sao", "biết"), ("làm", "sao")})
A28_WHAT_IF_REACH = 7


def _f0(ws: list[str]) -> list[tuple[int, int]]:
    """The "không" of "ép không" (F0): no denial of what follows it (but "ép không thở không
    được" may be either, and stays an emergency)."""
    return [
        (k, k + 1)
        for k in range(1, len(ws))
        if ws[k] in A28_NOT
        and ws[k - 1] in A28_F
        and not (A28_NOT | {"được", "nổi"}).intersection(ws[k + 1 : k + 4])
    ]


def _words_only(ws: list[str]) -> list[tuple[int, int]]:
    """ "dọa đánh mà chỉ la thôi": a threat said before "chỉ <word> thôi" was words only (not
    "tui chỉ nói được vậy thôi", nor when a wound or a weapon is named)."""
    if A28_HARM.intersection(ws):
        return []
    out = []
    for k, w in enumerate(ws[:-1]):
        if w in A28_ONLY and ws[k + 1] in A28_VERBAL:
            ends = find(ws[k + 2 : k + 2 + A28_ONLY_REACH + 1], A28_ONLY_ENDS)
            start = max(0, k - A28_BEFORE_REACH)
            if ends and ends[0][0] < A28_ONLY_REACH and A28_THREATS.intersection(ws[start:k]):
                out.append((start, k))
    return out


def _what_if(ws: list[str]) -> list[tuple[int, int]]:
    """ "lỡ nó tụt sao biết", "lỡ cháy thì sao": "lỡ" opening a what-if question, nothing
    done between (not "lỡ té xuống ao giờ sao đây")."""
    out = []
    for i, w in enumerate(ws[:-1]):
        if w not in A28_WHAT_IF or ws[i + 1] in A28_ACCIDENT:
            continue
        end = next(
            (
                j
                for j in range(i + 1, min(len(ws) - 1, i + A28_WHAT_IF_REACH))
                if (ws[j], ws[j + 1]) in A28_QUESTIONS
            ),
            None,
        )
        if end is not None and not A28_DONE.intersection(ws[i:end]):
            out.append((i, end + 2))
    return out


def _still_missed(ws: list[str]) -> list[tuple[int, int]]:
    """ "hôm qua hổng đi chạy thận được giờ phù hết người": dialysis missed, said with what it
    does now, is now (the dialysis phrase's span), whatever past it was told in."""
    consequences = find(ws, A28_CONSEQUENCES)
    if not consequences:
        return []
    last = max(s for s, _ in consequences)
    return [(s, e) for s, e in find(ws, A28_NO_DIALYSIS) if s < last]


A28_AGAIN = phrases("đo lại, kẹp lại, đo lần nữa, đo lại lần nữa, thử lại, đo lại thì")
A28_AGAIN_SKIP = words("thì là được có lên thấy báo")
A28_FINE = range(94, 101)  # SpO2 said again and normal
A28_AGAIN_REACH = 10  # what the new measure takes back, before it


def _measured_again(ws: list[str]) -> list[tuple[int, int]]:
    """ "báo tám mươi mà đo lại chín mươi bảy": the reading said before a normal one taken
    again was wrong."""
    out = []
    for s, e in find(ws, A28_AGAIN):
        j = e
        while j < len(ws) and ws[j] in A28_AGAIN_SKIP:
            j += 1
        read = read_number(ws, j)
        if read and j < len(ws) and read[0] in A28_FINE:
            out.append((max(0, s - A28_AGAIN_REACH), s))
    return out


def round28a_marks(ws: list[str]) -> Marks:
    """F0's "không", words only, measured again, a what-if; dialysis missed (module
    docstring)."""
    return {
        "mistaken": _f0(ws) + _words_only(ws) + _measured_again(ws),
        "feared": _what_if(ws),
        "now": _still_missed(ws),
    }


A28_THREAT = words("đòi dọa muốn tính định la hăm")
A28_SUICIDE = words("tử sát vẫn chết")


def round28a_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """A threat of suicide ("đòi tự tử", "đòi chết") made up high is 114 (module docstring)."""
    if service != "115" or not any({"height", "spot"} & h.entry.tags for h in hits):
        return service
    medical = [h for h in hits if h.entry.alarm == "115"]
    threats = [
        k
        for k in range(len(ws) - 1)
        if ws[k] in A28_THREAT and A28_SUICIDE.intersection(ws[k + 1 : k + 3])
    ]
    if medical and all(any(k <= h.start <= k + 2 for k in threats) for h in medical):
        return "114"
    return service
