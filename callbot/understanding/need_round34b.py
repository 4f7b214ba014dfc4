"""Round 34B of issue 13 (writer B of session 18: very old callers speaking about a spouse
or a neighbour, disfluent: fillers, self-repairs, repeated and split words).

Their scenes are read as they are read when said cleanly; what the disfluency broke is a
phrase cut by a filler or a repeat ("tim đập nhanh lắm ờ đập thình thịch"), and a sign said
in an order or at a distance the older combinations did not allow.

115, signs read together (:data:`B34_COMBOS`):

- not waking ("hổng dậy", "gọi không dậy") and a noisy, snoring breath ("thở khò khè"): "ổng
  ngủ ờ ngủ hổng dậy, tui lay hoài mà thở khò khè";
- the heart pounding said again after a filler without "tim" ("đập thình thịch", "đập
  thùm thụp", "đập loạn xạ") and near-fainting ("choáng muốn té", "muốn té"): "tim đập nhanh
  lắm ờ đập thình thịch rồi choáng muốn té";
- a fall then a limb bent out of shape ("méo qua một bên", "lệch hẳn qua một bên", "vẹo
  qua một bên"): "bả tuột à bả té khỏi giường cái tay gãy méo qua một bên";
- blood from the ears or nose and mouth then snoring ("ngáy khò khè", "ngáy o o"), the
  sign of a head hurt in a crash: "té xe máu tai chảy ra rồi ngáy khò khè" (115, not the
  drain's 114: :func:`round34b_service`).

- the heart, then who, then its stop ("tim ổng ngưng đập rồi", "tim bả ờ bả hổng đập nữa"):
  the person or a filler said between the body word and its sign.

113: a stranger ("có ông lạ") then dragging a girl or a child ("lôi con bé", "lôi đứa
nhỏ"), whatever the fillers between: "có ông lạ hoắc ờ ổng đang lôi con bé lên xe".

Marks (:func:`round34b_revise`): a helper who carried someone home ("người ta khiêng vô
nhà rồi", "chở về nhà rồi") took care of nothing when a sign of a body in trouble is said
after it ("... mà ổng hổng nói được", "mà giờ xỉu"): that "resolved" is dropped. Carried to
a hospital ("đưa vô viện rồi") is still resolved, and so is a child brought home with no
sign after it ("bảo vệ đưa về nhà rồi").

Writer W32's dialect words (:data:`B34_ENTRIES`, :data:`B34_READINGS`):

- stings in regional names ("ong bầu chích", "ong lỗ chích", "ong đất đốt", "ong nghệ
  chít") are round 1's ``allergen``: with dizziness ("xây xẩm", "đầu quay mòng mòng") 115;
- "áp huyết" is "huyết áp" (``pressure``): "áp huyết hai trăm ... nôn"; round 31T's "áp
  huyết cao/lên" read with a number of 180 or more after it too;
- a machine reading said "đo máy" (the lexicon's "máy đo", ``measure``: "đo máy cho mạ có
  tám mươi" is an SpO2 below 94), and 180 or more right after it a blood pressure ("đo máy
  hai trăm mốt"), 200 or more a few words on ("đo máy quấn tay cho ông thấy hai trăm mười");
- SpO2 spelt out ("sờ pê ô hai", "xờ pê ô hai", "ét pi ô hai"): ``measure``;
- a birth at home "tại nhà" ("sinh tại nhà", and the slip "xinh tại nhà") is ``birth``.

Marks (:func:`round34b_marks`): a threat in words whose maker left ("chửi em đòi đánh mà
ổng đi rồi", "hăm chém mà tụi nó về rồi"): a clause join, a third person and "đi rồi", "về
rồi", "đi mất rồi" within a few words after the threat is resolved, as "bỏ đi rồi" is.
Not when the threat is back after it ("... mà giờ quay lại"), nor a person who left with
no threat before ("ba tui xỉu mà ổng đi rồi" is no threat).

Look-alike: a labour denied ("chưa đau đẻ đâu", "hổng đẻ đâu") is no "đè đầu" (held
down) heard without its tones.

Words read (:func:`unbroken`, hooked as round 34's ``R34_SAID`` before anything else in
``parse_need``): an old caller's hesitations cut the phrases, the time words and the
denials the reading needs ("thở ờ hổng nổi", "máu ờ chảy hoài", "hồi ờ năm ngoái", "bình
chữa ờ cháy"), and a word said again across one reads as a denial or a second person
("hổng ờ hổng dậy", "tim ổng ờ ổng ngưng đập"). The hesitations inside the answer ("ờ",
"ừm") are dropped; a particle that may end what was said ("à", "ừ", "ớ": "bảy mươi
chín à bà ngủ gà", "nói ú ớ", "lay hổng ừ hử") only between a word and the same word again
("thở à thở không nổi"); a word said again across a dropped one is read once.

Calm: a heart pounding from fright then fine ("hồi nãy tim đập thình thịch muốn té mà giờ
hết rồi"), a fall with a bent limb last year, snoring alone ("ổng ngáy khò khò cả đêm"), a
mother pulling her own girl ("tui lôi con bé vô nhà tắm"), a sting last week, "đo máy
chín mươi tám", "áp huyết một trăm hai", a sting with no dizziness.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import (
    Combo,
    Entry,
    Reading,
    Service,
    entry,
    pairings,
    signs_together,
)
from callbot.understanding.need_round33z import Z33_TROUBLE
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = [
    "B34_COMBOS",
    "B34_ENTRIES",
    "B34_FILLERS",
    "B34_PARTICLES",
    "B34_READINGS",
    "round34b_marks",
    "round34b_revise",
    "round34b_service",
    "unbroken",
]

_POUNDING = "đập thình thịch, đập thùm thụp, đập loạn xạ, đập dồn dập, đập liên hồi"
_BENT = """
    méo qua một bên, lệch qua một bên, lệch hẳn qua một bên, vẹo qua một bên,
    méo hẳn qua một bên, cong qua một bên, quẹo qua một bên
"""
# "ngáy" toneless is "ngay": said exactly
_STOPPED = """
    ngưng đập, ngừng đập, hổng đập nữa, không đập nữa, hông đập nữa, hết đập, hổng còn đập,
    không còn đập, đứng luôn rồi
"""
_SNORE = "ngáy khò khò, ngáy khò khè, ngáy o o, ngáy rồn rột, ngáy rò rò, ngáy to lắm"
# The lexicon's "bị ong chích", "ong bầu đốt", "ong mật đốt", "ong vò vẽ đốt" are older.
_STINGS = (
    pairings(
        ("ong bầu", "ong lỗ", "ong đất", "ong nghệ", "ong vẽ", "ong bò vẽ", "ong mật"),
        ("chích", "chít", "cắn", "đốt đầy mình", "chích đầy mình"),
    )
    + ", ong vò vẽ chích, ong lỗ đốt, ong đất đốt, ong nghệ đốt, ong vẽ đốt, bị ong đốt đầy mình"
)
_SPO2_SPELT = """
    sờ pê ô hai, xờ pê ô hai, sờ bê ô hai, xờ bê ô hai, ét pi ô hai, sờ pi ô hai,
    ét bi ô hai, ét pê ô hay, sờ pê ô hay
"""
# a labour denied, not "đè đầu" (held down) heard toneless: "chưa đau đẻ đâu"
_NOT_HELD_DOWN = "{k} đau đẻ đâu, {k} đẻ đâu, {k} sanh đâu, {k} có đau đẻ đâu, {k} chuyển dạ đâu"
_HOME_BIRTH = "sinh tại nhà, sanh tại nhà, đẻ tại nhà, xinh tại nhà, xinh ở nhà, sanh tại chỗ"

# fmt: off
B34_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _POUNDING, tags="b34_pounding", fold="tone"),
    entry(None, "normal", 0, _BENT, tags="b34_bent", fold="tone"),
    entry(None, "normal", 0, _SNORE, tags="b34_snore", fold="exact"),
    entry(None, "normal", 0, "tim", tags="b34_heart", fold="exact"),
    entry(None, "normal", 0, _STOPPED, tags="b34_stopped", fold="tone"),
    entry(None, "normal", 0, _STINGS, tags="allergen", fold="tone"),
    entry("medical", "normal", 3, "áp huyết, bị áp huyết", tags="sick chronic pressure",
          fold="tone"),
    entry("medical", "high", 3, "đo máy", tags="measure b34_machine", fold="tone"),
    entry("medical", "high", 3, _SPO2_SPELT, tags="measure", fold="tone"),
    entry(None, "normal", 0, _HOME_BIRTH, tags="birth", fold="tone"),
    entry(None, "normal", 0, _NOT_HELD_DOWN, fold="exact"),
)
B34_COMBOS: tuple[Combo, ...] = (
    signs_together("unanswered", "wheeze", 12),
    signs_together("b34_pounding", "q27_faintish", 12, ordered=True, at_second=True),
    signs_together("b34_pounding", "b21_fainting", 12, ordered=True, at_second=True),
    signs_together("fall", "b34_bent", 14, ordered=True, at_second=True),
    signs_together("n27_head_blood", "b34_snore", 10, ordered=True, at_second=True),
    signs_together("allergen", "a29_spinning", 14, ordered=True),
    signs_together("b34_heart", "b34_stopped", 4, ordered=True),
    Combo(("stranger", "c29_dragging"), "violation", "emergency", 5, window=10, ordered=True,
          service="113"),
)
B34_READINGS: tuple[Reading, ...] = (
    Reading("b34_machine", True, 180, 300, "medical", "emergency", 5),
    Reading("b34_machine", True, 200, 300, "medical", "emergency", 5, loose=True),
    Reading("t31_pressure", True, 180, 300, "medical", "emergency", 5),
    Reading("t31_pressure", True, 200, 300, "medical", "emergency", 5, loose=True),
)
# fmt: on

# Carried home or in, not to care: "khiêng vô nhà rồi", "chở về nhà rồi".
B34_HOME = phrases("vô nhà, vào nhà, về nhà, lên giường, vô giường, vô buồng, vô trong")
# A body in trouble said after it: round 33Z's signs and speech lost.
B34_TROUBLE = Z33_TROUBLE + phrases("""
    hổng nói được, không nói được, nói không được, nói hổng được, hổng nói năng,
    liệt, nằm im re, nằm im
""")
B34_TROUBLE_REACH = 8


# A threat in words, then its maker gone ("mà ổng đi rồi").
B34_THREAT = phrases("""
    đòi đánh, dọa đánh, hăm đánh, đòi chém, dọa chém, hăm chém, đòi giết, dọa giết, hăm dọa,
    đòi xử, dọa xử, đòi đập, chửi
""")
B34_GONE = phrases("""
    đi rồi, về rồi, đi mất rồi, đi chỗ khác rồi, về nhà rồi, chạy đi rồi, đi về rồi
""")
B34_THIRD = words("ổng bả nó hắn ảnh chả thằng tụi bọn ông")
B34_JOINS = words("mà nhưng rồi")
B34_GONE_REACH = 8


def round34b_marks(ws: list[str]) -> Marks:
    """A threat in words whose maker left after it: resolved (module docstring)."""
    threats = [e for _, e in find(ws, B34_THREAT)]
    out = []
    for s, e in find(ws, B34_GONE):
        said = [t for t in threats if t <= s - 2 and s - t <= B34_GONE_REACH]
        if said and ws[s - 1] in B34_THIRD and any(w in B34_JOINS for w in ws[said[-1] : s]):
            out.append((s - 1, e))
    return {"resolved": out}


def round34b_revise(marks: Marks, ws: list[str]) -> Marks:
    """A "resolved" that is someone carried home, with a body in trouble said after it, is
    dropped (module docstring)."""
    homes = [s for s, _ in find(ws, B34_HOME)]
    troubles = [s for s, _ in find(ws, B34_TROUBLE)]
    kept = [
        (s, e)
        for s, e in marks.get("resolved", [])
        if not (
            any(s <= h < e for h in homes) and any(e <= t < e + B34_TROUBLE_REACH for t in troubles)
        )
    ]
    return {**marks, "resolved": kept}


def round34b_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """A head hurt in a crash (blood from the ears, then snoring) is 115 even when the crash
    is said at a drain or a canal (114)."""
    if service != "114":
        return service
    tags = [h.entry.tags for h in hits if not h.negated]
    if any("n27_head_blood" in t for t in tags) and any("b34_snore" in t for t in tags):
        return "115"
    return service


# Hesitations a phrase is read across ("thở ờ hổng nổi", "máu ờ chảy hoài"); not "dạ" (a word
# of "chuyển dạ"), "ớ" nor "ơ" ("nói ú ớ", heard toneless "u ơ"), "ừ" ("lay hổng ừ hử").
B34_FILLERS = frozenset({"ờ", "ờm", "ừm", "ưm", "hừm", "hmm"})
# Particles that may end what was said ("bảy mươi chín à bà ngủ gà", "ho à lộn"): read
# across only when the word before them is said again after them ("thở à thở không nổi").
B34_PARTICLES = frozenset({"à", "ừ", "ừa", "ớ"})


def unbroken(said: list[str]) -> list[str]:
    """``said`` with the hesitations inside it dropped, a particle between a word and the
    same word again dropped, and a word said again across either read once ("hổng ờ hổng
    được", "tim ổng ờ ổng ngưng đập", "thở à thở không nổi"); a leading one is kept, and one
    before "không phải" (a self-repair: :func:`.need_base.self_repair`)."""
    out: list[str] = []
    skipped = False
    for k, w in enumerate(said):
        again = k + 1 < len(said) and bool(out) and said[k + 1] == out[-1]
        repair = said[k + 1 : k + 3] in (["không", "phải"], ["hổng", "phải"], ["hông", "phải"])
        if out and not repair and (w in B34_FILLERS or (w in B34_PARTICLES and again)):
            skipped = True
            continue
        if skipped and out[-1] == w:
            out.pop()
        out.append(w)
        skipped = False
    return out
