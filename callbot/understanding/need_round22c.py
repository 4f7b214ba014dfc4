"""Emergencies the rules missed and services they got wrong, as the thirteenth development
part's writers L and M said them (round 22C of issue 13). The entries and combos are read by
:mod:`.need_lexicon`, :func:`round22c_marks` and :func:`round22c_revise` by :mod:`.need_marks`,
:func:`round22c_service` by :func:`.need._decide`.

- **A convulsion is no snatching** : "con tui co giật tui giữ chặt nó", "bà tui lên cơn co
  giật tui đang giữ bả": the lexicon's snatching "giật tui" right after "co" / "cơ" is the
  fit and who holds the patient (marked ``mistaken``); "nó giật tui cái giỏ" stays 113.
- **Gunfire, no blast** (113): "hai nhóm bắn nhau bằng súng tự chế tiếng nổ đoàng đoàng":
  the blast heard where guns are fired ("bắn nhau", "súng tự chế", "súng hoa cải") and nothing
  burns is the shooting (round 21B read only "cầm súng", "nổ súng"...).
- **A polite "just a moment"** : "hỏi chút xíu thôi mà anh ơi ngay bây giờ có thằng ... đang
  đánh": "chút xíu thôi" right after "hỏi", "phiền", "làm phiền" is no minimising.
- **Bedridden for long, but today** : "ba tui nằm liệt lâu rồi mà nay thở dốc ... mạch yếu
  xìu": the long-standing stretch ends at "mà nay", "mà giờ", "mà bữa nay", "nhưng hôm nay".
- **Signs told plainly** (115): a lightning strike ("bị sét đánh trúng", Vosk's "sét đáng
  trúng"); a wheel over a limb ("xe ben cán trúng chân", "cán dập chân"); a bar driven into
  the body ("thanh sắt đâm vô bụng", "đâm xuyên qua đùi"); a goring ("bị trâu húc", "bò
  báng", "rách bụng", Vosk's "rách bún"); acid or a chemical on the skin ("bị đổ axit lên
  tay", "hóa chất văng vô mắt"); a boat's propeller ("chân vịt ghe chém"); blood as Vosk
  writes it "mao" ("mao chảy ròng ròng", "ói ra mao"); the appendix (pain low on the right
  of the belly with a fever or unable to walk: "đau bụng dưới bên phải ... sốt cao đi hông
  nổi"); a dehydrated infant (sunken eyes with listlessness or refusing the breast: "mắt
  trũng li bì hông chịu bú").
- **Told plainly** (113): staff beaten ("đánh nhân viên", Vosk's "đáng nhân viên"); someone
  locked in by a partner, Vosk's "nhột" for "nhốt" ("bị bạn trai nhột trong nhà").
- **A masked man climbing in** (113): "có thằng bịt mặt đang trèo vô cửa sổ nhà bà cụ".
- **About to jump** (114): someone up high ("trên nóc nhà", "mép sân thượng") who threatens to
  jump ("đòi nhảy xuống", "dọa nhảy").
- **A python where people sleep or children are** (114): a python, crocodile or rabid dog
  coiled round something or got into a bedroom, a coop ("con trăn bò vô phòng ngủ quấn quanh
  chân giường", "trăn vô chuồng gà đang quấn con chó").
- **Which number** (:func:`round22c_service`): an attack going on while the caller is the one
  stuck ("đang bị ... cầm búa đánh ở dưới nhà tui kẹt ở trên lầu") is 113, not a rescue;
  someone freed from under a load ("nhấc ra được dồi mà ổng ói ra máu") and then ill is 115;
  the attackers gone and the caller the one standing there hurt ("bị chém xong tụi nó chạy
  hết rồi em đang đứng ngoài quán máu chảy") is 115.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import Phrases, phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = [
    "C22_COMBOS",
    "C22_ENTRIES",
    "round22c_marks",
    "round22c_revise",
    "round22c_service",
]

# -- marks: a convulsion, gunfire, a polite moment, today after long ----------------------
C22_FIT = words("co cơ")
C22_SNATCHED = words("tui tôi em mình")
C22_GUNFIRE = phrases("""
    bắn nhau, bắn qua bắn lại, súng tự chế, súng hoa cải, súng côn, súng săn, súng ngắn,
    súng nhựa bắn bi, bằng súng
""")
C22_BLAST = phrases("nổ, tiếng nổ, nổ lớn, tiếng nổ lớn, nổ đùng, nổ đoàng, nổ liên tục")
C22_BURNING = words("cháy lửa khói ga gas bình xăng điện pin trạm biến pháo")
C22_POLITE = words("hỏi phiền")
C22_TODAY = phrases("""
    mà nay, mà giờ, mà bữa nay, mà hôm nay, mà sáng nay, mà tối nay, mà tự nhiên,
    nhưng nay, nhưng giờ, nhưng hôm nay, nhưng bữa nay, nhưng sáng nay
""")


def _convulsion(words_: list[str]) -> list[tuple[int, int]]:
    """Each "co giật tui": the fit, and the family who holds the patient."""
    return [
        (k, k + 2)
        for k in range(1, len(words_) - 1)
        if words_[k] == "giật" and words_[k - 1] in C22_FIT and words_[k + 1] in C22_SNATCHED
    ]


def round22c_marks(words_: list[str]) -> Marks:
    """This module's marks: a convulsion's "giật tui", a blast where guns are fired."""
    mistaken = _convulsion(words_)
    if find(words_, C22_GUNFIRE) and not C22_BURNING & set(words_):
        mistaken += find(words_, C22_BLAST)
    return {"mistaken": mistaken}


def round22c_revise(marks: Marks, words_: list[str]) -> Marks:
    """``marks`` with a polite "chút xíu thôi" no minimising, and a long-standing stretch
    ended where today's change is told."""
    polite = [(s, e) for s, e in marks.get("denied", []) if s > 0 and words_[s - 1] in C22_POLITE]
    if polite:
        marks = {
            **marks,
            "denied": [sp for sp in marks["denied"] if sp not in polite],
            "small": [
                sp for sp in marks.get("small", []) if not any(a <= sp[0] < b for a, b in polite)
            ],
        }
    return {**marks, "chronic": ended_at_turns(marks.get("chronic", []), words_, C22_TODAY)}


def ended_at_turns(
    spans: list[tuple[int, int]], words_: list[str], turns: Phrases
) -> list[tuple[int, int]]:
    """``spans`` each ended at the first of ``turns`` said inside it ("mà giờ", "mà không
    đỡ": today's change of a long-standing condition; rounds 22C and 29A)."""
    starts = [s for s, _ in find(words_, turns)]
    return [(s, min((t for t in starts if s < t < e), default=e)) for s, e in spans]


# -- signs told plainly ----------------------------------------------------------------------
_LIGHTNING = """
    bị sét đánh, sét đánh trúng, sét đáng trúng, bị sét đáng, sét đánh ngã, sét đánh xỉu,
    sét đánh trúng người, sét đánh cháy người, sét đánh chết
"""
_RUN_OVER = """
    cán trúng chân, cán qua chân, cán lên chân, cán dập chân, cán nát chân, cán gãy chân,
    cán ngang chân, cán trúng tay, cán qua tay, cán dập tay, cán nát tay, cán trúng người,
    cán ngang người, cán lên người
"""
_IMPALED = """
    sắt đâm vô bụng, sắt đâm vô người, sắt đâm vô đùi, sắt đâm vô ngực, sắt đâm xuyên,
    sắt đâm thủng, thanh sắt đâm, cây sắt đâm, cọc sắt đâm, mũi sắt đâm, bị sắt đâm,
    xuyên qua bụng, xuyên qua đùi, xuyên qua chân, xuyên qua ngực,
    xuyên qua người, xuyên qua tay
"""
_GORED = """
    trâu húc, bị trâu húc, bị bò húc, con bò húc, bò húc trúng, trâu báng, bò báng,
    bị trâu báng, bị bò báng, trâu điên húc, bò điên húc, rách bụng, rách bún, lòi ruột,
    lòi ruộc, thủng bụng
"""
_BURNT = """
    đổ axit lên, đổ a xít lên, đổ axít lên, axit văng vô, axit bắn vô, văng axit vô,
    dính axit vô, bị axit văng, bị axit bắn, bị bỏng axit,
    bỏng hóa chất, phỏng hóa chất, hóa chất văng vô, hóa chất bắn vô, văng hóa chất vô,
    xút văng vô, vôi bột văng vô mắt
"""
_PROPELLER = """
    chân vịt ghe chém, chân vịt ghe cắt, chân vịt tàu chém,
    chân vịt quạt trúng, chân vịt ghe quạt, bị chân vịt
"""
_BLOOD = """
    mao chảy ròng ròng, mao ra ròng ròng, mao chải ròng ròng, mao chảy quá, mao chải quá,
    mao chảy nhiều, mao chảy hoài, mao ra nhiều, mao ra dữ, mao ra quá trời, mao me đầy,
    chảy mao nhiều, chảy mao quá, chảy mao hoài, ói ra mao, nôn ra mao, ói mao, ộc mao
"""
_RIGHT_BELLY = """
    bụng dưới bên phải, bụng bên phải, bên phải bụng, hố chậu phải, hố chậu bên phải,
    dữ lắm bên phải, dữ dội bên phải, quá trời bên phải, quặn bên phải, phía dưới bên phải
"""
_CANNOT_WALK = "đi {k} nổi, đi hông có nổi, đứng {k} thẳng, đi {k} thẳng lưng, lết {k} nổi"
_FEVER = "sốt nóng, sốt hầm hập, sốt ói, sốt mê"
_SUNKEN = """
    mắt trũng, trũng mắt, mắt lõm, mắt trủng, thóp lõm, lõm thóp, môi khô nứt,
    khóc {k} ra nước mắt, khóc {k} có nước mắt
"""
_LISTLESS = """
    li bì, ly bì, lì bì, {k} chịu bú, bỏ bú, {k} bú được, {k} chịu ăn uống gì
"""
_STAFF_BEATEN = """
    đánh nhân viên, đáng nhân viên, quánh nhân viên, đập nhân viên, hành hung nhân viên,
    đánh người làm, đáng người làm, đánh con nhân viên
"""
_LOCKED_IN = """
    bạn trai nhột, bị bạn trai nhột, chồng nhột, bị chồng nhột, nhột trong nhà,
    nhột trong phòng, nhột lại trong, nhột tui trong, nhột em trong, khóa cửa nhột
"""
_COILED = """
    quấn quanh, đang quấn, quấn lấy, quấn chặt, quấn con, vô phòng ngủ, trong phòng ngủ,
    vô chuồng, vô chuồng gà, vô chuồng heo, dưới gầm giường, vô mùng
"""
_MASKED = "bịt mặt, trùm mặt, trùm kín mặt, đeo mặt nạ, bịt khăn kín mặt"
_CLIMBING_IN = "đang trèo vô, đang leo vô, đang chui vô, đang trèo vào, đang leo vào"
_WANTS_JUMP = """
    đòi nhảy, đòi nhảy xuống, dọa nhảy, dọa nhảy xuống, muốn nhảy xuống, tính nhảy xuống,
    định nhảy xuống, đòi gieo mình, đòi buông tay
"""

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
C22_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 3, _LIGHTNING, tags="sick c22_struck", fold="tone",
          service="115"),
    entry("medical", "emergency", 3, _RUN_OVER, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 3, _IMPALED, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 3, _GORED, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 3, _BURNT, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 3, _PROPELLER, tags="sick wound", fold="tone",
          service="115"),
    entry("medical", "emergency", 3, _BLOOD, tags="sick", fold="tone", service="115"),
    entry("violation", "emergency", 3, _STAFF_BEATEN, tags="violence", fold="tone",
          service="113"),
    entry("violation", "emergency", 3, _LOCKED_IN, tags="crime captive", fold="exact",
          service="113"),
    entry(None, "normal", 0, _RIGHT_BELLY, tags="c22_right_belly", fold="tone"),
    entry(None, "normal", 0, _CANNOT_WALK, tags="c22_cannot_walk", fold="tone"),
    entry(None, "normal", 0, _FEVER, tags="c22_fever", fold="tone"),
    entry(None, "normal", 0, _SUNKEN, tags="c22_sunken", fold="tone"),
    entry(None, "normal", 0, _LISTLESS, tags="c22_listless", fold="tone"),
    entry(None, "normal", 0, _COILED, tags="c22_coiled", fold="tone"),
    entry(None, "normal", 0, _MASKED, tags="c22_masked", fold="tone"),
    entry(None, "normal", 0, _CLIMBING_IN, tags="c22_climbing_in", fold="tone"),
    entry(None, "normal", 0, _WANTS_JUMP, tags="c22_wants_jump", fold="tone"),
)

C22_COMBOS: tuple[Combo, ...] = (
    Combo(("c22_right_belly", "c22_cannot_walk"), "medical", "emergency", 5, window=14,
          ordered=True, service="115", gives=frozenset({"sick"})),
    Combo(("c22_right_belly", "c22_fever"), "medical", "emergency", 5, window=12,
          service="115", gives=frozenset({"sick"})),
    Combo(("c22_right_belly", "fever"), "medical", "emergency", 5, window=12,
          service="115", gives=frozenset({"sick"})),
    Combo(("c22_right_belly", "sick"), "medical", "emergency", 5, window=8, ordered=True,
          service="115", gives=frozenset({"sick"})),
    Combo(("c22_sunken", "confused"), "medical", "emergency", 5, window=10,
          service="115", gives=frozenset({"sick"})),
    Combo(("c22_sunken", "c22_listless"), "medical", "emergency", 5, window=10,
          service="115", gives=frozenset({"sick"})),
    Combo(("c22_masked", "c22_climbing_in"), "violation", "emergency", 5, window=6,
          ordered=True, service="113", gives=frozenset({"crime"})),
    Combo(("stuck", "c22_wants_jump"), "other", "emergency", 5, window=10, service="114",
          gives=frozenset({"stuck"})),
    Combo(("height", "c22_wants_jump"), "other", "emergency", 5, window=10, service="114",
          gives=frozenset({"stuck"})),
    Combo(("b21_beast", "c22_coiled"), "other", "emergency", 5, window=10, ordered=True,
          service="114", gives=frozenset({"trapped"})),
)
# fmt: on

# -- which number ------------------------------------------------------------------------------
C22_ME = words("tui tôi em mình tao tau")
C22_ASPECT = words("bị đang còn vẫn cũng")
C22_KIN = words("anh chị em con ba má mẹ cha bố ông bà cô chú dì cậu vợ chồng bạn cháu của")
C22_STUCK = frozenset({"trapped", "cannot_leave", "stuck"})
C22_NOT_RESCUE = frozenset({"fire", "water", "blast", "collapse", "flood", "smoke", "gas"})
C22_FREEING = words("nhấc khiêng lôi kéo moi cứu vực gỡ bưng đỡ khênh")
C22_FREED = phrases("ra được rồi, ra được dồi, ra được rùi, ra được mà, ra được nhưng, ra được")
C22_PRESENT = words("perpetrator")


def _mine(hit: Hit, words_: list[str]) -> bool:
    """Whether the caller is who the hit is said of ("tui kẹt", "em bị kẹt", "em đang đứng";
    not "anh tui kẹt": the caller's kin)."""
    k = hit.start - 1
    while k >= 0 and words_[k] in C22_ASPECT:
        k -= 1
    return k >= 0 and words_[k] in C22_ME and not (k > 0 and words_[k - 1] in C22_KIN)


def _stuck_by_attack(attacks: list[Hit], rescues: list[Hit], words_: list[str]) -> bool:
    """Whether every rescue said is the caller stuck, after an attack told ("đang bị ... đánh
    ở dưới nhà tui kẹt ở trên lầu")."""
    first = min(a.start for a in attacks)
    return all(
        bool(C22_STUCK & h.entry.tags)
        and not C22_NOT_RESCUE & h.entry.tags
        and _mine(h, words_)
        and h.start > first
        for h in rescues
    )


def _freed_then_ill(medical: list[Hit], rescues: list[Hit], words_: list[str]) -> bool:
    """Whether someone is freed ("nhấc ra được dồi") after every rescue said and a medical
    emergency told after it."""
    freed = [e for s, e in find(words_, C22_FREED) if s > 0 and words_[s - 1] in C22_FREEING]
    if not freed:
        return False
    last = max(freed)
    return any(h.start >= last for h in medical) and all(h.end <= last for h in rescues)


def _caller_left_standing(hits: list[Hit], words_: list[str], gone: list[tuple[int, int]]) -> bool:
    """Whether, after the attackers are said to leave, all that sounds like an attacker present
    is the caller ("em đang đứng ngoài quán")."""
    last = max(e for _, e in gone)
    later = [
        h
        for h in hits
        if h.start >= last and (h.entry.alarm == "113" or C22_PRESENT & h.entry.tags)
    ]
    return bool(later) and all(_mine(h, words_) for h in later)


def round22c_service(
    service: Service | None, hits: list[Hit], words_: list[str], gone: list[tuple[int, int]]
) -> Service | None:
    """The number once this round's scenes are read (module docstring); ``service``
    otherwise. ``gone``: where the attackers are said to leave (:func:`.need_scene.gone_spans`,
    given by the caller: need_scene reads the lexicon, which reads this module)."""
    urgent = [h for h in hits if h.entry.urgency == "emergency"]
    attacks = [h for h in urgent if h.entry.alarm == "113"]
    medical = [h for h in urgent if h.entry.alarm == "115"]
    rescues = [h for h in urgent if h.entry.alarm == "114"]
    if service == "114" and attacks and rescues and _stuck_by_attack(attacks, rescues, words_):
        return "113"
    if service == "114" and medical and rescues and _freed_then_ill(medical, rescues, words_):
        return "115"
    if service == "113" and medical and gone and _caller_left_standing(hits, words_, gone):
        return "115"
    return service
