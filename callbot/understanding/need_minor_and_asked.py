"""Look-alikes of emergencies that are none, eighth set: a minor or settled injury, pest
control and household water, emergency services asked about, a theft over (round 18 of issue
13, two new writers; marks and the test read by :mod:`.need_time`, as
:mod:`.need_look_alikes_passing`).

The writers' false emergencies showed these classes, each covered in several wordings,
regions and recognition damages, not by their sentences:

- **A minor wound cared for** ("cắt trúng tay máu ra một chút đè một hồi hết chảy rồi",
  "té trầy đầu gối chảy máu chút xíu rửa sát trùng dán băng keo rồi", "phỏng dầu nhỏ cỡ đồng
  xu xả nước lạnh rồi hết rát"): bleeding or a burn with a small wound (:data:`SMALL_WOUNDS`),
  said to be little (:data:`LITTLE`) or cared for and stopped (:data:`CARED`), nothing grave
  (:data:`GRAVE`: "chảy nhiều", "không cầm được", "đâm"): no 115; pressing the wound ("đè")
  after it is no one crushed.
- **Choking over** ("hóc cục kẹo vỗ lưng nó ói ra rồi giờ khóc to", Vosk's "hốc"): the thing
  spat or coughed out (:data:`EXPELLED` + "rồi"/"được") and the child crying loudly or
  breathing normally after (:data:`FINE`), no distress after: the choking said before is over.
- **Out of the water by himself** ("té xuống ao mà tự leo lên rồi", "bơi vô bờ được rồi"): a
  fall into water before a climb out (:data:`CLIMBED`), not denied ("chưa leo lên được").
- **Pest control** ("phường có phun thuốc diệt chuột hông", "xin người tới xịt thuốc chuột"):
  a pest's poison after a verb of spraying, laying, buying or selling (:data:`USES`), nobody
  said to swallow or breathe it (:data:`TAKEN`).
- **Household water** ("vòi nước quên khóa nước tràn ra hẻm", "bể ống nước xịt lênh láng"):
  water from a tap, a pipe or a tank (:data:`SOURCES`) overflowing, no danger named: a calm
  scene the model may not promote.
- **A stray animal to catch** ("muốn báo phường bắt nhốt", "bắt con chó đó nhốt lại"):
  "nhốt" asked of an animal named in the answer, no person locked up.
- **Emergency services asked about**: which number ("gọi công an thì bấm một một ba hay bấm
  số phường"), a supposition ("có chuyện gì thì gọi xe cấp cứu"), the fire engine that could
  not get into the alley ("xe chữa cháy hổng vô được thì lỡ có chuyện"), strangers seen for
  days and a burglary feared ("mấy bữa nay có người lạ ngó vô nhà, tui sợ chộm").
- **A theft over, the need now food or money** ("hôm nay bị giựt hết vé với tiền rồi con tui
  ở nhà chưa có gì ăn"): the theft completed, a need of food or money after it, nothing of an
  attacker near or anyone hurt.

What this module reads as a calm scene (``calm_scene``) also tells :mod:`.need` that the
rules read the answer, so the statistical model may not promote it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

# 1. A minor wound cared for.
INJURIES = words("máu phỏng bỏng phõng")
SMALL_WOUNDS = words("""
    trầy xước sướt cứa đứt cắt quẹt vấp gai dằm kim phỏng bỏng phõng rộp
""")
LITTLE = phrases("""
    chút xíu, một chút, chút, tí, tí xíu, một tí, xíu, chút đỉnh, ít, một ít, sơ sơ, lấm tấm,
    rịn, rướm, nhỏ xíu, nhỏ cỡ, cỡ đồng xu, bằng đồng xu, cỡ ngón tay, bằng ngón tay, nhỏ thôi
""")
CARED = phrases("""
    hết chảy, ngưng chảy, ngừng chảy, cầm máu, cầm được, cầm lại, hết ra máu, máu ngưng,
    máu cầm, dán băng, băng lại, băng keo, băng cá nhân, sát trùng, rửa sạch, rửa vết,
    bôi thuốc, thuốc đỏ, ô xi già, oxy già, xả nước, ngâm nước, hết rát, đỡ rát, bớt rát
""")
GRAVE = words("""
    nhiều dữ lênh láng xối ồ ạt đâm chém bắn xỉu ngất tái lơ mê lịm sâu toác lòi gãy bể vỡ
    tím co giật phồng khắp mặt ho ói nôn mửa cầu run
""")
GRAVE_PHRASES = phrases("""
    không cầm, hổng cầm, không ngừng, không hết, chưa hết, chưa cầm, vẫn chảy, còn chảy,
    vẫn ra, còn ra, quá trời, hết cái
""")
PRESS = words("đè ấn")
PRESS_REACH = 6
# 2. Choking over.
CHOKING = words("hóc hốc nghẹn nghẹ mắc")
EXPELLED = phrases("""
    ói ra, nôn ra, mửa ra, khạc ra, nhả ra, ho ra, móc ra, lấy ra, phun ra, nhổ ra, văng ra,
    rớt ra, trôi xuống
""")
DONE = words("rồi được")
FINE = phrases("""
    khóc to, khóc lớn, khóc la, khóc ré, khóc om, khóc rống, khóc ngon, la khóc, thở bình
    thường, thở lại bình thường, thở đều, thở được rồi, thở ngon, chơi bình thường, chơi lại,
    hết nghẹn, bình thường rồi, không sao rồi, hổng sao rồi
""")
DISTRESS = words("tím khó không hông hổng lịm xỉu ngất mệt rít khò vẫn còn mê")
# 3. Out of the water by himself.
CLIMBED = phrases("""
    tự leo lên, leo lên được, leo lên rồi, tự bò lên, bò lên được, bò lên rồi, tự trèo lên,
    trèo lên được, trèo lên rồi, bơi vô bờ, bơi vào bờ, tự bơi vô, tự bơi vào, lội vô bờ,
    lội vào bờ, lên bờ rồi, tự lên được, tự đứng dậy được
""")
NOT_DONE = words("chưa không hổng hông chẳng ko chả đang")
CLIMB_DONE_REACH = 3
# Signs in the water after the climb: still in it ("đang bơi vô bờ mà đuối rồi").
WATER_DISTRESS = words("đuối chìm xiết trôi ngộp sặc lịm xỉu ngất tỉnh thở nổi")
# 4. Pest control.
PESTS = words("chuột gián muỗi kiến mối côn ruồi")
USES = words("phun xịt rải đặt để bỏ giăng đánh bán mua xin cấp phát dùng xài")
POISONS = words("thuốc bả")  # "đòi tiền chuột" is Vosk's ransom, no poison
USE_REACH = 3
TAKEN = words("""
    uống nuốt nhai ngậm liếm hít ngộ trúng ói nôn mửa sùi bọt giật xỉu ngất tím mê lịm tự
    miệng nhầm lộn lỡ choáng
""")
EATERS = PESTS | words("nó")  # "chuột ăn lúa" is no one who ate the poison
# 5. Household water.
SOURCES = phrases("""
    vòi nước, ống nước, bồn nước, két nước, máy bơm nước, bồn cầu, lavabo, bồn rửa, máy giặt,
    đồng hồ nước, thùng nước, lu nước
""")
OVERFLOW = words("tràn xì phun rò rỉ lênh láng")
WATER_DANGER = words("""
    điện giật chập té trượt ngã tỉnh xỉu chết đuối chìm kẹt cứu sập cháy nổ khói lũ lụt bão
    mưa sạt cuốn trôi máu hơi khí gas ga mùi cay rát ngộp ngạt hóa hoá chất
""")
# 6. A stray animal to catch.
ANIMALS = words("chó mèo heo gà vịt bò trâu khỉ rắn trăn thú vật")
LOCK = "nhốt"
CATCH = words("bắt đem xích cột")
PEOPLE = words("""
    người con cháu em bé nhỏ tui tôi mình ổng bả ông bà anh chị vợ chồng ba má mẹ bố thằng
    đứa cô chú bác ai
""")
LOCK_REACH = 3
# 7. Emergency services asked about.
SERVICE_NUMBERS = phrases("""
    một một ba, một một bốn, một một lăm, một một năm, một trăm mười ba, một trăm mười bốn,
    một trăm mười lăm
""")
ALTERNATIVE = "hay"
ASKING_ENDS = words("hả hông không ta nhỉ ha vậy hen")
ASKING = phrases("phải không, đúng không, phải hông, đúng hông, số nào, số mấy, mới nhanh")
URGENT = words("đang cứu lẹ gấp kìa liền ngay")
SERVICES = words("thương hỏa hoả hộ nạn")  # "cứu thương", "cứu hỏa" name a service
SUPPOSING = phrases("""
    có chuyện gì thì, có chuyện thì, có gì thì, có bề gì, có mệnh hệ gì, lỡ có chuyện,
    nhỡ có chuyện, khi có chuyện, nếu có chuyện
""")
VEHICLE = "xe"
CANNOT_ENTER = phrases("""
    hổng vô được, không vô được, không vào được, ko vô được, hông vô được, chẳng vào được,
    không vô, không vào, hổng vô, hông vô, vô không được, vào không được, không lọt,
    không chạy vô, không chạy vào, khó vô, khó vào, không tới được
""")
ENTER_REACH = 4
PONDERED = words("lỡ nếu nhỡ hỏi sao")
DAYS = phrases("""
    mấy bữa nay, mấy hôm nay, mấy ngày nay, mấy đêm nay, mấy tối nay, mấy bữa rày, mấy hôm
    rày, hổm rày, cả tuần nay, mấy tuần nay, dạo này, dạo gần đây, mấy nay
""")
WATCH = phrases("""
    sợ trộm, sợ chộm, sợ bị trộm, sợ ăn trộm, sợ ăn chộm, sợ tụi nó, sợ nó vô, để ý, tuần tra,
    canh chừng, theo dõi, coi chừng, kiểm tra, nhắc nhở
""")
SUSPECT = words("lạ ngó nhìn rình dòm lảng vảng qua lại đứng")
BREAK_IN = words("cạy phá đập bẻ cắt trèo leo đột khóa khoá ổ đánh đâm")
# 8. A theft over.
THEFT = words("giựt giật trộm chộm cướp móc")
GONE = words("hết mất")
NEEDS = phrases("""
    chưa có gì ăn, không có gì ăn, hổng có gì ăn, chưa có cơm, đói, hết tiền, không có tiền,
    hổng có tiền, không còn tiền, hổng còn tiền, không còn đồng, xin gạo, xin tiền, hỗ trợ,
    giúp đỡ, tiền chợ, mua gạo
""")
THEFT_DANGER = words("""
    đang đuổi đánh đâm chém máu thương té xỉu kìa dao súng đuổi theo chạy theo còn
""")
THEFT_REACH = 8
CUES = (
    INJURIES
    | CHOKING
    | PESTS
    | OVERFLOW
    | THEFT
    | words("""
    nhốt một lạ chữa cứu cấp leo bò trèo bơi lội lên chuyện bề mệnh
""")
)


def _minor_wound(words_: list[str]) -> bool:
    """Bleeding or a burn of a small wound, little or cared for, nothing grave."""
    said = set(words_)
    if not INJURIES & said or not SMALL_WOUNDS & said or GRAVE & said:
        return False
    return not find(words_, GRAVE_PHRASES) and bool(find(words_, LITTLE) or find(words_, CARED))


def _choking_over(words_: list[str]) -> list[tuple[int, int]]:
    """From the answer's start to the thing expelled, when the child is fine after it."""
    if not CHOKING & set(words_):
        return []
    for _, e in find(words_, EXPELLED):
        if not DONE & set(words_[e : e + 3]):
            continue
        after = words_[e:]
        fine = find(after, FINE)
        if fine and not DISTRESS & set(after[: fine[0][0]] + after[fine[-1][1] :]):
            return [(0, e)]
    return []


def _climbed_out(words_: list[str]) -> list[tuple[int, int]]:
    """Each climb out of the water, not denied nor asked ("leo lên được không")."""
    out = []
    for s, e in find(words_, CLIMBED):
        before = set(words_[max(0, s - 2) : s])
        if NOT_DONE & before or NOT_DONE & set(words_[e : e + 2]):
            continue
        if not DONE & set(words_[s : e + CLIMB_DONE_REACH]) or WATER_DISTRESS & set(words_[e:]):
            continue
        out.append((s, e))
    return out


def _household_water(words_: list[str]) -> bool:
    """Water from a tap, a pipe or a tank overflowing, no danger named."""
    said = set(words_)
    return bool(OVERFLOW & said) and not WATER_DANGER & said and bool(find(words_, SOURCES))


def _strangers_for_days(words_: list[str]) -> bool:
    """Strangers seen for days, a burglary feared or a watch asked, nothing under way."""
    said = set(words_)
    return (
        bool(find(words_, DAYS) and find(words_, WATCH))
        and not _urgent(words_)
        and not BREAK_IN & said
    )


def _urgent(words_: list[str]) -> bool:
    """Whether something is said to be under way or pressing ("đang", "cứu với", "lẹ")."""
    return any(
        w in URGENT
        and not (w == "cứu" and (words_[k + 1 : k + 2] and words_[k + 1] in SERVICES))
        and not (w == "cứu" and k > 0 and words_[k - 1] == "cấp")
        for k, w in enumerate(words_)
    )


def minor_marks(words_: list[str]) -> Marks:
    """Where the answer says what this module's classes need (module docstring)."""
    if not CUES & set(words_):
        return {}
    over = _choking_over(words_)
    calm = over + [(0, 1)] * (_household_water(words_) or _minor_wound(words_))
    return {
        "choking_over": over,
        "climbed_out": _climbed_out(words_),
        "minor_wound": [(0, 1)] * _minor_wound(words_),
        "strangers_for_days": [(0, 1)] * _strangers_for_days(words_),
        "supposed": find(words_, SUPPOSING),
        "calm_scene": calm,
    }


def _wound(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """The bleeding or burn of a minor wound, or pressing it ("đè một hồi hết chảy")."""
    if not marks.get("minor_wound"):
        return False
    said = set(words_[hit.start : hit.end])
    if INJURIES & said:
        return True
    near = words_[max(0, hit.start - PRESS_REACH) : hit.start]
    return bool(PRESS & said) and "máu" in near and "bị" not in near[-1:]


def _pest_control(hit: Hit, words_: list[str]) -> bool:
    """A pest's poison to spray, lay, buy or sell, nobody said to take it."""
    said = words_[hit.start : hit.end]
    if (
        not PESTS & set(said)
        or not POISONS & set(said)
        or not USES & set(words_[max(0, hit.start - USE_REACH) : hit.start])
    ):
        return False
    eaten = any(w == "ăn" and (k == 0 or words_[k - 1] not in EATERS) for k, w in enumerate(words_))
    return not eaten and not TAKEN & set(words_)


def _animal_locked(hit: Hit, words_: list[str]) -> bool:
    """ "bắt nhốt" asked of an animal named in the answer, nobody locked up."""
    said = words_[hit.start : hit.end]
    if LOCK not in said or not ANIMALS & set(words_):
        return False
    k = hit.start + said.index(LOCK)
    before, after = words_[max(0, k - LOCK_REACH) : k], words_[k + 1 : k + 1 + LOCK_REACH]
    caught = bool(CATCH & set(before)) and not PEOPLE & set(before[-2:])
    return (caught or bool(ANIMALS & set(after))) and not PEOPLE & set(after)


def _number_asked(hit: Hit, words_: list[str]) -> bool:
    """A service's number asked about: "bấm một một ba hay ...", "... là một một ba hả"."""
    starts = {s for s, _ in find(words_, SERVICE_NUMBERS)}
    if not any(hit.start <= s < hit.end for s in starts) or _urgent(words_):
        return False
    after = words_[hit.end : hit.end + 3]
    tail = words_[hit.end :]
    return (
        ALTERNATIVE in after
        or bool(find(tail, ASKING))
        or (len(tail) <= 4 and bool(ASKING_ENDS & set(tail[-1:])))
    )


def _vehicle_kept_out(hit: Hit, words_: list[str]) -> bool:
    """The fire engine or the ambulance that could not get in, supposed or asked about."""
    named = words_[max(0, hit.start - 1) : hit.end]
    if VEHICLE not in named:
        return False
    kept = any(0 <= s - hit.end < ENTER_REACH for s, _ in find(words_, CANNOT_ENTER))
    return kept and bool(PONDERED & set(words_)) and not _urgent(words_)


def _suspects(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Strangers seen for days, no break-in: what is feared is not happening."""
    said = set(words_[hit.start : hit.end])
    return bool(marks.get("strangers_for_days")) and bool(SUSPECT & said)


def _theft_over(hit: Hit, words_: list[str]) -> bool:
    """A theft completed ("bị giựt hết ... rồi") and a need of food or money after it."""
    said = words_[hit.start : hit.end]
    if hit.entry.alarm != "113" or not THEFT & set(said) or THEFT_DANGER & set(words_):
        return False
    rest = words_[hit.end : hit.end + THEFT_REACH]
    if "rồi" not in rest or not GONE & set(rest[: rest.index("rồi")]):
        return False
    return any(s >= hit.end for s, _ in find(words_, NEEDS))


def minor_look_alike(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    if "choking_over" not in marks:  # none of this module's cues in the answer
        return False
    tags = hit.entry.tags
    return (
        _wound(hit, words_, marks)
        or any(
            hit.end <= e and CHOKING & set(words_[hit.start : hit.end])
            for _, e in marks["choking_over"]
        )
        or ("water" in tags and any(hit.end <= s for s, _ in marks["climbed_out"]))
        or _pest_control(hit, words_)
        or _animal_locked(hit, words_)
        or _number_asked(hit, words_)
        or _vehicle_kept_out(hit, words_)
        or _suspects(hit, words_, marks)
        or _theft_over(hit, words_)
    )
