"""Round 32V of issue 13 (writer V of session 17: the second development part's medical
emergencies buried in long calls about aid, said in the middle or at the end after "mà",
"à mà", "mà nè").

115, signs read alone:

- **No breath seen**: "hổng thấy hít vô", "không thấy ổng hít vô thở ra" (not "không hít vô
  khói": the person or "thấy" is said).
- **Slapped and not waking**: "tát vô mặt cũng hổng tỉnh", "vỗ mặt mà không dậy".
- **The head or hair of a child showing**: "thấy tóc đứa nhỏ lú ra", "em bé lòi tóc ra".

115, signs read together (:data:`V32_COMBOS`):

- noisy breath ("ngực rít rít như kéo ống bễ", "thở kéo rít") then a stop ("im bặt một hồi",
  "nín luôn cả chục giây");
- a dog ("con ki", "con vện", "con béc giê", "chó hoang") then a torn body ("ngoạm rách một
  miếng", "táp rách toạc bắp chuối", "xé cái chân te tua");
- a fit ("lên cơn", "co quắp", "run bần bật", "cứng người") and eyes gone ("hai mắt ngó lên",
  "mắt lạc đi", "mắt đứng tròng");
- a baby silent ("hổng kêu oe oe", "nằm lặng thinh") and grey ("da xám xịt");
- a birth then blood to the floor ("huyết chảy xuống tới nền gạch");
- half a face stiff ("nửa mặt đơ cứng", "một bên mặt đơ") with a leg giving way ("chân
  khuỵu xuống") or slurred speech ("nói lè nhè", "không nói thành tiếng");
- a blood pressure said in words over two hundred ("máy báo hai trăm mười", "máy đo chỉ số
  trên hai trăm") with a head that hurts or vomiting ("nôn tùm lum", "mửa ra mấy lần");
- stings many ("ong chích quá trời chỗ", "bắp cày chích cả chục chỗ") with eyes dimming
  ("hoa mắt");
- a face swollen ("mặt sưng vù") or dark lips ("môi bầm đen", "miệng tái đen") with gasping
  ("há miệng hớp hơi không vô", "thở hồng hộc");
- a knock on the head ("cụng đầu vô", "va đầu") then vomiting, drowsiness or slurring;
- a pregnancy ("mang thai", "bụng đã bảy tháng") with blood ("máu đỏ tươi chảy hoài",
  "toàn là máu");
- a hand caught in a machine ("trục lăn cuốn tay") then mangled ("bầy nhầy", "nát bấy").

Marks (:func:`round32v_marks`, :func:`round32v_revise`):

- news from a loudspeaker, a screen or the net ("nghe trên loa phường nói", "thấy trên mạng
  nói") is a rumour up to the caller's own words ("tui", "em", "mà", "giờ");
- living on oxygen at home ("phải thở máy tạo ô xy ở nhà") and a paralysis told with an age
  ("bảy chục tuổi liệt nửa người") are a lasting state, not tonight's event;
- a stock image ("nóng như lửa", "như kéo ống bễ", "như có ai gõ") ends the simile: the
  sign after it is said plainly.

Service (:func:`round32v_service`): a press that crushed fingers and bled ("máy ép đè bẹp
năm ngón tay máu tuôn") is 115, not 114, unless the hand is still caught ("còn kẹt").

Calm: a dog on a leash that only barked, "không hít vô khói", a reading of two hundred with
no sign, news of a death elsewhere, an old paralysis, oxygen kept at home as a routine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_look_alikes_asked import DREAM_STOPS
from callbot.understanding.need_round32y import news_end
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

__all__ = ["V32_COMBOS", "V32_ENTRIES", "round32v_marks", "round32v_revise", "round32v_service"]

_WHO = ("", "ông", "bà", "ổng", "bả", "nó", "ba", "má", "con", "em bé", "bé", "ảnh", "chỉ")
_NO_BREATH_SEEN = pairings(
    ("hổng thấy", "không thấy", "hông thấy", "chẳng thấy"),
    _WHO,
    ("hít vô", "hít vào", "hít vô thở ra", "hít vào thở ra"),
)
_SLAP = pairings(
    ("tát vô mặt", "tát mặt", "vỗ mặt", "vỗ vô mặt", "tát"),
    ("cũng", "mà"),
    ("hổng tỉnh", "không tỉnh", "hông tỉnh", "hổng dậy", "không dậy", "hông dậy"),
)
_CROWNING = (
    pairings(
        ("tóc",),
        ("đứa nhỏ", "em bé", "đứa bé", "thằng nhỏ", "con nhỏ"),
        ("lú ra", "lòi ra", "ló ra", "thò ra"),
    )
    + ", "
    + pairings(
        ("đứa nhỏ", "em bé", "đứa bé"),
        ("lòi tóc ra", "ló tóc ra", "lú tóc ra"),
    )
)
_NOISY = """
    ngực rít rít, ổng rít rít, bả rít rít, nó rít rít, thở kéo rít, thở rít từng hơi,
    thở khò khè khò khè, ngực kéo rít
"""
_STOP = pairings(
    ("im bặt", "nín luôn", "nín thinh", "ngưng luôn", "tắt luôn", "im re"),
    ("một hồi", "cả chục giây", "mấy chục giây", "chục giây", "một lúc", "một lát", "hồi lâu"),
)
# dogs' names ("chó ..." is the lexicon's animal already, read with :data:`_TORN` too)
_DOG = "con ki, con vện, con béc giê, béc giê"
_TORN = pairings(
    ("ngoạm", "táp", "xé", "ngoạm nát", "táp rách", "táp rách toạc", "xé nát", "ngoạm rách",
     "ngoạm vô", "táp vô", "rách toạc"),
    ("", "cái", "nguyên cái", "cả"),
    ("chân", "tay", "bắp chuối", "bắp chuối chân", "bắp chân", "đùi", "mặt"),
) + ", rách một miếng lớn"  # fmt: skip
_FIT = "cứng người, cứng đơ người, cứng đờ người"
_EYES_GONE = pairings(
    ("mắt", "hai mắt", "con mắt", "tròng mắt", "mắt nó"),
    ("ngó lên", "lạc đi", "ngước lên", "dại đi", "láo liên"),
)
_SILENT = """
    lặng thinh, nằm lặng thinh, hổng kêu oe oe, không kêu oe oe, hông kêu oe oe,
    hổng khóc oe oe, không khóc oe oe, chưa khóc oe oe, im thin thít
"""
_GREY = "da xám xịt, xám xịt, da tái xám, da xám ngắt, tái xám"
_FLOOR = """
    huyết chảy, huyết ra, chảy xuống tới nền, chảy xuống nền, lênh láng dưới nền,
    đầy nền gạch, xuống tới nền gạch
"""
_HALF_FACE = """
    nửa mặt đơ, nửa mặt đơ cứng, một bên mặt đơ, mặt đơ một bên, nửa mặt cứng đơ
"""
_GIVES_WAY = "chân khuỵu, khuỵu xuống, chân trái khuỵu, chân phải khuỵu"
_SLURRED = """
    lè nhè, nói năng lè nhè, hổng nói thành tiếng, nói đớt đớt
"""
_OVER_200 = pairings(
    ("máy báo", "đo được", "cái máy được", "máy đo chỉ số", "chỉ số", "áp cao vọt",
     "áp lên", "máy đo được", "máy đo lên"),
    ("hai trăm", "trên hai trăm", "hơn hai trăm"),
)  # fmt: skip
_HEAD_HURTS = """
    đầu nhức như có ai gõ, nhức như có ai gõ, đầu ổng đau quá, đầu bả đau quá, ôm đầu la đau,
    ôm đầu la, đập tay vô trán
"""
_VOMITS = """
    nôn ọe không ngừng, ói ọe không ngừng, mửa ra mấy lần, nôn ra mấy lần, ói ra mấy lần,
    nôn tùm lum, mửa tùm lum, nôn ra từng đợt, ói ra từng đợt, nôn từng đợt
"""
_STINGS = pairings(
    ("ong chích", "ong đốt", "bắp cày chích", "bắp cày đốt", "vò vẽ chích", "vò vẽ đốt"),
    ("quá trời chỗ", "cả chục chỗ", "mấy chục chỗ", "khắp mình", "đầy mình"),
)
_DIM = "tối sầm mặt, đứng hết nổi, tay chân bủn rủn"
_GASP = """
    hớp hơi không vô, hớp hơi hổng vô, há miệng hớp hơi, há miệng ra để thở, há miệng ra thở,
    há họng ra thở, thở hồng hộc, khè khè như bị nghẹt, ngực kéo lên kéo xuống, hơi không có,
    giọng đứt quãng
"""
_LIPS = pairings(
    ("môi", "miệng"),
    ("", "bà", "ông", "ổng", "bả", "nó", "má", "ba", "dì", "cô", "chú"),
    ("bầm đen", "thâm đen", "tái đen", "chuyển màu xám", "chuyển xám", "xám ngắt", "dày cộm"),
)
_HIVES = "nổi mẩn đỏ lên từng mảng, nổi mẩn từng mảng, mẩn đỏ từng mảng, nổi mề đay từng mảng"
# a dog chained, a chest pressed, a jolt: no captive, no crush, no shot
_NOT_CRIME = """
    con vật bị xích lại, con vật bị xích, con chó bị xích lại, con chó bị xích,
    chó bị xích lại, chó bị xích, giựt bắn ra, giật bắn ra, giựt bắn người, giật bắn người
"""
_LEFT_ARM = pairings(
    ("tê rần", "tê", "đau lan", "nhói"),
    ("xuống", "qua", "ra"),
    ("bàn tay bên trái", "tay trái", "cánh tay trái", "bàn tay trái", "tay bên trái"),
)
_CHEST_PRESSED = "ngực bị đè ép, ngực bị đè, ngực như bị đè"
#: A knock on the head and drowsiness, found by rounds 32V, 32W and 32X in lists of their own
#: that share phrases ("cụng đầu"): whichever list's phrase is found (the longest), each
#: round's combos read it.
KNOCK_TAGS = "v32_knock w32_knock x32_knock"
DROWSY_TAGS = "v32_drowsy w32_drowsy"
STOP_TAGS, GASP_TAGS, GREY_TAGS = "v32_stop w32_still", "v32_gasp x32_gasp", "v32_grey n30_blue"
_KNOCK = "cụng đầu, cụng đầu vô, va đầu, va đầu vô, đụng đầu vô, đầu đập vô"
_DROWSY = "mắt díp lại, mắt lim dim, gà gật"
_MONTHS = ("năm", "sáu", "bảy", "tám", "chín")
_PREGNANT = pairings(("bụng đã", "bụng mang"), _MONTHS, ("tháng",))  # not "đau bụng đã năm ngày"
_PREGNANT += ", " + pairings(("mang thai tháng thứ",), _MONTHS)
_BLOOD = "máu đỏ tươi chảy, máu đỏ tươi, toàn là máu, máu đỏ thẫm"
_CAUGHT = pairings(
    ("trục lăn", "trục", "băng chuyền", "máy cán", "máy"),
    ("cuốn tay", "cán tay", "cuốn vô tay", "cán nát tay", "nghiến tay"),
)
_MANGLED = "bầy nhầy, nát bấy, nát bét, bấy nhầy"

# fmt: off
V32_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, _NO_BREATH_SEEN, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _SLAP, tags="sick", fold="tone", service="115"),
    entry("medical", "emergency", 5, _CROWNING, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _NOISY, tags="v32_noisy", fold="tone"),
    entry(None, "normal", 0, _STOP, tags=STOP_TAGS, fold="tone"),
    entry(None, "normal", 0, _DOG, tags="v32_dog", fold="tone"),
    entry(None, "normal", 0, _TORN, tags="v32_torn", fold="tone"),
    entry(None, "normal", 0, _FIT, tags="v32_fit", fold="tone"),
    entry(None, "normal", 0, _EYES_GONE, tags="v32_eyes", fold="tone"),
    entry(None, "normal", 0, _SILENT, tags="v32_silent", fold="tone"),
    entry(None, "normal", 0, _GREY, tags=GREY_TAGS, fold="tone"),
    entry(None, "normal", 0, _FLOOR, tags="bleeding_on", fold="tone"),
    entry(None, "normal", 0, _HALF_FACE, tags="v32_face", fold="tone"),
    entry(None, "normal", 0, _GIVES_WAY, tags="v32_limb", fold="tone"),
    entry(None, "normal", 0, _SLURRED, tags="v32_slur", fold="tone"),
    entry("medical", "normal", 3, _OVER_200, tags="sick pressure v32_over200", fold="tone"),
    entry(None, "normal", 0, _HEAD_HURTS, tags="v32_head", fold="tone"),
    entry(None, "normal", 0, _VOMITS, tags="v32_vomit", fold="tone"),
    entry(None, "normal", 0, _STINGS, tags="s31_stings", fold="tone"),
    entry(None, "normal", 0, _DIM, tags="v32_dim", fold="tone"),
    entry(None, "normal", 0, _GASP, tags=GASP_TAGS, fold="tone"),
    entry(None, "normal", 0, _LIPS, tags="v32_lips", fold="tone"),
    entry(None, "normal", 0, _HIVES, tags="v32_hives", fold="tone"),
    entry(None, "normal", 0, _NOT_CRIME, tags="v32_not_crime", fold="tone"),
    entry(None, "normal", 0, _CHEST_PRESSED, tags="b21_chest", fold="tone"),
    entry(None, "normal", 0, _LEFT_ARM, tags="v32_left_arm", fold="tone"),
    entry(None, "normal", 0, _KNOCK, tags=KNOCK_TAGS, fold="tone"),
    entry(None, "normal", 0, _DROWSY, tags=DROWSY_TAGS, fold="tone"),
    entry("medical", "high", 3, _PREGNANT, tags="pregnant", fold="tone"),
    entry(None, "normal", 0, _BLOOD, tags="v32_blood", fold="tone"),
    entry(None, "normal", 0, _CAUGHT, tags="v32_caught", fold="tone"),
    entry(None, "normal", 0, _MANGLED, tags="v32_mangled", fold="tone"),
)
V32_COMBOS: tuple[Combo, ...] = (
    signs_together("v32_noisy", "v32_stop", 12, ordered=True),
    signs_together("wheeze", "v32_stop", 12, ordered=True),
    signs_together("v32_dog", "v32_torn", 10, ordered=True),
    signs_together("animal", "v32_torn", 8, ordered=True),
    signs_together("v32_fit", "v32_eyes", 10),
    signs_together("fit", "v32_eyes", 10),
    signs_together("hypo_sign", "v32_eyes", 10),
    signs_together("v32_silent", "v32_grey", 10),
    signs_together("v32_face", "v32_limb", 10),
    signs_together("v32_face", "v32_slur", 10),
    signs_together("v32_face", "stroke_sign", 10),
    signs_together("v32_limb", "stroke_sign", 10),
    signs_together("v32_over200", "v32_head", 24, ordered=True, at_second=True),
    signs_together("v32_over200", "v32_vomit", 24, ordered=True, at_second=True),
    signs_together("s31_stings", "v32_dim", 12, ordered=True),
    signs_together("s31_stings", "o30_shaky", 12, ordered=True),
    signs_together("s31_stings", "b21_fainting", 12, ordered=True),
    signs_together("swollen", "v32_gasp", 14),
    signs_together("v32_lips", "v32_gasp", 12),
    signs_together("v32_lips", "wheeze", 12),
    signs_together("v32_hives", "v32_gasp", 12),
    signs_together("n30_chest", "v32_left_arm", 12, ordered=True),
    signs_together("b21_chest", "v32_left_arm", 12, ordered=True),
    signs_together("v32_hives", "wheeze", 12),
    signs_together("v32_knock", "v32_drowsy", 14, ordered=True, at_second=True),
    signs_together("v32_knock", "v32_slur", 16, ordered=True, at_second=True),
    signs_together("v32_knock", "b21_fainting", 14, ordered=True, at_second=True),
    signs_together("v32_knock", "confused", 14, ordered=True, at_second=True),
    signs_together("v32_knock", "stroke_sign", 16, ordered=True, at_second=True),
    signs_together("pregnant", "v32_blood", 14, ordered=True, at_second=True),
    signs_together("v32_caught", "v32_mangled", 12, ordered=True, at_second=True),
)
# fmt: on

# News from a public channel: a rumour up to the caller's own words.
V32_CHANNEL = phrases("""
    trên loa phường, loa phường, trên ti vi, trên tivi, trên mạng, trên báo, trên phây,
    trên facebook, trên tiktok, trên đài, trên thời sự
""")
V32_SAYS = words("nói đưa thông đăng kể báo")
V32_OWN = words("tui tôi tao")
V32_EM = words("em")
V32_EM_ALSO = words("bé nhỏ gái trai")  # "em bé", "em gái": another, not the caller
# Living on oxygen at home: a lasting state.
V32_ON_OXYGEN = phrases("""
    phải thở máy, phải thở ô xy, phải thở oxy, phải xài máy tạo ô xy, phải thở bình ô xy,
    thở máy tạo ô xy ở nhà
""")
# An age told, then a paralysis: her state, not tonight's stroke.
V32_PARALYSED = phrases("liệt nửa người, liệt một bên, liệt hai chân, bại liệt")
V32_AGE = words("tuổi")
V32_AGE_REACH = 3
V32_SUDDEN = words("tự nhiên tự dưng đột nhiên mới bị giờ đang bỗng")
# Stock images: the simile ends with them ("nóng như lửa hai tay co quắp").
V32_IMAGES = phrases("""
    lửa, hòn lửa, hòn than, than, kéo ống bễ, kéo bễ, có ai gõ, ai gõ, bị ai siết, ai siết,
    bị ai bóp, ai bóp
""")
V32_IMAGE_GOES_ON = words("cháy đốt thiêu nung")


def _news(ws: list[str]) -> list[tuple[int, int]]:
    out = []
    for _, e in find(ws, V32_CHANNEL):
        if not V32_SAYS.intersection(ws[e : e + 2]):
            continue
        end = len(ws)
        for k in range(e, len(ws)):
            w = ws[k]
            own = w in V32_OWN or (w in V32_EM and not V32_EM_ALSO.intersection(ws[k + 1 : k + 2]))
            if w in DREAM_STOPS or own:
                end = k
                break
        heard_until = news_end(ws, e)
        if heard_until > e:
            out.append((e, min(end, heard_until)))
    return out


def _lasting(ws: list[str]) -> list[tuple[int, int]]:
    out = list(find(ws, V32_ON_OXYGEN))
    for s, e in find(ws, V32_PARALYSED):
        before = ws[max(0, s - V32_AGE_REACH) : s]
        if V32_AGE.intersection(before) and not V32_SUDDEN.intersection(before):
            out.append((s, e))
    return out


def round32v_marks(ws: list[str]) -> Marks:
    """News from a public channel as a rumour; oxygen at home and an aged paralysis as
    lasting (module docstring)."""
    return {"dream": _news(ws), "chronic": _lasting(ws)}


def round32v_revise(marks: Marks, ws: list[str]) -> Marks:
    """A simile ending with a stock image does not reach the sign after it; the image itself
    stays no event ("như hòn lửa": no fire)."""
    similes = marks.get("simile", [])
    kept, images = [], []
    for s, e in similes:
        image = next((len(p) for p in V32_IMAGES if tuple(ws[e : e + len(p)]) == p), 0)
        if image and not V32_IMAGE_GOES_ON.intersection(ws[e + image : e + image + 1]):
            images.append((s, e + image))  # the image itself is still no fire
            continue
        kept.append((s, e))
    if not images:
        return marks
    return {**marks, "simile": kept, "mistaken": [*marks.get("mistaken", []), *images]}


V32_FINGERS = phrases("ngón tay, bàn tay, năm ngón, mấy ngón, cánh tay")
V32_BLED = phrases("máu, máo, huyết")
V32_STILL_CAUGHT = phrases("còn kẹt, vẫn kẹt, kẹt cứng, chưa rút ra, chưa kéo ra, chưa gỡ ra")
V32_CRUSH_REACH = 8


def round32v_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """Fingers crushed by a press and bleeding ("máy ép đè bẹp năm ngón tay máu tuôn"): 115,
    not 114, unless the hand is still caught."""
    if service != "114" or find(ws, V32_STILL_CAUGHT):
        return service
    rescue = [h for h in hits if h.entry.alarm == "114" and not h.negated]
    if not rescue or not all("press" in h.entry.tags for h in rescue):
        return service
    for h in rescue:
        after = ws[h.end : h.end + V32_CRUSH_REACH]
        if find(after, V32_FINGERS) and find(after, V32_BLED):
            return "115"
    return service
